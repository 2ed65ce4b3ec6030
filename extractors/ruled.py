"""Ruled tables: cells from ruling lines (PDF vector lines or lines found on a scan).

Works on a ``PageLayout`` only (words + ruling ``Segment``s), so the same code
serves text-layer PDFs, scans whose lines were found by OpenCV, and lines that
camelot's lattice found on a rendered page (see ``extractors.pdf``).

Steps (pdfplumber's own chain of pure functions from ``pdfplumber.table``,
applied to our edge dicts):

1. segments -> edge dicts; snap edges that lie on (almost) the same line and
   join collinear pieces (dashed or broken lines);
2. intersections -> smallest closed rectangles = cells; a rectangle with a
   missing inner ruling line comes out as ONE cell (the merged cell);
3. contiguous cells -> tables;
4. each table gets a global grid: columns = distinct x boundaries of its cells,
   rows = distinct y boundaries; a cell becomes an origin ``Cell`` with
   ``col``/``colspan``/``rowspan`` on that grid;
5. words are put in the cell that holds their centre; inside a cell they are
   grouped into text lines (kept as ``\\n``).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from statistics import mean
from typing import Optional

from pdfplumber.table import (
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)

from extractors.cell_boxes import cut_overlaps, hole_boxes, split_unruled_spans
from extractors.grid import BBox, Cell, PageLayout, Row, Segment, Table, Word
from extractors.lines import cell_text
from extractors.lost_columns import lost_column_rules
from extractors.lost_rows import lost_row_rules, reach_column_rules, reach_row_rules
from extractors.scan_grid import drop_stray_row_rules, drop_weak_columns, merge_across_text

EXTRACTOR_NAME = "ruled"
# tolerances in PDF points; scans (lines from an image) get the looser set
TOLERANCES = {
    "text": {"snap": 3.0, "join": 3.0, "intersect": 3.0, "min_edge": 3.0},
    "ocr": {"snap": 4.0, "join": 6.0, "intersect": 5.0, "min_edge": 6.0},
}
GRID_TOL = 1.5       # x/y values closer than this are one grid boundary
# ... on a scan, where a photocopied rule is 2-3 pt thick and cells meet it at either of its edges
# (row 1.1 ending at 564, row 1.2 starting at 566 in some columns: a 2 pt "row" split every cell)
OCR_GRID_TOL = 3.0
MIN_CELL_SIDE = 2.5  # rectangles thinner than this are double-line artefacts, not cells
MIN_OCR_CELL_SIDE = 5.0   # ... on a scan, empty ones thinner than this (lower than any text line)
MIN_TABLE_CELLS = 2


@dataclass
class _Grid:
    """Column and row boundaries of one table, ascending."""

    xs: list[float]
    ys: list[float]

    def col_of(self, x: float) -> int:
        return _nearest(self.xs, x)

    def row_of(self, y: float) -> int:
        return _nearest(self.ys, y)


def _nearest(values: list[float], v: float) -> int:
    return min(range(len(values)), key=lambda i: abs(values[i] - v))


def _cluster(values: list[float], tol: float = GRID_TOL) -> list[float]:
    """Sorted distinct values, those within ``tol`` of the previous one merged (mean)."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tol:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]


def segments_to_edges(segments: list[Segment], min_length: float = 1.0) -> list[dict]:
    """pdfplumber-style edge dicts ("orientation" h|v) from our segments."""
    edges = []
    for s in segments:
        x0, x1 = sorted((s.x0, s.x1))
        top, bottom = sorted((s.top, s.bottom))
        if s.horizontal:
            if x1 - x0 < min_length:
                continue
            y = (top + bottom) / 2
            edges.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0,
                          "height": 0.0, "orientation": "h"})
        else:
            if bottom - top < min_length:
                continue
            x = (x0 + x1) / 2
            edges.append({"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0,
                          "height": bottom - top, "orientation": "v"})
    return edges


