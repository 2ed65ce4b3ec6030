"""Deadline phrasings seen in real plans (issue 23): glued prepositions, "последний месяц года",
on-demand wordings, school quarters, several deadlines or listed years in one cell."""

from __future__ import annotations

from datetime import date

import pytest

from normalizers.deadlines import FLAG_UNPARSED, normalize_deadline


def D(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


@pytest.mark.parametrize("raw,period,start,end,recurrence", [
    ("втечение года", (2022, 2024), "2022-01-01", "2024-12-31", "continuous"),
    ("Вечение года", (2022, 2024), "2022-01-01", "2024-12-31", "continuous"),
    ("втечение 2023 года", (2022, 2024), "2023-01-01", "2023-12-31", "continuous"),
    ("Последний месяц года", (2022, 2024), "2022-12-01", "2024-12-31", "annual"),
    ("в последний месяц каждого года", (2020, 2020), "2020-12-01", "2020-12-31", "annual"),
    ("При выявлении фактов", (2022, 2024), "2022-01-01", "2024-12-31", "on_demand"),
    ("по факту", (2022, 2024), "2022-01-01", "2024-12-31", "on_demand"),
    ("При поступлении обращений", (2022, 2024), "2022-01-01", "2024-12-31", "on_demand"),
    ("в случае выявления нарушений", (2022, 2024), "2022-01-01", "2024-12-31", "on_demand"),
    ("по показаниям", (2019, 2019), "2019-01-01", "2019-12-31", "on_demand"),
    ("1 раз в четверть", (2022, 2024), "2022-01-01", "2024-12-31", "quarterly"),
    ("по итогам каждой четверти", (2022, 2024), "2022-01-01", "2024-12-31", "quarterly"),
    ("ежеквартально", (2022, 2024), "2022-01-01", "2024-12-31", "quarterly"),
    ("1 раз в полугодие", (2022, 2024), "2022-01-01", "2024-12-31", "semiannual"),
    ("до 01.03.2024; до 01.09.2024", (2022, 2024), None, "2024-09-01", "once"),
    ("2022 - 2024", (2022, 2024), "2022-01-01", "2024-12-31", "once"),
    ("2022 – 2024 гг.", (2022, 2024), "2022-01-01", "2024-12-31", "once"),
])
def test_real_phrasings(raw, period, start, end, recurrence):
    d = normalize_deadline(raw, period)
    assert (d.start, d.end, d.recurrence) == (D(start), D(end), recurrence)
    assert d.flags == []


def test_two_deadlines_in_one_cell_are_two_occurrences():
    d = normalize_deadline("до 01.03.2024; до 01.09.2024", (2022, 2024))
    assert d.occurrences == [(None, date(2024, 3, 1)), (None, date(2024, 9, 1))]


def test_last_month_of_year_repeats_december():
    d = normalize_deadline("Последний месяц года", (2022, 2023))
    assert d.occurrences == [(date(2022, 12, 1), date(2022, 12, 31)), (date(2023, 12, 1), date(2023, 12, 31))]


def test_months_of_each_listed_year():
    d = normalize_deadline("август–сентябрь 2019, 2020, 2021", (2019, 2021))
    assert (d.start, d.end, d.recurrence) == (date(2019, 8, 1), date(2021, 9, 30), "once")
    assert d.occurrences == [(date(y, 8, 1), date(y, 9, 30)) for y in (2019, 2020, 2021)]


def test_listed_whole_years_and_year_ranges_stay_whole_years():
    d = normalize_deadline("2018 г., 2021 г.", (2018, 2027))
    assert d.occurrences == [(date(2018, 1, 1), date(2018, 12, 31)), (date(2021, 1, 1), date(2021, 12, 31))]
    d = normalize_deadline("май 2020, 2021-2022", (2020, 2022))
    assert d.occurrences[-1] == (date(2021, 1, 1), date(2022, 12, 31))


@pytest.mark.parametrize("raw", ["в течение 10 дней после выявления", "I четверть", "по итогам конкурса"])
def test_still_unparsed_without_a_guess(raw):
    d = normalize_deadline(raw, (2022, 2024))
    if d.recurrence == "on_demand":  # "после выявления" is not "при выявлении": must not match
        pytest.fail("a conditional phrase was read as on demand")
    assert (d.start, d.end) == (None, None) and FLAG_UNPARSED in d.flags


@pytest.mark.parametrize("raw", ["ежегодно, март-р ‚ель", "март – абв 2024", "2022 – н.в."])
def test_a_range_whose_end_is_unreadable_gives_no_date(raw):
    from normalizers.deadlines import FLAG_UNFINISHED_RANGE

    d = normalize_deadline(raw, (2022, 2024))
    assert (d.start, d.end) == (None, None) and FLAG_UNFINISHED_RANGE in d.flags and d.raw == raw


def test_a_range_followed_by_a_known_continuation_is_still_read():
    d = normalize_deadline("сентябрь 2023 - далее ежегодно", (2022, 2024))
    assert d.start == date(2023, 9, 1) and d.recurrence == "annual"
    d = normalize_deadline("март-апрель 2022", (2022, 2024))
    assert (d.start, d.end) == (date(2022, 3, 1), date(2022, 4, 30))


def test_a_year_word_after_a_dash_is_no_unreadable_end():
    d = normalize_deadline("I квартал 2018 — г.", (2018, 2020))
    assert (d.start, d.end) == (date(2018, 1, 1), date(2018, 3, 31)) and not d.flags


@pytest.mark.parametrize("raw", ["ТУ моя квартал 2023 года", "д0-25 декабря 2025 г.", "91.12.2023\n31.12.2025",
                                 "до 0 декабря 2024 г.", "Шжвартал 2023 г.", "Пполугодне 2024 года",
                                 "до Г июня 2023 года", "дфкабр ь2024", "сентяьрь 2023", "ежегодно, арт-рель",
                                 "декабрь 53\n2024 года", "1-1 кварталы 2024 г.", "II-II кв. 2023"])
def test_a_month_a_quarter_or_a_dotted_date_no_rule_read_gives_no_date(raw):
    """Read as the year alone these gave the whole year, confidently wrong."""
    from normalizers.deadlines import FLAG_PARTLY_UNREAD

    d = normalize_deadline(raw, (2023, 2025))
    assert (d.start, d.end, d.occurrences) == (None, None, []) and FLAG_PARTLY_UNREAD in d.flags


@pytest.mark.parametrize("raw,recurrence", [("1 раз в квартал", "quarterly"), ("2 раза в год", "semiannual"),
                                            ("каждый квартал 2024 года", "quarterly")])
def test_a_recurrence_phrase_with_a_quarter_is_no_unread_date(raw, recurrence):
    d = normalize_deadline(raw, (2023, 2025))
    assert d.recurrence == recurrence and d.start is not None


def test_a_speck_quote_glued_before_the_month_is_no_part_of_it():
    """A degraded Chuvashia plan read "ежегодно, до 20 ‘декабря": it came out all of December each year."""
    d = normalize_deadline("ежегодно, до 20 ‘декабря", (2022, 2024))
    assert (d.start, d.end, d.recurrence) == (None, date(2024, 12, 20), "annual")


@pytest.mark.parametrize("raw,end", [("до «15» декабря 2020 г.", "2020-12-15"), ("до \"1\" июля 2021 года", "2021-07-01"),
                                     ("не позднее «31» мая 2021 г.", "2021-05-31")])
def test_a_day_in_quotes_is_the_day(raw, end):
    """Legal dates print the day in quotes; read as a gap, "до «15» декабря" was all of December."""
    d = normalize_deadline(raw, (2020, 2021))
    assert (d.start, d.end) == (None, D(end))


def test_a_quarter_named_in_a_phrase_is_no_unread_date():
    d = normalize_deadline("ежеквартально, до 5 числа месяца, следующего за отчётным кварталом", (2022, 2024))
    assert d.recurrence == "quarterly" and d.start == date(2022, 1, 1)
