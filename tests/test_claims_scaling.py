"""Claims cost grows linearly with the article: the per-unit indexes answer what the
old per-cue scans answered (property tests against the naive definitions), and the
work done on a long paragraph doubles, not quadruples, when the paragraph doubles
(counted in executed lines, not timed)."""
from __future__ import annotations

import copy
import random
import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import claims
from analysis.article import article_from_text
from analysis.claims import reading, units
from analysis.claims.lexicon import function_words
from analysis.claims.records import Cue, Found, Speaker, trim
from analysis.quotes import find_quotes
from analysis.tokenise import tokenise

HEAD = "Officials Trade Words Over Budget Plan\n\n"
CLAIMS_DIR = str(Path(claims.__file__).resolve().parent)  # the analysis/claims package

WORDS = ("Jane Doe said the minister told reporters that NATO and the alliance would not say whether "
         "officials added according to a spokesman for Ukraine , , \u201cwe will\u201d \u2014 adding "
         "announced ; : Reported").split(" ")


def _paragraph(n: int, seed: int, words=WORDS) -> str:
    r = random.Random(seed)
    return " ".join(r.choice(words) for _ in range(n))


def _units(text: str):
    doc = tokenise(article_from_text(HEAD + text, "t"))
    return doc, [u for u in units.build_units(doc) if u.zone == "body"]


# --- the quotation invariant the bisections rely on ----------------------------------------

marks = st.sampled_from(['"', "\u201c", "\u201d", "\u00ab", "\u00bb", "''", "``", "'", "\u2018", "\u2019"])
pieces = st.lists(st.one_of(marks, st.sampled_from(["a", "b c", " ", "\n\n", ",", "s"])), max_size=40)


@settings(max_examples=200, deadline=None)
@given(pieces)
def test_quotes_sorted_and_disjoint(parts):
    text = "".join(parts)
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    qs = find_quotes(text, paras)
    for a, b in zip(qs, qs[1:]):
        assert a.end <= b.start
    assert all(q.start < q.end for q in qs)


# --- per-unit indexes against their naive definitions ----------------------------------------

texty = st.text(alphabet=st.sampled_from(list("ab ,\u2014\u2013-\"\u201d'\u2019\n\t")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(texty, st.integers(0, 30), st.integers(0, 30))
def test_clause_end_is_the_regex(text, a, b):
    s, e = min(a, b, len(text)), min(max(a, b), len(text))
    assert units.clause_end(text, s, e) == bool(units.CLAUSE_END.search(text[s:e]))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10_000))
def test_unit_indexes_match_scans(seed):
    r = random.Random(seed)
    doc, us = _units(_paragraph(r.randint(5, 60), seed) + ".")
    for u in us:
        n = len(u.tokens)
        for _ in range(10):
            s = r.randint(u.start, u.end)
            e = r.randint(s, u.end)
            assert u.word_count(s, e) == len(doc.text[s:e].split())
            pos = r.randint(u.start, u.end)
            naive = None
            for q in u.quotes:
                if q.end <= pos and re.fullmatch(r"[\s,\u2014\u2013-]*", doc.text[q.end:pos]):
                    naive = q
            assert units.after_quote(doc, u, pos) == naive
            assert u.token_at_or_after(pos) == next((x for x, t in enumerate(u.tokens) if t.start >= pos), n)
            k = r.randint(0, n)
            rest = [w for w in u.low[k:] if any(ch.isalnum() for ch in w)]
            assert u.alnum_after(k) == len(rest)
            assert u.quoted_after(k) == any(t.in_quote for t in u.tokens[k:])
            aux = function_words("finite_aux")
            assert u.aux_word_after(k) == any(w in aux for w in rest)
            assert u.aux_token_after(k) == any(w in aux for w in u.low[k:])
            if k < n:
                t = u.tokens[k]
                w = doc.text[t.start:t.end]
                assert u.past_verb_at(k) == (w[:1].islower() and len(w) > 4 and w.endswith("ed"))
            stops = [x for x in range(k, n) if u.low[x] in (",", ";", ":") or u.tokens[x].in_quote
                     or u.low[x] in units.QUOTE_CHARS]
            assert u.source_np_end(k) == (stops[0] if stops else n)
            j = r.randint(0, n)
            x = j - 1
            while x >= 0 and u.low[x] != "," and not u.tokens[x].in_quote:
                x -= 1
            assert u.comma_or_quote_before(j) == x
            x = j - 1
            while x >= 0 and u.low[x] != "," and not u.tokens[x].in_quote and u.low[x] not in units.QUOTE_CHARS:
                x -= 1
            assert u.comma_or_mark_before(j) == x


# --- cue interplay against the pairwise definitions ----------------------------------------------


