"""Scans with a hidden (invisible, render mode 3) OCR text layer are read as scans.

The fixture draws a ruled table with reportlab, renders it to an image (turned
slightly, as a scanner does) and writes a new PDF: the image over the whole page
and the table's words drawn invisibly at their places, as ABBYY FineReader and
ocrmypdf do. pdfplumber sees the words but no ruling lines.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import numpy as np
import pytest

from extractors.grid import PageLayout, Word
from tests.drawing import CELLS, PAGE, XS, YS, cyrillic_font, draw_table, register_font

DPI = 150
GARBAGE = {"Мероприятие": "Ме|ро1прнят", "Создание": "Сз0дан!е", "центра": "цеи1р,а",
           "Проведение": "Пр0вед.ен", "конкурса": "к0нкур;са", "Обучение": "0бу4ен!е",
           "педагогов": "пе,да1ог", "ежегодно": "еж3год!о", "декабрь": "дек4брь!", "Срок": "Ср0к!"}


def _register() -> None:
    register_font("LayerTest")


def _table_image(angle: float) -> np.ndarray:
    """The ruled table drawn and rendered at ``DPI``, turned by ``angle`` degrees."""
    import pypdfium2 as pdfium
    from PIL import Image
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    w, h = PAGE
    c = canvas.Canvas(buf, pagesize=PAGE)
    c.setFont("LayerTest", 11)
    draw_table(c, h)
    c.save()
    pdf = pdfium.PdfDocument(buf.getvalue())
    img = pdf[0].render(scale=DPI / 72).to_pil().convert("L")
    pdf.close()
    return np.asarray(img.rotate(angle, resample=Image.BILINEAR, fillcolor=255))


def _hidden_layer_pdf(dst: Path, angle: float = 0.7, garbage: bool = False) -> None:
    """Page image + the words in text render mode 3 (invisible), like an OCR'd scan."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.fromarray(_table_image(angle))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    w, h = PAGE
    c = canvas.Canvas(str(dst), pagesize=PAGE)
    c.drawImage(ImageReader(buf), 0, 0, w, h)
    t = c.beginText()
    t.setFont("LayerTest", 11)
    t.setTextRenderMode(3)
    for r, row in enumerate(CELLS):
        for k, text in enumerate(row):
            if garbage:
                text = " ".join(GARBAGE.get(p, p) for p in text.split())
            t.setTextOrigin(XS[k] + 5, h - YS[r] - 20)
            t.textOut(text)
    c.drawText(t)
    c.save()


@pytest.fixture(scope="module")
def layer_pdfs(tmp_path_factory) -> dict[str, Path]:
    if cyrillic_font() is None:
        pytest.skip("no TrueType font with Cyrillic glyphs")
    _register()
    d = tmp_path_factory.mktemp("layer")
    _hidden_layer_pdf(d / "good.pdf")
    _hidden_layer_pdf(d / "garbage.pdf", garbage=True)
    return {"good": d / "good.pdf", "garbage": d / "garbage.pdf"}


def test_invisible_words_over_page_image_mark_a_scan(layer_pdfs):
    from extractors import pdf, text_layer

    [lay] = pdf.open_layouts(str(layer_pdfs["good"]))
    assert lay.words and not pdf.is_ruled(lay)          # words, but no vector rules
    assert text_layer.HIDDEN_LAYER_FLAG in lay.flags
    assert pdf.needs_ocr(lay)


def test_good_hidden_layer_gives_ruled_table_from_image_rules(layer_pdfs):
    from extractors import pdf

    doc = pdf.extract_pdf(str(layer_pdfs["good"]))
    assert doc.tables, "the rules on the page image must give a ruled table"
    texts = [" ".join(c.text.split()) for t in doc.tables for r in t.rows for c in r.cells]
    for row in CELLS:
        for cell in row:
            assert cell in texts
    assert any("hidden OCR layer used" in f for f in doc.flags)
    assert doc.page_engines[1].startswith("ocr")


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_poor_hidden_layer_is_read_again_by_ocr(layer_pdfs):
    from extractors import pdf

    doc = pdf.extract_pdf(str(layer_pdfs["garbage"]))
    assert any("hidden OCR layer poor" in f and "re-OCR'd" in f for f in doc.flags)
    texts = " ".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Ме|ро1прнят" not in texts
    assert "Мероприятие" in texts


def test_layer_quality_tells_text_from_debris():
    from extractors.text_layer import layer_quality

    good = [Word(t, 0, 0, 1, 1) for t in "Проведение областного конкурса 2021 года 1.3 ЦЗН".split()]
    bad = [Word(t, 0, 0, 1, 1) for t in "Пр0вед.ен обл4стн0го к0нкур;са 2021 Ме|ро1прнят".split()]
    assert layer_quality(good) >= 0.9
    assert layer_quality(bad) < 0.5


def test_words_follow_the_deskew_rotation():
    """A word moves exactly as its pixels do when the page image is levelled."""
    from extractors.ocr import _rotate
    from extractors.text_layer import _to_deskewed

    k = 0.5                                        # points per pixel
    w = Word("x", 100, 10, 110, 20)                # centre (105, 15) pt = (210, 30) px
    [same] = _to_deskewed([w], 0.0, (1000, 1000), k)
    assert same is w
    img = np.zeros((1000, 1000), np.uint8)
    img[28:33, 208:213] = 255
    turned = _rotate(img, 2.0, 0)
    ys, xs = np.nonzero(turned > 100)
    [moved] = _to_deskewed([w], 2.0, (1000, 1000), k)
    assert (moved.x0 + moved.x1) / 2 == pytest.approx(xs.mean() * k, abs=1.0)
    assert (moved.top + moved.bottom) / 2 == pytest.approx(ys.mean() * k, abs=1.0)
    assert moved.x1 - moved.x0 == pytest.approx(10)


def test_small_images_do_not_make_a_scan():
    from extractors.text_layer import covers_page

    logo = [{"x0": 10, "top": 10, "x1": 110, "bottom": 60}]
    full = [{"x0": 0, "top": 0, "x1": 420, "bottom": 300}]
    assert not covers_page(logo, 420, 300)
    assert covers_page(full, 420, 300)
    assert not covers_page([], 420, 300)


def test_layouts_without_the_flag_are_not_hidden():
    from extractors.text_layer import is_hidden_layer

    assert not is_hidden_layer(PageLayout(1, 100, 100, [Word("а", 0, 0, 1, 1)]))
