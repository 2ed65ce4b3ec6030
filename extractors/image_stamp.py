"""A round stamp on a black-and-white copy, removed from a scanned page before OCR.

On a colour scan a stamp is blue or violet and ``image_ink.remove_colour_ink`` takes it by its
colour. A black-and-white photocopy (or a colour scan saved in grey levels) turns it into a grey
ring lighter than the text: Tesseract's layout analysis then takes the ring for a picture or a
column border and reads the words inside it apart from their lines (a definition's middle
words at the end of the page), and the ring's own lettering becomes "-------" in the cells.

An official seal is round (a ring, often two, 38–50 mm across) and its print is lighter than
the text's, so: light ink that has no dark ink near it (``light_strokes``; a letter's blurred
rim is next to its dark core) is searched for a circle of a seal's size (a Hough transform on
the page shrunk, every candidate checked: its perimeter must run along light strokes most of
the way round, and just outside it there must be next to none, which the light rims of a
dense text block or the light rules of a table never give). Inside a found seal the light
strokes are painted as paper; text (dark) and straight rules that run on out of it, or in line
with their runs out of it (a faded rule is as light as the seal), are kept.

Measured cost: 10–50 ms a page (the search runs on the page shrunk by two), about 2 % of a page's OCR.
"""

from __future__ import annotations

from typing import Optional

import cv2
import numpy as np

from extractors.image_labels import components
from extractors.image_paper import background

LIGHT_SHARE = 0.85           # a pixel darker than this share of the paper around it is ink ...
DARK_SHARE = 0.45            # ... darker than this share is dark ink (text, rules, a signature)
RIM_INCH = 0.025             # light ink this close to dark ink is the dark ink's blurred rim
GRAIN_INCH = 0.03            # light pieces smaller than this are grain
SEAL_RADIUS_INCH = (0.55, 1.15)  # a seal's outer ring: 28-58 mm across
SEARCH_SHRINK = 2            # light strokes are searched for a ring on the page shrunk this much ...
SHRINK = 2                   # ... and the Hough transform runs on that shrunk this much again
STEP_INCH = 0.01             # a candidate circle is settled in steps this long
ALONG_SHARE = 0.45           # the ring runs along light strokes over this share of its perimeter not hidden
                             # by text ...
MIN_SHARE = 0.25             # ... and this share of all of it ...
BESIDE_SHARE = 0.35          # ... and light strokes lie just outside it at most this share as often (inside, a
BESIDE_INCH = 0.06           # seal has its lettering) (that far from the ring)
BAND_INCH = 0.012            # a perimeter point meets a stroke this far across the ring
MARGIN_INCH = 0.05           # the seal's print is removed out to this far beyond the ring
WINDOW_INCH = 0.3            # the removal looks this far round the seal: straight runs of ink ...
RUN_INCH = 0.15              # ... this long that go on out of it are rules, kept (gaps this short
RUN_GAP_INCH = 0.05          # in them bridged: a broken rule) and at most this thick (a line of text is a
RUN_THICK_INCH = 0.04        # band of runs as tall as its letters); a run inside whose fitted line, carried
LINE_TOL_PX = 3              # on out of the seal, has runs this close to it is a
MAX_SLOPE = 0.05             # rule too (the line at most this steep: a page skewed by up to 3°) when runs
LINE_FILL = 0.6              # lie along this share of it out of the seal on one side
PRINT_INCH = 0.06            # a seal's strokes (ring, lettering, lines) are this long at least; shorter light
                             # pieces inside it are a blurred letter's thin parts, kept
CANDIDATES = 8               # circles checked per page ...
SETTLE_STEPS = 12            # ... each moved this many times at most to fit the ring


def light_strokes(grey: np.ndarray, dpi: int, bg: Optional[np.ndarray] = None) -> tuple[np.ndarray, np.ndarray]:
    """255 where the ink is light, no dark ink is near and the piece is larger than grain (a grey
    seal's print), else 0; and 255 where dark ink is near (what would hide a seal's print: text,
    rules, a signature)."""
    bg = background(grey, dpi) if bg is None else bg
    rel = grey.astype(np.float32) / np.maximum(bg.astype(np.float32), 1.0)
    dark = (rel < DARK_SHARE).astype(np.uint8)
    r = max(1, int(round(RIM_INCH * dpi)))
    near = cv2.dilate(dark, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1)))
    light = ((rel < LIGHT_SHARE) & (near == 0)).astype(np.uint8)
    return _long_pieces(light, GRAIN_INCH * dpi).astype(np.uint8) * 255, near * 255


def _long_pieces(mask: np.ndarray, length: float) -> np.ndarray:
    """True on the pieces (8-connected components) of ``mask`` at least ``length`` px wide or tall."""
    _n, labels, stats, _ = components(mask)
    long_enough = np.maximum(stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]) >= length
    long_enough[0] = False
    return long_enough[labels]


