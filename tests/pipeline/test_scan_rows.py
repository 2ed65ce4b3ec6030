"""Rows of noisy scans: a section heading a spurious rule cut into spanning pieces, sub-rows and
continued rows (synthetic grids, as in test_stitch)."""

import pytest

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


def _scan(*tables):
    for t in tables:
        t.extractor = "ruled-ocr"
    return list(tables)


def _numbered_heading_rows():
    return [row(HEAD, header=True),
            row(["1", "Первое", "ЦЗН", "Май", "Итог"]),
            row(["2. | Реализация механизмов", "потребности", ""], spans={0: (2, 1), 3: (2, 1)}),
            row(["1", "Сбор данных", "ПОО", "Июнь", "Опрос"])]


def test_a_scan_heading_across_the_number_and_title_columns_is_a_section():
    acts = stitch(_scan(table(_numbered_heading_rows()))).activities
    assert [a.title for a in acts] == ["Первое", "Сбор данных"]
    assert acts[1].section == ["2. | Реализация механизмов потребности"]


def test_a_scan_row_whose_number_and_title_merged_stays_an_activity():
    rows = [row(HEAD, header=True),
            row(["1 Провести семинар", "ЦЗН", "Май", "Итог"], spans={0: (2, 1)})]
    acts = stitch(_scan(table(rows))).activities
    assert len(acts) == 1 and acts[0].responsible == "ЦЗН"


def test_the_numbered_heading_rule_is_for_scans_only():
    acts = stitch([table(_numbered_heading_rows())]).activities
    assert len(acts) == 3


@pytest.mark.parametrize("marks", ["«\n—..", "п/п", "№ п/п"])   # specks; the header's "п/п" left behind
def test_marks_in_the_number_cell_of_a_continued_scan_row_are_no_number(marks):
    p1 = table([row(HEAD, header=True), row(["1", "Начало названия", "ЦЗН", "Май", "Итог"])], page=1)
    p2 = table([row(HEAD, page=2, header=True), row([marks, "продолжение названия", "", "", ""], page=2),
                row(["2", "Второе", "ПОО", "Июнь", "Есть"], page=2)], page=2)
    acts = stitch(_scan(p1, p2), rows_can_split=True).activities
    assert [a.number for a in acts] == ["1", "2"]
    assert acts[0].title == "Начало названия продолжение названия"


def test_a_continued_scan_row_whose_title_opens_with_a_speck_quote_goes_on():
    p1 = table([row(HEAD, header=True), row(["5", "Подведение итогов", "ЦЗН", "Май", "Итог"])], page=1)
    p2 = table([row(HEAD, page=2, header=True), row(["-.", "‘реализации плана", "", "", ""], page=2)], page=2)
    acts = stitch(_scan(p1, p2), rows_can_split=True).activities
    assert [a.number for a in acts] == ["5"]
    assert acts[0].title.startswith("Подведение итогов") and "реализации плана" in acts[0].title


def test_a_specked_column_numbering_row_of_a_scan_is_dropped():
    numbering = row(["1.| 2", ".3З", "4", "5"], spans={0: (2, 1)})
    rows = [row(HEAD, header=True), numbering, row(["1", "Первое", "ЦЗН", "Май", "Итог"])]
    assert [a.title for a in stitch(_scan(table(rows))).activities] == ["Первое"]
    ten = row(["1", "10", "2", "3"], spans={0: (2, 1)})       # digits that do not count 1, 2, 3 …
    rows = [row(HEAD, header=True), row(["1", "Первое", "ЦЗН", "Май", "Итог"]), ten]
    assert [a.responsible for a in stitch(_scan(table(rows))).activities] == ["ЦЗН", "10"]   # kept


@pytest.mark.parametrize("cells,dropped", [
    (["1", "2", "7\n3", "4 5", ""], True),        # a speck read as "7", the "5" read into its neighbour
    (["1", "7", "3", "", ""], False),            # counting to 3 only: one digit too many is no numbering
    (["1", "2", "7\n8", "4 5", ""], False),      # two digits out of order
])
def test_a_column_numbering_row_with_one_speck_read_as_a_digit_is_dropped(cells, dropped):
    rows = [row(HEAD, header=True), row(["1", "Первое", "ЦЗН", "Май", "Итог"]), row(cells)]
    acts = stitch(_scan(table(rows))).activities
    assert len(acts) == (1 if dropped else 2)


def test_a_continued_page_opening_with_a_numbered_row_of_header_words_keeps_the_row():
    # "Организация мероприятий" / "Отчет о результатах" name roles, but "2" in a cell of its own
    # makes the row data: the page continues the table, its row is not taken for a new header
    p1 = table([row(HEAD, header=True), row(["1", "Первое", "ЦЗН", "Май", "Итог"])], page=1)
    p2 = table([row(["2", "Организация мероприятий", "ЦЗН", "Ежегодно", "Отчет о результатах"], page=2),
                row(["3", "Третье", "ПОО", "Июнь", "Есть"], page=2)], page=2)
    for tables in ([p1, p2], _scan(p1, p2)):
        acts = stitch(tables, rows_can_split=True).activities
        assert [(a.number, a.title) for a in acts] == [("1", "Первое"), ("2", "Организация мероприятий"),
                                                      ("3", "Третье")]
        assert acts[1].responsible == "ЦЗН" and acts[1].deadline == "Ежегодно"


