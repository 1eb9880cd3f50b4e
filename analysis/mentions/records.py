"""Records of the mentions stage: the public :class:`Mention` row, the :class:`Cand` candidate
span that recognisers produce and coreference annotates, and the stable ids."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from analysis import vocabulary

MENTION_COLUMNS: dict[str, str] = {
    "article_id": "string", "mention_id": "string", "entity_id": "string", "entity": "string",
    "entity_type": "string", "surface": "string", "start": "int64", "end": "int64",
    "sentence_id": "int64", "paragraph_id": "int64", "zone": "string", "mention_kind": "string",
    "in_quote": "bool",
    "rule": "string",  # which recogniser produced the span (gazetteer, name, title, date, role, pronoun ...)
}

ENTITY_TYPES: tuple[str, ...] = vocabulary.ENTITY_TYPES
MENTION_KINDS: tuple[str, ...] = vocabulary.MENTION_KINDS


@dataclass(frozen=True)
class Mention:
    """One mention: ``text[start:end] == surface``; ``entity_id`` is ``""`` when unresolved."""

    article_id: str
    mention_id: str
    entity_id: str
    entity: str
    entity_type: str
    surface: str
    start: int
    end: int
    sentence_id: int
    paragraph_id: int
    zone: str
    mention_kind: str
    in_quote: bool
    rule: str = ""


@dataclass(slots=True)
class Cand:
    """A candidate span before overlap resolution and coreference.

    Recognisers fill the first fields; the coreference passes (:mod:`.coref`) write their
    findings into the last four, so that everything known about a span travels with it."""

    start: int
    end: int
    type: str
    kind: str            # name | role | pronoun (alias is decided by coreference)
    rule: str
    entity: str = ""     # canonical name when known (gazetteer), else ""
    cls: str = ""        # gazetteer / title / role class
    gender: str = ""
    mod: str = ""        # role modifier surface ("NATO" in "the NATO chief"; "Russian" in "Russian President")
    target: int = -1     # for a title role: index of the name candidate it belongs to
    priority: int = 0
    how: str = ""        # which cue decided the type (reported in the ``rule`` column)
    # --- written by coreference -----------------------------------------------------
    canon: str | None = None            # a full person name: the canonical name of its cluster
    words: list | None = None           # a full person name: its words without initials
    ent: tuple[str, str] | None = None  # (canonical name, type) assigned to a name or title
    resolved: tuple[str, str] | None = None  # what the mention finally refers to

    @property
    def length(self) -> int:
        return self.end - self.start


def make_mention(fields: dict) -> Mention:
    """``Mention(**fields)`` for a dict holding every field of :class:`Mention` in order, built
    without the frozen dataclass's guarded writes (its ``__init__`` sets each of the fourteen
    fields through ``object.__setattr__``; one is built per mention of every article): the
    instance's attributes are filled at once.  Same object as ``Mention(**fields)``
    (``tests/test_mentions_fastpaths.py`` compares)."""
    m = object.__new__(Mention)
    m.__dict__.update(fields)
    return m


class Unit(NamedTuple):
    """A token, or tokens read as one (a multi-word gazetteer name, a title with its periods).

    A named tuple (one is built per token of every article: about three times cheaper than a
    dataclass); a changed copy is ``u._replace(kind="cap")``."""

    start: int
    end: int
    text: str
    kind: str          # cap | gaz | title | post | particle | joint | other
    gaz: Cand | None = None
    initial: bool = False


@lru_cache(maxsize=4096)
def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip()).lower()


@lru_cache(maxsize=4096)
def entity_id(article_id: str, canonical: str) -> str:
    """Stable entity id: a short hash of the article id and the normalised canonical name
    (a pure function of two strings, cached: an entity's mentions share the id)."""
    h = hashlib.sha1(f"{article_id}|{_norm(canonical)}".encode("utf-8")).hexdigest()[:10]
    return f"E{h}"


def mention_id(article_id: str, start: int, end: int) -> str:
    """Stable mention id from the article id and the span."""
    return f"{article_id}:{start}-{end}"
