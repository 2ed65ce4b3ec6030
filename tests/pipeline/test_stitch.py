"""Each stitching rule on small hand-made grids (the same code serves every extractor)."""

from extractors.grid import Cell, Row, Table
from pipeline.stitch import heading_level, stitch

HEAD = ["№", "Мероприятие", "Исполнители", "Срок", "Результат"]


def row(texts, page=1, header=False, spans=None, bold=False):
    cells, col = [], 0
    spans = spans or {}
    for t in texts:
        if t is None:          # position covered by a merge from above
            col += 1
            continue
        cs, rs = spans.get(col, (1, 1))
        cells.append(Cell(text=t, col=col, colspan=cs, rowspan=rs, page=page, bold=bold))
        col += cs
    return Row(cells=cells, page=page, is_header=header)


def table(rows, page=1, cont=False, n=5):
    return Table(rows=rows, n_cols=n, page_start=page, page_end=page, continues_previous=cont)


def test_sections_nest_by_number_count():
    t = table([row(HEAD, header=True),
               row(["1. Раздел"], spans={0: (5, 1)}),
               row(["1.1. Подраздел"], spans={0: (5, 1)}),
               row(["1", "А", "ЦЗН", "Май", "Итог"]),
               row(["2. Второй раздел"], spans={0: (5, 1)}),
               row(["2", "Б", "ЦЗН", "Май", "Итог"])])
    acts = stitch([t]).activities
    assert [a.section for a in acts] == [["1. Раздел", "1.1. Подраздел"], ["2. Второй раздел"]]
    assert heading_level("1.1.1. Текст") == 3 and heading_level("Блок «А»") == 1


def test_a_numbered_sub_heading_sits_only_under_the_heading_its_number_extends():
    t = table([row(HEAD, header=True),
               row(["1. Раздел"], spans={0: (5, 1)}),
               row(["1", "А", "ЦЗН", "Май", "Итог"]),
               row(["2.1. Подраздел второго"], spans={0: (5, 1)}),     # no "2." heading printed
               row(["2", "Б", "ЦЗН", "Май", "Итог"])])
    acts = stitch([t]).activities
    assert [a.section for a in acts] == [["1. Раздел"], ["2.1. Подраздел второго"]]


def test_row_broken_by_page_is_one_activity_and_header_repeat_dropped():
    p1 = table([row(HEAD, header=True), row(["1", "Начало названия", "ЦЗН", "Май", "Итог"])], page=1)
    p2 = table([row(HEAD, page=2, header=True), row(["", "продолжение названия", "", "", "и ещё"], page=2),
                row(["2", "Второе", "ПОО", "Июнь", "Есть"], page=2)], page=2)
    acts = stitch([p1, p2], rows_can_split=True).activities
    assert [a.number for a in acts] == ["1", "2"]
    assert acts[0].title == "Начало названия продолжение названия"
    assert acts[0].result == "Итог и ещё"
    assert (acts[0].page_start, acts[0].page_end) == (1, 2)


def test_fragment_without_header_continues_previous_table():
    p1 = table([row(HEAD, header=True), row(["1", "Первое", "ЦЗН", "Май", "Итог"])], page=1)
    p2 = table([row(["2", "Второе", "ПОО", "Июнь", "Есть"], page=2)], page=2)
    acts = stitch([p1, p2]).activities
    assert [a.title for a in acts] == ["Первое", "Второе"]


def test_sub_row_appends_with_line_break_and_sub_items():
    t = table([row(HEAD, header=True),
               row(["1", "Первое", "ЦЗН", "Ежегодно", "Отчет"]),
               row(["", "", "ПОО", "", "Второй результат"]),
               row(["", "Фестиваль профессий", "", "Март", ""])])
    (a,) = stitch([t], rows_can_split=False).activities
    assert a.responsible == "ЦЗН\nПОО"
    assert a.result == "Отчет\nВторой результат"
    assert [(s.title, s.deadline) for s in a.sub_items] == [("Фестиваль профессий", "Март")]


def test_in_docx_an_empty_number_after_a_page_change_is_still_a_sub_row():
    t = table([row(HEAD, header=True), row(["1", "Первое", "ЦЗН", "Май", "Итог"], page=1),
               row(["", "", "", "", "Ещё итог"], page=2)])
    (a,) = stitch([t], rows_can_split=False).activities
    assert a.result == "Итог\nЕщё итог"


