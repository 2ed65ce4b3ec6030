"""OCR path on scans the tests make themselves: a ruled table, a blank page, plain text.

Each fixture is drawn with reportlab, rendered to an image, turned slightly,
sprinkled with grey noise and saved by Pillow as an image-only PDF (no text
layer), exactly what a scanner produces. Pages are small to keep Tesseract fast.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from extractors.grid import ExtractionError, PageLayout
from tests.drawing import PAGE, XS, YS, cyrillic_font, draw_table, register_font

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")

DPI = 150
TILT = 1.5                     # degrees the "scanner" turns the sheet
PARAGRAPH = ["Министерство образования и науки", "Калужской области приказывает",
             "утвердить план мероприятий", "на 2021 год"]


def _draw(path: Path, table: bool, lines: list[str]) -> None:
    from reportlab.pdfgen import canvas

    w, h = PAGE
    c = canvas.Canvas(str(path), pagesize=PAGE)
    c.setFont(register_font("OCRTest"), 11)
    if table:
        c.setLineWidth(1)
        draw_table(c, h)
    for i, text in enumerate(lines):
        c.drawString(40, h - 60 - 22 * i, text)
    c.save()


def _scan(src: Path, dst: Path, angle: float = TILT, turn180: bool = False, seed: int = 1) -> None:
    """Render ``src`` page 1, turn it, add grey noise, save as an image-only PDF."""
    import pypdfium2 as pdfium
    from PIL import Image

    pdf = pdfium.PdfDocument(str(src))
    img = pdf[0].render(scale=DPI / 72).to_pil().convert("L")
    pdf.close()
    img = img.rotate(angle, resample=Image.BILINEAR, fillcolor=255)
    if turn180:
        img = img.rotate(180)
    arr = np.asarray(img, dtype=np.int16)
    rng = np.random.default_rng(seed)
    arr = np.clip(arr - np.abs(rng.normal(0, 12, arr.shape)), 0, 255).astype(np.uint8)
    Image.fromarray(arr, "L").save(str(dst), "PDF", resolution=DPI)


def _blank_scan(dst: Path) -> None:
    from PIL import Image

    w, h = int(PAGE[0] / 72 * DPI), int(PAGE[1] / 72 * DPI)
    rng = np.random.default_rng(2)
    arr = np.clip(245 + rng.normal(0, 4, (h, w)), 0, 255).astype(np.uint8)
    Image.fromarray(arr, "L").save(str(dst), "PDF", resolution=DPI)


@pytest.fixture(scope="module")
def scans(tmp_path_factory) -> dict[str, Path]:
    if cyrillic_font() is None:
        pytest.skip("no TrueType font with Cyrillic glyphs")
    d = tmp_path_factory.mktemp("scans")
    _draw(d / "table.pdf", True, [])
    _draw(d / "text.pdf", False, PARAGRAPH)
    _scan(d / "table.pdf", d / "table_scan.pdf")
    _scan(d / "text.pdf", d / "text_scan.pdf", angle=-1.0)
    _blank_scan(d / "blank_scan.pdf")
    return {"table": d / "table_scan.pdf", "text": d / "text_scan.pdf", "blank": d / "blank_scan.pdf",
            "table_vector": d / "table.pdf", "dir": d}


@pytest.fixture(scope="module")
def table_layout(scans) -> PageLayout:
    from extractors.ocr import ocr_page_layout

    return ocr_page_layout(str(scans["table"]), 1)


def _near(values: list[float], target: float, tol: float) -> bool:
    return any(abs(v - target) <= tol for v in values)


def test_scan_fixture_has_no_text_layer(scans):
    import pdfplumber

    from extractors.pdf import layout_from_pdfplumber, needs_ocr

    with pdfplumber.open(str(scans["table"])) as pdf:
        assert needs_ocr(layout_from_pdfplumber(pdf.pages[0], 1))


def test_ocr_layout_is_in_points_of_the_page(table_layout):
    assert table_layout.source == "ocr"
    assert (table_layout.width, table_layout.height) == pytest.approx(PAGE, abs=1.0)
    assert all(0 <= w.confidence <= 1 for w in table_layout.words)
    assert all(0 <= w.x0 < w.x1 <= PAGE[0] and 0 <= w.top < w.bottom <= PAGE[1]
               for w in table_layout.words)


def test_ruling_lines_found_level_after_deskew(table_layout):
    h = [s for s in table_layout.segments if s.horizontal and s.x1 - s.x0 > 200]
    v = [s for s in table_layout.segments if not s.horizontal and s.bottom - s.top > 100]
    # the sheet was turned about its centre, so deskewed lines sit where they were drawn
    for y in YS:
        assert _near([s.top for s in h], y, 4.0), y
    for x in XS:
        assert _near([s.x0 for s in v], x, 4.0), x
    assert not any("no ruled table" in f for f in table_layout.flags)


def test_russian_words_recognised(table_layout):
    texts = {w.text for w in table_layout.words}
    for word in ("Мероприятие", "Создание", "центра", "конкурса", "ежегодно", "педагогов"):
        assert word in texts, (word, sorted(texts))
    assert table_layout.words and min(w.confidence for w in table_layout.words if len(w.text) > 4) > 0.5


def test_ruled_builder_runs_on_the_ocr_layout(table_layout):
    from extractors.ruled import build_ruled_tables

    tables = build_ruled_tables(table_layout)
    assert len(tables) == 1
    t = tables[0]
    assert t.n_cols == 3 and len(t.rows) == 4
    assert t.rows[1].cell_at(1).text == "Создание центра"
    assert t.rows[2].cell_at(2).text == "ежегодно"
    assert t.rows[3].cell_at(0).text == "3"
    assert all(c.confidence < 1.0 or c.empty for r in t.rows for c in r.cells)


def test_blank_scan_is_flagged_with_no_words(scans):
    from extractors.ocr import ocr_page_layout

    lay = ocr_page_layout(str(scans["blank"]), 1)
    assert "ocr: blank page" in lay.flags
    assert lay.words == [] and lay.segments == []


def _noise_scan(dst: Path, grain: int, seed: int = 3) -> None:
    from PIL import Image

    w, h = int(PAGE[0] / 72 * 100), int(PAGE[1] / 72 * 100)
    small = np.random.default_rng(seed).integers(0, 256, (h // grain + 1, w // grain + 1), dtype=np.uint8)
    arr = np.kron(small, np.ones((grain, grain), dtype=np.uint8))[:h, :w]
    Image.fromarray(arr, "L").save(str(dst), "PDF", resolution=100)


@pytest.mark.parametrize("grain", [1, 2, 3])      # pixels of a 100 dpi image: 0.25-0.75 mm
def test_a_page_of_noise_is_not_read(scans, tmp_path, grain):
    from extractors.ocr import ocr_page_layout

    _noise_scan(tmp_path / "noise.pdf", grain)
    lay = ocr_page_layout(str(tmp_path / "noise.pdf"), 1)
    assert any("noise" in f for f in lay.flags)
    assert lay.words == [] and lay.segments == []


def test_print_dense_or_faint_is_not_taken_for_noise(scans):
    from extractors.ocr.image import is_noise, render_page

    for name in ("table", "text", "blank"):
        assert not is_noise(render_page(str(scans[name]), 1, 200).grey, 200), name
    grey = render_page(str(scans["table"]), 1, 200).grey
    dark_edge = grey.copy()
    dark_edge[:, : grey.shape[1] // 2] //= 4        # half the sheet in the scanner's shadow: dense, not grain
    assert not is_noise(dark_edge, 200)


def test_text_scan_gives_no_invented_rows(scans):
    from extractors.ocr import ocr_page_layout
    from extractors.pdf import extract_pdf

    lay = ocr_page_layout(str(scans["text"]), 1)
    assert any("no ruled table" in f for f in lay.flags)
    assert "образования" in {w.text for w in lay.words}
    try:
        doc = extract_pdf(str(scans["text"]))
    except ExtractionError as e:
        assert "no table" in str(e)
    else:
        assert not any(len(t.rows) > 1 for t in doc.tables)


def test_upside_down_scan_is_turned_and_flagged(scans):
    from extractors.ocr import ocr_page_layout

    dst = scans["dir"] / "text_upside_down.pdf"
    _scan(Path(str(scans["text"]).replace("_scan", "")), dst, angle=0.5, turn180=True)
    lay = ocr_page_layout(str(dst), 1)
    assert "ocr: page rotated 180° (corrected)" in lay.flags
    assert "образования" in {w.text for w in lay.words}


def _turned_scan(src: Path, dst: Path, turn: int) -> None:
    """``src`` page 1 as an image-only PDF turned by ``turn`` degrees (a sheet fed sideways)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(src))
    img = pdf[0].render(scale=DPI / 72).to_pil().convert("L")
    pdf.close()
    img.rotate(turn, expand=True, fillcolor=255).save(str(dst), "PDF", resolution=DPI)


