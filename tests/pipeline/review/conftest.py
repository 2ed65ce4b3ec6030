"""Review fixtures: a small hand-made roadmap (four rows, one OCR-flagged) loaded into a fresh SQLite."""

from __future__ import annotations

import pytest

from pipeline.records import ActivityRecord, DocumentRecord
from pipeline.store.db import get_engine, upgrade
from pipeline.store.load import load

ROWS = [
    ("1", "Создание центра опережающей профессиональной подготовки", "министерство образования", "2021 год"),
    ("2", "Проведение регионального конкурса профессионального мастерства", "КРИПО, ПОО", "ежегодно"),
    ("м", "Разработка информационных материалов для обучающихся", "КРИПО, ЦОПП", "1 квартал 2022 г."),
    ("4", "Мониторинг трудоустройства выпускников", "ПОО, ЦЗН (по согласованию)", "декабрь 2022"),
]


def record(sha: str, rows=ROWS) -> DocumentRecord:
    """The roadmap with these rows; row "м" carries the flags and low confidence OCR would give it."""
    acts = [ActivityRecord(section=[], number=n, title=t, responsible=r, deadline=d, page_start=1, page_end=1,
                           boxes=[[1, 10.0, 20.0 + 30 * i, 500.0, 48.0 + 30 * i]])
            for i, (n, t, r, d) in enumerate(rows)]
    for a in acts:
        if a.number == "м":
            a.confidence, a.flags = 0.41, ["number_not_numeric", "low_ocr_confidence"]
    return DocumentRecord(source="/tmp/roadmap.pdf", sha256=sha, file_format="pdf", extractor="test",
                          extractor_version="1", region_code="RU-KLU", region="Калужская область",
                          period=(2021, 2023), activities=acts, columns=["number", "title"])


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    upgrade(url)
    assert load(get_engine(url), record("a" * 64))[0] == "loaded"
    return url


