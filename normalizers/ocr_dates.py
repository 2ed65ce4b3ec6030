"""OCR slips in deadline cells: repaired where only one reading is possible, else reported as damage.

A deadline read from a scan may carry slips that the date rules would otherwise read as a
confident wrong date ("Дскабрь 2019" is no month, so the cell would cover all of 2019;
"2019-202?" loses its end; "декабрузоз3" is "декабрь 2023" run into junk). Two functions:

* ``repair_date_words`` mends what is certain: a month name with one letter wrong that is no
  dictionary word and lies one edit from exactly one month ("Дскабрь" -> "Декабрь"), a year with
  a letter read for the digit one ("20l9" -> "2019"), a numeric date with a space for a dot or
  inside its year ("31 12.2022", "31.12.202 2" -> "31.12.2022"), a recurrence adverb with one
  letter wrong that is no dictionary word ("Ржегодно" -> "Ежегодно"; split by a space near its
  end too: "6жекварталь но" -> "ежеквартально"), two years run together
  ("20182019" -> "2018 2019"), a numeric date whose dots were read as other marks ("01.04:2020",
  "01..09.20 _23"), the digit slips of ``normalizers.ocr_date_digits`` ("30062\n026", "01.03.24020"),
  "31.12..2020" -> "31.12.2020"), a letter glued to the year after a month ("февраль ь2025"
  -> "февраль 2025"), a numeric date that lost one of its dots ("3112.2026", "31.122026" ->
  "31.12.2026": the digits split into a valid day and month one way only), a numeric date with
  one letter read for a digit where only one of the digits that letter may stand for gives a date
  ("3Т.01.2020" -> "31.01.2020": Т is 1 or 7, and there is no 37th day; "0Т.03.2020", 01 or 07,
  stays and is damage), a recurrence adverb whose first letter was read as a digit ("6жегодно"
  -> "ежегодно"). A four-letter month is mended only where its first three letters
  stand ("июны" -> "июнь").
* ``damaged_dates`` says the cell is damaged: a year with a character that is no digit
  ("202?"), a three-digit year before "г."/"год" or in a numeric date ("201 г.", "01.01.202"), a
  year of no era of ours in a numeric date ("01.09.2923"), a date that lost a dot and reads as
  no date ("3102.2026"), a letter for a digit of a numeric date's day or month ("0Т.03.2020"),
  a numeric date with a letter in it that no mend took ("01.9Г.202"),
  a range cut after its dash into a stray letter ("март- и") or whose second month is broken in
  pieces ("май-и ‚юнь", "март-р ‚ель"), a short Latin word ("nol 1 июня"),
  a word that is no dictionary word and holds or
  resembles a month or a quarter / half-year word ("декабрузоз3", "брь", "Тквартала"), a month in
  the genitive with neither a day nor a word that takes it before it ("декабря 2022 г." for "до 1
  декабря"), a "day" of three digits ("до 253 декабря"), a line of one or two digits alone beside a
  numeric date ("04.12.2023\n25").
* ``damaged_on_scan`` adds, for a scan only, slips a typed text does not make: a quarter's numeral
  before a word that is not the quarter's ("IV &вартан 2023 года"), a day written both zero-padded
  and one digit in one cell ("01.03.2020\n3.03.2020").
  The caller then keeps the text, gives no date and flags the activity (never a guess).
"""

from __future__ import annotations

import re


from normalizers.deadline_types import calendar_date
from normalizers.ocr_date_digits import mend_date_digits
from normalizers.ocr_date_words import (LETTERS_RE, MONTH_FORMS, MONTH_WORDS, RECURRENCE_WORDS,
                                       month_reading, period_reading, recurrence_reading)
from normalizers.text import is_known_word

