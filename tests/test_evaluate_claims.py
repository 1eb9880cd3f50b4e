"""Claims scoring: span matching, P/R/F1, speaker and attribution accuracy."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import claims
from analysis.evaluate import brat
from analysis.evaluate import claims as ev


def test_overlap_and_match():
    assert ev.overlap(((0, 10),), ((5, 20),)) == 5
    assert ev.overlap(((0, 4), (10, 14)), ((2, 12),)) == 4
    assert ev.spans_match(((0, 10),), ((5, 100),))  # half of the shorter
    assert not ev.spans_match(((0, 10),), ((6, 100),))
    assert not ev.spans_match(((0, 0),), ((0, 10),))


def test_prf():
    assert ev.prf(0, 0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    m = ev.prf(3, 4, 3, 6)
    assert m["precision"] == 0.75 and m["recall"] == 0.5 and m["f1"] == pytest.approx(0.6)


def test_greedy_match_is_one_to_one():
    pairs = ev.greedy_match([((0, 10),), ((0, 9),)], [((0, 10),)])
    assert pairs == [(0, 0)]


def _gold():
    return pd.DataFrame({
        "claim_no": [1, 2], "zone": ["body", "body"], "attribution": ["direct", "narrator"],
        "speaker": ["Jane Doe", ""], "speaker_start": pd.array([20, None], dtype="Int64"),
        "speaker_end": pd.array([22, None], dtype="Int64"), "speaker_text": ["he", ""], "cue": ["said", ""],
        "cue_start": pd.array([23, None], dtype="Int64"), "cue_end": pd.array([27, None], dtype="Int64"),
        "content_start": [1, 40], "content_end": [15, 60], "content_text": ["", ""],
    })


def _pred(speaker="Jane Doe", sp=(-1, -1), attribution="direct"):
    rows = [
        dict(claim_id="c1", start=1, end=16, attribution=attribution, speaker=speaker, speaker_start=sp[0], speaker_end=sp[1]),
        dict(claim_id="c2", start=40, end=60, attribution="narrator", speaker="", speaker_start=-1, speaker_end=-1),
        dict(claim_id="c3", start=70, end=80, attribution="indirect", speaker="X", speaker_start=-1, speaker_end=-1),
    ]
    return pd.DataFrame(rows)


def test_score_claims_counts_errors():
    s = ev.score_claims(_pred(), _gold())
    assert s["all_recall"] == 1.0 and s["all_precision"] == pytest.approx(2 / 3)
    assert s["attributed_precision"] == 0.5 and s["speaker_accuracy"] == 1.0 and s["attribution_accuracy"] == 1.0
    s = ev.score_claims(_pred(speaker="Someone", sp=(20, 22), attribution="mixed"), _gold())
    assert s["speaker_accuracy"] == 1.0  # the speaker mention span overlaps the gold span
    assert s["attribution_accuracy"] == 0.5
    s = ev.score_claims(_pred(speaker="Someone"), _gold())
    assert s["speaker_accuracy"] == 0.0


def test_gold_type_and_cue_subsets():
    text = 'He said "all of it." and that "some" was fine.'
    assert ev.gold_attribution_type(brat.Span("T", "Content", ((8, 20),)), text) == "direct"
    assert ev.gold_attribution_type(brat.Span("T", "Content", ((26, 46),)), text) == "mixed"
    assert ev.gold_attribution_type(brat.Span("T", "Content", ((0, 7),)), text) == "indirect"
    fl, lem = claims.cue_form_lemma(), claims.cue_lemmas(("speech", "source"))
    assert ev.speech_cue(brat.Span("T", "Cue", ((3, 7),)), text, fl, lem)
    assert not ev.speech_cue(brat.Span("T", "Cue", ((0, 2),)), text, fl, lem)
    assert ev.speech_cue(brat.Span("T", "Cue", ((0, 12),)), "according to", fl, lem)


def test_speaker_matches_source():
    text = "Senator Jane Doe said it."
    src = brat.Span("T", "Source", ((0, 16),))
    row = {"speaker": "Jane Doe", "speaker_start": -1, "speaker_end": -1}
    assert ev.speaker_matches_source(row, src, text, frozenset())
    row = {"speaker": "Other", "speaker_start": 8, "speaker_end": 12}
    assert ev.speaker_matches_source(row, src, text, frozenset())
    row = {"speaker": "Other Person", "speaker_start": -1, "speaker_end": -1}
    assert not ev.speaker_matches_source(row, src, text, frozenset())


def test_command_verifies_gold_offsets(tmp_path, seed_path, capsys):
    gold = seed_path.parent.parent / "gold" / "newsweek-nato-fills-holes-stockpiles.claims.tsv"
    assert ev.main([str(seed_path), str(gold)]) == 0
    assert "gold offsets: OK" in capsys.readouterr().out
    lines = gold.read_text(encoding="utf-8").splitlines()
    k = next(i for i, ln in enumerate(lines) if ln.startswith("2\t"))
    cells = lines[k].split("\t")
    cells[10] = str(int(cells[10]) + 1)  # shift a content start
    lines[k] = "\t".join(cells)
    bad = tmp_path / "bad.claims.tsv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert ev.main([str(seed_path), str(bad)]) == 1
    assert "content offsets do not match" in capsys.readouterr().out


def test_gold_type_maps_split_quotations_and_that_to_direct():
    text = '\u201cWe start,\u201d she said. \u201cWe end.\u201d He said that \u201cit works\u201d and \u201cwhat he calls \u201chell\u201d is here.\u201d'
    a, b = text.index("\u201cWe start"), text.index("\u201cWe end")
    two = brat.Span("T", "Content", ((a, a + 11), (b, b + 9)))
    assert ev.gold_attribution_type(two, text) == "direct"  # one quotation split by its cue
    t = text.index("that \u201cit")
    assert ev.gold_attribution_type(brat.Span("T", "Content", ((t, t + 15),)), text) == "direct"
    n = text.index("\u201cwhat he")
    assert ev.gold_attribution_type(brat.Span("T", "Content", ((n, len(text)),)), text) == "direct"  # nested
    assert ev.gold_attribution_type(brat.Span("T", "Content", ((t, n - 1),)), text) == "mixed"


def test_gold_type_with_quote_spans_covers_pieces_inside_one_quotation():
    text = '\u201cWe start. We end,\u201d she said.'
    e = text.index(",")
    piece = brat.Span("T", "Content", ((0, 10), (11, e + 2)))
    assert ev.gold_attribution_type(piece, text) == "mixed"  # no spans: the pieces are not whole quotations
    assert ev.gold_attribution_type(piece, text, [(0, e + 2)]) == "direct"
    assert ev.gold_attribution_type(brat.Span("T", "Content", ((0, len(text)),)), text, [(0, e + 2)]) == "mixed"


def test_relative_pronoun_source_matches_its_antecedent():
    text = "Jane Doe, who said it was over, left. Then who knows."
    who = brat.Span("T", "Source", ((10, 13),))
    row = {"speaker": "Jane Doe", "speaker_start": 0, "speaker_end": 8}
    assert ev.speaker_matches_source(row, who, text, frozenset())
    later = brat.Span("T", "Source", ((43, 46),))  # another sentence: no antecedent match
    assert not ev.speaker_matches_source(row, later, text, frozenset())


def test_acronym_source_matches_full_name():
    text = "the IMF said so."
    row = {"speaker": "International Monetary Fund", "speaker_start": -1, "speaker_end": -1}
    assert ev.speaker_matches_source(row, brat.Span("T", "Source", ((0, 7),)), text, frozenset())
    row = {"speaker": "International Labour Organization", "speaker_start": -1, "speaker_end": -1}
    assert not ev.speaker_matches_source(row, brat.Span("T", "Source", ((0, 7),)), text, frozenset())


# --- per-pattern scores (PolNeAR) -------------------------------------------------------

def _rel(eid: str, start: int, end: int) -> brat.Relation:
    content = brat.Span(f"T{eid}", "Content", ((start, end),))
    return brat.Relation(eid, "Attribution", None, content, None, None)


def _claims(**extra):
    base = {"start": [0, 30, 60, 90], "end": [20, 50, 80, 110],
            "attribution": ["direct", "indirect", "indirect", "narrator"],
            "cue_lemma": ["say", "say", "", ""]}
    base.update(extra)
    return pd.DataFrame(base)


def test_claim_patterns_uses_pattern_column():
    t = _claims(pattern=["quote-comma-said", "said-that", "", "narrator"])
    assert list(ev.claim_patterns(t)) == ["quote-comma-said", "said-that", "(none)", "narrator"]


def test_claim_patterns_falls_back_to_attribution_and_cue_lemma():
    assert list(ev.claim_patterns(_claims())) == ["direct:say", "indirect:say", "indirect:-", "narrator:-"]


def test_pattern_counts_precision_and_found_gold():
    t = _claims(pattern=["quote", "said-that", "said-that", "headline"])
    rels = [_rel("1", 0, 20), _rel("2", 32, 50), _rel("3", 200, 230), _rel("4", 90, 110)]
    c = ev.pattern_counts(t, rels)
    assert c["*"] == {"gold": 4}
    assert c["quote"] == {"pred": 1, "pred_correct": 1, "gold_found": 1}
    assert c["said-that"] == {"pred": 2, "pred_correct": 1, "gold_found": 1}
    assert "headline" not in c  # narrator claims are not attributions


def test_pattern_counts_gold_found_once_per_pattern():
    t = _claims(start=[0, 2, 60, 90], end=[20, 20, 80, 110], pattern=["p", "p", "q", "r"])
    c = ev.pattern_counts(t, [_rel("1", 0, 20)])
    assert c["p"] == {"pred": 2, "pred_correct": 2, "gold_found": 1}
    assert c["q"]["gold_found"] == 0


def test_pattern_counts_without_claims():
    empty = _claims().iloc[0:0]
    assert ev.pattern_counts(empty, [_rel("1", 0, 5)]) == {"*": {"gold": 1}}