def test_a_speck_over_the_rest_of_a_row_with_no_title_is_no_number():
    p1 = table([row(HEAD, header=True), row(["3.", "Экспертиза", "РУМЦ совместно с", "IV квартал", "Итог"])], page=1)
    p2 = table([row(HEAD, page=2, header=True), row(["у", "", "организациями инвалидов", "2023 г.", ""], page=2),
                row(["-6.", "Сопровождение", "ЦЗН", "Июнь", "Есть"], page=2)], page=2)
    p2.rows[1].cells[0].confidence = 0.44
    acts = stitch(_scan(p1, p2), rows_can_split=True).activities
    assert [a.number for a in acts] == ["3", "6"]             # the speck before "6" dropped too
    assert acts[0].deadline == "IV квартал 2023 г."
    assert acts[0].responsible == "РУМЦ совместно с организациями инвалидов"


def test_a_numbered_scan_heading_with_specks_beside_it_is_a_section():
    heading = row(["1.3. Разработка схем сетевого", "сх тонкя", "", "правовой основы"],
                  spans={0: (2, 1), 4: (1, 1)})
    heading.cells[1].confidence = 0.3                      # a speck read at low confidence
    rows = [row(HEAD, header=True), row(["1", "Первое", "ЦЗН", "Май", "Итог"]), heading,
            row(["2", "Второе", "ПОО", "Июнь", "Есть"])]
    acts = stitch(_scan(table(rows))).activities
    assert [a.number for a in acts] == ["1", "2"]
    assert acts[1].section[0].startswith("1.3. Разработка схем сетевого")


def _worded_heading_rows():
    return [row(HEAD, header=True),
            row(["1", "Первое", "ЦЗН", "Май", "Итог"]),
            row(["‚Раздел 2. Развитие кадрового потенциала", "", "р", "о"], spans={0: (3, 1)}),
            row(["1", "Сбор данных", "ПОО", "Июнь", "Опрос"])]


def test_a_worded_scan_heading_with_letter_specks_in_other_cells_is_a_section():
    acts = stitch(_scan(table(_worded_heading_rows()))).activities
    assert [a.title for a in acts] == ["Первое", "Сбор данных"]
    assert acts[1].section == ["Раздел 2. Развитие кадрового потенциала"]
    assert len(stitch([table(_worded_heading_rows())]).activities) == 3      # a text PDF: as it is


def test_a_worded_scan_row_with_real_texts_beside_it_is_no_heading():
    rows = [row(HEAD, header=True),
            row(["Раздел 2 программы обновить", "", "ПОО", "Июнь"], spans={0: (3, 1)})]
    acts = stitch(_scan(table(rows))).activities
    assert len(acts) == 1 and acts[0].section == []


@pytest.mark.parametrize("marks", ["и“,", "ии", "Е:"])     # letter-like specks, read at any confidence
def test_letter_specks_in_the_number_cell_of_a_continued_scan_row_are_no_number(marks):
    p1 = table([row(HEAD, header=True), row(["1", "Начало названия", "ЦЗН", "Май", "Итог"])], page=1)
    p2 = table([row(HEAD, page=2, header=True), row([marks, "продолжение названия", "", "", ""], page=2),
                row(["2", "Второе", "ПОО", "Июнь", "Есть"], page=2)], page=2)
    for c in p2.rows[1].cells:
        c.confidence = 0.9
    acts = stitch(_scan(p1, p2), rows_can_split=True).activities
    assert [a.number for a in acts] == ["1", "2"]
    assert acts[0].title == "Начало названия продолжение названия"


def test_a_lettered_item_after_a_page_break_keeps_its_letter():
    p1 = table([row(HEAD, header=True), row(["1", "Начало названия", "ЦЗН", "Май", "Итог"])], page=1)
    p2 = table([row(HEAD, page=2, header=True), row(["б)", "проведение опроса", "", "", ""], page=2)], page=2)
    acts = stitch(_scan(p1, p2), rows_can_split=True).activities
    assert [a.number for a in acts] == ["1", "б)"]


def _gap_rows(*between):
    return [row(HEAD, header=True), row(["2", "Второе", "ЦЗН", "Май", "Итог"]), *between,
            row(["4", "Четвёртое", "ПОО", "Июль", "Есть"])]


def test_the_one_number_a_scan_lost_is_read_from_the_sequence():
    lost = row(["", "Проведение конкурса", "ЦОПП", "Июнь", "Проведён"])
    acts = stitch(_scan(table(_gap_rows(lost)))).activities
    assert [(a.number, a.title) for a in acts] == [("2", "Второе"), ("3", "Проведение конкурса"), ("4", "Четвёртое")]
    assert "number_from_sequence" in acts[1].flags


