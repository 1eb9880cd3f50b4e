"""Every notebook is stored in a state nbval can reproduce."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

#: What ``python -m ipykernel install`` writes as the kernelspec, and what JupyterLab 4 stores on save:
#: a notebook stored with exactly these opens unmodified.
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
#: ``language_info`` as ipykernel's kernel_info reply gives it (JupyterLab stores it verbatim); the
#: Python version is the interpreter's.
LANGUAGE_INFO = {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                 "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                 "pygments_lexer": "ipython3"}
#: The seed article's topic and cast: a parameterised notebook's static prose must not assume them.
SEED_WORDS = ("NATO", "Stoltenberg", "Ingram", "Newsweek", "stockpile", "ammunition", "Zelensky", "Ukraine",
              "Secretary-General", "Grey Hare", "industrial base", "Kyiv", "Putin", "Russia", "alliance", "defense")

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def is_parameterised(path: Path) -> bool:
    """Run on any article (first code cell tagged ``parameters``, sets ARTICLE_PATH); else a case study."""
    from analysis.report import parameterised_notebooks

    return path in parameterised_notebooks(path.parent)


PARAMETERISED = [p for p in NOTEBOOKS if is_parameterised(p)]


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks found"
    assert len(PARAMETERISED) >= 4, "the run-on-your-article notebooks must take ARTICLE_PATH"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_hygiene(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"] == KERNELSPEC
    info = dict(nb["metadata"]["language_info"])
    assert re.fullmatch(r"3\.\d+\.\d+", info.pop("version"))
    assert info == LANGUAGE_INFO
    assert set(nb["metadata"]) == {"kernelspec", "language_info"}
    assert (nb["nbformat"], nb["nbformat_minor"]) == (4, 5)
    assert all("id" in c for c in nb["cells"]), "cell ids (nbformat 4.5) missing: JupyterLab would add them"
    cells = nb["cells"]
    assert cells[0]["cell_type"] == "markdown"
    assert "".join(cells[0]["source"]).startswith("# "), "first cell must be a '# Title' heading"
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code, "no code cells"
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), "execution counts must run 1..n"
    if is_parameterised(path):
        assert "parameters" in code[0].get("metadata", {}).get("tags", []), "first code cell must be tagged 'parameters'"
        assert "ARTICLE_PATH" in "".join(code[0]["source"])
    else:  # a case study of one article: says so in its title, takes no parameters
        assert "case study" in "".join(cells[0]["source"]).splitlines()[0].lower()
        assert not any("ARTICLE_PATH" in "".join(c["source"]) for c in code)
    for c in code:
        for o in c.get("outputs", []):
            assert o["output_type"] != "error", f"error output in cell {c['execution_count']}"
            assert not (o["output_type"] == "stream" and o.get("name") == "stderr"), (
                f"stderr in cell {c['execution_count']}: {''.join(o.get('text', ''))[:200]}"
            )
        assert "execution" not in c.get("metadata", {}), "timing metadata stored: regenerate with record_timing=False"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_numbered(path):
    assert path.name[:3].rstrip("-").isdigit() and path.name[2] == "-"


@pytest.mark.parametrize("path", PARAMETERISED, ids=lambda p: p.name)
def test_static_prose_does_not_assume_the_seed(path):
    """Markdown cells explain the question and the method; what depends on the article is computed."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for c in nb["cells"]:
        if c["cell_type"] != "markdown":
            continue
        text = "".join(c["source"])
        for w in SEED_WORDS:
            assert not re.search(r"\b" + re.escape(w), text, re.I), f"{w!r} in a Markdown cell: {text[:120]!r}"


@pytest.mark.parametrize("path", PARAMETERISED, ids=lambda p: p.name)
def test_findings_are_shown_as_markdown(path):
    """Each notebook shows computed headings (Markdown outputs starting with '#'), none empty."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    md = ["".join(o["data"]["text/markdown"]) for c in nb["cells"] if c["cell_type"] == "code"
          for o in c.get("outputs", []) if "text/markdown" in o.get("data", {})]
    assert any(m.startswith("#") for m in md)
    assert all(m.lstrip("#").strip() for m in md)
