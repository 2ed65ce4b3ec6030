"""Post-OCR repairs: certain slips fixed, everything else untouched."""

from normalizers.ocr_fixes import fix_ocr_text


def test_latin_lookalikes_inside_cyrillic_words():
    assert fix_ocr_text("oбразование и нayки") == "образование и науки"
    assert fix_ocr_text("WorldSkills Russia") == "WorldSkills Russia"
    assert fix_ocr_text("ЦOПП") == "ЦОПП"


def test_zero_as_ooo_only_where_certain():
    assert fix_ocr_text("000 «Ромашка»") == "ООО «Ромашка»"
    assert fix_ocr_text("МОУО\n000\nЦЗН") == "МОУО\nООО\nЦЗН"
    assert fix_ocr_text("1000 человек") == "1000 человек"
    assert fix_ocr_text("бюджет 3 000 рублей") == "бюджет 3 000 рублей"
    assert fix_ocr_text("10.000") == "10.000"


def test_zero_is_never_ooo_inside_a_number_list():
    assert fix_ocr_text("3 000, 5 000 рублей") == "3 000, 5 000 рублей"
    assert fix_ocr_text("2 000 000 рублей") == "2 000 000 рублей"
    assert fix_ocr_text("ОО, 000") == "ОО, ООО"
    assert fix_ocr_text("10,000; 000 «Вектор»") == "10,000; ООО «Вектор»"


def test_latin_words_and_mixed_tokens_stay_latin():
    assert fix_ocr_text("IT-куб и WorldSkills") == "IT-куб и WorldSkills"
    assert fix_ocr_text("JuniorSkills") == "JuniorSkills"
    assert fix_ocr_text("ТPУД") == "ТРУД"                    # all-Cyrillic but the Latin P
    assert fix_ocr_text("Mинистерство") == "Министерство"


def test_digit_lookalikes_only_inside_numbers():
    assert fix_ocr_text("2О21 год") == "2021 год"
    assert fix_ocr_text("пункт З.1") == "пункт 3.1"
    assert fix_ocr_text("пункт З") == "пункт З"              # a lone letter stays a letter
    assert fix_ocr_text("ЗОО и ОО") == "ЗОО и ОО"            # no real digit: not a number
    assert fix_ocr_text("2021 год") == "2021 год"


def test_roman_numerals_of_quarters_and_half_years():
    assert fix_ocr_text("И полугодие (ежегодно)") == "II полугодие (ежегодно)"
    assert fix_ocr_text("[У квартал 2021 г.") == "IV квартал 2021 г."
    assert fix_ocr_text("Ш полугодие") == "Ш полугодие"      # a year has no third half
    assert fix_ocr_text("1 квартал 2022 г.") == "1 квартал 2022 г."
    assert fix_ocr_text("11 квартал") == "11 квартал"        # could be a city block
    assert fix_ocr_text("Иван и квартал") == "Иван и квартал"


def test_hyphenated_words_rejoined_only_when_known():
    assert fix_ocr_text("высококвалифи-\nцированных") == "высококвалифицированных"
    assert fix_ocr_text("северо-\nзападный") == "северо-западный"
    assert fix_ocr_text("обучение\nпедагогов") == "обучение\nпедагогов"


def test_text_without_slips_is_unchanged():
    for t in ("", "Министерство образования и науки", "до 1 июля 2021 года", "1000 человек"):
        assert fix_ocr_text(t) == t


def test_double_zero_as_oo_only_in_lists_of_executors():
    assert fix_ocr_text("00,00") == "ОО, ОО"
    assert fix_ocr_text("ПОО, 00") == "ПОО, ОО"
    assert fix_ocr_text("РКЦ, 00 (по согласованию)") == "РКЦ, ОО (по согласованию)"
    for number in ("в 10:00", "10,00", "10, 00", "0,00", "00 часов", "100, 200", "1,5 млн"):
        assert fix_ocr_text(number) == number
