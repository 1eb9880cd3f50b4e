"""Make a synthetic corpus of N article files from real news texts, outside the repository.

    python bench/make_corpus.py SRC [SRC ...] --n 10000 --out /tmp/corpus
    python bench/make_corpus.py SRC [SRC ...] --mb 10 --out /tmp/corpus

SRC is a folder (or file) of real articles: ``*.txt`` files are taken as they
are; SGML files holding ``<DOC>`` elements (the NIST IE-ER sample) are split
into one article per document, tags removed, headline first.  Article ``k``
of the output is source ``k mod S``; from the second round on, the body
paragraphs of each source are shuffled (seeded by ``k``, the headline stays
first), so the corpus is made of real sentences without being ``S`` texts
repeated verbatim.  Files are named ``NNNNNN-<source-stem>.txt``.

The texts stay where the user keeps them: ``--out`` must lie outside this
repository (the script refuses otherwise), and nothing is ever written here.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S)
_HEADLINE = re.compile(r"<HEADLINE>(.*?)</HEADLINE>", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")
_PARA_START = re.compile(r"\n?[ \t]*\t[ \t]*")  # IE-ER paragraphs start with a tab indent


def sgml_articles(data: str) -> list[str]:
    """Articles (headline, blank line, paragraphs) from an IE-ER style SGML file."""
    out = []
    for doc in _DOC.findall(data):
        h = _HEADLINE.search(doc)
        t = _TEXT.search(doc)
        if not t:
            continue
        headline = " ".join(_TAG.sub("", h.group(1)).split()) if h else ""
        body = _TAG.sub("", t.group(1))
        paras = [" ".join(p.split()) for p in _PARA_START.split(body)]
        paras = [p for p in paras if p]
        if paras:
            out.append("\n\n".join(([headline] if headline else []) + paras) + "\n")
    return out


def load_sources(paths: list[str]) -> list[tuple[str, str]]:
    """``(stem, text)`` for every source article under ``paths`` (sorted, deterministic)."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        files.extend(sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p])
    sources = []
    for f in files:
        data = f.read_text(encoding="utf-8", errors="replace")
        if "<DOC>" in data:
            for k, art in enumerate(sgml_articles(data)):
                sources.append((f"{f.stem}-{k:03d}", art))
        elif f.suffix.lower() == ".txt" and data.strip():
            sources.append((f.stem, data))
    return sources


def variant(text: str, k: int, round_: int) -> str:
    """Round 0: the text itself; later rounds: body paragraphs shuffled (headline kept first)."""
    if round_ == 0:
        return text
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    head, body = paras[:1], paras[1:]
    random.Random(k).shuffle(body)
    return "\n\n".join(head + body) + "\n"


def inside_repo(path: Path) -> bool:
    try:
        path.resolve().relative_to(REPO)
        return True
    except ValueError:
        return False


def make_corpus(sources: list[tuple[str, str]], out: Path, n: int | None = None, mb: float | None = None) -> tuple[int, int]:
    """Write articles into ``out`` until ``n`` files or ``mb`` megabytes; return (files, bytes)."""
    if not sources:
        raise ValueError("no source articles found")
    out.mkdir(parents=True, exist_ok=True)
    k = total = 0
    while (n is not None and k < n) or (n is None and total < (mb or 0) * 1e6):
        stem, text = sources[k % len(sources)]
        data = variant(text, k, k // len(sources)).encode("utf-8")
        (out / f"{k:06d}-{stem}.txt").write_bytes(data)
        total += len(data)
        k += 1
    return k, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src", nargs="+", help="folders or files of real articles (*.txt, IE-ER SGML)")
    ap.add_argument("--out", required=True, help="output folder, outside the repository")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--n", type=int, help="number of articles to write")
    g.add_argument("--mb", type=float, help="write articles until this many megabytes")
    args = ap.parse_args(argv)
    out = Path(args.out)
    if inside_repo(out):
        print(f"error: {out}: refusing to write a corpus inside the repository", file=sys.stderr)
        return 2
    sources = load_sources(args.src)
    if not sources:
        print("error: no source articles found in " + ", ".join(args.src), file=sys.stderr)
        return 2
    files, nbytes = make_corpus(sources, out, args.n, args.mb)
    print(f"wrote {files} articles ({nbytes / 1e6:.1f} MB) from {len(sources)} sources to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
