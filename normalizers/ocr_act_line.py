"""OCR slips in the line that dates and numbers an act ("от 3 марта 2023 г. № 1-215"), mended on a scan.

A scan doubles a date's stop ("27..01.2024") or reads one as a comma or a colon ("05.09,2022",
"05:09.2022"), loses its first stop ("1503.2021 г Казань № 245"), reads a speck inside the day as a
dash ("1-5.03.2021 № 245": on the act's line, with its number, the date is one day, no range), reads a
date's first "1" as a brace ("}2.02.2020"), puts a speck after the number sign ("№'777"), doubles a
dash of the number ("№ 26-01--06-150") or reads one as a space ("№ 777 11-05", "№ 777-11 05"), or loses the sign altogether ("от 3 марта
2023 1-215"), glues a stop to a quoted day ("«10».апреля"), misreads a letter of the act's kind
heading ("ИРИКАЗ"). ``mend_act_line`` mends each where one reading is left: stops only between a
date's digits (or eight digits before the number sign that spell a date one way only, "1.2 02.2020";
a fifth digit glued to the year of a date in words where its "г." would be, "20225 №"), a space only before a group the number goes on with by dashes, a sign only before
a token right after the act's date that ends the line and is shaped as act numbers are (digits
with a dash or a slash). ``normalizers.metadata`` then reads the line as a typed one.
"""

from __future__ import annotations

import re

from normalizers.deadline_types import calendar_date
from normalizers.metadata_words import MONTHS
from normalizers.ocr_date_digits import digits_date
from normalizers.ocr_date_words import month_reading
from normalizers.ocr_dates import NUMERIC_DATE_RE
from normalizers.text import is_known_word, one_substitution

DOUBLED_DATE_STOP_RE = re.compile(r"(?<!\d)(\d{1,2})[.,]{2,}(\d{1,2})[.,]{1,2}((?:19|20)\d\d)(?!\d)")
# a date's stop read as a comma, a colon or a semicolon ("05.09,2022", "05:09.2022")
COMMA_DATE_RE = re.compile(r"(?<![\d.,:;])(\d{1,2})[.,:;](\d{2})[.,:;]((?:19|20)\d\d)(?!\d)")
# a speck read as a dash inside the day of the act's date ("1-5.03.2021 № 245"): an act has one date
SPLIT_DAY_RE = re.compile(r"(?<![\d.,:;–-])([0-3])[-–]([0-9])(?=[.,:;][01]\d[.,:;](?:19|20)\d\d(?!\d))")
# a date that lost its first stop ("1503.2021 г Казань № 245")
LOST_FIRST_STOP_RE = re.compile(r"(?<![\d.,:;])([0-3]\d)([01]\d)\.((?:19|20)\d\d)(?!\d)")
# a "1" read as a brace or a bar at the start of a numeric date ("}2.02.2020")
ONE_LOOKALIKE_RE = re.compile(r"(?<![\w.,])[}\]|!](?=\d[.,]\d{2}[.,](?:19|20)\d\d(?!\d))")
# a dash of the act's number doubled ("№ 26-01--06-150")
DOUBLED_NUMBER_DASH_RE = re.compile(r"(?<=\d)[-–]{2}(?=\d)")
SIGN_SPECK_RE = re.compile(r"№[’'`‚.,:;^°]+[^\S\n]*|№[^\S\n]+[’'`‚.,:;^°]+(?=\d)")      # "№:", "№ .01-03"
# the day of an act's date in words parted by a dash ("от 1-4 сентября 2022г № …": an act has one date)
SPLIT_WORD_DAY_RE = re.compile(r"(?<![\d.,:;–-])([0-3])[-–]([0-9])(?=[^\S\n]+(?:" + "|".join(MONTHS) + r")\b)")
SPACED_NUMBER_RE = re.compile(r"(№[^\S\n]*\d+)[^\S\n]+(\d+[-–]\d)")
# ... or a later dash read as a space, the last group ending the line ("№ 777-11 05")
SPACED_LAST_GROUP_RE = re.compile(r"(№[^\S\n]*\d+(?:[-–]\d+)+)[^\S\n]+(\d{1,3})[^\S\n]*$")
_DATE = (r"(?:\d{1,2}\.\d{1,2}\.(?:19|20)\d\d|\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+(?:19|20)\d\d)"
         r"(?:\s*г(?:ода|\.)?)?")
LOST_SIGN_RE = re.compile(rf"^(\s*(?:от\s+)?{_DATE})[^\S\n]+(\d[\dА-Яа-я]*(?:[-–/][\dА-Яа-я]+)+)[.,]?\s*$", re.I)


