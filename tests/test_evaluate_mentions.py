"""The mention scorer and the IE-ER reader, on small synthetic data written here."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.evaluate import ieer
from analysis.evaluate import mentions as ev

TEXT = "Ada Brook met the Zephyr Trust in Lund on Monday. She praised the trust."
#        0         1         2         3         4         5         6         7


def frame(rows):
    return pd.DataFrame(rows, columns=["start", "end", "surface", "entity", "entity_type", "mention_kind"])


GOLD = frame([
    (0, 9, "Ada Brook", "Ada Brook", "PERSON", "name"),
    (18, 30, "Zephyr Trust", "Zephyr Trust", "ORG", "name"),
    (34, 38, "Lund", "Lund", "GPE", "name"),
    (42, 48, "Monday", "Monday", "DATE", "name"),
    (50, 53, "She", "Ada Brook", "PERSON", "pronoun"),
    (62, 71, "the trust", "Zephyr Trust", "ORG", "role"),
])


def pred_from(gold):
    p = gold.copy()
    p["entity_id"] = p["entity"].map(lambda e: "E-" + e if e else "")
    return p


def overall(df, mode="exact", typed=True):
    return ev.score(df, GOLD, mode, typed).set_index("type").loc["ALL"]


def test_gold_fixture_offsets():
    assert ev.check_offsets(GOLD, TEXT) == []
    bad = GOLD.copy()
    bad.loc[0, "end"] = 8
    assert len(ev.check_offsets(bad, TEXT)) == 1


def test_perfect_prediction_scores_one():
    s = overall(pred_from(GOLD))
    assert (s["precision"], s["recall"], s["f1"]) == (1.0, 1.0, 1.0)


def test_missed_mention_lowers_recall_only():
    p = pred_from(GOLD).drop(index=3).reset_index(drop=True)  # Monday missed
    s = overall(p)
    assert s["precision"] == 1.0 and s["recall"] == pytest.approx(5 / 6, abs=1e-4)
    per = ev.score(p, GOLD).set_index("type")
    assert per.loc["DATE", "fn"] == 1 and per.loc["DATE", "recall"] == 0.0
    assert per.loc["PERSON", "recall"] == 1.0


def test_spurious_mention_lowers_precision_only():
    p = pd.concat([pred_from(GOLD), frame([(54, 61, "praised", "", "ORG", "name")])], ignore_index=True)
    s = overall(p)
    assert s["recall"] == 1.0 and s["precision"] == pytest.approx(6 / 7, abs=1e-4)
    assert ev.score(p, GOLD).set_index("type").loc["ORG", "fp"] == 1


def test_wrong_type_counts_in_typed_scores_only():
    p = pred_from(GOLD)
    p.loc[2, "entity_type"] = "ORG"  # Lund as ORG
    typed = ev.score(p, GOLD, typed=True).set_index("type")
    assert typed.loc["ORG", "fp"] == 1 and typed.loc["GPE", "fn"] == 1
    assert overall(p, typed=False)["f1"] == 1.0


def test_boundary_error_fails_exact_but_passes_overlap():
    p = pred_from(GOLD)
    p.loc[1, "start"] = 14  # "the Zephyr Trust" instead of "Zephyr Trust"
    assert overall(p, "exact")["recall"] == pytest.approx(5 / 6, abs=1e-4)
    assert overall(p, "overlap")["recall"] == 1.0


def test_overlap_matching_is_one_to_one():
    p = frame([(0, 30, "Ada Brook met the Zephyr Trust", "", "PERSON", "name")])
    s = ev.score(p, GOLD, "overlap", typed=False).set_index("type").loc["ALL"]
    assert s["tp"] == 1 and s["fn"] == 5


def test_type_maps_merge_and_ignore_labels():
    p = pred_from(GOLD)
    gold = GOLD.copy()
    gold.loc[2, "entity_type"] = "LOCATION"
    s = ev.score(p, gold, pred_type_map={"GPE": "LOCATION", "LOC": "LOCATION", "PERSON": "PERSON"},
                 gold_type_map={"LOCATION": "LOCATION", "PERSON": "PERSON"}).set_index("type")
    assert set(s.index) == {"LOCATION", "PERSON", "ALL"}
    assert s.loc["LOCATION", "f1"] == 1.0


def test_evaluate_and_errors_tables():
    p = pred_from(GOLD).drop(index=0).reset_index(drop=True)
    table = ev.evaluate(p, GOLD)
    assert list(table["match"]) == ["exact", "exact", "overlap", "overlap"]
    err = ev.errors(p, GOLD)
    assert list(err["error"]) == ["fn"] and err.iloc[0]["surface"] == "Ada Brook"


def test_coreference_agreement_detects_split_entity():
    p = pred_from(GOLD)
    assert ev.coreference_agreement(p, GOLD, "Ada Brook") == {
        "entity": "Ada Brook", "gold": 2, "found": 2, "ids": 1, "main_id": "E-Ada Brook", "with_main_id": 2}
    p.loc[4, "entity_id"] = ""  # "She" left unresolved
    a = ev.coreference_agreement(p, GOLD, "Ada Brook")
    assert a["with_main_id"] == 1 and a["ids"] == 1
    p.loc[4, "entity_id"] = "E-other"
    assert ev.coreference_agreement(p, GOLD, "Ada Brook")["ids"] == 2


def test_kind_accuracy():
    p = pred_from(GOLD)
    assert ev.kind_accuracy(p, GOLD) == 1.0
    p.loc[5, "mention_kind"] = "name"
    assert ev.kind_accuracy(p, GOLD) == pytest.approx(5 / 6, abs=1e-4)


def test_read_gold_roundtrip(tmp_path):
    path = tmp_path / "x.mentions.tsv"
    GOLD.to_csv(path, sep="\t", index=False)
    back = ev.read_gold(path)
    assert back.equals(GOLD.astype(ev.GOLD_COLUMNS))
    (tmp_path / "bad.tsv").write_text("start\tend\n1\t2\n")
    with pytest.raises(ValueError):
        ev.read_gold(tmp_path / "bad.tsv")


# --- IE-ER reader on a synthetic SGML document --------------------------------------------

SGML = (
    "<DOC>\n<DOCNO> SYN0001 </DOCNO>\n<BODY>\n<HEADLINE>\nA made-up story\n</HEADLINE>\n<TEXT>\n"
    "\t   <b_enamex type=\"LOCATION\">PORTVALE<e_enamex> (<b_enamex type=\"ORGANIZATION\">XP<e_enamex>) _ "
    "<b_enamex type=\"PERSON\">Ida\nMarsh<e_enamex> said ``yes'' on <b_timex type=\"DATE\">Monday<e_timex>.\n"
    "<ANNOTATION>\n\t   (NOTE TO EDITORS)\n</ANNOTATION>\n"
    "\t   The <b_enamex type=\"ORGANIZATION\" status=\"opt\">Marsh Group<e_enamex> paid "
    "<b_numex type=\"MONEY\">$5<e_numex> to Smith &AMP; Co.\n</TEXT>\n</BODY>\n</DOC>\n"
)


def test_ieer_reader(tmp_path):
    f = tmp_path / "SYN_20000101"
    f.write_text(SGML, encoding="latin-1")
    docs = ieer.read_corpus(tmp_path)
    assert len(docs) == 1
    d = docs[0]
    assert d.docno == "SYN0001"
    assert "<" not in d.text and "NOTE TO EDITORS" not in d.text and "made-up" not in d.text
    for s in d.spans:
        assert d.text[s.start:s.end] == s.surface
    ents = d.entities()
    assert [(e.surface, e.type) for e in ents] == [("PORTVALE", "LOCATION"), ("XP", "ORGANIZATION"),
                                                   ("Ida\nMarsh", "PERSON")]
    assert [e.surface for e in d.entities(include_optional=True) if e.optional] == ["Marsh Group"]
    assert {s.tag for s in d.spans} == {"ENAMEX", "TIMEX", "NUMEX"}
    norm = ieer.normalise(d.text)
    assert len(norm) == len(d.text) and "``" not in norm and "\n" not in norm and "&AMP;" not in norm
    art = ieer.to_article(d)
    assert len(art.paragraphs) == 2 and all(p.zone == "body" for p in art.paragraphs)
    assert art.text[ents[2].start:ents[2].end] == "Ida Marsh"


def test_ieer_nested_tags_close_innermost():
    text, spans = ieer.strip_tags('<b_enamex type="ORGANIZATION">Bank of <b_enamex type="LOCATION">Elm<e_enamex><e_enamex>')
    assert text == "Bank of Elm"
    assert [(s.surface, s.type) for s in spans] == [("Bank of Elm", "ORGANIZATION"), ("Elm", "LOCATION")]
