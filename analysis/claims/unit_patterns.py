"""Attribution patterns read over a whole unit rather than at a cue (the ``turn`` and
``fallback`` entries of :data:`analysis.claims.registry.REGISTRY`).

Each gets the unit and the :class:`ReadState` of the article so far and returns None
(does not apply) or a :class:`UnitReading`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from analysis.claims.lexicon import function_words, not_speaker_labels, pronouns, source_labels
from analysis.claims.records import NARRATOR_ZONES, NOBODY, Item, Speaker, Who, trim
from analysis.claims.clause_subjects import narrator_subject
from analysis.claims.slots import slot_right
from analysis.claims.speakers import Mentions, entity_type, mention_kind, resolve
from analysis.claims.units import Unit, in_quote, main_quote
from analysis.quotes import Quote
from analysis.tokenise import Doc

#: A transcript speaker label opening a paragraph: "PENCE: …", "CHRIS WALLACE: …".
TURN_LABEL = re.compile(r"[\"\u201c]?([A-Z][A-Z'\u2019.\-]+(?: [A-Z][A-Z'\u2019.\-]+){0,3}):\s+")
_LABEL_WORDS = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_DASH_AFTER = re.compile(r"\s*(\u2015|\u2014|\u2013|--|-)\s*")
_ONLY_STOPS = re.compile(r"[ .,]*")
_SPACE_COMMA = re.compile(r"\s*,")
#: A parenthesis alone inside quotation marks: a stage direction of a transcript.
_STAGE_DIRECTION = re.compile(r"\s*\([^()]{1,40}\)[\s.]*")
#: Tokens that end a short cue clause after its verb ("…," Tom Reyes sniffed[.]).
_CLAUSE_ENDS = frozenset({".", ",", "!", "?", ";"})
#: What may follow a quotation that ends its unit: a full stop, a closing parenthesis.
_QUOTE_TAIL = re.compile(r"[\s.!?)]*")
#: Entity types of a subject that speaks the quotation after its clause and a colon.
_COLON_SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@dataclass
class ReadState:
    """What reading carries from unit to unit within one article."""

    para_starts: frozenset[int]
    last: Who | None = None  # speaker of the latest attributed claim
    hint: Who | None = None  # speaker announced by the previous unit ("He said:", a narrator subject)
    turns: dict[int, Who] = field(default_factory=dict)  # paragraph id → transcript speaker
    transcript: bool | None = None  # the article is a transcript (:func:`is_transcript`), once asked
    intro: tuple[Who, int] | None = None  # speaker and paragraph id of the latest "X said:" introduction
    blocks: dict[int, Who] = field(default_factory=dict)  # paragraph id → speaker of a block after an intro


class UnitReading(NamedTuple):
    """Claims of a unit read as a whole; ``next_hint``: the likely speaker of a floating
    quotation in the next unit; ``continues``: a quotation going on in the next paragraph."""

    items: list[Item]
    next_hint: Who | None = None
    continues: bool = False


def _turn_speaker(doc: Doc, unit: Unit, mentions: Mentions, state: ReadState) -> tuple[Who, int] | None:
    """``(speaker, colon offset)`` if the unit opens a paragraph with a speaker label in
    capitals and a colon, the label naming a person the article mentions ("PENCE:" and
    "Mike Pence"), or any label but a newsroom one in a transcript (:func:`is_transcript`);
    labels like "UPDATE:" name no person and are not turns."""
    if unit.zone != "body" or unit.start not in state.para_starts:
        return None
    m = TURN_LABEL.match(doc.text, unit.start, unit.end)
    if m is None or m.end() >= unit.end:
        return None
    x = _label_person(doc, m, mentions)
    if x is not None:
        surface = doc.text[x.start : x.end]
        who = Who(str(getattr(x, "entity", "") or surface), str(getattr(x, "entity_id", "") or ""), "",
                  m.start(1), m.end(1), "PERSON")
        return who, m.end(1)
    if m.group(1).lower() not in not_speaker_labels() and is_transcript(doc, mentions, state):
        return Who(m.group(1), "", "", m.start(1), m.end(1), "PERSON"), m.end(1)
    return None


def _label_person(doc: Doc, m: re.Match, mentions: Mentions) -> object | None:
    """The first PERSON mention outside the label whose surface holds the label's words."""
    words = tuple(w for w in _LABEL_WORDS.findall(m.group(1)) if len(w) > 1)
    if not words:
        return None
    for x in mentions.persons_named(words):
        if not (x.start < m.end() and x.end > m.start()):  # not the label itself
            return x
    return None


