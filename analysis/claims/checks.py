"""Cue validation: a cue form found in a unit is a speech verb only if it passes the
named checks of :data:`CUE_CHECKS`, in order. Each check returns True (a cue: stop),
False (not a cue: stop) or None (no verdict: the next check decides); a cue no check
decides is valid.

Cues whose lexicon frame is ``strict`` need a speech frame after them
(:data:`STRICT_FRAME_CHECKS`): *that*, a colon, a comma, a quotation, or a clause
without *that* ("estimates the bill would save …"); ``complement`` cues (call, describe
… as, dub, label …) need an object and a quoted complement ("called the plan "a step"").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from analysis import postag
from analysis.claims.lexicon import CueEntry, cue_first_words, cue_form_lemma, cue_lexicon, function_words, is_gap, \
    message_nouns, number_re, pronouns, proposition_nouns
from analysis.claims.frames import STRICT_FRAME_CHECKS
from analysis.claims.records import Cue, lazy
from analysis.claims.units import QUOTE_CHARS, Unit, fronted_participle_end, medium_infinitive, \
    participle_modifier, possessor_end, quoted_as_saying
from analysis.tokenise import Doc

#: Tokens after which an -ing cue is a participle of the clause ("…, adding that …").
PARTICIPLE_COMMA = frozenset({",", "\u2014", "\u2013", "\u2015", "--", ";"})
_PASSIVE_ENDINGS = ("ed", "en", "ld", "id", "wn", "ht", "lt")


@dataclass
class CueCheck:
    """What the checks read about one cue."""

    doc: Doc
    unit: Unit
    cue: Cue

    @property
    def low(self) -> list[str]:
        return self.unit.low

    @property
    def entry(self) -> CueEntry:
        return self.cue.entry

    @lazy
    def first(self) -> str:
        return self.low[self.cue.i]

    @lazy
    def prev(self) -> str:
        return self.low[self.cue.i - 1] if self.cue.i > 0 else ""

    @lazy
    def past(self) -> bool:
        """A past form: "-ed", or another form than the lemma's that is no -s/-ing form ("said")."""
        f = self.first
        return f.endswith("ed") or (f != self.entry.lemma.split()[0] and not f.endswith(("s", "ing")))

    @lazy
    def next_word(self) -> int:
        """Index after the cue once up to three gap words are skipped ("added on Monday that")."""
        k, skipped = self.cue.j, 0
        while k < len(self.low) and skipped < 3 and is_gap(self.low[k]) and self.low[k] not in ("that",):
            k += 1
            skipped += 1
        return k


# --- checks on every cue ----------------------------------------------------------------


def capitalised_name(c: CueCheck) -> bool | None:
    """"the United [States]", "[Said] Business School": a capitalised cue word inside a
    sentence is part of a name (not after a quotation, colon, bracket or dash)."""
    surface = c.doc.text[c.unit.tokens[c.cue.i].start : c.unit.tokens[c.cue.i].end]
    if surface[:1].isupper() and c.cue.i > 0 and not (
            c.prev in QUOTE_CHARS or c.prev in (":", "(", "\u2014", "\u2013") or c.unit.tokens[c.cue.i - 1].in_quote) \
            and not title_case_headline_verb(c):
        return False
    return None


