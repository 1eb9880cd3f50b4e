"""Mentions stage: recognition, coreference, invariants, and the seed against its gold."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import mentions as M
from analysis.article import article_from_text, load_article
from analysis.evaluate import mentions as ev
from analysis.tokenise import tokenise

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "newsweek-nato-fills-holes-stockpiles.txt"


@pytest.fixture(scope="module")
def seed_doc():
    return tokenise(load_article(SEED))


@pytest.fixture(scope="module")
def seed_mentions(seed_doc):
    return M.find_mentions(seed_doc)


def _doc(text: str, aid: str = "t"):
    return tokenise(article_from_text(text, aid))


def _by_surface(ms, surface):
    return [m for m in ms if m.surface == surface]


# --- invariants ------------------------------------------------------------------------

def _check_invariants(doc, ms):
    text = doc.text
    prev_end = -1
    for m in ms:
        assert text[m.start:m.end] == m.surface
        assert m.start >= prev_end, f"overlap at {m.surface!r}"
        prev_end = m.end
        assert m.entity_type in M.ENTITY_TYPES
        assert m.mention_kind in M.MENTION_KINDS
        assert (m.entity_id == "") == (m.entity == "")
        if m.entity:
            assert m.entity_id == M.entity_id(doc.article.article_id, m.entity)
        sent = doc.sentence_at(m.start)
        assert m.sentence_id == sent.sentence_id and m.zone == sent.zone


def test_seed_invariants(seed_doc, seed_mentions):
    assert len(seed_mentions) > 50
    _check_invariants(seed_doc, seed_mentions)


def test_ids_are_stable_across_runs(seed_doc, seed_mentions):
    again = M.find_mentions(tokenise(load_article(SEED)))
    assert [(m.mention_id, m.entity_id) for m in again] == [(m.mention_id, m.entity_id) for m in seed_mentions]
    # ids come from the article id and the canonical name, not from row order
    assert M.entity_id("a", "Jens  Stoltenberg") == M.entity_id("a", "jens stoltenberg")
    assert M.entity_id("a", "Jens Stoltenberg") != M.entity_id("b", "Jens Stoltenberg")


def test_table_schema(seed_doc, seed_mentions):
    df = M.mentions_table(seed_doc, seed_mentions)
    assert list(df.columns) == list(M.MENTION_COLUMNS)
    empty = M.mentions_table(seed_doc, [])
    assert list(df.dtypes) == list(empty.dtypes)
    assert df["in_quote"].any() and not df["in_quote"].all()
    assert len(df) == len(seed_mentions)
    assert M.mentions_table(seed_doc, []).empty


def test_resources_are_cached():
    assert M.resources() is M.resources()


# --- the seed against its gold -----------------------------------------------------------

def test_seed_gold_offsets_are_exact(seed_doc):
    gold = ev.read_gold(ev.gold_path(seed_doc.article.article_id))
    assert len(gold) >= 90
    assert ev.check_offsets(gold, seed_doc.text) == []


def test_seed_precision_recall_exact_spans(seed_doc, seed_mentions):
    gold = ev.read_gold(ev.gold_path(seed_doc.article.article_id))
    pred = M.mentions_table(seed_doc, seed_mentions)
    allrow = ev.score(pred, gold, "exact", typed=False).set_index("type").loc["ALL"]
    assert allrow["precision"] >= 0.95 and allrow["recall"] >= 0.95
    typed = ev.score(pred, gold, "exact", typed=True).set_index("type").loc["ALL"]
    assert typed["f1"] >= 0.95


def test_every_stoltenberg_mention_has_his_one_id(seed_doc, seed_mentions):
    gold = ev.read_gold(ev.gold_path(seed_doc.article.article_id))
    pred = M.mentions_table(seed_doc, seed_mentions)
    agree = ev.coreference_agreement(pred, gold, "Jens Stoltenberg")
    assert agree["gold"] >= 15
    assert agree["found"] == agree["gold"] == agree["with_main_id"]
    assert agree["ids"] == 1
    kinds = set(pred[pred["entity_id"] == agree["main_id"]]["mention_kind"])
    assert {"name", "alias", "role", "pronoun"} <= kinds


def test_seed_alliance_and_eu(seed_mentions):
    nato = {m.entity_id for m in seed_mentions if m.surface == "NATO"}
    assert len(nato) == 1
    for m in _by_surface(seed_mentions, "the alliance"):
        assert m.entity_id in nato and m.mention_kind == "role"
    eu = {m.entity_id for m in seed_mentions if m.surface in ("EU", "European Union")}
    assert len(eu) == 1


def test_seed_possessive_and_title_split(seed_mentions):
    assert not [m for m in seed_mentions if m.surface.endswith("'s") or m.surface.endswith("\u2019s")]
    role = _by_surface(seed_mentions, "NATO Secretary-General")
    name = _by_surface(seed_mentions, "Jens Stoltenberg")
    assert role and name and role[0].entity_id == name[0].entity_id and role[0].mention_kind == "role"


# --- generalisation: names no list holds ------------------------------------------------

NEW_ARTICLE = (
    "Port Authority Chief Resigns\n\n"
    "Harbour Commissioner Aurelia Vantongeren-Ríos resigned on Friday after the Kestrel Logistics "
    "Council criticised her handling of the strike, officials in Gdańsk said.\n\n"
    "Vantongeren-Ríos, who joined the Northmarch Maritime University board in 2019, said she would "
    "\"step back\" next month. Dr. Piet Okonkwo-Hale OBE, an economist at Brindlemoor Analytics Ltd, "
    "told reporters that her departure was overdue.\n\n"
    "\"Her record speaks for itself,\" Okonkwo-Hale said. He added that the KLC had asked for talks.\n"
)


@pytest.fixture(scope="module")
def new_doc():
    return _doc(NEW_ARTICLE, "unseen")


def test_unseen_people_and_orgs(new_doc):
    ms = M.find_mentions(new_doc)
    _check_invariants(new_doc, ms)
    typed = {(m.surface, m.entity_type) for m in ms}
    assert ("Aurelia Vantongeren-Ríos", "PERSON") in typed
    assert ("Piet Okonkwo-Hale", "PERSON") in typed           # honorific and post-nominal stripped
    assert ("Kestrel Logistics Council", "ORG") in typed       # organisation head word
    assert ("Northmarch Maritime University", "ORG") in typed
    assert ("Brindlemoor Analytics Ltd", "ORG") in typed
    assert ("Gdańsk", "GPE") in typed or ("Gdańsk", "ORG") not in typed
    # title before the name is a role mention of the same person
    role = _by_surface(ms, "Harbour Commissioner")
    name = _by_surface(ms, "Aurelia Vantongeren-Ríos")
    assert role and role[0].mention_kind == "role" and role[0].entity_id == name[0].entity_id


def test_unseen_coreference(new_doc):
    ms = M.find_mentions(new_doc)
    aurelia = _by_surface(ms, "Aurelia Vantongeren-Ríos")[0].entity_id
    alias = _by_surface(ms, "Vantongeren-Ríos")
    assert alias and all(m.entity_id == aurelia and m.mention_kind == "alias" for m in alias)
    # "her"/"she" after Aurelia is introduced refer to her; "He" after Okonkwo-Hale to him
    she = _by_surface(ms, "she")
    assert she and she[0].entity_id == aurelia
    piet = _by_surface(ms, "Piet Okonkwo-Hale")[0].entity_id
    he = _by_surface(ms, "He")
    assert he and he[0].entity_id == piet
    # an acronym of an organisation named in full joins it
    klc = _by_surface(ms, "KLC")
    council = _by_surface(ms, "Kestrel Logistics Council")[0].entity_id
    assert klc and klc[0].entity_id == council and klc[0].mention_kind == "alias"


def test_sentence_initial_words_are_not_names():
    ms = M.find_mentions(_doc("Headline Here\n\nThroughout the year, prices rose. Meanwhile buyers waited.\n"))
    assert not [m for m in ms if m.surface in ("Throughout", "Meanwhile")]


def test_unresolved_pronoun_and_role_are_kept():
    ms = M.find_mentions(_doc("Title\n\nHe said the alliance would meet the president.\n"))
    he = _by_surface(ms, "He")
    assert he and he[0].entity_id == "" and he[0].mention_kind == "pronoun"
    alliance = _by_surface(ms, "the alliance")
    assert alliance and alliance[0].entity_id == "" and alliance[0].entity_type == "ORG"


def test_alliance_resolves_to_the_alliance_in_play():
    ms = M.find_mentions(_doc("Title\n\nThe Collective Security Treaty Organization met. Officials said the alliance would grow.\n"))
    alliance = _by_surface(ms, "the alliance")[0]
    assert alliance.entity == "Collective Security Treaty Organization"


def test_pronoun_gender_from_title():
    text = "Title\n\nMrs. Alma Brecht met Mr. Olaf Drummel in Oslo. She said the talks went well.\n"
    ms = M.find_mentions(_doc(text))
    she = _by_surface(ms, "She")[0]
    assert she.entity == "Alma Brecht"


def test_dates_and_weapons():
    text = "Title\n\nEarlier this year the army received Leopard 2 tanks; on 3 March 2023 and next week more howitzers arrive.\n"
    ms = M.find_mentions(_doc(text))
    got = {(m.surface, m.entity_type) for m in ms}
    assert ("Earlier this year", "DATE") in got
    assert ("3 March 2023", "DATE") in got and ("next week", "DATE") in got
    assert ("Leopard 2", "WEAPON") in got and ("howitzers", "WEAPON") in got
    assert ("tanks", "WEAPON") in got


def test_ambiguous_weapon_name_needs_context():
    ms = M.find_mentions(_doc("Title\n\nThe Challenger crew trained in Houston.\n"))
    assert not [m for m in ms if m.entity_type == "WEAPON"]


# --- property: any mix of sentences keeps the invariants -----------------------------------

SENTENCES = [
    "NATO Secretary-General Jens Stoltenberg said he would visit Kyiv on Tuesday.",
    "The NATO chief met Ukrainian President Volodymyr Zelensky's advisers.",
    "\"We will stand by Ukraine,\" she said.",
    "Philip Ingram MBE told Newsweek that the alliance's stocks were low.",
    "Earlier this year, the EU sent long-range missiles and M1 Abrams tanks.",
    "Throughout the war, Russian forces shelled the Black Sea coast.",
    "His remarks came as the Foreign Affairs Council of the European Union met.",
    "Ana de la Vega-Ruiz of Orchard Valley Media said it's too early.",
    "U.S. officials — and the UN — declined to comment... Read more",
]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.booleans())
def test_invariants_hold_for_any_text(sents, paragraphs):
    sep = "\n\n" if paragraphs else " "
    doc = _doc("Headline Of The Day\n\n" + sep.join(sents) + "\n", "prop")
    ms = M.find_mentions(doc)
    _check_invariants(doc, ms)


def test_title_role_noun_needs_that_title():
    text = ("Title\n\nGov. Rhea Castellan spoke first. Later the president of the board, not named, "
            "declined. The governor said she would return. CASTELLAN: We are ready.\n")
    ms = M.find_mentions(_doc(text))
    pres = _by_surface(ms, "the president")
    assert pres and pres[0].entity_id == ""            # nobody was titled President: not guessed
    gov = _by_surface(ms, "The governor")
    rhea = _by_surface(ms, "Rhea Castellan")[0]
    assert gov and gov[0].entity_id == rhea.entity_id
    caps = _by_surface(ms, "CASTELLAN")                 # an all-caps speaker label is the same person
    assert caps and caps[0].entity_id == rhea.entity_id and caps[0].entity_type == "PERSON"


def test_org_names_with_of_and():
    text = "Title\n\nShe joined the Marlow Chamber of Commerce and Industry after leaving the Orrin Institute.\n"
    ms = M.find_mentions(_doc(text))
    got = {(m.surface, m.entity_type) for m in ms}
    assert ("Marlow Chamber of Commerce and Industry", "ORG") in got
    assert ("Orrin Institute", "ORG") in got


# --- made-up news articles of several domains (tests/fixtures/articles) --------------------

FIXTURES = ROOT / "tests" / "fixtures" / "articles"


def _fixture(name: str):
    doc = tokenise(load_article(FIXTURES / f"{name}.txt"))
    ms = M.find_mentions(doc)
    _check_invariants(doc, ms)
    return doc, ms


def _types(ms) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in ms:
        out.setdefault(m.surface, set()).add(m.entity_type)
    return out


def _assert_types(ms, expected: dict[str, str]):
    got = _types(ms)
    for surface, etype in expected.items():
        assert got.get(surface) == {etype}, f"{surface!r}: {got.get(surface)} != {etype}"


def _ent(ms, surface: str) -> str:
    found = _by_surface(ms, surface)
    assert found, surface
    return found[0].entity_id


@pytest.mark.parametrize("name", sorted(p.stem for p in FIXTURES.glob("*.txt")))
def test_fixture_invariants_and_no_stray_persons(name):
    doc, ms = _fixture(name)
    for m in ms:
        # a PERSON name has at least one lower-case letter word and no organisation/place head word
        if m.entity_type == "PERSON" and m.mention_kind in ("name", "alias"):
            words = m.surface.split()
            assert not (set(words) & M.resources().org_cues), m.surface
            assert words[-1] not in M.resources().place_cues, m.surface


def test_central_bank_article():
    doc, ms = _fixture("central_bank")
    _assert_types(ms, {
        "SÃO PAULO": "GPE",                      # all-caps dateline with a diacritic
        "Maria Fernanda Costa": "PERSON",        # byline
        "Itaú Unibanco": "ORG",                  # "economists at X"
        "Santander Brasil": "ORG",               # "chief economist at X"
        "Ana Paula Vescovi": "PERSON", "Fernando Haddad": "PERSON",
        "International Monetary Fund": "ORG",
    })
    assert _by_surface(ms, "SÃO PAULO")[0].entity == "São Paulo"
    she = _by_surface(ms, "she")
    assert she and she[0].entity == "Ana Paula Vescovi"
    assert _by_surface(ms, "He")[0].entity == "Fernando Haddad"


def test_drug_prices_article():
    doc, ms = _fixture("drug_prices")
    _assert_types(ms, {
        "WASHINGTON": "GPE", "Capitol Hill": "LOC",
        "Pharmaceutical Research and Manufacturers of America": "ORG",   # one span
        "Congressional Budget Office": "ORG", "Harvard Medical School": "ORG",
        "Chuck Schumer": "PERSON", "Mitch McConnell": "PERSON", "Stephen Ubl": "PERSON",
    })
    # a party-state label is no mention, and "Ky." in it is not Kentucky
    assert not [m for m in ms if "Ky" in m.surface]
    assert not _by_surface(ms, "America")          # inside the lobby group's name, not the USA
    role = _by_surface(ms, "Senate Majority Leader")
    assert role and role[0].mention_kind == "role" and role[0].entity == "Chuck Schumer"
    assert _by_surface(ms, "He")[0].entity == "Aaron Kesselheim"


def test_business_article():
    doc, ms = _fixture("business")
    _assert_types(ms, {
        "Priya Raman": "PERSON", "Harwell Foods Inc.": "ORG", "Crisp & Co.": "ORG",
        "Norcross Capital Partners": "ORG", "Lindqvist Securities": "ORG",
        "Tomasz Wierzbicki": "PERSON",           # ", an analyst at ...": apposition
        "Bank of America": "ORG", "Goldmere Holdings": "ORG",   # two organisations, not one
        "Federal Trade Commission": "ORG", "Denver": "GPE",
    })
    harwell = _ent(ms, "Harwell Foods Inc.")
    short = _by_surface(ms, "Harwell")
    assert len(short) >= 2 and all(m.entity_id == harwell and m.mention_kind == "alias" for m in short)
    assert _by_surface(ms, "She")[0].entity == "Karen Mbatha"


def test_sports_article():
    doc, ms = _fixture("sports")
    _assert_types(ms, {
        "Riverton Athletic": "ORG", "Harbor City FC": "ORG", "Kofi Adjei-Bonsu": "PERSON",
        "Mateus Ferreira Lima": "PERSON", "Sean Gallagher": "PERSON",
        "Northern Football Association": "ORG", "Eastfield Stadium": "LOC",
    })
    # "Lima" after "Mateus Ferreira Lima" is his surname, not the Peruvian capital
    lima = _by_surface(ms, "Lima")
    assert lima and lima[0].entity == "Mateus Ferreira Lima"
    assert _by_surface(ms, "Riverton")[0].entity_type == "ORG"      # "Riverton coach ..."
    assert _by_surface(ms, "Gallagher")[0].entity == "Sean Gallagher"


def test_crime_article():
    doc, ms = _fixture("crime")
    _assert_types(ms, {
        "MILLBROOK": "GPE", "Ohio": "GPE", "Millbrook Police Department": "ORG",
        "Derek Vance": "PERSON", "Hollis County Jail": "ORG", "Hollis County Court": "ORG",
        "Angela Moreno": "PERSON", "Ruth Okafor": "PERSON", "Maple Street": "LOC",
    })
    assert _by_surface(ms, "Millbrook")[0].entity_type == "GPE"       # the dateline town
    role = _by_surface(ms, "Police Chief")
    assert role and role[0].entity == "Angela Moreno"
    assert _by_surface(ms, "She")[0].entity == "Angela Moreno"
    assert _by_surface(ms, "He")[0].entity == "Derek Vance"


def test_science_article():
    doc, ms = _fixture("science")
    _assert_types(ms, {
        "University of California, Berkeley": "ORG",
        "Max Planck Institute for Astronomy": "ORG",
        "National Aeronautics and Space Administration": "ORG",
        "European Space Agency": "ORG", "Heidelberg": "GPE",
        "Ingrid Solberg": "PERSON", "Rahul Venkataraman": "PERSON",
    })
    assert not [m for m in ms if "Telescope" in m.surface and m.entity_type == "PERSON"]
    assert _by_surface(ms, "He")[0].entity == "Rahul Venkataraman"


def test_foreign_affairs_article():
    doc, ms = _fixture("foreign")
    _assert_types(ms, {
        "GENEVA": "GPE", "Geneva": "GPE",        # a given name too, but the dateline and "in" say place
        "Council on Foreign Relations": "ORG",
        "Department of Health and Human Services": "ORG",
        "Anatoly Verkhovsky": "PERSON", "Leyla Qasimova": "PERSON", "Thandeka Mokoena": "PERSON",
    })
    assert _by_surface(ms, "His")[0].entity == "Anatoly Verkhovsky"
    assert _by_surface(ms, "She")[0].entity == "Thandeka Mokoena"


def test_uncued_run_needs_evidence():
    """A capitalised run with no cue of its own is typed by its context, never PERSON by default."""
    text = ("Title\n\nAnalysts at Quorvell Brandt expect growth. Vittorio Anselmi said prices fell. "
            "Rates rose, economist Odile Marchetti wrote. The Glass Orchard opened.\n")
    ms = M.find_mentions(_doc(text))
    got = _types(ms)
    assert got.get("Quorvell Brandt") == {"ORG"}
    assert got.get("Vittorio Anselmi") == {"PERSON"}     # speech verb after it
    assert got.get("Odile Marchetti") == {"PERSON"}      # occupation noun before it
    assert "Glass Orchard" not in got                   # no evidence at all: dropped


def test_more_person_cues_for_uncued_runs():
    text = ("Title\n\nThe bill was backed by Olek Vantrasz (D-Calif.) and opposed by a spokesman, "
            "Yusuf Demirkol-Ayan, who called it rushed. In the final, Sigrun Aasheim of Norway won. "
            "The Selic rate rose at the Quarry Lane office.\n")
    ms = M.find_mentions(_doc(text))
    got = _types(ms)
    assert got.get("Olek Vantrasz") == {"PERSON"}          # party label after the name
    assert got.get("Yusuf Demirkol-Ayan") == {"PERSON"}    # "a spokesman, X"
    assert got.get("Sigrun Aasheim") == {"PERSON"}         # "X of <country>"
    assert "Selic" not in got                              # "the Selic rate": a premodifier


def test_org_evidence_from_what_it_has():
    text = "Title\n\nShares of Tovrin fell after Tovrin's shareholders rejected the plan, analysts said.\n"
    ms = M.find_mentions(_doc(text))
    assert _types(ms).get("Tovrin") == {"ORG"}


def test_the_before_a_listed_org_is_the_same_entity():
    doc, ms = _fixture("drug_prices")
    ap = {m.entity_id for m in ms if m.surface in ("AP", "The Associated Press")}
    assert len(ap) == 1


def test_party_state_labels_and_byline():
    text = "Title\n\nBy Jonah Pell\n\nSen. Ada Roe, D-N.Y., and Rep. Bo Tate (R-Texas) voted no.\n"
    ms = M.find_mentions(_doc(text))
    got = _types(ms)
    assert got.get("Jonah Pell") == {"PERSON"}
    assert not [m for m in ms if m.surface.startswith(("D-", "R-")) or m.surface in ("N.Y.", "Texas", "Y.")]
    assert got.get("Ada Roe") == {"PERSON"} and got.get("Bo Tate") == {"PERSON"}


# --- generalisation: datelines, affiliations, possessives --------------------------------

@pytest.mark.parametrize("text,place", [
    ("KELSO, Wash. (AP) — Officials said on Monday the bridge would reopen.\n", "KELSO"),
    ("DURBANVILLE -- The council met on Monday.\n", "DURBANVILLE"),
    ("ORVALE, Ohio, March 3 (Reuters) - Shares rose on Monday.\n", "ORVALE"),
])
def test_dateline_shape_is_a_place(text, place):
    ms = M.find_mentions(_doc("Headline Here\n\n" + text))
    hit = _by_surface(ms, place)
    assert hit and hit[0].entity_type == "GPE" and hit[0].rule == "dateline"


def test_allcaps_word_with_appositive_is_not_a_dateline():
    # an acronym opening a paragraph, then a comma and an appositive: no dash, so no dateline
    text = "Headline Here\n\nQXR, the Korean rival of Vantor Motors, sold more cars last year.\n"
    ms = M.find_mentions(_doc(text))
    hit = _by_surface(ms, "QXR")
    assert hit and hit[0].rule != "dateline" and hit[0].entity_type != "GPE"
    assert hit[0].entity == "QXR"  # an acronym keeps its case


def test_given_name_run_after_occupation_at_is_an_org():
    text = ("Headline Here\n\nEconomists at Morgan Lindqvist lowered their forecast on Monday. "
            "Strategists at Jordan Brothers agreed.\n")
    ms = M.find_mentions(_doc(text))
    assert _by_surface(ms, "Morgan Lindqvist")[0].entity_type == "ORG"
    assert _by_surface(ms, "Jordan Brothers")[0].entity_type == "ORG"


def test_business_tesla_article():
    doc, ms = _fixture("business_tesla")
    _assert_types(ms, {"BYD": "ORG", "Morgan Stanley": "ORG", "Adam Jonas": "PERSON",
                       "Warren Buffett": "PERSON"})
    assert _by_surface(ms, "BYD")[0].entity == "BYD"


def test_run_after_a_persons_possessive_is_an_org():
    # an uncued multi-word run owned by a named person: a business, not dropped
    text = ("Headline Here\n\nThe startup is backed by Helena Marsh's Quillfield Ardent, "
            "the filing showed.\n")
    ms = M.find_mentions(_doc(text))
    hit = _by_surface(ms, "Quillfield Ardent")
    assert hit and hit[0].entity_type == "ORG"
    assert _by_surface(ms, "Helena Marsh")[0].entity_type == "PERSON"


def test_business_tesla_owner():
    doc, ms = _fixture("business_tesla")
    assert _by_surface(ms, "Berkshire Hathaway")[0].entity_type == "ORG"


def test_road_numbers_after_a_comma_are_no_party_label():
    # "R-Ky." after a comma is a party label; "I-44" after a comma is a road, and must not
    # break the reading (it used to raise: the label pattern did not match)
    ms = M.find_mentions(_doc("Title\n\nTraffic backed up on the Tulsa loop, I-244, I-44 and US 169.\n"))
    assert all(m.surface != "I-44" or m.rule != "party" for m in ms)
