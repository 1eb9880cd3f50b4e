"""The whole analysis of one article: file → Article → Doc → mentions → claims → tables.

:func:`analyse` is the one per-article function every engine (the CLI's local
loop, process pool or Dask) calls; it is pure: same input, same tables.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import names, tables
from analysis.article import Article, load_article
from analysis.tokenise import Doc, tokenise

#: Table names in output order; each is written as ``<name>.csv``.
TABLE_NAMES: tuple[str, ...] = ("sentences", "tokens", "mentions", "claims")


def analyse_doc(doc: Doc) -> dict[str, pd.DataFrame]:
    """All tables for an already tokenised article."""
    from analysis import claims, mentions

    ments = mentions.find_mentions(doc)
    cls = claims.find_claims(doc, ments)
    mention_table, claim_table = mentions.mentions_table(doc, ments), claims.claims_table(doc, cls)
    mention_table, claim_table = names.apply_display_names(mention_table, claim_table)  # names as the article writes them
    return {
        "sentences": tables.sentences_table(doc),
        "tokens": tables.tokens_table(doc),
        "mentions": mention_table,
        "claims": claim_table,
    }


def analyse(article: Article) -> dict[str, pd.DataFrame]:
    """All tables (see :data:`TABLE_NAMES`) for one article."""
    return analyse_doc(tokenise(article))


def analyse_path(path: str | Path) -> dict[str, pd.DataFrame]:
    """Load the article at ``path`` and analyse it (raises ``InputError`` on bad input)."""
    return analyse(load_article(path))
