"""Every notebook is stored in a state nbval can reproduce."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks found"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_hygiene(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    cells = nb["cells"]
    assert cells[0]["cell_type"] == "markdown"
    assert "".join(cells[0]["source"]).startswith("# "), "first cell must be a '# Title' heading"
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code, "no code cells"
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), "execution counts must run 1..n"
    assert "parameters" in code[0].get("metadata", {}).get("tags", []), "first code cell must be tagged 'parameters'"
    assert "ARTICLE_PATH" in "".join(code[0]["source"])
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
