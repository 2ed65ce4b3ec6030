"""The words and patterns of deadline cells: month, season and ordinal names, recurrence wordings,
the token patterns of ``normalizers.deadline_reading`` and the phrasings rewritten before it reads.

Part of the deadline normaliser (``normalizers.deadlines``); plain constants, no functions.
"""

from __future__ import annotations

import re

RECURRENCES = ("once", "annual", "semiannual", "quarterly", "monthly", "continuous", "on_demand", "unspecified")
PERIOD_SLACK_YEARS = 2
MAX_EXPANDED_YEARS = 60

FLAG_UNPARSED = "deadline_unparsed"
FLAG_MISSING = "deadline_missing"
FLAG_YEAR_UNKNOWN = "deadline_year_unknown"
FLAG_OUT_OF_PERIOD = "deadline_out_of_period"
FLAG_UNFINISHED_RANGE = "deadline_range_unfinished"
FLAG_PART_UNNUMBERED = "deadline_part_unnumbered"
FLAG_PARTLY_UNREAD = "deadline_partly_unread"
FLAG_RANGE_REVERSED = "deadline_range_reversed"

# ---------------------------------------------------------------- name tables

MONTH_FORMS: tuple[tuple[int, str], ...] = (
    (1, r"январ[ьяе]|янв"),
    (2, r"феврал[ьяе]|фев"),
    (3, r"март[ае]?|мар"),
    (4, r"апрел[ьяе]|апр"),
    (5, r"ма[йяе]"),
    (6, r"июн[ьяе]?"),
    (7, r"июл[ьяе]?"),
    (8, r"август[ае]?|авг"),
    (9, r"сентябр[ьяе]|сент?"),
    (10, r"октябр[ьяе]|окт"),
    (11, r"ноябр[ьяе]|нояб?"),
    (12, r"декабр[ьяе]|дек"),
)
# season: (first month, last month, years the last month lies after the first)
SEASON_FORMS: tuple[tuple[tuple[int, int, int], str], ...] = (
    ((12, 2, 1), r"зим[аеуы]|зимой|зимн[а-я]*"),
    ((3, 5, 0), r"весн[аеуы]|весной|весенн[а-я]*"),
    ((6, 8, 0), r"лет[оау]|летом|летн[а-я]*"),
    ((9, 11, 0), r"осен[ьи]|осенью|осенн[а-я]*"),
)
ORDINAL_WORDS: tuple[tuple[int, str], ...] = (
    (1, r"перв"), (2, r"втор"), (3, r"трет"), (4, r"четв[её]рт"),
)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
DASHES = "‐‑‒–—―−-"
ROMAN_NUMERAL_CHARS = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "І": "I"}

# ------------------------------------------------------------ recurrence words

ON_DEMAND_RE = re.compile(
    r"по\s+мере\s+[а-я]+|по\s+необходимости|при\s+необходимости|в\s+случае\s+необходимости"
    r"|по\s+запрос[а-я]*|по\s+требовани[а-я]*|по\s+заявк[а-я]*|по\s+потребност[а-я]*"
    r"|по\s+показаниям|по\s+факт[уа]?(?![а-я])|(?:при|в\s+случае|по\s+мере)\s+(?:выявлени|поступлени|возникновени|обнаружени|установлени)[а-я]*"
)
PERIODIC_RES: tuple[tuple[str, re.Pattern], ...] = (
    ("annual", re.compile(r"ежегодн[а-я]*|раз\s+в\s+год(?![а-я])|кажд[а-я]+\s+год(?![а-я])")),
    ("semiannual", re.compile(
        r"ежеполугодн[а-я]*|(?:2|два|дважды)\s+(?:раза\s+)?в\s+год(?![а-я])|раза?\s+в\s+(?:полугодие|пол\s*года)"
        r"|кажд[а-я]+\s+(?:полугодие|полгода)|по\s+полугодиям")),
    ("quarterly", re.compile(r"ежеквартальн[а-я]*|поквартальн[а-я]*|раза?\s+в\s+квартал|кажд[а-я]+\s+квартал|по\s+кварталам"
                             # a school term (четверть) is the school's quarter
                             r"|ежечетвертн[а-я]*|раза?\s+в\s+четверть|кажд[а-я]+\s+четверт[а-я]*|по\s+четвертям"
                             r"|по\s+итогам\s+(?:каждой\s+)?четверт[а-я]*")),
    ("monthly", re.compile(r"ежемесячн[а-я]*|помесячн[а-я]*|раза?\s+в\s+месяц|кажд[а-я]+\s+месяц")),
)
TIMES_PER_YEAR_RE = re.compile(r"(?<![0-9а-я])(\d{1,2}|[а-я]+)\s+раза?\s+в\s+год(?![а-я])")
TIMES_PER_YEAR = {1: "annual", 2: "semiannual", 4: "quarterly", 12: "monthly"}
WORD_NUMBERS = {"один": 1, "одного": 1, "два": 2, "двух": 2, "три": 3, "трех": 3, "четыре": 4, "четырех": 4,
                "пять": 5, "шесть": 6, "двенадцать": 12}
