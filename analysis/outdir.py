"""The output folder of a build: one build at a time, tables published as one set.

Layout of an output folder ``OUT`` after a build::

    OUT/current -> .run-<id>                   the published run (one symlink)
    OUT/<table>.<ext> -> current/<table>.<ext>  e.g. sentences.csv, for readers of one table
    OUT/manifest.json -> current/manifest.json
    OUT/.run-<id>/                             a complete run: its tables and manifest.json
    OUT/.lock                                  held by the running build; holds its pid

A build writes its tables into a fresh hidden ``.run-<id>/`` and publishes them
all at once by renaming a new ``current`` symlink over the old one, the only
step that changes what readers see.  So ``OUT/<table>.<ext>`` is always a whole
table of one complete run, and a reader who resolves ``OUT/current`` once and
reads every table from there gets one set, never tables of two runs.  The run
that ``current`` replaced is kept until the next build (readers have a whole
build's time to finish); older runs, and the leftovers of a killed build, are
removed by the next build into the folder.

:class:`BuildLock` (a :mod:`filelock` lock on ``OUT/.lock``, released by the
kernel even when the holder is killed) lets one build at a time write there.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import shutil
import time
from pathlib import Path

LOCK_NAME = ".lock"
RUN_PREFIX = ".run-"
CURRENT = "current"
MANIFEST = "manifest.json"
#: temp names of symlinks being swapped in (``.current.<rand>.tmp``, ``.link.<rand>.tmp``)
TMP_SUFFIX = ".tmp"


class Busy(Exception):
    """Another build holds the folder's lock."""

    def __init__(self, out: Path, pid: str) -> None:
        who = f"another build (pid {pid})" if pid else "another build"
        super().__init__(f"{out}: {who} is writing here")


class BuildLock:
    """Hold ``<out>/.lock`` for a build; ``wait``: wait for another build instead of failing.

    Entering creates ``out`` if needed, takes the lock (raises :class:`Busy`), and
    removes the leftovers of killed runs (:func:`remove_debris`).  Leaving
    releases the lock, and removes ``out`` again if this build created it and
    left nothing in it.
    """

    def __init__(self, out: str | Path, wait: bool = False, tables: tuple[str, ...] = ()) -> None:
        self.out = Path(out)
        self.wait = wait
        self.tables = tables
        self.created = False
        self.lock = None

    def __enter__(self) -> "BuildLock":
        from filelock import FileLock, Timeout

        if not self.out.is_dir():
            self.out.mkdir(parents=True)
            self.created = True
        self.lock = FileLock(str(self.out / LOCK_NAME), timeout=-1 if self.wait else 0,
                             on_acquired=_write_pid, preserve_lock_file=True)
        try:
            self.lock.acquire()
        except Timeout:
            raise Busy(self.out, _holder(self.out / LOCK_NAME)) from None
        try:
            remove_debris(self.out, self.tables)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.lock.release()
        if self.created:
            with contextlib.suppress(OSError):
                if [p.name for p in self.out.iterdir()] == [LOCK_NAME]:
                    (self.out / LOCK_NAME).unlink()  # filelock notices an unlinked lock file and retries
                    self.out.rmdir()


def _write_pid(fd: int) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)


def _holder(lock_path: Path) -> str:
    """The pid written by the lock's holder ('' if it has not written it yet)."""
    for _ in range(20):
        with contextlib.suppress(OSError):
            pid = lock_path.read_text().strip()
            if pid:
                return pid
        time.sleep(0.05)
    return ""


# --- runs --------------------------------------------------------------------------


def new_run(out: Path) -> Path:
    """Create and return a fresh hidden run folder ``<out>/.run-<UTC time>-<pid>-<random>``."""
    run_id = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + f"-{os.getpid()}-{secrets.token_hex(3)}"
    run = out / f"{RUN_PREFIX}{run_id}"
    run.mkdir()
    return run


def current_run(out: Path) -> Path | None:
    """The run folder ``<out>/current`` points to, or ``None``."""
    link = out / CURRENT
    if not link.is_symlink():
        return None
    return out / os.readlink(link)


