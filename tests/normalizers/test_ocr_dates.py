"""OCR slips in deadline cells: certain ones mended, the rest reported as damage (never a guessed date)."""

from __future__ import annotations

import pytest

from normalizers.ocr_date_words import month_reading
from normalizers.ocr_dates import damaged_dates, repair_date_words


@pytest.mark.parametrize("text,expected", [
    ("Дскабрь 2019", "Декабрь 2019"),               # one letter wrong, one month that near
    ("до 1 сентгбря 2020 г.", "до 1 сентября 2020 г."),
    ("ОКТЯБРЪ 2020", "ОКТЯБРЬ 2020"),
    ("20l9 год", "2019 год"),                         # a letter for the digit one inside a year
    ("01.04.2020\n31 12.2022", "01.04.2020\n31.12.2022"),  # a space for a dot: one reading
    ("31 13.2022", "31 13.2022"),                     # no month 13: not a date, left
    ("01.09.2020\n31 12.202 2", "01.09.2020\n31.12.2022"),  # a space inside the year too
    ("31.12.2022", "31.12.2022"),
    ("Май 2019-2020 гг.", "Май 2019-2020 гг."),       # nothing to mend
    ("Ржегодно", "Ежегодно"),                         # a recurrence adverb one letter off
    ("Постояно", "Постоянно"),
    ("ностоянио", "постоянно"),                       # two slips, the first a letter one stroke from "п"
    ("гостоянио", "гостоянио"),                       # ... not so from "г": left
    ("Ежегодна", "Ежегодна"),                         # a dictionary word: no slip
    ("Ежегодно сентябрь 20182019-2027 июны", "Ежегодно сентябрь 2018 2019-2027 июнь"),  # years run together
    ("120182019", "120182019"),                       # nine digits: no two years
    ("01.04:2020\n31.12..2020", "01.04.2020\n31.12.2020"),  # dots read as other marks or doubled
    ("01,04.2020", "01.04.2020"),
    ("31-.03.2020", "31.03.2020"),                    # a speck's mark before a dot
    ("31-03.2020", "31-03.2020"),                     # a dash for the dot: no repair here
    ("01.03.2024\n30.06.2: 026", "01.03.2024\n30.06.2026"),   # marks inside the year
    ("01.04.2 (024\n31.05.2026", "01.04.2024\n31.05.2026"),
    ('01.04.20 "23\n31.12.2025', "01.04.2023\n31.12.2025"),
    ("01.09.20 2023", "01.09.20 2023"),               # a two-digit year, then another: left
    ("1,5 2020", "1,5 2020"),                         # no day.month.year: left
    ("февраль. ь2025\nапрель 2026", "февраль 2025\nапрель 2026"),    # a speck glued to the year, the stop too
    ("октябрь: ь2024\nноябрь 2024", "октябрь 2024\nноябрь 2024"),    # ... after a colon, a speck too
    ("до к2025", "до к2025"),                         # no month before it: left
    ("дфкабр ь2024\nдекабрь 2026", "декабрь 2024\nдекабрь 2026"),   # the month's "ь" split off onto its year
    ("поаабр ь2024", "поаабр ь2024"),                 # no month with it: left
    ("01.02.2024\n3112.2026", "01.02.2024\n31.12.2026"),  # a dot lost: ddmm splits one way only
    ("31.122026", "31.12.2026"),                      # ... or the other dot: dd.mmyyyy
    ("3102.2026", "3102.2026"),                       # no 31 February: no reading, left
    ("1312.2026", "13.12.2026"),
    ("2012.2026", "2012.2026"),                       # four digits that are a year: two years, left
    ("112.2026", "112.2026"),                         # 1.12 or 11.2: two readings, left
    ("01.09.2923", "01.09.2923"),                     # a wrong digit in the year: no repair
    ("01.1220. 23\n-31.12.2025", "01.12.2023\n-31.12.2025"),   # the second dot moved into the year
    ("01.1220.23", "01.12.2023"),
    ("31.1320.23", "31.1320.23"),                     # no 13th month: left
    ("IV квартап 2023 года", "IV квартал 2023 года"),  # a quarter's word one letter off
    ("II полугодне 2024", "II полугодие 2024"),
    ("кварталь 2024", "кварталь 2024"),               # one letter from three forms: left
])
def test_certain_slips_are_mended(text, expected):
    fixed, changed = repair_date_words(text)
    assert fixed == expected
    assert changed is (fixed != text)


