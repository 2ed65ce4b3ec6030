"""Tests of extractors.lost_columns: column rules a scan lost, put back at the words' gutters."""

from extractors.grid import Word
from extractors.lost_columns import lost_column_rules


def _h(y: float, x0: float = 50.0, x1: float = 450.0) -> dict:
    return {"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0, "orientation": "h"}


def _v(x: float, top: float, bottom: float) -> dict:
    return {"x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top, "orientation": "v"}


def _words(lines: list[tuple[float, list[tuple[float, str]]]]) -> list[Word]:
    """Words at (x, text) on lines at y, 9 pt high, 5 pt a letter."""
    return [Word(t, x, y, x + 5 * len(t), y + 9) for y, ws in lines for x, t in ws]


def _table(rows: list[float], columns: list[float]) -> list[dict]:
    return [_h(y) for y in rows] + [_v(x, rows[0], rows[-1]) for x in columns]


# a header row (100–120) and two rows (120–160, 160–200); the rule at x=300 (between the deadline
# and the party columns) is lost; the title column's text, the deadline's, the party's
HEADER = (105.0, [(60.0, "Мероприятие"), (205.0, "Срок"), (305.0, "Ответственный")])
BODY = [(125.0, [(60.0, "Мониторинг"), (205.0, "январь"), (310.0, "Минобразования")]),
        (136.0, [(60.0, "потребности"), (205.0, "2024"), (310.0, "края")]),
        (165.0, [(60.0, "Актуализация"), (205.0, "март"), (310.0, "Минобразования")]),
        (176.0, [(60.0, "перечня"), (205.0, "2024"), (310.0, "края")])]


def test_a_column_rule_lost_along_its_whole_length_is_put_back_in_the_gutter():
    edges = _table([100.0, 120.0, 160.0, 200.0], [50.0, 200.0, 450.0])
    added = lost_column_rules(edges, _words([HEADER] + BODY), 4.0)
    xs = {round(e["x0"]) for e in added}
    assert len(xs) == 1 and 235 < xs.pop() < 310           # between "январь"/"2024" and the parties
    assert sorted((e["top"], e["bottom"]) for e in added) == [(100.0, 120.0), (120.0, 160.0), (160.0, 200.0)]


def test_a_ruled_table_gets_nothing():
    edges = _table([100.0, 120.0, 160.0, 200.0], [50.0, 200.0, 300.0, 450.0])
    assert lost_column_rules(edges, _words([HEADER] + BODY), 4.0) == []


def test_a_rule_faded_in_some_rows_is_carried_on_at_its_own_x():
    edges = _table([100.0, 120.0, 160.0, 200.0], [50.0, 200.0, 450.0]) + [_v(301.0, 100.0, 160.0)]
    added = lost_column_rules(edges, _words([HEADER] + BODY), 4.0)
    assert [(e["x0"], e["top"], e["bottom"]) for e in added] == [(301.0, 160.0, 200.0)]


def _spaced(x: float, text: str, space: float = 3.0) -> list[tuple[float, str]]:
    """The words of ``text`` from ``x`` on, ``space`` points apart."""
    out = []
    for word in text.split():
        out.append((x, word))
        x += 5 * len(word) + space
    return out


def test_a_row_whose_words_cross_the_gutter_keeps_its_one_cell():
    """A section heading written across the columns, in a table of a dozen lines: the gutter holds
    (one line may cross it), and the heading's row keeps its one cell."""
    heading = (205.0, _spaced(60.0, "Раздел 1. Кадровый прогноз и мониторинг потребности"))
    more = [(y, [(60.0, "Создание"), (205.0, "май"), (310.0, "ККИПК")]) for y in (225.0, 236.0, 265.0, 276.0)]
    more += [(y, [(60.0, "Внедрение"), (205.0, "июнь"), (310.0, "ККИПК")]) for y in (305.0, 316.0)]
    edges = _table([100.0, 120.0, 160.0, 200.0, 220.0, 260.0, 300.0, 340.0], [50.0, 200.0, 450.0])
    added = lost_column_rules(edges, _words([HEADER] + BODY + more + [heading]), 4.0)
    bands = sorted((e["top"], e["bottom"]) for e in added)
    assert bands == [(100.0, 120.0), (120.0, 160.0), (160.0, 200.0), (220.0, 260.0), (260.0, 300.0),
                     (300.0, 340.0)]


def test_a_wide_word_gap_of_the_one_line_across_the_white_is_no_gutter():
    """A heading's gap between two words (here 10 pt) over the white between a short title column's
    text and the next column's: no column rule there (it would cut every title in two)."""
    heading = (205.0, [(60.0, "Раздел"), (100.0, "1."), (120.0, "Кадровый"), (170.0, "прогноз"),
                       (210.0, "и"), (220.0, "мониторинг")])
    body = BODY + [(225.0, [(60.0, "Создание"), (205.0, "май"), (310.0, "ККИПК")])]
    edges = _table([100.0, 120.0, 160.0, 200.0, 220.0, 240.0], [50.0, 200.0, 300.0, 450.0])
    assert lost_column_rules(edges, _words([HEADER] + body + [heading]), 4.0) == []


def test_two_tables_on_a_page_are_measured_apart():
    """An indicators table under the activity table, a caption between them: no rule joins them,
    and the one table's columns cut nothing in the other."""
    edges = _table([100.0, 120.0, 160.0, 200.0], [50.0, 200.0, 300.0, 450.0])
    edges += _table([260.0, 280.0, 300.0, 320.0], [50.0, 350.0, 400.0, 450.0])
    words = _words([HEADER] + BODY + [(230.0, [(60.0, "Целевые"), (110.0, "показатели")])]
                   + [(265.0, [(60.0, "Показатель"), (355.0, "2021"), (405.0, "2022")]),
                      (285.0, [(60.0, "Численность"), (355.0, "1200"), (405.0, "1350")]),
                      (305.0, [(60.0, "Доля"), (355.0, "60"), (405.0, "63")])])
    assert lost_column_rules(edges, words, 4.0) == []


def test_a_rule_broken_at_a_short_headings_row_is_not_carried_through_it():
    """Column rules drawn in the item rows only, a short section heading alone in its merged row
    (measured on a Yakutia seed: "II. Организационно-методическое …" was cut into five cells and
    lost as a heading); and a number column whose words' boxes run up to its rule: no new column."""
    rows = [100.0, 120.0, 160.0, 180.0, 220.0]
    edges = [_h(y) for y in rows] + [_v(50.0, 100.0, 220.0), _v(450.0, 100.0, 220.0)]
    for x in (80.0, 200.0, 300.0):
        edges += [_v(x, 100.0, 160.0), _v(x, 180.0, 220.0)]
    words = _words([(105.0, [(55.0, "№"), (85.0, "Мероприятие"), (205.0, "Срок"), (305.0, "Ответственный")]),
                    (125.0, [(55.0, "1"), (81.0, "Мониторинг"), (205.0, "январь"), (305.0, "Минобразования")]),
                    (136.0, [(81.0, "потребности"), (205.0, "2024"), (305.0, "края")]),
                    (165.0, _spaced(55.0, "II. Организационное сопровождение")),
                    (185.0, [(55.0, "2"), (81.0, "Актуализация"), (205.0, "март"), (305.0, "ККИПК")]),
                    (196.0, [(81.0, "перечня"), (205.0, "2024"), (305.0, "края")])])
    assert lost_column_rules(edges, words, 4.0) == []