def test_sideways_scan_is_turned_before_ocr(scans):
    from extractors.ocr import ocr_page_layout

    dst = scans["dir"] / "text_sideways.pdf"
    _turned_scan(scans["dir"] / "text.pdf", dst, 90)
    lay = ocr_page_layout(str(dst), 1)
    assert any(f.startswith("ocr: page rotated") and "(corrected)" in f for f in lay.flags)
    text = " ".join(w.text for w in lay.words)
    assert "Министерство" in text and "приказывает" in text
    assert lay.width > lay.height                    # the upright page is landscape again


def test_stamp_over_text_removed_before_ocr(scans):
    """A blue round stamp over the text: the words under it are still read."""
    import cv2
    import pypdfium2 as pdfium
    from PIL import Image

    from extractors.ocr import ocr_page_layout

    pdf = pdfium.PdfDocument(str(scans["dir"] / "text.pdf"))
    rgb = np.array(pdf[0].render(scale=DPI / 72).to_pil().convert("RGB"))
    pdf.close()
    ring = np.full_like(rgb, 255)
    h, w = rgb.shape[:2]
    cv2.circle(ring, (int(w * 0.3), int(h * 0.3)), int(DPI * 0.6), (40, 70, 190), 4)
    cv2.circle(ring, (int(w * 0.3), int(h * 0.3)), int(DPI * 0.45), (40, 70, 190), 2)
    dst = scans["dir"] / "text_stamp.pdf"
    Image.fromarray(np.minimum(rgb, ring)).save(str(dst), "PDF", resolution=DPI)
    lay = ocr_page_layout(str(dst), 1)
    assert any("coloured ink removed" in f for f in lay.flags)
    text = " ".join(w.text for w in lay.words)
    for word in ("Министерство", "образования", "утвердить", "мероприятий"):
        assert word in text


