"""DOCX grid: gridSpan, vMerge, tblHeader, line breaks, paragraphs around tables."""

import docx

from extractors import extract
from extractors.docx import extract_docx
from tests.docx_factory import make_docx


def test_horizontal_merge_is_one_cell_with_colspan(tmp_path):
    p = make_docx(tmp_path / "h.docx", [["1. Раздел", "", "", "", ""], ["1.1", "А", "Б", "май", "В"]],
                  merges=[(0, 0, 0, 4)])
    t = extract_docx(str(p)).tables[0]
    heading = t.rows[1]
    assert len(heading.cells) == 1
    assert heading.cells[0].colspan == 5
    assert heading.cells[0].text == "1. Раздел"


def test_vertical_merge_resolves_to_rowspan_and_equal_text_is_not_a_merge(tmp_path):
    rows = [["1", "Первое", "ЦЗН", "Май", "Итог"], ["2", "Второе", "", "Май", "Итог"],
            ["3", "Третье", "", "Июнь", "Итог"]]
    p = make_docx(tmp_path / "v.docx", rows, merges=[(0, 2, 2, 2)])
    t = extract_docx(str(p)).tables[0]
    first = t.rows[1]
    resp = first.cell_at(2)
    assert resp.text == "ЦЗН" and resp.rowspan == 3
    assert t.rows[2].cell_at(2) is None and t.rows[3].cell_at(2) is None
    # equal texts in separate cells stay separate cells
    assert t.rows[2].cell_at(4).text == "Итог" and t.rows[2].cell_at(4).rowspan == 1


def test_header_rows_line_breaks_and_blocks(tmp_path):
    p = make_docx(tmp_path / "b.docx", [["1", "Строка один\nстрока два", "ЦЗН", "Май", "Итог"]],
                  before=["ПРИКАЗ", "от 1 марта 2021 г. № 5"], after=["Сокращения:", "ЦЗН – центр занятости"])
    d = extract(p)
    t = d.tables[0]
    assert t.rows[0].is_header and not t.rows[1].is_header
    assert t.rows[1].cell_at(1).text == "Строка один\nстрока два"
    assert [b.before_table for b in d.blocks] == [0, 0, 1, 1]
    assert d.blocks[0].text == "ПРИКАЗ"


def test_grid_before_and_nested_table(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    t.rows[0].cells[0].text = "a"
    inner = t.rows[1].cells[1].add_table(rows=1, cols=2)
    inner.rows[0].cells[0].text = "вложенная"
    # drop the first cell of row 0 and declare it skipped with gridBefore
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tr = t.rows[0]._tr
    tr.remove(tr.tc_lst[0])
    trpr = tr.get_or_add_trPr()
    gb = OxmlElement("w:gridBefore")
    gb.set(qn("w:val"), "1")
    trpr.insert(0, gb)
    path = tmp_path / "n.docx"
    d.save(path)
    ex = extract_docx(str(path))
    outer = ex.tables[0]
    assert outer.rows[0].cells[0].col == 1
    nested = [x for x in ex.tables if x.nested_in is not None]
    assert nested and nested[0].rows[0].cells[0].text == "вложенная"
    assert "вложенная" not in outer.rows[1].cell_at(1).text
