"""Connected components of a mask with the cheapest label type that holds them (shared by the
image preparation, the speck removal and the OCR rule and word steps), and a scope in which a
mask labelled again unchanged gets its first labelling back (the rule search passes a mask from
step to step and most steps return it untouched)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from contextlib import contextmanager
from typing import Iterator

import cv2
import numpy as np

Labelling = tuple[int, np.ndarray, np.ndarray, np.ndarray]
KEEP = 4                 # labellings kept in a scope (each holds a page-sized label image)
_scope = threading.local()


def _label(mask: np.ndarray) -> Labelling:
    try:
        return cv2.connectedComponentsWithStats(mask, connectivity=8, ltype=cv2.CV_16U)
    except cv2.error:
        return cv2.connectedComponentsWithStats(mask, connectivity=8, ltype=cv2.CV_32S)


@contextmanager
def reuse_labels() -> Iterator[None]:
    """Within the block (this thread), ``components`` of the same view of the same memory (the
    same array, or the same transpose of it) is labelled once while among the ``KEEP`` labellings
    last used. The masks labelled inside must not be changed in place while it lasts: every step
    of the rule search writes to a copy."""
    outer = getattr(_scope, "seen", None)
    _scope.seen = OrderedDict()
    try:
        yield
    finally:
        _scope.seen = outer


def components(mask: np.ndarray) -> Labelling:
    """``cv2.connectedComponentsWithStats`` (8-connected) of a uint8 mask, the same result with
    16-bit labels when they fit: a page-sized 32-bit label image costs more to fill than the
    labelling itself. 16-bit labels are tried first; when the labelling's provisional labels
    overflow 16 bits (many components, or grain) OpenCV raises, and 32-bit labels are used.
    (Counting the components first with ``findContours`` cost half a labelling on every call.)"""
    seen = getattr(_scope, "seen", None)
    if seen is None:
        return _label(mask)
    key = (mask.__array_interface__["data"][0], mask.shape, mask.strides)
    hit = seen.get(key)
    if hit is not None:
        seen.move_to_end(key)
        return hit[1]
    result = _label(mask)
    seen[key] = (mask, result)          # the mask kept alive: its memory is not reused meanwhile
    if len(seen) > KEEP:                # the oldest goes (a miss only labels again)
        seen.popitem(last=False)
    return result
