"""OCR slips in the digits of numeric dates and in split month names, mended where one reading is left.

A scan drops the dots of "30.06.2026" and breaks it over two lines ("30062\\n026"), reads a speck
as a digit inside a year ("01.06.20323", "01.03.24020") or breaks a month name at a speck
("ап! рель"). Each mend below is taken only when the digits (or letters) allow exactly one date:

* ``eight_digit_dates``: eight digits, at most one space or line break among them, that read as
  a valid day, month and year of this era one way ("30062\\n026" -> "30.06.2026"); four and four
  digits that are two years ("2010 2012") are left alone;
* ``extra_digit_years``: a numeric date whose year has five digits (or a five-digit year alone,
  "февраль-март 20222 г."), one of them a speck: the years
  one dropped digit leaves (19xx/20xx); one left is taken, several are narrowed to the years the
  same cell writes elsewhere ("01.06.20323" beside "01.09.2023" is 2023), else the date is left
  (and reads as no date: the caller keeps the text and flags it);
* ``split_years``: a year's digits parted by a line break, a space or a mark ("01.09.202\\n0", "30.06.2\\n026",
  "31 08.20 25", "2023, 20:24", "декабрь 2.026"), and a stop for a list's comma ("2022. 2023, 2024");
* ``split_months``: a month name broken by a speck and a space into two pieces that are no words
  ("ап! рель" -> "апрель"; the head is no word, the tail may be one by chance: "рель");
* ``one_digit_mend``: an impossible numeric date ("31.42.2026") that one digit changed makes a date
  of in one way only ("31.12.2026"; "91.06.2023" could be the 1st, 11th or 21st and is left);
* ``digits_date``: a line of a date cell whose digits alone are eight that read as a date
  ("0109.20 ‚23": a dot lost, a speck in the year);
* ``month_tails``: a word that is the end of exactly one month's name, its head lost ("до 20 абря" ->
  "до 20 декабря"; "бря" could end four and is left);
* ``years_into_period``: a year far outside the document period (more than ``PERIOD_SLACK`` years)
  that one digit misread makes a year of the period, and only one ("31.05.2926" in a 2024-2026
  plan is 2026); such a date would give the cell no reading at all.
"""

from __future__ import annotations

import re

from normalizers.deadline_types import calendar_date
from normalizers.metadata_words import MONTHS as GENITIVE_MONTHS
from normalizers.text import is_known_word, one_substitution

EIGHT_DIGITS_RE = re.compile(r"(?<![\d.,:;/-])\d(?:\d|\s(?=\d)){7,8}(?![\d.,:;/-])")
FIVE_DIGIT_YEAR_RE = re.compile(r"(?<![\d.])(?:([0-3]?\d)\.([01]\d)\.(\d{5})|((?:19|20)\d{3}))(?![\d.])")
# a numeric date whose year's last digit went to the next line ("01.09.202\n0"; a speck's mark after
# its first piece: "01.12.20,\n23")
# (or its last one to three digits: "30.06.2\n026")
YEAR_DIGIT_BELOW_RE = re.compile(r"(?<![\d.])([0-3]?\d)\.([01]\d)\.(\d{1,3})[.,:;’'`‚]?[^\S\n]*\n[^\S\n]*(\d{1,3})(?=[^\S\n]*(?:\n|$))")
# a numeric date with a space for its dot and inside its year ("31 08.20 25")
SPACED_YEAR_DATE_RE = re.compile(r"(?<![\d.])([0-3]?\d)[.\s]([01]\d)\.((?:19|20)\d{0,1})[^\S\n]+(\d{1,2})(?![\d.])")
# a year in a list of years split by a mark ("2022, 2023, 20:24"), or a stop for the list's comma
# ("2022. 2023, 2024")
LISTED_YEAR_SPLIT_RE = re.compile(r"((?:19|20)\d\d,[^\S\n]*)(19|20)[:;’'`.][^\S\n]?(\d\d)(?![\d.:])")
LISTED_YEAR_STOP_RE = re.compile(r"(?<![\d.])((?:19|20)\d\d)\.([^\S\n]+(?:19|20)\d\d[^\S\n]*,)")
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# a month's year with a speck's mark among its digits ("декабрь 2.026", "декабря 202,5 г.")
MONTH_YEAR_MARK_RE = re.compile(r"(?<![А-Яа-яЁё])((?:январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]"
                                r"|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])[^\S\n]+)(\d{1,3})[.,:;’'`‚](\d{1,3})(?![\d.,:;])", re.I)
SPLIT_MONTH_RE = re.compile(r"(?<![А-Яа-яЁё])([А-Яа-яЁё]{2,5})[!|'`’‚^°*:;,.]*[^\S\n]+([а-яё]{2,5})(?![А-Яа-яЁё])")
MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
          "ноябрь", "декабрь")


# a numeric date as a date cell writes it, and the years a plan's dates lie in
NUMERIC_DATE_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
DATE_YEARS = (1990, 2100)


