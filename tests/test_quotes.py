"""Quotation pairing: straight and curly marks, continuation, unbalanced marks."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.quotes import Quote, find_quotes, find_quotes_in


def spans(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes_in(text, 0, len(text))]


def test_straight_and_curly_pairs():
    t = 'He said "one" and \u201ctwo\u201d then \u00abthree\u00bb.'
    assert spans(t) == ['"one"', "\u201ctwo\u201d", "\u00abthree\u00bb"]


def test_content_offsets_exclude_marks():
    t = 'x "abc" y'
    (q,) = find_quotes_in(t, 0, len(t))
    assert t[q.content_start:q.content_end] == "abc" and q.closed


def test_multi_sentence_quote_is_one_span():
    t = '"We start. We go on," she said.'
    assert spans(t) == ['"We start. We go on,"']


def test_apostrophes_and_single_quotes_are_not_marks():
    t = "NATO's chief said 'fine' and \u2019tis \"ok\"."
    assert spans(t) == ['"ok"']


def test_unclosed_quote_runs_to_paragraph_end():
    t = 'She said "this never ends'
    (q,) = find_quotes_in(t, 0, len(t))
    assert not q.closed and q.end == len(t) and t[q.content_start:q.content_end] == "this never ends"


def test_quote_continuing_into_next_paragraph():
    t = '"First paragraph of the speech.\n\n"Second paragraph," he said.'
    p1 = (0, t.index("\n"))
    p2 = (t.index('"Second'), len(t))
    qs = find_quotes(t, [p1, p2])
    assert qs[0].continues and not qs[0].closed
    assert t[qs[1].start:qs[1].end] == '"Second paragraph,"' and not qs[1].continues


def test_closer_without_opener_starts_at_paragraph_start():
    t = 'end of a quote\u201d she said.'
    (q,) = find_quotes_in(t, 0, len(t))
    assert q.start == 0 and t[q.end - 1] == "\u201d"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='ab ,."\u201c\u201d\u00ab\u00bb\n', max_size=60))
def test_any_marks_never_crash_and_stay_in_bounds(t):
    qs = find_quotes(t, [(0, len(t))])
    for q in qs:
        assert isinstance(q, Quote) and 0 <= q.start < q.end <= len(t)
        assert q.content_start <= q.content_end
    assert all(a.end <= b.start for a, b in zip(qs, qs[1:]))


def test_typewriter_double_apostrophes():
    t = "''I admire it'' of the plan, he said. ``Fine,'' she said, and it's ok."
    qs = find_quotes_in(t, 0, len(t))
    assert [t[q.content_start:q.content_end] for q in qs] == ["I admire it", "Fine,"]
    assert all(q.mark_len == 2 for q in qs)


def _all(t: str) -> list[str]:
    return [t[q.start:q.end] for q in find_quotes(t, [(0, len(t))])]


def test_single_quotes_are_marks_only_without_double_marks():
    uk = "\u2018We have listened,\u2019 he said. The students\u2019 union don\u2019t agree with the \u2018plan\u2019 at all."
    assert _all(uk) == ["\u2018We have listened,\u2019", "\u2018plan\u2019"]
    inside = "\u2018The students\u2019 union is angry,\u2019 she said."
    assert _all(inside) == ["\u2018The students\u2019 union is angry,\u2019"]
    straight = "'We will win,' she said of Britain's team."
    assert _all(straight) == ["'We will win,'"]
    assert _all(uk + ' "Fine."') == ['"Fine."']  # a double mark anywhere: single quotes are apostrophes


def test_single_quote_continues_into_next_paragraph():
    t = "\u2018First part of it.\n\n\u2018Second part,\u2019 he said."
    qs = find_quotes(t, [(0, t.index("\n")), (t.index("\u2018Second"), len(t))])
    assert qs[0].continues and not qs[0].closed and t[qs[1].start:qs[1].end] == "\u2018Second part,\u2019"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab s,.'\u2018\u2019\n", max_size=60))
def test_single_quote_style_never_crashes_and_stays_in_bounds(t):
    qs = find_quotes(t, [(0, len(t))])
    for q in qs:
        assert isinstance(q, Quote) and 0 <= q.start < q.end <= len(t)
        assert q.content_start <= q.content_end
    assert all(a.end <= b.start for a, b in zip(qs, qs[1:]))


# --- issue 10: a quotation continued into a new paragraph ---------------------------

from analysis.article import article_from_text  # noqa: E402
from analysis.pipeline import analyse  # noqa: E402

#: Neutral made-up words: no cue verbs, no names, so the quotation's words stay content.
_WORDS = ("we", "will", "stand", "by", "the", "people", "and", "not", "stop", "work", "for",
          "peace", "every", "day", "build", "new", "roads", "bridges", "schools", "here")
_MARKS = {"straight": ('"', '"'), "curly": ("\u201c", "\u201d")}


@st.composite
def continued_quotation(draw):
    """A headline, then ``Name said: <open>S1`` and 1–2 more paragraphs of the same quotation,
    the last closed and attributed; each continuation paragraph opens with a mark or not.
    Returns the text and the offsets where each paragraph's quoted words begin."""
    opening, closing = _MARKS[draw(st.sampled_from(sorted(_MARKS)))]
    name = draw(st.sampled_from(["Ana Ruiz", "Jens Stoltenberg", "Mei Tan"]))
    n = draw(st.integers(2, 3))
    text = "Council backs plan\n\n"
    starts = []
    for k in range(n):
        words = draw(st.lists(st.sampled_from(_WORDS), min_size=3, max_size=8))
        sentence = " ".join(words).capitalize()
        lead = f"{name} said: {opening}" if k == 0 else (opening if draw(st.booleans()) else "")
        if k > 0 and not lead and k < n - 1:
            lead = opening  # a middle paragraph without any mark is not recognisable as quoted
        starts.append(len(text) + len(lead))
        tail = f",{closing} {name.split()[-1]} told reporters.\n" if k == n - 1 else ".\n\n"
        text += lead + sentence + tail
    return text, starts


