"""Ruled table builder on synthetic page layouts (words + ruling segments)."""

from __future__ import annotations

from extractors.grid import PageLayout, Segment, Word
from extractors.ruled import build_ruled_tables, cell_text, column_edges, word_coverage


def hline(y: float, x0: float, x1: float) -> Segment:
    return Segment(x0, y, x1, y)


def vline(x: float, top: float, bottom: float) -> Segment:
    return Segment(x, top, x, bottom)


def word(text: str, x: float, y: float, conf: float = 1.0, font: str = "Times") -> Word:
    return Word(text=text, x0=x, top=y, x1=x + 6 * len(text), bottom=y + 10,
                fontname=font, confidence=conf)


def grid_segments(xs: list[float], ys: list[float], skip_v: set = frozenset(),
                  skip_h: set = frozenset()) -> list[Segment]:
    """Full grid on xs × ys; skip_v {(col_boundary, row)} / skip_h {(row_boundary, col)} leave gaps."""
    segs = []
    for i, y in enumerate(ys):
        for j in range(len(xs) - 1):
            if (i, j) not in skip_h:
                segs.append(hline(y, xs[j], xs[j + 1]))
    for j, x in enumerate(xs):
        for i in range(len(ys) - 1):
            if (j, i) not in skip_v:
                segs.append(vline(x, ys[i], ys[i + 1]))
    return segs


XS = [50.0, 100.0, 300.0, 400.0, 500.0]
YS = [100.0, 130.0, 160.0, 200.0, 240.0]


def test_plain_grid_cells_and_text_lines():
    words = [word("№", 55, 105), word("Мероприятие", 105, 105), word("Срок", 305, 105),
             word("Итог", 405, 105),
             word("1", 55, 135), word("Первая", 105, 135), word("строка", 150, 135),
             word("второй", 105, 146), word("2021", 305, 135)]
    lay = PageLayout(1, 600, 800, words=words, segments=grid_segments(XS, YS[:3]))
    (t,) = build_ruled_tables(lay)
    assert t.n_cols == 4 and len(t.rows) == 2
    assert [c.text for c in t.rows[0].cells] == ["№", "Мероприятие", "Срок", "Итог"]
    assert t.rows[1].cells[1].text == "Первая строка\nвторой"
    assert t.rows[1].cells[3].empty
    assert all(c.page == 1 and c.bbox is not None for r in t.rows for c in r.cells)
    assert t.rows[1].page == 1 and t.rows[1].bbox == (50.0, 130.0, 500.0, 160.0)


def test_missing_vertical_line_gives_one_colspan_cell():
    # the boundary x=300 is missing in row 1 (between YS[1] and YS[2]) -> heading row spanning 2 columns
    segs = grid_segments(XS, YS, skip_v={(2, 1)})
    words = [word("Раздел", 105, 135), word("A", 55, 105), word("B", 305, 105)]
    lay = PageLayout(1, 600, 800, words=words, segments=segs)
    (t,) = build_ruled_tables(lay)
    row = t.rows[1]
    merged = row.cell_at(2)
    assert merged is row.cell_at(1)
    assert (merged.col, merged.colspan, merged.text) == (1, 2, "Раздел")
    assert len(row.cells) == 3                 # no repeated / None cell for the covered column
    assert t.n_cols == 4


def test_missing_horizontal_line_gives_rowspan_and_absent_covered_cell():
    # the line y=200 is missing under column 0 -> column 0 cell spans rows 2 and 3
    segs = grid_segments(XS, YS, skip_h={(3, 0)})
    words = [word("7", 55, 165), word("first", 105, 165), word("second", 105, 205)]
    lay = PageLayout(1, 600, 800, words=words, segments=segs)
    (t,) = build_ruled_tables(lay)
    assert len(t.rows) == 4
    top, below = t.rows[2], t.rows[3]
    assert top.cells[0].text == "7" and top.cells[0].rowspan == 2
    assert [c.col for c in below.cells] == [1, 2, 3]   # covered position simply absent
    assert below.cells[0].text == "second"


def test_two_level_header_with_year_columns():
    xs = [50.0, 100.0, 300.0, 350.0, 400.0, 450.0]
    ys = [100.0, 120.0, 140.0, 170.0]
    # "Целевые индикаторы" spans the 3 year columns in the first header row;
    # "№" and "Мероприятие" span both header rows
    segs = grid_segments(xs, ys, skip_v={(3, 0), (4, 0)}, skip_h={(1, 0), (1, 1)})
    words = [word("№", 55, 115), word("Мероприятие", 105, 115), word("Целевые", 305, 104),
             word("2021", 305, 124), word("2022", 355, 124), word("2023", 405, 124),
             word("1", 55, 145), word("Дело", 105, 145), word("5", 305, 145)]
    lay = PageLayout(1, 800, 600, words=words, segments=segs)
    (t,) = build_ruled_tables(lay)
    h1, h2 = t.rows[0], t.rows[1]
    assert [(c.col, c.colspan, c.rowspan) for c in h1.cells] == [(0, 1, 2), (1, 1, 2), (2, 3, 1)]
    assert [c.text for c in h2.cells] == ["2021", "2022", "2023"]
    assert [c.col for c in h2.cells] == [2, 3, 4]
    assert t.rows[2].cell_at(2).text == "5"


