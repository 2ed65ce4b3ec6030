"""OCR, ruling lines: line masks on the prepared image, ``Segment``s in PDF points, short cell
borders, the gap-tolerant search on noisy pages, and erasing the lines before recognition."""

from __future__ import annotations

from typing import Callable, Optional

import cv2
import numpy as np

from extractors import image_prep
from extractors.grid import PageLayout, Segment
from extractors.image_labels import components, reuse_labels
from extractors.ocr.settings import BREAK_MAX_INCH, BREAK_MAX_INK, BREAK_SHORT_INCH, ERASE_PAD, H_END_REACH_INCH, H_FLOATING_MAX_INCH, H_LINE_MIN_INCH, BESIDE_INCH, LINE_MAX_THICK_INCH, LONG_RULE_INCH, LETTER_TOP_FILL, LETTER_TOP_INCH, PAPER_LEVEL, SHORT_H_INCH, SHORT_H_REACH_INCH, SHORT_V_INCH, STEM_PAPER_PX, STEM_PIECE_MAX_INCH, STEM_PIECE_MIN_INCH, STEM_SPAN_MAX_INCH, STUB_MAX_INCH, TOLERANT_GAIN, TOLERANT_LENGTH_GAIN, V_FLOATING_MAX_INCH, V_LINE_MIN_INCH, V_ONE_END_MAX_INCH
from extractors.ocr.image import binarise