def valid_date(token: str) -> bool:
    """Whether ``token`` (trailing marks stripped) is a calendar date dd.mm.yyyy."""
    m = NUMERIC_DATE_RE.match(token.strip().rstrip(".,;:"))
    if not m:
        return False
    d, mo, y = (int(g) for g in m.groups())
    return DATE_YEARS[0] <= y <= DATE_YEARS[1] and calendar_date(y, mo, d) is not None


def one_digit_mend(token: str) -> str | None:
    """The one calendar date a single digit's change makes of an impossible ``token`` ("31.42.2026"
    → "31.12.2026": a month's first digit is 0 or 1, and of "02" and "12" only December has a 31st),
    or None: where several changes give a date ("91.06.2023": the 1st, 11th or 21st), none is certain."""
    core = token.strip().rstrip(".,;:")
    if not NUMERIC_DATE_RE.match(core) or valid_date(core):
        return None
    found = {core[:i] + d + core[i + 1:] for i, ch in enumerate(core) if ch.isdigit()
             for d in "0123456789" if d != ch and valid_date(core[:i] + d + core[i + 1:])}
    return found.pop() if len(found) == 1 else None


def digits_date(text: str) -> str | None:
    """The date a line of a date cell spells in its digits alone, marks and spaces between them
    specks ("0109.20 ‚23" -> "01.09.2023"): eight digits read one way only, as day, month and year."""
    if re.search(r"[^\W\d_]", text):
        return None
    digits = re.sub(r"\D", "", text)
    return _date_of(digits) if len(digits) == 8 else None


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits[:2] in ("19", "20")


def _date_of(digits: str) -> str | None:
    day, month, year = digits[:2], digits[2:4], digits[4:]
    if not _is_year(year) or calendar_date(int(year), int(month), int(day)) is None:
        return None
    return f"{day}.{month}.{year}"


def eight_digit_dates(text: str) -> tuple[str, bool]:
    """Eight digits of a date whose dots were lost, read as "dd.mm.yyyy" where they can be."""
    changed = False

    def one(m: re.Match) -> str:
        nonlocal changed
        raw = m.group(0)
        digits = re.sub(r"\s", "", raw)
        if len(digits) != 8 or re.search(r"\s", raw) is None and _is_year(digits[:4]):
            return raw
        parts = raw.split()
        if len(parts) == 2 and len(parts[0]) == 4 and _is_year(parts[0]) and _is_year(parts[1]):
            return raw                       # two years, "2010 2012"
        date = _date_of(digits)
        if date is None:
            return raw
        changed = True
        return date

    return EIGHT_DIGITS_RE.sub(one, text), changed


def extra_digit_years(text: str) -> tuple[str, bool]:
    """A five-digit year in a numeric date read as the one year a dropped digit leaves."""
    changed = False

    def one(m: re.Match) -> str:
        nonlocal changed
        y5 = m.group(3) or m.group(4)
        years = {y5[:k] + y5[k + 1:] for k in range(5)}
        years = {y for y in years if _is_year(y) and (
            m.group(4) or calendar_date(int(y), int(m.group(2)), int(m.group(1))))}
        if len(years) > 1:
            elsewhere = set(YEAR_RE.findall(text[:m.start()] + " " + text[m.end():]))
            years &= elsewhere
        if len(years) != 1:
            return m.group(0)
        changed = True
        return years.pop() if m.group(4) else f"{m.group(1)}.{m.group(2)}.{years.pop()}"

    return FIVE_DIGIT_YEAR_RE.sub(one, text), changed


def split_months(text: str) -> tuple[str, bool]:
    """A month name in two pieces, no dictionary words, parted by a speck and a space, glued again."""
    changed = False

    def one(m: re.Match) -> str:
        nonlocal changed
        head, tail = m.group(1), m.group(2)
        joined = (head + tail).lower()
        if joined not in MONTHS or is_known_word(head.lower()):
            return m.group(0)
        changed = True
        return head + tail

    return SPLIT_MONTH_RE.sub(one, text), changed


# every form of a month's name a deadline writes (nominative, genitive), and a word that can only be the end of one
MONTH_FORMS_ALL = MONTHS + tuple(GENITIVE_MONTHS)
MIN_MONTH_TAIL = 4            # "абря" is December's alone; "бря" could be four months
MONTH_TAIL_RE = re.compile(r"(?<![А-Яа-яЁё])[а-яё]{4,7}(?![А-Яа-яЁё])")


def months_ending(word: str) -> list[str]:
    """The month names (``MONTH_FORMS_ALL``) that end with ``word`` and are longer than it."""
    return [f for f in MONTH_FORMS_ALL if f.endswith(word) and f != word]


