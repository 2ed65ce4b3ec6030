"""Ruled grids where a rule is missing in part of a row (extractors.cell_boxes via extractors.ruled)."""

from __future__ import annotations

from extractors.cell_boxes import cut_overlaps, split_unruled_spans
from extractors.grid import PageLayout, Segment, Word
from extractors.ruled import find_cell_boxes, table_from_boxes

XS = (0.0, 30.0, 200.0, 280.0)


def h(y: float, x0: float = XS[0], x1: float = XS[-1]) -> Segment:
    return Segment(x0, y, x1, y)


def v(x: float, top: float, bottom: float) -> Segment:
    return Segment(x, top, x, bottom)


def line(text: str, x: float, top: float, height: float = 8.0) -> list[Word]:
    out, cur = [], x + 2
    for t in text.split():
        out.append(Word(t, cur, top, cur + 6 * len(t), top + height))
        cur += 6 * len(t) + 4
    return out


def rows_of(layout: PageLayout) -> list[list[str]]:
    (boxes,) = find_cell_boxes(layout)
    table = table_from_boxes(boxes, layout)
    return [[c.text for c in r.cells] for r in table.rows]


def two_rows_title_rule_missing(source: str, gap_lines: bool) -> PageLayout:
    """Header, row 1.1 and row 1.2; the rule between the rows is missing in the title column."""
    segs = [h(0), h(20), h(100), v(0, 0, 100), v(30, 0, 100), v(200, 0, 100), v(280, 0, 100),
            h(60, XS[0], XS[1]), h(60, XS[2], XS[3])]
    words = line("№", 0, 6) + line("Мероприятие", 30, 6) + line("Срок", 200, 6)
    words += line("1.1", 0, 22) + line("2024", 200, 22) + line("1.2", 0, 62) + line("2025", 200, 62)
    if gap_lines:   # one text per row, each at the top of its own row
        words += line("Провести семинар", 30, 22) + line("Издать приказ", 30, 62)
    else:           # one block, centred over both rows: a true merged cell
        words += line("Общая часть", 30, 48) + line("двух строк", 30, 61)
    return PageLayout(page_no=1, width=300, height=120, words=words, segments=segs, source=source)


def test_scan_cell_whose_words_part_at_a_row_boundary_is_split() -> None:
    rows = rows_of(two_rows_title_rule_missing("ocr", gap_lines=True))
    assert rows[1] == ["1.1", "Провести семинар", "2024"]
    assert rows[2] == ["1.2", "Издать приказ", "2025"]


def test_true_merged_cell_on_a_scan_stays_merged() -> None:
    layout = two_rows_title_rule_missing("ocr", gap_lines=False)
    (boxes,) = find_cell_boxes(layout)
    table = table_from_boxes(boxes, layout)
    title = [c for r in table.rows for c in r.cells if "Общая" in c.text]
    assert len(title) == 1 and title[0].rowspan == 2
    assert title[0].text.split() == ["Общая", "часть", "двух", "строк"]


def test_text_pdf_keeps_its_spans() -> None:
    layout = two_rows_title_rule_missing("text", gap_lines=True)
    (boxes,) = find_cell_boxes(layout)
    table = table_from_boxes(boxes, layout)
    spans = [c.rowspan for r in table.rows for c in r.cells if "Провести" in c.text]
    assert spans == [2]


def test_heading_row_whose_lower_rule_is_missing_in_one_column_does_not_swallow_the_next_row() -> None:
    segs = [h(0), h(20), h(40, XS[0], XS[1]), h(40, XS[2], XS[3]), h(80),
            v(0, 0, 80), v(280, 0, 80), v(30, 0, 20), v(200, 0, 20), v(30, 40, 80), v(200, 40, 80)]
    words = (line("№", 0, 6) + line("Мероприятие", 30, 6) + line("Срок", 200, 6)
             + line("1. Организационные мероприятия", 40, 26)
             + line("1.1", 0, 44) + line("Провести семинар", 30, 44) + line("2024", 200, 44))
    rows = rows_of(PageLayout(1, 300, 100, words, segs, source="text"))
    assert rows[1] == ["1. Организационные мероприятия"]
    assert rows[2] == ["1.1", "Провести семинар", "2024"]


def test_cut_overlaps_leaves_disjoint_boxes_alone() -> None:
    boxes = [(0, 0, 10, 10), (10, 0, 20, 10), (0, 10, 20, 20)]
    assert cut_overlaps(boxes) == boxes


def test_split_needs_words_on_both_sides() -> None:
    box = (0.0, 0.0, 100.0, 80.0)
    words = line("один", 0, 2)
    assert split_unruled_spans([box], words, [0.0, 40.0, 80.0]) == [box]


