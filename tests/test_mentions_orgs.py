"""Organisations and names in newswire: each recogniser and evidence check of the mentions
stage added for organisations, titles of works and wire furniture, with made-up sentences."""
from __future__ import annotations

from analysis import mentions as M
from analysis.article import article_from_text
from analysis.mentions import recognisers as R
from analysis.mentions.works import is_work_title
from analysis.tokenise import tokenise


def _doc(text: str):
    return tokenise(article_from_text("Title\n\n" + text + "\n", "t"))


def _mentions(text: str):
    return M.find_mentions(_doc(text))


def _types(text: str, surface: str) -> set[str]:
    return {m.entity_type for m in _mentions(text) if m.surface == surface and m.mention_kind in ("name", "alias")}


def _surfaces(text: str) -> set[str]:
    return {m.surface for m in _mentions(text) if m.mention_kind in ("name", "alias")}


# --- titles of works ------------------------------------------------------------------------

def _without(monkeypatch, recogniser):
    monkeypatch.setattr(R, "RECOGNISERS", tuple(r for r in R.RECOGNISERS if r is not recogniser))


def test_names_inside_a_title_of_a_work_are_no_mentions(monkeypatch):
    text = 'Maria Lindqvist starred in "Daniel Okoro and the Harwell Bank," a film about debt.'
    assert _surfaces(text) == {"Maria Lindqvist"}
    _without(monkeypatch, R.work_titles)
    assert {"Daniel Okoro", "Harwell Bank"} <= _surfaces(text)  # the rule is what removes them


def test_a_one_word_title_of_a_show_is_no_person(monkeypatch):
    text = 'Ratings for the sitcom "Zorbelle" fell, Maria Lindqvist said. Zorbelle was cancelled.'
    assert _surfaces(text) == {"Maria Lindqvist"}
    assert is_work_title(_doc(text).text, _doc(text).quotes[0], M.resources())


def test_a_quotation_of_speech_keeps_its_names():
    text = '"We will never sell to Harwell Foods Inc.," said Maria Lindqvist.'
    assert {"Harwell Foods Inc.", "Maria Lindqvist"} <= _surfaces(text)


def test_a_signature_a_nickname_and_one_spoken_word_are_not_titles():
    res = M.resources()
    for text in ('The note was signed "Walter," the clerk recalled.', 'The team of Jo "Tiny" Marsh won.',
                 '"Agreed," Lindqvist said.'):
        d = _doc(text)
        assert not is_work_title(d.text, d.quotes[0], res), text


def test_an_inscription_of_several_sentences_is_not_a_title():
    d = _doc('The stone reads: "Maria Lindqvist. Born in Millbrook. Loved by All."')
    assert not is_work_title(d.text, d.quotes[0], M.resources())
    assert "Maria Lindqvist" in _surfaces(d.article.text[len("Title\n\n"):])


# --- company designators ----------------------------------------------------------------------

def test_a_company_with_its_designator_after_a_comma_is_one_organisation(monkeypatch):
    text = "Shares of Harwell Foods, Inc., rose on Monday."
    assert _types(text, "Harwell Foods, Inc.") == {"ORG"}
    _without(monkeypatch, R.company_designators)
    assert "Harwell Foods, Inc." not in _surfaces(text)


def test_designated_companies_in_an_all_caps_notice():
    text = ("Orla Venn reported from Millbrook.\n\n"
            "COPYRIGHT 2001 BY ACME WIDGETS, INC., A UNIT OF ZEDCORP HOLDINGS, LTD. ALL RIGHTS RESERVED.")
    got = {m.surface: m.entity_type for m in _mentions(text) if m.rule.endswith("designator")}
    assert got == {"ACME WIDGETS, INC.": "ORG", "ZEDCORP HOLDINGS, LTD.": "ORG"}  # not "BY ...", "OF ..."


def test_a_designator_with_its_period_ends_the_name():
    text = "The plant belongs to Harwell Foods Co. Combined sales of both firms rose."
    assert _types(text, "Harwell Foods Co.") == {"ORG"}
    assert not any(s.endswith("Combined") for s in _surfaces(text))
    assert _types("Profits at Harwell Co. Ltd. doubled.", "Harwell Co. Ltd.") == {"ORG"}


