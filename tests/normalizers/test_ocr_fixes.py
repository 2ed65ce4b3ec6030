"""Post-OCR repairs: certain slips fixed, everything else untouched."""

import pytest

from normalizers.ocr_fixes import damaged_period, fix_ocr_text, fix_roman_periods
from normalizers.ocr_words import mend_misread_words, nearest_word, rejoin_caps_tail, split_speck_hyphens


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
    assert fix_ocr_text("МОУО\n000-.\nЦЗН") == "МОУО\nООО-.\nЦЗН"     # specks after it on its line
    assert fix_ocr_text("всего 2 000.") == "всего 2 000."


def test_zero_is_never_ooo_inside_a_number_list():
    assert fix_ocr_text("3 000, 5 000 рублей") == "3 000, 5 000 рублей"
    assert fix_ocr_text("2 000 000 рублей") == "2 000 000 рублей"
    assert fix_ocr_text("ОО, 000") == "ОО, ООО"
    assert fix_ocr_text("10,000; 000 «Вектор»") == "10,000; ООО «Вектор»"


def test_zero_zero_after_an_acronym_ends_it_as_oo():
    """A degraded Omsk plan read "МО ОО" (the municipalities' education bodies) as "МО 00"."""
    assert fix_ocr_text("МО 00, ПОО") == "МО ОО, ПОО"
    assert fix_ocr_text("МО 00 (по согласованию)") == "МО ОО (по согласованию)"
    assert fix_ocr_text("СОШ № 100") == "СОШ № 100" and fix_ocr_text("10, 00") == "10, 00"


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


@pytest.mark.parametrize("text,expected", [
    ("Г квартал 2018 г.", "I квартал 2018 г."),          # serif I read as Г / Т / l
    ("Т квартал 2022 г.", "I квартал 2022 г."),
    ("l квартал", "I квартал"),
    ("il полугодие (ежегодно)", "II полугодие (ежегодно)"),
    ("ТУ квартал 2021 г.", "IV квартал 2021 г."),        # I and V each read as a look-alike
    ("Гу квартал 2023 года", "IV квартал 2023 года"),    # ... the V in lower case
    ("Тквартал 2022 г.", "I квартал 2022 г."),           # the space lost too
    ("Т-П квартал 2020", "I-II квартал 2020"),
    ("Ш квартал", "III квартал"),
    ("ТУ КВАРТАЛ", "IV КВАРТАЛ"),
    ("УУ квартал", "УУ квартал"),                        # reads as no quarter: left (and damaged)
    ("ТУ полугодие", "ТУ полугодие"),                    # a year has no fourth half
    ("Т\\ квартал 2021", "Т\\ квартал 2021"),          # "\\" is no look-alike: damaged, not read
    ("1квартал 2020", "1квартал 2020"),                  # Arabic: the date rules read it
    ("П III кварталы 2024 г.", "II–III кварталы 2024 г."),  # two quarters in a row, the dash lost
    ("I III кварталы 2024 г.", "I III кварталы 2024 г."),    # not in a row: a range or a list, left
    ("II III квартал 2024 г.", "II III квартал 2024 г."),    # one quarter named: left
])
def test_roman_look_alikes_of_quarters_read_when_the_whole_token_reads(text, expected):
    assert fix_ocr_text(text) == expected


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


# ---------------------------------------------------------------- context repairs (rows known)

from dataclasses import dataclass, field  # noqa: E402


from normalizers.ocr_fixes import (  # noqa: E402
    fix_roman_heading,
    fix_roman_number,
    remove_word_debris,
    repair_activities,
)
from normalizers.ocr_item_numbers import repair_item_number, repair_item_numbers  # noqa: E402