def test_vertically_merged_cell_fills_rows_below():
    t = table([row(HEAD, header=True),
               row(["1", "Первое", "ЦЗН", "2021 год", "Итог"], spans={3: (1, 2)}),
               row(["2", "Второе", "ПОО", None, "Итог 2"])])
    acts = stitch([t]).activities
    assert [a.deadline for a in acts] == ["2021 год", "2021 год"]


def test_merged_number_cell_makes_sub_rows_of_one_activity():
    t = table([row(HEAD, header=True),
               row(["1", "Первое", "ЦЗН", "Май", "Итог"], spans={0: (1, 2), 1: (1, 2)}),
               row([None, None, "ПОО", "Июнь", "Итог 2"])])
    (a,) = stitch([t]).activities
    assert a.title == "Первое" and a.result == "Итог\nИтог 2"


def test_numbering_row_dropped_and_targets_by_year():
    head1 = row(["№", "Мероприятие", "Сроки", "Ответственные", "Единицы измерения", "Целевые индикаторы"],
                header=True, spans={5: (3, 1)})
    head2 = row(["2021", "2022", "2023"], header=True)
    for c, col in zip(head2.cells, (5, 6, 7)):
        c.col = col
    nums = row([str(i) for i in range(1, 9)])
    r1 = row(["1", "Создание центра", "2021", "ЦОПП", "Ед.", "1", "2", "3"])
    r2 = row(["", "", "", "", "Чел.", "10", "20", "30"])
    t = Table(rows=[head1, head2, nums, r1, r2], n_cols=8, page_start=1, page_end=1)
    res = stitch([t])
    (a,) = res.activities
    assert [t.values for t in a.targets] == [{"2021": "1", "2022": "2", "2023": "3"},
                                             {"2021": "10", "2022": "20", "2023": "30"}]
    assert [t.unit for t in a.targets] == ["Ед.", "Чел."]
    assert "target:2021" in res.columns


def test_indicator_table_with_criteria_groups():
    t = Table(rows=[row(["Критерии", "Показатели", "Измерители"], header=True),
                    row(["1. Нормативный", "1.1. Наличие планов", "Ед."]),
                    row(["", "1.2. Наличие программы", "Ед."])], n_cols=3, page_start=1, page_end=1)
    res = stitch([t])
    assert [(i.criterion, i.number, i.name) for i in res.indicators] == [
        ("1. Нормативный", "1.1", "Наличие планов"), ("1. Нормативный", "1.2", "Наличие программы")]
    assert "no_activity_table" in res.flags


def test_table_whose_headers_match_no_role_gives_no_activities():
    t = table([row(["Альфа", "Бета", "Гамма", "Дельта", "Эпсилон"], header=True),
               row(["1", "2", "3", "4", "5"])])
    assert stitch([t]).activities == []


def test_sub_items_listed_over_a_page_break_stay_sub_items():
    p1 = table([row(HEAD, header=True), row(["4.1", "Мероприятия проекта", "ЦЗН", "Ежегодно", "Отчет"]),
                row(["", "Фестиваль профессий", "", "Март", ""])], page=1)
    p2 = table([row(HEAD, page=2, header=True), row(["", "Единый день профориентации", "", "Май", ""], page=2)],
               page=2)
    (a,) = stitch([p1, p2], rows_can_split=True).activities
    assert [(s.title, s.deadline) for s in a.sub_items] == [
        ("Фестиваль профессий", "Март"), ("Единый день профориентации", "Май")]
    assert a.title == "Мероприятия проекта"


def test_sub_item_title_broken_by_a_page_is_joined():
    p1 = table([row(HEAD, header=True), row(["4.1", "Мероприятия проекта", "ЦЗН", "Ежегодно", "Отчет"]),
                row(["", "Единый день профориентации,", "", "Май", ""])], page=1)
    p2 = table([row(["", "посвященный Дню знаний", "", "", ""], page=2)], page=2, cont=True)
    (a,) = stitch([p1, p2], rows_can_split=True).activities
    assert [s.title for s in a.sub_items] == ["Единый день профориентации, посвященный Дню знаний"]


