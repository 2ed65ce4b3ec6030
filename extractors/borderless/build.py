"""Borderless tables from a run of page layouts: the five steps in order (see ``extractors.borderless``)."""

from __future__ import annotations

import statistics

from extractors.grid import PageLayout, Table
from extractors.borderless.segments import page_text, segment_pages
from extractors.borderless.columns import drop_trailing_paragraphs, number_column, set_columns
from extractors.borderless.rows import body_row, fragment_rows, rows_touch
from extractors.borderless.headers import header_rows
from extractors.borderless.aligned import aligned_rows


def build_borderless_tables(layouts: list[PageLayout]) -> list[list[Table]]:
    """Tables of consecutive borderless pages: one list of tables per input page."""
    pages = {i: page_text(i, lay) for i, lay in enumerate(layouts)}
    tables = segment_pages([pages[i] for i in range(len(layouts))])
    per_page: list[list[Table]] = [[] for _ in layouts]
    for table in tables:
        set_columns(table, pages)
        if table.n_cols < 2:
            continue
        later_rows = False             # a page the table goes on from: a later page holds its rows
        for frag in reversed(table.fragments):
            frag.body = drop_trailing_paragraphs(frag.body, table, continued=later_rows)
            later_rows = later_rows or bool(frag.body)
        num_col = number_column(table)
        row_gaps = {f.page_index: pages[f.page_index].row_gap for f in table.fragments}
        touching = rows_touch(table, row_gaps, num_col)
        h = statistics.median([pages[f.page_index].h for f in table.fragments])
        aligned = aligned_rows(table, num_col, h, row_gaps)
        for frag in table.fragments:
            pt = pages[frag.page_index]
            page_no = pt.layout.page_no
            header, body = (aligned[frag.page_index] if aligned is not None
                            else (frag.header, fragment_rows(frag, table, pt.row_gap, num_col, touching, pt.h)))
            rows = header_rows(header, table, page_no, pt.h, frag.header_repeat)
            for row in body:
                rows.append(body_row(row, table, page_no, pt.h))
            if not rows:
                continue
            per_page[frag.page_index].append(Table(
                rows=rows, n_cols=table.n_cols, page_start=page_no, page_end=page_no,
                continues_previous=frag.continues_previous,
                extractor="ocr-borderless" if pt.layout.source == "ocr" else "pdf-borderless",
            ))
    return per_page