def title_case_headline_verb(c: CueCheck) -> bool:
    """"Senator Calls Plan 'A Disgrace'", "Plan Will Fail, Mayor Says": in a headline written in
    title case every word is capitalised, so the capital says nothing about a name; an -s
    form of a speech cue after a lower-case-free word run is the headline's verb."""
    unit = c.unit
    if unit.zone != "headline" or c.entry.kind != "speech" or not c.first.endswith("s") or c.past:
        return False
    words = [c.doc.text[t.start] for t, w in zip(unit.tokens, unit.low) if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 4 and sum(ch.isupper() for ch in words) >= 0.9 * len(words)


def source_phrase(c: CueCheck) -> bool | None:
    """"according to": a source phrase needs no verb frame."""
    return True if c.entry.kind == "source" else None


def possessive_noun_that(c: CueCheck) -> bool | None:
    """"her [claim] that the plan would "save money"", "Jane Doe's [warning] that …": a cue noun
    after a possessive, followed by its that-clause, attributes the clause to the possessor."""
    if c.cue.j < len(c.low) and c.low[c.cue.j] == "that" and possessor_end(c.unit, c.cue.i) is not None:
        return True
    return None


def quoted_as(c: CueCheck) -> bool | None:
    """"Jane Doe was quoted as saying that …": the -ing cue after "quoted as" is a cue."""
    return True if quoted_as_saying(c.unit, c.cue.i) else None


def gerund_after_preposition(c: CueCheck) -> bool | None:
    """"by telling them that …", "for saying …": a gerund with the clause's subject. Not the
    idiom "it goes without saying that …" (the narrator's own emphasis: no cue)."""
    if not (c.first.endswith("ing") and c.prev in function_words("preposition") and c.prev != "of"):
        return None
    i = c.cue.i
    return not (c.prev == "without" and i >= 2 and c.low[i - 2] in ("go", "goes", "went", "going", "gone"))


def infinitive_or_noun(c: CueCheck) -> bool | None:
    """"to discuss" (infinitive; not one of purpose after a medium, :func:`medium_infinitive`),
    "the report", "a claim", "NATO's estimates", "two claims" (a noun after a determiner,
    preposition, possessive or number — not a year; but "a report that [says] …": after a noun of a message
    "that" is a relative pronoun, the cue its verb)."""
    p = c.prev
    if (p == "to" and not medium_infinitive(c.unit, c.cue.i)) or (p in function_words("determiner") and not (
            p == "that" and c.cue.i >= 2 and c.low[c.cue.i - 2] in message_nouns())) \
            or p in function_words("preposition") or (p in ("'s", "s'") and not contracted_is(c)) \
            or (not c.past and (number_re().fullmatch(p) or p.isdigit()) and not _year(p)):
        return False
    return None


def _year(w: str) -> bool:
    """A four-digit year ("Voters who backed her in [2016] say …"): a time, not a count of a noun."""
    return len(w) == 4 and w.isdigit() and 1800 <= int(w) <= 2099


def contracted_is(c: CueCheck) -> bool:
    """"he's claiming that …": "'s" after a subject pronoun is a contracted "is" (or "has"),
    not a possessive; the -ing cue after it is a progressive verb."""
    i = c.cue.i
    return c.prev == "'s" and i >= 2 and c.first.endswith("ing") and c.low[i - 2] in function_words("contracting_subject")


def noun_of_prepositional_phrase(c: CueCheck) -> bool | None:
    """"below Wall Street [estimates]", "above analysts' [forecasts]", "despite Kremlin
    [denials]": after the capitalised or possessive object of a preposition, the cue word is
    a noun. Walk left over capitalised words and possessive markers to a preposition that
    does not attach an affiliation ("A spokesman for Microsoft [says]" keeps its verb)."""
    unit, low, i = c.unit, c.low, c.cue.i
    j = i - 1
    seen = 0
    while j >= 0 and not unit.tokens[j].in_quote:
        w = low[j]
        word = c.doc.text[unit.tokens[j].start:unit.tokens[j].end]
        if w in ("'s", "s'", "'", "\u2019s", "\u2019") or w.endswith(("'s", "\u2019s")):
            j -= 1
            continue
        if w in function_words("preposition") and seen > 0:
            break  # a capitalised preposition of a title-case headline ("Over Police [Comments]")
        if word[:1].isupper() or (seen == 0 and j + 1 < i and low[j + 1] in ("'", "\u2019", "s'")):
            seen += 1
            j -= 1
            continue
        break
    if seen > 0 and j >= 0 and low[j] in function_words("preposition") and not (
            low[j] in function_words("np_preposition") or low[j] == "by"):
        return False
    return None


def modifier_of_subject(c: CueCheck) -> bool | None:
    """"A person [briefed] on the talks said …": a past participle modifying the subject's noun
    (:func:`~analysis.claims.units.participle_modifier`) is no cue; the finite speech verb
    after it is."""
    return False if participle_modifier(c.doc, c.unit, c.cue.i) else None


#: Tokens searched after a relative clause's verb for the speech verb of the clause's noun.
_RELATIVE_MAIN_REACH = 12


def belief_in_subject_relative(c: CueCheck) -> bool | None:
    """"People who [know] Tom Reyes say he is honest": a verb of belief or evidence right after a
    subject relative pronoun, with a speech verb later in the same clause (no punctuation
    between), belongs to the subject ("people who know him"), not to what is reported; the
    speech verb after it is the cue. A speech verb there stays a cue ("Officials who said …")."""
    low, toks = c.low, c.unit.tokens
    if c.entry.kind == "speech" or c.prev not in ("who", "that", "which") or c.cue.i < 2:
        return None
    lex, firsts = cue_lexicon(), cue_first_words()
    for k in range(c.cue.j, min(len(low), c.cue.j + _RELATIVE_MAIN_REACH)):
        w = low[k]
        if toks[k].in_quote or not (w[:1].isalnum() or w in ("'s", "\u2019s")):
            return None
        if w in firsts and not w.endswith("ing") and any(
                (e := lex.get(tuple(low[k : k + n]))) is not None and e.kind == "speech" for n in range(1, 4)):
            return False
    return None


def tagged_noun(c: CueCheck) -> bool | None:
    """"the swing [states] Ohio and Iowa", "[demand] for coal fell", "[questions] remain": a
    cue word the part-of-speech tagger reads as a noun (NN, NNS) is no verb. Only present
    and base forms are asked (a past form is no noun); after a quotation the word is a verb
    ("…," [says] Jane Doe). The tagger often reads an -s verb after a subject as a plural
    noun ("Jane Doe [argues] that …", "the mayor [questions] the plan"), so its verdict
    yields to verb evidence (:func:`verb_evidence_against_tag`). The sentence is tagged only
    when the words around the cue give no verdict (:func:`lexical_verb_evidence`): tagging
    is the cost of this check."""
    tags = c.unit.tags
    if tags is None or c.past or (c.cue.i > 0 and c.unit.tokens[c.cue.i - 1].in_quote) or c.prev in QUOTE_CHARS:
        return None
    if adjective_before_that(c):
        return False
    if lexical_verb_evidence(c):
        return None
    if not postag.is_noun(tags.token(c.unit.tokens[c.cue.i])) or verb_evidence_against_tag(c):
        return None
    return False


def adjective_before_that(c: CueCheck) -> bool:
    """"send a strong [signal] that …", "faces criminal [charges] that …": a cue word between an
    adjective (the tagger's JJ) and "that" is a noun with its complement clause, not a verb —
    "that" after it is no verb evidence here. Only a lower-case content word before the cue is
    tagged ("officials [warn] that …": a plural noun, a verb)."""
    i, low = c.cue.i, c.low
    nxt = low[c.cue.j] if c.cue.j < len(low) else ""
    p = c.prev
    if nxt != "that" or i == 0 or not p.isalpha() or p in pronouns() or p in function_words("finite_aux") \
            or p in function_words("determiner") or is_gap(p) or not c.doc.text[c.unit.tokens[i - 1].start].islower():
        return False
    return c.unit.tags.token(c.unit.tokens[i - 1]) in ("JJ", "JJR", "JJS")


def lexical_verb_evidence(c: CueCheck) -> bool:
    """Verb evidence read from the words alone, before any tagging: an object, a
    that-clause or a colon after the cue word ("charges [that] …", "questions [the] plan",
    "expects [them] to …") or a subject pronoun before it ("she [says]")."""
    nxt = c.low[c.cue.j] if c.cue.j < len(c.low) else ""
    return nxt in ("that", ":", "of") or nxt in QUOTE_CHARS or nxt in function_words("determiner") \
        or nxt in pronouns() or (c.prev in pronouns() and c.prev not in ("her", "him", "them"))


#: Tags of a word before a cue word that make it a verb whatever its own tag: a subject
#: pronoun or name, a relative pronoun, an adverb ("she [says]", "Doe [argues]", "those who
#: [question] …", "it also [mentions] …").
SUBJECT_TAGS = frozenset({"PRP", "NNP", "NNPS", "WP", "WDT", "RB"})


#: Tags of a word before a cue word tagged as a noun that confirm the noun: an adjective,
#: determiner, possessive pronoun or number ("criminal [charges] that …", "important
#: [questions].", "its [claims]").
NOUN_CONFIRMING_TAGS = frozenset({"JJ", "JJR", "JJS", "DT", "PRP$", "CD"})


def verb_evidence_against_tag(c: CueCheck) -> bool:
    """A cue word tagged as a noun still reads as a verb (besides :func:`lexical_verb_evidence`)
    when it ends the sentence ("…,'' the report [says]."), or when a subject, relative pronoun or
    adverb stands before it (:data:`SUBJECT_TAGS`). A word ending the sentence after an
    adjective, determiner or number stays a noun ("these are important [questions].",
    :data:`NOUN_CONFIRMING_TAGS`)."""
    unit, i = c.unit, c.cue.i
    nxt = c.low[c.cue.j] if c.cue.j < len(c.low) else ""
    if i == 0:
        return nxt in (".", "")
    prev_tag = unit.tags.token(unit.tokens[i - 1])
    if nxt in (".", ""):
        return prev_tag not in NOUN_CONFIRMING_TAGS
    if prev_tag in SUBJECT_TAGS:
        return True
    # "The firm [expects] demand to grow" (a verb) vs "swing [states] could decide" (a plural
    # noun, then the clause's verb; "swing [states] Ohio and Iowa": names in apposition):
    # after a singular noun an -s form is a verb unless a verb, modal or name follows it.
    # The tagger tends to read such a verb as the head of a compound noun.
    if prev_tag != "NN" or not c.first.endswith("s") or nxt == ",":
        return False  # "economic development [projects], …": a compound noun before a comma
    next_tag = unit.tags.token(unit.tokens[c.cue.j]) if c.cue.j < len(c.low) else "."
    return not (next_tag.startswith(("VB", "MD")) or next_tag in ("NNP", "NNPS"))


def object_of_cue_verb(c: CueCheck) -> bool | None:
    """"expects demand to grow", "denied claims": a cue word right after another cue verb
    is its object — but a cue word after a determiner or possessive is a noun, the subject
    of the cue after it ("The report says …", "Her statement noted …", "the agency's
    report found …")."""
    i, low = c.cue.i, c.low
    if i > 0 and not c.unit.tokens[i - 1].in_quote and c.prev in cue_form_lemma() and not (
            i >= 2 and (low[i - 2] in function_words("determiner") or low[i - 2] in ("'s", "\u2019s"))):
        return False
    return None


def participle_with_quotation(c: CueCheck) -> bool | None:
    """"footage of Jane Doe [asking], "Why not?"", "marched while [chanting], "Not again."", "a
    clip of him [saying] last week, "…"": an -ing speech cue whose frame is a quotation after
    a comma (maybe after a short time phrase) reports that quotation, without the comma a
    participle needs before it."""
    if not c.first.endswith("ing") or c.entry.kind != "speech" or c.prev in function_words("determiner"):
        return None
    low, toks = c.low, c.unit.tokens
    for k in range(c.cue.j, min(len(low), c.cue.j + 6)):
        if low[k] == ",":
            return True if k + 1 < len(low) and (toks[k + 1].in_quote or low[k + 1] in QUOTE_CHARS) else None
        if toks[k].in_quote or not any(ch.isalnum() for ch in low[k]):
            return None
    return None


def subordinate_without_subject(c: CueCheck) -> bool | None:
    """"when asked about …", "while asserting …": a clause without a subject."""
    if c.prev in function_words("subordinator") and (c.first.endswith(("ing", "ed", "en")) or c.past):
        return False
    return None


def after_message_noun(low: list[str], i: int) -> bool:
    """True if a noun of a message stands before token ``i``, maybe with up to three time
    words or adverbs between (gap words, "early"/"late": ``time_modifier``): "a statement
    [saying]", "a statement on Friday [saying]", "posted two tweets early Monday [saying]"."""
    k = i - 1
    while k > 0 and i - k <= 3 and low[k] not in message_nouns() and (
            is_gap(low[k]) or low[k] in function_words("time_modifier")):
        k -= 1
    return k >= 0 and low[k] in message_nouns()


def participle_after_message(c: CueCheck) -> bool | None:
    """"released a statement [saying] the plant would close", "sent an email [asking] …": an
    -ing cue after a noun of a message (:func:`after_message_noun`) reports the message (no
    comma needed). A naming verb still needs its quoted complement ("a statement calling the
    vote "a disgrace"")."""
    if c.first.endswith("ing") and c.entry.frame != "complement" and after_message_noun(c.unit.low, c.cue.i):
        return True
    return None


def passive_agent_after(unit: Unit, cue: Cue) -> int | None:
    """Index of the agent's first word in a passive cue with a by-phrase ("was stated [by]
    Jane Doe", "was announced on Monday by the mayor"), or None: a past participle after a
    passive auxiliary, then "by" within three gap words."""
    low = unit.low
    if cue.i == 0 or low[cue.i - 1] not in function_words("passive_aux") or not low[cue.i].endswith(_PASSIVE_ENDINGS):
        return None
    k = cue.j
    while k < len(low) and k - cue.j < 3 and low[k] != "by" and is_gap(low[k]):
        k += 1
    return k + 1 if k + 1 < len(low) and low[k] == "by" and not unit.tokens[k + 1].in_quote else None


def passive_with_agent(c: CueCheck) -> bool | None:
    """"This was stated by Jane Doe": a passive cue whose agent is named is a cue (the
    agent is the speaker); a passive without one ("was told") is not (next check)."""
    return True if passive_agent_after(c.unit, c.cue) is not None else None


def fronted_participle(c: CueCheck) -> bool | None:
    """"Decrying the "rigged system," Mara Voss walked out": an -ing speech cue opening the
    sentence with its object before a comma (:func:`~analysis.claims.units.fronted_participle_end`)
    is a cue without the comma a participle needs before it; the pattern of that name reads
    its subject, the main clause's."""
    if c.entry.kind != "speech" or fronted_participle_end(c.unit, c.cue.i, c.cue.j) is None:
        return None
    return True


#: Tokens looked back from a cue for the comma or dash that opens an appositive.
_APPOSITIVE_REACH = 8


def appositive_relative(c: CueCheck) -> bool | None:
    """"Reyes said the mayor lied, [a charge] she denied." / "… — [something] a council aide
    also told reporters": after a comma or dash, a noun of a proposition (maybe after a
    determiner), then a subject (no preposition: "…, a claim from the office said" keeps
    its cue) — the cue is the verb of a relative clause on that noun, an appositive to the
    clause before, not the sentence's cue (it would take the clause from its own cue)."""
    low, toks, i = c.low, c.unit.tokens, c.cue.i
    b = i - 1
    while b >= 0 and i - b <= _APPOSITIVE_REACH and low[b] not in (",", "\u2014", "\u2013", "--"):
        if b > 0 and low[b] in QUOTE_CHARS and low[b - 1] == ",":
            break  # "… was "lying," a claim …": the comma inside the closing mark
        if toks[b].in_quote:
            return None
        b -= 1
    if b < 0 or i - b > _APPOSITIVE_REACH:
        return None
    k = b + 1
    if k < i and low[k] in function_words("determiner"):
        k += 1
    if k + 1 >= i or low[k] not in proposition_nouns():
        return None
    nxt = low[k + 1]
    if nxt in function_words("preposition") or nxt in function_words("prep_tail") or not nxt[:1].isalnum() \
            or nxt in ("that", "which", "who"):
        return None
    return False


#: Forms of "be" before a predicative -ing adjective ("the results were [encouraging] for …").
_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "'re", "\u2019re"})