@pytest.mark.parametrize("prev,number,nxt,expected", [
    ("1.2", "13", "1.4", "1.3"),          # the dot lost
    ("4.9", "410", "4.11", "4.10"),       # two-digit sub-item
    ("1.4", "21", "2.2", "2.1"),          # first item of the next section
    ("1.2", "1,3", "1.4", "1.3"),         # the dot read as a comma
    ("1.2", "13.", "1.4", "1.3."),        # trailing dot kept
    (None, "1..1", "1.2", "1.1"),         # a speck beside the dot read as a second dot
    ("3", "4.м", "5", "4"),               # a speck read as a letter beside the number
    (None, "71", "2", "1"),               # a speck read as a digit before the first item
    ("3", "45", "5", "4"),                # ... or after a plain number
    ("1", "2.$52", "3", "2"),             # specks read as marks and digits after the number
    ("1.1", "1.2№27", "1.3", "1.2"),
    (None, "1\n5:", "2", "1"),             # ... on a line of their own
])
def test_item_number_repaired_from_neighbours(prev, number, nxt, expected):
    assert repair_item_number(prev, number, nxt) == (expected, "item_number_repaired")


@pytest.mark.parametrize("prev,number,nxt", [
    ("12", "13", "14"),                   # flat numbering: thirteen
    ("1.2", "1.3", "1.4"),                # nothing to do
    (None, "13", None),                   # no neighbours: no evidence
    ("1.2", "57", "1.4"),                 # no dotted reading fits: kept
    ("1.2", None, "1.4"),
    ("3", "4.1", "5"),                    # a sub-item where the sequence expects 4: a real number
    ("1.2", "1.31", "1.4"),               # an added digit is undone only in a plain number
    ("1", "2 и 3", "3"),                  # words after the number: text, not specks
    ("1", "2.5", "3"),                    # a deeper number than the sequence expects: kept
])
def test_item_number_kept_without_evidence(prev, number, nxt):
    assert repair_item_number(prev, number, nxt) == (number, None)


def test_item_numbers_repaired_over_a_table():
    got = repair_item_numbers(["1.1", "12", "1.3", "14", "2.1", None, "2.2"])
    assert [n for n, _ in got] == ["1.1", "1.2", "1.3", "1.4", "2.1", None, "2.2"]
    assert [f for _, f in got].count("item_number_repaired") == 2


@pytest.mark.parametrize("text,expected", [
    ("П. Организационное обеспечение", "II. Организационное обеспечение"),
    ("ТУ. Контроль реализации", "IV. Контроль реализации"),
    ("Ш Кадровое обеспечение", "III Кадровое обеспечение"),
    ("У. Информационное сопровождение", "V. Информационное сопровождение"),
])
def test_roman_numeral_of_a_heading_repaired(text, expected):
    assert fix_roman_heading(text) == (expected, True)


@pytest.mark.parametrize("text", ["IV. Контроль", "У нас всё", "Поддержка проектов", "Площадка А", ""])
def test_heading_without_misread_numeral_unchanged(text):
    assert fix_roman_heading(text) == (text, False)


def test_roman_item_number_repaired_only_when_unambiguous():
    assert fix_roman_number("П.") == "II."
    assert fix_roman_number("ТУ") == "IV"
    assert fix_roman_number("У") == "У"                  # a letter, not surely V
    assert fix_roman_number("1.3") == "1.3"


@pytest.mark.parametrize("text,expected", [
    ("Ме|роприятия по обра,зованию", "Мероприятия по образованию"),
    ("Проведение кон.курса", "Проведение конкурса"),
    ("вуз,колледж", "вуз,колледж"),                     # two words: the comma is real
    ("кв.м, т.е. г.Калуга", "кв.м, т.е. г.Калуга"),    # abbreviations untouched
    ("Министер: ство образования", "Министерство образования"),   # a mark and a space inside a word
    ("работ: ники", "работ: ники"),                     # "работ" is a word: no telling, as read
    ("плана: мероприятий", "плана: мероприятий"),
])
def test_debris_inside_words_removed(text, expected):
    assert remove_word_debris(text) == expected


@pytest.mark.parametrize("text,damaged", [
    ("Т\\ квартал 2021", True),
    ("IУ кв. 2022", True),
    ("IV квартал 2021 г.", False),
    ("1-2 квартал", False),
    ("И полугодие 2021", False),         # a certain misreading, repaired elsewhere
    ("первый квартал", False),
    ("ежеквартально", False),
    ("Выделение квот 2021", False),
    ("2-е полугодие 2019 года", False),  # an ordinal ending
    ("Ⅳ квартал 2019", False),           # the Unicode Roman numeral
    ("УУ квартал 2019", True),
    ("до 5 числа месяца, следующего за „отчетным кварталом", False),   # a speck's quote before a word
    ("„Ж квартал 2021", True),
])
def test_damaged_quarter_detected(text, damaged):
    assert damaged_period(text) is damaged


