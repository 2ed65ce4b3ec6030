"""Borderless step 5, header rows: header chunks spanning several columns, sub-header lines under them
("Целевые индикаторы" over 2021/2022/2023)."""

from __future__ import annotations

from extractors.grid import Cell, Row, Word
from extractors.borderless.text_lines import Line
from extractors.borderless.segments import LogicalTable
from extractors.borderless.columns import chunk_span, column_of
from extractors.borderless.rows import column_extents, make_cell, row_bbox


def header_chunk_span(chunk: list[Word], line_index: int, header: list[Line],
                      table: LogicalTable) -> tuple[int, int]:
    """Columns a header chunk stands over.

    A chunk that covers a gutter spans it. A chunk with header text below it in
    neighbouring columns that have no header text of their own at its level
    (an upper cell "Целевые индикаторы" over 2021 | 2022 | 2023) spans the
    range of columns whose centre (by the header text under them) is closest
    to its own centre, and at least
    the columns of the lower header text it stands over (in narrow columns the
    text is left-aligned, so column centres drift from the cell's centre).
    """
    first, last = chunk_span(chunk, table)
    ext = column_extents(table)
    below = {column_of((c[0].x0 + c[-1].x1) / 2, table.bounds)
             for ln in header[line_index + 1:] for c in ln.chunks}
    above = {k for ln in header[:line_index + 1] for c in ln.chunks if c is not chunk
             for k in range(*_span_range(chunk_span(c, table)))}
    free = [k not in above and k in below for k in range(table.n_cols)]
    lo, hi = first, last
    while lo > 0 and free[lo - 1]:
        lo -= 1
    while hi < table.n_cols - 1 and free[hi + 1]:
        hi += 1
    centre = (chunk[0].x0 + chunk[-1].x1) / 2
    sub = _lower_header_extents(header[line_index + 1:], table)

    def range_centre(a: int, b: int) -> float:
        """Middle of columns a..b: by the sub-headers in them (values may be left-aligned)."""
        left = sub[a][0] if a in sub else ext[a][0]
        right = sub[b][1] if b in sub else ext[b][1]
        return (left + right) / 2

    best = (first, last)
    best_d = abs(centre - range_centre(first, last))
    for a in range(lo, first + 1):
        for b in range(last, hi + 1):
            if b - a < 1 or not all(k in below for k in range(a, b + 1)):
                continue
            d = abs(centre - range_centre(a, b))
            wider = b - a > best[1] - best[0]
            if d < best_d - 1.0 or (wider and d <= best_d + 1.0):
                best, best_d = (a, b), d
    under = [column_of((c[0].x0 + c[-1].x1) / 2, table.bounds) for ln in header[line_index + 1:]
             for c in ln.chunks if c[0].x0 < chunk[-1].x1 - 1 and c[-1].x1 > chunk[0].x0 + 1]
    if under and lo <= min(under) and max(under) <= hi:
        best = (min(best[0], *under), max(best[1], *under))
    return best


def _lower_header_extents(lines: list[Line], table: LogicalTable) -> dict[int, tuple[float, float]]:
    """Per column, the x-extent of the header text on ``lines``."""
    out: dict[int, tuple[float, float]] = {}
    for ln in lines:
        for c in ln.chunks:
            k = column_of((c[0].x0 + c[-1].x1) / 2, table.bounds)
            a, b = out.get(k, (c[0].x0, c[-1].x1))
            out[k] = (min(a, c[0].x0), max(b, c[-1].x1))
    return out


def _span_range(span: tuple[int, int]) -> tuple[int, int]:
    return span[0], span[1] + 1


def header_rows(header: list[Line], table: LogicalTable, page_no: int, h: float,
                repeat: bool) -> list[Row]:
    """One or two header rows; upper cells that cover a gutter get a colspan."""
    if not header:
        return []
    placed: list[tuple[int, int, int, list[Word]]] = []   # (line index, first col, last col, words)
    for i, ln in enumerate(header):
        for ch in ln.chunks:
            first, last = header_chunk_span(ch, i, header, table)
            placed.append((i, first, last, ch))
    groups = _merged_spans([(f, l) for _, f, l, _ in placed if l > f])
    lower_start: dict[tuple[int, int], int] = {}
    for g in groups:
        spans_at = [i for i, f, l, _ in placed if (f, l) != (f, f) and f >= g[0] and l <= g[1] and l > f]
        last_span_line = max(spans_at)
        below = [i for i, f, l, _ in placed if i > last_span_line and f == l and g[0] <= f <= g[1]]
        if below:
            lower_start[g] = min(below)
    two_level = bool(lower_start)
    upper: list[Cell] = []
    lower: list[Cell] = []
    col = 0
    while col < table.n_cols:
        g = next((g for g in groups if g[0] == col), None)
        if g is not None:
            cut = lower_start.get(g)
            top_words = [w for i, f, l, ws in placed if g[0] <= f and l <= g[1]
                         and (cut is None or i < cut) for w in ws]
            upper.append(make_cell(top_words, g[0], page_no, h, colspan=g[1] - g[0] + 1))
            if cut is not None:
                for c in range(g[0], g[1] + 1):
                    ws = [w for i, f, l, chunk in placed if i >= cut and f == l == c for w in chunk]
                    lower.append(make_cell(ws, c, page_no, h))
            col = g[1] + 1
        else:
            ws = [w for _, f, l, chunk in placed if f == l == col for w in chunk]
            upper.append(make_cell(ws, col, page_no, h, rowspan=2 if two_level else 1))
            col += 1
    rows = [Row(cells=upper, page=page_no, is_header=repeat,
                bbox=row_bbox(header if not two_level else _lines_before(header, lower_start), table))]
    if two_level:
        cut = min(lower_start.values())
        rows.append(Row(cells=lower, page=page_no, is_header=repeat, bbox=row_bbox(header[cut:], table)))
    return rows


def _lines_before(header: list[Line], lower_start: dict) -> list[Line]:
    cut = min(lower_start.values())
    return header[:cut] or header


def _merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(set(spans)):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
