"""Annotations across processes and through ``render``: concurrent saves, round trips,
the notebook-facing functions, and ``python -m analysis render --annotations``."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import annotations as A
from analysis import cli, render

ROOT = Path(__file__).resolve().parent.parent
HEADER = "article_id,claim_id,label,note,author,updated\n"

# --- two processes saving at once -----------------------------------------------

# Each child is one analyst session.  "legacy": load the file, add a note, wait until the
# other session has loaded too, save the whole table (the notebook pattern that lost a row).
# "N": N separate update_annotations calls, racing the other child.
CHILD = r"""
import sys, time
from pathlib import Path
from analysis import annotations as A
path, me, mode = sys.argv[1], sys.argv[2], sys.argv[3]
if mode == "legacy":
    ann = A.add_annotation(A.load_annotations(path), "mini", "c-" + me, "check", "note of " + me, me, "2026-12-01")
    Path(f"{path}.{me}.loaded").touch()
    other = Path(f"{path}.{'b' if me == 'a' else 'a'}.loaded")
    for _ in range(6000):  # both sessions hold their copy before either saves
        if other.exists():
            break
        time.sleep(0.01)
    else:
        sys.exit(3)
    A.save_annotations(ann, path)
else:
    for i in range(int(mode)):
        row = A.add_annotation(A.empty_annotations(), "mini", f"c-{me}-{i}", "check", f"{me} {i}", me, "2026-12-01")
        A.update_annotations(path, add=row)
