"""Rules on prepared scans: a long straight rule that only the classic search found is kept (and
erased before recognition); short pieces it found are not added."""

import numpy as np

from extractors.grid import Segment
from extractors.ocr.rules import with_long_rules

DPI = 200
K = 72 / DPI   # points per pixel


def test_a_long_rule_missed_by_the_tolerant_search_is_added_and_erased():
    tolerant = ([Segment(100, 10, 100, 500), Segment(10, 10, 600, 10)], np.zeros((1500, 1800), np.uint8))
    classic = [Segment(100, 12, 100, 498),         # already there
               Segment(345, 20, 345, 400),         # a column rule the tolerant search lost
               Segment(250, 30, 250, 60)]          # 30 pt: could be a letter stem, not added
    segs, mask = with_long_rules(tolerant, classic, DPI, K)
    xs = sorted(round(s.x0) for s in segs if not s.horizontal)
    assert xs == [100, 345]
    col = int(round(345 / K))
    assert mask[int(200 / K), col] == 255 and mask[int(200 / K), int(round(250 / K))] == 0


def test_nothing_to_add_keeps_the_tolerant_result():
    tolerant = ([Segment(100, 10, 100, 500)], np.zeros((10, 10), np.uint8))
    assert with_long_rules(tolerant, [Segment(101, 10, 101, 480)], DPI, K) is tolerant


def _grid(h: int = 400, w: int = 600) -> tuple[np.ndarray, np.ndarray]:
    """Masks of a two-row table: horizontal rules at y 50/200/350, verticals at x 50/300/550."""
    horiz, vert = np.zeros((h, w), np.uint8), np.zeros((h, w), np.uint8)
    for y in (50, 200, 350):
        horiz[y, 50:551] = 255
    for x in (50, 300, 550):
        vert[50:351, x] = 255
    return horiz, vert


def test_a_break_inside_a_row_is_bridged_but_a_merged_cell_is_not():
    from extractors.ocr.rules import bridge_breaks

    horiz, vert = _grid()
    vert[100:120, 550] = 0                 # a photocopy break in the right border (inside a row)
    vert[205:345, 300] = 0                 # the second row is one merged cell: gap crossing to crossing
    ink = np.zeros_like(vert)
    out = bridge_breaks(vert, horiz, ink, DPI, False)
    assert out[100:120, 550].all()
    assert not out[210:340, 300].any()


def test_a_break_with_text_through_it_stays_open():
    from extractors.ocr.rules import bridge_breaks

    horiz, vert = _grid()
    vert[100:120, 550] = 0
    ink = np.zeros_like(vert)
    ink[95:135, 540:560] = 255             # a word written across the line
    assert not bridge_breaks(vert, horiz, ink, DPI, False)[100:120, 550].any()


def test_a_short_floating_horizontal_piece_is_no_rule():
    from extractors.ocr.rules import drop_floating_horizontal

    horiz, vert = _grid()
    horiz[120, 100:250] = 255              # a blurred text line inside the first row
    horiz[200, 320:420] = 0                # a broken rule: the piece 420-499 touches no column rule
    horiz[200, 500:520] = 0                # but lies on one line with pieces that do
    out, strokes = drop_floating_horizontal(horiz, vert, DPI)
    assert not out[120].any() and not strokes[120].any()     # text: not erased either
    assert out[200, 450] == 255 and out[50, 100] == 255


def test_a_stroke_crossing_a_column_rule_with_both_ends_in_cells_is_no_rule():
    """A signature's stroke across the rule between the number and the title columns boxed the
    title's first word in with the number (measured: a degraded Perm plan's item 2.2)."""
    from extractors.ocr.rules import drop_floating_horizontal

    horiz, vert = _grid()
    horiz[130, 240:370] = 255              # crosses the rule at x 300, ends 60 px from either rule
    horiz[260, 300:420] = 255              # a short rule from a column rule on: kept
    out, strokes = drop_floating_horizontal(horiz, vert, DPI)
    assert not out[130].any() and strokes[130, 300] == 255   # erased before recognition
    assert out[260, 350] == 255


def test_two_tables_on_one_line_are_not_joined():
    from extractors.ocr.rules import bridge_breaks

    horiz, vert = _grid()
    vert[150:351, 50] = 0                  # the first table's left border stops at y 150 (its
    vert[230:351, 50] = 255                # bottom rule lost there); the next table starts at 230
    horiz[230, 50:551] = 255
    out = bridge_breaks(vert, horiz, np.zeros_like(vert), DPI, False)
    assert not out[160:220, 50].any()


