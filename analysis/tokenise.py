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

from nltk.stem.porter import PorterStemmer
from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from analysis import lexicons
from analysis.article import Article
from analysis.quotes import Quote, find_quotes

TOKEN_PATTERN: str = r"""(?x)
    (?:[^\W\d_]\.){2,}(?![^\W\d_])          # acronyms with periods: U.S., U.K., e.g.
  | \d+(?:[.,:]\d+)*(?:%|(?:st|nd|rd|th)\b)?  # numbers: 2022, 1,000.5, 20th, 5%
  | [^\W_]+(?=n['\u2019]t\b)                # "do" of "don't"
  | n['\u2019]t\b                            # "n't"
  | ['\u2019](?:s|S|re|ve|ll|d|m|D|M)\b      # clitics: 's 're 've 'll 'd 'm
  | [^\W_]+(?:[-\u2010\u2011][^\W_]+)*(?:['\u2019][^\W\d_]+(?<!['\u2019][sSdDm])(?<!['\u2019]re)(?<!['\u2019]ve)(?<!['\u2019]ll))*  # words, hyphenated, O'Brien
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


@dataclass(frozen=True)
class Token:
    """A word or punctuation token: ``text[start:end]``."""

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

    @property
    def text(self) -> str:
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
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence containing ``offset``."""
        return self.sentences[self.sentence_index_at(offset)]

    def token_text(self, tok: Token) -> str:
        return self.article.text[tok.start : tok.end]


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """A Punkt tokenizer whose parameters hold the project's abbreviation list."""
    params = PunktParameters()
    params.abbrev_types = set(lexicons.abbreviations())
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def word_tokenizer() -> RegexpTokenizer:
    """NLTK's regexp tokenizer with :data:`TOKEN_PATTERN`."""
    return RegexpTokenizer(TOKEN_PATTERN)


@lru_cache(maxsize=1)
def token_regex():
    """:data:`TOKEN_PATTERN` compiled exactly as :func:`word_tokenizer` compiles it.

    NLTK's ``RegexpTokenizer`` compiles its pattern with the third-party
    ``regex`` engine (an NLTK dependency) and these flags, then runs every
    match through a generator that enforces a ReDoS timeout.  The pattern is
    ours and linear, so :func:`token_spans` calls the compiled pattern
    directly: the same engine, pattern and flags give the same spans, about
    twice as fast (``tests/test_engine.py`` checks the two agree).
    """
    import regex

    return regex.compile(TOKEN_PATTERN, re.UNICODE | re.MULTILINE | re.DOTALL)


_PERIOD_END = re.compile(r"\.[)\]\"'\u201d\u2019]*$")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (absolute offsets, stripped, non-empty).

    Punkt runs without a trained model, so it has no orthographic statistics; a
    split after a period whose next "sentence" starts with a lower-case letter
    ("Rep. Jo Doe (R-S.C.) said that …") is undone, as a trained model would.
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
        if spans and chunk[s].islower() and _PERIOD_END.search(chunk, 0, spans[-1][1] - start):
            spans[-1] = (spans[-1][0], start + e)
        else:
            spans.append((start + s, start + e))
    return spans


def token_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Token spans inside ``text[start:end]`` (absolute offsets)."""
    return [(start + m.start(), start + m.end()) for m in token_regex().finditer(text[start:end])]


def tokenise(article: Article) -> Doc:
    """Split an article into sentences and tokens, and mark tokens inside quotations."""
    text = article.text
    quotes = tuple(find_quotes(text, [(p.start, p.end) for p in article.paragraphs]))
    q_starts = [q.start for q in quotes]
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    for p in article.paragraphs:
        for s, e in split_sentences(text, p.start, p.end):
            sid = len(sentences)
            sentences.append(Sentence(sid, p.paragraph_id, p.zone, s, e))
            for ts, te in token_spans(text, s, e):
                k = bisect.bisect_right(q_starts, ts) - 1
                inq = k >= 0 and quotes[k].start <= ts and te <= quotes[k].end
                tokens.append(Token(len(tokens), sid, ts, te, inq))
    return Doc(article, tuple(sentences), tuple(tokens), quotes)


_STEMMER = PorterStemmer()


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Porter stem of a lower-cased word (cached)."""
    return _STEMMER.stem(word)


@lru_cache(maxsize=65536)
def is_punct(s: str) -> bool:
    """True if every character is Unicode punctuation or a symbol."""
    return all(unicodedata.category(ch)[0] in "PS" for ch in s)