def is_transcript(doc: Doc, mentions: Mentions, state: ReadState) -> bool:
    """Is the article a transcript: do two or more body paragraphs open with a speaker label,
    one of them naming a person the article mentions ("PENCE:" and "Mike Pence")? Then a label
    naming nobody it mentions is a speaker too ("WALLACE: …", the host), unless it is a
    newsroom label (``claims_not_speaker_labels.txt``: "UPDATE:")."""
    if state.transcript is None:
        labels = [m for p in doc.article.paragraphs if p.zone == "body"
                  for m in [TURN_LABEL.match(doc.text, p.start, p.end)] if m is not None and m.end() < p.end]
        state.transcript = len(labels) >= 2 and any(_label_person(doc, m, mentions) is not None for m in labels)
    return state.transcript


def transcript_turn(doc: Doc, unit: Unit, mentions: Mentions, state: ReadState) -> UnitReading | None:
    """"PENCE: We will not accept this. Not now.": a paragraph opening with a speaker label
    is verbatim speech of the labelled person, one direct claim per sentence; cues inside
    it are nested speech and not read."""
    turn = _turn_speaker(doc, unit, mentions, state)
    if turn is not None:
        who, colon = turn
        state.turns[unit.paragraph_id] = who
        return UnitReading([Item(colon + 1, unit.end, "direct", who, (colon, colon + 1), "", None, "transcript_turn")])
    if unit.paragraph_id in state.turns:
        who = state.turns[unit.paragraph_id]
        return UnitReading([Item(unit.start, unit.end, "direct", who, (-1, -1), "", None, "transcript_turn")])
    return None


def block_after_intro(doc: Doc, unit: Unit, mentions: Mentions, state: ReadState) -> UnitReading | None:
    """"The governor added:" then a paragraph without quotation marks, "It is typical of her.
    She knows nothing.": the paragraph right after a colon introduction is what the announced
    speaker said (a block quotation set off without marks) — each of its sentences a claim of
    that speaker (indirect: no quotation marks); cues inside it are nested and not read."""
    if unit.paragraph_id in state.blocks:
        who = state.blocks[unit.paragraph_id]
    elif state.intro is not None and unit.zone == "body" and unit.start in state.para_starts \
            and unit.paragraph_id == state.intro[1] + 1 and not unit.quotes:
        who = state.blocks[unit.paragraph_id] = state.intro[0]
    else:
        return None
    cs, ce = trim(doc.text, unit.start, unit.end)
    return UnitReading([Item(cs, ce, "indirect", who, (-1, -1), "", None, "block_after_intro")])


def _dash_speaker(doc: Doc, unit: Unit, mentions: Mentions):
    """(speaker slot, quotation, dash span) for ``"…" — X``: a quotation followed by a
    dash and a name ending the unit (or a name and a comma)."""
    for q in unit.quotes:
        m = _DASH_AFTER.match(doc.text, q.end, unit.end)
        if not m:
            continue
        k = unit.token_at_or_after(m.end())
        if k >= len(unit.tokens):
            continue
        sp = slot_right(doc, unit, k, mentions)
        if sp is not None and _ONLY_STOPS.fullmatch(doc.text, sp.end, unit.end) or (
            sp is not None and sp.mention is not None and _SPACE_COMMA.match(doc.text, sp.end, unit.end)
        ):
            return sp, q, (m.start(1), m.end(1))
    return None


def dash_attribution(doc: Doc, unit: Unit, mentions: Mentions, state: ReadState) -> UnitReading | None:
    """"“The plan is dead.” — Jane Doe": a quotation signed with a dash and a name."""
    dash = _dash_speaker(doc, unit, mentions)
    if dash is None:
        return None
    sp, q, cue_span = dash
    who = resolve(sp, state.last)
    return UnitReading([Item(q.content_start, q.content_end, "direct", who, cue_span, "dash", None, "dash_attribution")])


def attribute_markup(doc: Doc, q: Quote) -> bool:
    """A straight quotation mark right after ``=`` opens an attribute value of leftover
    embed markup (``<tweet pic="…">``, ``tweet-id="123"``), not a quotation: neither a
    quotation opening there nor one taken to close there (an unopened continuation
    quotation running from the paragraph start to that mark) is one."""
    text = doc.text
    return (q.opened and q.start > 0 and text[q.start - 1] == "=") or (
        q.closed and 0 < q.content_end < q.end and text[q.content_end - 1] == "=")


def stray_straight_mark(doc: Doc, q: Quote) -> bool:
    """A straight mark opening a quotation it never closes, among curly quotation marks nearby
    (""Tom was asleep." after "“Here he comes,” she said."): a stray mark left by a conversion
    of the text, not a quotation — a writer uses one style of marks. Only the text around the
    mark is read (a fixed window), so the cost does not grow with the article."""
    text = doc.text
    return q.opened and not q.closed and text[q.start] == '"' \
        and "\u201c" in text[max(0, q.start - _STYLE_WINDOW) : q.start + _STYLE_WINDOW]