def _edge(orientation: str, fixed: float, lo: float, hi: float) -> dict:
    if orientation == "v":
        return {"x0": fixed, "x1": fixed, "top": lo, "bottom": hi, "width": 0.0,
                "height": hi - lo, "orientation": "v"}
    return {"x0": lo, "x1": hi, "top": fixed, "bottom": fixed, "width": hi - lo,
            "height": 0.0, "orientation": "h"}


def missing_side_borders(edges: list[dict], tol: float) -> list[dict]:
    """Outer borders a table leaves out ("open" sides), closed from its rules' common ends.

    Horizontal rules that start (or end) at the same x, with no vertical line
    there, get a vertical border between each two consecutive rules that an
    inner vertical line also joins (so they belong to one table); the same for
    vertical rules sharing a top or bottom end. Tables printed without left and
    right borders then still close their first and last columns. A full-width row
    (section heading) of such an open table has no inner line to prove it belongs
    to the table: ``open_frames`` closes that case (and the corners) for grids
    that have no outer border at all.
    """
    added = []
    for orient, other, (lo_key, hi_key), fixed_key in (
            ("h", "v", ("x0", "x1"), "top"), ("v", "h", ("top", "bottom"), "x0")):
        rules = [e for e in edges if e["orientation"] == orient]
        crossers = [e for e in edges if e["orientation"] == other]
        for end_key in (lo_key, hi_key):
            for x in _cluster([e[end_key] for e in rules], tol):
                stops = sorted({e[fixed_key] for e in rules if abs(e[end_key] - x) <= tol})
                for a, b in zip(stops, stops[1:]):
                    if (_joined_by(crossers, other, a, b, tol)
                            and not _has_line_at(crossers, other, x, a, b, tol)):
                        added.append(_edge(other, x, a, b))
    return added


def _joined_by(lines: list[dict], orientation: str, a: float, b: float, tol: float) -> bool:
    """True when some line of ``orientation`` runs from ``a`` to ``b`` (crosses both rules)."""
    lo, hi = ("top", "bottom") if orientation == "v" else ("x0", "x1")
    return any(e[lo] <= a + tol and e[hi] >= b - tol for e in lines)


def _has_line_at(lines: list[dict], orientation: str, at: float, lo: float, hi: float,
                 tol: float) -> bool:
    """True when a line of ``orientation`` lies at ``at`` and covers most of [lo, hi]."""
    return _covered(lines, orientation, at, lo, hi, tol) >= 0.5


def _covered(lines: list[dict], orientation: str, at: float, lo: float, hi: float, tol: float) -> float:
    """Share of [lo, hi] that lines of ``orientation`` lying at ``at`` cover."""
    pos, a, b = ("x0", "top", "bottom") if orientation == "v" else ("top", "x0", "x1")
    covered = sum(max(0.0, min(e[b], hi) - max(e[a], lo)) for e in lines if abs(e[pos] - at) <= tol)
    return covered / (hi - lo) if hi > lo else 1.0


MIN_CROSSED = 2      # a row rule of a table meets at least this many of its column rules


