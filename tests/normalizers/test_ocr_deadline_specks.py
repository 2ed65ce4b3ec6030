"""Tests of normalizers.ocr_deadline_specks: specks and lost spaces in a scan's deadline cells."""

import pytest

from normalizers.ocr_dates import damaged_dates, repair_date_words
from normalizers.ocr_deadline_specks import mend_deadline_text


@pytest.mark.parametrize("text,expected", [
    ("” Ежегодно", "Ежегодно"), (".2018 г.", "2018 г."), (":01.01.2021", "01.01.2021"),  # specks first
    ("2018 г. 2021г. 2026г. —", "2018 г. 2021 г. 2026 г. —"),          # the space before "г." lost
    ("(по плану)", "(по плану)"), ("- 2021", "- 2021"), (None, None),  # brackets and dashes stay
    ("2024.г.", "2024 г."), ("01.01.2024.г.", "01.01.2024 г."),       # a speck's stop for the space
    ("до 15 апреля\n-2024 г.", "до 15 апреля\n2024 г."),            # a speck's dash before a date's year
    ("март –\n2024 г.", "март –\n2024 г."),                         # a range's dash stays
    ("февраль–март 2022 г", "февраль–март 2022 г."), ("2021–2023 гг", "2021–2023 гг."),  # a lost stop
    ("2022 г\nежегодно", "2022 г.\nежегодно"), ("2022 года", "2022 года"), ("2022 г.", "2022 г."),
    ("01.09.202\n-0\n31.12.2022", "01.09.202 0\n31.12.2022"),     # a speck before a wrapped digit
    ("01.09.202 -0", "01.09.202 0"),
    ("31.12.202 _0", "31.12.202 0"), ("31.12.202 “2", "31.12.202 2"),   # other specks' marks
    ("01.09.2020\n-\n31.12.2022", "01.09.2020\n-\n31.12.2022"),  # a dash between two dates stays
    ("до 15°марта 2024 г.", "до 15 марта 2024 г."), ("до 1: июня 2023 г.", "до 1 июня 2023 г."),   # day, month
    ("01.12.2023", "01.12.2023"), ("15 марта", "15 марта"),
    ("IV квартал 2024. года", "IV квартал 2024 года"), ("2024. Итоги", "2024. Итоги"),
    ("2022-2024 ходы", "2022-2024 годы"), ("2022 гола", "2022 года"), ("2022 года", "2022 года"),
    ("2022 весна", "2022 весна"), ("2022 г.", "2022 г."),
    ("октябрь 2024\nноябрь: 2024", "октябрь 2024\nноябрь 2024"), ("декабрь ь 2024", "декабрь 2024"),
    ("май в 2024", "май в 2024"), ("март и 2024", "март и 2024"),     # a one-letter word stays
    ("июль 2025\nсентябрь. ь.2026", "июль 2025\nсентябрь 2026"),      # marks and a letter together
    ("до | декабря 2022 года", "до 1 декабря 2022 года"), ("до l июня", "до 1 июня"),   # a bar for the day 1
    ("до || декабря", "до || декабря"),                                # two bars: no reading
    ("01.06.20\n-23\n01.09.2023", "01.06.20 23\n01.09.2023"),         # wrapped after its century
    ("01.06.20 - 23.06.20", "01.06.20 - 23.06.20"),                     # a range of two dates stays
])
def test_deadline_specks_and_lost_spaces(text, expected):
    from normalizers.ocr_deadline_specks import mend_deadline_text

    assert mend_deadline_text(text) == expected


def test_task_lists_get_their_spaces_back_and_nothing_else_changes():
    from normalizers.ocr_deadline_specks import mend_task_list

    assert [mend_task_list(t) for t in ("1,4", "2 ,3,5", "1.2", "12,5 %", None)] == \
        ["1, 4", "2, 3, 5", "1.2", "12,5 %", None]


