"""Test helpers: the expected records (tests/data/gold) and the plain text of their DOCX samples."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from tests.conftest import GOLD_DIR, sample
from tests.scoring import f1, norm, party_counts  # noqa: F401  (re-exported for the normaliser tests)


def gold_paths() -> list[Path]:
    """The expected records (sorted, so parametrised ids are stable)."""
    return sorted(GOLD_DIR.glob("*.json"))


def gold_params() -> list:
    return [pytest.param(p, id=p.stem) for p in gold_paths()]


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def docx_text(key: str) -> str:
    """Paragraph and table-cell texts of data/raw/<key>.docx, one per line (merged cells once)."""
    import docx

    path = sample(f"{key}.docx")
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            seen = set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                lines.append(cell.text)
    return "\n".join(lines)