def test_two_tables_on_one_page_top_to_bottom():
    segs = grid_segments([50, 200, 400], [400, 430, 460]) + grid_segments([50, 150, 300, 450], [100, 130, 160])
    words = [word("low", 55, 405), word("high", 55, 105)]
    lay = PageLayout(3, 600, 800, words=words, segments=segs)
    t1, t2 = build_ruled_tables(lay)
    assert t1.n_cols == 3 and t1.rows[0].cells[0].text == "high"
    assert t2.n_cols == 2 and t2.rows[0].cells[0].text == "low"
    assert t1.page_start == t1.page_end == 3


def test_frames_without_text_and_single_boxes_are_not_tables():
    segs = grid_segments([50, 550], [50, 750]) + grid_segments([100, 200, 300], [600, 650, 700])
    lay = PageLayout(1, 600, 800, words=[word("outside", 400, 300)], segments=segs)
    assert build_ruled_tables(lay) == []


def test_lines_as_thin_rectangles_and_broken_dashes_are_merged():
    segs = []
    for y in YS[:3]:   # each horizontal rule drawn as a 0.8pt rectangle: two edges close together
        segs += [hline(y - 0.4, XS[0], XS[-1]), hline(y + 0.4, XS[0], XS[-1])]
    for x in XS:       # vertical rules drawn as dashes with 2pt gaps
        top = YS[0]
        while top < YS[2]:
            segs.append(vline(x, top, min(top + 8, YS[2])))
            top += 10
    lay = PageLayout(1, 600, 800, words=[word("x", 105, 135)], segments=segs)
    (t,) = build_ruled_tables(lay)
    assert t.n_cols == 4 and len(t.rows) == 2
    assert t.rows[1].cell_at(1).text == "x"


def test_ocr_confidence_and_bold():
    words = [word("a", 105, 105, conf=0.5), word("b", 150, 105, conf=0.9),
             word("Жирный", 305, 105, font="Arial-BoldMT")]
    lay = PageLayout(1, 600, 800, words=words, segments=grid_segments(XS, YS[:2]), source="ocr")
    (t,) = build_ruled_tables(lay)
    cells = t.rows[0].cells
    assert abs(cells[1].confidence - 0.7) < 1e-9
    assert cells[2].bold and not cells[1].bold
    assert t.extractor.endswith("ocr")


def test_word_coverage_spots_broken_grid():
    words = [word("in", 105, 135), word("out", 105, 300)]
    segs = grid_segments(XS, YS[:3]) + [vline(50, 160, 320)]  # a lone rule below: no cell there
    lay = PageLayout(1, 600, 800, words=words, segments=segs)
    tables = build_ruled_tables(lay)
    assert word_coverage(lay, tables) == 0.5


def test_column_edges_and_cell_text():
    lay = PageLayout(1, 600, 800, words=[word("z", 55, 105)], segments=grid_segments(XS, YS[:2]))
    (t,) = build_ruled_tables(lay)
    assert column_edges(t) == XS
    assert cell_text([word("b", 30, 100), word("a", 10, 101), word("c", 10, 115)], right=200) == "a b\nc"


def test_text_between_two_tables_is_not_counted_as_missed():
    segs = grid_segments([50, 200, 400], [100, 130]) + grid_segments([50, 200, 400], [300, 330])
    words = [word("top", 55, 105), word("Heading", 55, 200), word("between", 120, 215),
             word("Title", 55, 20), word("low", 55, 305)]
    lay = PageLayout(1, 600, 800, words=words, segments=segs)
    tables = build_ruled_tables(lay)
    assert len(tables) == 2 and word_coverage(lay, tables) == 1.0


def test_open_bottom_is_closed_between_side_borders():
    segs = grid_segments(XS, YS[:3]) + [vline(50, 160, 320), vline(500, 160, 320)]
    lay = PageLayout(1, 600, 800, words=[word("out", 105, 300)], segments=segs)
    (t,) = build_ruled_tables(lay)
    assert t.rows[-1].cells[0].colspan == 4 and t.rows[-1].cells[0].text == "out"


def test_table_without_left_and_right_borders_is_closed():
    segs = [s for s in grid_segments(XS, YS) if s.horizontal or s.x0 not in (XS[0], XS[-1])]
    words = [word("1", 55, 135), word("last", 405, 205)]
    lay = PageLayout(1, 600, 800, words=words, segments=segs)
    (t,) = build_ruled_tables(lay)
    assert t.n_cols == 4 and len(t.rows) == 4
    assert t.rows[1].cell_at(0).text == "1" and t.rows[3].cell_at(3).text == "last"
    assert word_coverage(lay, [t]) == 1.0


