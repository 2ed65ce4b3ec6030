"""extractors.image_stamp: a grey seal's ring and lettering on a black-and-white copy are painted
as paper; the text under it, a faded rule across it, and a page with no seal are left alone."""

from __future__ import annotations

import cv2
import numpy as np

from extractors.image_prep import prepare
from extractors.image_stamp import remove_grey_seal

DPI = 200


def _text_lines(grey: np.ndarray, top: int, bottom: int, seed: int = 1) -> None:
    """Rows of letter-sized dark blobs (22 px tall, every 45 px from ``top``)."""
    rng = np.random.default_rng(seed)
    for y in range(top, bottom, 45):
        x = 150
        while x < grey.shape[1] - 150:
            w = int(rng.integers(8, 18))
            cv2.rectangle(grey, (x, y), (x + w, y + 22), 20, 2)
            x += w + int(rng.integers(5, 12)) + (25 if rng.random() < 0.15 else 0)


def _page_with_seal(cx: int = 850, cy: int = 1500, r: int = 160) -> np.ndarray:
    grey = np.full((2200, 1700), 250, np.uint8)
    _text_lines(grey, 300, 1800)
    seal = np.full_like(grey, 255)
    cv2.circle(seal, (cx, cy), r, 150, 4)                               # outer ring
    cv2.circle(seal, (cx, cy), int(r * 0.72), 150, 2)                   # inner ring
    for x in range(cx - 80, cx + 80, 28):                               # a line of its lettering
        cv2.line(seal, (x, cy + 49), (x + 20, cy + 49), 150, 3)
    grey = np.minimum(grey, seal)                                       # inks darken, the text stays dark
    return cv2.GaussianBlur(grey, (3, 3), 0)


def test_a_grey_seal_over_text_is_found_and_painted_as_paper():
    grey = _page_with_seal()
    out, seal = remove_grey_seal(grey, DPI)
    assert seal is not None
    cx0 = 850 - 80
    cx, cy, r = seal
    assert abs(cx - 850) <= 4 and abs(cy - 1500) <= 4 and abs(r - 160) <= 4
    ring = np.zeros_like(grey)
    cv2.circle(ring, (850, 1500), 160, 255, 2)
    near_text = cv2.dilate((grey < 60).astype(np.uint8), np.ones((13, 13), np.uint8)) > 0
    on_ring = (ring > 0) & (grey < 200) & ~near_text
    assert (out[on_ring] > 200).mean() > 0.7                             # most of the ring is paper now
    assert out[1549, cx0 + 10] > 200                                          # the lettering's line too
    text = grey < 60
    assert (out[text] == grey[text]).all()                               # no dark pixel touched


def test_a_faded_rule_across_the_seal_stays():
    grey = _page_with_seal()
    cv2.line(grey, (100, 1503), (1600, 1503), 160, 2)                    # a faded table rule
    out, seal = remove_grey_seal(grey, DPI)
    assert seal is not None
    assert (out[1503, 760:940] < 200).mean() > 0.9


def test_a_page_of_text_has_no_seal():
    grey = np.full((2200, 1700), 250, np.uint8)
    _text_lines(grey, 200, 2000, seed=3)
    grey = cv2.GaussianBlur(grey, (3, 3), 0)
    out, seal = remove_grey_seal(grey, DPI)
    assert seal is None and out is grey


def test_a_dark_ring_is_no_grey_seal():
    """A circle printed as dark as the text (a drawn frame, an emblem) is not a seal's light print."""
    grey = np.full((2200, 1700), 250, np.uint8)
    _text_lines(grey, 300, 1000)
    cv2.circle(grey, (850, 1500), 160, 20, 4)
    _out, seal = remove_grey_seal(grey, DPI)
    assert seal is None


def test_a_small_grey_circle_is_no_seal():
    grey = np.full((2200, 1700), 250, np.uint8)
    _text_lines(grey, 300, 1000)
    cv2.circle(grey, (850, 1500), 40, 150, 4)                           # 10 mm across: a mark, not a seal
    _out, seal = remove_grey_seal(grey, DPI)
    assert seal is None


def test_prepare_notes_the_seal():
    _grey, notes = prepare(_page_with_seal(), DPI)
    assert any(n.startswith("image: grey seal removed") for n in notes)