"""


def run_two_sessions(path: Path, mode: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, str(path), me, mode], env=env,
                              stderr=subprocess.PIPE, text=True) for me in ("a", "b")]
    for p in procs:
        _, err = p.communicate(timeout=300)  # a guard against a hang, not a timing check
        assert p.returncode == 0, err


def test_two_sessions_each_add_a_note_and_save_both_survive(tmp_path):
    p = tmp_path / "claims.csv"
    p.write_text(HEADER + "mini,c0,check,older note,ana,2026-11-28\n", encoding="utf-8")
    run_two_sessions(p, "legacy")
    assert sorted(A.load_annotations(p)["claim_id"]) == ["c-a", "c-b", "c0"]


def test_concurrent_updates_lose_no_row(tmp_path):
    p = tmp_path / "claims.csv"
    run_two_sessions(p, "15")
    ann = A.load_annotations(p)
    assert len(ann) == 30 and set(ann["claim_id"]) == {f"c-{me}-{i}" for me in "ab" for i in range(15)}


# --- round trip ---------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
ID = TEXT.filter(lambda s: s.strip() != "")
DATE = st.one_of(st.just(""), st.dates().map(lambda d: d.isoformat()))
NOTE = st.fixed_dictionaries({"article_id": ID, "claim_id": ID, "label": TEXT, "note": TEXT, "author": TEXT,
                              "updated": DATE})


@settings(max_examples=40, deadline=None)
@given(st.lists(NOTE, max_size=6, unique_by=lambda r: tuple(r[c] for c in A.KEY_COLUMNS)),
       st.lists(NOTE, max_size=4, unique_by=lambda r: tuple(r[c] for c in A.KEY_COLUMNS)))
def test_any_notes_survive_save_and_load(first, second):
    """Commas, quotes, line breaks, any script: what is saved is what is read, and a second
    save adds to the first (same key: replaced)."""
    def frame(rows):
        return pd.DataFrame(rows, columns=list(A.ANNOTATION_COLUMNS)).astype("string")

    def key_sorted(df):
        return df.sort_values(list(A.KEY_COLUMNS)).reset_index(drop=True)

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "claims.csv"
        A.save_annotations(frame(first), p)
        pd.testing.assert_frame_equal(key_sorted(A.load_annotations(p)), key_sorted(frame(first)))
        A.save_annotations(frame(second), p)
        new = {tuple(r[c] for c in A.KEY_COLUMNS) for r in second}
        kept = [r for r in first if tuple(r[c] for c in A.KEY_COLUMNS) not in new]
        pd.testing.assert_frame_equal(key_sorted(A.load_annotations(p)), key_sorted(frame(kept + second)))


# --- what the notebooks call ----------------------------------------------------------

def test_notebook_calls_still_work(seed_doc, seed_article):
    """Notebook 03: load_annotations(path), join, add_annotation + join for an orphan;
    notebook 04: render.load_annotations(), ArticleView, a merge on claim_id."""
    from analysis import claims, mentions
    from analysis.pipeline import analyse

    table = claims.claims_table(seed_doc, claims.find_claims(seed_doc, mentions.find_mentions(seed_doc)))
    ann = A.load_annotations(str(ROOT / "data" / "annotations" / "claims.csv"))
    joined = A.join(table, ann)
    assert ((joined.table.label != "").sum(), len(joined.orphans)) == (5, 0)
    stale = claims.claim_id_for(seed_article.article_id, "a sentence that was edited")
    demo = A.add_annotation(ann, seed_article.article_id, stale, "check: number", "old", "demo", "2026-11-28")
    assert list(A.join(table, demo).orphans["claim_id"]) == [stale]

    notes = render.load_annotations()
    tables = analyse(seed_article)
    assert int(notes["claim_id"].isin(tables["claims"]["claim_id"]).sum()) == 5
    page = render.ArticleView(seed_article, tables, notes)._repr_html_()
    assert all(f'data-claim-note="{c}"' in page for c in notes["claim_id"])
    labels = notes[["claim_id", "label"]].groupby("claim_id", as_index=False).agg(label=("label", "; ".join))
    merged = tables["claims"].merge(labels, on="claim_id", how="left").fillna({"label": ""})
    assert (merged["label"] != "").sum() == 5


def test_one_reader_and_one_raw_guard():
    assert render.load_annotations is A.load_annotations
    assert not hasattr(render, "_forbidden") and not hasattr(cli, "_under_raw")


# --- python -m analysis render --annotations ------------------------------------------

MINI = (
    "Bridge Will Reopen in May\n\nMayor Ana Lind said the bridge will reopen in May.\n\n"
    "\"Repairs cost two million euros,\" the council said on Tuesday.\n"
)


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    """A made-up article file ``mini.txt`` and the id of its second claim."""
    from analysis.article import load_article
    from analysis.pipeline import analyse

    path = tmp_path_factory.mktemp("articles") / "mini.txt"
    path.write_text(MINI, encoding="utf-8")
    return path, analyse(load_article(path))["claims"]["claim_id"].iloc[1]


def render_cli(args, capsys):
    status = cli.main(["render", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out, err


def notes_file(tmp_path, rows: str, prefix: bytes = b"", encoding: str = "utf-8") -> Path:
    p = tmp_path / "notes.csv"
    p.write_bytes(prefix + (HEADER + rows).encode(encoding))
    return p


def test_render_with_bom_notes_shows_them(tmp_path, capsys, mini):
    path, cid = mini
    notes = notes_file(tmp_path, f"mini,{cid},check: date,\"May, which year?\",ana,2026-11-28\n", b"\xef\xbb\xbf")
    status, out, err = render_cli([path, "--out", tmp_path / "out", "--annotations", notes], capsys)
    assert (status, err) == (0, "")
    page = (tmp_path / "out" / "mini.html").read_text(encoding="utf-8")
    assert "May, which year?" in page and "check: date" in page


@pytest.mark.parametrize("rows, encoding, expected", [
    ("mini,{cid},x,caf\u00e9,ana,2026-11-28\n", "cp1252", "line 2: not UTF-8"),
    ("mini,{cid},x,a, b,ana,2026-11-28\n", "utf-8", "line 2: 7 fields, expected 6"),
    ("mini,{cid},x,n,ana,2026-11-28\nmini,{cid},x,n,ana,2026-11-28\n", "utf-8", "line 3: duplicate note"),
])
def test_unreadable_notes_are_an_error_not_an_empty_margin(tmp_path, capsys, mini, rows, encoding, expected):
    path, cid = mini
    notes = notes_file(tmp_path, rows.format(cid=cid), encoding=encoding)
    status, out, err = render_cli([path, "--out", tmp_path / "out", "--annotations", notes], capsys)
    assert status == 2 and err == f"error: {notes}: {expected}" + err.split(expected, 1)[1]
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_default_notes_file_that_is_not_utf8_is_an_error(tmp_path, capsys, mini, monkeypatch):
    path, cid = mini
    notes = notes_file(tmp_path, f"mini,{cid},x,caf\u00e9,ana,2026-11-28\n", encoding="cp1252")
    monkeypatch.setattr(render, "ANNOTATIONS_PATH", notes)
    status, out, err = render_cli([path, "--out", tmp_path / "out"], capsys)
    assert status == 2 and err.startswith(f"error: {notes}: line 2: not UTF-8")
    assert not (tmp_path / "out").exists()


def test_missing_notes_file(tmp_path, capsys, mini, monkeypatch):
    path, _ = mini
    status, out, err = render_cli([path, "--out", tmp_path / "out", "--annotations", tmp_path / "no.csv"], capsys)
    assert status == 2 and err == f"error: {tmp_path / 'no.csv'}: no such file\n"
    monkeypatch.setattr(render, "ANNOTATIONS_PATH", tmp_path / "no.csv")  # the default file is optional
    assert render_cli([path, "--out", tmp_path / "out"], capsys)[0] == 0


def test_orphan_notes_are_reported(tmp_path, capsys, mini):
    path, cid = mini
    notes = notes_file(tmp_path, f"mini,c000000000000,x,stale,ana,2026-11-28\nmini,{cid},y,live,ana,\n"
                                 "other,c111111111111,z,not this article,ana,\n")
    status, out, err = render_cli([path, "--out", tmp_path / "out", "--annotations", notes], capsys)
    assert status == 0
    assert err == f"warning: {notes}: 1 note(s) on mini match no claim (orphans): c000000000000\n"
    assert "c000000000000" in (tmp_path / "out" / "mini.html").read_text(encoding="utf-8")


def test_render_joins_on_article_and_claim(mini):
    from analysis.article import load_article
    from analysis.pipeline import analyse

    path, cid = mini
    article = load_article(path)
    tables = analyse(article)
    ann = pd.DataFrame({"article_id": ["other", "", "mini"], "claim_id": [cid] * 3,
                        "label": ["theirs", "nobody's", "mine"], "note": ["", "", ""]})
    page = render.render_html(article, tables, ann)
    assert "mine" in page and "theirs" not in page and "nobody&#x27;s" not in page


def test_build_and_render_refuse_any_data_raw(tmp_path, capsys, mini):
    path, _ = mini
    for command in ("build", "render"):
        out = tmp_path / "data" / "raw" / command
        status = cli.main([command, str(path), "--out", str(out)])
        assert status == 2 and not out.exists()
        assert "refusing to write under data/raw" in capsys.readouterr().err
