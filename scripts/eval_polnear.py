"""Score the claims extractor on PolNeAR attribution annotations (brat standoff).

Usage::

    python scripts/eval_polnear.py ../shared/eval/polnear-dev [--by-pattern] [--per-article]

PATH holds ``text/<article>.txt`` and ``attributions/<article>_<annotator>.ann``.
Each article is analysed by the project pipeline (article → tokens → mentions →
claims); no PolNeAR text is copied anywhere.  When an article was annotated
twice, the first annotator file in name order is used.

Every figure is printed three times: for the ``tuning`` half, the ``reporting`` half
(a fixed split by article name, see :mod:`analysis.evaluate.split`) and ``all``.
Develop rules against the tuning half only; the reporting half measures them.

``--by-pattern``: per attribution pattern (the claims table's ``pattern`` column, or
``<attribution>:<cue_lemma>`` for a table without it) the number of attributed claims,
their precision against every gold content, and the share of all gold contents that
claims of the pattern find ("R-share"; PolNeAR has no patterns, so this is the
pattern's contribution to recall, not a recall of its own).

Gold subsets (PolNeAR attribution is broader than speech):

* ``quoted``     — gold contents that carry a quotation mark; predictions: claims
  with a quotation (direct/mixed);
* ``speech_cue`` — gold attributions whose cue holds a word whose lemma is a
  ``speech`` or ``source`` cue of ``data/lexicons/cues.tsv``; predictions: all
  attributed claims;
* ``all``        — every gold attribution with a content; predictions: all
  attributed claims.

Content match: spans share at least half of the shorter span (many-to-many).
Speaker: over found gold contents with a Source, the best-overlapping predicted
claim's speaker mention overlaps the Source span, or its speaker name shares a
content word with the Source text.  Attribution type: gold type derived from the
content's quotation marks, mapped to the project's scheme (see
``analysis.evaluate.claims.gold_attribution_type``): no mark → indirect; quoted
words only → direct (also when PolNeAR splits one quotation into pieces around its
cue or over paragraphs, or keeps a leading "that"); quoted and unquoted words →
mixed.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import claims as claims_mod  # noqa: E402
from analysis import lexicons, mentions  # noqa: E402
from analysis.article import article_from_text  # noqa: E402
from analysis.evaluate import brat  # noqa: E402
from analysis.evaluate import claims as ev  # noqa: E402
from analysis.evaluate import split  # noqa: E402
from analysis.tokenise import tokenise  # noqa: E402

SUBSETS = ("quoted", "speech_cue", "all")

Counts = dict[str, int]


def read_pairs(root: Path) -> list[tuple[str, Path, Path]]:
    """(article name, text file, first annotator's .ann file) of every annotated article."""
    text_dir, ann_dir = root / "text", root / "attributions"
    anns: dict[str, Path] = {}
    for f in sorted(ann_dir.glob("*.ann")):
        anns.setdefault(f.stem.rsplit("_", 1)[0], f)
    return [(name, text_dir / f"{name}.txt", ann) for name, ann in sorted(anns.items())
            if (text_dir / f"{name}.txt").exists()]


def evaluate(root: Path, per_article: bool = False) -> tuple[dict, dict, Counter]:
    """Totals ``[group][subset]`` and per-pattern counts ``[group][pattern]`` over the corpus,
    with group = ``tuning`` / ``reporting`` (:mod:`analysis.evaluate.split`) / ``all``;
    and the number of articles per group."""
    form_lemma = claims_mod.cue_form_lemma()
    lemmas = claims_mod.cue_lemmas(("speech", "source"))
    stop = lexicons.stopwords()
    totals = {g: {s: defaultdict(int) for s in SUBSETS} for g in split.GROUPS}
    patterns: dict[str, dict[str, Counter]] = {g: defaultdict(Counter) for g in split.GROUPS}
    n_articles: Counter = Counter()
    for name, tf, ann in read_pairs(root):
        text = tf.read_text(encoding="utf-8")
        article = article_from_text(text, name, source=str(tf))
        assert article.text == text, "PolNeAR offsets need the text unchanged"
        doc = tokenise(article)
        ments = mentions.find_mentions(doc)
        table = claims_mod.claims_table(doc, claims_mod.find_claims(doc, ments))
        rels = brat.read_ann(ann)
        qspans = [(q.start, q.end) for q in doc.quotes]
        groups = split.groups(name)
        n_articles.update(groups)
        for s in SUBSETS:
            c = ev.score_attributions(table, rels, text, s, form_lemma, lemmas, stop, quote_spans=qspans)
            for g in groups:
                for k, v in c.items():
                    totals[g][s][k] += v
            if per_article and s == "quoted":
                print(f"{name}\t{split.half(name)}\t{c}")
        for pat, c in ev.pattern_counts(table, rels).items():
            for g in groups:
                patterns[g][pat].update(c)
    return totals, patterns, n_articles


def report(totals: dict[str, dict[str, int]]) -> str:
    """The subset table of one group."""
    lines = ["subset      gold  pred   P      R      F1     speaker_acc  attribution_acc"]
    for s in SUBSETS:
        t = totals[s]
        m = ev.prf(t["pred_correct"], t["pred"], t["gold_found"], t["gold"])
        sp = t["speaker_ok"] / t["speaker_n"] if t["speaker_n"] else 0.0
        at = t["attribution_ok"] / t["attribution_n"] if t["attribution_n"] else 0.0
        lines.append(f"{s:<11} {t['gold']:>5} {t['pred']:>5}  {m['precision']:.3f}  {m['recall']:.3f}  {m['f1']:.3f}"
                     f"  {sp:.3f} ({t['speaker_ok']}/{t['speaker_n']})  {at:.3f}")
    return "\n".join(lines)


def report_patterns(patterns: dict[str, dict[str, Counter]], top: int = 0) -> str:
    """Per attribution pattern and group: claims, precision (content matches a gold content)
    and recall share (gold contents found by the pattern / all gold contents)."""
    head = f"{'pattern':28s}" + "".join(f" | {g:^21s}" for g in split.GROUPS)
    sub = f"{'':28s}" + " | {:>5s} {:>6s} {:>8s}".format("n", "P", "R-share") * len(split.GROUPS)
    lines = [head, sub]
    pats = sorted((p for p in patterns["all"] if p != "*"), key=lambda p: (-patterns["all"][p]["pred"], p))
    rest = pats[top:] if top else []
    for p in pats[: top or None]:
        row = f"{p[:28]:28s}"
        for g in split.GROUPS:
            c, n_gold = patterns[g].get(p, Counter()), patterns[g]["*"]["gold"]
            prec = c["pred_correct"] / c["pred"] if c["pred"] else 0.0
            rec = c["gold_found"] / n_gold if n_gold else 0.0
            row += f" | {c['pred']:5d} {prec:6.3f} {rec:8.3f}" if c["pred"] else f" | {'':5s} {'-':>6s} {'-':>8s}"
        lines.append(row)
    if rest:
        lines.append(f"... {len(rest)} more patterns, {sum(patterns['all'][p]['pred'] for p in rest)} claims (--top 0 lists all)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="PolNeAR split folder (text/ and attributions/)")
    ap.add_argument("--per-article", action="store_true")
    ap.add_argument("--by-pattern", action="store_true",
                    help="precision and recall share of each attribution pattern (claims column pattern)")
    ap.add_argument("--top", type=int, default=40, metavar="N", help="with --by-pattern: the N most frequent patterns")
    a = ap.parse_args(argv)
    if not (a.path / "text").is_dir() or not (a.path / "attributions").is_dir():
        print(f"error: {a.path}: expected text/ and attributions/ folders", file=sys.stderr)
        return 2
    totals, patterns, n = evaluate(a.path, a.per_article)
    blocks = [f"== {g} ({n[g]} articles)\n{report(totals[g])}" for g in split.GROUPS]
    print("\n\n".join(blocks))
    if a.by_pattern:
        print("\nper attribution pattern, against all gold attributions "
              "(P: claims whose content matches a gold content; R-share: gold contents found by the pattern)")
        print(report_patterns(patterns, a.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
