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