# stems that show a date word inside junk ("декабрузоз3", "сентябрьб")
DATE_STEM_RE = re.compile(r"январ|феврал|апрел|июн[ья]|июл[ья]|август|сентяб|октяб|нояб|декаб|квартал|полугод")
WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё0-9]+")
# a year with a letter for the digit one: 20l9, 2O1I is left to the digit fixes (О, З) first
YEAR_ONE_RE = re.compile(r"(?<![\w.])((?:19|20)[0-9lI|!]{2})(?![\w])")
# a year with a character that is no digit ("202?", "20l?"), or a year that lost a digit ("201 г.")
BAD_YEAR_RE = re.compile(r"(?<![\w.,])(?:19|20)(?=[0-9?]*\?)[0-9?]{2}(?![\w])"
                         # five digits where a year stands, no one reading left ("20221")
                         r"|(?<![\d.,])(?:19|20)\d{3}(?!\d)"
                         # a range whose second year lost digits ("2024-2) гг")
                         r"|(?<![\d.,])(?:19|20)\d\d\s*[-–—]\s*(?:\d(?![\d.])(?!\s*-?[а-яё])|\d{2,3}[)\]|!}])"
                         r"|(?<![\w.,])(?:19|20)\d(?!\d)\s*(?:г\.|гг|год)"
                         # a numeric date whose year lost a digit: "01.01.202", "31.12.202 ° 0"
                         r"|(?<![\d.])[0-3]?\d[.,\s][01]?\d[.,](?:19|20)\d(?!\d)"
                         # four digits where a year stands that are no year of this era ("декабрь 2423")
                         r"|(?<![\w.,])(?!19|20)[12]\d{3}(?=\s*(?:г\.|гг|год))"
                         # ... or in a numeric date ("01.09.2923")
                         r"|(?<![\d.])[0-3]?\d\.[01]\d\.(?!19|20)[12]\d{3}(?!\d)"
                         r"|(?<![а-яё])(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*"
                         r"\.?\s+(?!19|20)[12]\d{3}(?!\d)", re.I)
# a range cut short: a date, a dash, then a stray letter and the end of the line ("март- и")
DANGLING_DASH_RE = re.compile(r"(?:[а-яёА-ЯЁ]{3,}|\d{4})\.?[^\S\n]*[-–—][\s\-–—]*"
                              r"(?!г)[а-яё](?![а-яё])[^\S\n]*(?:\n|$)")
# a cell that ends with a dash after a date ("декабрь 2024 года-"): a speck, or a range whose end
# was lost; the date is kept and the activity flagged
TRAILING_DASH_RE = re.compile(r"(?:[а-яёА-ЯЁ]{3,}|\d{4})\.?\s*[-–—][\s\-–—]*$")
# a numeric date with a space for one of its dots or inside its year: "31 12.2022", "31.12.202 2"
# (the only reading of its digits)
SPACED_DATE_RE = re.compile(r"(?<![\d.])([0-3]?\d)[.\s]([01]\d)\.((?:19|20)\d)[^\S\n]?(\d)(?![\d.])")
# a numeric date whose dots a scan read as other marks or doubled ("01.04:2020", "01,04.2020",
# "31.12..2020", "31-.03.2020", "30.11.-.2023"), or with marks inside its year ("30.06.2: 026", "01.09.20’ 23",
# "30.09.202' .0"): one reading
MARKED_DATE_RE = re.compile(r"(?<![\d.,:;])([0-3]?\d)[-'`’]?[.,:;]{1,2}([01]\d)(?:[.,:;]{1,2}|[.,:;][-'`’_][.,:;])"
                            r"([12](?:(?:[^\S\n]|[.,:;’'`()\"“”_]){0,3}\d){3})(?!\d)")
