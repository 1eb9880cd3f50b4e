"""Names as the article writes them: the display name of each entity.

The gazetteer resolves "NATO" to its canonical long form ("North Atlantic Treaty
Organization"), which keeps one ``entity_id`` per entity across articles; but a
reader of an article that only ever says "NATO" should see "NATO" in every
table, chart and speaker column.  :func:`apply_display_names` runs after the
mentions and claims tables are built (:func:`analysis.pipeline.analyse_doc`):

* the mentions table's ``entity`` becomes the entity's **display name**, and a new
  column ``canonical`` keeps the gazetteer's form;
* the claims table's ``speaker`` becomes the display name of ``speaker_entity_id``
  (claims without a speaker entity keep the slot's text);
* ``entity_id`` is unchanged (still derived from the canonical name).

The display name (:func:`display_names`) of an entity is

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

import re

import pandas as pd

#: Mention kinds whose surface is a name of the entity (role nouns and pronouns are not).
NAMING_KINDS: frozenset[str] = frozenset({"name", "alias"})
#: Column added to the mentions table: the gazetteer's (canonical) name of the entity.
CANONICAL: str = "canonical"


def _clean(surface: str) -> str:
    return re.sub(r"\s+", " ", surface).strip()


def writes_canonical(surface: str, canonical: str) -> bool:
    """True when ``surface`` is ``canonical`` as written: same letters up to case, or its plural;
    a leading article is not part of a name ("The Associated Press" writes "Associated Press")."""
    s, c = _clean(surface).casefold(), _clean(canonical).casefold()
    s = re.sub(r"^the ", "", s) if not c.startswith("the ") else s
    return bool(c) and s in (c, c + "s", c + "es")


def display_name(canonical: str, surfaces: list[str]) -> str:
    """The display name of one entity from its name/alias surfaces in reading order."""
    names = [_clean(s) for s in surfaces if _clean(s)]
    if not names or any(writes_canonical(s, canonical) for s in names):
        return canonical
    counts: dict[str, int] = {}
    for s in names:
        counts[s] = counts.get(s, 0) + 1
    best = max(counts.values())
    return next(s for s in names if counts[s] == best)  # first occurrence wins a tie


def display_names(mentions: pd.DataFrame) -> dict[str, str]:
    """``entity_id`` → display name, for every resolved entity of a mentions table."""
    m = mentions[mentions["entity_id"].fillna("") != ""]
    if m.empty:
        return {}
    m = m.sort_values(["start", "end"], kind="stable")
    out: dict[str, str] = {}
    for eid, g in m.groupby("entity_id", sort=True):
        canonical = str(g["entity"].iloc[0])
        named = g[g["mention_kind"].isin(NAMING_KINDS)]
        out[str(eid)] = display_name(canonical, [str(s) for s in named["surface"]])
    return out


def apply_display_names(mentions: pd.DataFrame, claims: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two tables with display names (see the module docstring); the inputs are not changed.

    The mentions table gets ``canonical`` right after ``entity``.
    """
    names = display_names(mentions)
    m = mentions.copy()
    canonical = m["entity"].astype("string")
    shown = [names.get(str(e), str(c)) if str(e) else str(c) for e, c in zip(m["entity_id"].fillna(""), canonical.fillna(""))]
    m["entity"] = pd.Series(shown, index=m.index, dtype="string")
    m.insert(list(m.columns).index("entity") + 1, CANONICAL, canonical)
    c = claims.copy()
    if len(c):
        eids = c["speaker_entity_id"].fillna("").astype(str)
        c["speaker"] = pd.Series([names.get(e, s) if e else s for e, s in zip(eids, c["speaker"].fillna("").astype(str))],
                                 index=c.index, dtype="string")
    return m, c
