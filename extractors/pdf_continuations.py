"""A table fragment that continues the previous page's table: its columns matched to that table's
grid, its repeated header rows marked (``mark_continuations``, which ``extractors.pdf`` runs on
every document's pages and their tables). Split off ``extractors.pdf``."""
from __future__ import annotations

from typing import Optional

from extractors.grid import PageLayout, Table
from extractors.lines import text_lines

COL_TOL = 3.0            # points: column boundaries this close are the same boundary
MAX_SHIFT = 36.0         # points: a page's table may lie this far sideways of the page before's (a scan)
TOP_ZONE = 0.3           # a continuation starts in the top 30 % of its page ...
MAX_LINES_AROUND = 2     # ... with at most this many text lines above it (running header, page no.)


def table_bbox(table: Table, page_no: int) -> Optional[tuple[float, float, float, float]]:
    boxes = [c.bbox for r in table.rows for c in r.cells if c.bbox and c.page == page_no]
    boxes += [r.bbox for r in table.rows if r.bbox and r.page == page_no]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _col_edges(table: Table) -> list[float]:
    from extractors.ruled import column_edges

    return column_edges(table)


def _nearest(prev: list[float], cur: list[float]) -> Optional[list[int]]:
    """Index in ``prev`` of each boundary of ``cur`` (each within ``COL_TOL`` of it, the outer ones
    on the outer ones, in order), or None."""
    idx = []
    for x in cur:
        j = min(range(len(prev)), key=lambda k: abs(prev[k] - x))
        if abs(prev[j] - x) > COL_TOL:
            return None
        idx.append(j)
    if idx[0] != 0 or idx[-1] != len(prev) - 1 or idx != sorted(set(idx)):
        return None
    return idx


def _match_edges(prev: list[float], cur: list[float]) -> Optional[list[int]]:
    """Index in ``prev`` of each boundary of ``cur``, or None when they do not agree: as they lie,
    or with the whole fragment shifted sideways by up to ``MAX_SHIFT`` (a scanner places each sheet
    a little differently; its left border's shift, which the right border shows too)."""
    if len(cur) < 2 or len(prev) < 2:
        return None
    found = _nearest(prev, cur)
    shift = cur[0] - prev[0]
    if found is None and COL_TOL < abs(shift) <= MAX_SHIFT and abs((cur[-1] - prev[-1]) - shift) <= COL_TOL:
        found = _nearest(prev, [x - shift for x in cur])
    return found


def _regrid(table: Table, mapping: list[int], n_cols: int) -> None:
    """Re-index a fragment's columns on the previous table's grid."""
    for r in table.rows:
        for c in r.cells:
            end = mapping[c.col + c.colspan]
            c.col = mapping[c.col]
            c.colspan = end - c.col
    table.n_cols = n_cols


def _lines_above(layout: PageLayout, top: float) -> int:
    return len(text_lines([w for w in layout.words if w.bottom <= top + 1]))


def _lines_below(layout: PageLayout, bottom: float) -> int:
    return len(text_lines([w for w in layout.words if w.top >= bottom - 1]))


def _row_key(row) -> tuple:
    return tuple((c.col, c.colspan, " ".join(c.text.split())) for c in row.cells)


def repeated_header_rows(head: Table, fragment: Table) -> int:
    """How many leading rows ``fragment`` repeats from ``head`` (same cells, same texts)."""
    n = 0
    while (n < min(len(head.rows), len(fragment.rows)) - 1
           and _row_key(head.rows[n]) == _row_key(fragment.rows[n])
           and any(not c.empty for c in fragment.rows[n].cells)):
        n += 1
    return n


def mark_repeated_headers(head: Table, fragment: Table) -> None:
    """Flag ``is_header`` on the leading rows a continuation repeats from the table's first page."""
    for k in range(repeated_header_rows(head, fragment)):
        head.rows[k].is_header = True
        fragment.rows[k].is_header = True


def mark_continuations(pages: list[tuple[PageLayout, list[Table]]]) -> None:
    """Set ``continues_previous`` on first tables of pages that continue the previous table.

    Leading rows a continuation repeats from the first fragment (the repeated
    header) get ``is_header`` in both fragments.
    """
    prev: Optional[tuple[PageLayout, Table]] = None
    head: Optional[Table] = None
    for layout, tables in pages:
        if tables and prev is not None:
            p_lay, p_tab = prev
            first = tables[0]
            box = table_bbox(first, layout.page_no)
            p_box = table_bbox(p_tab, p_lay.page_no)
            if (box and p_box and layout.page_no == p_lay.page_no + 1
                    and box[1] <= TOP_ZONE * layout.height):
                mapping = _match_edges(_col_edges(p_tab), _col_edges(first))
                few_lines = (_lines_above(layout, box[1]) <= MAX_LINES_AROUND
                             and _lines_below(p_lay, p_box[3]) <= MAX_LINES_AROUND)
                repeats = (head is not None and first.n_cols == head.n_cols
                           and repeated_header_rows(head, first) > 0)
                if mapping is not None and (few_lines or repeats):
                    first.continues_previous = True
                    if first.n_cols != p_tab.n_cols or mapping != list(range(len(mapping))):
                        _regrid(first, mapping, p_tab.n_cols)
                    if head is not None:
                        mark_repeated_headers(head, first)
        for t in tables:
            if not t.continues_previous:
                head = t
        if tables:
            prev = (layout, tables[-1])
        else:
            prev = None
            head = None
