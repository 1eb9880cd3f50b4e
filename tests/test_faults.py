"""Faults of a ``build`` run as a real process: slow files, signals, a killed parent, two builds at once.

Every build here runs in a subprocess through :data:`HARNESS`, which injects the
fault with test-only monkeypatches chosen by environment variables (nothing in
the package reads them):

``TEST_SLOW``   ``<article id>=spin`` (a pure-Python loop that never ends),
                ``<article id>=sleep`` (blocks in one C call, out of reach of the
                in-worker limit) or ``*=<seconds>`` (every article sleeps that long);
``TEST_GRACE``  the pool's hard-deadline grace (``engine.HARD_GRACE_S``), kept short;
``TEST_KILL_AT_REPLACE=k``  the build SIGKILLs itself at its k-th ``os.replace``.

No assertion is about speed: waits are bounded only so that a hang fails.
"""
from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from test_engine import synthetic

psutil = pytest.importorskip("psutil")

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("sentences", "tokens", "mentions", "claims")

HARNESS = r"""
import os, signal, sys, time
import analysis.pipeline as pipeline
slow = os.environ.get("TEST_SLOW", "")
if slow:
    real, (which, how) = pipeline.article_records, slow.split("=")
    def article_records(article):
        if which in ("*", article.article_id):
            if how == "spin":
                while True:
                    pass
            time.sleep(3600 if how == "sleep" else float(how))
        return real(article)
    pipeline.article_records = article_records
if os.environ.get("TEST_GRACE"):
    import analysis.engine
    analysis.engine.HARD_GRACE_S = float(os.environ["TEST_GRACE"])
kill_at = int(os.environ.get("TEST_KILL_AT_REPLACE", "0"))
if kill_at:
    real_replace, calls = os.replace, []
    def replace(*a, **k):
        calls.append(1)
        if len(calls) == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real_replace(*a, **k)
    os.replace = replace
from analysis.cli import main
sys.exit(main(["build", *sys.argv[1:]]))
"""

WAIT_S = 120  # upper bound of any wait: only a hang reaches it


def corpus(d: Path, n: int, start: int = 0) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for k in range(start, start + n):
        (d / f"doc-{k:03d}.txt").write_text(synthetic(k), encoding="utf-8")
    return d


def env(**extra: str) -> dict[str, str]:
    e = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    e.update(extra)
    return e


def build(*args, **hooks) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", HARNESS, *map(str, args)], cwd=ROOT, env=env(**hooks),
                          capture_output=True, text=True, timeout=WAIT_S)


class Build:
    """A build running in the background; its stdout and stderr are collected as they come."""

    def __init__(self, *args, **hooks) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", HARNESS, *map(str, args)], cwd=ROOT, env=env(**hooks),
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.err: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()
        self.err_thread = threading.Thread(target=lambda: self.err.extend(self.proc.stderr), daemon=True)
        self.err_thread.start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)

    def wait_for_output(self) -> str:
        """The first stdout line (a per-article summary: the run is under way)."""
        return self.lines.get(timeout=WAIT_S)

    def descendants(self) -> list:
        return psutil.Process(self.proc.pid).children(recursive=True)

    def finish(self) -> tuple[int, str]:
        """Exit status and stderr; stderr still open after the exit means a child outlived the build."""
        self.proc.wait(timeout=WAIT_S)
        self.err_thread.join(timeout=30)
        if self.err_thread.is_alive():
            self.err.append("<stderr still open: a child process outlived the build>\n")
        return self.proc.returncode, "".join(self.err)


def alive(procs) -> list:
    out = []
    for p in procs:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                out.append(p)
        except psutil.NoSuchProcess:
            pass
    return out


def wait_until_dead(procs) -> list:
    deadline = time.monotonic() + 30
    while alive(procs) and time.monotonic() < deadline:
        time.sleep(0.2)
    return alive(procs)


def article_ids(out: Path, table: str) -> set[str]:
    return set(pd.read_csv(out / f"{table}.csv", keep_default_na=False, usecols=["article_id"]).article_id)


def debris(out: Path) -> list[str]:
    """Hidden entries a reader does not need: anything but the lock and the current/previous runs."""
    keep = {".lock"}
    cur = out / "current"
    if cur.is_symlink():
        run = os.readlink(cur)
        keep.add(run)
        prev = json.loads((out / run / "manifest.json").read_text()).get("previous")
        if prev:
            keep.add(f".run-{prev}")
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".") and p.name not in keep)