def broken_row_rules(edges: list[dict], tol: float) -> list[dict]:
    """The missing end of a scanned row rule broken off at an inner column rule.

    A horizontal rule that ends at a column rule which ends there too, from one side only (an
    "L" corner inside the table, an outer column rule further out crossing the rule's line), is
    broken: a cell on one side of the column rule would have to reach down past the row rule
    while the cell on the other side reaches across the column rule — they would overlap. Where
    the row band on the column rule's open side holds no column rule between it and the outer
    one (a full-width row: a section heading), the row rule is carried out to the outer column
    rule. Only a rule that meets ``MIN_CROSSED`` column rules is a row rule (a stamp's or a
    signature's stroke is not). Only scans lose a rule's end this way; born-digital rules are not
    checked.
    """
    hs = [e for e in edges if e["orientation"] == "h"]
    vs = [e for e in edges if e["orientation"] == "v"]
    added = []
    for h in hs:
        y = h["top"]
        crossed = [v for v in vs if h["x0"] + tol < v["x0"] < h["x1"] - tol and v["top"] - tol <= y <= v["bottom"] + tol]
        if len(crossed) < MIN_CROSSED:
            continue                          # a stroke of a stamp or a signature, not a row rule
        for end, outward in ((h["x0"], -1), (h["x1"], 1)):
            at = [v for v in vs if abs(v["x0"] - end) <= tol and v["top"] - tol <= y <= v["bottom"] + tol]
            if not at:
                continue
            above = any(v["top"] < y - tol for v in at)
            below = any(v["bottom"] > y + tol for v in at)
            if above == below:
                continue                      # a crossing, or a stub: not an L corner
            outer = [v for v in vs if (v["x0"] - end) * outward > tol and v["top"] < y - tol and v["bottom"] > y + tol]
            if not outer:
                continue                      # the table's own corner
            out = min(outer, key=lambda v: abs(v["x0"] - end))
            # the band on the open side, up to the next row rule: no column rule between the two
            nxt = [e["top"] for e in hs if (e["top"] - y) * (1 if below is False else -1) > tol
                   and min(e["x1"], max(end, out["x0"])) - max(e["x0"], min(end, out["x0"])) > 0]
            if not nxt:
                continue
            far = min(nxt, key=lambda t: abs(t - y))
            lo_y, hi_y = sorted((y, far))
            lo_x, hi_x = sorted((end, out["x0"]))
            if any(lo_x + tol < v["x0"] < hi_x - tol and v["top"] < hi_y - tol and v["bottom"] > lo_y + tol
                   for v in vs):
                continue
            added.append(_edge("h", y, lo_x, hi_x))
    return added


MAX_OPEN_GAP = 60.0   # points: the tallest full-width row (a heading) joined between open pieces
FRAME_COVER = 0.95    # a side of a grid's box less covered than this by a line is open


