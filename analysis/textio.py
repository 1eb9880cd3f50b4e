"""Read article files safely, and write outputs atomically.

Bad input never produces a traceback: :func:`read_text` raises
:class:`InputError`, whose message is one line naming the file and the
problem; the CLI prints it and exits with status 2.
"""
from __future__ import annotations

import codecs
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

#: Files larger than this are refused (a news article is a few tens of KB).
MAX_BYTES: int = 10 * 1024 * 1024

#: File suffixes treated as articles when a folder is given.
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".text", ".md", ".html", ".htm")


#: C0 control characters other than tab, LF, form feed and CR (a sign of binary data).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


#: File stems (upper case) skipped when scanning a folder: folder documentation, not articles.
NOT_ARTICLES: frozenset[str] = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE", "COPYING", "PROVENANCE"})


#: A UTF-8 file may hold at most this many invalid bytes: each becomes U+FFFD with a
#: warning.  More than this in a file that also has valid UTF-8 characters means
#: mixed encodings (e.g. a CP1252 paragraph pasted into a UTF-8 file): refused.
MAX_INVALID_UTF8: int = 10

#: A valid multi-byte UTF-8 sequence (RFC 3629): evidence that a file is UTF-8.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)

#: In a single-byte Western file, accented letters are a minority of the letters
#: (French ~4 %, German ~2 %); text from another code page read as CP1252 is not
#: ("Ïðåçèäåíò" is Russian CP1251 read as CP1252).
WESTERN_MAX_NONASCII_LETTERS: float = 0.25

#: Non-ASCII non-letters that may touch a letter in Western text: quotes (“so”, don’t),
#: dashes, ellipsis, Spanish ¿¡, guillemets, NBSP, soft hyphen, middle dot.  Any other
#: upper-half symbol touching a letter is a misread letter (Polish "ła" in CP1250 read
#: as CP1252 is "³a", "Łódź" is "£ódŸ").
_TOUCHING_LETTER_OK = frozenset("\u2018\u2019\u201a\u201c\u201d\u201e\u2010\u2011\u2013\u2014\u2026"
                                "\u00bf\u00a1\u00ab\u00bb\u2039\u203a\u00a0\u00ad\u00b7\u00b4")

#: Unicode formatting characters that reorder text on a terminal (bidi overrides), escaped in messages.
_BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape_char(ch: str) -> str:
    """``repr``-style escape of one control character; a lone surrogate (an undecodable
    byte of a file name, see ``os.fsdecode``) is shown as the byte ``\\xNN``."""
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return repr(ch)[1:-1] if code < 0x100 else f"\\u{code:04x}"


