"""Borderless tables from a run of page layouts: the five steps in order (see ``extractors.borderless``)."""

from __future__ import annotations

from extractors.grid import PageLayout, Table
from extractors.borderless.segments import page_text, segment_pages
from extractors.borderless.columns import drop_trailing_paragraphs, number_column, set_columns
from extractors.borderless.rows import body_row, fragment_rows, rows_touch
from extractors.borderless.headers import header_rows


def build_borderless_tables(layouts: list[PageLayout]) -> list[list[Table]]:
    """Tables of consecutive borderless pages: one list of tables per input page."""
    pages = {i: page_text(i, lay) for i, lay in enumerate(layouts)}
    tables = segment_pages([pages[i] for i in range(len(layouts))])
    per_page: list[list[Table]] = [[] for _ in layouts]
    for table in tables:
        set_columns(table, pages)
        if table.n_cols < 2:
            continue
        for frag in table.fragments:
            frag.body = drop_trailing_paragraphs(frag.body, table)
        num_col = number_column(table)
        touching = rows_touch(table, {i: pt.row_gap for i, pt in pages.items()}, num_col)
        for frag in table.fragments:
            pt = pages[frag.page_index]
            page_no = pt.layout.page_no
            rows = header_rows(frag.header, table, page_no, pt.h, frag.header_repeat)
            for row in fragment_rows(frag, table, pt.row_gap, num_col, touching):
                rows.append(body_row(row, table, page_no, pt.h))
            if not rows:
                continue
            per_page[frag.page_index].append(Table(
                rows=rows, n_cols=table.n_cols, page_start=page_no, page_end=page_no,
                continues_previous=frag.continues_previous,
                extractor="ocr-borderless" if pt.layout.source == "ocr" else "pdf-borderless",
            ))
    return per_page
