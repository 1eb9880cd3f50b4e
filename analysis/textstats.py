"""Descriptive statistics of an article's text layer (notebook 01).

Pure functions over the ``sentences`` and ``tokens`` tables; every row they
return keeps character offsets or ids back into the article.  Collocations use
NLTK's :mod:`nltk.collocations`; the concordance uses
:class:`nltk.text.ConcordanceIndex` over token stems so "stockpile" also finds
"stockpiles".
"""
from __future__ import annotations

import pandas as pd
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from nltk.text import ConcordanceIndex

from analysis.article import ZONES, Article
from analysis.tokenise import stem

#: Zones that hold the article's own text (not page furniture).
CONTENT_ZONES: tuple[str, ...] = ("headline", "body")


def zone_summary(article: Article, sentences: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph: zone, offsets, sentence and word counts and an excerpt."""
    words = tokens[~tokens.is_punct].merge(sentences[["sentence_id", "paragraph_id"]], on="sentence_id")
    n_words = words.groupby("paragraph_id").size()
    n_sents = sentences.groupby("paragraph_id").size()
    rows = []
    for p in article.paragraphs:
        t = article.text[p.start : p.end]
        rows.append(
            {
                "paragraph_id": p.paragraph_id,
                "zone": p.zone,
                "start": p.start,
                "end": p.end,
                "sentences": int(n_sents.get(p.paragraph_id, 0)),
                "words": int(n_words.get(p.paragraph_id, 0)),
                "excerpt": t if len(t) <= 60 else t[:57] + "...",
            }
        )
    return pd.DataFrame(rows)


def zone_counts(summary: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs, sentences and words per zone, in the canonical zone order."""
    g = summary.groupby("zone").agg(paragraphs=("paragraph_id", "size"), sentences=("sentences", "sum"), words=("words", "sum"))
    order = [z for z in ZONES if z in g.index]
    return g.loc[order].reset_index()


def sentence_lengths(sentences: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    """Words (non-punctuation tokens) per sentence, with zone and offsets."""
    n = tokens[~tokens.is_punct].groupby("sentence_id").size().rename("words")
    out = sentences[["sentence_id", "paragraph_id", "zone", "start", "end"]].join(n, on="sentence_id")
    out["words"] = out["words"].fillna(0).astype("int64")
    return out


def content_tokens(tokens: pd.DataFrame, sentences: pd.DataFrame, zones: tuple[str, ...] = CONTENT_ZONES) -> pd.DataFrame:
    """Alphabetic, non-stopword tokens of the given zones."""
    zone_of = sentences.set_index("sentence_id")["zone"]
    t = tokens[tokens.is_alpha & ~tokens.is_stop]
    return t[t.sentence_id.map(zone_of).isin(zones)]


def top_words(tokens: pd.DataFrame, sentences: pd.DataFrame, n: int = 15, zones: tuple[str, ...] = CONTENT_ZONES) -> pd.DataFrame:
    """The ``n`` most frequent content words (lower case), ties broken alphabetically."""
    t = content_tokens(tokens, sentences, zones)
    counts = t.groupby("lower").size().rename("count").reset_index().rename(columns={"lower": "word"})
    return counts.sort_values(["count", "word"], ascending=[False, True]).head(n).reset_index(drop=True)


def collocations(tokens: pd.DataFrame, sentences: pd.DataFrame, n: int = 10, min_freq: int = 2,
                 zones: tuple[str, ...] = CONTENT_ZONES) -> pd.DataFrame:
    """Top bigram collocations (NLTK, log-likelihood ratio) within sentences of the given zones.

    Stopwords and non-alphabetic tokens are filtered out of the candidate pairs
    (not out of the text, so pairs are real neighbours); ties broken by the pair.
    """
    zone_of = sentences.set_index("sentence_id")["zone"]
    t = tokens[tokens.sentence_id.map(zone_of).isin(zones)]
    docs = [list(g.lower) for _, g in t.groupby("sentence_id", sort=True)]
    finder = BigramCollocationFinder.from_documents(docs)
    finder.apply_freq_filter(min_freq)
    stops = set(tokens.loc[tokens.is_stop, "lower"])
    finder.apply_word_filter(lambda w: w in stops or not w.isalpha())
    scored = finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)
    rows = [{"bigram": f"{a} {b}", "count": finder.ngram_fd[(a, b)], "llr": round(s, 2)} for (a, b), s in scored]
    df = pd.DataFrame(rows, columns=["bigram", "count", "llr"])
    return df.sort_values(["llr", "bigram"], ascending=[False, True]).head(n).reset_index(drop=True)


def concordance(text: str, tokens: pd.DataFrame, term: str, width: int = 35) -> pd.DataFrame:
    """Keyword-in-context lines for ``term`` (one or more words, matched by Porter stem).

    Each row has the match's character ``start``/``end`` so ``text[start:end]``
    is the matched surface, plus ``left`` and ``right`` context of ``width``
    characters (newlines shown as spaces).
    """
    words = tokens.reset_index(drop=True)
    stems = [stem(w) for w in words.lower]
    key = [stem(w.lower()) for w in term.split()]
    index = ConcordanceIndex(stems)
    rows = []
    for i in index.offsets(key[0]):
        if stems[i : i + len(key)] != key:
            continue
        s, e = int(words.start[i]), int(words.end[i + len(key) - 1])
        left = text[max(0, s - width) : s].replace("\n", " ")
        right = text[e : e + width].replace("\n", " ")
        rows.append({"term": term, "sentence_id": int(words.sentence_id[i]), "start": s, "end": e,
                     "left": left.rjust(width), "match": text[s:e], "right": right.ljust(width)})
    return pd.DataFrame(rows, columns=["term", "sentence_id", "start", "end", "left", "match", "right"])


def term_positions(text: str, tokens: pd.DataFrame, terms: list[str]) -> pd.DataFrame:
    """Where each term occurs (character offset of each match), for a dispersion plot."""
    frames = [concordance(text, tokens, t, width=0)[["term", "start", "end", "sentence_id"]] for t in terms]
    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame({"term": pd.Series([], dtype=object), "start": pd.Series([], dtype="int64"),
                             "end": pd.Series([], dtype="int64"), "sentence_id": pd.Series([], dtype="int64")})
    return pd.concat(frames, ignore_index=True)