def test_a_row_whose_number_and_first_word_a_signature_took_is_the_missing_item():
    # "Организация" and the "3" lost under a signature: its own deadline and responsible make it one
    lost = row(["", "сетевой формы реализации программ", "КОиН КО", "01.09.2023", "Программы"])
    acts = stitch(_scan(table(_gap_rows(lost)))).activities
    assert [a.number for a in acts] == ["2", "3", "4"] and "number_from_sequence" in acts[1].flags


@pytest.mark.parametrize("read", ["3. г", "3.г"])
def test_a_letter_a_speck_left_after_an_item_number_is_dropped(read):
    t = table([row(HEAD, header=True), row(["2", "Второе", "ЦЗН", "Май", "Итог"]),
               row([read, "Третье", "ПОО", "Июнь", "Есть"])])
    assert [a.number for a in stitch(_scan(t)).activities] == ["2", "3."]
    t = table([row(HEAD, header=True), row(["3", "Третье", "ЦЗН", "Май", "Итог"]),
               row(["3а", "Третье-а", "ПОО", "Июнь", "Есть"])])
    assert [a.number for a in stitch(_scan(t)).activities] == ["3", "3а"]


@pytest.mark.parametrize("between", [
    [row(["", "Проведение конкурса", "ЦОПП", "Июнь", "Проведён"]),
     row(["", "Подведение итогов", "ПОО", "Июль", "Отчёт"])],             # two candidates: which one?
    [row(["", "проведение конкурса", "", "", "и отчёт"])],                # no item of its own
])
def test_no_number_from_the_sequence_when_it_leaves_a_doubt(between):
    acts = stitch(_scan(table(_gap_rows(*between)))).activities
    assert [a.number for a in acts] == ["2", "4"]


def test_a_text_pdf_row_with_an_empty_number_cell_stays_a_sub_row():
    lost = row(["", "Проведение конкурса", "ЦОПП", "Июнь", "Проведён"])
    assert [a.number for a in stitch([table(_gap_rows(lost))]).activities] == ["2", "4"]


def test_a_rows_specks_dropped_flag_reaches_its_activity_once():
    from pipeline.records import ActivityRecord
    from pipeline.stitch.layout import DataRow
    from pipeline.stitch.rows import _add_box

    act = ActivityRecord(section=[], number="1", title="t")
    row = DataRow(slots=[], page=1, bbox=(0, 0, 10, 10), flags=["ocr_specks_dropped: 2"])
    _add_box(act, row)
    _add_box(act, row)
    assert act.flags == ["ocr_specks_dropped: 2"] and act.boxes == [[1, 0, 0, 10, 10]]


@pytest.mark.parametrize("letter,prev,continued", [
    ("и", "8.", True),      # no lettered list starts at "и": a speck over a continued row
    ("Д", "3", True),
    ("б", "а)", False),     # the next letter of a lettered list is an item
    ("а", "8.", False),     # a lettered list may start after a numbered item
])
def test_a_letter_a_lettered_list_cannot_have_there_is_no_item_number(letter, prev, continued):
    p1 = table([row(HEAD, header=True), row([prev, "Проведение анализа", "ЦЗН", "Май", "Итог"])], page=1)
    p2 = table([row(HEAD, page=2, header=True), row([letter, "выпускников колледжей", "", "", ""], page=2)], page=2)
    acts = stitch(_scan(p1, p2), rows_can_split=True).activities
    if continued:
        assert len(acts) == 1 and acts[0].title == "Проведение анализа выпускников колледжей"
    else:
        assert len(acts) == 2 and acts[1].number.startswith(letter)


def _tail_rows(*tail):
    return [row(HEAD, header=True), row(["1", "Первое", "ЦЗН", "Май", "Итог"]),
            row(["2", "Второе", "ПОО", "Июнь", "Есть"]), *tail]


def test_the_last_rows_number_a_scan_lost_is_the_next_one():
    lost = row(["", "Подготовка доклада", "ЦОПП", "Декабрь", "Доклад"])
    acts = stitch(_scan(table(_tail_rows(row(["", "и опроса", "", "", ""]), lost)))).activities
    assert [(a.number, a.title) for a in acts] == [("1", "Первое"), ("2", "Второе и опроса"),
                                                  ("3", "Подготовка доклада")]
    assert "number_from_sequence" in acts[2].flags


def test_the_last_row_whose_number_and_first_word_a_signature_took_is_the_next_item():
    lost = row(["", "ежегодного доклада о реализации", "Минобразования края", "декабрь 2024", "Доклад"])
    acts = stitch(_scan(table(_tail_rows(lost)))).activities
    assert [a.number for a in acts] == ["1", "2", "3"] and "number_from_sequence" in acts[2].flags
    no_year = row(["", "ежегодного доклада о реализации", "Минобразования края", "декабрь", "Доклад"])
    assert [a.number for a in stitch(_scan(table(_tail_rows(no_year)))).activities] == ["1", "2"]


