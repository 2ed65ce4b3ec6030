"""OCR specks and lost spaces in deadline cells: marks a speck left around a date's parts, taken out.

A scan leaves marks where no date has any: before the first word ("” Ежегодно"), between a day and
its month ("до 25°декабря"), between a month and its year ("ноябрь: 2024"), inside or before a
year ("22 марта 20:24 г.", "-2024 г." on its own line), and loses the space before "г." or a
year's word ("2021г."). ``mend_deadline_text`` takes them out where no date could have them, so
the date rules read the date; ``mend_task_list`` spaces a list of task numbers. What stays
unreadable is left to ``normalizers.ocr_dates.damaged_dates`` (the caller flags it).
"""

from __future__ import annotations

import re

from normalizers.ocr_date_words import MONTH_STEMS
from normalizers.ocr_dates import GENITIVE_MONTHS, MONTH_SPECK_YEAR_RE, NUMERIC_DATE_RE
from normalizers.text import one_substitution

LEADING_SPECKS_RE = re.compile(r"^[\s”“‘’\"'.,:;‚`°^~_|]+(?=\S)")
# marks before a numeric date at the start of a later line ("01.12.2023\n..31.12.2025")
LINE_START_SPECKS_RE = re.compile(r"(?<=\n)[^\S\n]*[”“‘’\"'.,:;‚`°^~_|]+(?=[0-3]?\d\.[01]\d\.(?:19|20)\d\d)")
GLUED_YEAR_MARK_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)[.,-]?(г\.|гг\.?|года?\b|г\b)")
# a speck read as a dash at the start of the line that carries the year of a day and month
# ("до 15 апреля\n-2024 г."): a date's year takes no dash
DAY_MONTH = r"(?<!\d)[0-3]?\d\s+(?:" + "|".join(MONTH_STEMS) + r")[ая]"
# ... or of a month alone ("декабрь\n-2024 года"; a month followed by a year is no range), a lone
# letter after the month at the line end a speck too ("декабрь о\n-2024-года")
MONTH_ALONE = (r"(?<![а-яё])(?:январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь"
               r"|декабрь)(?![а-яё])")
DASH_BEFORE_YEAR_RE = re.compile(rf"({DAY_MONTH}|{MONTH_ALONE})(?:[^\S\n]+[а-яё])?[^\S\n]*\n[^\S\n]*[-–—][^\S\n]*"
                                 r"(?=(?:19|20)\d\d(?!\d))", re.I)


# a numeric date whose year's last digit a narrow column wrapped, a speck's mark before that digit
# ("01.09.202\n-0"): the mark goes, the digit follows the year after a space for the date rules
CUT_MARKS = r"\s+[-–—.,'`^°‚„“”\"_~*]+[^\S\n]*"
CUT_YEAR_MARK_RE = re.compile(rf"((?<![\d.])[0-3]?\d\.[01]\d\.(?:19|20)\d){CUT_MARKS}(?=\d(?!\d))")
# ... or before the last two, the date wrapped after its century ("01.06.20\n-23")
CUT_CENTURY_MARK_RE = re.compile(rf"((?<![\d.])[0-3]?\d\.[01]\d\.(?:19|20)){CUT_MARKS}(?=\d\d(?![\d.]))")
# "2022 г" / "2021-2023 гг" at the end of a cell or before a break: the stop of the abbreviation
# (a speck remover or the grain took it; a year's "г" is never a word of its own)
YEAR_ABBR_STOP_RE = re.compile(r"(?<!\d)((?:19|20)\d\d\s(?:г|гг))[:;,]?(?=[^\S\n]*(?:\n|$))")


# a mark read between a day and its month ("до 25°декабря", "до 25: декабря", "до 20 \"Декабря"): the day
# would be lost
SPECK_DAY_MONTH_RE = re.compile(rf"(?<![\d.,:])([0-3]?\d)(?:[^\S\n]?[°:’'`‚,.^*“”„\"])+[^\S\n]*"   # "до 1. ‚июня" too
                                rf"(?={GENITIVE_MONTHS}(?![а-яё]))", re.I)