@dataclass
class _Act:
    number: str
    section: list = field(default_factory=list)
    flags: list = field(default_factory=list)


def test_repair_activities_flags_what_it_changed():
    acts = [_Act("1.1", ["П. Кадры"]), _Act("12", ["П. Кадры"]), _Act("1.3")]
    repair_activities(acts)
    assert [a.number for a in acts] == ["1.1", "1.2", "1.3"]
    assert acts[0].section == ["II. Кадры"] and "section_numeral_repaired" in acts[0].flags
    assert "item_number_repaired" in acts[1].flags
    assert acts[2].flags == []


def test_damaged_deadline_gives_no_date_and_a_flag():
    from pipeline.normalise import normalise_deadline
    from pipeline.records import ActivityRecord

    act = ActivityRecord(section=[], number="1", title="Мероприятие", deadline="Т\\ квартал 2021")
    normalise_deadline(act, (2021, 2023))
    assert act.deadline_norm.start is None and act.deadline_norm.end is None
    assert "deadline_damaged_ocr" in act.flags


def test_flat_numbers_misread_are_restored_from_their_neighbours() -> None:
    got = repair_item_numbers(["9", "10", "о", "12", "13", "10", "15", "16", "7"])
    assert [n for n, _ in got] == ["9", "10", "11", "12", "13", "14", "15", "16", "17"]
    assert [f for _, f in got].count("item_number_repaired") == 3


def test_marks_beside_a_number_are_dropped_and_flagged() -> None:
    got = repair_item_numbers(["2", "3 —", "4 -", "5"])
    assert got[1:3] == [("3", "item_number_repaired"), ("4", "item_number_repaired")]


def test_a_gap_in_the_printed_numbering_is_not_filled() -> None:
    assert repair_item_numbers(["1", "2", "4", "5"]) == [("1", None), ("2", None), ("4", None), ("5", None)]


def test_a_lost_digit_is_not_restored_against_the_next_number() -> None:
    assert repair_item_number("16", "7", "8") == ("7", None)


def test_first_number_misread_is_restored_from_the_second() -> None:
    assert repair_item_numbers(["L", "2", "3"])[0] == ("1", "item_number_repaired")
    assert repair_item_numbers(["57", "2"])[0] == ("57", None)


def test_a_mark_before_a_number_is_dropped() -> None:
    assert repair_item_numbers(["15", "16", "‚7"])[2] == ("17", "item_number_repaired")


@pytest.mark.parametrize("text,expected", [
    ("Министерство образованияи науки", "Министерство образования и науки"),
    ("запросы работодателейи ПОО", "запросы работодателей и ПОО"),
    ("потребностив кадрах", "потребности в кадрах"),
    ("регионального вокруг анализ", "регионального вокруг анализ"),    # dictionary words stay
    ("Кузбасс", "Кузбасс"),                                            # the part is no word
])
def test_a_one_letter_word_run_into_the_word_before_is_split(text, expected):
    from normalizers.ocr_words import split_glued_short_words

    assert split_glued_short_words(text) == expected


@pytest.mark.parametrize("read,mended", [
    ("ежекварта ЛЬНО, ДО 5 числа", "ежеквартально, ДО 5 числа"),
    ("экономико-технологичес КИЙ колледж", "экономико-технологический колледж"),
    ("кураторы ПОО", "кураторы ПОО"),                  # a known word before an abbreviation
    ("руководители ОО и ПОО", "руководители ОО и ПОО"),
    ("с профессиональными образовательн\nЫМи организациями", "с профессиональными образовательными организациями"),
    ("образовательн\n-ЫМи организациями", "образовательными организациями"),
])
def test_a_word_tail_read_in_capitals_is_rejoined_only_into_a_word(read, mended):
    assert rejoin_caps_tail(read) == mended


@pytest.mark.parametrize("word,nearest", [
    ("лодготовки", "подготовки"), ("профессионалъного", "профессионального"), ("оперёжающей", "опережающей"),
    ("раббтодатели", "работодатели"),
    ("подготовки", None),            # a dictionary word
    ("татарстан", None), ("Лодготовки", None),   # a known name; a capitalised word may be a name
    ("румц", None), ("ежекварта", None),          # short; no word one letter away
])
def test_nearest_word_only_when_one_fits(word, nearest):
    assert nearest_word(word) == nearest