@pytest.mark.parametrize("rows", [
    [row(["", "Подготовка доклада", "ЦОПП", "Декабрь", "Доклад"]),
     row(["", "Подведение итогов", "ПОО", "Июль", "Отчёт"])],            # two candidates
    [row(["", "Подготовка доклада", "ЦОПП", "Декабрь", "Доклад"]),
     row(["", "и опроса", "", "", ""])],                                   # not the last row
])
def test_no_last_number_from_the_sequence_when_it_leaves_a_doubt(rows):
    acts = stitch(_scan(table(_tail_rows(*rows)))).activities
    assert [a.number for a in acts] == ["1", "2"]


def test_a_table_with_sub_rows_of_their_own_keeps_its_last_unnumbered_row_a_sub_row():
    rows = [row(HEAD, header=True), row(["1", "Первое", "ЦЗН", "Май", "Итог"]),
            row(["", "Опрос выпускников", "ПОО", "Июнь", "Есть"]),
            row(["2", "Второе", "ПОО", "Июнь", "Есть"]),
            row(["", "Подготовка доклада", "ЦОПП", "Декабрь", "Доклад"])]
    assert [a.number for a in stitch(_scan(table(rows))).activities] == ["1", "2"]
    lost = row(["", "Подготовка доклада", "ЦОПП", "Декабрь", "Доклад"])
    assert [a.number for a in stitch([table(_tail_rows(lost))]).activities] == ["1", "2"]   # a text PDF


def test_a_column_numbering_row_that_lost_a_number_is_dropped_only_under_the_header():
    numbering = row(["1", "", "3", "„4", "5"])
    rows = [row(HEAD, header=True), numbering, row(["1", "Первое", "ЦЗН", "Май", "Итог"])]
    assert [a.title for a in stitch(_scan(table(rows))).activities] == ["Первое"]
    speck = [row(HEAD, header=True), row(["1", "2", "3", "4 75", ""]), row(["1", "Первое", "ЦЗН", "Май", "Итог"])]
    assert [a.title for a in stitch(_scan(table(speck))).activities] == ["Первое"]      # one cell misread
    words = [row(HEAD, header=True), row(["1", "2", "3", "Май", ""]), row(["1", "Первое", "ЦЗН", "Май", "Итог"])]
    assert len(stitch(_scan(table(words))).activities) == 2                             # a word: data
    further = [row(HEAD, header=True), row(["1", "Первое", "ЦЗН", "Май", "Итог"]), row(["1", "", "3", "4", "5"])]
    assert len(stitch(_scan(table(further))).activities) == 2       # lower down it is data, kept
    # the last two numbers in one cell, the next cell empty (a rule lost), the title's "2" lost too
    # (measured on two colour seeds: "1" | "" | "3" | "4 5" | "" had become an activity "1")
    shifted = [row(HEAD, header=True), row(["1", "", "3", "4 5", ""]), row(["1", "Первое", "ЦЗН", "Май", "Итог"])]
    assert [a.title for a in stitch(_scan(table(shifted))).activities] == ["Первое"]
    taken = [row(HEAD, header=True), row(["1", "", "3", "4 5", "6"]), row(["1", "Первое", "ЦЗН", "Май", "Итог"])]
    assert len(stitch(_scan(table(taken))).activities) == 2          # the next cell holds text: no shift


def test_a_column_numbering_row_with_letters_read_for_digits_is_dropped():
    """Measured: Kaliningrad's "1 | 2 | 3 | …" row with its "1" read "I" became an activity "I"."""
    lookalike = [row(HEAD, header=True), row(["I", "2", "З", "4", "5"]), row(["1", "Первое", "ЦЗН", "Май", "Итог"])]
    assert [a.title for a in stitch(_scan(table(lookalike))).activities] == ["Первое"]
    # a mark beside digits is a speck, not a "1" (measured: "1.|2" across two columns, "4", the rest lost)
    specked = [row(HEAD, header=True), row(["1.|2", "", "4", ""], spans={0: (2, 1)}),
               row(["1", "Первое", "ЦЗН", "Май", "Итог"])]
    assert [a.title for a in stitch(_scan(table(specked))).activities] == ["Первое"]
    roman = [row(HEAD, header=True), row(["I", "Организация", "", "", ""]), row(["1", "Первое", "ЦЗН", "Май", "Итог"])]
    assert len(stitch(_scan(table(roman))).activities) == 2            # a word in it: not a numbering row
    # measured: "1" read "а" and "4" read "74" beside three numbers read right
    letter = [row(HEAD, header=True), row(["а", "2", "3", "74", "5"]), row(["1", "Первое", "ЦЗН", "Май", "Итог"])]
    assert [a.title for a in stitch(_scan(table(letter))).activities] == ["Первое"]
    two_wrong = [row(HEAD, header=True), row(["1", "7", "3", "74", ""]), row(["1", "Первое", "ЦЗН", "Май", "Итог"])]
    assert len(stitch(_scan(table(two_wrong))).activities) == 2        # two misread, no letter, two right


