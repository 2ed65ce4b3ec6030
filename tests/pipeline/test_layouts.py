"""Issue 20: unseen layouts read the way a reader sees them (start/end date columns, financing
split by year, vertical merges in ruled PDFs) — each rule pinned on a small generated document."""

from __future__ import annotations

from datetime import date

from extractors.docx import extract_docx
from pipeline.normalise import build_document
from tests.docx_factory import make_docx


def _record(path):
    return build_document(extract_docx(str(path)), source=str(path), sha256="0" * 64)


START_END_HEADERS = [
    ("Срок начала", "Срок окончания"),
    ("Дата начала", "Дата окончания"),
    ("Начало реализации", "Окончание реализации"),
    ("Срок начала реализации", "Срок завершения"),
]


def test_start_and_end_date_columns_give_one_interval(tmp_path):
    for i, (a, b) in enumerate(START_END_HEADERS):
        header = ["№ п/п", "Наименование мероприятия", a, b, "Ответственный исполнитель"]
        rows = [["1", "Мониторинг готовности школ", "январь 2020 г.", "май 2020 г.", "Министерство образования"],
                ["2", "Курсы повышения квалификации", "01.02.2020", "31.12.2021", "Институт развития образования"],
                ["3", "Подготовка рекомендаций", "2020 год", "2022 год", "Министерство образования"]]
        rec = _record(make_docx(tmp_path / f"d{i}.docx", rows, header=header))
        got = [(a.deadline_norm.start, a.deadline_norm.end, a.deadline_norm.occurrences) for a in rec.activities]
        assert got == [
            (date(2020, 1, 1), date(2020, 5, 31), [(date(2020, 1, 1), date(2020, 5, 31))]),
            (date(2020, 2, 1), date(2021, 12, 31), [(date(2020, 2, 1), date(2021, 12, 31))]),
            (date(2020, 1, 1), date(2022, 12, 31), [(date(2020, 1, 1), date(2022, 12, 31))]),
        ], (a, b)
        # the raw texts are kept, both of them
        assert rec.activities[0].deadline_norm.raw == "январь 2020 г.\nмай 2020 г."
        assert rec.activities[0].deadline_bounds == ("январь 2020 г.", "май 2020 г.")
        assert "deadline_from_start_end" in rec.activities[0].flags


def test_two_deadline_columns_that_are_not_start_and_end_stay_as_before(tmp_path):
    header = ["№", "Мероприятие", "Срок", "Срок (план)", "Ответственный"]
    rows = [["1", "Мониторинг", "январь 2020 г.", "май 2020 г.", "Министерство образования"]]
    rec = _record(make_docx(tmp_path / "x.docx", rows, header=header))
    act = rec.activities[0]
    assert act.deadline_bounds is None and len(act.deadline_norm.occurrences) == 2


def test_unreadable_start_falls_back_to_the_joined_text(tmp_path):
    header = ["№", "Мероприятие", "Дата начала", "Дата окончания", "Ответственный"]
    rows = [["1", "Мониторинг", "по мере необходимости", "май 2020 г.", "Министерство образования"]]
    act = _record(make_docx(tmp_path / "y.docx", rows, header=header)).activities[0]
    assert "deadline_from_start_end" not in act.flags
