"""Gaps between rule pieces: the next piece only, and gaps that are a whole side of a cell."""

from __future__ import annotations

import numpy as np

from extractors.rule_gaps import between_crossings, carry_end, carry_through, gaps


def test_gaps_reach_the_next_piece_on_the_line_only():
    pieces = sorted([(50, 10, 200), (50, 300, 420), (51, 430, 590)])
    assert list(gaps(pieces, nearest=True)) == [(200, 300, 50), (420, 430, 50)]
    assert (200, 430, 50) in list(gaps(pieces, nearest=False))          # every pair on the line


def test_a_gap_between_two_crossings_gives_their_middles():
    crossing = np.zeros(80, bool)
    crossing[5:12] = True                                                # the rule above
    crossing[60:67] = True                                               # the rule below
    assert between_crossings(crossing, 14, 58, 10) == (8, 63)


def test_a_short_break_beside_one_crossing_is_no_side_of_a_cell():
    crossing = np.zeros(80, bool)
    crossing[30:37] = True
    assert between_crossings(crossing, 38, 44, 10) is None
    assert between_crossings(np.zeros(80, bool), 14, 58, 10) is None


def _line(n: int, crossings: list[tuple[int, int]]) -> np.ndarray:
    out = np.zeros(n, bool)
    for a, b in crossings:
        out[a:b] = True
    return out


def test_a_faded_rule_end_is_carried_across_whole_dark_cell_sides():
    crossing = _line(400, [(10, 14), (100, 104), (300, 304)])
    dark = np.ones(400, bool)                         # a faint line the whole way
    # the end at 250 lost its rule 146 px back to the crossing at 100 (beyond reach 80): carried
    # there, and on across the dark side 14-100 to the border at 10
    assert carry_end(dark, crossing, 250, -1, 80, 0.75, 0.95) == 13
    assert carry_end(dark, crossing, 250, 1, 80, 0.75, 0.95) == 300


def test_a_rule_end_is_not_carried_over_paper_or_a_line_of_words():
    crossing = _line(400, [(10, 14), (100, 104)])
    words = np.zeros(400, bool)
    words[104:260] = True
    for x in range(120, 250, 20):
        words[x:x + 3] = False                         # word gaps: 85 % dark
    assert carry_end(words, crossing, 250, -1, 80, 0.75, 0.95) is None      # beyond reach
    assert carry_end(words, crossing, 160, -1, 80, 0.75, 0.95) == 103       # within reach, as before
    both = words.copy()
    both[14:100] = True                                # the next side dark too: carried on
    assert carry_end(both, crossing, 160, -1, 80, 0.75, 0.95) == 13
    assert carry_end(np.zeros(400, bool), crossing, 160, -1, 80, 0.75, 0.95) is None
    assert carry_end(words, _line(400, []), 160, -1, 80, 0.75, 0.95) is None  # no crossing at all


def test_a_column_rule_at_a_crossing_is_carried_on_across_a_dark_cell_side_only():
    crossing = _line(300, [(100, 103), (140, 143), (200, 203)])
    dark = np.zeros(300, bool)
    dark[:101] = True                                   # the rule down to the crossing at 100
    dark[103:140] = True                                # the low row's border: faint but there
    assert carry_through(dark, crossing, 100, 1, 0.95) == 140
    heading = dark.copy()
    heading[103:112] = heading[131:140] = False         # a merged heading row: paper above and
    assert carry_through(heading, crossing, 100, 1, 0.95) is None      # below its letters
    assert carry_through(dark, crossing, 60, 1, 0.95) is None          # not at a crossing
    assert carry_through(dark[::-1].copy(), crossing[::-1].copy(), 199, -1, 0.95) == 159


def test_a_rule_that_goes_on_past_the_crossing_is_carried_to_it_over_a_scratched_stretch():
    crossing = _line(400, [(10, 13), (200, 203)])
    dark = np.ones(400, bool)
    dark[120:180:6] = False                             # a signature's strokes scratched it: 90 %
    rule = np.zeros(400, bool)
    rule[13:100] = True                                 # the piece found, ending inside the cell
    assert carry_end(dark, crossing, 99, 1, 40, 0.75, 0.95, rule) is None      # beyond reach
    rule[230:390] = True                                # the line goes on past the crossing,
    assert carry_end(dark, crossing, 99, 1, 40, 0.75, 0.95, rule) == 200   # its end lost too
    far = np.zeros(400, bool)
    far[13:100] = far[260:390] = True                   # a piece farther than reach: no evidence
    assert carry_end(dark, crossing, 99, 1, 40, 0.75, 0.95, far) is None
    paper = dark.copy()
    paper[100:200] = False
    assert carry_end(paper, crossing, 99, 1, 40, 0.75, 0.95, rule) is None     # paper: no rule there