def _naive_outer_cue_wins(unit, reads):
    out = list(reads)
    for b, (cb, fb) in enumerate(reads):
        if fb is None or cb.entry.kind == "source" or fb.content[1] > unit.tokens[cb.i].start:
            continue
        for a in range(b):
            ca, fa = out[a]
            if fa is not None and fa.pattern != "parenthetical" \
                    and fb.content[0] <= unit.tokens[ca.i].start < fb.content[1]:
                out[a] = (ca, None)
    return out


def _naive_cut_at_later_cues(doc, unit, low, reads):
    for a, (_, f) in enumerate(reads):
        if f is None or f.direct or f.content[0] >= f.content[1]:
            continue
        cs, ce = f.content
        for c2, f2 in reads[a + 1:]:
            if f2 is None or c2.i == 0 or not (cs < unit.tokens[c2.i].start < ce):
                continue
            pw = low[c2.i - 1]
            cut = unit.tokens[c2.i - 1].start
            own = reading.own_clause_start(unit, c2, f2)
            coord = units.coordinated_verb(unit, c2.i)  # "… and has said …": cut before "and"
            if own is None and coord is not None:
                own = unit.tokens[coord].start
            if (c2.entry.kind == "source" and pw == ",") or own is not None or (pw == "," and f2.shared):
                s2, e2 = trim(doc.text, cs, own if own is not None else cut)
                if e2 > s2:
                    f.content = (s2, e2)
                    if f.gap is not None and not (s2 <= f.gap[0] < f.gap[1] <= e2):
                        f.gap = None
                break


def _random_reads(unit, r: random.Random):
    n = len(unit.tokens)
    lex = list(claims.cue_lexicon().values())
    source = next(e for e in lex if e.kind == "source")
    speech = next(e for e in lex if e.kind == "speech")
    idx = sorted(r.sample(range(n), min(n, r.randint(1, 12))))
    reads = []
    for i in idx:
        cue = Cue(i, i + 1, source if r.random() < 0.3 else speech)
        if r.random() < 0.2:
            reads.append((cue, None))
            continue
        a, b = sorted((r.randint(0, n - 1), r.randint(0, n - 1)))
        content = (unit.tokens[a].start, unit.tokens[b].end)
        sp = None
        if r.random() < 0.7:
            k = r.randint(0, n - 1)
            sp = Speaker(unit.tokens[k].start, unit.tokens[k].end, "x", None,
                                 unit.tokens[max(0, k - r.randint(0, 2))].start if r.random() < 0.5 else -1)
        gap = (content[0], content[0] + 1) if r.random() < 0.3 and content[1] > content[0] + 1 else None
        reads.append((cue, Found(content, cue, sp, direct=r.random() < 0.2, gap=gap,
                                         shared=r.random() < 0.3,
                                         pattern="parenthetical" if r.random() < 0.2 else "")))
    return reads


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 100_000))
def test_cue_interplay_matches_pairwise_definition(seed):
    r = random.Random(seed)
    doc, us = _units(_paragraph(r.randint(8, 50), seed) + ".")
    for u in us:
        reads = _random_reads(u, r)
        assert reading.outer_cue_wins(u, reads) == _naive_outer_cue_wins(u, reads)
        fast, slow = copy.deepcopy(reads), copy.deepcopy(reads)
        reading.cut_at_later_cues(doc, u, fast)
        _naive_cut_at_later_cues(doc, u, u.low, slow)
        assert [(f.content, f.gap) if f else None for _, f in fast] == [(f.content, f.gap) if f else None for _, f in slow]


# --- work grows linearly ---------------------------------------------------------------------------


def _lines_executed(text: str) -> int:
    """Lines of the claims code executed by ``find_claims`` on ``text`` (no mentions)."""
    doc = tokenise(article_from_text(HEAD + text, "t"))
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def glob(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(CLAIMS_DIR) else None

    claims.find_claims(doc, [])  # warm the lexicon caches
    sys.settrace(glob)
    try:
        claims.find_claims(doc, [])
    finally:
        sys.settrace(None)
    return count


def test_work_linear_in_unpunctuated_paragraph():
    # one sentence of 600 and of 1,200 words: a paragraph without a full stop is one unit
    words = "NATO said Stoltenberg the alliance Ukraine minister told reporters that".split()
    small = _lines_executed(_paragraph(600, 1, words))
    big = _lines_executed(_paragraph(1200, 1, words))
    assert big < 2.8 * small, (small, big)


def test_work_linear_with_commas_and_quotes():
    small = _lines_executed(_paragraph(600, 2))
    big = _lines_executed(_paragraph(1200, 2))
    assert big < 2.8 * small, (small, big)