def test_target_result_broken_by_a_page_is_joined():
    head1 = row(["№", "Мероприятие", "Результаты", "Ответственные", "Единицы измерения", "Целевые индикаторы"],
                header=True, spans={5: (3, 1)})
    head2 = row(["2021", "2022", "2023"], header=True)
    for c, col in zip(head2.cells, (5, 6, 7)):
        c.col = col
    r1 = row(["1", "Обучение", "Численность обученных", "ЦОПП", "Чел.", "1", "2", "3"])
    r2 = row(["", "", "Доля педагогов, прошедших", "", "%", "15", "20", "25"])
    p1 = Table(rows=[head1, head2, r1, r2], n_cols=8, page_start=1, page_end=1)
    r3 = row(["", "", "обучение по программам", "", "", "", "", ""], page=2)
    p2 = Table(rows=[r3], n_cols=8, page_start=2, page_end=2, continues_previous=True)
    (a,) = stitch([p1, p2], rows_can_split=True).activities
    assert [t.result for t in a.targets] == ["Численность обученных", "Доля педагогов, прошедших обучение по программам"]
    assert a.result == "Численность обученных\nДоля педагогов, прошедших обучение по программам"


def test_columns_without_a_role_are_kept_as_extra():
    t = table([row(["№", "Мероприятие", "Исполнители", "Срок", "Источник финансирования"], header=True),
               row(["1", "Первое", "ЦЗН", "Май", "областной бюджет"])])
    (a,) = stitch([t]).activities
    assert a.extra == {"Источник финансирования": "областной бюджет"}


def test_indicator_row_broken_by_page_is_one_indicator():
    head = ["№", "Показатель", "Ед. изм.", "2021", "2022"]
    p1 = table([row(head, header=True), row(["1", "Численность граждан, прошедших", "Чел.", "800", "900"])],
               page=1)
    p2 = table([row(head, page=2, header=True), row(["", "обучение в ЦОПП", "", "", ""], page=2),
                row(["2", "Доля выпускников", "%", "55", "60"], page=2)], page=2, cont=True)
    res = stitch([p1, p2], rows_can_split=True)
    assert [(i.number, i.name, i.values) for i in res.indicators] == [
        ("1", "Численность граждан, прошедших обучение в ЦОПП", {"2021": "800", "2022": "900"}),
        ("2", "Доля выпускников", {"2021": "55", "2022": "60"})]
    unsplit = stitch([p1, p2], rows_can_split=False)
    assert [i.name for i in unsplit.indicators][1] == "обучение в ЦОПП"


def test_repeated_header_with_an_ocr_slip_still_continues_the_table():
    head1 = row(["№", "Мероприятие", "Сроки", "Ответственные", "Единицы измерения", "Целевые индикаторы"],
                header=True, spans={5: (3, 1)})
    years = row(["2021", "2022", "2023"], header=True)
    for c, col in zip(years.cells, (5, 6, 7)):
        c.col = col
    p1 = Table(rows=[head1, years, row(["1", "Первое", "2021", "ЦОПП", "Ед.", "1", "2", "3"])],
               n_cols=8, page_start=1, page_end=1)
    head1b = row(["№", "Мероприятие", "Сроки", "Ответственные", "Единицы измерения", "Целевые индикаторы"],
                 page=2, header=True, spans={5: (3, 1)})
    years_b = row(["— 2021", "2022", "2023"], page=2)
    for c, col in zip(years_b.cells, (5, 6, 7)):
        c.col = col
    p2 = Table(rows=[head1b, years_b, row(["2", "Второе", "2022", "ЦЗН", "Чел.", "4", "5", "6"], page=2)],
               n_cols=8, page_start=2, page_end=2, continues_previous=True)
    acts = stitch([p1, p2]).activities
    assert [a.number for a in acts] == ["1", "2"]
    assert acts[1].targets[0].values == {"2021": "4", "2022": "5", "2023": "6"}


def test_heading_cut_into_columns_by_ruling_lines_is_still_a_heading():
    t = table([row(HEAD, header=True),
               row(["4.", "", "Организационное обеспечение", "", ""]),
               row(["4.1", "Мероприятие", "ЦЗН", "Ежегодно", "Отчет"])])
    (a,) = stitch([t]).activities
    assert a.section == ["4. Организационное обеспечение"]


def test_unnamed_number_column_is_found_by_its_content():
    """An OCR slip in the № header ("п/т") does not lose the item numbers."""
    head = ["п/т", "Мероприятие", "Исполнители", "Срок", "Результат"]
    t = table([row(head, header=True),
               row(["1.1", "Первое", "ЦЗН", "Май", "Итог"]),
               row(["1.2.", "Второе", "ЦЗН", "Май", "Итог"]),
               row(["1.3", "Третье", "ЦЗН", "Май", "Итог"])])
    assert [a.number for a in stitch([t]).activities] == ["1.1", "1.2", "1.3"]


