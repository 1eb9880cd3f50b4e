"""``python -m analysis build`` at scale: jobs, engines, formats, progress, atomic output."""
from __future__ import annotations

import io
import contextlib
import socket
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import cli, engine
from analysis.cli import main
from test_engine import synthetic

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("sentences", "tokens", "mentions", "claims")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for k in range(12):
        (d / f"doc-{k:02d}.txt").write_text(synthetic(k), encoding="utf-8")
    return d


def build(capsys, *args):
    code = main(["build", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def visible(d: Path) -> list[str]:
    """The names in ``d`` a reader sees (hidden run folders and the lock left out)."""
    return sorted(p.name for p in d.iterdir() if not p.name.startswith("."))


def tables_bytes(d: Path, ext: str = "csv") -> dict[str, bytes]:
    return {n: (d / f"{n}.{ext}").read_bytes() for n in TABLES}


def test_jobs_do_not_change_the_tables(folder, tmp_path, capsys):
    c1, out1, err1 = build(capsys, folder, "--out", tmp_path / "j1", "--jobs", "1")
    c2, out2, err2 = build(capsys, folder, "--out", tmp_path / "j2", "--jobs", "2", "--batch", "2")
    assert c1 == c2 == 0 and err1 == err2 == ""
    assert out1.splitlines()[:-1] == out2.splitlines()[:-1]  # summary lines, in input order
    assert len(out1.splitlines()) == 13
    assert tables_bytes(tmp_path / "j1") == tables_bytes(tmp_path / "j2")
    s = pd.read_csv(tmp_path / "j2" / "sentences.csv", keep_default_na=False)
    assert list(dict.fromkeys(s.article_id)) == [f"doc-{k:02d}" for k in range(12)]


def test_dask_engine_equals_local(folder, tmp_path, capsys):
    pytest.importorskip("dask.bag")
    build(capsys, folder, "--out", tmp_path / "local", "--jobs", "1")
    code, _, err = build(capsys, folder, "--out", tmp_path / "dask", "--engine", "dask", "--scheduler", "synchronous")
    assert code == 0 and err == ""
    assert tables_bytes(tmp_path / "local") == tables_bytes(tmp_path / "dask")


@pytest.mark.slow
def test_dask_local_cluster_from_the_command_line_is_quiet(folder, tmp_path, capsys):
    """A real LocalCluster of 2 workers, started by the CLI: same tables, nothing on stderr —
    even when Dask's default dashboard port 8787 is already taken (another cluster running)."""
    pytest.importorskip("distributed")
    assert build(capsys, folder, "--out", tmp_path / "local", "--jobs", "1")[0] == 0
    blocker = socket.socket()
    with contextlib.suppress(OSError):  # if someone else holds 8787 already, so much the better
        blocker.bind(("", 8787))
        blocker.listen()
    try:
        r = subprocess.run(
            [sys.executable, "-m", "analysis", "build", str(folder), "--out", str(tmp_path / "dask"),
             "--engine", "dask", "--jobs", "2", "-q"],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )
    finally:
        blocker.close()
    assert r.returncode == 0 and r.stderr == ""
    assert r.stdout == f"wrote 4 tables for 12 article(s) to {tmp_path / 'dask'}\n"
    assert tables_bytes(tmp_path / "local") == tables_bytes(tmp_path / "dask")


def test_parquet_output_has_the_csv_rows(folder, tmp_path, capsys):
    pytest.importorskip("pyarrow")
    build(capsys, folder, "--out", tmp_path / "csv", "--jobs", "1")
    code, out, err = build(capsys, folder, "--out", tmp_path / "pq", "--format", "parquet", "--jobs", "1")
    assert code == 0 and err == ""
    assert visible(tmp_path / "pq") == sorted([*(f"{n}.parquet" for n in TABLES), "current", "manifest.json"])
    for n in TABLES:
        pq = pd.read_parquet(tmp_path / "pq" / f"{n}.parquet")
        csv = pd.read_csv(tmp_path / "csv" / f"{n}.csv", dtype={c: str(t) for c, t in pq.dtypes.items()},
                          keep_default_na=False, na_values=[""])
        # CSV cannot tell an empty string from a missing value; Parquet can
        strings = [c for c, t in pq.dtypes.items() if str(t) == "string"]
        pq[strings] = pq[strings].fillna("")
        csv[strings] = csv[strings].fillna("")
        pd.testing.assert_frame_equal(pq, csv, check_dtype=False)
        assert "article_id" in pq.columns


def test_bad_files_are_skipped_and_reported_in_order(folder, tmp_path, capsys):
    (folder / "doc-03.txt").write_bytes(b"")
    (folder / "doc-07.txt").write_bytes(b"\x00\x01binary")
    code, out, err = build(capsys, folder, "--out", tmp_path / "o", "--jobs", "2", "--batch", "2")
    assert code == 2
    assert err == (f"error: {folder / 'doc-03.txt'}: empty file\n"
                   f"error: {folder / 'doc-07.txt'}: binary file (contains NUL bytes), not a text article\n")
    assert out.splitlines()[-1] == f"wrote 4 tables for 10 article(s) to {tmp_path / 'o'}"
    s = pd.read_csv(tmp_path / "o" / "sentences.csv", keep_default_na=False)
    assert "doc-03" not in set(s.article_id) and len(set(s.article_id)) == 10


def test_duplicate_ids_in_a_parallel_run(folder, tmp_path, capsys):
    other = tmp_path / "other"
    other.mkdir()
    (other / "doc-05.txt").write_text(synthetic(40))
    code, _, err = build(capsys, folder, other, "--out", tmp_path / "o", "--jobs", "2")
    assert code == 2
    assert err == f"error: {other / 'doc-05.txt'}: article id 'doc-05' already used by {folder / 'doc-05.txt'}\n"


def test_quiet_drops_summary_lines(folder, tmp_path, capsys):
    code, out, _ = build(capsys, folder, "--out", tmp_path / "o", "-q")
    assert code == 0 and out == f"wrote 4 tables for 12 article(s) to {tmp_path / 'o'}\n"


def test_plain_progress_lines_when_not_a_terminal(folder, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cli, "PROGRESS_EVERY_N", 5)
    code, _, err = build(capsys, folder, "--out", tmp_path / "o", "--progress", "lines", "-q")
    lines = err.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].startswith("progress: 5/12 articles (42%), 0 failed, ")
    assert lines[1].startswith("progress: 10/12 articles")
    assert "articles/s" in lines[0] and "MB/s" in lines[0]


def test_small_runs_print_no_progress_in_auto_mode(folder, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cli, "PROGRESS_EVERY_N", 1)
    code, _, err = build(capsys, folder, "--out", tmp_path / "o")
    assert code == 0 and err == ""


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal():
    stream = FakeTTY()
    p = cli.Progress(3, "auto", stream=stream)
    assert p.mode == "bar"
    for _ in range(3):
        p.update(1000)
    p.close()
    assert "3/3" in stream.getvalue() and "article" in stream.getvalue()


def test_interrupted_build_leaves_no_output(folder, tmp_path, capsys, monkeypatch):
    calls = []
    real = engine.TableWriter._append

    def interrupt(self, tables):
        calls.append(1)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return real(self, tables)

    monkeypatch.setattr(engine.TableWriter, "_append", interrupt)
    code, _, err = build(capsys, folder, "--out", tmp_path / "o", "--jobs", "1")
    assert code == 130 and err == "error: interrupted\n"
    assert not (tmp_path / "o").exists()  # no table, no temp file, no folder


def test_existing_tables_are_replaced_only_at_the_end(folder, tmp_path, capsys, monkeypatch):
    out = tmp_path / "o"
    build(capsys, folder, "--out", out, "--jobs", "1")
    before = tables_bytes(out)
    (folder / "doc-00.txt").write_text(synthetic(99))

    def fail(self, tables):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine.TableWriter, "_append", fail)
    assert build(capsys, folder, "--out", out)[0] == 130
    assert tables_bytes(out) == before  # the old, complete tables are untouched
    assert visible(out) == sorted([*(f"{n}.csv" for n in TABLES), "current", "manifest.json"])
    assert len(list(out.glob(".run-*"))) == 1  # the interrupted run's folder is gone


def test_refuses_to_write_under_data_raw(folder, capsys):
    code, _, err = build(capsys, folder, "--out", ROOT / "data" / "raw" / "processed")
    assert code == 2 and "refusing to write under data/raw" in err
    assert not (ROOT / "data" / "raw" / "processed").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--jobs", "0"], "error: --jobs must be at least 1 (got 0)"),
        (["--batch", "0"], "error: --batch must be at least 1 (got 0)"),
        (["--scheduler", "tcp://127.0.0.1:8786"], "error: --scheduler needs --engine dask"),
    ],
)
def test_bad_option_values(folder, tmp_path, capsys, args, message):
    code, out, err = build(capsys, folder, "--out", tmp_path / "o", *args)
    assert code == 2 and err == message + "\n" and out == ""
    assert not (tmp_path / "o").exists()
