"""The paper under a scanned page: its brightness around each pixel, text and rules left out
(``background``), and the grey page of an RGB render (``to_grey``). Shared by the image
preparation (``extractors/image_prep.py``) and the coloured ink removal (``extractors/image_ink.py``).
"""

from __future__ import annotations

import cv2
import numpy as np

BACKGROUND_SCALE = 4         # background estimated on the page downscaled this much ...
BACKGROUND_INCH = 0.12       # ... with a max-filter this wide (wider than strokes and rules)


def to_grey(img: np.ndarray) -> np.ndarray:
    """The grey page of an RGB render (a grey page as it is)."""
    if img.ndim == 2:
        return img
    return cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)


def background(grey: np.ndarray, dpi: int) -> np.ndarray:
    """The paper brightness under each pixel (text and rules removed by a max-filter)."""
    s = BACKGROUND_SCALE
    small = cv2.resize(grey, (max(1, grey.shape[1] // s), max(1, grey.shape[0] // s)),
                       interpolation=cv2.INTER_AREA)
    k = max(3, int(BACKGROUND_INCH * dpi / s) | 1)
    bg = cv2.dilate(small, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    bg = cv2.medianBlur(bg, 5)
    bg = cv2.blur(bg, (k, k))
    return cv2.resize(bg, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