#: Characters either side of a straight mark searched for curly quotation marks.
_STYLE_WINDOW = 400


def _unlisted_verb_speaker(doc: Doc, unit: Unit, q: Quote, mentions: Mentions) -> tuple[Speaker, int] | None:
    """(subject, verb token index) of ``"…," she texted her sister``: after a quotation
    opening the unit and a comma, a subject (a pronoun or a noun phrase) and a verb the
    tagger reads as finite (VBD, VBZ) that the cue lexicon does not list — or a lower-case
    word in -ed that ends the clause, which the tagger may read as a noun after a name
    (``"…," Tom Reyes sniffed.``, ``"…," Mara Voss scoffed, shaking her head.``)."""
    k = unit.token_at_or_after(q.end)
    if k < len(unit.low) and unit.low[k] == ",":
        k += 1
    if k >= len(unit.low) or not (doc.text[q.start:q.end].rstrip(" \"\u201d'\u2019").endswith(",")
                                  or (k > 0 and unit.low[k - 1] == ",")):
        return None
    if unit.low[k] in pronouns():
        t = unit.tokens[k]
        sp = Speaker(t.start, t.end, unit.low[k], next(iter(mentions.within(t.start, t.end)), None))
    else:
        sp = slot_right(doc, unit, k, mentions)
    if sp is None or unit.tags is None:
        return None
    v = unit.token_at_or_after(sp.end)
    if v >= len(unit.tokens) or unit.tokens[v].in_quote:
        return None
    if unit.tags.token(unit.tokens[v]) not in ("VBD", "VBZ") and not (
            unit.past_verb_at(v) and (v + 1 == len(unit.low) or unit.low[v + 1] in _CLAUSE_ENDS)):
        return None
    return sp, v


def quote_then_unlisted_verb(doc: Doc, unit: Unit, mentions: Mentions, state: ReadState) -> UnitReading | None:
    """""We are ready," she texted her sister.": a quotation, then a subject and a verb
    the cue lexicon does not list — the subject is the speaker (not the previous claim's
    speaker, as a floating quotation would get), the verb the cue."""
    q = main_quote(doc, unit)
    if q is None or q.start > unit.first_nonspace or attribute_markup(doc, q):
        return None
    found = _unlisted_verb_speaker(doc, unit, q, mentions)
    if found is None:
        return None
    sp, v = found
    who = resolve(sp, state.last)
    cue = (unit.tokens[v].start, unit.tokens[v].end)
    return UnitReading([Item(q.content_start, q.content_end, "direct", who, cue, "", None, "quote_then_unlisted_verb")])


def _colon_subject(doc: Doc, unit: Unit, colon: int, mentions: Mentions) -> object | None:
    """The subject of the clause before the colon at token ``colon``: the first actor mention
    (person, organisation, place; or a pronoun) outside quotations that a finite verb follows
    ("With aides worried, [Tom Reyes] is trying a new line:"; not "[Acme] workers") — None when
    a verb stands before it in its comma segment ("The court told [Tom Reyes] …": an object)."""
    toks, low = unit.tokens, unit.low
    for m in mentions.starting_in(toks[0].start, toks[colon].start):
        etype = entity_type(m)
        if in_quote(unit, m.start) or m.end > toks[colon].start or not (
                etype in _COLON_SPEAKER_TYPES or (mention_kind(m) == "pronoun" and etype in ("", "PERSON", "ORG"))):
            continue
        k = unit.token_at_or_after(m.end)
        if k >= colon or not (low[k] in function_words("finite_aux") or unit.past_verb_at(k) or _tagged_finite(unit, k)):
            continue
        b = unit.token_at_or_after(m.start) - 1
        while b >= 0 and low[b] not in (",", ";", "\u2014", "--"):
            if _tagged_finite(unit, b):
                return None
            b -= 1
        return m
    return None


def _tagged_finite(unit: Unit, k: int) -> bool:
    return unit.tags is not None and unit.tags.token(unit.tokens[k]) in ("VBD", "VBZ", "VBP", "MD")