def one_line(s: str) -> str:
    """``s`` with control characters, line/paragraph separators, surrogates and bidi
    controls escaped (``a\\nb``), other characters (é, 北, emoji) kept readable."""
    return "".join(
        _escape_char(c) if (unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") or c in _BIDI_CONTROLS) else c
        for c in s
    )


def display_path(path: str | Path) -> str:
    """A file name as printed in a one-line message (see :func:`one_line`)."""
    return one_line(str(path))


def warning_line(path: str | Path, problem: str) -> str:
    """The one-line warning ``warning: <file>: <problem>`` for doubtful input."""
    return f"warning: {display_path(path)}: {one_line(problem)}"


class InputError(Exception):
    """A bad input file; ``str(err)`` is a one-line message naming the file (escaped)."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{display_path(path)}: {one_line(problem)}")


@dataclass(frozen=True)
class Decoded:
    """Decoded article text, the encoding used, and warnings (problems, without the file name)."""

    text: str
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> str:
    """The decoded text of article bytes (see :func:`decode`)."""
    return decode(data, path).text


def decode(data: bytes, path: str | Path = "<bytes>") -> Decoded:
    """Decode article bytes; never guess silently.

    - UTF-8 (with or without BOM) and UTF-16 with BOM are read as such.
    - UTF-8 with at most :data:`MAX_INVALID_UTF8` invalid bytes: each invalid byte
      becomes U+FFFD, with a warning giving their offsets in the decoded text.
      More invalid bytes in a file that has valid UTF-8 characters too: refused
      (mixed encodings).
    - No valid UTF-8 character at all: a single-byte file.  CP1252 (Latin-1 if
      it has bytes CP1252 leaves undefined) when the result reads as Western
      text (:func:`_plausible_western`); else the code page charset-normalizer
      detects, if it recognises a language; else refused.  Either way a warning
      names the encoding used.

    Binary data (NUL bytes outside UTF-16, or many control characters) is
    refused with :class:`InputError`.  CRLF and lone CR become LF, so offsets
    are into the text as decoded and normalised.
    """
    if data.startswith(codecs.BOM_UTF8):
        decoded = _decode_utf8(data[3:], path)
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        decoded = Decoded(_normalise_newlines(_decode(data, "utf-16", path)), "utf-16")
    elif b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes), not a text article")
    elif data.isascii() or _UTF8_MULTIBYTE.search(data):
        decoded = _decode_utf8(data, path)
    else:
        decoded = _decode_single_byte(data, path)
    text = decoded.text
    controls = len(_CONTROL_CHARS.findall(text, 0, 65536))
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(path, "binary file (control characters), not a text article")
    return decoded


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_utf8(data: bytes, path: str | Path) -> Decoded:
    """UTF-8, each invalid byte replaced by U+FFFD (warned); refused past :data:`MAX_INVALID_UTF8`."""
    parts: list[str] = []
    offsets: list[int] = []
    view = memoryview(data)
    pos = length = 0
    while True:
        try:
            parts.append(_normalise_newlines(codecs.utf_8_decode(view[pos:], "strict", True)[0]))
            break
        except UnicodeDecodeError as err:
            # pieces between invalid bytes are normalised on their own: U+FFFD is
            # neither CR nor LF, so this equals normalising the whole text
            piece = _normalise_newlines(codecs.utf_8_decode(view[pos : pos + err.start], "strict", True)[0])
            length += len(piece)
            n_bad = err.end - err.start
            offsets.extend(range(length, length + n_bad))
            parts += [piece, "\ufffd" * n_bad]
            length += n_bad
            if len(offsets) > MAX_INVALID_UTF8:
                if _binary_bytes(data):
                    raise InputError(path, "binary file (control characters), not a text article") from None
                raise InputError(
                    path,
                    f"mixed text encodings: UTF-8 with more than {MAX_INVALID_UTF8} invalid bytes "
                    f"(the first at byte {_first_bad_byte(data)}); convert the file to UTF-8",
                ) from None
            pos += err.end
    if not offsets:
        return Decoded("".join(parts))
    where = ", ".join(map(str, offsets))
    return Decoded(
        "".join(parts),
        "utf-8",
        (f"{len(offsets)} invalid UTF-8 byte(s) at offset(s) {where}, replaced with U+FFFD",),
    )


def _binary_bytes(data: bytes) -> bool:
    """Many C0 control bytes (as in :func:`decode`'s check of the text): binary data, not mis-encoded text."""
    head = data[:65536]
    controls = len(_CONTROL_BYTES.findall(head))
    return controls > max(8, len(head) // 100)


_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")


def _first_bad_byte(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start
    return -1


def _decode_single_byte(data: bytes, path: str | Path) -> Decoded:
    """A file without a single valid UTF-8 character: CP1252/Latin-1 if it reads as Western text,
    else the code page charset-normalizer detects; a warning names the encoding."""
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    if not _plausible_western(text):
        detected = _detect_encoding(data)
        if detected is None:
            raise InputError(path, "unknown text encoding (not UTF-8, and not a code page that reads as text); "
                                   "convert the file to UTF-8")
        text, encoding = data.decode(detected), detected
    return Decoded(_normalise_newlines(text), encoding, (f"not UTF-8; decoded as {encoding}",))


def _plausible_western(text: str) -> bool:
    """Does single-byte-decoded ``text`` read as Western European text?

    Accented letters are a minority of the letters (at most
    :data:`WESTERN_MAX_NONASCII_LETTERS`), and no upper-half symbol other than
    punctuation touches a letter (see :data:`_TOUCHING_LETTER_OK`).
    """
    letters = nonascii = 0
    for i, ch in enumerate(text):
        if ch.isalpha():
            letters += 1
            nonascii += ord(ch) > 127
        elif ord(ch) > 127 and ch not in _TOUCHING_LETTER_OK:
            if (i > 0 and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha()):
                return False
    return letters > 0 and nonascii <= WESTERN_MAX_NONASCII_LETTERS * letters


def _detect_encoding(data: bytes) -> str | None:
    """The code page charset-normalizer finds for ``data``, if it recognises a language in it."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.coherence < 0.2 or best.encoding in ("utf_8", "ascii"):
        return None
    return best.encoding


def _decode(data: bytes, encoding: str, path: str | Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(path, f"cannot decode as {encoding} ({err.reason} at byte {err.start})") from None


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """Read an article file and return its decoded, LF-normalised text (see :func:`read_decoded`)."""
    return read_decoded(path, max_bytes).text


def read_decoded(path: str | Path, max_bytes: int = MAX_BYTES) -> Decoded:
    """Read an article file: its decoded, LF-normalised text, encoding and warnings.

    Raises :class:`InputError` for a missing path, a folder, an unreadable,
    empty, whitespace-only, binary, undecodable or oversized file.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file")
    if p.is_dir():
        raise InputError(path, "is a folder, not a file")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"too large ({size:,} bytes; the limit is {max_bytes:,})")
        data = p.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot read ({err.strerror})") from None
    if not data:
        raise InputError(path, "empty file")
    decoded = decode(data, path)
    if not decoded.text.strip():
        raise InputError(path, "contains only white space")
    return decoded


def find_articles(paths: list[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Expand files and folders into article files (sorted), with errors for bad paths.

    A folder contributes its article files (see :data:`TEXT_SUFFIXES`: text and saved web pages),
    recursively, except hidden files and documentation (:data:`NOT_ARTICLES`:
    README, LICENSE …, which describe a folder rather than being articles); a
    folder without any is an error, as is a missing path.  A file named
    explicitly is always taken.
    """
    files: list[Path] = []
    errors: list[InputError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES and not f.name.startswith(".")
                and f.stem.upper() not in NOT_ARTICLES
            )
            if not found:
                errors.append(InputError(raw, "folder contains no text files (*.txt, *.text, *.md, *.html, *.htm)"))
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            errors.append(InputError(raw, "no such file or folder"))
    return files, errors


#: folder (next to the tables) holding the text of articles read from web pages
TEXT_DIR: str = "text"


def write_article_text(out_dir: str | Path, article_id: str, text: str) -> Path:
    """Write an article's text (as analysed) to ``<out_dir>/text/<article_id>.txt`` atomically.

    The build calls this for articles whose text is not the input file's own (a
    web page's extracted article), so that table offsets can be checked against it.
    """
    path = Path(out_dir) / TEXT_DIR / f"{article_id}.txt"
    write_atomic(path, text)
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically (temp file in the same folder, then rename)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": ""})) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def under_raw(path: str | Path) -> bool:
    """True when ``path`` is, or is inside, a ``data/raw`` folder: this project's
    (``<repo>/data/raw``) or any other checkout's.  Raw data is read-only, so no command writes there."""
    from analysis.lexicons import DATA_DIR

    r = Path(path).resolve()
    raw = (DATA_DIR / "raw").resolve()
    if r == raw or raw in r.parents:
        return True
    parts = r.parts
    return any(parts[i] == "data" and parts[i + 1] == "raw" for i in range(len(parts) - 1))
