"""Display names: the entity as the article writes it, the gazetteer's form kept in ``canonical``."""
from __future__ import annotations

import pandas as pd
from hypothesis import given, strategies as st

from analysis import names
from analysis.article import article_from_text
from analysis.pipeline import analyse


def _mentions(rows):
    cols = ["entity_id", "entity", "surface", "mention_kind", "start", "end"]
    df = pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)
    return df.astype({"entity_id": "string", "entity": "string", "surface": "string", "mention_kind": "string"})


def _claims(rows):
    return pd.DataFrame(rows, columns=["speaker", "speaker_entity_id"]).astype("string")


def test_canonical_kept_when_the_article_writes_it():
    # "the European Union ... the EU ... the EU": the article writes the full name once
    assert names.display_name("European Union", ["European Union", "EU", "EU"]) == "European Union"


def test_most_used_surface_when_the_canonical_is_never_written():
    # an article that only ever says "NATO"
    assert names.display_name("North Atlantic Treaty Organization", ["NATO", "NATO"]) == "NATO"
    assert names.display_name("Associated Press", ["A.P.", "AP", "AP"]) == "AP"


def test_a_leading_article_is_not_part_of_the_name():
    assert names.display_name("Associated Press", ["The Associated Press", "AP", "AP"]) == "Associated Press"
    assert names.display_name("The Week", ["The Week"]) == "The Week"
    assert names.display_name("The Hague", ["Hague", "Hague"]) == "Hague"


def test_tie_goes_to_the_first_surface():
    assert names.display_name("Associated Press", ["A.P.", "AP"]) == "A.P."
    assert names.display_name("Associated Press", ["AP", "A.P."]) == "AP"


def test_capitals_and_plurals_write_the_canonical():
    assert names.display_name("Chicago", ["CHICAGO"]) == "Chicago"  # a dateline set in capitals
    assert names.display_name("Leopard", ["Leopards"]) == "Leopard"


def test_whitespace_inside_a_surface_is_collapsed():
    assert names.display_name("Agence France-Presse", ["AFP", "A\nFP", "Reuters"]) in ("AFP",)


def test_entity_named_only_by_role_keeps_canonical():
    assert names.display_name("North Atlantic Treaty Organization", []) == "North Atlantic Treaty Organization"


def test_apply_rewrites_entity_adds_canonical_and_renames_speakers():
    m = _mentions([
        ("E1", "North Atlantic Treaty Organization", "the alliance", "role", 0, 12),
        ("E1", "North Atlantic Treaty Organization", "NATO", "alias", 20, 24),
        ("", "", "he", "pronoun", 30, 32),
        ("E2", "Ada Brook", "Brook", "alias", 40, 45),
        ("E2", "Ada Brook", "Ada Brook", "name", 50, 59),
    ])
    c = _claims([("North Atlantic Treaty Organization", "E1"), ("a spokesman", ""), ("Ada Brook", "E2")])
    m2, c2 = names.apply_display_names(m, c)
    assert list(m2["entity"]) == ["NATO", "NATO", "", "Ada Brook", "Ada Brook"]
    assert list(m2["canonical"]) == list(m["entity"])
    assert list(m2.columns) == ["entity_id", "entity", "canonical", "surface", "mention_kind", "start", "end"]
    assert list(m2["entity_id"]) == list(m["entity_id"])
    assert list(c2["speaker"]) == ["NATO", "a spokesman", "Ada Brook"]
    assert list(m["entity"])[0] == "North Atlantic Treaty Organization"  # input untouched


def test_empty_tables():
    m2, c2 = names.apply_display_names(_mentions([]), _claims([]))
    assert "canonical" in m2.columns and len(m2) == 0 and len(c2) == 0


@given(st.lists(st.sampled_from(["NATO", "the Alliance", "N.A.T.O.", "Nato"]), min_size=1, max_size=8))
def test_display_name_is_a_written_surface(surfaces):
    shown = names.display_name("North Atlantic Treaty Organization", surfaces)
    assert shown in surfaces
    assert surfaces.count(shown) == max(surfaces.count(s) for s in surfaces)


def test_pipeline_shows_names_as_written():
    text = ("NATO Meets in Brussels\n\n"
            "NATO leaders met on Tuesday. The alliance said NATO would act, according to NATO officials.\n")
    tables = analyse(article_from_text(text, "made-up"))
    m = tables["mentions"]
    nato = m[m["canonical"] == "North Atlantic Treaty Organization"]
    assert len(nato) and set(nato["entity"]) == {"NATO"}
    assert (m["entity_id"] != "").any()
    spk = tables["claims"]
    assert "North Atlantic Treaty Organization" not in set(spk["speaker"])


@given(st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2002\u2028\u3000\u200bab."))
def test_clean_collapses_white_space_as_the_regex_does(s):
    import re

    assert names._clean(s) == re.sub(r"\s+", " ", s).strip()


@given(st.text(alphabet=" \nTthe AsP"), st.text(alphabet=" \nTthe AsP"))
def test_writes_canonical_as_the_regex_rule(surface, canonical):
    # the rule as first written: collapse white space, fold case, drop "the " unless the canonical has it
    import re

    s, c = re.sub(r"\s+", " ", surface).strip().casefold(), re.sub(r"\s+", " ", canonical).strip().casefold()
    s = re.sub(r"^the ", "", s) if not c.startswith("the ") else s
    assert names.writes_canonical(surface, canonical) == (bool(c) and s in (c, c + "s", c + "es"))
