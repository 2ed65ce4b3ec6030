"""Image preparation of scanned pages before ruling-line search and OCR.

Real photocopies differ from clean renders in ways that each break a later step:

* coloured stamps and signatures (blue, violet, red ink) lie over the text:
  ``remove_colour_ink`` (``extractors/image_ink.py``) paints them as paper, text
  and rules under them kept;
* a stamp on a black-and-white copy is a grey ring lighter than the text (no colour to take
  it by): ``remove_grey_seal`` (``extractors/image_stamp.py``) finds a seal-sized ring of light
  strokes and paints its print as paper, text and the rules crossing it kept;
* uneven illumination and a dark binding edge make one global threshold either
  lose faint text or turn the edge into ink: ``normalise_illumination`` divides
  the page by its background (a max-filter of the downscaled page, i.e. the
  paper with the text removed);
* a "black and white" (one-bit) copy of a shaded or grainy page turns its paper into a
  field of dots, each read as a mark: a 3x3 median where the grain is that heavy;
* grain and isolated toner specks read as stray marks inside words:
  ``remove_specks`` (``extractors/image_specks.py``) deletes small ink blobs that have no
  other ink near them;
* broken and faded table rules: ``line_ink`` thresholds leniently (a faded rule
  is light grey) and ``rule_masks`` opens with a short kernel, closes gaps
  along the line, then keeps only long runs;
* a page turned by 90°: ``looks_turned_90`` compares the sharpness of the row
  and column ink profiles (text lines make the profile across them sharp), so
  orientation detection (Tesseract OSD) runs only on pages that need it.

All functions take and return uint8 NumPy images (grey: 0 = black, 255 = white;
masks: 255 = ink) and are cheap compared with OCR (a few tens of ms per page).
"""

from __future__ import annotations

from typing import Optional

import cv2
import numpy as np

from extractors.image_ink import colour_ink_mask, remove_colour_ink  # noqa: F401 (part of this module's API)
from extractors.image_labels import components
from extractors.image_paper import background, to_grey  # noqa: F401 (part of this module's API)
from extractors.image_specks import specks
from extractors.image_stamp import remove_grey_seal
from extractors.rule_gaps import between_crossings, carry_end, carry_through, gaps

EDGE_LEVEL = 200             # page-edge bands darker than this ...
EDGE_DARK_SHARE = 0.35       # ... over this share of their length are cleared ...
EDGE_MAX_SHARE = 0.08        # ... up to this share of the page from each side
RIDGE_ALONG_INCH = 0.08      # rule search averages the page this far along a line ...
RIDGE_MIN_INK = 15.0         # ... needs this much ink (0-255) in the average ...
RIDGE_SIDE_SHARE = 0.4       # ... and less than this share of it beside the line
RULE_SEED_INCH = 0.15        # runs at least this long seed a rule (letters are shorter) ...
RULE_GAP_INCH = 0.03         # ... gaps up to this long along a rule are bridged ...
RULE_THIN_INCH = 0.025       # a rule has paper this far from it on one side at least
BRIDGE_MAX_INCH = 0.8         # rule pieces this far apart on one line may be joined ...
BRIDGE_MIN_FILL = 0.75       # ... when this share of the gap is dark on the line
BRIDGE_INK_LEVEL = 230       # (grey below this)
BRIDGE_CELL_FILL = 0.95      # ... and this share (crossings left out) when the gap is a whole cell side
GRAIN_LEVEL = 1.0            # mean grey change a 3x3 median makes on paper: above this the page is grainy
DITHER_LEVEL = 5.0           # ... above this it is a one-bit copy's dither (grey paper as dots): a clean
                             # one-bit page reads under 1, a grainy grey or colour scan 1-3, a dithered one 3-40
TURNED_RATIO = 1.6           # column profile this much sharper than the row profile: turned 90°
UPRIGHT_RATIO = 1.5          # row profile this much sharper than the column profile: upright


def normalise_illumination(grey: np.ndarray, dpi: int) -> np.ndarray:
    """Divide by the background: paper becomes white everywhere, ink keeps its contrast."""
    bg = background(grey, dpi).astype(np.float32)
    out = grey.astype(np.float32) / np.maximum(bg, 1.0) * 255.0
    return np.clip(out, 0, 255).astype(np.uint8)


