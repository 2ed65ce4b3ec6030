"""Russian deadline cells ("Срок реализации") to dates and a recurrence (shared/spec/deadlines.md).

Pure functions, no I/O. The cell text is tokenised by one table-driven regular
expression (months, quarters, halves, seasons, years, school years, numeric dates,
dashes and the markers "до", "с", "по", "далее", "в течение"), years are attached to
the units they qualify, units are grouped into ranges / deadlines / open ranges,
and the items are resolved against the document period ``P = (Y1, Y2)``.

Choices the spec leaves open (documented here, tested in tests/normalizers):
- "2019-2020 учебный год" covers 1 September 2019 to 30 June 2020.
- "до сентября" (a month or year after "до") ends on the last day of that unit.
- "с X" with no end ("с сентября 2019 года") runs from X to the end of P, continuous.
- "в течение 2019 года" (a date right after "в течение") is continuous over that date only.
- A range whose end falls before its start ("сентябрь - май") ends in the following year.
- Winter ("зима") runs from December to the end of February of the next year.
- "ежедневно", "еженедельно" map to continuous; "N раз в год" to annual (1), semiannual (2),
  quarterly (4), monthly (12), otherwise unspecified covering P.
- A quarter or half-year that opens an item with no number ("квартал 2023 года") is unparsed
  (flag "deadline_part_unnumbered"), not the whole year.
- Any date outside P ± 2 years makes the cell unparsed (flag "deadline_out_of_period"),
  a day past the month's end is clamped to it ("31 июня" → 30 June).

The work is split by job: the words and patterns live in ``normalizers.deadline_words``, the data
types in ``normalizers.deadline_types``, reading the text into items in ``normalizers.deadline_reading``,
the recurrence and the dates in ``normalizers.deadline_resolving``; this module holds the public entry
(``normalize_deadline``) and the document period, and re-exports the public names (``__all__``).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable

from rapidfuzz.distance import Levenshtein

from normalizers.deadline_reading import (attach_years, collapse_whitespace, group_items, parse, prepare,
                                          tokenize)
from normalizers.deadline_resolving import detect_recurrence, resolve_item, resolve_once, resolve_recurring
from normalizers.deadline_types import DeadlineNorm, Item, Parsed, Token, Unit, _RangeReversed, _YearUnknown
from normalizers.deadline_words import (CONTINUOUS_RE, FLAG_MISSING, FLAG_OUT_OF_PERIOD, FLAG_PART_UNNUMBERED,
                                        FLAG_PARTLY_UNREAD, FLAG_RANGE_REVERSED, FLAG_UNFINISHED_RANGE, RECURRENCE_PHRASE_RE, UNREAD_DATE_RE,
                                        UNREAD_PART_RE,
                                        FLAG_UNPARSED, FLAG_YEAR_UNKNOWN, ON_DEMAND_RE, PERIOD_SLACK_YEARS, PERIODIC_RES, PLAN_RE,
                                        RECURRENCES, TIMES_PER_YEAR_RE, TOKEN_RE)
from normalizers.lazy_re import lazy
from normalizers.metadata_words import MONTHS as GENITIVE_MONTHS
from normalizers.ocr_date_digits import months_ending
from normalizers.ocr_date_words import RECURRENCE_WORDS
from normalizers.text import is_known_word

__all__ = [
    "CONTINUOUS_RE", "FLAG_MISSING", "FLAG_OUT_OF_PERIOD", "FLAG_PART_UNNUMBERED", "FLAG_PARTLY_UNREAD", "FLAG_RANGE_REVERSED", "FLAG_UNFINISHED_RANGE", "FLAG_UNPARSED", "FLAG_YEAR_UNKNOWN", "ON_DEMAND_RE",
    "PERIODIC_RES", "PLAN_RE", "RECURRENCES", "TIMES_PER_YEAR_RE", "TOKEN_RE",
    "DeadlineNorm", "Item", "Parsed", "Token", "Unit",
    "attach_years", "collapse_whitespace", "detect_recurrence", "group_items", "normalize_deadline", "parse",
    "period_from_deadlines", "period_from_text", "prepare", "resolve_item", "resolve_once", "resolve_recurring",
    "tokenize", "years_in",
]


# ---------------------------------------------------------------- public API


def _valid_period(period: tuple[int, int] | None) -> tuple[int, int] | None:
    if not period:
        return None
    try:
        y1, y2 = int(period[0]), int(period[1])
    except (TypeError, ValueError, IndexError):
        return None
    y1, y2 = min(y1, y2), max(y1, y2)
    return (y1, y2) if 1900 <= y1 and y2 <= 2100 else None


def _in_window(dates: Iterable[date | None], period: tuple[int, int] | None) -> bool:
    if period is None:
        return True
    lo = date(period[0] - PERIOD_SLACK_YEARS, 1, 1)
    hi = date(period[1] + PERIOD_SLACK_YEARS, 12, 31)
    return all(d is None or lo <= d <= hi for d in dates)


def _unparsed(raw: str, *flags: str) -> DeadlineNorm:
    return DeadlineNorm(raw, None, None, "unspecified", [], list(flags))


# a range of quarters or halves from one to the same ("1-1 кварталы 2024 г.": a scan's "II–III"): no
# text writes it, and its one quarter would be a confident wrong span
SAME_PART_RANGE_RE = lazy(r"(?<![\w])(iv|i{1,3}|[1-4])\s*-\s*\1\s*(?:квартал|полугод|кв)")
# a quarter or a half-year that opens an item with no number before it ("квартал 2023 года",
# "..., полугодие 2024 г."): its number is lost (a scan's speck, a typo); the year alone would be a
# confident wrong span, so no date is given
UNNUMBERED_PART_RE = lazy(r"(?:^|[,;(\n])\s*(?:квартал[а-я]*|полугоди[а-я]*|кв\.)\s*(?:19|20)\d\d(?!\d)", re.I)


# a day of the month ending a gap, with the word after it: where a month stands, unread
UNREAD_DAY_RE = lazy(r"(?<![\d.,])(?:[1-9]|[12]\d|3[01])(?:\s+([а-яё]{2,}))?\.?$")
# a year's number misread, left before its "г." / "года": any number but four digits before "г."
# ("5 г.", "202 г.", "5г"), five digits or three before "года" ("26023 года"; "2 года" is a duration);
# not the short second year of "2023-24 г."
UNREAD_YEAR_RE = lazy(r"(?<![\d.,])(?:\d{1,3}|\d{5,})\s*(?:г\.|г(?![а-я]))|(?<![\d.,])(?:\d{5,}|\d{3})\s*год", re.I)
DATE_BOUNDS = ("do", "s", "po")
# the last three letters of the months' genitive forms ("декабря" -> "бря")
MONTH_TAILS = frozenset(month[-3:] for month in GENITIVE_MONTHS)     # "до" / "к" / "не позднее", "с", "по" before a date


def _unread_day(tokens: list[Token], i: int, gap: str) -> bool:
    """Whether gap ``gap`` (token ``i``) ends with a day whose month was not read: a day followed by
    a word no dictionary knows that ends as a month's genitive does ("до 20 абря"), or a bound's day with its year next and any word or
    none between ("до 25 добра 2025 г.", "до 25 2025 г."): the year alone would be a confident wrong
    span. A day with a word of a duration ("в течение 10 дней") is no date."""
    m = UNREAD_DAY_RE.search(gap)
    if m is None:
        return False
    if m.group(1) and not is_known_word(m.group(1)) and m.group(1)[-3:] in MONTH_TAILS:
        return True                     # "до 20 абря": a month's ending kept ("до 10 чиела" is "числа")
    bound = i > 0 and tokens[i - 1].kind in DATE_BOUNDS and gap == m.group(0)
    return bound and i + 1 < len(tokens) and tokens[i + 1].kind == "year"


# a word ending as a recurrence adverb does ("ежегодно", "ежеквартально"), its head garbled: "@негодно"
RECURRENCE_TAIL_RE = lazy(r"[^\s,;]*(?:годно|месячно|квартально|недельно|дневно)(?![а-яё])", re.I)


def _garbled_recurrence(gap: str) -> bool:
    """Whether a gap word ends as a recurrence adverb but is none ("до 25 декабря: @негодно"): the
    date alone would read "once", a confident wrong recurrence."""
    return any(re.sub(r"[^а-яё]", "", w.lower().replace("ё", "е")) not in RECURRENCE_WORDS
               for w in RECURRENCE_TAIL_RE.findall(gap))


# the months' long names cut to five letters ("декаб"), the stems a misread month is measured on
MONTH_STEMS = frozenset(month[:5] for month in GENITIVE_MONTHS if len(month) >= 6)
MAX_DAY_MARKS = 2           # a bound's day misread into letters or marks ("до Г июня") is this short


def _garbled_month(gap: str) -> bool:
    """Whether a gap word is a long month's name one letter off ("дфкабр ь2024"), no dictionary word."""
    return any(len(w) >= 5 and not is_known_word(w)
               and any(Levenshtein.distance(w[:5], stem, score_cutoff=1) <= 1 for stem in MONTH_STEMS)
               for w in re.findall(r"[а-я]+", gap))


