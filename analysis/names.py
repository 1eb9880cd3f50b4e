"""Names as the article writes them: the display name of each entity.

The gazetteer resolves "NATO" to its canonical long form ("North Atlantic Treaty
Organization"), which keeps one ``entity_id`` per entity across articles; but a
reader of an article that only ever says "NATO" should see "NATO" in every
table, chart and speaker column.  :func:`display_columns` runs on the rows of
the mentions and claims tables before they become DataFrames
(:func:`analysis.pipeline.doc_records`; :func:`apply_display_names` does the same
on DataFrames):

* the mentions table's ``entity`` becomes the entity's **display name**, and a new
  column ``canonical`` keeps the gazetteer's form;
* the claims table's ``speaker`` becomes the display name of ``speaker_entity_id``
  (claims without a speaker entity keep the slot's text);
* ``entity_id`` is unchanged (still derived from the canonical name).

The display name (:func:`entity_display_names`) of an entity is

1. its canonical name, when the article writes it: a ``name`` or ``alias``
   mention whose surface is the canonical name up to letter case (datelines are
   set in capitals: "CHICAGO —" writes "Chicago"), its plural ("Leopards"
   writes "Leopard") or the name after a leading article ("The Associated
   Press" writes "Associated Press");
2. otherwise the name or alias surface the article uses most ("NATO" ×8 for
   "North Atlantic Treaty Organization"; "AP" ×3 over "The Associated Press"
   ×1); ties go to the surface that occurs first;
3. the canonical name when the article names the entity only by role nouns or
   pronouns ("the alliance", "it").

Surfaces are compared with runs of white space collapsed (a name broken across
a line is still one name).
"""
from __future__ import annotations

from typing import Iterable, NamedTuple

import pandas as pd

#: Mention kinds whose surface is a name of the entity (role nouns and pronouns are not).
NAMING_KINDS: frozenset[str] = frozenset({"name", "alias"})
#: Column added to the mentions table: the gazetteer's (canonical) name of the entity.
CANONICAL: str = "canonical"


def _clean(surface: str) -> str:
    """``surface`` with every run of white space one space, none at either end ("New  York"
    → "New York"): ``re.sub(r"\\s+", " ", surface).strip()`` without the regex engine
    (``str.split`` splits at exactly the characters ``\\s`` matches; tested)."""
    return " ".join(surface.split())


def writes_canonical(surface: str, canonical: str) -> bool:
    """True when ``surface`` is ``canonical`` as written: same letters up to case, or its plural;
    a leading article is not part of a name ("The Associated Press" writes "Associated Press")."""
    return _writes_folded(_clean(surface).casefold(), _clean(canonical).casefold())


def _writes_folded(s: str, c: str) -> bool:
    """:func:`writes_canonical` of a surface and a canonical name already cleaned and case-folded."""
    if s.startswith("the ") and not c.startswith("the "):
        s = s[4:]
    return bool(c) and s in (c, c + "s", c + "es")


def display_name(canonical: str, surfaces: list[str]) -> str:
    """The display name of one entity from its name/alias surfaces in reading order."""
    names = [s for s in map(_clean, surfaces) if s]
    folded = _clean(canonical).casefold()
    if not names or any(_writes_folded(s.casefold(), folded) for s in dict.fromkeys(names)):
        return canonical
    counts: dict[str, int] = {}
    for s in names:
        counts[s] = counts.get(s, 0) + 1
    best = max(counts.values())
    return next(s for s in names if counts[s] == best)  # first occurrence wins a tie


def entity_display_names(mentions: Iterable) -> dict[str, str]:
    """``entity_id`` → display name, for every resolved entity among mention records.

    ``mentions`` are records with the attributes ``entity_id``, ``entity``
    (canonical name), ``surface``, ``mention_kind``, ``start`` and ``end`` (a
    :class:`analysis.mentions.records.Mention`, or a row tuple); they are read in
    text order (``start``, then ``end``; ties keep the given order), so "NATO ... the
    alliance ... NATO" gives the canonical of the first mention and the surfaces
    ["NATO", "NATO"].
    """
    groups: dict[str, list] = {}
    for m in sorted((m for m in mentions if m.entity_id), key=lambda m: (m.start, m.end)):
        groups.setdefault(m.entity_id, []).append(m)
    return {
        str(eid): display_name(str(g[0].entity), [str(m.surface) for m in g if m.mention_kind in NAMING_KINDS])
        for eid, g in groups.items()
    }


def display_names(mentions: pd.DataFrame) -> dict[str, str]:
    """``entity_id`` → display name, for every resolved entity of a mentions table
    (:func:`entity_display_names` over its rows)."""
    cols = ["entity_id", "entity", "surface", "mention_kind", "start", "end"]
    m = mentions[cols].copy()
    m["entity_id"] = m["entity_id"].fillna("")
    return entity_display_names(m.itertuples(index=False))


def shown_entities(entity_ids: list, canonicals: list, shown: dict[str, str]) -> list[str]:
    """The mentions table's ``entity`` column: each row's display name (its canonical name
    when the row has no entity, "" for a missing one)."""
    return [shown.get(e, c or "") if e else (c or "") for e, c in zip(entity_ids, canonicals)]


def shown_speakers(speaker_entity_ids: list, speakers: list, shown: dict[str, str]) -> list[str]:
    """The claims table's ``speaker`` column: the display name of the speaker entity, else the
    slot's text ("" for a missing one)."""
    return [shown.get(e, s or "") if e else (s or "") for e, s in zip(speaker_entity_ids, speakers)]


def display_columns(mentions: dict[str, list], claims: dict[str, list]) -> tuple[dict[str, list], dict[str, list]]:
    """:func:`apply_display_names` on column lists (table column → values) instead of
    DataFrames: the mentions columns get ``canonical`` right after ``entity``; the inputs
    are not changed."""
    recs = [NameRow(*r) for r in zip(mentions["entity_id"], mentions["entity"], mentions["surface"],
                                  mentions["mention_kind"], mentions["start"], mentions["end"])]
    shown = entity_display_names(recs)
    m: dict[str, list] = {}
    for col, values in mentions.items():
        m[col] = shown_entities(mentions["entity_id"], values, shown) if col == "entity" else values
        if col == "entity":
            m[CANONICAL] = values
    c = dict(claims)
    if c.get("speaker"):
        c["speaker"] = shown_speakers(c["speaker_entity_id"], c["speaker"], shown)
    return m, c


class NameRow(NamedTuple):
    """The fields of one mention that naming reads (a row of the mentions table)."""

    entity_id: str
    entity: str
    surface: str
    mention_kind: str
    start: int
    end: int


def apply_display_names(mentions: pd.DataFrame, claims: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two tables with display names (see the module docstring); the inputs are not changed.

    The mentions table gets ``canonical`` right after ``entity``.
    """
    names = display_names(mentions)
    m = mentions.copy()
    canonical = m["entity"].astype("string")
    shown = shown_entities(list(m["entity_id"].fillna("")), list(canonical.fillna("")), names)
    m["entity"] = pd.Series(shown, index=m.index, dtype="string")
    m.insert(list(m.columns).index("entity") + 1, CANONICAL, canonical)
    c = claims.copy()
    if len(c):
        eids = c["speaker_entity_id"].fillna("").astype(str)
        c["speaker"] = pd.Series(shown_speakers(list(eids), list(c["speaker"].fillna("").astype(str)), names),
                                 index=c.index, dtype="string")
    return m, c
