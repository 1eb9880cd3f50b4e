"""Command line: ``python -m analysis build|render``.

``build [PATH ...] [--out DIR] [--format csv|parquet] [--jobs N] [--engine local|dask] [--scheduler ADDR]
[--file-timeout SECONDS] [--wait]``
    Analyse article files (default: every text file in ``data/raw/``) and write
    one table per kind (``sentences``, ``tokens``, ``mentions``, ``claims``) into
    DIR (default ``data/processed/``), each the concatenation over all articles
    (every row has ``article_id``), as CSV or Parquet.  One summary line per
    article on stdout (``--quiet`` drops them).  A bad file is reported on
    stderr as one line ``error: <file>: <problem>`` and skipped; the others
    are still written and the run exits with status 2.  Doubtful input (stray
    bytes in UTF-8, a single-byte encoding) is analysed with one line
    ``warning: <file>: <problem>`` on stderr.  A saved web page is analysed as
    the article trafilatura extracts from it, whose text is written to
    ``DIR/text/<article_id>.txt`` (the offsets refer to it).

    Files are analysed in parallel on ``--jobs`` worker processes (default: all
    cores; with ``--file-timeout 0``, runs of fewer than 8 files or ``--jobs 1``
    stay in this process), or on Dask with
    ``--engine dask`` (a private LocalCluster, or the cluster at
    ``--scheduler tcp://host:8786``).  The output is the same whatever the
    engine.  An article that takes longer than ``--file-timeout`` seconds
    (default 120; 0 = no limit) is reported as ``error: <file>: timed out
    after N s`` and skipped; the run goes on and exits with status 2.

    One build at a time per DIR: a second one exits with status 2 and
    ``error: DIR: another build (pid N) is writing here`` (``--wait``: it waits
    instead).  Rows are streamed into a hidden run folder ``DIR/.run-<id>/``;
    only a complete run is published, all tables at once, by switching the
    symlink ``DIR/current`` to it (``DIR/<table>.csv`` are links into
    ``current/``), so readers never see tables of two runs.  SIGTERM and SIGHUP
    stop a build like Ctrl-C: its run folder is removed, the previous tables
    stay, worker processes are stopped, exit status 128 + signal number (130,
    143, 129).  Workers also die if the build is killed outright, and the next
    build into DIR removes whatever a killed build left there.

    Progress goes to stderr: a progress bar when stderr is a terminal, else a
    ``progress: …`` line every 500 articles or 10 seconds for runs of more than
    50 files (``--progress`` overrides).

``render [PATH ...] [--out DIR] [--annotations FILE]``
    Write an annotated HTML view per article into DIR (default ``reports/``),
    with the analysts' notes of FILE (default ``data/annotations/claims.csv``,
    no notes if that file is absent; a FILE named here must exist).  Notes
    that cannot be read (not UTF-8, wrong field count, duplicate, …) are one
    ``error: <file>: line N: …`` line and exit 2 before any page is written.

``report [PATH ...] [--out DIR]``
    Run every parameterised notebook on each article and export it as HTML into
    ``DIR/<article_id>/`` (default ``reports/``), with an index page per article
    and ``DIR/index.html`` (see :mod:`analysis.report`).

Exit status: 0 success, 2 bad input (any file), 128 + N when stopped by signal N
(SIGINT 130, SIGTERM 143, SIGHUP 129); never a traceback for bad input.
"""
from __future__ import annotations

import argparse
import math
import os
import sys
import time
from pathlib import Path

from analysis.lexicons import DATA_DIR
from analysis.textio import InputError, display_path, find_articles, one_line, under_raw, warning_line, write_atomic

DEFAULT_RAW: Path = DATA_DIR / "raw"
DEFAULT_OUT: Path = DATA_DIR / "processed"
DEFAULT_REPORTS: Path = DATA_DIR.parent / "reports"

#: default of ``build --file-timeout``: seconds allowed per article
DEFAULT_FILE_TIMEOUT: float = 120.0

#: plain progress lines: at most one per this many articles / seconds, only for runs larger than
PROGRESS_EVERY_N: int = 500
PROGRESS_EVERY_S: float = 10.0
PROGRESS_MIN_FILES: int = 50


def error_line(err: InputError | str) -> str:
    """The one-line error message printed for a bad input (control characters escaped,
    so a newline or terminal escape in a file name cannot break the line)."""
    return f"error: {one_line(str(err))}"


def out_dir_problem(out: Path) -> str | None:
    """Why ``out`` cannot be an output folder (it, or a folder above it, is a file), else ``None``."""
    for p in (out, *out.parents):
        if p.exists():
            return None if p.is_dir() else "not a directory"
    return None