# a numeric date that lost one of its two dots: "3112.2026" (ddmm.yyyy; its dot read as a dash too,
# "0112-2023") or "31.122026" (dd.mmyyyy)
# (four digits that read as a year, "2012.2026", are left: two years with a stop between them)
LOST_DOT_DATE_RE = re.compile(r"(?<![\d.,:;])(?:(?!19|20)(\d\d)(\d\d)[.\-–]|(\d\d)\.(\d\d))((?:19|20)\d\d)(?![\d.,:;])")
# a numeric date whose second dot moved into its year ("01.1220. 23", "01.1220.23"): dd.mm, the
# century, a stop (and a space), the year's last two digits — one reading
MOVED_DOT_DATE_RE = re.compile(r"(?<![\d.,:;])([0-3]\d)\.([01]\d)((?:19|20))\.[^\S\n]?(\d\d)(?![\d.,:;])")
# a short word of Latin lower-case letters in a Russian deadline ("nol" for "до 1"): junk over a date
LATIN_JUNK_RE = re.compile(r"(?<![A-Za-z])(?!(?:i{1,3}|iv|vi{0,3}|ix|x)(?![A-Za-z]))[a-z]{2,4}(?![A-Za-z])")
# two years read as one number, the space or line break between them lost ("20182019-2027")
# a year in a list of years with a speck's stop inside it ("2023, 2024, 202.5")
LISTED_DOTTED_YEAR_RE = re.compile(r"((?:19|20)\d\d,\s)((?:19|20)\d)\.(\d)(?![\d.,]\d)")


def listed_year(m: re.Match) -> str:
    """``LISTED_DOTTED_YEAR_RE``'s reading: the year without its stop where it is the year after the
    one before it in the list, else as read."""
    year = m.group(2) + m.group(3)
    return m.group(1) + year if int(year) == int(m.group(1)[:4]) + 1 else m.group(0)
GLUED_YEARS_RE = re.compile(r"(?<![\d.,])((?:19|20)\d\d)((?:19|20)\d\d)(?![\d.])")
PERIOD_WORD_RE = re.compile(r"(?:i{1,3}|iv|\d)?(?:еже|по)?(?:квартал|полугод)[а-я]*\.?")
# a speck read as one letter glued to the year after a month ("февраль. ь2025", "октябрь: ь2024"):
# the month would otherwise lose its year and take the period's first one
SPECK_BEFORE_YEAR_RE = re.compile(r"(?<![А-Яа-яЁё])([А-Яа-яЁё]{3,})([.:,;]?\s+)([А-Яа-яЁёA-Za-z])(?=(?:19|20)\d\d(?!\d))")
# the digits a scan may read as a letter of like shape (the strokes of 1 or 7 as Т / Г, of 0 as О)
LETTER_DIGITS = {"О": "0", "о": "0", "O": "0", "o": "0", "Т": "17", "Г": "17", "I": "1", "l": "1", "|": "1",
                 "!": "1", "З": "3", "з": "3", "Б": "6", "б": "6"}
_DIGITISH = "[0-9" + re.escape("".join(LETTER_DIGITS)) + "]"
LETTER_DATE_RE = re.compile(rf"(?<![\w.,|!])({_DIGITISH}{{1,2}})\.({_DIGITISH}{{2}})\.({_DIGITISH}{{4}})(?![\w|!])")
# a numeric date with a letter in it, in its day or month ("0Т.03.2020": Т for 1 or 7?) or in its
# year too ("01.9Г.202"): damage where no mend took it (a full year may have "г" glued after it)
LETTERED_DATE_RE = re.compile(r"(?<![\w.])\w{1,2}[.,]\w{1,2}[.,](?:\w{2,4}(?!\w)|(?:19|20)\d\d(?!\d))")
# a word that may be a recurrence adverb whose first letter was read as a digit ("6жегодно")
RECURRENCE_TOKEN_RE = re.compile(r"(?<![\w])[0-9][А-Яа-яЁё]{6,}")
# a range whose second month a scan broke into pieces ("май-и ‚юнь", "март-р ‚ель"): a month, its
# dash, then a short piece and the rest after a space or a speck; glued, the pieces are a month,
# a month's tail or near one (the first month alone would read as the whole range, a wrong date)
BROKEN_RANGE_RE = re.compile(r"(?<![А-Яа-яЁё])(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр"
                             r"|ноябр|декабр)[а-яё]*[^\S\n]*[-–—][^\S\n]*([А-Яа-яЁё]{1,3})"
                             r"(?:[^\S\n]+[^\w\s]*|[^\w\s]+)[^\S\n]*([А-Яа-яЁё]+)", re.I)
