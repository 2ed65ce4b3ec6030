"""Stray dots near text: a speck over a letter or under the line is removed before recognition;
a period, the dots of "ё", the dot of "i" and a colon stay."""

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extractors.ocr.dots import remove_stray_dots, stray_dots
from tests.drawing import SERIF, cyrillic_font

DPI = 200


def _page(text: str) -> np.ndarray:
    """Three lines of ``text`` in a 12 pt serif at 200 dpi (x-height about 16 px)."""
    font = ImageFont.truetype(cyrillic_font(SERIF), 33)
    img = Image.new("L", (900, 260), 255)
    d = ImageDraw.Draw(img)
    for i in range(3):
        d.text((20, 20 + 75 * i), text, fill=0, font=font)
    return np.array(img)


def _ink_rows(grey: np.ndarray, x0: int, x1: int) -> tuple[int, int]:
    rows = np.flatnonzero((grey[:, x0:x1] < 140).any(axis=1))
    return int(rows.min()), int(rows.max())


def test_a_speck_over_a_letter_and_one_under_the_line_are_removed():
    grey = _page("сроки исполнения работ")
    top, base = _ink_rows(grey[:70], 20, 880)                 # first line's ink (with descender)
    cv2.circle(grey, (60, top - 5), 2, 0, -1)                 # over a letter, a few pixels above
    cv2.circle(grey, (200, base + 6), 2, 0, -1)               # under the line
    cv2.circle(grey, (300, top - 6), 3, 0, 2)                 # a ring ("°"): no speck
    out, n = remove_stray_dots(grey, DPI)
    assert n == 2
    assert out[top - 10, 300] == 0
    assert out[top - 5, 60] == 255 and out[base + 6, 200] == 255
    assert (out < 140).sum() >= (grey < 140).sum() - 60        # the letters untouched


def test_punctuation_and_paired_dots_stay():
    grey = _page("ёлка: № 1.3 и Skills, итог.")
    assert not stray_dots(grey, DPI).any()


def test_a_page_with_too_few_letters_is_left_alone():
    grey = np.full((100, 100), 255, np.uint8)
    cv2.circle(grey, (50, 50), 2, 0, -1)
    assert remove_stray_dots(grey, DPI)[1] == 0


def test_a_dot_floating_inside_the_line_is_removed_a_colon_and_a_semicolon_stay():
    grey = _page("срок: 2022 год; итог")
    rows = np.flatnonzero((grey[:70, 20:880] < 140).any(axis=1))
    assert not stray_dots(grey, DPI).any()                    # the colon's and semicolon's dots stay
    cols = np.flatnonzero((grey[:70] < 140).any(axis=0))
    gaps = [c for c in range(int(cols.min()), int(cols.max())) if not (grey[:70, c] < 140).any()]
    base = int(np.median([_ink_rows(grey[:70], c, c + 6)[1] for c in range(40, 60, 2)]))
    x = gaps[len(gaps) // 2]                                  # a gap between letters, mid-line
    cv2.circle(grey, (x, (int(rows.min()) + base) // 2 + 3), 2, 0, -1)
    faint = grey.copy()
    cv2.circle(faint, (x, (int(rows.min()) + base) // 2 + 3), 2, 90, -1)  # light grey: a letter's piece
    assert remove_stray_dots(faint, DPI)[1] == 0
    out, n = remove_stray_dots(grey, DPI)
    assert n == 1
    assert (out[:70] < 140).sum() < (grey[:70] < 140).sum()
