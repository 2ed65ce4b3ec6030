"""Deadline normaliser: every example of shared/spec/deadlines.md, the gold deadline cells,
real-world noise, document periods, and property tests (never raises, ordered, in period)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from normalizers.deadlines import (
    FLAG_MISSING,
    FLAG_OUT_OF_PERIOD,
    FLAG_UNPARSED,
    FLAG_YEAR_UNKNOWN,
    RECURRENCES,
    DeadlineNorm,
    _normalize,
    normalize_deadline,
    period_from_deadlines,
    period_from_text,
)

from tests.conftest import GOLD_DIR  # noqa: E402


def D(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def P(s: str) -> tuple[int, int]:
    a, _, b = s.partition("-")
    return int(a), int(b or a)


# raw | P | start | end | recurrence — the example table of shared/spec/deadlines.md
SPEC_EXAMPLES = [
    ("Май", "2020", "2020-05-01", "2020-05-31", "once"),
    ("7 февраля", "2020", "2020-02-07", "2020-02-07", "once"),
    ("до 29 февраля", "2020", None, "2020-02-29", "once"),
    ("До 30 января", "2020", None, "2020-01-30", "once"),
    ("до 30 марта до 30 апреля", "2020", None, "2020-04-30", "once"),
    ("Октябрь Апрель", "2020", "2020-04-01", "2020-10-31", "once"),
    ("Сентябрь-декабрь", "2020", "2020-09-01", "2020-12-31", "once"),
    ("В течение года", "2020", "2020-01-01", "2020-12-31", "continuous"),
    ("Ежемесячно", "2020", "2020-01-01", "2020-12-31", "monthly"),
    ("2 раза в год", "2020", "2020-01-01", "2020-12-31", "semiannual"),
    ("Январь – март 2023 г.", "2023-2025", "2023-01-01", "2023-03-31", "once"),
    ("Декабрь 2022-январь 2023 г.", "2023-2025", "2022-12-01", "2023-01-31", "once"),
    ("2023 – 2025 гг.", "2023-2025", "2023-01-01", "2025-12-31", "once"),
    ("Ежегодно", "2023-2025", "2023-01-01", "2025-12-31", "annual"),
    ("Январь 2023 г., далее - ежегодно", "2023-2025", "2023-01-01", "2025-01-31", "annual"),
    ("Ежегодно, сентябрь-ноябрь", "2023-2025", "2023-09-01", "2025-11-30", "annual"),
    ("Ежегодно, в течение года", "2023-2025", "2023-01-01", "2025-12-31", "annual"),
    ("2023 г., далее – по необходимости", "2023-2025", "2023-01-01", "2025-12-31", "on_demand"),
    ("2023-2025 гг., ежегодно по мере необходимости", "2023-2025", "2023-01-01", "2025-12-31", "on_demand"),
    ("Постоянно", "2023-2025", "2023-01-01", "2025-12-31", "continuous"),
    ("Май-июль, ежегодно", "2023-2025", "2023-05-01", "2025-07-31", "annual"),
    ("2023-2025 гг., постоянно", "2023-2025", "2023-01-01", "2025-12-31", "continuous"),
    ("По мере необходимости", "2018-2020", "2018-01-01", "2020-12-31", "on_demand"),
    ("Май - июнь 2018", "2018-2020", "2018-05-01", "2018-06-30", "once"),
    ("Апрель, декабрь (ежегодно)", "2018-2020", "2018-04-01", "2020-12-31", "annual"),
    ("II полугодие (ежегодно)", "2018-2020", "2018-07-01", "2020-12-31", "annual"),
    ("Октябрь 2019 - декабря 2020", "2018-2020", "2019-10-01", "2020-12-31", "once"),
    ("I квартал 2018 г.", "2018-2027", "2018-01-01", "2018-03-31", "once"),
    ("2018 г. 2021 г. 2024 г. 2026 г.", "2018-2027", "2018-01-01", "2026-12-31", "once"),
    ("Ежегодно август", "2018-2027", "2018-08-01", "2027-08-31", "annual"),
    ("Ежегодно сентябрь 2018 2019-2027 июнь", "2018-2027", "2018-09-01", "2027-06-30", "annual"),
    ("В течение проекта", "2018-2027", "2018-01-01", "2027-12-31", "continuous"),
    ("По плану", "2018-2027", "2018-01-01", "2027-12-31", "unspecified"),
    ("Январь- март 2019 года", "2019-2020", "2019-01-01", "2019-03-31", "once"),
    ("На постоянной основе", "2019-2020", "2019-01-01", "2020-12-31", "continuous"),
]


def _check(text, period, start, end, recurrence):
    got = normalize_deadline(text, period)
    assert (got.start, got.end, got.recurrence) == (D(start), D(end), recurrence), got
    assert got.flags == []
    return got


@pytest.mark.parametrize("raw,period,start,end,recurrence", SPEC_EXAMPLES)
def test_spec_examples(raw, period, start, end, recurrence):
    _check(raw, P(period), start, end, recurrence)


# real-world noise and choices documented in the module docstring
NOISE_EXAMPLES = [
    ("Сентябрь 2019 года", "2019-2020", "2019-09-01", "2019-09-30", "once"),
    ("Октябрь, 2019 года", "2019-2020", "2019-10-01", "2019-10-31", "once"),   # a comma before the year
    ("октябрь. 2019", "2019-2020", "2019-10-01", "2019-10-31", "once"),
    ("Ноябрь-декабрь 2019 года", "2019-2020", "2019-11-01", "2019-12-31", "once"),
    ("Сентябрь\n2021—декабрь 2023", "2021-2023", "2021-09-01", "2023-12-31", "once"),
    ("Январь‒март 2023 г.", "2023", "2023-01-01", "2023-03-31", "once"),
    ("2021−2023", "2021-2023", "2021-01-01", "2023-12-31", "once"),
    ("2021‑2023 годы", "2021-2023", "2021-01-01", "2023-12-31", "once"),
    ("IV квартал 2018 – I квартал 2019", "2018-2019", "2018-10-01", "2019-03-31", "once"),
    ("IV кв. 2021 г.", "2021", "2021-10-01", "2021-12-31", "once"),
    ("III-IV квартал 2019 г.", "2019", "2019-07-01", "2019-12-31", "once"),
    ("3 квартал 2020 года", "2020", "2020-07-01", "2020-09-30", "once"),
    ("первое полугодие 2020 г.", "2020", "2020-01-01", "2020-06-30", "once"),
    ("до 1 марта 2022 г.", "2021-2023", None, "2022-03-01", "once"),
    ("не позднее 15 декабря 2019 г.", "2019", None, "2019-12-15", "once"),
    ("с 1 сентября по 31 декабря 2019 г.", "2019", "2019-09-01", "2019-12-31", "once"),
    ("с 1 по 15 сентября 2019", "2019", "2019-09-01", "2019-09-15", "once"),
    ("в течение 2019 года", "2019-2020", "2019-01-01", "2019-12-31", "continuous"),
    ("с сентября 2019 года", "2019-2020", "2019-09-01", "2020-12-31", "continuous"),
    ("ежегодно до 1 сентября", "2019-2021", None, "2021-09-01", "annual"),
    ("ежегодно в декабре", "2019-2021", "2019-12-01", "2021-12-31", "annual"),
    ("01.09.2019", "2019-2020", "2019-09-01", "2019-09-01", "once"),
    ("до 01.09.2019 г.", "2019-2020", None, "2019-09-01", "once"),
    ("2019-2020 учебный год", "2019-2020", "2019-09-01", "2020-06-30", "once"),
    ("2020/21 уч. год", "2020-2021", "2020-09-01", "2021-06-30", "once"),
    # a range's second year written short is a calendar range of years, not its first year alone
    ("2023-24 гг.", "2023-2025", "2023-01-01", "2024-12-31", "once"),
    ("2023 – 24 годы", "2023-2025", "2023-01-01", "2024-12-31", "once"),
    ("Декабрь 2023-24 января", "2023-2025", "2023-12-01", "2024-01-24", "once"),
    ("2О19 г.", "2019-2020", "2019-01-01", "2019-12-31", "once"),
    ("Сентябрь 2О2О", "2019-2020", "2020-09-01", "2020-09-30", "once"),
    ("Ceнтябрь 2019", "2019", "2019-09-01", "2019-09-30", "once"),  # Latin C, e
    ("апрель, май 2020", "2019-2020", "2020-04-01", "2020-05-31", "once"),
    ("Сентябрь - май", "2019-2020", "2019-09-01", "2020-05-31", "once"),
    ("Ноябрь 2018 - март 2019", "2018-2020", "2018-11-01", "2019-03-31", "once"),
    ("2018 г. январь", "2018-2027", "2018-01-01", "2018-01-31", "once"),
    ("Ежегодно 2018 сентябрь 2019-2027 май", "2018-2027", "2018-09-01", "2027-05-31", "annual"),
    ("Ежеквартально", "2018-2027", "2018-01-01", "2027-12-31", "quarterly"),
    ("По запросу", "2018-2027", "2018-01-01", "2027-12-31", "on_demand"),
    ("По плану МОУО ООО ЦЗН", "2018-2027", "2018-01-01", "2027-12-31", "unspecified"),
    ("Март (ежегодно)", "2021-2023", "2021-03-01", "2023-03-31", "annual"),
    ("ежемесячно до 5 числа", "2020", "2020-01-01", "2020-12-31", "monthly"),
    ("1 раз в квартал", "2020", "2020-01-01", "2020-12-31", "quarterly"),
    ("осень 2020", "2020", "2020-09-01", "2020-11-30", "once"),
    ("31 июня 2020", "2020", "2020-06-30", "2020-06-30", "once"),
    ("2-е полугодие 2019 года", "2019", "2019-07-01", "2019-12-31", "once"),
    ("Ⅳ квартал 2019", "2019", "2019-10-01", "2019-12-31", "once"),
    ("Ян-\nварь 2020", "2020", "2020-01-01", "2020-01-31", "once"),
    ("Еже-\nгодно", "2020-2021", "2020-01-01", "2021-12-31", "annual"),
    ("мая2019", "2019", "2019-05-01", "2019-05-31", "once"),
    ("IV кв.2019", "2019", "2019-10-01", "2019-12-31", "once"),
    ("Постоянно, с сентября 2019", "2019-2021", "2019-09-01", "2021-12-31", "continuous"),
    ("2023-2025 гг., ежегодно в сентябре", "2023-2025", "2023-09-01", "2025-09-30", "annual"),
    ("В течение 2019 года, далее - ежегодно", "2019-2021", "2019-01-01", "2021-12-31", "annual"),
]


@pytest.mark.parametrize("text,recurrence", [
    ("один раз в год", "annual"), ("не реже одного раза в год", "annual"), ("2 раза в год", "semiannual"),
    ("дважды в год", "semiannual"), ("4 раза в год", "quarterly"), ("5 раз в год", "unspecified"),
    ("не реже 1 раза в квартал", "quarterly"), ("раз в месяц", "monthly"), ("еженедельно", "continuous"),
    ("по мере поступления заявок", "on_demand"), ("ежегодно по запросу", "on_demand"),
    ("в соответствии с графиком", "unspecified"), ("в течение учебного года", "continuous"),
])
def test_recurrence_words_cover_the_period(text, recurrence):
    _check(text, (2019, 2021), "2019-01-01", "2021-12-31", recurrence)


@pytest.mark.parametrize("raw,period,start,end,recurrence", NOISE_EXAMPLES)
def test_noise_examples(raw, period, start, end, recurrence):
    _check(raw, P(period), start, end, recurrence)


def test_raw_collapses_whitespace_and_to_dict_is_iso():
    got = normalize_deadline("  Ежегодно,\n сентябрь-ноябрь ", (2023, 2025))
    assert got.raw == "Ежегодно, сентябрь-ноябрь"
    d = got.to_dict()
    assert set(d) == {"raw", "start", "end", "recurrence", "occurrences"}
    assert (d["start"], d["end"], d["recurrence"]) == ("2023-09-01", "2025-11-30", "annual")
    assert d["occurrences"][0] == ["2023-09-01", "2023-11-30"]
    assert d["occurrences"][-1] == ["2025-09-01", "2025-11-30"]


def test_several_dates_are_occurrences_in_order():
    got = normalize_deadline("2018 г. 2021 г. 2024 г. 2026 г.", (2018, 2027))
    assert [s.year for s, _ in got.occurrences] == [2018, 2021, 2024, 2026]
    deadlines = normalize_deadline("до 30 марта до 30 апреля", (2020, 2020)).occurrences
    assert deadlines == [(None, date(2020, 3, 30)), (None, date(2020, 4, 30))]


def test_pure_recurrence_has_no_occurrences():
    assert normalize_deadline("Постоянно", (2020, 2021)).occurrences == []


@pytest.mark.parametrize("text", ["Уточняется", "по итогам конкурса", "ение проекта", "·", "в течение 10 дней"])
def test_unmatched_text_is_flagged_never_guessed(text):
    got = normalize_deadline(text, (2020, 2021))
    assert (got.start, got.end, got.recurrence) == (None, None, "unspecified")
    assert got.flags == [FLAG_UNPARSED]
    assert got.raw == text


@pytest.mark.parametrize("text", [None, "", "   \n "])
def test_empty_cell(text):
    got = normalize_deadline(text, (2020, 2021))
    assert got == DeadlineNorm("", None, None, "unspecified", [], [FLAG_MISSING])


def test_year_needed_without_period_is_flagged():
    got = normalize_deadline("Май", None)
    assert (got.start, got.end) == (None, None) and got.flags == [FLAG_YEAR_UNKNOWN]
    explicit = normalize_deadline("Май 2020", None)
    assert (explicit.start, explicit.end) == (date(2020, 5, 1), date(2020, 5, 31))


def test_year_far_outside_period_is_not_trusted():
    got = normalize_deadline("Май 2035", (2020, 2021))
    assert got.start is None and FLAG_OUT_OF_PERIOD in got.flags


# -------------------------------------------------------------- document period

@pytest.mark.parametrize("title,period", [
    ("Дорожная карта ЦОПП Иркутской области на 2020 год", (2020, 2020)),
    ("Об утверждении дорожной карты ... на 2023-2025 гг. и целевых показателей", (2023, 2025)),
    ("План мероприятий на 2018 – 2027 годы в рамках плана", (2018, 2027)),
    ("Модель развития Смоленской области 2021-2023 годы", (2021, 2023)),
    ("План на 2020/21 учебный год", (2020, 2021)),
    ("План мероприятий на 2023–24 годы", (2023, 2024)),
    ("Приказ от 12.03.2021-25 о плане", None),
    ("План мероприятий по внедрению стандарта Амурской области", None),
    ("Распоряжение от 31.01.2020 № 82-мр о плане", None),
    ("", None),
])
def test_period_from_text(title, period):
    assert period_from_text(title) == period


def test_period_from_deadlines():
    cells = ["Сентябрь 2019 года", "Постоянно", "Январь-июнь 2020 года", "", "до 01.09.2021"]
    assert period_from_deadlines(cells) == (2019, 2021)
    assert period_from_deadlines(["Постоянно", "Май"]) is None


# -------------------------------------------------------------------- gold cells

def _gold_cells() -> list[tuple[str, str, tuple[int, int], dict]]:
    cells = []
    for path in sorted(GOLD_DIR.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        period = tuple(doc["document"]["period"])
        for act in doc["activities"]:
            if act.get("deadline") and act.get("deadline_norm"):
                cells.append((path.stem, act["deadline"], period, act["deadline_norm"]))
    return cells


def _matches(text, period, norm) -> bool:
    got = normalize_deadline(text, period).to_dict()
    return all(got[k] == norm[k] for k in ("start", "end", "recurrence"))


def test_gold_deadline_accuracy_per_file():
    cells = _gold_cells()
    assert cells
    for key in {c[0] for c in cells}:
        mine = [c for c in cells if c[0] == key]
        accuracy = sum(_matches(t, p, n) for _, t, p, n in mine) / len(mine)
        assert accuracy >= 0.97, (key, accuracy)


def test_gold_period_from_deadlines_when_title_has_none():
    for path in sorted(GOLD_DIR.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        period = period_from_text(doc["document"]["title"]) or period_from_deadlines(
            a.get("deadline") or "" for a in doc["activities"])
        assert period == tuple(doc["document"]["period"]), path.stem


# ------------------------------------------------------------------ properties

ALPHABET = st.sampled_from(list("0123456789 -–—.,;()/IVXгОо\n") + [
    "январь", "мая", "декабря", "сентябрь", "квартал", "кв.", "полугодие", "ежегодно", "до", "с", "по",
    "далее", "в течение", "года", "гг.", "2019", "2020", "2021", "1999", "2035", "учебный год", "зима",
    "постоянно", "по мере необходимости", "2 раза в год", "не позднее", "31", "29 февраля", "по плану",
])
TEXTS = st.one_of(st.none(), st.text(max_size=40), st.lists(ALPHABET, max_size=12).map(" ".join))
PERIODS = st.one_of(st.none(), st.tuples(st.integers(2015, 2030), st.integers(0, 10)).map(lambda t: (t[0], t[0] + t[1])))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXTS, PERIODS)
def test_property_never_raises_and_is_well_formed(text, period):
    raw = " ".join((text or "").split())
    if raw:
        _normalize(raw, period)  # the unguarded core must not raise either
    got = normalize_deadline(text, period)
    assert got.raw == raw
    assert got.recurrence in RECURRENCES
    if got.start and got.end:
        assert got.start <= got.end
    if period and (got.start or got.end):
        lo, hi = date(period[0] - 2, 1, 1), date(period[1] + 2, 12, 31)
        for d in (got.start, got.end):
            assert d is None or lo <= d <= hi
    if FLAG_UNPARSED in got.flags:
        assert (got.start, got.end, got.recurrence) == (None, None, "unspecified")
    for s, e in got.occurrences:
        assert e is not None and (s is None or s <= e)


@FAST
@given(st.text(max_size=60))
def test_property_period_helpers_never_raise(text):
    p = period_from_text(text)
    assert p is None or p[0] <= p[1]
    q = period_from_deadlines([text, text[::-1]])
    assert q is None or q[0] <= q[1]


@pytest.mark.parametrize("raw,start,end", [
    ("01.09.2023.", date(2023, 9, 1), date(2023, 9, 1)),                 # a stop after the date
    ("01.09.2023.\n31.08.2025", date(2023, 9, 1), date(2025, 8, 31)),
    ("до 31.12.2024.", None, date(2024, 12, 31)),
])
def test_a_numeric_date_followed_by_a_stop_keeps_its_day(raw, start, end):
    got = normalize_deadline(raw, None)
    assert (got.start, got.end) == (start, end)


@pytest.mark.parametrize("text", ["квартал 2023 года", "Полугодие 2024 г.", "I квартал 2023, квартал 2024", "кв. 2022"])
def test_a_quarter_with_its_number_lost_gives_no_date(text):
    d = normalize_deadline(text, (2022, 2024))
    assert (d.start, d.end) == (None, None)
    assert "deadline_part_unnumbered" in d.flags


@pytest.mark.parametrize("text,start,end", [
    ("IV квартал 2023 года", date(2023, 10, 1), date(2023, 12, 31)),
    ("2 кв. 2023", date(2023, 4, 1), date(2023, 6, 30)),
])
def test_numbered_quarters_stay_read(text, start, end):
    d = normalize_deadline(text, (2022, 2024))
    assert (d.start, d.end) == (start, end)


@pytest.mark.parametrize("text, start, end", [
    ("12.2023", date(2023, 12, 1), date(2023, 12, 31)),
    ("09.2023 г.", date(2023, 9, 1), date(2023, 9, 30)),
    ("12.2023-03.2024", date(2023, 12, 1), date(2024, 3, 31)),
    ("до 12.2024", None, date(2024, 12, 31)),
])
def test_a_month_and_year_written_numerically(text, start, end):
    got = normalize_deadline(text, (2023, 2025))
    assert (got.start, got.end, got.recurrence, got.flags) == (start, end, "once", [])


@pytest.mark.parametrize("raw", ["2025-2023 годы", "январь 2025 – декабрь 2023", "с 01.09.2025 по 01.03.2023"])
def test_a_range_that_ends_before_it_starts_in_the_years_it_writes_gives_no_dates(raw):
    # a slip (of the writer or of a scan: "2023" for "2025"); the years it writes are not moved
    d = normalize_deadline(raw, (2023, 2025))
    assert (d.start, d.end) == (None, None) and "deadline_range_reversed" in d.flags


def test_a_range_with_one_year_written_still_wraps_into_the_next_year():
    assert (normalize_deadline("ноябрь 2023 - январь", (2023, 2025)).end, normalize_deadline(
        "Декабрь 2022-январь 2023 г.", (2023, 2025)).start) == (date(2024, 1, 31), date(2022, 12, 1))


@pytest.mark.parametrize("raw", ["сентяб 2024", "сентяб. рь 2024", "до 1 декаб 2024", "ежегодно, до 20 „декаб"])
def test_a_month_cut_short_leaves_no_date_rather_than_its_whole_year(raw):
    d = normalize_deadline(raw, (2023, 2025))
    assert (d.start, d.end) == (None, None) and "deadline_partly_unread" in d.flags


@pytest.mark.parametrize("raw", ["до 25 добра 2025 г.", "до 25 2025 г.", "ежегодно, до 20 абря", "с 5 фвраля 2024 г."])
def test_a_day_whose_month_was_not_read_leaves_no_date_rather_than_its_whole_year(raw):
    # measured on a grey photocopy: "до 25 декабря 2025 г." read "до 25 добра 2025 г." had become all of 2025
    d = normalize_deadline(raw, (2023, 2025))
    assert (d.start, d.end) == (None, None) and "deadline_partly_unread" in d.flags


@pytest.mark.parametrize("raw", ["IV квартал 26023 года", "2 декабря 5г", "до 25 декабря 5 г.", "до 1 июля 202 г.",
                                 "декабрь 23 г."])
def test_a_misread_year_before_its_g_leaves_no_date_rather_than_the_periods_first_year(raw):
    # measured on grey photocopies: "IV квартал 26023 года" had become the 4th quarter of 2021
    d = normalize_deadline(raw, (2021, 2025))
    assert (d.start, d.end) == (None, None) and "deadline_partly_unread" in d.flags


@pytest.mark.parametrize("raw", ["01109.2023", "0109.2023", "3112,2025 г."])
def test_a_dotted_date_run_together_before_its_year_leaves_no_date_rather_than_the_whole_year(raw):
    # measured on a grey photocopy: a start bound "01.09.2023" read "01109.2023" had become 1 January
    d = normalize_deadline(raw, (2023, 2025))
    assert (d.start, d.end) == (None, None) and "deadline_partly_unread" in d.flags


@pytest.mark.parametrize("raw, end", [("1. 2023 г.", date(2023, 12, 31)), ("01.09.2023", date(2023, 9, 1))])
def test_a_numbered_year_and_a_whole_dotted_date_still_read(raw, end):
    assert normalize_deadline(raw, (2023, 2025)).end == end


@pytest.mark.parametrize("raw", ["2024 Год, 2025 год, #026 год", "до 25 декабря: @негодно"])
def test_a_listed_year_or_a_recurrence_garbled_past_reading_leaves_no_date(raw):
    """Measured on photocopies: "#026 год" was dropped from a list of years (2024–2025 read, no
    flag), "@негодно" (ежегодно) from a deadline read "once"."""
    d = normalize_deadline(raw, (2024, 2026))
    assert (d.start, d.end) == (None, None) and "deadline_partly_unread" in d.flags


@pytest.mark.parametrize("raw, recurrence", [("до 25 декабря ежегодно", "annual"), ("2024-25 гг.", "once"),
                                             ("2024 год, 2025 год, 2026 год", "once")])
def test_a_recurrence_adverb_and_a_short_second_year_still_read(raw, recurrence):
    d = normalize_deadline(raw, (2024, 2026))
    assert d.end is not None and d.recurrence == recurrence and "deadline_partly_unread" not in d.flags


@pytest.mark.parametrize("raw, end", [("2023 г.", date(2023, 12, 31)), ("01.09.2023 г.", date(2023, 9, 1)),
                                      ("2024-2025 гг.", date(2025, 12, 31)), ("II кв. 2024 г", date(2024, 6, 30))])
def test_a_year_of_four_digits_before_its_g_is_read(raw, end):
    assert normalize_deadline(raw, (2021, 2025)).end == end


@pytest.mark.parametrize("raw, recurrence", [("ежемесячно до 10 числа", "monthly"), ("в течение 10 дней 2025", "once"),
                                             ("ежемесячно до 10 чиела", "monthly")])   # "числа" misread: no month's ending
def test_a_day_counted_in_a_known_word_is_no_unread_month(raw, recurrence):
    d = normalize_deadline(raw, (2023, 2025))
    assert d.recurrence == recurrence and d.start is not None and not d.flags


def test_a_month_abbreviated_with_its_stop_is_read():
    d = normalize_deadline("сент. 2024", (2023, 2025))
    assert (d.start, d.end) == (date(2024, 9, 1), date(2024, 9, 30))
