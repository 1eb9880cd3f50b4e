"""analysis.engine: every engine yields the same results, in input order; writers are atomic."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis import engine
from analysis.pipeline import TABLE_NAMES

NAMES = ["Ana Ruiz", "Tom Berg", "Lee Park", "Maria Costa", "Sam Okafor", "Ines Weber"]
ORGS = ["the Finance Ministry", "NATO", "the city council", "Acme Corp.", "the U.N. agency"]
VERBS = ["said", "told reporters", "argued", "warned", "added"]


def synthetic(k: int) -> str:
    """A small, varied news-like article (generated here, not taken from any corpus)."""
    a, b = NAMES[k % len(NAMES)], NAMES[(k * 5 + 1) % len(NAMES)]
    org, verb = ORGS[k % len(ORGS)], VERBS[k % len(VERBS)]
    paras = [
        f"Budget Talks Enter Day {k + 2}",
        f"By {a}",
        f"Officials at {org} met on Monday to discuss a plan worth ${k + 1},000, {b} {verb}.",
        f"\u201cWe will not accept cuts of {10 + k}%,\u201d {b} said. \u201cThe U.S. position is clear.\u201d",
        f"According to {a}, talks resume next week. It's unclear whether {org} will agree.",
    ]
    return "\n\n".join(paras[: 3 + k % 3]) + "\n"


@pytest.fixture()
def corpus(tmp_path: Path, seed_path: Path) -> list[Path]:
    """Nine synthetic articles, the seed, and an empty (bad) file in the middle."""
    d = tmp_path / "corpus"
    d.mkdir()
    files = []
    for k in range(9):
        p = d / f"art-{k:02d}.txt"
        p.write_text(synthetic(k), encoding="utf-8")
        files.append(p)
    seed = d / seed_path.name
    seed.write_bytes(seed_path.read_bytes())
    files.insert(4, seed)
    bad = d / "art-05-empty.txt"
    bad.write_bytes(b"")
    files.insert(6, bad)
    return files


def flat(results) -> list[tuple]:
    """Comparable form of a result stream: index, id, error and every encoded table."""
    return [(r.index, r.source, r.article_id, r.error, r.counts, tuple(sorted((r.tables or {}).items()))) for r in results]


def test_serial_results_in_order_with_errors(corpus):
    res = list(engine.run(corpus, engine="serial"))
    assert [r.index for r in res] == list(range(len(corpus)))
    assert [r.ok for r in res] == [p.name != "art-05-empty.txt" for p in corpus]
    bad = res[6]
    assert bad.error == f"{corpus[6]}: empty file" and bad.tables is None
    seed = res[4]
    assert seed.article_id == "newsweek-nato-fills-holes-stockpiles"
    assert dict(seed.counts)["sentences"] == 31
    header, body = seed.tables["tokens"]
    assert header.startswith("article_id,sentence_id,token_id,start,end,text")
    assert body.count("\n") == dict(seed.counts)["tokens"]


def test_process_pool_equals_serial(corpus):
    serial = flat(engine.run(corpus, engine="serial"))
    pooled = flat(engine.run(corpus, engine="processes", jobs=2, batch=2, min_parallel=1))
    assert pooled == serial


def test_small_runs_stay_in_process(corpus, monkeypatch):
    def no_pool(*a, **k):
        raise AssertionError("a pool was started for a small run")

    monkeypatch.setattr(engine, "run_processes", no_pool)
    assert len(list(engine.run(corpus[:3], engine="processes", jobs=2))) == 3
    assert len(list(engine.run(corpus, engine="processes", jobs=1))) == len(corpus)


def test_dask_bag_equals_serial(corpus):
    pytest.importorskip("dask.bag")
    serial = flat(engine.run(corpus, engine="serial"))
    for sched in ("synchronous", "processes"):
        assert flat(engine.run(corpus, engine="dask", jobs=2, scheduler=sched, batch=3)) == serial, sched


@pytest.mark.slow
def test_dask_local_cluster_two_workers_equals_serial(corpus):
    """A real distributed LocalCluster (2 worker processes): same results, same order."""
    pytest.importorskip("distributed")
    serial = flat(engine.run(corpus, engine="serial"))
    assert flat(engine.run(corpus, engine="dask", jobs=2, batch=2)) == serial


def test_worker_crash_costs_only_that_file(corpus, monkeypatch):
    """A file that kills its worker process is reported; every other file is still analysed, in order."""
    real = engine.file_records

    def crashing(index, source, timeout=0):
        if source.endswith("art-03.txt"):
            os._exit(13)  # a hard crash, as a segfault would be
        return real(index, source, timeout)

    # the pool forks, so its workers inherit the patched function (every batch analyses
    # its files one by one with file_records)
    monkeypatch.setattr(engine, "file_records", crashing)
    res = list(engine.run(corpus, engine="processes", jobs=2, batch=3, min_parallel=1))
    monkeypatch.undo()
    assert [r.index for r in res] == list(range(len(corpus)))
    crashed = [r for r in res if r.source.endswith("art-03.txt")]
    assert crashed[0].error == f"{crashed[0].source}: internal error (worker process died)"
    serial = flat(engine.run(corpus, engine="serial"))
    assert [x for x in flat(res) if not x[1].endswith("art-03.txt")] == [
        x for x in serial if not x[1].endswith("art-03.txt")
    ]


def test_internal_error_is_one_result_not_an_exception(tmp_path, monkeypatch):
    p = tmp_path / "x.txt"
    p.write_text("Headline\n\nA body sentence here.\n")

    def boom(article):
        raise ValueError("broken stage")

    monkeypatch.setattr("analysis.pipeline.article_records", boom)
    (r,) = engine.run([p], engine="serial")
    assert r.error == f"{p}: internal error (ValueError: broken stage)"


def test_unknown_engine_or_format():
    with pytest.raises(ValueError):
        engine.run([], engine="spark")
    with pytest.raises(ValueError):
        engine.run([], fmt="xml")


def frames_by_table(corpus) -> dict[str, list[pd.DataFrame]]:
    """Each table's per-article DataFrames, from a serial in-memory run."""
    frames: dict[str, list[pd.DataFrame]] = {n: [] for n in TABLE_NAMES}
    for r in engine.run(corpus, engine="serial", fmt="frames"):
        if r.ok:
            for n in TABLE_NAMES:
                frames[n].append(r.tables[n])
    return frames


