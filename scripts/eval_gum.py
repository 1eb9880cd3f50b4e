#!/usr/bin/env python
"""Score names, coreference and pronoun resolution on GUM (gold coreference chains).

Usage:  python scripts/eval_gum.py PATH/TO/gum-dev [--genre GENRE ...]

For every ``<doc>.conllu`` with its ``<doc>.conll`` in PATH, the plain text is rebuilt
from the words (:mod:`analysis.evaluate.gum`), analysed by
:func:`analysis.pipeline.analyse` (zoning, tokens, mentions; nothing GUM-specific), and
scored against the gold mentions:

* names of persons, organizations and places (gold mentions headed by a proper noun,
  the span trimmed to the name), exact and overlap span + type P/R/F1;
* coreference over system mentions aligned to gold person/organization/place mentions:
  pairwise links P/R/F1 and B-cubed P/R/F1, and how many gold mentions were aligned;
* pronouns: he/she/him/her/his of a person, they/them/their/it/its of an organization
  or place (gold pronouns with an antecedent), accuracy counting unresolved as wrong,
  and how many were attempted.

Every figure is printed for the ``tuning`` half, the ``reporting`` half (a fixed split
by document name, :mod:`analysis.evaluate.split`) and ``all``.  A document that cannot
be read, or on which the pipeline raises, is reported as ``error: <file>: <problem>``
and skipped; the others are scored and the exit status is 2.
The corpus is read from PATH at run time and never copied into the repository.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.evaluate import gum, split  # noqa: E402


def _prf(tp: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report_group(label: str, c: Counter, n_docs: int) -> list[str]:
    """The three score blocks of one group."""
    lines = [f"\n== {label} ({n_docs} documents)"]
    for mode in ("exact", "overlap"):
        lines.append(f"names, {mode} span + type")
        lines.append(f"{'type':14s} {'tp':>5s} {'fp':>5s} {'fn':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}")
        for t in (*gum.NAME_TYPES, "ALL"):
            tp, fp, fn = (c[(mode, t, k)] for k in ("tp", "fp", "fn"))
            p, r, f = _prf(tp, tp + fp, tp + fn)
            lines.append(f"{t:14s} {tp:5d} {fp:5d} {fn:5d} {p:6.3f} {r:6.3f} {f:6.3f}")
    p, r, f = _prf(c["links_common"], c["links_pred"], c["links_gold"])
    lines.append(f"coreference over {c['aligned']} system mentions aligned to gold "
                 f"({c['aligned'] / c['gold_mentions'] if c['gold_mentions'] else 0:.3f} of "
                 f"{c['gold_mentions']} gold person/organization/place mentions)")
    lines.append(f"  pairwise links  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
                 f"(common {c['links_common']}, system {c['links_pred']}, gold {c['links_gold']})")
    bp = c["b3_p"] / c["b3_n"] if c["b3_n"] else 0.0
    br = c["b3_r"] / c["b3_n"] if c["b3_n"] else 0.0
    bf = 2 * bp * br / (bp + br) if bp + br else 0.0
    lines.append(f"  B-cubed         P {bp:.3f}  R {br:.3f}  F1 {bf:.3f}")
    for g, what in (("person", "he/she/him/her/his -> person"), ("thing", "they/them/their/it/its -> org/place")):
        n, att, ok = c[f"{g}_n"], c[f"{g}_attempted"], c[f"{g}_correct"]
        acc = ok / n if n else 0.0
        lines.append(f"  pronouns {what:36s} accuracy {acc:.3f} ({ok}/{n}), attempted {att}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="folder of GUM <doc>.conllu + <doc>.conll files")
    ap.add_argument("--genre", action="append", default=[], help="only documents GUM_<genre>_* (repeatable)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print the N most frequent name errors of each kind")
    ap.add_argument("--coref-errors", action="store_true",
                    help="print coreference errors (split chains, merged entities, pronouns) of the --errors-from documents")
    ap.add_argument("--errors-from", choices=split.GROUPS, default="tuning",
                    help="which documents --errors lists (default: the tuning half; keep the reporting half unseen)")
    args = ap.parse_args(argv)
    files = sorted(args.path.glob("*.conllu")) if args.path.is_dir() else []
    if args.genre:
        files = [f for f in files if any(f.stem.startswith(f"GUM_{g}_") for g in args.genre)]
    if not files:
        print(f"error: {args.path}: no GUM .conllu files", file=sys.stderr)
        return 2
    totals = {g: Counter() for g in split.GROUPS}
    n_docs: Counter = Counter()
    errors: Counter = Counter()
    coref_errors: list[str] = []
    failed = 0
    t0 = time.perf_counter()
    for f in files:
        try:
            doc = gum.read_doc(f)
        except gum.GumError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        try:
            mentions = gum.analyse_doc(doc)
        except Exception as exc:  # a pipeline bug must not hide the other documents' scores
            print(f"error: {f}: pipeline failed ({type(exc).__name__}: {exc})", file=sys.stderr)
            failed += 1
            continue
        c = gum.score_doc(doc, mentions)
        if args.errors and args.errors_from in split.groups(doc.name):
            errors.update(gum.name_errors(doc, mentions))
        if args.coref_errors and args.errors_from in split.groups(doc.name):
            coref_errors.extend(gum.coref_errors(doc, mentions))
        for g in split.groups(doc.name):
            totals[g].update(c)
            n_docs[g] += 1
    print(f"GUM: {n_docs['all']} documents scored, {failed} failed, {time.perf_counter() - t0:.1f}s")
    for g in split.GROUPS:
        print("\n".join(report_group(g, totals[g], n_docs[g])))
    for kind in ("fp", "fn") if args.errors else ():
        print(f"\nmost frequent name {kind} ({args.errors_from} documents):")
        for (_, t, surface), n in sorted(((k, n) for k, n in errors.items() if k[0] == kind),
                                         key=lambda kn: (-kn[1], kn[0]))[: args.errors]:
            print(f"  {n:3d} {t:12s} {surface!r}")
    if args.coref_errors:
        print(f"\ncoreference errors ({args.errors_from} documents):")
        print("\n".join(f"  {e}" for e in coref_errors))
    return 2 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
