"""Stray stops between words on scans: a speck read as a full stop after a full word goes."""

import pytest

from normalizers.metadata import normalise_authority
from normalizers.ocr_fixes import fix_scan_text
from normalizers.ocr_stops import drop_name_stops, drop_stray_stops, is_full_word


def test_a_stop_glued_between_two_words_is_the_space_it_hides():
    assert drop_stray_stops("Заместитель.министра") == "Заместитель министра"
    assert drop_stray_stops("вебинаров для.педагогов") == "вебинаров для педагогов"


def test_a_stop_before_a_lower_case_word_after_a_full_word_goes():
    assert drop_stray_stops("проведение семинаров. для кураторов") == "проведение семинаров для кураторов"


def test_abbreviations_short_words_and_sentence_ends_keep_their_stop():
    for text in ("тыс.рублей", "т.е. всё", "им. Ленина", "г.Москва", "до 1 мая. в", "Отчёт. Информация",
                 "обл. центр", "и.о. министра"):
        assert drop_stray_stops(text) == text


def test_full_words_are_dictionary_words_that_are_no_abbreviation():
    assert is_full_word("образования") and is_full_word("для")
    assert not is_full_word("тыс") and not is_full_word("обл") and not is_full_word("мая")


def test_a_stop_inside_an_authority_name_goes_in_capitals_too():
    assert drop_name_stops("МИНИСТЕРСТВО ОБРАЗОВАНИЯ. И НАУКИ ПЕРМСКОГО КРАЯ") == (
        "МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ ПЕРМСКОГО КРАЯ")
    assert normalise_authority("МИНИСТЕРСТВО ОБРАЗОВАНИЯ. И НАУКИ ПЕРМСКОГО КРАЯ") == (
        "министерство образования и науки Пермского края")
    assert drop_name_stops("ГБУ им. Н.Н. Иванова") == "ГБУ им. Н.Н. Иванова"


def test_an_unclosed_bracket_glued_inside_an_authority_name_is_a_speck():
    assert drop_name_stops("министерство образования(и науки Пермского края") == (
        "министерство образования и науки Пермского края")
    for text in ("Министерство образования Республики Саха (Якутия)", "Республики Саха (Якутия",
                 "центр(ЦОПП) области"):
        assert drop_name_stops(text) == text


def test_scan_cells_get_the_repair():
    assert fix_scan_text("Заместитель.министра") == "Заместитель министра"


@pytest.mark.parametrize("text,expected", [
    ("доклад о.результатах", "доклад о результатах"),          # a one-letter preposition's speck
    ("подготовка плана‘к проверке", "подготовка плана к проверке"),   # a mark for the space
    ("с.Ивановка", "с.Ивановка"),                              # село: an abbreviation stays
    ("в.т.ч.", "в.т.ч."),
    ("д’Артаньян", "д’Артаньян"),
])
def test_one_letter_prepositions_and_glued_marks(text, expected):
    assert drop_stray_stops(text) == expected


def test_a_lone_letter_ending_a_cell_is_a_speck():
    from normalizers.ocr_stops import drop_lone_last_letter

    assert drop_lone_last_letter("Заместитель губернатора\nи") == "Заместитель губернатора"
    assert drop_lone_last_letter("Минобр НСО\nи\nработодатели") == "Минобр НСО\nи\nработодатели"
    assert drop_lone_last_letter("ИРО и") == "ИРО и"             # on its own line only


def test_several_lone_letter_lines_end_a_cell_as_specks_but_capitals_alone_stay():
    from normalizers.ocr_stops import drop_lone_last_letter

    assert drop_lone_last_letter("ежеквартально\nв,\nК") == "ежеквартально"
    assert drop_lone_last_letter("Отдел кадров\nС") == "Отдел кадров\nС"       # no lower-case speck
    assert drop_lone_last_letter("Петрова\nМ.") == "Петрова\nМ."               # an initial


def test_lines_of_marks_alone_at_a_cells_end_are_specks():
    from normalizers.ocr_stops import drop_mark_lines_at_end

    assert drop_mark_lines_at_end("МОиН РТ\nИРО РТ\n+") == "МОиН РТ\nИРО РТ"
    assert drop_mark_lines_at_end("постоянно\n—\n.") == "постоянно"
    assert drop_mark_lines_at_end("—") == "—"                     # a cell of a dash alone: nothing to do
    assert drop_mark_lines_at_end("ЦЗН\n-\nПОО") == "ЦЗН\n-\nПОО"  # a mark between lines stays


def test_stop_before_a_bracketed_part_of_a_name():
    from normalizers.ocr_stops import drop_name_stops

    assert drop_name_stops("Республики Саха. (Якутия)") == "Республики Саха (Якутия)"
    assert drop_name_stops("им. (Иванова)") == "им. (Иванова)"


def test_a_stop_between_a_word_in_an_oblique_case_and_the_quoted_name_it_governs_goes():
    from normalizers.ocr_stops import drop_stray_stops

    assert drop_stray_stops("с бюджетным учреждением. «Республиканский центр»") == \
        "с бюджетным учреждением «Республиканский центр»"
    assert drop_stray_stops("Утвердить план. «Дорожная карта» включает") == "Утвердить план. «Дорожная карта» включает"
    assert drop_stray_stops("работников образования. «Центр»") == "работников образования. «Центр»"


def test_a_stop_between_a_region_head_noun_and_its_place_name_goes():
    from normalizers.ocr_stops import drop_stray_stops

    assert drop_stray_stops("науки Республики. Башкортостак (далее") == "науки Республики Башкортостак (далее"
    assert drop_stray_stops("Омской области. Контроль за исполнением") == "Омской области. Контроль за исполнением"


def test_a_stop_before_a_region_head_noun_and_its_place_name_goes():
    # measured on a colour photocopy: "(далее - Минобрнауки РБ)" had been defined as "Республики Башкортостан"
    assert drop_stray_stops("образования и науки. Республики Башкортостан (далее") == \
        "образования и науки Республики Башкортостан (далее"
    assert drop_stray_stops("до конца года. Республики Контроль") == "до конца года. Республики Контроль"   # no place
    assert drop_stray_stops("года. Республика Башкортостан") == "года. Республика Башкортостан"   # a subject opens


def test_a_mark_glued_before_a_short_form_s_region_capitals_is_the_space():
    from normalizers.ocr_stops import drop_stray_stops

    assert drop_stray_stops("Пермского края (Минпромторг'ПК) и") == "Пермского края (Минпромторг ПК) и"


def test_a_stop_at_a_line_end_before_a_quoted_name_after_an_oblique_word_is_a_speck():
    from normalizers.ocr_stops import drop_stray_stops

    assert drop_stray_stops("бюджетным учреждением.\n«Республиканский центр»") == \
        "бюджетным учреждением\n«Республиканский центр»"
    assert drop_stray_stops("Создать рабочую группу.\n«Центр» обеспечит") == \
        "Создать рабочую группу.\n«Центр» обеспечит"          # a sentence may end on an accusative
