"""Score the claims extractor on PolNeAR attribution annotations (brat standoff).

Usage::

    /work/venv/bin/python scripts/eval_polnear.py /work/shared/eval/polnear-dev [--per-article]

PATH holds ``text/<article>.txt`` and ``attributions/<article>_<annotator>.ann``.
Each article is analysed by the project pipeline (article → tokens → mentions →
claims); no PolNeAR text is copied anywhere.  When an article was annotated
twice, the first annotator file in name order is used.

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
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import claims as claims_mod  # noqa: E402
from analysis import lexicons, mentions  # noqa: E402
from analysis.article import article_from_text  # noqa: E402
from analysis.evaluate import brat  # noqa: E402
from analysis.evaluate import claims as ev  # noqa: E402
from analysis.tokenise import tokenise  # noqa: E402

SUBSETS = ("quoted", "speech_cue", "all")


def evaluate(root: Path, per_article: bool = False) -> dict[str, dict[str, int]]:
    text_dir, ann_dir = root / "text", root / "attributions"
    anns: dict[str, Path] = {}
    for f in sorted(ann_dir.glob("*.ann")):
        anns.setdefault(f.stem.rsplit("_", 1)[0], f)
    form_lemma = claims_mod.cue_form_lemma()
    lemmas = claims_mod.cue_lemmas(("speech", "source"))
    stop = lexicons.stopwords()
    totals: dict[str, dict[str, int]] = {s: defaultdict(int) for s in SUBSETS}
    for name, ann in sorted(anns.items()):
        tf = text_dir / f"{name}.txt"
        if not tf.exists():
            continue
        text = tf.read_text(encoding="utf-8")
        article = article_from_text(text, name, source=str(tf))
        assert article.text == text, "PolNeAR offsets need the text unchanged"
        doc = tokenise(article)
        ments = mentions.find_mentions(doc)
        table = claims_mod.claims_table(doc, claims_mod.find_claims(doc, ments))
        rels = brat.read_ann(ann)
        qspans = [(q.start, q.end) for q in doc.quotes]
        for s in SUBSETS:
            c = ev.score_attributions(table, rels, text, s, form_lemma, lemmas, stop, quote_spans=qspans)
            for k, v in c.items():
                totals[s][k] += v
            if per_article and s == "quoted":
                print(f"{name}\t{c}")
    return totals


def report(totals: dict[str, dict[str, int]]) -> str:
    lines = ["subset      gold  pred   P      R      F1     speaker_acc  attribution_acc"]
    for s in SUBSETS:
        t = totals[s]
        m = ev.prf(t["pred_correct"], t["pred"], t["gold_found"], t["gold"])
        sp = t["speaker_ok"] / t["speaker_n"] if t["speaker_n"] else 0.0
        at = t["attribution_ok"] / t["attribution_n"] if t["attribution_n"] else 0.0
        lines.append(f"{s:<11} {t['gold']:>5} {t['pred']:>5}  {m['precision']:.3f}  {m['recall']:.3f}  {m['f1']:.3f}"
                     f"  {sp:.3f} ({t['speaker_ok']}/{t['speaker_n']})  {at:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="PolNeAR split folder (text/ and attributions/)")
    ap.add_argument("--per-article", action="store_true")
    a = ap.parse_args(argv)
    if not (a.path / "text").is_dir() or not (a.path / "attributions").is_dir():
        print(f"{a.path}: expected text/ and attributions/ folders", file=sys.stderr)
        return 2
    print(report(evaluate(a.path, a.per_article)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