# a stop read between a year and its word ("2023. года"), or another speck's mark ("2024`годы")
YEAR_STOP_WORD_RE = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?:\.[^\S\n]+|[^\S\n]*[`'’‚^°_]+[^\S\n]*)(?=(?:года|годы|годов|год|гг?\.)(?![а-яё]))")
# the word after a year one letter from a year's word ("2021-2023 ходы"): after a year nothing else
YEAR_WORDS = ("год", "года", "годы", "годов", "году")
WORD_AFTER_YEAR_RE = re.compile(r"(?<![\d.])((?:19|20)\d\d[^\S\n]+)([а-яё]{3,5})(?![А-Яа-яЁё])")


# a mark read between a month and its year ("20 января. 2022 года", "14 сентября`2022 г.",
# "25 декабря «2025 г."), or inside the year ("22 марта 20:24 г."): the act's date would be lost
SPECK_MONTH_YEAR_RE = re.compile(rf"(?<![а-яё])({GENITIVE_MONTHS})[^\S\n]?[.,:;’‘'`‚^°*“”„\"«»]+[^\S\n]*(?=(?:19|20)\d\d(?!\d))", re.I)
SPLIT_YEAR_AFTER_MONTH_RE = re.compile(rf"(?<![а-яё])({GENITIVE_MONTHS}[^\S\n]+)(19|20)[^\S\n]?[.,:;’'`‚][^\S\n]?(\d\d)(?![\d.,:])", re.I)


# a mark glued after a word before a space ("в течение` 2024-2026 годов"): a speck, and it
# would hide the words; a preposition run into its day ("до1 декабря")
WORD_MARK_RE = re.compile(r"(?<=[а-яё]{2})[`'’‚^°]+(?=\s)")
# "до" / "по" before a day as OCR misreads them: "д0", "д9" (a speck on the "о"'s side), "да", "цо" (the
# descender of "д" read as "ц"), Latin "no" ("п" read as "n"); a two-letter word before a day and
# its month is no other word
PREPOSITION_LOOKALIKE_RE = re.compile(r"(?<![А-Яа-яЁёA-Za-z0-9])([дДцЦ]|[пПnN])[оОoO09аАa]"
                                      r"(?=[-–—.,:;'`’]*[^\S\n]*[0-3]?\d(?!\d)[^\S\n]*[а-яё])")
# "в течение" with its "в" read as the "з" it looks like ("з течение 2024 года"; no word "з" exists),
# and a stop a speck put after "течение" ("в течение. 2024-2026 годов")
DURING_RE = re.compile(r"(?<![А-Яа-яЁёA-Za-z0-9])([зЗвВ])[^\S\n]*(течени[еия])[.,:;'`’]*(?=[^\S\n])")
GLUED_PREPOSITION_RE = re.compile(r"(?<![А-Яа-яЁё])([Дд]о|[Сс]|[Пп]о)(?:[-–—.,:;'`’]+[^\S\n]*)?(?=\d)")


def drop_month_year_speck(text: str) -> str:
    """"от 20 января. 2022 года" -> "от 20 января 2022 года", "22 марта 20:24 г." -> "22 марта 2024 г.":
    a mark between a month (genitive, of a day's date) and its year, or inside that year, is a speck."""
    if not text:
        return text
    return SPLIT_YEAR_AFTER_MONTH_RE.sub(r"\1\2\3", SPECK_MONTH_YEAR_RE.sub(r"\1 ", text))


def drop_day_month_speck(text: str) -> str:
    """"до 25°декабря" -> "до 25 декабря", "22. марта 2024 г" -> "22 марта 2024 г": a mark between a
    day and its month is a speck (a numeric date, "01.12.2023", has no month word)."""
    return SPECK_DAY_MONTH_RE.sub(r"\1 ", text) if text else text


# a year's "г." / "гг." with a letter read for its look-alike ("2024-2025 тг", "2023 r.")
YEAR_ABBR_LOOKALIKE_RE = re.compile(r"(?<![\d.])((?:19|20)\d\d[^\S\n]+)(?=[гтrГТ]{1,2}\.?(?![А-Яа-яЁёA-Za-z]))"
                                    r"(?![гГ]{1,2}\.?(?![А-Яа-яЁёA-Za-z]))([гтrГТ]{1,2})\.?")


# a speck's mark between a year and its "г."/"гг.", or for the stop after them ("2024-2025'гг", "2023 г‘")
YEAR_ABBR_MARKS_RE = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?:[^\S\n]?[’'‘`‚]+[^\S\n]?|[^\S\n])(гг?)"
                                r"(?:\.|[’'‘`‚]+|[:;](?=[^\S\n]*(?:\n|$)))?(?![А-Яа-яЁёA-Za-z.])")


def _year_word(m: re.Match) -> str:
    word = m.group(2)
    if word in YEAR_WORDS:
        return m.group(0)
    near = [w for w in YEAR_WORDS if one_substitution(w, word)]
    return m.group(1) + near[0] if len(near) == 1 else m.group(0)


# a digit and a dot glued before a whole date ("1.31.12.2022"): a speck, no date has four parts
SPECK_BEFORE_DATE_RE = re.compile(r"(?<![\d.,])\d[.,](?=[0-3]\d\.[01]\d\.(?:19|20)\d\d(?![\d.]))")


# a speck's hyphen inside the day after "до" ("до 1-5 апреля" for "до 15 апреля"): "до" takes one
# date, never a range of days
SPLIT_DAY_AFTER_DO_RE = re.compile(rf"(?<![А-Яа-яЁё])([Дд]о[^\S\n]+)(\d)[-–—](\d)(?=[^\S\n]+{GENITIVE_MONTHS}(?![а-яё]))", re.I)


# a speck's dash before a year in a list of years ("август-сентябрь 2023, -2024, 2025"): no range
# opens after a list's comma
LISTED_YEAR_DASH_RE = re.compile(r"((?:19|20)\d\d,)[^\S\n]*[-–—][^\S\n]*(?=(?:19|20)\d\d(?!\d))")


def _day_joined(m: re.Match) -> str:
    day = int(m.group(2) + m.group(3))
    return f"{m.group(1)}{day}" if 1 <= day <= 31 else m.group(0)


def _preposition(m: re.Match) -> str:
    if m.group(0).lower() in ("до", "по"):
        return m.group(0)
    word = "до" if m.group(1) in "дДцЦ" else "по"
    return word.capitalize() if m.group(1).isupper() else word


# a short run of Latin letters ending a deadline in words ("постоянно ry", "ежегодно rw")
LATIN_TAIL_RE = re.compile(r"(?<=[а-яё])[^\S\n]+[A-Za-z]{1,3}[^\S\n]*$")
# ... or an opening bracket no bracket closes, with a letter or two after it ("постоянно (О", "постоянно (К")
OPEN_BRACKET_TAIL_RE = re.compile(r"(?<=[а-яё])[^\S\n]+\([^\S\n]*[А-Яа-яЁё]{1,2}[.,]?[^\S\n]*$")
# a stroke read as "1" between a range's dash and a month in the nominative ("август- 1 сентябрь 2022"):
# no day is written before a nominative month, and the range would end on the 1st
STROKE_BEFORE_MONTH_RE = re.compile(rf"(?<=[-–—])([^\S\n]*)[1|lI][^\S\n]+(?={MONTH_ALONE})")
# a line of marks alone between two lines of a cell ("до 15 апреля\n‚\n2024 г."): a speck, and it would part
# the date from its year (the year alone read as the whole year); a dash's line is a range's and stays
SPECK_LINE_RE = re.compile(r"\n[^\S\n]*[:;’'`‚^°*.,“”„\"«»_~]+[^\S\n]*(?=\n)")
# a stop read for the comma of a list of years ("август–сентябрь 2022. 2023; 2024"): the list would end
# there and the years after it read as whole years
LISTED_YEAR_STOP_RE = re.compile(r"(?<![\d.])((?:19|20)\d\d)\.(?=[^\S\n]*(?:19|20)\d\d[,;]?(?![\d.]))")
# a line of one upright stroke ("1", "|", "l") in a cell whose two numeric dates are whole: a piece of
# the column rule beside the dates, read as a character ("01.09.2023\n1\n31.08.2025")
STROKE_LINE_RE = re.compile(r"\n[^\S\n]*[1|lI!][^\S\n]*(?=\n|$)")


def mend_deadline_text(text: str | None) -> str | None:
    """A scan's deadline cell without the marks a speck left before its first word ("” Ежегодно",
    ".2018 г.") or before the year of a day and month (or a month) on its own line ("15 апреля\n-2024",
    "декабрь о\n-2024-года") or
    before the last digit (or two) of a numeric date's year on its own line ("01.09.202\n-0",
    "01.06.20\n-23"), and
    with the space before "г."/"года" a year lost or read as a stop ("2021г.", "2021.г." ->
    "2021 г.") and the stop of a year's "г"/"гг" at a line end lost ("2022 г" -> "2022 г."); a mark
    between a day and its month ("до 25°декабря"), a mark or a letter no word is between a month and its
    year ("ноябрь: 2024", "декабрь ь 2024") or a stop between a year and its word ("2023. года") is a speck, and the word after a year that is one letter from exactly one year's word is that
    word ("2021-2023 ходы" -> "2021-2023 годы"), and so is "г."/"гг." with a look-alike letter
    ("2024-2025 тг" -> "2024-2025 гг."); a hyphen inside the day after "до" is a speck
    ("до 1-5 апреля" -> "до 15 апреля"); "з течение." is "в течение"; a bar standing as a day before a
    month is "1" ("до | декабря"); a deadline in words with no digit loses a short run of Latin
    letters after them ("постоянно ry": no date is under it) or an unclosed bracket with a letter or
    two ("постоянно (О"); a line of marks alone ("апреля\n‚\n2024") and a stop between listed years
    ("2022. 2023; 2024") are specks; a line of one stroke ("1", "|") beside two
    whole numeric dates is a piece of the column rule ("01.09.2023\n1\n31.08.2025")."""
    if not text:
        return text
    text = SPECK_LINE_RE.sub("", LINE_START_SPECKS_RE.sub("", LEADING_SPECKS_RE.sub("", text)))
    text = STROKE_BEFORE_MONTH_RE.sub(r"\1", text)          # "август- 1 сентябрь"
    text = CUT_YEAR_MARK_RE.sub(r"\1 ", DASH_BEFORE_YEAR_RE.sub(r"\1\n", text))
    text = CUT_CENTURY_MARK_RE.sub(r"\1 ", text)              # "01.06.20\n-23"
    text = drop_day_month_speck(YEAR_STOP_WORD_RE.sub(r"\1 ", MONTH_SPECK_YEAR_RE.sub(r"\1 ", text)))
    text = drop_month_year_speck(text)          # "до 25 декабря“. 2025"
    text = PREPOSITION_LOOKALIKE_RE.sub(_preposition, WORD_MARK_RE.sub("", text))     # "цо 20 декабря"
    text = DURING_RE.sub(lambda m: ("В" if m.group(1).isupper() else "в") + " " + m.group(2), text)
    text = SPLIT_DAY_AFTER_DO_RE.sub(_day_joined, SPECK_BEFORE_DATE_RE.sub("", text))
    text = LISTED_YEAR_DASH_RE.sub(r"\1 ", LISTED_YEAR_STOP_RE.sub(r"\1,", text))   # "2023, -2024, 2025", "2022. 2023"
    text = WORD_AFTER_YEAR_RE.sub(_year_word, GLUED_PREPOSITION_RE.sub(r"\1 ", text))
    text = YEAR_ABBR_LOOKALIKE_RE.sub(lambda m: m.group(1) + "г" * len(m.group(2)) + ".", text)   # "2025 тг"
    text = YEAR_ABBR_MARKS_RE.sub(r"\1 \2.", text)     # "2024-2025'гг", "2023 г‘"
    text = ONE_DAY_RE.sub("1", text)                          # "до | декабря"
    if not re.search(r"\d", text):       # "постоянно ry": a speck's Latin letters after words no date is in
        text = OPEN_BRACKET_TAIL_RE.sub("", LATIN_TAIL_RE.sub("", text))
    if len(NUMERIC_DATE_RE.findall(text)) == 2:
        text = STROKE_LINE_RE.sub("", text)       # "01.09.2023\n1\n31.08.2025"
    text = TRAILING_JUNK_RE.sub("", LONE_LAST_LINE_RE.sub("", text))   # "2025 г.--.-.-", "2023 г.\n3", "постоянно”"
    text = MONTH_RANGE_DASH_YEAR_RE.sub(r"\1-\2 ", text)      # "февраль-, март-2022 г."
    return YEAR_ABBR_STOP_RE.sub(r"\1.", GLUED_YEAR_MARK_RE.sub(r"\1 \2", text))


# a range of two months whose dash a speck doubled with a comma or a stop, and a dash a speck put
# between it and its year ("февраль-, март-2022 г." is February to March 2022; read as written it was
# February to the end of 2022)
_MONTH_WORD = r"(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*"
MONTH_RANGE_DASH_YEAR_RE = re.compile(rf"(?<![а-яё])({_MONTH_WORD})[^\S\n]*[-–][,.]?[^\S\n]*({_MONTH_WORD})"
                                      r"[^\S\n]*[-–][^\S\n]*(?=(?:19|20)\d\d(?!\d))", re.I)


# specks after a deadline's last word: a run of dashes and stops, closing quotes no quote opened
# ("до 25 декабря 2025 г.--.-.-", "постоянно”"), or a last line of one digit or mark after a word or a
# year's "г." ("IV квартал 2023 г.\n3"; after a numeric date it may be a piece of the next one)
TRAILING_JUNK_RE = re.compile(r"(?<=[\wа-яё.])(?:[^\S\n]*[-–.]{2,}|[”\"'`^°*]+)[^\S\n]*$")
LONE_LAST_LINE_RE = re.compile(r"(?:(?<=[а-яё])|(?<=г\.))[^\S\n]*\n[^\S\n]*[\d|!'`^°*”\"-][^\S\n]*$")


# a lone bar or Latin "l" / "I" standing as a day before a genitive month is the day "1" ("до | декабря")
ONE_DAY_RE = re.compile(rf"(?<![\w.,|!])[|lI!](?=[^\S\n]+(?:{GENITIVE_MONTHS})(?![а-яё]))", re.I)


TASK_LIST_RE = re.compile(r"\d{1,2}(?:\s*,\s*\d{1,2})+")


def mend_task_list(text: str | None) -> str | None:
    """A cell listing task numbers with the space after each comma lost ("1,4" -> "1, 4")."""
    if not text or not TASK_LIST_RE.fullmatch(text.strip()):
        return text
    return re.sub(r"\s*,\s*", ", ", text.strip())