# --- the Vatican, organisation nouns ------------------------------------------------------------

def test_the_vatican_is_an_institution_and_vatican_city_a_state():
    assert _types("The Vatican said on Monday that the talks would resume.", "Vatican") == {"ORG"}
    assert _types("Pilgrims flew to Vatican City in May.", "Vatican City") == {"GPE"}


def test_a_name_before_an_organisation_noun_names_the_organisation():
    assert _types("Workers at the Zorbex factory went on strike.", "Zorbex") == {"ORG"}
    assert _types("The Gazeta Nowa newspaper printed the letter.", "Gazeta Nowa") == {"ORG"}
    assert _types("The report came from the official Vexa news agency.", "Vexa") == {"ORG"}
    # a compound is not the organisation: "Zorbex paper towels" names a product
    assert _types("Brands like Zorbex paper towels sold well.", "Zorbex") == set()


def test_a_name_after_an_organisation_noun_names_the_organisation():
    assert _types("He told the daily Gazeta Nowa that he would resign.", "Gazeta Nowa") == {"ORG"}
    assert _types("The weekly Maria ran the story.", "Maria") == {"ORG"}  # before the given-name check
    assert _types("Her restaurant, Tavolino, opened in 1990.", "Tavolino") == {"ORG"}
    # after a comma only as a closed apposition
    assert _types("He told the company, Zorvath said later.", "Zorvath") != {"ORG"}


# --- acronym-led names, teams, parties, initial function words, dashes ---------------------------

def test_a_name_led_by_an_acronym_is_an_organisation(monkeypatch):
    text = "Research by ZKBT Harlow showed growth."
    assert _types(text, "ZKBT Harlow") == {"ORG"}
    from analysis.mentions import names as N
    monkeypatch.setattr(N, "acronym_led", lambda words, res: False)
    assert _types(text, "ZKBT Harlow") != {"ORG"}
    assert N.name_type(["Jo", "Marsh"], M.resources()) == ("", "")  # people's names do not start so


def test_a_place_and_a_capitalised_plural_after_the_is_a_team():
    assert _types("Fans cheered the Denver Falcons on Sunday.", "Denver Falcons") == {"ORG"}
    got = _surfaces("Results: Denver Falcons 3, Boston Ravens 1.")
    assert {"Denver Falcons", "Boston Ravens"} <= got
    assert "Denver Heights" not in {m.surface for m in _mentions("Voters in the Denver Heights were polled.")
                                    if m.rule.endswith("team")}


def test_party_members_after_the_are_the_party_the_article_names():
    text = "The Communist Party met. The Communists and the Christian Democrats argued. A Communist mayor spoke."
    ms = [m for m in _mentions(text) if m.surface == "Communists"]
    assert [(m.entity_type, m.entity, m.mention_kind) for m in ms] == [("ORG", "Communist Party", "alias")]
    assert _types(text, "Communist") == {"NORP"}
    # without the party named, the members stay a political group (NORP, the mentions guidelines)
    assert _types("The Communists and the Christian Democrats argued.", "Communists") == {"NORP"}


def test_function_words_opening_a_sentence_are_not_part_of_a_name():
    got = _surfaces("Though Maria Okafor won the seat, her rival conceded. Unlike Daniel Venn, she stayed.")
    assert {"Maria Okafor", "Daniel Venn"} <= got
    assert not any(s.startswith(("Though", "Unlike")) for s in got)


def test_a_dash_after_a_dateline_opens_the_sentence():
    text = "ORVALE, Thurs. - The Orvale Waterworks Department closed the pipe."
    assert "Orvale Waterworks Department" in _surfaces(text)
    assert "The Orvale Waterworks Department" not in _surfaces(text)


# --- possessive company names, "X and Y <head>" ------------------------------------------------

