"""The named units of the mentions package, each on made-up sentences: every contextual check
types a name through its own cue (reported in the ``rule`` column), and the ordered
registries (recognisers, evidence checks, coreference passes) are what runs."""
from __future__ import annotations

import pytest

from analysis import mentions as M
from analysis.article import article_from_text
from analysis.mentions import evidence, recognisers
from analysis.tokenise import tokenise


def _find(text: str):
    return M.find_mentions(tokenise(article_from_text("Title\n\n" + text + "\n", "t")))


def _one(text: str, surface: str):
    got = [m for m in _find(text) if m.surface == surface]
    assert len(got) == 1, (surface, got)
    return got[0]


@pytest.mark.parametrize("text, surface, etype, rule", [
    ("Shares of Harwell fell after the report.", "Harwell", "ORG", "name:context-org-part"),
    ("They met in Cherating last week.", "Cherating", "GPE", "name:context-in"),
    ("The town of Afula voted.", "Afula", "GPE", "name:context-place-noun"),
    ("Economists at Itaú Unibanco expect a cut.", "Itaú Unibanco", "ORG", "name:multiword-affiliation"),
    ("Prices rose, Zorvath Pell said on Monday.", "Zorvath Pell", "PERSON", "name:multiword-said"),
    ("After the vote Kellan Brisk, an analyst at the fund, spoke first.", "Kellan Brisk", "PERSON",
     "name:multiword-apposition"),
    ("Then Bente Martinsen of Norway won the race.", "Bente Martinsen", "PERSON", "name:multiword-of-country"),
    ("A reply came from Zorvath Pell (D-Calif.) on Monday.", "Zorvath Pell", "PERSON", "name:multiword-party-label"),
])
def test_each_evidence_check_types_through_its_cue(text, surface, etype, rule):
    m = _one(text, surface)
    assert (m.entity_type, m.rule) == (etype, rule)


def test_evidence_checks_run_in_registry_order(monkeypatch):
    # without the speech-verb check, "Zorvath Pell said" has no evidence and is left out
    text = "Prices rose, Zorvath Pell said on Monday."
    monkeypatch.setattr(evidence, "EVIDENCE_CHECKS", tuple(c for c in evidence.EVIDENCE_CHECKS if c is not evidence.speaker))
    assert not [m for m in _find(text) if m.surface == "Zorvath Pell"]


def test_a_recogniser_left_out_of_the_registry_finds_nothing(monkeypatch):
    text = "He said she would go."
    assert {m.mention_kind for m in _find(text)} == {"pronoun"}
    monkeypatch.setattr(recognisers, "RECOGNISERS", tuple(r for r in recognisers.RECOGNISERS if r is not recognisers.pronouns))
    assert _find(text) == []


def test_coreference_passes_are_the_registry(monkeypatch):
    # "Stoltenberg" joins "Jens Stoltenberg" only through the name-part index
    text = "NATO chief Jens Stoltenberg spoke on Monday. On Tuesday, Stoltenberg left."
    assert _one(text, "Stoltenberg").entity == "Jens Stoltenberg"
    monkeypatch.setattr(M, "COREF_PASSES", tuple(p for p in M.COREF_PASSES if p.__name__ != "index_name_parts"))
    assert [m.entity for m in _find(text) if m.surface == "Stoltenberg"] != ["Jens Stoltenberg"]