def test_faded_rules_of_a_clean_copy_are_found():
    import cv2

    from extractors.ocr.image import binarise
    from extractors.ocr.rules import scan_segments

    grey = np.full((1100, 1400), 255, np.uint8)
    xs, ys = (100, 400, 700, 1000, 1300), (100, 300, 500, 700, 900)
    for i, x in enumerate(xs):        # every other column rule faded to light grey
        cv2.line(grey, (x, 100), (x, 900), 185 if i % 2 else 0, 2)
    for y in ys:
        cv2.line(grey, (100, y), (1300, y), 0, 2)
    for y in ys[:-1]:                 # a little black "text" in each row
        for x in xs[:-1]:
            cv2.rectangle(grey, (x + 20, y + 30), (x + 200, y + 45), 0, -1)
    segs, _ = scan_segments(grey, binarise(grey), DPI, K, prepared=False)
    found = {round(s.x0 / K) for s in segs if not s.horizontal and s.bottom - s.top > 300 * K}
    assert all(any(abs(f - x) <= 3 for f in found) for x in xs)


def _stub_page(letters: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A column rule (x 100) that runs on 12 px above the rule at y 80 into a heading row
    (y 50–80) — a letter's stem in line with it; letters beside it or paper."""
    horiz, vert = np.zeros((300, 300), np.uint8), np.zeros((300, 300), np.uint8)
    for y in (50, 80, 250):
        horiz[y, 20:281] = 255
    vert[20:50, 100] = 255
    vert[68:251, 100] = 255
    ink = horiz | vert
    if letters:
        ink[62:78, 88:96] = 255
        ink[62:78, 104:112] = 255
    return vert, horiz, ink


def test_a_letter_stem_in_line_with_a_rule_is_cut_off_it():
    from extractors.ocr.rules import trim_stems

    vert, horiz, ink = _stub_page(letters=True)
    out = trim_stems(vert, horiz, ink, DPI)
    assert not out[68:78, 100].any(), "the stem above the crossing is gone"
    assert out[82:250, 100].all() and out[20:50, 100].all(), "the rule itself stays"
    vert, horiz, ink = _stub_page(letters=False)
    assert trim_stems(vert, horiz, ink, DPI)[68:78, 100].all(), "paper beside: an overshoot stays"


def test_letters_beside_a_gap_stop_a_column_rule_but_not_a_row_rule():
    from extractors.ocr.rules import bridge_breaks

    horiz, vert = _grid()
    vert[100:110, 550] = 0                 # a gap in a column rule ...
    ink = horiz | vert
    ink[98:112, 540:547] = 255             # ... with letters of one text line either side
    ink[98:112, 553:560] = 255
    assert not bridge_breaks(vert, horiz, ink, DPI, False)[100:110, 550].any()
    horiz[200, 150:160] = 0                # a gap in a row rule with text just above and below
    ink = horiz | vert
    ink[190:197, 140:170] = 255
    ink[203:210, 140:170] = 255
    assert bridge_breaks(horiz, vert, ink, DPI, True)[200, 150:160].all()


def _heading_row() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A table whose second row (y 80-120) is a heading merged across both columns: masks of the
    rules, with the column rule at x 300 carried through the heading row, and the page's ink."""
    horiz, vert = np.zeros((300, 600), np.uint8), np.zeros((300, 600), np.uint8)
    for y in (50, 80, 120, 250):
        horiz[y - 1:y + 2, 50:551] = 255
    vert[50:251, 299:302] = 255
    ink = horiz.copy()
    ink[50:81, 300] = ink[120:251, 300] = 255            # the column rule, above and below the heading
    return horiz, vert, ink


def test_a_letter_stem_joining_a_column_rule_through_a_heading_row_is_cut():
    from extractors.ocr.rules import cut_stem_spans

    horiz, vert, ink = _heading_row()
    ink[88:112, 300] = 255                               # "п" of the heading under the rule: its stem ...
    ink[88:91, 300:311] = ink[88:112, 310] = 255         # ... top bar and second stem
    ink[95:112, 286:294] = 255                           # the letter before it
    out = cut_stem_spans(vert, horiz, ink, DPI)
    assert not out[90:110, 300].any()
    assert out[60:75, 300].all() and out[130:240, 300].all()


def test_a_broken_or_faded_rule_through_a_row_stays():
    from extractors.ocr.rules import cut_stem_spans

    horiz, vert, ink = _heading_row()
    ink[81:100, 300] = ink[106:120, 300] = 255           # a rule with a photocopy break, from a crossing
    ink[95:112, 286:294] = ink[95:112, 306:314] = 255    # text close on both sides
    assert cut_stem_spans(vert, horiz, ink, DPI)[81:120, 300].all()
    horiz, vert, ink = _heading_row()                    # faded: no ink on the line at all
    ink[95:112, 286:294] = ink[95:112, 306:314] = 255
    assert cut_stem_spans(vert, horiz, ink, DPI)[81:120, 300].all()


def test_first_letters_of_left_aligned_lines_stacked_into_a_dashed_line_are_cut():
    from extractors.ocr.rules import cut_stem_spans

    horiz, vert = np.zeros((300, 600), np.uint8), np.zeros((300, 600), np.uint8)
    for y in (50, 250):
        horiz[y - 1:y + 2, 50:551] = 255
    vert[60:252, 199:202] = 255                          # from the first line's top to the lower rule
    ink = horiz.copy()
    for top in (60, 105, 150, 195):                      # "П" opening four lines of a cell
        ink[top:top + 35, 200] = 255
        ink[top:top + 3, 200:215] = 255
    out = cut_stem_spans(vert, horiz, ink, DPI)
    assert not out[60:240, 200].any()


def test_a_column_rule_with_photocopy_breaks_is_no_stack_of_stems():
    from extractors.ocr.rules import cut_stem_spans

    horiz, vert = np.zeros((300, 600), np.uint8), np.zeros((300, 600), np.uint8)
    for y in (50, 250):
        horiz[y - 1:y + 2, 50:551] = 255
    vert[50:251, 199:202] = 255
    ink = horiz.copy()
    ink[50:251, 200] = 255
    ink[120:126, 200] = ink[180:184, 200] = 0           # two breaks in one row
    assert cut_stem_spans(vert, horiz, ink, DPI)[60:240, 200].all()


def test_grain_bits_on_a_faded_rule_are_no_stack_of_stems():
    from extractors.ocr.rules import cut_stem_spans

    horiz, vert = np.zeros((300, 600), np.uint8), np.zeros((300, 600), np.uint8)
    for y in (50, 250):
        horiz[y - 1:y + 2, 50:551] = 255
    vert[50:251, 199:202] = 255                          # found as a ridge: a faded rule
    ink = horiz.copy()
    for top in range(60, 240, 17):                       # only grain crosses the ink threshold
        ink[top:top + 4, 200] = 255
    assert cut_stem_spans(vert, horiz, ink, DPI)[60:240, 200].all()


def _narrow_first_column(line: bool, dash: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Masks of a table whose row rule at y 200 was found only from the second column rule (x 130)
    on; the narrow first column (x 50–130) shows a thin line there (``line``, broken beside the
    column rule as a photocopy breaks it) or a short dash in a cell (``dash``)."""
    horiz, vert = _grid()
    vert[50:351, 130] = 255
    horiz[200, 50:145] = 0
    ink = horiz | vert
    if line:
        ink[199:202, 51:120] = 255
    if dash:
        ink[280:282, 70:110] = 255
    return ink, horiz, vert


def test_a_row_rule_piece_across_a_narrow_column_is_a_rule_a_merged_cell_or_a_dash_is_not():
    from extractors.ocr.rules import _short_row_borders

    ink, horiz, vert = _narrow_first_column(line=True, dash=True)
    out = _short_row_borders(ink, horiz, vert, DPI)
    assert out[200, 52:129].all()              # the piece, carried over its break to the rule
    assert not out[281, 60:120].any()          # a dash does not run from rule to rule
    ink, horiz, vert = _narrow_first_column(line=False)
    assert not _short_row_borders(ink, horiz, vert, DPI)[200, 52:129].any()   # a merged cell
    ink, horiz, vert = _narrow_first_column(line=True)
    horiz[200, :] = 0                          # no row rule goes on past either end
    assert not _short_row_borders(ink, horiz, vert, DPI)[200, 52:129].any()


def test_the_tops_of_a_bold_lines_letters_are_no_rule_a_long_broken_rule_piece_is():
    from extractors.ocr.rules import drop_floating_horizontal

    horiz, vert = np.zeros((300, 900), np.uint8), np.zeros((300, 900), np.uint8)
    vert[20:280, 50] = vert[20:280, 850] = 255
    horiz[100:102, 150:600] = 255            # 2.25 inch along the x-height tops of a bold heading
    horiz[200:202, 150:600] = 255            # a long rule piece its breaks left floating
    ink = horiz.copy()
    for x in range(150, 600, 14):            # letters under the first, 10 px wide, 4 px apart
        ink[102:120, x:x + 10] = 255
    kept, _ = drop_floating_horizontal(horiz, vert, DPI, ink)
    assert not kept[100:102, 150:600].any()
    assert kept[200:202, 150:600].all()
    assert drop_floating_horizontal(horiz, vert, DPI)[0][100:102, 150:600].all()   # no ink given: as before