def test_an_unnamed_number_column_of_two_items_on_a_page_is_found_by_its_content():
    """A degraded Chuvashia plan: "№ п/п" read "пу", two items a page ("11", "1.2."): every number was lost."""
    head = ["пу", "Мероприятие", "Исполнители", "Срок", "Результат"]
    p1 = table([row(head, header=True), row(["1.1", "Первое", "ЦЗН", "Май", "Итог"]),
                row(["1.2.", "Второе", "ЦЗН", "Май", "Итог"])])
    assert [a.number for a in stitch([p1]).activities] == ["1.1", "1.2"]
    words = table([row(head, header=True), row(["а", "Первое", "ЦЗН", "Май", "Итог"]),
                   row(["1.2.", "Второе", "ЦЗН", "Май", "Итог"])])
    assert [a.number for a in stitch([words]).activities] != ["а", "1.2"]


def test_a_title_header_spanning_the_number_column_leaves_the_numbers_in_their_column():
    """A scan whose header lost the rule between "№" and "Мероприятие" (one header cell over both):
    the numbers stay numbers and the numbered headings stay sections."""
    head = ["Мероприятие", None, "Исполнители", "Срок", "Результат"]
    t = table([row(head, header=True, spans={0: (2, 1)}),
               row(["", "1. Информирование", "", "", ""]),
               row(["1", "Первое", "ЦЗН", "Май", "Итог"]),
               row(["2", "Второе", "ЦЗН", "Май", "Итог"]),
               row(["", "2. Практика", "", "", ""]),
               row(["3", "Третье", "ЦЗН", "Май", "Итог"])])
    t.extractor = "ruled-ocr"           # a scan's heading row shows no bold
    acts = stitch([t]).activities
    assert [(a.number, a.title) for a in acts] == [("1", "Первое"), ("2", "Второе"), ("3", "Третье")]
    assert [a.section for a in acts] == [["1. Информирование"]] * 2 + [["2. Практика"]]
    words = table([row(head, header=True, spans={0: (2, 1)}),
                   row(["Блок А", "Первое", "ЦЗН", "Май", "Итог"]),
                   row(["Блок Б", "Второе", "ЦЗН", "Май", "Итог"])])
    assert all(a.number is None for a in stitch([words]).activities), "a column of words spanned by the title stays title"


def test_two_rows_numbered_from_one_under_a_misread_header_are_numbers():
    head = ["Ne wn", "Мероприятие", "Исполнители", "Срок", "Результат"]
    t = table([row(head, header=True),
               row(["1", "Первое", "ЦЗН", "Май", "Итог"]),
               row(["2", "Второе", "ЦЗН", "Май", "Итог"])])
    assert [a.number for a in stitch([t]).activities] == ["1", "2"]
    t = table([row(head, header=True),
               row(["3", "Первое", "ЦЗН", "Май", "Итог"]),
               row(["7", "Второе", "ЦЗН", "Май", "Итог"])])
    assert [a.number for a in stitch([t]).activities] == [None, None], "two numbers not counting up"


def test_a_column_of_words_is_not_taken_for_numbers():
    head = ["Код", "Мероприятие", "Исполнители", "Срок", "Результат"]
    t = table([row(head, header=True),
               row(["А-1", "Первое", "ЦЗН", "Май", "Итог"]),
               row(["Б", "Второе", "ЦЗН", "Май", "Итог"]),
               row(["1.3", "Третье", "ЦЗН", "Май", "Итог"])])
    acts = stitch([t]).activities
    assert [a.number for a in acts] == [None, None, None]
    assert acts[0].extra == {"Код": "А-1"}


def test_merged_cell_broken_by_a_page_gives_its_rest_to_every_row_it_covers():
    """A responsible merged over rows 1 and 2 runs on to the next page: its rest belongs to both."""
    p1 = table([row(HEAD, header=True),
                row(["1", "Первое", "ЦЗН совместно с профессиональными", "Май", "Итог"], spans={2: (1, 2)}),
                row(["2", "Второе", None, "Июнь", "Итог 2"])], page=1)
    p2 = table([row(HEAD, page=2, header=True),
                row(["", "", "образовательными организациями", "", ""], page=2),
                row(["3", "Третье", "ПОО", "Июль", "Есть"], page=2)], page=2)
    acts = stitch([p1, p2], rows_can_split=True).activities
    assert [a.number for a in acts] == ["1", "2", "3"]
    whole = "ЦЗН совместно с профессиональными образовательными организациями"
    assert [a.responsible for a in acts] == [whole, whole, "ПОО"]
    assert acts[1].deadline == "Июнь"


