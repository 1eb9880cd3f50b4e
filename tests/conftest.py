"""Shared fixtures: the seed article and helpers to write small test articles."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "raw" / "newsweek-nato-fills-holes-stockpiles.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_article():
    from analysis.article import load_article

    return load_article(SEED)


@pytest.fixture(scope="session")
def seed_doc(seed_article):
    from analysis.tokenise import tokenise

    return tokenise(seed_article)
