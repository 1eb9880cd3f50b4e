"""Helpers of the evaluation scripts (scripts/eval_*.py) on made-up frames."""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def ieer_script():
    return _load("eval_ieer")


@pytest.fixture(scope="module")
def polnear_script():
    return _load("eval_polnear")


def test_rule_outcomes(ieer_script):
    pred = pd.DataFrame({"start": [0, 10, 20, 40], "end": [4, 15, 25, 44], "surface": ["", "", "", ""],
                         "entity_type": ["PERSON", "ORG", "GPE", "DATE"],
                         "rule": ["name:title", "name:cue", "gazetteer", "date"]})
    gold = pd.DataFrame({"start": [0, 10], "end": [4, 15], "surface": ["", ""],
                         "entity_type": ["PERSON", "PERSON"]})
    assert ieer_script.rule_outcomes(pred, gold) == [
        ("name:title -> PERSON", "ok"), ("name:cue -> ORG", "wrong_type"), ("gazetteer -> GPE", "other")]


def test_ieer_report_has_three_groups(ieer_script):
    totals = {(g, m, "PERSON"): Counter(tp=1, fp=1, fn=0) for g in ("tuning", "all") for m in ("exact", "overlap")}
    text = "\n".join(ieer_script.report_scores(totals, Counter(tuning=1, all=1), Counter(tuning=1, all=1)))
    assert "== tuning" in text and "== reporting" in text and "== all" in text
    assert "PERSON             1     1     0  0.500  1.000  0.667" in text
    rules = {"tuning": {"r -> PERSON": Counter(ok=1)}, "reporting": {}, "all": {"r -> PERSON": Counter(ok=1)}}
    assert "r -> PERSON" in "\n".join(ieer_script.report_rules(rules))


def test_polnear_pattern_report(polnear_script):
    pats = {g: {"*": Counter(gold=4)} for g in ("tuning", "reporting", "all")}
    for g in ("tuning", "all"):
        pats[g]["quote-said"] = Counter(pred=2, pred_correct=1, gold_found=1)
    text = polnear_script.report_patterns(pats)
    row = next(line for line in text.splitlines() if line.startswith("quote-said"))
    assert row.count("0.500") == 2 and row.count("0.250") == 2 and " - " in row


def test_polnear_errors_reads_the_tuning_half_only(tmp_path, capsys):
    """The error lister shows tuning-half errors and never opens a reporting-half article."""
    errors = _load("polnear_errors")
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    body = "Budget Talks Stall\n\nThe plan is dead, the mayor said on Monday.\n"
    c = body.index("said")
    # a gold content the extractor does not find (the headline): one FN error per article
    ann = f"T1\tContent 0 18\tBudget Talks Stall\nT2\tCue {c} {c + 4}\tsaid\nE1\tAttribution:T2 Content:T1 Cue:T2\n"
    for name in ("made-up-a", "made-up-b"):  # tuning, reporting (analysis.evaluate.split)
        (tmp_path / "text" / f"{name}.txt").write_text(body, encoding="utf-8")
        (tmp_path / "attributions" / f"{name}_x.ann").write_text(ann, encoding="utf-8")
    assert errors.main([str(tmp_path), "--kind", "all", "--subset", "all"]) == 0
    out = capsys.readouterr().out
    assert "made-up-a" in out and "made-up-b" not in out
