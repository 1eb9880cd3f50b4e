"""Coreference pass: one organisation or place under several name forms.

:func:`merge_name_variants` runs once names have their entities (after
:func:`.coref.name_unknowns`) and gives every mention of an organisation or place the
entity of the first form the article used, when two forms are

* the same name in another spelling: British and American spellings
  (``coref_spelling_variants.tsv``: "World Health Organisation" / "World Health
  Organization") or with and without accents ("Yucatán" / "Yucatan"); or
* an acronym and the long name whose initials it spells, in either order and for places
  too ("New Jersey" … "NJ"; "the UN" … "the United Nations").
"""
from __future__ import annotations

from functools import cache, lru_cache
from types import MappingProxyType

from analysis import lexicons

from .coref import EntityTable, fold
from .names import ACRONYM

_GROUP = MappingProxyType({"ORG": "ORG", "GPE": "place", "LOC": "place"})


@cache
def _spellings() -> MappingProxyType:
    return MappingProxyType({r["british"]: r["american"] for r in lexicons.table("coref_spelling_variants.tsv")})


@lru_cache(maxsize=8192)
def spelling_key(name: str) -> str:
    """``name`` folded (no accents, lower case) with American spellings."""
    sp = _spellings()
    return " ".join(sp.get(w, w) for w in fold(name).split())


def initials(name: str) -> str:
    """Initials of the capitalised words of a multi-word name ("United Nations" → "UN")."""
    words = [w for w in name.split() if w[:1].isupper() and w != "The"]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def merge_name_variants(t: EntityTable) -> None:
    """Spelling variants and acronyms of an organisation or place take its first form's entity."""
    cands = [c for c in t.names if c.ent is not None and c.ent[0] and c.ent[1] in _GROUP]
    first: dict[tuple[str, str], tuple[str, str]] = {}
    long_forms: dict[str, tuple[str, str]] = {}
    for c in cands:
        first.setdefault((_GROUP[c.ent[1]], spelling_key(c.ent[0])), c.ent)
        ini = initials(c.ent[0])
        if ini:
            long_forms.setdefault(ini, c.ent)
    for c in cands:
        s = t.surface(c)
        key = s.replace(".", "")
        if c.ent[0] == s and ACRONYM.match(s + "." if s.count(".") == 1 else s) and key in long_forms:
            c.ent = long_forms[key]  # an acronym is typed by its long form ("NJ" of "New Jersey": a place)
        else:
            c.ent = first[(_GROUP[c.ent[1]], spelling_key(c.ent[0]))]