# a gap word that is the end of a month's name, nominative or genitive ("арт-рель" for "март-апрель"),
# is a month whose first letters a scan lost (the word ``ocr_date_digits.month_tails`` could not
# read as one month: "арт", "бря")
MIN_UNREAD_MONTH_TAIL = 3
# a number no date writes alone: no day (over 31), no year ("декабрь 53 / 2024 года"; four digits or more
# that no year reads are a dotted date run together, "3112, 2025 г.")
STRAY_NUMBER_RE = lazy(r"^(?:3[2-9]|[4-9]\d|[1-9]\d\d|\d{4,})$")


def _month_tail(gap: str) -> bool:
    """Whether a gap word is the end of a month's name, its first letters lost ("арт", "рель")."""
    return any(len(w) >= MIN_UNREAD_MONTH_TAIL and months_ending(w)
               for w in re.findall(r"[а-я]+", gap))


def _unread_bound_day(tokens: list[Token], i: int, gap: str) -> bool:
    """Whether gap ``gap`` (token ``i``) stands between a bound ("до", "с", "по") and a month as its
    day misread into a letter or a mark ("до Г июня 2022 года": not the whole of June)."""
    return (0 < i < len(tokens) - 1 and tokens[i - 1].kind in DATE_BOUNDS and tokens[i + 1].kind == "unit"
            and len(gap) <= MAX_DAY_MARKS)


