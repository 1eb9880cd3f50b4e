"""pandas tables of the text layer: sentences and tokens.

Every table has ``article_id`` and character offsets ``start``/``end`` into the
article text as read, so ``text[start:end]`` is the row's surface.  Column
names and dtypes are fixed by the ``*_COLUMNS`` schemas below (and documented in
the README); :func:`empty_table` gives a correctly typed empty frame.
"""
from __future__ import annotations

import functools
from itertools import repeat
from typing import Any

import numpy as np
import pandas as pd

from analysis import lexicons
from analysis.tokenise import Doc, Token, is_punct, stem

#: sentences: one row per sentence.
SENTENCE_COLUMNS: dict[str, str] = {
    "article_id": "string",  # stable id from the file name
    "sentence_id": "int64",  # 0.. in reading order, per article
    "paragraph_id": "int64",  # 0.. in reading order, per article
    "zone": "string",  # headline | notice | body | caption | credit | bio
    "start": "int64",  # offset of the first character
    "end": "int64",  # offset after the last character
    "text": "string",  # text[start:end]
}

#: tokens: one row per word or punctuation token.
TOKEN_COLUMNS: dict[str, str] = {
    "article_id": "string",
    "sentence_id": "int64",
    "token_id": "int64",  # 0.. in reading order, per article
    "start": "int64",
    "end": "int64",
    "text": "string",
    "lower": "string",  # lower-cased text
    "stem": "string",  # Porter stem of ``lower``
    "is_stop": "bool",  # in data/lexicons/stopwords_en.txt
    "is_punct": "bool",  # only punctuation / symbol characters
    "is_alpha": "bool",  # only letters
    "in_quote": "bool",  # inside quotation marks (straight or curly)
}


def empty_table(columns: dict[str, str]) -> pd.DataFrame:
    """An empty DataFrame with the given schema.

    Built once per schema and handed out as a copy (building a typed empty
    frame column by column costs about a millisecond; a copy, microseconds).
    """
    return _empty_prototype(tuple(columns.items())).copy()


@functools.lru_cache(maxsize=64)
def _empty_prototype(schema: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    """The empty frame of ``schema`` (``(column, dtype)`` pairs); never handed out itself."""
    return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in schema})


@functools.lru_cache(maxsize=64)
def _column_index(names: tuple[str, ...]) -> pd.Index:
    """``pd.Index(list(names))``, built once per schema (pandas infers its dtype from the
    values each time, which costs more than the rest of a small frame); never handed out
    itself: :func:`_frame` gives each frame a shallow copy (its own name, the same values)."""
    return pd.Index(list(names))


@functools.cache
def _arrow_strings() -> tuple[Any, Any] | None:
    """``(Arrow type, empty array)`` of pandas' ``"string"`` dtype when Arrow holds it (pandas 3
    with pyarrow) and pandas can wrap an Arrow array of that type without re-checking it
    (``_from_pyarrow_array``), else None."""
    proto = pd.array([], dtype="string")
    pa_array = getattr(proto, "_pa_array", None)
    if pa_array is None or not callable(getattr(proto, "_from_pyarrow_array", None)):
        return None
    return pa_array.type, proto


def _string_column(values: list):
    """``pd.array(values, dtype="string")``, about twice as fast when every value is a ``str``
    or None (what the pipeline's records hold): the Arrow array is built directly and wrapped
    as it is. Arrow refuses any other value (5, 1.5, NaN, True, NA: pandas converts those, 5 to
    "5", NaN to NA), which then takes pandas' checked conversion — the same column either way
    (tested), except for bytes-like values, which Arrow reads as UTF-8 text (never in a table)."""
    arrow = _arrow_strings()
    if arrow is not None:
        import pyarrow as pa

        pa_type, proto = arrow
        try:  # the array of the empty prototype's class and dtype (the same dtype object)
            return proto._from_pyarrow_array(pa.array(values, type=pa_type))
        except (pa.ArrowException, ValueError, TypeError):
            pass
    return pd.array(values, dtype="string")


def _column(values: list, dtype: str):
    """``values`` as an array of ``dtype`` — the same result as ``pd.Series(values, dtype=dtype)``.

    Fast paths for the dtypes of the schemas: int64 through NumPy (only when NumPy
    infers an integer array, so floats, None and mixed lists still go through
    pandas' checked conversion), bool by each value's truth as pandas casts it (without
    NumPy first inferring a dtype: about three times faster), strings through
    :func:`_string_column`.
    """
    if dtype == "int64":
        arr = np.asarray(values)
        if arr.dtype.kind in "iu":
            return arr.astype(dtype, copy=False)
    elif dtype == "bool":
        # each value's truth (PyObject_IsTrue), as pandas casts a list to bool: None -> False,
        # NaN -> True, "" -> False; a value without a truth (NA) raises and pandas decides
        try:
            return np.fromiter(values, dtype=bool, count=len(values))
        except (TypeError, ValueError):
            pass
    elif dtype == "string":
        return _string_column(values)
    return pd.Series(values, dtype=dtype).array


