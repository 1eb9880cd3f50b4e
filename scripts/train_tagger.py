#!/usr/bin/env python
"""Train (or evaluate) the project's part-of-speech tagger on CoNLL-U treebanks.

Train, writing ``data/tagger/perceptron_en.json`` (the command that built the shipped model)::

    python scripts/train_tagger.py train \\
        --ewt ../shared/eval/ud-ewt/en_ewt-ud-dev.conllu ../shared/eval/ud-ewt/en_ewt-ud-test.conllu \\
        --gum ../shared/eval/gum-dev --out data/tagger/perceptron_en.json

Evaluate a model (default: the shipped one) on the GUM *reporting* half and on
any other CoNLL-U files, overall and on noun/verb speech-cue words::

    python scripts/train_tagger.py evaluate --gum ../shared/eval/gum-dev [--ewt FILE ...] [--model M]

``--gum DIR`` reads ``DIR/*.conllu``: for training only documents of the
*tuning* half (:func:`analysis.evaluate.split.half` of the file stem), for
evaluation only the *reporting* half.  ``--ewt`` files are used whole.
``train --hold-out-ewt N`` keeps every N-th EWT document (``# newdoc id``,
counting from the first, 0, N, 2N …) out of training and scores it.

Tokens are *ours*: each treebank sentence's text is rebuilt (a space unless
``SpaceAfter=No``; a multi-word token such as "didn't" keeps its surface) and
re-tokenised with :func:`analysis.tokenise.token_spans`.  Each of our tokens
takes the Penn tag (XPOS) of the treebank word it covers; a token covering
several words ("long" "-" "term" → "long-term") takes the tag of the one whose
syntactic head lies outside the token ("term", NN); a treebank word that we
split ("e-mail@x.com" pieces) gives its tag to each piece.

Training is reproducible: fixed iteration count and seed (NLTK shuffles the
sentences between iterations with :mod:`random`, seeded by
:func:`analysis.postag.train_model`).  The treebanks are read from the paths
given and never copied into the repository.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import postag  # noqa: E402
from analysis.evaluate.split import half  # noqa: E402
from analysis.tokenise import token_spans  # noqa: E402

ITERATIONS = 5
SEED = 12
MIN_WEIGHT = 0.0


@dataclass(frozen=True)
class TbWord:
    """A treebank word: form, Penn tag, sentence-local head (0 = root), offsets in the sentence text."""

    form: str
    xpos: str
    head: int
    start: int
    end: int


@dataclass(frozen=True)
class TbSentence:
    doc: str
    text: str
    words: tuple[TbWord, ...]


# --- reading CoNLL-U --------------------------------------------------------------------


def _word(cols: list[str]) -> tuple[str, str, int]:
    """(form, Penn tag, head) of a word line; head 0 when absent."""
    return cols[1], cols[4], int(cols[6]) if cols[6].isdigit() else 0


def _units(lines: list[list[str]]):
    """(surface, no space after, [(form, xpos, head)]) per surface token of a sentence."""
    i = 0
    while i < len(lines):
        cols = lines[i]
        if "-" in cols[0]:
            a, b = (int(x) for x in cols[0].split("-"))
            yield cols[1], "SpaceAfter=No" in cols[9], [_word(c) for c in lines[i + 1:i + 2 + b - a]]
            i += 2 + b - a
        else:
            yield cols[1], "SpaceAfter=No" in cols[9], [_word(cols)]
            i += 1


def _sentence(doc: str, lines: list[list[str]]) -> TbSentence:
    """Rebuild a sentence's text and give each word offsets into it."""
    text, words = "", []
    for surface, nospace, forms in _units(lines):
        start = len(text)
        text += surface
        if "".join(f for f, _, _ in forms) == surface:
            pos = start
            for form, xpos, head in forms:
                words.append(TbWord(form, xpos, head, pos, pos + len(form)))
                pos += len(form)
        else:  # "won't" = "wo" + "n't" is fine; "gonna" = "going" "to" is not: whole span
            words.extend(TbWord(f, x, h, start, len(text)) for f, x, h in forms)
        if not nospace:
            text += " "
    return TbSentence(doc, text.rstrip(" "), tuple(words))