def _line_masks(ink: np.ndarray, dpi: int, grey: Optional[np.ndarray] = None) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical ruling-line masks (morphological opening with long kernels).

    With ``grey`` (``ink`` is then ``image_prep.line_ink``): ridges, gaps along a
    rule bridged where the page shows a line (broken photocopied rules). Without:
    the classic opening of the binarised page, which clean scans keep.
    """
    if grey is not None:
        return image_prep.rule_masks(ink, dpi, H_LINE_MIN_INCH, V_LINE_MIN_INCH, grey)
    h_len = max(15, int(H_LINE_MIN_INCH * dpi))
    v_len = max(10, int(V_LINE_MIN_INCH * dpi))
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    # bridge one- or two-pixel breaks along a line (noise, faint toner)
    horiz = cv2.morphologyEx(horiz, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 1)))
    vert = cv2.morphologyEx(vert, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 5)))
    return horiz, vert


def _segments_of(mask: np.ndarray, horizontal: bool, max_thick: int, k: float) -> list[Segment]:
    n, _, stats, _ = components(mask)
    segs = []
    for x, y, w, h, _area in stats[1:n]:
        if horizontal and h <= max_thick:
            yc = (y + h / 2.0) * k
            segs.append(Segment(float(x * k), float(yc), float((x + w) * k), float(yc)))
        elif not horizontal and w <= max_thick:
            xc = (x + w / 2.0) * k
            segs.append(Segment(float(xc), float(y * k), float(xc), float((y + h) * k)))
    return segs


def _short_cell_borders(ink: np.ndarray, horiz: np.ndarray, dpi: int) -> np.ndarray:
    """Short vertical lines that join two horizontal lines (column borders of a low row).

    Shorter than ``V_LINE_MIN_INCH`` a vertical run could be a letter's stroke;
    it is a ruling line only when both its ends touch a horizontal line.
    """
    short = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                             cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(6, int(SHORT_V_INCH * dpi)))))
    near_h = cv2.dilate(horiz, np.ones((7, 7), np.uint8))
    keep = np.zeros_like(short)
    n, labels, stats, _ = components(short)
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if w > max(3, int(LINE_MAX_THICK_INCH * dpi)):
            continue
        if near_h[y, x:x + w].any() and near_h[y + h - 1, x:x + w].any():
            sub = keep[y:y + h, x:x + w]
            sub[labels[y:y + h, x:x + w] == i] = 255
    return keep


def _short_row_borders(ink: np.ndarray, horiz: np.ndarray, vert: np.ndarray, dpi: int) -> np.ndarray:
    """Row rules across a narrow cell, shorter than a rule is sought: a thin line from one column
    rule to the next (each end within ``SHORT_H_REACH_INCH`` of it) in line with a row rule that goes
    on past one of them.

    A photocopy breaks a row rule beside a crossing; the piece left in a narrow column (the item
    numbers') is shorter than ``H_LINE_MIN_INCH``, so the row's first cell would span two rows and
    its number go to the row above. A merged cell has no line there; an underline or a dash does
    not run from rule to rule in line with a row rule."""
    reach = max(3, int(SHORT_H_REACH_INCH * dpi))
    thick = max(3, int(LINE_MAX_THICK_INCH * dpi))
    short = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                             cv2.getStructuringElement(cv2.MORPH_RECT, (max(8, int(SHORT_H_INCH * dpi)), 1)))
    out = horiz.copy()
    n, _, stats, _ = components(short)
    width = ink.shape[1]
    for x, y, w, h, _area in stats[1:n]:
        if h > thick or horiz[y:y + h, x:x + w].any(axis=0).mean() > 0.5:
            continue
        rows = slice(max(0, y - 2), y + h + 2)
        left = np.flatnonzero(vert[rows, max(0, x - reach):x + 3].any(axis=0))
        right = np.flatnonzero(vert[rows, x + w - 3:min(width, x + w + reach)].any(axis=0))
        if not (left.size and right.size):
            continue
        x0, x1 = max(0, x - reach) + int(left[0]), x + w - 3 + int(right[-1])
        beyond = (horiz[rows, max(0, x0 - reach):max(0, x0 - 1)].any()
                  or horiz[rows, x1 + 2:min(width, x1 + reach)].any())
        if beyond:
            cv2.line(out, (x0, y + h // 2), (x1, y + h // 2), 255, 3)   # widened as the masks are
    return out


def find_segments(ink: np.ndarray, dpi: int, pt_per_px: float,
                  grey: Optional[np.ndarray] = None) -> tuple[list[Segment], np.ndarray]:
    """Ruling segments in points, and the mask of line pixels (to erase before OCR)."""
    with reuse_labels():        # a step that changes nothing hands the next its labelling
        return _find_segments(ink, dpi, pt_per_px, grey)


def _bridged_masks(ink: np.ndarray, dpi: int, grey: Optional[np.ndarray],
                   text_ink: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The first steps of either search: the line masks with their breaks bridged and the floating
    horizontal pieces dropped; the horizontal and vertical masks and the strokes to erase."""
    horiz, vert = _line_masks(ink, dpi, grey)
    horiz, vert = (bridge_breaks(horiz, vert, text_ink, dpi, True),
                   bridge_breaks(vert, horiz, text_ink, dpi, False))
    horiz, strokes = drop_floating_horizontal(horiz, vert, dpi, text_ink)
    return horiz, vert, strokes


def _segments(horiz: np.ndarray, vert: np.ndarray, dpi: int, pt_per_px: float) -> list[Segment]:
    max_thick = max(3, int(LINE_MAX_THICK_INCH * dpi))
    return _segments_of(horiz, True, max_thick, pt_per_px) + _segments_of(vert, False, max_thick, pt_per_px)


def _find_segments(ink: np.ndarray, dpi: int, pt_per_px: float,
                   grey: Optional[np.ndarray]) -> tuple[list[Segment], np.ndarray]:
    text_ink = ink if grey is None else binarise(grey)
    horiz, vert, strokes = _bridged_masks(ink, dpi, grey, text_ink)
    vert = trim_stems(vert, horiz, text_ink, dpi)
    if grey is not None:      # scan path: letter stems of stacked text lines are no rules
        vert = cut_stem_spans(vert, horiz, text_ink, dpi)
        vert = image_prep.drop_floating_short(vert, horiz, dpi, V_FLOATING_MAX_INCH, V_ONE_END_MAX_INCH)
        # short borders of low rows: from the ink itself, against the rules at their own
        # width (the rule masks are widened by a pixel each side)
        thin_h = cv2.erode(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3)))
        vert = cv2.bitwise_or(vert, _short_cell_borders(text_ink, thin_h, dpi))
        horiz = _short_row_borders(text_ink, horiz, vert, dpi)
    else:
        vert = cv2.bitwise_or(vert, _short_cell_borders(ink, horiz, dpi))
    segs = _segments(horiz, vert, dpi, pt_per_px)
    if grey is not None:      # erase the rules at their own width (the masks are widened by 1 px)
        horiz = cv2.erode(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3)))
        vert = cv2.erode(vert, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 1)))
    return segs, cv2.bitwise_or(cv2.bitwise_or(horiz, vert), strokes)


