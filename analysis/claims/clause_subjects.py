"""Subjects found from the clause structure around a cue, not from the words right
before it: the subject a participle shares ("Jane Doe left, [adding] that …"), the subject
of a coordinated verb after a subordinator ("X left because [the mayor] attacked the plan
and said …"), the clause after a semicolon or a comma, a fronted phrase passed over ("On
trade, [Smith] said"), and the person a narrator sentence opens with (the likely speaker of
a floating quotation after it). Split from :mod:`analysis.claims.slots`, which finds the
speaker slot next to a cue."""
from __future__ import annotations

import re

from analysis.claims.lexicon import cue_form_lemma, function_words, is_gap
from analysis.claims.records import Speaker, Who
from analysis.claims.slots import slot_left, tagged_verb
from analysis.claims.speakers import Mentions, entity_type, mention_kind, resolve
from analysis.claims.units import Unit, coordinated_verb, in_quote
from analysis.tokenise import Doc

_MARK = re.compile(r"[\"\u201c\u201d\u2018\u2019'`]+")


def fronted_phrase_end(unit: Unit, first: int, lim: int) -> int | None:
    """Index after a fronted phrase opening the clause at token ``first`` — a preposition or
    time word, at most six words, then a comma ("In August, the groups agreed …, saying",
    "On trade, …", "With respect to the war, …") — or None. Its words are not the subject.
    A title in quotation marks may stand in it, its comma inside the closing mark ("On
    \u201cMorning Report,\u201d Jane Doe …"); a quotation that opens before the phrase may not."""
    low, toks = unit.low, unit.tokens
    if first >= lim or not (low[first] in function_words("preposition") or low[first] in function_words("prep_tail")):
        return None
    opened = False
    words = 0
    for x in range(first + 1, min(lim, first + _FRONTED_REACH)):
        w = low[x]
        if w == ",":
            k = x + 1
            while opened and k < lim and _MARK.fullmatch(low[k]):
                k += 1  # the closing mark after the comma inside the title
            return k if k < lim else None
        if toks[x].in_quote and _MARK.fullmatch(w):
            opened = True
            continue
        words += 1
        if (words > 6 and (words > _FRONTED_WORDS or tagged_verb(unit, x))) or (toks[x].in_quote and not opened) \
                or not any(ch.isalnum() for ch in w) and w not in ("'s", "-", "."):
            return None  # past six words, only a phrase without a finite verb ("In a statement released by …,")
    return None


#: Words a fronted phrase may hold (past six, none a finite verb), and tokens scanned for its comma.
_FRONTED_WORDS, _FRONTED_REACH = 12, 17


def subordinate_subject(doc: Doc, unit: Unit, cue_i: int, mentions: Mentions) -> Speaker | None:
    """"X left because [the mayor] attacked the plan and said …": the subject of a coordinated
    verb (:func:`~analysis.claims.units.coordinated_verb`) is the subject of the clause it is
    coordinated with — when a subordinator opens that clause, the actor or pronoun right after
    it, not the subject of the sentence's main clause; when a relative pronoun opens it, the
    noun before that ("The rally drew marchers, who blocked roads and called for …")."""
    coord = coordinated_verb(unit, cue_i)
    if coord is None:
        return None
    toks, low = unit.tokens, unit.low
    for s in range(coord - 1, 0, -1):
        if toks[s].in_quote:
            continue
        if low[s] in function_words("relative") and "," not in low[s + 1 : coord] and (
                low[s - 1] == "," or low[s - 1][-1:].isalnum()):
            # "marchers, who took to the streets and called for …": the relative pronoun's noun
            return slot_left(doc, unit, s + 1, mentions)
        if low[s] not in function_words("subordinator") or low[s] == "as":
            continue
        if s + 1 >= coord:
            return None
        m = mentions.first_subject(toks[s + 1].start, toks[coord].start)
        if m is None or unit.token_at_or_after(m.start) > s + 2 or unit.past_verb_between(toks[s + 1].start, m.start):
            return None
        return Speaker(m.start, m.end, doc.text[m.start : m.end], m)
    return None


def last_semicolon(unit: Unit, cue_i: int) -> int | None:
    """Index of the last semicolon outside quotations before token ``cue_i``: it opens a new
    independent clause, whose subject a participle or coordinated verb after it shares."""
    for k in range(cue_i - 1, 0, -1):
        if unit.low[k] == ";" and not unit.tokens[k].in_quote:
            return k
    return None


#: Commas looked back over, and tokens at most, from a participle to the clause it follows.
_CLAUSE_COMMAS, _CLAUSE_REACH = 6, 40


def clause_subject_after_comma(doc: Doc, unit: Unit, cue_i: int, first: int, mentions: Mentions) -> Speaker | None:
    """"Tom Reyes backed it, but [Mara Voss] opposed it, calling it …", "When the vote was
    called late on Monday, [Mara Voss] walked out, saying …": a participle after a comma
    shares the subject of the clause right before it — the nearest earlier comma (maybe with
    a coordinator) followed by a person, an organisation or a personal pronoun and a finite
    verb. None if no such clause stands between token ``first`` and the cue (then the
    sentence's subject is the participle's)."""
    toks, low = unit.tokens, unit.low
    k = unit.comma_or_quote_before(cue_i - 1)
    for _ in range(_CLAUSE_COMMAS):
        if k <= first or cue_i - k > _CLAUSE_REACH:
            return None
        x = k + 1
        if low[k] == "," and x < cue_i and low[x] in function_words("coordinator"):
            x += 1
        if low[k] == "," and x < cue_i - 1:
            m = mentions.first_subject(toks[x].start, toks[cue_i].start)
            if m is not None and m.start == toks[x].start and (
                    entity_type(m) in ("PERSON", "ORG") or low[x] in _PERSONAL_SUBJECTS):
                v = unit.token_at_or_after(m.end)
                if v < cue_i - 1 and (low[v] in function_words("finite_aux") or unit.past_verb_at(v)
                                      or tagged_verb(unit, v)):
                    return Speaker(m.start, m.end, doc.text[m.start : m.end], m)
        k = unit.comma_or_quote_before(k)
    return None


