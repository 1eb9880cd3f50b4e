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
from analysis.claims.lexicon import cue_first_words, cue_lexicon, function_words, max_cue_len
from analysis.claims.records import Cue
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
    firsts = cue_first_words()
    return units.TokenFlags(prefix(an), prefix(a and x for a, x in zip(an, is_aux)), prefix(is_aux),
                            prefix(quoted), prefix(past), last_before(stop), last_before(mark),
                            [*reversed(first_from), n], [k for k, w in enumerate(norms) if w in firsts and not quoted[k]])


@settings(max_examples=120, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 80))
def test_token_flags_equal_the_plain_pass(seed, n):
    doc = tokenise(article_from_text(_salad(seed, n), "t"))
    assert units.token_flags(doc) == _plain_token_flags(doc)


def _plain_find_cues(unit):
    lex, firsts, low = cue_lexicon(), cue_first_words(), unit.low
    out, i, n = [], 0, len(low)
    while i < n:
        hit = None
        if low[i] in firsts and not unit.tokens[i].in_quote:
            for L in range(min(max_cue_len(), n - i), 0, -1):
                form = tuple(low[i : i + L])
                if form in lex and not any(unit.tokens[x].in_quote for x in range(i, i + L)):
                    hit = Cue(i, i + L, lex[form])
                    break
        if hit:
            out.append(hit)
            i = hit.j
        else:
            i += 1
    return out


CUE_SALAD = SALAD + ["according", "to", "according to", "\u201caccording to\u201d", "said:", "told", "says"]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(CUE_SALAD), max_size=60))
def test_cues_from_the_start_index_equal_the_plain_scan(words):
    doc = tokenise(article_from_text("Head line\n\n" + " ".join(words) + ".", "t"))
    for u in units.build_units(doc):
        assert units.find_cues(u) == _plain_find_cues(u)


def test_token_flags_equal_the_plain_pass_on_the_fixtures():
    for f in sorted(FIXTURES.glob("*.txt")):
        doc = tokenise(article_from_text(f.read_text(encoding="utf-8"), f.stem))
        assert units.token_flags(doc) == _plain_token_flags(doc), f.name


# --- literal gates before the category, number and date regexes ----------------------------------

from analysis.claims import flags, gates  # noqa: E402
from analysis.claims.lexicon import number_re  # noqa: E402


def test_case_fold_specials_are_every_non_ascii_char_matching_an_ascii_letter():
    import sys
    rx = re.compile("[a-z]", re.IGNORECASE)
    found = "".join(c for c in map(chr, range(128, sys.maxunicode + 1)) if rx.fullmatch(c))
    assert found == gates.CASE_FOLD_SPECIALS


def test_lower_casing_keeps_word_characters_and_length_but_for_the_specials():
    # what word_runs relies on: a run of word characters in a text is one in text.lower()
    import sys
    w = re.compile(r"\w")
    changed = (c for c in map(chr, range(sys.maxunicode + 1)) if c.lower() != c)
    bad = [c for c in changed if len(c.lower()) != 1 or bool(w.match(c)) != bool(w.match(c.lower()))]
    assert set(bad) <= set(gates.CASE_FOLD_SPECIALS)


def test_run_gates_of_made_up_words():
    g = gates.run_gate(["need to", "it's time to", "Jan."])
    assert g.by_run.keys() == {"need", "time", "jan"} == g.keys  # the key set the text's runs meet
    assert gates.RunGate({"week": ("last week",)}).keys == {"week"} and gates.RunGate(None).keys == frozenset()
    for text, ok in [("We need to act.", True), ("We need more time.", False), ("It's time to go", True),
                     ("sometime soon", False), ("On Jan. 5", True), ("In January", False)]:
        low = text.lower()
        assert g.may_match(low, low, gates.word_runs(text)) is ok, text
    assert gates.word_runs("Ca\u017fe") is None and g.may_match("x", "x", None)
    digits = gates.run_gate(["dozen"], digits=True)
    assert digits.may_match("in 1999", "in 1999", gates.word_runs("in 1999"))
    assert not digits.may_match("a few", "a few", gates.word_runs("a few"))


