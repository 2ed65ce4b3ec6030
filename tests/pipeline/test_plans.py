"""Plans as people really publish them: section rows, numbers inside titles, several plans per file,
rows broken by pages. Each rule on a small hand-made grid or a generated DOCX."""

from extractors.docx import extract_docx
from extractors.grid import Cell, Row, Table, TextBlock
from pipeline.stitch import follows, split_title_number, stitch
from tests.docx_factory import HEADER

HEAD = ["№", "Мероприятие", "Срок", "Ответственный"]


def row(texts, page=1, header=False, spans=None, bold=False):
    cells, col = [], 0
    spans = spans or {}
    for t in texts:
        cs = spans.get(col, 1)
        if t is not None:
            cells.append(Cell(text=t, col=col, colspan=cs, page=page, bold=bold))
        col += cs
    return Row(cells=cells, page=page, is_header=header)


def table(rows, page=1, n=4, cont=False):
    return Table(rows=rows, n_cols=n, page_start=page, page_end=page, continues_previous=cont)


# ---------------------------------------------------------------- rule 3: section rows


def test_numbered_row_without_deadline_or_responsible_is_a_section():
    t = table([row(HEAD, header=True),
               row(["1.", "Меры по развитию правовой основы", "", ""]),
               row(["1.1", "Мониторинг законодательства", "Постоянно", "Директор"]),
               row(["1.2", "Анализ проектов актов", "Ежеквартально", "Заместитель"]),
               row(["2", "Взаимодействие с органами", "", ""]),
               row(["2.1", "Информирование", "При выявлении", "Директор"])])
    acts = stitch([t]).activities
    assert [(a.number, a.section) for a in acts] == [
        ("1.1", ["1. Меры по развитию правовой основы"]), ("1.2", ["1. Меры по развитию правовой основы"]),
        ("2.1", ["2 Взаимодействие с органами"])]


def test_numbered_row_missing_its_fields_among_plain_items_stays_an_activity():
    t = table([row(HEAD, header=True),
               row(["1", "Первое", "Май", "Директор"]),
               row(["2", "Второе без срока", "", ""]),
               row(["3", "Третье", "Июнь", "Директор"])])
    acts = stitch([t]).activities
    assert [a.number for a in acts] == ["1", "2", "3"]


def test_heading_row_of_a_ruled_pdf_split_into_cells_with_text_only_in_the_first():
    t = table([row(HEAD, header=True),
               row(["Организационные мероприятия", "", "", ""]),
               row(["1", "Совещание", "Май", "Директор"]),
               row(["2", "Отчет", "Июнь", "Директор"]),
               row(["", "Кадровое обеспечение", "", ""]),
               row(["1", "Обучение", "Июль", "Директор"]),
               row(["", "Фестиваль профессий", "", ""]),
               row(["2", "Конкурс", "Август", "Директор"])])
    acts = stitch([t], rows_can_split=False).activities
    assert [(a.number, a.section) for a in acts] == [
        ("1", ["Организационные мероприятия"]), ("2", ["Организационные мероприятия"]),
        ("1", ["Кадровое обеспечение"]), ("2", ["Кадровое обеспечение"])]
    assert [s.title for s in acts[2].sub_items] == ["Фестиваль профессий"]   # no new list under it


# ---------------------------------------------------------------- rule 4: numbers inside titles


def test_item_numbers_in_the_title_cell_split_off_when_the_number_column_is_empty():
    t = table([row(HEAD, header=True),
               row(["", "1.1.Ознакомить работников", "Май", "Директор"]),
               row(["", "1.2) Провести совещание", "Июнь", "Директор"]),
               row(["", "2024 год: подвести итоги", "Июль", "Директор"]),
               row(["", "3D-моделирование", "Июль", "Директор"])])
    acts = stitch([t], rows_can_split=False).activities
    assert [a.number for a in acts] == ["1.1", "1.2"]     # "2024 год", "3D-…" are no item numbers
    assert acts[0].title == "Ознакомить работников"
    assert acts[1].title == "Провести совещание 2024 год: подвести итоги 3D-моделирование"
    assert "number_from_title" in acts[0].flags


def test_numbers_in_titles_without_a_number_column():
    t = Table(rows=[row(["Мероприятие", "Срок", "Ответственный"], header=True),
                    row(["1) Провести совещание", "Май", "Директор"]),
                    row(["2) Подготовить отчет", "Июнь", "Директор"]),
                    row(["7) Не по порядку", "Июль", "Директор"])], n_cols=3, page_start=1, page_end=1)
    acts = stitch([t]).activities
    assert [(a.number, a.title) for a in acts] == [
        ("1", "Провести совещание"), ("2", "Подготовить отчет"), (None, "7) Не по порядку")]


