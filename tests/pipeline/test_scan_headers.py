"""Scan headers damaged by OCR: a continued table takes the roles of the page before, and the one
role a header lacks may be matched at a lower bar (synthetic grids, as in test_stitch)."""

from pipeline.stitch import stitch
from tests.pipeline.test_stitch import row, table

HEAD = ["№", "Мероприятие", "Исполнители", "Срок", "Результат"]
DAMAGED = ["№", "Мероприятие", "Истюлиители", "Стрк", "Результат"]   # two roles lost to OCR


def _scan(*tables):
    for t in tables:
        t.extractor = "ruled-ocr"
    return list(tables)


def _two_pages(second_head, second_row=("2", "Второе", "ПОО", "Июнь", "Есть")):
    p1 = table([row(HEAD), row(["1", "Первое", "ЦЗН", "Май", "Итог"])], page=1)
    p2 = table([row(second_head, page=2), row(list(second_row), page=2)], page=2, cont=True)
    return p1, p2


# past reading even at the lower bar of a missing role ("Истюлиители" now reads as the responsible)
DAMAGED_BEYOND = ["№", "Мероприятие", "Иоюлии", "Стрк", "Результат"]


def test_continued_scan_table_takes_the_roles_of_the_page_before():
    res = stitch(_scan(*_two_pages(DAMAGED_BEYOND)))
    acts = res.activities
    assert [(a.number, a.responsible, a.deadline) for a in acts] == [("1", "ЦЗН", "Май"), ("2", "ПОО", "Июнь")]
    assert not acts[1].extra            # no column left without a role
    assert "page 2: header_roles_from_previous_page" in res.flags


def test_a_text_pdf_table_is_left_as_it_was():
    res = stitch(list(_two_pages(DAMAGED)))     # no OCR: a different header is a different table
    assert "page 2: header_roles_from_previous_page" not in res.flags
    assert res.activities[-1].responsible is None


def test_a_header_with_a_contradicting_role_takes_nothing():
    other = ["№", "Мероприятие", "Срок", "Истюлиители", "Результат"]   # deadline where "responsible" was
    res = stitch(_scan(*_two_pages(other)))
    assert "page 2: header_roles_from_previous_page" not in res.flags


def test_a_data_row_with_header_words_is_no_damaged_header():
    # the next page opens with the rest of row 1, whose texts hold header words ("исполнител",
    # "срок") in the columns of those roles: it is data, it is not skipped as a header
    rest = ["", "", "исполнителями выступают также ПОО", "в срок до мая", "и протокол"]
    res = stitch(_scan(*_two_pages(rest)))
    assert "page 2: header_roles_from_previous_page" not in res.flags
    assert "ПОО" in (res.activities[0].responsible or "")


def test_the_one_missing_role_of_a_scan_header_matches_at_a_lower_bar():
    head = ["№", "Мероприятие", "Истюлиители", "Срок", "Результат"]
    t = table([row(head), row(["1", "Первое", "ЦЗН", "Май", "Итог"])])
    res = stitch(_scan(t))
    assert res.activities[0].responsible == "ЦЗН"
    assert "page 1: header_role_loose_match:responsible" in res.flags
    plain = stitch([table([row(head), row(["1", "Первое", "ЦЗН", "Май", "Итог"])])])
    assert plain.activities[0].responsible is None        # text PDFs keep the strict bar


def test_two_missing_roles_take_the_one_cell_that_reads_as_one_of_them_but_two_cells_take_nothing():
    two_missing = DAMAGED            # "Истюлиители" reads as the responsible; "Стрк" as nothing
    t = table([row(two_missing), row(["1", "Первое", "ЦЗН", "Май", "Итог"])])
    assert stitch(_scan(t)).activities[0].responsible == "ЦЗН"
    no_result = ["№", "Мероприятие", "Срек", "Ответственный"]      # a plan with no result column
    t = table([row(no_result), row(["1", "Первое", "Май", "ЦЗН"])], n=4)
    res = stitch(_scan(t))
    assert res.activities[0].deadline == "Май" and "page 1: header_role_loose_match:deadline" in res.flags
    two_cells = ["№", "Мероприятие", "Истюлиители", "Нсполнитсли", "Срок", "Результат"]
    t = table([row(two_cells), row(["1", "Первое", "ЦЗН", "ПОО", "Май", "Итог"])], n=6)
    res = stitch(_scan(t))
    assert not any(f.startswith("page 1: header_role_loose_match") for f in res.flags)


BADLY_DAMAGED = ["№ п/п", "Саи внование *", "Србк", "Исполнитель", "Резуаьтт"]   # the title role lost


def _first_page_damaged(first_head):
    p1 = table([row(first_head), row(["1", "Первое", "Май", "ЦЗН", "Итог"])], page=1)
    p2 = table([row(["№", "Мероприятие", "Срок", "Исполнитель", "Результат"], page=2),
                row(["2", "Второе", "Июнь", "ПОО", "Есть"], page=2)], page=2, cont=True)
    return p1, p2


