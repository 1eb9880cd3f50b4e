"""What a claim's content is about (``category``) and whether it is check-worthy
(``has_number``, ``has_date``), from ``data/lexicons/categories.tsv``,
``claims_number_words.txt`` and ``claims_date_words.txt``."""
from __future__ import annotations

import re
from functools import lru_cache

from analysis import lexicons
from analysis.claims.gates import LiteralGate, RunGate, literal_gate, run_gate, word_runs
from analysis.claims.lexicon import norm_apostrophes, number_re


@lru_cache(maxsize=1)
def category_rules() -> tuple[tuple[str, str, object], ...]:
    """(category, kind, matcher) in priority order, from ``data/lexicons/categories.tsv``."""
    rules = []
    for r in lexicons.table("categories.tsv"):
        kind, pat = r["kind"], r["pattern"]
        if kind == "phrase":
            p = norm_apostrophes(pat.lower())
            matcher: object = re.compile(r"(?<![\w'])" + re.escape(p) + r"(?![\w])")
        elif kind == "regex":
            matcher = re.compile(pat)
        else:
            matcher = pat.lower()
        rules.append((r["category"], kind, matcher))
    return tuple(rules)


@lru_cache(maxsize=1)
def categories() -> tuple[str, ...]:
    """Category names in priority order, ``report`` (the default) last."""
    seen: list[str] = []
    for c, _, _ in category_rules():
        if c not in seen:
            seen.append(c)
    if "report" not in seen:
        seen.append("report")
    return tuple(seen)


@lru_cache(maxsize=1)
def _category_matchers() -> tuple[tuple[str, re.Pattern | None, frozenset[str], tuple[LiteralGate | RunGate, ...]], ...]:
    """Per category in priority order: one regex joining its phrase and regex rules, the set
    of its cue lemmas (one search per category keeps :func:`categorise` fast), and the literal
    gates of its rules (:mod:`analysis.claims.gates`): the regex is searched only when one of
    them lets the text through."""
    phrases: dict[str, set[str]] = {}
    pats: dict[str, list[str]] = {}
    cues: dict[str, set[str]] = {}
    for r in lexicons.table("categories.tsv"):
        c, kind, pat = r["category"], r["kind"], r["pattern"]
        for d in (phrases, cues):
            d.setdefault(c, set())
        pats.setdefault(c, [])
        if kind == "phrase":
            phrases[c].add(norm_apostrophes(pat.lower()))
        elif kind == "regex":
            pats[c].append(f"(?:{pat})")
        else:
            cues[c].add(pat.lower())
    out = []
    for c in pats:
        # the phrases as one prefix trie between word boundaries: the same matches as one
        # alternative per phrase, without trying every phrase at every character
        alts = ([r"(?<![\w'])(?:" + lexicons.trie_alternation(phrases[c]) + r")(?![\w])"] if phrases[c] else []) + pats[c]
        gates = ((run_gate(phrases[c]),) if phrases[c] else ()) + tuple(literal_gate(p) for p in pats[c])
        out.append((c, re.compile("|".join(alts)) if alts else None, frozenset(cues[c]), gates))
    return tuple(out)


def categorise(text: str, cue_lemma: str = "", runs: frozenset[str] | None = None) -> str:
    """The category of a claim's content ``text`` (see ``categories.tsv``): the first
    category, in priority order, with a matching phrase, regex or cue lemma. ``runs``:
    :func:`~analysis.claims.gates.word_runs` of ``text`` if known."""
    low = norm_apostrophes(text.lower())
    if runs is None:
        runs = word_runs(text, low)
    for cat, rx, cue_set, gates in _category_matchers():
        if (cue_lemma and cue_lemma in cue_set) or (
                rx is not None and any(g.may_match(low, low, runs) for g in gates) and rx.search(low)):
            return cat
    return "report"


@lru_cache(maxsize=1)
def _number_gate() -> RunGate:
    """:func:`number_re` is a digit or a number word between word boundaries."""
    return run_gate(lexicons.word_list("claims_number_words.txt"), digits=True)


def has_number(text: str, lower: str | None = None, runs: frozenset[str] | None = None) -> bool:
    """True if ``text`` holds a number (digits not glued to letters as in "M1" or "F-16")
    or a number word (``claims_number_words.txt``). ``lower``, ``runs``: ``text.lower()`` and
    its :func:`~analysis.claims.gates.word_runs` if known."""
    if runs is None:
        runs = word_runs(text, lower)
    return _number_gate().may_match(text, lower, runs) and bool(number_re().search(text))


@lru_cache(maxsize=1)
def _date_res() -> tuple[re.Pattern, re.Pattern]:
    ws = lexicons.word_list("claims_date_words.txt")
    caps = sorted((w for w in ws if w[:1].isupper()), key=len, reverse=True)
    low = sorted((w for w in ws if not w[:1].isupper()), key=len, reverse=True)
    cap_re = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|(?<!\w)(?:" + "|".join(re.escape(w) for w in caps) + r")(?!\w)")
    low_re = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in low) + r")(?!\w)", re.IGNORECASE)
    return cap_re, low_re


@lru_cache(maxsize=1)
def _date_gates() -> tuple[RunGate, RunGate]:
    """The gates of :func:`_date_res`: a year's digits or a capitalised date word; a date word."""
    ws = lexicons.word_list("claims_date_words.txt")
    return run_gate([w for w in ws if w[:1].isupper()], digits=True), run_gate([w for w in ws if not w[:1].isupper()])


def has_date(text: str, lower: str | None = None, runs: frozenset[str] | None = None) -> bool:
    """True if ``text`` holds a year, a month or weekday name or a date word. ``lower``,
    ``runs``: ``text.lower()`` and its :func:`~analysis.claims.gates.word_runs` if known."""
    if runs is None:
        runs = word_runs(text, lower)
    for rx, gate in zip(_date_res(), _date_gates()):
        if gate.may_match(text, lower, runs) and rx.search(text):
            return True
    return False