def needs_normalising(grey: np.ndarray, dpi: int) -> bool:
    """True when the paper is not evenly white (grey paper, shading, dark edge, grain)."""
    bg = background(grey, dpi)
    lo, hi = np.percentile(bg, [2, 98])
    return hi - lo > 12 or hi < 235


def clear_dark_edges(grey: np.ndarray, level: int = EDGE_LEVEL) -> tuple[np.ndarray, int]:
    """Dark bands along the page border (binding shadow, scanner lid) painted white.

    From each side inwards, columns (rows) of which more than ``EDGE_DARK_SHARE``
    is darker than ``level`` are cleared, up to ``EDGE_MAX_SHARE`` of the page;
    no line of text or table is that dark along its whole length.
    """
    out = grey
    cleared = 0
    dark = grey < level
    for axis in (0, 1):                      # axis 0: columns (share over rows); 1: rows
        share = dark.mean(axis=axis)
        limit = int(EDGE_MAX_SHARE * len(share))
        for side in (1, -1):
            idx = range(0, limit) if side == 1 else range(len(share) - 1, len(share) - 1 - limit, -1)
            last = None
            for i in idx:
                if share[i] <= EDGE_DARK_SHARE:
                    break
                last = i
            if last is None:
                continue
            if out is grey:
                out = grey.copy()
            lo, hi = (0, last + 3) if side == 1 else (max(0, last - 2), len(share))
            if axis == 0:
                out[:, lo:hi] = 255
            else:
                out[lo:hi, :] = 255
            cleared += hi - lo
    return out, cleared


def grain(grey: np.ndarray, median: Optional[np.ndarray] = None) -> float:
    """Mean grey change a 3x3 median filter makes on the paper: scanner grain, 0 on a clean render.

    Measured on paper pixels only (strokes change under the median at their
    corners whatever the grain); a clean render or a clean scan gives well
    under ``GRAIN_LEVEL``, JPEG ringing about half of it.
    """
    med = cv2.medianBlur(grey, 3) if median is None else median
    paper = med > 200
    if not paper.any():
        return 0.0
    return float(cv2.absdiff(grey, med)[paper].mean())


def prepare(page: np.ndarray, dpi: int) -> tuple[np.ndarray, list[str]]:
    """The grey page ready for rule search and OCR, and notes of what was done.

    ``page`` is RGB (colour render of the scan) or grey. Steps: coloured ink
    removed, a one-bit copy's dither smoothed (only where the paper is a field of
    dots), illumination normalised (only where the paper is uneven), a grey seal
    removed, isolated specks removed.
    """
    notes: list[str] = []
    grey, share = remove_colour_ink(page, dpi)
    if share > 0.001:
        notes.append(f"image: coloured ink removed ({share:.1%} of the page)")
    median = cv2.medianBlur(grey, 3)
    if grain(grey, median) > DITHER_LEVEL:
        # a "black and white" copy of a grey or shaded page: its paper is a field of dots that each
        # read as a mark; a 3x3 median takes the dots and keeps strokes (thicker than a dot)
        grey = median
        notes.append("image: one-bit dither smoothed (3x3 median)")
    if needs_normalising(grey, dpi):
        grey = normalise_illumination(grey, dpi)
        notes.append("image: illumination normalised")
    grey, edge = clear_dark_edges(grey)
    if edge:
        notes.append("image: dark page edge cleared")
    grey, seal = remove_grey_seal(grey, dpi)
    if seal:
        notes.append(f"image: grey seal removed (centre {seal[0]},{seal[1]} px, radius {seal[2]} px)")
    grey, n, kept = specks(grey, dpi)
    if n > 20:
        notes.append(f"image: {n} specks removed")
    if kept > 20:
        notes.append(f"image: {kept} dark grain spots on faint strokes kept")
    return grey, notes


# ---------------------------------------------------------------- ruling lines


