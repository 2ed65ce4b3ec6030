"""normalizers.ocr_definition_text: the text around a scan's tables mended against the party cells."""


def test_a_word_misread_in_a_bracketed_short_form_takes_the_cells_spelling():
    from normalizers.ocr_definition_text import mend_bracketed_words

    text = "совместно с Управлением Роспотребнадзора по Энской области (Рослотребнадзор ЭО)"
    assert mend_bracketed_words(text, "Роспотребнадзор ЭО (по согласованию)") == \
        "совместно с Управлением Роспотребнадзора по Энской области (Роспотребнадзор ЭО)"
    # a dictionary word, or a word no cell is a letter from, stays
    assert mend_bracketed_words("(Министерство ЭО)", "Министерства ЭО") == "(Министерство ЭО)"
    assert mend_bracketed_words("(Рослотребнадзор ЭО)", "ККИПК") == "(Рослотребнадзор ЭО)"


def test_a_list_line_opening_with_a_cells_acronym_read_in_lower_case_is_an_entry_of_its_own():
    from normalizers.ocr_definition_text import mend_entry_heads

    cells = "ТОИПКРО (по согласованию), ТОИКО (по согласованию)\nПОО"
    text = "работников\nобразования\nтоико, областное учреждение «Томский центр»;"
    assert mend_entry_heads(text, cells) == "работников\nобразования\nТОИКО – областное учреждение «Томский центр»;"
    assert mend_entry_heads("поиск, отбор и обучение", "ПОИСК") == "поиск, отбор и обучение"   # a word
    assert mend_entry_heads("тоико, областное", "ЦЗН") == "тоико, областное"      # the cells never write it


def test_an_organisations_head_misread_mid_sentence_is_mended_and_nothing_else_is():
    from normalizers.ocr_definition_text import mend_org_heads

    assert mend_org_heads("кадрового потенциала края Мимистерство\nпромышленности") == (
        "кадрового потенциала края Министерство\nпромышленности")
    assert mend_org_heads("Департамснт образования") == "Департамент образования"
    # a surname a letter from a word, a word of the dictionary, a word no head: as read
    assert mend_org_heads("Министр Р.А. Кассина, Кассира") == "Министр Р.А. Кассина, Кассира"
    assert mend_org_heads("Профессиональнсго") == "Профессиональнсго"


def test_a_specks_mark_glued_between_two_words_parts_them_and_one_inside_a_word_stays():
    from normalizers.ocr_definition_text import part_glued_marks

    assert part_glued_marks("Роспотребнадзора по Курёкой‘области (Роспотребнадзор КО)") == (
        "Роспотребнадзора по Курёкой области (Роспотребнадзор КО)")
    assert part_glued_marks("профессионального образо‘вания") == "профессионального образо‘вания"


def test_a_scans_text_is_prepared_so_that_its_definitions_read_as_in_a_clean_copy():
    from normalizers.abbreviations import find_definitions
    from normalizers.ocr_definition_text import prepared_text

    read = ("совместно с Управлением\nРоспотребнадзора по Курской‘области (Роспотребнадзор КО) и "
            "учреждением дополнительного профессиональноГо образования «Центр подготовки» (ЦП)")
    defs = find_definitions(prepared_text(read, "Роспотребнадзор КО\nЦП"))
    assert defs == {"Роспотребнадзор КО": "Роспотребнадзор по Курской области",
                    "ЦП": "учреждение дополнительного профессионального образования «Центр подготовки»"}


def test_a_hyphen_for_the_space_in_a_bracketed_short_form_is_the_space_the_cells_write():
    from normalizers.ocr_definition_text import mend_bracketed_words

    cells = "Минобр НСО\nЦЗН"
    assert mend_bracketed_words("области (Минобр-НСО), министерством", cells) == "области (Минобр НСО), министерством"
    # the cells write the hyphen (the document's own spelling), or nothing like it: as read
    assert mend_bracketed_words("области (Минобр-НСО)", "Минобр-НСО\nМинобр НСО") == "области (Минобр-НСО)"
    assert mend_bracketed_words("(Северо-Запад)", cells) == "(Северо-Запад)"


def test_colons_a_speck_made_in_a_list_entrys_head_are_dropped():
    """A colour seed read "агентство труда и занятости: населени: края - агентство …": the entry
    was not read (the colons), nor, so, its short form the cells write."""
    from normalizers.abbreviations import find_definitions
    from normalizers.ocr_definition_text import prepared_text

    text = ("Перечень используемых сокращений\nагентство труда и занятости: населени: края - агентство труда и\n"
            "занятости населения Красноярского края.")
    defs = find_definitions(prepared_text(text, "агентство труда и занятости населения края"))
    assert defs == {"агентство труда и занятости населени края": "агентство труда и занятости населения Красноярского края"}
    assert prepared_text("Ответственные: министерство образования", "") == "Ответственные: министерство образования"


def test_a_region_code_misread_in_a_bracketed_short_form_takes_the_cells_code():
    """Measured on a colour photocopy: "Пермского края (Минпромторг НК)" where the cells write
    "Минпромторг ПК": the definition was lost (its full form does not spell "НК")."""
    from normalizers.ocr_definition_text import mend_bracketed_words

    cells = "Минпромторг ПК\nЦРПО"
    assert mend_bracketed_words("торговли Пермского края (Минпромторг НК) и", cells) == \
        "торговли Пермского края (Минпромторг ПК) и"
    # the words before the bracket do not open with the cells' code, or the cells write the form read
    assert mend_bracketed_words("торговли Пермского края (ККИПК) и", "ККИНК") == "торговли Пермского края (ККИПК) и"
    assert mend_bracketed_words("торговли Новой области (Минпромторг НК) и", cells) == \
        "торговли Новой области (Минпромторг НК) и"
