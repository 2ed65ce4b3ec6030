"""pipeline.normalise on scanned documents: party abbreviations mended only where OCR read the text."""

from __future__ import annotations

from pipeline.normalise import parties_of


def test_misread_abbreviations_are_mended_on_scans_only():
    defs = {"МОУО": "муниципальные органы управления образованием"}
    scanned = parties_of("МОУС\nЦЗН", defs, None, scanned=True)
    assert [p.name for p in scanned] == ["МОУО", "ЦЗН"]
    assert scanned[0].expanded == "муниципальные органы управления образованием"
    typed = parties_of("МОУС\nЦЗН", defs, None)            # a born-digital file says what it says
    assert [p.name for p in typed] == ["МОУС", "ЦЗН"]


def test_start_and_end_columns_get_the_same_date_repairs_as_a_deadline_cell():
    from datetime import date

    from pipeline.normalise import normalise_deadline
    from pipeline.records import ActivityRecord

    act = ActivityRecord(section=[], number="1", title="Т", deadline="01.04:2020\n30.09.2020",
                         deadline_bounds=("01.04:2020", "30.09.2020"))
    normalise_deadline(act, (2020, 2021))
    assert (act.deadline_norm.start, act.deadline_norm.end) == (date(2020, 4, 1), date(2020, 9, 30))
    assert "deadline_from_start_end" in act.flags
    assert "deadline_ocr_repaired" in act.flags            # mended, and said so, as for a deadline cell
    clean = ActivityRecord(section=[], number="1", title="Т", deadline="01.04.2020\n30.09.2020",
                           deadline_bounds=("01.04.2020", "30.09.2020"))
    normalise_deadline(clean, (2020, 2021))
    assert "deadline_from_start_end" in clean.flags and "deadline_ocr_repaired" not in clean.flags


def test_an_empty_start_or_end_cell_is_flagged_not_silent():
    """A start column OCR read empty left the end date alone as the whole span, unflagged."""
    from datetime import date

    from pipeline.normalise import normalise_deadline
    from pipeline.records import ActivityRecord

    act = ActivityRecord(section=[], number="1", title="Т", deadline="31.08.2025", deadline_bounds=("", "31.08.2025"))
    normalise_deadline(act, (2023, 2025))
    assert act.deadline_norm.end == date(2025, 8, 31) and "deadline_start_missing" in act.flags
    both = ActivityRecord(section=[], number="1", title="Т", deadline="01.09.2023\n31.08.2025",
                          deadline_bounds=("01.09.2023", "31.08.2025"))
    normalise_deadline(both, (2023, 2025))
    assert not [f for f in both.flags if f.endswith("_missing")]


def test_scan_parties_mended_as_a_whole_and_definitions_read_with_a_speck():
    defs = {"ДОиН КО": "Департамент образования и науки Кемеровской области", "ООО": "общеобразовательные организации"}
    got = parties_of("Доин ко\n000 ры", defs, None, scanned=True)
    assert [(p.name, p.expanded) for p in got] == [("ДОиН КО", defs["ДОиН КО"]), ("ООО", defs["ООО"])]


def test_a_scans_definition_loses_a_speck_read_as_a_stop_between_two_words():
    from extractors.grid import ExtractedDocument, TextBlock
    from pipeline.normalise import document_abbreviations

    text = ("областное бюджетное учреждение «Центр опережающей профессиональной.подготовки Курской области» "
            "(далее – ЦОПП)")
    doc = ExtractedDocument(path="x.pdf", file_format="pdf", extractor="ocr-tesseract", extractor_version="1",
                            blocks=[TextBlock(text)])
    assert "профессиональной подготовки" in document_abbreviations(doc, [], scanned=True)["ЦОПП"]
    assert "профессиональной.подготовки" in document_abbreviations(doc, [], scanned=False)["ЦОПП"]


def test_a_scans_definition_reads_a_word_a_letter_off_the_dictionary_as_its_word():
    """A degraded Novosibirsk order read "министерством абразования" / "Новосибирской области (Минобр
    НСО)": the syllabic short form's "обр" finds no word until "абразования" is "образования"."""
    from extractors.grid import ExtractedDocument, TextBlock
    from pipeline.normalise import document_abbreviations

    blocks = [TextBlock("В соответствии с соглашением между министерством абразования"),
              TextBlock("Новосибирской области (Минобр НСО), и другими")]
    doc = ExtractedDocument(path="x.pdf", file_format="pdf", extractor="ocr-tesseract", extractor_version="1",
                            blocks=blocks)
    assert document_abbreviations(doc, [], scanned=True) == {
        "Минобр НСО": "министерство образования Новосибирской области"}


