"""Checks of a scanned table's column rules (stray, doubled, run through by text), alone and
through ``extractors.ruled.build_ruled_tables``."""

from __future__ import annotations

from extractors.grid import PageLayout, Segment, Word
from extractors.ruled import build_ruled_tables, column_edges
from extractors.scan_grid import drop_weak_columns, merge_across_text

XS = [50.0, 90.0, 250.0, 350.0, 500.0]
YS = [100.0, 130.0, 170.0, 210.0, 250.0, 290.0, 330.0]


def word(text: str, x: float, y: float, conf: float = 0.95, width: float = 0.0) -> Word:
    return Word(text=text, x0=x, top=y, x1=x + (width or 6 * len(text)), bottom=y + 10, confidence=conf)


def boxes_of(xs: list[float], ys: list[float]) -> list[tuple[float, float, float, float]]:
    return [(a, t, b, u) for t, u in zip(ys, ys[1:]) for a, b in zip(xs, xs[1:])]


def grid_segments(xs: list[float], ys: list[float]) -> list[Segment]:
    return ([Segment(xs[0], y, xs[-1], y) for y in ys]
            + [Segment(x, ys[0], x, ys[-1]) for x in xs])


def rows_words() -> list[Word]:
    """A number, a title, a party and a deadline in every row below the header."""
    out = []
    for i, (t, _u) in enumerate(zip(YS[1:], YS[2:])):
        out += [word(f"1.{i + 1}", 56, t + 5), word("Разработка", 96, t + 5), word("ЦЗН", 256, t + 5),
                word("2020", 356, t + 5)]
    return out


def test_a_stray_boundary_in_one_row_is_dropped_and_its_cells_joined():
    boxes = boxes_of(XS, YS)
    # a letter stroke made a rule in the title cell of row 3 only: that cell comes out as two
    row = (YS[3], YS[4])
    boxes = [b for b in boxes if not (b[0] == 90.0 and b[1] == row[0])]
    boxes += [(90.0, row[0], 170.0, row[1]), (170.0, row[0], 250.0, row[1])]
    out = drop_weak_columns(boxes, rows_words())
    assert sorted({b[0] for b in out} | {b[2] for b in out}) == XS
    assert (90.0, row[0], 250.0, row[1]) in out
    assert len(out) == len(boxes_of(XS, YS))


def test_a_column_rule_missing_in_heading_rows_stays():
    boxes = boxes_of(XS, YS)
    # rows 2 and 4 are full-width section headings: no inner rule there
    for r in (2, 4):
        boxes = [b for b in boxes if b[1] != YS[r]] + [(XS[0], YS[r], XS[-1], YS[r + 1])]
    out = drop_weak_columns(boxes, rows_words())
    assert sorted(out) == sorted(boxes)


def test_a_doubled_outer_rule_leaves_no_empty_narrow_column():
    xs = XS + [506.0]
    out = drop_weak_columns(boxes_of(xs, YS), rows_words())
    assert max(b[2] for b in out) == 500.0
    assert len(out) == len(boxes_of(XS, YS))


def test_a_narrow_column_that_holds_words_stays():
    xs = [50.0, 58.0, 90.0, 250.0, 350.0, 500.0]
    words = rows_words() + [word("a", 51, YS[2] + 5, width=5)]
    out = drop_weak_columns(boxes_of(xs, YS), words)
    assert sorted(out) == sorted(boxes_of(xs, YS))


def test_a_table_with_one_inner_boundary_is_left_alone():
    boxes = [(50.0, 100.0, 90.0, 130.0), (90.0, 100.0, 300.0, 130.0), (50.0, 130.0, 300.0, 160.0)]
    assert drop_weak_columns(boxes, []) == boxes


def test_a_word_running_across_a_boundary_joins_the_cells():
    boxes = [(50.0, 100.0, 200.0, 120.0), (200.0, 100.0, 400.0, 120.0)]
    words = [word("1.", 150, 105), word("Нормативное", 170, 105, width=60)]    # 170–230 crosses 200
    assert merge_across_text(boxes, words) == [(50.0, 100.0, 400.0, 120.0)]


def test_a_number_box_widened_to_the_rule_keeps_it():
    # an item number centred in its cell, its OCR box widened by the erased rule's trace
    boxes = [(50.0, 100.0, 102.6, 118.0), (102.6, 100.0, 400.0, 118.0)]
    words = [word("4", 80.3, 102, width=22.3), word("Использование", 108.0, 102, width=94)]
    assert merge_across_text(boxes, words) == boxes


