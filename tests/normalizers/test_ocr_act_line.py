"""normalizers.ocr_act_line: the act's date and number line of a scan."""

import pytest

from normalizers.metadata import parse_metadata
from normalizers.ocr_act_line import mend_act_line, mend_act_lines


@pytest.mark.parametrize("read, expected", [
    ("27..01.2024 № 180", "27.01.2024 № 180"),                      # a doubled stop in the date
    ("12,02.2020 № 26-01-06-150", "12.02.2020 № 26-01-06-150"),     # a comma for the first stop
    ("05.09,2022 № 1390", "05.09.2022 № 1390"),                     # ... or for the second
    ("}2.02,2020 № 26-01--06-150", "12.02.2020 № 26-01-06-150"),    # "1" read as a brace, a dash doubled
    ("05:09.2022 № 1390", "05.09.2022 № 1390"),                     # a colon for the first stop
    ("18.12;2023 № 777-11-05", "18.12.2023 № 777-11-05"),           # a semicolon for the second
    ("1-5.03.2021 г Казань № 245", "15.03.2021 г Казань № 245"),    # a speck for a dash inside the day
    ("3-9.03.2021 № 5", "3-9.03.2021 № 5"),                         # 39: no day, left as read
    ("1503.2021 г Казань № 245", "15.03.2021 г Казань № 245"),      # the first stop lost
    ("3513.2021 № 5", "3513.2021 № 5"),                             # no date that way: as read
    ("сумма 1503.2021 руб.", "сумма 1503.2021 руб."),               # no act's number: left
    ("провести 1-5.03.2021", "провести 1-5.03.2021"),               # no act's number: a range may be one
    ("от 1.5,2020", "от 1.5,2020"),                                 # no date's shape: left
    ("№ 12--15 от 01.02.2020", "№ 12-15 от 01.02.2020"),
    ("18.12.2023 №'777 11-05.", "18.12.2023 № 777-11-05."),         # a speck after the sign, a dash read as a space
    ("от 3 марта 2023 1-215", "от 3 марта 2023 № 1-215"),           # the sign lost
    ("от 3 марта 2023 г.", "от 3 марта 2023 г."),                   # no number: nothing added
    ("от 3 марта 2023 г. 150", "от 3 марта 2023 г. 150"),           # a bare number: no sign guessed
    ("на 2024-2026 годы", "на 2024-2026 годы"),
    ("«10».апреля 2023 г. № 912", "«10» апреля 2023 г. № 912"),      # a stop glued after the quoted day
    ("ИРИКАЗ", "ПРИКАЗ"),                                           # the kind heading, a letter misread
    ("22 марла 2024 г. № 350/1.", "22 марта 2024 г. № 350/1."),     # a month a letter off (measured)
    ("от 5 июпя 2023 г. № 12", "от 5 июпя 2023 г. № 12"),           # a letter from two months: as read
    ("РАСПОРЯЖЕНИЯ", "РАСПОРЯЖЕНИЯ"),                               # a word of its own
    ("МИНИСТЕРСТВО", "МИНИСТЕРСТВО"),
])
def test_the_act_line_slips_are_mended(read, expected):
    assert mend_act_line(read) == expected


def test_mended_lines_give_the_acts_number_and_date():
    head = "КОМИТЕТ ОБРАЗОВАНИЯ И НАУКИ КУРСКОЙ ОБЛАСТИ\nПРИКАЗ\nот 3 марта 2023 1-215\nОб утверждении плана"
    meta = parse_metadata(mend_act_lines(head).split("\n"))
    assert (meta.doc_number, str(meta.doc_date)) == ("1-215", "2023-03-03")


@pytest.mark.parametrize("read, expected", [
    ("1.2 02.2020 № 26-01-06-150", "12.02.2020 № 26-01-06-150"),      # stops moved by specks
    ("от:14 сентября 20225 № 01-03/1555", "от:14 сентября 2022 г. № 01-03/1555"),   # "г" read as a digit
    ("12.02.2020 № 26-01-06-150", "12.02.2020 № 26-01-06-150"),       # a whole date stays
    ("1 2 3 4 № 5", "1 2 3 4 № 5"),                                   # four digits spell no date
    ("от 14 сентября 20225 г. № 1", "от 14 сентября 20225 г. № 1"),   # its "г." there: no guess
    ("1.2 13.2020 № 5", "1.2 13.2020 № 5"),                            # no valid date
    ("18.12.2023 № 777-11 05", "18.12.2023 № 777-11-05"),             # a later dash read as a space
    ("№ 777-11 2023 г.", "№ 777-11 2023 г."),                          # a year after it is no group
])
def test_a_date_whose_stops_moved_or_whose_year_took_its_letter(read, expected):
    assert mend_act_line(read) == expected
    if expected != read:
        assert parse_metadata(["ПРИКАЗ", expected]).doc_date is not None


def test_an_act_dates_day_in_words_parted_by_a_dash_and_a_specks_stop_after_the_sign():
    """A degraded Yakutia order read "от 1-4 сентября 2022г № .01-03/1555": an act has one date, the
    dash a speck in "14" (read "4", a confident wrong date); the stop before the number a speck."""
    from normalizers.ocr_act_line import mend_act_line

    assert mend_act_line("от 1-4 сентября 2022г № .01-03/1555") == "от 14 сентября 2022г № 01-03/1555"
    assert mend_act_line("от 3-9 сентября 2022 № 5") == "от 3-9 сентября 2022 № 5", "no 39th"
    assert mend_act_line("с 1-4 сентября") == "с 1-4 сентября", "no act line (no №): a range stays"