# a numeric date whose stops specks moved ("1.2 02.2020 № 26-01-06-150"): before the number sign, a run of
# eight digits with marks and spaces between them that spells a date one way only (``digits_date``)
SPECKED_DIGITS_RE = re.compile(r"(?<![\d.,])\d[\d.,:;'`’‚ ]{6,14}\d(?![\d.,])")
# a year of five digits after a day and a month, no year's word after it ("14 сентября 20225 № 01-03"):
# the "г" read as a digit and glued to the year
GLUED_YEAR_LETTER_RE = re.compile(r"(?<!\d)([0-3]?\d\s+(?:" + "|".join(MONTHS) + r")\s+(?:19|20)\d\d)\d"
                                  r"(?=\s*(?:№|$))", re.I)


def _specked_date(head: str) -> str:
    """The part of the act's line before its number with a date whose stops specks moved mended."""
    if NUMERIC_DATE_RE.search(head):
        return head
    for m in SPECKED_DIGITS_RE.finditer(head):
        found = digits_date(m.group(0))
        if found:
            return head[:m.start()] + found + head[m.end():]
    return head


# a date in words whose month a scan misread by a letter ("22 марла 2024 г."): the one month it reads as
WORD_DATE_RE = re.compile(r"(?<!\d)([0-3]?\d[^\S\n]+)([а-яё]{4,9})([^\S\n]+(?:19|20)\d\d)(?!\d)")
KIND_HEADINGS = ("ПРИКАЗ", "РАСПОРЯЖЕНИЕ", "ПОСТАНОВЛЕНИЕ", "РЕШЕНИЕ")
# a stop or a mark glued after a day in quotes ("«10».апреля 2023 г."): the date would be lost
QUOTED_DAY_MARK_RE = re.compile(r"(«?\d{1,2}»)[.,:;'`’‚]+\s*(?=[а-яё])")


def _kind_heading(line: str) -> str:
    """A heading line that is an act's kind in capitals with one letter misread ("ИРИКАЗ")."""
    word = line.strip()
    if not re.fullmatch(r"[А-ЯЁ]{6,}", word) or word in KIND_HEADINGS or is_known_word(word.lower()):
        return line
    near = [k for k in KIND_HEADINGS if one_substitution(k, word)]
    return line.replace(word, near[0]) if len(near) == 1 else line


def mend_act_line(line: str) -> str:
    """One header line of a scan with the slips above mended (any other line comes back as read)."""
    if not line:
        return line
    if not any(ch.isdigit() for ch in line):
        return _kind_heading(line)
    line = QUOTED_DAY_MARK_RE.sub(r"\1 ", line)
    line = ONE_LOOKALIKE_RE.sub("1", line)
    if "№" in line:
        def day(m: re.Match) -> str:
            return m.group(0) if int(m.group(1) + m.group(2)) > 31 else m.group(1) + m.group(2)

        line = SPLIT_WORD_DAY_RE.sub(day, SPLIT_DAY_RE.sub(day, line))
    line = COMMA_DATE_RE.sub(r"\1.\2.\3", DOUBLED_DATE_STOP_RE.sub(r"\1.\2.\3", line))
    line = WORD_DATE_RE.sub(lambda m: m.group(1) + (month_reading(m.group(2))[0] or m.group(2)) + m.group(3), line)
    if "№" in line:                 # "1503.2021 … № 245": the day and month a valid date one way only
        line = LOST_FIRST_STOP_RE.sub(lambda m: f"{m.group(1)}.{m.group(2)}.{m.group(3)}"
                                      if calendar_date(int(m.group(3)), int(m.group(2)), int(m.group(1))) else m.group(0), line)
    if "№" in line:                 # "1.2 02.2020 № 26-01-06-150", "14 сентября 20225 № 01-03/1555"
        head, sign, number = line.partition("№")
        line = GLUED_YEAR_LETTER_RE.sub(r"\1 г.", _specked_date(head)) + sign + number
    line = SPACED_NUMBER_RE.sub(r"\1-\2", SIGN_SPECK_RE.sub("№ ", line))
    line = SPACED_LAST_GROUP_RE.sub(r"\1-\2", line)          # "№ 777-11 05"
    if "№" in line:
        head, sign, number = line.partition("№")
        line = head + sign + DOUBLED_NUMBER_DASH_RE.sub("-", number)
    if "№" not in line:
        line = LOST_SIGN_RE.sub(r"\1 № \2", line)
    return line


def mend_act_lines(text: str) -> str:
    """``mend_act_line`` on each line of a block of text."""
    return "\n".join(mend_act_line(line) for line in text.split("\n")) if text else text
