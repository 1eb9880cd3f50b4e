"""``python -m analysis report``: every parameterised notebook run on each article, as HTML pages.

For each article, each notebook in ``notebooks/`` whose first code cell is tagged
``parameters`` and sets ``ARTICLE_PATH`` is executed with papermill (working
directory ``notebooks/``, ``ARTICLE_PATH`` = the article's absolute path) and
written to ``DIR/<article_id>/<notebook>.ipynb``, then exported with nbconvert's
``HTMLExporter`` (images embedded) to ``<notebook>.html``; an ``index.html`` per
article links its pages, and ``DIR/index.html`` links every article reported in
DIR.  Inputs are checked as ``build`` checks them (:func:`analysis.textio.find_articles`,
:func:`analysis.article.load_article`, unique article ids): a bad one is one line
``error: <file>: <problem>`` on stderr, the others are still reported, exit 2.
Every file is written atomically.
"""
from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

from analysis.lexicons import DATA_DIR
from analysis.textio import InputError, display_path, find_articles, warning_line, write_atomic

NOTEBOOK_DIR: Path = DATA_DIR.parent / "notebooks"
META_FILE = "article.json"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}}
li{{margin:.4rem 0}} .muted{{color:#666;font-size:.9em}}</style></head>
<body>
<h1>{title}</h1>
{body}
</body></html>
"""


def parameterised_notebooks(folder: Path = NOTEBOOK_DIR) -> list[Path]:
    """Notebooks whose first code cell is tagged ``parameters`` and sets ``ARTICLE_PATH``, in name order."""
    out = []
    for nb in sorted(folder.glob("*.ipynb")):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        code = next((c for c in cells if c["cell_type"] == "code"), None)
        if code and "parameters" in code.get("metadata", {}).get("tags", []) and "ARTICLE_PATH" in "".join(code["source"]):
            out.append(nb)
    return out


def notebook_title(nb) -> str:
    """The text of the notebook's first ``# `` heading (its title)."""
    for c in nb.cells:
        if c.cell_type == "markdown":
            for line in c.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


@cache
def ipc_kernel_manager():
    """A kernel manager talking to the kernel over Unix sockets instead of TCP on localhost,
    with the kernel process's own log lines discarded.

    Over TCP without encryption keys, ipykernel 7 prints a warning on its stderr (the
    terminal's) for every kernel started; over IPC it has nothing to warn about, and
    no port is opened.  The kernel also logs "KeyboardInterrupt caught" when papermill
    shuts it down; ``report``'s stderr is kept for ``error:`` lines.  POSIX only
    (``None`` elsewhere: papermill's default is used).
    """
    if os.name != "posix":
        return None
    from jupyter_client.manager import AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, **kw):
            kw.setdefault("transport", "ipc")
            super().__init__(**kw)

        async def start_kernel(self, **kw):
            # the kernel process's own log (e.g. "KeyboardInterrupt caught" when it is shut down);
            # cell output, errors included, travels over the kernel protocol, not this stream
            kw.setdefault("stderr", subprocess.DEVNULL)
            return await super().start_kernel(**kw)

    return IPCKernelManager


def run_notebook(notebook: Path, article: Path):
    """Execute ``notebook`` on ``article`` with papermill; return the executed notebook."""
    import papermill

    extra = {"kernel_manager_class": ipc_kernel_manager()} if ipc_kernel_manager() else {}
    return papermill.execute_notebook(str(notebook), None, parameters={"ARTICLE_PATH": str(article.resolve())},
                                      cwd=str(notebook.parent), kernel_name="python3", progress_bar=False, **extra)


def to_html(nb) -> str:
    """A self-contained HTML page of an executed notebook (nbconvert, images embedded, no script fetched)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(embed_images=True)
    body, _ = exporter.from_notebook_node(nb)
    # the lab template loads require.js and MathJax from a CDN; these pages need neither
    return re.sub(r'<script[^>]*\ssrc="https?://[^"]*"[^>]*>\s*</script>', "", body)


def article_index(article_id: str, headline: str, source: str, pages: list[tuple[str, str]]) -> str:
    """The index page of one article: its headline and a link per notebook page ``(file, title)``."""
    items = "\n".join(f'<li><a href="{html.escape(f)}">{html.escape(t or f)}</a></li>' for f, t in pages)
    body = (f'<p class="muted">{html.escape(article_id)} · {html.escape(source)}</p>\n<ol>\n{items}\n</ol>\n'
            '<p><a href="../index.html">all articles</a></p>')
    return PAGE.format(title=html.escape(headline or article_id), body=body)


def top_index(out: Path) -> str:
    """The index of every article reported in ``out`` (folders holding an ``article.json``)."""
    rows = []
    for meta in sorted(out.glob(f"*/{META_FILE}")):
        m = json.loads(meta.read_text(encoding="utf-8"))
        rows.append(f'<li><a href="{html.escape(meta.parent.name)}/index.html">{html.escape(m["headline"] or m["article_id"])}</a>'
                    f' <span class="muted">{html.escape(m["article_id"])}</span></li>')
    return PAGE.format(title="Article reports", body="<ul>\n" + "\n".join(rows) + "\n</ul>")


def report_article(path: Path, out: Path, notebooks: list[Path]) -> Path:
    """Run and export every notebook for one article into ``out/<article_id>/``; raises on failure."""
    import nbformat

    from analysis.article import load_article

    article = load_article(path)
    folder = out / article.article_id
    folder.mkdir(parents=True, exist_ok=True)
    pages = []
    for nb_path in notebooks:
        nb = run_notebook(nb_path, path)
        write_atomic(folder / nb_path.name, nbformat.writes(nb))
        page = nb_path.with_suffix(".html").name
        write_atomic(folder / page, to_html(nb))
        pages.append((page, notebook_title(nb)))
    headline = (article.headline or "").strip()
    write_atomic(folder / "index.html", article_index(article.article_id, headline, str(path), pages))
    write_atomic(folder / META_FILE, json.dumps({"article_id": article.article_id, "headline": headline,
                                                "source": str(path)}, indent=1) + "\n")
    return folder


def check_inputs(paths: list[str]) -> tuple[list[Path], list[str]]:
    """The articles to report, and the error lines for bad inputs and warning lines for
    doubtful ones, in input order (as ``build`` reports them)."""
    from analysis.article import load_article
    from analysis.cli import assign_tasks, error_line

    files, path_errors = find_articles(paths)
    errors = [(-1, error_line(e)) for e in path_errors]
    tasks, dup = assign_tasks(files)
    errors += dup
    good = []
    for i, f in tasks:
        try:
            article = load_article(f)
        except InputError as err:
            errors.append((i, error_line(err)))
            continue
        errors += [(i, warning_line(f, w)) for w in article.warnings]
        good.append(Path(f))
    return good, [e for _, e in sorted(errors, key=lambda e: e[0])]


def report_paths(paths: list[str], out: str | Path, notebooks: list[Path] | None = None) -> int:
    """The ``report`` command: exit status 0, or 2 if any input was bad or any notebook failed."""
    from analysis.cli import error_line, output_folder_problem

    out = Path(out)
    if problem := output_folder_problem(out):
        print(error_line(problem), file=sys.stderr)
        return 2
    files, errors = check_inputs(paths)
    for e in errors:
        print(e, file=sys.stderr)
    if not files:
        if not errors:
            print(error_line("no article files given"), file=sys.stderr)
        return 2
    notebooks = parameterised_notebooks() if notebooks is None else notebooks
    failed = False
    for f in files:
        try:
            folder = report_article(f, out, notebooks)
        except Exception as err:  # a notebook that fails on this article: say which, go on
            failed = True
            name = type(err).__name__
            msg = str(err).strip().splitlines()[-1] if str(err).strip() else name
            print(error_line(f"{display_path(f)}: notebook run failed ({name}): {msg}"), file=sys.stderr)
            continue
        print(f"{display_path(f)} -> {display_path(folder / 'index.html')}")
    write_atomic(out / "index.html", top_index(out))
    bad = any(e.startswith("error:") for e in errors)
    return 2 if (bad or failed) else 0
