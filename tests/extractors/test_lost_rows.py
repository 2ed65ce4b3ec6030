"""extractors.lost_rows: row rules a scan lost or cut short, put back."""

from __future__ import annotations

from extractors.grid import Word
from extractors.lost_rows import lost_row_rules, reach_column_rules, reach_row_rules
from extractors.ruled import _edge

XS = (84.6, 156.6, 300.6, 444.6, 516.6)


def _grid(ys: tuple[float, ...]) -> list[dict]:
    return [_edge("v", x, ys[0], ys[-1]) for x in XS] + [_edge("h", y, XS[0], XS[-1]) for y in ys]


def test_a_row_rule_stopping_short_of_the_border_is_carried_to_it():
    edges = _grid((72.0, 334.0, 650.0)) + [_edge("h", 477.4, 90.4, 516.2)]
    out = reach_column_rules(edges, 4.0)
    assert _edge("h", 477.4, 84.6, 516.2) in out and _edge("h", 477.4, 90.4, 516.2) not in out
    stroke = [_edge("h", 500.0, 170.0, 290.0)]           # crosses no column rule: left as it is
    assert reach_column_rules(_grid((72.0, 650.0)) + stroke, 4.0)[-1] == stroke[0]


def test_a_row_rule_ending_inside_the_first_cell_past_its_middle_is_carried_to_the_border():
    """A faded rule ended 12.2 pt short of the border in a 28 pt number column (a degraded Tomsk
    plan: its first section heading merged with item 1's number cell)."""
    xs = (84.6, 113.0, 367.9, 458.6)
    edges = [_edge("v", x, 72.0, 650.0) for x in xs] + [_edge("h", y, 84.6, 458.6) for y in (72.0, 650.0)]
    out = reach_column_rules(edges + [_edge("h", 360.4, 96.8, 458.6)], 4.0)
    assert _edge("h", 360.4, 84.6, 458.6) in out
    out = reach_column_rules(edges + [_edge("h", 300.0, 250.0, 458.6)], 4.0)   # a third of the cell
    assert _edge("h", 300.0, 250.0, 458.6) in out


def test_a_column_rule_cut_below_a_row_rule_is_carried_to_it():
    """A signature over the rule between the number and title columns cut 26 pt off its top in
    the last row (a degraded Perm plan: item 2.2's number and title became one cell)."""
    ys = (72.0, 310.0, 335.0, 477.0, 650.2)
    edges = [_edge("h", y, 84.6, 516.6) for y in ys] + [_edge("v", x, 72.0, 650.2) for x in (84.6, 300.6, 516.6)]
    edges += [_edge("v", 156.6, 72.7, 310.0), _edge("v", 156.6, 335.2, 476.6), _edge("v", 156.6, 502.6, 650.5)]
    out = reach_row_rules(edges, 4.0)
    assert _edge("v", 156.6, 477.0, 650.5) in out
    assert _edge("v", 156.6, 72.7, 310.0) in out            # a section row merged across: left open
    lone = [_edge("v", 400.0, 560.0, 650.2)]               # no piece above the row rule: left as it is
    assert reach_row_rules(edges + lone, 4.0)[-1] == lone[0]


def _word(text: str, x0: float, top: float, width: float = 20.0, confidence: float = 0.9) -> Word:
    return Word(text=text, x0=x0, top=top, x1=x0 + width, bottom=top + 10.0, confidence=confidence)


def test_two_item_numbers_stacked_in_one_cell_get_a_row_rule_between_them():
    xs = (84.6, 115.0, 300.6, 444.6)
    edges = [_edge("v", x, 72.0, 650.0) for x in xs] + [_edge("h", y, 84.6, 444.6) for y in (72.0, 334.0, 650.0)]
    words = [_word("2.1", 88, 340), _word("Стажировки", 120, 340, 80), _word("мастеров", 120, 352, 60),
             _word("2.2", 88, 480), _word("Повышение", 120, 480, 70), _word("ЦРПО", 310, 480)]
    (rule,) = lost_row_rules(edges, words, 4.0)
    assert 362.0 < rule["top"] < 480.0 and rule["x0"] == 84.6 and rule["x1"] == 444.6
    wrapped = [_word("1.1", 88, 340), _word(".", 88, 352, 4), _word("10", 88, 352)]   # a number on two lines
    assert lost_row_rules(edges, wrapped, 4.0) == []


def test_a_speck_or_a_repeated_number_below_an_item_number_adds_no_row():
    xs = (84.6, 115.0, 300.6, 444.6)
    edges = [_edge("v", x, 72.0, 650.0) for x in xs] + [_edge("h", y, 84.6, 444.6) for y in (72.0, 334.0, 650.0)]
    body = [_word("Разработка", 120, 340, 80), _word("программ", 120, 352, 60), _word("РУМЦ", 310, 480)]
    speck = [_word("2.", 88, 340), _word("2", 88, 480, confidence=0.09)]     # the same number again
    assert lost_row_rules(edges, speck + body, 4.0) == []
    earlier = [_word("2.", 88, 340), _word("1", 88, 480)]
    assert lost_row_rules(edges, earlier + body, 4.0) == []
    (rule,) = lost_row_rules(edges, [_word("2.", 88, 340), _word("3", 88, 480, confidence=0.0)] + body, 4.0)
    assert 362.0 < rule["top"] < 480.0


def test_a_column_rule_faded_short_of_the_tables_bottom_border_is_carried_to_it():
    """The rule between the number and title columns stopped 5.8 pt above the bottom border (a
    degraded Yakutia plan's last page: item 5's number and title became one cell, and item 5 a
    continuation of item 4). Nothing goes on past a frame, so no piece below can vouch for it."""
    edges = [_edge("h", y, 85.3, 568.1) for y in (72.4, 112.3, 137.3)] + [_edge("h", 236.2, 84.6, 567.0)]
    edges += [_edge("v", x, 72.7, 236.0) for x in (84.6, 311.6, 385.0, 470.2, 566.6)]
    edges.append(_edge("v", 112.9, 73.1, 230.4))
    assert _edge("v", 112.9, 73.1, 236.2) in reach_row_rules(edges, 4.0)
    mid = [e for e in edges if e["x0"] != 112.9] + [_edge("v", 112.9, 73.1, 200.0)]    # 36 pt short
    assert _edge("v", 112.9, 73.1, 200.0) in reach_row_rules(mid, 4.0)
    top = [e for e in edges if e["x0"] != 112.9] + [_edge("v", 112.9, 80.0, 236.2)]    # a faded top corner
    assert _edge("v", 112.9, 72.4, 236.2) in reach_row_rules(top, 4.0)
    lone = [e for e in edges if e["x0"] in (84.6, 112.9) or e["orientation"] == "h"]
    assert _edge("v", 112.9, 73.1, 230.4) in reach_row_rules(lone, 4.0)   # one other rule ends there: no frame
