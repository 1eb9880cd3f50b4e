"""The whole analysis of one article: file → Article → Doc → mentions → claims → tables.

:func:`analyse` is the one per-article function; it is pure: same input, same
tables.  It runs in two steps, which corpus builds use separately:

* :func:`article_records` (:func:`doc_records` for a tokenised one) — the
  stages (tokenise, mentions, claims, display names) of one article, as plain
  column lists (:data:`Records`), no pandas;
* :func:`frames` — the four typed DataFrames of MANY articles' records at once
  (the columns and dtypes of :func:`table_schemas`).  Building a typed frame
  costs about a millisecond per table whatever its size, so a corpus build
  (:mod:`analysis.engine`) builds and encodes one set of frames per batch of
  articles instead of one per article; :func:`analyse_many` does the same
  in memory.

``frames([article_records(article)])`` is exactly what :func:`analyse` returns.
"""
from __future__ import annotations

import contextlib
import functools
import itertools
from pathlib import Path
from typing import Iterable

import pandas as pd

from analysis import names, tables
from analysis.article import Article, article_from_text, load_article
from analysis.tokenise import Doc, tokenise

#: Table names in output order; each is written as ``<name>.csv``.
TABLE_NAMES: tuple[str, ...] = ("sentences", "tokens", "mentions", "claims")

#: One article's rows: table name → column → values (in :func:`table_schemas` order).
Records = dict[str, dict[str, list]]


def table_schemas() -> dict[str, dict[str, str]]:
    """Table name → its columns and dtypes, in output order (what :func:`frames` builds)."""
    from analysis.claims.records import CLAIM_COLUMNS
    from analysis.mentions.records import MENTION_COLUMNS

    mentions: dict[str, str] = {}
    for col, dtype in MENTION_COLUMNS.items():
        mentions[col] = dtype
        if col == "entity":  # the gazetteer's name, next to the display name
            mentions[names.CANONICAL] = dtype
    return {
        "sentences": dict(tables.SENTENCE_COLUMNS),
        "tokens": dict(tables.TOKEN_COLUMNS),
        "mentions": mentions,
        "claims": dict(CLAIM_COLUMNS),
    }


def article_records(article: Article) -> Records:
    """The rows of every table for one article, as column lists (no DataFrames)."""
    return doc_records(tokenise(article))


def doc_records(doc: Doc) -> Records:
    """The rows of every table for one tokenised article, as column lists (no DataFrames)."""
    from analysis import claims, mentions
    from analysis.claims.table import claim_columns
    from analysis.mentions.table import mention_columns

    ments = mentions.find_mentions(doc)
    cls = claims.find_claims(doc, ments)
    # names as the article writes them (analysis.names)
    mention_cols, claim_cols = names.display_columns(mention_columns(ments), claim_columns(cls))
    return {
        "sentences": tables.sentence_columns(doc),
        "tokens": tables.token_columns(doc),
        "mentions": mention_cols,
        "claims": claim_cols,
    }


def row_counts(records: Records) -> tuple[tuple[str, int], ...]:
    """``(table name, rows)`` of one article's records, in table order."""
    return tuple((name, len(next(iter(records[name].values()), ()))) for name in TABLE_NAMES)


def frames(records_list: Iterable[Records]) -> dict[str, pd.DataFrame]:
    """The four tables of many articles' records, concatenated in the given order.

    Each table is one typed DataFrame (default index 0..n-1) with the columns and
    dtypes of :func:`table_schemas`; for one article it equals that article's
    :func:`analyse` tables.
    """
    records_list = list(records_list)
    out: dict[str, pd.DataFrame] = {}
    for name, schema in table_schemas().items():
        if len(records_list) == 1:  # one article (analyse): its lists as they are (typed_frame copies)
            cols = {c: records_list[0][name][c] for c in schema}
        else:
            cols = {c: list(itertools.chain.from_iterable(r[name][c] for r in records_list)) for c in schema}
        out[name] = tables.typed_frame(cols, schema)
    return out


def analyse_doc(doc: Doc) -> dict[str, pd.DataFrame]:
    """All tables for an already tokenised article."""
    return frames([doc_records(doc)])


def analyse(article: Article) -> dict[str, pd.DataFrame]:
    """All tables (see :data:`TABLE_NAMES`) for one article."""
    return frames([article_records(article)])


def analyse_many(articles: Iterable[Article]) -> dict[str, pd.DataFrame]:
    """All tables of many articles, each table one DataFrame over all of them (in the given
    order): the concatenation of their :func:`analyse` tables, built once."""
    return frames(article_records(a) for a in articles)


#: a made-up article analysed once per process before any article is timed (see :func:`warm_up`)
WARM_UP_TEXT: str = (
    "Council Backs Plan\n\nBy Ana Ruiz\n\n"
    "The city council approved the plan on Monday, Mayor Tom Berg said. "
    "\u201cIt is a good day,\u201d he told reporters.\n"
)


@functools.cache
def warm_up() -> None:
    """Load the lexicons, compile the patterns and read the part-of-speech model once in this
    process, so that no article's time (nor a build's per-file time limit) pays for them and a
    forked pool inherits them."""
    from analysis import postag

    with contextlib.suppress(Exception):  # a real file will report any problem
        analyse(article_from_text(WARM_UP_TEXT, "warm-up"))
        # the part-of-speech model is read on the first sentence that needs tags
        # (a present-tense cue: "the council says"), which the text above may not have
        postag.tag(["The", "council", "says", "so", "."])


def analyse_path(path: str | Path) -> dict[str, pd.DataFrame]:
    """Load the article at ``path`` and analyse it (raises ``InputError`` on bad input)."""
    return analyse(load_article(path))
