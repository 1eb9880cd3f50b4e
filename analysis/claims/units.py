"""Units of reading and the cues in them.

A *unit* is a sentence of a claim zone (headline, body, caption), merged with the
following sentences a quotation runs into, so a multi-sentence quotation is one unit:
``"We will not accept this. Not now," Jane Doe said.`` is one unit of two sentences.
Each unit carries indexes computed once (token offsets, suffix flags, word runs), so a
question a cue asks of its unit costs O(log n): reading stays linear in the article even
for a paragraph of 100,000 characters without a full stop (one unit, thousands of cues).
"""
from __future__ import annotations

import bisect
import functools
import operator
import re
from dataclasses import dataclass, field

import numpy as np

from analysis.claims.lexicon import cue_first_words, cue_lexicon, function_words, is_gap, max_cue_len, message_nouns, \
    pronouns
from analysis.claims.records import CLAIM_ZONES, Cue, lazy
from analysis import postag
from analysis.quotes import Quote
from analysis.tokenise import Doc, Token

#: A dateline opening a story's first paragraph: "WASHINGTON (AP) — ", "AUSTIN, Texas — ",
#: "SÃO PAULO — " (a word in capitals, maybe a state or region and an agency, then a dash).
DATELINE = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ.'\-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ.'\-]+)*(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?"
                      r"(?: \([A-Za-z]+\))? ?(?:\u2014|\u2013|--| - ) ?")
#: A clause boundary at the end of the text before a speaker: a comma or dash, maybe
#: followed by closing quotation marks ("…," said X / "…,'' said X); read by :func:`clause_end`.
CLAUSE_END = re.compile(r"[,\u2014\u2013][\"\u201d\u00bb'\u2019]*\s*$")
_CLAUSE_END_QUOTES = frozenset("\"\u201d\u00bb'\u2019")
DASH_CHARS = frozenset("\u2014\u2013\u2015-")
QUOTE_CHARS = frozenset('"\u201c\u201d\u00ab\u00bb\u201e')
_QUOTE_CHARS = QUOTE_CHARS
_NONSPACE = re.compile(r"\S+")
#: What may stand between a quotation and its cue ("…," said X / "…" — X said).
_QUOTE_CUE_GAP = re.compile(r"[\s,\u2014\u2013-]*")
_DATELINE = DATELINE


@dataclass(frozen=True)
class TokenFlags:
    """Prefix counts and nearest-stop indexes over the article's tokens, computed once in
    one pass: what the cue rules ask of the words before or after a cue."""

    alnum: list[int]  # alnum[k]: alphanumeric tokens among tokens[:k]
    aux_alnum: list[int]  # … that are auxiliaries or modals ("would", "is")
    aux_any: list[int]  # tokens that are auxiliaries
    quoted: list[int]  # tokens inside quotations
    past: list[int]  # likely past-tense verbs (:func:`looks_past_verb`)
    comma_or_quote: list[int]  # [k]: the last index < k with a comma or a quoted token, -1
    comma_or_mark: list[int]  # … or a quotation mark
    source_stop: list[int]  # [k]: the first index >= k with , ; : a mark or a quoted token
    cue_starts: list[int]  # indexes of the tokens outside quotations that may start a cue


_ALNUM = re.compile(r"[^\W_]")  # a character str.isalnum() accepts
# word class bits of :func:`_word_classes`
_IN_QUOTE = operator.attrgetter("in_quote")
_ALNUM_BIT, _AUX_BIT, _COMMA_BIT, _MARK_BIT, _SRC_BIT, _ED_BIT, _CUE_BIT = 1, 2, 4, 8, 16, 32, 64
_SRC_WORDS = frozenset({",", ";", ":"})