def _tasks_docx(path, tasks: list[str]):
    import docx

    d = docx.Document()
    t = d.add_table(rows=1 + len(tasks), cols=5)
    for k, h in enumerate(["№ п/п", "Мероприятие", "Задачи", "Ответственные", "Срок"]):
        t.rows[0].cells[k].text = h
    for r, task in enumerate(tasks, start=1):
        for k, v in enumerate([str(r), f"Проведение мероприятия {r}", task, "министерство", "2021 год"]):
            t.rows[r].cells[k].text = v
    d.save(str(path))
    return path


def test_a_stop_read_for_a_comma_in_a_scan_task_column_is_mended_and_flagged(tmp_path):
    from extractors.docx import extract_docx
    from pipeline.normalise import build_document

    extracted = extract_docx(str(_tasks_docx(tmp_path / "t.docx", ["1, 4", "1.2", "2", "“3"])))
    typed = build_document(extracted, "t.docx", "0" * 64)
    assert [a.tasks for a in typed.activities] == ["1, 4", "1.2", "2", "“3"]   # a typed file as it is
    extracted.page_engines = {1: "ocr-tesseract"}                                # the same read by OCR
    scanned = build_document(extracted, "t.pdf", "0" * 64)
    assert [a.tasks for a in scanned.activities] == ["1, 4", "1, 2", "2", "3"]
    assert ["tasks_ocr_repaired" in a.flags for a in scanned.activities] == [False, True, False, False]


def _titles_docx(path, titles):
    import docx

    d = docx.Document()
    t = d.add_table(rows=1 + len(titles), cols=4)
    for k, h in enumerate(["№ п/п", "Наименование мероприятия", "Ответственный", "Срок"]):
        t.rows[0].cells[k].text = h
    for r, title in enumerate(titles, start=1):
        for k, v in enumerate([str(r), title, "министерство", "2021 год"]):
            t.rows[r].cells[k].text = v
    d.save(str(path))
    return path


def test_a_misread_word_mended_from_the_dictionary_flags_its_row_on_a_scan_only(tmp_path):
    from extractors.docx import extract_docx
    from pipeline.normalise import build_document

    extracted = extract_docx(str(_titles_docx(tmp_path / "w.docx", [
        "Проведение семинара для педагогов", "Мониторинг деятельнрсти организаций"])))
    typed = build_document(extracted, "w.docx", "0" * 64)
    assert typed.activities[1].title == "Мониторинг деятельнрсти организаций"     # typed text is as written
    assert not any("words_ocr_mended" in a.flags for a in typed.activities)
    extracted.page_engines = {1: "ocr-tesseract"}
    scanned = build_document(extracted, "w.pdf", "0" * 64)
    assert scanned.activities[1].title == "Мониторинг деятельности организаций"
    assert ["words_ocr_mended" in a.flags for a in scanned.activities] == [False, True]

def test_a_piece_of_the_responsible_cell_read_as_no_name_flags_its_row():
    """Measured on a grey photocopy: "МО ОО, ПОО" read "МО ОО, 100" gave one party and no flag."""
    from pipeline.normalise import normalise_parties, read_parties
    from pipeline.records import ActivityRecord

    defs = {"МО ОО": "Министерство образования Омской области"}
    act = ActivityRecord(section=[], number="4", title="Мероприятие", responsible="МО ОО, 100")
    normalise_parties(act, defs, None, lambda text: read_parties(text, defs, None, True))
    assert [p.name for p in act.parties] == ["МО ОО"] and "party_unread" in act.flags
    assert act.responsible == "МО ОО, 100"                         # the raw text kept
    act = ActivityRecord(section=[], number="5", title="Мероприятие", responsible="МО ОО\n—\n(по согласованию)")
    normalise_parties(act, defs, None, lambda text: read_parties(text, defs, None, True))
    assert "party_unread" not in act.flags                         # a dash and a note are no name


