"""Digit slips of numeric dates and split month names (normalizers.ocr_date_digits)."""

import pytest

from normalizers.ocr_date_digits import (digits_date, eight_digit_dates, extra_digit_years, mend_date_digits, month_tails,
                                         one_digit_mend, split_months, split_years, valid_date)


@pytest.mark.parametrize("text, want, changed", [
    ("01.03.2024\n30062\n026", "01.03.2024\n30.06.2026", True),
    ("30062026", "30.06.2026", True),
    ("2010 2012", "2010 2012", False),             # two years, not 20.10.2012
    ("31132026", "31132026", False),               # no 13th month
    ("до 3006202", "до 3006202", False),           # seven digits
])
def test_eight_digits_of_a_date_that_lost_its_dots(text, want, changed):
    assert eight_digit_dates(text) == (want, changed)


@pytest.mark.parametrize("text, want", [
    ("01.03.24020\n31.03.2020", "01.03.2020\n31.03.2020"),      # only 2020 is a year of ours
    ("01.06.20323\n01.09.2023", "01.06.2023\n01.09.2023"),      # 2023, 2032, 2033: the cell's other year
    ("01.06.20323", "01.06.20323"),                             # no other year: left, no guess
])
def test_a_five_digit_year_with_a_speck_digit(text, want):
    assert extra_digit_years(text)[0] == want


def test_a_month_broken_by_a_speck_and_a_space_is_glued():
    assert split_months("ежегодно март.\nап! рель") == ("ежегодно март.\nапрель", True)
    assert split_months("март апрель") == ("март апрель", False)
    assert split_months("до мая") == ("до мая", False)


def test_all_mends_report_a_change():
    assert mend_date_digits("01.09.2023\n01.06.20323") == ("01.09.2023\n01.06.2023", True)
    assert mend_date_digits("декабрь 2024") == ("декабрь 2024", False)


@pytest.mark.parametrize("text, want", [
    ("01.09.202\n0\n31.12.2022", "01.09.2020\n31.12.2022"),        # the year's last digit on the next line
    ("01.09.2023\n31 08.20 25", "01.09.2023\n31.08.2025"),
    ("август- сентябрь 2022, 2023, 20:24", "август- сентябрь 2022, 2023, 2024"),
    ("август- сентябрь 2022. 2023, 2024", "август- сентябрь 2022, 2023, 2024"),
    ("февраль-март 20222 г.", "февраль-март 2022 г."),              # one year a dropped digit leaves
    ("20221", "20221"),                                            # 2021 or 2022: left
    ("31.12.2022\n2023", "31.12.2022\n2023"),
])
def test_a_year_split_or_with_a_speck_digit(text, want):
    assert mend_date_digits(text)[0] == want


@pytest.mark.parametrize("read, expected", [
    ("01.03.2024\n30.06.2\n026", "01.03.2024\n30.06.2026"),     # three digits of the year below
    ("30.06.20\n26", "30.06.2026"),
    ("01.09.2023\n2024", "01.09.2023\n2024"),                   # a year of its own below: no split year
    ("31.02.20\n24", "31.02.20\n24"),                           # no such day: left
])
def test_a_year_whose_last_digits_went_to_the_next_line(read, expected):
    assert mend_date_digits(read)[0] == expected


def test_a_year_one_misread_digit_from_the_period_is_that_year():
    from normalizers.ocr_date_digits import years_into_period

    assert years_into_period("01.04.2024\n31.05.2926", (2024, 2026)) == ("01.04.2024\n31.05.2026", True)
    assert years_into_period("до 2123 г.", (2023, 2023)) == ("до 2023 г.", True)
    # within the window the spec allows (a real date a year or two off the period): left
    assert years_into_period("с 01.09.2023", (2024, 2026)) == ("с 01.09.2023", False)
    # no year of the period one digit away: left
    assert years_into_period("не менее 1000 человек, 2099", (2025, 2026)) == ("не менее 1000 человек, 2099", False)
    assert years_into_period("31.12.2926", None) == ("31.12.2926", False)


@pytest.mark.parametrize("read, expected", [
    ("сентябрь 2024\nдекабрь 2.026", "сентябрь 2024\nдекабрь 2026"),
    ("до 25 декабря 202,5 г.", "до 25 декабря 2025 г."),
    ("март 20.24", "март 2024"),
    ("декабрь 2023.2024", "декабрь 2023.2024"),     # two years, no speck inside one
    ("май 1.12", "май 1.12"),                       # no year of ours
])
def test_a_months_year_with_a_speck_among_its_digits(read, expected):
    assert split_years(read)[0] == expected


