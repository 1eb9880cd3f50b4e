"""Key terms of an article: the content words it uses far more often than English at large.

The measure
-----------
**Keyness** is Dunning's log-likelihood (G²) of a word's count in the article
against its frequency in general English, taken from ``wordfreq``'s English
list (a blend of Wikipedia, subtitles, news, books, web text, Twitter and
Reddit; its data ships with the package, nothing is downloaded).  With ``a``
occurrences among ``N`` content words of the article and a reference
probability ``p``, the expected count is ``E = N·p`` and

    G² = 2 · [ a·ln(a / E) + (N − a)·ln((N − a) / (N − E)) ]

— the one-sample form of the usual two-corpus statistic when the reference
corpus is vastly larger than the article.  Only words *over*-used
(``a > E``) are key.  A word is counted by its Porter stem, so "stockpile"
and "stockpiles" are one term (shown in its most frequent form; the reference
probability is the sum over the forms the article uses).  A word absent from
the reference list gets ``p = 1e-8`` (wordfreq's floor, Zipf 1), so a rare
name needs its count, not just its rarity, to rank.

Candidates: alphabetic tokens of the headline and body that are not stopwords
(``data/lexicons/stopwords_en.txt``) and have at least :data:`MIN_LENGTH`
letters, seen at least :data:`MIN_COUNT` times (an article in which no word
occurs twice falls back to once).  Ties: higher count, then alphabetical.

``parse_terms`` turns a notebook parameter into a list: papermill's ``-p``
passes ``KEY_TERMS`` as a string (``[]``, ``["a", "b"]``, ``a,b``), ``-y``
and Python pass a list.
"""
from __future__ import annotations

import ast
import math
from functools import cache

import pandas as pd

from analysis.textstats import CONTENT_ZONES, content_tokens

#: Minimum count of a key term in the article (see the module docstring).
MIN_COUNT: int = 2
#: Minimum length in letters of a key term ("us", "uk" are left out).
MIN_LENGTH: int = 3
#: Reference probability of a word wordfreq does not list (Zipf 1).
FLOOR: float = 1e-8


@cache
def reference_frequency(word: str) -> float:
    """wordfreq's frequency of ``word`` in English (0..1), at least :data:`FLOOR`."""
    from wordfreq import word_frequency

    return max(word_frequency(word, "en"), FLOOR)


def log_likelihood(count: int, total: int, p_ref: float) -> float:
    """One-sample Dunning G² of ``count`` in ``total`` against probability ``p_ref``;
    negative when the word is under-used (so sorting puts it last)."""
    expected = total * p_ref
    if count <= 0 or total <= 0:
        return 0.0
    g2 = count * math.log(count / expected)
    if total > count:
        g2 += (total - count) * math.log((total - count) / max(total - expected, 1e-12))
    g2 *= 2.0
    return g2 if count > expected else -g2


def keyness(tokens: pd.DataFrame, sentences: pd.DataFrame, min_count: int = MIN_COUNT,
            zones: tuple[str, ...] = CONTENT_ZONES) -> pd.DataFrame:
    """Every candidate term with ``term, stem, count, per_million, reference_per_million, g2``,
    sorted by G² (descending), count (descending), term."""
    from analysis.tokenise import stem

    cols = ["term", "stem", "count", "per_million", "reference_per_million", "g2"]
    t = content_tokens(tokens, sentences, zones)
    t = t[t["lower"].str.len() >= MIN_LENGTH]
    total = len(t)
    if total == 0:
        return pd.DataFrame({c: pd.Series([], dtype="string" if c in ("term", "stem") else "float64") for c in cols})
    forms = t.groupby("lower").size().rename("n").reset_index()
    forms["stem"] = [stem(w) for w in forms["lower"]]
    rows = []
    for s, g in forms.groupby("stem", sort=True):
        g = g.sort_values(["n", "lower"], ascending=[False, True])
        count = int(g["n"].sum())
        p_ref = min(sum(reference_frequency(w) for w in g["lower"]), 0.5)
        rows.append({"term": g["lower"].iloc[0], "stem": s, "count": count,
                     "per_million": round(1e6 * count / total, 1),
                     "reference_per_million": round(1e6 * p_ref, 3),
                     "g2": round(log_likelihood(count, total, p_ref), 2)})
    out = pd.DataFrame(rows, columns=cols)
    out = out[out["count"] >= min_count] if (out["count"] >= min_count).any() else out
    out = out.sort_values(["g2", "count", "term"], ascending=[False, False, True], kind="stable")
    return out.reset_index(drop=True).astype({"term": "string", "stem": "string", "count": "int64"})


def key_terms(tokens: pd.DataFrame, sentences: pd.DataFrame, n: int = 3) -> list[str]:
    """The ``n`` most key terms (positive keyness only); fewer when the article has fewer."""
    k = keyness(tokens, sentences)
    return [str(w) for w in k.loc[k["g2"] > 0, "term"].head(n)]


def parse_terms(value: object) -> list[str] | None:
    """A ``KEY_TERMS`` parameter as a list of terms, or ``None`` for "compute them".

    ``None``, ``"None"``, ``""``, ``[]`` and ``"[]"`` → ``None``; a list or tuple →
    its items as stripped strings; a string that looks like a list
    (``'["a", "b"]'``, ``"['a']"``) → parsed; any other string → split on commas
    (``"a,b"`` → ``["a", "b"]``).  A malformed list literal raises ``ValueError``.
    """
    if value is None:
        return None
    if isinstance(value, str):
        s = value.strip()
        if s in ("", "None", "null"):
            return None
        if s.startswith("["):
            try:
                value = ast.literal_eval(s)
            except (ValueError, SyntaxError) as err:
                raise ValueError(f"KEY_TERMS: cannot read {value!r} as a list of terms") from err
        else:
            value = s.split(",")
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"KEY_TERMS: expected a list of terms, got {value!r}")
    terms = [str(v).strip() for v in value if str(v).strip()]
    return terms or None


def resolve_terms(value: object, tokens: pd.DataFrame, sentences: pd.DataFrame, n: int = 3) -> tuple[list[str], str]:
    """The key terms to use and where they come from: ``(terms, "given" | "computed")``."""
    given = parse_terms(value)
    if given is not None:
        return given, "given"
    return key_terms(tokens, sentences, n), "computed"