# marks, letters or a lone digit no word is between a month (or a quarter's, a half-year's word) and its
# year ("ноябрь: 2024", "декабрь ь 2024", "сентябрь. ь.2026", "ноябрь 4 2024", "III квартал :2022",
# "II–III кварталы: 2024": no
# date writes a day after its month): the month or quarter would be lost and the whole year read
MONTH_SPECK_YEAR_RE = re.compile(r"(?<![а-яё])(январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь"
                                 r"|ноябрь|декабрь|квартал[аы]?|полугодие|полугодия)((?:[^\S\n]*[:;’'`‚^°*.,“”„\"«»]+|\s+[бдеёжзйлмнпртфхцчшщъыьэю](?![а-яё])"
                                 r"|[^\S\n]+\d(?![\d.,])"
                                 # a dash opening the year's line, or with a letter after it ("декабрь\n-ь 2024");
                                 # a dash at the month's line end may be a range's, cut ("март –\n2024 г.")
                                 r"|[^\S\n]*\n[^\S\n]*[-–—][^\S\n]*[бдеёжзйлмнпртфхцчшщъыьэю]?(?![а-яё])"
                                 r"|[^\S\n]*[-–—][^\S\n]*[бдеёжзйлмнпртфхцчшщъыьэю](?![а-яё]))+)"
                                 r"\s*(?=(?:19|20)\d\d(?!\d))", re.I)
MAX_ABBREVIATION = 5

# a recurrence adverb split by a space near its end, its first letter perhaps read as a digit
# ("6жекварталь но"): joined, it must be one edit from exactly one adverb (``recurrence_reading``)
SPLIT_ADVERB_RE = re.compile(r"(?<!\w)([0-9А-Яа-яЁё][А-Яа-яЁё]{4,})\s+([а-яё]{1,3}|[А-ЯЁ]{2,4})(?!\w)")   # "ежекварта ЛБНО"


def _match_case(original: str, new: str) -> str:
    if original.isupper():
        return new.upper()
    return new[:1].upper() + new[1:] if original[:1].isupper() else new