def output_folder_problem(out: str | Path) -> str | None:
    """Why ``out`` cannot take a command's output (under data/raw, or a file), as an
    :func:`error_line` message, else ``None``: the one check of build, render and report."""
    if under_raw(Path(out)):
        return f"{display_path(out)}: refusing to write under data/raw (raw data is read-only)"
    if problem := out_dir_problem(Path(out)):
        return f"{display_path(out)}: {problem}"
    return None


def report_result(result, out: Path, progress: "Progress") -> None:
    """Print a result's warnings on stderr (a web page's extracted text is written by the
    table writer, into the run, so it is published with the tables as one set)."""
    for w in result.warnings:
        progress.write(warning_line(result.source, w), file=sys.stderr)


def summary_line(article_id: str, tables: dict, source: str) -> str:
    """One line describing what was extracted from one article.

    ``tables`` maps table names to DataFrames or to row counts.
    """
    counts = ", ".join(f"{n if isinstance(n, int) else len(n)} {name}" for name, n in tables.items())
    return f"{article_id}: {counts} ({display_path(source)})"


def analyse_files(files: list[Path]) -> tuple[list[tuple[str, str, dict]], list[str]]:
    """Analyse each file in this process; return ``[(article_id, source, tables)]`` and error lines.

    Article ids must be unique within a run: a second file with the same id is
    reported as an error rather than silently merged.  (The ``build`` command
    streams through :mod:`analysis.engine` instead; this is the in-memory API.)
    """
    from analysis.engine import run_serial

    tasks, dup_errors = assign_tasks(files)
    results: list[tuple[str, str, dict]] = []
    errors: dict[int, str] = dict(dup_errors)
    for r in run_serial(tasks, "frames"):
        if r.ok:
            results.append((r.article_id, r.source, r.tables))
        else:
            errors[r.index] = error_line(r.error)
    return results, [errors[k] for k in sorted(errors)]