def ridges(grey: np.ndarray, dpi: int, horizontal: bool) -> np.ndarray:
    """Thin dark lines running one way, however faint: 255 where a rule may be.

    The page is averaged along the direction over ``RIDGE_ALONG_INCH`` (grain
    and small breaks average out); a pixel is on a ridge when that average is
    dark enough and the averages ``RULE_THIN_INCH`` to either side across the
    line hold less than ``RIDGE_SIDE_SHARE`` of its ink. A faded grey rule
    passes (paper on both sides); the baseline of a text line does not (the
    letter stems above it carry ink), nor does a blurred text body.
    """
    inv = 255.0 - grey.astype(np.float32)
    along = max(3, int(RIDGE_ALONG_INCH * dpi))
    a = cv2.blur(inv, (along, 1) if horizontal else (1, along))
    d = max(3, int(RULE_THIN_INCH * dpi))
    axis = 0 if horizontal else 1
    side = _sides_max(a, d, axis)
    return ((a > RIDGE_MIN_INK) & (side < RIDGE_SIDE_SHARE * a)).astype(np.uint8) * 255


def line_ink(grey: np.ndarray, dpi: int = 200) -> np.ndarray:
    """Ink mask for rule search: horizontal and vertical ridges (faint and broken rules too)."""
    return cv2.bitwise_or(ridges(grey, dpi, True), ridges(grey, dpi, False))


def _sides_max(a: np.ndarray, d: int, axis: int) -> np.ndarray:
    """For each pixel the larger of ``a`` ``d`` pixels before and after it along ``axis`` (0 =
    rows), paper (0) beyond the edges; ``a`` is non-negative. One array is written, no shifted
    copies (two page-sized float arrays per direction cost more than the comparison)."""
    v = a if axis == 0 else a.T
    out = np.empty_like(v)
    n = v.shape[0]
    if n <= 2 * d:
        out[:] = 0
        k = max(0, n - d)
        out[d:] = v[:k] if k else 0
        out[:k] = np.maximum(out[:k], v[d:]) if k else out[:k]
        return out if axis == 0 else out.T
    np.maximum(v[:n - 2 * d], v[2 * d:], out=out[d:n - d])
    out[:d] = v[d:2 * d]
    out[n - d:] = v[n - 2 * d:n - d]
    return out if axis == 0 else out.T


