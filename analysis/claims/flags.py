"""What a claim's content is about (``category``) and whether it is check-worthy
(``has_number``, ``has_date``), from ``data/lexicons/categories.tsv``,
``claims_number_words.txt`` and ``claims_date_words.txt``."""
from __future__ import annotations

import re
from functools import lru_cache

from analysis import lexicons
from analysis.claims.gates import LiteralGate, literal_gate, phrase_gate
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
def _category_matchers() -> tuple[tuple[str, re.Pattern | None, frozenset[str], tuple[LiteralGate, ...]], ...]:
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
        gates = ((phrase_gate(phrases[c]),) if phrases[c] else ()) + tuple(literal_gate(p) for p in pats[c])
        out.append((c, re.compile("|".join(alts)) if alts else None, frozenset(cues[c]), gates))
    return tuple(out)


def categorise(text: str, cue_lemma: str = "") -> str:
    """The category of a claim's content ``text`` (see ``categories.tsv``): the first
    category, in priority order, with a matching phrase, regex or cue lemma."""
    low = norm_apostrophes(text.lower())
    for cat, rx, cue_set, gates in _category_matchers():
        if (cue_lemma and cue_lemma in cue_set) or (
                rx is not None and any(g.may_match(low) for g in gates) and rx.search(low)):
            return cat
    return "report"


def has_number(text: str, lower: str | None = None) -> bool:
    """True if ``text`` holds a number (digits not glued to letters as in "M1" or "F-16")
    or a number word (``claims_number_words.txt``). ``lower``: ``text.lower()`` if known."""
    rx = number_re()
    return literal_gate(rx.pattern, rx.flags).may_match(text, lower) and bool(rx.search(text))


@lru_cache(maxsize=1)
def _date_res() -> tuple[re.Pattern, re.Pattern]:
    ws = lexicons.word_list("claims_date_words.txt")
    caps = sorted((w for w in ws if w[:1].isupper()), key=len, reverse=True)
    low = sorted((w for w in ws if not w[:1].isupper()), key=len, reverse=True)
    cap_re = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|(?<!\w)(?:" + "|".join(re.escape(w) for w in caps) + r")(?!\w)")
    low_re = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in low) + r")(?!\w)", re.IGNORECASE)
    return cap_re, low_re


def has_date(text: str, lower: str | None = None) -> bool:
    """True if ``text`` holds a year, a month or weekday name or a date word. ``lower``:
    ``text.lower()`` if known."""
    for rx in _date_res():
        if literal_gate(rx.pattern, rx.flags).may_match(text, lower) and rx.search(text):
            return True
    return False
