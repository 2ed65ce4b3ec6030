"""Borderless step 3, columns: vertical whitespace gutters through the body lines of a logical table,
false gutters inside header cells dropped; headings and paragraph lines that cross the gutters."""

from __future__ import annotations

import statistics
from typing import Optional

from extractors.grid import Word
from extractors.borderless.text_lines import (ALIGNED_SHARE, CENTRED_TOL, GUTTER_NOISE, Line, MIN_GUTTER,
                                              MIN_LINES_ONE_CROSSING, NUMBER_RE)
from extractors.borderless.segments import LogicalTable, PageText, body_size


STEP = 0.5           # points: the x resolution of the gutter search


def white_bands(spans: list[list[tuple[float, float]]], x0: float, x1: float,
                noise: int) -> list[tuple[float, float, bool]]:
    """The x bands between ``x0`` and ``x1`` that no more than ``noise`` lines cover (each line its
    list of (start, end) spans: chunks or words), each with whether it lies inside (touches neither
    end); the one sweep the gutter searches share."""
    n = int((x1 - x0) / STEP) + 1
    cover = [0] * n
    for line in spans:
        for a, b in line:
            for k in range(max(0, int((a - x0) / STEP)), min(n, int((b - x0) / STEP) + 1)):
                cover[k] += 1
    out = []
    k = 0
    while k < n:
        if cover[k] > noise:
            k += 1
            continue
        s = k
        while k < n and cover[k] <= noise:
            k += 1
        out.append((x0 + s * STEP, x0 + k * STEP, s > 0 and k < n))
    return out


def find_gutters(lines: list[Line], h: float) -> tuple[float, float, list[tuple[float, float]]]:
    """Table x-extent and the whitespace gutters that run through ``lines``."""
    multi = [ln for ln in lines if len(ln.chunks) >= 2]
    use = multi if len(multi) >= 2 else lines
    if not use:
        return 0.0, 0.0, []
    x0 = min(ln.x0 for ln in use)
    x1 = max(ln.x1 for ln in use)
    spans = [[(ch[0].x0, ch[-1].x1) for ch in ln.chunks] for ln in use]
    gutters = [(g0, g1) for g0, g1, inner in white_bands(spans, x0, x1, gutter_noise(len(use)))
               if g1 - g0 >= MIN_GUTTER * h and inner]
    return x0, x1, sorted(gutters + aligned_gutters(use, x0, x1, h, gutters))


def gutter_noise(n_lines: int) -> int:
    """How many of ``n_lines`` lines may cross a gutter: a share of them (OCR specks, stray words),
    and in a table of ``MIN_LINES_ONE_CROSSING`` lines at least one (a section heading written across
    the columns, "1. Научно-методическое обеспечение", which a small table has too few lines to outvote)."""
    return max(int(GUTTER_NOISE * n_lines), 1 if n_lines >= MIN_LINES_ONE_CROSSING else 0)


