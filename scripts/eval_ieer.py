#!/usr/bin/env python
"""Score the mention recogniser on the NIST IE-ER sample.

Usage:  python scripts/eval_ieer.py PATH/TO/ieer [--errors N] [--by-rule]

Runs tokenisation + :func:`analysis.mentions.find_mentions` on the body text of every
IE-ER document and prints precision/recall/F1 per type, mapping PERSON→PERSON,
ORG→ORGANIZATION, GPE and LOC→LOCATION.  Only name and alias mentions are scored
(IE-ER annotates names, not role nouns or pronouns).  Optional gold entities
(``status="opt"``) count neither way: predictions overlapping them are ignored.
``--by-rule`` splits the predictions by the recogniser rule that produced them
(``rule`` column: ``gazetteer``, ``name:given-name``, ``name:context`` ...) into
correct (exact span and type), wrong type (exact span, other type) and other errors,
which shows which rule costs precision.
The corpus is read from PATH at run time and never copied into the repository.

Measurement log (exact span + type F1; PERSON / ORGANIZATION / LOCATION / ALL):

====================================================================  =====  =====  =====  =====
change                                                                 PER    ORG    LOC    ALL
====================================================================  =====  =====  =====  =====
round 1 (947c7b8): uncued multi-word runs default to PERSON            0.823  0.661  0.834  0.785
context cues for single words (apposition, occupation noun, at/for)    0.838  0.668  0.836  0.794
uncued multi-word runs typed by context, PERSON without evidence       0.863  0.661  0.837  0.802
... and dropped without evidence; "the X Y" not a person               0.874  0.670  0.838  0.809
he/she soon after as person evidence                                   0.876  0.669  0.838  0.810
"and"/"on"/campus inside org names; affiliation before speech verb     0.878  0.677  0.838  0.813
noun after, dateline names, org short forms, place modifiers, titles   0.879  0.684  0.847  0.817
place-name surnames only in longer names                               0.881  0.683  0.849  0.818
"the X <noun>" premodifier, compass words, company designators         0.883  0.704  0.849  0.825
party label / "a spokesman, X" / "X of <country>" person cues          0.888  0.704  0.849  0.828
"<town> of X", bare "at X" only multi-word, short forms yield to place  0.888  0.708  0.865  0.834
initials before given names, CAPS words, coordination person/org only  0.891  0.710  0.872  0.838
====================================================================  =====  =====  =====  =====
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.evaluate import ieer  # noqa: E402
from analysis.evaluate import mentions as ev  # noqa: E402
from analysis.mentions import find_mentions  # noqa: E402
from analysis.tokenise import tokenise  # noqa: E402


def frames(doc: ieer.IeerDoc) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(predictions, gold) frames for one document, optional entities removed from both."""
    art = ieer.to_article(doc)
    ments = [m for m in find_mentions(tokenise(art)) if m.mention_kind in ("name", "alias")]
    opt = [(s.start, s.end) for s in doc.spans if s.tag == "ENAMEX" and s.optional]
    keep = [m for m in ments if not any(m.start < e and s < m.end for s, e in opt)]
    pred = pd.DataFrame({"start": [m.start for m in keep], "end": [m.end for m in keep],
                         "surface": [doc.text[m.start:m.end] for m in keep],
                         "entity_type": [m.entity_type for m in keep], "rule": [m.rule for m in keep]},
                        columns=["start", "end", "surface", "entity_type", "rule"])
    gold_sp = doc.entities()
    gold = pd.DataFrame({"start": [s.start for s in gold_sp], "end": [s.end for s in gold_sp],
                         "surface": [s.surface for s in gold_sp], "entity_type": [s.type for s in gold_sp]},
                        columns=["start", "end", "surface", "entity_type"])
    return pred, gold


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", help="folder holding the IE-ER files (APW_*, NYT_*)")
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent errors of each kind")
    ap.add_argument("--by-rule", action="store_true", help="precision of each recogniser rule")
    args = ap.parse_args(argv)
    by_rule: dict[str, Counter] = {}
    docs = ieer.read_corpus(args.path)
    if not docs:
        print(f"no IE-ER documents under {args.path}", file=sys.stderr)
        return 2
    totals: dict[tuple[str, bool], Counter] = {}
    err = Counter()
    t0 = time.perf_counter()
    n_ents = 0
    for doc in docs:
        pred, gold = frames(doc)
        n_ents += len(gold)
        for mode in ("exact", "overlap"):
            s = ev.score(pred, gold, mode, True, ieer.TYPE_MAP, ieer.GOLD_MAP)
            for r in s.itertuples(index=False):
                c = totals.setdefault((mode, r.type), Counter())
                c.update({"tp": r.tp, "fp": r.fp, "fn": r.fn})
        if args.by_rule:
            hit = {pi for pi, _ in ev.match(pred, gold, "exact", True, ieer.TYPE_MAP, ieer.GOLD_MAP)}
            gspans = set(zip(gold["start"], gold["end"]))
            for i, r in enumerate(pred.itertuples(index=False)):
                if r.entity_type not in ieer.TYPE_MAP:
                    continue
                out = "ok" if i in hit else ("wrong_type" if (r.start, r.end) in gspans else "other")
                by_rule.setdefault(f"{r.rule} -> {r.entity_type}", Counter())[out] += 1
        if args.errors:
            pm = pred.assign(entity_type=pred["entity_type"].map(lambda t: ieer.TYPE_MAP.get(t, "")))
            pm = pm[pm["entity_type"] != ""].reset_index(drop=True)
            for r in ev.errors(pm, gold).itertuples(index=False):
                err[(r.error, r.entity_type, r.surface)] += 1
    secs = time.perf_counter() - t0
    print(f"IE-ER: {len(docs)} documents, {n_ents} gold entities (non-optional), {secs:.1f}s")
    for mode in ("exact", "overlap"):
        print(f"\n{mode} span + type match")
        print(f"{'type':14s} {'tp':>5s} {'fp':>5s} {'fn':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}")
        for t in ("PERSON", "ORGANIZATION", "LOCATION", "ALL"):
            c = totals.get((mode, t), Counter())
            tp, fp, fn = c["tp"], c["fp"], c["fn"]
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{t:14s} {tp:5d} {fp:5d} {fn:5d} {p:6.3f} {r:6.3f} {f:6.3f}")
    if args.by_rule:
        print(f"\n{'rule -> type':34s} {'n':>5s} {'ok':>5s} {'wrong_type':>10s} {'other':>5s} {'P':>6s}")
        for k, c in sorted(by_rule.items(), key=lambda kc: (-sum(kc[1].values()), kc[0])):
            n = sum(c.values())
            print(f"{k:34s} {n:5d} {c['ok']:5d} {c['wrong_type']:10d} {c['other']:5d} {c['ok'] / n:6.3f}")
    if args.errors:
        for kind in ("fp", "fn"):
            print(f"\nmost frequent {kind}:")
            for (k, t, s), n in sorted(((k, n) for k, n in err.items() if k[0] == kind),
                                       key=lambda kn: (-kn[1], kn[0]))[: args.errors]:
                print(f"  {n:3d} {t:12s} {s!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
