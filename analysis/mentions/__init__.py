"""Entity mentions: who and what an article names, and which mentions co-refer.

Stage 3 of the pipeline: *Doc → mentions*.  Rule based; needs no model download.

1. **Recognisers** (:mod:`.recognisers`, ordered registry ``RECOGNISERS``): weapon classes
   and the **gazetteers** (``data/lexicons/gazetteer_*.tsv``, ``gaz_weapons.tsv``: countries,
   demonyms, capitals, cities, regions, organisations, media, weapon systems, each compiled
   into one prefix-trie pattern and matched in one pass), **datelines** ("NAIROBI, Kenya
   (AP) —"), **names** no list holds, **dates** (``mentions_dates.tsv``), **role nouns**
   ("the NATO chief", "the alliance", ``roles.tsv``) and **pronouns** (``pronouns.tsv``); names
   inside the **title of a work** (a title-case quotation: 'the film "The Baker of Millbrook
   Lane"', :mod:`.works`) are dropped.
2. **Name rules** (:mod:`.units`, :mod:`.runs`, :mod:`.names`): runs of capitalised tokens
   (with name particles, "of"/"&" joints and leading "The" mid-sentence) are cut at titles
   ("NATO Secretary-General" | "Jens Stoltenberg"), stripped of post-nominals ("MBE") and
   typed by cues: organisation head words ("Media", "Council", "University"), place head
   words ("County", "River"), all-caps acronyms, a common given name, a preceding title or
   following post-nominal.  Capitals at the start of a sentence, after an opening quote or
   in a title-case headline count only with evidence from elsewhere in the article.
3. **Contextual evidence** (:mod:`.evidence`, ordered ``EVIDENCE_CHECKS``) types a run with
   no cue of its own ("Itaú Unibanco"): "economists at X" → ORG, "X said" / "X, an analyst"
   / "By X" → PERSON, "in X" → GPE, a surname reused alone → PERSON; with none it is left out.
4. **Coreference** (:mod:`.coref`, :mod:`.resolve`, ordered ``COREF_PASSES`` over an
   :class:`~.coref.EntityTable`): surnames and first names join the full name, acronyms the
   spelled-out organisation, role nouns resolve to the most recent entity whose title class /
   organisation class fits (and whose affiliation fits the modifier: "the NATO chief"),
   he/she to the grammatical subject of the current or a recent sentence, else the article's
   topic, with a gender that agrees (given names, titles, the article's own pronouns:
   :mod:`.salience`), or a person the article introduces without a name ("a monk",
   "a young woman": :mod:`.unnamed`, a ``role`` mention only when a pronoun refers to it); what
   cannot be resolved keeps an empty ``entity_id`` (never dropped, never guessed).

No two mentions overlap: when candidates overlap, the longest wins.  Offsets are into
``article.text``; ``text[start:end] == surface`` always holds.  Every step costs time linear
in the article (or n log n); nothing is kept between documents.
"""
from __future__ import annotations

from analysis.tokenise import Doc

from .coref import (EntityTable, assign_entities, cluster_full_names, find_known_names, index_long_orgs,
                    index_name_parts, name_unknowns)
from .evidence import UNCUED_RUN_TYPE, type_uncued_runs
from .recognisers import RECOGNISERS, candidates, select
from .records import ENTITY_TYPES, MENTION_COLUMNS, MENTION_KINDS, Cand, Mention, entity_id, mention_id
from .resolve import record_persons, resolve_references
from .salience import pronoun_gender_evidence
from .things import resolve_thing_pronouns
from .variants import link_person_aliases, merge_name_variants, merge_short_forms
from .resources import GazEntry, Resources, resources
from .table import TYPE_COLOURS, cooccurrence, entity_summary, mentions_table, quote_split, to_mention

#: The coreference passes, in order (see :mod:`.coref`).
COREF_PASSES = (cluster_full_names, index_name_parts, link_person_aliases, index_long_orgs, find_known_names, assign_entities,
                name_unknowns, merge_name_variants, merge_short_forms, record_persons, pronoun_gender_evidence, resolve_references, resolve_thing_pronouns)

__all__ = [
    "COREF_PASSES", "ENTITY_TYPES", "MENTION_COLUMNS", "MENTION_KINDS", "RECOGNISERS", "TYPE_COLOURS",
    "UNCUED_RUN_TYPE", "Cand", "GazEntry", "Mention", "Resources", "cooccurrence", "entity_id",
    "entity_summary", "find_mentions", "mention_id", "mentions_table", "quote_split", "resources",
]


def find_mentions(doc: Doc) -> list[Mention]:
    """All entity mentions of ``doc`` in text order (see the package docstring)."""
    res = resources()
    chosen = type_uncued_runs(doc, select(candidates(doc, res).cands), res)
    table = EntityTable(doc, res, chosen)
    for step in COREF_PASSES:
        step(table)
    q_starts = [q.start for q in doc.quotes]
    rows = (to_mention(doc, c, q_starts) for c in table.chosen)
    return [m for m in rows if m is not None]