def _components(edges: list[dict], tol: float) -> list[list[dict]]:
    """Groups of edges connected through their crossings (one group per drawn grid)."""
    parent = list(range(len(edges)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    vs = [i for i, e in enumerate(edges) if e["orientation"] == "v"]
    hs = [i for i, e in enumerate(edges) if e["orientation"] == "h"]
    for i in vs:
        v = edges[i]
        for j in hs:
            h = edges[j]
            if (v["top"] <= h["top"] + tol and v["bottom"] >= h["top"] - tol
                    and h["x0"] - tol <= v["x0"] <= h["x1"] + tol):
                parent[find(i)] = find(j)
    groups: dict[int, list[dict]] = {}
    for i, e in enumerate(edges):
        groups.setdefault(find(i), []).append(e)
    return list(groups.values())


def _shared_end(values: list[float], tol: float, last: bool = False) -> float:
    """The outermost value that at least two lines share (a lone stray line does not widen a
    grid's box); the outermost value when no two lines share one."""
    vals = sorted(values, reverse=last)
    for i, v in enumerate(vals):
        if any(abs(v - w) <= tol for w in vals[i + 1:]):
            return v
    return vals[0]


def open_frames(edges: list[dict], tol: float) -> list[dict]:
    """Outer borders of grids printed without them, and full-width rows between such grids.

    A grid (connected rules with both horizontal and vertical lines) gets a border on each
    side of its bounding box where no line lies: the first and last columns and the top and
    bottom rows of a table printed with inner lines only are then closed, corners included.
    Two such open grids one above the other, of the same width and a short gap apart, are one
    table whose full-width row (a section heading) no inner line joins: their side borders
    are carried over the gap. Grids with all four borders are left alone (two bordered tables
    close together stay two tables).
    """
    boxes = []
    added: list[dict] = []
    for group in _components(edges, tol):
        hs = [e for e in group if e["orientation"] == "h"]
        vs = [e for e in group if e["orientation"] == "v"]
        if not hs or not vs or len(hs) + len(vs) < 3:
            continue
        x0 = min(_shared_end([e["x0"] for e in hs], tol), min(e["x0"] for e in vs))
        x1 = max(_shared_end([e["x1"] for e in hs], tol, last=True), max(e["x0"] for e in vs))
        top = min(_shared_end([e["top"] for e in vs], tol), min(e["top"] for e in hs))
        bottom = max(_shared_end([e["bottom"] for e in vs], tol, last=True), max(e["top"] for e in hs))
        if x1 - x0 < MIN_CELL_SIDE or bottom - top < MIN_CELL_SIDE:
            continue
        sides = {"left": _covered(vs, "v", x0, top, bottom, tol) < FRAME_COVER,
                 "right": _covered(vs, "v", x1, top, bottom, tol) < FRAME_COVER,
                 "top": _covered(hs, "h", top, x0, x1, tol) < FRAME_COVER,
                 "bottom": _covered(hs, "h", bottom, x0, x1, tol) < FRAME_COVER}
        if sides["left"]:
            added.append(_edge("v", x0, top, bottom))
        if sides["right"]:
            added.append(_edge("v", x1, top, bottom))
        if sides["top"]:
            added.append(_edge("h", top, x0, x1))
        if sides["bottom"]:
            added.append(_edge("h", bottom, x0, x1))
        boxes.append((x0, top, x1, bottom, sides["left"] and sides["right"]))
    boxes.sort(key=lambda b: b[1])
    for a, b in zip(boxes, boxes[1:]):
        gap = b[1] - a[3]
        if (a[4] and b[4] and 0 < gap <= MAX_OPEN_GAP
                and abs(a[0] - b[0]) <= tol and abs(a[2] - b[2]) <= tol):
            added.append(_edge("v", a[0], a[3], b[1]))
            added.append(_edge("v", a[2], a[3], b[1]))
    return added


def find_cell_boxes(layout: PageLayout) -> list[list[BBox]]:
    """Cell rectangles of each ruled table on the page (pdfplumber's lattice chain)."""
    tol = TOLERANCES.get(layout.source, TOLERANCES["text"])
    edges = segments_to_edges(layout.segments)
    if not edges:
        return []
    edges = merge_edges(edges, tol["snap"], tol["snap"], tol["join"], tol["join"])
    edges = [e for e in edges if max(e["x1"] - e["x0"], e["bottom"] - e["top"]) >= tol["min_edge"]]
    if layout.source == "ocr":             # a signature's line is no rule (nor are its ends a border)
        edges = drop_stray_row_rules(edges, tol["snap"])
    edges += missing_side_borders(edges, tol["snap"]) + open_frames(edges, tol["snap"])
    if layout.source == "ocr":             # the mended piece joined to the rule it mends
        edges = merge_edges(edges + broken_row_rules(edges, tol["snap"]), tol["snap"], tol["snap"],
                            tol["join"], tol["join"])
        edges = reach_row_rules(reach_column_rules(edges, tol["snap"]), tol["snap"])
        edges += lost_row_rules(edges, layout.words, tol["snap"])
        edges += lost_column_rules(edges, layout.words, tol["snap"])
    intersections = edges_to_intersections(edges, tol["intersect"], tol["intersect"])
    cells = intersections_to_cells(intersections)
    tables = cells_to_tables(cells)
    kept = []
    for boxes in tables:
        boxes = [b for b in boxes if b[2] - b[0] >= MIN_CELL_SIDE and b[3] - b[1] >= MIN_CELL_SIDE]
        if layout.source == "ocr":        # a photocopied rule found twice, a few points apart
            boxes = [b for b in boxes if min(b[2] - b[0], b[3] - b[1]) >= MIN_OCR_CELL_SIDE
                     or any(b[0] <= (w.x0 + w.x1) / 2 <= b[2] and b[1] <= (w.top + w.bottom) / 2 <= b[3]
                            for w in layout.words)]
        if len(boxes) >= MIN_TABLE_CELLS:
            kept.append(boxes)
    return kept


def _grid_of(boxes: list[BBox], tol: float = GRID_TOL) -> _Grid:
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes], tol)
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes], tol)
    return _Grid(xs, ys)