def quote_after_colon(doc: Doc, unit: Unit, mentions: Mentions, state: ReadState) -> UnitReading | None:
    """A clause whose subject is an actor, a colon, then a quotation to the end of the unit,
    with no cue the lexicon lists: "Tom Reyes was blunt: "It is over."", "The ministry had
    one answer: "No."" — the subject is the speaker (not the previous claim's), the words
    between the subject and the colon the cue."""
    for q in unit.quotes:
        if q.start <= unit.first_nonspace or not q.closed or not _QUOTE_TAIL.fullmatch(doc.text, q.end, unit.end):
            continue
        colon = unit.token_at_or_after(q.start) - 1
        if colon < 2 or unit.low[colon] != ":" or unit.tokens[colon].in_quote or doc.text[unit.tokens[colon].end : q.start].strip():
            return None
        m = _colon_subject(doc, unit, colon, mentions)
        if m is None:
            return None
        who = resolve(Speaker(m.start, m.end, doc.text[m.start : m.end], m), state.last)
        v = unit.token_at_or_after(m.end)
        cue = (unit.tokens[v].start, unit.tokens[colon - 1].end) if v < colon else (-1, -1)
        return UnitReading([Item(q.content_start, q.content_end, "direct", who, cue, "", None, "quote_after_colon")])
    return None


def floating_quote(doc: Doc, unit: Unit, mentions: Mentions, state: ReadState) -> UnitReading | None:
    """A quotation without a cue: ""We start again tomorrow."" after "“The plan is dead,”
    Doe said." — its speaker is the sentence's subject ("He called it a “disgrace.”"), else
    the speaker the previous unit announced, else the previous claim's. A parenthesis alone
    (""(CROSSTALK.)"", a transcript's stage direction) is no claim."""
    q: Quote | None = main_quote(doc, unit)
    if q is None or attribute_markup(doc, q) or stray_straight_mark(doc, q):
        return None
    if _STAGE_DIRECTION.fullmatch(doc.text, q.content_start, q.content_end):
        return UnitReading([])  # "(CROSSTALK.)", "(Laughter)": a transcript's stage direction, no claim
    subj = narrator_subject(doc, unit, mentions, state.last) if q.start > unit.start else None
    who = subj or state.hint or state.last or NOBODY
    item = Item(q.content_start, q.content_end, "direct", who, (-1, -1), "", None, "floating_quote")
    return UnitReading([item], continues=q.continues and subj is None)


#: Words before a headline's colon, at most: a short label ("Pence:", "A lesson from Loretta Lynch:").
_HEADLINE_LABEL_WORDS = 6


def headline_colon(doc: Doc, unit: Unit, mentions: Mentions, state: ReadState) -> UnitReading | None:
    """"Pence: Flowers Won't Be at Debate", "A Lesson From Mara Voss: 'Be Heard'", "Poll: Voters
    Abandon Party": a headline whose short label before a colon names a person or organisation
    (or is a source noun, ``claims_source_labels.txt``) attributes what follows the colon to it —
    headline style for "X says …". Labels naming no one ("The Latest:", "A Curious Plan to
    Fight Climate Change:") make no claim."""
    if unit.zone != "headline":
        return None
    low, toks = unit.low, unit.tokens
    colon = next((k for k in range(min(len(low), _HEADLINE_LABEL_WORDS + 1)) if low[k] == ":"), None)
    if colon is None or colon == 0 or toks[colon].in_quote or colon + 1 >= len(toks):
        return None
    label_end = toks[colon].start
    who = None
    for m in mentions.within(unit.start, label_end):
        if entity_type(m) in ("PERSON", "ORG") and mention_kind(m) != "pronoun":
            who = resolve(Speaker(m.start, m.end, doc.text[m.start : m.end], m), None)
            break
    if who is None and low[colon - 1] in source_labels():
        s = toks[0].start
        who = Who(doc.text[s:label_end], "", "", s, label_end)
    if who is None:
        return None
    cs, ce = trim(doc.text, toks[colon + 1].start, unit.end)
    if ce <= cs:
        return None
    attribution = "mixed" if unit.quotes_overlapping(cs, ce) else "indirect"
    return UnitReading([Item(cs, ce, attribution, who, (toks[colon].start, toks[colon].end), "", None,
                             "headline_colon")])


def _is_byline(doc: Doc, unit: Unit) -> bool:
    """A byline paragraph ("By Jane Doe"): the article's author after a preposition."""
    author = doc.article.author
    t = doc.text[unit.start : unit.end].strip()
    return bool(author) and len(t.split()) <= 8 and author in t and t.split()[0].lower() in ("by", "from")


def narrator(doc: Doc, unit: Unit, mentions: Mentions, state: ReadState) -> UnitReading | None:
    """A headline or body sentence attributed to no one ("The agency cut its forecast.");
    its opening person is the likely speaker of a floating quotation right after it."""
    if unit.zone not in NARRATOR_ZONES or _is_byline(doc, unit):
        return None
    cs, ce = trim(doc.text, unit.start, unit.end)
    item = Item(cs, ce, "narrator", NOBODY, (-1, -1), "", None, "narrator")
    return UnitReading([item], next_hint=narrator_subject(doc, unit, mentions, state.last))