def test_a_mended_party_flags_its_row_and_a_typed_file_is_left_alone():
    from pipeline.normalise import normalise_parties, read_parties
    from pipeline.records import ActivityRecord

    defs = {"МОиН РТ": "Министерство образования и науки Республики Татарстан", "ИРО РТ": "Институт развития образования"}
    act = ActivityRecord(section=[], number="1", title="Мероприятие", responsible="МОиН РТ ИРО РТ")
    normalise_parties(act, defs, None, lambda text: read_parties(text, defs, None, True))
    assert [p.name for p in act.parties] == ["МОиН РТ", "ИРО РТ"] and "party_ocr_repaired" in act.flags
    act = ActivityRecord(section=[], number="2", title="Мероприятие", responsible="МОиН РТ\nИРО РТ")
    normalise_parties(act, defs, None, lambda text: read_parties(text, defs, None, True))
    assert [p.name for p in act.parties] == ["МОиН РТ", "ИРО РТ"] and "party_ocr_repaired" not in act.flags
    assert [p.name for p in parties_of("поо", defs, None)] == ["поо"]          # a born-digital file: as written


def test_a_start_end_pair_with_an_unreadable_end_gives_no_date_rather_than_the_start_alone():
    from pipeline.normalise import normalise_deadline
    from pipeline.records import ActivityRecord

    act = ActivityRecord(section=[], number="1", title="Мероприятие", deadline="01.12.2023\n3142-29-”КОин 25",
                         deadline_bounds=("01.12.2023", "3142-29-”КОин 25"))
    normalise_deadline(act, (2023, 2026))
    assert act.deadline_norm.start is None and act.deadline_norm.end is None and "deadline_unparsed" in act.flags
    act = ActivityRecord(section=[], number="2", title="Мероприятие", deadline="2023\nпо мере необходимости",
                         deadline_bounds=("2023", "по мере необходимости"))
    normalise_deadline(act, (2023, 2026))
    assert str(act.deadline_norm.start) == "2023-01-01" and "deadline_unparsed" not in act.flags


def test_a_start_end_pair_whose_end_comes_before_its_start_gives_no_date():
    from pipeline.normalise import normalise_deadline
    from pipeline.records import ActivityRecord

    act = ActivityRecord(section=[], number="5", title="Мероприятие", deadline="январь 2025\nдекабрь 2023",
                         deadline_bounds=("январь 2025", "декабрь 2023"))
    normalise_deadline(act, (2023, 2025))
    assert (act.deadline_norm.start, act.deadline_norm.end) == (None, None)
    assert "deadline_range_reversed" in act.flags
    act = ActivityRecord(section=[], number="6", title="Мероприятие", deadline="январь 2024\nдекабрь 2025",
                         deadline_bounds=("январь 2024", "декабрь 2025"))
    normalise_deadline(act, (2023, 2025))
    assert (str(act.deadline_norm.start), str(act.deadline_norm.end)) == ("2024-01-01", "2025-12-31")


def test_a_scans_definition_after_an_acronym_with_a_colon_keeps_the_acronym():
    from extractors.grid import ExtractedDocument, TextBlock
    from pipeline.normalise import document_abbreviations

    text = "ГБУ ДПО: «Центр детского творчества» (далее – ЦДТ) проводит смотр."
    doc = ExtractedDocument(path="x.pdf", file_format="pdf", extractor="ocr-tesseract", extractor_version="1",
                            blocks=[TextBlock(text)])
    assert document_abbreviations(doc, [], scanned=True)["ЦДТ"] == "ГБУ ДПО «Центр детского творчества»"
    assert document_abbreviations(doc, [], scanned=False)["ЦДТ"] == "«Центр детского творчества»"


def _scanned_plan(title: str, deadlines: list[str], engine: str = "ocr-lines"):
    from extractors.grid import Cell, ExtractedDocument, Row, Table, TextBlock

    rows = [Row([Cell("№", 0), Cell("Мероприятие", 1), Cell("Срок", 2), Cell("Ответственный", 3)], page=1)]
    rows += [Row([Cell(str(i), 0), Cell(f"Мероприятие {i}", 1), Cell(d, 2), Cell("ЦЗН", 3)], page=1)
             for i, d in enumerate(deadlines, start=1)]
    return ExtractedDocument(path="x.pdf", file_format="pdf", extractor="ocr", extractor_version="1",
                             tables=[Table(rows=rows, n_cols=4, page_start=1, page_end=1)],
                             blocks=[TextBlock("ПРИКАЗ", page=1), TextBlock(title, page=1)],
                             n_pages=1, page_engines={1: engine})


