"""OCR, words and the table's column rules: a word box a speck beyond an erased rule stretched over
it cut back to its letters (``trim_to_walls``), and a word read across the rule with letters on both
sides (two cells read as one) parted there, each side read alone (``split_at_walls``)."""

from __future__ import annotations

from typing import Optional

import cv2
import numpy as np

from extractors.ocr.engine import PxWord, read_line
from extractors.ocr.image import enlarged
from extractors.ocr.settings import TESS_LANG

Wall = tuple[float, float, float]        # a vertical table rule in pixels: x, top, bottom
STRIP_PAD = 6                  # pixels of page round a side's crop
COLUMN_RULE_MIN_INCH = 1.0     # vertical rule at one x (its pieces together) that parts two cells' words
RULE_ALIGN_PX = 4              # pieces of one column rule lie this close in x
SIDE_MIN_CONF = 0.2            # a side read less surely than this is nothing (a blank crop reads "о", 0.0)
MIN_SPLIT_CHARS = 3            # letters and digits of a word worth parting (a speck's "." or "Г" is not)
WALL_PAD = 2                   # pixels either side of an erased column rule left out of the ink test
SPECK_SIDE = 0.45              # ink on one side of a rule no taller than this share of the word: specks


def trim_to_walls(img: np.ndarray, words: list[PxWord],
                  walls: list[Wall]) -> list[PxWord]:
    """Words whose box runs across a column rule (``walls``: x, top, bottom in pixels) cut back to
    the side that holds their letters, where the other side holds only specks (no blob as tall as
    ``SPECK_SIDE`` of the word): a speck beyond the erased rule read into the box ("Организадия"
    boxed from the number cell) would make the two cells one."""
    out = []
    for w in words:
        wx = wall_through(w, walls)
        if wx is None:
            out.append(w)
            continue
        left = _tall_ink(img[w.y:w.y + w.h, w.x:max(w.x, wx - WALL_PAD)], w.h)
        right = _tall_ink(img[w.y:w.y + w.h, wx + WALL_PAD:w.x + w.w], w.h)
        if left and not right:
            w = PxWord(w.text, w.x, w.y, wx - WALL_PAD - w.x, w.h, w.conf)
        elif right and not left:
            w = PxWord(w.text, wx + WALL_PAD, w.y, w.x + w.w - wx - WALL_PAD, w.h, w.conf)
        out.append(w)
    return out


def wall_through(w: PxWord, walls: list[Wall]) -> Optional[int]:
    """The x (pixels) of a column rule (``walls``: x, top, bottom) running through ``w``'s box at
    its middle height, clear of its edges by ``WALL_PAD``; None when none does."""
    cy = w.y + w.h / 2
    wall = next((x for x, top, bottom in walls
                 if w.x + WALL_PAD < x < w.x + w.w - WALL_PAD and top <= cy <= bottom), None)
    return None if wall is None else int(round(wall))


def _tall_ink(crop: np.ndarray, height: int) -> bool:
    """Whether a crop holds a blob of ink as tall as ``SPECK_SIDE`` of ``height`` (a letter's part)."""
    if crop.size == 0:
        return False
    ink = (crop < 128).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return any(h >= SPECK_SIDE * height for h in stats[1:n, cv2.CC_STAT_HEIGHT])


def _rule_length(x: int, walls: list[Wall]) -> float:
    """Pixels of vertical rule the walls at ``x`` (within ``RULE_ALIGN_PX``) hold together."""
    return sum(bottom - top for wx, top, bottom in walls if abs(wx - x) <= RULE_ALIGN_PX)


def _read_side(crop: np.ndarray) -> tuple[str, float]:
    """A side's text read as one line, enlarged twice and, where that reads no letter or digit (thick
    strokes of a one-bit scan enlarged), as it is; marks alone, or a reading below
    ``SIDE_MIN_CONF`` (Tesseract's guess on a blank crop), are no word ("", 0.0)."""
    if not crop.size:
        return "", 0.0
    for scale in (2, 1):
        text, conf = read_line(enlarged(crop, scale=scale), TESS_LANG, "")
        if any(ch.isalnum() for ch in text) and conf >= SIDE_MIN_CONF:
            return text.strip(), conf
    return "", 0.0


def split_at_walls(clean: np.ndarray, words: list[PxWord], walls: list[Wall], dpi: int) -> list[PxWord]:
    """A word still running across a column rule once ``trim_to_walls`` is done (letters on both
    sides: specks bridged the erased rule and Tesseract read two cells as one word,
    "Организаци’‘.2021-2023" over a title and a deadline cell) gives way to its two sides, each
    read alone; a side that reads as nothing is left out (both: the word stays as read). A rule is
    a column's when its pieces at that x add up to ``COLUMN_RULE_MIN_INCH`` at least: a short
    stroke inside a cell (a stamp's or a signature's) splits no date; and a word is parted only when
    it has ``MIN_SPLIT_CHARS`` letters or digits and letter-tall ink on both sides (a speck's "."
    over a rule is no two words)."""
    out: list[PxWord] = []
    for w in words:
        wx = wall_through(w, walls)
        if wx is None or _rule_length(wx, walls) < COLUMN_RULE_MIN_INCH * dpi \
                or sum(ch.isalnum() for ch in w.text) < MIN_SPLIT_CHARS \
                or not (_tall_ink(clean[w.y:w.y + w.h, w.x:max(w.x, wx - WALL_PAD)], w.h)
                        and _tall_ink(clean[w.y:w.y + w.h, wx + WALL_PAD:w.x + w.w], w.h)):
            out.append(w)
            continue
        sides = []
        for x0, x1 in ((w.x, wx - WALL_PAD), (wx + WALL_PAD, w.x + w.w)):
            crop = clean[max(0, w.y - STRIP_PAD):w.y + w.h + STRIP_PAD, max(0, x0):x1]
            text, conf = _read_side(crop)
            if text:
                sides.append(PxWord(text, x0, w.y, x1 - x0, w.h, conf))
        out.extend(sides or [w])
    return out