def test_misread_words_mended_in_text_and_nothing_else():
    assert mend_misread_words("агёнтство труда, 2024 г., WorldSkills") == "агентство труда, 2024 г., WorldSkills"
    assert mend_misread_words("Минобр НСО") == "Минобр НСО"
    # a word at a line end may be the head of a word broken over two lines: left as read
    assert mend_misread_words("образовательн\nорганизации") == "образовательн\nорганизации"


@pytest.mark.parametrize("read,fixed", [
    ("Ш.квартал 2022 г", "III квартал 2022 г"), ("ТУ’квартал", "IV квартал"), ("III. квартал", "III квартал"),
    ("III квартал", "III квартал"), ("1.квартал", "1.квартал"),
])
def test_a_speck_between_a_roman_numeral_and_its_quarter(read, fixed):
    assert fix_roman_periods(read) == fixed


def test_a_quarter_glued_by_a_speck_to_junk_is_damaged():
    assert damaged_period("Ж.квартал 2022 г")
    assert not damaged_period("Ш.квартал 2022 г")


@pytest.mark.parametrize("read,fixed", [
    ("торговли Пермского-края (Минпромторг ПК)", "торговли Пермского края (Минпромторг ПК)"),
    ("учебно-методический центр", "учебно-методический центр"),          # a compound stays
    ("Торгово-промышленная палата", "Торгово-промышленная палата"),
    ("социально-экономического развития", "социально-экономического развития"),
    ("научно-исследовательской работы", "научно-исследовательской работы"),
    ("Ханты-Мансийского автономного округа", "Ханты-Мансийского автономного округа"),
])
def test_a_hyphen_between_two_words_is_a_speck_only_after_an_inflected_adjective(read, fixed):
    assert split_speck_hyphens(read) == fixed


@pytest.mark.parametrize("text,expected", [
    ("на 202,2-2024 годы", "на 2022-2024 годы"),      # a speck between a year's last digits
    ("на 201.9 – 2021 гг.", "на 2019 – 2021 гг."),
    ("на 2022-2024 годы", "на 2022-2024 годы"),
    ("202,2-2024,0 тыс. руб.", "202,2-2024,0 тыс. руб."),   # amounts with decimal commas
    ("на 202,5-2024 годы", "на 202,5-2024 годы"),          # would come after the range's end
    ("на 20:24-2026 годы", "на 2024-2026 годы"),           # a speck between any two digits
    ("на 2:019 – 2021 гг.", "на 2019 – 2021 гг."),
    ("на 2021-20.23 годы", "на 2021-2023 годы"),            # the second year split
    ("с 2,0:24-2026", "с 2,0:24-2026"),                     # two marks: not a year
    ("в 18:30-2024 г.", "в 18:30-2024 г."),                 # a time of day, no year
    ("20,2-2024", "20,2-2024"),                             # three digits only
    ("на 2022-:2024 годы", "на 2022-2024 годы"),            # a mark beside the dash of whole years
    ("на 2022.–2024 годы", "на 2022–2024 годы"), ("2022'-2024", "2022-2024"),
    ("2023, -2024, 2025", "2023, -2024, 2025"),             # a list's comma stays a list's
    ("на 2020.-2060", "на 2020.-2060"),                     # forty years apart: no range of a plan
])
def test_a_range_year_split_by_a_speck_is_joined(text, expected):
    assert fix_ocr_text(text) == expected