def _assign_words(words: list[Word], boxes: list[BBox], grid: _Grid,
                  owner: dict[tuple[int, int], int]) -> dict[int, list[Word]]:
    """Words per cell index: the cell whose area holds the word's centre."""
    out: dict[int, list[Word]] = {}
    x_lo, x_hi, y_lo, y_hi = grid.xs[0], grid.xs[-1], grid.ys[0], grid.ys[-1]
    for w in words:
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        if not (x_lo <= cx <= x_hi and y_lo <= cy <= y_hi):
            continue
        c = min(bisect_right(grid.xs, cx) - 1, len(grid.xs) - 2)
        r = min(bisect_right(grid.ys, cy) - 1, len(grid.ys) - 2)
        idx = owner.get((r, c))
        if idx is not None:
            out.setdefault(idx, []).append(w)
    return out


def _used_indexes(starts: list[int]) -> dict[int, int]:
    """Grid index -> compact index, keeping only indexes where some cell starts."""
    return {v: i for i, v in enumerate(sorted(set(starts)))}


def table_from_boxes(boxes: list[BBox], layout: PageLayout) -> Optional[Table]:
    """One ``Table`` (origin cells on the table's global grid) from its cell rectangles."""
    boxes = cut_overlaps(boxes)
    tol = OCR_GRID_TOL if layout.source == "ocr" else GRID_TOL
    if layout.source == "ocr":  # rules found on an image may be lost in places, or stray
        boxes = cut_overlaps(drop_weak_columns(merge_across_text(boxes, layout.words), layout.words))
        grid = _grid_of(boxes, tol)
        boxes = split_unruled_spans(boxes, layout.words, grid.ys, grid.xs)
    grid = _grid_of(boxes, tol)
    if len(grid.xs) < 2 or len(grid.ys) < 2:
        return None
    placed = []  # (r0, r1, c0, c1, box)
    for b in boxes:
        c0, c1 = grid.col_of(b[0]), grid.col_of(b[2])
        r0, r1 = grid.row_of(b[1]), grid.row_of(b[3])
        if c1 > c0 and r1 > r0:
            placed.append((r0, r1, c0, c1, b))
    if not placed:
        return None
    owner: dict[tuple[int, int], int] = {}
    for i, (r0, r1, c0, c1, _) in enumerate(placed):
        for r in range(r0, r1):
            for c in range(c0, c1):
                owner.setdefault((r, c), i)
    for r, c0, c1, box in hole_boxes(set(owner), grid.xs, grid.ys, layout.words):
        placed.append((r, r + 1, c0, c1, box))
        for c in range(c0, c1):
            owner[(r, c)] = len(placed) - 1
    words_by_cell = _assign_words(layout.words, [p[4] for p in placed], grid, owner)
    # drop grid rows/columns where no cell starts (they only come from holes)
    col_ix = _used_indexes([p[2] for p in placed])
    row_ix = _used_indexes([p[0] for p in placed])
    n_cols = len(col_ix)

    def span(index: dict[int, int], a: int, b: int) -> int:
        return max(1, sum(1 for k in index if a <= k < b))

    rows: dict[int, list[Cell]] = {}
    for i, (r0, r1, c0, c1, b) in enumerate(placed):
        ws = words_by_cell.get(i, [])
        rows.setdefault(row_ix[r0], []).append(Cell(
            text=cell_text(ws, right=b[2]), col=col_ix[c0], colspan=span(col_ix, c0, c1),
            rowspan=span(row_ix, r0, r1), page=layout.page_no, bbox=tuple(b),
            confidence=mean(w.confidence for w in ws) if ws else 1.0,
            bold=bool(ws) and all(w.bold for w in ws),
        ))
    row_tops = sorted(row_ix)
    out_rows = []
    for k in sorted(rows):
        r = row_tops[k]
        bottom = grid.ys[row_tops[k + 1]] if k + 1 < len(row_tops) else grid.ys[-1]
        out_rows.append(Row(cells=sorted(rows[k], key=lambda c: c.col), page=layout.page_no,
                            bbox=(grid.xs[0], grid.ys[r], grid.xs[-1], bottom)))
    return Table(rows=out_rows, n_cols=n_cols, page_start=layout.page_no,
                 page_end=layout.page_no, extractor=EXTRACTOR_NAME)


