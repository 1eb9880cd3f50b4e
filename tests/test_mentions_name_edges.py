"""Edges of names: where a name starts and ends, and what a town before a state is; each rule
with made-up sentences (issue 12, names)."""
from __future__ import annotations

from analysis import mentions as M
from analysis.article import article_from_text
from analysis.tokenise import tokenise


def _names(text: str) -> set[tuple[str, str]]:
    doc = tokenise(article_from_text("Title\n\n" + text + "\n", "t"))
    return {(m.surface, m.entity_type) for m in M.find_mentions(doc) if m.mention_kind in ("name", "alias")}


def test_a_town_before_a_us_state_is_two_places_not_a_person():
    got = _names("Maria Okafor grew up in Paris Texas before she moved away.")
    assert ("Paris", "GPE") in got and ("Texas", "GPE") in got
    assert not any(s == "Paris Texas" for s, _ in got)


def test_a_given_name_and_a_town_surname_stay_a_person():
    assert ("Charlotte Austin", "PERSON") in _names("Yesterday Charlotte Austin said the plan would fail.")


def test_a_sentence_initial_time_adverb_is_no_given_name():
    got = _names("Later Quill said the plan had failed. Earlier Venn said it would pass.")
    assert ("Quill", "PERSON") in got and ("Venn", "PERSON") in got
    assert not any(s.startswith(("Later", "Earlier")) for s, _ in got)


def test_an_ordinal_before_a_street_word_is_part_of_the_name():
    got = _names("The shop is on 10th Street, near the corner of 5th Avenue.")
    assert ("10th Street", "LOC") in got and ("5th Avenue", "LOC") in got


def test_an_ordinal_before_a_period_word_makes_no_name():
    assert not _names("Steel shaped the 20th Century more than anything.")


def test_a_plural_possessive_inside_an_organisation_name_is_kept():
    got = _names("The Kelso Farmers' Union said prices fell, and the Workers’ Party agreed.")
    assert ("Kelso Farmers' Union", "ORG") in got and ("Workers’ Party", "ORG") in got


def test_a_closing_quote_after_a_plural_name_joins_nothing():
    got = _names("She said 'I love the Beatles' Monday in Kelso.")
    assert not any("'" in s for s, _ in got)


def test_an_acronym_after_a_count_is_a_unit_or_statistic():
    assert not _names("He posted a 2.35 ERB with 80 RBX, and the game starts at 7 p.m. ZST.")


def test_an_acronym_after_a_year_or_before_a_noun_stays_an_organisation():
    got = _names("In 1997 QZX earned more. About 1,200 GGV workers left.")
    assert ("QZX", "ORG") in got and ("GGV", "ORG") in got


def test_common_noun_acronyms_are_no_organisations():
    assert not _names("The CFO said the CPI rose, and the MVP left at 10 GMT.")


def test_an_embassy_is_an_organisation():
    assert ("Harlow Consulate", "ORG") in _names("Staff at the Harlow Consulate declined to comment.")


def test_a_letter_and_digits_code_is_no_name():
    assert not _names("Exposure to the L2 matters. Take the M4 north, then the A64.")


_SEEN = "Analysts watched Zorbex closely. "


def test_a_company_named_by_its_parts():
    for text in ("They said Zorbex's profit rose.", "They said Zorbex shares rose."):
        assert ("Zorbex", "ORG") in _names(_SEEN + text), text


def test_a_company_named_by_one_of_its_staff():
    assert ("Zorbex", "ORG") in _names(_SEEN + "They said a Zorbex spokesman declined to comment.")


def test_a_capitalised_adjective_before_a_part_noun_is_no_company():
    got = _names("The plant belongs to Harwell Foods Co. Combined sales of both firms rose.")
    assert not any(s.startswith("Combined") for s, _ in got)


def test_a_name_after_the_holder_of_a_post_is_the_holder():
    got = _names("On Thursday the chairman of Harwell Corp., Kenji Odaba, a man not given to alarm, spoke.")
    assert ("Kenji Odaba", "PERSON") in got and ("Harwell Corp.", "ORG") in got


def test_a_list_of_firms_keeps_its_type():
    got = _names("Clients like Harwell Corp., Zorbex Inc. and Kelvane Ltd. left.")
    assert {("Harwell Corp.", "ORG"), ("Zorbex Inc.", "ORG"), ("Kelvane Ltd.", "ORG")} <= got


def test_a_name_particle_of_kenyan_names():
    got = _names("Crowds mocked President Daniel arap Moi on Monday. Moi said nothing.")
    assert ("Daniel arap Moi", "PERSON") in got and ("Moi", "PERSON") in got


def test_a_given_name_after_a_kin_noun_is_the_relative_not_the_town():
    got = _names("Mildred Rosenbaum and her husband Stanley were newlyweds.")
    assert ("Stanley", "PERSON") in got


