"""``python -m analysis build``: outputs, summary lines and every kind of bad input."""
from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Markets Rally\n\nStocks rose on Monday, traders said.\n\n\u201cIt was a good day,\u201d said Ana Ruiz.\n"


def run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_build_seed_writes_all_tables(tmp_path, capsys, seed_path):
    code, out, err = run(["build", str(seed_path), "--out", str(tmp_path)], capsys)
    assert code == 0, err
    assert err == ""
    visible = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert visible == ["claims.csv", "current", "manifest.json", "mentions.csv", "sentences.csv", "tokens.csv"]
    assert out.splitlines()[0].startswith("newsweek-nato-fills-holes-stockpiles: 31 sentences, 709 tokens")
    tokens = pd.read_csv(tmp_path / "tokens.csv", keep_default_na=False)
    text = seed_path.read_text(encoding="utf-8")
    assert all(text[s:e] == t for s, e, t in zip(tokens.start, tokens.end, tokens.text.astype(str)))


def test_build_default_is_data_raw(tmp_path, capsys):
    code, out, _ = run(["build", "--out", str(tmp_path)], capsys)
    assert code == 0 and "newsweek-nato-fills-holes-stockpiles" in out


def test_build_is_deterministic(tmp_path, capsys, seed_path):
    run(["build", str(seed_path), "--out", str(tmp_path / "a")], capsys)
    run(["build", str(seed_path), "--out", str(tmp_path / "b")], capsys)
    for name in ("sentences", "tokens", "mentions", "claims"):
        assert (tmp_path / "a" / f"{name}.csv").read_bytes() == (tmp_path / "b" / f"{name}.csv").read_bytes()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / "in" / name
    p.parent.mkdir(exist_ok=True)
    p.write_bytes(data)
    return p


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\n \t\n", "only white space"),
        ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, "binary"),
    ],
)
def test_bad_file_one_line_exit_2_no_output(tmp_path, capsys, name, data, problem):
    p = write(tmp_path, name, data)
    out_dir = tmp_path / "out"
    code, out, err = run(["build", str(p), "--out", str(out_dir)], capsys)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"error: {p}: ") and problem in err
    assert not out_dir.exists()  # no partial output


def test_missing_path(tmp_path, capsys):
    code, _, err = run(["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o")], capsys)
    assert code == 2 and err == f"error: {tmp_path / 'nope.txt'}: no such file or folder\n"


def test_folder_without_text_files(tmp_path, capsys):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "pic.jpg").write_bytes(b"\xff\xd8")
    code, _, err = run(["build", str(tmp_path / "d"), "--out", str(tmp_path / "o")], capsys)
    assert code == 2 and "no text files" in err and err.count("\n") == 1
    assert not (tmp_path / "o").exists()


def test_huge_article_refused(tmp_path, capsys):
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:  # 20 MB of plausible text
        line = b"The minister said the budget would rise again next year. " * 100 + b"\n\n"
        while fh.tell() < 20 * 1024 * 1024:
            fh.write(line)
    code, _, err = run(["build", str(p), "--out", str(tmp_path / "o")], capsys)
    assert code == 2 and "too large" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    "name, data",
    [
        ("latin1.txt", GOOD.replace("Ruiz", "Ru\u00edz").encode("latin-1", errors="replace").replace(b"?", b'"')),
        ("utf16.txt", GOOD.encode("utf-16")),
        ("bom.txt", codecs.BOM_UTF8 + GOOD.encode("utf-8")),
        ("crlf.txt", GOOD.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_encodings_and_line_endings_are_analysed(tmp_path, capsys, name, data):
    p = write(tmp_path, name, data)
    out_dir = tmp_path / "out"
    code, out, err = run(["build", str(p), "--out", str(out_dir)], capsys)
    assert code == 0, err
    from analysis.textio import read_text

    text = read_text(p)
    assert "\r" not in text and not text.startswith("\ufeff")
    s = pd.read_csv(out_dir / "sentences.csv", keep_default_na=False)
    assert all(text[a:b] == t for a, b, t in zip(s.start, s.end, s.text))
    assert len(s) == 3


def test_one_long_line_without_blank_lines(tmp_path, capsys):
    p = write(tmp_path, "oneline.txt", (" ".join(f"Sentence number {i} is here." for i in range(2000))).encode())
    code, out, err = run(["build", str(p), "--out", str(tmp_path / "o")], capsys)
    assert code == 0, err
    s = pd.read_csv(tmp_path / "o" / "sentences.csv")
    assert len(s) == 2000 and set(s.paragraph_id) == {0} and set(s.zone) == {"body"}


def test_bad_file_does_not_stop_the_others(tmp_path, capsys, seed_path):
    bad = write(tmp_path, "bad.txt", b"")
    good = write(tmp_path, "good.txt", GOOD.encode())
    out_dir = tmp_path / "out"
    code, out, err = run(["build", str(bad), str(good), str(seed_path), "--out", str(out_dir)], capsys)
    assert code == 2
    assert err == f"error: {bad}: empty file\n"
    s = pd.read_csv(out_dir / "sentences.csv", keep_default_na=False)
    assert sorted(set(s.article_id)) == ["good", "newsweek-nato-fills-holes-stockpiles"]


def test_duplicate_article_id_is_reported(tmp_path, capsys):
    a = tmp_path / "a" / "same.txt"
    b = tmp_path / "b" / "same.txt"
    for p in (a, b):
        p.parent.mkdir()
        p.write_text(GOOD)
    code, _, err = run(["build", str(a), str(b), "--out", str(tmp_path / "o")], capsys)
    assert code == 2 and "already used" in err


def test_module_entry_point_no_traceback(tmp_path):
    p = tmp_path / "e.txt"
    p.write_bytes(b"")
    r = subprocess.run([sys.executable, "-m", "analysis", "build", str(p), "--out", str(tmp_path / "o")],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2
    assert r.stderr == f"error: {p}: empty file\n"
    assert "Traceback" not in r.stderr


def test_data_raw_is_never_written(tmp_path, capsys, seed_path):
    before = {p.name: p.read_bytes() for p in seed_path.parent.iterdir()}
    run(["build", "--out", str(tmp_path)], capsys)
    assert {p.name: p.read_bytes() for p in seed_path.parent.iterdir()} == before