_ANGLES = np.linspace(0.0, 2 * np.pi, 240, endpoint=False)
_COS, _SIN = np.cos(_ANGLES), np.sin(_ANGLES)


def _share_on(light: np.ndarray, hidden: np.ndarray, cx: float, cy: float, r: float,
              band: int) -> tuple[float, float]:
    """Of 240 points round the circle: the share that meet a light stroke within ``band`` px
    across it, and that share among the points not hidden by dark ink."""
    hit = np.zeros(_COS.shape, bool)
    open_ = np.zeros(_COS.shape, bool)
    h, w = light.shape
    for dr in range(-band, band + 1):
        x = np.rint(cx + (r + dr) * _COS).astype(int)
        y = np.rint(cy + (r + dr) * _SIN).astype(int)
        inside = (x >= 0) & (x < w) & (y >= 0) & (y < h)
        hit[inside] |= light[y[inside], x[inside]] > 0
        open_[inside] |= hidden[y[inside], x[inside]] == 0
    return float(hit.mean()), float(hit.sum() / max(1, open_.sum()))


def _settle(light: np.ndarray, hidden: np.ndarray, circle: tuple[float, float, float],
            band: int, step: int) -> tuple[tuple[float, float], tuple[float, float, float]]:
    """The circle moved and resized a step at a time while more of it runs along light strokes."""
    best = _share_on(light, hidden, *circle, band)
    for _ in range(SETTLE_STEPS):
        moves = [tuple(c + d * (i == k) for k, c in enumerate(circle)) for i in range(3) for d in (-step, step)]
        score, move = max((_share_on(light, hidden, *m, band), m) for m in moves)
        if score[0] <= best[0]:
            break
        best, circle = score, move
    return best, circle


