"""The claims table and the summaries the notebooks chart (speakers, attribution shares,
categories, positions, who talks about whom)."""
from __future__ import annotations

import re

import pandas as pd

from analysis import vocabulary
from analysis.claims.flags import categories
from analysis.claims.records import ACTOR_TYPES, ATTRIBUTIONS, CLAIM_COLUMNS, ID_SEP, Claim
from analysis.tokenise import Doc

_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


def claims_table(doc: Doc, claims: list[Claim]) -> pd.DataFrame:
    """One row per claim (see :data:`CLAIM_COLUMNS`); ``text`` is the content span."""
    from analysis.tables import typed_frame

    return typed_frame(claim_columns(claims), CLAIM_COLUMNS)


#: Columns of the claims table copied from the :class:`Claim` attribute of the same name.
_SAME_NAME: tuple[str, ...] = tuple(c for c in CLAIM_COLUMNS if c not in ("text", "entity_ids", "content"))


def claim_columns(claims: list[Claim]) -> dict[str, list]:
    """The rows of :func:`claims_table` as column lists (column → values)."""
    cols = {c: [getattr(cl, c) for cl in claims] for c in _SAME_NAME}
    cols["text"] = [cl.content for cl in claims]
    cols["entity_ids"] = [ID_SEP.join(cl.entity_ids) for cl in claims]
    cols["content"] = [cl.content_text for cl in claims]
    return {c: cols[c] for c in CLAIM_COLUMNS}


# --- summaries for the notebook ---------------------------------------------------------------

#: Label of narrator claims and of attributed claims without a speaker in summaries.
NARRATOR_LABEL: str = vocabulary.NARRATOR_LABEL
UNKNOWN_LABEL: str = vocabulary.UNRESOLVED_SPEAKER


def _speaker_label(row) -> str:
    speaker = row["speaker"]
    return vocabulary.speaker_label(row["attribution"], "" if pd.isna(speaker) else str(speaker))


def quoted_words(quote: str) -> int:
    """Words inside quotation marks (the ``quote`` column)."""
    return len(_WORD.findall(quote or ""))


def speaker_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker of attributed claims: claims by attribution type, quoted words,
    first paragraph; sorted by claims, quoted words (descending), then name."""
    att = claims[claims["attribution"] != "narrator"].copy()
    cols = ["speaker", "claims", "direct", "mixed", "indirect", "quoted_words", "first_paragraph"]
    if att.empty:
        return pd.DataFrame({c: pd.Series([], dtype="string" if c == "speaker" else "int64") for c in cols})
    att["who"] = [_speaker_label(r) for _, r in att.iterrows()]
    att["qw"] = att["quote"].fillna("").map(quoted_words)
    rows = []
    for who, g in att.groupby("who", sort=True):
        rows.append({"speaker": who, "claims": len(g),
                     **{a: int((g["attribution"] == a).sum()) for a in ("direct", "mixed", "indirect")},
                     "quoted_words": int(g["qw"].sum()), "first_paragraph": int(g["paragraph_id"].min())})
    out = pd.DataFrame(rows, columns=cols).astype({"speaker": "string"})
    return out.sort_values(["claims", "quoted_words", "speaker"], ascending=[False, False, True], kind="stable").reset_index(drop=True)


def attribution_shares(claims: pd.DataFrame) -> pd.DataFrame:
    """Per speaker (narrator included): count and share of each attribution type."""
    t = claims.copy()
    t["who"] = [_speaker_label(r) for _, r in t.iterrows()]
    counts = pd.crosstab(t["who"], t["attribution"]).reindex(columns=list(ATTRIBUTIONS), fill_value=0)
    counts = counts.astype("int64")
    counts["total"] = counts.sum(axis=1)
    counts = counts.sort_values(["total"], ascending=False, kind="stable")
    counts = counts.loc[sorted(counts.index, key=lambda w: (-counts.loc[w, "total"], w == NARRATOR_LABEL, w))]
    counts.index.name = "speaker"
    counts.columns.name = None
    return counts.reset_index()


def category_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """Per category (priority order): claims by attribution type, and how many carry a
    number or a date (check-worthy)."""
    rows = []
    for cat in categories():
        g = claims[claims["category"] == cat]
        rows.append({"category": cat, "claims": len(g),
                     **{a: int((g["attribution"] == a).sum()) for a in ATTRIBUTIONS},
                     "with_number": int(g["has_number"].sum()), "with_date": int(g["has_date"].sum())})
    return pd.DataFrame(rows)


def claim_positions(claims: pd.DataFrame, text_length: int) -> pd.DataFrame:
    """Where each claim falls: relative position (0 = start, 1 = end of the text), paragraph,
    speaker label and attribution; in reading order."""
    t = claims.sort_values(["start", "claim_id"], kind="stable").reset_index(drop=True)
    return pd.DataFrame({
        "claim_id": t["claim_id"], "paragraph_id": t["paragraph_id"], "start": t["start"],
        "position": (t["start"] / max(1, text_length)).round(3),
        "speaker": [_speaker_label(r) for _, r in t.iterrows()], "attribution": t["attribution"],
        "zone": t["zone"],
    })


def speaker_entity_edges(claims: pd.DataFrame, mentions: pd.DataFrame,
                         types: tuple[str, ...] = ACTOR_TYPES) -> pd.DataFrame:
    """Who talks about whom: (speaker, mentioned entity) pairs over attributed claims, with
    the number of claims; the speaker's own entity is left out, and only entities of
    ``types``. Entity names and types come from the mentions table; sorted by claims
    (descending), speaker, entity."""
    mentions = mentions[mentions["entity_type"].isin(types)]
    names = (mentions[mentions["entity_id"].fillna("") != ""]
             .drop_duplicates("entity_id").set_index("entity_id")[["entity", "entity_type"]])
    rows = []
    for _, r in claims[claims["attribution"] != "narrator"].iterrows():
        for eid in [e for e in str(r["entity_ids"] or "").split(ID_SEP) if e]:
            if eid == r["speaker_entity_id"] or eid not in names.index:
                continue
            rows.append({"speaker": _speaker_label(r), "entity": names.loc[eid, "entity"],
                         "entity_type": names.loc[eid, "entity_type"], "claim_id": r["claim_id"]})
    cols = ["speaker", "entity", "entity_type", "claims"]
    if not rows:
        return pd.DataFrame({c: pd.Series([], dtype="string" if c != "claims" else "int64") for c in cols})
    e = pd.DataFrame(rows).drop_duplicates()
    out = e.groupby(["speaker", "entity", "entity_type"], as_index=False).agg(claims=("claim_id", "nunique"))
    return out.sort_values(["claims", "speaker", "entity"], ascending=[False, True, True], kind="stable").reset_index(drop=True)
