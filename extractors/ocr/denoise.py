"""OCR, the text image of a grainy page: a 3x3 median, or non-local means where the grain is strong.

``image_prep.grain`` measures the grain of the page (mean change a 3x3 median makes on the
paper; about 0.65 of the grain's standard deviation). Up to ``image_prep.GRAIN_LEVEL`` the page
is read as it is; above, a 3x3 median smooths it; from
``NLM_GRAIN`` on (a photocopy's heavy grain) the median leaves ragged stroke edges that
Tesseract reads as wrong letters, and non-local means (``cv2.fastNlMeansDenoising``, filter
strength ``NLM_GAIN`` times the grain, small windows to keep it cheap) smooths the paper and the
strokes while keeping their edges. Only the OCR image is denoised: the rule search works on the
page itself (a median erases one-pixel rules, and the ridge test averages the grain out).
"""

from __future__ import annotations

import cv2
import numpy as np

from extractors import image_prep

NLM_GRAIN = 2.0              # grain from which non-local means replaces the median
NLM_GAIN = 3.85              # filter strength per unit of grain (about 2.5 standard deviations)
NLM_TEMPLATE = 3             # pixels: patch compared ...
NLM_SEARCH = 7               # ... within this window (larger windows cost seconds a page)


def text_image(grey: np.ndarray) -> tuple[np.ndarray, str]:
    """The page smoothed for recognition and how: "" (clean), "median" or "nlm"."""
    med = cv2.medianBlur(grey, 3)
    g = image_prep.grain(grey, med)
    if g <= image_prep.GRAIN_LEVEL:
        return grey, ""
    if g < NLM_GRAIN:
        return med, "median"
    return cv2.fastNlMeansDenoising(grey, None, h=NLM_GAIN * g, templateWindowSize=NLM_TEMPLATE,
                                    searchWindowSize=NLM_SEARCH), "nlm"
