"""OCR, orientation: pages turned 90°/180°/270° found by Tesseract OSD, else by reading a band of
the page each way."""

from __future__ import annotations

from typing import Iterable, Optional

import cv2
import numpy as np

from extractors.grid import Word
from extractors.ocr.settings import TESS_CONFIG, TESS_LANG
from extractors.ocr.engine import osd
from extractors.ocr.words import _tesseract_words, mean_confidence


WORDLIKE_LETTERS = 4     # a token with this many letters or digits is word-like (specks give 1-3)
WORDLIKE_SHARE = 0.35    # a reading with less of its text in word-like tokens is junk


def reads_as_junk(words: Iterable[Word]) -> bool:
    """Whether a page's reading is mostly short tokens, as a page read sideways or upside down
    gives ("5 ре Е Я 82 зза РЗ"), even when Tesseract is confident about them: less than
    ``WORDLIKE_SHARE`` of its characters are in tokens of ``WORDLIKE_LETTERS`` letters or digits."""
    sizes = [(len(w.text), sum(ch.isalnum() for ch in w.text) >= WORDLIKE_LETTERS) for w in words]
    total = sum(n for n, _ in sizes)
    return total >= 20 and sum(n for n, ok in sizes if ok) < WORDLIKE_SHARE * total


def osd_turn(grey: np.ndarray) -> Optional[int]:
    """Clockwise degrees Tesseract OSD says the page is turned; None when it cannot tell."""
    found = osd(grey)
    if found is None or found[1] < 1.0:
        return None
    return found[0]


def detect_rotation(grey: np.ndarray) -> int:
    """Clockwise degrees (0/90/180/270) Tesseract OSD says the page is turned; 0 if unsure."""
    return osd_turn(grey) or 0


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
