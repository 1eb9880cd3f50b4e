"""Descriptive text statistics: counts, collocations and concordance offsets."""
from __future__ import annotations

import pytest

from analysis import tables, textstats
from analysis.article import article_from_text
from analysis.tokenise import tokenise

TEXT = (
    "Rail Strike Looms\n\n"
    "The rail union said the rail strike would start Monday. "
    "Rail strike talks failed, the union said.\n\n"
    "Commuters fear the rail strike.\n\n"
    "About the author\n\n"
    "Sam Poe is a reporter covering rail strike news."
)


@pytest.fixture(scope="module")
def small():
    a = article_from_text(TEXT, "t")
    d = tokenise(a)
    return a, d, tables.sentences_table(d), tables.tokens_table(d)


def test_top_words_count_only_headline_and_body(small):
    _, _, s, t = small
    top = textstats.top_words(t, s, n=3)
    assert list(top.word) == ["rail", "strike", "said"]
    assert list(top["count"]) == [5, 4, 2]  # the bio's "rail strike" is not counted


def test_collocation_found_and_sorted(small):
    _, _, s, t = small
    c = textstats.collocations(t, s, n=5)
    assert c.bigram.iloc[0] == "rail strike" and c["count"].iloc[0] == 4
    assert list(c.llr) == sorted(c.llr, reverse=True)


def test_concordance_offsets_and_stem_match(small):
    a, _, _, t = small
    c = textstats.concordance(a.text, t, "rail strikes", width=10)
    assert len(c) == 5  # stems: "strikes" finds "strike", the bio included
    assert all(a.text[s:e].lower() == "rail strike" for s, e in zip(c.start, c.end))
    assert all(len(x) == 10 for x in c.left)


def test_zone_counts(small):
    a, _, s, t = small
    counts = textstats.zone_counts(textstats.zone_summary(a, s, t)).set_index("zone")
    assert list(counts.index) == ["headline", "body", "bio"]
    assert counts.loc["body", "paragraphs"] == 2 and counts.loc["bio", "sentences"] == 2
    assert counts.loc["headline", "words"] == 3


def test_sentence_lengths_exclude_punctuation(small):
    _, _, s, t = small
    lengths = textstats.sentence_lengths(s, t)
    assert lengths.words.iloc[0] == 3 and lengths.words.iloc[1] == 10


def test_term_positions_empty_when_absent(small):
    a, _, _, t = small
    pos = textstats.term_positions(a.text, t, ["volcano"])
    assert pos.empty and list(pos.columns) == ["term", "start", "end", "sentence_id"]