def _word_classes(words: dict[str, int]) -> dict[str, int]:
    """Class bits of each distinct lower-cased word (:data:`_ALNUM_BIT` …): the article's
    vocabulary, not its tokens, is classified; the closed classes by set intersection."""
    for w in words:
        if w[:1].isalnum() or _ALNUM.search(w) is not None:
            words[w] = _ALNUM_BIT
    for w in words.keys() & function_words("finite_aux"):
        words[w] |= _AUX_BIT
    for w in words.keys() & QUOTE_CHARS:
        words[w] |= _MARK_BIT
    for w in words.keys() & cue_first_words():
        words[w] |= _CUE_BIT
    for w in words.keys() & _SRC_WORDS:
        words[w] |= _SRC_BIT | (_COMMA_BIT if w == "," else 0)
    for w in words:
        if len(w) > 4 and w.endswith("ed"):
            words[w] |= _ED_BIT
    return words


def token_flags(doc: Doc) -> TokenFlags:
    """One pass over the article's tokens: each token's word classes as bits of its distinct
    word (numpy), then prefix sums and nearest stops (cumulative sums, running max/min)."""
    norms, toks, text = doc.norms, doc.tokens, doc.text
    n = len(toks)
    word_bits = _word_classes(dict.fromkeys(norms, 0))
    bits = np.fromiter(map(word_bits.__getitem__, norms), dtype=np.uint8, count=n)
    quoted = np.fromiter(map(_IN_QUOTE, toks), dtype=bool, count=n)
    an = (bits & _ALNUM_BIT) != 0
    is_aux = (bits & _AUX_BIT) != 0
    # a past-tense look needs a lower-case "…ed" of five letters or more (lower() never shortens)
    past = np.zeros(n, dtype=bool)
    for k in np.flatnonzero(bits & _ED_BIT).tolist():
        past[k] = looks_past_verb(text, toks[k])
    stop = ((bits & _COMMA_BIT) != 0) | quoted
    mark = stop | ((bits & _MARK_BIT) != 0)
    src = ((bits & (_SRC_BIT | _MARK_BIT)) != 0) | quoted
    idx = np.arange(n)

    def prefix(flags: np.ndarray) -> list[int]:
        return [0, *np.cumsum(flags, dtype=np.int64).tolist()]

    def last_before(flags: np.ndarray) -> list[int]:
        return [-1, *np.maximum.accumulate(np.where(flags, idx, -1)).tolist()] if n else [-1]

    first_from = np.minimum.accumulate(np.where(src, idx, n)[::-1])[::-1].tolist() if n else []
    cue_starts = np.flatnonzero(((bits & _CUE_BIT) != 0) & ~quoted).tolist()
    return TokenFlags(prefix(an), prefix(an & is_aux), prefix(is_aux), prefix(quoted), prefix(past),
                      last_before(stop), last_before(mark), [*first_from, n], cue_starts)