def test_gate_groups_of_made_up_patterns():
    g = gates.literal_gate(r"\b(?:will|would)\s+(?:\w+\s+)?grow(?:s)?\b")
    assert not g.may_match("The plan is dead.") and not g.may_match("they will not")
    assert g.may_match("it would surely grow")
    assert gates.literal_gate(r"(?<!\w)\d+").groups == ((None, True),)
    assert gates.literal_gate(r"[a-z]+").groups == ()  # no literal: always searched
    ci = gates.literal_gate(r"\bdozen\b", re.IGNORECASE)
    assert ci.may_match("A DOZEN eggs") and not ci.may_match("A few eggs")
    assert ci.may_match("a few \u017fpecial eggs")  # long s folds to "s": searched, not gated


def _plain_categorise(text: str, cue_lemma: str = "") -> str:
    low = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    for cat, rx, cue_set, _ in flags._category_matchers():
        if (cue_lemma and cue_lemma in cue_set) or (rx is not None and rx.search(low)):
            return cat
    return "report"


def _plain_has_date(text: str) -> bool:
    return any(rx.search(text) for rx in flags._date_res())


GATE_PIECES = (["will", "would", "'ll", "\u2019ll", "going to", "grow", "rises", "may", "in may", "is", "we're",
                "now", "planning", "need", "needs to", "it's time to", "must", "important", "could", "one",
                "someone", "Ten", "often", "2023", "1850", "M1", "F-16", "\u0663", "per cent", "PER CENT",
                "January", "jan.", "Jan.", "Monday", "last week", "LAST WEEK", "today", "decade", "\u0130",
                "\u0131", "\u017f", "\u212a", "ix", "DOZEN", "dozens", "Thousand", "half", "$", "5", "x5"]
               + list(" ,.-_'\u2019\n"))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(GATE_PIECES), max_size=14), st.sampled_from(["", "say", "urge", "predict"]))
def test_gated_flags_equal_the_plain_searches(parts, cue):
    text = "".join(parts)
    assert flags.categorise(text, cue) == _plain_categorise(text, cue)
    assert flags.has_number(text) == bool(number_re().search(text))
    assert flags.has_number(text, text.lower()) == bool(number_re().search(text))
    assert flags.has_date(text) == _plain_has_date(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_gates_never_reject_a_text_the_regex_matches(text):
    for _, rx, _, gs in flags._category_matchers():
        low = text.lower()
        if rx is not None and rx.search(low):
            assert any(g.may_match(low) for g in gs)
    for rx in (number_re(), *flags._date_res()):
        if rx.search(text):
            assert gates.literal_gate(rx.pattern, rx.flags).may_match(text)


# --- claim ids: normalisation without translate tables and regexes ------------------------------

from analysis.claims import records  # noqa: E402


def _plain_normalise(text: str) -> str:
    import unicodedata
    table = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                           "\u00ab": '"', "\u00bb": '"', "\u201e": '"'})
    s = unicodedata.normalize("NFKC", text).translate(table)
    s = re.sub(r"\s+", " ", s.lower()).strip()
    return s.strip(" \"'.,;:!?\u2026-\u2014\u2013")


def test_str_split_splits_where_backslash_s_matches():
    import sys
    assert all(bool(re.match(r"\s", chr(i))) == chr(i).isspace() for i in range(sys.maxunicode + 1))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ .,'\"\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u2026\u2014"
                                             "\t\n\u00a0\u2003\u3000\u1680\x1c\u0130\ufb01\u2460")), max_size=30)
       | st.text(max_size=30))
def test_claim_text_normalisation_equals_the_plain_one(text):
    assert records.normalise_claim_text(text) == _plain_normalise(text)


def test_make_claim_builds_the_claim_the_constructor_builds():
    import dataclasses
    import pytest
    values = dict(article_id="a", claim_id="c1", sentence_id=1, paragraph_id=2, zone="body", start=5, end=20,
                  content="The plan is dead", attribution="indirect", speaker="Jane Doe", speaker_entity_id="e1",
                  speaker_mention_id="m1", speaker_start=0, speaker_end=8, cue="said", cue_lemma="say",
                  cue_start=9, cue_end=13, quote="", category="report", has_number=False, has_date=True,
                  entity_ids=("e2",), gap_start=-1, gap_end=-1, pattern="cue_then_content")
    fast, plain = records.make_claim(**values), records.Claim(**values)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert dataclasses.asdict(fast) == dataclasses.asdict(plain)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.speaker = "x"
    short = {k: v for k, v in values.items() if k not in ("quote", "pattern")}
    assert records.make_claim(**short) == records.Claim(**short)  # defaults: the constructor
