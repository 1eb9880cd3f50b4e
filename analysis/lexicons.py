"""Access to the project's versioned word lists in ``data/lexicons/``.

Every list is a UTF-8 text or TSV file with ``#`` comment lines; where each
list comes from is documented in ``data/lexicons/README.md``.  Files are read
with :mod:`pathlib` (never through ``nltk.data``), once, and cached.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

DATA_DIR: Path = Path(__file__).resolve().parent.parent / "data"
LEXICON_DIR: Path = DATA_DIR / "lexicons"


def _lines(name: str) -> list[str]:
    path = LEXICON_DIR / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A one-entry-per-line list (comments and blanks skipped), as a frozenset."""
    return frozenset(_lines(name))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """A TSV file with a header row, as a tuple of dicts (comment lines skipped)."""
    path = LEXICON_DIR / name
    rows = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in r.items()} for r in reader)


@lru_cache(maxsize=None)
def stopwords() -> frozenset[str]:
    """English stopwords (lower case), from ``stopwords_en.txt``."""
    return frozenset(w.lower() for w in word_list("stopwords_en.txt"))


@lru_cache(maxsize=None)
def abbreviations() -> frozenset[str]:
    """Abbreviations that do not end a sentence, lower case, without the final period."""
    return frozenset(w.lower().rstrip(".") for w in word_list("abbreviations_en.txt"))


@lru_cache(maxsize=None)
def zone_cues(kind: str) -> tuple[str, ...]:
    """Lower-case cue phrases of one kind from ``zones.tsv`` (kind, cue)."""
    return tuple(r["cue"].lower() for r in table("zones.tsv") if r["kind"] == kind)


def trie_alternation(surfaces, ignorecase: bool = False) -> str:
    """A regex alternation of ``surfaces``, factored into a prefix trie.

    Matches exactly what ``"|".join(map(re.escape, sorted(surfaces, key=len, reverse=True)))``
    matches — at each position the longest surface that lets the rest of the
    pattern match — but the engine walks shared prefixes once instead of trying
    thousands of alternatives at every character: a 2,400-name gazetteer scans
    news text about 30 times faster.  (Two surfaces that both match at one
    position are prefixes of one another, so they lie on one trie path, where
    longer continuations are tried before stopping.)  For a pattern compiled
    with ``re.IGNORECASE`` pass ``ignorecase=True``: the trie is then built on
    lower-cased surfaces, so that surfaces equal up to case share one path.
    """
    import re

    trie: dict = {}
    for s in {x.lower() for x in surfaces} if ignorecase else set(surfaces):
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        if "" in node:
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)