def predicative_adjective(c: CueCheck) -> bool | None:
    """"The results were [encouraging] for the council", "The talks are [promising] but slow": an
    -ing form after "be" with "for" or a coordinator after it is an adjective, not a progressive
    verb with an object ("was [promising] voters a bridge", "is [promising] to cut taxes")."""
    if not c.first.endswith("ing") or c.prev not in _BE_FORMS or c.cue.j >= len(c.low):
        return None
    nxt = c.low[c.cue.j]
    return False if nxt == "for" or nxt in function_words("coordinator") else None


def reduced_passive_as(c: CueCheck) -> bool | None:
    """"a man [described] as a local farmer": a past form of a characterising verb right before
    "as", with no object, is a passive participle modifying the noun before it — unless a
    relative pronoun before it is its object ("what analysts [described] as …", "which she
    [described] as …")."""
    low, i, j = c.low, c.cue.i, c.cue.j
    if not (c.past and c.entry.lemma in _NAMING_AS and j < len(low) and low[j] == "as"):
        return None
    return None if any(w in ("what", "which", "that", "whom") for w in low[max(0, i - 5) : i]) else False


def participle_or_passive(c: CueCheck) -> bool | None:
    """An -ing form is a participle only after a comma or dash ("…, adding that") or in a
    progressive ("is saying"); a participle after "was" / "is" is passive ("was told")."""
    if c.first.endswith("ing"):
        if not (c.prev in PARTICIPLE_COMMA or c.prev in function_words("passive_aux") or c.prev in {"was", "were", "been"}):
            return False
    elif c.prev in function_words("passive_aux") and c.first.endswith(_PASSIVE_ENDINGS):
        return False
    return None