def test_streamed_csv_equals_concatenated_frames(corpus, tmp_path):
    """Appending per-article CSV chunks gives the bytes of one concatenated DataFrame's CSV."""
    w = engine.table_writer("csv", tmp_path / "out", TABLE_NAMES)
    for r in engine.run(corpus, engine="serial"):
        if r.ok:
            w.add(r)
    frames = frames_by_table(corpus)
    written = w.commit()
    assert [p.name for p in written] == [f"{n}.csv" for n in TABLE_NAMES]
    for n in TABLE_NAMES:
        expected = pd.concat(frames[n], ignore_index=True).to_csv(index=False, lineterminator="\n")
        assert (tmp_path / "out" / f"{n}.csv").read_text(encoding="utf-8") == expected
    visible = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert visible == sorted([*(f"{n}.csv" for n in TABLE_NAMES), "current", "manifest.json"])


def test_writer_shows_nothing_until_commit_and_abort_cleans_up(corpus, tmp_path):
    out = tmp_path / "out"
    w = engine.table_writer("csv", out, TABLE_NAMES)
    assert not out.exists()  # nothing before the first article
    r = next(engine.run(corpus[:1], engine="serial"))
    w.add(r)
    visible = [p.name for p in out.iterdir() if not p.name.startswith(".")]
    assert visible == []  # only hidden temp files while running
    w.abort()
    assert not out.exists()