# --- a time limit per file -----------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("how", [
    ["--jobs", "1"],
    ["--jobs", "2", "--batch", "2"],
    ["--engine", "dask", "--scheduler", "threads", "--jobs", "2"],
    ["--engine", "dask", "--scheduler", "processes", "--jobs", "2"],
], ids=["serial", "pool", "dask-threads", "dask-processes"])
def test_a_file_over_its_time_limit_is_skipped_and_the_run_goes_on(tmp_path, how):
    src = corpus(tmp_path / "in", 10)
    r = build(src, "--out", tmp_path / "o", "--file-timeout", "1", "-q", *how, TEST_SLOW="doc-004=spin")
    assert r.stderr == f"error: {src / 'doc-004.txt'}: timed out after 1 s\n"
    assert r.returncode == 2
    assert r.stdout == f"wrote 4 tables for 9 article(s) to {tmp_path / 'o'}\n"
    for t in TABLES:
        assert "doc-004" not in article_ids(tmp_path / "o", t)
    assert article_ids(tmp_path / "o", "sentences") == {f"doc-{k:03d}" for k in range(10) if k != 4}


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_blocked_in_c_code_is_killed_after_the_hard_deadline(tmp_path, jobs):
    """``time.sleep`` cannot be interrupted in the worker: the pool kills it and reports the file."""
    src = corpus(tmp_path / "in", 4)
    r = build(src, "--out", tmp_path / "o", "--file-timeout", "0.5", "-q", "--jobs", jobs, "--batch", "1",
              TEST_SLOW="doc-002=sleep", TEST_GRACE="0.5")
    assert r.stderr == f"error: {src / 'doc-002.txt'}: timed out after 0.5 s\n"
    assert r.returncode == 2
    assert article_ids(tmp_path / "o", "claims") <= {"doc-000", "doc-001", "doc-003"}
    assert article_ids(tmp_path / "o", "sentences") == {"doc-000", "doc-001", "doc-003"}


def test_file_timeout_must_not_be_negative(tmp_path):
    r = build(corpus(tmp_path / "in", 1), "--out", tmp_path / "o", "--file-timeout", "-1")
    assert r.returncode == 2 and r.stderr == "error: --file-timeout must be 0 (no limit) or more (got -1)\n"
    assert not (tmp_path / "o").exists()


# --- signals ---------------------------------------------------------------------------


POOL = ("--jobs", "2", "--batch", "1")
DASK = ("--engine", "dask", "--jobs", "2", "--batch", "1")


def signal_case(tmp_path: Path, how: tuple[str, ...]) -> tuple[Path, Path]:
    """Input folder and size for a build that runs long enough to be stopped.

    Spawned Dask workers do not see the harness's slowdown: they get more files.
    """
    return corpus(tmp_path / "in", 400 if how == DASK else 40), tmp_path / "o"


@pytest.mark.slow
@pytest.mark.parametrize("sig, code, line, how", [
    (signal.SIGTERM, 143, "error: interrupted by SIGTERM\n", POOL),
    (signal.SIGHUP, 129, "error: interrupted by SIGHUP\n", POOL),
    (signal.SIGINT, 130, "error: interrupted\n", POOL),
    (signal.SIGTERM, 143, "error: interrupted by SIGTERM\n", DASK),
], ids=["term-pool", "hup-pool", "int-pool", "term-dask-localcluster"])
def test_a_signal_stops_the_build_cleanly(tmp_path, sig, code, line, how):
    src, out = signal_case(tmp_path, how)
    b = Build(src, "--out", out, "--progress", "off", *how, TEST_SLOW="*=0.2")
    b.wait_for_output()
    workers = b.descendants()
    assert workers
    b.proc.send_signal(sig)
    assert b.finish() == (code, line)  # one line: no traceback, no leaked-semaphore warning
    assert wait_until_dead(workers) == []
    assert not out.exists()  # created by this run: removed with everything in it


@pytest.mark.slow
def test_sigterm_keeps_the_previous_tables(tmp_path):
    out = tmp_path / "o"
    assert build(corpus(tmp_path / "a", 3), "--out", out, "-q").returncode == 0
    before = {t: (out / f"{t}.csv").read_bytes() for t in TABLES}
    b = Build(corpus(tmp_path / "in", 40), "--out", out, "--jobs", "2", "--batch", "1", TEST_SLOW="*=0.2")
    b.wait_for_output()
    b.proc.send_signal(signal.SIGTERM)
    assert b.finish() == (143, "error: interrupted by SIGTERM\n")
    assert {t: (out / f"{t}.csv").read_bytes() for t in TABLES} == before
    assert debris(out) == []


