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
Every figure is printed for the ``tuning`` half, the ``reporting`` half (a fixed split
by DOCNO, see :mod:`analysis.evaluate.split`) and ``all`` documents; develop rules on
the tuning half only.
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

Round 2 (issue 12, organisations; exact span + type F1 on the tuning | reporting halves,
PERSON / ORGANIZATION / LOCATION; rules developed on tuning-half errors only):

=========================================================  =================  =================
change                                                     tuning P/O/L       reporting P/O/L
=========================================================  =================  =================
before round 2                                             .892 .726 .878     .889 .695 .866
titles of works in quotation marks hold no names           .904 .734 .885     .892 .703 .874
"<Name>, Inc." designators, any case; "Co." ends a run     .905 .756 .885     .892 .721 .874
"Vatican" an institution; org nouns before/after a name    .906 .787 .898     .892 .721 .874
acronym-led names, teams, function words, "-" dateline     .913 .810 .899     .895 .721 .874
"X's Investors Service", "X and Y Commission"              .913 .816 .899     .895 .722 .874
"the Communists" ORG only with the party named             .913 .805 .899     .895 .722 .874
"X officials", "a unit of", "Native American"              .914 .808 .899     .895 .723 .874
camel-case companies; org adjectives veto person           .916 .813 .899     .897 .724 .874
"in the <plural>" a region                                 .916 .819 .903     .897 .725 .873
nationality before a given name; kinship titles            .921 .819 .903     .898 .725 .873
"Venn/Okafor" slash firms                                  .925 .825 .903     .898 .725 .873
"Harlowe, Va." a town; "&ZQ;" markup no name               .925 .828 .904     .898 .725 .870
place heads Grounds, Forest, Reservoir, Canal, Glacier     .925 .829 .907     .898 .725 .870
=========================================================  =================  =================

Round 3 (issue 12, general phenomena only; each rule also checked on GUM names, tuning half):

=========================================================  =================  =================
change                                                     tuning P/O/L       reporting P/O/L
=========================================================  =================  =================
before round 3                                             .925 .829 .907     .898 .725 .870
"Lee Wai-man" names; "the <surname>s" family; "RM5,000"    .925 .832 .907     .899 .727 .870
an ordinal starts a name ("20th Century Fox")              .928 .832 .907     .899 .731 .870
"Name (BN-Kuala Kelso)": party ORG and seat place          .928 .836 .911     .900 .740 .878
"sold to AT&T." full stop; "400 B.C." no ORG               .928 .840 .911     .900 .740 .878
"the Campaign to ...", "Peter the Great": no "the" ORG     .928 .841 .911     .900 .742 .878
common-noun acronyms and currency codes not names          .928 .841 .911     .900 .743 .878
"of" alone makes no ORG; "County of X" a place             .927 .842 .911     .906 .755 .879
"X and Y <head>" after "The" or a place                    .927 .846 .912     .906 .755 .879
"the Smithsonian": "-ian" noun after "the" no NORP         .927 .849 .912     .906 .760 .879
"Final" an event; "Dam", "Bridge" places                   .927 .850 .912     .906 .760 .879
=========================================================  =================  =================
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
from analysis.evaluate import split  # noqa: E402
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


def _prf_line(label: str, c: Counter) -> str:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{label:14s} {tp:5d} {fp:5d} {fn:5d} {p:6.3f} {r:6.3f} {f:6.3f}"


def rule_outcomes(pred: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[str, str]]:
    """(``rule -> type``, outcome) of each scored prediction: ``ok`` (exact span and type),
    ``wrong_type`` (exact span, other type) or ``other``."""
    hit = {pi for pi, _ in ev.match(pred, gold, "exact", True, ieer.TYPE_MAP, ieer.GOLD_MAP)}
    gspans = set(zip(gold["start"], gold["end"]))
    out = []
    for i, r in enumerate(pred.itertuples(index=False)):
        if r.entity_type in ieer.TYPE_MAP:
            kind = "ok" if i in hit else ("wrong_type" if (r.start, r.end) in gspans else "other")
            out.append((f"{r.rule} -> {r.entity_type}", kind))
    return out


