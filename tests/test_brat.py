"""brat standoff reader: multi-piece spans, missing sources, numbered roles, bad lines."""
from __future__ import annotations

import pytest

from analysis.evaluate import brat

TEXT = "Officials said the plan is dead and gone, the paper reports."
ANN = "\n".join([
    "T1\tSource 0 9\tOfficials",
    "T2\tCue 10 14\tsaid",
    "T3\tContent 15 31;36 40\tthe plan is dead gone",
    "T4\tAttribution 10 14\tsaid",
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    "T5\tCue 52 59\treports",
    "T6\tContent 0 9\tOfficials",
    "T7\tContent 15 19\tthe",
    "T8\tAttribution-no-source 52 59\treports",
    "E2\tAttribution-no-source:T8 Cue:T5 Content:T6 Content2:T7",
    "T9\tSource oops\tbroken line",
    "A1\tNegated T3",
    "#1\tAnnotatorNotes T3\tnote",
    "",
])


def test_parse_pieces():
    assert brat.parse_pieces("1 2;5 9") == ((1, 2), (5, 9))
    with pytest.raises(ValueError):
        brat.parse_pieces("1 x")


def test_relations():
    r1, r2 = brat.relations(ANN)
    assert r1.type == "Attribution" and r1.source.text == "Officials" and r1.cue.text == "said"
    assert r1.content.pieces == ((15, 31), (36, 40)) and r1.content.length == 20
    assert (r1.content.start, r1.content.end) == (15, 40)
    assert r2.type == "Attribution-no-source" and r2.source is None
    assert r2.content.pieces == ((0, 9), (15, 19))  # Content and Content2 merged


def test_check_spans_and_skipped_lines(tmp_path):
    p = tmp_path / "a.ann"
    p.write_text(ANN, encoding="utf-8")
    rels = brat.read_ann(p)
    assert len(rels) == 2
    assert brat.check_spans(rels, TEXT) == []
    assert brat.check_spans(rels, "X" * len(TEXT))