@dataclass
class Unit:
    """A sentence, or the sentences a quotation spans, with per-unit indexes computed
    once (token offsets, suffix flags) so that every question a cue asks of its unit
    costs O(log n), not a scan of the unit: a paragraph of 100,000 characters without a
    full stop is one unit with thousands of cues."""

    start: int
    end: int
    sentence_id: int
    paragraph_id: int
    zone: str
    doc: Doc
    first_token: int  # the unit is doc[first_token:last_token]
    last_token: int
    quotes: list[Quote]  # sorted, non-overlapping (see analysis.quotes)

    flags: TokenFlags
    tags: postag.DocTags | None = None  # part-of-speech tags of the article, shared by its units, lazy
    tokens: tuple[Token, ...] = field(init=False)
    low: tuple[str, ...] = field(init=False)  # lower case, curly apostrophes straightened
    starts: list[int] = field(init=False)
    ends: list[int] = field(init=False)
    quote_starts: list[int] = field(init=False)
    quote_ends: list[int] = field(init=False)

    def __post_init__(self):
        a, b, doc = self.first_token, self.last_token, self.doc
        self.tokens = doc.tokens[a:b]
        self.low = doc.norms[a:b]
        self.starts = doc.token_starts[a:b]
        self.ends = doc.token_ends[a:b]
        self.quote_starts = [q.start for q in self.quotes]
        self.quote_ends = [q.end for q in self.quotes]

    @property
    def text(self) -> str:
        return self.doc.text

    def token_at_or_after(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos`` (``len(tokens)`` if none)."""
        return bisect.bisect_left(self.starts, pos)

    def quote_at(self, pos: int) -> Quote | None:
        """The quotation with ``start <= pos < end``, if any."""
        k = bisect.bisect_right(self.quote_starts, pos) - 1
        return self.quotes[k] if k >= 0 and pos < self.quotes[k].end else None

    def quote_starting_at(self, pos: int) -> Quote | None:
        k = bisect.bisect_left(self.quote_starts, pos)
        return self.quotes[k] if k < len(self.quotes) and self.quotes[k].start == pos else None

    def quotes_overlapping(self, s: int, e: int) -> list[Quote]:
        """Quotations with ``start < e`` and ``end > s``, in order."""
        return self.quotes[bisect.bisect_right(self.quote_ends, s) : bisect.bisect_left(self.quote_starts, e)]

    def last_quote_ending_by(self, pos: int) -> Quote | None:
        """The quotation ending last at or before ``pos``."""
        k = bisect.bisect_right(self.quote_ends, pos) - 1
        return self.quotes[k] if k >= 0 else None

    # --- token flags over the article (TokenFlags), read inside the unit --------------

    def alnum_after(self, k: int) -> int:
        """Alphanumeric tokens among the unit's tokens k…."""
        f = self.flags.alnum
        return f[self.last_token] - f[self.first_token + k]

    def aux_word_after(self, k: int) -> bool:
        """Is an auxiliary or modal among the unit's alphanumeric tokens k…?"""
        f = self.flags.aux_alnum
        return f[self.last_token] > f[self.first_token + k]

    def aux_token_after(self, k: int) -> bool:
        f = self.flags.aux_any
        return f[self.last_token] > f[self.first_token + k]

    def quoted_after(self, k: int) -> bool:
        """Is any of the unit's tokens k… inside a quotation?"""
        f = self.flags.quoted
        return f[self.last_token] > f[self.first_token + k]

    def past_verb_at(self, k: int) -> bool:
        f = self.flags.past
        return f[self.first_token + k + 1] > f[self.first_token + k]

    def past_verb_between(self, s: int, e: int) -> bool:
        """Is a token inside ``[s, e)`` a likely past-tense verb (:func:`looks_past_verb`)?"""
        a = bisect.bisect_left(self.starts, s)
        b = bisect.bisect_right(self.ends, e)
        f = self.flags.past
        return b > a and f[self.first_token + b] > f[self.first_token + a]

    def source_np_end(self, k: int) -> int:
        """The first index from k holding ",", ";", ":", a quotation mark or a quoted token
        (``len(tokens)`` if none): where an "according to" phrase ends."""
        return min(self.flags.source_stop[self.first_token + k], self.last_token) - self.first_token

    def comma_or_quote_before(self, j: int) -> int:
        """The last index before j holding a comma or a quoted token (-1 if none)."""
        g = self.flags.comma_or_quote[self.first_token + j]
        return g - self.first_token if g >= self.first_token else -1

    def comma_or_mark_before(self, j: int) -> int:
        """The last index before j holding a comma, a quoted token or a quotation mark."""
        g = self.flags.comma_or_mark[self.first_token + j]
        return g - self.first_token if g >= self.first_token else -1

    @lazy
    def _word_runs(self) -> tuple[list[int], list[int]]:
        runs = [(m.start(), m.end()) for m in _NONSPACE.finditer(self.text, self.start, self.end)]
        return [r[0] for r in runs], [r[1] for r in runs]

    def word_count(self, s: int, e: int) -> int:
        """``len(text[s:e].split())`` for ``unit.start <= s <= e <= unit.end``."""
        if e <= s:
            return 0
        starts, ends = self._word_runs
        return max(0, bisect.bisect_left(starts, e) - bisect.bisect_right(ends, s))

    @lazy
    def _dateline(self) -> re.Match | None:
        return _DATELINE.match(self.text, self.start, self.end)

    def dateline(self, lim: int) -> re.Match | None:
        """``_DATELINE.match(text, unit.start, lim)``: the match over the whole unit is the
        same when it ends by ``lim`` (the pattern has no look-around), none when none."""
        m = self._dateline
        if m is None or m.end() <= lim:
            return m
        return _DATELINE.match(self.text, self.start, lim)

    @lazy
    def first_nonspace(self) -> int:
        m = _NONSPACE.search(self.text, self.start, self.end)
        return m.start() if m else self.end


def looks_past_verb(text: str, t: Token) -> bool:
    """A lower-case word in -ed (a likely past-tense verb: "convicted", "announced")."""
    w = text[t.start : t.end]
    return w[:1].islower() and len(w) > 4 and w.endswith("ed")


def build_units(doc: Doc) -> list[Unit]:
    """Sentences of claim zones, merged where a quotation spans sentences; a dash line
    after a quotation ("…." — Jane Doe) joins it."""
    by_para: dict[int, list] = {}
    for s in doc.sentences:
        if s.zone in CLAIM_ZONES:
            by_para.setdefault(s.paragraph_id, []).append(s)
    ranges = doc.sentence_token_ranges  # a paragraph's sentences hold consecutive tokens
    flags = token_flags(doc)
    tags = postag.DocTags(doc)  # one per call: a sentence is tagged only when a check asks
    quotes = list(doc.quotes)  # sorted and non-overlapping: their ends are sorted too
    q_starts, q_ends = [q.start for q in quotes], [q.end for q in quotes]
    units: list[Unit] = []
    for pid in sorted(by_para):
        sents = by_para[pid]
        k = 0
        while k < len(sents):
            s0, m = sents[k], _last_sentence_of_unit(doc, sents, k, q_starts, q_ends)
            end = sents[m].end
            a, b = ranges[s0.sentence_id][0], ranges[sents[m].sentence_id][1]
            qs = quotes[bisect.bisect_right(q_ends, s0.start) : bisect.bisect_left(q_starts, end)]
            units.append(Unit(s0.start, end, s0.sentence_id, pid, s0.zone, doc, a, b, qs, flags, tags))
            k = m + 1
    return units


def _last_sentence_of_unit(doc: Doc, sents: list, k: int, q_starts: list[int], q_ends: list[int]) -> int:
    """Index of the last sentence of the unit opening with ``sents[k]``: extend while the
    one quotation that may start before the end runs past it, then over dash lines."""
    m, end = k, sents[k].end
    while m + 1 < len(sents):
        x = bisect.bisect_left(q_starts, end) - 1
        if x < 0 or q_ends[x] <= end:
            break
        while m + 1 < len(sents) and sents[m].end < q_ends[x]:
            m += 1
        end = sents[m].end
    # "…." — Jane Doe: a dash line after a quotation belongs to it
    while m + 1 < len(sents) and doc.text[sents[m + 1].start] in DASH_CHARS and doc.text[end - 1] in QUOTE_CHARS:
        m += 1
        end = sents[m].end
    if m + 1 < len(sents) and speaker_line_after_question(doc, sents[m], sents[m + 1]):
        m += 1
    return m


_CLOSING_MARKS = frozenset("\"\u201d\u00bb'\u2019")
#: Tokens after a cue that end a speaker line: the sentence's end, a comma, a time phrase.
_LINE_END = frozenset({".", ",", "!", ";", "\u2014", "\u2013", "--"})


def speaker_line_after_question(doc: Doc, prev, nxt) -> bool:
    """""Will you pledge to stop this?" she asks." — the sentence splitter ends a sentence
    at a question or exclamation mark before a closing quotation mark; a line right after it
    that is only a speaker and a speech cue ("she asks.", "Tom Reyes demanded, pounding the
    desk.", "asked a narrator in the advertisement.") is the quotation's cue clause and
    joins its unit. A cue followed by its own content ("Officials said the vote …") starts
    a new sentence."""
    text, e = doc.text, prev.end
    k = e
    while k > prev.start and text[k - 1] in _CLOSING_MARKS:
        k -= 1
    if k == e or k == prev.start or text[k - 1] not in "?!" or text[e : nxt.start].strip():
        return False
    a, b = doc.sentence_token_ranges[nxt.sentence_id]
    low, toks = doc.norms[a:b], doc.tokens[a:b]
    lex, firsts = cue_lexicon(), cue_first_words()
    for i in range(min(len(low), 8)):
        w = low[i]
        if toks[i].in_quote or not (w[:1].isalnum() or w in (".", "'s")):
            return False  # punctuation or a quotation before any cue: not a speaker line
        if w not in firsts:
            continue
        for L in range(min(max_cue_len(), len(low) - i), 0, -1):
            entry = lex.get(tuple(low[i : i + L]))
            if entry is not None and entry.kind == "speech":
                after = low[i + L] if i + L < len(low) else "."
                return i == 0 or after in _LINE_END or is_gap(after) or after in function_words("prep_tail")
    return False


def find_cues(unit: Unit) -> list[Cue]:
    """Cue forms outside quotations, longest first at each token, left to right
    ("according to" before "to"); only the tokens that may start a cue
    (:attr:`TokenFlags.cue_starts`) are tried."""
    lex = cue_lexicon()
    low = unit.low
    out: list[Cue] = []
    a, n = unit.first_token, len(low)
    starts = unit.flags.cue_starts
    i = 0
    for s in starts[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, unit.last_token)]:
        if s - a < i:
            continue  # inside the cue found before
        i = s - a
        for L in range(min(max_cue_len(), n - i), 0, -1):
            form = low[i : i + L]
            if form in lex and not any(unit.tokens[x].in_quote for x in range(i, i + L)):
                cue = Cue(i, i + L, lex[form])
                out.append(cue)
                i = cue.j
                break
    return out