def bridge_gaps(mask: np.ndarray, grey: Optional[np.ndarray], dpi: int, horizontal: bool,
                other: Optional[np.ndarray] = None) -> np.ndarray:
    """Join collinear rule pieces across gaps where the page still shows a dark line.

    Text touching a rule (tight section rows, headers) hides it from the ridge
    test, and photocopies break rules: two pieces on the same line are joined
    when the gap is at most ``BRIDGE_MAX_INCH`` and at least ``BRIDGE_MIN_FILL``
    of the gap's columns (rows) have ink on the line. Where a rule really stops
    (a merged cell) the gap is paper, or crossed by a few letters only.

    With ``other`` (the rules of the other direction): a gap that runs from one crossing rule
    to the next is a whole side of a cell, where a merged cell (a heading row spanning the
    columns) leaves the rule out; its text may lie on the rule's path, so the line must be dark
    over ``BRIDGE_CELL_FILL`` of it, the crossing rules' own ink left out (text touching a rule
    leaves it whole, letters beside its path do not).
    """
    if grey is None:
        return mask
    m = mask if horizontal else mask.T
    g = grey if horizontal else grey.T
    n, _, stats, _ = components(m)
    if n <= 2:
        return mask
    pieces = sorted((int(y + h // 2), int(x), int(x + w)) for x, y, w, h, _ in stats[1:n])
    max_gap = int(BRIDGE_MAX_INCH * dpi)
    out = m.copy()
    dark = g < BRIDGE_INK_LEVEL
    reach = max(4, int(2 * RULE_THIN_INCH * dpi))
    o = None if other is None else cv2.dilate(other if horizontal else other.T, np.ones((5, 5), np.uint8)) > 0
    for lo, hi, yc in gaps(pieces, nearest=o is not None):
        if hi - lo <= 0 or hi - lo > max_gap:
            continue
        rows = slice(max(0, yc - 2), yc + 3)
        band = dark[rows, lo:hi].any(axis=0)
        if band.mean() < BRIDGE_MIN_FILL:
            continue
        if o is not None:
            start = max(0, lo - reach)
            crossing = o[rows, start:hi + reach].any(axis=0)
            inner = band[~crossing[lo - start:hi - start]]
            ends = between_crossings(crossing, lo - start, hi - start, reach)
            if ends is not None and inner.size and inner.mean() < BRIDGE_CELL_FILL:
                # a merged cell: each piece is carried on to the middle of its crossing only
                cv2.line(out, (lo, yc), (max(lo, start + ends[0]), yc), 255, 1)
                cv2.line(out, (min(hi, start + ends[1]), yc), (hi, yc), 255, 1)
                continue
        cv2.line(out, (lo, yc), (hi, yc), 255, 1)
    return out if horizontal else out.T.copy()


def rule_masks(ink: np.ndarray, dpi: int, h_min_inch: float, v_min_inch: float,
               grey: Optional[np.ndarray] = None) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical rule masks, tolerant of gaps in the rules.

    ``ink`` is best ``line_ink`` (ridges); opening with a shorter kernel keeps
    straight pieces of rules, closing along the line bridges gaps of up to
    ``RULE_GAP_INCH`` (longer ones where ``grey`` shows a line: ``bridge_gaps``),
    and a final opening with the full minimum length keeps only rules.
    """
    seed = max(8, int(RULE_SEED_INCH * dpi))
    gap = max(3, int(RULE_GAP_INCH * dpi))
    out = []
    for horizontal, min_inch in ((True, h_min_inch), (False, v_min_inch)):
        def k(n: int) -> np.ndarray:
            return cv2.getStructuringElement(cv2.MORPH_RECT, (n, 1) if horizontal else (1, n))
        m = cv2.morphologyEx(ink, cv2.MORPH_OPEN, k(min(seed, int(min_inch * dpi))))
        m = cv2.morphologyEx(m, cv2.MORPH_CLOSE, k(gap))
        m = bridge_gaps(m, grey, dpi, horizontal, None if horizontal else out[0])
        # a rule drifting by a pixel across its length (residual skew) must stay one run
        m = cv2.dilate(m, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3) if horizontal else (3, 1)))
        m = cv2.morphologyEx(m, cv2.MORPH_OPEN, k(max(seed, int(min_inch * dpi))))
        out.append(m)
    if grey is not None:
        out[0] = extend_to_crossing(out[0], out[1], grey, dpi, True)
        out[1] = extend_to_crossing(out[1], out[0], grey, dpi, False)
    return out[0], out[1]


def drop_floating_short(vert: np.ndarray, horiz: np.ndarray, dpi: int, max_inch: float,
                        one_end_max_inch: float = 0.0) -> np.ndarray:
    """Vertical pieces shorter than ``max_inch`` that touch no horizontal rule removed,
    and pieces shorter than ``one_end_max_inch`` that touch one only.

    A cell border always meets the rules above and below it (a lost end is
    carried on to its crossing before this, ``extend_to_crossing``); letter
    stems one above the other (left-aligned lines of a cell) meet none, or
    one when the first or last line sits close to a rule.
    """
    n, labels, stats, _ = components(vert)
    if n <= 1:
        return vert
    near = cv2.dilate(horiz, np.ones((9, 9), np.uint8)) > 0
    out = vert.copy()
    max_len = int(max_inch * dpi)
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if h >= max_len:
            continue
        top, bottom = near[y, x:x + w].any(), near[y + h - 1, x:x + w].any()
        if (top and bottom) or ((top or bottom) and h >= one_end_max_inch * dpi):
            continue
        sub = out[y:y + h, x:x + w]
        sub[labels[y:y + h, x:x + w] == i] = 0
    return out


def extend_to_crossing(mask: np.ndarray, other: np.ndarray, grey: np.ndarray, dpi: int,
                       horizontal: bool) -> np.ndarray:
    """Rule ends carried on to the nearest crossing rule when the page shows the line there.

    A rule whose end was lost (text touching it, a photocopy break near a
    corner, a faded stretch) stops short of the border it meets; without the crossing the table
    grid merges cells. The end is extended along its line to the first pixel of
    ``other`` (the rules of the other direction) within ``BRIDGE_MAX_INCH / 2``
    when ``BRIDGE_MIN_FILL`` of the gap is dark, farther and on across whole cell sides when
    ``BRIDGE_CELL_FILL`` is (``rule_gaps.carry_end``); a column rule that meets a crossing is
    carried on across whole cell sides that dark (``rule_gaps.carry_through``).
    """
    m = mask if horizontal else mask.T
    o = other if horizontal else other.T
    g = grey if horizontal else grey.T
    n, _, stats, _ = components(m)
    out = m.copy()
    reach = int(BRIDGE_MAX_INCH * dpi / 2)
    past = max(4, int(2 * RULE_THIN_INCH * dpi))
    dark = g < BRIDGE_INK_LEVEL
    for x, y, w, h, _ in stats[1:n]:
        yc = int(y + h // 2)
        rows = slice(max(0, yc - 2), yc + 3)
        for end, step in ((int(x), -1), (int(x + w - 1), 1)):
            if o[rows, max(0, end - 2):end + 3].any():       # already meets a crossing rule
                target = None if horizontal else carry_through(
                    dark[rows].any(axis=0), o[rows].any(axis=0), end, step, BRIDGE_CELL_FILL)
                if target is not None:
                    cv2.line(out, (min(end, target), yc), (max(end, target), yc), 255, 1)
                continue
            inside = o[rows, end:end + past + 1] if step < 0 else o[rows, max(0, end - past):end + 1]
            if inside.any():
                continue       # it ran a little past a crossing: carried on, it would cross the
                               # cell beyond it (a merged heading row) to the next crossing
            target = carry_end(dark[rows].any(axis=0), o[rows].any(axis=0), end, step, reach,
                               BRIDGE_MIN_FILL, BRIDGE_CELL_FILL, m[rows].any(axis=0))
            if target is not None:
                cv2.line(out, (min(end, target), yc), (max(end, target), yc), 255, 1)
    return out if horizontal else out.T.copy()


# ---------------------------------------------------------------- orientation


def _sharpness(profile: np.ndarray) -> float:
    p = profile.astype(np.float64)
    return float(np.square(np.diff(p)).sum()) / max(1.0, float(np.square(p).sum()))


def looks_turned_90(ink: np.ndarray) -> bool:
    """True when the text lines run vertically (page turned by 90° or 270°).

    Table rules are taken out first: a table's vertical rules would make the
    column profile sharp on an upright page.
    """
    sharp = _profile_sharpness(ink)
    return sharp is not None and sharp[1] > TURNED_RATIO * sharp[0]


def profiles_undecided(ink: np.ndarray) -> bool:
    """True when neither profile of the text ink is clearly the sharper: a page of a few short
    lines under dense specks, upright or turned (an upright page of text lines has a row profile
    ``UPRIGHT_RATIO`` times sharper at least; a turned one is ``looks_turned_90``)."""
    sharp = _profile_sharpness(ink)
    return sharp is not None and sharp[1] * UPRIGHT_RATIO > sharp[0] and not sharp[1] > TURNED_RATIO * sharp[0]


def _profile_sharpness(ink: np.ndarray) -> tuple[float, float] | None:
    """Sharpness of the row and the column profile of the text ink (rules taken out), or None
    when the page holds too little text to tell."""
    scale = min(1.0, 800.0 / max(ink.shape))
    small = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    _, small = cv2.threshold(small, 64, 255, cv2.THRESH_BINARY)
    n = max(15, int(0.04 * max(small.shape)))
    rules = cv2.bitwise_or(
        cv2.morphologyEx(small, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (n, 1))),
        cv2.morphologyEx(small, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, n))))
    text = cv2.bitwise_and(small, cv2.bitwise_not(cv2.dilate(rules, np.ones((3, 3), np.uint8))))
    if np.count_nonzero(text) < 200:
        return None
    rows, cols = text.sum(axis=1), text.sum(axis=0)
    return _sharpness(rows), _sharpness(cols)