def complement_quote(unit: Unit, cue: Cue) -> int | None:
    """Index of the quotation that a naming verb takes as complement after an object
    of one to six words ("called [the proposal] "…"", "described [it as] "…""), or None."""
    low = unit.low
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


def quoted_complement(c: CueCheck) -> bool | None:
    """"called the proposal "a historic step"", "described it as "…"": object and quotation."""
    if c.entry.frame in ("strict", "complement") and complement_quote(c.unit, c.cue) is not None:
        return True
    return None


def object_for_quoted_reason(c: CueCheck) -> bool | None:
    """"lauded the mayor in a speech for her "steady hand"", "blasted the panel for failing to
    say the deal was "partial"": a naming verb of praise or blame takes an object (maybe with a
    short phrase) and "for", and the reason quotes words — the quotation is what was said."""
    if c.entry.frame != "complement" or c.entry.lemma not in function_words("appraisal"):
        return None
    low, toks = c.low, c.unit.tokens
    for k in range(c.cue.j + 1, min(len(low), c.cue.j + 9)):
        if toks[k].in_quote or not any(ch.isalnum() for ch in low[k]) and low[k] not in ("'s", "."):
            return None
        if low[k] == "for":
            return True if c.unit.quoted_after(k) else None
    return None


def relative_object_complement(c: CueCheck) -> bool | None:
    """"the tax, which the mayor called "a disgrace"", "what critics called "a giveaway"": the
    object of a naming verb is a relative pronoun before its subject, so the quotation right
    after the verb is its complement, not a name ("a group called "…"": no subject between)."""
    if c.entry.frame != "complement" or not (c.cue.j < len(c.low) and c.unit.tokens[c.cue.j].in_quote):
        return None
    low, toks = c.low, c.unit.tokens
    subject = 0
    for k in range(c.cue.i - 1, max(-1, c.cue.i - 10), -1):
        if toks[k].in_quote:
            return None
        if low[k] in ("which", "what"):
            return True if subject else None
        if low[k] not in function_words("finite_aux") and not is_gap(low[k]) and low[k] != ",":
            subject += 1
    return None