@pytest.mark.parametrize("text,expected", [
    ("декабрь о\n-2024-года", "декабрь\n2024 года"),   # a speck letter and dashes around the year
    ("Март\n-2025 г.", "Март\n2025 г."),
    ("сентябрь\n- декабрь 2024", "сентябрь\n- декабрь 2024"),   # a range of months stays a range
])
def test_a_dash_before_the_year_of_a_month_on_its_own_line_is_a_speck(text, expected):
    from normalizers.ocr_deadline_specks import mend_deadline_text

    assert mend_deadline_text(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("от 20 января. 2022 года № 88", "от 20 января 2022 года № 88"),
    ("от 14 сентября`2022 г. № 01-03/1555", "от 14 сентября 2022 г. № 01-03/1555"),
    ("До 25 декабря «2025 г.", "До 25 декабря 2025 г."), ("до 1 июня» 2022 года", "до 1 июня 2022 года"),
    ("от 14 сентября‘ 2022 г. № 01-03/1555", "от 14 сентября 2022 г. № 01-03/1555"),   # a left single quote
    ("22 марта 20:24 г. № 350/1", "22 марта 2024 г. № 350/1"),
    ("20 января 2022 года", "20 января 2022 года"),           # nothing to mend
    ("до 1 марта. 2022-2024 годы", "до 1 марта 2022-2024 годы"),
    ("в марте. 2022", "в марте. 2022"),                      # no month of a day's date
])
def test_a_speck_between_a_month_and_its_year_goes(text, expected):
    from normalizers.ocr_deadline_specks import drop_month_year_speck

    assert drop_month_year_speck(text) == expected


@pytest.mark.parametrize("read, expected", [
    ("декабрь ь\n2024", "декабрь 2024"),              # a letter speck across the cell's line break
    ("декабрь\nь 2024", "декабрь 2024"),
    ("в течение` 2024-2026 годов", "в течение 2024-2026 годов"),
    ("до1 декабря 2022 года", "до 1 декабря 2022 года"),
    ("01.09.2023,\n1\n31.08.2025", "01.09.2023,\n31.08.2025"),      # a piece of the column rule
    ("01.09.2023\n31.08.2025\n|", "01.09.2023\n31.08.2025"),
    ("04.12.2023\n1", "04.12.2023\n1"),       # one date: the line may be the other's last piece
])
def test_scan_deadline_specks(read, expected):
    from normalizers.ocr_deadline_specks import mend_deadline_text

    assert mend_deadline_text(read) == expected


def test_a_mark_after_do_and_a_date_that_lost_the_dot_between_day_and_month():
    from normalizers.ocr_deadline_specks import mend_deadline_text

    assert mend_deadline_text("до- 1 июня 2022 года") == "до 1 июня 2022 года"
    assert damaged_dates("01.04.2020\n309.2020")          # 30.9 or 3.09: no telling, no whole year
    assert not damaged_dates("01.04.2020\n30.09.2020")


def test_digit_slips_and_a_split_year_in_a_numeric_date_are_repaired():
    from normalizers.ocr_deadline_specks import mend_deadline_text

    assert repair_date_words("01.06.20323\n01..09.20 _23") == ("01.06.2023\n01.09.2023", True)
    assert repair_date_words("01.03.2024\n30062\n026") == ("01.03.2024\n30.06.2026", True)
    assert mend_deadline_text("октябрь Б 2024\nноябрь 4 2024") == "октябрь 2024\nноябрь 2024"


def test_a_dash_between_the_dots_of_a_date_and_a_quote_before_a_year_are_specks_and_five_digits_damage():
    from normalizers.ocr_deadline_specks import mend_deadline_text

    assert repair_date_words("01.09.2023\n30.11.-.2023") == ("01.09.2023\n30.11.2023", True)
    assert mend_deadline_text("до 25 декабря“. 2025") == "до 25 декабря 2025"
    assert damaged_dates("20221") and not damaged_dates("2022")