def test_a_first_name_alone_after_the_full_name_is_the_person_not_the_town():
    got = _names("The architect Douglas Cardinal designed it. We will build Douglas' design, officials said.")
    assert ("Douglas", "PERSON") in got and ("Douglas", "GPE") not in got


def test_a_town_after_a_place_preposition_stays_a_town():
    got = _names("Paris Okafor said she flew to Paris on Monday.")
    assert ("Paris", "GPE") in got


def test_a_surname_found_again_inside_the_title_of_a_show_is_no_mention():
    text = ('Jerry Okafor is rich. Still, "Okafor," the network\'s successful sitcom, ends. '
            'The last "Okafor" episode airs Thursday. Okafor said he was sad.')
    doc = tokenise(article_from_text("Title\n\n" + text + "\n", "t"))
    alone = [m for m in M.find_mentions(doc) if m.surface == "Okafor"]
    assert len(alone) == 1 and doc.text[alone[0].end:alone[0].end + 5] == " said"  # not in the titles


def test_a_place_head_that_is_no_surname_keeps_a_place_after_a_given_name():
    got = _names("Tourists come to see Wilson Dam and the Harlow Monument. Anita Hill said no.")
    assert ("Wilson Dam", "LOC") in got and ("Harlow Monument", "LOC") in got
    assert ("Anita Hill", "PERSON") in got


def test_a_given_name_led_town_before_a_state():
    got = _names("He ran the institute in Santa Fe, N.M., for years. Maria Lopez, Texas, won.")
    assert ("Santa Fe", "GPE") in got and ("Maria Lopez", "PERSON") in got


def test_a_town_name_read_as_a_common_word_at_a_sentence_start():
    assert not _names("Harlow won billings of 5 million dollars. Billings were estimated at 30 million dollars.")


def test_a_town_named_mid_sentence_stays_a_town_at_a_sentence_start():
    got = _names("He moved to Billings last year. Billings is cold, and billings rose.")
    assert ("Billings", "GPE") in got


def test_a_given_name_led_run_heading_a_phrase_after_the_is_no_person():
    got = _names("The gold was bought from the Harriet Reichsbank. Harriet Quell said so.")
    assert not any(s == "Harriet Reichsbank" for s, _ in got)  # people's names take no "the"
    assert ("Harriet Quell", "PERSON") in got
    # a name that modifies the noun after "the" is still a person's
    assert ("John Okafor", "PERSON") in _names("Critics praised the John Okafor song on Friday.")


def test_a_known_place_inside_the_name_of_an_event_is_no_mention():
    text = "Title\n\nAna Okafor reached the final of the Copenhagen Open on Saturday. She flew home to Copenhagen.\n"
    ms = [m for m in M.find_mentions(tokenise(article_from_text(text, "t"))) if m.surface == "Copenhagen"]
    assert [text[m.start - 8:m.start] for m in ms] == ["home to "]  # not the one in "the Copenhagen Open"


def test_a_plural_in_ites_after_the_is_a_group_of_people_not_an_institution():
    got = _names("Scholars say that the Orvalites changed history, Ana Okafor said.")
    assert ("Orvalites", "NORP") in got and ("Orvalites", "ORG") not in got


def test_of_before_a_town_and_a_state_joins_no_name():
    # "Den of Geek" is one name, but "Okafor of Kelso, Va." is a name and where it is from
    got = _names("The museum hired Okafor of Kelso, Va., to conduct a review.")
    assert ("Kelso", "GPE") in got
    assert not any(s.startswith("Okafor of") for s, _ in got)


def test_a_bare_at_says_nothing_of_a_names_type():
    # "at X Y" names a place as often as an organisation; after a person noun it is an employer
    assert not any(t == "ORG" for s, t in _names("The two sides met at Kelso Green on Monday."))
    assert ("Varn Bellamy", "ORG") in _names("Economists at Varn Bellamy expect a cut.")


def test_a_given_name_after_an_indefinite_article_is_no_person():
    got = _names("The museum's director, J. Ana West, a Cheyenne, said so. Later Chris agreed.")
    assert not any(s == "Cheyenne" for s, _ in got)  # "a Cheyenne": a people, not a person's name
    assert ("Chris", "PERSON") in got


def test_an_ordinal_before_an_organisation_that_modifies_a_meeting_counts_the_meeting():
    got = _names("He spoke after opening the 11th Kelso Chamber of Commerce annual general meeting. "
                 "The 82nd Harlow Brigade commander left.")
    assert ("Kelso Chamber of Commerce", "ORG") in got  # the eleventh meeting, not chamber
    assert ("82nd Harlow Brigade", "ORG") in got