def test_parquet_writer_round_trip(corpus, tmp_path):
    pytest.importorskip("pyarrow")
    w = engine.table_writer("parquet", tmp_path / "pq", TABLE_NAMES)
    w.row_group_rows = 500  # force several row groups
    for r in engine.run(corpus, engine="serial", fmt="parquet"):
        if r.ok:
            w.add(r)
    frames = frames_by_table(corpus)
    w.commit()
    import pyarrow.parquet as pq

    assert pq.ParquetFile(tmp_path / "pq" / "tokens.parquet").num_row_groups > 1
    for n in TABLE_NAMES:
        got = pd.read_parquet(tmp_path / "pq" / f"{n}.parquet")
        pd.testing.assert_frame_equal(got, pd.concat(frames[n], ignore_index=True), check_dtype=True)


# --- the speed-ups behind the engine keep behaviour identical ---------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = list("aZé1 0.,'-\u2019\u201c\u201d\"$%nts\u2026\u00a0\U0001F44D\ufe0f_(") + ["n't", "U.S.", "'s", "--", "20th"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_token_spans_fast_path_equals_nltk_regexp_tokenizer(text):
    from analysis.tokenise import token_spans, word_tokenizer

    expected = [(s + 3, e + 3) for s, e in word_tokenizer().span_tokenize(text)]
    assert token_spans("abc" + text + "xyz", 3, 3 + len(text)) == expected


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(-(2**40), 2**40), max_size=5),
    st.lists(st.booleans(), max_size=5),
    st.lists(st.one_of(st.none(), st.text(max_size=4)), max_size=5),
)
def test_typed_frame_equals_series_construction(ints, bools, strs):
    from analysis.tables import typed_frame

    n = min(len(ints), len(bools), len(strs))
    schema = {"i": "int64", "b": "bool", "s": "string"}
    data = {"i": ints[:n], "b": bools[:n], "s": strs[:n]}
    got = typed_frame(data, schema)
    expected = pd.DataFrame({c: pd.Series(data[c], dtype=t) for c, t in schema.items()})
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert list(got.dtypes.astype(str)) == ["int64", "bool", "string"]


def test_empty_table_copies_are_independent():
    from analysis.tables import TOKEN_COLUMNS, empty_table

    a = empty_table(TOKEN_COLUMNS)
    a["extra"] = pd.Series([], dtype="int64")
    b = empty_table(TOKEN_COLUMNS)
    assert list(b.columns) == list(TOKEN_COLUMNS) and len(b) == 0
    assert {c: str(t) for c, t in b.dtypes.items()} == TOKEN_COLUMNS


WORDS = st.lists(st.text(alphabet="abAB. -'", min_size=1, max_size=6), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.text(alphabet="abAB. -'x", max_size=40), st.booleans())
def test_trie_alternation_matches_like_longest_first_alternation(surfaces, text, ignorecase):
    import re

    from analysis.lexicons import trie_alternation

    flags = re.IGNORECASE if ignorecase else 0
    longest_first = "|".join(re.escape(s) for s in sorted(set(surfaces), key=lambda s: (-len(s), s)))
    bound_l, bound_r = r"(?<![^\W_])", r"(?![^\W_])"
    old = re.compile(bound_l + "(?:" + longest_first + ")" + bound_r, flags)
    new = re.compile(bound_l + "(?:" + trie_alternation(surfaces, ignorecase) + ")" + bound_r, flags)
    probe = text + " " + " ".join(surfaces)
    assert [m.span() for m in new.finditer(probe)] == [m.span() for m in old.finditer(probe)]


@settings(max_examples=50, deadline=None)
@given(st.integers(-5, 5000))
def test_sentence_index_at_with_cached_starts(seed_doc, offset):
    import bisect

    starts = [s.start for s in seed_doc.sentences]
    assert seed_doc.sentence_index_at(offset) == max(0, bisect.bisect_right(starts, offset) - 1)
    assert seed_doc.sentence_at(offset) is seed_doc.sentences[seed_doc.sentence_index_at(offset)]


