"""Find quotations: pair quotation marks into spans.

Straight (``"``) and curly (``“ ”``) double quotes and guillemets (``« »``)
are paired by type within a paragraph.  News style lets a quotation run over
several paragraphs: a paragraph that opens a quote without closing it, followed
by a paragraph that starts with an opening mark, continues the quote; such
spans are marked ``continues=True``.  An odd number of marks never raises: an
opening mark left unclosed at the end of its paragraph yields a span to the
paragraph end with ``closed=False``.

Single quotes are not treated as quotation marks here (they double as
apostrophes); nested single-quoted speech stays inside its double-quoted span.
"""
from __future__ import annotations

from dataclasses import dataclass

OPENERS: dict[str, str] = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}
CLOSERS: frozenset[str] = frozenset({"\u201d", "\u00bb"})
STRAIGHT: str = '"'
QUOTE_CHARS: frozenset[str] = frozenset({'"', "\u201c", "\u201d", "\u00ab", "\u00bb", "\u201e"})


@dataclass(frozen=True)
class Quote:
    """A quotation ``text[start:end]`` including its marks; content is ``text[start+1:end-1]``
    (``end`` itself when unclosed)."""

    start: int
    end: int
    closed: bool = True
    continues: bool = False  # the quotation goes on in the next paragraph

    @property
    def content_start(self) -> int:
        return self.start + 1

    @property
    def content_end(self) -> int:
        return self.end - 1 if self.closed else self.end


def _straight_is_opening(text: str, i: int, start: int) -> bool:
    """A straight quote opens when it follows start-of-paragraph, space, bracket or dash."""
    if i == start:
        return True
    prev = text[i - 1]
    return prev.isspace() or prev in "([{\u2014\u2013-/:"


def find_quotes_in(text: str, start: int, end: int) -> list[Quote]:
    """Quotations inside ``text[start:end]`` (one paragraph)."""
    quotes: list[Quote] = []
    open_at: int | None = None
    open_mark = ""
    for i in range(start, end):
        ch = text[i]
        if ch not in QUOTE_CHARS:
            continue
        if open_at is None:
            if ch in OPENERS or (ch == STRAIGHT and _straight_is_opening(text, i, start)):
                open_at, open_mark = i, ch
            elif ch == STRAIGHT or ch in CLOSERS:
                # a closer with nothing open: quote ran from paragraph start (continuation style)
                if i > start:
                    quotes.append(Quote(start, i + 1, closed=True))
            continue
        # something is open
        if open_mark == STRAIGHT and ch == STRAIGHT:
            quotes.append(Quote(open_at, i + 1))
            open_at = None
        elif open_mark in OPENERS and ch == OPENERS[open_mark]:
            quotes.append(Quote(open_at, i + 1))
            open_at = None
        elif open_mark == STRAIGHT and ch in CLOSERS or open_mark in OPENERS and ch == STRAIGHT:
            # mixed styles: accept as a close
            quotes.append(Quote(open_at, i + 1))
            open_at = None
        # another opener inside an open quote is ignored (nested or stray)
    if open_at is not None and open_at < end - 1:
        quotes.append(Quote(open_at, end, closed=False))
    return quotes


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Quotations of an article, paragraph by paragraph, with multi-paragraph continuation."""
    out: list[Quote] = []
    n = len(paragraphs)
    for k, (s, e) in enumerate(paragraphs):
        qs = find_quotes_in(text, s, e)
        if qs and not qs[-1].closed and k + 1 < n:
            ns, _ = paragraphs[k + 1]
            if ns < len(text) and text[ns] in ("\u201c", '"', "\u00ab"):
                last = qs[-1]
                qs[-1] = Quote(last.start, last.end, closed=False, continues=True)
        out.extend(qs)
    return out


def quote_mask_spans(quotes: list[Quote]) -> list[tuple[int, int]]:
    """Spans (start, end) covered by quotations, marks included, sorted."""
    return sorted((q.start, q.end) for q in quotes)
