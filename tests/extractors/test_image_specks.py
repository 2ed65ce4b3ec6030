"""extractors.image_specks: isolated toner specks go; dots between digits, a stop after a letter whose
ink is far from it, and dark grain on a faded rule stay."""

from __future__ import annotations

import cv2
import numpy as np

from extractors import image_specks as ip

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
