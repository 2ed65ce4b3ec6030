"""Coloured ink (stamps, signatures, highlighter) removed from a scanned page before OCR.

Text and rules are black or grey, stamps and signatures blue, violet or red. A blurred, JPEG'd
(colour stored at half resolution), unevenly lit copy makes the ink's rim much less saturated
than its core, and a light stamp can be weakly saturated all over, like the colour fringes a
colour scanner leaves on black letters. So the ink mask is grown from strongly saturated seeds
(and from stamp-sized light traces) through weakly saturated neighbours (``colour_ink_mask``);
in it, a pixel light in its brightest channel against the paper around it is ink only (painted
as that paper), a dark one is text under the ink (inks multiply: kept), and table rules the ink
crosses are kept (``remove_colour_ink``).
"""

from __future__ import annotations

import cv2
import numpy as np

from extractors.image_labels import components
from extractors.image_paper import background, to_grey
from extractors.image_stamp import find_seal

STAMP_MIN_SATURATION = 70    # HSV saturation (0-255) above which a pixel is coloured ink (60 takes the tint of
                             # black text on a real colour scan) ...
STAMP_MAX_VALUE_DARK = 60    # ... unless it is this dark (near-black text has unreliable hue)
STAMP_WEAK_SATURATION = 25   # coloured ink grows through pixels this saturated (blurred, JPEG'd rims) ...
STAMP_GROW_INCH = 0.02       # ... up to this far from the strongly saturated ones
STAMP_PAPER_SHARE = 0.4      # a coloured pixel this bright in its brightest channel (share of the paper's brightness
                             # there) is coloured ink only (a dark blue signature is 105-130 in blue on white paper;
                             # black text under a stamp is darker in every channel) ...
STAMP_RIM_SHARE = 0.6        # ... a weakly coloured pixel this bright (a rule under the ink, its colour spread by
                             # JPEG, is darker)
STAMP_HUE_SPREAD = 12        # inside a stamp's ring, pixels as weakly coloured as a rim and of its hue within this
                             # (OpenCV's 0-179) are ink too (its lighter inner lines); no rule lies wholly inside it
STAMP_FAINT_SATURATION = 30  # light traces this saturated ...
STAMP_DARK_SHARE = 0.45      # ... with nothing darker than this share of the paper beside them ...
STAMP_FAINT_INCH = (0.08, 0.25)  # ... in pieces at least this wide and long are a light stamp
STAMP_RULE_INCH = 0.3        # dark straight runs this long under coloured ink are rules (kept) ...
STAMP_RULE_DARK_SHARE = 0.8  # ... dark: below this share of the paper's brightness


def colour_ink_mask(rgb: np.ndarray, dpi: int = 200) -> np.ndarray:
    """255 where the pixel is coloured ink (stamp, signature, highlighter), else 0."""
    if rgb.ndim != 3:
        return np.zeros(rgb.shape[:2], np.uint8)
    strong, rim, _paper, _disc = _ink_masks(rgb, dpi)
    return cv2.bitwise_or(strong, rim)


def _ink_masks(rgb: np.ndarray, dpi: int) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None]:
    """Strongly coloured ink, the weakly coloured ink around it (uint8 masks, 255 = ink), the
    paper's brightness in the brightest channel (None on a page with no colour at all) and the
    inside of a stamp's ring (bool mask, ``_stamp_disc``; None when there is none).

    Hysteresis: pixels saturated past ``STAMP_MIN_SATURATION`` seed the mask, which then
    grows through pixels saturated past ``STAMP_WEAK_SATURATION`` up to ``STAMP_GROW_INCH``
    from a seed (a geodesic dilation: ``cv2.dilate`` limited by the weak mask), and by one
    pixel more (the anti-aliased edge). Blur and JPEG (which stores colour at half
    resolution) leave a stroke's rim much less saturated than its core; grey text tinted as
    weakly, away from coloured ink, has no seed to grow from. A light stamp can be that weak
    all over: light traces saturated past ``STAMP_FAINT_SATURATION`` seed too when they are
    stamp-sized (``_faint_traces``).
    """
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    sat, val = hsv[..., 1], hsv[..., 2]
    lit = val >= STAMP_MAX_VALUE_DARK
    strong = ((sat >= STAMP_MIN_SATURATION) & lit).astype(np.uint8) * 255
    cand = (sat >= STAMP_FAINT_SATURATION) & lit                # strong pixels are among them
    if not cand.any():
        return strong, strong, None, None
    paper = background(val, dpi).astype(np.float32)              # HSV value: the brightest channel
    faint = _faint_traces(val, cand, paper, dpi)
    if not strong.any() and not faint.any():
        return strong, faint, paper, None
    weak = ((sat >= STAMP_WEAK_SATURATION) & lit).astype(np.uint8) * 255
    kernel = np.ones((3, 3), np.uint8)
    seeds = cv2.bitwise_or(strong, faint)
    grown = seeds
    for _ in range(max(1, round(STAMP_GROW_INCH * dpi))):
        grown = cv2.bitwise_and(cv2.dilate(grown, kernel), weak)
    disc = _stamp_disc(seeds, val < STAMP_DARK_SHARE * paper, dpi)
    if disc is not None:
        grown = cv2.bitwise_or(grown, _weak_inside(seeds, weak, hsv[..., 0], disc))
    grown = cv2.dilate(grown, kernel)
    return strong, cv2.bitwise_and(grown, cv2.bitwise_not(strong)), paper, disc