def read_conllu(text: str, doc: str = "") -> list[TbSentence]:
    """Sentences of a CoNLL-U string; ``doc`` names them unless ``# newdoc id`` does."""
    sents, lines, cur = [], [], doc
    for line in text.splitlines():
        if line.startswith("# newdoc id"):
            cur = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if lines:
                sents.append(_sentence(cur, lines))
            lines = []
        else:
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"line {line[:30]!r}: expected 10 columns")
            if "." not in cols[0]:  # empty nodes are not words of the text
                lines.append(cols)
    if lines:
        sents.append(_sentence(cur, lines))
    return sents


# --- our tokens, with the treebank's tags -----------------------------------------------


def _tag_for(span: tuple[int, int], words: tuple[TbWord, ...]) -> tuple[str, str]:
    """Gold tag of one of our tokens, and how it aligned: "same", "merged" or "split"."""
    s, e = span
    idx = [i for i, w in enumerate(words) if w.start < e and w.end > s]
    if not idx:
        return "", "none"
    if len(idx) == 1:
        w = words[idx[0]]
        return w.xpos, "same" if (w.start, w.end) == (s, e) else "split"
    inside = {i + 1 for i in idx}  # heads are 1-based
    heads = [i for i in idx if words[i].head not in inside] or idx
    return words[heads[0]].xpos, "merged"


def our_tokens(sent: TbSentence) -> list[tuple[str, str, str]]:
    """(our token, gold Penn tag, alignment) for a treebank sentence."""
    out = []
    for s, e in token_spans(sent.text, 0, len(sent.text)):
        tag, how = _tag_for((s, e), sent.words)
        if tag:
            out.append((sent.text[s:e], tag, how))
    return out


# --- corpora ----------------------------------------------------------------------------


def gum_files(folder: str, which: str) -> list[Path]:
    """GUM ``*.conllu`` files of half ``which`` ("tuning" or "reporting"), sorted by name."""
    return [p for p in sorted(Path(folder).glob("*.conllu")) if half(p.stem) == which]


class InputError(Exception):
    """A treebank file that cannot be read (message: ``<file>: <problem>``)."""


def load(paths: list[Path]) -> list[TbSentence]:
    sents: list[TbSentence] = []
    for p in paths:
        try:
            sents.extend(read_conllu(Path(p).read_text(encoding="utf-8"), doc=Path(p).stem))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InputError(f"{p}: {exc.strerror if isinstance(exc, OSError) else exc}") from None
    return sents


def split_heldout(sents: list[TbSentence], every: int) -> tuple[list[TbSentence], list[TbSentence]]:
    """(train, held out): documents 0, N, 2N … (in order of first appearance) are held out."""
    order = list(dict.fromkeys(s.doc for s in sents))
    held = set(order[::every]) if every else set()
    return [s for s in sents if s.doc not in held], [s for s in sents if s.doc in held]


# --- evaluation -------------------------------------------------------------------------


def cue_forms(path: Path = ROOT / "data" / "lexicons" / "cues.tsv") -> frozenset[str]:
    """Single-word forms of the attribution cue lexicon."""
    forms = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("form\t"):
            form = line.split("\t")[0]
            if " " not in form:
                forms.add(form)
    return frozenset(forms)


def _coarse(tag: str) -> str:
    return "V" if tag.startswith("VB") else "N" if tag.startswith("NN") else "other"


def evaluate(tagger, sents: list[TbSentence], nv_cues: frozenset[str]) -> dict:
    """Accuracy overall, and N/V accuracy on cue forms that are nouns or verbs in the gold."""
    c = Counter()
    for sent in sents:
        toks = our_tokens(sent)
        pred = postag.tag([t for t, _, _ in toks], tagger)
        for (word, gold, _), p in zip(toks, pred):
            c["n"] += 1
            c["ok"] += p == gold
            if word.lower() in nv_cues and _coarse(gold) != "other":
                c["cue_n"] += 1
                c["cue_ok"] += _coarse(p) == _coarse(gold)
                c[f"cue_{_coarse(gold)}_n"] += 1
                c[f"cue_{_coarse(gold)}_ok"] += _coarse(p) == _coarse(gold)
    return dict(c)


