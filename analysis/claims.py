"""Claims: who claims what, and how it is attributed (stage 4, *Doc + mentions → claims*).

A **claim** is one proposition the article presents as true, with its source
(see ``data/gold/CLAIMS_GUIDELINES.md``):

* an *attributed* claim is one attribution relation: a **content** span, a
  **cue** ("said", "told Newsweek", "according to") and a **speaker** (the
  mention in the speaker slot next to the cue);
* a *narrator* claim is a headline or body sentence attributed to no one.

Attribution types: ``direct`` (the content is a quotation), ``mixed`` (reported
speech with quoted fragments, "called it "a disgrace""), ``indirect`` (reported
speech, topic reports, "according to"), ``narrator``. Quotation marks come from
:mod:`analysis.quotes` (single quotes count in articles without double marks).

How it works, without a parser model:

1. Each paragraph of the ``headline``, ``body`` and ``caption`` zones is cut into
   *units*: its sentences, with the sentences a quotation spans merged, so a
   multi-sentence quotation is one unit.
2. In each unit the cue lexicon (``data/lexicons/cues.tsv``, every inflected
   form with its lemma) is matched on tokens outside quotation marks; a cue that
   looks like an infinitive, a noun (after a determiner, a number, or another cue
   verb), a passive, or that lacks the speech frame its lexicon entry asks for is
   rejected. Frames: ``strict`` cues need *that* / a colon / a comma / a quotation /
   a clause without *that* ("estimates the bill would save …"); ``complement`` cues
   (call, describe … as, dismiss … as, dub, label …) need an object and a quoted
   complement ("called the proposal "a historic step"").
3. The first valid cue is read against general patterns of news attribution:
   ``"…," X said`` / ``"…," said X`` / ``X said (that) …`` / ``X, <appositive>,
   told Y that …`` / ``…, X said, …`` / ``…, X said.`` / ``According to X, …`` /
   ``…, adding that …`` and ``"…" — X``.  The speaker slot is found by walking
   from the cue over auxiliaries, adverbs and time words
   (``claims_gap_words.txt``) and over an appositive (``claims_appositive_starts.txt``;
   a clause between commas is not one), to the head of the noun phrase: a mention after
   a preposition ("A spokesperson for [the Department]") or modifying a noun ("one [GOP]
   source") is not the speaker; a relative pronoun stands for the noun before it.
   Several cues in one unit: a clause-final cue wins over a cue inside its content; a
   content ends before a later "…, according to X", a coordinated cue ("… and said …")
   or a later cue with its own speaker after a comma. A parenthetical cue clause
   ("The plan, X said, is dead") stays inside the contiguous content span and is
   recorded as ``gap_start``/``gap_end``; the ``content`` column drops it.
4. The speaker is the mention that ends the slot (its head: the name, role noun
   or pronoun); its entity comes from the mentions table. An unresolved pronoun
   and a slot without a mention fall back to the previous claim's speaker
   (pronouns) or the slot's surface text with an empty entity id.
5. A paragraph opening with a speaker label ("PENCE: …", a person the article names) is
   a transcript turn: each of its sentences is a ``direct`` claim of that person.
   A unit whose quotation has no cue is a *floating quote*: it inherits the
   speaker of the preceding attributed claim. Other headline/body units are
   narrator claims; caption descriptions are not claims; notices, credits and
   the author bio are never read.

``claim_id`` is a hash of the article id and the normalised content text, so a
claim keeps its id across runs and edits elsewhere; exact duplicates get
``-2``, ``-3`` … in reading order.
"""
from __future__ import annotations

import bisect
import hashlib
import heapq
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import pandas as pd

from analysis import lexicons
from analysis.quotes import Quote
from analysis.tokenise import Doc, Token

#: claims table: one row per claim.
CLAIM_COLUMNS: dict[str, str] = {
    "article_id": "string", "claim_id": "string", "sentence_id": "int64", "paragraph_id": "int64",
    "zone": "string", "start": "int64", "end": "int64", "text": "string", "attribution": "string",
    "speaker": "string", "speaker_entity_id": "string", "speaker_mention_id": "string", "cue": "string",
    "cue_lemma": "string", "quote": "string", "category": "string", "has_number": "bool",
    "has_date": "bool", "entity_ids": "string",
    # added by the claims stage (offsets are -1 when absent)
    "speaker_start": "int64", "speaker_end": "int64", "cue_start": "int64", "cue_end": "int64",
    # the cue clause inside a content span ("The plan, [Jane Doe said], is dead"), -1 when
    # none, and the content without it ("The plan is dead": what category/flags read)
    "gap_start": "int64", "gap_end": "int64", "content": "string",
}

#: Separator of ``entity_ids`` (and of quotation fragments in ``quote``).
ID_SEP: str = ";"
QUOTE_SEP: str = " … "

#: Attribution types, in display order.
ATTRIBUTIONS: tuple[str, ...] = ("direct", "mixed", "indirect", "narrator")

#: Zones whose text can hold claims; narrator claims only in NARRATOR_ZONES.
CLAIM_ZONES: frozenset[str] = frozenset({"headline", "body", "caption"})
NARRATOR_ZONES: frozenset[str] = frozenset({"headline", "body"})

#: What may follow a name inside its noun phrase: capitalised post-nominals and
#: parentheses ("Philip Ingram MBE", "Roy Cooper (D)", "John Smith Jr.").
_POSTNOMINAL = re.compile(r"(?:\s*(?:[A-Z][\w.\-]*|\([^()]{1,20}\)))+\s*")
#: A clause boundary at the end of the text before a speaker: a comma or dash, maybe
#: followed by closing quotation marks ("…," said X / "…,'' said X).
_CLAUSE_END = re.compile(r"[,\u2014\u2013][\"\u201d\u00bb'\u2019]*\s*$")
#: A dateline opening a story's first paragraph: "WASHINGTON (AP) — ", "AUSTIN, Texas — ",
#: "SÃO PAULO — " (a word in capitals, maybe a state or region and an agency, then a dash).
_DATELINE = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ.'\-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ.'\-]+)*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?"
                       r"(?: \([A-Za-z]+\))? ?(?:\u2014|\u2013|--| - ) ?")
_DASH_CHARS = frozenset("\u2014\u2013\u2015-")
_QUOTE_CHARS = frozenset('"\u201c\u201d\u00ab\u00bb\u201e')
_DASHES = frozenset({"\u2014", "\u2013", "--", "-"})
_PARTICIPLE_COMMA = frozenset({",", "\u2014", "\u2013", "\u2015", "--", ";"})
_NONSPACE = re.compile(r"\S+")
_CLAUSE_END_QUOTES = frozenset("\"\u201d\u00bb'\u2019")
#: What may stand between a quotation and its cue ("…," said X / "…" — X said).
_QUOTE_CUE_GAP = re.compile(r"[\s,\u2014\u2013-]*")
_DASH_AFTER = re.compile(r"\s*(\u2015|\u2014|\u2013|--|-)\s*")
_ONLY_STOPS = re.compile(r"[ .,]*")
_SPACE_COMMA = re.compile(r"\s*,")
_BYLINE_START = re.compile(r"(?:By|From)\s")


# --- lexicons -------------------------------------------------------------------


@dataclass(frozen=True)
class CueEntry:
    """One form of the cue lexicon."""

    form: tuple[str, ...]
    lemma: str
    kind: str
    frame: str


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[tuple[str, ...], CueEntry]:
    """Cue forms (tuples of lower-case words) → entry, from ``data/lexicons/cues.tsv``."""
    out: dict[tuple[str, ...], CueEntry] = {}
    for r in lexicons.table("cues.tsv"):
        form = tuple(r["form"].lower().split())
        out.setdefault(form, CueEntry(form, r["lemma"], r["kind"], r["frame"]))
    return out


@lru_cache(maxsize=1)
def cue_lemmas(kinds: tuple[str, ...] = ("speech", "source")) -> frozenset[str]:
    """Lemmas of the cue lexicon of the given kinds."""
    return frozenset(e.lemma for e in cue_lexicon().values() if e.kind in kinds)


@lru_cache(maxsize=1)
def cue_form_lemma() -> dict[str, str]:
    """Single-word cue forms → lemma (used to lemmatise a cue written elsewhere)."""
    return {" ".join(f): e.lemma for f, e in cue_lexicon().items()}


@lru_cache(maxsize=1)
def _max_cue_len() -> int:
    return max(len(f) for f in cue_lexicon())


@lru_cache(maxsize=1)
def gap_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.word_list("claims_gap_words.txt"))


@lru_cache(maxsize=1)
def pronouns() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.word_list("claims_pronouns.txt"))


@lru_cache(maxsize=1)
def appositive_starts() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.word_list("claims_appositive_starts.txt"))


@lru_cache(maxsize=1)
def _number_re() -> re.Pattern:
    words = sorted(lexicons.word_list("claims_number_words.txt"), key=len, reverse=True)
    # a digit counts unless it is part of a designator glued to letters ("M1", "F-16", "COVID-19", "G7")
    return re.compile(r"(?<![\w-])\d|\b(?:" + "|".join(re.escape(w) for w in words) + r")\b",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _date_res() -> tuple[re.Pattern, re.Pattern]:
    ws = lexicons.word_list("claims_date_words.txt")
    caps = sorted((w for w in ws if w[:1].isupper()), key=len, reverse=True)
    low = sorted((w for w in ws if not w[:1].isupper()), key=len, reverse=True)
    cap_re = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|(?<!\w)(?:" + "|".join(re.escape(w) for w in caps) + r")(?!\w)")
    low_re = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in low) + r")(?!\w)", re.IGNORECASE)
    return cap_re, low_re


@lru_cache(maxsize=1)
def category_rules() -> tuple[tuple[str, str, object], ...]:
    """(category, kind, matcher) in priority order, from ``data/lexicons/categories.tsv``."""
    rules = []
    for r in lexicons.table("categories.tsv"):
        kind, pat = r["kind"], r["pattern"]
        if kind == "phrase":
            p = _norm_apostrophes(pat.lower())
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


@lru_cache(maxsize=None)
def function_words(cls: str) -> frozenset[str]:
    """One class of ``claims_function_words.tsv`` (determiner, preposition, …)."""
    return frozenset(r["word"].lower() for r in lexicons.table("claims_function_words.tsv") if r["class"] == cls)


def _norm_apostrophes(s: str) -> str:
    return s.replace("\u2019", "'").replace("\u2018", "'")


