"""Every notebook runs on an article other than the seed (papermill, `ARTICLE_PATH` parameter)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
OTHER = ROOT / "tests" / "fixtures" / "articles" / "drug_prices.txt"  # a made-up article with no gold


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_on_another_article(path, tmp_path):
    papermill = pytest.importorskip("papermill")
    out = tmp_path / path.name
    papermill.execute_notebook(str(path), str(out), parameters={"ARTICLE_PATH": str(OTHER)},
                               cwd=str(ROOT / "notebooks"), kernel_name="python3", progress_bar=False)
    nb = json.loads(out.read_text(encoding="utf-8"))
    outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    text = "".join("".join(o.get("text", "")) for o in outputs if o["output_type"] == "stream")
    assert "drug_prices" in text.replace("-", "_")  # it really analysed the other article
    assert "newsweek-nato" not in text
