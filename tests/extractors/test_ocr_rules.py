"""Rules on prepared scans: a long straight rule that only the classic search found is kept (and
erased before recognition); short pieces it found are not added."""

import numpy as np

from extractors.grid import Segment
from extractors.ocr.rules import with_long_rules

DPI = 200
K = 72 / DPI   # points per pixel


def test_a_long_rule_missed_by_the_tolerant_search_is_added_and_erased():
    tolerant = ([Segment(100, 10, 100, 500), Segment(10, 10, 600, 10)], np.zeros((1500, 1800), np.uint8))
    classic = ([Segment(100, 12, 100, 498),        # already there
                Segment(345, 20, 345, 400),        # a column rule the tolerant search lost
                Segment(250, 30, 250, 60)],        # 30 pt: could be a letter stem, not added
               np.zeros((1500, 1800), np.uint8))
    segs, mask = with_long_rules(tolerant, classic, DPI, K)
    xs = sorted(round(s.x0) for s in segs if not s.horizontal)
    assert xs == [100, 345]
    col = int(round(345 / K))
    assert mask[int(200 / K), col] == 255 and mask[int(200 / K), int(round(250 / K))] == 0


def test_nothing_to_add_keeps_the_tolerant_result():
    tolerant = ([Segment(100, 10, 100, 500)], np.zeros((10, 10), np.uint8))
    assert with_long_rules(tolerant, ([Segment(101, 10, 101, 480)], np.zeros((10, 10), np.uint8)), DPI, K) is tolerant
