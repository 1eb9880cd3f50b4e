"""Records of the claims stage: the public :class:`Claim` and table schema, claim ids,
and the small records the readers pass between them (cue, speaker slot, reading, item)."""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field, fields
from typing import NamedTuple

from analysis import vocabulary
from analysis.claims.lexicon import CueEntry

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
    # the attribution pattern that made the row (analysis.claims.registry.PATTERN_NAMES)
    "pattern": "string",
}

#: Separator of ``entity_ids`` (and of quotation fragments in ``quote``).
ID_SEP: str = ";"
QUOTE_SEP: str = " … "

#: Attribution types, in display order.
ATTRIBUTIONS: tuple[str, ...] = vocabulary.ATTRIBUTIONS

#: Zones whose text can hold claims; narrator claims only in NARRATOR_ZONES.
CLAIM_ZONES: frozenset[str] = frozenset({"headline", "body", "caption"})
NARRATOR_ZONES: frozenset[str] = frozenset({"headline", "body"})

#: Entity types of actors (speakers, "whom" in :func:`speaker_entity_edges`), not dates or things.
ACTOR_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "LOC")


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
    pattern: str = ""

    @property
    def content_text(self) -> str:
        """The content without its cue clause (:func:`without_gap`)."""
        return without_gap(self.content, self.start, self.gap_start, self.gap_end)


_CLAIM_FIELDS: frozenset[str] = frozenset(f.name for f in fields(Claim))


def make_claim(**values) -> Claim:
    """``Claim(**values)`` when ``values`` names every field, built without the frozen
    dataclass's one ``object.__setattr__`` per field (about half the cost of a row); an
    equal object (tested). Otherwise the ordinary constructor (defaults, errors)."""
    if values.keys() != _CLAIM_FIELDS:
        return Claim(**values)
    claim = object.__new__(Claim)
    claim.__dict__.update(values)
    return claim


def without_gap(content: str, start: int, gap_start: int, gap_end: int) -> str:
    """``content`` (which starts at offset ``start``) without the cue clause
    ``[gap_start, gap_end)`` and the commas or dashes around it: "The plan, Jane Doe said,
    is dead" → "The plan is dead"."""
    if gap_start < 0 or not (start <= gap_start < gap_end <= start + len(content)):
        return content
    left = content[: gap_start - start].rstrip(" ,\u2014\u2013-")
    right = content[gap_end - start :].lstrip(" ,\u2014\u2013-")
    return f"{left} {right}".strip()


_STRAIGHT_QUOTES: tuple[tuple[str, str], ...] = (
    ("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'"), ("\u00ab", '"'), ("\u00bb", '"'),
    ("\u201e", '"'))


def normalise_claim_text(text: str) -> str:
    """Normalised text for claim ids: NFKC, straight quotes, lower case, single spaces,
    no punctuation at either end. (``str.split`` splits at exactly the characters ``\\s``
    matches, so joining its pieces collapses every run of white space to one space.)"""
    s = unicodedata.normalize("NFKC", text)
    if not s.isascii():
        for curly, straight in _STRAIGHT_QUOTES:
            if curly in s:
                s = s.replace(curly, straight)
    s = " ".join(s.lower().split())
    return s.strip(" \"'.,;:!?\u2026-\u2014\u2013")


def claim_id_for(article_id: str, text: str, occurrence: int = 1) -> str:
    """Stable id from the article id and the normalised claim text; the k-th exact
    duplicate (k ≥ 2) gets the suffix ``-k``."""
    h = hashlib.sha1(f"{article_id}\n{normalise_claim_text(text)}".encode("utf-8")).hexdigest()[:12]
    return f"c{h}" if occurrence <= 1 else f"c{h}-{occurrence}"


def trim(text: str, s: int, e: int, lead: str = " \t\n,:;\u2014\u2013-", tail: str = " \t\n,.;:\u2014\u2013-") -> tuple[int, int]:
    """Strip ``lead`` chars from the left and ``tail`` chars from the right of ``text[s:e]``."""
    while s < e and text[s] in lead:
        s += 1
    while e > s and text[e - 1] in tail:
        e -= 1
    return s, e


class lazy:
    """A value computed on first access and then stored on the instance, like
    :class:`functools.cached_property` but without its per-access lock (Python 3.11),
    which costs more than most values here; for per-call objects, never shared."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


# --- records passed between the readers ------------------------------------------------


@dataclass(frozen=True)
class Cue:
    """A cue found in a unit: tokens ``[i, j)`` (the addressee of a tell-verb is added
    when it is read)."""

    i: int
    j: int
    entry: CueEntry


@dataclass(frozen=True)
class Speaker:
    """A speaker slot: ``text[start:end]`` is its head (a mention, or the slot's words)."""

    start: int
    end: int
    surface: str
    mention: object | None = None
    np_start: int = -1  # left edge of the speaker's noun phrase ("Mr." of "Mr. Smith")


@dataclass
class Found:
    """What one cue reads: the content span, the speaker slot and how they stand."""

    content: tuple[int, int]
    cue: Cue | None
    speaker: Speaker | None
    direct: bool = False
    cue_span: tuple[int, int] | None = None
    subordinate: bool = False  # the cue's clause opens with "when", "if", "because" …
    gap: tuple[int, int] | None = None  # the cue clause inside the content (parenthetical cue)
    shared: bool = False  # "…, adding that", "… and said": the subject of the clause's first verb
    pattern: str = ""  # the registry unit that read it


@dataclass(frozen=True)
class Who:
    """A resolved speaker: name, entity id, mention id and the mention's span."""

    name: str = ""
    entity_id: str = ""
    mention_id: str = ""
    start: int = -1
    end: int = -1
    entity_type: str = ""


NOBODY = Who()


class Item(NamedTuple):
    """One claim of a unit before it becomes a row: content span, attribution, speaker,
    cue span and lemma, the cue clause inside the content (or None), pattern name."""

    start: int
    end: int
    attribution: str
    who: Who
    cue_span: tuple[int, int]
    cue_lemma: str
    gap: tuple[int, int] | None
    pattern: str
