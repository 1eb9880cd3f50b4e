"""Coreference of organisations and places: it/its/they (:mod:`analysis.mentions.things`) and
descriptions the article never resolves to a name (:mod:`analysis.mentions.descriptions`), each on
made-up sentences (never text from an evaluation corpus)."""
from __future__ import annotations

import pytest

from analysis import mentions as M
from analysis.article import article_from_text
from analysis.tokenise import tokenise


def _doc(text: str):
    return tokenise(article_from_text(text, "t"))


def _entity(text: str, surface: str, nth: int = 0) -> str:
    """The entity of the ``nth`` mention with ``surface`` in ``text`` (a headline line first)."""
    ms = [m for m in M.find_mentions(_doc("A made-up story\n\n" + text)) if m.surface == surface]
    return ms[nth].entity


# --- it/its/they for organisations and places: things.resolve_thing_pronouns -----------------

def _pronouns(text: str) -> dict[str, str]:
    ms = M.find_mentions(_doc("A made-up story\n\n" + text))
    return {m.surface: m.entity for m in ms if m.mention_kind == "pronoun"}


@pytest.mark.parametrize("text, pronoun, entity", [
    ("Norvik Bank said its profit fell.", "its", "Norvik Bank"),
    ("Norvik Bank said it would hire staff.", "it", "Norvik Bank"),
    ("Lisbon lies on a wide river. It has two bridges.", "It", "Lisbon"),
    ("Norvik Bank said they would hire staff.", "they", "Norvik Bank"),
    ("Brazil said they would cut rates.", "they", "Brazil"),  # a country's government
    # "it" after a fronted phrase with no comma, before an auxiliary: a subject, not an object
    ("Lisbon lies on a wide river. In the evening it is busy.", "it", "Lisbon"),
    # "they" opening a clause right after an organisation: the organisation
    ("Ana Lind worked at Norvik Bank, where they paid her well.", "they", "Norvik Bank"),
    ("Ana Lind joined Norvik Bank but they fired her.", "they", "Norvik Bank"),
])
def test_thing_pronoun_refers_to_a_subject_organisation_or_place(text, pronoun, entity):
    assert _pronouns(text).get(pronoun) == entity


def test_resolved_subject_pronoun_carries_its_organisation_on():
    # the second "It": the subject of the sentence before is the first "It", which is Lisbon
    text = "Lisbon lies on a wide river. It has two bridges. It also has a port."
    assert _entity(text, "It", nth=1) == "Lisbon"


@pytest.mark.parametrize("text, pronoun, entity", [
    # cataphora: a pronoun in a fronted phrase points to the subject after the phrase's comma
    ("Lisbon lies on a river. Although it is small, Portugal has many ports.", "it", "Portugal"),
    ("Oslo grew. In its annual report, Norvik Bank said profits fell.", "its", "Norvik Bank"),
    ("Oslo grew. Founded in 1850, Norvik Bank moved its offices.", "its", "Norvik Bank"),
])
def test_pronoun_in_a_fronted_phrase_refers_forward(text, pronoun, entity):
    assert _entity(text, pronoun) == entity


@pytest.mark.parametrize("text, start, comma", [
    ("Although it is small, Portugal has ports.", 9, True),
    ("In its report, the panel said so.", 3, True),
    ("Portugal said it, too, was small.", 14, False),      # no fronted phrase: a subject opens it
    ("In May, its report came out.", 8, False),          # after the phrase's comma
])
def test_fronted_phrase_comma(text, start, comma):
    from analysis.mentions.things import fronted_phrase_comma
    assert (fronted_phrase_comma(_doc(text), start) is not None) is comma


@pytest.mark.parametrize("text, pronoun", [
    ("Norvik Bank opened in May. It is likely that rates will rise.", "It"),      # expletive
    ("Norvik Bank opened in May. It was not clear how long it would stay.", "It"),
    ("Brazil's central bank raised its rate.", "its"),                          # a possessor
    ("Norvik Bank bought a mill. Norvik Bank will finance it with debt.", "it"),  # an object
    ("Lisbon lies on a wide river. Ferries sail for it is near.", "it"),  # after a preposition: an object
    ('Norvik Bank cut jobs. "They come and go," said Ana Silva.', "They"),       # inside a quotation
    ("Lisbon lies on a wide river. They swim there.", "They"),                   # a city is no "they"
    ("Norvik Bank cut its fees. They said demand was weak.", "They"),  # "They" opening a later sentence: people
    ("Lisbon lies on a wide river. Ferries cross the water. It has two bridges.", "It"),  # two sentences back
    ("Visitors like a Norvik Bank branch for its long hours.", "its"),  # a name as modifier: the branch's
    ("Ana Lind met Norvik Bank staff, but they left.", "they"),  # the staff, not the bank
    ("Brazil is a warning, and countries need to guard their ports.", "their"),  # a country after a clause boundary
    # a name coordinated with others is one of a group: "its" refers to none of them
    ("Growth in towns like Lisbon, Oslo and Madrid passed Kelso by and ruined much of its trade.", "its"),
])
def test_thing_pronoun_left_out(text, pronoun):
    assert pronoun not in _pronouns(text)



# --- unnamed organisations and places: descriptions.unnamed_referent ---------------------------

def _mentions(text: str):
    return [m for m in M.find_mentions(_doc("A made-up story\n\n" + text))]


def test_unnamed_definite_description_is_one_entity_and_a_pronoun_refers_to_it():
    # no jury is named: "the jury" is an entity of its own, the same at each mention, and "It"
    # (the subject of the sentence before is the jury) refers to it
    text = "The jury heard Ilse Varga for three days. The jury retired at noon. It returned a verdict at five."
    ms = _mentions(text)
    juries = [m for m in ms if m.surface.lower() == "the jury"]
    assert len(juries) == 2 and juries[0].entity == juries[1].entity == "the jury"
    assert juries[0].entity_id == juries[1].entity_id != ""
    assert _pronouns(text).get("It") == "the jury"


def test_definite_description_of_a_named_organisation_is_that_organisation():
    text = "Norvik Bank cut its fees in May. The bank said demand was weak."
    assert _entity(text, "The bank") == "Norvik Bank"


def test_body_of_a_named_organisation_keeps_the_name_as_a_mention():
    # "the Vexorin factory" is Vexorin's factory: "Vexorin" stays a mention, no role swallows it
    ms = _mentions("Vexorin Ltd. cut jobs in May. The Vexorin factory closed.")
    assert [m.surface for m in ms if m.entity == "Vexorin Ltd."] == ["Vexorin Ltd.", "Vexorin"]


def test_role_before_of_and_a_name_is_no_entity_of_its_own():
    ms = _mentions("The town of Tallow lies on a river. The jury met in Tallow.")
    assert [m.entity for m in ms if m.surface == "The town"] == [""]
    assert [m.entity for m in ms if m.surface == "The jury"] == ["the jury"]


def test_role_modifying_a_noun_is_no_entity_of_its_own():
    # "the council officials" are people: "the council" refers to no organisation there
    ms = _mentions("Workers met the council officials on Monday. The jury met in Tallow.")
    assert [m.entity for m in ms if m.surface == "the council"] in ([], [""])
    assert [m.entity for m in ms if m.surface == "The jury"] == ["the jury"]


def test_unnamed_person_role_stays_unresolved():
    ms = _mentions("The minister spoke for an hour. The jury listened.")
    assert [m.entity_id for m in ms if m.surface == "The minister"] == [""]
