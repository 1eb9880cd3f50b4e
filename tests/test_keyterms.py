"""analysis.keyterms: keyness against general English, and the KEY_TERMS parameter parser."""
from __future__ import annotations

import subprocess
import sys

import pytest

from analysis import keyterms
from analysis.article import article_from_text
from analysis.pipeline import analyse

ARTICLE = """Harbour Seals Return to the Estuary

Harbour seals have returned to the estuary after ten years, wardens said on Friday.

The wardens counted forty seals on the sandbanks. The seals feed on flatfish in the estuary.

"The seals are a good sign for the water," one warden said.
"""


@pytest.fixture(scope="module")
def tables():
    return analyse(article_from_text(ARTICLE, "seals"))


def test_key_terms_are_the_overused_content_words(tables):
    terms = keyterms.key_terms(tables["tokens"], tables["sentences"], n=3)
    assert terms[0] == "seals"  # 5 occurrences, rare in general English
    assert "estuary" in terms
    assert "said" not in terms and "the" not in terms


def test_keyness_groups_forms_by_stem_and_sorts(tables):
    k = keyterms.keyness(tables["tokens"], tables["sentences"])
    assert list(k.columns) == ["term", "stem", "count", "per_million", "reference_per_million", "g2"]
    assert (k["count"] >= keyterms.MIN_COUNT).all()
    warden = k[k["stem"] == "warden"]
    assert len(warden) == 1 and int(warden["count"].iloc[0]) == 3  # "wardens" ×2 + "warden" ×1
    assert list(k["g2"]) == sorted(k["g2"], reverse=True)


def test_log_likelihood_sign_and_zero():
    assert keyterms.log_likelihood(5, 100, 1e-5) > 0
    assert keyterms.log_likelihood(1, 100, 0.5) < 0  # under-used
    assert keyterms.log_likelihood(0, 100, 0.01) == 0.0


def test_article_without_repeated_words_falls_back_to_single_counts():
    t = analyse(article_from_text("Otters swim.\n\nBadgers dig burrows quietly.\n", "tiny"))
    assert keyterms.key_terms(t["tokens"], t["sentences"], n=2)


def test_article_without_content_words_has_no_key_terms():
    t = analyse(article_from_text("It is what it is.\n", "stop"))
    assert keyterms.key_terms(t["tokens"], t["sentences"]) == []


@pytest.mark.parametrize("value, expected", [
    (None, None), ("None", None), ("", None), ("[]", None), ([], None),
    (["a", " b c "], ["a", "b c"]), ('["a", "b"]', ["a", "b"]), ("['tax cut']", ["tax cut"]),
    ("a,b", ["a", "b"]), ("a, two words", ["a", "two words"]), ("solo", ["solo"]), (("x",), ["x"]),
])
def test_parse_terms(value, expected):
    assert keyterms.parse_terms(value) == expected


@pytest.mark.parametrize("bad", ["[a, b", 42, "[1, [2"])
def test_parse_terms_rejects_malformed(bad):
    with pytest.raises(ValueError):
        keyterms.parse_terms(bad)


def test_resolve_terms_reports_source(tables):
    assert keyterms.resolve_terms("tide,moon", tables["tokens"], tables["sentences"]) == (["tide", "moon"], "given")
    terms, source = keyterms.resolve_terms("[]", tables["tokens"], tables["sentences"])
    assert source == "computed" and terms


def test_wordfreq_needs_no_download_and_is_silent():
    code = "from analysis import keyterms; print(keyterms.reference_frequency('estuary') > 1e-8)"
    r = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "True" and r.stderr == ""
