"""Roman numerals before a period word: read from their strokes (extractors/ocr/roman.py)."""
import cv2
import numpy as np
import pytest

from extractors.ocr.engine import PxWord
from extractors.ocr.roman import read_numeral, reread_period_numerals

H = 40          # glyph height, px


def _draw(glyphs: str, speck: bool = False) -> np.ndarray:
    """A white image with serif-less Roman glyphs: "I" a bar, "V" two arms meeting below, "-" a dash."""
    img = np.full((H + 30, 30 * len(glyphs) + 30), 255, np.uint8)
    x = 15
    for g in glyphs:
        if g == "I":
            cv2.rectangle(img, (x, 15), (x + 4, 15 + H), 0, -1)
            x += 14
        elif g == "V":
            cv2.line(img, (x, 15), (x + 10, 15 + H), 0, 4)
            cv2.line(img, (x + 20, 15), (x + 10, 15 + H), 0, 4)
            x += 30
        elif g == "-":
            cv2.rectangle(img, (x, 15 + H // 2 - 2), (x + 10, 15 + H // 2 + 2), 0, -1)
            x += 16
    if speck:
        cv2.circle(img, (5, H + 25), 2, 0, -1)
    return img[:, :x + 10]


@pytest.mark.parametrize("glyphs, expected", [
    ("I", "I"), ("II", "II"), ("III", "III"), ("IV", "IV"), ("V", "V"),
    ("II-III", "II–III"), ("I-II", "I–II"),
])
def test_numerals_read_from_strokes(glyphs, expected):
    assert read_numeral(_draw(glyphs)) == expected


def test_a_speck_is_no_stroke():
    assert read_numeral(_draw("III", speck=True)) == "III"


def test_a_letter_is_no_numeral():
    img = np.full((70, 80), 255, np.uint8)
    cv2.putText(img, "Sh", (5, 55), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 0, 4)
    assert read_numeral(img) is None
    assert read_numeral(np.full((20, 20), 255, np.uint8)) is None


def _page(glyphs: str) -> tuple[np.ndarray, int]:
    """A line: the glyphs, a gap, then a block of ink standing for the word "квартал"."""
    numeral = _draw(glyphs)
    word = np.full(numeral.shape[:1] + (120,), 255, np.uint8)
    cv2.rectangle(word, (10, 25), (110, 15 + H), 0, -1)
    return np.hstack([numeral, word]), numeral.shape[1]


def test_misread_numeral_before_quarter_replaced():
    img, split = _page("III")
    words = [PxWord("И.", 12, 12, 20, H + 6, 0.88), PxWord("1", 40, 12, 10, H + 6, 0.76),
             PxWord("квартал", split + 8, 20, 104, H - 2, 0.97)]
    out = reread_period_numerals(img, words)
    assert sorted(w.text for w in out) == ["III", "квартал"]


def test_numeral_run_into_the_word_split_off():
    img, split = _page("IV")
    words = [PxWord("ГУ квартал", 12, 12, img.shape[1] - 14, H + 6, 0.6)]
    out = reread_period_numerals(img, words)
    assert [w.text for w in sorted(out, key=lambda w: w.x)] == ["IV", "квартал"]


def test_arabic_and_right_readings_stay():
    img, split = _page("III")
    for first in ("1", "III"):
        words = [PxWord(first, 12, 12, 40, H + 6, 0.9), PxWord("квартал", split + 8, 20, 104, H - 2, 0.97)]
        assert reread_period_numerals(img, words) == words


def test_no_numeral_ink_keeps_the_reading():
    img = np.full((H + 30, 300), 255, np.uint8)
    cv2.putText(img, "Sh", (15, 55), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 0, 4)
    words = [PxWord("Ш", 12, 12, 60, H + 6, 0.7), PxWord("квартал", 150, 20, 104, H - 2, 0.97)]
    assert [w.text for w in reread_period_numerals(img, words)] == ["Ш", "квартал"]


def test_a_numeral_read_as_lower_case_lookalikes_is_read_again_but_a_word_is_not():
    img, split = _page("IV")
    words = [PxWord("гу", 12, 12, 40, H + 6, 0.9), PxWord("квартал", split + 8, 20, 104, H - 2, 0.97)]
    assert sorted(w.text for w in reread_period_numerals(img, words)) == ["IV", "квартал"]
    words = [PxWord("за", 12, 12, 40, H + 6, 0.9), PxWord("квартал", split + 8, 20, 104, H - 2, 0.97)]
    assert reread_period_numerals(img, words) == words


def test_a_numeral_wrapped_onto_the_line_above_its_quarter_is_read_from_its_own_line():
    numeral = _draw("IV")                       # "IV" alone on its line, "квартал" under it
    page = np.full((numeral.shape[0] + H + 20, 200), 255, np.uint8)
    page[:numeral.shape[0], :numeral.shape[1]] = numeral
    top = numeral.shape[0]
    cv2.rectangle(page, (15, top + 5), (150, top + H), 0, -1)
    # the first reading's box took in the top of the next line
    words = [PxWord("гу", 12, 12, 40, top + 10 - 12, 0.56), PxWord("квартал", 15, top + 2, 136, H, 0.97)]
    out = reread_period_numerals(page, words)
    assert sorted(w.text for w in out) == ["IV", "квартал"]
    assert next(w for w in out if w.text == "IV").y + next(w for w in out if w.text == "IV").h <= top + 2
    far = [PxWord("гу", 120, 12, 40, top - 12, 0.56), PxWord("квартал", 15, top + 2, 136, H, 0.97)]
    assert reread_period_numerals(page, far) == far          # not at the start of the period's line
