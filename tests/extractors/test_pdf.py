"""PDF entry point on PDFs the tests draw themselves (reportlab): tables, page breaks, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from extractors import pdf as pdfmod
from extractors.grid import ExtractionError, PageLayout, Segment, Word
from tests.hostile.make_hostile import pdf_from_objects

HEADER = ["No", "Activity", "Deadline", "Responsible"]


def _styled_table(data, spans=(), repeat_rows=1) -> RLTable:
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTSIZE", (0, 0), (-1, -1), 9)]
    style += [("SPAN", a, b) for a, b in spans]
    return RLTable(data, colWidths=[40, 260, 110, 150], repeatRows=repeat_rows, style=TableStyle(style))


def build_pdf(path: Path, story, pagesize=A4) -> Path:
    SimpleDocTemplate(str(path), pagesize=pagesize, topMargin=40, bottomMargin=40).build(story)
    return path


def para(text: str) -> Paragraph:
    return Paragraph(text, getSampleStyleSheet()["Normal"])


@pytest.fixture
def merged_pdf(tmp_path):
    data = [HEADER,
            ["1. Section heading spanning the table", "", "", ""],
            ["1.1", "Write the plan", "2021", "Ministry"],
            ["1.2", "Approve the plan", "", "Ministry"],
            ["1.3", "Publish it", "2022", "Agency"]]
    # heading merged across all columns; deadline "2021" merged over rows 1.1 and 1.2
    t = _styled_table(data, spans=[((0, 1), (3, 1)), ((2, 2), (2, 3))])
    return build_pdf(tmp_path / "merged.pdf", [para("Order No 5 of 2021"), Spacer(1, 12), t])


def test_ruled_table_with_merged_cells(merged_pdf):
    doc = pdfmod.extract_pdf(str(merged_pdf))
    assert doc.file_format == "pdf" and doc.extractor_version == pdfmod.EXTRACTOR_VERSION
    assert doc.page_engines == {1: "pdfplumber"}
    (t,) = doc.tables
    assert t.n_cols == 4
    assert [c.text for c in t.rows[0].cells] == HEADER
    heading = t.rows[1].cells
    assert len(heading) == 1 and heading[0].colspan == 4
    assert heading[0].text == "1. Section heading spanning the table"
    deadline = t.rows[2].cell_at(2)
    assert (deadline.text, deadline.rowspan) == ("2021", 2)
    assert t.rows[3].cell_at(2) is None                 # covered by the merge: absent
    assert [c.text for c in t.rows[3].cells] == ["1.2", "Approve the plan", "Ministry"]
    assert any("Order No 5" in b.text and b.before_table == 0 for b in doc.blocks)


def _long_rows(n: int) -> list[list[str]]:
    return [[str(i), f"Activity number {i} with a longer title", "2022", "Agency"] for i in range(1, n + 1)]


def test_table_broken_across_pages_is_marked_as_continuation(tmp_path):
    data = [HEADER] + _long_rows(60)
    path = build_pdf(tmp_path / "long.pdf", [para("Roadmap"), _styled_table(data)],
                     pagesize=landscape(A4))
    doc = pdfmod.extract_pdf(str(path))
    assert doc.n_pages >= 2
    first, second = doc.tables[0], doc.tables[1]
    assert not first.continues_previous and second.continues_previous
    assert second.page_start == first.page_end + 1 and second.n_cols == first.n_cols
    # the repeated header row is flagged on both fragments, data rows are not
    assert first.rows[0].is_header and second.rows[0].is_header
    assert not any(r.is_header for r in second.rows[1:])
    numbers = [r.cells[0].text for t in doc.tables for r in t.rows if not r.is_header]
    assert numbers == [str(i) for i in range(1, 61)]
    assert all(r.page == second.page_start for r in second.rows)


def test_second_table_on_same_page_is_not_a_continuation(tmp_path):
    data2 = [["Indicator", "Unit", "2021", "2022"], ["Share", "%", "10", "20"]]
    t2 = RLTable(data2, colWidths=[200, 60, 60, 60],
                 style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    path = build_pdf(tmp_path / "two.pdf", [_styled_table([HEADER] + _long_rows(3)), Spacer(1, 30),
                                            para("Indicators"), t2])
    doc = pdfmod.extract_pdf(str(path))
    assert [t.n_cols for t in doc.tables] == [4, 4]
    assert not doc.tables[1].continues_previous
    assert doc.tables[1].rows[1].cells[0].text == "Share"


def test_encrypted_pdf_is_a_clear_error(tmp_path):
    path = tmp_path / "enc.pdf"
    c = canvas.Canvas(str(path), encrypt="secret")
    c.drawString(100, 700, "Secret roadmap")
    c.save()
    with pytest.raises(ExtractionError, match="encrypted") as e:
        pdfmod.extract_pdf(str(path))
    assert e.value.stage == "open" and e.value.path == str(path)


def test_truncated_pdf_is_a_clear_error(merged_pdf, tmp_path):
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(merged_pdf.read_bytes()[: len(merged_pdf.read_bytes()) // 2])
    with pytest.raises(ExtractionError, match="damaged or truncated"):
        pdfmod.extract_pdf(str(cut))


def test_not_a_pdf_is_a_clear_error(tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"this is not a pdf at all")
    with pytest.raises(ExtractionError) as e:
        pdfmod.extract_pdf(str(junk))
    assert e.value.stage == "open"


def test_pdf_without_table_is_a_clear_error(tmp_path):
    path = build_pdf(tmp_path / "text.pdf", [para("Just a letter, no table at all.")])
    with pytest.raises(ExtractionError, match="no table") as e:
        pdfmod.extract_pdf(str(path))
    assert e.value.stage == "tables"


def cid_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text uses a Type0/Identity-H font without a ToUnicode map."""
    shows = b" ".join(b"<" + "".join(f"{0x100 + ord(ch) % 200:04X}" for ch in ln).encode()
                      + b"> Tj 0 -16 Td" for ln in lines)
    content = b"BT /F1 12 Tf 72 720 Td " + shows + b" ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Foo /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Foo /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 600 >>",
    ]
    return pdf_from_objects(objs)


