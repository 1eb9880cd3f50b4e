"""Issue 10, input side, through the real command line (``python -m analysis …`` in a
subprocess): exit status, the exact stderr lines and the tables' contents for
stray bytes, legacy encodings, continued quotations, saved web pages and odd file names."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent

#: The issue's file: UTF-8 with one stray byte (0xFF) at the end.
STRAY = b"Z\xc3\xbcrich \xe2\x80\x9cquoted,\xe2\x80\x9d he said. \xff\n"

CONTINUED = (
    "Alliance vows support\n\n"
    'Stoltenberg said: "We will stand by Ukraine.\n\n'
    'And we will not stop," Stoltenberg told reporters.\n'
)

PAGE = """<!DOCTYPE html>
<html><head><title>Harbour town votes to rebuild its old pier</title>
<meta name="author" content="Mara Kell">
<meta property="article:published_time" content="2025-05-14">
<script>var tracking = "a href=";</script></head>
<body><nav><a href="/">Home</a> | <a href="/local">Local</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour town votes to rebuild its old pier</h1>
<p>The council of Port Elling voted on Tuesday to rebuild the wooden pier that storms
destroyed last winter, ending a debate that had divided the town for months.</p>
<p>&quot;We owe it to the fishermen,&quot; said Mayor Ilse Brandt after the vote. She said
the work would begin in the spring and take about a year.</p>
<p>Opponents said the money should go to the flood wall instead. &ldquo;The sea will not
wait for a pier,&rdquo; said Tomas Reede, who leads the residents' association.</p>
</article>
<footer><p>Copyright 2031 Coast Weekly. <a href="/terms">Terms</a></p></footer>
</body></html>
"""


def cli(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *map(str, args)], cwd=cwd, capture_output=True, text=True, timeout=300,
    )


def table(out: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{name}.csv", keep_default_na=False, dtype={"text": str})


def write(folder: Path, name: str, data: bytes | str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


# --- 1. decoding ---------------------------------------------------------------


def test_stray_byte_is_replaced_and_warned(tmp_path):
    f = write(tmp_path / "in", "m.txt", STRAY)
    r = cli("build", f, "--out", tmp_path / "out", "-q")
    assert r.returncode == 0
    assert r.stderr == f"warning: {f}: 1 invalid UTF-8 byte(s) at offset(s) 26, replaced with U+FFFD\n"
    tokens = table(tmp_path / "out", "tokens")
    assert "Zürich" in set(tokens.text) and not any("Ã" in t for t in tokens.text)


@pytest.mark.parametrize("engine", [[], ["--engine", "dask", "--scheduler", "processes"]], ids=["pool", "dask"])
def test_stray_byte_warning_comes_from_worker_processes(tmp_path, engine):
    """Eight files and --jobs 2: worker processes (the pool, or Dask's) analyse them;
    each warning still reaches stderr, in input order."""
    folder = tmp_path / "in"
    files = [write(folder, f"m{k}.txt", STRAY) for k in range(8)]
    r = cli("build", folder, "--out", tmp_path / "out", "-q", "--jobs", "2", "--batch", "2", *engine)
    assert r.returncode == 0
    assert r.stderr.splitlines() == [
        f"warning: {f}: 1 invalid UTF-8 byte(s) at offset(s) 26, replaced with U+FFFD" for f in files
    ]


def test_render_prints_the_warning(tmp_path):
    f = write(tmp_path / "in", "m.txt", STRAY)
    r = cli("render", f, "--out", tmp_path / "reports")
    assert r.returncode == 0
    assert r.stderr == f"warning: {f}: 1 invalid UTF-8 byte(s) at offset(s) 26, replaced with U+FFFD\n"


def test_many_invalid_bytes_are_refused(tmp_path):
    f = write(tmp_path / "in", "mixed.txt", "Zürich said. ".encode() + "Caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la carte, na\xefve.".encode("cp1252") * 3)
    r = cli("build", f, "--out", tmp_path / "out", "-q")
    assert r.returncode == 2
    assert r.stderr == (
        f"error: {f}: mixed text encodings: UTF-8 with more than 10 invalid bytes "
        "(the first at byte 17); convert the file to UTF-8\n"
    )
    assert not (tmp_path / "out").exists()


def test_cp1252_file_is_decoded_with_a_warning(tmp_path):
    f = write(tmp_path / "in", "legacy.txt", "Z\xfcrich \u201cquoted,\u201d he said.\n".encode("cp1252"))
    r = cli("build", f, "--out", tmp_path / "out", "-q")
    assert r.returncode == 0
    assert r.stderr == f"warning: {f}: not UTF-8; decoded as cp1252\n"
    assert "Zürich" in set(table(tmp_path / "out", "tokens").text)


# --- 2. a quotation continued into a new paragraph ---------------------------------


def test_continued_quotation_keeps_its_first_letter(tmp_path):
    f = write(tmp_path / "in", "pledge.txt", CONTINUED)
    r = cli("build", f, "--out", tmp_path / "out", "-q")
    assert r.returncode == 0 and r.stderr == ""
    claims = table(tmp_path / "out", "claims")
    assert "And we will not stop" in set(claims.text)
    assert not any(t.startswith("nd ") for t in claims.text)
    assert all(CONTINUED[s:e] == t for s, e, t in zip(claims.start, claims.end, claims.text))


# --- 3. web pages --------------------------------------------------------------


@pytest.mark.parametrize("name", ["pier.html", "pier.htm", "pier.txt"])
def test_saved_web_page_is_read_as_its_article(tmp_path, name):
    f = write(tmp_path / "in", name, PAGE)
    out = tmp_path / "out"
    r = cli("build", f, "--out", out, "-q")
    assert r.returncode == 0 and r.stderr == ""
    text = (out / "text" / "pier.txt").read_text(encoding="utf-8")
    assert text.startswith("Harbour town votes to rebuild its old pier\n\nThe council of Port Elling")
    assert "Home" not in text and "Copyright" not in text and "<" not in text
    claims, mentions, sentences = table(out, "claims"), table(out, "mentions"), table(out, "sentences")
    assert not any("href" in t or "quot;" in t for t in claims.text)
    assert not any("quot" in t for t in mentions.surface)
    assert {"We owe it to the fishermen", "The sea will not wait for a pier"} <= set(claims.text)
    for df, col in ((claims, "text"), (mentions, "surface"), (sentences, "text"), (table(out, "tokens"), "text")):
        assert all(text[s:e] == t for s, e, t in zip(df.start, df.end, df[col]))
    assert sentences.zone.iloc[0] == "headline" and sentences.text.iloc[0] == "Harbour town votes to rebuild its old pier"


def test_folder_scan_takes_web_pages(tmp_path):
    write(tmp_path / "in", "pier.html", PAGE)
    write(tmp_path / "in", "note.txt", CONTINUED)
    r = cli("build", tmp_path / "in", "--out", tmp_path / "out", "-q")
    assert r.returncode == 0 and r.stderr == ""
    assert set(table(tmp_path / "out", "sentences").article_id) == {"pier", "note"}
    assert sorted(p.name for p in (tmp_path / "out" / "text").iterdir()) == ["pier.txt"]


def test_web_page_without_article_text_is_an_error(tmp_path):
    f = write(tmp_path / "in", "empty.html", "<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    r = cli("build", f, "--out", tmp_path / "out", "-q")
    assert r.returncode == 2
    assert r.stderr == f"error: {f}: no article text found in HTML\n"


def test_importing_the_extractor_prints_nothing():
    r = subprocess.run([sys.executable, "-c", "import analysis.webpage, trafilatura"], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stderr == "" and r.stdout == ""


# --- 4. names -----------------------------------------------------------------


def test_non_latin_file_names_get_distinct_meaningful_ids(tmp_path):
    for name in ("北约.txt", "копия.txt", "Zürich café.txt"):
        write(tmp_path / "in", name, CONTINUED)
    r = cli("build", tmp_path / "in", "--out", tmp_path / "out", "-q")
    assert r.returncode == 0 and r.stderr == ""
    assert set(table(tmp_path / "out", "sentences").article_id) == {"bei-yue", "kopiya", "zurich-cafe"}


@pytest.mark.parametrize("name, shown", [
    ("a\nb.txt", "a\\nb.txt"),
    ("\x1b[31mred.txt", "\\x1b[31mred.txt"),
    ("tab\there.txt", "tab\\there.txt"),
])
def test_control_characters_in_file_names_are_escaped(tmp_path, name, shown):
    write(tmp_path / "in", name, b"")
    r = cli("build", tmp_path / "in" / name, "--out", tmp_path / "out")
    assert r.returncode == 2
    assert r.stderr == f"error: {tmp_path / 'in'}/{shown}: empty file\n"


def test_escaped_name_in_warning_keeps_unicode_readable(tmp_path):
    f = write(tmp_path / "in", "Zürich\nnews.txt", STRAY)
    r = cli("build", f, "--out", tmp_path / "out", "-q")
    assert r.returncode == 0
    assert r.stderr == f"warning: {tmp_path / 'in'}/Zürich\\nnews.txt: 1 invalid UTF-8 byte(s) at offset(s) 26, replaced with U+FFFD\n"


@pytest.mark.parametrize("command", ["build", "render"])
def test_out_pointing_at_a_file_is_not_a_directory(tmp_path, command):
    f = write(tmp_path / "in", "note.txt", CONTINUED)
    target = write(tmp_path, "taken.txt", "keep me")
    r = cli(command, f, "--out", target)
    assert r.returncode == 2
    assert r.stderr == f"error: {target}: not a directory\n"
    assert target.read_text() == "keep me" and sorted(p.name for p in tmp_path.iterdir()) == ["in", "taken.txt"]