def test_a_scans_period_the_deadline_cells_contradict_is_taken_from_the_cells_with_a_flag():
    from pipeline.normalise import build_document

    deadlines = ["март 2024", "декабрь 2024", "2024-2026 годы", "июнь 2024", "I квартал 2026"]
    title = "План мероприятий («дорожная карта») по развитию кадров на 2026 год"   # "2024-" lost
    doc = build_document(_scanned_plan(title, deadlines), "x.pdf", "0")
    assert doc.period == (2024, 2026)
    assert any(f.startswith("period_doubtful_ocr") and "2026-2026" in f for f in doc.flags)
    assert all(a.deadline_norm.start and a.deadline_norm.start.year >= 2024 for a in doc.activities)
    agreeing = build_document(_scanned_plan(title.replace("2026 год", "2024-2026 годы"), deadlines), "x.pdf", "0")
    assert agreeing.period == (2024, 2026) and not any("period_doubtful" in f for f in agreeing.flags)
    typed = build_document(_scanned_plan(title, deadlines, engine="pdfplumber-lines"), "x.pdf", "0")
    assert typed.period == (2026, 2026)                     # a text layer says what it says


def test_a_short_form_misread_as_a_whole_is_written_as_mended_in_its_cell():
    from pipeline.normalise import normalise_parties, read_parties
    from pipeline.records import ActivityRecord

    defs = {"ККИПК": "КГАУ ДПО «Красноярский краевой институт»", "КОиН КО": "комитет образования и науки"}
    act = ActivityRecord(section=[], number="4", title="Конкурс", responsible="ККИНК\nКОиН КО, ЦОПП")
    normalise_parties(act, defs, None, lambda text: read_parties(text, defs, None, True))
    assert act.responsible == "ККИПК\nКОиН КО, ЦОПП" and "party_ocr_repaired" in act.flags
    act = ActivityRecord(section=[], number="4", title="Конкурс", responsible="ККИПК (по соглаЯованию)")
    normalise_parties(act, defs, None, lambda text: read_parties(text, defs, None, True))
    assert act.responsible == "ККИПК (по соглаЯованию)" and act.parties[0].by_agreement   # the note stays
    act = ActivityRecord(section=[], number="5", title="Конкурс", responsible="ККИНК")
    normalise_parties(act, defs, None, lambda text: read_parties(text, defs, None, False))
    assert act.responsible == "ККИНК"                  # a born-digital file: the cell as written


def test_a_scans_year_one_digit_off_the_period_is_mended_and_flagged():
    from datetime import date

    from pipeline.normalise import normalise_deadline
    from pipeline.records import ActivityRecord

    act = ActivityRecord(section=[], number="1", title="Т", deadline="01.04.2024\n31.05.2926",
                         deadline_bounds=("01.04.2024", "31.05.2926"))
    normalise_deadline(act, (2024, 2026), scanned=True)
    assert (act.deadline_norm.start, act.deadline_norm.end) == (date(2024, 4, 1), date(2026, 5, 31))
    assert "deadline_ocr_repaired" in act.flags
    typed = ActivityRecord(section=[], number="1", title="Т", deadline="01.04.2024\n31.05.2926",
                           deadline_bounds=("01.04.2024", "31.05.2926"))
    normalise_deadline(typed, (2024, 2026))                # a born-digital file says what it says
    assert typed.deadline_norm.end is None


def test_start_and_end_bounds_are_cleaned_as_the_deadline_cell_is():
    from pipeline.normalise import _fix_activity_text
    from pipeline.records import ActivityRecord

    act = ActivityRecord(section=[], number="3", title="Т", deadline="сентяб. рь 2024\nдекабрь 2026",
                         deadline_bounds=("сентяб. рь 2024", "декабрь 2026"))
    _fix_activity_text(act, lambda t: (t.replace("сентяб. рь", "сентябрь"), False))
    assert act.deadline_bounds == ("сентябрь 2024", "декабрь 2026")


