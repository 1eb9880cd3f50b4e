"""Organisation recognisers for newswire: names that the capitalised-run reader misses or
splits, found by their form.

* :func:`designated_companies` — a company name with its legal-form designator after a comma,
  in any case: "Harwell Foods, Inc.", "ACME WIDGETS, LTD." (copyright and credit lines are in
  capitals, where the run reader trusts no capital).
* :func:`party_members` — "the Communists", "the Christian Democrats": a party's members after
  "the" are the party acting as a body (``mentions_party_members.txt``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from analysis import lexicons
from analysis.tokenise import Doc

from .records import Cand
from .resources import Resources

_NAME_WORD = r"[A-Z0-9][\w&'’.-]*"


@lru_cache(maxsize=1)
def designators() -> frozenset[str]:
    """Legal-form designators (``mentions_org_designators.txt``) and their all-caps forms."""
    words = lexicons.word_list("mentions_org_designators.txt")
    return frozenset(words) | frozenset(w.upper() for w in words)


@lru_cache(maxsize=1)
def _designated_re() -> re.Pattern:
    alt = "|".join(re.escape(d) for d in sorted(designators(), key=lambda d: (-len(d), d)))
    return re.compile(rf"(?<![\w&'’.-])(?P<name>(?:{_NAME_WORD}[ \t]+){{0,4}}{_NAME_WORD}),[ \t]*"
                      rf"(?P<des>{alt})(?![\w&])")


def _name_start(text: str, start: int, end: int, res: Resources) -> int:
    """Start of the name in ``text[start:end]``: its last words back to (not including) a
    function word ("BY", "of"), a number or a word ending in a comma or period."""
    words = list(re.finditer(r"\S+", text[start:end]))
    first = len(words)
    for w in reversed(words):
        s = w.group(0)
        if s.lower() in res.stopwords or s.isdigit() or s[-1] in ",.;:" and w is not words[-1]:
            break
        first -= 1
    return start + words[first].start() if first < len(words) else -1


def designated_companies(doc: Doc, res: Resources) -> list[Cand]:
    """"Harwell Foods, Inc.", "COPYRIGHT 2001 BY ACME WIDGETS, INC.": the name words before a
    comma and a legal-form designator, with both, are one organisation."""
    text, out = doc.text, []
    for m in _designated_re().finditer(text):
        s = _name_start(text, m.start("name"), m.end("name"), res)
        if s < 0 or not any(ch.isalpha() for ch in text[s:m.end("name")]):
            continue
        out.append(Cand(s, m.end(), "ORG", "name", "name", "", priority=3, how="designator"))
    return out


@lru_cache(maxsize=1)
def _party_re() -> re.Pattern:
    words = lexicons.word_list("mentions_party_members.txt")
    alt = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w])[Tt]he\s+(?P<p>{alt})(?![\w-])")


def party_members(doc: Doc) -> list[Cand]:
    """"the Communists blocked the vote": the party (ORG), not its members as a group (NORP)."""
    return [Cand(m.start("p"), m.end("p"), "ORG", "name", "name", "", priority=3, how="party")
            for m in _party_re().finditer(doc.text)]