def test_a_possessive_company_name_is_one_name():
    assert _types("The warning came from Zorvex's Investors Service on Monday.",
                  "Zorvex's Investors Service") == {"ORG"}
    got = _surfaces("Russia's Defence Ministry spoke. He is one of Venn's Unionist Party allies.")
    assert "Defence Ministry" in got and "Unionist Party" in got  # a place's ministry, a person's party
    assert not any("'s" in s for s in got)


def test_x_and_y_with_an_organisation_head_is_one_name():
    assert _types("The filing went to the Securities and Exchange Commission.",
                  "Securities and Exchange Commission") == {"ORG"}
    assert _types("Officials at the Fish and Wildlife Service agreed.", "Fish and Wildlife Service") == {"ORG"}
    got = _surfaces("Shares of IBM and Zorvex Corp. rose.")
    assert "IBM" in got and "Zorvex Corp." in got  # an acronym first: two companies


# --- staff after a name, company appositions, "Native" --------------------------------------------

def test_staff_nouns_after_a_name_make_it_an_organisation(monkeypatch):
    text = "On Monday, Zorvex officials said the plan had failed."
    assert _types(text, "Zorvex") == {"ORG"}
    from analysis.mentions import evidence as E
    monkeypatch.setattr(E, "EVIDENCE_CHECKS", tuple(c for c in E.EVIDENCE_CHECKS if c is not E.staff_after))
    assert _types(text, "Zorvex") != {"ORG"}


def test_a_unit_of_a_company_is_a_company():
    text = "The book was published by Harlowe, a unit of Zorvex Corp., in May."
    assert _types(text, "Harlowe") == {"ORG"}


def test_native_before_a_nationality_is_a_nationality():
    assert _types("It was drawn by a Native American artist.", "Native American") == {"NORP"}


# --- wire furniture: dated datelines, all-caps headlines, results lines --------------------------

_WIRE = """KELSO ROVERS BEAT PARIS CLUB IN CUP TIE

WARSAW 2001-03-04

Police arrested three men on Friday , the PAP news agency said .

Results of league matches on Friday :

Kelso Rovers 2 Paris 1

Millbrook Town 10 6 2 2 18 9 20
"""


def _wire_mentions():
    return {(m.surface, m.entity_type) for m in M.find_mentions(tokenise(article_from_text(_WIRE, "w")))
            if m.mention_kind in ("name", "alias")}


def test_a_caps_place_and_a_date_is_a_dateline():
    assert ("WARSAW", "GPE") in _wire_mentions()  # not an ORG acronym


def test_a_known_place_in_an_all_caps_headline():
    assert ("PARIS", "GPE") in _wire_mentions()


def test_names_with_scores_are_teams():
    got = _wire_mentions()
    assert {("Kelso Rovers", "ORG"), ("Paris", "ORG"), ("Millbrook Town", "ORG")} <= got
    assert ("Paris", "GPE") not in got


# --- craft and storms ---------------------------------------------------------------------------

def test_the_name_of_a_craft_or_storm_is_no_person_or_organisation(monkeypatch):
    text = ("The shuttle Endeavour landed on Monday, Maria Lopez said. The crew of the aircraft carrier "
            "Nimitz cheered. Lopez said Endeavour performed well. Hurricane Katrina hit the coast. "
            "The USS Harlow sailed.")
    got = _surfaces(text)
    assert "Maria Lopez" in got
    assert not got & {"Endeavour", "Nimitz", "Katrina", "Hurricane Katrina", "USS Harlow", "Harlow"}
    _without(monkeypatch, R.craft_names)
    assert got != _surfaces(text)  # without the check some craft become people or organisations


# --- acronyms of terms ------------------------------------------------------------------------------

def test_an_acronym_of_a_lower_case_term_is_no_organisation():
    from analysis.mentions.orgnames import term_acronyms
    text = ("Satellites measure sea surface brightness (SSB) daily. SSB maps were made by the "
            "Orvale Space Agency (OSA) in May.")
    assert term_acronyms(text) == {"SSB"}
    got = _surfaces(text)
    assert "SSB" not in got and "OSA" in got
    assert term_acronyms("Data came from the space agency (NASA).") == frozenset()  # initials differ


