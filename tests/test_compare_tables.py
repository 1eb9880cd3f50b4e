"""scripts/compare_tables.py on made-up build folders: keys, per-column counts, exit codes."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "compare_tables.py"


@pytest.fixture(scope="module")
def ct():
    spec = importlib.util.spec_from_file_location("compare_tables", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["compare_tables"] = mod  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(mod)
    return mod


MENTIONS = pd.DataFrame({
    "article_id": ["a", "a", "b"],
    "mention_id": ["a:0-4", "a:10-15", "b:0-3"],
    "entity_type": ["PERSON", "ORG", "GPE"],
    "surface": ["Mary", "Acme.", "Oslo"],
    "rule": ["gazetteer", "name:context", "gazetteer"],
})
CLAIMS = pd.DataFrame({
    "article_id": ["a", "a"],
    "claim_id": ["c1", "c2"],
    "attribution": ["direct", "narrator"],
    "speaker": ["Mary", ""],
})


def write(folder: Path, **tables: pd.DataFrame) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        df.to_csv(folder / f"{name}.csv", index=False)
    return folder


def test_identical_folders_exit_0(ct, tmp_path, capsys):
    a = write(tmp_path / "A", mentions=MENTIONS, claims=CLAIMS)
    b = write(tmp_path / "B", mentions=MENTIONS, claims=CLAIMS)
    assert ct.main([str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "mentions: identical" in out and out.strip().endswith("identical")


def test_rows_only_in_one_side_and_changed_cells(ct, tmp_path):
    m2 = MENTIONS.copy()
    m2.loc[1, ["entity_type", "rule"]] = ["PERSON", "name:given-name"]   # changed row
    m2.loc[0, "surface"] = "Mary"                                       # unchanged value
    m2 = pd.concat([m2.iloc[:2], pd.DataFrame([{"article_id": "b", "mention_id": "b:5-9",
                                                "entity_type": "ORG", "surface": "Nato", "rule": "gazetteer"}])])
    a = write(tmp_path / "A", mentions=MENTIONS)
    b = write(tmp_path / "B", mentions=m2)
    (d,) = ct.compare_folders(a, b)
    assert (d.only_a, d.only_b, d.changed) == (1, 1, 1)
    assert d.columns == {"entity_type": 1, "rule": 1}
    assert not d.identical
    assert ct.main([str(a), str(b)]) == 1


def test_key_includes_article_id(ct, tmp_path):
    """The same mention_id under another article is another row."""
    m2 = MENTIONS.copy()
    m2.loc[2, "article_id"] = "c"
    (d,) = ct.compare_folders(write(tmp_path / "A", mentions=MENTIONS), write(tmp_path / "B", mentions=m2))
    assert (d.only_a, d.only_b, d.changed) == (1, 1, 0)


def test_ignore_columns(ct, tmp_path, capsys):
    m2 = MENTIONS.assign(rule=["x", "y", "z"])
    a, b = write(tmp_path / "A", mentions=MENTIONS), write(tmp_path / "B", mentions=m2)
    assert ct.main([str(a), str(b)]) == 1
    assert "rule 3" in capsys.readouterr().out
    assert ct.main([str(a), str(b), "--ignore-columns", "rule"]) == 0
    assert ct.main([str(a), str(b), "--ignore-columns", "surface,rule"]) == 0


def test_new_column_is_a_difference_unless_ignored(ct, tmp_path):
    c2 = CLAIMS.assign(pattern=["quote-said", ""])
    a, b = write(tmp_path / "A", claims=CLAIMS), write(tmp_path / "B", claims=c2)
    (d,) = ct.compare_folders(a, b)
    assert d.columns_only_b == ["pattern"] and d.changed == 0 and not d.identical
    assert ct.main([str(a), str(b), "--ignore-columns", "pattern"]) == 0


def test_table_missing_on_one_side(ct, tmp_path, capsys):
    a = write(tmp_path / "A", mentions=MENTIONS, claims=CLAIMS)
    b = write(tmp_path / "B", mentions=MENTIONS)
    assert ct.main([str(a), str(b)]) == 1
    assert "claims: only in A" in capsys.readouterr().out


def test_duplicate_keys_compared_by_occurrence(ct, tmp_path):
    dup = pd.concat([CLAIMS, CLAIMS.iloc[[0]].assign(speaker="Someone")], ignore_index=True)
    dup2 = pd.concat([CLAIMS, CLAIMS.iloc[[0]].assign(speaker="Other")], ignore_index=True)
    (d,) = ct.compare_folders(write(tmp_path / "A", claims=dup), write(tmp_path / "B", claims=dup2))
    assert (d.only_a, d.only_b, d.changed, d.columns) == (0, 0, 1, {"speaker": 1})


def test_empty_and_missing_cells_are_equal(ct, tmp_path):
    a = write(tmp_path / "A", claims=CLAIMS)
    b = write(tmp_path / "B", claims=CLAIMS.assign(speaker=["Mary", None]))
    assert ct.main([str(a), str(b)]) == 0


def test_parquet_against_csv(ct, tmp_path):
    pytest.importorskip("pyarrow")
    a = write(tmp_path / "A", claims=CLAIMS)
    (tmp_path / "B").mkdir()
    CLAIMS.to_parquet(tmp_path / "B" / "claims.parquet", index=False)
    assert ct.main([str(a), str(tmp_path / "B")]) == 0


def test_show_prints_examples(ct, tmp_path, capsys):
    m2 = MENTIONS.assign(entity_type=["PERSON", "PERSON", "GPE"])
    ct.main([str(write(tmp_path / "A", mentions=MENTIONS)), str(write(tmp_path / "B", mentions=m2)), "--show", "2"])
    assert "changed article_id=a mention_id=a:10-15: entity_type: 'ORG' -> 'PERSON'" in capsys.readouterr().out


@pytest.mark.parametrize("problem", ["missing_folder", "no_tables", "no_key", "broken_parquet"])
def test_bad_input_exit_2(ct, tmp_path, capsys, problem):
    a = write(tmp_path / "A", claims=CLAIMS)
    b = tmp_path / "B"
    if problem == "missing_folder":
        pass
    elif problem == "no_tables":
        b.mkdir()
        a = tmp_path / "empty"
        a.mkdir()
    elif problem == "no_key":
        write(b, claims=CLAIMS.drop(columns=["claim_id"]))
    else:
        b.mkdir()
        (b / "claims.parquet").write_bytes(b"not parquet")
    assert ct.main([str(a), str(b)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1
