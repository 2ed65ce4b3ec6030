"""The item-number column read again cell by cell: a misread number replaced by a sure reading,
a good reading kept, a cell with ink and no valid number kept and marked doubtful, and a first
column of text never treated as numbers."""

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractors.grid import Segment, Word
from extractors.ocr import engine
from extractors.ocr.numbers import DOUBTFUL, reread_number_column, valid_number
from tests.drawing import cyrillic_font

XS = [20, 80, 620]
YS = [20, 70, 120, 170, 220, 270, 320]
NUMBERS = ["1", "12", "3", "1.4", "ж", ""]      # "ж": ink that is no number; "": no ink
TEXTS = ["Создание центра", "Проведение конкурса", "Обучение педагогов", "Мониторинг", "Отчёт", "Форум"]

needs_capi = pytest.mark.skipif(not engine.has_capi() and engine.tessdata_dir() is None,
                                reason="no Tesseract language data")


def _page(first_column: list[str]) -> tuple[np.ndarray, list[Segment]]:
    img = Image.new("L", (650, 340), 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(cyrillic_font(), 22)
    for r, (a, b) in enumerate(zip(first_column, TEXTS)):
        d.text((XS[0] + 12, YS[r] + 12), a, fill=0, font=font)
        d.text((XS[1] + 12, YS[r] + 12), b, fill=0, font=font)
    segs = [Segment(XS[0], y, XS[-1], y) for y in YS] + [Segment(x, YS[0], x, YS[-1]) for x in XS]
    return np.array(img), segs


def _words(first_column: list[tuple[str, float]]) -> list[Word]:
    out = []
    for r, ((a, conf), b) in enumerate(zip(first_column, TEXTS)):
        if a:
            out.append(Word(a, XS[0] + 12, YS[r] + 14, XS[0] + 40, YS[r] + 34, confidence=conf))
        out.append(Word(b, XS[1] + 12, YS[r] + 14, XS[1] + 300, YS[r] + 34, confidence=0.95))
    return out


def test_valid_numbers():
    assert all(valid_number(t) for t in ["1", "12.", "1.3.2", "IV", "XII."])
    assert not any(valid_number(t) for t in ["", "р", "42р", "1,3", "№ п/п", "ж", "VL", "IL", "IIII"])


@needs_capi
def test_misread_numbers_are_read_again_and_sure_ones_kept():
    img, segs = _page(NUMBERS)
    first = [("1", 0.0), ("42", 0.35), ("", 0.0), ("1.4", 0.96), ("ж", 0.4), ("р", 0.35)]
    words, doubtful = reread_number_column(img, _words(first), segs, 1.0, 72)
    col = sorted((w for w in words if w.x1 < XS[1]), key=lambda w: w.top)
    assert [w.text for w in col] == ["1", "12", "3", "1.4", "ж"], "a letter over no ink is dropped"
    assert doubtful == 1 and col[-1].confidence <= DOUBTFUL
    assert col[0].confidence > 0.5, "a number read the same and surer takes the surer confidence"
    assert sum(1 for w in words if w.x0 > XS[1]) == len(TEXTS), "other columns untouched"


@needs_capi
def test_a_first_column_of_text_is_not_read_as_numbers():
    img, segs = _page(["а", "б", "в", "г", "д", "е"])
    words = _words([("а", 0.5), ("б", 0.5), ("в", 0.5), ("г", 0.5), ("д", 0.5), ("е", 0.5)])
    out, doubtful = reread_number_column(img, words, segs, 1.0, 72)
    assert [w.text for w in out] == [w.text for w in words] and doubtful == 0


def test_a_lone_bracket_is_a_rules_remnant_not_a_word():
    from extractors.ocr.words import _is_noise

    assert _is_noise("[", 0.9) and _is_noise("]", 0.8) and _is_noise("‘", 0.9)
    assert not _is_noise("[1]", 0.9) and not _is_noise("№", 0.9)


@needs_capi
def test_a_sure_token_over_an_empty_cell_read_from_beyond_its_rule_is_dropped():
    # the last cell holds no ink; a token read there runs down across its bottom rule (a re-read
    # crop that took in the number of the row below): dropped, however sure; one that stays
    # inside the cell is kept (doubtful or not, never dropped for being sure)
    img, segs = _page(NUMBERS)
    first = _words([("1", 0.9), ("12", 0.9), ("3", 0.9), ("1.4", 0.9), ("ж", 0.9), ("", 0.0)])
    out_of_cell = Word("—. 7", XS[0] + 8, YS[5] + 30, XS[0] + 40, YS[5] + 62, confidence=0.58)
    words, _ = reread_number_column(img, first + [out_of_cell], segs, 1.0, 72)
    assert "—. 7" not in [w.text for w in words]
    inside = Word("—. 7", XS[0] + 8, YS[5] + 14, XS[0] + 40, YS[5] + 34, confidence=0.58)
    words, _ = reread_number_column(img, first + [inside], segs, 1.0, 72)
    assert "—. 7" in [w.text for w in words]


@needs_capi
def test_a_sure_letter_over_an_empty_number_cell_is_dropped():
    # a continued row's number cell holds no ink; the rules' corner left by the eraser is read,
    # surely, as "Г": no digit, no number, no text
    img, segs = _page(NUMBERS)
    first = _words([("1", 0.9), ("12", 0.9), ("3", 0.9), ("1.4", 0.9), ("ж", 0.9), ("Г", 0.87)])
    words, _ = reread_number_column(img, first, segs, 1.0, 72)
    assert "Г" not in [w.text for w in words] and "ж" in [w.text for w in words]


def test_an_item_number_glued_to_its_title_across_the_rule_is_split_there():
    from extractors.grid import Segment, Word
    from extractors.ocr.numbers import split_number_heads

    rule = Segment(115.7, 72.0, 115.7, 350.0)
    glued = Word("1.4..’Мониторинг", 91.4, 183.2, 193.7, 194.4, confidence=0.3)
    plain = Word("занятости", 120.2, 196.6, 179.6, 211.0, confidence=0.96)
    across = Word("работо-дате", 100.0, 220.0, 150.0, 230.0, confidence=0.9)   # no number: left
    out = split_number_heads([glued, plain, across], [rule])
    assert [w.text for w in out] == ["1.4.", "Мониторинг", "занятости", "работо-дате"]
    assert out[0].x1 < 115.7 < out[1].x0
    dashed = Word("2.2---Повышение", 91.4, 240.0, 193.7, 252.0, confidence=0.4)   # a signature's stroke on the rule
    assert [w.text for w in split_number_heads([dashed], [rule])] == ["2.2", "Повышение"]