@pytest.mark.slow
@pytest.mark.parametrize("how", [POOL, DASK], ids=["pool", "dask-localcluster"])
def test_killed_build_leaves_no_worker_and_the_next_build_removes_its_files(tmp_path, how):
    src, out = signal_case(tmp_path, how)
    b = Build(src, "--out", out, *how, TEST_SLOW="*=0.2")
    b.wait_for_output()
    workers = b.descendants()
    assert workers
    b.proc.kill()
    b.finish()
    assert wait_until_dead(workers) == []
    assert debris(out)  # the killed build left its unfinished files
    again = build(corpus(tmp_path / "small", 2), "--out", out, "-q")
    assert again.returncode == 0, again.stderr
    assert debris(out) == []
    assert article_ids(out, "tokens") == {"doc-000", "doc-001"}


# --- one build per folder, tables as one set ------------------------------------------------


@pytest.mark.slow
def test_a_second_build_into_the_same_folder_is_refused(tmp_path):
    out = tmp_path / "o"
    first = Build(corpus(tmp_path / "in", 40), "--out", out, "--jobs", "1", "--batch", "1", TEST_SLOW="*=1")
    first.wait_for_output()
    second = build(corpus(tmp_path / "b", 2), "--out", out, "-q")
    assert first.proc.poll() is None  # the first build was running all along
    assert second.returncode == 2
    assert second.stderr == f"error: {out}: another build (pid {first.proc.pid}) is writing here\n"
    first.proc.send_signal(signal.SIGTERM)
    assert first.finish() == (143, "error: interrupted by SIGTERM\n")
    assert not out.exists()  # the refused build touched nothing; the first removed its own folder


@pytest.mark.slow
def test_wait_runs_the_second_build_after_the_first(tmp_path):
    out = tmp_path / "o"
    # 20 articles of 1 s: the second build must start (imports, warm-up) and reach the lock while
    # the first still runs, also on a loaded machine (8 s was not always enough)
    first = Build(corpus(tmp_path / "in", 20), "--out", out, "--jobs", "1", "--batch", "1", TEST_SLOW="*=1")
    first.wait_for_output()
    second = Build(corpus(tmp_path / "b", 2, start=50), "--out", out, "--wait", "-q")
    deadline = time.monotonic() + WAIT_S
    while not any(f.path == str(out / ".lock") for f in psutil.Process(second.proc.pid).open_files()):
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert first.proc.poll() is None  # the second is at the lock while the first holds it
    assert first.finish() == (0, "")
    assert second.finish() == (0, "")
    assert article_ids(out, "sentences") == {"doc-050", "doc-051"}
    manifest = json.loads((out / "manifest.json").read_text())
    first_run = [p.name for p in out.glob(".run-*") if os.readlink(out / "current") != p.name]
    assert first_run == [f".run-{manifest['previous']}"]  # the second published after the first


@pytest.mark.slow
@pytest.mark.parametrize("k", [1, 3])
def test_a_build_killed_while_publishing_never_leaves_a_mixed_set(tmp_path, k):
    """SIGKILL at the k-th rename of the publishing step: the tables are all old or all new."""
    out = tmp_path / "o"
    old, new = corpus(tmp_path / "old", 3), corpus(tmp_path / "new", 3, start=10)
    assert build(old, "--out", out, "-q").returncode == 0
    killed = build(new, "--out", out, "-q", TEST_KILL_AT_REPLACE=str(k))
    sets = {t: article_ids(out, t) for t in TABLES}
    assert sets["sentences"] in ({"doc-000", "doc-001", "doc-002"}, {"doc-010", "doc-011", "doc-012"})
    assert sets["tokens"] == sets["mentions"] == sets["sentences"] >= sets["claims"], sets  # one run only
    if sets["sentences"] == {"doc-010", "doc-011", "doc-012"}:
        assert killed.returncode in (0, -signal.SIGKILL)
    assert build(new, "--out", out, "-q").returncode == 0
    assert debris(out) == []


@pytest.mark.slow
def test_leftovers_of_older_killed_builds_are_removed(tmp_path):
    out = tmp_path / "o"
    out.mkdir()
    (out / ".sentences.csv.x1y2z3.tmp").write_text("partial")  # what older versions left behind
    (out / ".run-19990101T000000Z-1-abcdef").mkdir()  # a run killed before publishing
    (out / ".run-19990101T000000Z-1-abcdef" / "tokens.csv").write_text("partial")
    assert build(corpus(tmp_path / "in", 2), "--out", out, "-q").returncode == 0
    assert debris(out) == []
