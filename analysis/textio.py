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
from pathlib import Path

#: Files larger than this are refused (a news article is a few tens of KB).
MAX_BYTES: int = 10 * 1024 * 1024

#: File suffixes treated as articles when a folder is given.
TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".text", ".md")


#: C0 control characters other than tab, LF, form feed and CR (a sign of binary data).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


#: File stems (upper case) skipped when scanning a folder: folder documentation, not articles.
NOT_ARTICLES: frozenset[str] = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE", "COPYING", "PROVENANCE"})


class InputError(Exception):
    """A bad input file; ``str(err)`` is a one-line message naming the file."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{path}: {problem}")


def decode_bytes(data: bytes, path: str | Path = "<bytes>") -> str:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Latin-1/CP1252.

    Binary data (NUL bytes outside UTF-16, or many control characters) is
    refused with :class:`InputError`.  CRLF and lone CR become LF, so offsets
    are into the text as decoded and normalised.
    """
    if data.startswith(codecs.BOM_UTF8):
        text = _decode(data[3:], "utf-8", path)
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text = _decode(data, "utf-16", path)
    else:
        if b"\x00" in data:
            raise InputError(path, "binary file (contains NUL bytes), not a text article")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
    controls = len(_CONTROL_CHARS.findall(text, 0, 65536))
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(path, "binary file (control characters), not a text article")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _decode(data: bytes, encoding: str, path: str | Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(path, f"cannot decode as {encoding} ({err.reason} at byte {err.start})") from None


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """Read an article file and return its decoded, LF-normalised text.

    Raises :class:`InputError` for a missing path, a folder, an unreadable,
    empty, whitespace-only, binary or oversized file.
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
    text = decode_bytes(data, path)
    if not text.strip():
        raise InputError(path, "contains only white space")
    return text


def find_articles(paths: list[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Expand files and folders into article files (sorted), with errors for bad paths.

    A folder contributes its text files (see :data:`TEXT_SUFFIXES`),
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
                errors.append(InputError(raw, "folder contains no text files (*.txt, *.text, *.md)"))
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            errors.append(InputError(raw, "no such file or folder"))
    return files, errors


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