def typed_frame(data: dict[str, list], columns: dict[str, str]) -> pd.DataFrame:
    """Build a DataFrame from column lists and cast it to the schema."""
    if not data or not len(next(iter(data.values()))):
        return empty_table(columns)
    arrays = [_column(data[c], t) for c, t in columns.items()]
    return _frame(arrays, list(columns), len(arrays[0]))


def _frame(arrays: list, names: list[str], rows: int) -> pd.DataFrame:
    """``pd.DataFrame(dict(zip(names, arrays)), copy=False)`` for arrays already of their final
    dtype and length, without pandas re-checking each one (``DataFrame._from_arrays``, about a
    third cheaper per table; the public constructor where pandas lacks it)."""
    from_arrays = getattr(pd.DataFrame, "_from_arrays", None)
    if from_arrays is not None:
        try:
            return from_arrays(arrays, columns=_column_index(tuple(names)).copy(), index=pd.RangeIndex(rows),
                               verify_integrity=False)
        except TypeError:  # another signature
            pass
    return pd.DataFrame(dict(zip(names, arrays)), copy=False)


def sentences_table(doc: Doc) -> pd.DataFrame:
    """One row per sentence of ``doc`` (see :data:`SENTENCE_COLUMNS`)."""
    return typed_frame(sentence_columns(doc), SENTENCE_COLUMNS)


def sentence_columns(doc: Doc) -> dict[str, list]:
    """The rows of :func:`sentences_table` as column lists (column → values)."""
    text = doc.text
    aid = doc.article.article_id
    ss = doc.sentences
    return {
        "article_id": [aid] * len(ss),
        "sentence_id": [s.sentence_id for s in ss],
        "paragraph_id": [s.paragraph_id for s in ss],
        "zone": [s.zone for s in ss],
        "start": [s.start for s in ss],
        "end": [s.end for s in ss],
        "text": [text[s.start : s.end] for s in ss],
    }


def tokens_table(doc: Doc) -> pd.DataFrame:
    """One row per token of ``doc`` (see :data:`TOKEN_COLUMNS`)."""
    return typed_frame(token_columns(doc), TOKEN_COLUMNS)


def token_columns(doc: Doc) -> dict[str, list]:
    """The rows of :func:`tokens_table` as column lists (column → values).

    The texts are the Doc's own (:attr:`Doc.token_texts`, :attr:`Doc.lowers`: the stages
    before have usually computed them); what depends on the word alone (stem, stopword,
    punctuation, letters) is computed once per distinct word of the article and looked up
    per token; the numbers come from one transposition of the tokens (the same columns as
    :func:`token_columns_plain`, tested)."""
    toks = doc.tokens
    surf, lower = list(doc.token_texts), list(doc.lowers)
    stops = lexicons.stopwords()
    stems = {w: stem(w) for w in dict.fromkeys(lower)}
    # a letter or digit is no punctuation: only the other distinct surfaces are looked up
    punct = {s: is_punct(s) for s in dict.fromkeys(surf) if not s.isalnum()}
    fields = dict(zip(Token._fields, map(list, zip(*toks)))) if toks else {f: [] for f in Token._fields}
    return {
        "article_id": [doc.article.article_id] * len(toks),
        "sentence_id": fields["sentence_id"],
        "token_id": fields["token_id"],
        "start": fields["start"],
        "end": fields["end"],
        "text": surf,
        "lower": lower,
        "stem": list(map(stems.__getitem__, lower)),
        "is_stop": list(map(stops.__contains__, lower)),
        "is_punct": list(map(punct.get, surf, repeat(False))),
        "is_alpha": list(map(str.isalpha, surf)),
        "in_quote": fields["in_quote"],
    }


def token_columns_plain(doc: Doc) -> dict[str, list]:
    """:func:`token_columns` token by token (the reference its fast path is tested against)."""
    text = doc.text
    stops = lexicons.stopwords()
    toks = doc.tokens
    surf = [text[t.start : t.end] for t in toks]
    lower = [s.lower() for s in surf]
    return {
        "article_id": [doc.article.article_id] * len(toks),
        "sentence_id": [t.sentence_id for t in toks],
        "token_id": [t.token_id for t in toks],
        "start": [t.start for t in toks],
        "end": [t.end for t in toks],
        "text": surf,
        "lower": lower,
        "stem": [stem(w) for w in lower],
        "is_stop": [w in stops for w in lower],
        "is_punct": [is_punct(s) for s in surf],
        "is_alpha": [s.isalpha() for s in surf],
        "in_quote": [t.in_quote for t in toks],
    }