def test_an_impossible_date_one_digit_makes_a_date_of_in_one_way_only_is_mended():
    assert one_digit_mend("31.42.2026") == "31.12.2026"     # a month 0x or 1x; only December has a 31st
    assert one_digit_mend("31.12.2926") == "31.12.2026"
    assert one_digit_mend("91.06.2023") is None             # the 1st, the 11th or the 21st: not certain
    assert one_digit_mend("01.09.2023") is None and one_digit_mend("01.09.20724") is None
    assert one_digit_mend("31.02.2024") is None             # 31.01, 31.03, 21.02, 11.02, 01.02...


def test_valid_numeric_dates():
    assert valid_date("01.09.2023") and valid_date("31.12.2025.")
    assert not any(valid_date(t) for t in ["91.12.2023", "01.99.2023", "31.02.2024", "01.09.20724", "01.09.1823"])


@pytest.mark.parametrize("text, want, changed", [
    ("ежегодно, до 20 абря", "ежегодно, до 20 декабря", True),    # only December's name ends so
    ("до 20 бря", "до 20 бря", False),                             # September to December all do
    ("ежегодно, до 20 декабря", "ежегодно, до 20 декабря", False),
    ("в течение года", "в течение года", False),
])
def test_a_months_name_that_lost_its_head_is_read_where_one_month_ends_so(text, want, changed):
    assert month_tails(text) == (want, changed)


def test_a_date_cells_line_whose_digits_alone_spell_a_date():
    assert digits_date("0109.20 ‚23") == "01.09.2023"       # a dot lost, a speck splitting the year
    assert digits_date("0109.20 ‚2") is None and digits_date("3132.2023") is None    # seven digits; no month 32
    assert digits_date("до 01092023") is None                # words: no date cell's line


def test_a_five_digit_year_is_the_one_year_of_the_period_a_dropped_digit_leaves():
    """Degraded Krasnoyarsk plans (2024–2026) read "декабрь 20626", "июль 20925", "декабрь 72026":
    a speck read as a digit. "20626" less a digit is "2026" or "2062": only one lies in the period."""
    from normalizers.ocr_date_digits import years_into_period

    assert years_into_period("декабрь 2024\nдекабрь 20626", (2024, 2026)) == ("декабрь 2024\nдекабрь 2026", True)
    assert years_into_period("июль 20925", (2024, 2026)) == ("июль 2025", True)
    assert years_into_period("не менее 10000", (2024, 2026)) == ("не менее 10000", False)
    assert years_into_period("20245", (2024, 2026)) == ("20245", False), "2024 or 2025: no telling"


def test_a_year_wrapped_after_a_specks_mark_is_joined():
    """"01.12.20," / "23": the comma after the year's first digits a speck, the year's rest below."""
    from normalizers.ocr_date_digits import mend_date_digits

    assert mend_date_digits("01.12.20,\n23") == ("01.12.2023", True)
    assert mend_date_digits("01.09.2023,\n31.08.2025") == ("01.09.2023,\n31.08.2025", False), "two dates stay"


def test_a_months_name_cut_short_at_a_lines_end_is_that_month_where_only_one_opens_so():
    """A degraded Omsk plan read "ежегодно, март–апрель" as "ежегодно дно,\\nмарт.\\nапре\\nре": the
    deadline had ended in March. "апре" opens April's names alone; "ма" opens two months'."""
    from normalizers.ocr_date_digits import month_heads

    assert month_heads("март.\nапре\nре") == ("март.\nапрель\nре", True)
    assert month_heads("до 1 нояб") == ("до 1 ноября", True)
    assert month_heads("ма") == ("ма", False)
    assert month_heads("до 1 дека") == ("до 1 дека", False), "a dictionary word (a violin's дека) is left"


def test_a_misread_year_two_years_of_the_period_could_be_stays_unread():
    """A degraded Perm plan (2020–2022) read "01.03.2020\n31.03.2029": "2029" is 2020 or 2022 a digit
    changed. The year the cell writes beside it was taken, a guess: a degraded Kursk plan (2023–2025)
    read "01.12.2023\n31.12.2029" for "… 31.12.2025", and 2023 was taken. Both stay as read (the
    deadline unparsed and flagged)."""
    from normalizers.ocr_date_digits import years_into_period

    assert years_into_period("01.03.2020\n31.03.2029", (2020, 2022)) == ("01.03.2020\n31.03.2029", False)
    assert years_into_period("01.12.2023\n31.12.2029", (2023, 2025)) == ("01.12.2023\n31.12.2029", False)
    assert years_into_period("31.03.2029", (2020, 2022)) == ("31.03.2029", False)
