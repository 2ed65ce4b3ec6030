"""Connected components of a mask with the cheapest label type that holds them (shared by the
image preparation, the speck removal and the OCR rule and word steps)."""

from __future__ import annotations

import cv2
import numpy as np

LABELS_16_MAX = 50000        # fewer components than this: 16-bit labels (a third of the time of 32-bit)


def components(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """``cv2.connectedComponentsWithStats`` (8-connected) of a uint8 mask, the same result with
    16-bit labels when they fit: a page-sized 32-bit label image costs more to fill than the
    labelling itself. The outer contours count the components first (one each, cheap); the
    labelling's provisional labels can still overflow 16 bits on grain (OpenCV then raises):
    32-bit labels then."""
    if len(cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)[0]) < LABELS_16_MAX:
        try:
            return cv2.connectedComponentsWithStats(mask, connectivity=8, ltype=cv2.CV_16U)
        except cv2.error:
            pass
    return cv2.connectedComponentsWithStats(mask, connectivity=8, ltype=cv2.CV_32S)