def coordinated_verb(unit: Unit, i: int) -> int | None:
    """Index of the coordinator if the cue at token ``i`` is the second verb of a coordinated verb phrase: a
    coordinator before it, maybe with up to three auxiliaries or adverbs between ("X attacked
    the rule, and has called for …", "… but has said …", "… and almost immediately disclosed
    …") — the cue shares the clause's subject; else None."""
    low = unit.low
    k = i - 1
    while k >= 0 and i - k <= 3 and (low[k] in function_words("finite_aux") or is_gap(low[k])) \
            and low[k] not in function_words("coordinator"):
        k -= 1
    return k if k >= 0 and low[k] in function_words("coordinator") and not unit.tokens[k].in_quote else None


def clause_end(text: str, s: int, e: int) -> bool:
    """Does ``text[s:e]`` end in a clause boundary (:data:`CLAUSE_END`), read from the end?"""
    k = e
    while k > s and text[k - 1].isspace():
        k -= 1
    while k > s and text[k - 1] in _CLAUSE_END_QUOTES:
        k -= 1
    return k > s and text[k - 1] in ",\u2014\u2013"


def in_quote(unit: Unit, pos: int) -> bool:
    return unit.quote_at(pos) is not None


def after_quote(doc: Doc, unit: Unit, pos: int) -> Quote | None:
    """The quotation ending right before ``pos`` (only commas, dashes, space between:
    ``"We will," [said] Jane Doe``). Only the last quotation ending by ``pos`` can be it:
    an earlier one has that quotation's marks between."""
    q = unit.last_quote_ending_by(pos)
    return q if q is not None and _QUOTE_CUE_GAP.fullmatch(doc.text, q.end, pos) else None