def test_a_first_page_header_damaged_beyond_reading_takes_the_roles_of_the_next_page():
    res = stitch(_scan(*_first_page_damaged(BADLY_DAMAGED)))
    assert [(a.number, a.deadline, a.responsible) for a in res.activities] == [("1", "Май", "ЦЗН"),
                                                                               ("2", "Июнь", "ПОО")]
    assert "page 1: header_roles_from_next_page" in res.flags


def test_a_different_table_before_the_plan_keeps_its_own_reading():
    other = ["Показатель", "Единица", "2023", "2024", "2025"]     # an indicators table, not a damaged header
    res = stitch(_scan(*_first_page_damaged(other)))
    assert "page 1: header_roles_from_next_page" not in res.flags
    assert [a.number for a in res.activities] == ["2"]
    plain = stitch(list(_first_page_damaged(BADLY_DAMAGED)))     # a text PDF: no OCR damage assumed
    assert "page 1: header_roles_from_next_page" not in plain.flags


def test_a_first_page_header_with_a_role_lost_takes_the_roles_of_the_next_page():
    # page 1 still names a plan, but lost its deadline and read the funding source glued
    # ("Исфочникфинансирования": money, not its source); the clean header on page 2 is the same table
    first = ["№", "Мероприятие", "Сфвк", "Исполнитель", "Исфочникфинансирования"]
    p1 = table([row(first), row(["1", "Начало названия", "Май", "ЦЗН", "бюджет"])], page=1)
    p2 = table([row(["№", "Мероприятие", "Срок", "Исполнитель", "Источник финансирования"], page=2),
                row(["", "продолжение названия", "", "", ""], page=2),
                row(["2", "Второе", "Июнь", "ПОО", "бюджет"], page=2)], page=2)
    res = stitch(_scan(p1, p2), rows_can_split=True)
    assert [(a.number, a.title, a.deadline) for a in res.activities] == [
        ("1", "Начало названия продолжение названия", "Май"), ("2", "Второе", "Июнь")]
    assert "page 1: header_roles_from_next_page" in res.flags
    plain = stitch([*_first_page_damaged(["№", "Мероприятие", "Сфвк", "Исполнитель", "Результат"])])
    assert "page 1: header_roles_from_next_page" not in plain.flags     # text PDFs: no OCR damage


def test_a_repeated_scan_header_misread_into_another_role_is_the_same_header():
    # "Резуль мероприятия" gave the result column the title's role, and the title's own header lost it:
    # every header text still reads like the page before's, so the page continues that table
    first = ["№", "Мероприятие", "Исполнители", "Срок", "Результат мероприятия"]
    misread = ["№", "Меропр ятие", "Исполнит", "Срок", "Резуль мероприятия"]

    def pages():
        return (table([row(first), row(["1", "Первое", "ЦЗН", "Май", "Итог"])], page=1),
                table([row(misread, page=2), row(["2", "Второе", "ПОО", "Июнь", "Есть"], page=2)], page=2))

    res = stitch(_scan(*pages()))
    assert [(a.number, a.title, a.result) for a in res.activities] == [("1", "Первое", "Итог"), ("2", "Второе", "Есть")]
    assert "page 2: header_roles_from_previous_page" in res.flags
    assert "page 2: header_roles_from_previous_page" not in stitch(list(pages())).flags


def test_a_repeated_header_whose_last_cell_spans_one_more_empty_column_is_the_same_header():
    # page 2 read one more column at its right edge, the last header cell spanning it (the rule
    # between them lost): the header repeats the one before, and the row broken by the page joins its start
    head = ["№", "Мероприятие", "Срок", "Исполнитель", "Источник финансирования"]
    p1 = table([row(head), row(["1", "Начало названия", "Май", "ЦЗН", "бюджет"])], page=1)
    p2 = table([row(head, page=2, spans={4: (2, 1)}),
                row(["", "продолжение названия", "", "", "", ""], page=2),
                row(["2", "Второе", "Июнь", "ПОО", "бюджет", ""], page=2)], page=2, n=6)
    res = stitch(_scan(p1, p2), rows_can_split=True)
    assert [(a.number, a.title) for a in res.activities] == [("1", "Начало названия продолжение названия"), ("2", "Второе")]


def test_year_columns_under_one_spanning_header_on_the_next_page_keep_the_pages_one_table():
    # page 1 names each year's column; page 2 reads one header over both (the same role twice): as
    # wide as page 1, no column dropped, the same table
    p1 = table([row(["№", "Мероприятие", "Срок", "Исполнитель", "2021", "2022"]),
                row(["1", "Начало названия", "Май", "ЦЗН", "5", "6"])], page=1, n=6)
    p2 = table([row(["№", "Мероприятие", "Срок", "Исполнитель", "Значение показателя"], page=2, spans={4: (2, 1)}),
                row(["", "продолжение названия", "", "", "", ""], page=2),
                row(["2", "Второе", "Июнь", "ПОО", "7", "8"], page=2)], page=2, n=6)
    res = stitch(_scan(p1, p2), rows_can_split=True)
    assert [(a.number, a.title) for a in res.activities] == [("1", "Начало названия продолжение названия"), ("2", "Второе")]
