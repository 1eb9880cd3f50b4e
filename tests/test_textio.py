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


# --- issue 10: decoding never guesses silently ------------------------------------

from analysis.textio import MAX_INVALID_UTF8, decode, display_path, one_line  # noqa: E402


def test_stray_byte_in_utf8_is_replaced_with_a_warning():
    d = decode(b"Z\xc3\xbcrich \xe2\x80\x9cquoted,\xe2\x80\x9d he said. \xff\n")
    assert d.text == "Zürich “quoted,” he said. \ufffd\n" and d.encoding == "utf-8"
    assert d.warnings == ("1 invalid UTF-8 byte(s) at offset(s) 26, replaced with U+FFFD",)
    assert d.text[26] == "\ufffd"


def test_invalid_byte_offsets_are_into_the_decoded_normalised_text():
    d = decode(b"\xc3\xa9a\r\n\xffb\r\n\r\nc\xe2\x80 d")
    assert d.text == "éa\n\ufffdb\n\nc\ufffd\ufffd d"
    assert d.warnings == ("3 invalid UTF-8 byte(s) at offset(s) 3, 8, 9, replaced with U+FFFD",)
    assert [i for i, ch in enumerate(d.text) if ch == "\ufffd"] == [3, 8, 9]


def test_utf8_with_bom_and_a_stray_byte():
    d = decode(codecs.BOM_UTF8 + "naïve \xff".encode("utf-8", "surrogateescape").replace(b"\xc3\xbf", b"\xff"))
    assert d.text == "naïve \ufffd" and len(d.warnings) == 1


def test_at_most_the_threshold_of_invalid_bytes_is_replaced():
    ok = "é".encode() + b" \xff" * MAX_INVALID_UTF8
    assert decode(ok).text.count("\ufffd") == MAX_INVALID_UTF8
    with pytest.raises(InputError, match=r"mixed text encodings: UTF-8 with more than 10 invalid bytes \(the first at byte 3\)"):
        decode(ok + b" \xff", "m.txt")


def test_plain_utf8_has_no_warning():
    d = decode(TEXT.encode("utf-8"))
    assert d.text == TEXT and d.warnings == ()


@pytest.mark.parametrize("text, encoding", [
    ("Zürich “quoted,” he said — café.\n", "cp1252"),
    ("Café au lait, naïve.\n", "cp1252"),
    ("Президент сказал, что война закончится.\n", "cp1251"),
    ("Prezydent powiedział, że wojna się skończy w Łodzi.\n", "cp1250"),
])
def test_single_byte_file_is_decoded_and_named_in_a_warning(text, encoding):
    d = decode(text.encode(encoding))
    assert (d.text, d.encoding, d.warnings) == (text, encoding, (f"not UTF-8; decoded as {encoding}",))


def test_one_line_escapes_controls_but_keeps_unicode():
    assert one_line("a\nb\x1b[31m\tc\r") == "a\\nb\\x1b[31m\\tc\\r"
    assert one_line("北约 Zürich 🙂") == "北约 Zürich 🙂"
    assert one_line("x\u2028y\u202ez\x85") == "x\\u2028y\\u202ez\\x85"
    assert display_path("dir/bad\udcffname.txt") == "dir/bad\\xffname.txt"  # an undecodable byte of a file name


def test_input_error_message_is_one_line_for_a_hostile_name():
    err = InputError("evil\n\x1b[2Jname.txt", "empty file")
    assert str(err) == "evil\\n\\x1b[2Jname.txt: empty file" and err.path == "evil\n\x1b[2Jname.txt"


def test_random_binary_without_nul_is_binary_not_mixed_encodings():
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(InputError, match="binary file"):
        decode(data, "noise.txt")