@settings(max_examples=25, deadline=None)
@given(continued_quotation())
def test_continued_quotation_offsets_property(case):
    text, starts = case
    article = article_from_text(text, "t")
    quotes = find_quotes(text, [(p.start, p.end) for p in article.paragraphs])
    # every paragraph's quotation is found, and its content starts where its words do
    assert sorted(q.content_start for q in quotes) == starts
    for q in quotes:
        assert 0 <= q.start <= q.content_start <= q.content_end <= q.end <= len(text)
        assert text[q.content_start].isalnum()
    claims = analyse(article)["claims"]
    assert all(text[s:e] == t for s, e, t in zip(claims.start, claims.end, claims.text))
    # a claim inside a quotation starts at that quotation's first word, never a letter later
    for s in claims.start:
        inside = [q for q in quotes if q.content_start <= s < q.content_end]
        assert all(s == q.content_start for q in inside)
    assert starts[-1] in set(claims.start)


def test_continuation_paragraph_without_opening_mark_keeps_first_letter():
    text = 'Stoltenberg said: "We will stand by Ukraine.\n\nAnd we will not stop," Stoltenberg told reporters.'
    quotes = find_quotes(text, [(0, 44), (46, len(text))])
    q = quotes[-1]
    assert not q.opened and text[q.content_start:q.content_end] == "And we will not stop,"


def test_paragraph_starting_with_a_wrong_way_mark_skips_it():
    text = "\u201dWe will go on,\u201d she said."
    (q,) = find_quotes_in(text, 0, len(text))
    assert q.opened and text[q.content_start:q.content_end] == "We will go on,"


def test_single_quote_pairing_is_linear_in_marks(monkeypatch):
    """Each closing-mark test runs once per mark, not once per (opener, later character)
    pair: a paragraph of many short single-quoted phrases stays linear."""
    from analysis import quotes

    calls = {"n": 0}
    real = quotes._single_closes

    def counting(text, i, end):
        calls["n"] += 1
        return real(text, i, end)

    monkeypatch.setattr(quotes, "_single_closes", counting)
    text = "He said \u2018fine\u2019 and then \u2018no\u2019 again. " * 400
    found = quotes.find_single_quotes_in(text, 0, len(text))
    assert len(found) == 800
    marks = text.count("\u2019") + text.count("'")
    assert calls["n"] <= marks


def test_single_quote_pairing_skips_plural_possessives():
    """The first closing mark that is not a plural possessive closes the quotation."""
    from analysis import quotes

    text = "She called it \u2018the students\u2019 union plan\u2019 today."
    (q,) = quotes.find_single_quotes_in(text, 0, len(text))
    assert text[q.start:q.end] == "\u2018the students\u2019 union plan\u2019"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab '`\"\u201c\u201d\u00ab\u00bb\u201e\u2018\u2019\n")), max_size=30))
def test_has_double_marks_equals_the_character_walk(text):
    from analysis.quotes import QUOTE_CHARS, has_double_marks

    walk = any(ch in QUOTE_CHARS for ch in text) or "''" in text or "``" in text
    assert has_double_marks(text) == walk


def test_stray_straight_mark_before_a_curly_quotation():
    # a straight mark no straight mark closes, then curly marks: the writer's style is curly,
    # the straight one is stray and the quotation is the curly one
    t = '"Tom walked in, chanting \u201cGo team!\u201d and waving.'
    assert spans(t) == ["\u201cGo team!\u201d"]


def test_curly_marks_nested_in_a_straight_quotation_stay_nested():
    t = '"She called it \u201cfair\u201d twice," he said.'
    assert spans(t) == ['"She called it \u201cfair\u201d twice,"']


def test_stray_straight_mark_inside_a_curly_quotation_closes_nothing():
    t = '\u201cWe will " win,\u201d she said.'
    assert spans(t) == ['\u201cWe will " win,\u201d']


def test_mixed_marks_still_pair_without_a_curly_closer():
    assert spans('\u201cWe will win," she said.') == ['\u201cWe will win,"']
    assert spans('"We will win,\u201d she said.') == ['"We will win,\u201d']
