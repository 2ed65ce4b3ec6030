"""Gaps between rule pieces: the next piece only, and gaps that are a whole side of a cell."""

from __future__ import annotations

import numpy as np

from extractors.rule_gaps import between_crossings, gaps


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
