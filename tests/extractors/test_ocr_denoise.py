"""The text image of a page: left alone when clean, a median on light grain, non-local means on
heavy grain (closer to the clean page than the median there)."""

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extractors.ocr.denoise import text_image
from tests.drawing import SERIF, cyrillic_font


def _page() -> np.ndarray:
    font = ImageFont.truetype(cyrillic_font(SERIF), 30)
    img = Image.new("L", (1400, 900), 255)
    d = ImageDraw.Draw(img)
    for i in range(5):
        d.text((20, 20 + 55 * i), "Проведение мониторинга выпускников", fill=0, font=font)
    return np.array(img)


def _grainy(clean: np.ndarray, sigma: float) -> np.ndarray:
    noise = np.random.default_rng(7).normal(0, sigma, clean.shape)
    return np.clip(clean.astype(np.float32) + noise, 0, 255).astype(np.uint8)


def test_a_clean_page_is_read_as_it_is():
    clean = _page()
    out, how = text_image(clean)
    assert how == "" and out is clean


def test_light_grain_gets_the_median_and_heavy_grain_non_local_means():
    import cv2

    clean = _page()
    assert text_image(_grainy(clean, 2.5))[1] == "median"
    heavy = _grainy(clean, 12)
    out, how = text_image(heavy)
    assert how == "nlm"
    paper, ink = clean == 255, clean < 80
    assert out[paper].std() < 0.5 * cv2.medianBlur(heavy, 3)[paper].std()     # the grain smoothed out
    assert (out[ink] < 128).mean() > 0.95                                     # the strokes kept
