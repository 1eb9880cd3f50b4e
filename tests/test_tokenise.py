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


def test_multiletter_clitics_split_whole():
    """"we're", "they've", "I'll": the clitic is one token ("'re"), never a letter left on the
    word ("we'r" + "e"); a name with an apostrophe stays one word."""
    t = toks("Headline\n\nWe're sure they\u2019ve left and I'll stay, O'Neill's aide said.")
    assert t[1:] == ["We", "'re", "sure", "they", "\u2019ve", "left", "and", "I", "'ll", "stay", ",",
                     "O'Neill", "'s", "aide", "said", "."]


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


def test_no_split_after_initials_run_together_before_a_name():
    # "W.C." and "J.R." are no sentence ends (Punkt, untrained, ends one there); a state after a
    # comma still may end one
    assert sents("Headline\n\nFans came to the W.C. Orvick Festival to see J.R. Tamsin play. It rained.")[1:] == [
        "Fans came to the W.C. Orvick Festival to see J.R. Tamsin play.", "It rained."]
    assert sents("Headline\n\nShe lives in Harlow, N.C. She left.")[1:] == ["She lives in Harlow, N.C.", "She left."]


def test_no_split_before_lower_case_after_abbreviation_in_brackets():
    assert sents("Headline\n\nRep. Trey Gowdy (R-S.C.) said that the panel would meet. It did.") [1:] == [
        "Rep. Trey Gowdy (R-S.C.) said that the panel would meet.", "It did."]


def test_split_before_capital_still_happens():
    assert sents("Headline\n\nPrices rose. Analysts said so.")[1:] == ["Prices rose.", "Analysts said so."]


# --- the speed-ups of the tokeniser give exactly the plain results ----------------------------

from analysis.quotes import find_quotes  # noqa: E402
from analysis.tokenise import (  # noqa: E402
    TOKEN_PATTERN, Token, punkt_parameters, sentence_token_ranges_plain, sentence_tokenizer, split_sentences,
    token_regex, token_spans,
)

# made-up pieces that stress Punkt's break decision: abbreviations, initials, numbers, ellipses,
# closing quotes and brackets after a period, lower/upper case after it, several lines
PUNKT_PIECES = st.sampled_from(
    ["Mr.", "Dr.", "J.", "U.S.", "etc.", "No.", "3.", "1,000.", "...", ". ", "? ", "! ", ".\" ", ".) ", ".\u201d ",
     " ", "  ", "\n", "Ana", "Smith", "the", "said", "she", "(", ")", ":", ";", ",", "--", "'", "\u2019", "-",
     "Bo", "i.e.", "\u00e9t\u00e9", "42"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PUNKT_PIECES, min_size=1, max_size=40).map("".join))
def test_cached_punkt_equals_plain_punkt(text):
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    plain = list(PunktSentenceTokenizer(punkt_parameters()).span_tokenize(text))
    assert list(sentence_tokenizer().span_tokenize(text)) == plain
    assert list(sentence_tokenizer().span_tokenize(text)) == plain  # again: the memo answers