# digits run together before a year's dot ("01109.2023": a dotted date's day and month, a dot misread):
# the year alone would read the whole year
RUN_DATE_HEAD_RE = lazy(r"\d{3,}[.,]$")


def _unread_date(tokens: list[Token], i: int) -> bool:
    """True when gap token ``i`` holds date material no rule read (see ``UNREAD_DATE_RE``)."""
    gap = RECURRENCE_PHRASE_RE.sub(" ", str(tokens[i].value)).strip()
    short_year_after = (i >= 2 and tokens[i - 2].kind == "year" and tokens[i - 1].kind in ("dash", "sep")
                        and re.match(r"\s*\d", gap) is not None)      # "2025 год, #026 год": a mark, no short year
    range_end = i >= 2 and tokens[i - 2].kind == "unit" and tokens[i - 1].kind == "dash"   # its own flag
    if UNREAD_DATE_RE.search(gap) or (UNREAD_YEAR_RE.search(gap) and not short_year_after) \
            or _unread_day(tokens, i, gap) or _unread_bound_day(tokens, i, gap) or _garbled_month(gap) \
            or (_month_tail(gap) and not range_end) or STRAY_NUMBER_RE.match(gap) or _garbled_recurrence(gap):
        return True
    return i + 1 < len(tokens) and tokens[i + 1].kind == "year" and bool(UNREAD_PART_RE.search(gap)
                                                                         or RUN_DATE_HEAD_RE.search(gap))


def _normalize(raw: str, period: tuple[int, int] | None) -> DeadlineNorm:
    if UNNUMBERED_PART_RE.search(raw):
        return _unparsed(raw, FLAG_UNPARSED, FLAG_PART_UNNUMBERED)
    text = prepare(raw)
    tokens = tokenize(text)
    if SAME_PART_RANGE_RE.search(text) or any(_unread_date(tokens, i) for i, t in enumerate(tokens) if t.kind == "gap"):
        # a month, a quarter or a dotted date no rule read ("ТУ квартал 2023", "91.12.2023"): the
        # rest alone (the year) would be a confident wrong span
        return _unparsed(raw, FLAG_UNPARSED, FLAG_PARTLY_UNREAD)
    parsed = group_items(attach_years(tokens))
    recurrence = detect_recurrence(text)
    if recurrence is None and not parsed.items:
        return _unparsed(raw, FLAG_UNPARSED)
    if parsed.unfinished_range:          # "март-р ‚ель": its end unreadable, no date rather than a wrong one
        return _unparsed(raw, FLAG_UNPARSED, FLAG_UNFINISHED_RANGE)
    if recurrence is None and (parsed.scoped_continuous or any(it.kind == "open" for it in parsed.items)):
        recurrence = "continuous"
        resolver = "once"
    else:
        resolver = "once" if recurrence is None else "recurring"
    try:
        if resolver == "once":
            (start, end), occurrences = resolve_once(parsed.items, period)
        else:
            (start, end), occurrences = resolve_recurring(parsed, recurrence or "once", period)
    except _YearUnknown:
        return DeadlineNorm(raw, None, None, recurrence or "once", [], [FLAG_YEAR_UNKNOWN])
    except _RangeReversed:
        return _unparsed(raw, FLAG_UNPARSED, FLAG_RANGE_REVERSED)
    if start is not None and end is not None and start > end:
        start, end = end, start
    if not _in_window([start, end], period):
        return _unparsed(raw, FLAG_UNPARSED, FLAG_OUT_OF_PERIOD)
    clean = [(s, e) for s, e in occurrences
             if e is not None and (s is None or s <= e) and _in_window([s, e], period)]
    return DeadlineNorm(raw, start, end, recurrence or "once", clean, [])