def repair_date_words(text: str) -> tuple[str, bool]:
    """``text`` with the certain slips of month names and years mended, and whether any was."""
    changed = False

    def month(m: re.Match) -> str:
        nonlocal changed
        form = month_reading(m.group(0))[0] or recurrence_reading(m.group(0)) or period_reading(m.group(0))
        if form is None:
            return m.group(0)
        changed = True
        return _match_case(m.group(0), form)

    def year(m: re.Match) -> str:
        nonlocal changed
        fixed = re.sub(r"[lI|!]", "1", m.group(1))
        changed = changed or fixed != m.group(1)
        return fixed

    def spaced(m: re.Match) -> str:
        nonlocal changed
        if not (1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12):
            return m.group(0)
        fixed = f"{m.group(1)}.{m.group(2)}.{m.group(3)}{m.group(4)}"
        changed = changed or fixed != m.group(0)
        return fixed

    def two_years(m: re.Match) -> str:
        nonlocal changed
        changed = True
        in_list = m.string[m.end():m.end() + 1] == ","      # "20222023, 2024": a list's comma lost too
        return f"{m.group(1)}{',' if in_list else ''} {m.group(2)}"

    def marked(m: re.Match) -> str:
        nonlocal changed
        year = re.sub(r"\D", "", m.group(3))
        if not (1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12 and year[:2] in ("19", "20")):
            return m.group(0)
        fixed = f"{m.group(1)}.{m.group(2)}.{year}"
        changed = changed or fixed != m.group(0)
        return fixed

    def lost_dot(m: re.Match) -> str:
        nonlocal changed
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if calendar_date(int(m.group(5)), int(month), int(day)) is None:
            return m.group(0)
        changed = True
        return f"{day}.{month}.{m.group(5)}"

    def moved_dot(m: re.Match) -> str:
        nonlocal changed
        if calendar_date(int(m.group(3) + m.group(4)), int(m.group(2)), int(m.group(1))) is None:
            return m.group(0)
        changed = True
        return f"{m.group(1)}.{m.group(2)}.{m.group(3)}{m.group(4)}"

    def speck_year(m: re.Match) -> str:
        nonlocal changed
        word = m.group(1).lower().replace("ё", "е")
        if word not in MONTH_WORDS:
            # the month's own last letter split off and glued to the year ("дфкабр ь2024"): the month
            # with it, read as any misread month is
            whole = word + m.group(3).lower()
            form = whole if whole in MONTH_WORDS else month_reading(whole)[0]
            if form is None or m.group(2).strip():
                return m.group(0)
            changed = True
            return _match_case(m.group(1), form) + " "
        changed = True        # a colon there is a speck too: "октябрь: ь2024" is October 2024
        return m.group(1) + (" " if m.group(2).strip() in (":", ";") else m.group(2))

    def split_adverb(m: re.Match) -> str:
        nonlocal changed
        if is_known_word(m.group(1)):
            return m.group(0)
        joined = (m.group(1) + m.group(2)).lower().replace("ё", "е")
        form = joined if joined in RECURRENCE_WORDS or joined in MONTH_WORDS else (
            recurrence_reading(joined) or month_reading(joined)[0])   # "сенляб рь" -> "сентябрь"
        if form is None:
            return m.group(0)
        changed = True
        return _match_case(m.group(1).lstrip("0123456789") or m.group(1), form)

    def lettered(m: re.Match) -> str:
        nonlocal changed
        token = m.group(0)
        letters = [k for k, ch in enumerate(token) if not ch.isdigit() and ch != "."]
        if len(letters) != 1:
            return token                  # no letter, or more than one: no certain reading
        readings = set()
        for digit in LETTER_DIGITS[token[letters[0]]]:
            day, month_no, year = (token[:letters[0]] + digit + token[letters[0] + 1:]).split(".")
            if year[:2] in ("19", "20") and calendar_date(int(year), int(month_no), int(day)):
                readings.add(f"{day}.{month_no}.{year}")
        if len(readings) != 1:
            return token                  # "0Т.03.2020": 01 or 07, left (damage)
        changed = True
        return readings.pop()

    text = SPLIT_ADVERB_RE.sub(split_adverb, text)
    text = RECURRENCE_TOKEN_RE.sub(month, text)
    text = LETTERS_RE.sub(month, text)
    text = LETTER_DATE_RE.sub(lettered, text)
    text = SPECK_BEFORE_YEAR_RE.sub(speck_year, text)
    text = GLUED_YEARS_RE.sub(two_years, text)
    dotted = LISTED_DOTTED_YEAR_RE.sub(listed_year, text)     # "2023, 2024, 202.5": a speck inside a listed year
    changed, text = changed or dotted != text, dotted
    text = MARKED_DATE_RE.sub(marked, text)
    text = SPACED_DATE_RE.sub(spaced, text)
    text = LOST_DOT_DATE_RE.sub(lost_dot, text)
    text = MOVED_DOT_DATE_RE.sub(moved_dot, text)
    text, digits_mended = mend_date_digits(text)
    # a speck between a month mended just now and its year ("октябр Б 2024" -> "октябрь 2024")
    specked = MONTH_SPECK_YEAR_RE.sub(r"\1 ", text)
    return YEAR_ONE_RE.sub(year, specked), changed or digits_mended or specked != text