class _Future:
    def __init__(self, value=None, exc=None):
        self.value, self.exc, self.released = value, exc, False

    def result(self):
        if self.exc:
            raise self.exc
        return self.value

    def release(self):
        self.released = True


class _Client:
    """Stands in for a distributed Client whose worker died on one file."""

    def __init__(self, deadly: str):
        self.deadly = deadly

    def submit(self, fn, i, s, fmt, timeout=0, pure=False):
        if s == self.deadly:
            return _Future(exc=RuntimeError("KilledWorker"))
        return _Future(fn(i, s, fmt, timeout))


def test_failed_dask_partition_is_retried_file_by_file(corpus):
    batch = [(k, str(p)) for k, p in enumerate(corpus[:3])]
    client = _Client(deadly=str(corpus[1]))
    dead = _Future(exc=RuntimeError("KilledWorker"))
    res = engine.partition_results(client, dead, batch, "csv")
    assert dead.released
    assert [r.index for r in res] == [0, 1, 2]
    assert res[1].error == f"{corpus[1]}: internal error (Dask worker failed: RuntimeError)"
    assert flat([res[0], res[2]]) == flat([engine.analyse_file(0, str(corpus[0])), engine.analyse_file(2, str(corpus[2]))])
    ok = _Future(value=["x"])
    assert engine.partition_results(client, ok, batch, "csv") == ["x"] and ok.released


# --- output folder: runs published as one set (analysis.outdir) -------------------------

import analysis.pipeline  # noqa: E402
from analysis import lifecycle, outdir  # noqa: E402


def publish_run(out: Path, tables: dict[str, str]) -> Path:
    """Publish a run made of ``tables`` (file name -> text) into ``out``; return the run folder."""
    out.mkdir(exist_ok=True)
    run = outdir.new_run(out)
    for name, text in tables.items():
        (run / name).write_text(text)
    outdir.publish(out, run, sorted(tables), {"format": "csv"})
    return run


def test_publish_switches_every_table_at_once_and_keeps_the_previous_run(tmp_path):
    out = tmp_path / "o"
    first = publish_run(out, {"a.csv": "x\n1\n", "b.csv": "y\n1\n"})
    second = publish_run(out, {"a.csv": "x\n2\n", "b.csv": "y\n2\n"})
    assert (out / "a.csv").read_text() == "x\n2\n" and (out / "b.csv").read_text() == "y\n2\n"
    assert os.path.realpath(out / "current") == str(second.resolve())
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["run"] == second.name[len(".run-"):] and manifest["previous"] == first.name[len(".run-"):]
    assert manifest["files"]["a.csv"] == {"bytes": 4, "sha256": hashlib.sha256(b"x\n2\n").hexdigest()}
    assert first.exists()  # a reader that resolved `current` before the switch can still finish
    third = publish_run(out, {"a.csv": "x\n3\n", "b.csv": "y\n3\n"})
    assert sorted(p.name for p in out.glob(".run-*")) == sorted([second.name, third.name])


def test_publish_adopts_plain_tables_of_an_older_build(tmp_path):
    out = tmp_path / "o"
    out.mkdir()
    (out / "a.csv").write_text("old a\n")
    (out / "b.csv").write_text("old b\n")
    publish_run(out, {"a.csv": "new a\n", "b.csv": "new b\n"})
    assert (out / "a.csv").is_symlink() and (out / "a.csv").read_text() == "new a\n"
    adopted = out / f".run-{json.loads((out / 'manifest.json').read_text())['previous']}"
    assert (adopted / "a.csv").read_text() == "old a\n" and (adopted / "b.csv").read_text() == "old b\n"


