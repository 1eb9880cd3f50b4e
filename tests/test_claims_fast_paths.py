"""Fast paths of the claims stage give exactly what the plain definitions give (made-up
text and random word salads): the per-article token flags, and the other fast paths below."""
from __future__ import annotations

import random
import re
from itertools import accumulate
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.article import article_from_text
from analysis.claims import units
from analysis.claims.lexicon import function_words
from analysis.tokenise import tokenise

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "articles"
SALAD = ("Jane Doe said the minister told reporters that NATO would not , ; : \u201cwe will\u201d \u2014 "
         "announced Reported Mr. U.S. 2,000 wanted Wanted looked it\u2019s reached can\u2019t "
         "\u00ab oui \u00bb ' \" -- pronounced re-elected \u00e9lu_ _ 3rd").split(" ")


def _salad(seed: int, n: int) -> str:
    r = random.Random(seed)
    return "Head line\n\n" + " ".join(r.choice(SALAD) for _ in range(n)) + "."


# --- token flags (numpy over word classes) == one pass per token --------------------------------


def _plain_token_flags(doc) -> units.TokenFlags:
    aux = function_words("finite_aux")
    norms, toks, text = doc.norms, doc.tokens, doc.text
    n = len(toks)
    an = [w[:1].isalnum() or re.search(r"[^\W_]", w) is not None for w in norms]
    is_aux = [w in aux for w in norms]
    quoted = [t.in_quote for t in toks]
    past = [len(w) > 4 and w.endswith("ed") and units.looks_past_verb(text, t) for w, t in zip(norms, toks)]
    stop = [w == "," or q for w, q in zip(norms, quoted)]
    mark = [s or w in units.QUOTE_CHARS for s, w in zip(stop, norms)]
    src = [w in (",", ";", ":") or q or w in units.QUOTE_CHARS for w, q in zip(norms, quoted)]

    def prefix(flags):
        return [0, *accumulate(flags)]

    def last_before(flags):
        return [-1, *accumulate((k if f else -1 for k, f in enumerate(flags)), max)]

    first_from = list(accumulate((k if f else n for k, f in zip(range(n - 1, -1, -1), reversed(src))), min))
    return units.TokenFlags(prefix(an), prefix(a and x for a, x in zip(an, is_aux)), prefix(is_aux),
                            prefix(quoted), prefix(past), last_before(stop), last_before(mark),
                            [*reversed(first_from), n])


@settings(max_examples=120, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 80))
def test_token_flags_equal_the_plain_pass(seed, n):
    doc = tokenise(article_from_text(_salad(seed, n), "t"))
    assert units.token_flags(doc) == _plain_token_flags(doc)


def test_token_flags_equal_the_plain_pass_on_the_fixtures():
    for f in sorted(FIXTURES.glob("*.txt")):
        doc = tokenise(article_from_text(f.read_text(encoding="utf-8"), f.stem))
        assert units.token_flags(doc) == _plain_token_flags(doc), f.name
