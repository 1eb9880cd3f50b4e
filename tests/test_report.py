"""``python -m analysis report``: notebooks run on each article into HTML pages with indexes."""
from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import report
from analysis.article import load_article

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "newsweek-nato-fills-holes-stockpiles.txt"
MADE_UP = """Library Opens Late on Thursdays

The town library will stay open until nine on Thursdays from next month, the head librarian said.

"Many readers work during the day," said Ruth Okafor, the head librarian. "Now they can come in the evening."
"""


def run(*args, cwd=ROOT):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "analysis", "report", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=900)


def test_parameterised_notebooks_are_found():
    names = [p.name for p in report.parameterised_notebooks()]
    assert names and all(n[:2].isdigit() for n in names)


@pytest.mark.slow
def test_report_writes_pages_and_indexes(tmp_path):
    art = tmp_path / "library-hours.txt"
    art.write_text(MADE_UP, encoding="utf-8")
    out = tmp_path / "out"
    r = run(SEED, art, "--out", out)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""  # nothing but errors goes to stderr (kernels over IPC print no transport warning)
    notebooks = report.parameterised_notebooks()
    for path in (SEED, art):
        article = load_article(path)
        aid, headline = article.article_id, html.escape(article.headline.strip(), quote=False)
        folder = out / aid
        index = (folder / "index.html").read_text(encoding="utf-8")
        assert headline in index
        for nb in notebooks:
            page = folder / nb.with_suffix(".html").name
            text = page.read_text(encoding="utf-8")
            assert f'href="{page.name}"' in index
            assert headline in text  # the page is about this article
            assert 'src="http' not in text and "data:image/png;base64" in text  # self-contained, charts embedded
            assert (folder / nb.name).exists()
        assert json.loads((folder / "article.json").read_text())["article_id"] == aid
    top = (out / "index.html").read_text(encoding="utf-8")
    assert "library-hours/index.html" in top and "newsweek-nato-fills-holes-stockpiles/index.html" in top


@pytest.mark.parametrize("make, problem", [
    (lambda d: d / "missing.txt", "no such file or folder"),
    (lambda d: (d / "empty.txt").write_text("") and d / "empty.txt" or d / "empty.txt", "empty"),
])
def test_bad_input_is_one_error_line_and_exit_2(tmp_path, make, problem):
    bad = make(tmp_path)
    r = run(bad, "--out", tmp_path / "out")
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {bad}:") and problem in lines[0], r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "out" / "empty").exists()


def test_refuses_to_write_under_raw(tmp_path):
    r = run(SEED, "--out", ROOT / "data" / "raw" / "x")
    assert r.returncode == 2 and r.stderr.startswith("error: ") and "data/raw" in r.stderr


def test_a_notebook_that_fails_is_one_error_line_and_exit_2(tmp_path, capsys):
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    nb = new_notebook(cells=[new_markdown_cell("# Fails"), new_code_cell('ARTICLE_PATH = ""', metadata={"tags": ["parameters"]}),
                             new_code_cell('raise ValueError("no such section in " + ARTICLE_PATH)')])
    nb_path = tmp_path / "01-fails.ipynb"
    nbformat.write(nb, nb_path)
    art = tmp_path / "short.txt"
    art.write_text(MADE_UP, encoding="utf-8")
    assert report.parameterised_notebooks(tmp_path) == [nb_path]
    status = report.report_paths([str(art)], tmp_path / "out", notebooks=[nb_path])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert len(err) == 1 and err[0].startswith(f"error: {art}: notebook run failed") and "ValueError" in err[0], err
    assert not (tmp_path / "out" / "short" / "index.html").exists()