def long_segments(ink: np.ndarray, dpi: int, pt_per_px: float) -> list[Segment]:
    """The classic search's rules at least ``LONG_RULE_INCH`` long: all that ``with_long_rules``
    takes from it. The same openings, bridged breaks and floating pieces dropped as
    ``find_segments``; its trimmed stems and added short borders change no rule that long, so
    they are not computed (a prepared page needs no more of the classic search)."""
    with reuse_labels():
        horiz, vert, _strokes = _bridged_masks(ink, dpi, None, ink)
        segs = _segments(horiz, vert, dpi, pt_per_px)
    return [s for s in segs if _length(s) >= LONG_RULE_INCH * 72]


def bridge_breaks(mask: np.ndarray, other: np.ndarray, ink: np.ndarray, dpi: int,
                  horizontal: bool) -> np.ndarray:
    """Collinear rule pieces joined across a break that lies inside a cell.

    A rule stops only where it meets a crossing rule (a merged cell leaves a gap from one
    crossing to the next; a table ends at a crossing and the next one may start on the same
    line). A gap with both ends away from crossing rules is a break of the copy (toner gap, faded
    stretch), and so is a gap of at most ``BREAK_SHORT_INCH`` next to a crossing: either is
    bridged when it is at most ``BREAK_MAX_INCH`` long and mostly paper on the line (no text
    runs through a rule).
    """
    m, o, k = (mask, other, ink) if horizontal else (mask.T, other.T, ink.T)
    n, _, stats, _ = components(m)
    if n <= 2:
        return mask
    near = cv2.dilate(o, np.ones((9, 9), np.uint8)) > 0
    pieces = sorted((int(y + h // 2), int(x), int(x + w)) for x, y, w, h, _ in stats[1:n])
    max_gap, short_gap = int(BREAK_MAX_INCH * dpi), int(BREAK_SHORT_INCH * dpi)
    out = None
    for i, (y, x0, x1) in enumerate(pieces):
        best = None
        for y2, a0, a1 in pieces[i + 1:]:
            if y2 - y > 3:
                break
            if a0 >= x1 and a0 - x1 <= max_gap and (best is None or a0 < best[1]):
                best = (y2, a0)
        if best is None:
            continue
        y2, a0 = best
        yc = (y + y2) // 2
        rows = slice(max(0, yc - 2), yc + 3)
        at_crossing = int(near[rows, max(0, x1 - 2):x1 + 1].any()) + int(near[rows, a0:a0 + 3].any())
        if at_crossing == 2 or (at_crossing == 1 and a0 - x1 > short_gap):
            continue       # crossing to crossing: a merged cell; from one crossing on: the rule ends
        gap = k[max(0, yc - 1):yc + 2, x1:a0]
        if gap.size and gap.any(axis=0).mean() > BREAK_MAX_INK:
            continue                               # text through the gap
        if not horizontal and _letters_beside(k, o, yc, x1, a0, dpi):
            continue          # a text line crosses the column rule's path here (a stem in line)
                              # (beside a row rule, text of the rows above and below is normal)
        if out is None:
            out = m.copy()
        cv2.line(out, (x1, yc), (a0, yc), 255, 1)
    if out is None:
        return mask
    return out if horizontal else out.T.copy()


def _on_letters(ink: np.ndarray, x: int, y: int, w: int, h: int, dpi: int) -> bool:
    """Whether a horizontal piece lies on a text line's letters: ink right under it over most of
    its length (``LETTER_TOP_FILL``), as along the top of a bold line's x-height; a rule has paper
    under it but where text touches it."""
    band = ink[y + h:y + h + max(2, int(LETTER_TOP_INCH * dpi)), x:x + w]
    return band.size > 0 and float((band > 0).any(axis=0).mean()) >= LETTER_TOP_FILL


def drop_floating_horizontal(horiz: np.ndarray, vert: np.ndarray, dpi: int,
                             ink: Optional[np.ndarray] = None) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal pieces shorter than ``H_FLOATING_MAX_INCH`` whose ends meet no vertical rule
    removed; returns the rules kept and the mask of the strokes among the removed pieces.

    A blurred or bold text line can pass the ridge test over an inch or so (the letters run
    together); it floats inside a cell. A table rule meets a column rule at an end, or lies on
    one line with a piece that does (a photocopy break leaves such pieces), so those stay. A
    piece that crosses a column rule with both ends in cells is a stroke (a signature's, an
    underline): no rule, but no letter either, so it is returned to be erased before recognition
    (left on the page it reads as dashes inside the words it crosses). With ``ink``: a piece of
    any length that meets no column rule and lies on letters (``_on_letters``: the tops of a bold
    heading's letters run together) is no rule either; erased, it cut the letters in half.
    """
    n, labels, stats, _ = components(horiz)
    strokes = np.zeros_like(horiz)
    if n <= 1:
        return horiz, strokes
    near = cv2.dilate(vert, np.ones((9, 9), np.uint8)) > 0
    max_len = int(H_FLOATING_MAX_INCH * dpi)
    anchored_y: list[float] = []
    floating: list[int] = []
    reach = max(3, int(H_END_REACH_INCH * dpi))
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        # a rule's end lies at a column rule (or runs on past one); a short stroke that only
        # crosses one with both ends in cells is a signature's or an underline's, no rule
        at_rule = near[y:y + h, x:x + reach].any() or near[y:y + h, x + w - reach:x + w].any()
        if not at_rule and ink is not None and _on_letters(ink, x, y, w, h, dpi):
            floating.append(i)
        elif w >= max_len or at_rule:
            anchored_y.append(y + h / 2.0)
        else:
            floating.append(i)
    out = horiz
    for i in floating:
        x, y, w, h, _ = stats[i]
        yc = y + h / 2.0
        if any(abs(yc - a) <= 3 for a in anchored_y):
            continue
        if out is horiz:
            out = horiz.copy()
        piece = labels[y:y + h, x:x + w] == i
        out[y:y + h, x:x + w][piece] = 0
        if near[y:y + h, x:x + w].any():
            strokes[y:y + h, x:x + w][piece] = 255
    return out, strokes


def erase_lines(grey: np.ndarray, line_mask: np.ndarray) -> np.ndarray:
    """The grey image with ruling-line pixels (slightly widened) painted white."""
    wide = cv2.dilate(line_mask, np.ones((ERASE_PAD, ERASE_PAD), np.uint8))
    out = grey.copy()
    out[wide > 0] = 255
    out[out >= PAPER_LEVEL] = 255
    return out


def _cell_count(segs: list[Segment], width: float, height: float) -> int:
    from extractors.ruled import find_cell_boxes

    return sum(len(b) for b in find_cell_boxes(PageLayout(0, width, height, [], segs, source="ocr")))


def trim_stems(vert: np.ndarray, horiz: np.ndarray, ink: np.ndarray, dpi: int) -> np.ndarray:
    """Vertical rules without the end that runs on past their last crossing into a text line:
    a letter's stem in line with the rule ("р" of a heading under a column rule) joins it and
    would cut the heading's cell in two. A stub up to ``STUB_MAX_INCH`` with letters beside it
    on both sides goes; a rule's plain overshoot (paper beside it) stays."""
    m, o, k = vert.T, horiz.T, ink.T
    n, labels, stats, _ = components(m)
    near = cv2.dilate(o, np.ones((5, 5), np.uint8)) > 0
    stub_max = int(STUB_MAX_INCH * dpi)
    out = None
    for i in range(1, n):
        x, y, w, h, _ = (int(v) for v in stats[i])
        yc = y + h // 2
        crossing = np.flatnonzero(near[max(0, yc - 1):yc + 2, x:x + w].any(axis=0))
        if crossing.size == 0:
            continue
        first, last = x + int(crossing[0]), x + int(crossing[-1])
        for a, b in ((x, first), (last + 1, x + w)):
            if 0 < b - a <= stub_max and _letters_beside(k, o, yc, a, b, dpi):
                if out is None:
                    out = m.copy()
                sub = out[y:y + h, a:b]
                sub[labels[y:y + h, a:b] == i] = 0
    return vert if out is None else out.T.copy()


def cut_stem_spans(vert: np.ndarray, horiz: np.ndarray, ink: np.ndarray, dpi: int) -> np.ndarray:
    """Vertical rules without a stretch between two crossings that is made of letter stems.

    A rule, even a broken or faded one, runs from a crossing: its ink on the line touches the
    rules it meets, and a photocopy break leaves pieces longer than letters. Two things pass the
    gap-tolerant search that are no rule: a heading row merged across the columns whose text
    runs over a column rule's path ("п" of a bold heading right under the rule) joins the rule
    above to the one below and cuts the heading in two; and the first letters of left-aligned
    lines of a cell ("П" of "Программа" on four lines) stack into a dashed line from the row's
    top rule to its bottom one and split the column. A stretch whose ink keeps paper at both
    ends next to the crossings is cut when it is one short island (at most
    ``STEM_SPAN_MAX_INCH``) with letters beside it on both sides, or several letter-high pieces
    (``STEM_PIECE_MIN_INCH`` to ``STEM_PIECE_MAX_INCH`` each: grain on a
    faded rule leaves shorter bits) parted by paper; a stretch with no ink (a faded
    rule) stays.
    """
    m, o, k = vert.T, horiz.T, ink.T
    n, labels, stats, _ = components(m)
    out = None
    for i in range(1, n):
        x, y, w, h, _ = (int(v) for v in stats[i])
        yc = y + h // 2
        rows = slice(max(0, yc - 1), yc + 2)
        for lo, hi, ends in _stretches(o[rows, x:x + w].any(axis=0)):
            lo, hi = x + lo, x + hi
            line = k[rows, lo:hi].any(axis=0)
            if not _stems(line, dpi, ends, lambda: _letters_beside(k, o, yc, lo, hi, dpi)):
                continue
            if out is None:
                out = m.copy()
            sub = out[y:y + h, lo:hi]
            sub[labels[y:y + h, lo:hi] == i] = 0
    return vert if out is None else out.T.copy()


def _stretches(crossing: np.ndarray) -> list[tuple[int, int, tuple[bool, bool]]]:
    """The stretches of a rule between its crossings (``crossing``: per pixel along the rule),
    and the free ends before its first and after its last crossing: (start, end, whether a
    crossing lies at the start and at the end)."""
    runs = np.flatnonzero(np.diff(np.concatenate(([0], crossing.astype(np.int8), [0]))))
    starts, ends = runs[::2], runs[1::2]
    if not len(starts):
        return []
    out = [(int(e), int(s), (True, True)) for e, s in zip(ends[:-1], starts[1:])]
    if starts[0] > 0:
        out.append((0, int(starts[0]), (False, True)))
    if ends[-1] < len(crossing):
        out.append((int(ends[-1]), len(crossing), (True, False)))
    return out


def _stems(line: np.ndarray, dpi: int, ends: tuple[bool, bool], letters_beside: Callable[[], bool]) -> bool:
    """Whether the ink along a stretch of a rule (``line``: ink per pixel; ``ends``: whether a
    crossing lies at its start and at its end, else the rule ends there) is letter stems rather
    than a rule (``cut_stem_spans``)."""
    pad = STEM_PAPER_PX
    edges = np.flatnonzero(np.diff(np.concatenate(([0], line.astype(np.int8), [0]))))
    pieces = [(int(s), int(e)) for s, e in zip(edges[::2], edges[1::2])]
    # a thin run right at a crossing is that rule's own ink (the masks are a pixel or two off)
    if ends[0] and pieces and pieces[0][0] == 0 and pieces[0][1] <= pad + 1:
        pieces = pieces[1:]
    if ends[1] and pieces and pieces[-1][1] == len(line) and pieces[-1][1] - pieces[-1][0] <= pad + 1:
        pieces = pieces[:-1]
    pieces = [(s, e) for s, e in pieces if e - s >= pad]          # grain
    if not pieces or (ends[0] and pieces[0][0] < pad) or (ends[1] and pieces[-1][1] > len(line) - pad):
        return False                       # no ink (a faded rule) or ink from a crossing on
    if len(pieces) == 1:
        return all(ends) and len(line) <= STEM_SPAN_MAX_INCH * dpi and letters_beside()
    # letters, not grain on a faded rule: every piece letter-high (from a small letter's height on)
    return all(STEM_PIECE_MIN_INCH * dpi <= e - s <= STEM_PIECE_MAX_INCH * dpi for s, e in pieces)


def _letters_beside(ink: np.ndarray, other: np.ndarray, yc: int, x0: int, x1: int, dpi: int) -> bool:
    """Whether ink (other than crossing rules) lies close beside a gap on both sides of the line:
    letters of a text line that crosses the rule's path (a letter's stem in line with a rule of
    the row above is no piece of it); cell text keeps a padding off real rules."""
    near = max(2, int(LINE_MAX_THICK_INCH * dpi / 2))
    band = max(3, int(BESIDE_INCH * dpi))
    if x1 <= x0:
        return False
    # only the rows of the two bands are looked at: the crossing rules are widened there alone
    # (2 pixels of margin each way: the same pixels as widening the whole page)
    r0, r1 = max(0, yc - near - band), yc + near + 1 + band
    m0, m1, c0 = max(0, r0 - 2), r1 + 2, max(0, x0 - 2)
    wide = cv2.dilate(np.ascontiguousarray(other[m0:m1, c0:x1 + 2]), np.ones((5, 5), np.uint8))
    free = ink[r0:r1, x0:x1] & ~wide[r0 - m0:r1 - m0, x0 - c0:x1 - c0]
    above = free[:max(0, yc - near) - r0, :].any()
    below = free[yc + near + 1 - r0:, :].any()
    return bool(above and below)


def scan_segments(grey: np.ndarray, ink: np.ndarray, dpi: int, k: float,
                  prepared: bool) -> tuple[list[Segment], np.ndarray]:
    """Ruling lines of a deskewed page: gap-tolerant search, or the classic one on clean scans.

    A page that needed preparation (stamps, shading, specks) gets the
    gap-tolerant search (``image_prep``). On a clean page the classic opening
    is kept unless the tolerant search finds clearly more table cells or clearly
    more rule length (broken or faded rules on an otherwise clean copy: both
    searches agree within a few per cent on a clean page, faded rules leave the
    classic one 15–40 % short).
    """
    tolerant = find_segments(image_prep.line_ink(grey, dpi), dpi, k, grey)
    if prepared:
        return with_long_rules(tolerant, long_segments(ink, dpi, k), dpi, k)
    classic = find_segments(ink, dpi, k)
    h, w = grey.shape[:2]
    n_classic = _cell_count(classic[0], w * k, h * k)
    n_tolerant = _cell_count(tolerant[0], w * k, h * k)
    if n_tolerant > TOLERANT_GAIN * n_classic + 2:
        return with_long_rules(tolerant, classic[0], dpi, k)
    if sum(map(_length, tolerant[0])) > TOLERANT_LENGTH_GAIN * sum(map(_length, classic[0])):
        return with_long_rules(tolerant, classic[0], dpi, k)   # faded rules the binarised page lost
    return classic


def _length(s: Segment) -> float:
    return (s.x1 - s.x0) if s.horizontal else (s.bottom - s.top)


def _covered(s: Segment, found: list[Segment], tol_pt: float = 3.0) -> bool:
    """Whether a segment of the same direction lies on ``s`` over at least half its length."""
    for t in found:
        if t.horizontal != s.horizontal:
            continue
        if s.horizontal:
            same_line, lo, hi = abs(t.top - s.top) <= tol_pt, max(s.x0, t.x0), min(s.x1, t.x1)
        else:
            same_line, lo, hi = abs(t.x0 - s.x0) <= tol_pt, max(s.top, t.top), min(s.bottom, t.bottom)
        if same_line and hi - lo >= 0.5 * _length(s):
            return True
    return False


def with_long_rules(tolerant: tuple[list[Segment], np.ndarray], classic: list[Segment],
                    dpi: int, pt_per_px: float) -> tuple[list[Segment], np.ndarray]:
    """The gap-tolerant rules plus every long straight rule only the classic opening found.

    The ridge search of a prepared page can miss a whole rule that is plainly there (a column
    rule of a real photocopy, drawn a little greyer or wider than the others); a straight run of
    ink at least ``LONG_RULE_INCH`` long is no letter stem or speck, so it is kept, and erased
    before recognition like the other rules.
    """
    segs, mask = tolerant
    added = [s for s in classic if _length(s) >= LONG_RULE_INCH * 72 and not _covered(s, segs)]
    if not added:
        return tolerant
    mask = mask.copy()
    thick = max(1, int(LINE_MAX_THICK_INCH * dpi / 2))
    for s in added:
        a = (int(round(s.x0 / pt_per_px)), int(round(s.top / pt_per_px)))
        b = (int(round(s.x1 / pt_per_px)), int(round(s.bottom / pt_per_px)))
        cv2.line(mask, a, b, 255, thickness=thick)
    return segs + added, mask


def _count_lines(segs: list[Segment], min_len: float) -> tuple[int, int]:
    h = sum(1 for s in segs if s.horizontal and s.x1 - s.x0 >= min_len)
    v = sum(1 for s in segs if not s.horizontal and s.bottom - s.top >= min_len)
    return h, v
