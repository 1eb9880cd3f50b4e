"""Coreference pass: one organisation or place under several name forms.

:func:`merge_name_variants` runs once names have their entities (after
:func:`.coref.name_unknowns`) and gives every mention of an organisation or place the
entity of the first form the article used, when two forms are

* the same name in another spelling: British and American spellings
  (``coref_spelling_variants.tsv``: "World Health Organisation" / "World Health
  Organization") or with and without accents ("Yucatán" / "Yucatan"); or
* an acronym and the long name whose initials it spells, in either order and for places
  too ("New Jersey" … "NJ"; "the UN" … "the United Nations").

:func:`link_person_aliases` runs earlier, once full person names are clustered: a second name
the article gives a person right after the first ("Tomas Berg (born Tomas Andersen)", "Lena
Holt, better known as Mara Vell") is the same person, and so are the surnames of both.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from types import MappingProxyType

from analysis import lexicons

from .coref import EntityTable, fold
from .names import ACRONYM
from .records import Cand

_GROUP = MappingProxyType({"ORG": "ORG", "GPE": "place", "LOC": "place"})


@cache
def _spellings() -> MappingProxyType:
    return MappingProxyType({r["british"]: r["american"] for r in lexicons.table("coref_spelling_variants.tsv")})


@lru_cache(maxsize=8192)
def spelling_key(name: str) -> str:
    """``name`` folded (no accents, lower case) with American spellings."""
    sp = _spellings()
    return " ".join(sp.get(w, w) for w in fold(name).split())


def initials(name: str, prefixes=frozenset()) -> str:
    """Initials of the capitalised words of a multi-word name ("United Nations" → "UN"), or the
    capitals of one word written in camel case ("LibriVox" → "LV"; not "McLean": ``prefixes``)."""
    words = [w for w in name.split() if w[:1].isupper() and w != "The"]
    if len(words) == 1 and not name.isupper() and not any(name.startswith(p) for p in prefixes):
        caps = "".join(ch for ch in name if ch.isupper())
        return caps if 2 <= len(caps) and name.isalpha() else ""
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def group_short_form(name: str) -> str:
    """The plural short form of a group of islands or mountains ("Karvo Islands" → "Karvos",
    "Rocky Mountains" → "Rockies"); "" for other names."""
    words = name.split()
    if len(words) < 2 or words[-1] not in lexicons.word_list("mentions_group_heads.txt"):
        return ""
    last = words[-2]
    plural = last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou" else last + "s"
    return " ".join(words[:-2] + [plural])


def merge_name_variants(t: EntityTable) -> None:
    """Spelling variants and acronyms of an organisation or place take its first form's entity;
    the plural short form of a group of islands or mountains takes the group's, even where the
    evidence read it as an institution ("to reach the Karvos": ORG by "the")."""
    cands = [c for c in t.names if c.ent is not None and c.ent[0] and c.ent[1] in _GROUP]
    first: dict[tuple[str, str], tuple[str, str]] = {}
    long_forms: dict[str, tuple[str, str]] = {}
    groups: dict[str, tuple[str, str]] = {}
    for c in cands:
        first.setdefault((_GROUP[c.ent[1]], spelling_key(c.ent[0])), c.ent)
        group = group_short_form(c.ent[0])
        if group and c.ent[1] in ("GPE", "LOC"):  # "the Karvos" is the "Karvo Islands" named before or after it
            first.setdefault(("place", spelling_key(group)), c.ent)
            groups.setdefault(spelling_key(group), c.ent)
        ini = initials(c.ent[0], t.res.name_prefixes)
        if ini:
            long_forms.setdefault(ini, c.ent)
    for c in cands:
        s = t.surface(c)
        key = s.replace(".", "")
        if c.ent[0] == s and ACRONYM.match(s + "." if s.count(".") == 1 else s) and key in long_forms:
            c.ent = long_forms[key]  # an acronym is typed by its long form ("NJ" of "New Jersey": a place)
        elif c.ent[1] == "ORG" and c.ent[0] == s and spelling_key(s) in groups:
            c.ent = groups[spelling_key(s)]  # "the Karvos", read as an institution, is the islands
        else:
            c.ent = first[(_GROUP[c.ent[1]], spelling_key(c.ent[0]))]


def _parenthesised_short_forms(t: EntityTable, cands: list[Cand]) -> dict[str, tuple[str, str]]:
    """One-word names in parentheses right after a longer name: its short form ("the Nordic
    Mining Authority (NMA)", "the Ministry of Defence (MoD)"), whatever letters it keeps."""
    out: dict[str, tuple[str, str]] = {}
    for a, b in zip(cands, cands[1:]):
        s = t.surface(b)
        if (" " not in s and " " in t.surface(a) and t.text[a.end:b.start] == " ("
                and t.text[b.end:b.end + 1] == ")" and sum(ch.isupper() for ch in s) >= 2):
            out.setdefault(s, a.ent)
    return out


def _head_keys(name: str) -> list[str]:
    """Shorter forms of a multi-word organisation name by its head: its last words ("Federation",
    "Ski Federation" of "Oslo Ski Federation"), or those before "of" ("Society" of "Society of
    Friendly Painters")."""
    head = name.split(" of ")[0] if " of " in name else name
    words = [w for w in head.split() if w != "The"]
    if not words or not words[-1][:1].isupper():
        return []
    return [" ".join(words[-k:]) for k in range(1, len(words))] + ([head] if head != name else [])


def merge_short_forms(t: EntityTable) -> None:
    """A short form of an organisation named earlier in full is that organisation: an acronym in
    parentheses after the name (and every later use of it), and the name's head alone ("the
    Society" after "the Society of Friendly Painters"; the most recent such organisation)."""
    cands = [c for c in t.names if c.ent is not None and c.ent[0] and c.ent[1] in _GROUP]
    short = _parenthesised_short_forms(t, cands)
    latest: dict[str, tuple[str, str]] = {}
    for c in cands:
        s = t.surface(c)
        if c.ent[0] == s and s in short:
            c.ent = short[s]
        elif c.ent[0] == s and c.ent[1] == "ORG" and s in latest:
            c.ent = latest[s]
        elif c.ent[1] == "ORG" and " " in c.ent[0]:
            for k in _head_keys(c.ent[0]):
                latest[k] = c.ent


@cache
def _alias_gap() -> re.Pattern:
    """What may lie between a person's name and a second name for them: parentheticals, then
    (after a comma or an opening parenthesis, up to four lower-case words, none a preposition or
    conjunction that would start another noun phrase; or right after "is"/"was" and an adverb or
    article) an alias cue (``coref_alias_cues.txt``): "(born 1950), better known by her pseudonym",
    "was born", "was the pen name of (Danish author)"."""
    cues = "|".join(r"\s+".join(map(re.escape, c.split()))
                    for c in sorted(lexicons.word_list("coref_alias_cues.txt"), key=len, reverse=True))
    filler = r"(?:(?!(?:of|and|or|to|with|for|from|whose)\s)[a-z]+\s+)"
    verb = r"(?:is|was)\s+(?:(?:[a-z]+ly|also|better|a|an|the|his|her|their)\s+){0,2}"
    of = r"(?:(?<=name|onym)\s+of(?:\s+[A-Za-z-]+){0,3}?)?"  # "was a pen name of (Danish author)"
    return re.compile(r"(?:\s*\([^()]{0,160}\))*\s*(?:[,(]\s*" + filler + r"{0,4}?|" + verb + ")"
                      r"(?:" + cues + r")" + of + r"\s*[\"“‘']?\s*", re.IGNORECASE)


def _alias_pairs(t: EntityTable) -> list[tuple[Cand, Cand]]:
    """(first name, alias) pairs: a person name right after an alias cue, and the person name
    before it (the previous one, within 250 characters)."""
    gap = _alias_gap()
    persons = [c for c in t.chosen if c.kind == "name" and c.type == "PERSON" and c.canon]
    return [(a, b) for a, b in zip(persons, persons[1:])
            if b.start - a.end <= 250 and gap.fullmatch(t.text, a.end, b.start)]


def link_person_aliases(t: EntityTable) -> None:
    """A second name given to a person just named is the same person: "Tomas Berg (born Tomas
    Andersen in 1950)" — every use of "Tomas Andersen" (and of "Andersen" alone) takes the
    canonical name of "Tomas Berg"."""
    parent: dict[str, str] = {}

    def root(name: str) -> str:
        while name in parent:
            name = parent[name]
        return name

    for a, b in _alias_pairs(t):
        ra, rb = root(a.canon), root(b.canon)
        if ra != rb:
            parent[rb] = ra
    if parent:
        for c in t.chosen:
            if c.canon in parent:
                c.canon = root(c.canon)