def test_a_row_continued_under_a_repeated_header_is_no_second_header_row():
    # page 2 repeats the header; the rest of row 2 ("… 2024 года", no number) under it reads like a
    # lower header row with a year (a targets column) — it is the continued row
    head = ["№ п/п", "Наименование мероприятия", "Ответственный исполнитель", "Срок исполнения", "Показатель",
            "Примечание"]
    page1 = table([row(head, header=True), row(["1", "Первое", "ЦЗН", "Май", "Итог", ""]),
                   row(["2", "Подведение итогов", "МО ОО", "декабрь", "Отчёт", ""])], n=6)
    misread = ["п/я", "Наименование. мероприятия", "Ответственный исполнитель", "Срок исполнения", "Цоказатель",
               "Примечание"]
    page2 = table([row(misread, page=2), row(["", "реализации плана мероприятий", "", "2024 года", "", ""], page=2)],
                  page=2, n=6)
    acts = stitch(_scan(page1, page2)).activities
    assert [a.number for a in acts] == ["1", "2"]
    assert acts[1].title == "Подведение итогов реализации плана мероприятий"
    assert acts[1].deadline.split() == ["декабрь", "2024", "года"]


def test_a_row_with_its_number_and_nothing_else_is_no_activity():
    rows = [row(HEAD, header=True), row(["1", "Первое", "ЦЗН", "Май", "Итог"]),
            row(["2", "Второе", "ПОО", "Июнь", "Есть"]), row(["1", "", "", "", ""])]
    acts = stitch(_scan(table(rows))).activities
    assert [(a.number, a.title) for a in acts] == [("1", "Первое"), ("2", "Второе")]


def _title_only_heading_rows(second: str, number_before: str = "2") -> list:
    return [row(HEAD, header=True),
            row(["", "1. Информационное обеспечение", "", "", ""]),
            row(["1", "Размещение информации", "ЦЗН", "Май", "Итог"]),
            row([number_before, "Родительские собрания", "ОМСУ", "Июнь", "Итог"]),
            row(["", second, "", "", ""]),
            row(["3", "Профессиональные пробы", "ПОО", "Июль", "Пробы"])]


def test_a_title_only_row_numbered_as_the_next_section_is_a_section():
    # a scan shows no bold: the heading's number, after the last heading's, tells it
    acts = stitch(_scan(table(_title_only_heading_rows("2. Практико-ориентированные мероприятия")))).activities
    assert [a.number for a in acts] == ["1", "2", "3"]
    assert acts[2].section == ["2. Практико-ориентированные мероприятия"]
    assert acts[1].section == ["1. Информационное обеспечение"]


def test_a_mark_alone_in_the_number_cell_of_a_scan_heading_is_a_speck():
    # measured: "$" | "1. Информационное обеспечение профориентации" | "" | "" had become an activity "$"
    rows = _title_only_heading_rows("2. Практико-ориентированные мероприятия")
    rows[1] = row(["$", "1. Информационное обеспечение", "", "", ""])
    acts = stitch(_scan(table(rows))).activities
    assert [a.number for a in acts] == ["1", "2", "3"]
    assert acts[0].section == ["1. Информационное обеспечение"]


@pytest.mark.parametrize("read", ["2, Практико-ориентированные мероприятия", "2..Практико-ориентированные мероприятия",
                                  "2.Практико-ориентированные мероприятия"])
def test_a_next_section_number_read_with_a_comma_or_two_stops_or_no_space_is_a_section(read):
    acts = stitch(_scan(table(_title_only_heading_rows(read)))).activities
    assert acts[2].section == ["2. Практико-ориентированные мероприятия"]


@pytest.mark.parametrize("number_before", ["2:", "2,", "2’"])
def test_a_speck_after_the_item_number_above_does_not_hide_it_from_the_next_section_number(number_before):
    acts = stitch(_scan(table(_title_only_heading_rows("2. Практико-ориентированные мероприятия", number_before)))).activities
    assert [a.number for a in acts] == ["1", "2", "3"]
    assert acts[2].section == ["2. Практико-ориентированные мероприятия"]


def test_a_title_only_row_numbered_as_the_next_sections_first_part_is_a_section():
    """A degraded Tomsk plan read "2. Практико-…" as "2.1 Праклико-…" (a speck after the stop): the
    row had vanished into item 2 and items 3-5 kept section 1. The text stays as read."""
    acts = stitch(_scan(table(_title_only_heading_rows("2.1 Практико-ориентированные мероприятия")))).activities
    assert [a.number for a in acts] == ["1", "2", "3"]
    assert acts[2].section == ["2.1 Практико-ориентированные мероприятия"]


