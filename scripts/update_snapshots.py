#!/usr/bin/env python
"""Write the table snapshots that ``tests/test_table_snapshots.py`` compares against.

Usage::

    python scripts/update_snapshots.py          # rewrite tests/snapshots/ from the current code
    python scripts/update_snapshots.py --check  # exit 1 and list what differs, write nothing

For the seed article and every text fixture under ``tests/fixtures/`` the four
tables are encoded exactly as ``python -m analysis build`` writes them (CSV);
``sentences``, ``mentions`` and ``claims`` are stored whole (readable diffs in
review), ``tokens`` as its row count and SHA-256 (it is large and derived from
the same spans).  Rewrite the snapshots only for a change you mean, and list its
effect in the commit message.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = ROOT / "tests" / "snapshots"
WHOLE = ("sentences", "mentions", "claims")


def sources() -> list[Path]:
    """The seed plus every ``.txt`` fixture, in a fixed order."""
    seed = sorted((ROOT / "data" / "raw").glob("*.txt"))
    return seed + sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))


def snapshot_name(path: Path) -> str:
    """``articles__sports`` for ``tests/fixtures/articles/sports.txt``; ``seed__<stem>`` for data/raw."""
    if path.parent.name == "raw":
        return f"seed__{path.stem}"
    return f"{path.parent.name}__{path.stem}"


def encode(path: Path) -> dict[str, str]:
    """File name → content of one article's snapshot files."""
    sys.path.insert(0, str(ROOT))
    from analysis.engine import encode_table
    from analysis.pipeline import analyse_path

    out: dict[str, str] = {}
    tokens = ""
    for name, df in analyse_path(path).items():
        header, body = encode_table(df, "csv")
        text = header + "\n" + body
        if name in WHOLE:
            out[f"{name}.csv"] = text
        else:
            tokens = text
    out["tokens.json"] = json.dumps({"rows": tokens.count("\n") - 1,
                                     "sha256": hashlib.sha256(tokens.encode("utf-8")).hexdigest()},
                                    indent=1) + "\n"
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare only; exit 1 when anything differs")
    args = ap.parse_args(argv)
    differ = []
    for path in sources():
        folder = SNAPSHOTS / snapshot_name(path)
        for fname, text in encode(path).items():
            target = folder / fname
            if target.exists() and target.read_text(encoding="utf-8") == text:
                continue
            differ.append(str(target.relative_to(SNAPSHOTS.parent.parent)))
            if not args.check:
                folder.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    for d in differ:
        print(("differs: " if args.check else "wrote: ") + d)
    return 1 if args.check and differ else 0


if __name__ == "__main__":
    sys.exit(main())