# --- small text helpers ------------------------------------------------------------


@lru_cache(maxsize=1)
def _category_matchers() -> tuple[tuple[str, re.Pattern | None, frozenset[str]], ...]:
    """Per category in priority order: one regex joining its phrase and regex rules, and
    the set of its cue lemmas (one search per category keeps :func:`categorise` fast)."""
    pats: dict[str, list[str]] = {}
    cues: dict[str, set[str]] = {}
    for r in lexicons.table("categories.tsv"):
        c, kind, pat = r["category"], r["kind"], r["pattern"]
        pats.setdefault(c, [])
        cues.setdefault(c, set())
        if kind == "phrase":
            pats[c].append(r"(?<![\w'])" + re.escape(_norm_apostrophes(pat.lower())) + r"(?![\w])")
        elif kind == "regex":
            pats[c].append(f"(?:{pat})")
        else:
            cues[c].add(pat.lower())
    return tuple((c, re.compile("|".join(pats[c])) if pats[c] else None, frozenset(cues[c])) for c in pats)


def categorise(text: str, cue_lemma: str = "") -> str:
    """The category of a claim's content ``text`` (see ``categories.tsv``): the first
    category, in priority order, with a matching phrase, regex or cue lemma."""
    low = _norm_apostrophes(text.lower())
    for cat, rx, cue_set in _category_matchers():
        if (cue_lemma and cue_lemma in cue_set) or (rx is not None and rx.search(low)):
            return cat
    return "report"


def has_number(text: str) -> bool:
    """True if ``text`` holds a number (digits not glued to letters as in "M1" or "F-16")
    or a number word (``claims_number_words.txt``)."""
    return bool(_number_re().search(text))


def has_date(text: str) -> bool:
    """True if ``text`` holds a year, a month or weekday name or a date word."""
    cap_re, low_re = _date_res()
    return bool(cap_re.search(text) or low_re.search(text))


def normalise_claim_text(text: str) -> str:
    """Normalised text for claim ids: NFKC, straight quotes, lower case, single spaces,
    no punctuation at either end."""
    s = unicodedata.normalize("NFKC", text)
    s = s.translate(str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'",
                                   "\u00ab": '"', "\u00bb": '"', "\u201e": '"'}))
    s = re.sub(r"\s+", " ", s.lower()).strip()
    return s.strip(" \"'.,;:!?\u2026-\u2014\u2013")


def claim_id_for(article_id: str, text: str, occurrence: int = 1) -> str:
    """Stable id from the article id and the normalised claim text; the k-th exact
    duplicate (k ≥ 2) gets the suffix ``-k``."""
    h = hashlib.sha1(f"{article_id}\n{normalise_claim_text(text)}".encode("utf-8")).hexdigest()[:12]
    return f"c{h}" if occurrence <= 1 else f"c{h}-{occurrence}"


def _trim(text: str, s: int, e: int, lead: str = " \t\n,:;\u2014\u2013-", tail: str = " \t\n,.;:\u2014\u2013-") -> tuple[int, int]:
    """Strip ``lead`` chars from the left and ``tail`` chars from the right of ``text[s:e]``
    (a final full stop is kept when a closing quotation mark follows it)."""
    while s < e and text[s] in lead:
        s += 1
    while e > s and text[e - 1] in tail:
        e -= 1
    return s, e


# --- data classes ----------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """One claim. ``start``/``end`` are the content span: ``text[start:end] == content``."""

    article_id: str
    claim_id: str
    sentence_id: int
    paragraph_id: int
    zone: str
    start: int
    end: int
    content: str
    attribution: str
    speaker: str = ""
    speaker_entity_id: str = ""
    speaker_mention_id: str = ""
    speaker_start: int = -1
    speaker_end: int = -1
    cue: str = ""
    cue_lemma: str = ""
    cue_start: int = -1
    cue_end: int = -1
    quote: str = ""
    category: str = "report"
    has_number: bool = False
    has_date: bool = False
    entity_ids: tuple[str, ...] = field(default_factory=tuple)
    gap_start: int = -1
    gap_end: int = -1

    @property
    def content_text(self) -> str:
        """The content without its cue clause (:func:`without_gap`)."""
        return without_gap(self.content, self.start, self.gap_start, self.gap_end)


def without_gap(content: str, start: int, gap_start: int, gap_end: int) -> str:
    """``content`` (which starts at offset ``start``) without the cue clause
    ``[gap_start, gap_end)`` and the commas or dashes around it: "The plan, Jane Doe said,
    is dead" → "The plan is dead"."""
    if gap_start < 0 or not (start <= gap_start < gap_end <= start + len(content)):
        return content
    left = content[: gap_start - start].rstrip(" ,\u2014\u2013-")
    right = content[gap_end - start :].lstrip(" ,\u2014\u2013-")
    return f"{left} {right}".strip()