def test_a_scanned_mention_with_the_regions_code_misread_is_expanded_with_the_region():
    from pipeline.normalise import read_parties

    parties, repaired, _ = read_parties("МОиН РЕ(Я)", {}, "Республика Саха (Якутия)", True)
    assert [p.name for p in parties] == ["МОиН РС(Я)"] and repaired
    assert parties[0].expanded.endswith("Республики Саха (Якутия)")
    text_pdf, _, _ = read_parties("МОиН РЕ(Я)", {}, "Республика Саха (Якутия)", False)
    assert [p.name for p in text_pdf] == ["МОиН РЕ(Я)"]         # a text PDF's letters are as printed


def test_a_misread_agreement_after_a_dash_speck_is_by_agreement():
    from pipeline.normalise import read_parties

    parties = read_parties("ГКУ Центр занятости населения (по -вогласованию)", {}, None, True)[0]
    assert [(p.name, p.by_agreement) for p in parties] == [("ГКУ Центр занятости населения", True)]


def test_a_scans_act_date_years_before_its_plan_is_kept_and_doubted():
    from extractors.grid import TextBlock
    from pipeline.normalise import build_document

    title = "План мероприятий («дорожная карта») по развитию кадров на 2024-2025 годы"
    plan = _scanned_plan(title, ["март 2024", "декабрь 2025"])
    plan.blocks.insert(1, TextBlock("22 марта 2021 г. № 350/1", page=1))
    doc = build_document(plan, "x.pdf", "0")
    assert doc.doc_date.year == 2021                                   # kept as read
    assert any(f.startswith("doc_date_doubtful_ocr") for f in doc.flags)
    plan.blocks[1] = TextBlock("22 марта 2023 г. № 350/1", page=1)
    assert not any(f.startswith("doc_date_doubtful_ocr") for f in build_document(plan, "x.pdf", "0").flags)


def test_a_scans_letterhead_region_word_a_letter_off_keeps_the_authority_whole():
    """A degraded Perm plan's letterhead read "НЕРМСКОГО КРАЯ": the authority had lost its region."""
    from extractors.grid import ExtractedDocument, TextBlock
    from pipeline.normalise import build_document

    lines = ["МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ НЕРМСКОГО КРАЯ", "ПРИКАЗ", "12.02.2020 № 26-01-06-150",
             "Об утверждении дорожной карты по развитию профессионального",
             "образования в Пермском крае на 2020-2022 годы"]
    doc = ExtractedDocument(path="x.pdf", file_format="pdf", extractor="ocr", extractor_version="1",
                            blocks=[TextBlock(t, page=1) for t in lines], page_engines={1: "ocr-tesseract"})
    rec = build_document(doc, "x.pdf", "0" * 64)
    assert rec.authority == "министерство образования и науки Пермского края" and rec.region == "Пермский край"


def test_a_year_the_responsible_cell_ends_with_goes_back_to_a_deadline_without_one():
    from pipeline.normalise import recover_spilled_deadline
    from pipeline.records import ActivityRecord

    act = ActivityRecord(section=[], number="5", title="Т", responsible="МО ОО 2024 года", deadline="декабрь")
    recover_spilled_deadline(act)
    assert (act.deadline, act.responsible) == ("декабрь\n2024 года", "МО ОО")
    assert "deadline_from_neighbour_cell" in act.flags
    kept = ActivityRecord(section=[], number="6", title="Т", responsible="МО ОО 2024 года",
                          deadline="декабрь 2023 года")    # its own year: nothing moves
    recover_spilled_deadline(kept)
    assert kept.responsible == "МО ОО 2024 года" and not kept.flags
    alone = ActivityRecord(section=[], number="7", title="Т", responsible="2024 год", deadline="декабрь")
    recover_spilled_deadline(alone)                     # the whole cell: no party left, nothing moves
    assert alone.responsible == "2024 год"


def test_a_garbled_agreement_note_on_its_own_line_is_no_party_and_marks_the_one_before():
    from pipeline.normalise import read_parties

    cell = "МОиН РТ\nТоргово-промышленная палата Республики Татарстан\n-(по согласован и. ю)"
    found = read_parties(cell, {"МОиН РТ": "Министерство образования и науки Республики Татарстан"},
                         "Республика Татарстан", True)[0]
    assert [(p.name, p.by_agreement) for p in found] == [
        ("МОиН РТ", False), ("Торгово-промышленная палата Республики Татарстан", True)]