@pytest.mark.parametrize("read, expected", [
    ("no 15 апреля 2024 г.", "по 15 апреля 2024 г."),        # Latin n, o for п, о
    ("д0-25 декабря 2025 г.", "до 25 декабря 2025 г."),
    ("д9 25 декабря 2025 г.", "до 25 декабря 2025 г."),     # a speck on the side of "о"
    ("да 25 декабря 2025 г.", "до 25 декабря 2025 г."),     # "о" read as "а"
    ("ежегодно, цо 20 декабря", "ежегодно, до 20 декабря"),  # the descender of д read as ц
    ("ПО 15 мая", "ПО 15 мая"),
    ("с 2 по 5 мая", "с 2 по 5 мая"),
    ("цо 2024 года", "цо 2024 года"),                       # before a year, not a day: left
])
def test_a_preposition_misread_before_a_day(read, expected):
    from normalizers.ocr_deadline_specks import mend_deadline_text

    assert mend_deadline_text(read) == expected


def test_a_quote_between_a_month_and_its_year_is_a_speck():
    from normalizers.ocr_deadline_specks import mend_deadline_text

    assert mend_deadline_text("август-сентябрь “2023, 2024, 2025") == "август-сентябрь 2023, 2024, 2025"


def test_a_digit_and_dot_glued_before_a_whole_date_is_a_speck():
    from normalizers.ocr_deadline_specks import mend_deadline_text

    assert mend_deadline_text("01.09.2020\n1.31.12.2022") == "01.09.2020\n31.12.2022"
    assert mend_deadline_text("1.2.01.12.2022") == "1.2.01.12.2022"       # two parts before: left
    assert mend_deadline_text("01.12.2022") == "01.12.2022"


@pytest.mark.parametrize("read, expected", [
    ("‘декабрь\n-ь 2024\nдекабрь 2026.", "декабрь 2024\nдекабрь 2026."),   # a quote first; a dash and a letter
    ("2023-2024 _ годы", "2023-2024 годы"),                                 # an underscore before the year's word
    ("IV квартал 2022 г:", "IV квартал 2022 г."),                            # a colon for the year's stop
    ("август-сентябрь 2023, -2024, 2025", "август-сентябрь 2023, 2024, 2025"),  # a dash after a list's comma
    ("III квартал\n- 2024 г.", "III квартал 2024 г."),
    ("сентябрь – декабрь 2024", "сентябрь – декабрь 2024"),                 # a range of months: as written
    ("декабрь - 2024", "декабрь - 2024"),                                   # a dash on the month's line too
    ("ноябрь 2023 - 2024", "ноябрь 2023 - 2024"),
])
def test_marks_no_date_has_between_a_month_and_its_year_or_before_a_years_word(read, expected):
    assert mend_deadline_text(read) == expected


@pytest.mark.parametrize("read, expected", [
    ("до 1-5 апреля 2024 г.", "до 15 апреля 2024 г."),     # "до" takes one day, no range of days
    ("до 3-1 мая", "до 31 мая"),
    ("до 4-5 мая", "до 4-5 мая"),                           # no 45th: as read
    ("1-5 апреля", "1-5 апреля"),                           # a range of days without "до"
])
def test_a_hyphen_inside_the_day_after_do_is_a_speck(read, expected):
    assert mend_deadline_text(read) == expected


@pytest.mark.parametrize("read, expected", [
    ("з течение. 2024-2026 годов", "в течение 2024-2026 годов"),      # "в" read as "з", a speck's stop
    ("В течение: 2024 года", "В течение 2024 года"),
    ("в течение года", "в течение года"),
    ("раз в месяц", "раз в месяц"),
])
def test_during_with_its_v_misread_or_a_speck_after_it(read, expected):
    from normalizers.ocr_deadline_specks import mend_deadline_text

    assert mend_deadline_text(read) == expected


@pytest.mark.parametrize("read, expected", [
    ("01.12.2023\n..31.12.2025", "01.12.2023\n31.12.2025"),          # marks before a date on a later line
    ('ежегодно, до 20 "Декабря', "ежегодно, до 20 Декабря"),         # a quote between a day and its month
    ("01.12.2023\n2025", "01.12.2023\n2025"),
])
def test_marks_before_a_later_date_line_or_between_a_day_and_its_month(read, expected):
    from normalizers.ocr_deadline_specks import mend_deadline_text

    assert mend_deadline_text(read) == expected