def test_number_sequence_checks():
    assert follows((1,), (1, 1)) and follows((1, 2), (1, 3)) and follows((1, 3), (2,))
    assert follows((3, 1), (3, 3)) and not follows((3,), (1,)) and not follows((1,), (9,))
    assert follows((1, 4), (2, 1)) and not follows((1, 4), (2, 5))    # the heading "2." skipped
    assert split_title_number("IV. Кадры", (3,)) == ("IV", "Кадры")
    assert split_title_number("ll. Занятия в бассейне", (10,)) == ("11", "Занятия в бассейне")   # OCR
    assert split_title_number("ll. Занятия", (4,)) is None
    assert split_title_number("3D-моделирование", None) is None
    assert split_title_number("2024 год", None) is None


# ---------------------------------------------------------------- rule 2: several plans in one file


def _docx_with_tables(path, parts):
    """``parts``: a sequence of paragraph strings and tables (lists of rows, first row the header)."""
    import docx

    d = docx.Document()
    for part in parts:
        if isinstance(part, str):
            d.add_paragraph(part)
            continue
        t = d.add_table(rows=len(part), cols=len(part[0]))
        for r, cells in enumerate(part):
            for c, text in enumerate(cells):
                t.rows[r].cells[c].text = text
    d.save(path)
    return path


PLAN_HEAD = HEADER[:4]


def test_every_plan_in_a_file_is_read_with_its_heading_as_section(tmp_path):
    path = _docx_with_tables(tmp_path / "two.docx", [
        "ПРИКАЗ", "Об утверждении планов", "Приложение 1 к приказу",
        "План мероприятий по профориентации на 2024 год",
        [PLAN_HEAD, ["1", "Ярмарка вакансий", "ЦЗН", "Май 2024"], ["2", "Экскурсии", "ПОО", "Июнь 2024"]],
        "Приложение 2 к приказу",
        "План мероприятий по профориентации на 2025 год",
        [PLAN_HEAD, ["1", "Фестиваль профессий", "ЦЗН", "Март 2025"]],
        "Раздел 3. Мероприятия для родителей",
        [["1", "Родительское собрание", "Школы", "Апрель 2025"], ["2", "Консультации", "ЦЗН", "Май 2025"]],
        "Директор ____ И.И. Иванов",
        [["Согласовано:", "Подпись"], ["Начальник", "____"]],
    ])
    doc = extract_docx(str(path))
    res = stitch(doc.tables, rows_can_split=False, blocks=doc.blocks)
    assert [(a.section, a.number, a.title) for a in res.activities] == [
        (["План мероприятий по профориентации на 2024 год"], "1", "Ярмарка вакансий"),
        (["План мероприятий по профориентации на 2024 год"], "2", "Экскурсии"),
        (["План мероприятий по профориентации на 2025 год"], "1", "Фестиваль профессий"),
        (["Раздел 3. Мероприятия для родителей"], "1", "Родительское собрание"),
        (["Раздел 3. Мероприятия для родителей"], "2", "Консультации")]


def test_a_caption_row_above_the_header_names_the_plan(tmp_path):
    path = _docx_with_tables(tmp_path / "cap.docx", [
        "Приказ",
        [["План на 2024 год"] * 4, PLAN_HEAD, ["1", "Первое", "ЦЗН", "Май"]],
        [["План на 2025 год"] * 4, PLAN_HEAD, ["1", "Второе", "ЦЗН", "Май"]],
    ])
    doc = extract_docx(str(path))
    for t in doc.tables:       # python-docx wrote four cells; a real caption is one merged cell
        first = t.rows[0]
        first.cells = [first.cells[0]]
        first.cells[0].colspan = 4
    res = stitch(doc.tables, rows_can_split=False, blocks=doc.blocks)
    assert [(a.section, a.title) for a in res.activities] == [
        (["План на 2024 год"], "Первое"), (["План на 2025 год"], "Второе")]


def test_a_risk_map_beside_the_plan_is_not_a_reason_to_fail(tmp_path):
    path = _docx_with_tables(tmp_path / "risk.docx", [
        "План противодействия коррупции на 2024 год",
        [PLAN_HEAD, ["1", "Мониторинг законодательства", "Директор", "Постоянно"]],
        "Карта коррупционных рисков",
        [["Коррупционно-опасная функция", "Типовые ситуации", "Должности"],
         ["Закупки", "Завышение цены", "Контрактный управляющий"]],
    ])
    doc = extract_docx(str(path))
    res = stitch(doc.tables, rows_can_split=False, blocks=doc.blocks)
    assert [(a.section, a.title) for a in res.activities] == [([], "Мониторинг законодательства")]