def _stamp_disc(seeds: np.ndarray, hidden: np.ndarray, dpi: int) -> np.ndarray | None:
    """The inside of a stamp's round ring among the coloured ink (bool mask), or None: the ring
    found as on a black-and-white copy (``image_stamp.find_seal``: a Hough circle of a seal's size
    along the ink, ``hidden`` the dark ink that may cover it), so that a signature joined to the
    ring or a table's colour fringes do not pass for one."""
    found = find_seal(seeds, hidden.astype(np.uint8), dpi)
    if found is None:
        return None
    cx, cy, r = found
    disc = np.zeros(seeds.shape, np.uint8)
    cv2.circle(disc, (int(round(cx)), int(round(cy))), int(round(r)), 1, -1)
    return disc > 0


def _weak_inside(seeds: np.ndarray, weak: np.ndarray, hue: np.ndarray, disc: np.ndarray) -> np.ndarray:
    """Weakly coloured pixels of the ring's own hue inside a stamp (its inner lines of text, lighter
    than the ring and too far from it to grow from it): uint8 mask."""
    own = hue[(seeds > 0) & disc]
    if own.size == 0:
        return np.zeros(seeds.shape, np.uint8)
    off = np.abs(hue.astype(np.int16) - int(np.median(own)))
    near = np.minimum(off, 180 - off) <= STAMP_HUE_SPREAD          # OpenCV hue: 0-179, a circle
    return (disc & (weak > 0) & near).astype(np.uint8) * 255


def _faint_traces(brightest: np.ndarray, cand: np.ndarray, paper: np.ndarray, dpi: int) -> np.ndarray:
    """Light, weakly coloured traces of stamp size: a light violet stamp blurred and JPEG'd.

    Pixels saturated past ``STAMP_FAINT_SATURATION`` with no pixel darker than
    ``STAMP_DARK_SHARE`` of the paper near them (the colour fringe a scanner leaves on the
    edges of black letters and rules lies beside their dark core), in connected pieces at
    least ``STAMP_FAINT_INCH`` wide and long (fringes of light letters are smaller, those of
    rules thin).
    """
    dark = (brightest < STAMP_DARK_SHARE * paper).astype(np.uint8)
    cand = cand & (cv2.dilate(dark, np.ones((5, 5), np.uint8)) == 0)
    _n, labels, stats, _ = components(cand.astype(np.uint8))
    short, long = (x * dpi for x in STAMP_FAINT_INCH)
    wide, tall = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    keep = (np.minimum(wide, tall) >= short) & (np.maximum(wide, tall) >= long)
    keep[0] = False
    return keep[labels].astype(np.uint8) * 255


def remove_colour_ink(rgb: np.ndarray, dpi: int = 200) -> tuple[np.ndarray, float]:
    """Grey page with coloured ink painted as paper, and the share of pixels removed.

    Inks multiply: where a blue stamp crosses a black letter the pixel stays
    dark in every channel, while the stamp alone is light in its own colour's
    channel. So in coloured pixels the brightest channel is kept: light there
    means ink only, painted as the paper around it; dark means text under the
    ink (kept). Light is judged against the paper's brightness around the pixel
    (a page darkened at one side is judged alike): ``STAMP_PAPER_SHARE`` of it in strongly
    coloured pixels, ``STAMP_RIM_SHARE`` in the weakly coloured ones, where JPEG has spread
    the ink's colour onto the text and rules it crosses.
    """
    grey = to_grey(rgb)
    if rgb.ndim != 3:
        return grey, 0.0
    strong, rim, paper, disc = _ink_masks(rgb, dpi)
    mask = (strong > 0) | (rim > 0)
    share = float(np.count_nonzero(mask)) / mask.size
    if paper is None or share == 0:
        return grey, 0.0
    brightest = cv2.max(cv2.max(rgb[..., 0], rgb[..., 1]), rgb[..., 2])
    plain = background(grey, dpi)
    x, y, w, h = cv2.boundingRect(mask.astype(np.uint8))
    pad = int(STAMP_RULE_INCH * dpi)
    box = np.s_[max(0, y - pad):y + h + pad, max(0, x - pad):x + w + pad]
    stamp = disc if disc is not None else np.zeros(mask.shape, bool)
    mask[box] &= _straight_runs(grey[box], plain[box], mask[box], stamp[box], dpi) == 0
    level = np.where(strong > 0, STAMP_PAPER_SHARE, STAMP_RIM_SHARE)[mask] * paper[mask]
    out = grey.copy()
    light = brightest[mask] >= level
    out[mask] = np.where(light, plain[mask], brightest[mask])
    return out, share


def _straight_runs(grey: np.ndarray, paper: np.ndarray, ink: np.ndarray, stamps: np.ndarray,
                   dpi: int) -> np.ndarray:
    """Table rules under coloured ink: dark horizontal and vertical runs at least
    ``STAMP_RULE_INCH`` long with half that length off the ink (``ink``: bool mask) and off the
    inside of a stamp's ring (``stamps``: bool mask, ``_stamp_disc``).

    A signature crossing a rule darkens it in every channel too, and JPEG spreads the ink's
    colour onto it: painted as paper, the rule would be broken and two rows merged. A stretch
    of a pen stroke or a stamp's ring straight that long lies within the ink; a stamp's line of
    text that runs into black letters (no ink) lies within the stamp.
    """
    dark = (grey < STAMP_RULE_DARK_SHARE * paper).astype(np.uint8) * 255
    n = max(9, int(STAMP_RULE_INCH * dpi))
    out = np.zeros(grey.shape, np.uint8)
    for size in ((n, 1), (1, n)):
        runs = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size))
        count, labels, _stats, _ = components(runs)
        if count <= 1:
            continue
        on = runs > 0
        beyond = (np.bincount(labels[on & ~ink], minlength=count) >= n // 2) & \
                 (np.bincount(labels[on & ~stamps], minlength=count) >= n // 2)
        beyond[0] = False
        out |= beyond[labels].astype(np.uint8)
    return out
