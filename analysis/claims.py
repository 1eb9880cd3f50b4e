"""PLACEHOLDER — replaced by the claims stage (issue 4)."""
from __future__ import annotations

import pandas as pd

from analysis.tokenise import Doc

CLAIM_COLUMNS: dict[str, str] = {
    "article_id": "string", "claim_id": "string", "sentence_id": "int64", "paragraph_id": "int64",
    "zone": "string", "start": "int64", "end": "int64", "text": "string", "attribution": "string",
    "speaker": "string", "speaker_entity_id": "string", "speaker_mention_id": "string", "cue": "string",
    "cue_lemma": "string", "quote": "string", "category": "string", "has_number": "bool",
    "has_date": "bool", "entity_ids": "string",
}


def find_claims(doc: Doc, mentions: list) -> list:
    return []


def claims_table(doc: Doc, claims: list) -> pd.DataFrame:
    from analysis.tables import empty_table
    return empty_table(CLAIM_COLUMNS)