@dataclass
class _Unit:
    """A sentence, or the sentences a quotation spans, with per-unit indexes computed
    once (token offsets, suffix flags) so that every question a cue asks of its unit
    costs O(log n), not a scan of the unit: a paragraph of 100,000 characters without a
    full stop is one unit with thousands of cues."""

    start: int
    end: int
    sentence_id: int
    paragraph_id: int
    zone: str
    tokens: list[Token]
    quotes: list[Quote]  # sorted, non-overlapping (see analysis.quotes)
    text: str = ""

    @cached_property
    def low(self) -> list[str]:
        """Lower-cased token texts (curly apostrophes straightened)."""
        text = self.text
        return [text[t.start : t.end].lower().replace("\u2019", "'") for t in self.tokens]

    @cached_property
    def starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def ends(self) -> list[int]:
        return [t.end for t in self.tokens]

    @cached_property
    def quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    @cached_property
    def quote_ends(self) -> list[int]:
        return [q.end for q in self.quotes]

    def token_at_or_after(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos`` (``len(tokens)`` if none)."""
        return bisect.bisect_left(self.starts, pos)

    def quote_at(self, pos: int) -> Quote | None:
        """The quotation with ``start <= pos < end``, if any."""
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        return self.quotes[k] if k >= 0 and pos < self.quotes[k].end else None

    def quote_starting_at(self, pos: int) -> Quote | None:
        k = bisect.bisect_left(self.quote_starts, pos)
        return self.quotes[k] if k < len(self.quotes) and self.quotes[k].start == pos else None

    def quotes_overlapping(self, s: int, e: int) -> list[Quote]:
        """Quotations with ``start < e`` and ``end > s``, in order."""
        return self.quotes[bisect.bisect_right(self.quote_ends, s) : bisect.bisect_left(self.quote_starts, e)]

    def last_quote_ending_by(self, pos: int) -> Quote | None:
        """The quotation ending last at or before ``pos``."""
        k = bisect.bisect_right(self.quote_ends, pos) - 1
        return self.quotes[k] if k >= 0 else None

    @cached_property
    def _suffix_flags(self) -> tuple[list[int], list[bool], list[bool], list[bool]]:
        """Per index k, over the tokens k…: alphanumeric tokens, whether an auxiliary is
        among them, whether any auxiliary token follows, whether any token is quoted."""
        aux = function_words("finite_aux")
        n = len(self.tokens)
        alnum, aux_alnum, aux_any, quoted = [0] * (n + 1), [False] * (n + 1), [False] * (n + 1), [False] * (n + 1)
        for k in range(n - 1, -1, -1):
            w = self.low[k]
            an = any(ch.isalnum() for ch in w)
            alnum[k] = alnum[k + 1] + an
            aux_alnum[k] = aux_alnum[k + 1] or (an and w in aux)
            aux_any[k] = aux_any[k + 1] or w in aux
            quoted[k] = quoted[k + 1] or self.tokens[k].in_quote
        return alnum, aux_alnum, aux_any, quoted

    def alnum_after(self, k: int) -> int:
        return self._suffix_flags[0][k]

    def aux_word_after(self, k: int) -> bool:
        return self._suffix_flags[1][k]

    def aux_token_after(self, k: int) -> bool:
        return self._suffix_flags[2][k]

    def quoted_after(self, k: int) -> bool:
        return self._suffix_flags[3][k]

    @cached_property
    def _past_prefix(self) -> list[int]:
        out = [0]
        for t in self.tokens:
            out.append(out[-1] + _looks_past_verb_text(self.text, t))
        return out

    def past_verb_between(self, s: int, e: int) -> bool:
        """Is a token inside ``[s, e)`` a likely past-tense verb (:func:`_looks_past_verb`)?"""
        a = bisect.bisect_left(self.starts, s)
        b = bisect.bisect_right(self.ends, e)
        return b > a and self._past_prefix[b] - self._past_prefix[a] > 0

    @cached_property
    def _stops(self) -> tuple[list[int], list[int]]:
        """Per index j: the last index before j holding a comma or a quoted token, and the
        last holding a comma, a quoted token or a quotation mark (-1 if none)."""
        a, b = [-1] * (len(self.tokens) + 1), [-1] * (len(self.tokens) + 1)
        for k, (w, t) in enumerate(zip(self.low, self.tokens)):
            stop_a = w == "," or t.in_quote
            a[k + 1] = k if stop_a else a[k]
            b[k + 1] = k if stop_a or w in _QUOTE_CHARS else b[k]
        return a, b

    @cached_property
    def _source_stops(self) -> list[int]:
        """Per index k: the first index from k holding ",", ";", ":", a quotation mark or a
        quoted token (``len(tokens)`` if none): where an "according to" phrase ends."""
        n = len(self.tokens)
        out = [n] * (n + 1)
        for k in range(n - 1, -1, -1):
            w = self.low[k]
            stop = w in (",", ";", ":") or self.tokens[k].in_quote or w in _QUOTE_CHARS
            out[k] = k if stop else out[k + 1]
        return out

    def source_np_end(self, k: int) -> int:
        return self._source_stops[k]

    def comma_or_quote_before(self, j: int) -> int:
        return self._stops[0][j]

    def comma_or_mark_before(self, j: int) -> int:
        return self._stops[1][j]

    @cached_property
    def _word_runs(self) -> tuple[list[int], list[int]]:
        runs = [(m.start(), m.end()) for m in _NONSPACE.finditer(self.text, self.start, self.end)]
        return [r[0] for r in runs], [r[1] for r in runs]

    def word_count(self, s: int, e: int) -> int:
        """``len(text[s:e].split())`` for ``unit.start <= s <= e <= unit.end``."""
        if e <= s:
            return 0
        starts, ends = self._word_runs
        return max(0, bisect.bisect_left(starts, e) - bisect.bisect_right(ends, s))

    @cached_property
    def _dateline(self) -> re.Match | None:
        return _DATELINE.match(self.text, self.start, self.end)

    def dateline(self, lim: int) -> re.Match | None:
        """``_DATELINE.match(text, unit.start, lim)``: the match over the whole unit is the
        same when it ends by ``lim`` (the pattern has no look-around), none when none."""
        m = self._dateline
        if m is None or m.end() <= lim:
            return m
        return _DATELINE.match(self.text, self.start, lim)

    @cached_property
    def first_nonspace(self) -> int:
        m = _NONSPACE.search(self.text, self.start, self.end)
        return m.start() if m else self.end


class _Mentions:
    """The article's mentions sorted by (start, end), with range look-ups by bisection and
    the derived sets the speaker rules ask for, computed once per article."""

    def __init__(self, mentions: list, doc: Doc):
        self.items = sorted(mentions or [], key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.items]
        self.text = doc.text
        self.quotes = doc.quotes
        self._labels: dict[tuple[str, ...], list] = {}

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def starting_in(self, s: int, e: int) -> list:
        """Mentions with ``s <= start <= e``, in order."""
        return self.items[bisect.bisect_left(self.starts, s) : bisect.bisect_right(self.starts, e)]

    def within(self, s: int, e: int) -> list:
        """Mentions with ``s <= start`` and ``end <= e``, in order."""
        return [m for m in self.starting_in(s, e) if m.end <= e]

    @cached_property
    def actor_ends(self) -> tuple[frozenset[int], list[int]]:
        """Ends of PERSON and ORG mentions (a set, and sorted)."""
        ends = {m.end for m in self.items if str(getattr(m, "entity_type", "")) in ("PERSON", "ORG")}
        return frozenset(ends), sorted(ends)

    def actor_ends_near(self, start: int, end: int) -> list[int]:
        """Ends ``e`` of actor mentions with ``e <= start`` and ``end - e < 25``."""
        ends = self.actor_ends[1]
        return ends[bisect.bisect_right(ends, end - 25) : bisect.bisect_right(ends, start)]

    @cached_property
    def _subjects(self) -> tuple[list, list[int]]:
        """Actor or pronoun mentions outside quotations (subjects of "…, adding that")."""
        qs, qe = [q.start for q in self.quotes], [q.end for q in self.quotes]

        def quoted(pos: int) -> bool:
            k = bisect.bisect_right(qs, pos) - 1
            return k >= 0 and pos < qe[k]
        out = [m for m in self.items if not quoted(m.start)
               and (str(getattr(m, "entity_type", "") or "") in ACTOR_TYPES or _mention_kind(m) == "pronoun")]
        return out, [m.start for m in out]

    def first_subject(self, s: int, lim: int) -> object | None:
        """The first (then longest) actor or pronoun mention outside quotations inside
        ``[s, lim]``."""
        items, starts = self._subjects
        best = None
        for k in range(bisect.bisect_left(starts, s), bisect.bisect_right(starts, lim)):
            m = items[k]
            if best is not None and m.start != best.start:
                break
            if m.end <= lim and (best is None or m.end - m.start > best.end - best.start):
                best = m
        return best

    @cached_property
    def _persons_by_surface(self) -> dict[str, list[tuple[int, object]]]:
        out: dict[str, list[tuple[int, object]]] = {}
        for k, x in enumerate(self.items):
            if str(getattr(x, "entity_type", "") or "") == "PERSON":
                out.setdefault(self.text[x.start : x.end], []).append((k, x))
        return out

    def persons_named(self, words: tuple[str, ...]) -> list:
        """PERSON mentions, in order, whose surface holds every word of a speaker label
        (as written or title-cased): "PENCE" → "Mike Pence"."""
        if words not in self._labels:
            hits = [kx for surface, kxs in self._persons_by_surface.items()
                    if all(w.title() in surface or w in surface for w in words) for kx in kxs]
            self._labels[words] = [x for _, x in sorted(hits, key=lambda kx: kx[0])]
        return self._labels[words]


@dataclass
class _Cue:
    i: int  # index of the first cue token in the unit
    j: int  # index after the last cue token (addressee included for tell-verbs)
    entry: CueEntry


@dataclass
class _Speaker:
    start: int
    end: int
    surface: str
    mention: object | None = None
    np_start: int = -1  # left edge of the speaker's noun phrase ("Mr." of "Mr. Smith")


@dataclass
class _Found:
    content: tuple[int, int]
    cue: _Cue | None
    speaker: _Speaker | None
    direct: bool = False
    cue_span: tuple[int, int] | None = None
    subordinate: bool = False  # the cue's clause opens with "when", "if", "because" …
    gap: tuple[int, int] | None = None  # the cue clause inside the content (parenthetical cue)
    shared: bool = False  # "…, adding that", "… and said": the subject of the clause's first verb


# --- units and cues -----------------------------------------------------------------


def _units(doc: Doc) -> list[_Unit]:
    """Sentences of claim zones, merged where a quotation spans sentences."""
    by_para: dict[int, list] = {}
    for s in doc.sentences:
        if s.zone in CLAIM_ZONES:
            by_para.setdefault(s.paragraph_id, []).append(s)
    toks_by_sent: dict[int, list[Token]] = {}
    for t in doc.tokens:
        toks_by_sent.setdefault(t.sentence_id, []).append(t)
    quotes = list(doc.quotes)  # sorted and non-overlapping: their ends are sorted too
    q_starts, q_ends = [q.start for q in quotes], [q.end for q in quotes]
    units: list[_Unit] = []
    for pid in sorted(by_para):
        sents = by_para[pid]
        k = 0
        while k < len(sents):
            s0 = sents[k]
            end = s0.end
            m = k
            # extend while a quotation that starts before ``end`` runs past it
            while m + 1 < len(sents):
                x = bisect.bisect_left(q_starts, end) - 1  # the one quotation that may
                if x < 0 or q_ends[x] <= end:
                    break
                while m + 1 < len(sents) and sents[m].end < q_ends[x]:
                    m += 1
                end = sents[m].end
            # "…." — Jane Doe: a dash line after a quotation belongs to it
            while m + 1 < len(sents) and doc.text[sents[m + 1].start] in _DASH_CHARS and doc.text[end - 1] in _QUOTE_CHARS:
                m += 1
                end = sents[m].end
            toks: list[Token] = []
            for ss in sents[k : m + 1]:
                toks.extend(toks_by_sent.get(ss.sentence_id, []))
            qs = quotes[bisect.bisect_right(q_ends, s0.start) : bisect.bisect_left(q_starts, end)]
            units.append(_Unit(s0.start, end, s0.sentence_id, pid, s0.zone, toks, qs, doc.text))
            k = m + 1
    return units


def _low(doc: Doc, t: Token) -> str:
    return doc.text[t.start : t.end].lower().replace("\u2019", "'")


@lru_cache(maxsize=1)
def _ly_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.word_list("claims_ly_words.txt"))


def _is_gap(w: str) -> bool:
    """A word that may stand between a speaker and the cue: a gap word, an adverb in -ly
    (not a noun like "family": ``claims_ly_words.txt``), a number or a date word."""
    return w in gap_words() or (w.endswith("ly") and len(w) > 3 and w not in _ly_words()) or w.isdigit() or _is_date_word(w)


@lru_cache(maxsize=4096)
def _is_date_word(w: str) -> bool:
    return any(w == x.lower() for x in lexicons.word_list("claims_date_words.txt") if " " not in x)


def _in_quote(unit: _Unit, pos: int) -> bool:
    return unit.quote_at(pos) is not None


def _find_cues(doc: Doc, unit: _Unit) -> list[_Cue]:
    lex = cue_lexicon()
    low = unit.low
    out: list[_Cue] = []
    i = 0
    n = len(low)
    while i < n:
        hit = None
        if not unit.tokens[i].in_quote:
            for L in range(min(_max_cue_len(), n - i), 0, -1):
                form = tuple(low[i : i + L])
                if form in lex and not any(unit.tokens[x].in_quote for x in range(i, i + L)):
                    hit = _Cue(i, i + L, lex[form])
                    break
        if hit:
            out.append(hit)
            i = hit.j
        else:
            i += 1
    return out


def _clause_end(text: str, s: int, e: int) -> bool:
    """Does ``text[s:e]`` end in a clause boundary: a comma or dash, maybe followed by
    closing quotation marks and space ("…," said X / "…,'' said X)? The same as
    ``_CLAUSE_END.search(text[s:e])``, read from the end."""
    k = e
    while k > s and text[k - 1].isspace():
        k -= 1
    while k > s and text[k - 1] in _CLAUSE_END_QUOTES:
        k -= 1
    return k > s and text[k - 1] in ",\u2014\u2013"


def _after_quote(doc: Doc, unit: _Unit, pos: int) -> Quote | None:
    """The quotation ending right before ``pos`` (only commas, dashes, space between).
    Only the last quotation ending by ``pos`` can be it: an earlier one has that
    quotation's marks between."""
    q = unit.last_quote_ending_by(pos)
    return q if q is not None and _QUOTE_CUE_GAP.fullmatch(doc.text, q.end, pos) else None


def _cue_valid(doc: Doc, unit: _Unit, cue: _Cue, low: list[str]) -> bool:
    e = cue.entry
    first = low[cue.i]
    prev = low[cue.i - 1] if cue.i > 0 else ""
    surface = doc.text[unit.tokens[cue.i].start : unit.tokens[cue.i].end]
    if surface[:1].isupper() and cue.i > 0 and not (prev in _QUOTE_CHARS or prev in (":", "(", "\u2014", "\u2013")
                                                    or unit.tokens[cue.i - 1].in_quote):
        return False  # "the United States", "Said Business School": a name, not a verb
    if e.kind == "source":
        return True
    if first.endswith("ing") and prev in function_words("preposition") and prev not in ("of",):
        return True  # "by telling them that …", "for saying …": a gerund with the clause's subject
    past = first.endswith("ed") or (first != e.lemma.split()[0] and not first.endswith(("s", "ing")))
    if (prev == "to" or prev in function_words("determiner") or prev in function_words("preposition")
            or prev in ("'s", "s'") or (not past and (_number_re().fullmatch(prev) or prev.isdigit()))):
        return False  # infinitive ("to discuss") or noun ("the report", "a claim")
    if _after_prep_phrase(doc, unit, cue.i, low):
        return False  # "below Wall Street estimates": the noun of a prepositional phrase
    if cue.i > 0 and not unit.tokens[cue.i - 1].in_quote and prev in cue_form_lemma() and e.kind != "source":
        return False  # the object of another cue verb: "expects demand to grow", "denied claims"
    if prev in function_words("subordinator") and (first.endswith(("ing", "ed", "en")) or past):
        return False  # a clause without a subject: "when asked about …", "while asserting …"
    if first.endswith("ing"):
        # participle: "…, adding that …"; progressive "is saying"
        if not (prev in _PARTICIPLE_COMMA or prev in function_words("passive_aux") or prev in {"was", "were", "been"}):
            return False
    elif prev in function_words("passive_aux") and first.endswith(("ed", "en", "ld", "id", "wn", "ht", "lt")):
        return False  # passive: "was told", "is expected"
    if e.frame in ("strict", "complement") and _complement_quote(unit, cue, low) is not None:
        return True  # "called the proposal "a historic step"", "described it as "…""
    if e.frame == "complement":
        return False  # "a box labeled "…"", "a group called "…"" (a name), "phone calls that …"
    if e.frame == "strict":
        if _after_quote(doc, unit, unit.tokens[cue.i].start) is not None:
            return True
        # "…," he added on Twitter / "…, the official noted in an email": a short speaker
        # slot after a clause boundary, the content before it
        ends_here = cue.j >= len(low) or low[cue.j] in (",", ".", ";") or low[cue.j] in function_words("prep_tail") \
            or _is_gap(low[cue.j])
        for b in range(cue.i - 1, max(-1, cue.i - 7), -1):
            t = unit.tokens[b]
            if low[b] == "," or (t.in_quote and low[b] not in ("'s",)):
                if ends_here and b >= 2 and b < cue.i - 1:
                    return True
                break
        k = cue.j
        skipped = 0
        while k < len(low) and skipped < 3 and _is_gap(low[k]) and low[k] not in ("that",):
            k += 1
            skipped += 1
        if k >= len(low):
            return True
        nxt = low[k]
        if nxt in function_words("frame_next") or nxt in _QUOTE_CHARS:
            return True
        if _colon_after_object(low, k) is not None:
            return True  # "scolded him: "…""
        n_rest = unit.alnum_after(cue.j)  # words after the cue
        if prev == "," and 1 <= n_rest <= 8 and not unit.aux_word_after(cue.j) \
                and not unit.quoted_after(cue.j) and low[-1] in (".", "!", "?", low[cue.j + n_rest - 1]) \
                and (doc.text[unit.tokens[cue.j].start].isupper() or low[cue.j] in function_words("determiner")):
            return True  # "…, noted NBC's Dante Chinni.": the speaker after the cue ends the sentence
        # "tweeted in the early hours that …": a complementiser a few words on, no punctuation between
        for w in low[k : k + 7]:
            if w == "that":
                return True
            if not any(ch.isalnum() for ch in w):
                break
        # "estimates the measure would save …", "noted the plan was modest": a clause
        # without "that" — an auxiliary or modal a few words on; belief verbs also take
        # an object and an infinitive ("expects demand to grow")
        if nxt not in function_words("preposition") and nxt not in function_words("prep_tail") and nxt != "to" \
                and _verb_after_subject(doc, unit, cue, low, past):
            for x in range(k + 1, min(len(low), k + 6)):
                w = low[x]
                if not any(ch.isalnum() for ch in w) or w in function_words("coordinator") or unit.tokens[x].in_quote:
                    break
                if w in function_words("finite_aux") or (e.kind == "belief" and w == "to"):
                    return True
        return False
    return True


def _after_prep_phrase(doc: Doc, unit: _Unit, i: int, low: list[str]) -> bool:
    """Is token ``i`` right after the noun of a prepositional phrase whose object is a name or
    a possessive ("below Wall Street [estimates]", "above analysts' [forecasts]", "despite
    Kremlin [denials]")? Then a cue word there is a noun: walk left over capitalised words and
    possessive markers to a preposition that does not attach an affiliation ("for", "at", "by":
    "A spokesman for Microsoft [says]" keeps its verb)."""
    j = i - 1
    seen = 0
    while j >= 0 and not unit.tokens[j].in_quote:
        w = low[j]
        word = doc.text[unit.tokens[j].start:unit.tokens[j].end]
        if w in ("'s", "s'", "'", "’s", "’") or w.endswith(("'s", "’s")):
            j -= 1
            continue
        if word[:1].isupper() or (seen == 0 and j + 1 < i and low[j + 1] in ("'", "’", "s'")):
            seen += 1
            j -= 1
            continue
        break
    # not a preposition that attaches a speaker's affiliation ("A spokesman for Microsoft says")
    return seen > 0 and j >= 0 and low[j] in function_words("preposition") and not (
        low[j] in function_words("np_preposition") or low[j] == "by")


def _verb_after_subject(doc: Doc, unit: _Unit, cue: _Cue, low: list[str], past: bool) -> bool:
    """Whether a cue word that may be a noun ("state", "estimates", "projects") can read as
    a verb after what precedes it. Not when the word before is a noun inside a
    prepositional phrase ("in battleground [states] won by …") or, for a base form, a
    capitalised singular word ("Battleground [state] Florida is …")."""
    if past or cue.i == 0:
        return past
    prev = low[cue.i - 1]
    if prev in pronouns():
        return True
    before = low[cue.i - 2] if cue.i >= 2 else ""
    if doc.text[unit.tokens[cue.i - 1].start].islower() and (
            before in function_words("preposition") or before in function_words("np_preposition")):
        return False
    if not low[cue.i].endswith("s") and doc.text[unit.tokens[cue.i - 1].start].isupper() and not prev.endswith("s"):
        return False
    return True


def _colon_after_object(low: list[str], k: int) -> int | None:
    """Index of a colon after a short object of one to three words at ``k`` ("scolded
    him:", "told the crowd:"), or None."""
    for x in range(k, min(len(low), k + 4)):
        if low[x] == ":":
            return x if x > k else None
        if not any(ch.isalnum() for ch in low[x]):
            return None
    return None


def _complement_quote(unit: _Unit, cue: _Cue, low: list[str]) -> int | None:
    """Index of the quotation that a naming verb takes as complement after an object
    of one to six words ("called [the proposal] "…"", "described [it as] "…""), or None."""
    n = 0
    for k in range(cue.j, min(len(low), cue.j + 10)):
        w = low[k]
        if unit.tokens[k].in_quote:
            return k if n >= 1 else None
        abbrev = w == "." and k > cue.j and len(low[k - 1]) <= 3 and unit.tokens[k - 1].end == unit.tokens[k].start
        if not any(ch.isalnum() for ch in w) and w not in ("'s", "\u2019s", "-") and not abbrev:
            return None
        if n == 0 and (w == "as" and not low[cue.i].endswith("ing")
                       or w != "as" and (w in function_words("preposition") or w in function_words("prep_tail"))):
            return None  # "a man described as "…"" (no object), "taking calls from …": not an object
        n += 1
    return None


# --- speaker slots --------------------------------------------------------------------


def _mention_kind(m: object) -> str:
    return str(getattr(m, "mention_kind", "") or "")


def _inside_parens(m: object, start: int, text: str) -> bool:
    before = text[start : m.start]
    return before.count("(") > before.count(")")


def _pick_mention(mentions: list, start: int, end: int, prefer: str, text: str = "") -> object | None:
    """The mention inside [start, end) that heads the slot: ending last (``prefer='right'``)
    or starting first (``'left'``); ties → the longest."""
    cands = [m for m in mentions if m.start >= start and m.end <= end and m.end > m.start]
    if len(cands) > 1:
        # a mention inside a parenthesis ("Jane Doe (D-Wis.)") is not the head
        outside = [m for m in cands if not _inside_parens(m, start, text)]
        cands = outside or cands
    if not cands:
        return None
    if prefer == "right":
        return max(cands, key=lambda m: (m.end, m.end - m.start, -m.start))
    return min(cands, key=lambda m: (m.start, -(m.end - m.start)))


def _after_np_preposition(text: str, slot_start: int, m: object) -> bool:
    """True if mention ``m`` follows a preposition inside its slot (maybe after a
    determiner): a complement of the head noun, not the head ("A spokesperson for [the
    Department]", "Manufacturers of [America]", "the head of [NATO]")."""
    words = re.findall(r"[\w\u2019'.\-]+", text[slot_start : m.start].lower())
    while words and words[-1] in function_words("determiner"):
        words.pop()
    return bool(words) and words[-1] in function_words("np_preposition")


def _head_mention(mentions: list, start: int, end: int, prefer: str, text: str) -> object | None:
    """:func:`_pick_mention` over the mentions that are not complements of a preposition
    (:func:`_after_np_preposition`)."""
    ok = [m for m in mentions.within(start, end) if not _after_np_preposition(text, start, m)]
    return _pick_mention(ok, start, end, prefer, text)


def _postnominal_end(doc: Doc, toks: list[Token], c: int, mentions: _Mentions) -> bool:
    """True if token ``c`` closes post-nominals after a mention end ("Philip Ingram MBE")."""
    for e in mentions.actor_ends_near(toks[c].start, toks[c].end):
        if _POSTNOMINAL.fullmatch(doc.text[e : toks[c].end]):
            return True
    return False


def _named_appositive(doc: Doc, unit: _Unit, j: int, low: list[str], mentions: list) -> _Speaker | None:
    """"Theriot's lawyer, Marcus Lévesque, said": a role noun phrase followed by the name of
    a person (or organisation) between commas — the name is the speaker. ``j`` is the comma
    before the cue."""
    toks = unit.tokens
    k = unit.comma_or_quote_before(j)
    if k < 1 or low[k] != "," or k + 1 >= j or not low[k - 1].isalpha() or not doc.text[toks[k - 1].start].islower():
        return None
    s0, e0 = toks[k + 1].start, toks[j - 1].end
    for m in mentions.starting_in(s0, s0):
        if m.start == s0 and m.end == e0 and str(getattr(m, "entity_type", "") or "") in ("PERSON", "ORG") \
                and _mention_kind(m) != "pronoun":
            b = k - 1
            while b > 0 and b > k - 6 and low[b - 1] not in (",", ".", ";") and not toks[b - 1].in_quote \
                    and low[b - 1] not in function_words("slot_stop"):
                b -= 1
            return _Speaker(m.start, m.end, doc.text[m.start : m.end], m, toks[b].start)
    return None


def _finite_before_relative(seg: list[str]) -> bool:
    """True if the words ``seg`` hold an auxiliary or modal before any relative pronoun:
    a clause ("the losses would outstrip the gains"), not an appositive ("a farmer who
    has lost everything")."""
    for w in seg:
        if w in function_words("relative") or w in ("whose", "that"):
            return False
        if w in function_words("finite_aux"):
            return True
    return False


def _slot_left(doc: Doc, unit: _Unit, cue_i: int, low: list[str], mentions: list) -> _Speaker | None:
    """The speaker slot before the cue, or None (clause boundary or nothing there)."""
    toks = unit.tokens
    j = cue_i - 1
    skipped = 0
    while j >= 0 and skipped < 6 and (_is_gap(low[j]) or low[j] in function_words("finite_aux")) \
            and low[j] not in pronouns() and not (doc.text[toks[j].start].isupper() and low[j].endswith("ly")
                                                  and low[j] not in gap_words()):
        j -= 1  # "NATO has repeatedly urged", "He is hoping"
        skipped += 1
    if j < 0 or low[j] in function_words("preposition") or low[j] in function_words("determiner"):
        return None  # "for further comment": a noun after a preposition
    relative = low[j] in function_words("relative") and j >= 1
    if relative:
        j -= 1  # "residents who say …": the speaker is the noun before the relative pronoun
    if low[j] == ",":
        # appositives between the speaker and the cue: ", a former officer,", ", 82, of Ashton, Md.,"
        named = _named_appositive(doc, unit, j, low, mentions)
        if named is not None:
            return named
        cands: list[int] = []
        jj = j
        for _ in range(4):
            k = unit.comma_or_mark_before(jj)
            seg = low[k + 1 : jj]
            first = doc.text[toks[k + 1].start] if k + 1 < jj else ""
            # an appositive: "a former officer", "who asked …", "82", "Pyongyang's only ally";
            # a lower-case segment with a finite verb is a clause ("…, the losses would outstrip
            # the gains, said X"), not an appositive
            clause = _finite_before_relative(seg) or bool(seg and seg[0] in function_words("coordinator"))
            possessive = any(w in ("'s", "\u2019s") for w in seg[1:4])
            if not (k >= 1 and low[k] == "," and seg and not clause
                    and (seg[0] in appositive_starts() or first.islower() or first.isdigit() or len(seg) <= 3 or possessive)):
                break
            cands.append(k - 1)
            jj = k
        if not cands:
            return None
        ends = mentions.actor_ends[0]
        actor = [c for c in cands if toks[c].end in ends or _postnominal_end(doc, toks, c, mentions)]
        j = actor[-1] if actor else cands[0]
    if j >= 0 and low[j] == ")":
        # a parenthesis after the name: "Rep. Jane Doe (D-Wis.) said"
        k = j - 1
        while k >= 0 and j - k < 12 and low[k] != "(":
            k -= 1
        if k >= 1 and low[k] == "(":
            j = k - 1
    if j < 0 or toks[j].in_quote or low[j] in _QUOTE_CHARS:
        return None
    end_tok = j
    # walk to the left edge of the noun phrase
    b = j
    steps = 0
    while b - 1 >= 0 and steps < 7:
        w = low[b - 1]
        t = toks[b - 1]
        noun_use = b - 2 >= 0 and (low[b - 2] in function_words("determiner") or low[b - 2].isdigit()
                                   or bool(_number_re().fullmatch(low[b - 2])) or low[b - 2] in ("'s", "\u2019s"))
        if t.in_quote or w in _QUOTE_CHARS or w in function_words("slot_stop") or (w in cue_form_lemma() and not noun_use):
            break  # another cue verb ends the slot; a cue word after a determiner is a noun ("one state official")
        if relative and (w in function_words("preposition") or w in function_words("np_preposition")):
            break
        possessive = w in ("'", "\u2019") and b - 2 >= 0 and toks[b - 2].end == t.start and low[b - 2].endswith("s")
        if not any(ch.isalnum() for ch in w) and w not in ("-", "'s", "\u2019s", ".") and not possessive:
            break
        b -= 1
        steps += 1
    s_off, e_off = toks[b].start, toks[end_tok].end
    m = _head_mention(mentions, s_off, e_off, "right", doc.text)
    if m is not None and m.end < toks[end_tok].start and not _POSTNOMINAL.fullmatch(doc.text[m.end : e_off]):
        m = None  # the head of the slot is not a mention ("the head of NATO's …")
    if m is not None:
        return _Speaker(m.start, m.end, doc.text[m.start : m.end], m, min(m.start, toks[b].start))
    # no mention: the surface, from a capitalised word / pronoun / determiner to the head
    words = low[b : end_tok + 1]
    if not any(ch.isalpha() for w in words for ch in w):
        return None
    np_start = toks[b].start  # the noun phrase's left edge ("one" of "one West Virginia official")
    if low[end_tok] in pronouns():
        b = end_tok
    elif any(low[x] in function_words("np_preposition") for x in range(b + 1, end_tok)):
        pass  # a head noun with its complement: "A spokesperson for the Department for …"
    else:
        # keep at most the last 5 tokens; start at a determiner or capitalised word if any
        b = max(b, end_tok - 4)
        for x in range(b, end_tok + 1):
            w = doc.text[toks[x].start : toks[x].end]
            if low[x] in function_words("determiner") or w[:1].isupper() or w[:1].isdigit() or _number_re().fullmatch(low[x]):
                b = x
                break
    return _Speaker(toks[b].start, toks[end_tok].end, doc.text[toks[b].start : toks[end_tok].end], None, np_start)


def _slot_right(doc: Doc, unit: _Unit, k: int, low: list[str], mentions: list) -> _Speaker | None:
    """The noun phrase starting at token ``k`` ("said John Smith, a spokesman")."""
    toks = unit.tokens
    if k >= len(toks) or toks[k].in_quote or low[k] in function_words("preposition") or low[k] in function_words("prep_tail"):
        return None  # "said of the plan", "said in a statement": no speaker here
    if _is_gap(low[k]) and not (_number_re().fullmatch(low[k]) and k + 1 < len(toks) and low[k + 1].isalpha()
                                and not _is_gap(low[k + 1])):
        return None  # "said Tuesday" (but "said one GOP source")
    e = k
    while e < len(toks) and e - k < 8:
        w = low[e]
        if toks[e].in_quote or w in _QUOTE_CHARS or w in (",", ".", ";", ":", "(", "?", "!") or w in function_words("slot_stop"):
            break
        if e > k and (w in function_words("prep_tail") and w not in ("to", "for")) and not doc.text[toks[e].start].isupper():
            break
        if e > k and low[e - 1] not in function_words("determiner") and doc.text[toks[e].start].islower() and (
                w in function_words("postmodifier") or (len(w) > 4 and w.endswith(("ed", "ing")))
                or (e + 1 < len(low) and low[e + 1] == "by")):
            break  # a post-modifier: "a summary obtained by …", "a report seen by", "people familiar with …"
        e += 1
    if e == k:
        return None
    s_off, e_off = toks[k].start, toks[e - 1].end
    m = None
    for c in sorted((x for x in mentions.within(s_off, e_off) if x.end > x.start),
                    key=lambda x: (x.start, -(x.end - x.start))):
        if _after_np_preposition(doc.text, s_off, c):
            continue
        nxt_word = re.match(r"\s*([\w\u2019'-]+)", doc.text[c.end : e_off])
        w = nxt_word.group(1) if nxt_word else ""
        if w.lower() in ("'s", "\u2019s") or (w[:1].islower() and w.lower() not in function_words("np_preposition")):
            continue  # a possessor or a modifier: "[NBC]'s Dante Chinni", "one [GOP] source"
        m = c
        break
    if m is not None:
        return _Speaker(m.start, m.end, doc.text[m.start : m.end], m)
    if not any(ch.isalpha() for ch in doc.text[s_off:e_off]):
        return None
    return _Speaker(s_off, e_off, doc.text[s_off:e_off], None)


def _addressee_end(doc: Doc, unit: _Unit, j: int, low: list[str]) -> int:
    """For tell-verbs: index after the addressee ("told Newsweek", "told reporters")."""
    k = j
    longest = 4
    for x in range(j, min(len(low), j + 12)):
        # "told a group of party donors on Monday that …": a longer addressee before "that"
        if low[x] == "that":
            longest = 8
            break
        if not any(ch.isalnum() for ch in low[x]) and low[x] not in ("'s", "\u2019s", "-", "."):
            break
    while k < len(low) and k - j < longest:
        w = low[k]
        if w in function_words("frame_next") or w in _QUOTE_CHARS or unit.tokens[k].in_quote or w in function_words("prep_tail") or _is_gap(w):
            break
        k += 1
    return k


# --- reading one unit -----------------------------------------------------------------


def _read_cue(doc: Doc, unit: _Unit, cue: _Cue, low: list[str], mentions: list) -> _Found | None:
    """Read one cue against the attribution patterns (see the module docstring)."""
    found = _read_cue_patterns(doc, unit, cue, low, mentions)
    if found is not None and found.speaker is not None and found.speaker.np_start >= 0:
        k = unit.token_at_or_after(found.speaker.np_start)
        if k < len(unit.tokens) and k > 0 and low[k - 1] in function_words("subordinator"):
            found.subordinate = True
    return found


def _read_cue_patterns(doc: Doc, unit: _Unit, cue: _Cue, low: list[str], mentions: list) -> _Found | None:
    text = doc.text
    toks = unit.tokens
    e = cue.entry
    cstart, cend = toks[cue.i].start, toks[cue.j - 1].end
    if e.kind == "source":  # according to X
        sp = _slot_right(doc, unit, cue.j, low, mentions)
        if sp is None:
            return None
        # the source NP runs to the next comma / end
        k = unit.source_np_end(cue.j)
        np_end = toks[k - 1].end
        before = _trim(text, unit.start, cstart)
        after = _trim(text, np_end, unit.end)
        nb = unit.word_count(*before)
        na = unit.word_count(*after)
        if nb >= 2 and na >= 2:
            # "X did Y, according to Z, as …": the whole sentence, the source phrase a gap
            content = _trim(text, unit.start, unit.end)
            return _Found(content, cue, sp, cue_span=(cstart, cend), gap=(cstart, np_end))
        elif nb >= 2:
            content = before
        elif na >= 1:
            content = after
        else:
            return None
        return _Found(content, cue, sp, cue_span=(cstart, cend))

    j = cue.j
    if e.frame == "object":
        j = _addressee_end(doc, unit, j, low)
        cend = toks[j - 1].end
    prev = low[cue.i - 1] if cue.i > 0 else ""
    participle = (low[cue.i].endswith("ing") and (prev in _PARTICIPLE_COMMA or prev in function_words("preposition"))
                  or prev in function_words("coordinator"))
    left = None if participle else _slot_left(doc, unit, cue.i, low, mentions)
    slot_start = (left.np_start if left.np_start >= 0 else left.start) if left else cstart
    q_before = _after_quote(doc, unit, slot_start)
    # A: "…," X said / "…," said X
    if q_before is not None and unit.first_nonspace >= q_before.start:
        sp = left or _slot_right(doc, unit, j, low, mentions)
        if sp is None:
            return None
        return _Found((q_before.content_start, q_before.content_end), cue, sp, direct=True, cue_span=(cstart, cend))
    # content after the cue
    after_words = unit.alnum_after(j)
    before_words = unit.word_count(unit.start, slot_start)
    if participle:
        sp = _participle_subject(doc, unit, cue.i, mentions)
        content = _content_after(doc, unit, j, low)
        if content is None:
            return None
        return _Found(content, cue, sp, cue_span=(cstart, cend), shared=True)
    if left is None:
        # C: "…, said X." — content before, speaker after
        if _clause_end(text, unit.start, slot_start) and before_words >= 3:
            sp = _slot_right(doc, unit, j, low, mentions)
            if sp is None:
                return None
            k = unit.token_at_or_after(sp.end)
            if unit.aux_token_after(k) or unit.quoted_after(k):
                return None  # "…, said it was "…"": a clause follows, not a speaker
            return _Found(_trim(text, unit.start, slot_start), cue, sp, cue_span=(cstart, cend))
        return None
    ends_clause = _clause_end(text, unit.start, slot_start)
    nxt = low[j] if j < len(low) else ""
    if not after_words:
        if text[cend:unit.end].strip() == ":":
            # "He said:" — the quotation follows in the next paragraph
            return _Found((cend, cend), cue, left, cue_span=(cstart, cend))
        # "…, X said." — content before, ending in a clause boundary
        if before_words < 2 or not (ends_clause or _after_quote(doc, unit, slot_start) is not None):
            return None
        return _Found(_trim(text, unit.start, slot_start), cue, left, cue_span=(cstart, cend))
    if nxt == "," and ends_clause and before_words >= 1:
        # "…, X said, …" — parenthetical cue: the whole sentence is the content, the cue
        # clause a gap in it; "As the phone rang, X said, "…"" — the quotation is
        after = _content_after(doc, unit, j, low)
        q = _whole_quote(doc, unit, after) if after is not None else None
        if q is not None:
            return _Found((q.content_start, q.content_end), cue, left, direct=True, cue_span=(cstart, cend))
        if j + 1 < len(low) and low[j + 1].endswith("ing") and text[toks[j + 1].start].islower():
            # "…, the people said, speaking on condition of anonymity …": a participle clause
            # about the speakers, not what they said — the content is before
            return _Found(_trim(text, unit.start, slot_start), cue, left, cue_span=(cstart, cend))
        return _Found(_trim(text, unit.start, unit.end), cue, left, cue_span=(cstart, cend), gap=(slot_start, cend))
    if ends_clause and before_words >= 4 and (nxt in function_words("prep_tail") or _is_gap(nxt)) \
            and "that" not in low[j : j + 10]:
        # "…, X said in a statement." — content before
        return _Found(_trim(text, unit.start, slot_start), cue, left, cue_span=(cstart, cend))
    content = _content_after(doc, unit, j, low)
    if content is None:
        return None
    q = _whole_quote(doc, unit, content)
    if q is not None:
        return _Found((q.content_start, q.content_end), cue, left, direct=True, cue_span=(cstart, cend))
    return _Found(content, cue, left, cue_span=(cstart, cend))


def _content_after(doc: Doc, unit: _Unit, j: int, low: list[str]) -> tuple[int, int] | None:
    """The reported material after the cue: skip ``that`` / ``:`` / ``,``."""
    toks = unit.tokens
    k = j
    if k < len(low) and (low[k] in function_words("prep_tail") or low[k] in function_words("preposition")
                         or _is_gap(low[k])):
        # "said in a statement that …", "tweeted in the early hours that …": skip the phrase;
        # "said later, "…"", "said of the plan, "…"": skip it up to a quotation
        for x in range(k, min(len(low), k + 8)):
            if low[x] == "that":
                k = x
                break
            if low[x] == "," and x + 1 < len(low) and toks[x + 1].in_quote:
                k = x + 1
                break
            if not any(ch.isalnum() for ch in low[x]):
                break
    colon = _colon_after_object(low, k)
    if colon is not None:
        k = colon  # "scolded him: "…"": the content follows the colon
    while k < len(low) and low[k] in (",", ":", "that", "\u2014", "\u2013", "--"):
        k += 1
    if k >= len(toks):
        return None
    s, e = _trim(doc.text, toks[k].start, unit.end)
    if e - s < 2:
        return None
    return s, e


def _whole_quote(doc: Doc, unit: _Unit, span: tuple[int, int]) -> Quote | None:
    """The quotation that makes up the whole of ``span`` (after ``said:``), if any."""
    s, e = span
    q = unit.quote_starting_at(s)
    if q is not None and q.end >= e - 1 and doc.text[q.end : e].strip(" .,") == "":
        return q
    return None


def _participle_subject(doc: Doc, unit: _Unit, cue_i: int, mentions: list) -> _Speaker | None:
    """Subject of "…, adding that": the first actor mention of the unit outside quotations
    (after a dateline), unless a verb comes before it ("A jury convicted [Theriot] …,
    finding that"); then the noun phrase that opens the unit."""
    toks = unit.tokens
    lim = toks[cue_i].start
    dl = unit.dateline(lim)
    start = dl.end() if dl else unit.start
    m = mentions.first_subject(start, lim)
    if m is not None and not unit.past_verb_between(start, m.start):
        return _Speaker(m.start, m.end, doc.text[m.start : m.end], m)
    # the noun phrase opening the unit: up to a preposition, a gap word, an auxiliary or a verb
    first = unit.token_at_or_after(start)
    if first >= len(toks):
        return None
    k = first
    w0 = _low(doc, toks[first])
    name = doc.text[toks[first].start].isupper() and w0 not in function_words("determiner")
    while k < len(toks) and k - first < 6 and toks[k].start < lim:
        w = _low(doc, toks[k])
        if (not any(ch.isalnum() for ch in w) or w in function_words("preposition") or w in function_words("prep_tail")
                or w in function_words("finite_aux") or w in function_words("coordinator") or (k > first and _is_gap(w))
                or _looks_past_verb(doc, toks[k]) or w in cue_form_lemma()
                or (name and k > first and doc.text[toks[k].start].islower())):
            break  # a name is a run of capitalised words ("Jane Doe left …")
        k += 1
    if k == first:
        return None
    s, e = toks[first].start, toks[k - 1].end
    return _Speaker(s, e, doc.text[s:e], None)


def _looks_past_verb(doc: Doc, t: Token) -> bool:
    """A lower-case word in -ed (a likely past-tense verb: "convicted", "announced")."""
    return _looks_past_verb_text(doc.text, t)


def _looks_past_verb_text(text: str, t: Token) -> bool:
    w = text[t.start : t.end]
    return w[:1].islower() and len(w) > 4 and w.endswith("ed")


def _dash_speaker(doc: Doc, unit: _Unit, low: list[str], mentions: list) -> tuple[_Speaker, Quote, tuple[int, int]] | None:
    """``"…" — X``: a quotation followed by a dash and a name ending the unit."""
    for q in unit.quotes:
        m = _DASH_AFTER.match(doc.text, q.end, unit.end)
        if not m:
            continue
        k = unit.token_at_or_after(m.end())
        if k >= len(unit.tokens):
            continue
        sp = _slot_right(doc, unit, k, low, mentions)
        if sp is not None and _ONLY_STOPS.fullmatch(doc.text, sp.end, unit.end) or (
            sp is not None and sp.mention is not None and _SPACE_COMMA.match(doc.text, sp.end, unit.end)
        ):
            ds = m.start(1)
            return sp, q, (ds, ds + len(m.group(1)))
    return None


# --- main entry points ----------------------------------------------------------------


@dataclass(frozen=True)
class _Who:
    """A resolved speaker: name, entity id, mention id and the mention's span."""

    name: str = ""
    entity_id: str = ""
    mention_id: str = ""
    start: int = -1
    end: int = -1
    entity_type: str = ""


_NOBODY = _Who()


def _resolve(sp: _Speaker | None, last: _Who | None) -> _Who:
    """Resolve a speaker slot; an unresolved pronoun (or no slot) falls back to ``last``."""
    if sp is None:
        return last or _NOBODY
    m = sp.mention
    surface_low = sp.surface.lower()
    if m is not None:
        eid = str(getattr(m, "entity_id", "") or "")
        name = str(getattr(m, "entity", "") or "")
        mid = str(getattr(m, "mention_id", "") or "")
        if eid:
            return _Who(name or sp.surface, eid, mid, sp.start, sp.end, str(getattr(m, "entity_type", "") or ""))
        if (_mention_kind(m) == "pronoun" or surface_low in pronouns()) and last:
            return _Who(last.name, last.entity_id, mid, sp.start, sp.end, last.entity_type)
        return _Who(name or sp.surface, "", mid, sp.start, sp.end)
    if surface_low in pronouns() and last:
        return _Who(last.name, last.entity_id, "", sp.start, sp.end, last.entity_type)
    return _Who(sp.surface, "", "", sp.start, sp.end)


def _narrator_subject(doc: Doc, unit: _Unit, mentions: list, last: _Who | None) -> _Who | None:
    """The person a narrator sentence opens with ("Smith, a farmer, has seen …"), who is
    the likely speaker of a floating quotation right after it."""
    if len(unit.tokens) < 2:
        return None
    lim = unit.tokens[min(len(unit.tokens) - 1, 5)].end
    for m in mentions.starting_in(unit.start, lim - 1):
        if _in_quote(unit, m.start):
            continue
        etype = str(getattr(m, "entity_type", "") or "")
        if etype == "PERSON" or (_mention_kind(m) == "pronoun" and etype in ("", "PERSON")):
            return _resolve(_Speaker(m.start, m.end, doc.text[m.start : m.end], m), last)
        return None
    return None


def find_claims(doc: Doc, mentions: list) -> list[Claim]:
    """All claims of ``doc`` in reading order (see the module docstring).

    ``mentions`` are objects with ``mention_id, entity_id, entity, entity_type,
    mention_kind, start, end`` (the mentions stage); an empty list works too
    (speakers are then the slots' surface text).
    """
    text = doc.text
    aid = doc.article.article_id
    ments = _Mentions(mentions, doc)
    para_starts = frozenset(p.start for p in doc.article.paragraphs)
    raw: list[dict] = []
    last: _Who | None = None  # speaker of the latest attributed claim
    hint: _Who | None = None  # speaker announced by the previous unit ("He said:", a narrator subject)
    continued: list[int] = []  # raw indexes of floating quotations that go on in the next paragraph
    # where a dateline can stand: the first body paragraph that is not a byline ("By Jane Doe")
    first_body = next((p.start for p in doc.article.paragraphs if p.zone == "body"
                       and not _BYLINE_START.match(text, p.start, p.end)), -1)
    turns: dict[int, _Who] = {}  # paragraph id → speaker of a transcript turn ("PENCE: …")
    for unit in _units(doc):
        low = unit.low
        items: list[tuple[int, int, str, _Who, tuple[int, int], str, tuple[int, int] | None]] = []
        turn = _transcript_turn(doc, unit, ments, para_starts) if unit.zone == "body" else None
        if turn is not None or unit.paragraph_id in turns:
            # a transcript turn is verbatim speech of the labelled speaker, one claim per
            # sentence; attributions inside it are nested and not read (outer cue wins)
            if turn is not None:
                who, colon = turn
                turns[unit.paragraph_id] = who
                items.append((colon + 1, unit.end, "direct", who, (colon, colon + 1), "", None))
            else:
                items.append((unit.start, unit.end, "direct", turns[unit.paragraph_id], (-1, -1), "", None))
            last = items[-1][3]
        done_to = -1  # a further cue counts only after the previous claim's content and cue
        intro = False
        cues = [] if items else [c for c in _find_cues(doc, unit) if _cue_valid(doc, unit, c, low)]
        reads = [(c, _read_cue(doc, unit, c, low, ments)) for c in cues]
        if any(f is not None and f.subordinate for _, f in reads) and any(
                f is not None and not f.subordinate for _, f in reads):
            # "So when X signaled that …, Mr. Barrett said, …": the main clause's cue wins
            reads = [(c, f) for c, f in reads if f is None or not f.subordinate]
        reads = _outer_cue_wins(unit, reads)
        _cut_at_later_cues(doc, unit, low, reads)
        for cue, found in reads:
            if found is None or unit.tokens[cue.i].start < done_to:
                continue
            if found.content[0] == found.content[1]:
                # an introduction ("He said:") — its speaker owns the next quotation
                hint = _resolve(found.speaker, last)
                intro = True
                break
            if not found.direct and found.gap is None:
                wq = _whole_quote(doc, unit, _trim(text, *found.content))
                if wq is not None:  # "…, adding that "…"": the content is one quotation
                    found.content, found.direct = (wq.content_start, wq.content_end), True
            cs, ce = found.content
            who = items[-1][3] if found.shared and items and items[-1][3].name else _resolve(found.speaker, last)
            if who.name:
                last = who
            cue_span = found.cue_span or (-1, -1)
            inside = unit.quotes_overlapping(cs, ce)
            attribution = "direct" if found.direct else ("mixed" if inside else "indirect")
            items.append((cs, ce, attribution, who, cue_span, found.cue.entry.lemma if found.cue else "", found.gap))
            done_to = max(ce, cue_span[1], found.speaker.end if found.speaker else -1)
        if intro and not items:
            continue
        next_hint: _Who | None = None
        if not items:
            dash = _dash_speaker(doc, unit, low, ments)
            main_q = _main_quote(doc, unit)
            if dash is not None:
                sp, q, cue_span = dash
                items.append((q.content_start, q.content_end, "direct", _resolve(sp, last), cue_span, "dash", None))
            elif main_q is not None:
                # a floating quotation: its sentence's subject ("He called it a "…""), else the
                # announced speaker, else the previous claim's
                subj = _narrator_subject(doc, unit, ments, last) if main_q.start > unit.start else None
                items.append((main_q.content_start, main_q.content_end, "direct", subj or hint or last or _NOBODY, (-1, -1), "", None))
                if main_q.continues and subj is None:
                    continued.append(len(raw))  # the next paragraph may name the speaker
            elif unit.zone in NARRATOR_ZONES and not _is_byline(doc, unit):
                cs, ce = _trim(text, unit.start, unit.end)
                items.append((cs, ce, "narrator", _NOBODY, (-1, -1), "", None))
                next_hint = _narrator_subject(doc, unit, ments, last)
        hint = next_hint
        for cs, ce, attribution, who, cue_span, cue_lemma, gap in items:
            cs, ce = _trim(text, cs, ce, lead=" \t\n", tail=" \t\n,;:")
            dl = _DATELINE.match(text, cs, ce) if cs == unit.start and cs == first_body else None
            if dl and dl.end() < ce and (gap is None or dl.end() <= gap[0]):
                cs = dl.end()  # "SAN FRANCISCO — Streamly is …": the dateline is not content
            if ce <= cs:
                continue
            gs, ge = gap if gap is not None and cs <= gap[0] < gap[1] <= ce else (-1, -1)
            if attribution != "narrator" and who.name:
                last = who
            cue_text = text[cue_span[0] : cue_span[1]] if cue_span[0] >= 0 else ""
            content = text[cs:ce]
            clean = without_gap(content, cs, gs, ge)
            qfrags = [text[max(q.content_start, cs) : min(q.content_end, ce)] for q in unit.quotes_overlapping(cs, ce)]
            if attribution == "direct":
                qfrags = [content]
            ents: list[str] = []
            for m in ments.within(cs, ce):
                eid = str(getattr(m, "entity_id", "") or "")
                if eid and not (who.start <= m.start < who.end) \
                        and not (gs <= m.start < ge) and eid not in ents:
                    ents.append(eid)
            raw.append(dict(
                article_id=aid, sentence_id=doc.sentence_at(cs).sentence_id, paragraph_id=unit.paragraph_id,
                zone=unit.zone, start=cs, end=ce, content=content, attribution=attribution,
                speaker=who.name, speaker_entity_id=who.entity_id, speaker_mention_id=who.mention_id,
                speaker_start=who.start, speaker_end=who.end, cue=cue_text, cue_lemma=cue_lemma,
                cue_start=cue_span[0], cue_end=cue_span[1],
                quote=QUOTE_SEP.join(f.strip() for f in qfrags if f.strip()),
                category=categorise(clean, cue_lemma), has_number=has_number(clean), has_date=has_date(clean),
                entity_ids=tuple(ents), gap_start=gs, gap_end=ge,
            ))
    # a quotation running over paragraphs belongs to the speaker named where it ends:
    # "“First part.\n\n“Second part,” she said."
    for k in reversed(continued):
        if k + 1 < len(raw) and raw[k + 1]["attribution"] == "direct" and raw[k + 1]["speaker"]:
            nxt = raw[k + 1]
            if nxt["paragraph_id"] == raw[k]["paragraph_id"] + 1:
                for f in ("speaker", "speaker_entity_id", "speaker_mention_id", "speaker_start", "speaker_end"):
                    raw[k][f] = nxt[f]
    seen: dict[str, int] = {}
    out: list[Claim] = []
    for r in raw:
        base = claim_id_for(aid, r["content"])
        seen[base] = seen.get(base, 0) + 1
        out.append(Claim(claim_id=claim_id_for(aid, r["content"], seen[base]), **r))
    return out


def _cut_at_later_cues(doc: Doc, unit: _Unit, low: list[str], reads: list) -> None:
    """End a content before a later cue inside it that starts its own attribution: a
    source after a comma ("X estimates Y, according to Z") or a cue sharing the subject
    after a coordinator ("X announced Y and said Z").

    Whether a cue cuts does not depend on the content it lies in, so it is decided once
    per cue; each content then takes the first cutting cue inside it (a bisection)."""
    starts = [unit.tokens[c.i].start for c, _ in reads]
    cutters: list[int] = []  # indexes of reads whose cue cuts a content it lies in
    owns: dict[int, int | None] = {}
    for b, (c2, f2) in enumerate(reads):
        if f2 is None or c2.i == 0:
            continue
        pw = low[c2.i - 1]
        own = _own_clause_start(unit, low, c2, f2)
        if (c2.entry.kind == "source" and pw == ",") or pw in function_words("coordinator") or own is not None \
                or (pw == "," and f2.shared):  # "X announced A, adding that B"
            cutters.append(b)
            owns[b] = own
    for a, (_, f) in enumerate(reads):
        if f is None or f.direct or f.content[0] >= f.content[1]:
            continue
        cs, ce = f.content
        lo = max(a + 1, bisect.bisect_right(starts, cs))  # later cues starting after cs
        x = bisect.bisect_left(cutters, lo)
        if x == len(cutters) or starts[cutters[x]] >= ce:
            continue
        b = cutters[x]
        own = owns[b]
        s2, e2 = _trim(doc.text, cs, own if own is not None else unit.tokens[reads[b][0].i - 1].start)
        if e2 > s2:
            f.content = (s2, e2)
            if f.gap is not None and not (s2 <= f.gap[0] < f.gap[1] <= e2):
                f.gap = None


def _outer_cue_wins(unit: _Unit, reads: list) -> list:
    """Drop a cue that lies inside the content a later clause-final cue reports ("Those
    talks are continuing, he said.": "continuing" is part of what he said); a later
    "according to" keeps both (the source of a whole attributed sentence).

    One sweep from the last cue back: the contents of later clause-final cues wait in a
    heap by their end until the sweep passes below it; a cue is dropped when one of the
    contents so opened starts at or before it."""
    out = list(reads)
    pending: list[tuple[int, int]] = []  # (-content end, content start) of later cues
    open_min = None  # smallest content start among later contents ending after the cue
    for a in range(len(reads) - 1, -1, -1):
        ca, fa = reads[a]
        pos = unit.tokens[ca.i].start
        while pending and -pending[0][0] > pos:
            _, c0 = heapq.heappop(pending)
            open_min = c0 if open_min is None else min(open_min, c0)
        if fa is not None and open_min is not None and open_min <= pos:
            out[a] = (ca, None)
        if fa is not None and ca.entry.kind != "source" and fa.content[1] <= pos:
            heapq.heappush(pending, (-fa.content[1], fa.content[0]))
    return out


def _own_clause_start(unit: _Unit, low: list[str], cue: _Cue, f: _Found) -> int | None:
    """Offset of the comma that opens a later cue's own clause — its speaker named right
    after the comma, its content after the cue ("…, and when pressed, the mother replied,
    "…"") — or None."""
    sp = f.speaker
    if sp is None or f.shared or f.content[0] < unit.tokens[cue.i].start:
        return None
    np0 = sp.np_start if sp.np_start >= 0 else sp.start
    if np0 > unit.tokens[cue.i].start:
        return None  # the speaker follows the cue ("…," said X)
    k = unit.token_at_or_after(np0)
    if k >= len(unit.tokens) or k == 0 or low[k - 1] != ",":
        return None
    return unit.tokens[k - 1].start


#: A transcript speaker label opening a paragraph: "PENCE: …", "CHRIS WALLACE: …".
_TURN_LABEL = re.compile(r"[\"\u201c]?([A-Z][A-Z'\u2019.\-]+(?: [A-Z][A-Z'\u2019.\-]+){0,3}):\s+")


def _transcript_turn(doc: Doc, unit: _Unit, mentions: _Mentions, para_starts: frozenset[int]) -> tuple[_Who, int] | None:
    """``(speaker, colon offset)`` if the unit opens a paragraph with a speaker label in
    capitals and a colon, the label naming a person the article mentions ("PENCE:" and
    "Mike Pence"); labels like "UPDATE:" name no person and are not turns."""
    if unit.start not in para_starts:
        return None
    m = _TURN_LABEL.match(doc.text, unit.start, unit.end)
    if m is None or m.end() >= unit.end:
        return None
    label = m.group(1)
    words = [w for w in re.findall(r"[A-Za-z\u00c0-\u024f]+", label) if len(w) > 1]
    if not words:
        return None
    for x in mentions.persons_named(tuple(words)):
        if x.start < m.end() and x.end > unit.start:
            continue
        surface = doc.text[x.start : x.end]
        who = _Who(str(getattr(x, "entity", "") or surface), str(getattr(x, "entity_id", "") or ""), "",
                   unit.start + m.start(1) - m.start(), unit.start + m.end(1) - m.start(), "PERSON")
        return who, unit.start + m.end(1) - m.start()
    return None


def _is_byline(doc: Doc, unit: _Unit) -> bool:
    """A byline paragraph ("By Jane Doe"): the article's author after a preposition."""
    author = doc.article.author
    t = doc.text[unit.start : unit.end].strip()
    return bool(author) and len(t.split()) <= 8 and author in t and t.split()[0].lower() in ("by", "from")


def _main_quote(doc: Doc, unit: _Unit) -> Quote | None:
    """The quotation that carries a unit without a cue (a floating quote): it opens
    the unit, or covers most of its text."""
    best = None
    body = -1
    for q in unit.quotes:
        if q.start < unit.start:
            continue
        if body < 0:
            body = len(doc.text[unit.start : unit.end].strip())
        if unit.first_nonspace >= q.start or (q.end - q.start) >= 0.6 * body:
            best = q
            break
    return best


def claims_table(doc: Doc, claims: list[Claim]) -> pd.DataFrame:
    """One row per claim (see :data:`CLAIM_COLUMNS`); ``text`` is the content span."""
    from analysis.tables import typed_frame

    cols: dict[str, list] = {c: [] for c in CLAIM_COLUMNS}
    for c in claims:
        row = {
            "article_id": c.article_id, "claim_id": c.claim_id, "sentence_id": c.sentence_id,
            "paragraph_id": c.paragraph_id, "zone": c.zone, "start": c.start, "end": c.end,
            "text": c.content, "attribution": c.attribution, "speaker": c.speaker,
            "speaker_entity_id": c.speaker_entity_id, "speaker_mention_id": c.speaker_mention_id,
            "cue": c.cue, "cue_lemma": c.cue_lemma, "quote": c.quote, "category": c.category,
            "has_number": c.has_number, "has_date": c.has_date, "entity_ids": ID_SEP.join(c.entity_ids),
            "speaker_start": c.speaker_start, "speaker_end": c.speaker_end,
            "cue_start": c.cue_start, "cue_end": c.cue_end,
            "gap_start": c.gap_start, "gap_end": c.gap_end, "content": c.content_text,
        }
        for k, v in row.items():
            cols[k].append(v)
    return typed_frame(cols, CLAIM_COLUMNS)


# --- summaries for the notebook ---------------------------------------------------------------

#: Label of narrator claims and of attributed claims without a speaker in summaries.
NARRATOR_LABEL: str = "(narrator)"
UNKNOWN_LABEL: str = "(unknown speaker)"


def _speaker_label(row) -> str:
    if row["attribution"] == "narrator":
        return NARRATOR_LABEL
    return str(row["speaker"]) if str(row["speaker"] or "") else UNKNOWN_LABEL


def quoted_words(quote: str) -> int:
    """Words inside quotation marks (the ``quote`` column)."""
    return len(re.findall(r"\w+(?:['\u2019]\w+)*", quote or ""))


def speaker_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker of attributed claims: claims by attribution type, quoted words,
    first paragraph; sorted by claims, quoted words (descending), then name."""
    att = claims[claims["attribution"] != "narrator"].copy()
    cols = ["speaker", "claims", "direct", "mixed", "indirect", "quoted_words", "first_paragraph"]
    if att.empty:
        return pd.DataFrame({c: pd.Series([], dtype="string" if c == "speaker" else "int64") for c in cols})
    att["who"] = [_speaker_label(r) for _, r in att.iterrows()]
    att["qw"] = att["quote"].fillna("").map(quoted_words)
    rows = []
    for who, g in att.groupby("who", sort=True):
        rows.append({"speaker": who, "claims": len(g),
                     **{a: int((g["attribution"] == a).sum()) for a in ("direct", "mixed", "indirect")},
                     "quoted_words": int(g["qw"].sum()), "first_paragraph": int(g["paragraph_id"].min())})
    out = pd.DataFrame(rows, columns=cols).astype({"speaker": "string"})
    return out.sort_values(["claims", "quoted_words", "speaker"], ascending=[False, False, True], kind="stable").reset_index(drop=True)


def attribution_shares(claims: pd.DataFrame) -> pd.DataFrame:
    """Per speaker (narrator included): count and share of each attribution type."""
    t = claims.copy()
    t["who"] = [_speaker_label(r) for _, r in t.iterrows()]
    counts = pd.crosstab(t["who"], t["attribution"]).reindex(columns=list(ATTRIBUTIONS), fill_value=0)
    counts = counts.astype("int64")
    counts["total"] = counts.sum(axis=1)
    counts = counts.sort_values(["total"], ascending=False, kind="stable")
    counts = counts.loc[sorted(counts.index, key=lambda w: (-counts.loc[w, "total"], w == NARRATOR_LABEL, w))]
    counts.index.name = "speaker"
    counts.columns.name = None
    return counts.reset_index()


def category_summary(claims: pd.DataFrame) -> pd.DataFrame:
    """Per category (priority order): claims by attribution type, and how many carry a
    number or a date (check-worthy)."""
    rows = []
    for cat in categories():
        g = claims[claims["category"] == cat]
        rows.append({"category": cat, "claims": len(g),
                     **{a: int((g["attribution"] == a).sum()) for a in ATTRIBUTIONS},
                     "with_number": int(g["has_number"].sum()), "with_date": int(g["has_date"].sum())})
    return pd.DataFrame(rows)


def claim_positions(claims: pd.DataFrame, text_length: int) -> pd.DataFrame:
    """Where each claim falls: relative position (0 = start, 1 = end of the text), paragraph,
    speaker label and attribution; in reading order."""
    t = claims.sort_values(["start", "claim_id"], kind="stable").reset_index(drop=True)
    return pd.DataFrame({
        "claim_id": t["claim_id"], "paragraph_id": t["paragraph_id"], "start": t["start"],
        "position": (t["start"] / max(1, text_length)).round(3),
        "speaker": [_speaker_label(r) for _, r in t.iterrows()], "attribution": t["attribution"],
        "zone": t["zone"],
    })


#: Entity types counted as "whom" in :func:`speaker_entity_edges` (actors, not dates or things).
ACTOR_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "LOC")


def speaker_entity_edges(claims: pd.DataFrame, mentions: pd.DataFrame,
                         types: tuple[str, ...] = ACTOR_TYPES) -> pd.DataFrame:
    """Who talks about whom: (speaker, mentioned entity) pairs over attributed claims, with
    the number of claims; the speaker's own entity is left out, and only entities of
    ``types``. Entity names and types come from the mentions table; sorted by claims
    (descending), speaker, entity."""
    mentions = mentions[mentions["entity_type"].isin(types)]
    names = (mentions[mentions["entity_id"].fillna("") != ""]
             .drop_duplicates("entity_id").set_index("entity_id")[["entity", "entity_type"]])
    rows = []
    for _, r in claims[claims["attribution"] != "narrator"].iterrows():
        for eid in [e for e in str(r["entity_ids"] or "").split(ID_SEP) if e]:
            if eid == r["speaker_entity_id"] or eid not in names.index:
                continue
            rows.append({"speaker": _speaker_label(r), "entity": names.loc[eid, "entity"],
                         "entity_type": names.loc[eid, "entity_type"], "claim_id": r["claim_id"]})
    cols = ["speaker", "entity", "entity_type", "claims"]
    if not rows:
        return pd.DataFrame({c: pd.Series([], dtype="string" if c != "claims" else "int64") for c in cols})
    e = pd.DataFrame(rows).drop_duplicates()
    out = e.groupby(["speaker", "entity", "entity_type"], as_index=False).agg(claims=("claim_id", "nunique"))
    return out.sort_values(["claims", "speaker", "entity"], ascending=[False, True, True], kind="stable").reset_index(drop=True)