#: Pronouns that stand for a speaker as a clause's subject ("it" rarely does).
_PERSONAL_SUBJECTS = frozenset({"he", "she", "they", "we", "i"})


def participle_subject(doc: Doc, unit: Unit, cue_i: int, mentions: Mentions) -> Speaker | None:
    """Subject of "…, adding that": the first actor mention of the unit outside quotations
    (after a dateline, the last semicolon and a fronted phrase, :func:`fronted_phrase_end`), unless a verb comes
    before it ("A jury convicted [Theriot] …, finding that"); then the noun phrase that
    opens the unit."""
    toks, low = unit.tokens, unit.low
    lim = toks[cue_i].start
    dl = unit.dateline(lim)
    start = dl.end() if dl else unit.start
    semi = last_semicolon(unit, cue_i)
    if semi is not None and semi + 1 < cue_i:
        start = toks[semi + 1].start  # "X said A; they learned B and disclosed C": the clause after it
    fronted = fronted_phrase_end(unit, unit.token_at_or_after(start), cue_i)
    if fronted is not None:
        start = toks[fronted].start
    clause = clause_subject_after_comma(doc, unit, cue_i, unit.token_at_or_after(start), mentions)
    if clause is not None:
        return clause
    m = mentions.first_subject(start, lim)
    if m is not None and not unit.past_verb_between(start, m.start):
        return Speaker(m.start, m.end, doc.text[m.start : m.end], m)
    # the noun phrase opening the unit: up to a preposition, a gap word, an auxiliary or a verb
    first = unit.token_at_or_after(start)
    while first < cue_i - 1 and is_gap(low[first]) and toks[first].start < lim:
        first += 1  # "Last week the campaign released …", "In August the groups agreed …": a time phrase
    if first >= len(toks):
        return None
    k = first
    # a name is a run of capitalised words ("Jane Doe left …"); a capital opening the sentence
    # is no name unless the tagger reads a proper noun ("Small groups of …" is no name)
    name = doc.text[toks[first].start].isupper() and low[first] not in function_words("determiner") and not (
        first == 0 and unit.tags is not None and unit.tags.token(toks[first]) not in ("NNP", "NNPS"))
    while k < len(toks) and k - first < 6 and toks[k].start < lim:
        w = low[k]
        if (not any(ch.isalnum() for ch in w) or w in function_words("preposition") or w in function_words("prep_tail")
                or w in function_words("finite_aux") or w in function_words("coordinator") or (k > first and is_gap(w))
                or unit.past_verb_at(k) or w in cue_form_lemma()
                or (name and k > first and doc.text[toks[k].start].islower())
                or (k > first and tagged_verb(unit, k))):
            break
        k += 1
    if k == first:
        return None
    s, e = toks[first].start, toks[k - 1].end
    return Speaker(s, e, doc.text[s:e], None)


def subject_opening_at(doc: Doc, unit: Unit, k: int, mentions: Mentions) -> Speaker | None:
    """The subject of the clause that opens at token ``k`` ("Decrying the plan, [Mara Voss]
    walked out"): a person or organisation mention or a personal pronoun starting there,
    a finite verb right after it; else None."""
    toks, low = unit.tokens, unit.low
    if k >= len(toks) - 1:
        return None
    m = mentions.first_subject(toks[k].start, toks[min(len(toks) - 1, k + 6)].end)
    if m is None or m.start != toks[k].start or not (entity_type(m) in ("PERSON", "ORG") or low[k] in _PERSONAL_SUBJECTS):
        return None
    v = unit.token_at_or_after(m.end)
    if v >= len(toks) or not (low[v] in function_words("finite_aux") or unit.past_verb_at(v) or tagged_verb(unit, v)):
        return None
    return Speaker(m.start, m.end, doc.text[m.start : m.end], m)


def narrator_subject(doc: Doc, unit: Unit, mentions: Mentions, last: Who | None) -> Who | None:
    """The person a narrator sentence opens with ("Smith, a farmer, has seen …"), who is
    the likely speaker of a floating quotation right after it; after a fronted phrase
    (:func:`fronted_phrase_end`: "On Sunday's \u201cMorning Report,\u201d Jane Doe warned …")."""
    toks = unit.tokens
    if len(toks) < 2:
        return None
    first = fronted_phrase_end(unit, 0, len(toks) - 1) or 0
    lim = toks[min(len(toks) - 1, first + 5)].end
    for m in mentions.starting_in(toks[first].start, lim - 1):
        if in_quote(unit, m.start):
            continue
        etype = entity_type(m)
        if etype == "PERSON" or (mention_kind(m) == "pronoun" and etype in ("", "PERSON")):
            return resolve(Speaker(m.start, m.end, doc.text[m.start : m.end], m), last)
        return None
    return None
