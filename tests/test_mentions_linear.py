"""The linear-time steps of the mentions stage find what the obvious quadratic ones found.

Each fast step (issue 10) is compared, on generated inputs, with the straightforward
algorithm it replaced: a longest-first regex alternation, all-pairs comparison, a
scan of all earlier mentions.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import mentions as M
from analysis.mentions.coref import find_surfaces, variant_targets
from analysis.mentions.recognisers import select
from analysis.article import article_from_text
from analysis.tokenise import tokenise

_WORDS = st.sampled_from(["Ann", "Lee", "Ann Lee", "Lee-Ann", "A.", "Bo", "Ann Bo Lee", "Lee Ann"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=6, unique=True),
       st.lists(st.sampled_from(["Ann", "Lee", "Bo", "A.", " ", "-", ",", "x", "Annx", "\n"]), max_size=30))
def test_find_surfaces_is_the_longest_first_alternation(surfaces, pieces):
    text = "".join(pieces)
    alt = "|".join(re.escape(s) for s in sorted(surfaces, key=lambda s: (-len(s), s)))
    want = [(m.start(), m.end()) for m in re.finditer(r"(?<![\w])(?:" + alt + r")(?![\w-])", text)]
    assert find_surfaces(text, surfaces) == want


def _variants_all_pairs(names: list[list[str]]) -> list[str]:
    canon = [" ".join(n) for n in names]
    for i, a in enumerate(names):
        for j, b in enumerate(names):
            if i != j and a[-1] == b[-1] and set(a) < set(b):
                canon[i] = canon[j]
    return canon


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["Ann", "Lee", "Bo", "Vladimir", "Putin", "V."]), min_size=1, max_size=4),
                max_size=12))
def test_variant_merge_matches_all_pairs(names):
    canon = [" ".join(n) for n in names]
    for a, b in variant_targets(names):
        canon[a] = canon[b]
    assert canon == _variants_all_pairs(names)


def _select_naive(cands):
    chosen = []
    for c in sorted(cands, key=lambda c: (-c.length, -c.priority, c.start)):
        if c.start < 0 or c.end <= c.start:
            continue
        if any(d.start < c.end and c.start < d.end for d in chosen):
            continue
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(-1, 40), st.integers(0, 8), st.integers(0, 4)), max_size=25))
def test_select_matches_pairwise_overlap_check(spans):
    cands = [M.Cand(s, s + n, "ORG", "name", "name", priority=p) for s, n, p in spans]
    assert select(cands) == _select_naive(cands)


def test_pronouns_in_a_long_sentence_take_the_leftmost_compatible_person():
    # one long sentence with three people and many pronouns: every "she" is Mary Jones,
    # every "he" John Smith (the leftmost compatible person of the sentence, not Bob Ward)
    body = "Mr. John Smith met Ms. Mary Jones and Mr. Bob Ward and " + " and ".join(["she said he left"] * 300) + "."
    doc = tokenise(article_from_text("Title\n\n" + body + "\n", "t"))
    ms = M.find_mentions(doc)
    she = {m.entity for m in ms if m.surface == "she"}
    he = {m.entity for m in ms if m.surface == "he"}
    assert she == {"Mary Jones"} and he == {"John Smith"}


def test_role_resolves_to_the_most_recent_titled_person_after_many_others():
    # "the senator" skips the many people named after Ann Roe who are not senators
    others = " ".join(f"Journalist Bob Ward{i} wrote." for i in range(200))
    text = f"Title\n\nSen. Ann Roe spoke. {others} The senator left.\n"
    ms = M.find_mentions(tokenise(article_from_text(text, "t")))
    role = [m for m in ms if m.surface == "The senator"]
    assert role and role[0].entity == "Ann Roe"


_COUNT_LINES = """
import sys
from pathlib import Path
from analysis import mentions as M
from analysis.article import article_from_text
from analysis.tokenise import tokenise

text, module = sys.stdin.read(), sys.argv[1]
target = str(Path(M.__file__).resolve().parent / module)
doc = tokenise(article_from_text(text, "t"))
M.find_mentions(doc)  # warm the lexicon caches
count = 0

def local(frame, event, arg):
    global count
    count += event == "line"
    return local

sys.settrace(lambda frame, event, arg: local if frame.f_code.co_filename == target else None)
M.find_mentions(doc)
sys.settrace(None)
print(count)
"""


def _mention_lines(text: str, module: str) -> int:
    """Lines of ``analysis/mentions/<module>`` executed by ``find_mentions`` on ``text``.

    Counted in a fresh interpreter: in a long pytest process CPython 3.11.7 was seen to spin
    for ever at the entry of a traced ``find_mentions`` (its code already specialised by
    earlier tests; the same call in a fresh process takes under a second)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(M.__file__).resolve().parent.parent.parent
    out = subprocess.run([sys.executable, "-c", _COUNT_LINES, module], input=text, capture_output=True,
                         text=True, cwd=root, timeout=300, check=True)
    return int(out.stdout)


def test_thing_pronouns_in_quotations_cost_linear_work():
    # every "it" inside a quotation looks at the mentions of its own and the previous sentences
    # only (made-up paragraph, repeated): twice the article, about twice the work
    para = 'Norvik Bank cut jobs in Orvale. "It will grow and it will hire," said Ana Silva. '
    small = _mention_lines("Title\n\n" + para * 60 + "\n", "things.py")
    big = _mention_lines("Title\n\n" + para * 120 + "\n", "things.py")
    assert big < 2.5 * small, (small, big)