def noun_verb_cues(sents: list[TbSentence]) -> frozenset[str]:
    """Cue forms that the treebanks tag both as a noun and as a verb ("says", "demand", "reports")."""
    cues, seen = cue_forms(), {}
    for sent in sents:
        for word, gold, _ in our_tokens(sent):
            w = word.lower()
            if w in cues and _coarse(gold) != "other":
                seen.setdefault(w, set()).add(_coarse(gold))
    return frozenset(w for w, k in seen.items() if k == {"N", "V"})


def _fmt(name: str, r: dict) -> str:
    def acc(k):
        n = r.get(f"{k}_n" if k else "n", 0)
        ok = r.get(f"{k}_ok" if k else "ok", 0)
        return f"{ok / n:.4f} ({n})" if n else "- (0)"
    return (f"{name:<22} all {acc('')}  cue N/V {acc('cue')}  "
            f"[gold noun {acc('cue_N')}, gold verb {acc('cue_V')}]")


# --- commands ---------------------------------------------------------------------------


def alignment_counts(sents: list[TbSentence]) -> Counter:
    return Counter(how for s in sents for _, _, how in our_tokens(s))


def cmd_train(args) -> int:
    ewt = load(args.ewt)
    ewt_train, ewt_held = split_heldout(ewt, args.hold_out_ewt)
    gum_train = load(gum_files(args.gum, "tuning")) if args.gum else []
    train = ewt_train + gum_train
    data = [[(w, t) for w, t, _ in our_tokens(s)] for s in train]
    meta = {"trained_on": {"ewt_files": [Path(p).name for p in args.ewt],
                           "ewt_held_out_every": args.hold_out_ewt,
                           "gum_tuning_docs": len({s.doc for s in gum_train}),
                           "sentences": len(data), "tokens": sum(map(len, data))},
            "iterations": args.iterations, "seed": args.seed, "min_weight": args.min_weight,
            "licence": "CC BY-SA 4.0; see data/tagger/README.md"}
    t0 = time.perf_counter()
    model = postag.train_model(data, args.iterations, args.seed, args.min_weight, meta)
    print(f"trained on {meta['trained_on']['sentences']} sentences, "
          f"{meta['trained_on']['tokens']} tokens in {time.perf_counter() - t0:.1f} s; "
          f"alignment {dict(alignment_counts(train))}")
    tmp = Path(str(args.out) + ".tmp")
    tmp.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":"), sort_keys=False),
                   encoding="utf-8")
    os.replace(tmp, args.out)
    print(f"wrote {args.out}: {Path(args.out).stat().st_size / 1e6:.2f} MB, "
          f"{len(model['weights'])} features, {len(model['tagdict'])} tagdict words")
    if ewt_held or args.gum:
        tagger = postag.tagger_from_model(model)
        report(tagger, ewt_held, args.gum, ewt)
    return 0


def report(tagger, ewt_held, gum_dir, all_ewt, ewt_label: str = "EWT held out") -> None:
    """Print accuracy on ``ewt_held`` and the GUM reporting half.

    The noun/verb cue forms are those tagged both ways anywhere in ``all_ewt``
    and the whole GUM folder, so give ``evaluate`` the same EWT files as
    ``train`` to score the same forms.
    """
    gum_rep = load(gum_files(gum_dir, "reporting")) if gum_dir else []
    nv = noun_verb_cues(all_ewt + gum_rep + (load(gum_files(gum_dir, "tuning")) if gum_dir else []))
    print(f"noun/verb cue forms ({len(nv)}): {' '.join(sorted(nv))}")
    if ewt_held:
        print(_fmt(ewt_label, evaluate(tagger, ewt_held, nv)))
    if gum_rep:
        print(_fmt("GUM reporting half", evaluate(tagger, gum_rep, nv)))