@pytest.mark.parametrize("deadline,bounds,start,end,flag", [
    ("01.02.2024\n3112.2026", ("01.02.2024", "3112.2026"), "2024-02-01", "2026-12-31", "deadline_ocr_repaired"),
    ("3112.2026", None, "2026-12-31", "2026-12-31", "deadline_ocr_repaired"),
    ("01.09.2923\n31.08.2025", ("01.09.2923", "31.08.2025"), None, None, "deadline_damaged_ocr"),
    ("3102.2026", None, None, None, "deadline_damaged_ocr"),
    ("0113.2026", None, None, None, "deadline_damaged_ocr"),          # no month 13
])
def test_a_date_that_lost_a_dot_is_mended_only_when_it_reads_one_way(deadline, bounds, start, end, flag):
    from pipeline.normalise import normalise_deadline
    from pipeline.records import ActivityRecord

    act = ActivityRecord(section=[], number="1", title="Мероприятие", deadline=deadline, deadline_bounds=bounds)
    normalise_deadline(act, (2023, 2026))
    assert (str(act.deadline_norm.start) if act.deadline_norm.start else None) == start
    assert (str(act.deadline_norm.end) if act.deadline_norm.end else None) == end
    assert flag in act.flags


def test_a_word_near_two_months_is_not_read_as_either():
    assert month_reading("июпь") == (None, True)      # июнь or июль: resembles, not read
    assert month_reading("декабрь") == (None, False)  # a month already
    assert month_reading("работа") == (None, False)   # a dictionary word is never a slip
    assert repair_date_words("июпь 2020") == ("июпь 2020", False)


@pytest.mark.parametrize("text", [
    "Ежегодно 2018 сентябрь 2019-202? май",          # a year with a character that is no digit
    "сентябрь 201 г.",                               # a year that lost a digit
    "„декабрузоз3 Cs брь 2021-",                     # a month run into junk; the tail of a month
    "Тквартала 2022",                                # a quarter word glued to junk
    "июпь 2020",                                     # resembles two months
    "01.01.202\n31.12.2022",                         # a numeric date whose year lost a digit
    "01.04.2020\n31 12.202 ° 0",
    "ежегодно, март- и\nр",                          # a range cut after its dash into a stray letter
    "Сентябрь 2021-\nдекабрь 2423",                  # four digits after a month that are no year
    "2423 г.",
    "nol июня 2022 года",                            # Latin junk where "до 1" stood
    "01.09.2923\n31.08.2025",                        # a numeric date in no year of ours
    "3102.2026",                                     # a date that lost a dot and reads as none
    "01:+2.2023\n31.12.2025",                        # marks where a dot stood: "2.2023" alone is no reading
    "декабрь года,",                                 # "года" and no year: the year lost
    "2024 2024\nдекабрь 2026",                       # one year twice: a word read as the year
])
def test_damage_is_reported(text):
    assert damaged_dates(text)


