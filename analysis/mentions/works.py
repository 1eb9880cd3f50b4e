"""Names of things: titles of works, and the names of craft and storms.

A quotation in title case names a book, film, show or song, not the people, places and
organisations its words would otherwise name.

In 'his role in "The Baker of Millbrook Lane"' or 'the sitcom "Dorrie" ended' the capitalised
words are the title of a work (a MISC name, not one of our entity types): no name candidate
inside such a quotation is kept.  A quotation is a title when every word of it is capitalised
except the small words titles leave in lower case ("of", "the", "in"), it is short (at most
12 words, one sentence), and it is not a single word that is a given name ('signed "Walt"'),
a nickname after a name ('Jo "Tiny" Marsh') or a one-word quotation of speech ('"Agreed,"
Marsh said').
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from analysis import lexicons

from analysis.quotes import Quote
from analysis.tokenise import Doc

from .records import Cand
from .resources import Resources, said_patterns

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_MAX_WORDS = 12
_SPEAKER_WORDS = re.compile(r"\s*(?:(?:[A-Z][\w'’.-]*|he|she|they|we|you)\s+){0,3}")
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")


def title_case_words(content: str, res: Resources) -> list[str] | None:
    """The words of ``content`` if it reads as a title (first word and every word outside the
    small-word list capitalised, 1 to 12 words), else None."""
    if _SENTENCE_INSIDE.search(content):
        return None  # an inscription or a quoted text of several sentences
    words = _WORD.findall(content)
    if not 1 <= len(words) <= _MAX_WORDS or not words[0][:1].isupper():
        return None
    if all(w[:1].isupper() or w.lower() in res.title_small_words for w in words):
        return words
    return None


def is_work_title(text: str, q: Quote, res: Resources) -> bool:
    """Is the closed quotation ``q`` the title of a work?"""
    start, end = q.content_start, q.content_end
    words = title_case_words(text[start:end], res)
    if words is None:
        return False
    if len(words) == 1:
        if words[0] in res.given_names:
            return False  # a signature or a form of address ('signed "Walt"')
        before = text[max(0, start - 40):start]
        if re.search(r"[A-Z][\w'’.-]*[ \t]*[\"“‘'`]+[ \t]*$", before):
            return False  # a nickname: 'Jo "Tiny" Marsh'
        said_after, _ = said_patterns()
        subj = _SPEAKER_WORDS.match(text, q.end)
        if said_after.match(text, q.end) or said_after.match(text, subj.end()):
            return False  # '"Agreed," Marsh said': a one-word quotation of speech
    return True


def work_title_spans(doc: Doc, res: Resources) -> list[tuple[int, int]]:
    """(content start, content end) of every closed quotation that is the title of a work."""
    out = []
    for q in doc.quotes:
        if q.opened and q.closed and is_work_title(doc.text, q, res):
            out.append((q.content_start, q.content_end))
    return out


class InWorkTitle:
    """``in_title(s, e)``: does ``text[s:e]`` lie inside a quotation that is the title of a work?
    Only the quotation around the span is read (once per call object), so asking about a few
    spans costs no pass over every quotation of the article."""

    def __init__(self, doc: Doc, res: Resources):
        self.doc, self.res = doc, res
        self.starts = [q.start for q in doc.quotes]
        self.memo: dict[int, bool] = {}

    def __call__(self, s: int, e: int) -> bool:
        k = bisect.bisect_right(self.starts, s) - 1
        if k < 0:
            return False
        q = self.doc.quotes[k]
        if not (q.opened and q.closed and q.content_start <= s and e <= q.content_end):
            return False
        if k not in self.memo:
            self.memo[k] = is_work_title(self.doc.text, q, self.res)
        return self.memo[k]


def drop_names_in_titles(cands: list[Cand], spans: list[tuple[int, int]]) -> list[Cand]:
    """``cands`` without the name candidates that lie inside a title of a work."""
    if not spans:
        return cands
    starts = [s for s, _ in spans]
    out = []
    for c in cands:
        k = bisect.bisect_right(starts, c.start) - 1
        if c.kind == "name" and k >= 0 and c.end <= spans[k][1]:
            continue
        out.append(c)
    return out


@lru_cache(maxsize=1)
def _vehicle_words() -> tuple[re.Pattern, frozenset, tuple[str, ...]]:
    """(pattern of a determiner and a craft/storm noun ending right before a name, prefixes, the
    last words of the nouns)."""
    words = lexicons.word_list("mentions_vehicles.txt")
    nouns = sorted((w for w in words if w[:1].islower()), key=lambda w: (-len(w), w))
    alt = "|".join(r"\s+".join(map(re.escape, w.split())) for w in nouns)
    before = re.compile(rf"\b(?i:the|an?|its|his|her|their|our)\s+(?:[\w-]+\s+){{0,2}}?(?:{alt})\s+$")
    last_words = tuple(sorted({w.split()[-1] for w in nouns}))
    return before, frozenset(w for w in words if w[:1].isupper()), last_words


def _craft_noun_before_plain(text: str, start: int) -> bool:
    """Does a determiner and a craft noun end right before ``start`` ("the shuttle |Endeavour")?"""
    return _vehicle_words()[0].search(text, max(0, start - 50), start) is not None


def craft_noun_before(text: str, start: int) -> bool:
    """:func:`_craft_noun_before_plain` with a literal pre-check: the pattern ends in a craft noun
    and white space, so the 50-character window without its trailing white space must end with
    the last word of a noun ("the tanker |Sea Maiden" passes, "said |Dorrie" does not); most
    names fail that ``str.endswith`` and skip the case-insensitive search
    (``tests/test_mentions_fastpaths.py`` compares the two)."""
    before, _, last_words = _vehicle_words()
    lo = max(0, start - 50)
    if not text[lo:start].rstrip().endswith(last_words):
        return False
    return before.search(text, lo, start) is not None


def drop_names_of_craft(text: str, cands: list[Cand]) -> list[Cand]:
    """``cands`` without the names of craft and storms: a name right after a craft noun ("the
    shuttle Endeavour"), or starting with a craft prefix ("USS Harlow", "Hurricane Dorrie"), and
    every other use of that name (its words after the prefix) in the text."""
    _, prefixes, _ = _vehicle_words()
    craft: set[str] = set()
    for c in cands:
        if c.kind != "name" or c.rule not in ("name", "gazetteer"):
            continue
        s = text[c.start:c.end]
        first, _, rest = s.partition(" ")
        two = " ".join(s.split()[:2])
        if craft_noun_before(text, c.start):
            craft.add(s)
        elif rest and (first in prefixes or two in prefixes):
            craft.add(s)
            craft.add(s[len(two) + 1:] if two in prefixes else rest)
    if not craft:
        return cands
    return [c for c in cands if not (c.kind == "name" and text[c.start:c.end] in craft)]