def whole_quote(doc: Doc, unit: Unit, span: tuple[int, int]) -> Quote | None:
    """The quotation that makes up the whole of ``span`` (after ``said:``), if any."""
    s, e = span
    q = unit.quote_starting_at(s)
    if q is not None and q.end >= e - 1 and doc.text[q.end : e].strip(" .,") == "":
        return q
    return None


def main_quote(doc: Doc, unit: Unit) -> Quote | None:
    """The quotation that carries a unit without a cue (a floating quote): it opens
    the unit, or covers most of its text."""
    body = -1
    for q in unit.quotes:
        if q.start < unit.start:
            continue
        if body < 0:
            body = len(doc.text[unit.start : unit.end].strip())
        if unit.first_nonspace >= q.start or (q.end - q.start) >= 0.6 * body:
            return q
    return None


def colon_after_object(low: list[str], k: int) -> int | None:
    """Index of a colon after a short object of one to three words at ``k`` ("scolded
    him:", "told the crowd:"), or None."""
    for x in range(k, min(len(low), k + 4)):
        if low[x] == ":":
            return x if x > k else None
        if not any(ch.isalnum() for ch in low[x]):
            return None
    return None


def fronted_as_comma(unit: Unit, i: int, j: int) -> int | None:
    """Index of the comma that closes a fronted comment clause around the cue at tokens
    ``[i, j)`` ("As the mayor put it in May, the bridge is old."), or None: the unit opens
    with "as", a short subject (no comma, no quotation) stands before the cue, and after the
    cue at most a phrase opened by a preposition or a time word leads to the comma. An object
    after the cue ("As she announced her run, …") or an addressee or venue ("As he spoke to
    reporters, …", "As she testified before the panel, …") makes a clause of time instead."""
    low = unit.low
    if not low or low[0] != "as" or not 2 <= i <= 8 or j >= len(low):
        return None
    if any(low[x] in (",", ";", ":") or unit.tokens[x].in_quote for x in range(1, i)):
        return None
    nxt = low[j]
    if nxt in ("to", "before") or not (nxt == "," or nxt in function_words("prep_tail") or is_gap(nxt)):
        return None
    for x in range(j, min(len(low), j + 14)):
        if low[x] == ",":
            return x
        if unit.tokens[x].in_quote or low[x] in (";", ":") or low[x] in QUOTE_CHARS:
            return None
    return None