def test_cid_garbage_page_needs_ocr_never_garbage(tmp_path, monkeypatch):
    from extractors import ocr

    def no_ocr(path, page_no):
        raise RuntimeError("tesseract missing")

    monkeypatch.setattr(ocr, "ocr_page_layout", no_ocr)
    path = tmp_path / "cid.pdf"
    path.write_bytes(cid_pdf(["Hello roadmap text", "second line"]))
    layouts = pdfmod.open_layouts(str(path))
    assert "(cid:" in layouts[0].words[0].text and pdfmod.needs_ocr(layouts[0])
    with pytest.raises(ExtractionError, match="need OCR") as e:
        pdfmod.extract_pdf(str(path))
    assert e.value.stage == "ocr"


def test_cid_page_goes_to_ocr_and_ocr_layout_is_routed(tmp_path, monkeypatch):
    from extractors import ocr

    def fake_ocr(path, page_no):
        xs, ys = [50, 100, 300, 450], [100, 130, 160]
        segs = [Segment(x, ys[0], x, ys[-1]) for x in xs] + [Segment(xs[0], y, xs[-1], y) for y in ys]
        words = [Word("No", 55, 105, 70, 115, confidence=0.8), Word("Task", 105, 105, 130, 115),
                 Word("1", 55, 135, 60, 145), Word("Plan", 105, 135, 130, 145, confidence=0.6)]
        return PageLayout(page_no, 612, 792, words=words, segments=segs, source="ocr")

    monkeypatch.setattr(ocr, "ocr_page_layout", fake_ocr)
    path = tmp_path / "cid.pdf"
    path.write_bytes(cid_pdf(["x"]))
    doc = pdfmod.extract_pdf(str(path))
    assert doc.page_engines[1].startswith("ocr")
    (t,) = doc.tables
    assert t.rows[1].cell_at(1).text == "Plan" and t.rows[1].cell_at(1).confidence == 0.6


def test_stray_cid_glyphs_are_removed_and_flagged():
    lay = PageLayout(1, 600, 800, words=[Word("Plan(cid:3)", 0, 0, 10, 10), Word("(cid:7)", 20, 0, 30, 10),
                                         Word("ok", 40, 0, 50, 10), Word("fine", 60, 0, 70, 10)])
    assert not pdfmod.needs_ocr(lay)
    pdfmod.drop_cid_glyphs(lay)
    assert [w.text for w in lay.words] == ["Plan", "ok", "fine"]
    assert lay.flags == ["cid_glyphs_removed"]


