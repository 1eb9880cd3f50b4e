"""The mentions table, and summaries of it (used by notebook 02 and its charts)."""
from __future__ import annotations

import bisect

import pandas as pd

from analysis import vocabulary
from analysis.tables import empty_table, typed_frame
from analysis.tokenise import Doc

from .records import MENTION_COLUMNS, MENTION_KINDS, Cand, Mention, _norm, entity_id, make_mention, mention_id


def to_mention(doc: Doc, c: Cand, q_starts: list[int]) -> Mention | None:
    """The row of a resolved candidate; None when it has no type (not one of our entities)."""
    canonical, etype = c.resolved or ("", c.type or "ORG")
    if not etype:
        return None
    aid, text = doc.article.article_id, doc.text
    surface = text[c.start:c.end]
    kind = c.kind
    if kind == "name" and canonical and etype in ("PERSON", "ORG", "GPE", "LOC") and _norm(surface) != _norm(canonical):
        kind = "alias"
    sent = doc.sentence_at(c.start)
    k = bisect.bisect_right(q_starts, c.start) - 1
    inq = k >= 0 and doc.quotes[k].start < c.start and c.end <= doc.quotes[k].end
    return make_mention({
        "article_id": aid, "mention_id": mention_id(aid, c.start, c.end),
        "entity_id": entity_id(aid, canonical) if canonical else "",
        "entity": canonical, "entity_type": etype, "surface": surface, "start": c.start, "end": c.end,
        "sentence_id": sent.sentence_id, "paragraph_id": sent.paragraph_id, "zone": sent.zone,
        "mention_kind": kind, "in_quote": inq, "rule": c.rule + (":" + c.how if c.how else ""),
    })


def mentions_table(doc: Doc, mentions: list[Mention]) -> pd.DataFrame:
    """One row per mention (see :data:`MENTION_COLUMNS`), in text order."""
    if not mentions:
        return empty_table(MENTION_COLUMNS)
    return typed_frame(mention_columns(mentions), MENTION_COLUMNS)


def mention_columns(mentions: list[Mention]) -> dict[str, list]:
    """The rows of :func:`mentions_table` as column lists (column → values)."""
    return {col: [getattr(m, col) for m in mentions] for col in MENTION_COLUMNS}


#: Display order of entity types, and one colour per type for every chart.
TYPE_COLOURS: dict[str, str] = vocabulary.ENTITY_TYPE_COLOURS


def entity_summary(table: pd.DataFrame, zones: tuple[str, ...] | None = None) -> pd.DataFrame:
    """One row per resolved entity: mentions in total and by kind, quoted share, first offset.

    Sorted by mentions (descending), then first offset, then entity_id; unresolved
    mentions (empty ``entity_id``) are left out.  ``zones`` restricts the count.
    """
    cols = ["entity_id", "entity", "entity_type", "mentions", "name", "alias", "role", "pronoun",
            "in_quote", "first_start"]
    t = table[table["entity_id"] != ""]
    if zones is not None:
        t = t[t["zone"].isin(zones)]
    if t.empty:
        return pd.DataFrame({c: [] for c in cols})
    kinds = pd.crosstab(t["entity_id"], t["mention_kind"]).reindex(columns=list(MENTION_KINDS), fill_value=0)
    g = t.groupby("entity_id").agg(entity=("entity", "first"), entity_type=("entity_type", "first"),
                                   mentions=("mention_id", "size"), in_quote=("in_quote", "sum"),
                                   first_start=("start", "min"))
    out = g.join(kinds).reset_index()
    out = out.sort_values(["mentions", "first_start", "entity_id"], ascending=[False, True, True], kind="stable")
    out = out[cols].reset_index(drop=True)
    for c in ("mentions", "name", "alias", "role", "pronoun", "in_quote", "first_start"):
        out[c] = out[c].astype("int64")
    return out


def cooccurrence(table: pd.DataFrame, entity_ids: list[str]) -> pd.DataFrame:
    """Sentences in which each pair of the given entities is mentioned together.

    A square frame indexed by entity name (in the given order); the diagonal holds the
    number of sentences mentioning the entity at all.
    """
    names = table.drop_duplicates("entity_id").set_index("entity_id")["entity"]
    sents = table[table["entity_id"].isin(entity_ids)].groupby("entity_id")["sentence_id"].apply(set)
    labels = [str(names.get(e, e)) for e in entity_ids]
    data = [[len(sents.get(a, set()) & sents.get(b, set())) for b in entity_ids] for a in entity_ids]
    return pd.DataFrame(data, index=labels, columns=labels, dtype="int64")


def quote_split(table: pd.DataFrame, entity_ids: list[str]) -> pd.DataFrame:
    """Per entity: mentions inside quotations and in narration, and the quoted share (0–1)."""
    rows = []
    for e in entity_ids:
        t = table[table["entity_id"] == e]
        q = int(t["in_quote"].sum())
        rows.append({"entity": str(t["entity"].iloc[0]) if len(t) else e, "in_quote": q,
                     "narration": int(len(t) - q), "quoted_share": round(q / len(t), 3) if len(t) else 0.0})
    return pd.DataFrame(rows, columns=["entity", "in_quote", "narration", "quoted_share"])