def cmd_evaluate(args) -> int:
    if args.model:
        tagger = postag.tagger_from_model(json.loads(Path(args.model).read_text(encoding="utf-8")))
    else:
        tagger = None
    ewt = load(args.ewt)
    report(tagger, ewt, args.gum, ewt, "EWT files given")
    return 0


def cmd_speed(args) -> int:
    """Tokens per second of :func:`analysis.postag.tag` on our tokens of real articles.

    Also the share of sentences with a cue candidate (a single-word form of
    ``cues.tsv``), and of those whose cue form the tag dictionary does not
    settle (:func:`analysis.postag.fixed_tag`): what tagging only them would cost.
    """
    from analysis.article import load_article
    from analysis.tokenise import tokenise

    paths = sorted(p for a in args.paths for p in (Path(a).glob("*.txt") if Path(a).is_dir() else [Path(a)]))
    cues, sents, nbytes = cue_forms(), [], 0
    for p in paths:
        doc = tokenise(load_article(p))
        nbytes += len(doc.text.encode("utf-8"))
        by_sent: dict[int, list[str]] = {}
        for t in doc.tokens:
            by_sent.setdefault(t.sentence_id, []).append(doc.token_text(t))
        sents.extend(by_sent.values())
    tagger = postag.reference_tagger() if args.reference else None
    postag.tag(["warm", "up"], tagger)
    cue_sents = [s for s in sents if any(w.lower() in cues for w in s)]
    open_sents = [s for s in sents if any(w.lower() in cues and postag.fixed_tag(w) is None for w in s)]
    for label, group in (("every sentence", sents), ("sentences with a cue form", cue_sents),
                         ("... not settled by tagdict", open_sents)):
        best = min(_time_tagging(group, tagger) for _ in range(args.repeat))
        ntok = sum(map(len, group))
        print(f"{label:<26} {len(group):>6} sentences {ntok:>8} tokens  {best:6.2f} s  "
              f"{ntok / best:>8,.0f} tokens/s  {nbytes / best / 1e6:.3f} MB of article text/s")
    print(f"{len(paths)} articles, {nbytes / 1e6:.2f} MB")
    return 0


def _time_tagging(sents: list[list[str]], tagger=None) -> float:
    """CPU seconds of this process (one core) to tag ``sents``: a loaded machine inflates wall time."""
    t0 = time.process_time()
    for s in sents:
        postag.tag(s, tagger)
    return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    tr = sub.add_parser("train")
    tr.add_argument("--ewt", nargs="*", default=[], help="UD English-EWT .conllu files")
    tr.add_argument("--gum", help="GUM folder (its tuning half is used)")
    tr.add_argument("--out", type=Path, default=postag.MODEL_PATH)
    tr.add_argument("--iterations", type=int, default=ITERATIONS)
    tr.add_argument("--seed", type=int, default=SEED)
    tr.add_argument("--min-weight", type=float, default=MIN_WEIGHT)
    tr.add_argument("--hold-out-ewt", type=int, default=0, metavar="N",
                    help="hold out every N-th EWT document and score it")
    ev = sub.add_parser("evaluate")
    ev.add_argument("--ewt", nargs="*", default=[], help=".conllu files scored whole")
    ev.add_argument("--gum", help="GUM folder (its reporting half is scored)")
    ev.add_argument("--model", help="model JSON (default: the shipped one)")
    sp = sub.add_parser("speed")
    sp.add_argument("paths", nargs="+", help="article .txt files or folders")
    sp.add_argument("--repeat", type=int, default=3)
    sp.add_argument("--reference", action="store_true", help="time NLTK's own PerceptronTagger.tag")
    args = ap.parse_args(argv)
    if getattr(args, "gum", None) and not Path(args.gum).is_dir():
        print(f"error: {args.gum}: not a folder", file=sys.stderr)
        return 2
    try:
        return {"train": cmd_train, "evaluate": cmd_evaluate, "speed": cmd_speed}[args.cmd](args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
