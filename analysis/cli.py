"""Command line: ``python -m analysis build|render``.

``build [PATH ...] [--out DIR] [--format csv|parquet] [--jobs N] [--engine local|dask] [--scheduler ADDR]``
    Analyse article files (default: every text file in ``data/raw/``) and write
    one table per kind (``sentences``, ``tokens``, ``mentions``, ``claims``) into
    DIR (default ``data/processed/``), each the concatenation over all articles
    (every row has ``article_id``), as CSV or Parquet.  One summary line per
    article on stdout (``--quiet`` drops them).  A bad file is reported on
    stderr as one line ``error: <file>: <problem>`` and skipped; the others
    are still written and the run exits with status 2.

    Files are analysed in parallel on ``--jobs`` processes (default: all
    cores; runs of fewer than 8 files stay in this process), or on Dask with
    ``--engine dask`` (a private LocalCluster, or the cluster at
    ``--scheduler tcp://host:8786``).  The output is the same whatever the
    engine.  Rows are streamed to hidden temp files in DIR and each table is
    renamed into place only when the run is complete.

    Progress goes to stderr: a progress bar when stderr is a terminal, else a
    ``progress: …`` line every 500 articles or 10 seconds for runs of more than
    50 files (``--progress`` overrides).

``render [PATH ...] [--out DIR]``
    Write an annotated HTML view per article into DIR (default ``reports/``).

``report [PATH ...] [--out DIR]``
    Run every parameterised notebook on each article and export it as HTML into
    ``DIR/<article_id>/`` (default ``reports/``), with an index page per article
    and ``DIR/index.html`` (see :mod:`analysis.report`).

Exit status: 0 success, 2 bad input (any file), never a traceback for bad input.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from analysis.lexicons import DATA_DIR
from analysis.textio import InputError, find_articles, write_atomic

DEFAULT_RAW: Path = DATA_DIR / "raw"
DEFAULT_OUT: Path = DATA_DIR / "processed"
DEFAULT_REPORTS: Path = DATA_DIR.parent / "reports"

#: plain progress lines: at most one per this many articles / seconds, only for runs larger than
PROGRESS_EVERY_N: int = 500
PROGRESS_EVERY_S: float = 10.0
PROGRESS_MIN_FILES: int = 50


def error_line(err: InputError | str) -> str:
    """The one-line error message printed for a bad input."""
    return f"error: {err}"


def summary_line(article_id: str, tables: dict, source: str) -> str:
    """One line describing what was extracted from one article.

    ``tables`` maps table names to DataFrames or to row counts.
    """
    counts = ", ".join(f"{n if isinstance(n, int) else len(n)} {name}" for name, n in tables.items())
    return f"{article_id}: {counts} ({source})"


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
    """Concatenate each table across in-memory results and write ``<name>.csv`` atomically."""
    import pandas as pd

    from analysis.pipeline import TABLE_NAMES

    written = []
    for name in TABLE_NAMES:
        frames = [tables[name] for _, _, tables in results]
        df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        path = out_dir / f"{name}.csv"
        write_atomic(path, df.to_csv(index=False, lineterminator="\n"))
        written.append(path)
    return written


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


def _under_raw(out: Path) -> bool:
    try:
        out.resolve().relative_to(DEFAULT_RAW.resolve())
        return True
    except ValueError:
        return False


def cmd_build(args: argparse.Namespace) -> int:
    """The ``build`` subcommand."""
    from analysis import engine
    from analysis.pipeline import TABLE_NAMES

    out = Path(args.out)
    if _under_raw(out):
        print(error_line(f"{args.out}: refusing to write under data/raw (raw data is read-only)"), file=sys.stderr)
        return 2
    if args.format == "parquet":
        try:
            import pyarrow  # noqa: F401
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            print(error_line("--format parquet needs pyarrow (pip install pyarrow)"), file=sys.stderr)
            return 2
    if args.engine == "dask":
        try:
            import dask.bag  # noqa: F401
            if args.scheduler not in engine.DASK_LOCAL_SCHEDULERS:
                import distributed  # noqa: F401
        except ImportError:
            print(error_line("--engine dask needs dask[distributed] (pip install 'dask[distributed]')"), file=sys.stderr)
            return 2
    if args.jobs is not None and args.jobs < 1:
        print(error_line(f"--jobs must be at least 1 (got {args.jobs})"), file=sys.stderr)
        return 2
    if args.batch < 1:
        print(error_line(f"--batch must be at least 1 (got {args.batch})"), file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print(error_line("--scheduler needs --engine dask"), file=sys.stderr)
        return 2

    paths = args.paths or [str(DEFAULT_RAW)]
    files, path_errors = find_articles(paths)
    for err in path_errors:
        print(error_line(err), file=sys.stderr)
    tasks, dup_errors = assign_tasks(files)
    pending_errors = dict(dup_errors)  # position -> error line, printed in input order

    writer = engine.table_writer(args.format, out, TABLE_NAMES)
    progress = Progress(len(files), args.progress)
    failed = len(dup_errors)
    ok = 0
    committed = False
    try:
        results = engine.dispatch(
            tasks,
            engine="dask" if args.engine == "dask" else "processes",
            fmt=args.format,
            jobs=args.jobs,
            scheduler=args.scheduler,
            batch=args.batch,
        )
        for r in results:
            for k in sorted(k for k in pending_errors if k < r.index):
                print(pending_errors.pop(k), file=sys.stderr)
                progress.update(failed=True)
            if r.ok:
                writer.add(r)
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
        written = writer.commit()
        committed = True
    finally:
        if not committed:
            progress.close()
            writer.abort()
    if written:
        print(f"wrote {len(written)} tables for {ok} article(s) to {out}")
    elif not path_errors and not failed:
        print(error_line("no article files given"), file=sys.stderr)
        return 2
    return 2 if (path_errors or failed) else 0


def cmd_render(args: argparse.Namespace) -> int:
    """The ``render`` subcommand (see :mod:`analysis.render`)."""
    from analysis.render import render_paths

    return render_paths(args.paths or [str(DEFAULT_RAW)], str(args.out))


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
    b.add_argument("--progress", choices=("auto", "bar", "lines", "off"), default="auto",
                   help="progress on stderr: bar on a terminal, periodic lines otherwise (default: auto)")
    b.add_argument("--quiet", "-q", action="store_true", help="no per-article summary lines on stdout")
    b.set_defaults(func=cmd_build)
    r = sub.add_parser("render", help="write an annotated HTML view per article")
    r.add_argument("paths", nargs="*", help="article files or folders (default: data/raw/)")
    r.add_argument("--out", default=str(DEFAULT_REPORTS), help="output folder (default: reports/)")
    r.set_defaults(func=cmd_render)
    p = sub.add_parser("report", help="run every notebook on each article and export HTML pages")
    p.add_argument("paths", nargs="*", help="article files or folders (default: data/raw/)")
    p.add_argument("--out", default=str(DEFAULT_REPORTS), help="output folder (default: reports/)")
    p.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except OSError as err:  # e.g. an unwritable output folder
        print(error_line(f"{err.filename or ''}: {err.strerror or err}"), file=sys.stderr)
        return 2
