"""One lean reading of a page (extractors.pdf_page) gives exactly pdfplumber's words, edges and images."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from extractors.pdf_page import read_page
from tests.conftest import sample
from tests.hostile.make_hostile import pdf_from_objects

WORD_KW = dict(keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname", "size"])


def assert_same_as_pdfplumber(path: Path) -> int:
    """read_page equals pdfplumber's own page API on every page; returns the number of words."""
    n = 0
    with pdfplumber.open(str(path)) as lean, pdfplumber.open(str(path)) as full:
        for a, b in zip(lean.pages, full.pages):
            got = read_page(a)
            assert got.words == b.extract_words(**WORD_KW)
            assert got.edges == b.edges
            assert got.images == b.images
            assert got.drawn == bool(b.objects)
            n += len(got.words)
    return n


def raw_pdf(content: bytes, mediabox: str = "0 0 612 792", extra_page: str = "") -> bytes:
    """A one-page PDF with Helvetica, a content stream and the MediaBox given."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (f"<< /Type /Page /Parent 2 0 R /MediaBox [{mediabox}] {extra_page}"
         "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>").encode(),
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    return pdf_from_objects(objs)


def test_ruled_table_with_fonts_sizes_and_a_form_xobject(tmp_path):
    path = tmp_path / "table.pdf"
    data = [["No", "Activity", "Deadline"], ["1", "Write the plan", "2021"], ["2", "Publish it", "2022"]]
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"), ("FONTSIZE", (0, 1), (-1, -1), 8)])
    SimpleDocTemplate(str(path), pagesize=A4).build([Table(data, colWidths=[40, 200, 80], style=style)])
    assert assert_same_as_pdfplumber(path) >= 11
    # a form XObject (pdfminer's LTFigure): its chars and lines are read from inside it
    c = canvas.Canvas(str(tmp_path / "form.pdf"), pagesize=A4)
    c.beginForm("stamp")
    c.setFont("Helvetica", 10)
    c.drawString(10, 10, "Inside a form")
    c.rect(5, 5, 120, 20)
    c.endForm()
    c.doForm("stamp")
    c.drawString(100, 600, "Outside")
    c.line(50, 500, 400, 500)
    c.save()
    assert assert_same_as_pdfplumber(tmp_path / "form.pdf") == 4


def test_mediabox_offset_and_rotation_match_pdfplumber(tmp_path):
    content = b"BT /F1 11 Tf 120 700 Td (Offset page text) Tj ET 100 650 m 500 650 l S 100 600 300 40 re S"
    path = tmp_path / "offset.pdf"
    path.write_bytes(raw_pdf(content, mediabox="40 30 652 822"))
    assert assert_same_as_pdfplumber(path) == 3
    rotated = tmp_path / "rotated.pdf"
    rotated.write_bytes(raw_pdf(content, extra_page="/Rotate 90 "))
    assert assert_same_as_pdfplumber(rotated) >= 3          # text turned with the page (upright False)


def test_blank_page_draws_nothing(tmp_path):
    path = tmp_path / "blank.pdf"
    path.write_bytes(raw_pdf(b""))
    with pdfplumber.open(str(path)) as pdf:
        got = read_page(pdf.pages[0])
    assert (got.words, got.edges, got.images, got.drawn) == ([], [], [], False)


@pytest.mark.parametrize("name", ["kemerovo_2018.pdf", "amur_2019_borderless.pdf"])
def test_sample_documents_match_pdfplumber(name):
    assert assert_same_as_pdfplumber(sample(name)) > 500
