"""HTML pages: true spans, line breaks, nested and layout tables, encodings, error pages."""

from __future__ import annotations

import pytest

from extractors import extract
from extractors.docx import extract_docx
from extractors.grid import ExtractionError
from extractors.html import parse_html
from pipeline.ingest import export_json, ingest_path, list_quarantine
from tests.conftest import RAW

SPANS = """<html><body>
<table border=1>
<thead>
<tr><th rowspan="2">№</th><th rowspan=2>Мероприятие</th><th colspan="3">Целевые индикаторы</th></tr>
<tr><th>2021</th><th>2022</th><th>2023</th></tr>
</thead>
<tbody>
<tr><td rowspan="3">1</td><td>Первое</td><td>10</td><td colspan=2>20</td></tr>
<tr><td>Второе</td><td rowspan="2">11</td><td>21</td><td>31</td></tr>
<tr><td>Третье</td><td>22</td><td>32</td></tr>
</tbody>
</table></body></html>"""


def _grid(table) -> list[list[tuple]]:
    return [[(c.text, c.col, c.colspan, c.rowspan) for c in r.cells] for r in table.rows]


def test_rowspan_and_colspan_become_true_spans():
    (t,) = parse_html(SPANS.encode()).tables
    assert t.n_cols == 5
    assert _grid(t) == [
        [("№", 0, 1, 2), ("Мероприятие", 1, 1, 2), ("Целевые индикаторы", 2, 3, 1)],
        [("2021", 2, 1, 1), ("2022", 3, 1, 1), ("2023", 4, 1, 1)],
        [("1", 0, 1, 3), ("Первое", 1, 1, 1), ("10", 2, 1, 1), ("20", 3, 2, 1)],
        [("Второе", 1, 1, 1), ("11", 2, 1, 2), ("21", 3, 1, 1), ("31", 4, 1, 1)],
        [("Третье", 1, 1, 1), ("22", 3, 1, 1), ("32", 4, 1, 1)],
    ]
    assert [r.is_header for r in t.rows] == [True, True, False, False, False]
    assert all(c.bold for c in t.rows[0].cells) and not any(c.bold for c in t.rows[2].cells)
    assert t.page_start == 1 and all(c.page == 1 for r in t.rows for c in r.cells)


def test_rowspan_zero_and_overlong_spans_stop_at_the_row_group():
    page = ("<table><thead><tr><td rowspan=5>H</td><td>x</td></tr></thead>"
            "<tbody><tr><td rowspan=0>A</td><td>1</td></tr><tr><td>2</td></tr>"
            "<tr><td>3</td></tr></tbody><tfoot><tr><td>F</td><td>end</td></tr></tfoot></table>")
    (t,) = parse_html(page.encode()).tables
    assert _grid(t) == [[("H", 0, 1, 1), ("x", 1, 1, 1)],
                        [("A", 0, 1, 3), ("1", 1, 1, 1)], [("2", 1, 1, 1)], [("3", 1, 1, 1)],
                        [("F", 0, 1, 1), ("end", 1, 1, 1)]]


def test_br_and_paragraphs_in_cells_are_line_breaks_and_spaces_collapse():
    page = ("<table><tr><td><p>Первая\n   строка</p><p>Вторая<br>Третья</p></td>"
            "<td>  один <br/><br/> два  </td><td><div>а</div>б<ul><li>в</li><li>г</li></ul></td></tr></table>")
    (t,) = parse_html(page.encode()).tables
    assert t.rows[0].texts == ["Первая строка\nВторая\nТретья", "один\n\nдва", "а\nб\nв\nг"]


def test_tfoot_rows_come_last_and_th_rows_outside_thead_are_not_headers():
    page = ("<table><tfoot><tr><td>итого</td></tr></tfoot><tr><th>Заголовок</th></tr>"
            "<tr><td>строка</td></tr></table>")
    (t,) = parse_html(page.encode()).tables
    assert [r.texts for r in t.rows] == [["Заголовок"], ["строка"], ["итого"]]
    assert not any(r.is_header for r in t.rows)


def test_nested_table_is_separate_and_not_repeated_in_its_cell():
    page = ("<table><tr><td>Снаружи<table><tr><td>Внутри</td><td>2</td></tr></table></td>"
            "<td>x</td></tr></table>")
    outer, inner = parse_html(page.encode()).tables
    assert outer.rows[0].texts == ["Снаружи", "x"] and outer.nested_in is None
    assert inner.rows[0].texts == ["Внутри", "2"] and inner.nested_in == 0


def test_layout_table_framing_a_page_is_read_as_flow():
    page = ("<body><table width=100%><tr><td><p>ПРИКАЗ</p><p>от 1 марта 2021 г. № 5</p>"
            "<table border=1><tr><td>1</td><td>Мероприятие</td></tr></table>"
            "<p>Сокращения:</p></td></tr></table></body>")
    doc = parse_html(page.encode())
    (t,) = doc.tables
    assert t.nested_in is None and t.rows[0].texts == ["1", "Мероприятие"]
    assert [(b.text, b.before_table) for b in doc.blocks] == [
        ("ПРИКАЗ", 0), ("от 1 марта 2021 г. № 5", 0), ("Сокращения:", 1)]


