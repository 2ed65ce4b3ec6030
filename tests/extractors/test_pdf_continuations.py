"""extractors.pdf_continuations: a table fragment at the top of a page continues the previous one."""
from __future__ import annotations

from extractors.grid import Cell, PageLayout, Row, Table
from extractors.pdf_continuations import mark_continuations

EDGES = (40.0, 100.0, 300.0)


def _table(page: int, rows: list[list[str]], top: float) -> Table:
    out = []
    for i, texts in enumerate(rows):
        y = top + 20 * i
        out.append(Row([Cell(t, k, page=page, bbox=(EDGES[k], y, EDGES[k + 1], y + 20)) for k, t in enumerate(texts)],
                       page=page, bbox=(EDGES[0], y, EDGES[-1], y + 20)))
    return Table(rows=out, n_cols=2, page_start=page, page_end=page, extractor="pdfplumber")


def test_a_fragment_at_the_top_of_the_next_page_continues_the_table_and_its_repeated_header_is_marked():
    head = ["№", "Мероприятие"]
    first = _table(1, [head, ["1", "Первое"]], top=600)
    second = _table(2, [head, ["2", "Второе"]], top=50)
    pages = [(PageLayout(page_no=1, width=595, height=842), [first]), (PageLayout(page_no=2, width=595, height=842), [second])]
    mark_continuations(pages)
    assert second.continues_previous
    assert first.rows[0].is_header and second.rows[0].is_header and not second.rows[1].is_header
    # a table lower down the next page, with text above it, starts a table of its own
    low = _table(2, [head, ["2", "Второе"]], top=500)
    from extractors.grid import Word
    words = [Word(f"строка{i}", 40, 60 + 20 * i, 200, 72 + 20 * i) for i in range(5)]
    mark_continuations([(PageLayout(page_no=1, width=595, height=842), [_table(1, [head, ["1", "Первое"]], 600)]),
                        (PageLayout(page_no=2, width=595, height=842, words=words), [low])])
    assert not low.continues_previous


def test_a_scanned_pages_table_lying_a_little_sideways_still_continues_the_table():
    """A scanner places each sheet a little differently: the next page's table lies 8 pt to the
    right (its borders and column rules alike); it is the same table. A table whose right border
    does not move with its left, or one far off, is not."""
    from extractors.pdf_continuations import _match_edges

    prev = [84.6, 115.9, 285.8, 342.7, 405.1, 515.5, 589.1]
    assert _match_edges(prev, [x + 8.0 for x in prev]) == list(range(7))
    assert _match_edges(prev, [92.6, 293.8, 597.1]) == [0, 2, 6]          # merged columns, shifted
    assert _match_edges(prev, [x + 8.0 for x in prev[:-1]] + [prev[-1]]) is None
    assert _match_edges(prev, [x + 50.0 for x in prev]) is None
    assert _match_edges(prev, prev) == list(range(7))