def quotation_next(c: CueCheck) -> bool | None:
    """A ``quote``-frame cue ("used the phrase "a rigged system"", "used the words, "…"") is a cue
    only when a quotation follows it (maybe after a comma or colon): "used the word sparingly" is none."""
    if c.entry.frame != "quote":
        return None
    k = c.cue.j + (1 if c.cue.j < len(c.low) and c.low[c.cue.j] in (",", ":") else 0)
    return k < len(c.low) and c.unit.tokens[k].in_quote


#: Naming verbs whose object takes an unquoted noun phrase as complement ("called it a hoax"),
#: and those that take it after "as" ("described the plan as a failure").
_NAMING_A = frozenset({"call", "dub", "label", "brand", "term"})
_NAMING_AS = frozenset({"describe", "characterize", "dismiss", "hail", "denounce", "condemn", "deride", "decry",
                        "ridicule", "mock", "praise", "laud", "blast", "slam", "lambaste"})
#: Nouns after "a" that make a time phrase, not a complement ("called him a week later").
_TIME_AFTER_A = frozenset({"week", "day", "month", "year", "minute", "hour", "few", "couple", "while", "second",
                           "decade", "moment", "night", "morning", "time"})


def unquoted_complement(c: CueCheck) -> bool | None:
    """"Jane Doe has called climate change a hoax", "The campaign described the report as a
    smear": a naming verb with an object of one to eight words and then a predicative noun
    phrase ("a"/"an" …) or "as" — what the speaker called it, without quotation marks. Not a
    passive or a missing object ("was called a hero", "a man described as …"), a time phrase
    ("called him a week later") or a phone call ("called the police")."""
    lemma = c.entry.lemma
    if c.entry.frame != "complement" or lemma not in _NAMING_A | _NAMING_AS or c.prev in function_words("passive_aux"):
        return None
    low, unit = c.low, c.unit
    for k in range(c.cue.j, min(len(low), c.cue.j + 9)):
        w = low[k]
        if unit.tokens[k].in_quote or not (w[:1].isalnum() or w in ("'s", "\u2019s", "-")):
            return None
        if k == c.cue.j and (w in function_words("preposition") or w in function_words("prep_tail")
                             or w in ("a", "an", "as", "that")):
            return None  # "called for", "called a meeting", "described as": no object first
        if k > c.cue.j and lemma in _NAMING_A and w in ("a", "an"):
            nxt = low[k + 1] if k + 1 < len(low) else ""
            return None if (not nxt or nxt in _TIME_AFTER_A or is_gap(nxt)) else True
        if k > c.cue.j and lemma in _NAMING_AS and w == "as":
            return True if k + 1 < len(low) and low[k + 1][:1].isalnum() else None
    return None