@pytest.mark.parametrize("text", [
    "Ежегодно", "Сентябрь 2021- декабрь 2023", "Ноябрь-декабрь 2019 года", "декабрь2023", "май2019",
    "1квартал 2020", "Iквартал 2020", "ежеквартально", "в течение 2019-2020 уч. года", "ГИА, май",
    "По плану МОУО ООО ЦЗН", "ДЕКАБРЬ 2020", "до 30 июня 2021 года", "2018 г. 2021 г. 2024 г. 2026 г.",
    "Ежегодно сентябрь 2018 2019-2027 июнь", "В течение проекта", "", None,
    "IV квартал 2018 – I квартал 2019", "I квартал 2018 — г.", "Сентябрь 2021-\n— декабрь 2023", "март-\nапрель",
    "2021 г. - далее ежегодно", "01.09.2020\n31.12.2022",
    "декабрь 2024 года-", "2023 –",                   # ends with a dash: kept, flagged (below)
    "до 1000 человек", "занимая 1500 мест",           # four digits that stand for no year
    "01.2026", "2012.2026", "01.12.1999",
    "ежегодно, до 1 декабря текущего года", "2023, 2024 годы", "01.12.2023 - 31.12.2023",
])
def test_clean_deadlines_are_not_damaged(text):
    assert not damaged_dates(text)


def test_pipeline_mends_or_withholds_the_date():
    from pipeline.normalise import normalise_deadline
    from pipeline.records import ActivityRecord

    act = ActivityRecord(section=[], number="1", title="Мероприятие", deadline="Дскабрь 2019")
    normalise_deadline(act, (2019, 2020))
    assert str(act.deadline_norm.start) == "2019-12-01" and "deadline_ocr_repaired" in act.flags
    act = ActivityRecord(section=[], number="2", title="Мероприятие", deadline="сентябрь 2019-202? май")
    normalise_deadline(act, (2018, 2027))
    assert act.deadline_norm.start is None and act.deadline_norm.end is None
    assert "deadline_damaged_ocr" in act.flags


@pytest.mark.parametrize("text,expected", [
    ("В течение проекта", True), ("Ежеквартально", True), ("май 2020 г.", True), ("по мере необходимости", True),
    ("ЦЗН", False), ("Министерство образования", False), ("Проведение мероприятий в течение года", False),
    ("2020", False),                                  # a bare number may be a value
    ("до", False), ("", False), (None, False),
])
def test_deadline_only(text, expected):
    from normalizers.ocr_dates import deadline_only

    assert deadline_only(text) is expected


def test_a_deadline_spilled_into_the_responsible_cell_moves_back():
    from pipeline.normalise import recover_spilled_deadline
    from pipeline.records import ActivityRecord

    act = ActivityRecord(section=[], number="5.1", title="Видеосопровождение",
                         responsible="ГБУ ДПО «КРИРПО»\nМОУО\nВ течение проекта")
    recover_spilled_deadline(act)
    assert act.deadline == "В течение проекта" and act.responsible == "ГБУ ДПО «КРИРПО»\nМОУО"
    assert "deadline_from_neighbour_cell" in act.flags
    act = ActivityRecord(section=[], number="1", title="Т", responsible="ЦЗН", result="Ежегодно\nОтчет")
    recover_spilled_deadline(act)
    assert act.deadline == "Ежегодно" and act.result == "Отчет"
    kept = ActivityRecord(section=[], number="2", title="Т", responsible="ЦЗН\nЕжегодно", deadline="Май")
    recover_spilled_deadline(kept)                    # a deadline of its own: nothing moves
    assert kept.deadline == "Май" and kept.responsible == "ЦЗН\nЕжегодно"


def test_a_cell_ending_with_a_dash_keeps_its_date_and_is_flagged():
    from normalizers.ocr_dates import ends_with_dash
    from pipeline.normalise import normalise_deadline
    from pipeline.records import ActivityRecord

    assert ends_with_dash("декабрь 2024 года-") and ends_with_dash("Сентябрь 2021 –")
    assert not ends_with_dash("Сентябрь 2021- декабрь 2023") and not ends_with_dash("Ежегодно")
    act = ActivityRecord(section=[], number="5", title="Т", deadline="декабрь 2024 года-")
    normalise_deadline(act, (2022, 2024))
    assert str(act.deadline_norm.end) == "2024-12-31" and "deadline_may_be_cut" in act.flags


