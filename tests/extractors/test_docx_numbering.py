"""Word's automatic list numbering: numbers that exist only in numbering.xml reach the text."""

from pathlib import Path

import docx

from extractors.docx import extract_docx
from extractors.docx_numbering import format_number
from pipeline.stitch import stitch
from tests.docx_factory import HEADER, add_list, level_xml, mark_header, number_paragraph, number_style

ABS, NUM = 40, 41     # ids clear of the lists python-docx's template already defines


def _plan(path: Path, titles, levels=None, num_in_number_col=True, ilvls=None, overrides=None) -> Path:
    """A plan whose № cells (or title paragraphs) are auto-numbered and hold no digits."""
    d = docx.Document()
    add_list(d, ABS, levels or [level_xml(0, text="%1."), level_xml(1, text="%1.%2.")], [NUM, NUM + 1],
             start_overrides=overrides)
    d.add_paragraph("План мероприятий")
    t = d.add_table(rows=1 + len(titles), cols=len(HEADER))
    for i, h in enumerate(HEADER):
        t.rows[0].cells[i].text = h
    mark_header(t.rows[0])
    for r, title in enumerate(titles, start=1):
        ilvl = (ilvls or [0] * len(titles))[r - 1]
        num_cell = t.rows[r].cells[0].paragraphs[0]
        title_par = t.rows[r].cells[1].paragraphs[0]
        title_par.text = title
        number_paragraph(num_cell if num_in_number_col else title_par, NUM, ilvl)
        t.rows[r].cells[2].text = "Управление образования"
        t.rows[r].cells[3].text = "2024 год"
        t.rows[r].cells[4].text = "Отчет"
    d.save(path)
    return path


def _col(doc, col):
    return [r.cell_at(col).text for r in doc.tables[0].rows[1:]]


def test_auto_numbered_number_column_gives_one_activity_per_row(tmp_path):
    path = _plan(tmp_path / "a.docx", ["Первое", "Второе", "Третье"])
    doc = extract_docx(str(path))
    assert _col(doc, 0) == ["1.", "2.", "3."]
    acts = stitch(doc.tables, rows_can_split=False).activities
    assert [(a.number, a.title) for a in acts] == [("1", "Первое"), ("2", "Второе"), ("3", "Третье")]


def test_levels_restart_and_compose(tmp_path):
    path = _plan(tmp_path / "b.docx", ["Раздел", "Один", "Два", "Второй раздел", "Три"], ilvls=[0, 1, 1, 0, 1])
    assert _col(extract_docx(str(path)), 0) == ["1.", "1.1.", "1.2.", "2.", "2.1."]


def test_number_in_title_paragraph_is_prefixed(tmp_path):
    path = _plan(tmp_path / "c.docx", ["Первое", "Второе"], num_in_number_col=False,
                 levels=[level_xml(0, text="%1)")])
    assert _col(extract_docx(str(path)), 1) == ["1) Первое", "2) Второе"]


def test_formats_and_start(tmp_path):
    levels = [level_xml(0, fmt="upperRoman", text="%1.", start=3), level_xml(1, fmt="russianLower", text="%2)")]
    path = _plan(tmp_path / "d.docx", ["А", "Б", "В", "Г"], levels=levels, ilvls=[0, 1, 1, 0])
    assert _col(extract_docx(str(path)), 0) == ["III.", "а)", "б)", "IV."]


def test_bullets_show_no_number(tmp_path):
    path = _plan(tmp_path / "e.docx", ["Первое", "Второе"], levels=[level_xml(0, fmt="bullet", text="•")])
    assert _col(extract_docx(str(path)), 0) == ["", ""]


def test_counters_run_through_body_paragraphs_and_cells_in_document_order(tmp_path):
    d = docx.Document()
    add_list(d, ABS, [level_xml(0, text="%1.")], [NUM])
    number_paragraph(d.add_paragraph("Общие положения"), NUM)
    t = d.add_table(rows=2, cols=2)
    number_paragraph(t.rows[0].cells[0].paragraphs[0], NUM)
    number_paragraph(t.rows[1].cells[0].paragraphs[0], NUM)
    number_paragraph(d.add_paragraph("Заключение"), NUM)
    d.save(tmp_path / "f.docx")
    doc = extract_docx(str(tmp_path / "f.docx"))
    assert [b.text for b in doc.blocks] == ["1. Общие положения", "4. Заключение"]
    assert _col(doc, 0) == ["3."] and doc.tables[0].rows[0].cells[0].text == "2."


def test_start_override_restarts_a_second_instance(tmp_path):
    d = docx.Document()
    add_list(d, ABS, [level_xml(0, text="%1.")], [NUM, NUM + 1], start_overrides={NUM + 1: {0: 1}})
    for nid in (NUM, NUM, NUM + 1, NUM + 1):
        number_paragraph(d.add_paragraph("x"), nid)
    d.save(tmp_path / "g.docx")
    assert [b.text for b in extract_docx(str(tmp_path / "g.docx")).blocks] == ["1. x", "2. x", "1. x", "2. x"]


def test_second_instance_without_override_continues_the_list(tmp_path):
    d = docx.Document()
    add_list(d, ABS, [level_xml(0, text="%1.")], [NUM, NUM + 1])
    for nid in (NUM, NUM + 1):
        number_paragraph(d.add_paragraph("x"), nid)
    d.save(tmp_path / "h.docx")
    assert [b.text for b in extract_docx(str(tmp_path / "h.docx")).blocks] == ["1. x", "2. x"]


def test_style_linked_numbering_and_num_id_zero(tmp_path):
    d = docx.Document()
    add_list(d, ABS, [level_xml(0, text="Раздел %1.")], [NUM])
    number_style(d, "Heading 1", NUM)
    d.add_paragraph("Организационные мероприятия", style="Heading 1")
    off = d.add_paragraph("Без номера", style="Heading 1")
    number_paragraph(off, 0)
    d.add_paragraph("Кадры", style="Heading 1")
    d.save(tmp_path / "s.docx")
    assert [b.text for b in extract_docx(str(tmp_path / "s.docx")).blocks] == [
        "Раздел 1. Организационные мероприятия", "Без номера", "Раздел 2. Кадры"]


def test_format_number():
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert format_number(14, "upperRoman") == "XIV"
    assert format_number(10, "russianLower") == "к"
    assert format_number(5, "bullet") is None


def test_skipped_level_counts_as_shown(tmp_path):
    d = docx.Document()
    add_list(d, ABS, [level_xml(0, text="%1."), level_xml(1, text="%1.%2."),
                      level_xml(2, fmt="russianLower", text="%3)")], [NUM])
    for lvl in (0, 2, 1, 0):
        number_paragraph(d.add_paragraph("x"), NUM, lvl)
    d.save(tmp_path / "k.docx")
    assert [b.text for b in extract_docx(str(tmp_path / "k.docx")).blocks] == ["1. x", "а) x", "1.2. x", "2. x"]