def complement_without_quote(c: CueCheck) -> bool | None:
    """"a box labeled "…"", "a group called "…"" (a name), "phone calls that …": a naming
    verb without object and quotation is no cue."""
    return False if c.entry.frame == "complement" else None


def strict_frame(c: CueCheck) -> bool | None:
    """A ``strict`` cue is no cue without a speech frame (:data:`STRICT_FRAME_CHECKS`); with
    one, the later checks decide."""
    if c.entry.frame != "strict":
        return None
    return None if any(check(c) for check in STRICT_FRAME_CHECKS) else False


#: The checks every cue passes through, in order (first verdict wins).
CUE_CHECKS: tuple[Callable[[CueCheck], bool | None], ...] = (
    capitalised_name, source_phrase, modifier_of_subject, belief_in_subject_relative, possessive_noun_that, quoted_as, gerund_after_preposition, infinitive_or_noun,
    noun_of_prepositional_phrase, object_of_cue_verb, participle_with_quotation, subordinate_without_subject,
    participle_after_message, passive_with_agent, appositive_relative, fronted_participle, predicative_adjective, reduced_passive_as, participle_or_passive, quoted_complement, object_for_quoted_reason,
    relative_object_complement,
    quotation_next, unquoted_complement, complement_without_quote,
    strict_frame,
    tagged_noun,  # last: it tags the sentence, so only cues every cheaper check let through ask
)


def cue_verdict(doc: Doc, unit: Unit, cue: Cue) -> tuple[bool, str]:
    """(is this cue form a speech verb here, the name of the check that decided; "" when
    none did and the cue is valid)."""
    c = CueCheck(doc, unit, cue)
    for check in CUE_CHECKS:
        verdict = check(c)
        if verdict is not None:
            return verdict, check.__name__
    return True, ""


def cue_valid(doc: Doc, unit: Unit, cue: Cue) -> bool:
    """Is this cue form a speech verb here (:data:`CUE_CHECKS`)?"""
    return cue_verdict(doc, unit, cue)[0]
