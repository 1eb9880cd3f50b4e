"""Cheap literal pre-checks for regular expressions searched in claim texts.

A claim's category and its number/date flags search every content for patterns such as
``\\bwill\\s+(?:\\w+\\s+)?(?:grow|rise|…)`` or ``(?<![\\w'])(?:need to|must|…)(?![\\w])``. Most
contents hold none of the words those patterns need, yet the regex engine tries every
position (a look-behind first defeats its fast scan). :func:`literal_gate` reads a pattern's
parse tree for the *atoms* any match must contain — one of the literals of each group
("will", "would", "'ll"), or a digit for ``\\d`` — and :meth:`LiteralGate.may_match` checks them
with a plain substring scan. Only when it answers True is the pattern searched: a gate never
changes a result, it only skips searches that cannot match ("The plan is dead." holds none of
"need to", "must", "should" …, so the *need* category's regex is not run on it).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from analysis import lexicons

try:  # Python 3.11+: the parser lives in re._parser (sre_parse is a deprecated alias)
    from re import _parser as sre_parse  # type: ignore[attr-defined]
    from re import _constants as sre_const  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as sre_const  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

#: An atom standing for "any character ``\\d`` matches".
DIGIT = "\\d"
#: The non-ASCII characters that match an ASCII letter under ``re.IGNORECASE`` (dotted and
#: dotless i, long s, Kelvin sign; checked against every code point by a test): a text holding
#: one is always searched, since lower-casing does not map it to that letter.
CASE_FOLD_SPECIALS = "\u0130\u0131\u017f\u212a"
_SPECIALS = re.compile("[" + CASE_FOLD_SPECIALS + "]")
_DIGIT = re.compile(r"\d")
_MAX_GROUPS = 3  # necessary groups checked per pattern (each alone suffices to be sound)
_FEW = 8


@dataclass(frozen=True)
class LiteralGate:
    """Groups of atoms; a text can match the pattern only if, for every group, it contains
    one of the group's atoms (a literal, or a digit for :data:`DIGIT`)."""

    groups: tuple[tuple[re.Pattern | tuple[str, ...] | None, bool], ...]  # (literals: a few, or one regex; a digit atom?)
    ignorecase: bool

    def may_match(self, text: str, lower: str | None = None, runs: frozenset[str] | None = None) -> bool:
        """False only if the pattern cannot match anywhere in ``text``. ``lower``: ``text.lower()``
        when the caller has it (read only for a case-insensitive pattern); ``runs`` is not read."""
        if self.ignorecase:
            if _SPECIALS.search(text):
                return True
            hay = text.lower() if lower is None else lower
        else:
            hay = text
        for lits, digit in self.groups:
            if digit and _DIGIT.search(text):
                continue
            if lits is None or not (any(x in hay for x in lits) if type(lits) is tuple else lits.search(hay)):
                return False
        return True


ALWAYS = LiteralGate((), False)


_RUN = re.compile(r"\w+")


def word_runs(text: str, lower: str | None = None) -> frozenset[str] | None:
    r"""The runs of word characters (``\w+``) of ``text`` lower-cased ("It's 5 p.m." → it, s, 5,
    p, m), or None when ``text`` holds a character of :data:`CASE_FOLD_SPECIALS` (lower-casing
    does not fold it as the regex engine does, nor keep its length). ``lower``: ``text.lower()``."""
    if _SPECIALS.search(text):
        return None
    return frozenset(_RUN.findall(text.lower() if lower is None else lower))


@dataclass(frozen=True)
class RunGate:
    r"""The gate of words searched between word boundaries (``(?<!\w)(?:…)(?!\w)``, ``\b(?:…)\b``,
    any case). Every run of word characters of a matched word is a whole run of the text (a run
    at the word's edge is closed by the boundary, the others by the word's own spaces or marks:
    "jan" of "jan."), so each word is filed under its longest run, the most selective ("week" of
    "last week", "time" of "it's time to"): a text none of whose runs (:func:`word_runs`) is a
    key cannot match, and one that has a key must also hold one of the words filed under it as a
    substring ("have to" for "have"). ``digits``: a digit also lets the text through (for a
    pattern with a ``\d`` branch)."""

    by_run: Mapping[str, tuple[str, ...]] | None  # None: a word without a run, or not ASCII
    digits: bool = False
    #: the keys of ``by_run`` as a set: a set meets the text's runs several times faster than
    #: the mapping's keys view does (derived, not compared)
    keys: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", frozenset(self.by_run) if self.by_run is not None else frozenset())

    def may_match(self, text: str, lower: str | None = None, runs: frozenset[str] | None = None) -> bool:
        """``text`` (the text the pattern searches, for a case-sensitive pattern already lower-cased),
        ``lower``: ``text.lower()``, ``runs``: :func:`word_runs` of ``text`` (None: no gating)."""
        if runs is None or self.by_run is None or (self.digits and _DIGIT.search(text)):
            return True
        keys = runs & self.keys
        if not keys:
            return False
        hay = text.lower() if lower is None else lower
        return any(w in hay for k in keys for w in self.by_run[k])