def test_cell_text_with_its_padding_keeps_the_rule():
    boxes = [(50.0, 100.0, 200.0, 114.0), (200.0, 100.0, 400.0, 114.0)]
    words = [word("Разработка", 134.0, 102, width=60), word("ЦЗН", 205.0, 102, width=20)]
    assert merge_across_text(boxes, words) == boxes


def test_a_speck_or_an_unsure_run_across_a_rule_keeps_it():
    boxes = [(50.0, 100.0, 200.0, 114.0), (200.0, 100.0, 400.0, 114.0)]
    speck = word("*.", 195.0, 102, conf=0.9, width=10)
    run_together = word("4 _МОУО", 180.0, 102, conf=0.9, width=50)
    unsure = word("Нормативное", 170, 102, conf=0.3, width=60)
    for w in (speck, run_together, unsure):
        assert merge_across_text(boxes, [w]) == boxes


def test_a_scanned_table_keeps_its_columns_despite_a_stray_rule_piece():
    segs = grid_segments(XS, YS) + [Segment(170.0, YS[3], 170.0, YS[4])]
    layout = PageLayout(page_no=1, width=600, height=800, words=rows_words(), segments=segs, source="ocr")
    (table,) = build_ruled_tables(layout)
    assert table.n_cols == 4
    assert [round(x) for x in column_edges(table)] == [round(x) for x in XS]
    # a born-digital table's rules are all real: the same piece is a column there
    text = PageLayout(page_no=1, width=600, height=800, words=rows_words(), segments=segs, source="text")
    (table,) = build_ruled_tables(text)
    assert table.n_cols == 5


def test_a_column_rule_drawn_at_two_places_is_one_boundary():
    # a hand-edited table: the rule between the deadline and party columns sits at 340 in some
    # rows and at 350 in others; the text of the wider cells lies over the narrow strip
    ys = YS[1:]
    boxes = []
    for k, (t, u) in enumerate(zip(ys, ys[1:])):
        x = 340.0 if k % 2 else 350.0
        boxes += [(50.0, t, 90.0, u), (90.0, t, 250.0, u), (250.0, t, x, u), (x, t, 500.0, u)]
    words = rows_words() + [word("закупках", 320.0, ys[0] + 20, width=40)]
    out = drop_weak_columns(boxes, words)
    assert len({b[0] for b in out} | {b[2] for b in out}) == 5
    assert len(out) == len(boxes)


def test_a_jogged_rule_joined_to_its_twin_does_not_swallow_the_text_after_it():
    # the rule between deadline and party sits at 350 in most rows and at 340 in one, whose
    # party text starts right after it: joining 340 to 350 must not join that row's two cells
    ys = YS[1:]
    segs = [Segment(50.0, y, 500.0, y) for y in ys]
    segs += [Segment(x, ys[0], x, ys[-1]) for x in (50.0, 90.0, 250.0, 500.0)]
    words = []
    for k, (t, u) in enumerate(zip(ys, ys[1:])):
        x = 340.0 if k == 1 else 350.0
        segs.append(Segment(x, t, x, u))
        words += [word(f"1.{k + 1}", 56, t + 5), word("Мониторинг", 96, t + 5),
                  word("постоянно", 256, t + 5, width=54), word("Заместитель", x + 3, t + 5, width=60)]
    layout = PageLayout(page_no=1, width=600, height=800, words=words, segments=segs, source="ocr")
    (table,) = build_ruled_tables(layout)
    assert table.n_cols == 4
    for row in table.rows:
        assert [c.text for c in row.cells][2:] == ["постоянно", "Заместитель"]


def test_a_box_widened_by_a_speck_over_the_rule_keeps_it():
    # "Проведение" read with a speck left of its first letter: its box runs 7 points (one letter)
    # into the number cell, the rest of its ten letters on the right of the rule
    boxes = [(84.6, 424.0, 113.0, 475.0), (113.0, 424.0, 368.0, 475.0)]
    words = [word("2", 85.3, 426, width=13), word("Проведение", 105.8, 426, conf=0.62, width=76.4)]
    assert merge_across_text(boxes, words) == boxes


def test_a_signature_line_over_a_cell_is_no_row_rule():
    from extractors.ruled import _edge
    from extractors.scan_grid import drop_stray_row_rules

    vs = [_edge("v", x, 72.0, 250.0) for x in (84.6, 115.7, 285.8, 342.5)]
    rows = [_edge("h", y, 84.6, 342.5) for y in (72.0, 196.0, 250.0)]
    signature = [_edge("h", 190.6, 250.6, 316.1), _edge("h", 221.6, 252.7, 291.6)]
    under_merged_header = _edge("h", 100.0, 115.7, 342.5)      # ends on column rules: stays
    kept = drop_stray_row_rules(vs + rows + signature + [under_merged_header], 4.0)
    assert kept == vs + rows + [under_merged_header]