@pytest.mark.parametrize("second", ["4. Отчёт о проведении", "в том числе родительские чаты", "2.2 Отчёт о проведении",
                                    "3.1 Отчёт о проведении"])
def test_a_title_only_row_numbered_out_of_the_section_order_stays_a_sub_row(second):
    acts = stitch(_scan(table(_title_only_heading_rows(second)))).activities
    assert acts[2].section == ["1. Информационное обеспечение"]


def test_the_rest_of_a_title_over_the_number_and_title_columns_after_a_page_break_is_the_title():
    # page 2 of a scan lost the rule between № and title over the rest of item 5's title
    page1 = table([row(HEAD, header=True),
                   row(["4", "Конкурс", "МО ОО", "май", "Итог"]),
                   row(["5", "Подведение итогов", "МО ОО", "декабрь", "Отчёт"])])
    page2 = table([row(HEAD, header=True),
                   row(["реализации плана мероприятий", "", "2024 года", ""], spans={0: (2, 1)})])
    page2.page_start = page2.page_end = 2
    acts = stitch(_scan(page1, page2)).activities
    assert [a.number for a in acts] == ["4", "5"]
    assert acts[1].title == "Подведение итогов реализации плана мероприятий"


def test_the_next_section_number_rule_is_for_scans_only():
    # a text file marks its headings (bold); a numbered line in a title cell there is a sub-row
    acts = stitch([table(_title_only_heading_rows("2. Практико-ориентированные мероприятия"))]).activities
    assert acts[2].section == ["1. Информационное обеспечение"]


def test_a_number_out_of_sequence_over_a_lower_case_title_is_a_speck_over_the_rest_of_the_row_above():
    rows = [row(HEAD, header=True),
            row(["7", "Мониторинг", "ЦЗН", "май", "Итог"]),
            row(["8", "Проведение анализа трудоустройства", "ПОО", "июнь", "Отчёт"]),
            row(["1", "выпускников профессиональных организаций", "", "", ""]),
            row(["9", "Подготовка доклада", "ПОО", "декабрь", "Доклад"])]
    acts = stitch(_scan(table(rows))).activities
    assert [a.number for a in acts] == ["7", "8", "9"]
    assert acts[1].title == "Проведение анализа трудоустройства выпускников профессиональных организаций"
    # the next number over a lower-case title stays an item of its own, also with its dot lost
    rows[3] = row(["9", "выпускников профессиональных организаций", "", "", ""])
    rows[4] = row(["10", "Подготовка доклада", "ПОО", "декабрь", "Доклад"])
    assert [a.number for a in stitch(_scan(table(rows))).activities] == ["7", "8", "9", "10"]
    rows[1], rows[2] = row(["5.3", "Мониторинг", "ЦЗН", "май", "Итог"]), row(["5.4", "Оформление стенда", "ПОО", "июнь", "Стенд"])
    rows[3] = row(["55", "информирование общественности", "ЦЗН", "ежегодно", "Сайт"])
    rows[4] = row(["5.6", "Подготовка доклада", "ПОО", "декабрь", "Доклад"])
    assert len(stitch(_scan(table(rows))).activities) == 4


def test_the_first_item_under_a_heading_keeps_its_number_though_its_title_lost_its_capital():
    rows = [row(HEAD, header=True),
            row(["I. Нормативное обеспечение"], spans={0: (5, 1)}),
            row(["1", "положения о наставничестве", "МОиН", "2023", "Положение"]),
            row(["2", "Утверждение программ", "МОиН", "2024", "Программы"])]
    acts = stitch(_scan(table(rows))).activities
    assert [a.number for a in acts] == ["1", "2"]


def test_a_list_restarting_under_a_heading_keeps_its_first_number():
    rows = [row(HEAD, header=True),
            row(["I. Нормативное обеспечение"], spans={0: (5, 1)}),
            row(["1", "Разработка положения", "МОиН", "2023", "Положение"]),
            row(["2", "Утверждение программ", "МОиН", "2024", "Программы"]),
            row(["II. Методическое сопровождение"], spans={0: (5, 1)}),
            row(["1", "конкурс наставников", "МОиН", "2024", "Конкурс"])]
    acts = stitch(_scan(table(rows))).activities
    assert [(a.number, a.section[-1][:3]) for a in acts] == [("1", "I. "), ("2", "I. "), ("1", "II.")]


def test_a_number_read_glued_to_its_title_across_the_rule_is_split_on_a_scan():
    rows = [row(HEAD, header=True),
            row(["2.1", "Стажировки мастеров", "ЦРПО", "2020", "Итог"]),
            row(["2.2---Повышение квалификации", "", "ЦРПО", "2021", "Удостоверения"])]
    acts = stitch(_scan(table(rows))).activities
    assert [(a.number, a.title) for a in acts] == [("2.1", "Стажировки мастеров"), ("2.2", "Повышение квалификации")]
    text = stitch([table(rows)]).activities       # a text file: as printed
    assert text[1].number.startswith("2.2---") and not text[1].title