def test_a_few_lines_turned_under_dense_specks_are_turned(scans):
    """A last page of a few definitions, fed sideways and covered with toner specks: the first
    reading is confident junk of short tokens, the page is asked of OSD and read upright."""
    import pypdfium2 as pdfium
    from PIL import Image

    from extractors.ocr import ocr_page_layout

    dst = scans["dir"] / "text_sideways_specks.pdf"
    pdf = pdfium.PdfDocument(str(scans["dir"] / "text.pdf"))
    img = np.array(pdf[0].render(scale=DPI / 72).to_pil().convert("L").rotate(90, expand=True, fillcolor=255))
    pdf.close()
    rng = np.random.default_rng(3)
    ys, xs = rng.integers(0, img.shape[0] - 3, 1500), rng.integers(0, img.shape[1] - 3, 1500)
    for y, x in zip(ys, xs):
        img[y:y + 2, x:x + 2] = 20
    Image.fromarray(img, "L").save(str(dst), "PDF", resolution=DPI)
    lay = ocr_page_layout(str(dst), 1)
    text = " ".join(w.text for w in lay.words)
    assert any(f.startswith("ocr: page rotated") for f in lay.flags), lay.flags
    assert "образования" in text and "приказывает" in text


def _side_page(monkeypatch, on_side: bool, upright_conf: float, turned_conf: float, probe: tuple[int, float]):
    """``ocr_page_layout`` on a stand-in page: OSD says upright, the first reading has
    ``upright_conf``, a turned one ``turned_conf``, the probe reads give ``probe``."""
    import numpy as np

    import extractors.ocr as ocr
    from extractors.grid import Word
    from extractors.ocr.image import _PageImage

    grey = np.full((200, 100), 255, np.uint8)
    monkeypatch.setattr(ocr, "render_page", lambda path, page_no, dpi: _PageImage(grey=grey, rgb=None, width_pt=72.0,
                                                                                   height_pt=144.0))
    monkeypatch.setattr(ocr, "not_worth_reading", lambda g, dpi: None)
    monkeypatch.setattr(ocr.image_prep, "prepare", lambda page, dpi: (grey, []))
    monkeypatch.setattr(ocr.image_prep, "looks_turned_90", lambda ink: on_side)
    monkeypatch.setattr(ocr.image_prep, "profiles_undecided", lambda ink: False)
    monkeypatch.setattr(ocr, "osd_turn", lambda g: 0)
    asked: list[tuple[int, ...]] = []
    monkeypatch.setattr(ocr, "best_turn", lambda g, turns: (asked.append(turns), probe)[1])

    def analyse(g, dpi, w, noted, dropped):
        conf = upright_conf if g.shape == grey.shape else turned_conf
        return [Word("образования", 0, 0, 10, 10, confidence=conf)], [], 0.0

    monkeypatch.setattr(ocr, "_analyse", analyse)
    return ocr.ocr_page_layout("x.pdf", 1), asked


def test_a_page_on_its_side_that_osd_calls_upright_is_turned_when_a_probe_and_the_full_reading_agree(monkeypatch):
    """A dithered one-bit copy lying on its side: the ink profiles say "turned", OSD says upright,
    the first reading is poor (0.18). A probe read on its side that is merely surer (0.32) is
    enough to try the full reading turned, which is kept because it is surer (0.47)."""
    lay, asked = _side_page(monkeypatch, True, 0.18, 0.47, (270, 0.32))
    assert asked == [(180, 90, 270)]
    assert "ocr: page rotated 270° (corrected)" in lay.flags
    assert (lay.width, lay.height) == (144.0, 72.0)


def test_a_turn_whose_full_reading_is_no_surer_is_not_kept(monkeypatch):
    lay, _ = _side_page(monkeypatch, True, 0.18, 0.10, (270, 0.32))
    assert not any(f.startswith("ocr: page rotated") for f in lay.flags)
    assert (lay.width, lay.height) == (72.0, 144.0)


def test_without_the_profiles_a_probe_must_be_clearly_surer_to_turn_a_page(monkeypatch):
    """An upright page the profiles call upright: only upside down is probed, and a probe a
    little surer than a poor first reading (0.32 against 0.18) turns nothing."""
    lay, asked = _side_page(monkeypatch, False, 0.18, 0.47, (180, 0.32))
    assert asked == [(180,)]
    assert not any(f.startswith("ocr: page rotated") for f in lay.flags)
