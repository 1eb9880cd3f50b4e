"""Analyst annotations on claims: ``data/annotations/claims.csv``.

One row per annotation: ``article_id, claim_id, label, note, author, updated``
(``updated`` an ISO date).  Annotations are keyed by the stable ``claim_id`` of
:mod:`analysis.claims`, so they survive re-runs and edits elsewhere in the
article.  When a claim's text changes its id changes, and its annotations no
longer find it: :func:`join` returns them as **orphans** (never dropped
silently), so the analyst can re-key or retire them.

The file is written atomically (:func:`analysis.textio.write_atomic`).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.lexicons import DATA_DIR
from analysis.textio import write_atomic

ANNOTATIONS_PATH: Path = DATA_DIR / "annotations" / "claims.csv"

ANNOTATION_COLUMNS: dict[str, str] = {
    "article_id": "string",  # the article the claim belongs to
    "claim_id": "string",  # analysis.claims claim_id
    "label": "string",  # short tag: "check: number", "context needed", …
    "note": "string",  # free text
    "author": "string",  # who wrote it
    "updated": "string",  # ISO date of the last change
}


class AnnotationError(ValueError):
    """A malformed annotations file (missing columns, empty claim ids)."""


def empty_annotations() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in ANNOTATION_COLUMNS.items()})


def parse_annotations(text: str) -> pd.DataFrame:
    """Annotations from CSV text; raises :class:`AnnotationError` if a column is missing
    or a row has no claim id.  Extra columns are kept after the schema's."""
    rows = list(csv.DictReader(io.StringIO(text)))
    header = list(csv.reader(io.StringIO(text.splitlines()[0] if text.strip() else "")))
    cols = header[0] if header else []
    missing = [c for c in ANNOTATION_COLUMNS if c not in cols]
    if missing:
        raise AnnotationError(f"annotations: missing column(s) {', '.join(missing)}")
    if not rows:
        return empty_annotations()
    frame = pd.DataFrame(rows, columns=cols).astype("string")
    frame = frame.fillna("")
    if (frame["claim_id"].str.strip() == "").any():
        raise AnnotationError("annotations: a row has an empty claim_id")
    extra = [c for c in cols if c not in ANNOTATION_COLUMNS]
    return frame[list(ANNOTATION_COLUMNS) + extra].reset_index(drop=True)


def load_annotations(path: str | Path = ANNOTATIONS_PATH) -> pd.DataFrame:
    """The annotations at ``path``; a missing file is an empty table."""
    p = Path(path)
    if not p.exists():
        return empty_annotations()
    return parse_annotations(p.read_text(encoding="utf-8"))


def to_csv_text(annotations: pd.DataFrame) -> str:
    """CSV text of an annotations table, sorted by article, claim, label, updated."""
    frame = annotations.copy()
    for c in ANNOTATION_COLUMNS:
        if c not in frame:
            frame[c] = ""
    frame = frame.fillna("").sort_values(["article_id", "claim_id", "label", "updated"], kind="stable")
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def save_annotations(annotations: pd.DataFrame, path: str | Path = ANNOTATIONS_PATH) -> None:
    """Write the table atomically (temp file + rename)."""
    write_atomic(path, to_csv_text(annotations))


def add_annotation(annotations: pd.DataFrame, article_id: str, claim_id: str, label: str,
                   note: str = "", author: str = "", updated: str = "") -> pd.DataFrame:
    """A new table with one more annotation (the input is not modified)."""
    if not claim_id:
        raise AnnotationError("annotations: claim_id is required")
    row = pd.DataFrame([{"article_id": article_id, "claim_id": claim_id, "label": label, "note": note,
                         "author": author, "updated": updated}]).astype("string")
    return pd.concat([annotations, row], ignore_index=True)


@dataclass(frozen=True)
class Joined:
    """The claims table with annotations joined, and the annotations that found no claim."""

    table: pd.DataFrame
    orphans: pd.DataFrame


def orphans(claims: pd.DataFrame, annotations: pd.DataFrame) -> pd.DataFrame:
    """Annotations of the claims' articles whose ``claim_id`` is not in ``claims``
    (annotations of other articles are not judged)."""
    arts = set(claims["article_id"].astype(str))
    ids = set(claims["claim_id"].astype(str))
    mine = annotations["article_id"].isin(arts) | (annotations["article_id"].fillna("") == "")
    lost = mine & ~annotations["claim_id"].isin(ids)
    return annotations[lost].reset_index(drop=True)


def join(claims: pd.DataFrame, annotations: pd.DataFrame) -> Joined:
    """Left-join annotations onto claims by ``claim_id``: one row per claim and annotation
    (a claim without annotation keeps one row with empty annotation fields), plus orphans."""
    ann = annotations.drop(columns=["article_id"]).rename(columns={"updated": "annotation_updated"})
    table = claims.merge(ann, on="claim_id", how="left", sort=False)
    for c in ("label", "note", "author", "annotation_updated"):
        table[c] = table[c].astype("string").fillna("")
    return Joined(table, orphans(claims, annotations))