def test_words_under_a_widely_broken_rule_keep_their_cell() -> None:
    """The top rule of a page's first row broken over the title column (a photocopy): the
    continuation text there stays a cell of that row instead of being dropped."""
    segs = [h(0, 0, 60), h(0, 150, 280), h(30), h(70), v(0, 0, 70), v(30, 0, 70),
            v(200, 0, 70), v(280, 0, 70)]
    words = (line("продолжение текста", 30, 8) + line("вопросам", 200, 8)
             + line("1.5", 0, 34) + line("Обеспечить контроль", 30, 34) + line("2024", 200, 34))
    rows = rows_of(PageLayout(1, 300, 80, words, segs, source="ocr"))
    assert rows[0] == ["", "продолжение текста", "вопросам"]
    assert rows[1] == ["1.5", "Обеспечить контроль", "2024"]


def test_scan_cell_whose_words_keep_clear_of_a_lost_column_rule_is_split() -> None:
    segs = [h(0), h(20), h(40), v(0, 0, 40), v(30, 0, 40), v(200, 0, 20), v(280, 0, 40)]
    words = (line("№", 0, 6) + line("Мероприятие", 30, 6) + line("Срок", 200, 6)
             + line("17", 0, 26) + line("Оздоровление детей", 30, 26) + line("июнь", 205, 26))
    rows = rows_of(PageLayout(1, 300, 60, words, segs, source="ocr"))
    assert rows[1] == ["17", "Оздоровление детей", "июнь"]


def test_heading_text_across_column_boundaries_keeps_its_span() -> None:
    segs = [h(0), h(20), h(40), v(0, 0, 40), v(30, 0, 20), v(200, 0, 20), v(280, 0, 40)]
    words = line("№", 0, 6) + line("Мероприятие", 30, 6) + line("Срок", 200, 6)
    words += line("1. Организационные мероприятия и контроль их исполнения", 20, 26)
    layout = PageLayout(1, 300, 60, words, segs, source="ocr")
    (boxes,) = find_cell_boxes(layout)
    table = table_from_boxes(boxes, layout)
    assert [c.colspan for c in table.rows[1].cells] == [3]


def test_row_box_over_cells_that_start_at_its_top_is_cut_around_them() -> None:
    # the column rules of a row were found down to a stray line in the right-hand columns only:
    # the whole row also comes out as one box over those cells
    row = (50.0, 100.0, 500.0, 160.0)
    cells = [(200.0, 100.0, 300.0, 150.0), (300.0, 100.0, 400.0, 150.0), (400.0, 100.0, 500.0, 150.0)]
    out = sorted(cut_overlaps([row] + cells))
    assert out == sorted(cells + [(50.0, 100.0, 200.0, 160.0), (200.0, 150.0, 300.0, 160.0),
                                  (300.0, 150.0, 400.0, 160.0), (400.0, 150.0, 500.0, 160.0)])
    assert all(not (a != b and a[0] <= b[0] and a[1] <= b[1] and a[2] >= b[2] and a[3] >= b[3])
               for a in out for b in out)


def test_a_rule_remnant_read_as_a_dash_does_not_keep_a_header_cell_merged() -> None:
    # the header's rule between "№" and the title column lost, its remnant read as "—" across it
    segs = [h(0), h(20), h(40), v(0, 0, 40), v(30, 20, 40), v(200, 0, 40), v(280, 0, 40)]
    words = (line("№", 0, 6) + [Word("—", 26, 6, 34, 14)] + line("Мероприятие", 36, 6) + line("Срок", 200, 6)
             + line("17", 0, 26) + line("Оздоровление детей", 36, 26) + line("июнь", 205, 26))
    rows = rows_of(PageLayout(1, 300, 60, words, segs, source="ocr"))
    assert len(rows[0]) == 3 and rows[0][1].endswith("Мероприятие") and rows[1][1] == "Оздоровление детей"


def continued_row_then_item(number_top: float) -> PageLayout:
    """A page's first row continues the last page's item (no number, no title); the rule under it
    is lost in the number column only, so that column's cell spans it and the next item."""
    segs = [h(0), h(20), h(100), v(0, 0, 100), v(30, 0, 100), v(200, 0, 100), v(280, 0, 100),
            h(60, XS[1], XS[3])]
    words = line("№", 0, 6) + line("Мероприятие", 30, 6) + line("Срок", 200, 6)
    words += line("2023 г.", 200, 22) + line("4.", 0, number_top)
    words += line("Оснащение центров", 30, 62) + line("2024 год", 200, 62)
    return PageLayout(page_no=2, width=300, height=120, words=words, segments=segs, source="ocr")


def test_an_item_number_under_a_lost_rule_stays_in_its_own_row() -> None:
    rows = rows_of(continued_row_then_item(number_top=62))
    assert rows[1] == ["", "", "2023 г."]
    assert rows[2] == ["4.", "Оснащение центров", "2024 год"]


