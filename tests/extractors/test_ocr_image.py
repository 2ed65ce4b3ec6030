"""extractors/ocr/image.py: a crop enlarged for a second reading."""
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from extractors.ocr import engine
from extractors.ocr.engine import read_line
from extractors.ocr.image import enlarged

needs_capi = pytest.mark.skipif(not engine.has_capi() and engine.tessdata_dir() is None,
                                reason="no Tesseract language data")
ONE_BIT = Path(__file__).parents[1] / "data" / "crops" / "one_bit_years.png"


def test_an_enlarged_crop_is_twice_as_large_on_a_white_margin():
    crop = np.zeros((10, 20), np.uint8)
    big = enlarged(crop, scale=2, border=5)
    assert big.shape == (30, 50)
    assert big[:5].min() == 255 and big[5:25, 5:45].max() == 0


@needs_capi
def test_thick_one_bit_strokes_enlarged_are_read():
    # a deadline cell of a one-bit scan (our corpus, 'bilevel'): enlarged bicubic, Tesseract read nothing
    crop = np.array(Image.open(ONE_BIT).convert("L"))
    assert read_line(enlarged(crop), "rus", "")[0].startswith("2023-2025")
