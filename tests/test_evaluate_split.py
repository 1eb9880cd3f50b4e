"""The tuning/reporting split: a fixed function of the document name."""
from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from analysis.evaluate import split


def test_documented_rule():
    # sha1("a")[0] = 0x86 (even) → tuning; sha1("b")[0] = 0xe9 (odd) → reporting
    assert hashlib.sha1(b"a").digest()[0] % 2 == 0 and split.half("a") == "tuning"
    assert hashlib.sha1(b"b").digest()[0] % 2 == 1 and split.half("b") == "reporting"


def test_groups_are_half_and_all():
    assert split.groups("a") == ("tuning", "all")
    assert split.GROUPS == ("tuning", "reporting", "all")


def test_both_halves_occur_among_made_up_names():
    halves = {split.half(f"doc-{i}") for i in range(20)}
    assert halves == {"tuning", "reporting"}


@given(st.text(max_size=40))
def test_half_is_stable_and_one_of_two(name):
    assert split.half(name) in split.HALVES
    assert split.half(name) == split.half(str(name))