def test_a_lone_plan_keeps_its_title_out_of_the_sections(tmp_path):
    path = _docx_with_tables(tmp_path / "one.docx", [
        "План мероприятий на 2024 год",
        [PLAN_HEAD, ["1", "Первое", "ЦЗН", "Май"]],
        [["2", "Второе", "ЦЗН", "Июнь"]],          # the same plan split in two tables
    ])
    doc = extract_docx(str(path))
    res = stitch(doc.tables, rows_can_split=False, blocks=doc.blocks)
    assert [(a.section, a.number) for a in res.activities] == [([], "1"), ([], "2")]


def test_stray_text_between_page_fragments_of_one_plan_starts_no_new_plan():
    p1 = table([row(HEAD, header=True), row(["1.4", "Первое", "Май", "ЦЗН"])], page=1)
    p2 = table([row(["2.1", "Второе", "Май", "ЦЗН"], page=2)], page=2)
    blocks = [TextBlock("План на 2024 год", page=1, before_table=0),
              TextBlock("Обеспечение контроля за соблюдением закона", page=2, before_table=1)]
    res = stitch([p1, p2], blocks=blocks)
    assert [(a.section, a.number) for a in res.activities] == [([], "1.4"), ([], "2.1")]


def test_plans_on_pages_of_a_pdf_with_the_same_header_are_told_apart_by_their_heading():
    p1 = table([row(HEAD, header=True), row(["1", "Первое", "Май", "ЦЗН"])], page=1)
    p2 = table([row(HEAD, header=True, page=2), row(["1", "Второе", "Май", "ЦЗН"], page=2)], page=2)
    p3 = table([row(HEAD, header=True, page=3), row(["2", "Третье", "Июнь", "ЦЗН"], page=3)], page=3)
    blocks = [TextBlock("План на 2024 год", page=1, before_table=0), TextBlock("1", page=1, before_table=1),
              TextBlock("План на 2025 год", page=2, before_table=1), TextBlock("2", page=2, before_table=2),
              TextBlock("Продолжение таблицы", page=3, before_table=2)]
    res = stitch([p1, p2, p3], blocks=blocks)
    assert [(a.section, a.title) for a in res.activities] == [
        (["План на 2024 год"], "Первое"), (["План на 2025 год"], "Второе"), (["План на 2025 год"], "Третье")]


# ---------------------------------------------------------------- rule 5: rows broken by pages


def test_unnumbered_row_going_on_mid_sentence_joins_the_row_above_in_any_format():
    t = table([row(HEAD, header=True),
               row(["1", "Проведение совещания с руководителями", "Май", "ЦЗН"]),
               row(["", "образовательных организаций", "", ""]),
               row(["", "Фестиваль профессий", "Июнь", ""])])
    (a,) = stitch([t], rows_can_split=False).activities
    assert a.title == "Проведение совещания с руководителями образовательных организаций"
    assert [s.title for s in a.sub_items] == ["Фестиваль профессий"]


def test_first_numbered_row_of_a_page_is_not_glued_to_the_last_row_before_it():
    p1 = table([row(HEAD, header=True), row(["", "1. Первое мероприятие", "Май", "ЦЗН"])], page=1)
    p2 = table([row(["", "2. Второе мероприятие", "Июнь", "ПОО"], page=2)], page=2, cont=True)
    acts = stitch([p1, p2], rows_can_split=True).activities
    assert [(a.number, a.title) for a in acts] == [("1", "Первое мероприятие"), ("2", "Второе мероприятие")]


def test_heading_broken_by_a_page_is_joined_and_never_made_an_activity():
    p1 = table([row(HEAD, header=True), row(["1.", "Меры по развитию", "", ""]),
                row(["1.1", "Мониторинг", "Постоянно", "Директор"]), row(["2.", "Меры по совершенствованию", "", ""])],
               page=1)
    p2 = table([row(["", "работы учреждения", "", ""], page=2),
                row(["2.1", "Проверка", "Постоянно", "Директор"], page=2)], page=2, cont=True)
    acts = stitch([p1, p2], rows_can_split=True).activities
    assert [(a.number, a.title, a.section) for a in acts] == [
        ("1.1", "Мониторинг", ["1. Меры по развитию"]),
        ("2.1", "Проверка", ["2. Меры по совершенствованию работы учреждения"])]


# ---------------------------------------------------------------- rule 6: calendars, two-column plans


