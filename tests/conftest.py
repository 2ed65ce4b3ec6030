"""Shared fixtures: a fresh SQLite database per test, the dev corpus location."""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "eval" / "corpus"
RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def sample(name: str) -> Path:
    """A dev document: from data/raw (committed copies) or ../shared/eval/corpus."""
    p = RAW / name
    if p.exists():
        return p
    key = name.split(".")[0].replace("_borderless", "").replace("_scan", "")
    return CORPUS / key / name


@pytest.fixture
def db_url(tmp_path):
    return f"sqlite:///{tmp_path}/test.db"
