"""Column rules of a scanned table that are no rules: checks of a ruled grid found on an image.

The rule search on a scan (``extractors.ocr.rules``) can take a letter's stroke, a stamp's
edge, a blurred text line or a rule's double for a column border; it can also carry a real
column rule on through a full-width heading row (a word gap of a centred heading lies on its
path). Each such piece splits a cell in two or adds a column to the table, and the cells then
land in the wrong fields. Checked here on the cell rectangles of one table (``extractors.ruled``),
with the OCR words (``merge_across_text`` first, on the boundaries as found: a boundary
moved by ``drop_weak_columns`` may come to lie under a word it never crossed):

* ``drop_weak_columns``: a column boundary is a rule of the table when it runs down a good
  part of it; an inner boundary that bounds cells over less than ``WEAK_SHARE`` of the
  height the table's other inner boundaries typically bound (their median) is a stray piece
  and the cells either side of it are joined. A column narrower than ``NARROW_PT`` that holds
  no word of its own (a rule drawn twice, or its shadow, or one column rule drawn at two places in
  different rows; the text of a wider cell over it does not count) is dropped with the weaker of
  its two boundaries.
* ``merge_across_text``: within one row, a boundary that a word runs across (by at least
  ``STRADDLE_PT`` and ``STRADDLE_LETTERS`` of its letters on both sides: an OCR box may run over a
  rule by a few points or a speck's width, the erased rule's trace or a speck read with the word) joins the two cells it parts. Only words read surely
  (``SURE``, one word, with letters or digits) count. A rule that falls exactly in a word gap
  of a heading is not caught: OCR boxes of cell text touch real rules as closely (an item
  number centred in its cell, its box widened by the rule's trace).

Tables with a single inner boundary are left alone by the first check (nothing to compare
with); born-digital rules are never checked (``extractors.ruled`` calls this for scans only).
"""

from __future__ import annotations

from statistics import median
from typing import Sequence

from extractors.grid import BBox, Word

TOL = 2.0            # points: box edges this close are one boundary
WEAK_SHARE = 0.3     # an inner boundary bounding less than this share of the typical one is stray
NARROW_PT = 15.0     # a column narrower than this (two or three letters) holding no word is a double rule
                     # or a jog of one column rule between rows (cells of a hand-edited table)
STRADDLE_PT = 5.0    # a word running this far (a letter) past a boundary on both sides crosses it
                     # (an OCR box may overrun a rule by a few points: blur, the erased rule's trace)
STRADDLE_LETTERS = 1.5  # ... and more than this many of its own letters (a speck widens a box by one)
SURE = 0.6           # ... when read at least this surely (a speck or two cells' text run together is not)


