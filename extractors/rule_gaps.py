"""Gaps between collinear pieces of a ruling line, and whether a gap is a whole side of a cell
(helpers of ``image_prep.bridge_gaps``)."""

from __future__ import annotations

import bisect
from typing import Iterator, Optional

import numpy as np


RESUME_PX = 8        # a rule this long starting within reach past a crossing: the line goes on there


def _resumes(after: np.ndarray) -> bool:
    """Whether ``after`` (the line past a crossing) holds a run of ``RESUME_PX`` rule pixels."""
    if len(after) < RESUME_PX:
        return False
    return bool((np.convolve(after.astype(np.int32), np.ones(RESUME_PX, np.int32), "valid") == RESUME_PX).any())


def gaps(pieces: list[tuple[int, int, int]], nearest: bool) -> Iterator[tuple[int, int, int]]:
    """The gaps between collinear rule pieces ((line, start, end), sorted): (start, end, line).

    Each pair of pieces on a line, or with ``nearest`` only each piece and the next one on its
    line: measured on to a piece further on, the dark of the piece between fills the gap (a
    column rule carried from the header across a merged heading row onto the row below it).
    """
    ys = [p[0] for p in pieces]
    for i, (y, x0, x1) in enumerate(pieces):
        if not nearest:
            for y2, a0, a1 in pieces[i + 1:]:
                if y2 - y > 2:
                    break
                lo, hi = (x1, a0) if a0 >= x1 else (a1, x0) if x0 >= a1 else (0, 0)
                yield lo, hi, (y + y2) // 2
            continue
        near = pieces[bisect.bisect_left(ys, y - 2):bisect.bisect_right(ys, y + 2)]
        if any(a0 < x1 < a1 for _, a0, a1 in near):
            continue                               # the line goes on in a piece beside this one
        after = [(a0, y2) for y2, a0, _ in near if a0 >= x1]
        if after:
            a0, y2 = min(after)
            yield x1, a0, (y + y2) // 2


def between_crossings(crossing: np.ndarray, lo: int, hi: int, reach: int) -> Optional[tuple[int, int]]:
    """The middles of the crossing rules a gap ``lo``-``hi`` along a line runs between
    (``crossing``: per pixel along the line), or None: an end lost within ``reach`` of a
    crossing is at it (text beside the crossing hides the rule's ridge there), and the two ends
    must meet two different crossings (a short break beside one crossing is no side of a cell)."""
    edges = np.flatnonzero(np.diff(np.concatenate(([0], crossing.astype(np.int8), [0]))))
    runs = list(zip(edges[::2], edges[1::2]))
    at_lo = [i for i, (a, b) in enumerate(runs) if a < lo + reach and b > lo - reach]
    at_hi = [i for i, (a, b) in enumerate(runs) if a < hi + reach and b > hi - reach]
    if not (at_lo and at_hi and min(at_lo) < max(at_hi)):
        return None
    (a0, b0), (a1, b1) = runs[min(at_lo)], runs[max(at_hi)]
    return int(a0 + b0) // 2, int(a1 + b1) // 2


def carry_end(dark: np.ndarray, crossing: np.ndarray, end: int, step: int, reach: int,
              near_fill: float, side_fill: float, rule: Optional[np.ndarray] = None) -> Optional[int]:
    """Where a rule end lost inside a cell is carried to along its line, or None.

    ``dark``, ``crossing``: per pixel along the line, whether the page is dark on it and whether
    a rule of the other direction crosses it; ``step``: +1 for the piece's far end, -1 for its
    near one. A rule stops only at a crossing rule, so the end goes on to the nearest crossing:
    within ``reach`` when ``near_fill`` of the way is dark (text touching the rule hid it), farther
    when ``side_fill`` is (a faded stretch: a line, not letters, is that dark throughout). From
    there it goes on across each following side of a cell that is dark over ``side_fill`` (the
    crossings' own ink left out): a long faded stretch of a rule spans several cells; a side
    where the rule really stops (a merged cell) is paper or letters with word gaps.

    With ``rule`` (per pixel along the line, the rules found on it): where the line goes on past
    the crossing (a rule piece within ``reach`` of it), ``near_fill`` is enough however far the crossing:
    the rule runs through the cell on both sides of the lost stretch (a signature over it, text
    touching it), where a merged cell would leave out the whole side.
    """
    if step < 0:
        n = len(dark)
        out = carry_end(dark[::-1], crossing[::-1], n - 1 - end, 1, reach, near_fill, side_fill,
                        None if rule is None else rule[::-1])
        return None if out is None else n - 1 - out
    edges = np.flatnonzero(np.diff(np.concatenate(([0], crossing.astype(np.int8), [0]))))
    runs = [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2]) if a > end]
    if not runs:
        return None
    a0, b0 = runs[0]
    way = dark[end + 1:a0]
    resumes = rule is not None and _resumes(rule[b0:b0 + reach + RESUME_PX])
    if a0 - end < 3 or way.mean() < (near_fill if a0 - end <= reach or resumes else side_fill):
        return None
    target = a0
    for a1, b1 in runs[1:]:
        if a1 - b0 < 3 or dark[b0:a1].mean() < side_fill:
            break
        target, b0 = a1, b1
    return target


def carry_through(dark: np.ndarray, crossing: np.ndarray, end: int, step: int,
                  side_fill: float, near: int = 3) -> Optional[int]:
    """Where a rule end that stops at a crossing rule is carried to, on across the following
    whole sides of cells dark over ``side_fill`` (crossings left out), or None.

    A column rule the search lost over one low row (a heading row's border at the foot of a
    page, faint and shorter than a rule is sought) leaves the row open at the side; the page
    still shows its line there. A merged heading row leaves the rule out: paper above and below
    its text keeps such a side well under ``side_fill`` (for column rules only: a line along a
    text line can be that dark)."""
    if step < 0:
        n = len(dark)
        out = carry_through(dark[::-1], crossing[::-1], n - 1 - end, 1, side_fill, near)
        return None if out is None else n - 1 - out
    edges = np.flatnonzero(np.diff(np.concatenate(([0], crossing.astype(np.int8), [0]))))
    runs = [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2]) if b > end - near]
    if not runs or runs[0][0] > end + near:
        return None
    target, b0 = None, runs[0][1]
    for a1, b1 in runs[1:]:
        if a1 - b0 < 3 or dark[b0:a1].mean() < side_fill:
            break
        target, b0 = a1, b1
    return target
