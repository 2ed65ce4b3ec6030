"""OCR, the Roman numeral of a period: the token before "квартал", "кв." or "полугодие" read again.

A plan dates its rows by quarter and half ("IV квартал", "II–III кварталы", "I полугодие") in
Latin capitals, which the Russian model reads as Cyrillic letters ("ГУ", "ПШ", "И. 1") and the
English one no better ("Il]"). The numeral before such a word on its line — one token, pieces of
one, or the head of a token that ran it into the period word — is read from its strokes instead
(``read_numeral``): the ink runs across its upper and lower parts count its "I"s and tell a "V"
(two arms above, one point below); a dash in the middle of the band splits a range. The reading
replaces the tokens only when it is such a numeral; an Arabic number ("1 квартал"), a numeral
read right, or ink that is no numeral stays as read.
"""

from __future__ import annotations

import re

from collections import Counter

import cv2
import numpy as np

from extractors.ocr.engine import PxWord
from normalizers.text import ONE_LETTER_WORDS

PERIOD_WORD_RE = re.compile(r"^[^\wА-Яа-яЁё]*(?:кв|полугод)", re.IGNORECASE)
ROMAN_PERIOD_RE = re.compile(r"^(?:I{1,3}|IV)(?:-(?:I{1,3}|IV))?$")
READ_RIGHT_RE = re.compile(r"^(?:I{1,3}|IV)(?:[-–](?:I{1,3}|IV))?[.,]?$")
ARABIC_RE = re.compile(r"^\d[.,]?$")
LOWER_LOOKALIKES = set("гушпитl|1")   # strokes of I and V read as lower-case letters ("гу", "ш")
MAX_TOKEN = 6            # characters: a numeral (or a range) misread is at most this long
MAX_TOKENS = 3           # pieces of one numeral ("И." "1")
ABOVE_LINES = 2.5        # a numeral wrapped onto the line above its period word starts this near it
GAP_LINES = 1.5          # tokens this many line heights apart or more are not one numeral
GLYPH_SHARE = 0.6        # a component this share of the tallest one's height is a glyph (smaller: specks)
DASH_SHARE = 0.35        # a column whose ink spans at most this share of the band is a dash's
PROBE_ROWS = (0.2, 0.25, 0.3, 0.7, 0.75, 0.8)   # rows probed, as shares of the band's height
AGREE = 2                # the rows of each probe band must agree on their count this often (of 3)
GLYPH_CONF = 0.9         # the confidence given to a numeral read from its strokes


def _same_line(a: PxWord, b: PxWord) -> bool:
    overlap = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    return overlap > 0.5 * min(a.h, b.h)


def _lookalike(core: str) -> bool:
    """Whether a short lower-case token is the strokes of I and V read as letters ("гу" for IV)."""
    return 0 < len(core) <= 4 and all(ch in LOWER_LOOKALIKES for ch in core)


def _head_before(words: list[PxWord], period: PxWord) -> list[PxWord]:
    """The short tokens just left of ``period`` on its line, nearest last."""
    line = sorted((w for w in words if w is not period and _same_line(w, period) and w.x + w.w <= period.x + 2),
                  key=lambda w: w.x)
    head: list[PxWord] = []
    right = period.x
    for w in reversed(line):
        if len(head) == MAX_TOKENS or len(w.text) > MAX_TOKEN or right - (w.x + w.w) > GAP_LINES * period.h:
            break
        core = w.text.strip(".,-–")
        if any(ch.isalpha() for ch in core) and core.lower() == core and not _lookalike(core) \
                and (len(core) > 1 or core in ONE_LETTER_WORDS):
            break                     # a lower-case word ("до", "в") is no numeral
        head.insert(0, w)
        right = w.x
    return head


def _runs(row: np.ndarray) -> int:
    """The number of ink runs in a row of a 0/1 image."""
    padded = np.concatenate(([0], row, [0]))
    return int(np.count_nonzero(np.diff(padded) == 1))


def _strokes_numeral(ink: np.ndarray) -> str | None:
    """One Roman numeral of I and V from its strokes: ``a`` ink runs across its upper part and
    ``b`` across its lower part; equal counts are that many "I", one more above is a "V" last
    (its two arms meet below): "V", "IV"."""
    h = ink.shape[0]
    counts = []
    for band in (PROBE_ROWS[:3], PROBE_ROWS[3:]):
        found = Counter(_runs(ink[min(h - 1, int(share * h))]) for share in band)
        n, times = found.most_common(1)[0]
        if times < AGREE:
            return None
        counts.append(n)
    a, b = counts
    if a == b and 1 <= a <= 3:
        return "I" * a
    if a == b + 1 and b in (1, 2):
        return "I" * (b - 1) + "V"
    return None


