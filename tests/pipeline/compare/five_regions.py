"""A five-region test database: the three dev DOCX roadmaps plus two small DOCX roadmaps built with
python-docx from rows of the Irkutsk and Tula seed texts (../shared/seeds 000…, 001…)."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

from pipeline.ingest import ingest_path
from pipeline.themes import reassign_all
from tests.conftest import sample
from tests.docx_factory import make_docx

DEV_DOCX = ("amur_2019.docx", "kaluga_2021.docx", "kemerovo_2018.docx")
FIVE_REGIONS = {"RU-AMU", "RU-KLU", "RU-KEM", "RU-IRK", "RU-TUL"}

IRKUTSK_BEFORE = [
    "УТВЕРЖДЕНА", "распоряжением министерства образования Иркутской области", "от 31 января 2020 г. № 82-мр",
    "Дорожная карта (перечень основных мероприятий) деятельности Центра опережающей профессиональной "
    "подготовки Иркутской области на 2020 год",
]
IRKUTSK_ROWS = [
    ["1.1", "Разработка пакета нормативно-правовой документации сетевого взаимодействия ЦОПП и организаций, "
            "имеющих в своей структуре материально-технические ресурсы для реализации программ",
     "Руководитель ЦОПП Иркутской области", "до 30 апреля 2020 г.",
     "Комплект нормативно-правовой документации сетевого взаимодействия"],
    ["2.2", "Организация и проведение мониторинга востребованности рабочих кадров на территории Иркутской области",
     "Информационно-аналитический отдел ЦОПП", "до 30 марта 2020 г.",
     "Аналитический отчет о востребованности рабочих кадров на территории Иркутской области"],
    ["3.2", "Семинар для заместителей директоров ПОО, ОО, ВО «Цифровая платформа ЦОПП: как инструмент "
            "развития профессиональных компетенций»",
     "Руководитель ЦОПП Иркутской области", "18 февраля 2020 г.", "Не менее 10 участников семинара"],
    ["3.7", "База данных образовательных программ", "Информационно-аналитический отдел ЦОПП", "Сентябрь 2020 г.",
     "Реестр образовательных программ"],
]
TULA_BEFORE = [
    "МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТУЛЬСКОЙ ОБЛАСТИ", "ПРИКАЗ", "от 16 декабря 2022 г. № 2714",
    "Дорожная карта опережающего развития Центра опережающей профессиональной подготовки Тульской области "
    "на 2023-2025 гг.",
]
TULA_ROWS = [
    ["1", "Разработка и актуализация нормативных правовых актов, регламентирующих деятельность Центра опережающей "
          "профессиональной подготовки", "Министерство образования Тульской области, ЦОПП", "Январь – март 2023 г.",
     "Актуализировано положение о деятельности ЦОПП"],
    ["3", "Расширение сети партнерских организаций по обеспечению опережающей профессиональной подготовки",
     "ЦОПП, ГПОУ ТО (по согласованию)", "2023 – 2025 гг.", "Заключены договоры о сотрудничестве"],
    ["5", "Разработка и реализация региональной концепции и программы профессиональной ориентации обучающихся "
          "на 2023-2025 гг.", "ЦОПП", "Декабрь 2022 г. - январь 2023 г.",
     "Разработана и утверждена региональная концепция"],
    ["10", "Разработка программ региональных стажировок для преподавателей и мастеров производственного обучения",
     "ЦОПП, ГПОУ ТО (по согласованию)", "2023-2025 гг.", "Разработаны программы стажировок"],
]


def build_five_region_db(folder: Path) -> str:
    """Ingest five roadmaps from five regions into a fresh SQLite file in folder; returns its URL."""
    folder.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{folder / 'five.db'}"
    paths = [sample(name) for name in DEV_DOCX]
    paths.append(make_docx(folder / "irkutsk_2020.docx", IRKUTSK_ROWS, before=IRKUTSK_BEFORE))
    paths.append(make_docx(folder / "tula_2023.docx", TULA_ROWS, before=TULA_BEFORE))
    for p in paths:
        outcome = ingest_path(str(p), url)
        assert outcome.status == "loaded", outcome.error
    reassign_all(url)  # idempotent: also right once load.py assigns themes during ingest
    return url


@lru_cache(maxsize=1)
def shared_five_region_db() -> str:
    """One five-region database per test session (built on first use; tests must only read it)."""
    return build_five_region_db(Path(tempfile.mkdtemp(prefix="roadmaps-five-")))
