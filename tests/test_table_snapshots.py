"""Regression test: the seed's and every fixture's tables equal their stored snapshots.

The snapshots (``tests/snapshots/``) are written by ``scripts/update_snapshots.py``;
a refactor or speed-up must leave them byte-identical, and a quality change
rewrites them on purpose (the diff shows exactly which rows it changed).
"""
from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("update_snapshots", ROOT / "scripts" / "update_snapshots.py")
snap = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(snap)

SOURCES = snap.sources()


def test_every_fixture_has_a_snapshot():
    assert len(SOURCES) >= 20
    missing = [snap.snapshot_name(p) for p in SOURCES if not (snap.SNAPSHOTS / snap.snapshot_name(p)).is_dir()]
    assert not missing, f"no snapshot for {missing}: run scripts/update_snapshots.py"


@pytest.mark.parametrize("path", SOURCES, ids=[snap.snapshot_name(p) for p in SOURCES])
def test_tables_equal_snapshot(path):
    folder = snap.SNAPSHOTS / snap.snapshot_name(path)
    for fname, text in snap.encode(path).items():
        stored = (folder / fname).read_text(encoding="utf-8")
        if stored != text:
            diff = "".join(list(difflib.unified_diff(stored.splitlines(True), text.splitlines(True),
                                                     f"snapshot/{fname}", f"now/{fname}", n=0))[:40])
            pytest.fail(f"{snap.snapshot_name(path)}/{fname} changed:\n{diff}")


def test_check_reports_a_changed_cell(tmp_path, monkeypatch, capsys):
    """The comparison bites: one changed cell in a stored claims table makes --check exit 1 naming it."""
    import shutil

    copy = tmp_path / "snapshots"
    shutil.copytree(snap.SNAPSHOTS, copy)
    monkeypatch.setattr(snap, "SNAPSHOTS", copy)
    monkeypatch.setattr(snap, "sources", lambda: SOURCES[:1])
    assert snap.main(["--check"]) == 0
    target = copy / snap.snapshot_name(SOURCES[0]) / "claims.csv"
    lines = target.read_text(encoding="utf-8").splitlines(True)
    lines[1] = lines[1].replace(",", ",x", 1)
    target.write_text("".join(lines), encoding="utf-8")
    capsys.readouterr()
    assert snap.main(["--check"]) == 1
    assert "claims.csv" in capsys.readouterr().out