def test_a_region_code_glued_to_a_glossary_short_form_in_a_scanned_cell_is_read_apart():
    from pipeline.normalise import read_parties

    found = read_parties("БУ ЧР-ДПО «Чувашский республиканский институт образования»", {},
                         "Чувашская Республика", True)[0]
    assert [p.name for p in found] == ["БУ ЧР ДПО «Чувашский республиканский институт образования»"]
    assert "дополнительное профессиональное образование" in (found[0].expanded or "")


def test_a_lone_quote_before_a_code_no_longer_glues_a_cells_parties_into_one():
    from pipeline.normalise import read_parties

    defs = {"Минобр НСО": "министерство образования Новосибирской области",
            "Минпромторг НСО": "министерство промышленности, торговли и развития предпринимательства Новосибирской области"}
    found, repaired, cell = read_parties('Минобр "НСО\nМинпромторг НСО предприятия-партнёры', defs,
                                         "Новосибирская область", True)
    assert [p.name for p in found] == ["Минобр НСО", "Минпромторг НСО", "предприятия-партнёры"]
    assert repaired and '"' not in cell


def test_a_scans_misread_legal_form_is_the_form_the_document_writes_and_expands():
    from pipeline.normalise import read_parties

    found, repaired, _ = read_parties("ГАЙОУ «Энский техникум»", {}, None, scanned=True)
    assert [p.name for p in found] == ["ГАПОУ «Энский техникум»"] and repaired
    assert found[0].expanded.startswith("государственное автономное профессиональное образовательное учреждение")
    typed, _, _ = read_parties("ГАЙОУ «Энский техникум»", {}, None)
    assert [p.name for p in typed] == ["ГАЙОУ «Энский техникум»"]          # a born-digital file says what it says


def test_the_list_entries_left_without_a_definition_are_read_from_the_prepared_text():
    """The definitions read the scan's text prepared (words a letter off the dictionary mended, …);
    the list lines no entry reads from were taken from the raw text, with the slips still in."""
    from extractors.grid import ExtractedDocument, TextBlock
    from normalizers.abbreviations import leftover_entries
    from pipeline.normalise import definition_text

    blocks = [TextBlock("Используемые сокращения:"),
              TextBlock("Минпромторг НСО министерство вромышленности, торговли и\nразвития Новосибирской области.")]
    doc = ExtractedDocument(path="x.pdf", file_format="pdf", extractor="ocr-tesseract", extractor_version="1",
                            blocks=blocks)
    _, unread = leftover_entries(definition_text(doc, [], scanned=True))
    assert unread and "министерство промышленности, торговли" in unread[0]
    assert "вромышленности" in definition_text(doc, [], scanned=False)      # a born-digital file says what it says


def test_the_regions_words_misread_by_a_letter_are_mended_before_definitions_are_read():
    from extractors.grid import ExtractedDocument, TextBlock
    from pipeline.normalise import definition_text, document_abbreviations

    blocks = [TextBlock("Министерство промышленности и торговли Цермского края (Минпромторг ПК) и")]
    doc = ExtractedDocument(path="x.pdf", file_format="pdf", extractor="ocr-tesseract", extractor_version="1",
                            blocks=blocks)
    text = definition_text(doc, [], scanned=True, region="Пермский край")
    assert document_abbreviations(doc, [], scanned=True, text=text) == {
        "Минпромторг ПК": "Министерство промышленности и торговли Пермского края"}
    assert "Цермского" in definition_text(doc, [], scanned=True)          # no region known: as read


def test_a_names_closing_guillemet_misread_lines_below_its_opening_one_is_closed():
    """Measured on a colour photocopy: each text line is a block of its own, the name's « on one
    line and its » read "х" on the next ("образованиях (ЦРПО)"): ЦРПО was left undefined."""
    from extractors.grid import ExtractedDocument, TextBlock
    from pipeline.normalise import definition_text, document_abbreviations

    blocks = [TextBlock("краевое государственное автономное учреждение «Центр развития"),
              TextBlock("профессионального образованиях (ЦРПО) обеспечивают участие")]
    doc = ExtractedDocument(path="x.pdf", file_format="pdf", extractor="ocr-tesseract", extractor_version="1",
                            blocks=blocks)
    text = definition_text(doc, [], scanned=True)
    assert document_abbreviations(doc, [], scanned=True, text=text) == {
        "ЦРПО": "краевое государственное автономное учреждение «Центр развития профессионального образования»"}
    assert "образованиях" in definition_text(doc, [], scanned=False)      # a born-digital file says what it says
