"""Issue 20 on PDFs printed by LibreOffice from python-docx tables (tests/data/layouts, made by
tests/data/layouts/make_layouts.py): vertical merges in ruled tables fill every row they cover,
tables printed with inner rules only keep their header, first/last columns and full-width
section rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.pdf import extract_pdf
from pipeline.normalise import build_document

DATA = Path(__file__).resolve().parents[1] / "data" / "layouts"


def _record(name: str):
    path = DATA / f"{name}.pdf"
    return build_document(extract_pdf(str(path)), source=str(path), sha256="0" * 64)


def _squash(text):
    """Cell text without spaces: narrow columns break words where LibreOffice ran out of room."""
    return "".join((text or "").split())


@pytest.mark.parametrize("name", ["ruled_vmerge", "ruled_vmerge_centred", "ruled_open_vmerge"])
def test_vertical_merge_in_a_ruled_pdf_fills_each_row_it_covers(name):
    ext = extract_pdf(str(DATA / f"{name}.pdf"))
    (table,) = ext.tables
    assert ext.extractor == "pdf:pdfplumber"
    spans = [(c.col, c.rowspan) for r in table.rows for c in r.cells if c.rowspan > 1]
    assert spans == [(2, 3), (3, 3)]        # a true rowspan on the grid, not three pieces
    acts = _record(name).activities
    assert [a.number for a in acts] == ["1", "2", "3", "4"]
    assert [_squash(a.responsible) for a in acts[:3]] == ["МинистерствообразованияинаукиРеспубликиТатарстан"] * 3
    assert [a.deadline for a in acts] == ["май 2020 года"] * 3 + ["декабрь 2020 года"]
    assert _squash(acts[3].responsible) == "Институтразвитияобразования"


def test_shared_title_and_result_in_a_ruled_pdf():
    acts = _record("ruled_vmerge_title").activities
    assert [a.number for a in acts] == ["1", "2", "3"]
    assert _squash(acts[0].title) == _squash(acts[1].title) == "ПроведениерегиональныхолимпиадшкольниковРеспубликиТатарстан"
    assert [a.deadline for a in acts] == ["март 2021 года", "апрель 2021 года", "май 2021 года"]
    assert _squash(acts[1].result) == "Протоколыолимпиад"


def test_ruled_table_without_outer_borders_keeps_header_edges_and_section_rows():
    ext = extract_pdf(str(DATA / "ruled_open_sections.pdf"))
    assert ext.extractor == "pdf:pdfplumber"
    (table,) = ext.tables
    texts = [[_squash(c.text) for c in r.cells] for r in table.rows]
    assert texts[0][0] == "№п/п" and texts[0][-1] == "Ожидаемыйрезультат"     # open top corners
    assert texts[1] == ["Раздел1.Организационныемероприятия"]                  # full-width row
    assert texts[-1][0] == "3" and texts[-1][-1] == "Резолюция"                # open bottom corners
    acts = _record("ruled_open_sections").activities
    assert [(a.number, a.section) for a in acts] == [
        ("1", ["Раздел 1. Организационные мероприятия"]), ("2", ["Раздел 1. Организационные мероприятия"]),
        ("3", ["Раздел 2. Итоги"])]
    assert [a.deadline for a in acts] == ["май 2020 года", "июнь 2020 года", "декабрь 2020 года"]


@pytest.mark.parametrize("name", ["borderless_centred", "borderless_centred_sections"])
def test_borderless_table_with_vertically_centred_cells_finds_its_rows(name):
    acts = _record(name).activities
    assert [a.number for a in acts][:3] == ["1", "2", "3"]
    assert all(a.deadline and a.deadline.endswith("2020 года") for a in acts)


def test_borderless_cells_set_at_the_bottom_three_columns():
    acts = _record("borderless_bottom_3").activities
    assert [a.number for a in acts] == ["1", "2", "3", "4"]
    assert acts[0].title == ("Проведение мониторинга готовности общеобразовательных организаций к "
                             "реализации программ")
    assert [a.deadline for a in acts] == ["май 2020 года", "июнь 2020 года",
                                          "ежеквартально, до 5 числа месяца, следующего за отчётным",
                                          "декабрь 2020 года"]


def test_borderless_centred_cells_six_columns_and_a_row_broken_by_the_page():
    ext = extract_pdf(str(DATA / "borderless_centred_6.pdf"))
    first = ext.tables[0]
    assert [c.text.replace("\n", " ") for c in first.rows[0].cells] == [
        "№ п/п", "Наименование мероприятия", "Ответственный исполнитель", "Срок реализации",
        "Ожидаемый результат", "Примечание"]
    acts = _record("borderless_centred_6").activities
    assert [a.number for a in acts] == ["1", "2", "3", "4"]
    assert acts[0].title == ("Проведение мониторинга готовности общеобразовательных организаций к "
                             "реализации программ")
    assert acts[0].responsible.replace("\n", " ") == "Министерство образования и науки Республики Татарстан"
    assert [a.deadline for a in acts][2:] == ["ежеквартально, до 5 числа месяца, следующего за отчётным",
                                              "декабрь 2020 года"]
    assert acts[2].result == "Методические рекомендации для педагогических работников"
    # row 2 is broken by the page end: its rest sits under the repeated header, in the middle of a word
    assert acts[1].responsible.replace("\n", " ") == ("Институт развития образования, муниципальные органы "
                                                      "управления образованием (по согласованию)")


def test_words_broken_without_a_hyphen_in_narrow_ruled_columns_are_joined():
    """LibreOffice breaks a word wider than its column wherever the line is full ("ежекварт" /
    "ально"); a compound broken at its own hyphen keeps it."""
    ext = extract_pdf(str(DATA / "ruled_narrow.pdf"))
    cells = [c.text for t in ext.tables for r in t.rows for c in r.cells]
    assert "ежеквартально" in cells and "Информационные материалы" in cells
    assert "Проведение профориентационных мероприятий" in cells
    assert "Мониторинг по мере необходимости" in cells
    acts = _record("ruled_narrow").activities
    assert acts[0].responsible.startswith("Торгово-промышленная палата")
    assert [a.deadline for a in acts] == ["ежеквартально", "ежегодно"]


# ---- the three unseen orders of benchmarks/make_layouts.py (PDFs copied here as unseen_*.pdf)

@pytest.mark.parametrize("variant", ["", "_borderless"])
def test_parties_one_per_line_and_defined_abbreviations(variant):
    """Tatarstan: one organisation per line in the responsible cell, a "Список используемых
    сокращений" after the table, a bilingual header set in capitals."""
    rec = _record(f"unseen_tatarstan{variant}")
    assert rec.authority == "Кабинет Министров Республики Татарстан"
    first = rec.activities[0]
    assert [p.name for p in first.parties] == ["МОиН РТ", "МТЗиСЗ РТ", "муниципальные органы управления образованием"]
    assert first.parties[1].expanded == "Министерство труда, занятости и социальной защиты Республики Татарстан"
    third = rec.activities[2]
    assert [p.name for p in third.parties] == ["МОиН РТ", "Торгово-промышленная палата Республики Татарстан"]
    assert third.deadline == "февраль–март 2022 г."
    assert rec.activities[3].title.startswith("Обновление материально-технической базы")
    assert rec.activities[1].title == "Организация работы центров опережающей профессиональной подготовки"