def test_a_run_in_another_format_leaves_no_dangling_links(tmp_path):
    out = tmp_path / "o"
    publish_run(out, {"a.csv": "x\n"})
    publish_run(out, {"a.parquet": "pq"})
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["a.parquet", "current", "manifest.json"]


def test_remove_debris_keeps_only_the_current_and_previous_runs(tmp_path):
    out = tmp_path / "o"
    first = publish_run(out, {"a.csv": "1\n"})
    second = publish_run(out, {"a.csv": "2\n"})
    killed = outdir.new_run(out)  # a build killed before publishing
    (killed / "a.csv").write_text("partial")
    (out / ".a.csv.x1y2.tmp").write_text("partial")  # an older version's temp file
    (out / ".link.abcd.tmp").symlink_to("current/a.csv")
    removed = outdir.remove_debris(out, ("a",))
    assert sorted(p.name for p in removed) == sorted([killed.name, ".a.csv.x1y2.tmp", ".link.abcd.tmp"])
    assert first.exists() and second.exists() and (out / "a.csv").read_text() == "2\n"


def test_build_lock_reports_the_holder_and_cleans_an_empty_folder(tmp_path):
    out = tmp_path / "new"
    with outdir.BuildLock(out):
        assert (out / ".lock").read_text() == f"{os.getpid()}\n"
        assert str(outdir.Busy(out, "42")) == f"{out}: another build (pid 42) is writing here"
    assert not out.exists()  # created by the lock, nothing published: removed again


# --- lifecycle: time limit and signals -----------------------------------------------------


def spin(limit_s: float = 30.0) -> None:
    """Busy Python code; gives up after ``limit_s`` so that a broken time limit fails instead of hanging."""
    end = time.monotonic() + limit_s
    while time.monotonic() < end:
        pass


@pytest.mark.parametrize("in_thread", [False, True], ids=["main-thread", "worker-thread"])
def test_time_limit_interrupts_python_code_in_any_thread(in_thread):
    caught = []

    def go():
        try:
            with lifecycle.time_limit(0.2):
                spin()
        except lifecycle.FileTimedOut:
            caught.append(True)

    if in_thread:
        t = threading.Thread(target=go)
        t.start()
        t.join(60)
    else:
        go()
    assert caught == [True]


def test_time_limit_lets_a_quick_block_finish_and_leaves_nothing_pending():
    for _ in range(200):
        with lifecycle.time_limit(5):
            sum(range(100))
    with lifecycle.time_limit(0):  # 0: no limit
        pass
    total = sum(range(200_000))  # a stray async exception would land here
    assert total > 0


def test_a_file_over_its_time_limit_is_an_error_result(tmp_path, monkeypatch):
    p = tmp_path / "x.txt"
    p.write_text("Headline\n\nA body sentence here.\n")
    real = analysis.pipeline.article_records
    monkeypatch.setattr("analysis.pipeline.article_records", lambda article: spin() if article.article_id == "x" else real(article))
    (r,) = engine.run([p], engine="serial", timeout=0.3)
    assert r.error == f"{p}: timed out after 0.3 s" and r.tables is None


class Unhandled(Exception):
    pass


def test_stop_signals_raise_build_interrupted_then_are_ignored_during_cleanup():
    def fallback(signum, frame):  # only reached if raise_on_signals did not take the signal
        raise Unhandled(signum)

    old = {s: signal.signal(s, fallback) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        with pytest.raises(lifecycle.BuildInterrupted) as info:
            with lifecycle.raise_on_signals():
                try:
                    os.kill(os.getpid(), signal.SIGTERM)
                    time.sleep(5)
                finally:
                    os.kill(os.getpid(), signal.SIGHUP)  # a second signal does not interrupt clean-up
                    time.sleep(0.05)
        assert info.value.signum == signal.SIGTERM and info.value.name == "SIGTERM"
        assert signal.getsignal(signal.SIGTERM) is fallback  # the old handler is back
    finally:
        for s, h in old.items():
            signal.signal(s, h)
