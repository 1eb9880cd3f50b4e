"""Attribution patterns read at a cue, one function each (the ``cue`` entries of
:data:`analysis.claims.registry.REGISTRY`, tried in that order).

A pattern gets a :class:`CueContext` and returns None when it does not apply (the
next pattern is tried), :data:`NO_CLAIM` when it applies but the cue carries no claim
(no speaker, no content), or a :class:`~analysis.claims.records.Found`.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from analysis.claims.checks import PARTICIPLE_COMMA, after_message_noun, passive_agent_after
from analysis.claims.lexicon import CueEntry, cue_first_words, cue_lexicon, function_words, is_gap, max_cue_len
from analysis.claims.records import Cue, Found, Speaker, trim, lazy
from analysis.claims.clause_subjects import last_semicolon, participle_subject, subject_opening_at, subordinate_subject
from analysis.claims.slots import addressee_end, slot_left, slot_right, tagged_verb
from analysis.claims.speakers import Mentions, entity_type
from analysis.claims.units import (QUOTE_CHARS, Unit, after_quote, clause_end, colon_after_object, coordinated_verb,
                                   fronted_as_comma, fronted_participle_end, medium_infinitive, possessor_end, quoted_as_saying, whole_quote)
from analysis.quotes import Quote
from analysis.tokenise import Doc

@dataclass(frozen=True)
class NoClaim:
    """A pattern applies, but the cue carries no claim (no speaker, no content)."""


NO_CLAIM = NoClaim()


@dataclass
class CueContext:
    """What the patterns read about one cue: its span, the speaker slot before it, the
    quotation before the slot, and the words before and after."""

    doc: Doc
    unit: Unit
    cue: Cue
    mentions: Mentions

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def low(self) -> list[str]:
        return self.unit.low

    @property
    def entry(self) -> CueEntry:
        return self.cue.entry

    @property
    def cstart(self) -> int:
        return self.unit.tokens[self.cue.i].start

    @lazy
    def j(self) -> int:
        """Index after the cue, the addressee of a tell-verb included ("told Newsweek")."""
        return addressee_end(self.unit, self.cue.j) if self.entry.frame == "object" else self.cue.j

    @lazy
    def cue_span(self) -> tuple[int, int]:
        return self.cstart, self.unit.tokens[self.j - 1].end

    @lazy
    def participle(self) -> bool:
        """"…, adding that", "by telling", "… and said", "… and has said", "released a statement
        saying", "took to Twitter to say", "was quoted as saying": the cue shares the clause's
        subject."""
        low, i = self.low, self.cue.i
        prev = low[i - 1] if i > 0 else ""
        return (low[i].endswith("ing") and (prev in PARTICIPLE_COMMA or prev in function_words("preposition")
                                            or after_message_noun(low, i) or prev in function_words("subordinator"))
                or coordinated_verb(self.unit, i) is not None or medium_infinitive(self.unit, i)
                or quoted_as_saying(self.unit, i))

    @lazy
    def left(self) -> Speaker | None:
        if self.participle:
            return None
        return reduced_relative_speaker(self) or slot_left(self.doc, self.unit, self.cue.i, self.mentions)

    @lazy
    def slot_start(self) -> int:
        left = self.left
        return (left.np_start if left.np_start >= 0 else left.start) if left else self.cstart

    @lazy
    def quote_before(self) -> Quote | None:
        return after_quote(self.doc, self.unit, self.slot_start)

    @lazy
    def before_words(self) -> int:
        return self.unit.word_count(self.unit.start, self.slot_start)

    @lazy
    def ends_clause(self) -> bool:
        return clause_end(self.text, self.unit.start, self.slot_start)

    @lazy
    def after_words(self) -> int:
        return self.unit.alnum_after(self.j)

    @property
    def next_word(self) -> str:
        return self.low[self.j] if self.j < len(self.low) else ""

    @property
    def comma_after_cue_clause(self) -> bool:
        """"…, X said, …": the cue clause between commas."""
        return self.next_word == "," and self.ends_clause and self.before_words >= 1

    def found(self, content: tuple[int, int], speaker: Speaker | None, **kw) -> Found:
        return Found(content, self.cue, speaker, cue_span=self.cue_span, **kw)

    def content_before(self) -> tuple[int, int]:
        return trim(self.text, self.unit.start, self.slot_start)


def reduced_relative_speaker(c: CueContext) -> Speaker | None:
    """"footage of [Jane Doe] asking, "…"": an -ing cue right after a name is a reduced relative
    clause of that name — the person or organisation mention ending right before the cue is
    the speaker, also after a preposition (a slot would take it for a complement)."""
    i, toks = c.cue.i, c.unit.tokens
    if i == 0 or not c.low[i].endswith("ing"):
        return None
    end = toks[i - 1].end
    for m in c.mentions.within(toks[max(0, i - 6)].start, end):
        if m.end == end and entity_type(m) in ("PERSON", "ORG"):
            return Speaker(m.start, m.end, c.text[m.start : m.end], m)
    return None


def _bracket_close(low: tuple[str, ...], j: int, k: int) -> int | None:
    """A cue inside an open bracket ("Tom Reyes (who said the plan failed) left"): the index of
    the closing bracket at or after ``k`` that ends its content, or None (no open bracket).
    The bracket opens at most 12 tokens before the cue and closes at most 60 after it: the
    scans stay bounded (linear work in a long unit)."""
    depth = 0
    for x in range(j - 1, max(-1, j - 13), -1):
        if low[x] == ")":
            depth += 1
        elif low[x] == "(":
            if depth == 0:
                break
            depth -= 1
    else:
        return None
    for x in range(k, min(len(low), k + 60)):
        if low[x] == "(":
            depth += 1
        elif low[x] == ")":
            if depth == 0:
                return x
            depth -= 1
    return None


_DASH_MARKS = frozenset({"\u2014", "\u2013", "--"})


def _dash_close(low: tuple[str, ...], j: int, k: int) -> int | None:
    """A cue inside a parenthetical between dashes ("the study -- which notes that costs rise
    -- is late"): the index of the dash at or after ``k`` that closes it, or None. Inside means
    an odd number of dashes in the 12 tokens before the cue; the closing dash is looked for at
    most 60 tokens on (bounded scans, as :func:`_bracket_close`)."""
    if sum(1 for x in range(max(0, j - 13), j) if low[x] in _DASH_MARKS) % 2 == 0:
        return None
    return next((x for x in range(k, min(len(low), k + 60)) if low[x] in _DASH_MARKS), None)


def content_after(doc: Doc, unit: Unit, j: int) -> tuple[int, int] | None:
    """The reported material after the cue: skip ``that`` / ``:`` / ``,``; skip a trailing
    phrase up to *that* ("said in a statement that …") or a quotation ("said later, "…"")."""
    toks, low = unit.tokens, unit.low
    k = j
    if k < len(low) and (low[k] in function_words("prep_tail") or low[k] in function_words("preposition")
                         or is_gap(low[k])):
        for x in range(k, min(len(low), k + 8)):
            if low[x] == "that":
                k = x
                break
            if low[x] == "," and x + 1 < len(low) and toks[x + 1].in_quote:
                k = x + 1
                break
            if not any(ch.isalnum() for ch in low[x]):
                break
    colon = colon_after_object(low, k)
    if colon is not None:
        k = colon  # "scolded him: "…"": the content follows the colon
    while k < len(low) and low[k] in (",", ":", "that", "\u2014", "\u2013", "--"):
        k += 1
    if k >= len(toks):
        return None
    close = _bracket_close(low, j, k)
    if close is None:
        close = _dash_close(low, j, k)
    s, e = trim(doc.text, toks[k].start, toks[close].start if close is not None else unit.end)
    if e - s < 2:
        return None
    return s, e


# --- the patterns, in registry order -------------------------------------------------------------


def according_to(c: CueContext) -> Found | NoClaim | None:
    """A source phrase: "According to Jane Doe, the budget will be cut." (content after),
    "The budget will be cut, according to Jane Doe." (content before), "The budget,
    according to Jane Doe, will be cut by half." (the whole sentence; the phrase a gap)."""
    if c.entry.kind != "source":
        return None
    unit, text, cue = c.unit, c.text, c.cue
    sp = slot_right(c.doc, unit, cue.j, c.mentions)
    if sp is None:
        return NO_CLAIM
    np_end = unit.tokens[unit.source_np_end(cue.j) - 1].end  # the source runs to a comma
    span = (c.cstart, unit.tokens[cue.j - 1].end)
    before = trim(text, unit.start, c.cstart)
    after = trim(text, np_end, unit.end)
    nb, na = unit.word_count(*before), unit.word_count(*after)
    if nb >= 2 and na >= 2:
        return Found(trim(text, unit.start, unit.end), cue, sp, cue_span=span, gap=(c.cstart, np_end))
    if nb >= 2:
        return Found(before, cue, sp, cue_span=span)
    if na >= 1:
        return Found(after, cue, sp, cue_span=span)
    return NO_CLAIM


def passive_agent(c: CueContext) -> Found | NoClaim | None:
    """A passive cue with its agent: "The figure was stated by Jane Doe on Monday." — the
    subject is the content, the agent after "by" the speaker; "It was announced by the
    mayor that the plant would close." — the that-clause is the content."""
    k = passive_agent_after(c.unit, c.cue)
    if k is None:
        return None
    sp = slot_right(c.doc, c.unit, k, c.mentions)
    if sp is None:
        return NO_CLAIM
    after = c.unit.token_at_or_after(sp.end)
    rest = c.low[after:after + 8]
    if "that" in rest:
        content = content_after(c.doc, c.unit, after + rest.index("that"))
    else:
        aux = c.unit.tokens[c.cue.i - 1].start
        content = trim(c.text, c.unit.start, aux)
        if c.unit.word_count(*content) < 1 or c.low[c.unit.token_at_or_after(c.unit.start)] == "it" \
                or (c.entry.frame != "free" and not _agent_ends_clause(c.unit, after)):
            return NO_CLAIM
    if content is None:
        return NO_CLAIM
    return Found(content, c.cue, sp, cue_span=(c.cstart, c.unit.tokens[k - 1].end))


def _agent_ends_clause(unit: Unit, k: int) -> bool:
    """After the agent of a passive strict cue, at most a short time phrase ends the clause
    ("This was stated by Jane Doe in May."); "The man was charged by police with theft"
    goes on with the verb's other sense (a complement, "with", "of", "for")."""
    return unit.alnum_after(k) <= 3 and not (k < len(unit.low) and unit.low[k] in ("with", "of", "for", "to", "as"))


def possessive_noun(c: CueContext) -> Found | NoClaim | None:
    """A cue noun after a possessive, with its that-clause: "Contrary to her claim that the plan
    would "save money," costs rose." — the possessor is the speaker, the clause (to the next
    comma, semicolon or dash outside a quotation) the content."""
    unit, low = c.unit, c.low
    k = possessor_end(unit, c.cue.i)
    if k is None or c.next_word != "that":
        return None
    toks = unit.tokens
    end = len(low)
    for x in range(c.cue.j + 1, len(low)):
        if low[x] in (",", ";", "\u2014", "\u2013", "--"):
            if not toks[x].in_quote:
                end = x
                break
            if x + 1 < len(low) and (low[x + 1] in QUOTE_CHARS or low[x + 1] == "'"):
                end = x + 3 if low[x + 1] == "'" and x + 2 < len(low) and low[x + 2] == "'" else x + 2
                break  # the comma inside the closing mark (or two apostrophes): "would "save money," costs rose"
    if end <= c.cue.j + 1:
        return NO_CLAIM
    content = trim(c.text, toks[c.cue.j + 1].start, toks[min(end, len(low)) - 1].end)
    if unit.word_count(*content) < 2:
        return NO_CLAIM
    return c.found(content, _possessor(c, k))


def _possessor(c: CueContext, k: int) -> Speaker:
    """The speaker of a possessive ending at token ``k``: the mention ending there, or its word."""
    t = c.unit.tokens[k]
    for m in c.mentions.within(c.unit.tokens[max(0, k - 6)].start, t.end):
        if m.end == t.end:
            return Speaker(m.start, m.end, c.text[m.start : m.end], m)
    return Speaker(t.start, t.end, c.text[t.start : t.end], None)


def split_quotation(c: CueContext) -> Found | NoClaim | None:
    """A quotation split by its cue clause: ""We will win," Jane Doe said, "because we are
    ready."" — one direct claim whose content runs from the first piece to the second, the
    cue clause a gap in it (``gap_start``/``gap_end``; the ``quote`` column joins the two
    pieces). The second half is often the substance; as one claim it keeps its speaker."""
    q = c.quote_before
    if q is None or c.unit.first_nonspace < q.start:
        return None
    sp = c.left or slot_right(c.doc, c.unit, c.j, c.mentions)
    if sp is None:
        return None
    q2 = quote_after_comma(c.unit, max(c.cue_span[1], sp.end))
    if q2 is None:
        return None
    return c.found((q.content_start, q2.content_end), sp, direct=True, gap=(q.content_end, q2.content_start))


def quote_after_comma(unit: Unit, pos: int, max_words: int = 8) -> Quote | None:
    """The quotation that opens right after a comma, at most ``max_words`` tokens after
    ``pos`` (the end of a cue clause: "…," she said[, "…"]; "…," said Jane Doe, the
    mayor[, "…"]; "…," she said on Monday[, "…"] — a time or place phrase of words only
    may end the cue clause), or None. Not when another cue word stands between ("…," she
    said, adding later, "…": the second quotation is the later cue's)."""
    x = bisect.bisect_left(unit.quote_starts, pos)
    if x >= len(unit.quotes) or not unit.quotes[x].opened:
        return None
    q = unit.quotes[x]
    k = unit.token_at_or_after(q.start)
    k0 = unit.token_at_or_after(pos)
    if k == 0 or k - k0 > max_words or unit.low[k - 1] != "," \
            or not (unit.low[k0] == "," or all(w[:1].isalnum() for w in unit.low[k0 : k - 1])):
        return None
    if cue_between(unit, k0, k):
        return None
    return q


def cue_between(unit: Unit, a: int, b: int) -> bool:
    """Does a cue form start at one of the tokens ``a…b-1`` ("adding", not the "in" of "in
    Boston", which only opens the longer cue "in the words of")?"""
    low, lex, firsts = unit.low, cue_lexicon(), cue_first_words()
    return any(low[x] in firsts and any(low[x : x + n] in lex for n in range(1, max_cue_len() + 1))
               for x in range(a, b))


def quote_then_cue(c: CueContext) -> Found | NoClaim | None:
    """A quotation opens the unit, the cue follows: ""We will not accept this," Jane Doe
    said." / ""…," said Jane Doe, the finance minister." (direct)."""
    q = c.quote_before
    if q is None or c.unit.first_nonspace < q.start:
        return None
    sp = c.left or slot_right(c.doc, c.unit, c.j, c.mentions)
    if sp is None:
        return NO_CLAIM
    return c.found((q.content_start, q.content_end), sp, direct=True)


def fronted_participle(c: CueContext) -> Found | NoClaim | None:
    """A participle clause opening the sentence: "Decrying the "rigged system," Mara Voss
    walked out." — the cue's object up to the comma is the content; the speaker is the main
    clause's subject right after the comma (:func:`subject_opening_at`), none: no claim."""
    unit = c.unit
    k = fronted_participle_end(unit, c.cue.i, c.cue.j)
    if k is None:
        return None
    sp = subject_opening_at(c.doc, unit, k, c.mentions)
    if sp is None:
        return NO_CLAIM
    return c.found(trim(c.text, unit.tokens[c.cue.j].start, unit.tokens[k - 1].end), sp)


def participle_clause(c: CueContext) -> Found | NoClaim | None:
    """A cue sharing the clause's subject: "Jane Doe left early, adding that the plan was
    dead." / "… and said the plan was dead"; the content follows the cue."""
    if not c.participle:
        return None
    content = content_after(c.doc, c.unit, c.j)
    if content is None:
        return NO_CLAIM
    sub = subordinate_subject(c.doc, c.unit, c.cue.i, c.mentions)
    if sub is not None:  # "… after she attacked X and said …": the subordinate clause's subject
        return c.found(content, sub)
    # after a semicolon the clause has its own subject: "X said A; they learned B and disclosed C"
    shared = last_semicolon(c.unit, c.cue.i) is None
    return c.found(content, participle_subject(c.doc, c.unit, c.cue.i, c.mentions), shared=shared)


def inverted_cue(c: CueContext) -> Found | NoClaim | None:
    """No speaker before the cue: "The plan is dead, said Jane Doe." — content before, the
    speaker after (but "…, said it was "…"": a clause, not a speaker, follows)."""
    if c.left is not None:
        return None
    if not (clause_end(c.text, c.unit.start, c.slot_start) and c.before_words >= 3):
        return NO_CLAIM
    sp = slot_right(c.doc, c.unit, c.j, c.mentions)
    if sp is None:
        return NO_CLAIM
    k = c.unit.token_at_or_after(sp.end)
    if not _speaker_phrase_ends(c.unit, k):
        return NO_CLAIM
    return c.found(c.content_before(), sp)


def _speaker_phrase_ends(unit: Unit, k: int) -> bool:
    """After the speaker of an inverted cue (token ``k`` on): no auxiliary or quotation follows
    ("…, said it was "…"" is a clause, not a speaker) — but a comma and a relative clause or
    appositive that does not open with an auxiliary may ("…, said Jane Doe, who added that …")."""
    low = unit.low
    if k < len(low) and low[k] == ",":
        return k + 1 < len(low) and low[k + 1] not in function_words("finite_aux") and not unit.tokens[k + 1].in_quote
    return not (unit.aux_token_after(k) or unit.quoted_after(k))


def colon_intro(c: CueContext) -> Found | NoClaim | None:
    """"Jane Doe said:" ends the unit: an introduction, the quotation follows in the next
    paragraph (empty content; the reader hands the speaker on)."""
    if c.after_words or c.text[c.cue_span[1] : c.unit.end].strip() != ":":
        return None
    return c.found((c.cue_span[1], c.cue_span[1]), c.left)


def comment_clause(c: CueContext) -> Found | NoClaim | None:
    """A comment clause: "The plan will fail, as officials have said." / "The rule is a
    burden, as one memo put it." — the speaker after "as", the content the clause before the
    comma (a subordinate clause that is an attribution, not one to drop); inside the sentence
    ("The bay, as one adviser noted, rarely floods.") the whole sentence, the clause a gap."""
    left, unit = c.left, c.unit
    if left is None:
        return None
    k = unit.token_at_or_after(c.slot_start)
    b = _boundary_before(c.low, k - 1) if k >= 2 and c.low[k - 1] == "as" else None
    if b is None:
        return None
    nxt = c.next_word
    if nxt == ",":  # "The bay, as one adviser pointed out, rarely floods.": the clause is a gap
        whole = trim(c.text, unit.start, unit.end)
        return c.found(whole, left, gap=(unit.tokens[k - 1].start, c.cue_span[1]))
    if c.after_words and not (nxt == "." or nxt in function_words("prep_tail") or is_gap(nxt)):
        return None
    end = unit.tokens[k - 2].end if b < k - 2 else unit.tokens[b].start  # a closing mark stays
    content = trim(c.text, unit.start, end)
    if unit.word_count(*content) < 2:
        return NO_CLAIM
    return c.found(content, left)


def _boundary_before(low: tuple[str, ...], k: int) -> int | None:
    """Index of the comma or dash that ends the clause before token ``k``: right before it,
    or before the closing quotation mark there (the comma inside the quotation: "The rule
    is "a burden," as one memo put it.")."""
    x = k - 1
    while x >= 0 and k - x <= 2 and (low[x] in QUOTE_CHARS or low[x] == "'"):
        x -= 1
    return x if x >= 0 and low[x] in (",", "\u2014", "\u2013", "--") else None


def fronted_comment_clause(c: CueContext) -> Found | NoClaim | None:
    """A comment clause opening the sentence: "As the mayor put it in a letter, the bridge is
    "too old to save."" — the speaker in the clause, the content the clause after its comma
    (one whole quotation there: direct)."""
    if c.left is None:
        return None
    k = fronted_as_comma(c.unit, c.cue.i, c.j)
    if k is None:
        return None
    content = trim(c.text, c.unit.tokens[k].end, c.unit.end)
    if c.unit.word_count(*content) < 2:
        return NO_CLAIM
    q = whole_quote(c.doc, c.unit, content)
    if q is not None:
        return c.found((q.content_start, q.content_end), c.left, direct=True)
    return c.found(content, c.left)


def content_then_cue(c: CueContext) -> Found | NoClaim | None:
    """The cue ends the unit: "The plan is dead, Jane Doe said." — content before, ending
    in a clause boundary or a quotation."""
    if c.after_words:
        return None
    if c.before_words < 2 or not (c.ends_clause or c.quote_before is not None):
        return NO_CLAIM
    return c.found(c.content_before(), c.left)


def quote_after_cue_clause(c: CueContext) -> Found | NoClaim | None:
    """A cue clause between commas before a quotation: "As the phone rang, Jane Doe said,
    "We will not accept this."" — the quotation is the content (direct)."""
    if not c.comma_after_cue_clause:
        return None
    after = content_after(c.doc, c.unit, c.j)
    q = whole_quote(c.doc, c.unit, after) if after is not None else None
    if q is None:
        return None
    return c.found((q.content_start, q.content_end), c.left, direct=True)


def speaker_participle(c: CueContext) -> Found | NoClaim | None:
    """"The plan is dead, the officials said, speaking on condition of anonymity.": a
    participle clause about the speakers, not what they said — the content is before."""
    if not c.comma_after_cue_clause:
        return None
    j, low = c.j, c.low
    if not (j + 1 < len(low) and low[j + 1].endswith("ing") and c.text[c.unit.tokens[j + 1].start].islower()):
        return None
    return c.found(c.content_before(), c.left)


def parenthetical(c: CueContext) -> Found | NoClaim | None:
    """"The plan, Jane Doe said, is dead.": the whole sentence is the content, the cue
    clause a gap in it (``gap_start``/``gap_end``); a time, place or medium phrase may end
    the cue clause ("The plan, Jane Doe said on Monday, is dead.", :func:`phrase_comma`)."""
    if c.comma_after_cue_clause:
        return c.found(trim(c.text, c.unit.start, c.unit.end), c.left, gap=(c.slot_start, c.cue_span[1]))
    k = phrase_comma(c)
    if k is None:
        return None
    return c.found(trim(c.text, c.unit.start, c.unit.end), c.left, gap=(c.slot_start, c.unit.tokens[k].start))


#: Words a phrase after a parenthetical cue may hold before its comma ("said in a letter to the council,").
_PHRASE_WORDS = 8


def phrase_comma(c: CueContext) -> int | None:
    """Index of the comma that closes a parenthetical cue clause ending in a phrase of time,
    place or medium ("The plan, Jane Doe said [on Monday], is dead"; "…, she wrote [in a
    letter to the council], is …"): a speaker between commas, the phrase opened by a
    preposition or a time word, at most eight words without a quotation or a finite verb,
    and after the comma the sentence goes on with a lower-case word — not a participle
    ("…, adding"), a coordinator ("…, but"), a relative pronoun or a quotation."""
    if c.left is None or not (c.ends_clause and c.before_words >= 1):
        return None
    low, toks, j = c.low, c.unit.tokens, c.j
    if j >= len(low) or not (low[j] in function_words("prep_tail") or is_gap(low[j])) or low[j] == "that":
        return None
    for k in range(j + 1, min(len(low) - 1, j + _PHRASE_WORDS + 1)):
        w = low[k]
        if w == ",":
            nxt = c.text[toks[k + 1].start : toks[k + 1].end]
            return k if (nxt.isalpha() and nxt.islower() and not nxt.endswith("ing")
                         and nxt not in function_words("coordinator") and nxt not in function_words("relative")
                         and not toks[k + 1].in_quote) else None
        if toks[k].in_quote or not (w[:1].isalnum() or w in ("'s", "\u2019s", "-", ".")) or w == "that" \
                or tagged_verb(c.unit, k):
            return None
    return None


def content_then_cue_phrase(c: CueContext) -> Found | NoClaim | None:
    """"The plan is dead, Jane Doe said in a statement." — a trailing phrase (no *that*
    after it) follows the cue; the content is before."""
    nxt = c.next_word
    if not (c.ends_clause and c.before_words >= 4 and (nxt in function_words("prep_tail") or is_gap(nxt))
            and "that" not in c.low[c.j : c.j + 10]) or _infinitive_after(c):
        return None
    return c.found(c.content_before(), c.left)


def _infinitive_after(c: CueContext) -> bool:
    """"…, Mara Voss could threaten [to liquidate] the firm", "who has pledged [to ban] …": "to"
    and a verb after the cue is its complement (what is threatened or pledged), no trailing
    phrase like "said [to reporters]"."""
    j, low, unit = c.j, c.low, c.unit
    return j + 1 < len(low) and low[j] == "to" and unit.tags is not None \
        and unit.tags.token(unit.tokens[j + 1]) == "VB"


def cue_then_content(c: CueContext) -> Found | NoClaim | None:
    """The content follows the cue: "Jane Doe said (that) the plan was dead." (indirect or
    mixed); "Jane Doe said: "The plan is dead."" (one whole quotation, maybe before a comma
    and a subordinate clause: direct)."""
    content = content_after(c.doc, c.unit, c.j)
    if content is None:
        return NO_CLAIM
    q = whole_quote(c.doc, c.unit, content) or quote_then_subordinate(c.unit, content)
    if q is None and c.entry.frame in ("complement", "quote"):
        q = c.unit.quote_starting_at(content[0])  # "which critics called "a giveaway," passed": the complement
    if q is not None:
        return c.found((q.content_start, q.content_end), c.left, direct=True)
    return c.found(content, c.left)


def quote_then_subordinate(unit: Unit, span: tuple[int, int]) -> Quote | None:
    """The quotation opening ``span`` when a comma and a subordinate clause follow it: "X said,
    "We will win," when the vote was called." — the clause after the comma is the narrator's
    circumstance, the quotation alone what was said."""
    q = unit.quote_starting_at(span[0])
    if q is None or q.end >= span[1]:
        return None
    k = unit.token_at_or_after(q.end)
    low = unit.low
    if k < len(low) and low[k] == ",":
        k += 1
    elif not unit.text[q.start : q.end].rstrip("\"\u201d'\u2019 ").endswith(","):
        return None  # no comma: "said "we will win" when the time comes" is all quoted speech
    return q if k < len(low) and low[k] in function_words("subordinator") else None