@pytest.mark.parametrize("variant", ["", "_borderless"])
def test_start_end_dates_syllabic_abbreviation_and_merge_across_a_page(variant):
    """Perm: dates broken in narrow columns, "(Минпромторг ПК)" after a name wrapped over lines,
    a responsible cell merged over 1.2 and 1.3 across the page break (ruled only: a borderless
    print shows no merge)."""
    rec = _record(f"unseen_perm{variant}")
    acts = {a.number: a for a in rec.activities}
    assert list(acts) == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    assert acts["1.1"].deadline == "01.03.2020\n31.03.2020"
    assert str(acts["1.1"].deadline_norm.start) == "2020-03-01" and str(acts["1.1"].deadline_norm.end) == "2020-03-31"
    assert acts["1.2"].title == "Разработка региональной модели профессиональной ориентации"
    assert acts["2.2"].title.endswith("«Ворлдскиллс»")
    party = acts["2.1"].parties[0]
    assert party.name == "Минпромторг ПК"
    assert party.expanded == "Министерство промышленности и торговли Пермского края"
    if not variant:
        assert acts["1.3"].responsible == "ЦРПО"


@pytest.mark.parametrize("variant", ["", "_borderless"])
def test_centred_cells_rows_broken_by_pages_and_definitions_after_a_verb(variant):
    """Omsk: cells centred vertically, rows broken by two page ends, "(далее – РЦПО)" after a verb
    on a line wrapped inside the quoted name, a "Перечень сокращений" entry wrapped after a comma."""
    rec = _record(f"unseen_omsk{variant}")
    acts = rec.activities
    assert [a.number for a in acts] == ["1", "2", "3", "4", "5"]
    assert acts[1].title == ("Организация профессиональных проб для обучающихся 8–9 классов "
                             "общеобразовательных организаций Омской области")
    assert acts[1].deadline == "август–сентябрь 2022, 2023, 2024"
    assert acts[4].title == "Подведение итогов реализации плана мероприятий"
    assert acts[4].deadline == "декабрь 2024 года"
    expanded = {p.name: p.expanded for a in acts for p in a.parties}
    assert expanded["РЦПО"] == "бюджетное учреждение Омской области «Региональный центр профессиональной ориентации»"
    assert expanded["ОМСУ"] == ("органы местного самоуправления Омской области, осуществляющие управление "
                                "в сфере образования")
