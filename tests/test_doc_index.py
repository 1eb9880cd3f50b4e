"""The token index of ``Doc`` (spaCy-like spans, sentence ranges, lower-cased words,
quote membership) against the token list it indexes; property tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.article import article_from_text
from analysis.tokenise import Span, tokenise

words = st.sampled_from(["NATO", "said", "won\u2019t", "Jane", "Doe", ",", ".", "\u201cWe", "go\u201d", "\"yes\"",
                         "U.S.", "3.5", "\n\n", "The", "it\u2019s", "?"])
texts = st.lists(words, min_size=1, max_size=40).map(lambda ws: "Headline Here\n\n" + " ".join(ws))


@settings(max_examples=150, deadline=None)
@given(texts, st.integers(0, 60), st.integers(0, 60))
def test_spans_and_index_match_tokens(text, i, j):
    doc = tokenise(article_from_text(text, "t"))
    n = len(doc.tokens)
    sp = doc[i:j]
    assert isinstance(sp, Span) and list(sp) == list(doc.tokens[i:j])
    if len(sp):
        assert sp.text == text[sp.start_char:sp.end_char]
        assert (sp.start_char, sp.end_char) == (doc.tokens[sp.start].start, doc.tokens[sp.end - 1].end)
        assert sp[0] == doc.tokens[sp.start] and sp[-1] == doc.tokens[sp.end - 1]
        assert sp[1:].start == sp.start + 1
    assert doc.lowers == tuple(text[t.start:t.end].lower() for t in doc.tokens)
    assert doc.norms == tuple(w.replace("\u2019", "'") for w in doc.lowers)
    assert sp.in_quote == tuple(t.in_quote for t in doc.tokens[i:j])
    for pos in (i, j, i * 3):
        assert doc.token_index_at(pos) == next((k for k, t in enumerate(doc.tokens) if t.start >= pos), n)
        assert doc.quote_at(pos) == next((q for q in doc.quotes if q.start <= pos < q.end), None)
    inside = doc.char_span(i, j * 2)
    assert list(inside) == [t for t in doc.tokens if i <= t.start and t.end <= j * 2] or len(inside) == 0


@settings(max_examples=100, deadline=None)
@given(texts)
def test_sentence_ranges_cover_tokens(text):
    doc = tokenise(article_from_text(text, "t"))
    assert [sp.start for sp in doc.sents][:1] == [0]
    k = 0
    for sid, sp in enumerate(doc.sents):
        assert sp.start == k and all(t.sentence_id == sid for t in sp)
        s = doc.sentences[sid]
        assert sp.text == text[s.start:s.end]
        k = sp.end
    assert k == len(doc.tokens)


def test_getitem_like_spacy():
    doc = tokenise(article_from_text("Head Line\n\n\u201cWe won\u2019t,\u201d NATO\u2019s chief said.", "t"))
    assert doc[2].start == doc.tokens[2].start
    assert doc[2:5].text == "\u201cWe wo"  # "won\u2019t" is "wo" + "n\u2019t"
    assert doc[2:5].norms == ("\u201c", "we", "wo")
    assert doc[-3:].text == "chief said."
    with pytest.raises(ValueError):
        doc[0:4:2]