def _damaged_word(word: str) -> bool:
    w = word.lower().replace("ё", "е")
    letters = "".join(LETTERS_RE.findall(w))
    if not letters or word.isupper() and 1 < len(letters) <= MAX_ABBREVIATION:
        return False                    # an abbreviation ("ГИА", "ЦЗН")
    if w.isalpha() and is_known_word(w):
        return False
    if DATE_STEM_RE.search(letters) and not (PERIOD_WORD_RE.fullmatch(w) or any(
            letters == f for _, f in MONTH_FORMS)):
        return True                     # "декабрузоз3", "тквартала": a date word run into junk
    if not w.isalpha():
        return False
    if len(w) >= 3 and any(f.endswith(w) for _, f in MONTH_FORMS if len(f) - len(w) >= 2):
        return True                     # the tail of a month name, its head lost: "брь", "ября"
    return month_reading(w)[1]


def _lettered_date(token: str) -> bool:
    if re.search(r"\d(?:г|гг)$", token, re.I):
        return False                    # a short year with its "г" glued ("31.12.21г"): no letter inside
    return sum(ch.isdigit() for ch in token) >= 4 and any(ch.isalpha() for ch in token)


def _month_in_pieces(glued: str) -> bool:
    w = glued.lower().replace("ё", "е")
    if w in MONTH_WORDS or month_reading(w)[1]:
        return True
    return len(w) >= 3 and any(f.endswith(w) for _, f in MONTH_FORMS if len(f) > len(w))


def ends_with_dash(text: str | None) -> bool:
    """True when the cell ends with a dash after a date: maybe a range cut short (flag it)."""
    return bool(text) and bool(TRAILING_DASH_RE.search(text))


# the head of a month name with a mark no word holds glued after it, its tail lost ("ма|" — март
# or май?)
MONTH_HEAD_JUNK_RE = re.compile(r"(?<![А-Яа-яЁё])([А-Яа-яЁё]{2,4})[|!\]\[\\{}](?![А-Яа-яЁё])")


def _month_head(letters: str) -> bool:
    w = letters.lower()
    return any(f.startswith(w) and f != w for _, f in MONTH_FORMS)


# a part's number with a lone capital and a stop before it ("И. 1 квартал" for "III квартал"): the
# numeral's strokes read as letters and marks, the digit may be a piece of it
JUNK_BEFORE_PART_RE = re.compile(r"(?<![\w.])[А-ВД-ЯЁA-Z][.,:;'`’]\s*(?:\d|[IVХ]+)\s*(?:-?[йяео]{0,2}\s*)?(?:[кК]вартал|[пП]олугод)")


# a numeric date that lost a dot between its day and month ("309.2020": 30.9 or 3.09?)
SHORT_DAY_MONTH_RE = re.compile(r"(?<![\d.,])\d{3}\.(?:19|20)\d\d(?!\d)")
# a year range one of whose years has a digit too many ("2024-20926")
LONG_YEAR_RANGE_RE = re.compile(r"(?<!\d)(?:(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d{3,}|(?:19|20)\d{3,}\s*[-–—]\s*(?:19|20)\d\d)(?!\d)")
# a lower-case word on the line before a year, perhaps with a short piece after it
UNKNOWN_BEFORE_YEAR_RE = re.compile(r"(?<![А-Яа-яЁё])([а-яё]{4,})(?:[^\S\n]+[а-яё]{1,2})?[^\S\n]+(?:19|20)\d\d(?!\d)")


