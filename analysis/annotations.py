"""Analyst annotations on claims: ``data/annotations/claims.csv``.

One row per annotation: ``article_id, claim_id, label, note, author, updated``
(``updated`` an ISO date, or empty).  Annotations are keyed by the article and
the stable ``claim_id`` of :mod:`analysis.claims`, so they survive re-runs and
edits elsewhere in the article.  When a claim's text changes its id changes,
and its annotations no longer find it: :func:`join` returns them as
**orphans** (never dropped silently), so the analyst can re-key or retire them.

Reading is strict (:func:`read_annotations`): the file must be UTF-8 (a
byte-order mark, as Excel's "CSV UTF-8" writes, is accepted), every row must
have as many fields as the header, ``article_id`` and ``claim_id`` must be
filled, ``updated`` must be an ISO date, and no note may appear twice.  A
problem raises :class:`AnnotationError`, whose message is one line
``<file>: line N: <problem>``.

Identity of a note: :data:`KEY_COLUMNS` = *(article_id, claim_id, label,
author)* — who put which label on which claim.  ``note`` and ``updated`` are
its content: editing a note keeps its key.  Two rows with the same key are a
duplicate (an exact repeat is the commonest case) and an error, since either
the same claim would be counted twice or one of two notes would silently win.

Writing (:func:`update_annotations`, :func:`save_annotations`) never replaces
the file with a table held in memory: under a lock on the file, it reads what
is on disk, removes exactly the keys it was asked to remove, adds or replaces
the rows it was given (same key = an edit), and writes the result atomically
(temp file + rename).  So two sessions that each add a note both keep theirs,
and saving a filtered table deletes nothing.  Two sessions editing the *same*
note: a save that would replace a note dated later than its own copy is refused
(:func:`stale_edit`); with equal dates the later save wins.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.lexicons import DATA_DIR
from analysis.textio import InputError, write_atomic

ANNOTATIONS_PATH: Path = DATA_DIR / "annotations" / "claims.csv"

ANNOTATION_COLUMNS: dict[str, str] = {
    "article_id": "string",  # the article the claim belongs to
    "claim_id": "string",  # analysis.claims claim_id
    "label": "string",  # short tag: "check: number", "context needed", …
    "note": "string",  # free text
    "author": "string",  # who wrote it
    "updated": "string",  # ISO date of the last change
}

#: What identifies one note: who (author) put which label on which claim of which article.
KEY_COLUMNS: tuple[str, ...] = ("article_id", "claim_id", "label", "author")
#: Columns that may not be empty: the join needs both.
REQUIRED_VALUES: tuple[str, ...] = ("article_id", "claim_id")
#: Seconds a save waits for another session's save before giving up.
LOCK_TIMEOUT_S: float = 30.0


class AnnotationError(InputError, ValueError):
    """A bad annotations file or table; ``str(err)`` is ``<file>: line N: <problem>``."""

    def __init__(self, path: str | Path, problem: str, line: int | None = None, unit: str = "line") -> None:
        self.line = line
        super().__init__(path, problem if line is None else f"{unit} {line}: {problem}")


def empty_annotations() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in ANNOTATION_COLUMNS.items()})


# --- reading -------------------------------------------------------------------

def decode_annotations(data: bytes, path: str | Path = "<annotations>") -> str:
    """UTF-8 text of an annotations file; a UTF-8 byte-order mark is dropped.

    Anything else (a Latin-1 or Windows-1252 file, UTF-16) is an error naming the
    line of the first bad byte: guessing the encoding could garble a note silently.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise AnnotationError(path, "UTF-16 text, not UTF-8: save it as 'CSV UTF-8'", 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise AnnotationError(
            path, f"not UTF-8 (byte 0x{data[err.start]:02x}): save the file as 'CSV UTF-8'", line
        ) from None


def _records(text: str, path: str | Path) -> list[tuple[int, list[str]]]:
    """``(first line, fields)`` of every non-blank CSV record (a quoted note may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    out: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for fields in reader:
            if any(f.strip() for f in fields):  # blank lines and rows of empty cells carry nothing
                out.append((start, fields))
            start = reader.line_num + 1
    except csv.Error as err:
        raise AnnotationError(path, f"bad CSV quoting ({err}); a quote inside a note is written twice (\"\")",
                              start) from None
    return out


def _check_header(header: list[str], path: str | Path, line: int) -> None:
    missing = [c for c in ANNOTATION_COLUMNS if c not in header]
    if missing:
        raise AnnotationError(path, f"missing column(s) {', '.join(missing)}", line)
    seen: set[str] = set()
    for i, name in enumerate(header, 1):
        if not name.strip():
            raise AnnotationError(path, f"column {i} has no name", line)
        if name in seen:
            raise AnnotationError(path, f"column {name!r} appears twice", line)
        seen.add(name)


def is_iso_date(value: str) -> bool:
    """True for ``2026-11-28`` (or a full ISO date-time); Excel's ``28/11/2026`` is not."""
    try:
        (dt.date if len(value) == 10 else dt.datetime).fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_row(row: dict[str, str], path: str | Path, line: int, unit: str = "line") -> None:
    for c in REQUIRED_VALUES:
        if not row[c].strip():
            raise AnnotationError(path, f"empty {c}", line, unit)
    if row["updated"] and not is_iso_date(row["updated"]):
        raise AnnotationError(path, f"updated {row['updated']!r} is not an ISO date (YYYY-MM-DD)", line, unit)


def _check_duplicates(rows: list[tuple[int, dict[str, str]]], path: str | Path, unit: str = "line") -> None:
    first: dict[tuple[str, ...], tuple[int, dict[str, str]]] = {}
    for line, row in rows:
        key = tuple(row[c] for c in KEY_COLUMNS)
        if key in first:
            was, other = first[key]
            what = "repeats" if other == row else "same article_id, claim_id, label and author as"
            raise AnnotationError(path, f"duplicate note: {what} {unit} {was}", line, unit)
        first[key] = (line, row)


def parse_annotations(text: str, path: str | Path = "<annotations>") -> pd.DataFrame:
    """Annotations from CSV text (strict; see the module doc).  Raises :class:`AnnotationError`
    naming ``path`` and the line.  Extra columns are kept after the schema's."""
    text = text.removeprefix("\ufeff")
    records = _records(text, path)
    if not records:
        raise AnnotationError(path, "empty file: no header line", 1)
    (hline, header), body = records[0], records[1:]
    _check_header(header, path, hline)
    rows: list[tuple[int, dict[str, str]]] = []
    for line, fields in body:
        if len(fields) != len(header):
            raise AnnotationError(
                path, f"{len(fields)} fields, expected {len(header)} ({','.join(header)}); "
                      "a note containing a comma must be in double quotes", line)
        row = dict(zip(header, fields))
        _check_row(row, path, line)
        rows.append((line, row))
    _check_duplicates(rows, path)
    frame = pd.DataFrame([r for _, r in rows], columns=header).astype("string")
    extra = [c for c in header if c not in ANNOTATION_COLUMNS]
    return frame[list(ANNOTATION_COLUMNS) + extra].reset_index(drop=True)


def read_annotations(path: str | Path) -> pd.DataFrame:
    """The annotations at ``path``, which must exist (strict; :class:`AnnotationError` otherwise)."""
    p = Path(path)
    if not p.exists():
        raise AnnotationError(path, "no such file")
    if p.is_dir():
        raise AnnotationError(path, "is a folder, not a file")
    try:
        data = p.read_bytes()
    except OSError as err:
        raise AnnotationError(path, f"cannot read ({err.strerror})") from None
    return parse_annotations(decode_annotations(data, path), path)


def load_annotations(path: str | Path | None = None) -> pd.DataFrame:
    """The annotations at ``path`` (default :data:`ANNOTATIONS_PATH`); a missing file is an
    empty table, a bad one raises :class:`AnnotationError`."""
    p = ANNOTATIONS_PATH if path is None else Path(path)
    if not p.exists():
        return empty_annotations()
    return read_annotations(p)


# --- writing -------------------------------------------------------------------

def csv_field(value: str) -> str:
    """One CSV field: in double quotes (inner quotes doubled) when it holds a comma, a quote or
    a line break -- a lone CR included, which Python 3.11's csv writer leaves bare."""
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def to_csv_text(annotations: pd.DataFrame) -> str:
    """CSV text of an annotations table (LF line ends), sorted by article, claim, label, author,
    updated; extra columns after the schema's."""
    frame = annotations.copy()
    for c in ANNOTATION_COLUMNS:
        if c not in frame:
            frame[c] = ""
    frame = frame.astype("string").fillna("")
    frame = frame[list(ANNOTATION_COLUMNS) + [c for c in frame.columns if c not in ANNOTATION_COLUMNS]]
    frame = frame.sort_values([*KEY_COLUMNS, "updated"], kind="stable")
    lines = [",".join(csv_field(str(c)) for c in frame.columns)]
    lines += [",".join(csv_field(v) for v in row) for row in frame.itertuples(index=False)]
    return "\n".join(lines) + "\n"


def _as_table(rows: pd.DataFrame | None, what: str) -> pd.DataFrame:
    """``rows`` checked as annotations to add: schema columns, required values, no duplicate keys."""
    if rows is None or len(rows) == 0:
        return empty_annotations()
    frame = rows.copy()
    for c in ANNOTATION_COLUMNS:
        if c not in frame:
            frame[c] = ""
    frame = frame.astype("string").fillna("")
    extra = [c for c in frame.columns if c not in ANNOTATION_COLUMNS]
    frame = frame[list(ANNOTATION_COLUMNS) + extra].reset_index(drop=True)
    checked = [(i + 1, {str(k): str(v) for k, v in r.items()}) for i, r in enumerate(frame.to_dict("records"))]
    for n, row in checked:
        _check_row(row, what, n, "row")
    _check_duplicates(checked, what, "row")
    return frame


def annotation_keys(rows: pd.DataFrame | Iterable[tuple[str, str, str, str]] | None) -> set[tuple[str, ...]]:
    """Keys (:data:`KEY_COLUMNS`) of a table of annotations, or of ``(article_id, claim_id, label,
    author)`` tuples."""
    if rows is None:
        return set()
    if isinstance(rows, pd.DataFrame):
        missing = [c for c in KEY_COLUMNS if c not in rows]
        if missing:
            raise AnnotationError("<rows to remove>", f"missing column(s) {', '.join(missing)}")
        return {tuple(r) for r in rows[list(KEY_COLUMNS)].astype("string").fillna("").itertuples(index=False)}
    keys = {tuple("" if v is None else str(v) for v in k) for k in rows}
    bad = [k for k in keys if len(k) != len(KEY_COLUMNS)]
    if bad:
        raise AnnotationError("<rows to remove>", f"a key is ({', '.join(KEY_COLUMNS)}), got {bad[0]!r}")
    return keys


def _keys(frame: pd.DataFrame) -> pd.Series:
    return pd.Series(list(zip(*(frame[c].astype(str) for c in KEY_COLUMNS))), index=frame.index, dtype=object)


def stale_edit(current: pd.DataFrame, add: pd.DataFrame) -> str | None:
    """A problem line when a row of ``add`` would overwrite a *newer* version of the same note
    (both dated, the file's later): a session saving an old copy must not undo another's edit."""
    cols = list(ANNOTATION_COLUMNS)
    disk = dict(zip(_keys(current), current[cols].to_dict("records")))
    for k, row in zip(_keys(add), add[cols].to_dict("records")):
        old = disk.get(k)
        if old and old != row and row["updated"] and old["updated"] and row["updated"] < old["updated"]:
            return (f"note {k} was changed in the file on {old['updated']}, after your copy "
                    f"({row['updated']}): reload the file and edit again")
    return None


def merge_annotations(current: pd.DataFrame, add: pd.DataFrame, remove: set[tuple[str, ...]]) -> pd.DataFrame:
    """``current`` without the ``remove`` keys and the keys of ``add``, then ``add``'s rows."""
    drop = remove | set(_keys(add)) if len(add) else set(remove)
    kept = current[~_keys(current).isin(drop)] if len(current) else current
    merged = pd.concat([kept, add], ignore_index=True) if len(add) else kept.reset_index(drop=True)
    return merged.astype("string").fillna("")


def lock_path(path: str | Path) -> Path:
    """The lock file guarding saves to ``path`` (hidden, beside it)."""
    p = Path(path)
    return p.with_name(f".{p.name}.lock")


def update_annotations(path: str | Path | None = None, add: pd.DataFrame | None = None,
                       remove: pd.DataFrame | Iterable[tuple[str, str, str, str]] | None = None,
                       *, timeout: float = LOCK_TIMEOUT_S) -> pd.DataFrame:
    """Add/replace the rows of ``add`` and delete the keys in ``remove`` in the file at ``path``
    (default :data:`ANNOTATIONS_PATH`); every other row on disk is kept.  Returns the new table.

    Under a lock (:func:`lock_path`), so concurrent saves are applied one after the other;
    the file is re-read inside the lock and written atomically.  A bad file on disk is not
    overwritten: :class:`AnnotationError`.  A byte-order mark on disk is kept (Excel needs it).
    """
    from filelock import FileLock, Timeout

    p = ANNOTATIONS_PATH if path is None else Path(path)
    rows = _as_table(add, "<rows to add>")
    drop = annotation_keys(remove)
    p.parent.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(str(lock_path(p)), timeout=timeout):
            data = p.read_bytes() if p.exists() else b""
            current = parse_annotations(decode_annotations(data, p), p) if data else empty_annotations()
            stale = stale_edit(current, rows) if len(current) and len(rows) else None
            if stale:
                raise AnnotationError(p, stale)
            merged = merge_annotations(current, rows, drop)
            bom = "\ufeff" if data.startswith(codecs.BOM_UTF8) else ""
            write_atomic(p, bom + to_csv_text(merged))
    except Timeout:
        raise AnnotationError(p, f"another session holds {lock_path(p).name} for more than {timeout:g} s") from None
    return merged


def save_annotations(annotations: pd.DataFrame, path: str | Path | None = None, *,
                     remove: pd.DataFrame | Iterable[tuple[str, str, str, str]] | None = None) -> None:
    """Save the rows of ``annotations`` into the file, merged with what is on disk
    (:func:`update_annotations`): rows not in ``annotations`` are kept, not deleted;
    delete with ``remove=``."""
    update_annotations(path, add=annotations, remove=remove)


def add_annotation(annotations: pd.DataFrame, article_id: str, claim_id: str, label: str,
                   note: str = "", author: str = "", updated: str = "") -> pd.DataFrame:
    """A new table with one more annotation (the input is not modified; nothing is written)."""
    for name, value in (("article_id", article_id), ("claim_id", claim_id)):
        if not value:
            raise AnnotationError("<new annotation>", f"{name} is required")
    row = pd.DataFrame([{"article_id": article_id, "claim_id": claim_id, "label": label, "note": note,
                         "author": author, "updated": updated}]).astype("string")
    return pd.concat([annotations, row], ignore_index=True)


# --- joining -------------------------------------------------------------------

@dataclass(frozen=True)
class Joined:
    """The claims table with annotations joined, and the annotations that found no claim."""

    table: pd.DataFrame
    orphans: pd.DataFrame


def orphans(claims: pd.DataFrame, annotations: pd.DataFrame, article_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Annotations of the claims' articles (or of ``article_ids``, so an article without claims
    is judged too) whose ``(article_id, claim_id)`` is not in ``claims``; annotations of other
    articles are not judged."""
    arts = set(claims["article_id"].astype(str)) if article_ids is None else {str(a) for a in article_ids}
    live = set(zip(claims["article_id"].astype(str), claims["claim_id"].astype(str)))
    pairs = pd.Series(list(zip(annotations["article_id"].astype(str), annotations["claim_id"].astype(str))),
                      index=annotations.index, dtype=object)
    lost = annotations["article_id"].astype(str).isin(arts) & ~pairs.isin(live)
    return annotations[lost].reset_index(drop=True)


def join(claims: pd.DataFrame, annotations: pd.DataFrame) -> Joined:
    """Left-join annotations onto claims by ``article_id`` and ``claim_id``: one row per claim
    and annotation (a claim without annotation keeps one row with empty annotation fields),
    plus orphans."""
    keys = ["article_id", "claim_id"]
    ann = annotations.rename(columns={"updated": "annotation_updated"}).astype({k: str for k in keys})
    left = claims.astype({k: str for k in keys})
    table = left.merge(ann, on=keys, how="left", sort=False)
    for c in ("label", "note", "author", "annotation_updated"):
        table[c] = table[c].astype("string").fillna("")
    for k in keys:
        table[k] = table[k].astype(claims[k].dtype)
    return Joined(table, orphans(claims, annotations))
