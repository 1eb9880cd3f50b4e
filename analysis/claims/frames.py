"""Speech frames of ``strict`` cues: a cue word that is often something else ("noted",
"estimates", "added") is a speech verb only in a frame that introduces speech — after a
quotation, before *that*, a colon or a quotation, a short speaker ending the sentence, or a
clause without *that* ("estimates the bill would save …"). Each frame is one named check
over a :class:`~analysis.claims.checks.CueCheck`; :data:`STRICT_FRAME_CHECKS` lists them in
order and :func:`analysis.claims.checks.strict_frame` asks them (one is enough)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from analysis.claims.lexicon import function_words, is_gap, pronouns
from analysis.claims.units import QUOTE_CHARS, after_quote, colon_after_object, fronted_as_comma

if TYPE_CHECKING:  # the checks module imports this one
    from analysis.claims.checks import CueCheck


def after_quotation(c: CueCheck) -> bool:
    """"…," he said: the cue follows a quotation."""
    return after_quote(c.doc, c.unit, c.unit.tokens[c.cue.i].start) is not None


def short_slot_after_clause(c: CueCheck) -> bool:
    """"…," he added on Twitter / "…, the official noted in an email": a short speaker slot
    after a clause boundary, the content before it, nothing or a trailing phrase after."""
    low, unit, cue = c.low, c.unit, c.cue
    ends_here = cue.j >= len(low) or low[cue.j] in (",", ".", ";") or low[cue.j] in function_words("prep_tail") \
        or is_gap(low[cue.j])
    for b in range(cue.i - 1, max(-1, cue.i - 7), -1):
        if low[b] == "," or (unit.tokens[b].in_quote and low[b] not in ("'s",)):
            return ends_here and 2 <= b < cue.i - 1
    return False


def nothing_after(c: CueCheck) -> bool:
    """"… Jane Doe said": the cue (maybe with time words) ends the unit."""
    return c.next_word >= len(c.low)


def speech_opener_next(c: CueCheck) -> bool:
    """"added that", "said: "…"", "said, "…"": a complementiser, colon, comma or quotation."""
    nxt = c.low[c.next_word]
    return nxt in function_words("frame_next") or nxt in QUOTE_CHARS


def colon_after_short_object(c: CueCheck) -> bool:
    """"scolded him: "…"", "told the crowd: "…"."""
    return colon_after_object(c.low, c.next_word) is not None


def speaker_ends_sentence(c: CueCheck) -> bool:
    """"…, noted NBC's Dante Chinni.": after a comma, a short capitalised or determined
    noun phrase ends the sentence (no auxiliary, no quotation)."""
    low, unit, cue = c.low, c.unit, c.cue
    n_rest = unit.alnum_after(cue.j)  # words after the cue
    return c.prev == "," and 1 <= n_rest <= 8 and not unit.aux_word_after(cue.j) \
        and not unit.quoted_after(cue.j) and low[-1] in (".", "!", "?", low[cue.j + n_rest - 1]) \
        and (c.doc.text[unit.tokens[cue.j].start].isupper() or low[cue.j] in function_words("determiner"))


def that_a_few_words_on(c: CueCheck) -> bool:
    """"tweeted in the early hours that …": a complementiser a few words on, no
    punctuation between."""
    for w in c.low[c.next_word : c.next_word + 7]:
        if w == "that":
            return True
        if not any(ch.isalnum() for ch in w):
            return False
    return False


def verb_after_subject(c: CueCheck) -> bool:
    """Whether a cue word that may be a noun ("state", "estimates", "projects") can read as
    a verb after what precedes it. Not when the word before is a noun inside a
    prepositional phrase ("in battleground [states] won by …") or, for a base form, a
    capitalised singular word ("Battleground [state] Florida is …")."""
    doc, unit, cue, low = c.doc, c.unit, c.cue, c.low
    if c.past or cue.i == 0:
        return c.past
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


def clause_without_that(c: CueCheck) -> bool:
    """"estimates the measure would save …", "noted the plan was modest": an auxiliary or
    modal a few words on; belief verbs also take an object and an infinitive ("expects
    demand to grow")."""
    low, k = c.low, c.next_word
    nxt = low[k]
    if nxt in function_words("preposition") or nxt in function_words("prep_tail") or nxt == "to" \
            or not verb_after_subject(c):
        return False
    for x in range(k + 1, min(len(low), k + 6)):
        w = low[x]
        if not any(ch.isalnum() for ch in w) or w in function_words("coordinator") or c.unit.tokens[x].in_quote:
            return False
        if w in function_words("finite_aux") or (c.entry.kind == "belief" and w == "to"):
            return True
    return False


def fronted_comment_clause(c: CueCheck) -> bool:
    """"As the mayor put it in May, the bridge is old.": the cue closes a comment clause that
    opens the sentence, its content the clause after the comma."""
    return fronted_as_comma(c.unit, c.cue.i, c.cue.j) is not None


#: Speech frames of a ``strict`` cue, in order; one is enough.
STRICT_FRAME_CHECKS: tuple[Callable[[CueCheck], bool], ...] = (
    after_quotation, short_slot_after_clause, nothing_after, speech_opener_next, colon_after_short_object,
    speaker_ends_sentence, that_a_few_words_on, clause_without_that, fronted_comment_clause,
)
