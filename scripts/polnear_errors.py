"""List the claims extractor's errors on the TUNING half of PolNeAR (never the reporting half).

Usage::

    python scripts/polnear_errors.py ../shared/eval/polnear-dev [--kind speaker|fp|fn|all]
                                      [--subset quoted|speech_cue|all] [--pattern NAME]

Honest protocol (:mod:`analysis.evaluate.split`): rules are developed by looking at
the tuning half's errors only; this script refuses to read reporting-half articles,
so it cannot show them. The errors are printed to the terminal, for reading; none of
the corpus text may be copied into the repository.

Kinds (the same matching as ``scripts/eval_polnear.py``):

* ``speaker`` — a found gold content with a Source whose best-overlapping claim names
  another speaker;
* ``fp`` — an attributed claim (for ``quoted``: one with a quotation) matching no gold
  content;
* ``fn`` — a gold content of the subset that no attributed claim matches.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import claims as claims_mod  # noqa: E402
from analysis import lexicons, mentions  # noqa: E402
from analysis.article import article_from_text  # noqa: E402
from analysis.evaluate import brat, split  # noqa: E402
from analysis.evaluate import claims as ev  # noqa: E402
from analysis.tokenise import tokenise  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_polnear import read_pairs  # noqa: E402


def _short(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 3] + "..."


def _context(text: str, s: int, e: int, pad: int = 80) -> str:
    a, b = max(0, s - pad), min(len(text), e + pad)
    return _short(text[a:s] + "[[" + text[s:e] + "]]" + text[e:b], 2 * pad + 200)


def article_errors(name: str, text: str, table, rels, subset: str, kinds: set[str], pattern: str) -> list[str]:
    """Printable lines for the errors of one tuning-half article."""
    form_lemma, lemmas = claims_mod.cue_form_lemma(), claims_mod.cue_lemmas(("speech", "source"))
    stop = lexicons.stopwords()
    att = table[table["attribution"] != "narrator"].reset_index(drop=True)
    preds = att[att["quote"].fillna("") != ""].reset_index(drop=True) if subset == "quoted" else att
    gold_all = [r for r in rels if r.content is not None]
    gold = [r for r in gold_all if subset == "all" or (ev.quoted(r.content, text) if subset == "quoted"
                                                       else ev.speech_cue(r.cue, text, form_lemma, lemmas))]
    out: list[str] = []

    def span_of(row) -> tuple[tuple[int, int], ...]:
        return ((int(row["start"]), int(row["end"])),)

    if "fp" in kinds:
        for _, row in preds.iterrows():
            if pattern and row["pattern"] != pattern:
                continue
            if not any(ev.spans_match(span_of(row), r.content.pieces) for r in gold_all):
                out.append(f"FP  {name} [{row['pattern']}] speaker={row['speaker']!r} cue={row['cue']!r}\n"
                           f"    {_context(text, int(row['start']), int(row['end']))}")
    for r in gold:
        best, best_ov = None, 0
        for i, row in att.iterrows():
            if ev.spans_match(span_of(row), r.content.pieces):
                ov = ev.overlap(span_of(row), r.content.pieces)
                if ov > best_ov:
                    best, best_ov = i, ov
        cue = " ".join(text[a:b] for a, b in r.cue.pieces) if r.cue else ""
        if best is None:
            if "fn" in kinds and not pattern:
                out.append(f"FN  {name} cue={cue!r} source={r.source.text if r.source else ''!r}\n"
                           f"    {_context(text, r.content.start, r.content.end)}")
            continue
        row = att.iloc[best]
        if pattern and row["pattern"] != pattern:
            continue
        if "speaker" in kinds and r.source is not None and not ev.speaker_matches_source(row, r.source, text, stop):
            src = " ".join(text[a:b] for a, b in r.source.pieces)
            ps, pe = int(row["speaker_start"]), int(row["speaker_end"])
            out.append(f"SPK {name} [{row['pattern']}] gold={src!r} pred={row['speaker']!r}"
                       f" (slot {text[ps:pe]!r}) cue={row['cue']!r} gold_cue={cue!r}\n"
                       f"    {_context(text, min(r.source.start, r.content.start), max(r.source.end, r.content.end, int(row['cue_end'])), 60)}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="PolNeAR split folder (text/ and attributions/)")
    ap.add_argument("--kind", choices=("speaker", "fp", "fn", "all"), default="speaker")
    ap.add_argument("--subset", choices=("quoted", "speech_cue", "all"), default="quoted")
    ap.add_argument("--pattern", default="", help="only claims of this attribution pattern")
    a = ap.parse_args(argv)
    kinds = {"speaker", "fp", "fn"} if a.kind == "all" else {a.kind}
    n = 0
    for name, tf, ann in read_pairs(a.path):
        if split.half(name) != "tuning":
            continue  # never look at the reporting half
        text = tf.read_text(encoding="utf-8")
        doc = tokenise(article_from_text(text, name, source=str(tf)))
        table = claims_mod.claims_table(doc, claims_mod.find_claims(doc, mentions.find_mentions(doc)))
        lines = article_errors(name, text, table, brat.read_ann(ann), a.subset, kinds, a.pattern)
        n += len(lines)
        for ln in lines:
            print(ln)
    print(f"{n} error(s) on the tuning half ({a.kind}, {a.subset})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
