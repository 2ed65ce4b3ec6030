"""OCR, orientation: pages turned 90°/180°/270° found by Tesseract OSD, else by reading a band of
the page each way."""

from __future__ import annotations

import logging
from typing import Optional

import cv2
import numpy as np

from extractors import limits
from extractors.grid import Word
from extractors.ocr.settings import TESS_CONFIG, TESS_LANG
from extractors.ocr.words import _tesseract_env, _tesseract_words, mean_confidence

log = logging.getLogger(__name__)


def osd_turn(grey: np.ndarray) -> Optional[int]:
    """Clockwise degrees Tesseract OSD says the page is turned; None when it cannot tell."""
    import pytesseract

    _tesseract_env()
    try:
        osd = pytesseract.image_to_osd(grey, config="--psm 0",
                                       output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError as e:   # too few characters, or no osd.traineddata
        log.debug("Tesseract OSD cannot tell the page's turn: %s", " ".join(str(e).split())[:200])
        return None
    if float(osd.get("orientation_conf", 0)) < 1.0:
        return None
    return int(osd.get("rotate", 0)) % 360


def detect_rotation(grey: np.ndarray) -> int:
    """Clockwise degrees (0/90/180/270) Tesseract OSD says the page is turned; 0 if unsure."""
    import pytesseract

    _tesseract_env()
    try:
        osd = pytesseract.image_to_osd(grey, config="--psm 0", timeout=limits.tesseract_timeout(),
                                       output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:   # too few characters, or no osd.traineddata
        return 0
    if float(osd.get("orientation_conf", 0)) < 1.0:
        return 0
    return int(osd.get("rotate", 0)) % 360


def _probe_confidence(grey: np.ndarray) -> float:
    """Mean word confidence of a quick OCR of the middle band of the page (a third of it)."""
    h = grey.shape[0]
    band = grey[h // 3: 2 * h // 3]
    return mean_confidence(Word(w.text, 0, 0, 1, 1, confidence=w.conf)
                           for w in _tesseract_words(band, TESS_LANG, TESS_CONFIG)
                           if any(ch.isalpha() for ch in w.text))


def best_turn(grey: np.ndarray, turns: tuple[int, ...]) -> tuple[int, float]:
    """The clockwise turn (of ``turns``) whose probe OCR is the most confident, and that confidence.

    Tesseract's OSD gives up ("too few characters") or guesses on degraded
    Cyrillic table pages; reading a band of the page each way and keeping the
    surer reading is slower but does not fail. Only run on pages that need it.
    """
    scored = [(_probe_confidence(_turn(grey, t)), -i, t) for i, t in enumerate(turns)]
    conf, _, turn = max(scored)
    return turn, conf


def _turn(img: np.ndarray, degrees: int) -> np.ndarray:
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(img, codes[degrees]) if degrees in codes else img