def run_gate(words, digits: bool = False) -> RunGate:
    """The :class:`RunGate` of ``words`` (ASCII: lower-casing is the engine's folding only there)."""
    by_run: dict[str, set[str]] = {}
    for w in words:
        runs = _RUN.findall(w)
        if not runs or not w.isascii():
            return RunGate(None, digits)
        by_run.setdefault(max(runs, key=len).lower(), set()).add(w.lower())
    return RunGate(MappingProxyType({k: tuple(sorted(v)) for k, v in by_run.items()}), digits)


def _best(cands: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective group: longest shortest literal, then fewest atoms."""
    def key(c):
        return (min(len(a) if a != DIGIT else 1 for a in c), -len(c))
    return max(cands, key=key) if cands else None


def _groups(items) -> list[frozenset[str]]:
    """Groups of atoms of a parsed sequence: every match of the sequence contains an atom
    of each group. Runs of literal characters are literals; a group, a repeat of at least
    one and an alternation (the union of its branches' best groups) add their groups;
    anything else (classes, look-arounds, anchors, optional parts) adds none."""
    out: list[frozenset[str]] = []
    run: list[str] = []

    def close():
        if run:
            out.append(frozenset(["".join(run)]))
            run.clear()
    for op, av in items:
        if op is sre_const.LITERAL:
            run.append(chr(av))
            continue
        close()
        if op is sre_const.SUBPATTERN:
            out.extend(_groups(av[3]))
        elif op in (sre_const.MAX_REPEAT, sre_const.MIN_REPEAT, getattr(sre_const, "POSSESSIVE_REPEAT", None)) \
                and av[0] >= 1:
            out.extend(_groups(av[2]))
        elif op is sre_const.BRANCH:
            alts = [_best(_groups(alt)) for alt in av[1]]
            if all(a is not None for a in alts):
                out.append(frozenset().union(*alts))
        elif op is sre_const.IN and av == [(sre_const.CATEGORY, sre_const.CATEGORY_DIGIT)]:
            out.append(frozenset([DIGIT]))
    close()
    return out


def _has_ignorecase(items) -> bool:
    for op, av in items:
        if op is sre_const.SUBPATTERN and (av[1] & re.IGNORECASE or _has_ignorecase(av[3])):
            return True
        if op in (sre_const.MAX_REPEAT, sre_const.MIN_REPEAT) and _has_ignorecase(av[2]):
            return True
        if op is sre_const.BRANCH and any(_has_ignorecase(alt) for alt in av[1]):
            return True
        if op in (sre_const.ASSERT, sre_const.ASSERT_NOT) and _has_ignorecase(av[1]):
            return True
    return False


@lru_cache(maxsize=None)
def literal_gate(pattern: str, flags: int = 0) -> LiteralGate:
    """The gate of ``re.compile(pattern, flags)`` (:data:`ALWAYS` when no group is found). A
    case-insensitive pattern (the flag, or an inline ``(?i:…)``) checks lower-cased literals in
    the lower-cased text, and only ASCII ones (else :data:`ALWAYS`): lower-casing is the
    engine's case folding for ASCII letters only."""
    tree = sre_parse.parse(pattern, flags)
    ignorecase = bool(tree.state.flags & re.IGNORECASE) or _has_ignorecase(tree)
    groups = sorted(_groups(list(tree)), key=lambda c: (-min(len(a) for a in c), len(c)))[:_MAX_GROUPS]
    if not groups or (ignorecase and any(not a.isascii() for c in groups for a in c)):
        return ALWAYS
    out = []
    for c in groups:
        lits = {a.lower() if ignorecase else a for a in c if a != DIGIT}
        # a few literals: one substring scan each; more: one scan of their prefix trie
        rx = tuple(sorted(lits)) if len(lits) <= _FEW else re.compile(lexicons.trie_alternation(lits))
        out.append((rx if lits else None, DIGIT in c))
    out.sort(key=lambda g: len(g[0]) if type(g[0]) is tuple else _FEW + 1)  # cheap checks first
    return LiteralGate(tuple(out), ignorecase)