def assign_tasks(files: list[Path]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Number the files; a file whose article id was already taken is an error line instead.

    Returns ``(tasks, errors)``: ``tasks`` are ``(position, path)`` pairs to analyse,
    ``errors`` are ``(position, error line)`` pairs.  The id comes from the file
    name alone (:func:`analysis.article.article_id_from_path`), so the check needs
    no reading and the first file in sorted order keeps the id.
    """
    from analysis.article import article_id_from_path

    seen: dict[str, str] = {}
    tasks: list[tuple[int, str]] = []
    errors: list[tuple[int, str]] = []
    for i, f in enumerate(files):
        aid = article_id_from_path(f)
        if aid in seen:
            errors.append((i, error_line(InputError(f, f"article id {aid!r} already used by {seen[aid]}"))))
            continue
        seen[aid] = str(f)
        tasks.append((i, str(f)))
    return tasks, errors


def write_tables(results: list[tuple[str, str, dict]], out_dir: Path) -> list[Path]:
    """Write each table, concatenated across in-memory results, as ``<out_dir>/<name>.csv``.

    Like ``build``: under the folder's lock, as one set (see :mod:`analysis.outdir`).
    """
    from analysis.engine import FileResult, encode_table
    from analysis.outdir import BuildLock
    from analysis.pipeline import TABLE_NAMES
    from analysis.writers import TableWriter

    with BuildLock(out_dir, tables=TABLE_NAMES):
        writer = TableWriter(out_dir, TABLE_NAMES)
        try:
            for k, (aid, source, tables) in enumerate(results):
                encoded = {name: encode_table(tables[name], "csv") for name in TABLE_NAMES}
                counts = tuple((name, len(tables[name])) for name in TABLE_NAMES)
                writer.add(FileResult(k, source, aid, counts=counts, tables=encoded))
            return writer.commit()
        except BaseException:
            writer.abort()
            raise


class Progress:
    """Progress on stderr: a tqdm bar on a terminal, plain ``progress:`` lines otherwise.

    ``mode``: ``auto`` (bar if ``stream`` is a TTY, else lines), ``bar``, ``lines``
    or ``off``.  Lines are printed at most every :data:`PROGRESS_EVERY_N` articles
    or :data:`PROGRESS_EVERY_S` seconds, and in ``auto`` mode only for runs of
    more than :data:`PROGRESS_MIN_FILES` files (a small run needs none).
    """

    def __init__(self, total: int, mode: str = "auto", stream=None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.done = 0
        self.failed = 0
        self.nbytes = 0
        self.t0 = self.t_last = time.monotonic()
        self.n_last = 0
        self.bar = None
        if mode == "auto":
            isatty = getattr(self.stream, "isatty", lambda: False)()
            mode = "bar" if isatty else ("lines" if total > PROGRESS_MIN_FILES else "off")
        self.mode = mode
        if mode == "bar":
            from tqdm import tqdm

            self.bar = tqdm(total=total, file=self.stream, unit="article", dynamic_ncols=True, smoothing=0.1)

    def update(self, nbytes: int = 0, failed: bool = False) -> None:
        self.done += 1
        self.nbytes += nbytes
        self.failed += failed
        if self.bar is not None:
            self.bar.update(1)
            if failed:
                self.bar.set_postfix(failed=self.failed, refresh=False)
        elif self.mode == "lines":
            now = time.monotonic()
            if self.done - self.n_last >= PROGRESS_EVERY_N or now - self.t_last >= PROGRESS_EVERY_S:
                self.t_last, self.n_last = now, self.done
                print(self.line(now), file=self.stream, flush=True)

    def line(self, now: float | None = None) -> str:
        dt = max(1e-9, (now or time.monotonic()) - self.t0)
        rate = self.done / dt
        eta = (self.total - self.done) / rate if rate else 0.0
        pct = 100.0 * self.done / self.total if self.total else 100.0
        return (
            f"progress: {self.done}/{self.total} articles ({pct:.0f}%), {self.failed} failed, "
            f"{rate:.1f} articles/s, {self.nbytes / dt / 1e6:.2f} MB/s, eta {eta:.0f} s"
        )

    def write(self, line: str, file=None) -> None:
        """Print ``line`` without breaking the bar."""
        file = file or sys.stdout
        if self.bar is not None and getattr(file, "isatty", lambda: False)():
            self.bar.write(line, file=file)
        else:
            print(line, file=file)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _build_arg_error(args: argparse.Namespace) -> str | None:
    """The problem with the ``build`` options, if any (a message for :func:`error_line`)."""
    from analysis import engine

    if problem := output_folder_problem(args.out):
        return problem
    if args.format == "parquet":
        try:
            import pyarrow  # noqa: F401
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            return "--format parquet needs pyarrow (pip install pyarrow)"
    if args.engine == "dask":
        try:
            import dask.bag  # noqa: F401
            if args.scheduler not in engine.DASK_LOCAL_SCHEDULERS:
                import distributed  # noqa: F401
        except ImportError:
            return "--engine dask needs dask[distributed] (pip install 'dask[distributed]')"
    if args.jobs is not None and args.jobs < 1:
        return f"--jobs must be at least 1 (got {args.jobs})"
    if args.batch < 1:
        return f"--batch must be at least 1 (got {args.batch})"
    if not math.isfinite(args.file_timeout) or args.file_timeout < 0:
        return f"--file-timeout must be 0 (no limit) or more (got {args.file_timeout:g})"
    if args.scheduler and args.engine != "dask":
        return "--scheduler needs --engine dask"
    return None


def cmd_build(args: argparse.Namespace) -> int:
    """The ``build`` subcommand.

    Holds the output folder's lock for the whole run (:class:`analysis.outdir.BuildLock`);
    SIGTERM and SIGHUP stop it like Ctrl-C (:func:`analysis.lifecycle.raise_on_signals`).
    """
    from analysis import lifecycle, outdir
    from analysis.pipeline import TABLE_NAMES

    problem = _build_arg_error(args)
    if problem:
        print(error_line(problem), file=sys.stderr)
        return 2
    out = Path(args.out)
    files, path_errors = find_articles(args.paths or [str(DEFAULT_RAW)])
    for err in path_errors:
        print(error_line(err), file=sys.stderr)
    with lifecycle.raise_on_signals():
        try:
            with outdir.BuildLock(out, wait=args.wait, tables=TABLE_NAMES):
                ok, failed, written = _stream_build(args, out, files)
        except outdir.Busy as busy:
            print(error_line(busy), file=sys.stderr)
            return 2
    if written:
        print(f"wrote {len(written)} tables for {ok} article(s) to {out}")
    elif not path_errors and not failed:
        print(error_line("no article files given"), file=sys.stderr)
        return 2
    return 2 if (path_errors or failed) else 0


def _stream_build(args: argparse.Namespace, out: Path, files: list[Path]) -> tuple[int, int, list[Path]]:
    """Analyse ``files`` and stream their rows into the tables; return (ok, failed, written paths).

    Errors are printed in input order as results arrive; on any exception
    (an interruption included) the run's folder is removed and nothing is published.
    """
    from analysis import engine
    from analysis.pipeline import TABLE_NAMES

    tasks, dup_errors = assign_tasks(files)
    pending_errors = dict(dup_errors)  # position -> error line, printed in input order
    writer = engine.table_writer(args.format, out, TABLE_NAMES)
    progress = Progress(len(files), args.progress)
    failed, ok = len(dup_errors), 0
    results = engine.dispatch(
        tasks,
        engine="dask" if args.engine == "dask" else "processes",
        fmt=args.format,
        jobs=args.jobs,
        scheduler=args.scheduler,
        batch=args.batch,
        timeout=args.file_timeout,
        isolate=args.file_timeout > 0,
    )
    try:
        for r in results:
            for k in sorted(k for k in pending_errors if k < r.index):
                print(pending_errors.pop(k), file=sys.stderr)
                progress.update(failed=True)
            if r.ok:
                writer.add(r)
                report_result(r, out, progress)
                ok += 1
                if not args.quiet:
                    progress.write(summary_line(r.article_id, dict(r.counts), r.source))
            else:
                failed += 1
                print(error_line(r.error), file=sys.stderr)
            progress.update(r.nbytes, failed=not r.ok)
        for k in sorted(pending_errors):
            print(pending_errors.pop(k), file=sys.stderr)
            progress.update(failed=True)
        progress.close()
        return ok, failed, writer.commit()
    except BaseException:
        progress.close()
        writer.abort()
        raise
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stops the workers now (an interrupted pool is killed, not awaited)


def cmd_render(args: argparse.Namespace) -> int:
    """The ``render`` subcommand (see :mod:`analysis.render`)."""
    from analysis.render import render_paths

    return render_paths(args.paths or [str(DEFAULT_RAW)], str(args.out), args.annotations)


def cmd_report(args: argparse.Namespace) -> int:
    """The ``report`` subcommand (see :mod:`analysis.report`)."""
    from analysis.report import report_paths

    return report_paths(args.paths or [str(DEFAULT_RAW)], args.out)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``python -m analysis``."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="analyse articles and write one table per kind")
    b.add_argument("paths", nargs="*", help="article files or folders (default: data/raw/)")
    b.add_argument("--out", default=str(DEFAULT_OUT), help="output folder (default: data/processed/)")
    b.add_argument("--format", choices=("csv", "parquet"), default="csv",
                   help="table file format (parquet needs pyarrow; default: csv)")
    b.add_argument("--jobs", "-j", type=int, default=None,
                   help=f"worker processes (default: all cores, here {os.cpu_count()})")
    b.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local process pool (default) or Dask")
    b.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="with --engine dask: a Dask scheduler address such as tcp://host:8786 "
                        "(default: start a LocalCluster of --jobs workers); "
                        "or synchronous|threads|processes for Dask's single-machine schedulers")
    b.add_argument("--batch", type=int, default=8, help="files per task / Dask partition (default: 8)")
    b.add_argument("--file-timeout", type=float, default=DEFAULT_FILE_TIMEOUT, metavar="SECONDS",
                   help=f"time limit per article; over it the article is reported as an error and "
                        f"skipped (default: {DEFAULT_FILE_TIMEOUT:g}; 0 = none)")
    b.add_argument("--wait", action="store_true",
                   help="if another build is writing into --out, wait for it instead of failing")
    b.add_argument("--progress", choices=("auto", "bar", "lines", "off"), default="auto",
                   help="progress on stderr: bar on a terminal, periodic lines otherwise (default: auto)")
    b.add_argument("--quiet", "-q", action="store_true", help="no per-article summary lines on stdout")
    b.set_defaults(func=cmd_build)
    r = sub.add_parser("render", help="write an annotated HTML view per article")
    r.add_argument("paths", nargs="*", help="article files or folders (default: data/raw/)")
    r.add_argument("--out", default=str(DEFAULT_REPORTS), help="output folder (default: reports/)")
    r.add_argument("--annotations", default=None, metavar="FILE",
                   help="analysts' notes, CSV (default: data/annotations/claims.csv, skipped if absent; "
                        "a FILE given here must exist)")
    r.set_defaults(func=cmd_render)
    p = sub.add_parser("report", help="run every notebook on each article and export HTML pages")
    p.add_argument("paths", nargs="*", help="article files or folders (default: data/raw/)")
    p.add_argument("--out", default=str(DEFAULT_REPORTS), help="output folder (default: reports/)")
    p.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from analysis.lifecycle import BuildInterrupted

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BuildInterrupted as sig:  # SIGINT, SIGTERM, SIGHUP during a build: cleaned up, 128 + N
        print("error: interrupted" + ("" if sig.name == "SIGINT" else f" by {sig.name}"), file=sys.stderr)
        return 128 + sig.signum
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except OSError as err:  # e.g. an unwritable output folder
        print(error_line(f"{err.filename or ''}: {err.strerror or err}"), file=sys.stderr)
        return 2