#: Tokens a fronted participle clause may span after its cue, up to its comma.
_FRONTED_PARTICIPLE_REACH = 25


def fronted_participle_end(unit: Unit, i: int, j: int) -> int | None:
    """Index after the comma that closes a participle clause opening the sentence with the
    cue at tokens ``[i, j)`` and its object ("Decrying the \u201crigged system,\u201d Mara Voss
    walked out"): the closing quotation mark after a comma inside it is passed over. None
    if the cue is no -ing form opening the unit, no object follows it (a preposition:
    "Speaking at a rally, …", "Responding to critics, …"), or no comma comes within reach
    before a semicolon, a colon or the unit's end. The clause's subject is the main clause's."""
    low, toks = unit.low, unit.tokens
    if i != 0 or not low[0].endswith("ing") or j >= len(low) - 2:
        return None
    nxt = low[j]
    if nxt in function_words("preposition") or nxt in function_words("prep_tail") or nxt in (",", ";", ":", "."):
        return None
    for x in range(j + 1, min(len(low) - 1, j + _FRONTED_PARTICIPLE_REACH)):
        if low[x] in (";", ":"):
            return None
        if low[x] == ",":
            k = x + 1
            while toks[x].in_quote and k < len(low) - 1 and (low[k] in QUOTE_CHARS or low[k] in ("'", "''")):
                k += 1  # "Decrying the \u201crigged system,\u201d Voss …": the mark closes the quotation
            return k
    return None


def medium_infinitive(unit: Unit, i: int) -> bool:
    """Is the cue at token ``i`` an infinitive of purpose after a medium, sharing the clause's
    subject: after a noun of a message ("gave a speech to [call] for calm", "issued a
    statement Friday to [deny] it"), or after taking to a medium ("took to Twitter
    overnight to [accuse] her of …")? Other infinitives ("met to [discuss]", "wants to
    [say]") are no cue."""
    low, toks = unit.low, unit.tokens
    if i < 2 or low[i - 1] != "to":
        return False
    only_gaps = True  # only time words so far between the word and "to"
    for k in range(i - 2, max(-1, i - 8), -1):
        w = low[k]
        if toks[k].in_quote or not w[:1].isalnum():
            return False
        if w in message_nouns() and only_gaps:
            return True
        if w == "to":
            return k >= 1 and low[k - 1] in function_words("take_forms")
        only_gaps = only_gaps and is_gap(w)
    return False


