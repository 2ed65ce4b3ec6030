"""Test helpers: the dev gold records and the plain text of their DOCX sources."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from tests.conftest import SHARED

GOLD_DIR = SHARED / "eval" / "gold"
CORPUS_DIR = SHARED / "eval" / "corpus"


def gold_paths() -> list[Path]:
    """Gold files present on this machine (sorted, so parametrised ids are stable)."""
    return sorted(GOLD_DIR.glob("*.json")) if GOLD_DIR.exists() else []


def gold_params() -> list:
    paths = gold_paths()
    if not paths:
        return [pytest.param(None, marks=pytest.mark.skip(reason="../shared/eval/gold is not present"))]
    return [pytest.param(p, id=p.stem) for p in paths]


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def docx_text(key: str) -> str:
    """Paragraph and table-cell texts of corpus/<key>/<key>.docx, one per line (merged cells once)."""
    import docx

    path = CORPUS_DIR / key / f"{key}.docx"
    if not path.exists():
        pytest.skip(f"{path} is not present")
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


def norm(s: str | None) -> str:
    """The scorer's text normalisation (ё, quotes, dashes, spaces, case)."""
    s = (s or "").replace("ё", "е").replace("Ё", "Е")
    s = re.sub(r"<[^>]+>", " ", s)
    s = re.sub(r"[«»\"“”„']", '"', s)
    s = re.sub(r"[‐‑‒–—−]", "-", s)
    return re.sub(r"\s+", " ", s).strip().lower()


def party_counts(gold_names: list[str], pred_names: list[str]) -> tuple[int, int, int]:
    """True positives, gold count, predicted count — order-independent, fuzzy ratio >= 90."""
    used: set[int] = set()
    tp = 0
    for g in map(norm, gold_names):
        for j, p in enumerate(map(norm, pred_names)):
            if j not in used and fuzz.ratio(g, p) >= 90:
                used.add(j)
                tp += 1
                break
    return tp, len(gold_names), len(pred_names)


def f1(tp: int, gold: int, pred: int) -> float:
    precision = tp / pred if pred else 0.0
    recall = tp / gold if gold else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