def test_start_and_end_columns_of_a_row_broken_by_a_page_go_on_column_by_column():
    """"сентяб" / "рь 2024" under "Срок начала", "декабрь" / "2026" under "Срок окончания": each
    column's pieces are joined, not the deadline's two lines end to end."""
    head = ["№", "Мероприятие", "Срок начала", "Срок окончания", "Исполнители", "Результат"]
    p1 = table([row(head, header=True), row(["1", "Организация повышения", "сентяб", "декабрь", "ИРО", "Итог"])],
               page=1, n=6)
    p2 = table([row(head, page=2, header=True), row(["", "квалификации", "рь 2024", "2026", "", ""], page=2),
                row(["2", "Второе", "январь 2025", "март 2025", "ПОО", "Есть"], page=2)], page=2, n=6)
    acts = stitch([p1, p2], rows_can_split=True).activities
    assert [a.number for a in acts] == ["1", "2"]
    assert acts[0].deadline == "сентябрь 2024\nдекабрь 2026"
    assert acts[0].deadline_bounds == ("сентябрь 2024", "декабрь 2026")
    assert acts[0].title == "Организация повышения квалификации"
    assert acts[1].deadline_bounds == ("январь 2025", "март 2025")


def test_a_page_with_an_empty_column_at_its_edge_still_continues_the_table():
    # a scan read a strip of margin as a sixth, empty column with no header on page 1 only
    p1 = table([row(HEAD + [""], header=True), row(["1", "Начало названия", "ЦЗН", "Май", "Итог", ""])], n=6)
    p2 = table([row(HEAD, page=2, header=True), row(["", "продолжение названия", "", "", "и ещё"], page=2),
                row(["2", "Второе", "ПОО", "Июнь", "Есть"], page=2)], page=2)
    acts = stitch([p1, p2], rows_can_split=True).activities
    assert [a.number for a in acts] == ["1", "2"]
    assert acts[0].title == "Начало названия продолжение названия"


def test_a_speck_read_in_the_number_cell_does_not_start_an_activity():
    p1 = table([row(HEAD, header=True), row(["1", "Начало названия", "ЦЗН", "Октябрь", "Итог"])], page=1)
    cont = row(["у", "продолжение названия", "", "2019 года", "и ещё"], page=2)
    cont.cells[0].confidence = 0.18                   # OCR read a speck as "у"
    p2 = table([row(HEAD, page=2, header=True), cont, row(["2", "Второе", "ПОО", "Июнь", "Есть"], page=2)],
               page=2)
    acts = stitch([p1, p2], rows_can_split=True).activities
    assert [a.number for a in acts] == ["1", "2"]
    assert acts[0].title == "Начало названия продолжение названия"
    sure = row(["а", "отдельное мероприятие", "ПОО", "Май", "Есть"], page=2)   # read with confidence
    p3 = table([row(HEAD, page=2, header=True), sure], page=2)
    assert [a.number for a in stitch([p1, p3], rows_can_split=True).activities] == ["1", "а"]


def test_a_speck_number_on_a_row_of_its_own_still_starts_an_activity():
    p1 = table([row(HEAD, header=True), row(["10", "Первое", "ЦЗН", "Май", "Итог"]),
                row(["и", "Разработка материалов", "КРИПО", "I квартал", "Справочник"])], page=1)
    p1.rows[2].cells[0].confidence = 0.2              # the № cell of a new row read as junk
    acts = stitch([p1], rows_can_split=True).activities
    assert [a.title for a in acts] == ["Первое", "Разработка материалов"]


def test_a_row_broken_between_its_months_and_their_year_continues_on_the_next_page():
    p1 = table([row(HEAD, header=True), row(["8", "Проведение анализа трудоустройства", "агентство труда и занятости",
                                             "июль", ""])], page=1)
    p2 = table([row(HEAD, header=True, page=2),
                row(["", "выпускников профессиональных организаций", "населения края", "2025", ""], page=2),
                row(["9", "Подготовка доклада", "Минобразования", "декабрь 2024", ""], page=2)], page=2, cont=True)
    acts = stitch([p1, p2]).activities
    assert [a.number for a in acts] == ["8", "9"]
    assert acts[0].title == "Проведение анализа трудоустройства выпускников профессиональных организаций"
    assert acts[0].deadline.split() == ["июль", "2025"]


def test_a_year_goes_on_only_under_a_deadline_without_one():
    from pipeline.stitch.rows import _year_goes_on

    assert _year_goes_on("июль\nсентябрь", "2025\n2026")
    assert not _year_goes_on("июль 2024", "2025")
    assert not _year_goes_on("июль", "ЦЗН")
