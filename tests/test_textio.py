"""Reading article files: encodings, line endings and bad input."""
from __future__ import annotations

import codecs

import pytest

from analysis.textio import InputError, decode_bytes, find_articles, read_text, write_atomic

TEXT = "Héadline “quoted” — naïve\n\nBody para one.\n"


def test_utf8_roundtrip(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode("utf-8"))
    assert read_text(p) == TEXT


def test_utf8_bom_is_removed(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert read_text(p) == TEXT


@pytest.mark.parametrize("enc", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path, enc):
    p = tmp_path / "a.txt"
    data = TEXT.encode(enc)
    if enc != "utf-16":  # plain utf-16 writes a BOM itself
        data = (codecs.BOM_UTF16_LE if enc.endswith("le") else codecs.BOM_UTF16_BE) + data
    p.write_bytes(data)
    assert read_text(p) == TEXT


def test_latin1_falls_back(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Caf\xe9 au lait, na\xefve.\n".encode("latin-1"))
    assert read_text(p) == "Café au lait, naïve.\n"


def test_cp1252_smart_quotes(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"He said \x93yes\x94 \x97 twice.")
    assert read_text(p) == "He said \u201cyes\u201d \u2014 twice."


def test_crlf_and_cr_become_lf():
    assert decode_bytes(b"a\r\nb\rc\n") == "a\nb\nc\n"


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "empty file"),
        (b"  \n\t \r\n", "only white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 10, "binary"),
    ],
)
def test_bad_content_raises_one_line(tmp_path, data, problem):
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as ei:
        read_text(p)
    msg = str(ei.value)
    assert problem in msg and str(p) in msg and "\n" not in msg


def test_missing_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_text(tmp_path)


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 300)
    with pytest.raises(InputError, match="too large"):
        read_text(p, max_bytes=1000)


def test_find_articles(tmp_path):
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "README.md").write_text("# about this folder")
    (tmp_path / "empty").mkdir()
    files, errors = find_articles([tmp_path, tmp_path / "missing.txt", tmp_path / "empty"])
    assert [f.name for f in files] == ["a.txt", "b.txt"]
    assert len(errors) == 2
    assert "no such file" in str(errors[0]) and "no text files" in str(errors[1])


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path):
    p = tmp_path / "out" / "t.csv"
    write_atomic(p, "one")
    write_atomic(p, "two")
    assert p.read_text() == "two"
    assert [f.name for f in p.parent.iterdir()] == ["t.csv"]


def test_write_atomic_failure_keeps_old_file(tmp_path):
    p = tmp_path / "t.csv"
    write_atomic(p, "old")

    class Boom:
        def __str__(self):
            raise RuntimeError

    with pytest.raises(TypeError):
        write_atomic(p, Boom())  # not str/bytes: the write fails midway
    assert p.read_text() == "old"
    assert [f.name for f in tmp_path.iterdir()] == ["t.csv"]


def test_readme_named_explicitly_is_taken(tmp_path):
    (tmp_path / "README.md").write_text("x")
    files, errors = find_articles([tmp_path / "README.md"])
    assert [f.name for f in files] == ["README.md"] and not errors