def month_tails(text: str) -> tuple[str, bool]:
    """A word that is the end of exactly one month's name, its first letters lost ("до 20 абря" ->
    "до 20 декабря"), read as that month; a word that could end several ("бря") is left."""
    changed = False

    def one(m: re.Match) -> str:
        nonlocal changed
        word = m.group(0)
        whole = months_ending(word)
        if len(word) < MIN_MONTH_TAIL or word in MONTH_FORMS_ALL or len(whole) != 1:
            return word
        changed = True
        return whole[0]

    return MONTH_TAIL_RE.sub(one, text), changed


# a month's name cut short at a line's or the cell's end ("март.\nапре\nре": "апрель" lost its end)
MONTH_HEAD_RE = re.compile(r"(?<![А-Яа-яЁё])(?P<day>\d{1,2}[^\S\n]+)?(?P<word>[а-яё]{4,6})(?=[.,;:]?[^\S\n]*(?:\n|$))")


def month_heads(text: str) -> tuple[str, bool]:
    """A word at a line's end, no dictionary word, that opens the names of exactly one month
    ("апре" -> "апрель"; after a day, the genitive: "до 1 дека" -> "до 1 декабря"); a head two
    months share ("ма") or a month's whole name is left."""
    changed = False

    def one(m: re.Match) -> str:
        nonlocal changed
        word = m.group("word")
        months = {k + 1 for k, f in enumerate(MONTHS) if f.startswith(word)} | \
                 {n for f, n in GENITIVE_MONTHS.items() if f.startswith(word)}
        if word in MONTH_FORMS_ALL or is_known_word(word) or len(months) != 1:
            return m.group(0)
        n = months.pop()
        changed = True
        if m.group("day"):
            return m.group("day") + next(f for f, k in GENITIVE_MONTHS.items() if k == n)
        return MONTHS[n - 1]

    return MONTH_HEAD_RE.sub(one, text), changed


def _year_joined(m: re.Match) -> str:
    """Day (group 1), month (2) and a year in two pieces (3, 4) as one date, where they make one."""
    year = m.group(3) + m.group(4)
    if not _is_year(year) or calendar_date(int(year), int(m.group(2)), int(m.group(1))) is None:
        return m.group(0)
    return f"{m.group(1)}.{m.group(2)}.{year}"


def split_years(text: str) -> tuple[str, bool]:
    """A year's digits parted by a line break, a space or a mark, joined where the date allows one
    reading ("01.09.202\n0", "31 08.20 25", "2023, 20:24", a month's "декабрь 2.026"); a stop
    between two years of a list read as its comma ("2022. 2023, 2024")."""
    out = SPACED_YEAR_DATE_RE.sub(_year_joined, YEAR_DIGIT_BELOW_RE.sub(_year_joined, text))
    out = LISTED_YEAR_STOP_RE.sub(r"\1,\2", LISTED_YEAR_SPLIT_RE.sub(r"\1\2\3", out))
    out = MONTH_YEAR_MARK_RE.sub(_month_year_joined, out)
    return out, out != text


def _month_year_joined(m: re.Match) -> str:
    year = m.group(2) + m.group(3)
    return m.group(1) + year if _is_year(year) else m.group(0)


def mend_date_digits(text: str) -> tuple[str, bool]:
    """``text`` with the mends above applied, and whether any was."""
    changed = False
    for mend in (split_months, month_tails, month_heads, split_years, eight_digit_dates, extra_digit_years):
        text, did = mend(text)
        changed = changed or did
    return text, changed


PERIOD_SLACK = 2                     # years outside the period a plan's dates may still name (the spec's window)
ANY_YEAR_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")
FIVE_DIGITS_RE = re.compile(r"(?<![\d.])\d{5}(?![\d.])")      # a year with a speck read as a digit: "20626"


def years_into_period(text: str, period: tuple[int, int] | None) -> tuple[str, bool]:
    """``text`` with each four-digit number that no year of the period's window is, and that one
    digit changed makes exactly one year of the period, read as that year; and each five-digit
    number that one digit dropped makes exactly one year of the period ("декабрь 20626" in a
    2024–2026 plan: "2026", where "2062" is a year too but no year of the plan)."""
    if not period:
        return text, False
    first, last = period
    changed = False

    def year(m: re.Match) -> str:
        nonlocal changed
        token = m.group(0)
        if first - PERIOD_SLACK <= int(token) <= last + PERIOD_SLACK:
            return token
        near = [str(y) for y in range(first, last + 1) if one_substitution(str(y), token)]
        if len(near) != 1:      # "31.03.2029" in a 2020-2022 plan: 2020 or 2022, whatever the cell writes beside
            return token
        changed = True
        return near[0]

    def long_year(m: re.Match) -> str:
        nonlocal changed
        token = m.group(0)
        near = {token[:k] + token[k + 1:] for k in range(len(token))} & {str(y) for y in range(first, last + 1)}
        if len(near) != 1:
            return token
        changed = True
        return near.pop()

    return FIVE_DIGITS_RE.sub(long_year, ANY_YEAR_RE.sub(year, text)), changed
