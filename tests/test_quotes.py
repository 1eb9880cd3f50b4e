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
