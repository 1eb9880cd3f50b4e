"""Wire-service furniture: the non-prose lines of agency copy, where capitals and word order say
little and the line's shape says what its names are.

* :func:`dated_datelines` — a line of an all-caps place and a date ("KELSO 2001-03-04",
  "ORVALE, March 4"): the place the story was filed from (GPE).
* :func:`caps_known_places` — in an all-caps line (headline, slug) a word whose usual spelling is
  a known place or nationality ("TALKS IN GENEVA STALL" → Geneva): the gazetteer entry.
* :func:`result_lines` — a results line of two names with scores ("Kelso Rovers 2 Millbrook 1")
  or a standings row (a name and three or more numbers): the names are teams (ORG).
"""
from __future__ import annotations

import re

from analysis.tokenise import Doc

from .records import Cand
from .resources import Resources

_UC = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_DATE = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)"
_DATED = re.compile(rf"(?P<p>[{_UC}][{_UC}.'-]+(?: [{_UC}][{_UC}.'-]+){{0,3}}),?[ \t]+{_DATE}[ \t]*$")
_CAPS_WORD = re.compile(rf"(?<![\w'’-])[{_UC}][{_UC}'’.-]*[{_UC}.](?![\w'’-])")
_TEAM = r"[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}"
_RESULT = re.compile(rf"[ \t]*(?P<a>{_TEAM})[ \t]+\d{{1,3}},?[ \t]+(?P<b>{_TEAM})[ \t]+\d{{1,3}}[ \t]*$")
_STANDING = re.compile(rf"[ \t]*(?P<a>{_TEAM})(?:[ \t]+\d{{1,3}}){{3,}}[ \t]*$")


def _place(res: Resources, surface: str):
    """The gazetteer entry of an all-caps word by its usual spelling ("NEW YORK" → New York)."""
    for form in (surface.title(), surface):
        e = res.names.get(form)
        if e is not None:
            return e
    return None


def dated_datelines(doc: Doc, res: Resources) -> list[Cand]:
    """"KELSO 2001-03-04": a line of an all-caps place and a date opens a wire story."""
    text, out = doc.text, []
    for p in doc.article.paragraphs:
        m = _DATED.match(text, p.start, p.end)
        if m is None or len(m.group("p")) < 3:
            continue
        e = _place(res, m.group("p"))
        ent = e.entity if e is not None else m.group("p").title()
        etype = e.type if e is not None and e.type in ("GPE", "LOC") else "GPE"
        out.append(Cand(m.start("p"), m.end("p"), etype, "name", "dateline", ent, priority=3))
    return out


_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"


def _all_caps_plain(span: str) -> bool:
    """Eight letters or more, nine in ten of them capitals ("TALKS IN GENEVA STALL")."""
    letters = [ch for ch in span if ch.isalpha()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


def _all_caps(text: str, start: int, end: int) -> bool:
    """:func:`_all_caps_plain` with a fast rejection of prose: an ASCII lowercase letter is a
    letter and no capital, so when more than a fifth of the characters are "a"-"z" (counted in C
    on the UTF-8 bytes, where no other character makes such a byte) fewer than nine in ten of
    the letters are capitals ("Talks in Geneva stall" is rejected without the letter loop).
    ``tests/test_mentions_fastpaths.py`` compares the two."""
    span = text[start:end]
    raw = span.encode("utf-8", "surrogatepass")
    if 5 * (len(raw) - len(raw.translate(None, _ASCII_LOWER))) > len(span):
        return False
    return _all_caps_plain(span)


def _known(res: Resources, w: str):
    """A place or nationality by the usual spelling of an all-caps word (not an acronym: "NATO")."""
    if len(w) < 4 or w in res.names:
        return None
    e = _place(res, w)
    return e if e is not None and e.type in ("GPE", "LOC", "NORP") else None


def caps_known_places(doc: Doc, res: Resources) -> list[Cand]:
    """"TALKS IN GENEVA STALL": in an all-caps sentence, a word (or two) whose usual spelling is a
    known place or nationality is that place (acronyms stay as they are: "NATO", "U.S.")."""
    text, out = doc.text, []
    for s in doc.sentences:
        if not _all_caps(text, s.start, s.end):
            continue
        words = list(_CAPS_WORD.finditer(text, s.start, s.end))
        i = 0
        while i < len(words):
            m, span = words[i], 1
            e = None
            if i + 1 < len(words) and words[i + 1].start() == m.end() + 1:
                e = _known(res, text[m.start():words[i + 1].end()])  # "NEW YORK"
                span = 2 if e is not None else 1
            if e is None:
                e = _known(res, m.group(0))
            if e is not None:
                end = words[i + span - 1].end()
                out.append(Cand(m.start(), end, e.type, "name", "gazetteer", e.entity, e.cls, priority=2))
            i += span
    return out


_LINE = re.compile(r"[^\n]+")  # a line of a paragraph


def result_lines(doc: Doc, res: Resources) -> list[Cand]:
    """"Kelso Rovers 2 Millbrook 1", "Kelso Rovers 10 6 2 2 18 9 20": the names of a results or
    standings line are teams."""
    text, out = doc.text, []
    for p in doc.article.paragraphs:
        for line in _LINE.finditer(text, p.start, p.end):
            a, b = line.span()
            m = _RESULT.match(text, a, b) or _STANDING.match(text, a, b)
            if m is None:
                continue
            for g in ("a", "b"):
                if g in m.groupdict() and m.group(g) and m.group(g).lower() not in res.stopwords:
                    out.append(Cand(m.start(g), m.end(g), "ORG", "name", "name", "", priority=3, how="team"))
    return out