def test_broken_grid_falls_back_to_camelot_lines(merged_pdf, monkeypatch):
    """When pdfplumber's grid misses words, camelot's lines are used if they cover more."""
    layouts = pdfmod.open_layouts(str(merged_pdf))
    lay = layouts[0]
    full = list(lay.segments)
    # the vertical rules are lost (e.g. drawn in a way pdfplumber cannot read): no cells at all
    lay.segments = [s for s in full if s.horizontal]
    monkeypatch.setattr(pdfmod, "camelot_segments", lambda path, layout: full)
    tables, engine = pdfmod.ruled_tables_best_engine(str(merged_pdf), lay)
    assert engine == "camelot"
    assert tables[0].n_cols == 4 and tables[0].extractor == "camelot-lattice"


def test_good_grid_never_calls_camelot(merged_pdf, monkeypatch):
    def boom(path, layout):
        raise AssertionError("camelot must not run on a sound pdfplumber grid")

    monkeypatch.setattr(pdfmod, "camelot_segments", boom)
    doc = pdfmod.extract_pdf(str(merged_pdf))
    assert doc.page_engines == {1: "pdfplumber"}


def test_camelot_segments_on_a_real_page(merged_pdf):
    lay = pdfmod.open_layouts(str(merged_pdf))[0]
    segs = pdfmod.camelot_segments(str(merged_pdf), lay)
    assert segs, "camelot lattice finds the drawn grid"
    from extractors.ruled import build_ruled_tables

    alt = PageLayout(1, lay.width, lay.height, lay.words, segs)
    (t,) = build_ruled_tables(alt)
    assert t.n_cols == 4 and t.rows[0].cells[1].text == "Activity"


def test_rotated_page_reports_displayed_size(tmp_path):
    path = tmp_path / "rot.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setPageRotation(90)
    c.drawString(100, 500, "Sideways")
    c.save()
    (lay,) = pdfmod.open_layouts(str(path))
    assert lay.width > lay.height                      # displayed as landscape
    assert all(0 <= w.x0 <= lay.width and 0 <= w.top <= lay.height for w in lay.words)


def test_a_scanned_page_of_a_ruled_document_with_no_rules_is_read_from_its_words(monkeypatch):
    """A one-bit copy cut the faint rules of a plan's first page away (its second page kept them):
    the page had been text only, its rows lost; its words' alignment makes its table."""
    from extractors import pdf
    from extractors.grid import Cell, ExtractedDocument, PageLayout, Row, Table
    from tests.extractors.test_borderless import WIDTHS, compose_roadmap, to_layouts

    first = to_layouts(compose_roadmap(WIDTHS), jitter=0.5, confidence=0.8, source="ocr")[0]
    ruled = Table(rows=[Row([Cell("2.2", 0, page=2), Cell("Мониторинг", 1, page=2)], page=2)], n_cols=2,
                  page_start=2, page_end=2, extractor="ocr-lines")
    second = PageLayout(page_no=2, width=first.width, height=first.height, source="ocr")
    monkeypatch.setattr(pdf, "ruled_tables_best_engine",
                        lambda path, lay: ([ruled] if lay.page_no == 2 else [], "ocr-lines"))

    def extract(pages: list[PageLayout], routes: dict[int, str]) -> ExtractedDocument:
        doc = ExtractedDocument(path="x.pdf", file_format="pdf", extractor="pdf", extractor_version="1", n_pages=2)
        return pdf._extract_routed(doc, "x.pdf", pages, routes)

    doc = extract([first, second], {1: "ocr-borderless", 2: "ocr-ruled"})
    assert doc.page_engines[1] == "ocr-borderless"
    assert any(c.text == "1.1" for t in doc.tables if t.page_start == 1 for r in t.rows for c in r.cells)
    assert any("rules lost" in f for f in doc.flags)
    # a text page (no OCR: its route is the text layer's) of a ruled document stays text only
    text_first = to_layouts(compose_roadmap(WIDTHS))[0]
    assert extract([text_first, second], {1: "borderless", 2: "ocr-ruled"}).page_engines[1] == "text-only"