def table_box(table: Table) -> Optional[BBox]:
    """Bounding box of a single-page table fragment."""
    boxes = [r.bbox for r in table.rows if r.bbox]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def column_edges(table: Table) -> list[float]:
    """x boundaries of a table's columns (left edges of each column + the right edge)."""
    lefts: dict[int, float] = {}
    right = None
    for r in table.rows:
        for c in r.cells:
            if c.bbox is None:
                continue
            lefts.setdefault(c.col, c.bbox[0])
            if c.col + c.colspan == table.n_cols:
                right = c.bbox[2] if right is None else max(right, c.bbox[2])
    xs = [lefts[k] for k in sorted(lefts)]
    return xs + ([right] if right is not None else [])


def word_coverage(layout: PageLayout, tables: list[Table]) -> float:
    """Share of the words inside the ruled area of the page that landed in a table cell.

    A word is in the ruled area when some long vertical segment spans its
    height and some long horizontal segment spans its centre's x (so page
    titles above a table and paragraphs between two tables do not count, but a
    first column whose left border is missing does). 1.0 when the area holds no
    words. Used by ``extractors.pdf`` to spot a broken grid.
    """
    v = [(min(s.top, s.bottom), max(s.top, s.bottom)) for s in layout.segments
         if not s.horizontal and abs(s.bottom - s.top) > 8]
    h = [(min(s.x0, s.x1), max(s.x0, s.x1)) for s in layout.segments
         if s.horizontal and abs(s.x1 - s.x0) > 8]
    if not v or not h:
        return 1.0
    inside = []
    for w in layout.words:
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        if any(a <= cy <= b for a, b in v) and any(a <= cx <= b for a, b in h):
            inside.append(w)
    if not inside:
        return 1.0
    index = _band_index([c.bbox for t in tables for r in t.rows for c in r.cells if c.bbox])
    hit = 0
    for w in inside:
        band = int((w.top + w.bottom) / 2 // BAND)
        hit += any(w.centre_in(b, tol=0.5) for b in index.get(band, ()))
    return hit / len(inside)


BAND = 20.0  # points: height of the horizontal bands used to look up cells by y


def _band_index(boxes: list[BBox]) -> dict[int, list[BBox]]:
    """Cell boxes by the horizontal bands they overlap (a cheap spatial index)."""
    index: dict[int, list[BBox]] = {}
    for b in boxes:
        for band in range(int((b[1] - 1) // BAND), int((b[3] + 1) // BAND) + 1):
            index.setdefault(band, []).append(b)
    return index


def build_ruled_tables(layout: PageLayout) -> list[Table]:
    """Tables of one page whose cells are bounded by ruling lines, top to bottom.

    Tables without any text (decorative frames, empty boxes) are dropped.
    """
    tables = []
    for boxes in find_cell_boxes(layout):
        t = table_from_boxes(boxes, layout)
        if t is not None and any(not c.empty for r in t.rows for c in r.cells):
            if layout.source == "ocr":
                t.extractor = EXTRACTOR_NAME + "-ocr"
            tables.append(t)
    tables.sort(key=lambda t: (table_box(t) or (0, 0, 0, 0))[1])
    return tables
