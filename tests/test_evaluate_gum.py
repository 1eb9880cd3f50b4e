"""GUM reader and scorer on a tiny made-up document (CoNLL-U + coreference CoNLL)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.evaluate import gum


def _row(i, form, upos, head, misc="_"):
    return f"{i}\t{form}\t_\t{upos}\t_\t_\t{head}\t_\t_\t{misc}"


CONLLU = "\n".join([
    "# newdoc id = made_up",
    "# newpar",
    "# newpar_block = p (1 s)",
    "# text = Anna Berg founded the Lumo Labs.",
    _row(1, "Anna", "PROPN", 3), _row(2, "Berg", "PROPN", 1), _row(3, "founded", "VERB", 0),
    _row(4, "the", "DET", 6), _row(5, "Lumo", "PROPN", 6), _row(6, "Labs", "PROPN", 3, "SpaceAfter=No"),
    _row(7, ".", "PUNCT", 3),
    "",
    "# newpar",
    "# text = She said it grew in Oslo's harbour.",
    _row(1, "She", "PRON", 2), _row(2, "said", "VERB", 0), _row(3, "it", "PRON", 4), _row(4, "grew", "VERB", 2),
    _row(5, "in", "ADP", 8), "6-7\tOslo's\t_\t_\t_\t_\t_\t_\t_\t_",
    _row(6, "Oslo", "PROPN", 8), _row(7, "'s", "PART", 6), _row(8, "harbour", "NOUN", 4, "SpaceAfter=No"),
    _row(9, ".", "PUNCT", 2),
    "",
])
CELLS = ["(person-1-Anna_Berg", "person-1-Anna_Berg)", "_", "(organization-2", "_", "organization-2)", "_",
         "(person-1)", "_", "(organization-2)", "_", "_", "(place-3(place-4)", "_", "place-3)", "_"]
FORMS = ["Anna", "Berg", "founded", "the", "Lumo", "Labs", ".", "She", "said", "it", "grew", "in",
         "Oslo", "'s", "harbour", "."]
CONLL = "\n".join(["# begin document made_up"] + [f"{i}\t{w}\t{c}" for i, (w, c) in enumerate(zip(FORMS, CELLS))]
                  + ["# end document", ""])
TEXT = "Anna Berg founded the Lumo Labs.\n\nShe said it grew in Oslo's harbour."


@pytest.fixture()
def doc():
    return gum.parse_doc("made_up", CONLLU, CONLL)


def test_text_rebuilt_with_spaces_paragraphs_and_multiword_tokens(doc):
    assert doc.text == TEXT
    assert [doc.text[w.start:w.end] for w in doc.words] == FORMS
    assert doc.words[6].head == 2 and doc.words[7].head == 8 and doc.words[2].head == -1


def test_coreference_brackets(doc):
    got = [(m.etype, m.chain, doc.text[m.start:m.end]) for m in doc.mentions]
    assert got == [("person", 1, "Anna Berg"), ("organization", 2, "the Lumo Labs"), ("person", 1, "She"),
                   ("organization", 2, "it"), ("place", 4, "Oslo"), ("place", 3, "Oslo's harbour")]
    assert doc.mentions[0].identity == "Anna_Berg"
    assert doc.words[doc.mentions[5].head].form == "harbour"


def test_gold_names_are_proper_noun_headed_and_trimmed(doc):
    g = gum.gold_names(doc)
    assert list(zip(g["surface"], g["entity_type"])) == [("Anna Berg", "person"), ("Lumo Labs", "organization"),
                                                         ("Oslo", "place")]
    assert all(doc.text[s:e] == t for s, e, t in zip(g["start"], g["end"], g["surface"]))


def _one_sentence(words, upos, root, cells):
    """A one-sentence GUM document: token ``root`` (0-based) heads every other word; ``cells``
    are the coreference brackets per word."""
    rows = [_row(i + 1, w, u, 0 if i == root else root + 1) for i, (w, u) in enumerate(zip(words, upos))]
    conll = "\n".join(f"{i}\t{w}\t{c}" for i, (w, c) in enumerate(zip(words, cells)))
    return gum.parse_doc("x", "\n".join(rows) + "\n", conll)


def test_name_span_joins_proper_nouns_across_of():
    words = ["the", "Bank", "of", "Lumo", ",", "a", "lender"]
    upos = ["DET", "PROPN", "ADP", "PROPN", "PUNCT", "DET", "NOUN"]
    d = _one_sentence(words, upos, 1, ["(organization-1", "_", "_", "(place-2)", "_", "_", "organization-1)"])
    # "Lumo" (a place) is nested in the longer name and left out
    assert gum.gold_names(d)["surface"].to_list() == ["Bank of Lumo"]


def test_name_span_keeps_the_ordinal_of_a_numbered_street():
    words = ["near", "51st", "Street", "and", "the", "1st", "time"]
    upos = ["ADP", "ADJ", "PROPN", "CCONJ", "DET", "ADJ", "NOUN"]
    d = _one_sentence(words, upos, 2, ["_", "(place-1", "place-1)", "_", "_", "_", "_"])
    assert gum.gold_names(d)["surface"].to_list() == ["51st Street"]


def _system(**over):
    m = pd.DataFrame({
        "start": [0, 22, 34, 54], "end": [9, 31, 37, 58],
        "surface": ["Anna Berg", "Lumo Labs", "She", "Oslo"],
        "entity_type": ["PERSON", "ORG", "PERSON", "GPE"],
        "mention_kind": ["name", "name", "pronoun", "name"],
        "entity_id": ["E1", "E2", "E1", "E3"],
    })
    for k, v in over.items():
        m[k] = v
    return m


def test_score_doc_perfect_names_links_and_pronoun(doc):
    m = _system()
    assert (TEXT[22:31], TEXT[34:37], TEXT[54:58]) == ("Lumo Labs", "She", "Oslo")
    c = gum.score_doc(doc, m)
    assert (c[("exact", "ALL", "tp")], c[("exact", "ALL", "fp")], c[("exact", "ALL", "fn")]) == (3, 0, 0)
    assert c["aligned"] == 4 and c["gold_mentions"] == 6
    assert (c["links_pred"], c["links_gold"], c["links_common"]) == (1, 1, 1)
    assert c["b3_p"] == c["b3_r"] == c["b3_n"] == 4
    assert (c["person_n"], c["person_attempted"], c["person_correct"]) == (1, 1, 1)
    assert (c["thing_n"], c["thing_attempted"], c["thing_correct"]) == (1, 0, 0)


def test_unresolved_pronoun_is_wrong_and_links_nothing(doc):
    c = gum.score_doc(doc, _system(entity_id=["E1", "E2", "", "E3"]))
    assert (c["person_n"], c["person_attempted"], c["person_correct"]) == (1, 0, 0)
    assert (c["links_pred"], c["links_common"]) == (0, 0)
    assert c["b3_p"] == 4 and c["b3_r"] == 3  # Anna and She each recall 1/2


def test_pronoun_resolved_to_wrong_entity(doc):
    c = gum.score_doc(doc, _system(entity_id=["E1", "E2", "E2", "E3"]))
    assert (c["person_attempted"], c["person_correct"]) == (1, 0)
    assert (c["links_pred"], c["links_common"]) == (1, 0)


def test_name_type_and_span_errors(doc):
    c = gum.score_doc(doc, _system(entity_type=["ORG", "ORG", "PERSON", "GPE"], start=[0, 18, 34, 54]))
    assert c[("exact", "person", "fn")] == 1 and c[("exact", "organization", "fp")] == 2
    assert c[("overlap", "organization", "tp")] == 1


def test_alignment_prefers_exact_span_and_needs_the_head(doc):
    m = _system(start=[0, 18, 34, 54], end=[4, 31, 37, 58])  # "Anna" (head word), "the Lumo Labs"
    al = gum.align(doc, m)
    assert al == {0: 0, 1: 1, 2: 2, 3: 4}
    m2 = _system(start=[5, 22, 34, 54])  # "Berg" does not hold the head "Anna"
    assert 0 not in gum.align(doc, m2)


@pytest.mark.parametrize("conll, problem", [
    (CONLL.replace("(person-1)", "(person-1"), "never closed"),
    (CONLL.replace("person-1-Anna_Berg)", "person-9)"), "closed but never opened"),
    (CONLL.replace("organization-2)", "organization)"), "cannot read"),
    ("\n".join(CONLL.splitlines()[:-3]), "words in the .conllu"),
])
def test_bad_coreference_files(conll, problem):
    with pytest.raises(gum.GumError, match=problem):
        gum.parse_doc("made_up", CONLLU, conll)


def test_newpar_with_an_id_starts_a_paragraph_and_newpar_block_does_not():
    c = CONLLU.replace("# newpar\n# text = She", "# newpar id = p2\n# text = She")
    assert gum.parse_doc("made_up", c, CONLL).text == TEXT
    c = CONLLU.replace("# newpar\n# text = She", "# newpar_block = p\n# text = She")
    assert gum.parse_doc("made_up", c, CONLL).text == TEXT.replace("\n\n", " ")


def test_bad_conllu_line():
    with pytest.raises(gum.GumError, match="expected 10 columns"):
        gum.parse_doc("made_up", CONLLU.replace("\t_\t_\tSpaceAfter=No", "", 1), CONLL)


def test_read_doc_needs_its_conll(tmp_path):
    (tmp_path / "d.conllu").write_text(CONLLU, encoding="utf-8")
    with pytest.raises(gum.GumError, match="no coreference file"):
        gum.read_doc(tmp_path / "d.conllu")
    (tmp_path / "d.conll").write_text(CONLL, encoding="utf-8")
    assert gum.read_doc(tmp_path / "d.conllu").text == TEXT


def test_pipeline_runs_on_the_rebuilt_text(doc):
    m = gum.analyse_doc(doc)
    assert {"start", "end", "entity_id", "entity_type", "mention_kind"} <= set(m.columns)
    assert all(doc.text[s:e] == t for s, e, t in zip(m["start"], m["end"], m["surface"]))


def test_eval_gum_script(tmp_path, capsys):
    (tmp_path / "GUM_x_a.conllu").write_text(CONLLU, encoding="utf-8")
    (tmp_path / "GUM_x_a.conll").write_text(CONLL, encoding="utf-8")
    (tmp_path / "GUM_x_b.conllu").write_text(CONLLU, encoding="utf-8")  # no .conll: reported, skipped
    path = Path(__file__).resolve().parent.parent / "scripts" / "eval_gum.py"
    spec = importlib.util.spec_from_file_location("eval_gum", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["eval_gum"] = mod
    spec.loader.exec_module(mod)
    assert mod.main([str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert "== tuning" in out and "== reporting" in out and "== all (1 documents)" in out
    assert err.startswith("error: ") and "GUM_x_b.conllu" in err
    assert mod.main([str(tmp_path / "missing")]) == 2


def test_multiword_token_does_not_glue_the_next_sentence():
    third = ["# text = It grew.", _row(1, "It", "PRON", 2), _row(2, "grew", "VERB", 0, "SpaceAfter=No"),
             _row(3, ".", "PUNCT", 2), ""]
    conllu = CONLLU + "\n" + "\n".join(third)
    lines = CONLL.splitlines()
    conll = "\n".join(lines[:-1] + ["16\tIt\t(organization-2)", "17\tgrew\t_", "18\t.\t_", lines[-1]])
    d = gum.parse_doc("made_up", conllu, conll)
    assert d.text == TEXT + " It grew."


def test_gold_pronoun_needs_an_antecedent():
    # "She" first in its chain: no antecedent, not scored
    conll = CONLL.replace("(person-1-Anna_Berg", "(person-5").replace("person-1-Anna_Berg)", "person-5)")
    d = gum.parse_doc("made_up", CONLLU, conll)
    assert gum.score_doc(d, _system())["person_n"] == 0


def test_name_errors(doc):
    m = _system(entity_type=["ORG", "ORG", "PERSON", "GPE"])
    assert gum.name_errors(doc, m) == {("fp", "organization", "Anna Berg"): 1, ("fn", "person", "Anna Berg"): 1}


_FORM = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")), min_size=1, max_size=6)


@given(st.lists(st.tuples(_FORM, st.booleans(), st.booleans()), min_size=1, max_size=30))
def test_rebuilt_offsets_reproduce_every_word(words):
    """Whatever the spacing and paragraph marks, text[start:end] is the word's form."""
    rows = [(form, "X", -1, nospace, newpar) for form, nospace, newpar in words]
    text, built = gum.build_text(rows)
    assert [text[w.start:w.end] for w in built] == [f for f, _, _ in words]
    assert all(a.end <= b.start for a, b in zip(built, built[1:]))


def test_coref_errors_name_split_chains_merged_entities_and_wrong_pronouns(doc):
    perfect = gum.coref_errors(doc, _system())
    assert [e.split(":")[0] for e in perfect] == ["made_up pronoun 'it' gold 'the Lumo Labs' got '-'"]
    out = gum.coref_errors(doc, _system(entity_id=["E1", "E2", "E2", "E3"], entity=["A", "L", "L", "O"]))
    assert any(" split 'Anna Berg'" in e for e in out)
    assert any(" merged 'L'" in e for e in out)
    assert any(" pronoun 'she' gold 'Anna Berg' got 'L'" in e for e in out)