@pytest.mark.parametrize("text, expected", [
    ("постоянно ry", "постоянно"),
    ("в течение года rw", "в течение года"),
    ("до 1 июня 2025 ry", "до 1 июня 2025 ry"),     # junk beside digits may hide one: kept (damage)
    ("постоянно (О", "постоянно"),                  # an unclosed bracket and a letter (measured)
    ("постоянно”", "постоянно"),                    # a closing quote no quote opened (measured)
    ("до 25 декабря 2025 г.--.-.-", "до 25 декабря 2025 г."),   # a run of dashes and stops (measured)
    ("IV квартал 2023 г.\n3", "IV квартал 2023 г."),            # a last line of one digit (measured)
    ("февраль-, март-2022 г.", "февраль-март 2022 г."),         # a speck doubling a range's dash (measured)
    ("март-2022 г.", "март-2022 г."),                           # one month: as written
    ("2024 г.", "2024 г."),
    ("сентябрь 2023 -", "сентябрь 2023 -"),          # one dash: a range cut short, flagged elsewhere
    ("ежегодно (IV", "ежегодно (IV"),               # a quarter's numeral may be what is left: kept
    ("постоянно (по мере", "постоянно (по мере"),   # words
])
def test_latin_letters_after_a_deadline_in_words(text, expected):
    assert mend_deadline_text(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("2024-2025 тг", "2024-2025 гг."),
    ("2023 r.", "2023 г."),
    ("2024-2025 гг.", "2024-2025 гг."),
    ("2024 тема", "2024 тема"),          # a word after the year stays
])
def test_a_years_abbreviation_with_a_look_alike_letter(text, expected):
    assert mend_deadline_text(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("2024-2025'гг", "2024-2025 гг."),
    ("IV квартал 2023 г‘", "IV квартал 2023 г."),
    ("2023 г, 2024 г", "2023 г., 2024 г."),            # the list's comma stays
])
def test_a_specks_mark_beside_a_years_abbreviation(text, expected):
    assert mend_deadline_text(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("до 15 апреля\n‚\n2024 г.", "до 15 апреля\n2024 г."),           # a line of a speck's mark alone
    ("сентябрь\n,\n2024 г.", "сентябрь\n2024 г."),
    ("01.09.2023\n-\n31.08.2025", "01.09.2023\n-\n31.08.2025"),      # a dash's line is a range's
    ("II–III кварталы: 2024 г.", "II–III кварталы 2024 г."),          # a quarter word's plural too
    ("август- сентябрь 2022. 2023; 2024", "август- сентябрь 2022, 2023; 2024"),   # a stop for a list's comma
    ("2022. Итоги 2023", "2022. Итоги 2023"), ("01.09.2022. 2023", "01.09.2022. 2023"),  # not between years
    ("до 1. ‚июня 2022 года", "до 1 июня 2022 года"),      # two specks' marks between a day and its month
    ("до 1, 2 июня", "до 1, 2 июня"),                      # a list of days stays
    ("август- 1 сентябрь 2022, 2023", "август- сентябрь 2022, 2023"),   # a stroke before a nominative month
    ("август-1 сентября 2022", "август-1 сентября 2022"),   # a day of a genitive month stays
])
def test_specks_that_part_a_date_from_its_year_or_end_a_list_of_years(text, expected):
    assert mend_deadline_text(text) == expected


def test_the_mended_cells_read_as_their_dates_not_as_whole_years():
    from datetime import date

    from normalizers.deadlines import normalize_deadline

    d = normalize_deadline(mend_deadline_text("до 15 апреля\n‚\n2024 г."), (2022, 2026))
    assert (d.start, d.end) == (None, date(2024, 4, 15))
    d = normalize_deadline(mend_deadline_text("II–III кварталы: 2024 г."), (2022, 2026))
    assert (d.start, d.end) == (date(2024, 4, 1), date(2024, 9, 30))
    d = normalize_deadline(mend_deadline_text("август- сентябрь 2022. 2023; 2024"), (2022, 2026))
    assert (d.start, d.end) == (date(2022, 8, 1), date(2024, 9, 30))
