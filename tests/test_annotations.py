"""Analyst annotations: the seeded file, the join, orphans, atomic writes."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import annotations as A
from analysis import claims, mentions


@pytest.fixture(scope="module")
def seed_claims(seed_doc):
    return claims.claims_table(seed_doc, claims.find_claims(seed_doc, mentions.find_mentions(seed_doc)))


def test_seed_file_valid_and_keyed_by_real_claims(seed_claims):
    ann = A.load_annotations()
    assert list(ann.columns[:6]) == list(A.ANNOTATION_COLUMNS)
    assert len(ann) >= 3
    joined = A.join(seed_claims, ann)
    assert joined.orphans.empty
    assert (joined.table["label"] != "").sum() == len(ann)
    assert {"check: number", "context needed"} <= set(ann["label"])


def test_orphan_is_reported_not_dropped(seed_claims):
    ann = A.load_annotations()
    aid = seed_claims["article_id"].iloc[0]
    ann = A.add_annotation(ann, aid, "c000000000000", "check: number", "claim text was edited", "tester", "2026-01-01")
    joined = A.join(seed_claims, ann)
    assert list(joined.orphans["claim_id"]) == ["c000000000000"]
    assert len(joined.table) == len(seed_claims)  # one annotation per annotated claim here
    assert (joined.table["label"] != "").sum() == len(ann) - 1
    # annotations of other articles are not this article's orphans
    other = A.add_annotation(A.empty_annotations(), "another-article", "cffffffffffff", "x")
    assert A.join(seed_claims, other).orphans.empty


def test_join_keeps_every_claim(seed_claims):
    joined = A.join(seed_claims, A.empty_annotations())
    assert len(joined.table) == len(seed_claims)
    assert (joined.table["label"] == "").all()


def test_roundtrip_and_atomic_write(tmp_path):
    p = tmp_path / "ann.csv"
    ann = A.add_annotation(A.empty_annotations(), "a", "c1", "context needed", 'has "quotes", commas', "me", "2026-11-28")
    A.save_annotations(ann, p)
    back = A.load_annotations(p)
    pd.testing.assert_frame_equal(back, ann.astype("string"))
    assert not [f for f in tmp_path.iterdir() if f.name.endswith(".tmp")]


def test_missing_file_is_empty_and_bad_file_raises(tmp_path):
    assert A.load_annotations(tmp_path / "none.csv").empty
    bad = tmp_path / "bad.csv"
    bad.write_text("claim_id,label\nc1,x\n", encoding="utf-8")
    with pytest.raises(A.AnnotationError):
        A.load_annotations(bad)
    bad.write_text("article_id,claim_id,label,note,author,updated\na,,x,,,\n", encoding="utf-8")
    with pytest.raises(A.AnnotationError):
        A.load_annotations(bad)


# --- strict reading: every problem is one line naming the file and the line -----

HEADER = "article_id,claim_id,label,note,author,updated\n"
ROW = "mini,c1,check: number,\"a note, with a comma\",ana,2026-11-28\n"


def write(tmp_path, data: bytes, name: str = "claims.csv"):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def problem(path) -> str:
    with pytest.raises(A.AnnotationError) as info:
        A.load_annotations(path)
    msg = str(info.value)
    assert "\n" not in msg and msg.startswith(f"{path}: ")
    return msg[len(f"{path}: "):]


def test_not_utf8_is_an_error_naming_the_line(tmp_path):
    # Excel's plain "CSV" on Windows writes cp1252: "café" is the byte 0xe9
    p = write(tmp_path, (HEADER + ROW + "mini,c2,x,caf\u00e9 latte,ana,2026-11-28\n").encode("cp1252"))
    assert problem(p).startswith("line 3: not UTF-8 (byte 0xe9)")


def test_utf16_is_an_error(tmp_path):
    p = write(tmp_path, (HEADER + ROW).encode("utf-16"))
    assert problem(p).startswith("line 1: UTF-16")


def test_byte_order_mark_is_accepted(tmp_path):
    # Excel's "CSV UTF-8" starts with EF BB BF
    p = write(tmp_path, b"\xef\xbb\xbf" + (HEADER + ROW).encode("utf-8"))
    ann = A.load_annotations(p)
    assert list(ann.columns) == list(A.ANNOTATION_COLUMNS)
    assert list(ann["article_id"]) == ["mini"] and list(ann["note"]) == ["a note, with a comma"]


def test_unquoted_comma_is_an_error_not_a_shift(tmp_path):
    # the comma in the note moves "with a comma" into author and the author into updated
    p = write(tmp_path, (HEADER + ROW + "mini,c2,check,a note, with a comma,ana,2026-11-28\n").encode())
    assert problem(p).startswith("line 3: 7 fields, expected 6")
    p = write(tmp_path, (HEADER + "mini,c2,check,note,ana\n").encode())
    assert problem(p).startswith("line 2: 5 fields, expected 6")


def test_line_numbers_count_physical_lines(tmp_path):
    # a quoted note may hold a line break (line 2-3); CRLF as Excel writes it
    text = HEADER + "mini,c1,x,\"two\nlines\",ana,2026-11-28\n" + "mini,c2,x,a, b,ana,2026-11-28\n"
    p = write(tmp_path, text.replace("\n", "\r\n").encode())
    assert problem(p).startswith("line 4: 7 fields")


def test_bad_quoting_is_an_error(tmp_path):
    p = write(tmp_path, (HEADER + ROW + "mini,c2,x,\"never closed,ana,2026-11-28\n" + ROW).encode())
    assert problem(p).startswith("line 3: bad CSV quoting")


@pytest.mark.parametrize("rows, expected", [
    (ROW + ROW, "line 3: duplicate note: repeats line 2"),
    (ROW + "mini,c1,check: number,another text,ana,2026-11-29\n",
     "line 3: duplicate note: same article_id, claim_id, label and author as line 2"),
])
def test_duplicate_note_is_an_error(tmp_path, rows, expected):
    assert problem(write(tmp_path, (HEADER + rows).encode())) == expected


def test_same_claim_different_label_or_author_is_not_a_duplicate(tmp_path):
    rows = ROW + "mini,c1,check: date,x,ana,2026-11-28\n" + "mini,c1,check: number,x,bo,2026-11-28\n"
    assert len(A.load_annotations(write(tmp_path, (HEADER + rows).encode()))) == 3


@pytest.mark.parametrize("row, expected", [
    (",c1,x,n,ana,2026-11-28\n", "line 2: empty article_id"),
    ("mini, ,x,n,ana,2026-11-28\n", "line 2: empty claim_id"),
    ("mini,c1,x,n,ana,28/11/2026\n", "line 2: updated '28/11/2026' is not an ISO date (YYYY-MM-DD)"),
])
def test_bad_values_are_errors(tmp_path, row, expected):
    assert problem(write(tmp_path, (HEADER + row).encode())) == expected


def test_header_problems(tmp_path):
    assert problem(write(tmp_path, b"")) == "line 1: empty file: no header line"
    assert problem(write(tmp_path, (HEADER.strip() + ",note\n").encode())) == "line 1: column 'note' appears twice"
    assert problem(write(tmp_path, b"claim_id,label\nc1,x\n")).startswith("line 1: missing column(s) article_id")


def test_blank_lines_are_skipped_and_extra_columns_kept(tmp_path):
    p = write(tmp_path, ("\n" + HEADER.strip() + ",source\n\n" + ROW.strip() + ",memo\n,,,,,,\n").encode())
    ann = A.load_annotations(p)
    assert list(ann.columns) == [*A.ANNOTATION_COLUMNS, "source"] and list(ann["source"]) == ["memo"]


# --- the join uses article_id AND claim_id ----------------------------------------

MINI = (
    "Bridge Will Reopen in May\n\nMayor Ana Lind said the bridge will reopen in May.\n\n"
    "\"Repairs cost two million euros,\" the council said on Tuesday.\n"
)


@pytest.fixture(scope="module")
def mini_claims():
    from analysis.article import article_from_text
    from analysis.pipeline import analyse

    table = analyse(article_from_text(MINI, "mini"))["claims"]
    assert len(table) >= 2
    return table


def test_note_of_another_article_with_the_same_claim_id_does_not_attach(mini_claims):
    cid = mini_claims["claim_id"].iloc[1]
    ann = A.add_annotation(A.empty_annotations(), "mini", cid, "mine", "this article's note")
    ann = A.add_annotation(ann, "other-article", cid, "theirs", "another article's note")
    joined = A.join(mini_claims, ann)
    assert len(joined.table) == len(mini_claims)  # not doubled
    assert list(joined.table.loc[joined.table["claim_id"] == cid, "label"]) == ["mine"]
    assert joined.orphans.empty  # the other article's note is not judged here
    assert list(joined.table.columns[: len(mini_claims.columns)]) == list(mini_claims.columns)


def test_orphans_of_an_article_without_claims(mini_claims):
    ann = A.add_annotation(A.empty_annotations(), "empty-article", "c1", "x")
    assert A.orphans(mini_claims, ann).empty  # not one of the claims' articles
    assert list(A.orphans(mini_claims, ann, article_ids=["empty-article"])["claim_id"]) == ["c1"]


# --- saving merges with the file under a lock, removes only what it is asked to ---

def five_notes():
    ann = A.empty_annotations()
    for i in range(5):
        ann = A.add_annotation(ann, "mini", f"c{i}", "check", f"note {i}", "ana", "2026-11-28")
    return ann


def test_saving_a_filtered_table_keeps_the_other_rows(tmp_path):
    p = tmp_path / "claims.csv"
    A.save_annotations(five_notes(), p)
    mine = A.load_annotations(p)
    mine = mine[mine["claim_id"] == "c2"].copy()
    mine["note"] = "edited"
    A.save_annotations(mine, p)
    back = A.load_annotations(p)
    assert list(back["claim_id"]) == ["c0", "c1", "c2", "c3", "c4"]
    assert list(back["note"]) == ["note 0", "note 1", "edited", "note 3", "note 4"]


def test_remove_deletes_only_the_keys_given(tmp_path):
    p = tmp_path / "claims.csv"
    A.save_annotations(five_notes(), p)
    A.update_annotations(p, remove=[("mini", "c1", "check", "ana"), ("mini", "c9", "check", "ana")])
    assert list(A.load_annotations(p)["claim_id"]) == ["c0", "c2", "c3", "c4"]
    back = A.load_annotations(p)
    A.update_annotations(p, remove=back[back["claim_id"] == "c3"])  # a table works as keys too
    assert list(A.load_annotations(p)["claim_id"]) == ["c0", "c2", "c4"]
    new = A.add_annotation(A.empty_annotations(), "mini", "c7", "check", "", "bo")
    out = A.update_annotations(p, add=new, remove=[("mini", "c0", "check", "ana")])
    assert list(out["claim_id"]) == list(A.load_annotations(p)["claim_id"]) == ["c2", "c4", "c7"]


def test_bad_file_on_disk_is_not_overwritten(tmp_path):
    p = write(tmp_path, (HEADER + "mini,c1,x,caf\u00e9,ana,\n").encode("cp1252"))
    before = p.read_bytes()
    with pytest.raises(A.AnnotationError, match="line 2: not UTF-8"):
        A.save_annotations(five_notes(), p)
    assert p.read_bytes() == before


def test_rows_to_add_are_checked(tmp_path):
    p = tmp_path / "claims.csv"
    twice = pd.concat([five_notes(), five_notes().iloc[[1]]], ignore_index=True)
    with pytest.raises(A.AnnotationError, match=r"row 6: duplicate note: repeats row 2"):
        A.update_annotations(p, add=twice)
    with pytest.raises(A.AnnotationError, match="empty claim_id"):
        A.update_annotations(p, add=pd.DataFrame({"article_id": ["mini"], "claim_id": [""]}))
    assert not p.exists()


def test_byte_order_mark_is_kept_and_no_temp_file_left(tmp_path):
    p = write(tmp_path, b"\xef\xbb\xbf" + (HEADER + ROW).encode())
    A.save_annotations(five_notes(), p)
    assert p.read_bytes().startswith(b"\xef\xbb\xbfarticle_id,")
    assert len(A.load_annotations(p)) == 6
    # the hidden lock file may stay (deleting it would race with a waiting session); .gitignore has it
    assert sorted(f.name for f in tmp_path.iterdir()) in (["claims.csv"], [A.lock_path(p).name, "claims.csv"])


def test_lock_held_elsewhere_is_a_clear_error(tmp_path):
    from filelock import FileLock

    p = tmp_path / "claims.csv"
    with FileLock(str(A.lock_path(p))):
        with pytest.raises(A.AnnotationError, match="another session holds"):
            A.update_annotations(p, add=five_notes(), timeout=0)
    assert not p.exists()


def test_an_old_copy_does_not_undo_a_newer_edit(tmp_path):
    p = tmp_path / "claims.csv"
    A.save_annotations(five_notes(), p)  # all dated 2026-11-28
    old_copy = A.load_annotations(p)
    newer = old_copy.iloc[[2]].copy()
    newer["note"], newer["updated"] = "edited by bo", "2026-12-01"
    A.save_annotations(newer, p)
    stale = old_copy.iloc[[2]].copy()
    stale["note"] = "edited by ana on her old copy"
    with pytest.raises(A.AnnotationError, match=r"changed in the file on 2026-12-01, after your copy \(2026-11-28\)"):
        A.save_annotations(stale, p)
    assert list(A.load_annotations(p)["note"])[2] == "edited by bo"
    # saving a whole old copy (the notebook pattern) after someone else's edit: refused, not reverted
    with pytest.raises(A.AnnotationError, match="reload the file"):
        A.save_annotations(A.add_annotation(old_copy, "mini", "c9", "check", "", "ana", "2026-11-28"), p)
    assert len(A.load_annotations(p)) == 5
