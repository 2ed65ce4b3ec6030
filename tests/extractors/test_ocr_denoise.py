"""The text image of a page: left alone when clean, a median on light grain, non-local means on
heavy grain (closer to the clean page than the median there)."""

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from extractors import image_prep as ip
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
    clean = _page()
    assert text_image(_grainy(clean, 2.5))[1] == "median"
    heavy = _grainy(clean, 12)
    out, how = text_image(heavy)
    assert how == "nlm"
    paper, ink = clean == 255, clean < 80
    assert out[paper].std() < 0.5 * cv2.medianBlur(heavy, 3)[paper].std()     # the grain smoothed out
    assert (out[ink] < 128).mean() > 0.95                                     # the strokes kept


def test_grain_smoothed_for_text_only_on_a_grainy_page():
    rng = np.random.default_rng(3)
    grey = np.full((300, 400), 255, np.uint8)
    cv2.putText(grey, "12.3", (40, 150), cv2.FONT_HERSHEY_SIMPLEX, 2, 0, 4)
    clean, how = text_image(grey)
    assert how == "" and clean is grey                                       # a clean page as it is
    noisy = np.clip(grey.astype(np.float32) + rng.normal(0, 10, grey.shape), 0, 255).astype(np.uint8)
    assert ip.grain(noisy) > ip.GRAIN_LEVEL > ip.grain(grey)
    out, how = text_image(noisy)
    assert how and ip.grain(out) < ip.grain(noisy) / 2
    assert out[120:150, 40:200].min() < 60                                     # the text stays
