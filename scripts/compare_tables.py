#!/usr/bin/env python
"""Compare two build output folders table by table.

Usage::

    python scripts/compare_tables.py A B [--ignore-columns COL[,COL...]] [--show N]

``A`` and ``B`` are folders written by ``python -m analysis build <inputs> --out DIR``
(``sentences``, ``tokens``, ``mentions``, ``claims`` as ``.csv`` or ``.parquet``).
Rows are keyed per table:

==========  ==========================
table       key
==========  ==========================
sentences   article_id + sentence_id
tokens      article_id + token_id
mentions    article_id + mention_id
claims      article_id + claim_id
==========  ==========================

(a key that repeats inside one table is numbered by occurrence, so duplicates are
compared in order, never dropped).  For each table the script prints the rows only
in A, only in B, the rows present in both whose other cells differ ("changed"), and
per column how many of those rows differ in it.  Cells are compared as the text the
table holds (CSV read as strings; empty and missing are the same), so a build is
"identical" exactly when every cell reads the same.

Exit status: 0 when every table is identical (ignoring ``--ignore-columns``),
1 when anything differs (including a table or column present on one side only),
2 on bad input (a folder missing, a table unreadable or lacking its key columns).
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

#: Table name → key columns that identify one row across builds.
KEYS: dict[str, tuple[str, ...]] = {
    "sentences": ("article_id", "sentence_id"),
    "tokens": ("article_id", "token_id"),
    "mentions": ("article_id", "mention_id"),
    "claims": ("article_id", "claim_id"),
}
_OCC = "__occurrence"


class BadInput(Exception):
    """A folder or table that cannot be compared (reported as ``error: <file>: <problem>``)."""


@dataclass
class TableDiff:
    """Differences of one table between folder A and folder B."""

    name: str
    rows_a: int = 0
    rows_b: int = 0
    only_a: int = 0
    only_b: int = 0
    changed: int = 0
    columns: dict[str, int] = field(default_factory=dict)   # column → changed rows differing in it
    columns_only_a: list[str] = field(default_factory=list)
    columns_only_b: list[str] = field(default_factory=list)
    missing: str = ""                                        # "A" / "B" when the table exists on one side only
    examples: list[str] = field(default_factory=list)

    @property
    def identical(self) -> bool:
        return not (self.only_a or self.only_b or self.changed or self.columns_only_a
                    or self.columns_only_b or self.missing)


def find_table(folder: Path, name: str) -> Path | None:
    """The file holding table ``name`` in ``folder`` (CSV preferred), or None."""
    for ext in (".csv", ".parquet"):
        p = folder / f"{name}{ext}"
        if p.is_file():
            return p
    return None


def read_table(path: Path) -> pd.DataFrame:
    """A table with every cell as a string (missing → ``""``)."""
    try:
        if path.suffix == ".parquet":
            df = pd.read_parquet(path)
            return df.astype(object).where(df.notna(), "").astype(str)
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as exc:  # pandas raises many types for a broken file
        raise BadInput(f"{path}: cannot read table ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})")


def _keyed(df: pd.DataFrame, key: tuple[str, ...], path: Path) -> pd.DataFrame:
    missing = [k for k in key if k not in df.columns]
    if missing:
        raise BadInput(f"{path}: missing key column(s) {', '.join(missing)}")
    df = df.copy()
    df[_OCC] = df.groupby(list(key), sort=False).cumcount().astype(str)
    return df.set_index([*key, _OCC])


def compare_frames(name: str, a: pd.DataFrame, b: pd.DataFrame, ignore: frozenset[str] = frozenset(),
                   show: int = 0, path_a: Path = Path("A"), path_b: Path = Path("B")) -> TableDiff:
    """Differences between two versions of table ``name`` (cells compared as strings)."""
    key = KEYS[name]
    a = a.drop(columns=[c for c in a.columns if c in ignore and c not in key])
    b = b.drop(columns=[c for c in b.columns if c in ignore and c not in key])
    d = TableDiff(name, rows_a=len(a), rows_b=len(b))
    d.columns_only_a = [c for c in a.columns if c not in b.columns]
    d.columns_only_b = [c for c in b.columns if c not in a.columns]
    ka, kb = _keyed(a, key, path_a), _keyed(b, key, path_b)
    only_a = ka.index.difference(kb.index)
    only_b = kb.index.difference(ka.index)
    d.only_a, d.only_b = len(only_a), len(only_b)
    both = ka.index.intersection(kb.index, sort=False)
    shared = [c for c in ka.columns if c in kb.columns]
    xa = ka.loc[both, shared].fillna("").astype(str)
    xb = kb.loc[both, shared].fillna("").astype(str)
    diff = xa.ne(xb)
    rows = diff.any(axis=1)
    d.changed = int(rows.sum())
    d.columns = {c: int(n) for c, n in diff.sum().items() if n}
    for idx in list(only_a[:show]):
        d.examples.append(f"only in A: {_fmt_key(key, idx)}")
    for idx in list(only_b[:show]):
        d.examples.append(f"only in B: {_fmt_key(key, idx)}")
    for idx in list(rows[rows].index[:show]):
        cols = [c for c in shared if diff.at[idx, c]]
        d.examples.append(f"changed {_fmt_key(key, idx)}: "
                          + "; ".join(f"{c}: {xa.at[idx, c]!r} -> {xb.at[idx, c]!r}" for c in cols))
    return d


def _fmt_key(key: tuple[str, ...], idx: tuple) -> str:
    parts = [f"{k}={v}" for k, v in zip(key, idx)]
    if idx[-1] != "0":
        parts.append(f"#{int(idx[-1]) + 1}")
    return " ".join(parts)


def compare_folders(a: Path, b: Path, ignore: frozenset[str] = frozenset(), show: int = 0) -> list[TableDiff]:
    """One :class:`TableDiff` per table present in either folder (tables in :data:`KEYS` order)."""
    for folder in (a, b):
        if not folder.is_dir():
            raise BadInput(f"{folder}: not a folder")
    out: list[TableDiff] = []
    for name in KEYS:
        pa, pb = find_table(a, name), find_table(b, name)
        if pa is None and pb is None:
            continue
        if pa is None or pb is None:
            out.append(TableDiff(name, rows_a=len(read_table(pa)) if pa else 0,
                                 rows_b=len(read_table(pb)) if pb else 0, missing="B" if pa else "A"))
            continue
        out.append(compare_frames(name, read_table(pa), read_table(pb), ignore, show, pa, pb))
    if not out:
        raise BadInput(f"{a}: no tables ({', '.join(KEYS)}) in either folder")
    return out


def summary(diffs: list[TableDiff]) -> str:
    """A short human-readable report, one block per table."""
    lines = []
    for d in diffs:
        if d.missing:
            lines.append(f"{d.name}: only in {'A' if d.missing == 'B' else 'B'} (missing in {d.missing})")
            continue
        state = "identical" if d.identical else "DIFFERENT"
        lines.append(f"{d.name}: {state}: rows A {d.rows_a}, B {d.rows_b}; only in A {d.only_a}, "
                     f"only in B {d.only_b}, changed {d.changed}")
        if d.columns:
            lines.append("  changed cells per column: "
                         + ", ".join(f"{c} {n}" for c, n in sorted(d.columns.items(), key=lambda x: (-x[1], x[0]))))
        if d.columns_only_a:
            lines.append(f"  columns only in A: {', '.join(d.columns_only_a)}")
        if d.columns_only_b:
            lines.append(f"  columns only in B: {', '.join(d.columns_only_b)}")
        lines.extend(f"  {e}" for e in d.examples)
    same = all(d.identical for d in diffs)
    lines.append("identical" if same else "different")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a", type=Path, help="first build output folder")
    ap.add_argument("b", type=Path, help="second build output folder")
    ap.add_argument("--ignore-columns", action="append", default=[], metavar="COL[,COL...]",
                    help="columns left out of the comparison (repeatable or comma-separated)")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print up to N example rows of each kind")
    args = ap.parse_args(argv)
    ignore = frozenset(c.strip() for arg in args.ignore_columns for c in arg.split(",") if c.strip())
    try:
        diffs = compare_folders(args.a, args.b, ignore, args.show)
    except BadInput as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary(diffs))
    return 0 if all(d.identical for d in diffs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