def normalize_deadline(text: str | None, period: tuple[int, int] | None) -> DeadlineNorm:
    """Normalise one deadline cell against the document period ``(Y1, Y2)`` (or None).

    Example: ``normalize_deadline("Ежегодно, сентябрь-ноябрь", (2023, 2025))`` →
    start 2023-09-01, end 2025-11-30, recurrence "annual".
    Never raises: text no rule matches keeps ``raw`` with null dates and a flag.
    """
    raw = collapse_whitespace(text if isinstance(text, str) else None)
    if not raw:
        return _unparsed("", FLAG_MISSING)
    try:
        return _normalize(raw, _valid_period(period))
    except (ValueError, OverflowError, _YearUnknown):  # pragma: no cover - defensive
        return _unparsed(raw, FLAG_UNPARSED)


# -------------------------------------------------------------- document period

TITLE_RANGE_RE = lazy(
    r"(?<![\d.])((?:19|20)\d\d)\s*(?:-|/|по)\s*((?:19|20)\d\d|\d\d)(?![\d.])"
)
TITLE_SINGLE_RE = lazy(r"(?<![а-я])(?:на|в)\s+((?:19|20)\d\d)\s*(?:гг?\.?|год[а-я]*)(?![а-я])")
RANGE_CONTEXT_BEFORE_RE = lazy(r"(?<![а-я])(?:на|период[а-я]*|в|с)\s*(?:период\s*)?$")
RANGE_CONTEXT_AFTER_RE = lazy(r"^\s*(?:гг|г\.|год|уч)")
MAX_PERIOD_YEARS = 30


def period_from_text(text: str) -> tuple[int, int] | None:
    """The period a title names: "на 2020 год" → (2020, 2020), "на 2018 – 2027 годы" → (2018, 2027),
    "2021-2023 годы", "на 2020/21 учебный год" → (2020, 2021); None when it names none."""
    prepared = prepare(text or "")
    for m in TITLE_RANGE_RE.finditer(prepared):
        a, b_text = int(m.group(1)), m.group(2)
        b = int(b_text) if len(b_text) == 4 else (a // 100) * 100 + int(b_text)
        before, after = prepared[:m.start()], prepared[m.end():]
        if not (RANGE_CONTEXT_BEFORE_RE.search(before) or RANGE_CONTEXT_AFTER_RE.match(after)):
            continue
        if len(b_text) == 2 and not after.lstrip().startswith("уч"):
            continue
        if 0 <= b - a <= MAX_PERIOD_YEARS:
            return a, b
    single = TITLE_SINGLE_RE.search(prepared)
    if single:
        year = int(single.group(1))
        return year, year
    return None


def years_in(text: str) -> list[int]:
    """Every year written in a deadline cell (full dates and school years included)."""
    years: list[int] = []
    for item in parse(prepare(text or "")).items:
        for unit in item.units:
            if unit.year is not None:
                years.append(unit.year)
                years.append(unit.year + unit.wrap)
    return years


def deadlines_outside(period: tuple[int, int], texts: Iterable[str], slack: int = 1) -> tuple[int, int]:
    """How many deadline cells write a year more than ``slack`` years outside ``period``, of how
    many write a year at all."""
    outside = written = 0
    for text in texts:
        years = years_in(text) if isinstance(text, str) else []
        if years:
            written += 1
            outside += any(y < period[0] - slack or y > period[1] + slack for y in years)
    return outside, written


def period_from_deadlines(texts: Iterable[str]) -> tuple[int, int] | None:
    """The smallest and largest year written in a deadline column, or None when there is none."""
    years = [y for t in texts if isinstance(t, str) for y in years_in(t)]
    return (min(years), max(years)) if years else None
