"""Rules a scan lost or cut short, put back: row rules where the item-number column shows two
items in one cell, and the ends of row and column rules that stop inside a cell.

A faded or broken row rule on a photocopy leaves two table rows as one cell band: their titles,
deadlines and parties run together into one activity. The item-number column tells them apart:
two item numbers stacked in one cell of that column, lines apart (not a number wrapped onto a
second line), each start a row. A row rule is added across the table just above the second
number, where no word of the band runs across that height (the gap between the two rows' text).
Scans only (``extractors.ruled`` calls this for OCR layouts).
"""

from __future__ import annotations

import re
from statistics import median
from typing import Optional

from extractors.grid import Word

NUMBER_TOKEN_RE = re.compile(r"^\d{1,3}(?:[.,]\d{1,3}){0,2}[.,:]?$")
MAX_NUMBER_COL_PT = 86.0      # the item-number column is at most this wide (1.2 inch, as in ocr.numbers)
MIN_LINES_APART = 1.5         # two numbers this many text lines apart are two items, not one wrapped
RULE_MARGIN_PT = 1.5          # the added rule lies this far above the second number's top


def _edge_h(y: float, x0: float, x1: float) -> dict:
    return {"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0, "orientation": "h"}


def _number_column(vs: list[dict], tol: float) -> Optional[tuple[float, float]]:
    """The x range of the leftmost column when it is narrow enough to be the item numbers'."""
    xs = sorted({round(v["x0"], 1) for v in vs if v["bottom"] - v["top"] > 3 * tol})
    if len(xs) < 3:
        return None
    a = xs[0]
    b = next((x for x in xs[1:] if x - a > tol), None)
    return (a, b) if b is not None and b - a <= MAX_NUMBER_COL_PT else None


SHORT_END_PT = 12.0           # a row rule ending this close to a column rule was cut short by the copy
MIN_CROSSED = 2               # ... when it crosses this many column rules (a row rule, not a stroke)


def _cut_short(gap: float, drawn: float | None) -> bool:
    """Whether a row rule's end ``gap`` short of the next column rule was cut by the copy: a short
    gap, or an end inside the cell that the rule crosses most of (``drawn``: from the column rule
    inside to the end) — a rule ends at a column rule, and its lost end is the part the faded
    copy dropped."""
    return gap <= SHORT_END_PT or (drawn is not None and drawn >= gap)


def reach_column_rules(edges: list[dict], tol: float) -> list[dict]:
    """Edges with each row rule that stops short of a column rule (a faded end: the row's first
    cell would span two rows) carried on to that rule: within ``SHORT_END_PT``, or from inside a
    cell it crosses at least half of (``_cut_short``)."""
    vs = [e for e in edges if e["orientation"] == "v"]
    out = []
    for e in edges:
        if e["orientation"] != "h":
            out.append(e)
            continue
        y = e["top"]
        here = [v["x0"] for v in vs if v["top"] - tol <= y <= v["bottom"] + tol]
        if sum(1 for x in here if e["x0"] + tol < x < e["x1"] - tol) < MIN_CROSSED:
            out.append(e)
            continue
        x0, x1 = e["x0"], e["x1"]
        if not any(abs(x - x0) <= tol for x in here):
            left = max((x for x in here if x < x0), default=None)
            inner = min((x for x in here if x > x0), default=None)
            if left is not None and _cut_short(x0 - left, None if inner is None else inner - x0):
                x0 = left
        if not any(abs(x - x1) <= tol for x in here):
            right = min((x for x in here if x > x1), default=None)
            inner = max((x for x in here if x < x1), default=None)
            if right is not None and _cut_short(right - x1, None if inner is None else x1 - inner):
                x1 = right
        out.append(e if (x0, x1) == (e["x0"], e["x1"]) else _edge_h(y, x0, x1))
    return out


def edge_v(x: float, top: float, bottom: float) -> dict:
    """A column rule's edge dict (pdfplumber's shape) at ``x`` from ``top`` to ``bottom``."""
    return {"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top, "orientation": "v"}


def _frame_at(vs: list[dict], end: str, y: float, x: float, tol: float) -> bool:
    """Whether ``MIN_CROSSED`` column rules other than the one at ``x`` end (``end``: "top" or
    "bottom") at the row rule ``y``: the table's border there."""
    return sum(1 for v in vs if abs(v["x0"] - x) > tol and abs(v[end] - y) <= tol) >= MIN_CROSSED


def reach_row_rules(edges: list[dict], tol: float) -> list[dict]:
    """Edges with each column rule piece that stops short of a row rule inside a row carried on
    to that rule, where the column rule goes on past it (a piece of the same column meets the
    row rule from the far side) and the piece reaches the row's other rule: a signature over
    the rule or a faded stretch cut it, and the row's first cell would otherwise run into the
    next column. Within ``SHORT_END_PT``, or from inside a row the piece covers at least half of.
    A piece stopping within ``SHORT_END_PT`` of the table's top or bottom border (``MIN_CROSSED``
    other column rules end at it and no row rule lies beyond it) is carried to the border: a faded
    corner, where no piece can go on past a frame."""
    hs = [e for e in edges if e["orientation"] == "h"]
    vs = [e for e in edges if e["orientation"] == "v"]
    out = []
    for e in edges:
        if e["orientation"] != "v":
            out.append(e)
            continue
        x, top, bottom = e["x0"], e["top"], e["bottom"]
        here = [h["top"] for h in hs if h["x0"] - tol <= x <= h["x1"] + tol]
        if not any(abs(y - top) <= tol for y in here):
            above = max((y for y in here if y < top), default=None)
            inner = min((y for y in here if y > top), default=None)
            if (above is not None and inner is not None and inner <= bottom + tol
                    and ((_cut_short(top - above, inner - top)
                          and any(abs(v["x0"] - x) <= tol and abs(v["bottom"] - above) <= tol for v in vs))
                         or (top - above <= SHORT_END_PT and above == min(here)
                             and _frame_at(vs, "top", above, x, tol)))):
                top = above
        if not any(abs(y - bottom) <= tol for y in here):
            below = min((y for y in here if y > bottom), default=None)
            inner = max((y for y in here if y < bottom), default=None)
            if (below is not None and inner is not None and inner >= top - tol
                    and ((_cut_short(below - bottom, bottom - inner)
                          and any(abs(v["x0"] - x) <= tol and abs(v["top"] - below) <= tol for v in vs))
                         or (below - bottom <= SHORT_END_PT and below == max(here)
                             and _frame_at(vs, "bottom", below, x, tol)))):
                bottom = below
        out.append(e if (top, bottom) == (e["top"], e["bottom"]) else edge_v(x, top, bottom))
    return out


def _number_key(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", text))


def _next_item(first: Word, second: Word) -> bool:
    """Whether ``second`` can start the row after ``first``'s: numbered after it ("2.1" then "2.2" or
    "3"; a speck read "2" under "2." is no item of its own). Tesseract's confidence tells neither:
    a real "7" of a lost row comes at 0.0, the speck at 0.09."""
    return _number_key(second.text) > _number_key(first.text)


def lost_row_rules(edges: list[dict], words: list[Word], tol: float) -> list[dict]:
    """Horizontal edges for row rules the scan lost between two stacked item numbers."""
    vs = [e for e in edges if e["orientation"] == "v"]
    col = _number_column(vs, tol)
    if col is None or not words:
        return []
    a, b = col
    rows = sorted(e for e in ((h["top"], h["x0"], h["x1"]) for h in edges if h["orientation"] == "h")
                  if e[1] <= a + tol and e[2] >= b - tol)
    line_h = median(w.bottom - w.top for w in words)
    added = []
    for (y0, x0, x1), (y1, _, _) in zip(rows, rows[1:]):
        band = [w for w in words if y0 < (w.top + w.bottom) / 2 < y1 and x0 <= (w.x0 + w.x1) / 2 <= x1]
        numbers = sorted((w for w in band if a < (w.x0 + w.x1) / 2 < b and NUMBER_TOKEN_RE.match(w.text.strip())),
                         key=lambda w: w.top)
        for first, second in zip(numbers, numbers[1:]):
            if second.top - first.bottom < MIN_LINES_APART * line_h or not _next_item(first, second):
                continue
            y = second.top - RULE_MARGIN_PT
            crossing = [w for w in band if w.top < y < w.bottom]
            if crossing:
                y = min(w.top for w in crossing) - RULE_MARGIN_PT
            if y > first.bottom + RULE_MARGIN_PT and not any(w.top < y < w.bottom for w in band):
                added.append(_edge_h(y, x0, x1))
    return added
