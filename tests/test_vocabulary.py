"""The one vocabulary: every value the pipeline emits has a label and a colour, and every
module shows the same labels and colours."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import vocabulary as V
from analysis.pipeline import analyse_path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures" / "claims").glob("*.txt")) + [ROOT / "data" / "raw" / "newsweek-nato-fills-holes-stockpiles.txt"]


@pytest.fixture(scope="module")
def emitted() -> dict[str, set[str]]:
    """Values of each vocabulary column over the pipeline's tables of every fixture article."""
    seen: dict[str, set[str]] = {c: set() for c in V.VALUES}
    for path in ARTICLES:
        t = analyse_path(path)
        seen["entity_type"] |= set(t["mentions"]["entity_type"])
        seen["mention_kind"] |= set(t["mentions"]["mention_kind"])
        seen["attribution"] |= set(t["claims"]["attribution"])
        for name in ("sentences", "mentions", "claims"):
            seen["zone"] |= set(t[name]["zone"])
    return seen


@pytest.mark.parametrize("column", sorted(V.VALUES))
def test_every_emitted_value_has_a_label_and_a_colour(emitted, column):
    for value in emitted[column]:
        assert value in V.VALUES[column], f"{column} {value!r} is emitted but not in the vocabulary"
        assert value in V._LABELS[column] and value in V._COLOURS[column]
    assert emitted[column], f"the fixtures emit no {column}: the test would prove nothing"


def test_every_vocabulary_value_has_a_label_and_colours():
    for column, values in V.VALUES.items():
        assert set(V._LABELS[column]) == set(values), column
        assert set(V._COLOURS[column]) == set(values), column
    assert set(V.ENTITY_TYPE_TINTS) == set(V.ENTITY_TYPES)
    assert set(V.ATTRIBUTION_LINE_STYLES) == set(V.ATTRIBUTIONS)


def test_fixtures_emit_the_main_types_and_every_attribution(emitted):
    assert {"PERSON", "ORG", "GPE", "DATE"} <= emitted["entity_type"]
    assert emitted["attribution"] == set(V.ATTRIBUTIONS)


def test_pipeline_modules_use_the_vocabulary():
    from analysis import article, claims, mentions

    assert article.ZONES is V.ZONES and mentions.ENTITY_TYPES is V.ENTITY_TYPES
    assert mentions.MENTION_KINDS is V.MENTION_KINDS and claims.ATTRIBUTIONS is V.ATTRIBUTIONS
    assert mentions.TYPE_COLOURS is V.ENTITY_TYPE_COLOURS


def test_one_unresolved_speaker_label_in_summaries_and_view():
    from analysis import render
    from analysis.claims import table as claims_table

    row = {"attribution": "indirect", "speaker": "", "speaker_entity_id": ""}
    assert claims_table._speaker_label(row) == V.UNRESOLVED_SPEAKER
    assert render.speaker_name(row) == V.UNRESOLVED_SPEAKER
    assert V.speaker_label("indirect", " ") == V.UNRESOLVED_SPEAKER
    assert V.speaker_label("narrator", "Ada") == V.NARRATOR_LABEL


def test_zone_colours_are_the_same_in_view_and_charts():
    from analysis import render
    from analysis.charts import text

    assert text.ZONE_COLOURS == V.ZONE_COLOURS
    assert render.ZONE_COLOURS == V.ZONE_COLOURS


def test_view_lists_only_emitted_types_and_attributions():
    from analysis import render

    assert set(render.ENTITY_COLOURS) == set(V.ENTITY_TYPES)
    assert set(render.ATTRIBUTION_STYLES) == set(V.ATTRIBUTIONS)


def test_labels_and_colours_of_unknown_values():
    assert V.label("zone", "sidebar") == "sidebar"
    assert V.colour("entity_type", "EVENT") == V.UNKNOWN_COLOUR
    assert V.label("entity_type", "ORG") == "organisation"