def _scan_grid(segs, words):
    return PageLayout(1, 600, 800, words=words, segments=segs, source="ocr")


def test_a_scans_row_rule_broken_off_at_an_inner_column_rule_over_a_full_width_row_is_mended():
    # header row 100-130; a full-width section row 130-160 (no column rules); body rows below.
    # The rule under the header lost its piece over column 0 (50-100): the "№" cell would reach
    # into the section row while the section row reaches across column 0
    segs = [hline(100, 50, 500), hline(130, 100, 500), hline(160, 50, 500), hline(200, 50, 500),
            vline(50, 100, 200), vline(500, 100, 200)]
    segs += [vline(x, 100, 130) for x in (100, 300, 400)] + [vline(x, 160, 200) for x in (100, 300, 400)]
    words = [word("№", 55, 105), word("Мероприятие", 105, 105), word("Срок", 305, 105), word("Итог", 405, 105),
             word("Раздел", 55, 135), word("1", 55, 165), word("Первое", 105, 165)]
    tables = build_ruled_tables(_scan_grid(segs, words))
    assert len(tables) == 1
    (t,) = tables
    assert [c.text for c in t.rows[0].cells] == ["№", "Мероприятие", "Срок", "Итог"]
    assert t.rows[1].cells[0].text == "Раздел" and t.rows[1].cells[0].colspan == 4


def test_a_real_rowspan_of_the_first_column_is_kept_on_a_scan():
    # "№" spans two header rows: its column rule runs on below the rule that stops at it (a "T")
    segs = grid_segments(XS, YS, skip_h={(1, 0)})
    words = [word("№", 55, 105), word("Срок", 305, 105), word("2021", 305, 135), word("1", 55, 165)]
    (t,) = build_ruled_tables(_scan_grid(segs, words))
    assert t.rows[0].cells[0].text == "№" and t.rows[0].cells[0].rowspan == 2



def test_a_stamps_stroke_ending_at_a_broken_column_rule_is_not_taken_for_a_row_rule():
    # column rule x=300 broken between 140 and 170; a stroke of a stamp (200-300 at y=140) ends
    # there: it meets one column rule only, and is not carried on to the next one
    segs = [hline(100, 50, 500), hline(200, 50, 500), vline(50, 100, 200), vline(500, 100, 200),
            vline(100, 100, 200), vline(400, 100, 200), vline(300, 100, 140), vline(300, 170, 200),
            hline(140, 210, 300)]
    words = [word("1", 55, 105), word("Первое", 105, 105), word("ЦЗН", 305, 105), word("Май", 405, 105)]
    (t,) = build_ruled_tables(_scan_grid(segs, words))
    assert len(t.rows) == 1


def test_cells_meeting_a_thick_scanned_rule_at_either_edge_make_one_row():
    # measured on a colour photocopy: row 1.1 ended at 564 pt, row 1.2 started at 564 in two
    # columns and at 566 in the rest; the 2 pt "row" between cut row 1.2 into two rows
    from extractors.ruled import table_from_boxes

    xs = [50.0, 100.0, 300.0, 400.0]
    boxes = [(xs[c], 100.0, xs[c + 1], 150.0) for c in range(3)]
    boxes += [(xs[c], 150.0 if c == 0 else 152.0, xs[c + 1], 200.0) for c in range(3)]
    words = [word("1.1", 55, 110), word("Первое", 105, 110), word("Май", 305, 110),
             word("1.2", 55, 160), word("Второе", 105, 160), word("Июнь", 305, 160)]
    table = table_from_boxes(boxes, PageLayout(1, 600, 800, words=words, source="ocr"))
    assert [[c.text for c in r.cells] for r in table.rows] == [["1.1", "Первое", "Май"], ["1.2", "Второе", "Июнь"]]


def test_a_scanned_rule_found_twice_a_few_points_apart_makes_no_empty_row():
    # measured on a grey photocopy: the top border found at 68 and 72 pt; the empty 4 pt row above
    # the header hid it and the document was refused ("no activity table found")
    words = [word("№", 55, 105), word("Мероприятие", 105, 105), word("Срок", 305, 105), word("Итог", 405, 105),
             word("1", 55, 135), word("Первое", 105, 135), word("2021", 305, 135), word("Есть", 405, 135)]
    segs = grid_segments(XS, YS[:3]) + [hline(YS[0] - 4.5, XS[0], XS[-1])] + [vline(x, YS[0] - 4.5, YS[0]) for x in XS]
    table = build_ruled_tables(PageLayout(1, 600, 800, words=words, segments=segs, source="ocr"))[0]
    assert [c.text for c in table.rows[0].cells] == ["№", "Мероприятие", "Срок", "Итог"]
    text = build_ruled_tables(PageLayout(1, 600, 800, words=words, segments=segs))[0]
    assert len(text.rows) == 3                 # a text PDF keeps what its rules draw
