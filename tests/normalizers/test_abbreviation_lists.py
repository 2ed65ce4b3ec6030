"""Lists of abbreviations ("Сокращения" blocks) read from scans: entries whose dash a scan misread."""

from normalizers.abbreviations import find_definitions


def test_a_syllabic_short_form_whose_dash_was_read_as_a_stop_is_an_entry():
    # measured on a grey photocopy: the dash read as a stop, the definition lost
    text = ("Перечень используемых сокращений\n"
            "Минобразования края. министерство образования Красноярского края;\n"
            "ККИПК – КГАУ ДПО «Красноярский краевой институт»")
    assert find_definitions(text)["Минобразования края"] == "министерство образования Красноярского края"
    lost = text.replace("края. министерство", "края министерство")      # a scan's stray stop taken out
    assert find_definitions(lost)["Минобразования края"] == "министерство образования Красноярского края"
    # words that do not write the short form out are no entry of it
    other = "Перечень используемых сокращений\nМинобразования края. агентство труда края;\nЦЗН – центр занятости"
    assert "Минобразования края" not in find_definitions(other)


def test_a_line_opening_with_a_participle_carries_on_the_entry_a_scan_closed_with_a_semicolon():
    """A degraded Omsk plan read "… Омской области," as "… Омской области;": the participle's phrase
    on the next line had been lost from ОМСУ's full form."""
    text = ("Перечень сокращений:\nМО ОО - Министерство образования Омской области;\n"
            "ОМСУ органы местного самоуправления Омской области;\nосуществляющие управление в сфере образования,\n"
            "ПОО - профессиональные образовательные организации Омской\nобласти.")
    found = find_definitions(text)
    assert found["ОМСУ"] == ("органы местного самоуправления Омской области, осуществляющие управление в сфере"
                             " образования")
    assert found["ПОО"] == "профессиональные образовательные организации Омской области"


def test_a_list_line_whose_dash_was_lost_and_a_speck_stops_inside_its_acronym():
    """A degraded Omsk plan read "МО ОО – Министерство …" as "МО. ОО Министерство …": the short form
    had been "МО" and its full form "ОО Министерство …"."""
    from normalizers.ocr_definitions import mend_definitions

    found = find_definitions("Перечень сокращений:\nМО. ОО Министерство образования Омской области,\n"
                             "ОМСУ органы местного самоуправления Омской области;")
    assert mend_definitions(found, "МО ОО\nОМСУ")["МО ОО"] == "Министерство образования Омской области"


def test_a_line_opening_with_a_genitive_carries_on_an_entry_a_specks_stop_ended():
    """A degraded Tatarstan list: "ИРО РТ - государственное … учреждение." / "дополнительного
    профессионального образования «Институт …»": no entry's name opens with a genitive, the stop
    is a speck; a line opening in the nominative after a stop is no part of the entry."""
    text = ("Список используемых сокращений:\nМОиН РТ - Министерство образования и науки Республики Татарстан;\n"
            "ИРО РТ - государственное автономное образовательное учреждение.\n"
            "дополнительного профессионального образования «Институт развития образования»")
    assert find_definitions(text)["ИРО РТ"] == ("государственное автономное образовательное учреждение "
                                                "дополнительного профессионального образования «Институт развития образования»")
    assert find_definitions("Сокращения:\nЦЗН - центры занятости.\nпрофессиональные организации области") == {
        "ЦЗН": "центры занятости"}


def test_after_a_closed_quoted_name_only_a_genitive_carries_the_entry_on_and_a_junk_head_before_a_dash_is_an_orphan():
    """A degraded Tomsk list: "… работников образования»" / "то ла ое государственное бюджетное
    учреждение Томский" (the next entry, its head "ТОИКО – област" garbled) / "…центр»" / "п -
    профессиональные …" ("ПОО" read as "п"). After a closed name only a genitive goes on ("города
    Омска"); a line of one or two lower-case letters before a dash is an entry whose short form was lost."""
    from normalizers.abbreviations import leftover_entries

    text = ("Принятые сокращения:\nТОИПКРО - областное государственное бюджетное учреждение «Томский\n"
            "областной институт повышения квалификации работников\nобразования»\n"
            "то ла ое государственное бюджетное учреждение Томский\nобластной консультационный центр»\n"
            "п - профессиональные образовательные организации Томской области.")
    assert find_definitions(text)["ТОИПКРО"].endswith("работников образования»")
    orphans, _ = leftover_entries(text)
    # (the closing quote's lost opening one put back before the name)
    assert orphans == ["то ла ое государственное бюджетное учреждение «Томский областной консультационный центр»",
                       "профессиональные образовательные организации Томской области"]
    goes_on = "Сокращения:\nЦЗН - казённое учреждение «Центр занятости»\nгорода Омска;"
    assert find_definitions(goes_on)["ЦЗН"] == "казённое учреждение «Центр занятости» города Омска"


def test_an_entry_outside_a_block_whose_name_lost_its_regions_words_is_not_handed_on():
    """A degraded Yakutia list (its header lost) read "МОиН РС(Я) - Министерство образования и
    науки" / "Ресиубчики (Якутия).": the name's region lost, the line would define the short form
    as a fragment; "Минобразования Чувашии - … Чувашской / Республики." keeps its region's word."""
    from normalizers.abbreviations import leftover_entries

    assert leftover_entries("МОиН РС(Я) - Министерство образования и науки\nРесиубчики (Якутия).") == ([], [])
    assert leftover_entries("Минобразования Чувашии - Манистерство образования Чувашской\nРеспублики.")[1] == [
        "Минобразования Чувашии – Манистерство образования Чувашской Республики."]