# marks inside a numeric date where no dot is ("01:+2.2023" for "01.12.2023": "2.2023" alone would read
# as February); a month with "года" and no year ("декабрь года,": the year lost); one year twice in a
# row ("2024 2024": a word read as the year beside it)
JUNK_IN_DATE_RE = re.compile(r"(?<![\w.])\d{1,2}[^\w\s.]{1,2}\d{1,2}\.(?:19|20)\d\d(?!\d)")
YEARLESS_MONTH_RE = re.compile(
    rf"(?<![А-Яа-яЁё])(?:{'|'.join(sorted(MONTH_WORDS, key=len, reverse=True))})[^\S\n]+(?:года|г\.)(?![А-Яа-яЁё])", re.I)
REPEATED_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20)\d\d)[^\S\n]+\1(?![\d.])")


def damaged_dates(text: str | None) -> bool:
    """True when the cell holds a date that OCR damaged beyond a certain repair (see module doc)."""
    if not text:
        return False
    if JUNK_IN_DATE_RE.search(text) or YEARLESS_MONTH_RE.search(text) or REPEATED_YEAR_RE.search(text):
        return True
    if (BAD_YEAR_RE.search(text) or JUNK_BEFORE_PART_RE.search(text) or DANGLING_DASH_RE.search(text) or LATIN_JUNK_RE.search(text)
            or LOST_DOT_DATE_RE.search(text)):     # a date that lost a dot and reads no one way
        return True
    if any(_lettered_date(m.group(0)) for m in LETTERED_DATE_RE.finditer(text)):
        return True
    if any(_month_in_pieces(m.group(1) + m.group(2)) for m in BROKEN_RANGE_RE.finditer(text)):
        return True
    if any(_month_head(m.group(1)) for m in MONTH_HEAD_JUNK_RE.finditer(text)):
        return True
    if LONG_YEAR_RANGE_RE.search(text) or SHORT_DAY_MONTH_RE.search(text):
        return True                     # "2024-20926": a digit too many, no telling which
    if any(not is_known_word(m.group(1)) for m in UNKNOWN_BEFORE_YEAR_RE.finditer(text)):
        return True                     # "сенляб рь 2024": no month read, the whole year would be a guess
    if _day_lost(text) or LONG_DAY_RE.search(text) or (NUMERIC_DATE_RE.search(text) and LONE_NUMBER_LINE_RE.search(text)):
        return True                     # "декабря 2022 г.", "до 253 декабря", "04.12.2023\n25"
    return any(_damaged_word(w) for w in WORD_RE.findall(text))


# a quarter's or half-year's Roman numeral, then a word, then a year ("IV квартал 2023"): the word
# must be the period's ("IV &вартан 2023" would otherwise cover the whole year)
ROMAN_THEN_WORD_RE = re.compile(r"(?<![\w.])(?:I{1,3}|IV)[^\S\n]+(\S+)[^\S\n]+(?:19|20)\d\d(?!\d)")
PERIOD_WORD_HEADS = ("кв", "полуг", "п/г")
PADDED_DAY_RE = re.compile(r"(?<![\d.])(\d{1,2})\.[01]\d\.(?:19|20)\d\d(?!\d|\.\d)")


def damaged_on_scan(text: str | None) -> bool:
    """True when a scan's cell reads as a date only by a slip a typed text does not make: a quarter's
    numeral before a word that is not the quarter's ("IV &вартан 2023 года" would cover the whole
    year; a typed "I этап 2023 года" is no slip) or a day both zero-padded and one digit in one
    cell ("01.03.2020\n3.03.2020": "31" lost a digit)."""
    if not text:
        return False
    return any(not m.group(1).lower().startswith(PERIOD_WORD_HEADS) for m in ROMAN_THEN_WORD_RE.finditer(text)) \
        or _day_widths_differ(text)


def _day_widths_differ(text: str) -> bool:
    """Whether a cell's numeric dates write their day both ways: one zero-padded ("01.03.2020"), one
    a single digit ("3.03.2020"), their month padded alike (a typist keeps one way; a scan lost a
    digit: "31" read "3")."""
    days = PADDED_DAY_RE.findall(text)
    return any(d.startswith("0") for d in days) and any(len(d) == 1 for d in days)


