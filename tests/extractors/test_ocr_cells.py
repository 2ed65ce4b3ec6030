"""A ruled cell the page read badly is read again on its own (extractors/ocr/cells.py)."""
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extractors.grid import Segment, Word
from extractors.ocr.cells import plausibility, reread_doubtful_cells
from tests.drawing import cyrillic_font
from tests.extractors.test_ocr_words import needs_capi


def _w(text, x0, top, conf=0.9):
    return Word(text=text, x0=x0, top=top, x1=x0 + 10 * len(text), bottom=top + 10, confidence=conf)


def test_plausibility_counts_words_numbers_abbreviations_and_words_broken_over_lines():
    assert plausibility([_w("ежегодно,", 0, 0), _w("март-", 0, 12), _w("апрель", 0, 24)]) == 1.0
    assert plausibility([_w("ПОО,", 0, 0), _w("2024", 30, 0)]) == 1.0
    assert plausibility([_w("Наименов", 0, 0), _w("ание", 0, 12)]) == 1.0     # no hyphen at the break
    assert plausibility([_w("‚впре", 0, 0), _w("ль", 0, 12)]) < 0.5
    assert plausibility([]) == 0.0


@needs_capi
def test_a_cell_read_as_junk_is_read_again_alone():
    # two cells 300 x 120 px at 1 pt per px; the right one holds "март апрель", read first as junk
    img = Image.new("L", (620, 140), 255)
    draw = ImageDraw.Draw(img)
    for x in (10, 310, 610):
        draw.line([(x, 10), (x, 130)], fill=0, width=2)
    for y in (10, 130):
        draw.line([(10, y), (610, y)], fill=0, width=2)
    font = ImageFont.truetype(cyrillic_font(), 26)
    draw.text((30, 50), "Проведение", fill=0, font=font)
    draw.text((330, 50), "март апрель", fill=0, font=font)
    segs = [Segment(x, 10, x, 130) for x in (10, 310, 610)] + [Segment(10, y, 610, y) for y in (10, 130)]
    words = [Word("Проведение", 30, 50, 180, 76, confidence=0.95),
             Word("ip\"", 330, 50, 370, 76, confidence=0.5), Word("‚впре", 380, 50, 470, 76, confidence=0.4)]
    out = reread_doubtful_cells(np.array(img), words, segs, 1.0, 620, 140)
    texts = [w.text for w in out]
    assert "Проведение" in texts and "ip\"" not in texts
    assert {"март", "апрель"} <= set(texts)
    right = [w for w in out if w.x0 > 310]
    assert all(320 <= w.x0 and w.x1 <= 610 and 40 <= w.top for w in right), "boxes in page points"


def test_an_abbreviation_has_one_short_lower_case_run_at_most():
    assert plausibility([_w("МОиН", 0, 0), _w("ДТиЗН", 50, 0)]) == 1.0
    assert plausibility([_w("КОинкКО", 0, 0)]) == 0.0
