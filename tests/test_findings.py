"""analysis.findings on made-up tables: true sentences, the numbers behind them, never an empty one."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis import findings as F


def numbers_in(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?", text))


def assert_numbers_backed(f: F.Finding) -> None:
    """Every number written in the sentence is one of its numbers (or a percentage of two of them)."""
    backed = {f"{v:g}" if isinstance(v, float) else str(v) for v in f.numbers.values()}
    backed |= {f"{v:.2f}" for v in f.numbers.values() if isinstance(v, float)}
    vals = [v for v in f.numbers.values() if isinstance(v, int)]
    backed |= {f"{100 * a / b:.0f}" for a in vals for b in vals if b}
    assert numbers_in(f.text) <= backed, (f.text, f.numbers)


def zone_counts(**words):
    return pd.DataFrame({"zone": list(words), "paragraphs": 1, "sentences": 1, "words": list(words.values())})


def test_zones_counts_own_text_and_furniture():
    f = F.zones(zone_counts(headline=10, body=70, caption=15, bio=5))
    assert f.text == "80 of 100 words (80%) are headline or body; the other 20 are page furniture (caption and bio)"
    assert f.numbers == {"own_words": 80, "words": 100, "furniture_words": 20}
    assert_numbers_backed(f)


def test_zones_without_furniture_says_so():
    f = F.zones(zone_counts(headline=5, body=40))
    assert "no furniture" in f.text and "45" in f.text


def test_finding_displays_as_markdown_heading():
    f = F.Finding("A sentence", {"n": 1})
    assert f.heading(2)._repr_markdown_() == "## A sentence"
    assert repr(f.heading(3)) == "### A sentence"
    assert f._repr_markdown_() == "A sentence"


def claims_table(rows):
    cols = ["claim_id", "attribution", "speaker", "quote", "paragraph_id", "category", "has_number", "has_date"]
    return pd.DataFrame(rows, columns=cols)


def test_attribution_majority_and_counts():
    t = claims_table([("a", "direct", "X", "", 0, "report", False, False),
                      ("b", "indirect", "X", "", 1, "report", False, False),
                      ("c", "indirect", "Y", "", 2, "report", False, False),
                      ("d", "narrator", "", "", 3, "report", False, False)])
    f = F.attribution(t)
    assert f.text == "Most attributed claims are indirect (2 of 3): 1 direct, 0 mixed, 2 indirect"
    assert f.numbers["indirect"] == 2 and f.numbers["attributed"] == 3
    assert_numbers_backed(f)


def test_categories_tie_is_not_called_a_majority():
    # the seed's old prose said "needs and commitments outnumber checkable facts" over counts 5/5/5
    cats = pd.DataFrame({"category": ["need", "assessment", "commitment", "report"], "claims": [5, 3, 5, 5]})
    f = F.categories(cats)
    assert f.text.startswith("Claims are split evenly between needs, commitments and reports (5 each of 18)")
    assert "outnumber" not in f.text


def test_categories_plurality():
    cats = pd.DataFrame({"category": ["need", "report"], "claims": [2, 3]})
    assert F.categories(cats).text.startswith("Most claims are reports (3 of 5)")
    cats = pd.DataFrame({"category": ["need", "assessment", "report"], "claims": [2, 1, 2 + 1]})
    assert F.categories(cats).text.startswith("More claims are reports than anything else (3 of 6)")


def speaker_summary(rows):
    return pd.DataFrame(rows, columns=["speaker", "claims", "direct", "mixed", "indirect", "quoted_words", "first_paragraph"])


def test_speakers_lead_and_tie():
    f = F.speakers(speaker_summary([("Ann Lee", 3, 1, 1, 1, 20, 1), ("Bo Ng", 1, 1, 0, 0, 5, 4)]), 5)
    assert f.text == "Ann Lee makes 3 of 4 attributed claims and has 20 of 25 quoted words"
    assert_numbers_backed(f)
    f = F.speakers(speaker_summary([("Ann Lee", 2, 1, 1, 0, 20, 1), ("Bo Ng", 2, 1, 0, 1, 5, 4)]), 5)
    assert f.text.startswith("Ann Lee and Bo Ng make 2 attributed claims each")


def voice_shares(org, off, ind, unres, narr):
    return pd.DataFrame({"voice": ["organisation", "official", "independent", "unresolved", "narrator"],
                         "claims": [org, off, ind, unres, narr], "share": 0.0})


def test_voices_names_the_organisation_and_counts():
    f = F.voices(voice_shares(1, 6, 1, 0, 2), {"entity": "Acme Corp", "entity_id": "E1", "mentions": 9})
    assert f.text == "7 of 8 attributed claims (88%) come from Acme Corp or its officials; 1 (12%) from independent voices"
    assert_numbers_backed(f)


def test_voices_without_organisation_or_claims():
    # a heading like "Almost nine in ten claims come from <org>" above "0 of 6" is what this prevents
    f = F.voices(voice_shares(0, 0, 6, 0, 1), None)
    assert "no named organisation" in f.text and "6 of 6" in f.text
    f = F.voices(voice_shares(0, 0, 6, 0, 1), {"entity": "", "entity_id": "", "mentions": 1})
    assert "no named organisation" in f.text
    f = F.voices(voice_shares(0, 0, 0, 0, 4), None)
    assert f.text == "No attributed claims: all 4 claims are the narrator's"


def test_quotation_share_degenerate():
    assert F.quotation_share({"words": 0, "quoted_words": 0, "share": 0.0}).text.startswith("The article has no body")
    assert F.quotation_share({"words": 50, "quoted_words": 0, "share": 0.0}).text == "None of the body is quotation (0 of 50 words)"
    f = F.quotation_share({"words": 50, "quoted_words": 20, "share": 0.4})
    assert f.text == "40% of the body is quotation: 20 of 50 words"


def test_check_worthy_counts_and_notes():
    cw = pd.DataFrame({"claim_id": ["a", "b"]})
    assert F.check_worthy(cw, 9, 2).text == "2 of 9 claims are check-worthy facts; the analysts have annotated all of them"
    assert F.check_worthy(cw.head(1), 9, 0).text == "1 of 9 claims is a check-worthy fact; no analyst has annotated them"
    assert F.check_worthy(cw.head(0), 0, 0).text == "No claims, so none is check-worthy"


def test_concordance_counts_quoted_occurrences():
    tokens = pd.DataFrame({"start": [0, 10, 20], "in_quote": [False, True, True]})
    conc = pd.DataFrame({"term": ["tax", "tax", "levy"], "start": [0, 10, 20]})
    f = F.concordance(conc, ["tax", "levy", "duty"], tokens)
    assert f.text == "On the whole page, 'tax' occurs 2×, 1 of them inside quotation marks; 'levy' occurs once, inside quotation marks; 'duty' does not occur"


def test_cooccurrence_picks_strongest_pair():
    m = pd.DataFrame([[5, 1, 3], [1, 2, 0], [3, 0, 4]], index=list("ABC"), columns=list("ABC"))
    assert F.cooccurrence(m).text == "A and C share the most sentences: 3"
    assert F.cooccurrence(m.iloc[:1, :1]).text.startswith("Fewer than two entities")
    z = pd.DataFrame([[1, 0], [0, 1]], index=list("AB"), columns=list("AB"))
    assert F.cooccurrence(z).text.startswith("No two of the leading entities")


def test_lead_entities_skips_dates():
    s = pd.DataFrame({"entity_id": ["d", "p"], "entity": ["Monday", "Ann Lee"], "entity_type": ["DATE", "PERSON"],
                      "mentions": [3, 2], "name": [3, 1], "alias": [0, 0], "role": [0, 0], "pronoun": [0, 1]})
    f = F.lead_entities(s)
    assert f.text == "Ann Lee (PERSON) has the most mentions: 2, 1 of them by role noun or pronoun; it is the only entity"


EMPTY_CASES = [
    lambda: F.zones(zone_counts()),
    lambda: F.sentence_lengths(pd.DataFrame({"sentence_id": [], "zone": [], "words": []})),
    lambda: F.top_words(pd.DataFrame({"word": [], "count": []})),
    lambda: F.collocations(pd.DataFrame({"bigram": [], "count": [], "llr": []})),
    lambda: F.key_terms([], "computed"),
    lambda: F.dispersion(pd.DataFrame({"term": [], "start": []}), [], 100),
    lambda: F.lead_entities(pd.DataFrame({"entity_type": []})),
    lambda: F.spread(pd.DataFrame({"entity_id": [], "start": []}), pd.DataFrame({"entity_id": [], "entity": []}), 10),
    lambda: F.quote_split(pd.DataFrame({"entity": [], "in_quote": [], "narration": []})),
    lambda: F.mention_evaluation(None, "an-article"),
    lambda: F.claims_overview(claims_table([])),
    lambda: F.speakers(speaker_summary([]), 0),
    lambda: F.speakers(speaker_summary([]), 3),
    lambda: F.attribution(claims_table([])),
    lambda: F.categories(pd.DataFrame({"category": ["need"], "claims": [0]})),
    lambda: F.check_flags(pd.DataFrame(), 0),
    lambda: F.positions(pd.DataFrame({"position": [], "attribution": [], "speaker": []})),
    lambda: F.who_about_whom(pd.DataFrame({"speaker": [], "entity": [], "claims": []})),
    lambda: F.annotations(pd.DataFrame({"label": []}), pd.DataFrame()),
    lambda: F.claim_evaluation(None, "an-article"),
    lambda: F.anatomy(pd.DataFrame(), 1, 0),
    lambda: F.sources(pd.DataFrame()),
    lambda: F.summary({"words": 0, "quoted_words": 0, "share": 0.0}, pd.DataFrame(), voice_shares(0, 0, 0, 0, 0), 0),
]


@pytest.mark.parametrize("make", EMPTY_CASES, ids=range(len(EMPTY_CASES)))
def test_degenerate_tables_give_a_true_nonempty_sentence(make):
    f = make()
    assert isinstance(f, F.Finding)
    assert f.text.strip() and not f.text.rstrip().endswith((":", ",", ";"))
    assert "  " not in f.text and " ." not in f.text