def aligned_gutters(lines: list[Line], x0: float, x1: float, h: float,
                    found: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Gutters of justified text: white space no word crosses, with the next column's lines
    starting flush at its right end.

    Justified lines stretch their spaces until a space inside a cell is as wide as the gap
    between two columns (twice the cell padding), so chunks run across that gap on some lines
    and the chunk cover above finds no gutter. Words still never cross it, and the column after
    it starts every line at one x, which white space inside a cell does not.
    """
    out: list[tuple[float, float]] = []
    for g0, g1, inner in white_bands([[(w.x0, w.x1) for w in ln.words] for ln in lines], x0, x1,
                                     int(GUTTER_NOISE * len(lines))):
        if g1 - g0 < MIN_GUTTER * h or not inner or any(a < g1 and g0 < b for a, b in found):
            continue
        flush = sum(any(g1 - STEP <= w.x0 <= g1 + 2 * STEP for w in ln.words) for ln in lines)
        if flush >= max(3, ALIGNED_SHARE * len(lines)):
            out.append((g0, g1))
    return out


def split_at_gutters(lines: list[Line], gutters: list[tuple[float, float]]) -> None:
    """Cut every chunk whose white space between two words holds a whole gutter."""
    for ln in lines:
        chunks: list[list[Word]] = []
        for ch in ln.chunks:
            chunks.append([ch[0]])
            for a, b in zip(ch, ch[1:]):
                if any(a.x1 <= g0 + 0.5 and b.x0 >= g1 - 0.5 for g0, g1 in gutters):
                    chunks.append([b])
                else:
                    chunks[-1].append(b)
        ln.chunks = chunks


def drop_false_gutters(gutters: list[tuple[float, float]], header: list[Line]) -> list[tuple[float, float]]:
    """Drop gutters that cut a header cell with no header text under it on both sides.

    Under a header chunk that covers a gutter there must be lower header text
    in the column just left of the gutter and in the column just right of it
    ("Целевые индикаторы" over 2021 | 2022 | 2023); otherwise the gutter cuts
    one header cell ("2019 | год"). Columns are taken between gutter middles:
    the sub-headers of narrow columns are often wider than the values under
    them, and stick out beyond the upper text.
    """
    edges = [-float("inf")] + [(a + b) / 2 for a, b in gutters] + [float("inf")]
    spans = list(zip(edges, edges[1:]))              # column k lies between gutter k-1 and gutter k
    keep = []
    for k, g in enumerate(gutters):
        false = False
        for i, ln in enumerate(header):
            for ch in ln.chunks:
                if ch[0].x0 < g[0] and ch[-1].x1 > g[1]:
                    below = [(c[0].x0 + c[-1].x1) / 2 for l2 in header[i + 1:] for c in l2.chunks]
                    left = any(spans[k][0] <= x <= spans[k][1] and x >= ch[0].x0 - (g[1] - g[0])
                               for x in below)
                    right = any(spans[k + 1][0] <= x <= spans[k + 1][1] and x <= ch[-1].x1 + (g[1] - g[0])
                                for x in below)
                    if not (left and right):
                        false = True
        if not false:
            keep.append(g)
    return keep


def set_columns(table: LogicalTable, pages: dict[int, PageText]) -> None:
    """Columns of a logical table from all of its body lines (and its first header)."""
    body = [ln for f in table.fragments for ln in f.body]
    h = statistics.median([pages[f.page_index].h for f in table.fragments])
    x0, x1, gutters = find_gutters(body, h)
    header = next((f.header for f in table.fragments if f.header), [])
    gutters = drop_false_gutters(gutters, header)
    if header:
        x0 = min([x0] + [ln.x0 for ln in header]) if body else min(ln.x0 for ln in header)
        x1 = max([x1] + [ln.x1 for ln in header])
    split_at_gutters([ln for f in table.fragments for ln in f.header + f.body], gutters)
    table.x0, table.x1, table.gutters = x0, x1, gutters
    table.bounds = [(a + b) / 2 for a, b in gutters]
    table.size = body_size(body) if body else body_size(header)


def column_of(x: float, bounds: list[float]) -> int:
    c = 0
    while c < len(bounds) and x > bounds[c]:
        c += 1
    return c


def chunk_span(chunk: list[Word], table: LogicalTable) -> tuple[int, int]:
    """First and last column a chunk covers: a chunk spans a gutter it covers entirely."""
    cx = (chunk[0].x0 + chunk[-1].x1) / 2
    c = column_of(cx, table.bounds)
    first, last = c, c
    while first > 0 and chunk[0].x0 <= table.gutters[first - 1][0] + 0.5:
        first -= 1
    while last < len(table.gutters) and chunk[-1].x1 >= table.gutters[last][1] - 0.5:
        last += 1
    return first, last


def crosses_gutter(line: Line, table: LogicalTable) -> bool:
    return any(chunk_span(ch, table)[1] > chunk_span(ch, table)[0] for ch in line.chunks)


def is_centred(line: Line, table: LogicalTable) -> bool:
    width = table.x1 - table.x0
    if width <= 0:
        return False
    centre = (line.x0 + line.x1) / 2
    return abs(centre - (table.x0 + table.x1) / 2) <= CENTRED_TOL * width and line.x0 > table.x0 + 0.05 * width


def is_heading_line(line: Line, table: LogicalTable) -> bool:
    """One chunk that runs across gutters, or a bold centred line."""
    if len(line.chunks) != 1:
        return False
    return crosses_gutter(line, table) or (line.bold and is_centred(line, table))


def is_paragraph_line(line: Line, table: LogicalTable) -> bool:
    """Running text: one chunk from the table's left edge across gutters, not a heading."""
    width = table.x1 - table.x0
    return (len(line.chunks) == 1 and crosses_gutter(line, table) and not line.bold
            and not is_centred(line, table) and line.x0 <= table.x0 + 0.05 * width
            and line.x1 - line.x0 >= 0.4 * width)


def drop_trailing_paragraphs(body: list[Line], table: LogicalTable, continued: bool = False) -> list[Line]:
    """Cut the body at running text that follows its last line of table cells; a heading line
    right before that text opens it ("Используемые сокращения:" over the list) and goes with it:
    a section heading with no table row after it heads nothing in the table, nor does a heading
    line that ends the table (the text after it was set apart by its size). On a page the table
    ``continued`` from, one line alone after the last row is the table's (a section row at the
    page end: "2. Организационное обеспечение"), not running text."""
    last_row_line = max((i for i, ln in enumerate(body) if len(ln.chunks) >= 2
                         and not crosses_gutter(ln, table)), default=-1)
    if continued and len(body) - last_row_line <= 2:
        return body
    for i in range(last_row_line + 1, len(body)):
        if is_paragraph_line(body[i], table):
            while i - 1 > last_row_line and is_heading_line(body[i - 1], table):
                i -= 1
            return body[:i]
    end = len(body)
    while not continued and end - 1 > last_row_line and is_heading_line(body[end - 1], table):
        end -= 1           # the table's last line a heading ("Принятые сокращения:"): it heads no row
    return body[:end]


def number_column(table: LogicalTable) -> Optional[int]:
    """Column 0 when it mostly holds item numbers (1., 1.1, 2.3 ...)."""
    firsts = []
    for f in table.fragments:
        for ln in f.body:
            ws = [w for w in ln.words if column_of((w.x0 + w.x1) / 2, table.bounds) == 0]
            if ws and len(ln.chunks) >= 2:
                firsts.append(ws[0].text)
    if not firsts:
        return None
    numeric = sum(1 for t in firsts if NUMBER_RE.match(t))
    return 0 if numeric >= 0.5 * len(firsts) else None