CONTINUOUS_RE = re.compile(
    r"постоянн[а-я]*|на\s+постоянной\s+основе|в\s+постоянном\s+режиме|бессрочно|круглогодичн[а-я]*"
    r"|ежедневн[а-я]*|еженедельн[а-я]*|систематически|регулярно"
    r"|в\s+течени[еи]\s+(?:(?:всего|текущего|календарного|учебного|отчетного|каждого)\s+)?"
    r"(?:года|проекта|периода|срока|реализации|программы|дорожной|плана|действия)"
    r"|(?:весь|всего)\s+период[а-я]*|на\s+протяжении|в\s+период\s+реализации"
)
PLAN_RE = re.compile(
    r"по\s+план[а-я]*|по\s+график[а-я]*|согласно\s+(?:план|график)[а-я]*"
    r"|в\s+соответствии\s+с\s+(?:план|график|календар)[а-я]*|в\s+установленные\s+сроки"
    r"|в\s+сроки,?\s+установленн[а-я]*|по\s+отдельному\s+[а-я]+"
)

# -------------------------------------------------------------------- tokens

_B = r"(?<![а-яa-z0-9])"  # left word boundary on prepared (lower-case) text
_E = r"(?![а-яa-z0-9])"   # right word boundary
_BL = r"(?<![а-яa-z])"     # letter-only boundaries: "мая2019", "кв.2019" (OCR lost the space)
_EL = r"(?![а-яa-z])"
MONTH_ALT = "|".join(f"(?:{form})" for _, form in MONTH_FORMS)
SEASON_ALT = "|".join(f"(?:{form})" for _, form in SEASON_FORMS)
ORD = (r"(?:iv|iii|ii|i|[1-4])(?:\s*-?\s*(?:й|ый|ий|ой|ом|ем|го|ого|его|е|ое|ая|ья)(?![а-я]))?"
       r"|(?:перв|втор|трет|четв[её]рт)[а-я]*")
YEAR_WORD = r"(?:\s*(?:гг|г|годы|годов|годах|годам|годом|году|года|год)\.?(?![а-я]))?"

# token kinds in the order they are tried; the first group name of a match is its kind
TOKEN_PATTERNS: tuple[tuple[str, str], ...] = (
    ("numdate", r"(?<![\d.])(?P<nd_d>[0-3]?\d)\.(?P<nd_m>[01]?\d)\.(?P<nd_y>(?:19|20)\d\d|\d\d)(?!\d|\.\d)"
                + YEAR_WORD),
    ("isodate", r"(?<!\d)(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?!\d)"),
    ("school", r"(?<!\d)(?P<sy_a>(?:19|20)\d\d)\s*[-/]\s*(?P<sy_b>(?:19|20)?\d\d)(?!\d)\s*(?:гг?\.?\s*)?"
               r"(?:уч\.?|учебн[а-я]*)(?:\s*(?:гг?\.?|год[а-я]*)(?![а-я]))?"),
    ("part", rf"{_B}(?P<pu_ords>(?:{ORD})(?:\s*(?:-|,|и)\s*(?:{ORD}))*)\s*"
             rf"(?P<pu_kind>квартал[а-я]*|кв\.?|полугоди[а-я]*|полугод\.?|половин[а-я]*){_EL}"),
    ("daymonth", rf"(?:с\s+(?=\d{{1,2}}\s*(?:-|по|до)\s*\d))?(?<!\d)(?P<dm_d1>[0-3]?\d)"
                 rf"(?:\s*(?:-|по|до)\s*(?P<dm_d2>[0-3]?\d))?(?:\s*-?(?:го|ое|е|ого)(?![а-я]))?"
                 rf"\s*(?P<dm_m>{MONTH_ALT})\.?{_EL}"),
    ("month", rf"{_BL}(?:{MONTH_ALT})\.?{_EL}"),
    ("season", rf"{_BL}(?:{SEASON_ALT}){_EL}"),
    # "12.2023": a month and its year, numerically (no day)
    ("monthyear", r"(?<![\d.])(?P<my_m>0?[1-9]|1[0-2])\.(?P<my_y>(?:19|20)\d\d)(?!\d|\.\d)" + YEAR_WORD),
    ("year", r"(?<!\d)(?P<y>(?:19|20)\d\d)(?!\d)" + YEAR_WORD),
    ("dalee", rf"{_B}(?:далее|в\s+дальнейшем|затем){_E}"),
    ("vtech", rf"{_B}в\s+течени[еи]{_E}"),
    ("do", rf"{_B}(?:(?:в\s+срок\s+)?до|не\s+позднее|не\s+позже|к)"
           rf"(?:\s+(?:конца|концу|окончани[яю]|завершени[яю]))?{_E}"),
    ("po", rf"{_B}по{_E}"),
    ("s", rf"{_B}(?:начиная\s+)?со?(?:\s+начала)?{_E}"),
    ("sep", rf"[,;()/]|{_B}и{_E}"),
    ("dash", r"-"),
)
TOKEN_RE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in TOKEN_PATTERNS))
UNIT_GROUPS = ("numdate", "isodate", "monthyear", "school", "part", "daymonth", "month", "season")
WORD_CHAR_RE = re.compile(r"[а-яa-z0-9]")
OCR_YEAR_RE = re.compile(r"(?<![\w.])([12][0-9OoОо]{3})(?=$|[^\w]|г)")
HYPHEN_BREAK_RE = re.compile(r"([а-я]+)-\s+([а-я]+)")  # "ян- варь", "еже- годно" (a word split at a line end)
KNOWN_WORD_RE = re.compile(rf"(?:{MONTH_ALT}|{SEASON_ALT}|квартал[а-я]*|полугоди[а-я]*|ежегодн[а-я]*"
                           r"|ежеквартальн[а-я]*|ежемесячн[а-я]*|ежеполугодн[а-я]*|постоянн[а-я]*|необходимости"
                           r"|течение|проекта|учебн[а-я]*)")
