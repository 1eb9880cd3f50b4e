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
3. Each valid cue is read against general patterns of news attribution, tried in
   the order of the registry (the first that applies decides):
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
   or a later cue with its own speaker after a comma, maybe after a coordinator
   ("X said A, but she said B": two claims). A parenthetical cue clause
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
``-2``, ``-3`` … in reading order. The ``pattern`` column names the entry of the
ordered registry (:data:`analysis.claims.registry.REGISTRY`) that made the claim.

Modules: :mod:`~analysis.claims.lexicon` (word lists), :mod:`~analysis.claims.units`
(units, cues, quotation helpers), :mod:`~analysis.claims.checks` (cue validation),
:mod:`~analysis.claims.slots` (speaker slots), :mod:`~analysis.claims.speakers`
(mention index, speaker resolution), :mod:`~analysis.claims.patterns` and
:mod:`~analysis.claims.unit_patterns` (one function per attribution pattern),
:mod:`~analysis.claims.registry`, :mod:`~analysis.claims.reading` (:func:`find_claims`),
:mod:`~analysis.claims.flags` (categories, numbers, dates), :mod:`~analysis.claims.records`
(:class:`Claim`, ids), :mod:`~analysis.claims.table` (table and summaries). Reading is
linear in the article: every question a cue asks of its unit is answered from indexes
computed once per unit or article.
"""
from __future__ import annotations

from analysis.claims.flags import categories, categorise, category_rules, has_date, has_number
from analysis.claims.lexicon import (CueEntry, appositive_starts, cue_form_lemma, cue_lemmas, cue_lexicon,
                                     function_words, gap_words, pronouns)
from analysis.claims.reading import find_claims
from analysis.claims.records import (ACTOR_TYPES, ATTRIBUTIONS, CLAIM_COLUMNS, CLAIM_ZONES, ID_SEP, NARRATOR_ZONES,
                                     QUOTE_SEP, Claim, claim_id_for, normalise_claim_text, without_gap)
from analysis.claims.registry import PATTERN_NAMES, REGISTRY
from analysis.claims.table import (NARRATOR_LABEL, UNKNOWN_LABEL, attribution_shares, category_summary,
                                   claim_positions, claims_table, quoted_words, speaker_entity_edges,
                                   speaker_summary)

__all__ = (
    "ACTOR_TYPES", "ATTRIBUTIONS", "CLAIM_COLUMNS", "CLAIM_ZONES", "ID_SEP", "NARRATOR_LABEL", "NARRATOR_ZONES",
    "PATTERN_NAMES", "QUOTE_SEP", "REGISTRY", "UNKNOWN_LABEL", "Claim", "CueEntry", "appositive_starts",
    "attribution_shares", "categories", "categorise", "category_rules", "category_summary", "claim_id_for",
    "claim_positions", "claims_table", "cue_form_lemma", "cue_lemmas", "cue_lexicon", "find_claims",
    "function_words", "gap_words", "has_date", "has_number", "normalise_claim_text", "pronouns", "quoted_words",
    "speaker_entity_edges", "speaker_summary", "without_gap",
)