def test_a_number_out_of_sequence_over_a_title_that_lost_its_capital_starts_an_item():
    # "9" read "5" over "одготовка …" ("Подготовка" with its capital lost): an item, not the rest of 8
    rows = [row(HEAD, header=True),
            row(["8", "Проведение анализа трудоустройства выпускников", "ПОО", "июнь", "Отчёт"]),
            row(["5", "одготовка ежегодного доклада", "Минобразования края", "декабрь", "Доклад"])]
    acts = stitch(_scan(table(rows))).activities
    assert len(acts) == 2 and acts[1].title == "одготовка ежегодного доклада"


@pytest.mark.parametrize("cells,heading", [
    (["", "1. Информационное обеспечение", "я", "", ""], True),    # the heading, a speck beside it
    (["", "1. Информационное обеспечение", "", "", ""], True),
    (["", "1. Информационное обеспечение", "ЦЗН", "Май", ""], False),   # a row of its own
])
def test_a_numbered_heading_in_the_title_cell_of_a_scan_row_with_a_speck_beside_it(cells, heading):
    rows = [row(HEAD, header=True), row(cells), row(["1", "Первое", "ЦЗН", "Май", "Итог"]),
            row(["2", "Второе", "ПОО", "Июнь", "Итог"])]
    acts = stitch(_scan(table(rows))).activities
    assert [a.title for a in acts][-2:] == ["Первое", "Второе"]
    assert (acts[-1].section == ["1. Информационное обеспечение"]) is heading


def _page_two(*rows):
    p1 = table(_tail_rows(row(["3", "Проведение анализа", "ЦЗН", "Июль", "Отчёт"])), page=1)
    return p1, table([row(HEAD, page=2, header=True), *rows], page=2)


def test_the_last_row_under_a_no_cell_merged_with_the_continued_row_takes_the_next_number():
    # a signature hid the rule in the № column between the row continued from page 1 and the last
    # row: the merged № cell holds no number of the row above on this page
    p1, p2 = _page_two(row(["", "выпускников колледжей", "", "", ""], page=2, spans={0: (1, 2)}),
                       row([None, "Подготовка доклада", "ЦОПП", "Декабрь 2026", "Доклад"], page=2))
    acts = stitch(_scan(p1, p2), rows_can_split=True).activities
    assert [(a.number, a.title) for a in acts][-2:] == [("3", "Проведение анализа выпускников колледжей"),
                                                       ("4", "Подготовка доклада")]
    assert "number_from_sequence" in acts[-1].flags


def test_a_sub_row_under_its_items_merged_no_cell_stays_a_sub_row():
    p1, p2 = _page_two(row(["4", "Подготовка доклада", "ЦОПП", "Май", "Доклад"], page=2, spans={0: (1, 2)}),
                       row([None, "Размещение доклада", "ПОО", "Июнь 2026", "Сайт"], page=2))
    acts = stitch(_scan(p1, p2), rows_can_split=True).activities
    assert [a.number for a in acts] == ["1", "2", "3", "4"]
    assert "Размещение доклада" in acts[-1].title or acts[-1].sub_items


def test_a_specks_digit_apart_after_an_items_dot_is_no_sub_number():
    rows = [row(HEAD, header=True), row(["1", "Первое", "ЦЗН", "Май", "Итог"]),
            row(["2", "Второе", "ПОО", "Июнь", "Есть"]), row(["3. 7", "Третье", "ПОО", "Июль", "Есть"]),
            row(["4", "Четвёртое", "ПОО", "Август", "Есть"])]
    assert [a.number for a in stitch(_scan(table(rows))).activities] == ["1", "2", "3", "4"]
    sub = [row(HEAD, header=True), row(["3", "Третье", "ЦЗН", "Май", "Итог"]),
           row(["3.6", "Шестое", "ПОО", "Июнь", "Есть"]), row(["3. 7", "Седьмое", "ПОО", "Июль", "Есть"])]
    assert [a.number for a in stitch(_scan(table(sub))).activities][-1] == "3.7"     # it follows "3.6"


def test_a_word_under_the_table_read_into_the_last_number_cell_is_no_part_of_the_number():
    rows = [row(HEAD, header=True), row(["2.1", "Первое", "ЦЗН", "Май", "Итог"]),
            row(["2.2. Список", "Мониторинг", "ПОО", "Июнь", "Есть"])]
    assert [a.number for a in stitch(_scan(table(rows))).activities] == ["2.1", "2.2"]


def test_a_heading_whose_number_carries_a_speck_still_numbers_the_next_heading():
    rows = [row(HEAD, header=True), row(["", "1.'Информационное обеспечение", "", "", ""]),
            row(["1", "Первое", "ЦЗН", "Май", "Итог"]), row(["2", "Второе", "ПОО", "Июнь", "Есть"]),
            row(["", "2. Практико-ориентированные мероприятия", "", "", ""]),
            row(["3", "Третье", "ПОО", "Июль", "Есть"])]
    acts = stitch(_scan(table(rows))).activities
    assert [a.number for a in acts] == ["1", "2", "3"] and not acts[1].sub_items
    assert acts[2].section == ["2. Практико-ориентированные мероприятия"]


