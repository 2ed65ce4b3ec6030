"""OCR, stray dots near text: toner specks above or below a text line removed before recognition.

``image_specks.remove_specks`` keeps every small blob with ink close to it (a period, the dots
of "ё" and a colon have letters next to them). A speck close to a letter but off its text
line is read into the letter ("о" with a dot over it becomes "б", "и" becomes "й") or as a
mark of its own. Punctuation has fixed places on a line: a period, comma, colon or
semicolon lies between the top of the small letters and the baseline (or just under it),
and marks above the small letters come in pairs ("ё", quotes) or are not round (the breve
of "й"). So a blob on the cleaned text image (rules erased, grain smoothed) is a stray dot
when it is

* small (at most ``DOT_MAX_SHARE`` of the x-height), round and filled;
* alone: no other small blob beside it (the other dot of "ё" or of a quote);
* above the x-height band of its text line (the band from the median top to the median
  bottom of the letters of the line around it, those beside its nearest letter), and not over a narrow stem (the dot of
  Latin "i"), or below the line's baseline; or far from every letter;
* or floating inside the x-height band, clear of its top and of the baseline (a stop or a comma
  rests on it), solid (a piece of a faint letter the ink level cut off is light grey), with no
  other mark over or under it (a colon's or semicolon's upper dot has one) and not over a
  narrow stem: "202·2" is "2022".

The x-height is the median height of the page's letter-sized blobs; the text line of a dot
is that of its nearest letter (letters standing on the same baseline near it).
"""

from __future__ import annotations

import cv2
import numpy as np

from extractors.image_labels import components

INK_LEVEL = 140              # grey below this is ink
MIN_LETTERS = 20             # fewer letter-sized blobs on the page: nothing is judged
DOT_MAX_SHARE = 0.6          # a dot is at most this share of the x-height either way ...
DOT_ASPECT = 1.6             # ... round (sides differ at most by this factor) ...
DOT_FILL = 0.5               # ... and filled: this share of its box, and no hole (a ring, "°" or
                             # the "o" of "№", is not)
PAIR_SHARE = 1.0             # another small blob this close beside a dot (x-heights): ё, quotes
LINE_SHARE = 0.5             # letters of one line overlap the nearest letter by this share of the lower one
LINE_REACH = 4.0             # letters of the dot's line looked at this far either side (x-heights)
FAR_SHARE = 1.5              # a dot farther than this from every letter is a speck (x-heights)
STEM_SHARE = 0.45            # a letter at most this wide under a dot is a stem ("i")
MARGIN_PX = 1                # a dot this clear of the band is off the line
FLOAT_SHARE = 0.3            # a dot within the x-height, its bottom this share of it above the baseline, floats
FLOAT_DARK = 60              # ... and is solid toner: its darkest grey at most this (a piece of a faint
                             # letter the ink level cut off, the end of the bar of a "т", is lighter)
STACK_DX = 0.5               # ... and is a speck unless another small mark lies over or under it
STACK_DY = 1.2               # (the two dots of a colon, a semicolon), within these x-heights


def _x_height(h: np.ndarray, w: np.ndarray, dpi: int) -> float:
    sel = (h >= 0.03 * dpi) & (h <= 0.3 * dpi) & (w <= 0.3 * dpi)
    return float(np.median(h[sel])) if np.count_nonzero(sel) >= MIN_LETTERS else 0.0


