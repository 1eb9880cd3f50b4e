"""Sentences and tokens: exact offsets, abbreviations, quotes; property tests."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.article import article_from_text
from analysis.tables import SENTENCE_COLUMNS, TOKEN_COLUMNS, sentences_table, tokens_table
from analysis.textio import decode_bytes
from analysis.tokenise import tokenise


def sents(text: str) -> list[str]:
    doc = tokenise(article_from_text(text, "t"))
    return [doc.text[s.start : s.end] for s in doc.sentences]


def toks(text: str) -> list[str]:
    doc = tokenise(article_from_text(text, "t"))
    return [doc.text[t.start : t.end] for t in doc.tokens]


def test_abbreviations_do_not_split():
    body = "Headline\n\nThe U.S. Army said Gen. Mark Smith will visit on Jan. 5 with Dr. Ng. Then he left."
    assert sents(body)[1:] == [
        "The U.S. Army said Gen. Mark Smith will visit on Jan. 5 with Dr. Ng.",
        "Then he left.",
    ]


def test_sentence_never_crosses_paragraph():
    assert sents("Headline\n\nNo final stop here\n\nNext paragraph.") == ["Headline", "No final stop here", "Next paragraph."]


def test_token_shapes():
    t = toks("Headline\n\nNATO's 1,000.5 troops don't re-arm in the U.S. \u2014 \u201cyes\u201d \U0001F44D\U0001F3FD O'Brien.")
    assert t[1:] == ["NATO", "'s", "1,000.5", "troops", "do", "n't", "re-arm", "in", "the", "U.S.",
                     "\u2014", "\u201c", "yes", "\u201d", "\U0001F44D\U0001F3FD", "O'Brien", "."]


def test_in_quote_flags(seed_doc):
    text = seed_doc.text
    quoted = {text[t.start:t.end] for t in seed_doc.tokens if t.in_quote}
    assert "replenish" in quoted and "Leopards" not in quoted
    first = next(t for t in seed_doc.tokens if text[t.start:t.end] == "We")
    assert first.in_quote


def test_tables_schema_and_surface(seed_doc):
    st_, tt = sentences_table(seed_doc), tokens_table(seed_doc)
    assert list(st_.columns) == list(SENTENCE_COLUMNS) and list(tt.columns) == list(TOKEN_COLUMNS)
    assert {c: str(t) for c, t in st_.dtypes.items()} == SENTENCE_COLUMNS
    assert {c: str(t) for c, t in tt.dtypes.items()} == TOKEN_COLUMNS
    text = seed_doc.text
    assert all(text[s:e] == x for s, e, x in zip(tt.start, tt.end, tt.text))
    assert all(text[s:e] == x for s, e, x in zip(st_.start, st_.end, st_.text))
    row = tt[tt.text == "stockpiles"].iloc[0]
    assert row.stem == "stockpil" and not row.is_stop and row.is_alpha
    assert tt[tt.lower == "the"].is_stop.all()
    assert tt[tt.text == ","].is_punct.all()


ALPHABET = st.sampled_from(
    list("abcXYZ .,;!?'\"-\n\t") + ["\r\n", "\n\n", "\u201c", "\u201d", "\u2018", "\u2019", "\u2014", "\u2013",
                                     "U.S.", "Gen.", "\U0001F600", "\U0001F44D\U0001F3FD", "\u00e9", "\u00a0", "...", "1,000"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, min_size=1, max_size=80).map("".join))
def test_offsets_slice_back_exactly(raw):
    text = decode_bytes(raw.encode("utf-8"))  # CRLF normalised as when read from disk
    article = article_from_text(text, "t")
    doc = tokenise(article)
    covered = []
    for p in article.paragraphs:
        assert text[p.start:p.end] == text[p.start:p.end].strip() != ""
    for s in doc.sentences:
        p = article.paragraphs[s.paragraph_id]
        assert p.start <= s.start < s.end <= p.end  # a sentence never crosses a paragraph
    last_end = 0
    for t in doc.tokens:
        s = doc.sentences[t.sentence_id]
        assert s.start <= t.start < t.end <= s.end
        assert t.start >= last_end  # in order, no overlap
        last_end = t.end
        surface = text[t.start:t.end]
        assert surface.strip() == surface != ""
        covered.append(surface)
    # every non-space character of every paragraph is in exactly one token
    expected = "".join("".join(text[p.start:p.end].split()) for p in article.paragraphs)
    assert "".join(covered) == expected
    tt = tokens_table(doc)
    assert list(tt.text) == covered


def test_no_split_before_lower_case_after_abbreviation_in_brackets():
    assert sents("Headline\n\nRep. Trey Gowdy (R-S.C.) said that the panel would meet. It did.") [1:] == [
        "Rep. Trey Gowdy (R-S.C.) said that the panel would meet.", "It did."]


def test_split_before_capital_still_happens():
    assert sents("Headline\n\nPrices rose. Analysts said so.")[1:] == ["Prices rose.", "Analysts said so."]
