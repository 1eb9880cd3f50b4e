"""Sentences and word tokens with exact character offsets.

Stage 2 of the pipeline: *Article → Doc*.

* Sentences: NLTK's Punkt algorithm (:class:`nltk.tokenize.PunktSentenceTokenizer`)
  built from a project-owned abbreviation list (``data/lexicons/abbreviations_en.txt``),
  run paragraph by paragraph so that a sentence never crosses a paragraph.  No
  pretrained Punkt model (nltk_data) is needed.
* Tokens: NLTK's :class:`nltk.tokenize.RegexpTokenizer` ``span_tokenize`` over each
  sentence, with a pattern that keeps acronyms ("U.S."), numbers ("1,000.5"),
  hyphenated words and splits clitics ("NATO" + "'s", "do" + "n't").

Invariant: for every sentence and token, ``article.text[start:end]`` is its text.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import repeat
from typing import NamedTuple

from nltk.stem.porter import PorterStemmer
from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

from analysis import lexicons
from analysis.article import Article
from analysis.quotes import Quote, find_quotes

TOKEN_PATTERN: str = r"""(?x)
    (?:[^\W\d_]\.){2,}(?![^\W\d_])          # acronyms with periods: U.S., U.K., e.g.
  | \d+(?:[.,:]\d+)*(?:%|(?:st|nd|rd|th)\b)?  # numbers: 2022, 1,000.5, 20th, 5%
  | [^\W_]+(?=n['\u2019]t\b)                # "do" of "don't"
  | n['\u2019]t\b                            # "n't"
  | ['\u2019](?:s|S|re|ve|ll|d|m|D|M)\b      # clitics: 's 're 've 'll 'd 'm
  | [^\W_]+(?:[-\u2010\u2011][^\W_]+)*(?:['\u2019][^\W\d_]++(?<!['\u2019][sSdDm])(?<!['\u2019]re)(?<!['\u2019]ve)(?<!['\u2019]ll))*  # words, hyphenated, O'Brien (the letters after the apostrophe taken whole: "we're" is no "we'r" + "e")
  | \.{2,}|\u2026                           # ellipsis
  | --+                                     # dashes written as hyphens
  | \S[\ufe0e\ufe0f\u200d\u20e3\U0001F3FB-\U0001F3FF]*     # any other character, with emoji modifiers
"""


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``text[start:end]``, inside paragraph ``paragraph_id``."""

    sentence_id: int
    paragraph_id: int
    zone: str
    start: int
    end: int


class Token(NamedTuple):
    """A word or punctuation token: ``text[start:end]``.  (A named tuple: immutable, and
    about four times cheaper to build than a frozen dataclass, which matters at one object
    per token of every article.)"""

    token_id: int
    sentence_id: int
    start: int
    end: int
    in_quote: bool


@dataclass(frozen=True)
class Doc:
    """An analysed article: sentences, tokens and quotations over one text."""

    article: Article
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    quotes: tuple[Quote, ...]

    @cached_property
    def text(self) -> str:
        """The article text (stored on first read: every stage reads it, often per token, and an
        attribute read costs a fraction of a property call)."""
        return self.article.text

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Start offsets of the sentences, in order (computed once per Doc)."""
        return [s.start for s in self.sentences]

    @cached_property
    def token_starts(self) -> list[int]:
        """Start offsets of the tokens, in order (computed once per Doc)."""
        return [t.start for t in self.tokens]

    def sentence_index_at(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (or the last one starting before it)."""
        k = bisect.bisect_right(self.sentence_starts, offset) - 1
        return k if k > 0 else 0

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing ``offset``."""
        return self.sentences[self.sentence_index_at(offset)]

    def token_text(self, tok: Token) -> str:
        return self.article.text[tok.start : tok.end]

    @cached_property
    def token_texts(self) -> tuple[str, ...]:
        """The token texts, in order ("NATO", "'s", …), sliced once per Doc."""
        # text[start:end] per token, sliced in C: map over the offsets, not a loop over tokens
        return tuple(map(self.article.text.__getitem__, map(slice, self.token_starts, self.token_ends)))

    # --- token index (what spaCy's Doc offers), computed once per article ----------------

    @cached_property
    def token_ends(self) -> list[int]:
        """End offsets of the tokens, in order."""
        return [t.end for t in self.tokens]

    @cached_property
    def lowers(self) -> tuple[str, ...]:
        """Lower-cased token texts ("NATO" → "nato")."""
        return tuple(map(str.lower, self.token_texts))

    @cached_property
    def norms(self) -> tuple[str, ...]:
        """Lower-cased token texts with the curly apostrophe straightened ("’s" → "'s"): the
        lower-cased texts themselves when the article has no curly apostrophe."""
        if "\u2019" not in self.article.text:
            return self.lowers
        return tuple([w.replace("\u2019", "'") for w in self.lowers])

    @cached_property
    def sentence_token_ranges(self) -> tuple[tuple[int, int], ...]:
        """Per sentence, the token index range ``(i, j)``: ``doc[i:j]`` is the sentence (a
        sentence without tokens: an empty range where it stands).  Tokens come in sentence
        order, so each range is found by bisection (the same ranges as
        :func:`sentence_token_ranges_plain`, which handles any order)."""
        sids = [t.sentence_id for t in self.tokens]
        if sids != sorted(sids):
            return sentence_token_ranges_plain(self)
        lo, hi = bisect.bisect_left, bisect.bisect_right
        return tuple((lo(sids, k), hi(sids, k)) for k in range(len(self.sentences)))

    def token_index_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset`` (``len(tokens)`` if none)."""
        return bisect.bisect_left(self.token_starts, offset)

    def span(self, i: int, j: int) -> "Span":
        """Tokens ``i`` … ``j - 1`` as a :class:`Span`."""
        n = len(self.tokens)
        i, j = max(0, min(i, n)), max(0, min(j, n))
        return Span(self, i, max(i, j))

    def char_span(self, start: int, end: int) -> "Span":
        """The tokens lying inside the character range ``[start, end)``."""
        return self.span(self.token_index_at(start), bisect.bisect_right(self.token_ends, end))

    def __getitem__(self, key):
        """``doc[k]`` is a :class:`Token`, ``doc[i:j]`` a :class:`Span` (as in spaCy)."""
        if isinstance(key, slice):
            if key.step not in (None, 1):
                raise ValueError("a span takes consecutive tokens")
            i, j, _ = key.indices(len(self.tokens))
            return self.span(i, j)
        return self.tokens[key]

    @property
    def sents(self) -> tuple["Span", ...]:
        """The sentences as spans of tokens."""
        return tuple(Span(self, a, b) for a, b in self.sentence_token_ranges)

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def quote_at(self, offset: int) -> Quote | None:
        """The quotation (marks included) containing ``offset``, if any."""
        k = bisect.bisect_right(self._quote_starts, offset) - 1
        return self.quotes[k] if k >= 0 and offset < self.quotes[k].end else None


def sentence_token_ranges_plain(doc: Doc) -> tuple[tuple[int, int], ...]:
    """:attr:`Doc.sentence_token_ranges` by one walk over the tokens, in whatever order."""
    ranges = [[0, 0] for _ in doc.sentences]
    seen: set[int] = set()
    for k, t in enumerate(doc.tokens):
        if t.sentence_id not in seen:
            seen.add(t.sentence_id)
            ranges[t.sentence_id][0] = k
        ranges[t.sentence_id][1] = k + 1
    last = 0
    for r in ranges:  # a sentence without tokens: an empty range where it stands
        if r[1] == 0 and r[0] == 0:
            r[0] = r[1] = last
        last = r[1]
    return tuple((a, b) for a, b in ranges)


def _unwrapped(pattern):
    """The compiled ``regex`` pattern inside NLTK's ReDoS guard (``nltk.redos.TimedPattern``).

    NLTK 3.10 runs each of its own regex calls through a wrapper that passes a timeout to
    the engine and re-raises; for Punkt's fixed, linear patterns that wrapper costs more
    than the matching.  The same compiled pattern called directly gives the same matches
    (older NLTK versions hold the compiled pattern itself: returned as it is)."""
    return getattr(pattern, "_rx", pattern)


class _PunktVars(PunktLanguageVars):
    """NLTK's English Punkt language variables, its patterns called without the wrapper."""

    re_boundary_realignment = _unwrapped(PunktLanguageVars.re_boundary_realignment)

    def _word_tokenizer_re(self):
        return _unwrapped(super()._word_tokenizer_re())

    def period_context_re(self):
        return _unwrapped(super().period_context_re())


class _PunktToken(PunktToken):
    """NLTK's Punkt token, its property patterns called without the wrapper."""

    __slots__ = ()
    _RE_ELLIPSIS = _unwrapped(PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = _unwrapped(PunktToken._RE_NUMERIC)
    _RE_INITIAL = _unwrapped(PunktToken._RE_INITIAL)
    _RE_ALPHA = _unwrapped(PunktToken._RE_ALPHA)


class _CachedPunkt(PunktSentenceTokenizer):
    """Punkt with a memo of its break decision.

    Punkt decides each candidate break ("Mr. Obama", "said. The") from the few words
    around it alone (:meth:`text_contains_sentbreak` on that context string): with no
    trained model, nothing else enters the decision.  The decision is therefore a pure
    function of the context string and is memoised (bounded, thread-safe ``lru_cache``);
    names like "Mr. Smith" recur in every article about Mr. Smith.  ``tests/test_tokenise.py``
    checks on random text that the spans equal plain NLTK Punkt's."""

    def __init__(self, params: PunktParameters):
        super().__init__(lang_vars=_PunktVars(), token_cls=_PunktToken)
        self._params = params
        self.text_contains_sentbreak = lru_cache(maxsize=16384)(super().text_contains_sentbreak)


def punkt_parameters() -> PunktParameters:
    """Punkt parameters holding the project's abbreviation list (and nothing learnt)."""
    params = PunktParameters()
    params.abbrev_types = set(lexicons.abbreviations())
    return params


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """A Punkt tokenizer whose parameters hold the project's abbreviation list (see
    :class:`_CachedPunkt`: same spans as ``PunktSentenceTokenizer(punkt_parameters())``)."""
    return _CachedPunkt(punkt_parameters())


@lru_cache(maxsize=1)
def word_tokenizer() -> RegexpTokenizer:
    """NLTK's regexp tokenizer with :data:`TOKEN_PATTERN`."""
    return RegexpTokenizer(TOKEN_PATTERN)


#: A fast path tried before :data:`TOKEN_PATTERN`'s alternatives: two or more letters,
#: the whole run of word characters, not followed by an apostrophe or hyphen ("troops",
#: "Ukraine").  Where it matches, every alternative of the pattern before the word one
#: fails (no period, digit, "n't" or apostrophe inside) and the word alternative matches
#: exactly this run, so the spans are the same; most tokens are such words.
_PLAIN_WORD: str = r"[^\W\d_]{2,}+(?![^\W_]|['\u2019\-\u2010\u2011])|"


@lru_cache(maxsize=1)
def token_regex():
    """:data:`TOKEN_PATTERN` compiled with the engine and flags :func:`word_tokenizer` uses.

    NLTK's ``RegexpTokenizer`` compiles its pattern with the third-party
    ``regex`` engine (an NLTK dependency) and these flags, then runs every
    match through a generator that enforces a ReDoS timeout.  The pattern is
    ours and linear, so :func:`token_spans` calls the compiled pattern
    directly, with :data:`_PLAIN_WORD` in front: the same spans, about three
    times as fast (``tests/test_engine.py`` checks the two agree on random text).
    """
    import regex

    pattern = TOKEN_PATTERN.replace("(?x)", "(?x)" + _PLAIN_WORD, 1)
    return regex.compile(pattern, re.UNICODE | re.MULTILINE | re.DOTALL)


_PERIOD_END = re.compile(r"\.[)\]\"'\u201d\u2019]*$")
# initials run together before a name ("W.C. Handy", "J.R. Okafor"): Punkt, with no trained
# statistics, ends a sentence after them; not after a comma (a state: "Harlow, N.C. She said")
_INITIALS_END = re.compile(r"(?<!,\s)(?<![\w.])(?:[A-Z]\.){2,3}$")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (absolute offsets, stripped, non-empty).

    Punkt runs without a trained model, so it has no orthographic statistics; a
    split after a period whose next "sentence" starts with a lower-case letter
    ("Rep. Jo Doe (R-S.C.) said that …") is undone, as a trained model would; so is a split
    after initials run together before a capitalised word ("the W.C. Handy festival").
    """
    chunk = text[start:end]
    spans: list[tuple[int, int]] = []
    for s, e in sentence_tokenizer().span_tokenize(chunk):
        while s < e and chunk[s].isspace():
            s += 1
        while e > s and chunk[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if spans and (chunk[s].islower() and _PERIOD_END.search(chunk, 0, spans[-1][1] - start)
                      or chunk[s].isupper() and _INITIALS_END.search(chunk, 0, spans[-1][1] - start)):
            spans[-1] = (spans[-1][0], start + e)
        else:
            spans.append((start + s, start + e))
    return spans


def token_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Token spans inside ``text[start:end]`` (absolute offsets).  The pattern runs over the
    text between ``start`` and ``end`` as over the slice: its lookarounds never look outside
    the match except at its end, where ``end`` is the end of the string for the engine."""
    return [m.span() for m in token_regex().finditer(text, start, end)]


def _in_quote_flags(starts: list[int], ends: list[int], quotes: tuple[Quote, ...]) -> list[bool]:
    """Per token (in text order): inside the quotation that starts last at or before it (marks
    included)?  The tokens a quotation holds are found by bisection, so the cost is the number
    of quotations times log(tokens), not a step per token."""
    n, nq = len(starts), len(quotes)
    flags = [False] * n
    for k, q in enumerate(quotes):
        i = bisect.bisect_left(starts, q.start)
        hi = bisect.bisect_left(starts, quotes[k + 1].start) if k + 1 < nq else n
        j = bisect.bisect_right(ends, q.end, i, max(i, hi))  # ends grow with starts
        flags[i:j] = [True] * (j - i)
    return flags


def tokenise(article: Article) -> Doc:
    """Split an article into sentences and tokens, and mark tokens inside quotations."""
    text = article.text
    quotes = tuple(find_quotes(text, [(p.start, p.end) for p in article.paragraphs]))
    sentences: list[Sentence] = []
    spans: list[tuple[int, int]] = []
    sids: list[int] = []
    for p in article.paragraphs:
        for s, e in split_sentences(text, p.start, p.end):
            sid = len(sentences)
            sentences.append(Sentence(sid, p.paragraph_id, p.zone, s, e))
            got = token_spans(text, s, e)
            spans.extend(got)
            sids.extend([sid] * len(got))
    starts, ends = [s for s, _ in spans], [e for _, e in spans]
    rows = zip(range(len(spans)), sids, starts, ends, _in_quote_flags(starts, ends, quotes))
    tokens = tuple(map(tuple.__new__, repeat(Token), rows))  # Token(*row), built in C
    return Doc(article, tuple(sentences), tokens, quotes)


_STEMMER = PorterStemmer()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Porter stem of a lower-cased word (cached)."""
    return _STEMMER.stem(word)


@lru_cache(maxsize=65536)
def is_punct(s: str) -> bool:
    """True if every character is Unicode punctuation or a symbol."""
    return all(unicodedata.category(ch)[0] in "PS" for ch in s)


@dataclass(frozen=True)
class Span:
    """Consecutive tokens ``doc.tokens[start:end]`` (token indexes, as in spaCy's Span):
    ``text`` is ``doc.text[start_char:end_char]``."""

    doc: Doc
    start: int
    end: int

    @property
    def start_char(self) -> int:
        return self.doc.tokens[self.start].start if self.end > self.start else self._empty_char()

    @property
    def end_char(self) -> int:
        return self.doc.tokens[self.end - 1].end if self.end > self.start else self._empty_char()

    def _empty_char(self) -> int:
        toks = self.doc.tokens
        return toks[self.start].start if self.start < len(toks) else len(self.doc.text)

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char : self.end_char]

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.doc.tokens[self.start : self.end]

    @property
    def lowers(self) -> tuple[str, ...]:
        return self.doc.lowers[self.start : self.end]

    @property
    def norms(self) -> tuple[str, ...]:
        return self.doc.norms[self.start : self.end]

    @property
    def in_quote(self) -> tuple[bool, ...]:
        """Per token: inside a quotation?"""
        return tuple(t.in_quote for t in self.tokens)

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self):
        return iter(self.tokens)

    def __getitem__(self, key):
        if isinstance(key, slice):
            if key.step not in (None, 1):
                raise ValueError("a span takes consecutive tokens")
            i, j, _ = key.indices(len(self))
            return Span(self.doc, self.start + i, self.start + max(i, j))
        if key < 0:
            key += len(self)
        if not 0 <= key < len(self):
            raise IndexError(key)
        return self.doc.tokens[self.start + key]