def read_manifest(run: Path | None) -> dict:
    """The manifest of a run folder (``{}`` if missing or unreadable)."""
    if run is None:
        return {}
    try:
        return json.loads((run / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _symlink_over(out: Path, name: str, target: str) -> None:
    """Make ``<out>/<name>`` a symlink to ``target`` in one atomic rename."""
    tmp = out / f".link.{secrets.token_hex(4)}{TMP_SUFFIX}"
    os.symlink(target, tmp)
    try:
        os.replace(tmp, out / name)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def publish(out: Path, run: Path, files: list[str], manifest: dict, dirs: tuple[str, ...] = ()) -> list[Path]:
    """Publish the complete ``run`` as the folder's tables, as one set; return ``<out>/<file>`` paths.

    Writes ``manifest.json`` (``manifest`` plus run id, previous run and a
    sha256 and size per file) into the run, then swaps ``current`` to it, then
    makes ``<out>/<file>`` links into ``current/`` where missing (``dirs``: folders of the
    run, such as ``text/``, linked the same way).  Tables from
    the old layout (plain files) are first adopted as a run of their own, so
    no reader ever sees old and new tables side by side.
    """
    _adopt_legacy_tables(out, files)
    previous = current_run(out)
    manifest = dict(manifest, run=run.name[len(RUN_PREFIX):],
                    previous=previous.name[len(RUN_PREFIX):] if previous else None,
                    files={f: {"bytes": (run / f).stat().st_size, "sha256": sha256_file(run / f)} for f in files})
    data = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    with open(run / MANIFEST, "w", encoding="utf-8") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    _fsync_dir(run)
    _symlink_over(out, CURRENT, run.name)  # <- the one step readers see
    _fsync_dir(out)
    for f in [*files, *dirs, MANIFEST]:
        link = out / f
        if not (link.is_symlink() and os.readlink(link) == f"{CURRENT}/{f}"):
            _symlink_over(out, f, f"{CURRENT}/{f}")
    _remove_stale_links(out, {*files, *dirs, MANIFEST})
    for old in out.glob(f"{RUN_PREFIX}*"):
        if old not in (run, previous):
            shutil.rmtree(old, ignore_errors=True)
    return [out / f for f in files]


def _adopt_legacy_tables(out: Path, files: list[str]) -> None:
    """Move plain table files of an older build behind ``current`` without a visible change.

    Each is hard-linked (copied where links are not possible) into a run
    folder that ``current`` then points to; then each plain file is replaced by
    a link that resolves to the same content.
    """
    legacy = [f for f in files if (out / f).is_file() and not (out / f).is_symlink()]
    if not legacy:
        return
    run = new_run(out)
    for f in legacy:
        try:
            os.link(out / f, run / f)
        except OSError:
            shutil.copy2(out / f, run / f)
    _fsync_dir(run)
    _symlink_over(out, CURRENT, run.name)
    for f in legacy:
        _symlink_over(out, f, f"{CURRENT}/{f}")


def _remove_stale_links(out: Path, keep: set[str]) -> None:
    """Remove links into ``current/`` for files the published run does not have (another format)."""
    for p in out.iterdir():
        if p.name not in keep and p.is_symlink() and os.readlink(p).startswith(f"{CURRENT}/"):
            with contextlib.suppress(OSError):
                p.unlink()


def remove_debris(out: Path, tables: tuple[str, ...] = ()) -> list[Path]:
    """Remove what killed builds left in ``out``; return what was removed.

    Run folders other than the current one and the one it replaced, temp
    symlinks, and the hidden ``.<table>.<ext>.<random>.tmp`` files of older
    versions of this program (``tables`` gives the table names).
    """
    cur = current_run(out)
    prev = read_manifest(cur).get("previous")
    keep = {cur, out / f"{RUN_PREFIX}{prev}" if prev else None}
    removed = []
    for p in out.glob(f"{RUN_PREFIX}*"):
        if p not in keep and p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
            removed.append(p)
    patterns = [f".{CURRENT}.*{TMP_SUFFIX}", f".link.*{TMP_SUFFIX}"]
    patterns += [f".{t}.{ext}.*{TMP_SUFFIX}" for t in tables for ext in ("csv", "parquet")]
    for pat in patterns:
        for p in out.glob(pat):
            with contextlib.suppress(OSError):
                p.unlink()
                removed.append(p)
    return removed