def test_a_word_with_an_inner_capital_is_a_company_unless_a_name_prefix():
    from analysis.mentions.names import camel_case_company
    res = M.resources()
    assert camel_case_company("HarperCollins", res) and camel_case_company("BlackRock", res)
    assert not any(camel_case_company(w, res) for w in ("McDonald", "DiMaggio", "LaToya", "MaryAnn", "Orvale"))
    assert _types("He signed a deal with ZorvexCollins on Monday.", "ZorvexCollins") == {"ORG"}


def test_an_organisation_adjective_overrides_person_evidence():
    text = "The plan was opposed by the mainstream Social Democratic Labor and Sinn Fein, and Orla Venn."
    assert _types(text, "Social Democratic Labor") == {"ORG"}
    assert _types("On Monday, Christian Marsh said the vote was close.", "Christian Marsh") == {"PERSON"}


def test_a_plural_name_in_a_place_phrase_is_a_region():
    text = "Tourists spend summers in the Kelsos. Fans cheered with the Zorbs on Friday."
    assert _types(text, "Kelsos") == {"LOC"}
    assert _types(text, "Zorbs") == {"ORG"}  # "with the Zorbs": a team, by the definite article


def test_a_nationality_before_a_given_name_is_not_part_of_the_name():
    text = "She broke the record of fellow German Claudia Okafor on Friday."
    assert _types(text, "Claudia Okafor") == {"PERSON"} and _types(text, "German") == {"NORP"}


def test_a_kinship_title_marks_a_person():
    assert _types("His Uncle Frank told the story at dinner.", "Frank") == {"PERSON"}
    assert "Uncle Frank" not in _surfaces("His Uncle Frank told the story at dinner.")


def test_partners_names_joined_by_a_slash_are_one_firm():
    assert _types("The account moved to Venn/Okafor last year, said Orla Venn.", "Venn/Okafor") == {"ORG"}
    got = _surfaces("Israeli/Palestinian talks resumed. It was edited by Jo A. Venn/Harlowe in 1990.")
    assert not any("/" in s for s in got)  # known names on a side; the end of a longer name


def test_a_name_before_a_comma_and_a_state_is_a_town():
    assert _types("She moved to Harlowe, Va., in May.", "Harlowe") == {"GPE"}


def test_a_character_entity_left_by_markup_is_no_name(monkeypatch):
    text = "The note &ZQ; ended there, Orla Venn said."
    assert "ZQ" not in _surfaces(text)
    _without(monkeypatch, R.markup_entities)
    assert "ZQ" in _surfaces(text)


def test_grounds_forests_and_canals_are_locations():
    assert _types("Crowds gathered at the Kelso Grounds on Monday.", "Kelso Grounds") == {"LOC"}
    assert _types("A statue stands in the Harlowe Forest near the river.", "Harlowe Forest") == {"LOC"}


# --- hyphenated given names, families, sums of money ------------------------------------------

def test_a_romanised_hyphenated_given_name_is_part_of_the_name():
    from analysis.mentions.units import is_cap_token
    assert is_cap_token("Mei-ling") and is_cap_token("Dong-hyun")
    assert not is_cap_token("Kelso-based") and not is_cap_token("Orvale-led") and not is_cap_token("AI-made")
    text = "The clinic hired Chan Mei-ling, a nurse, and Park Dong-hyun. Chan said she was glad."
    assert _types(text, "Chan Mei-ling") == {"PERSON"}
    assert "Park Dong-hyun" in _surfaces(text)


def test_a_plural_surname_after_the_is_a_family_not_an_organisation():
    text = "Dana Okafor bought the farm in May. Neighbours said the Okafors were kind, and the Rovers won."
    assert _types(text, "Okafors") == {"PERSON"}
    assert "ORG" in _types(text, "Rovers") or "Rovers" not in _surfaces(text)  # no person named Rover


def test_a_currency_code_before_its_sum_is_no_organisation():
    text = "The firm was fined ZR5,000 a day and later spent ZR3 billion, Maria Lindqvist said."
    assert not {"ZR5", "ZR3"} & _surfaces(text)