def test_a_section_numeral_that_breaks_the_sequence_is_mended_per_plan():
    from normalizers.ocr_fixes import repair_activities

    @dataclass
    class Act:
        number: str
        section: list
        flags: list = field(default_factory=list)

    acts = [Act("1", ["I. Нормативная база"]), Act("2", ["I. Кадры"]), Act("3", ["I. Кадры", "1. Подраздел"]),
            Act("4", ["III. Мониторинг"])]
    repair_activities(acts)
    assert [a.section[0] for a in acts] == ["I. Нормативная база", "II. Кадры", "II. Кадры", "III. Мониторинг"]
    assert acts[1].flags == ["section_numeral_repaired"] and acts[0].flags == []
    # two plans in one file: each numbers its sections from I; only a repeat inside one plan is a slip
    plans = [Act("1", ["План А", "I. Кадры"]), Act("2", ["План А", "II. Оценка"]),
             Act("1", ["План Б", "I. Кадры"]), Act("2", ["План Б", "I. Оценка"])]
    repair_activities(plans)
    assert [a.section[1] for a in plans] == ["I. Кадры", "II. Оценка", "I. Кадры", "II. Оценка"]


@pytest.mark.parametrize("headings", [
    ["I. А", "II. Б", "III. В"],            # a sound sequence
    ["I. А", "I. Б", "IV. В"],              # the neighbours do not agree on one numeral
    ["II. А", "I. Б"],                      # a step back at the end: maybe another plan, not judged
    ["I. А", "Раздел без номера", "II. В"],
])
def test_section_sequences_left_as_read(headings):
    from normalizers.ocr_fixes import roman_section_sequence

    assert roman_section_sequence(headings) == {}


@pytest.mark.parametrize("read, expected", [
    ("’минобразования края", "минобразования края"),
    ("_ Минобразования края", "Минобразования края"),
    ("- руководители ПОО", "- руководители ПОО"),          # a bullet stays
    ("„Центр“", "„Центр“"),
    ("* при наличии средств", "* при наличии средств"),       # a footnote mark stays
])
def test_scan_cell_loses_the_specks_before_its_first_word(read, expected):
    from normalizers.ocr_fixes import fix_scan_text

    assert fix_scan_text(read) == expected


@pytest.mark.parametrize("read, expected", [
    (".ПОО", "ПОО"), ("\"МО ОО, ПОО", "МО ОО, ПОО"), ("\"Ворлдскиллс\" центр", "\"Ворлдскиллс\" центр"),
    ("МО ОО:", "МО ОО"), ("ЦРПО;", "ЦРПО"), ("Мероприятия:", "Мероприятия:"),
])
def test_scan_cell_edges(read, expected):
    from normalizers.ocr_fixes import fix_scan_text

    assert fix_scan_text(read) == expected


@pytest.mark.parametrize("read, expected", [
    ("МО.ОО", "МО ОО"), ("Минпромторг.ПК, ЦРПО", "Минпромторг ПК, ЦРПО"), ("ул.Ленина", "ул.Ленина"),
])
def test_a_stop_glued_before_an_abbreviation_is_the_space(read, expected):
    from normalizers.ocr_fixes import fix_scan_text

    assert fix_scan_text(read) == expected


@pytest.mark.parametrize("read, expected", [
    ("ежекварталь. но", "ежеквартально"),       # a short word after no word: the word's tail
    ("организован но неудачно", "организован но неудачно"),   # a word, then "но": two words
    ("ежегодно по плану", "ежегодно по плану"),
    ("«Чувашский\nреспубликанс\nкий институт", "«Чувашский\nреспубликанский институт"),   # ... on the next line
    ("учреждение\nкий", "учреждение\nкий"),                       # after a word: two words
    ("т оргово-промышленная палата", "торгово-промышленная палата"),   # a first letter split off
    ("с оциальной защиты", "социальной защиты"),
    ("в опросам", "в опросам"), ("с организациями", "с организациями"),   # a letter, then a word: two
])
def test_a_short_word_after_a_piece_that_is_no_word_may_be_its_tail(read, expected):
    from normalizers.ocr_words import rejoin_split_words

    assert rejoin_split_words(read) == expected


def test_a_word_whose_tail_took_the_conjunction_after_it_is_split_again():
    from normalizers.ocr_words import rejoin_split_words

    assert rejoin_split_words("Министерство образован ияи науки") == "Министерство образования и науки"
    assert rejoin_split_words("школа иви") == "школа иви"
    assert rejoin_split_words("работы и дом и") == "работы и дом и"


