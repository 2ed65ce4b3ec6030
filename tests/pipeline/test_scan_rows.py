"""Rows of noisy scans: a section heading a spurious rule cut into spanning pieces, sub-rows and
continued rows (synthetic grids, as in test_stitch)."""

from pipeline.stitch import stitch
from tests.pipeline.test_stitch import HEAD, row, table


def test_a_heading_cut_into_two_spanning_pieces_is_one_section():
    t = table([row(HEAD, header=True),
               row(["1", "Первое", "ЦЗН", "Май", "Итог"]),
               row(["2. Реализация механизмов", "прогнозирования потребности"], spans={0: (3, 1), 3: (2, 1)}),
               row(["1", "Сбор данных", "ПОО", "Июнь", "Опрос"])])
    acts = stitch([t]).activities
    assert [a.title for a in acts] == ["Первое", "Сбор данных"]
    assert acts[1].section == ["2. Реализация механизмов прогнозирования потребности"]


def test_cells_spanning_columns_of_one_role_are_data():
    # a grid with doubled columns: every cell spans two grid columns of the same role
    head = row(HEAD[:3], header=True, spans={0: (2, 1), 2: (2, 1), 4: (2, 1)})
    data = row(["1", "Первое", "ЦЗН"], spans={0: (2, 1), 2: (2, 1), 4: (2, 1)})
    acts = stitch([table([head, data], n=6)]).activities
    assert [(a.number, a.title, a.responsible) for a in acts] == [("1", "Первое", "ЦЗН")]
