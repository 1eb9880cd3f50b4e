"""A given name and a surname that are both place names ("Charlotte Austin") make a person,
and the surname alone later is that person, a speaker like any other (made-up sentences)."""
from __future__ import annotations

from analysis import claims, mentions
from analysis.article import article_from_text
from analysis.tokenise import tokenise

HEAD = "Council Votes On Budget Plan\n\n"


def _read(body: str):
    doc = tokenise(article_from_text(HEAD + body, "t"))
    ms = mentions.find_mentions(doc)
    return doc, ms, claims.find_claims(doc, ms)


def test_given_name_and_place_surname_make_a_person():
    doc, ms, _ = _read("Yesterday Charlotte Austin said the plan would fail. Austin spoke for an hour.")
    got = {(doc.text[m.start:m.end], m.entity_type) for m in ms}
    assert ("Charlotte Austin", "PERSON") in got
    assert ("Austin", "PERSON") in got  # the surname alone is the same person
    assert not any(t == "GPE" for _, t in got)


def test_two_places_stay_places():
    doc, ms, _ = _read("The bus drove from Charlotte to Austin on Monday.")
    got = {(doc.text[m.start:m.end], m.entity_type) for m in ms}
    assert ("Charlotte", "GPE") in got and ("Austin", "GPE") in got


def test_pronoun_after_the_surname_speaker():
    body = ('Sen. Charlotte Austin questioned the bank chief, Tom Reyes. "This is wrong," Austin said. '
            '"You misled your staff," she said.')
    _, _, rows = _read(body)
    direct = [(c.speaker, c.content) for c in rows if c.attribution == "direct"]
    assert direct == [("Charlotte Austin", "This is wrong"), ("Charlotte Austin", "You misled your staff")]
