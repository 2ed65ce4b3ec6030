"""Connected components of a mask with the cheapest label type that holds them (shared by the
image preparation, the speck removal and the OCR rule and word steps)."""

from __future__ import annotations

import cv2
import numpy as np


def components(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """``cv2.connectedComponentsWithStats`` (8-connected) of a uint8 mask, the same result with
    16-bit labels when they fit: a page-sized 32-bit label image costs more to fill than the
    labelling itself. 16-bit labels are tried first; when the labelling's provisional labels
    overflow 16 bits (many components, or grain) OpenCV raises, and 32-bit labels are used.
    (Counting the components first with ``findContours`` cost half a labelling on every call.)"""
    try:
        return cv2.connectedComponentsWithStats(mask, connectivity=8, ltype=cv2.CV_16U)
    except cv2.error:
        return cv2.connectedComponentsWithStats(mask, connectivity=8, ltype=cv2.CV_32S)
