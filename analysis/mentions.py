"""PLACEHOLDER — replaced by the mentions stage (issue 3)."""
from __future__ import annotations

import pandas as pd

from analysis.tokenise import Doc

MENTION_COLUMNS: dict[str, str] = {
    "article_id": "string", "mention_id": "string", "entity_id": "string", "entity": "string",
    "entity_type": "string", "surface": "string", "start": "int64", "end": "int64",
    "sentence_id": "int64", "paragraph_id": "int64", "zone": "string", "mention_kind": "string",
    "in_quote": "bool",
}


def find_mentions(doc: Doc) -> list:
    return []


def mentions_table(doc: Doc, mentions: list) -> pd.DataFrame:
    from analysis.tables import empty_table
    return empty_table(MENTION_COLUMNS)
