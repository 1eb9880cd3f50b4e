"""Compare two output folders of ``python -m analysis build`` table by table.

Usage::

    python scripts/compare_claims_tables.py OLD_DIR NEW_DIR [--ignore-columns pattern]

Every ``*.csv`` in either folder is read as text (no type guessing); a table is
identical when both have the same columns (minus the ignored ones, default
``pattern``) and the same cells in the same order. Prints one line per table and the
first differing rows; exits 0 when all are identical, 1 otherwise, 2 on bad input.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd


def compare_table(old: Path, new: Path, ignore: set[str], show: int = 5) -> list[str]:
    """Differences between two CSV tables (empty when identical)."""
    a = pd.read_csv(old, dtype=str, keep_default_na=False)
    b = pd.read_csv(new, dtype=str, keep_default_na=False)
    a = a[[c for c in a.columns if c not in ignore]]
    b = b[[c for c in b.columns if c not in ignore]]
    if list(a.columns) != list(b.columns):
        return [f"columns differ: {list(a.columns)} vs {list(b.columns)}"]
    if len(a) != len(b):
        return [f"rows differ: {len(a)} vs {len(b)}"]
    diff = (a != b).any(axis=1)
    out = []
    for i in list(diff[diff].index)[:show]:
        cols = [c for c in a.columns if a.at[i, c] != b.at[i, c]]
        out.append(f"row {i}: " + "; ".join(f"{c}: {a.at[i, c]!r} -> {b.at[i, c]!r}" for c in cols))
    if diff.sum() > show:
        out.append(f"… {int(diff.sum()) - show} more rows differ")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--ignore-columns", default="pattern", help="comma-separated columns to leave out")
    args = ap.parse_args(argv)
    for d in (args.old, args.new):
        if not d.is_dir():
            print(f"error: {d}: not a folder", file=sys.stderr)
            return 2
    ignore = {c for c in args.ignore_columns.split(",") if c}
    names = sorted({p.name for p in args.old.glob("*.csv")} | {p.name for p in args.new.glob("*.csv")})
    same = True
    for name in names:
        old, new = args.old / name, args.new / name
        if not (old.exists() and new.exists()):
            print(f"{name}: only in {'new' if new.exists() else 'old'}")
            same = False
            continue
        diffs = compare_table(old, new, ignore)
        print(f"{name}: {'identical' if not diffs else 'DIFFERS'}")
        for d in diffs:
            print(f"  {d}")
        same &= not diffs
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
