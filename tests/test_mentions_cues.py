"""Speech verbs as evidence for a speaker come from the cue lexicon (``cues.tsv``)."""
from __future__ import annotations

import pytest

from analysis import lexicons
from analysis import mentions as M
from analysis.mentions.resources import _speech_verbs_after_name, said_patterns
from analysis.article import article_from_text
from analysis.tokenise import tokenise


def _types(text: str, surface: str) -> set[str]:
    ms = M.find_mentions(tokenise(article_from_text("Title\n\n" + text + "\n", "t")))
    return {m.entity_type for m in ms if m.surface == surface}


@pytest.mark.parametrize("sentence", [
    "After the vote Zorvath conceded that the plan had failed.",       # a past form of a speech cue
    "After the vote Zorvath testified for three hours.",
    "The minister spoke briefly, said Zorvath.",         # quotative inversion
    "The plan failed, according to Zorvath.",           # a source phrase
    "After the vote Zorvath says the plan failed.",                     # third person of a free cue
])
def test_a_speech_cue_types_an_unknown_name_as_a_person(sentence):
    assert _types(sentence, "Zorvath") == {"PERSON"}


def test_a_strict_cue_in_s_is_no_evidence():
    # "notes" after a name is a noun as often as a verb ("Treasury notes"): no evidence
    assert "notes" not in _speech_verbs_after_name()
    assert "noted" in _speech_verbs_after_name()


def test_a_cue_added_to_the_lexicon_is_known(monkeypatch):
    real = lexicons.table

    def table(name):
        rows = real(name)
        if name == "cues.tsv":
            rows = rows + ({"form": "harrumphed", "lemma": "harrumph", "kind": "speech", "frame": "free"},)
        return rows

    monkeypatch.setattr(lexicons, "table", table)
    said_patterns.cache_clear()
    try:
        assert _types("After the vote Zorvath harrumphed loudly.", "Zorvath") == {"PERSON"}
    finally:
        monkeypatch.undo()
        said_patterns.cache_clear()
    assert _types("After the vote Zorvath harrumphed loudly.", "Zorvath") == set()