def test_a_bracketed_speck_number_over_a_garbled_rest_of_a_row_is_no_number():
    # "(1" over the misread rest of item 5's title ("Изац вана …" for "реализации плана …"), no
    # responsible of its own: the row above goes on
    p1 = table([row(HEAD, header=True), row(["4", "Четвёртое", "ЦЗН", "Май", "Итог"]),
                row(["5", "Подведение итогов", "МО ОО", "декабрь", "Отчёт"])], page=1)
    p2 = table([row(HEAD, page=2, header=True), row(["(1", "Изац вана я тий", "", "2024 года", ""], page=2)], page=2)
    acts = stitch(_scan(p1, p2), rows_can_split=True).activities
    assert [a.number for a in acts] == ["4", "5"]
    assert acts[1].title == "Подведение итогов Изац вана я тий" and acts[1].deadline == "декабрь 2024 года"


def test_a_bracketed_number_with_a_responsible_of_its_own_starts_an_item():
    p1 = table([row(HEAD, header=True), row(["5", "Подведение итогов", "МО ОО", "декабрь", "Отчёт"])], page=1)
    p2 = table([row(HEAD, page=2, header=True), row(["(6", "Новое мероприятие", "ЦЗН", "май", "Есть"], page=2)], page=2)
    acts = stitch(_scan(p1, p2), rows_can_split=True).activities
    assert [a.number for a in acts] == ["5", "6"]      # the bracket a speck, the number its own


def test_an_empty_row_above_the_header_is_skipped_and_starts_no_plan():
    # measured on a grey photocopy: an empty row (a rule found twice) above the header of the plan's
    # first table had left the document with "no activity table found"
    first = table([row(["", "", "", "", ""]), row(HEAD), row(["1", "Первое", "ЦЗН", "Май", "Итог"])])
    page2 = table([row(HEAD, page=2), row(["2", "Второе", "ПОО", "Июнь", "Есть"], page=2)], page=2)
    result = stitch(_scan(first, page2))
    assert [(a.section, a.title) for a in result.activities] == [([], "Первое"), ([], "Второе")]


def test_marks_for_a_misread_number_in_a_full_row_keep_it_an_item():
    # measured: "+." for "1." in a row of its own; read as no number, it had hidden the last row's
    # lost number ("9" under "8." on the next page) and that row joined item 8
    rows = [row(HEAD, header=True), row(["+.", "Первое", "ЦЗН", "Май", "Итог"]),
            row(["2.", "Второе", "ПОО", "Июнь", "Есть"]), row(["3.", "Третье", "ПОО", "Июль", "Есть"]),
            row(["", "Четвёртое", "ЦЗН", "Август", "Доклад"])]
    acts = stitch(_scan(table(rows))).activities
    assert len(acts) == 4 and acts[-1].number == "4" and acts[-1].title == "Четвёртое"


def test_a_lower_header_row_of_years_with_a_speck_under_the_number_is_a_header_row():
    # measured on a noisy scan of the dev set's Kaluga plan: "п/п" under "№" read as "mn" made the
    # years' header row an activity "mn" and the targets went unread
    rows = [row(["", "Мероприятие", "Сроки", "Ответственные", "Значение показателя по годам"], spans={4: (3, 1)}),
            row(["mn", "", "", "", "2021", "2022", "2023"]), row(["1", "Первое", "2021", "ЦЗН", "1", "2", "3"])]
    acts = stitch(_scan(table(rows, n=7))).activities
    assert [a.title for a in acts] == ["Первое"]
    assert acts[0].targets and acts[0].targets[0].values == {"2021": "1", "2022": "2", "2023": "3"}


def test_a_first_section_heading_above_a_misread_first_item_number_is_a_section():
    """Measured on two colour seeds: "1. Информационное обеспечение …" alone in the title cell (its
    spanning cell cut by the scan's rules) over an item "1" read "71" became an activity "1"."""
    rows = _title_only_heading_rows("2. Практико-ориентированные мероприятия")
    rows[2] = row(["71", "Размещение информации", "ЦЗН", "Май", "Итог"])
    acts = stitch(_scan(table(rows))).activities
    assert [a.title for a in acts] == ["Размещение информации", "Родительские собрания", "Профессиональные пробы"]
    assert acts[0].section == ["1. Информационное обеспечение"]
    # an item "1" of its own (its number in the № cell) whose other cells were lost stays an item
    lost = [row(HEAD, header=True), row(["1", "Размещение информации", "", "", ""]),
            row(["72", "Родительские собрания", "ОМСУ", "Июнь", "Итог"]), row(["3", "Пробы", "ПОО", "Июль", "Пробы"])]
    assert [a.title for a in stitch(_scan(table(lost))).activities][0] == "Размещение информации"