def test_docx_calendar_of_days_under_month_rows(tmp_path):
    from tests.docx_factory import make_docx

    path = make_docx(tmp_path / "cal.docx", [
        ["Сентябрь", "", "", ""],
        ["", "Неделя безопасности", "1-10", "Заместитель директора"],
        ["", "День здоровья", "25-26", "Учитель физкультуры"],
        ["Октябрь 2024", "", "", ""],
        ["", "День учителя", "5", "Совет школы"],
    ], header=PLAN_HEAD[:2] + ["Дата", "Ответственный"], merges=[(0, 0, 0, 3), (3, 0, 3, 3)])
    doc = extract_docx(str(path))
    acts = stitch(doc.tables, rows_can_split=False, blocks=doc.blocks).activities
    assert [(a.title, a.deadline, a.section) for a in acts] == [
        ("Неделя безопасности", "1-10 сентября", ["Сентябрь"]),
        ("День здоровья", "25-26 сентября", ["Сентябрь"]),
        ("День учителя", "5 октября 2024 г.", ["Октябрь 2024"])]
    assert "deadline_month_from_row" in acts[0].flags


def test_two_column_table_of_stages_and_dates_without_header_is_a_plan():
    t = Table(rows=[row(["Подготовка нормативной базы", "сентябрь 2024 г."]),
                    row(["Обучение педагогов", "октябрь – декабрь 2024 г."]),
                    row(["Подведение итогов", "до 25.12.2024"])], n_cols=2, page_start=1, page_end=1)
    res = stitch([t])
    assert [(a.title, a.deadline) for a in res.activities] == [
        ("Подготовка нормативной базы", "сентябрь 2024 г."), ("Обучение педагогов", "октябрь – декабрь 2024 г."),
        ("Подведение итогов", "до 25.12.2024")]
    assert "plan_without_header" in res.flags and "title" in res.columns


def test_two_column_signature_table_is_no_plan():
    t = Table(rows=[row(["Директор", "И.И. Иванов"]), row(["Главный бухгалтер", "П.П. Петров"])],
              n_cols=2, page_start=1, page_end=1)
    assert stitch([t]).activities == []


# ---------------------------------------------------------------- end to end


def test_auto_numbered_docx_with_two_plans_loads_every_activity(tmp_path, db_url):
    import docx

    from pipeline.ingest import export_json, ingest_path
    from tests.docx_factory import add_list, level_xml, number_paragraph

    d = docx.Document()
    add_list(d, 40, [level_xml(0, text="%1.")], [41, 42], start_overrides={42: {0: 1}})
    for p in ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТУЛЬСКОЙ ОБЛАСТИ", "ПРИКАЗ", "от 16 декабря 2022 г. № 2714",
              "Об утверждении планов мероприятий на 2023 год"):
        d.add_paragraph(p)
    for heading, num_id, titles in (("План мероприятий по профориентации на 2023 год", 41, ["Ярмарка", "Экскурсии"]),
                                    ("План мероприятий по наставничеству на 2023 год", 42, ["Форум", "Конкурс", "Отчет"])):
        d.add_paragraph(heading)
        t = d.add_table(rows=1 + len(titles), cols=4)
        for c, h in enumerate(PLAN_HEAD):
            t.rows[0].cells[c].text = h
        for r, title in enumerate(titles, start=1):
            number_paragraph(t.rows[r].cells[0].paragraphs[0], num_id)
            t.rows[r].cells[1].text = title
            t.rows[r].cells[2].text = "ЦЗН"
            t.rows[r].cells[3].text = "Май 2023 г."
    d.save(tmp_path / "plans.docx")
    out = ingest_path(str(tmp_path / "plans.docx"), db_url)
    assert out.status == "loaded", out.error
    (doc,) = export_json(db_url)
    assert [(a["number"], a["title"], a["section"][0][:24]) for a in doc["activities"]] == [
        ("1", "Ярмарка", "План мероприятий по проф"), ("2", "Экскурсии", "План мероприятий по проф"),
        ("1", "Форум", "План мероприятий по наст"), ("2", "Конкурс", "План мероприятий по наст"),
        ("3", "Отчет", "План мероприятий по наст")]


def test_lower_case_titles_with_their_own_deadline_are_not_glued_together():
    t = Table(rows=[row(["Мероприятие", "Срок", "Ответственный"], header=True),
                    row(["проведение совещания", "Май", "Директор"]),
                    row(["подготовка отчета", "Июнь", "Директор"]),
                    row(["о работе за год", "", ""])], n_cols=3, page_start=1, page_end=1)
    acts = stitch([t], rows_can_split=False).activities
    assert [a.title for a in acts] == ["проведение совещания", "подготовка отчета о работе за год"]