@pytest.mark.parametrize("text,expected", [
    ("6жемесячн о", "ежемесячно"),               # first letter read as a digit, split near its end
    ("Ежегодн о", "Ежегодно"),
    ("Постоянн о, по мере поступления", "Постоянно, по мере поступления"),
    ("ежекварта ЛБНО, до 5 числа", "ежеквартально, до 5 числа"),   # its tail read in capitals
])
def test_a_recurrence_adverb_split_by_a_space_is_joined(text, expected):
    assert repair_date_words(text) == (expected, True)


@pytest.mark.parametrize("text", ["ежегодно, но не позднее 1 мая", "ежегодно и по запросу", "август и"])
def test_words_after_a_whole_adverb_stay(text):
    assert repair_date_words(text) == (text, False)


@pytest.mark.parametrize("text,expected", [
    ("до 25 Девёбря 2025 г.", "до 25 Декабря 2025 г."),     # two letters off one month, every other far
    ("портбянНо", "постоянно"),
])
def test_a_long_word_two_letters_off_one_month_or_adverb_and_far_from_the_rest_is_it(text, expected):
    assert repair_date_words(text) == (expected, True)


@pytest.mark.parametrize("text", [
    "до 25 Вевёбря 2025 г.",     # its first letter changed too
    "нмебря 2025 г.",            # two letters off "ноября", but short
])
def test_a_word_two_letters_off_stays_unless_long_opening_right_and_alone(text):
    assert repair_date_words(text) == (text, False)


@pytest.mark.parametrize("text,damaged", [
    ("0Т.03.2020", True),        # Т for 1 or for 7: no certain reading
    ("0Т.03.2020г.", True),      # the same with its "г." glued to the year
    ("1З.05.2021", True),
    ("01.03.2020", False),
    ("до 15.06.2021 г.", False),
    ("п. 3.2 плана", False),
])
def test_a_letter_for_a_digit_of_a_numeric_date_is_damage(text, damaged):
    assert damaged_dates(text) is damaged


@pytest.mark.parametrize("text,expected", [
    ("3Т.01.2020", "31.01.2020"),                     # Т is 1 or 7: no 37th day, so 31
    ("Т2.05.2020\n30.О6.2021", "12.05.2020\n30.06.2021"),   # no 72nd day; О is 0 only
    ("01.1Г.2019", "01.11.2019"),                     # no 17th month
    ("1Т.05.2019", "1Т.05.2019"),                     # 11 or 17 May: two readings, left
    ("0З.1Б.2017", "0З.1Б.2017"),                     # two letters: left
    ("3Б.04.2019", "3Б.04.2019"),                     # no 36 April: left
    ("1Ч.05.2019", "1Ч.05.2019"),                     # a letter like no one digit: left
    ("15.05.2019", "15.05.2019"),
    ("8жемесячно", "ежемесячно"),                     # a recurrence's first letter read as a digit
    ("3ежегодно", "3ежегодно"),                       # a digit before the whole adverb: not its letter
    ("2постоянно", "2постоянно"),
])
def test_a_letter_in_a_numeric_date_is_mended_only_when_one_digit_fits(text, expected):
    fixed, changed = repair_date_words(text)
    assert fixed == expected
    assert changed is (fixed != text)


