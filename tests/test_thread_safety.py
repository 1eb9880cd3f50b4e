"""Analysing articles in parallel threads gives exactly the tables of a serial run.

``--engine dask --scheduler threads`` runs :func:`analysis.pipeline.analyse` for several
articles at once in one process.  Any state shared between calls (a cache of "the last
document", a table keyed by ``id()``) would let one article's offsets leak into another's
tables.  Many different articles (the fixtures and variants of them with other offsets)
are analysed by many threads, several times over, with a tiny thread switch interval so
that the threads interleave inside every stage; every table must equal the serial one.
"""
from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest

from analysis.article import article_from_text
from analysis.pipeline import TABLE_NAMES, analyse

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures").rglob("*.txt")) + sorted((ROOT / "data" / "raw").glob("*.txt"))


def _variants(text: str) -> list[str]:
    """The text, its body paragraphs in reverse order (other offsets, same sentences) and the
    text after a made-up dateline paragraph (every offset shifted)."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    reordered = "\n\n".join(paras[:1] + paras[:0:-1]) + "\n"
    shifted = paras[0] + "\n\nMILLBROOK, Ohio (AP) — A made-up opening paragraph moves every offset.\n\n" + "\n\n".join(paras[1:]) + "\n"
    return [text, reordered, shifted]


@pytest.fixture(scope="module")
def articles():
    out = []
    for path in FIXTURES:
        for k, text in enumerate(_variants(path.read_text(encoding="utf-8"))):
            out.append(article_from_text(text, f"{path.stem}-v{k}"))
    return out


@pytest.fixture(scope="module")
def serial(articles):
    return [analyse(a) for a in articles]


def test_threads_give_the_serial_tables(articles, serial):
    jobs = articles * 3
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(analyse, jobs))
    finally:
        sys.setswitchinterval(old)
    for k, got in enumerate(results):
        want = serial[k % len(articles)]
        for name in TABLE_NAMES:
            pd.testing.assert_frame_equal(got[name], want[name], obj=f"{jobs[k].article_id} {name}")


def test_threads_give_the_serial_mentions(articles):
    """The mentions stage alone, hammered harder: it keeps per-document indexes (token
    offsets, the entity table) that must travel with the document, never in a module."""
    from analysis.mentions import find_mentions
    from analysis.tokenise import tokenise

    docs = [tokenise(a) for a in articles]
    want = [find_mentions(d) for d in docs]
    jobs = list(range(len(docs))) * 6
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(max_workers=16) as pool:
            got = list(pool.map(lambda k: find_mentions(docs[k]), jobs))
    finally:
        sys.setswitchinterval(old)
    for k, ms in zip(jobs, got):
        assert ms == want[k], docs[k].article.article_id


#: Module-level dicts that are constant schemas or palettes (never mutated at run time).
CONSTANTS = {"MENTION_COLUMNS", "TYPE_COLOURS"}


def test_mentions_keeps_no_module_level_mutable_state():
    """No list/dict/set/bytearray at module level in the mentions code (beyond the constant
    schemas): per-document data travels with the document, loaded lexicons are frozen and
    cached by functions.  A race on such state is too narrow to be caught reliably by running
    threads (a check-then-use "last document" cache fails about once in thousands of calls),
    so its absence is checked directly."""
    import importlib
    import pkgutil

    import analysis.mentions as pkg

    modules = [pkg] + [importlib.import_module(f"{pkg.__name__}.{m.name}")
                       for m in pkgutil.iter_modules(getattr(pkg, "__path__", []))]
    found = [f"{mod.__name__}.{name}" for mod in modules for name, value in vars(mod).items()
             if isinstance(value, (list, dict, set, bytearray)) and not name.startswith("__")
             and name not in CONSTANTS]
    assert found == []