# words with apostrophes, hyphens of three kinds, digits, combining accents, underscores, periods
WORD_PIECES = st.sampled_from(
    list("aZe1 .,'-_\u2019\u2010\u2011\u0301\u00e9\u00df") + ["n't", "don", "'s", "'re", "O'", "Brien", "ab", "Xy",
                                                            "20th", "U.S.", "--", "\u2026", "\U0001F44D"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(WORD_PIECES, max_size=40).map("".join))
def test_plain_word_fast_path_equals_token_pattern(text):
    import regex

    plain = regex.compile(TOKEN_PATTERN, regex.UNICODE | regex.MULTILINE | regex.DOTALL)
    assert [m.span() for m in token_regex().finditer(text)] == [m.span() for m in plain.finditer(text)]


def _plain_tokens(article) -> list[Token]:
    """The tokens built the plain way: a bisect per token for its quotation."""
    import bisect

    text = article.text
    quotes = find_quotes(text, [(p.start, p.end) for p in article.paragraphs])
    q_starts = [q.start for q in quotes]
    out, sid = [], 0
    for p in article.paragraphs:
        for s, e in split_sentences(text, p.start, p.end):
            for ts, te in token_spans(text, s, e):
                k = bisect.bisect_right(q_starts, ts) - 1
                inq = k >= 0 and quotes[k].start <= ts and te <= quotes[k].end
                out.append(Token(len(out), sid, ts, te, inq))
            sid += 1
    return out


QUOTE_ALPHABET = st.sampled_from(list("ab X.\"'\n") + ["\n\n", "\u201c", "\u201d", "\u2018", "\u2019", "said", "''"])


@settings(max_examples=300, deadline=None)
@given(st.lists(QUOTE_ALPHABET, min_size=1, max_size=60).map("".join))
def test_tokens_equal_plain_construction(raw):
    article = article_from_text(raw, "t")
    doc = tokenise(article)
    assert list(doc.tokens) == _plain_tokens(article)
    assert all(type(t) is Token for t in doc.tokens)  # built by tuple.__new__: still Tokens
    assert doc.token_texts == tuple(article.text[t.start:t.end] for t in doc.tokens)
    assert doc.sentence_token_ranges == sentence_token_ranges_plain(doc)


def test_sentence_token_ranges_by_bisection_equal_the_walk_with_empty_sentences():
    from analysis.tokenise import Doc, Sentence

    article = article_from_text("Title\n\nOne two. Three.\n", "t")
    sents = tuple(Sentence(k, 0, "body", 0, 1) for k in range(5))
    toks = (Token(0, 1, 0, 1, False), Token(1, 1, 1, 2, False), Token(2, 3, 2, 3, False))
    doc = Doc(article, sents, toks, ())
    assert doc.sentence_token_ranges == sentence_token_ranges_plain(doc) == ((0, 0), (0, 2), (2, 2), (2, 3), (3, 3))


def test_token_is_an_immutable_record():
    t = Token(3, 1, 10, 14, True)
    assert (t.token_id, t.sentence_id, t.start, t.end, t.in_quote) == (3, 1, 10, 14, True)
    assert t == Token(3, 1, 10, 14, True) and hash(t) == hash(Token(3, 1, 10, 14, True))
    try:
        t.start = 0  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("a token must be immutable")


@settings(max_examples=300, deadline=None)
@given(st.lists(WORD_PIECES, max_size=40).map("".join), st.floats(0, 1), st.floats(0, 1))
def test_token_spans_between_offsets_equal_spans_of_the_slice(text, a, b):
    start, end = round(min(a, b) * len(text)), round(max(a, b) * len(text))
    sliced = [(start + m.start(), start + m.end()) for m in token_regex().finditer(text[start:end])]
    assert token_spans(text, start, end) == sliced


TABLE_PIECES = st.sampled_from(["The", "the", "THE", "Runs", "running", "U.S.", "don't", "\u2019s", "5%", "--",
                                "\u2014", "!", "caf\u00e9", "\u24b6", " ", " ", "\n\n", "\u201c", "\u201d", "."])


@settings(max_examples=200, deadline=None)
@given(st.lists(TABLE_PIECES, max_size=50).map("".join))
def test_token_columns_equal_the_token_by_token_columns(raw):
    """Per distinct word and by transposition, the token table's columns are the plain ones:
    same values, same types (bools stay bools), an empty text included."""
    from analysis.tables import token_columns, token_columns_plain

    doc = tokenise(article_from_text(raw, "t"))
    got, want = token_columns(doc), token_columns_plain(doc)
    assert list(got) == list(want) == list(TOKEN_COLUMNS)
    for col in want:
        assert got[col] == want[col], col
        assert [type(v) for v in got[col]] == [type(v) for v in want[col]], col


def test_no_letter_or_digit_is_punctuation():
    """token_columns looks up is_punct only for surfaces that are not str.isalnum(): no code
    point that isalnum() accepts is in a P or S category (so an alphanumeric token is never
    punctuation)."""
    import sys
    import unicodedata

    from analysis.tokenise import is_punct

    bad = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isalnum() and unicodedata.category(c)[0] in "PS"]
    assert bad == []
    assert not is_punct("abc") and is_punct("\u2014") and is_punct("")
