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