def test_an_ordinal_before_a_name_belongs_to_it_and_makes_no_person():
    text = ("Maria Lindqvist joined 21st Kelso Pictures in May. Troops of the 82nd Harlow Brigade left. "
            "Fans cheered for 20th Orvale Vantor, and the 20th Century ended.")
    assert _types(text, "21st Kelso Pictures") == {"ORG"}
    assert _types(text, "82nd Harlow Brigade") == {"ORG"}
    assert _types(text, "20th Orvale Vantor") == {"ORG"}  # no cue: an ordinal-led name is no person's
    assert not {"Century", "20th Century"} & _surfaces(text)


def test_a_party_and_seat_label_after_a_members_name_names_both():
    text = "Abu Ujang (BN-Kuala Kelso) asked about water, and Tan Ah Kow (DAP-Orvale) agreed. Ana Roe (D-Calif.) spoke."
    assert _types(text, "BN") == {"ORG"} and _types(text, "DAP") == {"ORG"}
    assert _types(text, "Kuala Kelso") == {"GPE"} and _types(text, "Orvale") == {"GPE"}
    assert _types(text, "Abu Ujang") == {"PERSON"}
    assert not {"D", "Calif.", "D-Calif."} & _surfaces(text)  # a one-letter US label names no party


def test_the_full_stop_after_a_firms_last_initial_is_not_part_of_it():
    text = "Maria Lindqvist sold the unit to Q&R. Then she retired."
    assert "Q&R" in _surfaces(text) and "Q&R." not in _surfaces(text)


def test_an_era_after_a_year_is_no_organisation():
    text = "The wall was built around 400 B.C., Maria Lindqvist said."
    assert "B.C." not in _surfaces(text)


def test_the_head_of_a_longer_title_and_an_epithet_are_no_definite_organisations():
    text = ("Maria Lindqvist joined the Campaign to Save Orvale in May. The Rovers lost to the Kelsos. "
            "She wrote about Queen Mara the Wise for years.")
    assert "ORG" not in _types(text, "Campaign")  # "the Campaign to Save ...": a longer title
    assert "ORG" not in _types(text, "Wise")  # an epithet of the person before "the"
    assert _types(text, "Kelsos") == {"ORG"}  # a definite name with no such context stays an institution


def test_acronyms_of_common_nouns_and_currency_codes_are_no_organisations():
    text = "Maria Lindqvist said the DNA test cost 900 DKK at the Harwell Clinic, and the LED lamps were cheap."
    assert not {"DNA", "DKK", "LED"} & _surfaces(text)
    assert "Harwell Clinic" in _surfaces(text)


def test_of_alone_makes_no_organisation_but_a_head_first_place_is_a_place():
    text = ("Maria Lindqvist wrote a history of the Siege of Kelso for the University of Orvale. "
            "She lives in the County of Harlowe.")
    assert "ORG" not in _types(text, "Siege of Kelso")
    assert _types(text, "University of Orvale") == {"ORG"}
    assert _types(text, "County of Harlowe") == {"GPE"}


def test_a_known_name_in_a_hyphenated_modifier_of_a_role_is_its_own_mention():
    text = "Maria Lindqvist joined the Kenya-based firm in May."
    assert _types(text, "Kenya") == {"GPE"}
    assert "the Kenya-based firm" not in {m.surface for m in _mentions(text)}


def test_x_and_y_agency_after_a_known_place_or_an_initial_the_is_one_name():
    text = ("Ana Roe runs the Little Rock Convention and Visitors Bureau. "
            "The Securities and Exchange Commission met Maria Lindqvist.")
    assert _types(text, "Little Rock Convention and Visitors Bureau") == {"ORG"}
    assert _types(text, "Securities and Exchange Commission") == {"ORG"}


def test_a_name_after_a_kinship_noun_and_of_is_a_person_not_an_employer():
    text = "Ana Roe was a son of Jovan Bernek and a close friend of Pelle Ostrava, the sources said."
    assert _types(text, "Jovan Bernek") == {"PERSON"}
    assert _types(text, "Pelle Ostrava") == {"PERSON"}


