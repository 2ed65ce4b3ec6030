"""extractors.image_specks: isolated toner specks go; dots between digits, a stop after a letter whose
ink is far from it, and dark grain on a faded rule stay."""

from __future__ import annotations

import cv2
import pytest
import numpy as np

from extractors import image_specks as ip
from extractors.image_prep import prepare

DPI = 200


def test_isolated_specks_removed_but_a_dot_between_digits_stays():
    grey = np.full((200, 300), 255, np.uint8)
    cv2.rectangle(grey, (100, 80), (108, 110), 0, -1)                          # "1"
    cv2.rectangle(grey, (112, 105), (115, 110), 0, -1)                         # "."
    cv2.rectangle(grey, (119, 80), (130, 110), 0, -1)                          # "3"
    for x, y in ((20, 20), (250, 150), (60, 170)):
        cv2.circle(grey, (x, y), 2, 0, -1)                                     # specks
    out, n = ip.remove_specks(grey, DPI)
    assert n == 3
    assert out[107, 113] == 0                                                  # the dot
    assert out[20, 20] == 255 and out[150, 250] == 255


def test_a_stop_after_a_letter_whose_ink_is_far_from_it_stays():
    grey = np.full((200, 300), 255, np.uint8)
    cv2.rectangle(grey, (100, 80), (103, 110), 0, -1)                          # "г": a stem ...
    cv2.rectangle(grey, (100, 80), (118, 83), 0, -1)                           # ... and a bar on top
    cv2.circle(grey, (124, 108), 2, 0, -1)                                     # its stop, 10 px from the ink
    cv2.circle(grey, (124, 60), 2, 0, -1)                                      # a speck as far, above the line
    cv2.circle(grey, (150, 108), 2, 0, -1)                                     # ... and one farther along it
    out, n = ip.remove_specks(grey, DPI)
    assert out[108, 124] == 0                                                  # the stop stays
    assert out[60, 124] == 255 and out[108, 150] == 255 and n == 2             # the specks go


def test_dark_grain_on_a_faded_rule_is_no_speck():
    rng = np.random.default_rng(3)
    grey = np.full((200, 400), 250, np.uint8)
    grey[100:103, 20:380] = 175                                                # a faded rule
    dark = rng.choice(np.arange(20, 380), 12, replace=False)
    grey[101, dark] = 120                                                      # grain pushes pixels past 150
    cv2.circle(grey, (200, 40), 2, 0, -1)                                      # a real speck
    out, n = ip.remove_specks(grey, DPI)
    assert n == 1 and out[40, 200] == 255
    assert (out[101, dark] == 120).all()                                       # no holes punched in the rule
    assert ip.specks(grey, DPI)[2] == len(dark)                                # ... but counted as grain


def _glyph(text: str) -> np.ndarray:
    canvas = np.full((120, 200), 255, np.uint8)
    cv2.putText(canvas, text, (20, 80), cv2.FONT_HERSHEY_COMPLEX, 1.0, 0, 2, cv2.LINE_AA)
    ys, xs = np.nonzero(canvas < 128)
    return canvas[ys.min():ys.max() + 1, xs.min():xs.max() + 1]


def _scanned_date(gap: int, turn: int = 0, seed: int = 0) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """"31.12.2026" set glyph by glyph ``gap`` px apart on one baseline (farther than the isolation
    distance at 200 dpi), an isolated dot below, blurred and grainy; returns the page turned
    ``turn`` quarter turns and the centres of the two dots (on the unturned page)."""
    grey = np.full((400, 700), 255, np.uint8)
    x, base, dots = 100, 200, []
    for part in ("31", ".", "12", ".", "2026"):
        im = _glyph(part)
        h, w = im.shape
        grey[base - h:base, x:x + w] = np.minimum(grey[base - h:base, x:x + w], im)
        if part == ".":
            dots.append((base - h // 2, x + w // 2))
        x += w + gap
    cv2.circle(grey, (400, 300), 3, 0, -1)                                       # an isolated speck
    grey = cv2.GaussianBlur(grey, (0, 0), 1.2)
    noise = np.random.default_rng(seed).normal(0, 18, grey.shape)
    grey = np.clip(grey.astype(np.float32) + noise, 0, 255).astype(np.uint8)
    return np.rot90(grey, turn).copy(), dots


@pytest.mark.parametrize("turn", [0, 1, 2, 3])
def test_date_dots_between_digits_survive_prepare_on_a_blurred_grainy_scan(turn):
    page, dots = _scanned_date(gap=9, turn=turn)
    out, _notes = prepare(page, DPI)
    out = np.rot90(out, -turn)
    for y, x in dots:
        assert out[y - 2:y + 3, x - 2:x + 3].min() < 100                         # each dot is still ink
    assert out[296:305, 396:405].min() > 150                                     # the isolated speck went
    assert ip.specks(page, DPI)[1] == 1


def test_a_speck_in_a_word_space_on_the_baseline_is_removed():
    page, dots = _scanned_date(gap=16)                                           # a word space, not a stop
    out, n = ip.remove_specks(page, DPI)
    assert n == 3
    for y, x in dots:
        assert out[y - 2:y + 3, x - 2:x + 3].min() > 150


def test_a_speck_beside_one_letter_only_is_removed():
    grey = np.full((200, 300), 255, np.uint8)
    cv2.rectangle(grey, (100, 80), (108, 110), 0, -1)                           # a stem with a foot ...
    cv2.rectangle(grey, (96, 106), (112, 110), 0, -1)
    cv2.rectangle(grey, (121, 106), (124, 110), 0, -1)                          # ... a dot 9 px on, nothing after
    cv2.rectangle(grey, (161, 106), (164, 110), 0, -1)                          # a speck between far letters
    cv2.rectangle(grey, (200, 80), (208, 110), 0, -1)
    out, n = ip.remove_specks(grey, DPI)
    assert n == 2 and out[108, 122] == 255 and out[108, 162] == 255