SPACE_RE = re.compile(r"\s+")
MAX_SHORT_YEAR_SPAN = 10  # "2023-24": the short year at most ten years on (else it is no year)


def _long_second_year(m: re.Match) -> str:
    """"2023-24" → "2023-2024" when the short year comes after the full one; otherwise unchanged."""
    first, short = int(m.group(1)), int(m.group(4))
    second = int(m.group(2)) * 100 + short
    return f"{first}-{second}" if first < second <= first + MAX_SHORT_YEAR_SPAN else m.group(0)


# phrasings rewritten to the wording the rules read (on prepared, lower-case text)
PHRASE_REWRITES: tuple[tuple[re.Pattern, str], ...] = (
    # a preposition glued to its noun or a lost letter: "втечение года", "вечение года"
    (re.compile(r"(?<![а-я])в\s?т?ечени(?=[еия])"), "в течени"),
    # "последний месяц года" is December of every year
    (re.compile(r"(?<![а-я])(?:в\s+)?последн[а-я]*\s+месяц[а-я]*\s+(?:(?:каждого|текущего|календарного)\s+)?года(?![а-я])"),
     "декабрь ежегодно"),
    # a day in quotes, as legal dates print it: "до «31» декабря 2020 г."
    (re.compile(r"[«\"“„'‘]\s*([0-3]?\d)\s*[»\"”'’](?=\s*[а-я])"), r"\1"),
    # a single quote mark glued before a word, no day in quotes: a scan's speck ("до 20 ‘декабря")
    (re.compile(r"(?<=\s)[‘’'`‚]+(?=[а-я])"), ""),
    # a comma or full stop between a month and its year ("Октябрь, 2019 года"; a scan's speck)
    (re.compile(r"(?<![а-я])((?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*)"
                r"\s*[,.]\s*(?=(?:19|20)\d\d(?!\d))"), r"\1 "),
    # a range's second year written short: "2023-24 гг." is 2023-2024 (a day or a number goes on, no year)
    (re.compile(r"(?<![\d.,])((19|20)(\d\d))\s*-\s*(\d\d)(?![\d.,:])(?=\s*(?:гг?\.?(?![а-я])|год|уч|$|[,;)]))"),
     _long_second_year),
)


# date material in text no rule read (a "gap"): a month's name or a dotted number ("91.12.",
# "0-25 декабря"), or a quarter's or half-year's word right before a year ("ту моя квартал" 2023);
# phrases of a recurrence ("1 раз в квартал") are no date and are taken out first
UNREAD_DATE_RE = re.compile(rf"{_BL}(?:{MONTH_ALT})\.?{_EL}|\d[.,]\d"
                            # a month cut or broken ("сентяб", "сентяб. рь"): its year alone would be all of it
                            r"|(?<![а-я])(?:январ|феврал|апрел|август|сентяб|октяб|нояб|декаб)")
# ... a quarter's or half-year's word, also garbled into letters glued before it ("Шжвартал 2022 г.":
# "III квартал", its numeral and first letter misread): half of the word kept names it
UNREAD_PART_RE = re.compile(r"(?<![а-я])(?:[а-я]*(?:квар|артал)[а-я]*|кв|[а-я]*(?:полуго|олугод|лугоди)[а-я]*)\.?$")
RECURRENCE_PHRASE_RE = re.compile(r"(?:\d{1,2}|[а-я]+)\s+раза?\s+в\s+(?:год|квартал|полугодие|месяц)(?![а-я])"
                                  r"|(?:раз\s+)?в\s+(?:квартал|полугодие)(?![а-я])|(?:каждый|каждое|ежеквартальн[а-я]*)\s*(?:квартал|полугодие)?")