def report_scores(totals: dict, n_docs: Counter, n_ents: Counter) -> list[str]:
    """Per group (tuning, reporting, all) and match mode: tp/fp/fn, P/R/F1 per type."""
    lines = []
    for g in split.GROUPS:
        lines.append(f"\n== {g} ({n_docs[g]} documents, {n_ents[g]} gold entities)")
        for mode in ("exact", "overlap"):
            lines.append(f"{mode} span + type match")
            lines.append(f"{'type':14s} {'tp':>5s} {'fp':>5s} {'fn':>5s} {'P':>6s} {'R':>6s} {'F1':>6s}")
            for t in ("PERSON", "ORGANIZATION", "LOCATION", "ALL"):
                lines.append(_prf_line(t, totals.get((g, mode, t), Counter())))
    return lines


def report_rules(by_rule: dict[str, dict[str, Counter]]) -> list[str]:
    """Per recogniser rule and group: predictions and precision (exact span and type)."""
    head = f"{'rule -> type':38s}" + "".join(f" | {g:^27s}" for g in split.GROUPS)
    sub = f"{'':38s}" + " | {:>5s} {:>5s} {:>5s} {:>4s} {:>5s}".format("n", "ok", "wtype", "oth", "P") * 3
    lines = ["", head, sub]
    allr = by_rule["all"]
    for k in sorted(allr, key=lambda k: (-sum(allr[k].values()), k)):
        row = f"{k[:38]:38s}"
        for g in split.GROUPS:
            c = by_rule[g].get(k, Counter())
            n = sum(c.values())
            row += (f" | {n:5d} {c['ok']:5d} {c['wrong_type']:5d} {c['other']:4d} {c['ok'] / n:5.3f}" if n
                    else f" | {'':5s} {'':5s} {'':5s} {'':4s} {'-':>5s}")
        lines.append(row)
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", help="folder holding the IE-ER files (APW_*, NYT_*)")
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent errors of each kind")
    ap.add_argument("--errors-from", choices=split.GROUPS, default="tuning",
                    help="which documents --errors lists (default: the tuning half; keep the reporting half unseen)")
    ap.add_argument("--by-rule", action="store_true", help="precision of each recogniser rule")
    args = ap.parse_args(argv)
    docs = ieer.read_corpus(args.path)
    if not docs:
        print(f"error: {args.path}: no IE-ER documents", file=sys.stderr)
        return 2
    totals: dict[tuple[str, str, str], Counter] = {}
    by_rule: dict[str, dict[str, Counter]] = {g: {} for g in split.GROUPS}
    n_docs, n_ents, err = Counter(), Counter(), Counter()
    t0 = time.perf_counter()
    for doc in docs:
        pred, gold = frames(doc)
        groups = split.groups(doc.docno)
        n_docs.update(groups)
        n_ents.update({g: len(gold) for g in groups})
        for mode in ("exact", "overlap"):
            for r in ev.score(pred, gold, mode, True, ieer.TYPE_MAP, ieer.GOLD_MAP).itertuples(index=False):
                for g in groups:
                    totals.setdefault((g, mode, r.type), Counter()).update({"tp": r.tp, "fp": r.fp, "fn": r.fn})
        if args.by_rule:
            for key, kind in rule_outcomes(pred, gold):
                for g in groups:
                    by_rule[g].setdefault(key, Counter())[kind] += 1
        if args.errors and args.errors_from in groups:
            pm = pred.assign(entity_type=pred["entity_type"].map(lambda t: ieer.TYPE_MAP.get(t, "")))
            pm = pm[pm["entity_type"] != ""].reset_index(drop=True)
            for r in ev.errors(pm, gold).itertuples(index=False):
                err[(r.error, r.entity_type, r.surface)] += 1
    secs = time.perf_counter() - t0
    print(f"IE-ER: {len(docs)} documents, {n_ents['all']} gold entities (non-optional), {secs:.1f}s")
    print("\n".join(report_scores(totals, n_docs, n_ents)))
    if args.by_rule:
        print("\n".join(report_rules(by_rule)))
    if args.errors:
        for kind in ("fp", "fn"):
            print(f"\nmost frequent {kind} ({args.errors_from} documents):")
            for (k, t, s), n in sorted(((k, n) for k, n in err.items() if k[0] == kind),
                                       key=lambda kn: (-kn[1], kn[0]))[: args.errors]:
                print(f"  {n:3d} {t:12s} {s!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