def _bounds(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= TOL:
            continue
        out.append(v)
    return out


def _support(boxes: Sequence[BBox], x: float) -> float:
    """Height (points) over which cell edges lie on the vertical line ``x`` (overlaps counted once)."""
    spans = sorted((b[1], b[3]) for b in boxes if abs(b[0] - x) <= TOL or abs(b[2] - x) <= TOL)
    total, end = 0.0, float("-inf")
    for top, bottom in spans:
        if bottom > end:
            total += bottom - max(top, end)
            end = bottom
    return total


def _snap(boxes: Sequence[BBox], drop: set[float], keep: list[float]) -> list[BBox]:
    """Boxes with edges on a dropped boundary moved to the nearest kept one; boxes left without
    width, and boxes wholly inside one already kept, go."""
    def move(v: float) -> float:
        if any(abs(v - d) <= TOL for d in drop):
            return min(keep, key=lambda k: abs(k - v))
        return v

    out: list[BBox] = []
    for b in boxes:
        nb = (move(b[0]), b[1], move(b[2]), b[3])
        if nb[2] - nb[0] <= TOL:
            continue
        if any(o[0] <= nb[0] + TOL and o[2] >= nb[2] - TOL and o[1] <= nb[1] + TOL and o[3] >= nb[3] - TOL
               for o in out):
            continue
        out.append(nb)
    return out


def drop_weak_columns(boxes: Sequence[BBox], words: Sequence[Word]) -> list[BBox]:
    """Cell boxes of one table without its stray and doubled column boundaries (module docstring)."""
    xs = _bounds([b[0] for b in boxes] + [b[2] for b in boxes])
    if len(xs) < 3:
        return list(boxes)
    support = {x: _support(boxes, x) for x in xs}
    drop: set[float] = set()
    inner = xs[1:-1]
    if len(inner) >= 2:
        typical = median(support[x] for x in inner)
        drop |= {x for x in inner if support[x] < WEAK_SHARE * typical}
    kept = [x for x in xs if x not in drop]
    for a, b in zip(kept, kept[1:]):
        if b - a < NARROW_PT and not any(w.x0 >= a - TOL and w.x1 <= b + TOL and _rows_overlap(w, boxes, a, b)
                                         for w in words):
            drop.add(a if support[a] < support[b] else b)
    if not drop:
        return list(boxes)
    keep = [x for x in xs if x not in drop]
    if len(keep) < 2:
        return list(boxes)
    return _snap(boxes, drop, keep)


def _rows_overlap(w: Word, boxes: Sequence[BBox], a: float, b: float) -> bool:
    """Whether the word lies within the table's height (between its top and bottom)."""
    top, bottom = min(x[1] for x in boxes), max(x[3] for x in boxes)
    return top <= (w.top + w.bottom) / 2 <= bottom


def _sure(w: Word) -> bool:
    """A word read surely, with letters or digits and no space (one word, not two run together)."""
    return w.confidence >= SURE and " " not in w.text.strip() and any(ch.isalnum() for ch in w.text)


def _overrun(w: Word) -> float:
    """How far past a boundary a word must run on each side to cross it: a letter (``STRADDLE_PT``),
    and more than ``STRADDLE_LETTERS`` of its own letters' mean width — a speck or a rule's trace
    read with the word widens its box by about one letter, on one side."""
    letters = max(1, len(w.text.strip()))
    return max(STRADDLE_PT, STRADDLE_LETTERS * (w.x1 - w.x0) / letters)


def _crossed(x: float, words: list[Word]) -> bool:
    """Whether a word runs across the boundary ``x`` (module docstring, ``merge_across_text``)."""
    return any(w.x0 <= x - _overrun(w) and w.x1 >= x + _overrun(w) and _sure(w) for w in words)


def merge_across_text(boxes: Sequence[BBox], words: Sequence[Word]) -> list[BBox]:
    """Cell boxes with two neighbours of one row joined where text runs across their boundary."""
    out = list(boxes)
    changed = True
    while changed:
        changed = False
        for i, a in enumerate(out):
            for j, b in enumerate(out):
                if (i == j or abs(a[2] - b[0]) > TOL or abs(a[1] - b[1]) > TOL or abs(a[3] - b[3]) > TOL):
                    continue
                x = (a[2] + b[0]) / 2
                band = [w for w in words if a[1] <= (w.top + w.bottom) / 2 <= a[3]]
                inside = [w for w in band if a[0] <= w.x0 and w.x1 <= b[2]]
                if _crossed(x, inside):
                    merged = (a[0], min(a[1], b[1]), b[2], max(a[3], b[3]))
                    out = [o for k, o in enumerate(out) if k not in (i, j)] + [merged]
                    changed = True
                    break
            if changed:
                break
    return out


def drop_stray_row_rules(edges: list[dict], tol: float) -> list[dict]:
    """Edges without the horizontal pieces that are no row rules: a piece that ends at no vertical
    rule on either side and crosses fewer than two (a signature's line, a stamp's stroke over a
    cell) would cut the cells it crosses into rows and columns of their own. A rule under a
    merged header cell ends on the column rules it closes, so it stays."""
    vs = [e for e in edges if e["orientation"] == "v"]

    def on(x: float, y: float) -> bool:
        return any(abs(v["x0"] - x) <= tol and v["top"] - tol <= y <= v["bottom"] + tol for v in vs)

    def stray(h: dict) -> bool:
        y = h["top"]
        crossed = sum(1 for v in vs if h["x0"] + tol < v["x0"] < h["x1"] - tol and v["top"] - tol <= y <= v["bottom"] + tol)
        return crossed < 2 and not on(h["x0"], y) and not on(h["x1"], y)

    return [e for e in edges if e["orientation"] != "h" or not stray(e)]