def quoted_as_saying(unit: Unit, i: int) -> bool:
    """"Jane Doe was quoted as [saying] …", "was cited as [saying] …": an -ing cue after a
    verb of quoting and "as" reports the words of the clause's subject."""
    low = unit.low
    return i >= 2 and low[i].endswith("ing") and low[i - 1] == "as" and low[i - 2] in function_words("quoted_as")


def possessor_end(unit: Unit, i: int) -> int | None:
    """Index of the possessor's last token before the cue word at ``i`` read as a noun: a
    possessive determiner ("[her] claim") or the word before a possessive marker ("Jane
    [Doe]'s warning", "the [ministers]' pledge"), maybe with one adjective between ("[his]
    repeated claim"); None if no possessive stands there."""
    low = unit.low
    if i >= 2 and (low[i - 2] in function_words("possessive") or low[i - 2] in ("'s", "s'", "'")) \
            and unit.tags is not None and unit.tags.token(unit.tokens[i - 1]) in ("JJ", "JJR", "JJS", "VBN"):
        i -= 1  # one adjective between: "his [repeated] claim that …"
    if i >= 1 and low[i - 1] in function_words("possessive"):
        return i - 1
    if i >= 2 and low[i - 1] in ("'s", "s'", "'") and low[i - 2][:1].isalnum() \
            and low[i - 2] not in function_words("contracting_subject"):  # "she's claiming": a verb
        return i - 2
    return None


#: Tokens searched after a participle modifier for the finite speech verb of its subject.
_MODIFIER_REACH = 10


def participle_modifier(doc: Doc, unit: Unit, i: int) -> bool:
    """Is the -ed cue word at token ``i`` a past participle modifying the noun before it, the
    finite speech verb coming later ("A person [briefed] on the talks said …", "an official
    [informed] about the plan told …")? The word before is a lower-case noun (no pronoun,
    auxiliary, determiner or time word: "he briefed", "was briefed"), a preposition follows
    ("briefed on", not "briefed reporters"), and a speech cue form stands within a few words
    after, before any punctuation or quotation."""
    low, toks = unit.low, unit.tokens
    if i < 1 or i + 1 >= len(low) or not low[i].endswith("ed") or low[i + 1] not in _MODIFIER_PREPOSITIONS:
        return False
    prev = low[i - 1]
    if not prev.isalpha() or not doc.text[toks[i - 1].start].islower() or prev in _not_a_noun_before() \
            or is_gap(prev) or toks[i - 1].in_quote:
        return False
    lex, firsts = cue_lexicon(), cue_first_words()
    for k in range(i + 2, min(len(low), i + 2 + _MODIFIER_REACH)):
        w = low[k]
        if toks[k].in_quote or not (w[:1].isalnum() or w in ("'s", "\u2019s")):
            return False
        if w in firsts and not w.endswith("ing") and any(
                (entry := lex.get(tuple(low[k : k + n]))) is not None and entry.kind == "speech"
                for n in range(1, max_cue_len() + 1)):
            return True
    return False


#: Prepositions that open the complement of a modifying participle ("briefed [on] the talks").
_MODIFIER_PREPOSITIONS = frozenset({"on", "about", "by", "with", "in", "of", "to"})


@functools.lru_cache(maxsize=None)
def _not_a_noun_before() -> frozenset[str]:
    """Words before a participle that show it is a verb, not a modifier of a noun."""
    return pronouns() | function_words("finite_aux") | function_words("passive_aux") | function_words("determiner") \
        | function_words("relative") | function_words("coordinator")