def find_seal(light: np.ndarray, hidden: np.ndarray, dpi: int) -> Optional[tuple[float, float, float]]:
    """The centre and radius (px) of a seal's outer ring among the light strokes, or None."""
    s = SHRINK
    small = cv2.resize(light, (max(1, light.shape[1] // s), max(1, light.shape[0] // s)),
                       interpolation=cv2.INTER_AREA)
    if not small.any():
        return None
    small = cv2.GaussianBlur(small, (3, 3), 0)
    lo, hi = (int(v * dpi / s) for v in SEAL_RADIUS_INCH)
    found = cv2.HoughCircles(small, cv2.HOUGH_GRADIENT, dp=1, minDist=lo, param1=60, param2=15,
                             minRadius=lo, maxRadius=hi)
    if found is None:
        return None
    band = max(1, int(round(BAND_INCH * dpi)))
    off = max(band + 2, int(round(BESIDE_INCH * dpi)))
    best: Optional[tuple[float, float, float, float]] = None
    for cx, cy, r in found[0][:CANDIDATES]:
        near, near_seen = _share_on(light, hidden, cx * s, cy * s, r * s, band + 1)
        if near < MIN_SHARE or near_seen < ALONG_SHARE / 2:
            continue            # not even near a ring
        # the shrunk circle is a few pixels off: settle it on the page itself
        (share, seen), (cx, cy, r) = _settle(light, hidden, (cx * s, cy * s, r * s), band,
                                             max(1, round(STEP_INCH * dpi)))
        beside = _share_on(light, hidden, cx, cy, r + off, band)[1]
        if (share >= MIN_SHARE and seen >= ALONG_SHARE and beside <= BESIDE_SHARE * seen
                and (best is None or seen > best[0])):
            best = (seen, cx, cy, r)
    return None if best is None else best[1:]


def find_grey_seal(grey: np.ndarray, dpi: int) -> Optional[tuple[int, int, int]]:
    """A grey seal on the page: its centre x, y and outer radius in px, or None."""
    k = SEARCH_SHRINK
    small = cv2.resize(grey, (max(1, grey.shape[1] // k), max(1, grey.shape[0] // k)), interpolation=cv2.INTER_AREA)
    seal = find_seal(*light_strokes(small, dpi // k), dpi // k)
    if seal is None:
        return None
    cx, cy, r = (int(round(v * k)) for v in seal)
    return cx, cy, r


def _rules_through(ink: np.ndarray, disc: np.ndarray, dpi: int) -> np.ndarray:
    """True on straight horizontal and vertical runs of ink that go on out of the disc: a table's
    rules (a faded one is as light as the seal's print; the seal's own lines of lettering end
    inside it), or that lie in line with such runs out of it (a rule a gap or a signature broke
    inside the seal). Runs are found on the ink thickened by a pixel across them, so that a rule
    drifting by a pixel (a page skewed by up to 2°) stays one run, and short gaps bridged."""
    n = max(3, int(RUN_INCH * dpi))
    gap = max(2, int(RUN_GAP_INCH * dpi))
    rule = np.zeros(ink.shape, bool)
    t = max(4, int(RUN_THICK_INCH * dpi))
    for run, gap_k, thick, thick_k in (((n, 1), (gap, 1), (1, 3), (1, t)), ((1, n), (1, gap), (3, 1), (t, 1))):
        m = cv2.morphologyEx(cv2.dilate(ink, np.ones(thick[::-1], np.uint8)), cv2.MORPH_CLOSE,
                             cv2.getStructuringElement(cv2.MORPH_RECT, gap_k))
        m = cv2.morphologyEx(m, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, run))
        # a line of text is a band of ink runs as tall as its letters: not a rule
        band = cv2.morphologyEx(m, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, thick_k))
        m[band > 0] = 0
        count, labels, _stats, _ = components(m)
        out = np.zeros(count, bool)
        out[np.unique(labels[(m > 0) & (disc == 0)])] = True
        out[0] = False
        rule |= out[labels]
        # ... or in line with such runs out of it: a rule broken inside the seal (a gap, a
        # signature) goes on across it along the same line (fitted: a skewed page drifts)
        rule |= _in_line_with_outside(m, labels, disc, horizontal=run[0] > 1, length=n)
    return rule


def _in_line_with_outside(m: np.ndarray, labels: np.ndarray, disc: np.ndarray, horizontal: bool,
                          length: int) -> np.ndarray:
    """True on the runs (``labels`` of ``m``) inside the disc whose line, fitted through their
    pixels and carried on out of the disc to the window's edge, runs along runs out of it over
    most of that stretch on one side (a rule goes on; a line of the seal's lettering carried on
    meets paper, or text here and there)."""
    out = np.zeros(m.shape, bool)
    h, w = m.shape
    span, across = (w, h) if horizontal else (h, w)
    for k in np.unique(labels[(m > 0) & (disc > 0)]):
        if k == 0:
            continue
        ys, xs = np.nonzero(labels == k)
        a, c = (xs, ys) if horizontal else (ys, xs)
        if np.ptp(a) < 2:
            continue
        slope, icpt = np.polyfit(a, c, 1)
        if abs(slope) > MAX_SLOPE:
            continue
        pos = np.arange(span)
        line = np.rint(icpt + slope * pos).astype(int)
        valid = (line >= 0) & (line < across)
        hit = np.zeros(span, bool)
        for d in range(-LINE_TOL_PX, LINE_TOL_PX + 1):
            q = np.clip(line + d, 0, across - 1)
            ink = m[q, pos] if horizontal else m[pos, q]
            hit |= valid & (ink > 0)
        q = np.clip(line, 0, across - 1)
        on_disc = (disc[q, pos] if horizontal else disc[pos, q]) > 0
        for side in (pos < a.min(), pos > a.max()):
            stretch = side & valid & ~on_disc
            if np.count_nonzero(stretch) >= length // 2 and hit[stretch].mean() >= LINE_FILL:
                out |= labels == k
                break
    return out


def seal_window(shape: tuple[int, ...], seal: tuple[int, int, int], dpi: int) -> tuple[slice, slice]:
    """The part of the page the seal's removal looks at: the seal and a margin round it."""
    cx, cy, r = seal
    reach = int(r + (MARGIN_INCH + WINDOW_INCH) * dpi)
    return (slice(max(0, cy - reach), min(shape[0], cy + reach + 1)),
            slice(max(0, cx - reach), min(shape[1], cx + reach + 1)))


def remove_grey_seal(grey: np.ndarray, dpi: int) -> tuple[np.ndarray, Optional[tuple[int, int, int]]]:
    """The page with a grey seal's light print painted as paper, and the seal (centre x, y,
    outer radius in px); or the page as it is and None. Rules that cross the seal are kept."""
    seal = find_grey_seal(grey, dpi)
    if seal is None:
        return grey, None
    return erase_seal(grey, seal, dpi), seal


def erase_seal(grey: np.ndarray, seal: tuple[int, int, int], dpi: int) -> np.ndarray:
    """The page with the seal's light print painted as paper (text and rules kept)."""
    cx, cy, r = seal
    rows, cols = seal_window(grey.shape, seal, dpi)
    win = grey[rows, cols]
    win_bg = background(grey, dpi)[rows, cols]
    light, _hidden = light_strokes(win, dpi, win_bg)
    disc = np.zeros(win.shape, np.uint8)
    cv2.circle(disc, (cx - cols.start, cy - rows.start), int(r + MARGIN_INCH * dpi), 255, -1)
    inside = ((disc > 0) & (light > 0)).astype(np.uint8)
    ink = (win.astype(np.float32) < LIGHT_SHARE * win_bg.astype(np.float32)).astype(np.uint8)
    paint = _long_pieces(inside, PRINT_INCH * dpi) & ~_rules_through(ink, disc, dpi)
    out = grey.copy()
    out[rows, cols][paint] = win_bg[paint]
    return out
