"""Column rules a scan lost, put back where the words show the column: a gutter of white space that
runs down the table's body between two columns of text, with no rule in it.

A faint grey rule that a copier's fixed threshold dropped, or a column rule faded along its whole
length, leaves two columns' cells as one: a date column run into the title, "Срок начала" and
"Срок окончания" read as one deadline. The words still stand apart. Across the body of the table
(below its first row rule), every text line is cut into chunks at gaps wider than a word gap can be
(the borderless builder's measure, ``extractors.borderless.text_lines``); an x band no chunk covers
(as few lines may cross it as cross a borderless table's gutter, ``gutter_noise``), at least ``MIN_GUTTER``
text heights wide, with text on both sides of it on ``MIN_SIDE_LINES`` lines, and as many lines
ending within ``SIDE_REACH`` text heights before it and starting as near after it, is a column
gutter (a wide word gap of a heading line over the white between two columns is none).

Where a found column rule runs in the gutter (a faded one, in part of the rows only), the rule is
carried through the rows that lack it; where none does, a rule is put in the gutter's middle. Either
way only through the rows (bands between row rules) with text on both sides of it and no word across
it: a heading row, written across the columns or short and left alone in its merged row, keeps its
one cell, and the header row its spanning headings. A found column rule within a text height of the
gutter is the gutter's rule (word boxes run over an erased rule), and one that runs down most of
the body leaves nothing to add. Scans only (``extractors.ruled`` calls this for OCR layouts).
"""

from __future__ import annotations

import statistics
from extractors.borderless.columns import STEP, gutter_noise, white_bands
from extractors.borderless.text_lines import CHUNK_GAP, MIN_GUTTER
from extractors.grid import Word
from extractors.lines import text_lines
from extractors.lost_rows import edge_v

ROW_RULE_SHARE = 0.5     # a row rule runs across this share of the table's width at least
MIN_SIDE_LINES = 3       # text lines with text on both sides of a gutter, ending / starting near it
SIDE_REACH = 3.0         # text heights: "near" a gutter's edge (a column's ragged right edge)
MIN_BODY_LINES = 4       # a body of fewer text lines shows no gutter worth trusting
RULE_COVER = 0.9         # a found column rule over this share of the body's height: the column is ruled


def _chunks(line: list[Word], gap: float) -> list[tuple[float, float]]:
    """The x extents of a line's chunks: words closer than ``gap`` run together."""
    out: list[list[float]] = []
    for w in line:
        if out and w.x0 - out[-1][1] <= gap:
            out[-1][1] = max(out[-1][1], w.x1)
        else:
            out.append([w.x0, w.x1])
    return [(a, b) for a, b in out]


def _gutters(lines: list[list[tuple[float, float]]], x0: float, x1: float, h: float) -> list[tuple[float, float]]:
    """White x bands down the body with text on both sides (see the module's docstring)."""
    out = []
    for g0, g1, _inner in white_bands(lines, x0, x1, gutter_noise(len(lines))):
        if g1 - g0 < MIN_GUTTER * h:
            continue
        both = sum(1 for chunks in lines if any(b <= g0 + STEP for _, b in chunks) and any(a >= g1 - STEP for a, _ in chunks))
        # its edges are the columns' text, not a wide word gap of the one line that crosses the white
        # between them: lines end close before it and lines start close after it
        ends = sum(1 for chunks in lines if any(g0 - SIDE_REACH * h <= b <= g0 + STEP for _, b in chunks))
        starts = sum(1 for chunks in lines if any(g1 - STEP <= a <= g1 + SIDE_REACH * h for a, _ in chunks))
        if both >= MIN_SIDE_LINES and min(ends, starts) >= MIN_SIDE_LINES:
            out.append((g0, g1))
    return out


def _bands(hs: list[dict], x: float, top: float, bottom: float, tol: float) -> list[tuple[float, float]]:
    """The row bands at ``x``: between consecutive row rules that cross it, from ``top`` to ``bottom``."""
    ys = sorted({round(e["top"], 1) for e in hs if e["x0"] - tol <= x <= e["x1"] + tol and top - tol <= e["top"] <= bottom + tol})
    return list(zip(ys, ys[1:]))