def read_numeral(grey: np.ndarray) -> str | None:
    """A quarter's or half's Roman numeral (or a range of two, "II–III") in a small grey crop,
    read from its strokes — Tesseract's Russian model reads "III" as "Ш", its English one as
    "Il]" — or None when the ink is no such numeral. Specks (components much shorter than the
    tallest) are ignored; a dash is columns of ink in the band's middle only."""
    if grey.size == 0:
        return None
    _, ink = cv2.threshold(grey, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return None
    tallest = int(stats[1:, cv2.CC_STAT_HEIGHT].max())
    glyphs = [i for i in range(1, n) if stats[i, cv2.CC_STAT_HEIGHT] >= GLYPH_SHARE * tallest]
    top = min(int(stats[i, cv2.CC_STAT_TOP]) for i in glyphs)
    bottom = max(int(stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT]) for i in glyphs)
    band_h = bottom - top
    keep = np.isin(labels, glyphs)
    dash = np.zeros(ink.shape[1], dtype=bool)
    for i in range(1, n):      # a dash: wider than high, in the middle of the band
        x, y, w, h = (int(v) for v in stats[i, :4])
        if i not in glyphs and w > h and y >= top + 0.25 * band_h and y + h <= bottom - 0.25 * band_h \
                and h <= DASH_SHARE * band_h:
            dash[x:x + w] = True
    body = keep[top:bottom].astype(np.uint8)
    cols = np.flatnonzero(body.any(axis=0))
    if cols.size == 0:
        return None
    parts, start = [], cols[0]
    for left, right in zip(cols[:-1], cols[1:]):
        if right - left > 1 and dash[left + 1:right].any():
            parts.append((start, left + 1))
            start = right
    parts.append((start, cols[-1] + 1))
    if len(parts) > 2:
        return None
    read = [_strokes_numeral(body[:, a:b]) for a, b in parts]
    if any(r is None for r in read):
        return None
    return "–".join(read)


def _head_above(words: list[PxWord], period: PxWord) -> PxWord | None:
    """A short token alone at the start of the line above ``period``, where a narrow cell wrapped
    "IV квартал" after its numeral."""
    above = [w for w in words if w is not period and w.y < period.y and period.y - w.y <= ABOVE_LINES * period.h
             and w.y + w.h > period.y - ABOVE_LINES * period.h and not _same_line(w, period)]
    starts = [w for w in above if abs(w.x - period.x) <= period.h]
    if len(starts) != 1 or any(w is not starts[0] and _same_line(w, starts[0]) and w.x > starts[0].x
                               and w.x - (starts[0].x + starts[0].w) < 2 * period.h for w in above):
        return None
    core = starts[0].text.strip(".,-–")
    return starts[0] if len(starts[0].text) <= MAX_TOKEN and (_lookalike(core) or core.upper() == core) else None


def _crop(grey: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
    return np.ascontiguousarray(grey[max(0, y0):max(0, y1), max(0, x0):max(0, x1)])


def _numeral_end(grey: np.ndarray, token: PxWord) -> int | None:
    """Where the numeral at the start of a token that ran it into the period word ends (the
    first gap as wide as a space), in the image's x, or None."""
    crop = _crop(grey, token.x, token.y, token.x + token.w, token.y + token.h)
    if crop.size == 0:
        return None
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    cols = np.flatnonzero(ink.any(axis=0))
    gaps = [(int(right - left), int(left)) for left, right in zip(cols[:-1], cols[1:])
            if right - left > 2 and left < crop.shape[1] // 2]
    if not gaps:
        return None
    width, left = max(gaps)            # the space after the numeral: the widest gap of the first half
    return token.x + left + 1


GLUED_RE = re.compile(r"^(\S{1,6})\s+((?:кв|полугод)\S*)(.*)$", re.IGNORECASE)


def reread_period_numerals(grey: np.ndarray, words: list[PxWord]) -> list[PxWord]:
    """``words`` with each misread Roman numeral before a period word read from its strokes."""
    out = list(words)
    for period in words:
        glued = GLUED_RE.match(period.text)
        if glued and not READ_RIGHT_RE.match(glued.group(1)) and any(ch.isalpha() for ch in glued.group(1)):
            end = _numeral_end(grey, period)
            read = read_numeral(_crop(grey, period.x - max(2, period.h // 4), period.y, end, period.y + period.h)) if end else None
            if read:
                rest = glued.group(2) + glued.group(3)
                fixed = [PxWord(read, period.x, period.y, end - period.x, period.h, GLYPH_CONF),
                         PxWord(rest, end, period.y, period.x + period.w - end, period.h, period.conf)]
                out = [w for w in out if w is not period] + fixed
            continue
        if not PERIOD_WORD_RE.match(period.text):
            continue
        head = _head_before(out, period)
        if not head:
            above = _head_above(out, period)
            if above is None or READ_RIGHT_RE.match(above.text) or not any(ch.isalpha() for ch in above.text):
                continue
            pad = max(2, period.h // 4)     # its own line only: a box that took in the next line stops there
            bottom = min(above.y + above.h, period.y - 1)
            read = read_numeral(_crop(grey, above.x - pad, above.y - 2, above.x + above.w + pad, bottom))
            if read is not None:
                out = [w for w in out if w is not above] + [
                    PxWord(read, above.x, above.y, above.w, bottom - above.y, GLYPH_CONF)]
            continue
        text = "".join(w.text for w in head)
        if READ_RIGHT_RE.match(text) or (len(head) == 1 and ARABIC_RE.match(text)):
            continue
        if not any(ch.isalpha() or ch in "|[]!" for ch in text):
            continue                  # digits and marks only: not a numeral misread as letters
        pad = max(2, period.h // 4)
        y0, y1 = min(w.y for w in head + [period]), max(w.y + w.h for w in head + [period])
        read = read_numeral(_crop(grey, min(w.x for w in head) - pad, y0 - 2, period.x - 1, y1 + 2))
        if read is None:
            continue
        x0, y0 = min(w.x for w in head), min(w.y for w in head)
        x1, y1 = max(w.x + w.w for w in head), max(w.y + w.h for w in head)
        merged = PxWord(read, x0, y0, x1 - x0, y1 - y0, GLYPH_CONF)
        out = [w for w in out if all(w is not h for h in head)] + [merged]
    return out