@pytest.mark.parametrize("text,damaged", [
    ("01.1Ч.2019\n31.12.2020", True),                 # a letter left in a numeric date
    ("0Г.4Т.201 и", True),                            # ... its year short too
    ("1Т.05.2019", True),
    ("ежегодно, май-и ‚юнь", True),                   # a range's second month broken in pieces
    ("сентябрь-ок ’тябрь 2019", True), ("ежемесячно, январь – ф евраль", True),
    ("ежегодно, октябрь-н ‚ябрь", True),              # ... its head read apart from its tail
    ("май – по мере необходимости", False),           # a month, a dash, then words: no range
    ("январь – в течение года", False), ("сентябрь-октябрь 2019", False), ("март-\nапрель", False),
    ("до 31.12.21г.", False),                         # a short year with its "г": no letter inside
    ("п.2.1.3 плана, 2020 г.", False), ("ст.15.2 закона", False), ("до 1.06.2021", False),
    ("ежегодно ма|\nапр.", True), ("ию! 2024 г.", True),   # a month's head, a mark glued, its tail lost
    ("апр. 2024 г.", False), ("до 1 июня 2024 г. (этап I)", False),
])
def test_a_lettered_date_or_a_broken_range_is_damage(text, damaged):
    assert damaged_dates(text) is damaged


@pytest.mark.parametrize("deadline,bounds,start,end,flag", [
    ("3Т.01.2020\n30.06.2020", ("3Т.01.2020", "30.06.2020"), "2020-01-31", "2020-06-30", "deadline_ocr_repaired"),
    ("1Т.05.2019\n30.06.2019", ("1Т.05.2019", "30.06.2019"), None, None, "deadline_damaged_ocr"),
    ("0Г.4Т.201 ‘31.12.2019", None, None, None, "deadline_damaged_ocr"),   # never the second date alone
    ("ежегодно, май-и ‚юнь", None, None, None, "deadline_damaged_ocr"),    # never May alone
    ("8жемесячно", None, "2018-01-01", "2020-12-31", "deadline_ocr_repaired"),
])
def test_a_lettered_date_or_a_broken_range_is_mended_or_withheld(deadline, bounds, start, end, flag):
    from pipeline.normalise import normalise_deadline
    from pipeline.records import ActivityRecord

    act = ActivityRecord(section=[], number="1", title="Мероприятие", deadline=deadline, deadline_bounds=bounds)
    normalise_deadline(act, (2018, 2020))
    assert (str(act.deadline_norm.start) if act.deadline_norm.start else None) == start
    assert (str(act.deadline_norm.end) if act.deadline_norm.end else None) == end
    assert flag in act.flags


@pytest.mark.parametrize("text,damaged", [
    ("И. 1 квартал 2022 22г", True),     # "III" read as a letter, a stop and a digit: no quarter to tell
    ("В. 2 полугодие 2023", True),
    ("I квартал 2022 г.", False), ("2022 г. 1 квартал", False), ("2 полугодие 2023", False),
])
def test_a_part_number_after_a_lone_capital_and_a_stop_is_damage(text, damaged):
    from normalizers.ocr_dates import damaged_dates

    assert damaged_dates(text) is damaged


# ---------------------------------------------------------------- seeds of the unseen layouts


def test_month_split_by_a_space_joined_when_one_letter_from_one_month():
    assert repair_date_words("сенляб рь 2024") == ("сентябрь 2024", True)


def test_unknown_word_before_a_year_is_damage_not_the_whole_year():
    assert damaged_dates("сенляб ры 2024")
    assert not damaged_dates("в течение 2024 года")
    assert not damaged_dates("ежегодно 2024")


def test_a_year_range_with_a_digit_too_many_is_damage():
    assert damaged_dates("в течение 2024-20926 годов")
    assert damaged_dates("20245-2026")
    assert not damaged_dates("2022–2024 гг.")


def test_a_speck_between_a_month_mended_here_and_its_year_goes_too():
    assert repair_date_words("октябр Б 2024\nноябрь 2024") == ("октябрь 2024\nноябрь 2024", True)


def test_a_range_whose_second_year_lost_digits_is_damage():
    assert damaged_dates("2024-2) гг") and damaged_dates("2024-2")
    assert not damaged_dates("2024-25 гг.") and not damaged_dates("2024 - 2 квартал 2025")