def test_an_unknown_ian_word_heading_a_definite_noun_phrase_is_an_institution():
    text = ("Maria Lindqvist asked the Orvalian for money. The Orvalian, she added, relies on grants. "
            "The Orvalian style of the hall was admired.")
    orvalian = [m for m in _mentions(text) if m.surface == "Orvalian" and m.mention_kind in ("name", "alias")]
    assert [m.entity_type for m in orvalian[:2]] == ["ORG", "ORG"]
    assert "ORG" not in {m.entity_type for m in orvalian[2:]}  # before a noun: an adjective


def test_a_final_is_an_event_and_a_dam_or_bridge_a_place():
    text = "Maria Lindqvist played in a KTA Final. Crowds went to see Harlow Dam and the Orvale Bridge."
    assert "KTA Final" not in _surfaces(text)  # an event, though acronym-led
    assert _types(text, "Harlow Dam") == {"LOC"} and _types(text, "Orvale Bridge") == {"LOC"}


def test_a_name_with_s_before_a_verb_is_a_company_not_a_possessive(monkeypatch):
    text = ("While Varnby's did not cut the rating on Friday, Orlick's recently announced new jobs. "
            "Tess Marlow's plans changed. It's said that Kelso Orr's son left.")
    ms = {m.surface: m.entity_type for m in _mentions(text) if m.mention_kind in ("name", "alias")}
    assert ms.get("Varnby's") == "ORG" and ms.get("Orlick's") == "ORG"
    # a possessive before a noun ("plans", "son") and a contraction ("It's") stay as they were
    assert not any(s.endswith("'s") for s in ms if s not in ("Varnby's", "Orlick's"))
    _without(monkeypatch, R.company_designators)
    assert "Varnby's" not in _surfaces(text)  # the recogniser is what finds them


def test_a_sentence_closed_inside_brackets_is_prose_not_a_title_line():
    # the full stop before ")" ends a sentence: its capitals are names, not a headline's words
    text = "Prices rose. (This story was distributed by The Kelso Times News Service.)"
    assert _types(text, "The Kelso Times News Service") == {"ORG"}


def test_a_newspaper_named_by_town_state_and_title_is_one_organisation(monkeypatch):
    text = ("Ana Belk is a staff writer for the Orvale (Ala.) Times Daily. Fans met in Orvale (Ala.) Monday. "
            "The Kelso (N.J.) Record said so.")
    got = {m.surface: m.entity_type for m in _mentions(text) if m.mention_kind in ("name", "alias")}
    assert got.get("Orvale (Ala.) Times Daily") == "ORG" and got.get("Kelso (N.J.) Record") == "ORG"
    assert not any(s.endswith(") Monday") for s in got)  # a weekday after the bracket is no title
    _without(monkeypatch, R.company_designators)
    assert "Orvale (Ala.) Times Daily" not in _surfaces(text)


def test_with_goes_on_inside_an_organisation_name_after_for():
    text = ("The paper, produced by the Commission for Relations with Orvale, was out. "
            "The Ministry of Finance with Kelso Bank agreed.")
    got = _surfaces(text)
    assert "Commission for Relations with Orvale" in got
    assert {"Ministry of Finance", "Kelso Bank"} <= got  # not after "of": two organisations


def test_an_acronym_of_capitalised_words_with_no_organisation_head_is_a_term(monkeypatch):
    text = ("The bulb is the Compact Fluorescent Light (CFL). A CFL lasts. Errors go into a System Under "
            "Test (SUT). The Kelso Workers Union (KWU) said so. KWU agreed.")
    got = _surfaces(text)
    assert not {"CFL", "SUT"} & got
    assert "KWU" in got  # an organisation head word ("Union") among the words: an organisation
    monkeypatch.setattr(R, "capitalised_term_acronyms", lambda text, res: frozenset())
    assert "CFL" in _surfaces(text)  # the rule is what removes it


def test_a_word_after_a_quotation_closed_by_a_comma_is_no_sentence_start():
    # 'circles," The Kelso Beacon reported': "The" goes on with the sentence, the paper keeps it
    text = 'Hundreds came, "folks prominent in church circles," The Kelso Beacon reported the next day.'
    assert _types(text, "The Kelso Beacon") == {"ORG"}