def test_a_number_level_with_no_row_of_its_own_keeps_the_span() -> None:
    """The number lies in the lower row but well below its first line: no lost rule shows."""
    layout = continued_row_then_item(number_top=84)
    (boxes,) = find_cell_boxes(layout)
    table = table_from_boxes(boxes, layout)
    number = [c for r in table.rows for c in r.cells if c.text == "4."]
    assert len(number) == 1 and number[0].rowspan == 2


def test_a_number_box_touching_the_lost_rules_line_still_parts_the_rows() -> None:
    """An OCR box reaching a point above the row boundary (the rule's trace read with "2.")."""
    segs = [h(0), h(20), h(100), v(0, 0, 100), v(30, 0, 100), v(200, 0, 100), v(280, 0, 100),
            h(60, XS[1], XS[3])]
    words = (line("№", 0, 6) + line("Мероприятие", 30, 6) + line("Срок", 200, 6)
             + line("1", 0, 22) + line("Мониторинг", 30, 22) + line("2023", 200, 22)
             + line("‚2.", 0, 59, height=10) + line("Создание", 30, 62) + line("2024", 200, 62))
    rows = rows_of(PageLayout(1, 300, 120, words, segs, source="ocr"))
    assert rows[1] == ["1", "Мониторинг", "2023"]
    assert rows[2] == ["‚2.", "Создание", "2024"]


def test_a_specks_mark_glued_above_the_first_word_under_a_lost_rule_still_parts_the_rows() -> None:
    box = (0.0, 0.0, 100.0, 80.0)
    words = line("Башкортостан", 0, 6, 10) + line("согласованию)", 0, 19, 10)
    words += [Word("‚РКУ", 2, 38.5, 30, 52), Word("Центр", 34, 43, 64, 53)]      # the mark reaches over y = 41
    words += line("занятости", 0, 58, 10)
    assert split_unruled_spans([box], words, [0.0, 41.0, 80.0]) == [(0.0, 0.0, 100.0, 41.0), (0.0, 41.0, 100.0, 80.0)]


def test_a_rule_remnant_read_as_a_one_across_a_lost_column_rule_parts_the_cell() -> None:
    # the rule between the title and deadline columns lost under a stamp in the body row, a piece
    # of it read as a tall thin "1"; the title cell is empty, the deadline cell holds its words
    segs = [h(0), h(20), h(40), v(0, 0, 40), v(30, 0, 40), v(200, 0, 20), v(280, 0, 40)]
    words = (line("№", 0, 6) + line("Мероприятие", 30, 6) + line("Срок", 200, 6)
             + line("5", 0, 26) + [Word("1", 198, 22, 202, 38)] + line("2024 года", 203, 26))
    rows = rows_of(PageLayout(1, 300, 60, words, segs, source="ocr"))
    assert rows[1][1] == "" and "2024 года" in rows[1][2]
    # a "1" of the text's own height is no piece of a rule: the words stay one merged cell
    words = words[:-3] + [Word("1", 198, 26, 202, 34)] + line("2024 года", 203, 26)
    rows = rows_of(PageLayout(1, 300, 60, words, segs, source="ocr"))
    assert len(rows[1]) == 2
    # ... and a thin "1" of the text's height with words on both sides crosses the boundary as a word: one cell
    words = line("5", 0, 26) + line("Организация", 40, 26) + [Word("1", 199, 26, 201, 34)] + line("2024", 230, 26)
    rows = rows_of(PageLayout(1, 300, 60, line("№", 0, 6) + line("Мероприятие", 30, 6) + line("Срок", 200, 6) + words,
                              segs, source="ocr"))
    assert len(rows[1]) == 2


def test_a_lone_word_whose_own_box_reaches_a_little_above_a_lost_rule_still_parts_the_rows() -> None:
    """A degraded Perm plan: the end-date column's rule between two rows lost, the second date's
    box (a speck's quote read into it, '"3112202') reaching 2 pt above the rows' boundary."""
    box = (0.0, 0.0, 100.0, 300.0)
    words = [Word("31.12.2022", 2, 3, 70, 26), Word("31.12.2022", 2, 139.5, 70, 167)]
    assert split_unruled_spans([box], words, [0.0, 142.0, 300.0]) == [(0.0, 0.0, 100.0, 142.0), (0.0, 142.0, 100.0, 300.0)]
    # a word well across the boundary (half its height above it) does not part them
    across = [Word("31.12.2022", 2, 3, 70, 26), Word("31.12.2022", 2, 130, 70, 157)]
    assert split_unruled_spans([box], across, [0.0, 142.0, 300.0]) == [box]
