"""Scanning a text for a pattern that opens with a left word boundary, quickly.

The recognisers' patterns start with a negative lookbehind ("not after a letter":
``(?<![^\\W_])``), so that "Paris" is not found inside "Parisian-born" or "XParis".  A pattern
that starts with a lookbehind cannot tell Python's regex engine which characters a match may
start with, so the engine tries the whole pattern at every position of the text.  Searched
without the lookbehind, the engine jumps straight to the possible first characters (the
gazetteer's first letters); a match whose start fails the lookbehind is dropped and the search
resumes one character after that start, so exactly the matches of ``pattern.finditer`` are found.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_LEADING_LOOKBEHIND = re.compile(r"\(\?<!(?:\[(?:\\.|[^\]\\])*\]|\\w)\)")


@lru_cache(maxsize=64)
def split_lookbehind(pattern: re.Pattern) -> tuple[re.Pattern, re.Pattern] | None:
    """(the pattern without its leading lookbehind, the lookbehind alone), or ``None`` when the
    pattern does not open with a one-character-class lookbehind."""
    m = _LEADING_LOOKBEHIND.match(pattern.pattern)
    if m is None:
        return None
    return re.compile(pattern.pattern[m.end():], pattern.flags), re.compile(m.group(0), pattern.flags)


def finditer_at_word_starts(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """The matches of ``pattern.finditer(text)`` (same spans and groups) for a pattern that opens
    with a lookbehind and never matches the empty string (the recognisers' name patterns)."""
    split = split_lookbehind(pattern)
    if split is None:
        yield from pattern.finditer(text)
        return
    body, left = split
    search, boundary, pos = body.search, left.match, 0
    while True:
        m = search(text, pos)
        if m is None:
            return
        start = m.start()
        if boundary(text, start) is None:
            pos = start + 1  # "XParis": no match here, but one may start inside it
            continue
        yield m
        pos = max(m.end(), start + 1)


# İ (dotted capital I: "i" and a combining dot in lower case), ı (dotless i) and ſ (long s): the
# only characters that an IGNORECASE pattern matches differently than its lower-case form matches
# the lower-cased text (U+0130 ≡ "i" under IGNORECASE but lowers to two characters; U+0131 ≡ "i"
# and U+017F ≡ "s" lower to themselves).  Checked over every code point by the property test.
_CASE_FOLD_ODD = ("\u0130", "\u0131", "\u017f")


def fold_spans(pattern: re.Pattern, folded: re.Pattern, text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``pattern.finditer(text)`` for an IGNORECASE pattern whose literals are ASCII
    (the weapon classes, the pronouns), found by ``folded`` — the same pattern in lower case,
    without the flag — in ``text.lower()``, word starts only (:func:`finditer_at_word_starts`):
    case-sensitive matching is cheaper, and ``lower()`` keeps every offset.  A text holding one
    of the odd characters above is scanned with ``pattern`` itself."""
    if any(ch in text for ch in _CASE_FOLD_ODD):
        return (m.span() for m in pattern.finditer(text))
    return (m.span() for m in finditer_at_word_starts(folded, text.lower()))