@pytest.mark.parametrize("read, expected", [
    ("0112-2023\n31.12.2025", "01.12.2023\n31.12.2025"),         # day and month glued, the dot read as a dash
    ("2012-2023", "2012-2023"),                                 # two years
])
def test_a_date_whose_first_dot_was_lost_and_second_read_as_a_dash(read, expected):
    assert repair_date_words(read)[0] == expected


@pytest.mark.parametrize("read, expected", [
    ("III квартал :2022 Г.", "III квартал 2022 Г."),
    ("II полугодие; 2023 года", "II полугодие 2023 года"),
])
def test_a_speck_between_a_quarter_and_its_year(read, expected):
    assert repair_date_words(read)[0] == expected


def test_marks_and_a_space_inside_a_numeric_dates_year_are_specks():
    assert repair_date_words("01.04.2020\n30.09.202' .0")[0] == "01.04.2020\n30.09.2020"




@pytest.mark.parametrize("text", ["декабря 2022 г.", "ежегодно; Во декабря", "д о июня 2022: года",
                                  "до 253 декабря ежегодно", "04.12.2023\n25"])
def test_a_lost_day_or_a_lone_number_leaves_a_damaged_deadline(text):
    assert damaged_dates(text)


@pytest.mark.parametrize("text", ["до 1 декабря 2022 г.", "до декабря 2022", "в течение ноября-декабря 2024",
                                  "ежегодно, до 20 декабря", "с 1 по 15 декабря", "15-20 декабря", "1-го декабря",
                                  "до «15» декабря", "до конца декабря", "01.09.2023\n31.08.2025",
                                  "—-до”25 декабря 2025 г.", "ежегодно, до 20 ‘декабря"])
def test_a_genitive_month_after_its_day_or_a_word_that_takes_it_is_whole(text):
    assert not damaged_dates(text)


def test_two_years_run_together_in_a_list_are_two_items_of_it():
    assert repair_date_words("август- сентябрь 20222023, 2024") == ("август- сентябрь 2022, 2023, 2024", True)
    assert repair_date_words("20182019") == ("2018 2019", True)


@pytest.mark.parametrize("text, damaged", [
    ("IV &вартан 2023 года", True),          # the quarter's word lost: not the whole year
    ("IV квартал 2023 года", False),
    ("II–III кварталы 2024 г.", False),
    ("IV кв. 2023", False),
    ("I полугодие 2024 г.", False),
    ("01.03.2020\n3.03.2020", True),         # "31" read "3": the days written two ways
    ("01.09.2024.\n3.12.2025", True),        # a stop after the padded date: still two ways
    ("01.03.2020\n31.03.2020", False),
    ("1.03.2020\n3.03.2020", False),         # one way throughout
])
def test_slips_only_a_scan_makes_are_damage(text, damaged):
    from normalizers.ocr_dates import damaged_dates, damaged_on_scan

    assert damaged_on_scan(text) is damaged
    assert damaged_dates(text) is False      # the rules every format shares leave them as read


@pytest.mark.parametrize("text,expected", [
    ("август–сентябрь 2023, 2024, 202.5", ("август–сентябрь 2023, 2024, 2025", True)),   # the next year, a stop inside
    ("2023, 202.5, 2025", ("2023, 202.5, 2025", False)),            # not the year after: as read (damage)
    ("стоимость 202.5 тыс. руб.", ("стоимость 202.5 тыс. руб.", False)),
])
def test_a_speck_stop_inside_the_next_year_of_a_list_of_years(text, expected):
    assert repair_date_words(text) == expected


def test_a_month_read_with_a_yo_is_that_month():
    """A degraded Bashkiria plan read "август-сёнтябрь 2023, 2024, 2025": no month's name has "ё"
    (a speck over "е"); unmended, the unknown word flagged the whole cell as damaged."""
    assert month_reading("сёнтябрь") == ("сентябрь", True)
    assert month_reading("Сентябрь") == (None, False)
    assert repair_date_words("август-сёнтябрь 2023, 2024, 2025") == ("август-сентябрь 2023, 2024, 2025", True)
