"""Find quotations: pair quotation marks into spans.

Straight (``"``) and curly (``“ ”``) double quotes, guillemets (``« »``) and
the typewriter convention of doubled apostrophes / backticks (``''…''``,
````…''``, used by some wire services and archives) are paired by type within
a paragraph.  News style lets a quotation run over several paragraphs: a
paragraph that opens a quote without closing it, followed by a paragraph that
starts with an opening mark, continues the quote; such spans are marked
``continues=True``.  An odd number of marks never raises: an opening mark left
unclosed at the end of its paragraph yields a span to the paragraph end with
``closed=False``; a closing mark with nothing open before any other quotation of
its paragraph closes a quotation that ran from the paragraph start.

Single quotes double as apostrophes, so they are quotation marks only in an
article with no double quotation mark at all (British style: ``‘We will,’ she
said``); there an opening ``‘`` (or a straight ``'`` after a space, bracket or
dash, before a letter or digit) pairs with the next closing ``’`` / ``'`` that is
not followed by a letter ("don’t" is an apostrophe) and, while a later candidate
exists, is not a plural possessive ("the students’ union": after *s*, before a
space and a word).  In an article with double quotation marks, single-quoted
speech stays inside its double-quoted span.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

OPENERS: dict[str, str] = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d", "``": "''"}
CLOSERS: frozenset[str] = frozenset({"\u201d", "\u00bb"})
STRAIGHT: str = '"'
#: Two apostrophes: a straight quotation mark of typewriter text (opens or closes by context).
DOUBLE_APOSTROPHE: str = "''"
QUOTE_CHARS: frozenset[str] = frozenset({'"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e"})
#: Marks that may open a paragraph continuing a quotation.
CONTINUATION_OPENERS: tuple[str, ...] = ("\u201c", '"', "\u00ab", "``", "''")


@dataclass(frozen=True)
class Quote:
    """A quotation ``text[start:end]`` including its marks; content is
    ``text[content_start:content_end]`` (marks of ``mark_len`` characters; the
    content runs to ``end`` when unclosed).  ``opened=False``: no opening mark,
    the quotation runs from its paragraph's start (a continuation paragraph
    written without one: ``And we will not stop," he said.``), so the content
    starts at ``start``."""

    start: int
    end: int
    closed: bool = True
    continues: bool = False  # the quotation goes on in the next paragraph
    mark_len: int = 1
    opened: bool = True

    @property
    def content_start(self) -> int:
        return self.start + (self.mark_len if self.opened else 0)

    @property
    def content_end(self) -> int:
        return max(self.content_start, self.end - self.mark_len) if self.closed else self.end


def _straight_is_opening(text: str, i: int, start: int) -> bool:
    """A straight quote opens when it follows start-of-paragraph, space, bracket or dash."""
    if i == start:
        return True
    prev = text[i - 1]
    return prev.isspace() or prev in "([{\u2014\u2013-/:"


@lru_cache(maxsize=1)
def _marks_re() -> re.Pattern:
    """Doubled apostrophes/backticks first, then any single quotation character."""
    return re.compile("''|``|[" + re.escape("".join(sorted(QUOTE_CHARS))) + "]")


def _marks(text: str, start: int, end: int):
    """(position, mark) of every quotation mark in ``text[start:end]`` (one regex pass;
    a doubled ``''`` or ````` is one mark)."""
    for m in _marks_re().finditer(text, start, end):
        yield m.start(), m.group()


def find_quotes_in(text: str, start: int, end: int) -> list[Quote]:
    """Quotations inside ``text[start:end]`` (one paragraph)."""
    quotes: list[Quote] = []
    open_at: int | None = None
    open_mark = ""
    nested = False  # a curly pair opened inside the open straight quotation
    # one pass each: is a straight mark, a curly closing mark still to come?
    last_straight = text.rfind(STRAIGHT, start, end)
    last_closer = max(text.rfind("\u201d", start, end), text.rfind("\u00bb", start, end))
    for i, ch in _marks(text, start, end):
        n = len(ch)
        straightish = ch in (STRAIGHT, DOUBLE_APOSTROPHE)
        if open_at is None:
            if ch in OPENERS or (straightish and _straight_is_opening(text, i, start)):
                open_at, open_mark, nested = i, ch, False
            elif straightish or ch in CLOSERS:
                # a closer with nothing open: the quote ran from the paragraph start
                # (continuation style) — only before any other quotation of the paragraph;
                # a mark at the paragraph start opens it even if it is a closing one
                # (”Typed the wrong way,” she said); else the content starts at the first letter
                if i > start and not quotes:
                    opened = _marks_re().match(text, start, i) is not None
                    quotes.append(Quote(start, i + n, closed=True, mark_len=n, opened=opened))
            continue
        mlen = len(open_mark)
        # something is open
        if open_mark in (STRAIGHT, DOUBLE_APOSTROPHE) and ch == open_mark:
            quotes.append(Quote(open_at, i + n, mark_len=mlen))
            open_at = None
        elif open_mark in OPENERS and ch == OPENERS[open_mark]:
            quotes.append(Quote(open_at, i + n, mark_len=mlen))
            open_at = None
        elif open_mark == STRAIGHT and ch in OPENERS and ch != "``" and last_straight < i:
            # a curly opening mark while a straight one is open that no later straight mark
            # closes: the writer uses curly marks, the straight one was stray ("Tom walked in,
            # chanting “Go!”": the quotation is “Go!”; but "She said “no” twice." nests)
            open_at, open_mark = i, ch
        elif open_mark == STRAIGHT and ch in OPENERS and ch != "``":
            nested = True  # "She called it “fair” twice": the curly pair nests in the straight one
        elif open_mark == STRAIGHT and ch in CLOSERS and nested:
            nested = False
        elif open_mark in OPENERS and ch == STRAIGHT and last_closer > i:
            # a straight mark inside a curly quotation that a curly mark closes later: stray
            # (“We will, " she said, “win.” pairs the curly marks), not the closing mark
            continue
        elif (open_mark == STRAIGHT and ch in CLOSERS) or (open_mark in OPENERS and ch == STRAIGHT and mlen == 1):
            # mixed styles: accept as a close
            quotes.append(Quote(open_at, i + n, mark_len=mlen))
            open_at = None
        # another opener inside an open quote is ignored (nested or stray)
    if open_at is not None and open_at < end - len(open_mark):
        quotes.append(Quote(open_at, end, closed=False, mark_len=len(open_mark)))
    return quotes


SINGLE_OPEN: str = "\u2018"
SINGLE_CLOSE: str = "\u2019"


def has_double_marks(text: str) -> bool:
    """True if ``text`` holds any double quotation mark (then single quotes are apostrophes)."""
    return not QUOTE_CHARS.isdisjoint(text) or "''" in text or "``" in text  # one C-level pass


def _single_opens(text: str, i: int, start: int, end: int) -> bool:
    ch = text[i]
    nxt = text[i + 1] if i + 1 < end else ""
    if ch == SINGLE_OPEN:
        return True
    return ch == "'" and (i == start or text[i - 1].isspace() or text[i - 1] in "([{\u2014\u2013-/:") and nxt.isalnum()


def _single_closes(text: str, i: int, end: int) -> bool:
    ch = text[i]
    nxt = text[i + 1] if i + 1 < end else ""
    return ch in (SINGLE_CLOSE, "'") and not nxt.isalnum() and i > 0 and not text[i - 1].isspace()


def _possessive(text: str, i: int, end: int) -> bool:
    """``students’ union``: a closing-looking mark after *s*, before a space and a word."""
    return text[i - 1] in "sS" and i + 2 < end and text[i + 1] == " " and text[i + 2].isalnum()


_SINGLE_MARK = re.compile("['\u2019]")


def _first_from(positions: list[int], pos: int) -> int | None:
    """The first of the sorted ``positions`` at or after ``pos`` (``None`` if none)."""
    j = bisect_left(positions, pos)
    return positions[j] if j < len(positions) else None


def find_single_quotes_in(text: str, start: int, end: int) -> list[Quote]:
    """Single-quoted quotations inside ``text[start:end]`` (articles without double marks).

    An opening mark pairs with the first closing mark two or more characters on
    that is not a plural possessive (``the students’ union``), else with the
    first closing mark at all.  The closing marks are listed once per paragraph,
    so the cost is linear in its length however many marks it holds.
    """
    closers = [m.start() for m in _SINGLE_MARK.finditer(text, start, end) if _single_closes(text, m.start(), end)]
    real = [k for k in closers if not _possessive(text, k, end)]
    quotes: list[Quote] = []
    i = start
    while i < end:
        if text[i] in (SINGLE_OPEN, "'") and _single_opens(text, i, start, end):
            k = _first_from(real, i + 2)
            if k is None:
                k = _first_from(closers, i + 2)
            if k is None:
                if text[i] == SINGLE_OPEN and i < end - 1:
                    quotes.append(Quote(i, end, closed=False))
                break
            quotes.append(Quote(i, k + 1))
            i = k + 1
            continue
        i += 1
    return quotes


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Quotations of an article, paragraph by paragraph, with multi-paragraph continuation
    (single-quote style when the article has no double quotation mark)."""
    out: list[Quote] = []
    n = len(paragraphs)
    single = not has_double_marks(text)
    find = find_single_quotes_in if single else find_quotes_in
    openers = (SINGLE_OPEN, "'") if single else CONTINUATION_OPENERS
    for k, (s, e) in enumerate(paragraphs):
        qs = find(text, s, e)
        if qs and not qs[-1].closed and k + 1 < n:
            ns, _ = paragraphs[k + 1]
            if ns < len(text) and text.startswith(openers, ns):
                last = qs[-1]
                qs[-1] = Quote(last.start, last.end, closed=False, continues=True,
                               mark_len=last.mark_len, opened=last.opened)
        out.extend(qs)
    return out


def quote_mask_spans(quotes: list[Quote]) -> list[tuple[int, int]]:
    """Spans (start, end) covered by quotations, marks included, sorted."""
    return sorted((q.start, q.end) for q in quotes)
