"""Isolated toner specks removed from a scanned page before OCR (``image_prep.prepare`` runs it).

A small ink blob with no other ink near it is a speck (the dot of "1.3" sits between two digits, so
it stays); a dark grain pixel of a faded rule is part of a longer light stroke, so it stays too; a
stop on the baseline just after a letter stays even when the letter's ink is far from it ("г.",
"Т."); a dot on the baseline between two letter-sized blobs close to it on both sides stays even
when neither's ink is within the isolation distance ("01.12" on a blurred, grainy scan, where the
foot serif of "1" ends well before its dot). ``specks`` also counts the dark grain spots it kept on faint strokes.
"""

from __future__ import annotations

import cv2
import numpy as np

from extractors.image_labels import components

SPECK_MAX_INCH = 0.035       # an ink blob at most this wide and tall may be a speck ...
SPECK_ISOLATION_INCH = 0.04  # ... and is one when no other ink is this close ...
FAINT_LEVEL = 200            # ... and it lies on no longer stroke lighter than this (a faded rule)
STOP_GAP_SHARE = 0.3         # ... and is no stop: a blob this share of a letter's height right of the
STOP_RISE_SHARE = 0.25       # letter's box, its bottom at most this share above the letter's bottom
STOP_DROP_SHARE = 0.15       # or this share below it, is a stop ("г.", "Т.": the letter's ink is far)
LETTER_INCH = (0.04, 0.3)    # height of a letter-sized blob (the ones a stop can follow)
BETWEEN_GAP_SHARE = 0.45     # a dot between two letter-sized blobs on one baseline, each at most this share of
                             # its height away (a word space is wider), is punctuation ("01.12", "1.3.2")
BETWEEN_HEIGHT_RATIO = 1.6   # ... the two blobs' heights differ at most by this factor


def remove_specks(grey: np.ndarray, dpi: int, level: int = 150) -> tuple[np.ndarray, int]:
    """Isolated tiny ink blobs painted white; returns the image and how many were removed.

    A dark blob that is part of a longer light-grey stroke (grain pushing pixels of a faded
    rule or of faint text past ``level``) is no speck: painting it would punch holes in the
    rule, so blobs lying on a component of ``grey < FAINT_LEVEL`` longer than twice a speck stay.
    """
    out, removed, _kept = specks(grey, dpi, level)
    return out, removed


