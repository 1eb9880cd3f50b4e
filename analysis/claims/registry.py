"""The ordered registry of attribution patterns: which unit of reading makes a claim.

A unit (sentence) is read in three stages, each trying its patterns in registry order:

1. ``turn``: a transcript turn ("PENCE: …") or a block after a colon introduction ("X
   added:" then an unquoted paragraph) claims the whole unit; no cue is read.
2. ``cue``: each valid cue is read against the cue patterns; the first that applies
   decides (:mod:`analysis.claims.patterns`).
3. ``fallback``: a unit where no cue made a claim is a dash attribution, a floating
   quotation or a narrator claim (:mod:`analysis.claims.unit_patterns`).

The ``pattern`` column of the claims table names the registry entry that made the row.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, NamedTuple

from analysis.claims import patterns as P
from analysis.claims import unit_patterns as U


class Pattern(NamedTuple):
    name: str
    stage: str  # "turn", "cue" or "fallback"
    read: Callable


REGISTRY: tuple[Pattern, ...] = (
    Pattern("transcript_turn", "turn", U.transcript_turn),
    Pattern("block_after_intro", "turn", U.block_after_intro),
    Pattern("according_to", "cue", P.according_to),
    Pattern("passive_agent", "cue", P.passive_agent),
    Pattern("possessive_noun", "cue", P.possessive_noun),
    Pattern("split_quotation", "cue", P.split_quotation),
    Pattern("quote_then_cue", "cue", P.quote_then_cue),
    Pattern("fronted_participle", "cue", P.fronted_participle),
    Pattern("participle_clause", "cue", P.participle_clause),
    Pattern("inverted_cue", "cue", P.inverted_cue),
    Pattern("colon_intro", "cue", P.colon_intro),
    Pattern("comment_clause", "cue", P.comment_clause),
    Pattern("fronted_comment_clause", "cue", P.fronted_comment_clause),
    Pattern("content_then_cue", "cue", P.content_then_cue),
    Pattern("quote_after_cue_clause", "cue", P.quote_after_cue_clause),
    Pattern("speaker_participle", "cue", P.speaker_participle),
    Pattern("parenthetical", "cue", P.parenthetical),
    Pattern("content_then_cue_phrase", "cue", P.content_then_cue_phrase),
    Pattern("cue_then_content", "cue", P.cue_then_content),
    Pattern("dash_attribution", "fallback", U.dash_attribution),
    Pattern("quote_then_unlisted_verb", "fallback", U.quote_then_unlisted_verb),
    Pattern("quote_after_colon", "fallback", U.quote_after_colon),
    Pattern("floating_quote", "fallback", U.floating_quote),
    Pattern("headline_colon", "fallback", U.headline_colon),
    Pattern("narrator", "fallback", U.narrator),
)

#: Pattern names in registry order (the values of the ``pattern`` column).
PATTERN_NAMES: tuple[str, ...] = tuple(p.name for p in REGISTRY)


@lru_cache(maxsize=None)
def stage(name: str) -> tuple[Pattern, ...]:
    """The patterns of one stage, in registry order."""
    return tuple(p for p in REGISTRY if p.stage == name)