def stray_dots(grey: np.ndarray, dpi: int) -> np.ndarray:
    """Mask (255) of the stray dots of a cleaned text image (see module docstring)."""
    ink = (grey < INK_LEVEL).astype(np.uint8)
    n, labels, stats, _ = components(ink)
    out = np.zeros_like(ink)
    if n <= 1:
        return out
    x, y, w, h, area = (stats[1:, i].astype(np.float64) for i in range(5))
    xh = _x_height(h, w, dpi)
    if xh <= 0:
        return out
    side = np.maximum(w, h)
    small = side <= DOT_MAX_SHARE * xh
    dot = small & (side <= DOT_ASPECT * np.maximum(1, np.minimum(w, h))) & (area >= DOT_FILL * w * h)
    letter = (h >= 0.6 * xh) & (h <= 2.5 * xh) & (w <= 6 * xh)
    if np.count_nonzero(letter) < MIN_LETTERS or not dot.any():
        return out
    lx0, ly0, lx1, ly1 = x[letter], y[letter], x[letter] + w[letter], y[letter] + h[letter]
    sx, sy = x[small] + w[small] / 2, y[small] + h[small] / 2
    stray = []
    for i in np.flatnonzero(dot):
        if _has_hole(labels, i + 1, stats[i + 1]):
            continue
        cx, cy = x[i] + w[i] / 2, y[i] + h[i] / 2
        beside = (np.abs(sx - cx) <= PAIR_SHARE * xh) & (np.abs(sy - cy) <= 0.5 * xh)
        if np.count_nonzero(beside) > 1:          # itself and another: ё, a quote
            continue
        dx = np.maximum(0, np.maximum(lx0 - (x[i] + w[i]), x[i] - lx1))
        dy = np.maximum(0, np.maximum(ly0 - (y[i] + h[i]), y[i] - ly1))
        dist = np.hypot(dx, dy)
        j = int(np.argmin(dist))
        if dist[j] > FAR_SHARE * xh:
            stray.append(i)
            continue
        overlap = np.minimum(ly1, ly1[j]) - np.maximum(ly0, ly0[j])
        line = (overlap >= LINE_SHARE * np.minimum(ly1 - ly0, ly1[j] - ly0[j])) \
            & (lx1 >= cx - LINE_REACH * xh) & (lx0 <= cx + LINE_REACH * xh)
        top, base = float(np.median(ly0[line])), float(np.median(ly1[line]))
        if y[i] + h[i] < top - MARGIN_PX:
            under = line & (lx0 <= cx) & (lx1 >= cx)
            if np.any((lx1 - lx0)[under] <= STEM_SHARE * xh):
                continue                          # the dot of an "i"
            stray.append(i)
        elif y[i] > base + MARGIN_PX:
            stray.append(i)
        elif (max(top, base - xh) <= y[i] and y[i] + h[i] < base - FLOAT_SHARE * xh
              and _darkest(grey, labels, i + 1, stats[i + 1]) <= FLOAT_DARK):
            stacked = (np.abs(sx - cx) <= STACK_DX * xh) & (np.abs(sy - cy) <= STACK_DY * xh)
            under = line & (lx0 <= cx) & (lx1 >= cx)
            if np.count_nonzero(stacked) <= 1 and not np.any((lx1 - lx0)[under] <= STEM_SHARE * xh):
                stray.append(i)                   # no mark over or under it (a colon), no stem ("i")
    if stray:
        ids = np.array(stray) + 1
        out[np.isin(labels, ids)] = 255
    return out


def _darkest(grey: np.ndarray, labels: np.ndarray, label: int, box: np.ndarray) -> int:
    """The darkest grey of blob ``label``."""
    x, y, w, h = (int(v) for v in box[:4])
    return int(grey[y:y + h, x:x + w][labels[y:y + h, x:x + w] == label].min())


def _has_hole(labels: np.ndarray, label: int, box: np.ndarray) -> bool:
    """Whether the blob encloses paper (a ring)."""
    x, y, w, h = (int(v) for v in box[:4])
    blob = np.zeros((h + 2, w + 2), np.uint8)
    blob[1:-1, 1:-1] = labels[y:y + h, x:x + w] == label
    outside = blob.copy()
    cv2.floodFill(outside, None, (0, 0), 2)
    return bool((outside == 0).any())


def remove_stray_dots(grey: np.ndarray, dpi: int) -> tuple[np.ndarray, int]:
    """The image with stray dots painted as paper, and how many there were."""
    mask = stray_dots(grey, dpi)
    if not mask.any():
        return grey, 0
    out = grey.copy()
    out[cv2.dilate(mask, np.ones((3, 3), np.uint8)) > 0] = 255
    n = cv2.connectedComponents(mask, connectivity=8)[0] - 1
    return out, n