def _ruled(vs: list[dict], x: float, lo: float, hi: float, tol: float) -> bool:
    """Whether a found column rule at ``x`` covers most of the band ``lo``–``hi``."""
    covered = sum(max(0.0, min(v["bottom"], hi) - max(v["top"], lo)) for v in vs if abs(v["x0"] - x) <= tol)
    return covered >= RULE_COVER * (hi - lo)


def _tables(hs: list[dict], vs: list[dict]) -> list[list[dict]]:
    """The page's row rules (``ROW_RULE_SHARE`` of the widest rule at least) in runs, top to bottom,
    that column rules join: two tables on a page, a caption between them, are two runs."""
    widest = max(e["x1"] - e["x0"] for e in hs)
    rules = sorted((e for e in hs if e["x1"] - e["x0"] >= ROW_RULE_SHARE * widest), key=lambda e: e["top"])
    runs: list[list[dict]] = []
    for e in rules:
        if runs:
            lo, hi = runs[-1][-1]["top"], e["top"]
            joined = hi - lo <= 1.0 or any(v["top"] <= lo + 0.5 * (hi - lo) and v["bottom"] >= hi - 0.5 * (hi - lo)
                                           and e["x0"] - 2 <= v["x0"] <= e["x1"] + 2 for v in vs)
            if joined:
                runs[-1].append(e)
                continue
        runs.append([e])
    return [r for r in runs if len(r) >= 3]


def lost_column_rules(edges: list[dict], words: list[Word], tol: float) -> list[dict]:
    """Column rule pieces for the gutters of the page's ruled tables that no rule runs down."""
    hs = [e for e in edges if e["orientation"] == "h"]
    vs = [e for e in edges if e["orientation"] == "v"]
    if len(hs) < 3 or not words:
        return []
    added: list[dict] = []
    for rules in _tables(hs, vs):
        added += _table_rules(rules, hs, vs, words, tol)
    return added


def _table_rules(rules: list[dict], hs: list[dict], vs: list[dict], words: list[Word], tol: float) -> list[dict]:
    """``lost_column_rules`` for one table, its row rules ``rules`` (top to bottom)."""
    widest = max(rules, key=lambda e: e["x1"] - e["x0"])
    x0, x1 = widest["x0"], widest["x1"]
    rows = sorted(e["top"] for e in rules if e["x1"] - e["x0"] >= ROW_RULE_SHARE * (x1 - x0))
    if len(rows) < 3:
        return []
    top, body_top, bottom = rows[0], rows[1], rows[-1]
    inside = [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]
    body = [w for w in inside if (w.top + w.bottom) / 2 >= body_top]
    if not body:
        return []
    h = statistics.median(w.bottom - w.top for w in body)
    lines = [_chunks(ln, CHUNK_GAP * h) for ln in text_lines(body)]
    if len(lines) < MIN_BODY_LINES:
        return []
    added: list[dict] = []
    for g0, g1 in _gutters(lines, x0, x1, h):
        # a rule within a text height of the gutter is its rule (word boxes run over an erased rule)
        here = [v for v in vs if g0 - tol - h <= v["x0"] <= g1 + tol + h and v["bottom"] > body_top and v["top"] < bottom]
        x: float = max(here, key=lambda v: v["bottom"] - v["top"])["x0"] if here else (g0 + g1) / 2
        if here and _ruled(vs, x, body_top, bottom, tol):
            continue
        for lo, hi in _bands(hs, x, top, bottom, tol):
            if _ruled(vs, x, lo, hi, tol):
                continue
            band = [w for w in inside if w.top < hi and w.bottom > lo]
            if any(w.x0 < x < w.x1 for w in band):
                continue                 # a word across it: a cell spanning the columns there
            if not (any(w.x1 <= x for w in band) and any(w.x0 >= x for w in band)):
                continue                 # text on one side only: a heading's row, or a cell with nothing beside it
            added.append(edge_v(x, lo, hi))
    return added