@pytest.mark.parametrize("read, expected", [
    ("постоянно--— /", "постоянно"),           # dashes and a slash after the last word: a remnant
    ("Отчёт /", "Отчёт"),
    ("„/Отчёт", "Отчёт"),                      # marks before the first word
    ("„Отчёт“ подготовлен", "„Отчёт“ подготовлен"),     # a quote that closes stays
    ("декабрь 2024 года-", "декабрь 2024 года-"),       # one dash: a range cut short, flagged downstream
    ("1/2", "1/2"),
])
def test_a_scans_cell_loses_the_marks_round_its_text(read, expected):
    from normalizers.ocr_fixes import fix_scan_text

    assert fix_scan_text(read) == expected


def test_the_preposition_s_read_twice_is_one():
    from normalizers.ocr_fixes import fix_scan_text

    assert fix_scan_text("РУМЦ совместно Cc профессиональными") == "РУМЦ совместно с профессиональными"
    assert fix_scan_text("МО СС РТ") == "МО СС РТ"          # capitals around: an abbreviation's context


@pytest.mark.parametrize("text, expected", [
    ("Минобр НСО\nработода Тели", "Минобр НСО\nработодатели"),      # a serif "т" read as "Т"
    ("центр Томской области", "центр Томской области"),            # two words stay two
    ("профевсиональ ‚ные организации", "профессиональные организации"),   # joined, then mended
    ("центр занятости .-населения", "центр занятости населения"),
    ("ГКУ Центр занятости\n-населенйя", "ГКУ Центр занятости\nнаселения"),   # a dash glued at a line's start
    ("Мероприятия:\n-семинары", "Мероприятия:\n-семинары"),                # a list's dash after a colon
])
def test_pieces_of_a_scanned_word_joined(text, expected):
    from normalizers.ocr_fixes import fix_scan_text

    assert fix_scan_text(text) == expected


def test_a_serif_capital_i_read_as_l_in_a_quarter():
    assert fix_roman_periods("Lil квартал 2022 г.") == "III квартал 2022 г."
    assert not damaged_period(fix_roman_periods("Lil квартал 2022 г."))


def test_empty_brackets_read_for_a_capital_o():
    from normalizers.ocr_fixes import fix_scan_text

    assert fix_scan_text("()бучение мастеров").startswith("Обучение")
    assert fix_scan_text("функция f() вызывает") == "функция f() вызывает"


def test_a_specks_mark_after_a_headings_number_is_dropped():
    from normalizers.ocr_fixes import repair_activities

    class Act:
        def __init__(self, number, section):
            self.number, self.section, self.flags = number, section, []

    acts = [Act("1", ["1.'Информационное обеспечение"]), Act("2", ["2. Практико"])]
    repair_activities(acts)
    assert [a.section for a in acts] == [["1. Информационное обеспечение"], ["2. Практико"]]
    assert "section_numeral_repaired" in acts[0].flags and not acts[1].flags


@pytest.mark.parametrize("text, expected", [
    ("профессиональные образовательны е организации", "профессиональные образовательные организации"),
    ("организаци и науки", "организаци и науки"),       # "и" is a word: which reading, no telling
    ("квартал г", "квартал г"),                         # no word with it
])
def test_a_words_last_letter_split_off(text, expected):
    from normalizers.ocr_fixes import fix_scan_text

    assert fix_scan_text(text) == expected


@pytest.mark.parametrize("read, expected", [
    ("Минпромторг НС@ предприятия-партнёры", "Минпромторг НСО предприятия-партнёры"),   # "@" for "О"
    ("@МСУ", "ОМСУ"),
    ("адрес info@mail.ru", "адрес info@mail.ru"),          # an address keeps its "@"
])
def test_an_at_sign_beside_capitals_is_a_scans_o(read, expected):
    from normalizers.ocr_fixes import fix_scan_text

    assert fix_scan_text(read) == expected


@pytest.mark.parametrize("word, read", [
    ("areHTCTBO", "агентство"),        # all in Latin look-alikes, "r" for "г": a Russian word
    ("COBET", "СОВЕТ"),
    ("WorldSkills", "WorldSkills"),    # a Latin word stays
    ("online", "online"),
    ("Hacker", "Hacker"),
    ("Cope", "Cope"),                  # short: no reading
])
def test_a_word_read_all_in_latin_look_alikes_is_the_russian_word_they_spell(word, read):
    from normalizers.ocr_fixes import scanned_word

    assert scanned_word(word) == read