def test_text_outside_tables_is_blocks_in_reading_order_without_page_chrome():
    page = """<html><head><title>Портал</title><script>var x = "<table>";</script>
    <style>p { color: red }</style></head><body>
    <nav><a href="/">Главная</a></nav>
    <h1>ПРАВИТЕЛЬСТВО ОБЛАСТИ</h1><p><b>ПОСТАНОВЛЕНИЕ</b></p><p>от 9 августа 2019 г.<br>№ 448</p>
    <table><caption>План мероприятий</caption><tr><td>1</td></tr></table>
    <p>Сокращения: <span style="font-weight: bold">ЦЗН</span> – центр занятости</p>
    <footer>© Портал</footer></body></html>"""
    doc = parse_html(page.encode())
    assert [(b.text, b.bold, b.before_table) for b in doc.blocks] == [
        ("ПРАВИТЕЛЬСТВО ОБЛАСТИ", True, 0), ("ПОСТАНОВЛЕНИЕ", True, 0),
        ("от 9 августа 2019 г.\n№ 448", False, 0), ("План мероприятий", False, 0),
        ("Сокращения: ЦЗН – центр занятости", False, 1)]
    assert doc.file_format == "html" and doc.n_pages == 1 and doc.extractor == "html-lxml"


@pytest.mark.parametrize("head", [
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
    '<meta charset="cp1251">',
    "",                                   # no declaration: not UTF-8, so windows-1251
])
def test_windows_1251_pages(head):
    page = f"<html><head>{head}</head><body><p>Дорожная карта</p><table><tr><td>Срок</td></tr></table></body></html>"
    doc = parse_html(page.encode("cp1251"))
    assert doc.blocks[0].text == "Дорожная карта" and doc.tables[0].rows[0].texts == ["Срок"]


def test_utf8_page_declared_in_meta_and_utf8_bom():
    page = "<html><head><meta charset=utf-8></head><body><table><tr><td>Ответственные</td></tr></table></body></html>"
    assert parse_html(page.encode()).tables[0].rows[0].texts == ["Ответственные"]
    assert parse_html(b"\xef\xbb\xbf" + page.encode()).tables[0].rows[0].texts == ["Ответственные"]


def test_sample_portal_page_has_the_docx_grid():
    html_doc = extract(RAW / "kaluga_2021.html")
    docx_doc = extract_docx(str(RAW / "kaluga_2021.docx"))
    assert html_doc.file_format == "html"
    assert [_grid(t) for t in html_doc.tables] == [_grid(t) for t in docx_doc.tables]
    assert [b.text for b in html_doc.blocks if "Главная" not in b.text] == [b.text for b in docx_doc.blocks]


def test_html_sample_ingests_like_the_docx(tmp_path):
    db_docx, db_html = f"sqlite:///{tmp_path}/d.db", f"sqlite:///{tmp_path}/h.db"
    assert ingest_path(str(RAW / "kaluga_2021.docx"), db_docx).status == "loaded"
    assert ingest_path(str(RAW / "kaluga_2021.html"), db_html).status == "loaded"
    (d,), (h,) = export_json(db_docx), export_json(db_html)
    assert h["document"]["file_format"] == "html" and h["document"]["extractor"] == "html-lxml"
    assert h["activities"] == d["activities"]
    for key in ("doc_number", "doc_date", "title", "authority", "region_code"):
        assert h["document"][key] == d["document"][key], key


def test_page_without_table_fails_at_sniff_and_page_with_an_unrelated_table_at_validate(tmp_path, db_url):
    error_page = tmp_path / "roadmap.pdf"
    error_page.write_bytes(b"<!DOCTYPE html><html><body><h1>Document moved</h1></body></html>")
    menu_page = tmp_path / "page.html"
    menu_page.write_text("<html><body><table><tr><td>Новости</td><td>Контакты</td></tr></table></body></html>",
                         encoding="utf-8")
    a, b = ingest_path(str(error_page), db_url), ingest_path(str(menu_page), db_url)
    assert (a.status, a.stage, b.status, b.stage) == ("failed", "sniff", "failed", "validate")
    assert "HTML page with no table" in a.error and "no activity table" in b.error
    assert export_json(db_url) == []
    assert len(list_quarantine(db_url)) == 2


def test_fetched_html_roadmap_is_ingested_and_an_error_page_is_quarantined(tmp_path, db_url):
    from typer.testing import CliRunner

    from cli import app
    from tests.local_http import Route, serve_routes

    page = (RAW / "kaluga_2021.html").read_bytes()
    routes = {"/doc/1187": Route(page, content_type="text/html; charset=windows-1251"),
              "/doc/404": Route(b"<html><body><p>\xcd\xe5 \xed\xe0\xe9\xe4\xe5\xed\xee</p></body></html>",
                                content_type="text/html")}
    with serve_routes(routes) as base:
        res = CliRunner().invoke(app, ["ingest", f"{base}/doc/1187", f"{base}/doc/404", "--db", db_url,
                                      "--allow-private-network"])  # the test server is on 127.0.0.1
    assert res.exit_code == 1 and "Traceback" not in res.output
    (doc,) = export_json(db_url)
    assert doc["document"]["source"] == f"{base}/doc/1187" and doc["document"]["file_format"] == "html"
    assert [(q["source"], q["stage"]) for q in list_quarantine(db_url)] == [(f"{base}/doc/404", "sniff")]


def test_unparseable_markup_is_an_extraction_error_not_a_traceback():
    with pytest.raises(ExtractionError) as err:
        parse_html(b"<html><body><p>no tables here</p></body></html>", "x.html")
    assert err.value.stage == "extract" and "x.html" in str(err.value)


def test_absurdly_deep_markup_is_handled_without_a_traceback():
    deep = b"<html><body>" + b"<div>" * 100_000 + b"<table><tr><td>x</td></tr></table>" + b"</div>" * 100_000
    nested = b"<html><body>" + b"<table><tr><td>" * 5000 + b"x" + b"</td></tr></table>" * 5000
    for page in (deep, nested):
        try:
            doc = parse_html(page)
        except ExtractionError as e:
            assert e.stage == "extract"
        else:
            assert doc.tables