# a month in the genitive is a day's ("1 декабря") or a word's that takes it ("до декабря", "в
# течение декабря"); with neither before it ("декабря 2022 г." for "до 1 декабря", "Во декабря" for
# "до 20 декабря") a scan lost its day, and the month alone would be a confident wrong date
GENITIVE_MONTHS = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
GENITIVE_MONTH_RE = re.compile(rf"(?<![А-Яа-яЁё])({GENITIVE_MONTHS})(?![А-Яа-яЁё])", re.I)
GENITIVE_GOVERNORS = frozenset({"до", "с", "со", "от", "по", "течение", "конца", "начала", "середины", "конец",
                                "начало", "середина", "после", "позднее", "позже", "окончания", "декады", "половины",
                                "недели", "месяца", "числа"})
DAY_AT_END_RE = re.compile(r"(?<!\d)\d{1,2}(?:-?го)?[»\"”’'`]?[^\S\n]*$")     # "до”25 декабря": a speck glued
DAY_TOKEN_RE = re.compile(r"^[«\"]?\d{1,2}(?:[-–—]\d{1,2})?(?:-?го)?[»\"]?$")
LONG_DAY_RE = re.compile(rf"(?<![\d.])(?!(?:19|20)\d\d\b)\d{{3,}}[^\S\n]+{GENITIVE_MONTHS}(?![а-яё])", re.I)
NUMERIC_DATE_RE = re.compile(r"(?<![\d.])[0-3]?\d\.[01]\d\.(?:19|20)\d\d(?![\d.])")
LONE_NUMBER_LINE_RE = re.compile(r"(?m)^[^\S\n]*\d{1,2}[^\S\n]*$")


SPECK_MARKS = ",;:‘’'`‚"


def _day_lost(text: str) -> bool:
    """Whether a month in the genitive has neither a day nor a word that takes it before it."""
    for m in GENITIVE_MONTH_RE.finditer(text):
        before = text[:m.start()]
        if re.search(r"[-–—][^\S\n]*$", before):
            continue                    # the second month of a range ("ноября–декабря")
        words = [w for w in before.split() if w.strip(SPECK_MARKS)]     # "до 20 ‘декабря": a speck's mark
        prev = words[-1].strip(SPECK_MARKS).lower() if words else ""
        if not (DAY_TOKEN_RE.match(prev) or prev in GENITIVE_GOVERNORS or DAY_AT_END_RE.search(before)):
            return True
    return False


# ---------------------------------------------------------------- a deadline in a neighbour's cell

_YEAR_WORDS_RE = re.compile(r"(?<![а-я])(?:гг|годы|годов|года|год|г)\.?(?![а-я])")


def deadline_only(text: str | None) -> bool:
    """True when ``text`` is a deadline and nothing else ("В течение проекта", "Ежегодно",
    "май 2020 г."): every word is a date, a recurrence or a date marker, and the date rules read it.
    A line of a responsible or result cell that is one came from the deadline cell beside it
    (its rule lost on a scan)."""
    from normalizers.deadlines import (
        CONTINUOUS_RE, ON_DEMAND_RE, PERIODIC_RES, PLAN_RE, TIMES_PER_YEAR_RE, TOKEN_RE, normalize_deadline, prepare,
    )

    if not text or not re.search(r"[А-Яа-яЁёA-Za-z]", text):
        return False                    # a bare number ("2020") may be a value: not taken
    rest = prepare(text)
    for rx in (ON_DEMAND_RE, TIMES_PER_YEAR_RE, *(r for _, r in PERIODIC_RES), CONTINUOUS_RE, PLAN_RE, TOKEN_RE,
               _YEAR_WORDS_RE):
        rest = rx.sub(" ", rest)
    if re.search(r"[а-яa-z]", rest):
        return False
    norm = normalize_deadline(text, None)
    return not norm.flags or norm.flags == ["deadline_year_unknown"]