def specks(grey: np.ndarray, dpi: int, level: int = 150) -> tuple[np.ndarray, int, int]:
    """``remove_specks``, also returning how many isolated dark blobs were kept because they lie
    on a faint stroke (grain there: the page is grainy all the same)."""
    ink = (grey < level).astype(np.uint8)
    n, labels, stats, _ = components(ink)
    if n <= 1:
        return grey, 0, 0
    max_side = max(2, int(SPECK_MAX_INCH * dpi))
    small = (stats[:, cv2.CC_STAT_WIDTH] <= max_side) & (stats[:, cv2.CC_STAT_HEIGHT] <= max_side)
    small[0] = False
    if not small.any():
        return grey, 0, 0
    big_mask = (~small[labels]) & (labels > 0)
    r = max(2, int(SPECK_ISOLATION_INCH * dpi))
    near = cv2.dilate(big_mask.astype(np.uint8), cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1)))
    touched = np.zeros(n, bool)
    touched[np.unique(labels[(near > 0) & (labels > 0)])] = True
    touched |= _after_letters(stats, labels, small & ~touched, dpi)
    for turned in _turns(stats, grey.shape):        # the page may still lie on its side or upside down
        touched |= _between_letters(turned, small & ~touched, dpi)
    drop = small & ~touched
    if not drop.any():
        return grey, 0, 0
    found = int(drop.sum())
    _nf, flabels, fstats, _ = components((grey < FAINT_LEVEL).astype(np.uint8))
    long_faint = np.maximum(fstats[:, cv2.CC_STAT_WIDTH], fstats[:, cv2.CC_STAT_HEIGHT]) > 2 * max_side
    long_faint[0] = False
    drop[np.unique(labels[long_faint[flabels] & (labels > 0)])] = False
    removed = int(drop.sum())
    if not removed:
        return grey, 0, found
    out = grey.copy()
    kill = cv2.dilate(drop[labels].astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    out[kill] = 255
    return out, removed, found - removed


def _letters(stats: np.ndarray, dpi: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, float]:
    """The component boxes as floats (x, y, w, h), the ids of the letter-sized ones (the
    background, component 0, never) and the tallest letter height in pixels."""
    x, y, w, h = (stats[:, i].astype(np.float64) for i in range(4))
    lo, hi = LETTER_INCH[0] * dpi, LETTER_INCH[1] * dpi
    letter = (h >= lo) & (h <= hi) & (w <= 2 * hi)
    letter[0] = False
    return x, y, w, h, np.flatnonzero(letter), hi


def _after_letters(stats: np.ndarray, labels: np.ndarray, candidates: np.ndarray, dpi: int) -> np.ndarray:
    """Which ``candidates`` (a mask over components) sit where the stop after "г", "Т", "Р" or
    "7" sits: just right of a letter-sized blob's box, on its baseline, where the letter has no
    ink in the lower right of its box (its ink is at the top or the left, farther from its stop
    than the isolation distance; see ``STOP_GAP_SHARE``)."""
    out = np.zeros(len(stats), bool)
    if not candidates.any():
        return out
    x, y, w, h, ids, hi = _letters(stats, dpi)
    if not len(ids):
        return out
    ids = ids[np.argsort(x[ids] + w[ids], kind="stable")]          # by right edge
    lx1, lb, lh = x[ids] + w[ids], y[ids] + h[ids], h[ids]
    for i in np.flatnonzero(candidates):
        lo_k, hi_k = np.searchsorted(lx1, [x[i] - STOP_GAP_SHARE * hi, x[i] + 1], side="left")
        k = slice(lo_k, hi_k + 1)
        bottom, gap = y[i] + h[i], x[i] - lx1[k]
        near = ((gap >= -1) & (gap <= STOP_GAP_SHARE * lh[k]) & (bottom >= lb[k] - STOP_RISE_SHARE * lh[k])
                & (bottom <= lb[k] + STOP_DROP_SHARE * lh[k] + 1))
        out[i] = any(_open_lower_right(labels, j, stats[j]) for j in ids[k][near])
    return out


def _turns(stats: np.ndarray, shape: tuple[int, ...]) -> list[np.ndarray]:
    """Component boxes (x, y, w, h) as they would be on the page turned by 0, 90, 180 and 270
    degrees: specks are removed before the page's orientation is known."""
    hh, ww = shape[:2]
    x, y, w, h = (stats[:, i] for i in range(4))
    return [np.stack(b, axis=1) for b in ((x, y, w, h), (ww - x - w, hh - y - h, w, h),
                                          (hh - y - h, x, h, w), (y, ww - x - w, h, w))]


def _between_letters(stats: np.ndarray, candidates: np.ndarray, dpi: int) -> np.ndarray:
    """Which ``candidates`` sit on the baseline between two letter-sized blobs of like height that
    share that baseline, each within ``BETWEEN_GAP_SHARE`` of its height of the candidate: the dot
    of "01.12.2023" or "1.3.2" (a grain speck is rarely flanked that closely on both sides on one
    baseline; a word space is wider than the gap)."""
    out = np.zeros(len(stats), bool)
    if not candidates.any():
        return out
    x, y, w, h, ids, hi = _letters(stats, dpi)
    if len(ids) < 2:
        return out
    by_right = ids[np.argsort(x[ids] + w[ids], kind="stable")]
    by_left = ids[np.argsort(x[ids], kind="stable")]
    rights, lefts = x[by_right] + w[by_right], x[by_left]
    reach = BETWEEN_GAP_SHARE * hi
    for i in np.flatnonzero(candidates):
        x0, x1, bottom = x[i], x[i] + w[i], y[i] + h[i]
        a, b = np.searchsorted(rights, [x0 - reach, x0 + 1], side="left")
        c, d = np.searchsorted(lefts, [x1 - 1, x1 + reach], side="right")
        left, right = by_right[a:b + 1], by_left[c:d]
        left = left[_flanks(x0 - (x[left] + w[left]), y[left] + h[left], h[left], bottom)]
        right = right[_flanks(x[right] - x1, y[right] + h[right], h[right], bottom)]
        if not len(left) or not len(right):
            continue
        hl, hr = h[left][:, None], h[right][None, :]
        bl, br = (y[left] + h[left])[:, None], (y[right] + h[right])[None, :]
        alike = (np.maximum(hl, hr) <= BETWEEN_HEIGHT_RATIO * np.minimum(hl, hr)) & \
            (np.abs(bl - br) <= STOP_DROP_SHARE * np.minimum(hl, hr) + 1)
        out[i] = bool(alike.any())
    return out


def _flanks(gap: np.ndarray, letter_bottom: np.ndarray, letter_h: np.ndarray, bottom: float) -> np.ndarray:
    """Which letters are close enough beside a dot, the dot resting on their baseline."""
    return ((gap >= -1) & (gap <= BETWEEN_GAP_SHARE * letter_h)
            & (bottom >= letter_bottom - STOP_RISE_SHARE * letter_h)
            & (bottom <= letter_bottom + STOP_DROP_SHARE * letter_h + 1))


def _open_lower_right(labels: np.ndarray, label: int, box: np.ndarray) -> bool:
    """Whether blob ``label`` has no ink in the lower half of the right third of its box."""
    x, y, w, h = (int(v) for v in box[:4])
    corner = labels[y + h // 2:y + h, x + (2 * w) // 3:x + w]
    return not (corner == label).any()
