"""Command line: ``python -m analysis build|render``.

``build [PATH ...] [--out DIR]``
    Analyse article files (default: every text file in ``data/raw/``) and write
    one CSV per table (``sentences.csv``, ``tokens.csv``, ``mentions.csv``,
    ``claims.csv``) into DIR (default ``data/processed/``).  One summary line
    per article on stdout.  A bad file is reported on stderr as one line
    ``error: <file>: <problem>`` and skipped; the others are still written and
    the run exits with status 2.

``render [PATH ...] [--out DIR]``
    Write an annotated HTML view per article into DIR (default ``reports/``).

Exit status: 0 success, 2 bad input (any file), never a traceback for bad input.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.lexicons import DATA_DIR
from analysis.textio import InputError, find_articles, write_atomic

DEFAULT_RAW: Path = DATA_DIR / "raw"
DEFAULT_OUT: Path = DATA_DIR / "processed"
DEFAULT_REPORTS: Path = DATA_DIR.parent / "reports"


def error_line(err: InputError | str) -> str:
    """The one-line error message printed for a bad input."""
    return f"error: {err}"


def summary_line(article_id: str, tables: dict, source: str) -> str:
    """One line describing what was extracted from one article."""
    counts = ", ".join(f"{len(df)} {name}" for name, df in tables.items())
    return f"{article_id}: {counts} ({source})"


def analyse_files(files: list[Path]) -> tuple[list[tuple[str, str, dict]], list[str]]:
    """Analyse each file; return ``[(article_id, source, tables)]`` and error lines.

    Article ids must be unique within a run: a second file with the same id is
    reported as an error rather than silently merged.
    """
    from analysis.article import load_article
    from analysis.pipeline import analyse

    results: list[tuple[str, str, dict]] = []
    errors: list[str] = []
    seen: dict[str, str] = {}
    for f in files:
        try:
            article = load_article(f)
            if article.article_id in seen:
                raise InputError(f, f"article id {article.article_id!r} already used by {seen[article.article_id]}")
            seen[article.article_id] = str(f)
            results.append((article.article_id, str(f), analyse(article)))
        except InputError as err:
            errors.append(error_line(err))
        except Exception as err:  # one broken article must not stop a corpus run
            errors.append(error_line(f"{f}: internal error ({type(err).__name__}: {err})"))
    return results, errors


def write_tables(results: list[tuple[str, str, dict]], out_dir: Path) -> list[Path]:
    """Concatenate each table across articles and write ``<name>.csv`` atomically."""
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


def cmd_build(args: argparse.Namespace) -> int:
    """The ``build`` subcommand."""
    paths = args.paths or [str(DEFAULT_RAW)]
    files, path_errors = find_articles(paths)
    for err in path_errors:
        print(error_line(err), file=sys.stderr)
    results, errors = analyse_files(files)
    for line in errors:
        print(line, file=sys.stderr)
    for aid, source, tables in results:
        print(summary_line(aid, tables, source))
    if results:
        out = Path(args.out)
        written = write_tables(results, out)
        print(f"wrote {len(written)} tables for {len(results)} article(s) to {out}")
    elif not path_errors and not errors:
        print(error_line("no article files given"), file=sys.stderr)
        return 2
    return 2 if (path_errors or errors) else 0


def cmd_render(args: argparse.Namespace) -> int:
    """The ``render`` subcommand (see :mod:`analysis.render`)."""
    from analysis.render import render_paths

    return render_paths(args.paths or [str(DEFAULT_RAW)], str(args.out))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``python -m analysis``."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="analyse articles and write CSV tables")
    b.add_argument("paths", nargs="*", help="article files or folders (default: data/raw/)")
    b.add_argument("--out", default=str(DEFAULT_OUT), help="output folder (default: data/processed/)")
    b.set_defaults(func=cmd_build)
    r = sub.add_parser("render", help="write an annotated HTML view per article")
    r.add_argument("paths", nargs="*", help="article files or folders (default: data/raw/)")
    r.add_argument("--out", default=str(DEFAULT_REPORTS), help="output folder (default: reports/)")
    r.set_defaults(func=cmd_render)
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
