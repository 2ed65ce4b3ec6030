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
- Any date outside P ± 2 years makes the cell unparsed (flag "deadline_out_of_period"),
  a day past the month's end is clamped to it ("31 июня" → 30 June).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Iterable

from normalizers.ocr_fixes import fix_latin_lookalikes

RECURRENCES = ("once", "annual", "semiannual", "quarterly", "monthly", "continuous", "on_demand", "unspecified")
PERIOD_SLACK_YEARS = 2
MAX_EXPANDED_YEARS = 60

FLAG_UNPARSED = "deadline_unparsed"
FLAG_MISSING = "deadline_missing"
FLAG_YEAR_UNKNOWN = "deadline_year_unknown"
FLAG_OUT_OF_PERIOD = "deadline_out_of_period"

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
UNIT_GROUPS = ("numdate", "isodate", "school", "part", "daymonth", "month", "season")
WORD_CHAR_RE = re.compile(r"[а-яa-z0-9]")
OCR_YEAR_RE = re.compile(r"(?<![\w.])([12][0-9OoОо]{3})(?=$|[^\w]|г)")
HYPHEN_BREAK_RE = re.compile(r"([а-я]+)-\s+([а-я]+)")  # "ян- варь", "еже- годно" (a word split at a line end)
KNOWN_WORD_RE = re.compile(rf"(?:{MONTH_ALT}|{SEASON_ALT}|квартал[а-я]*|полугоди[а-я]*|ежегодн[а-я]*"
                           r"|ежеквартальн[а-я]*|ежемесячн[а-я]*|ежеполугодн[а-я]*|постоянн[а-я]*|необходимости"
                           r"|течение|проекта|учебн[а-я]*)")
SPACE_RE = re.compile(r"\s+")
# phrasings rewritten to the wording the rules read (on prepared, lower-case text)
PHRASE_REWRITES: tuple[tuple[re.Pattern, str], ...] = (
    # a preposition glued to its noun or a lost letter: "втечение года", "вечение года"
    (re.compile(r"(?<![а-я])в\s?т?ечени(?=[еия])"), "в течени"),
    # "последний месяц года" is December of every year
    (re.compile(r"(?<![а-я])(?:в\s+)?последн[а-я]*\s+месяц[а-я]*\s+(?:(?:каждого|текущего|календарного)\s+)?года(?![а-я])"),
     "декабрь ежегодно"),
    # a comma or full stop between a month and its year ("Октябрь, 2019 года"; a scan's speck)
    (re.compile(r"(?<![а-я])((?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*)"
                r"\s*[,.]\s*(?=(?:19|20)\d\d(?!\d))"), r"\1 "),
)


# ---------------------------------------------------------------- data types


@dataclass(frozen=True)
class DeadlineNorm:
    """One normalised deadline cell (shared/spec/deadlines.md)."""

    raw: str
    start: date | None
    end: date | None
    recurrence: str
    occurrences: list[tuple[date | None, date]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The export form: ISO strings, null for missing dates."""
        return {
            "raw": self.raw,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "recurrence": self.recurrence,
            "occurrences": [[_iso(a), _iso(b)] for a, b in self.occurrences],
        }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


@dataclass(frozen=True)
class Unit:
    """A calendar unit that needs a year: a month, day, quarter, half, season, year or school year.

    ``first``/``last`` are (month, day); day 0 in ``last`` means the month's last day.
    ``wrap`` is how many years ``last`` lies after ``first`` (winter, school years).
    ``bare`` marks a year written on its own: it scopes a recurrence rather than naming months.
    """

    first: tuple[int, int]
    last: tuple[int, int]
    year: int | None = None
    wrap: int = 0
    bare: bool = False

    def start(self, year: int) -> date:
        return _safe_date(year, *self.first)

    def end(self, year: int) -> date:
        month, day = self.last
        return _safe_date(year + self.wrap, month, day or 31)


def _safe_date(year: int, month: int, day: int) -> date:
    """A date with the day clamped to the month's length ("31 июня" → 30 June)."""
    return date(year, month, min(max(day, 1), calendar.monthrange(year, month)[1]))


@dataclass
class Token:
    kind: str
    value: object = None
    gap_before: str = ""  # the text between the previous token and this one


@dataclass
class Item:
    """A resolved-to-be piece of the cell: single unit, range a–b, deadline "до a", open range "с a"."""

    kind: str  # single | range | deadline | open
    a: Unit
    b: Unit | None = None

    @property
    def units(self) -> list[Unit]:
        return [self.a] + ([self.b] if self.b else [])

    @property
    def scoping(self) -> bool:
        return all(u.bare for u in self.units)

    @property
    def first_year(self) -> int | None:
        return self.a.year if self.a.year is not None else (self.b.year if self.b else None)


@dataclass
class Parsed:
    items: list[Item]
    dalee: bool = False
    scoped_continuous: bool = False  # "в течение 2019 года"


class _YearUnknown(Exception):
    """A unit needs a year and neither the text nor the period gives one."""


Interval = tuple[date | None, date | None]

# ------------------------------------------------------------ text preparation


def collapse_whitespace(text: str | None) -> str:
    """The ``raw`` form: whitespace (line breaks included) collapsed to single spaces."""
    return SPACE_RE.sub(" ", text or "").strip()


def _fix_ocr_year(m: re.Match) -> str:
    token = m.group(1)
    fixed = re.sub("[OoОо]", "0", token)
    digits = sum(ch.isdigit() for ch in token)
    if fixed != token and digits >= 2 and 1900 <= int(fixed) <= 2099:
        return fixed
    return token


def prepare(text: str) -> str:
    """Lower-case working text: OCR slips fixed where certain, one kind of dash, single spaces."""
    text = "".join(ROMAN_NUMERAL_CHARS.get(ch, ch) for ch in text)
    text = fix_latin_lookalikes(text)
    text = OCR_YEAR_RE.sub(_fix_ocr_year, text)
    text = text.lower().replace("ё", "е").replace("і", "i")
    text = text.translate({ord(d): "-" for d in DASHES})
    text = text.replace("г.г.", "гг.")
    text = HYPHEN_BREAK_RE.sub(_rejoin_known_word, collapse_whitespace(text))
    for pattern, replacement in PHRASE_REWRITES:
        text = pattern.sub(replacement, text)
    return text


def _rejoin_known_word(m: re.Match) -> str:
    """Rejoin a word hyphenated across a line only when the whole is a word we know."""
    joined = m.group(1) + m.group(2)
    return joined if KNOWN_WORD_RE.fullmatch(joined) else m.group(0)


# ------------------------------------------------------------------ tokenising


def _month_number(word: str) -> int:
    word = word.rstrip(".")
    for number, form in MONTH_FORMS:
        if re.fullmatch(form, word):
            return number
    raise ValueError(word)  # pragma: no cover - the token regex only lets month forms through


def _ordinal_value(text: str) -> int | None:
    text = text.strip()
    for value, stem in ORDINAL_WORDS:
        if re.match(stem, text):
            return value
    roman = re.match(r"[ivx]+", text)
    if roman:
        return ROMAN.get(roman.group(0))
    digit = re.match(r"\d", text)
    return int(digit.group(0)) if digit else None


def _part_unit(ords: str, kind: str) -> Unit | None:
    """ "I-II квартал", "2 полугодие", "первая половина" → a unit spanning the named parts."""
    values = [_ordinal_value(o) for o in re.findall(ORD, ords)]
    size = 3 if kind.startswith("кв") else 6
    top = 12 // size
    if not values or any(v is None or not 1 <= v <= top for v in values):
        return None
    lo, hi = min(values), max(values)  # type: ignore[type-var]
    return Unit(first=((lo - 1) * size + 1, 1), last=(hi * size, 0))


def _day_unit(m: re.Match) -> Unit | None:
    month = _month_number(m.group("dm_m"))
    d1 = int(m.group("dm_d1"))
    d2 = int(m.group("dm_d2")) if m.group("dm_d2") else d1
    if not (1 <= d1 <= 31 and 1 <= d2 <= 31 and d1 <= d2):
        return None
    return Unit(first=(month, d1), last=(month, d2))


def _numeric_date_unit(day: int, month: int, year: int) -> Unit | None:
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return Unit(first=(month, day), last=(month, day), year=year)


def _school_year_unit(m: re.Match) -> Unit | None:
    a = int(m.group("sy_a"))
    b_text = m.group("sy_b")
    b = int(b_text) if len(b_text) == 4 else (a // 100) * 100 + int(b_text)
    if not 0 < b - a <= 10:
        return None
    return Unit(first=(9, 1), last=(6, 30), year=a, wrap=b - a)


def _season_unit(word: str) -> Unit:
    for (first, last, wrap), form in SEASON_FORMS:
        if re.fullmatch(form, word):
            return Unit(first=(first, 1), last=(last, 0), wrap=wrap)
    raise ValueError(word)  # pragma: no cover


def _unit_from_match(m: re.Match) -> Unit | None:
    kind = _outer_group(m)
    if kind == "numdate":
        year = int(m.group("nd_y"))
        year = year + 2000 if year < 100 else year
        return _numeric_date_unit(int(m.group("nd_d")), int(m.group("nd_m")), year)
    if kind == "isodate":
        return _numeric_date_unit(int(m.group("iso_d")), int(m.group("iso_m")), int(m.group("iso_y")))
    if kind == "school":
        return _school_year_unit(m)
    if kind == "part":
        return _part_unit(m.group("pu_ords"), m.group("pu_kind"))
    if kind == "daymonth":
        return _day_unit(m)
    if kind == "month":
        month = _month_number(m.group("month"))
        return Unit(first=(month, 1), last=(month, 0))
    if kind == "season":
        return _season_unit(m.group("season"))
    return None




def _outer_group(m: re.Match) -> str | None:
    """The token kind of a match (its outer named group)."""
    for name, _ in TOKEN_PATTERNS:
        if m.group(name) is not None:
            return name
    return None  # pragma: no cover


def tokenize(text: str) -> list[Token]:
    """Tokens of prepared text; unrecognised words become "gap" tokens that break adjacency."""
    tokens: list[Token] = []
    pos = 0
    for m in TOKEN_RE.finditer(text):
        gap = text[pos:m.start()]
        pos = m.end()
        if WORD_CHAR_RE.search(gap):
            tokens.append(Token("gap", gap.strip()))
            gap = ""
        kind = _outer_group(m)
        if kind in UNIT_GROUPS:
            unit = _unit_from_match(m)
            tokens.append(Token("unit", unit, gap) if unit else Token("gap", m.group(0)))
        elif kind == "year":
            tokens.append(Token("year", int(m.group("y")), gap))
        else:
            tokens.append(Token(kind or "gap", m.group(0), gap))
    if WORD_CHAR_RE.search(text[pos:]):
        tokens.append(Token("gap", text[pos:].strip()))
    return tokens


# ------------------------------------------------------------------- grouping


def _adjacent(tokens: list[Token], i: int) -> bool:
    """True when token i follows token i-1 with only spaces or dots between."""
    return i > 0 and not tokens[i].gap_before.strip(" .")


def _kind_at(tokens: list[Token], i: int) -> str | None:
    return tokens[i].kind if 0 <= i < len(tokens) else None


def _starts_year_range(tokens: list[Token], i: int) -> bool:
    return _kind_at(tokens, i + 1) == "dash" and _kind_at(tokens, i + 2) == "year"


def _ends_year_range(tokens: list[Token], i: int) -> bool:
    return _kind_at(tokens, i - 1) == "dash" and _kind_at(tokens, i - 2) == "year"


def attach_years(tokens: list[Token]) -> list[Token]:
    """Give each yearless unit the year written right after it ("май 2020") or right before it
    ("2018 г. январь"); a year that opens a year range ("сентябрь 2019-2027 май") is taken only
    when no year precedes the unit. Years left over become bare year units."""
    used: set[int] = set()
    for i, tok in enumerate(tokens):
        if tok.kind != "unit" or tok.value.year is not None:
            continue
        nxt = i + 1 if _kind_at(tokens, i + 1) == "year" and _adjacent(tokens, i + 1) else None
        prv = i - 1 if (_kind_at(tokens, i - 1) == "year" and _adjacent(tokens, i) and i - 1 not in used
                        and not _ends_year_range(tokens, i - 1)) else None
        if nxt is not None and _starts_year_range(tokens, nxt) and prv is not None:
            nxt = None
        chosen = nxt if nxt is not None else prv
        if chosen is not None:
            tok.value = replace(tok.value, year=tokens[chosen].value)
            used.add(chosen)
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        if i in used:
            continue
        if tok.kind == "year":
            tok = Token("unit", Unit(first=(1, 1), last=(12, 0), year=tok.value, bare=True), tok.gap_before)
        out.append(tok)
    return out


def group_items(tokens: list[Token]) -> Parsed:
    """Units into items: "A - B" ranges, "с A по B", "до A", "с A", single units."""
    parsed = Parsed(items=[])
    i, n = 0, len(tokens)
    last_end, n_items = -1, 0  # token index where the last item ended

    def unit_at(k: int) -> Unit | None:
        return tokens[k].value if _kind_at(tokens, k) == "unit" else None  # type: ignore[return-value]

    while i < n:
        tok = tokens[i]
        if tok.kind == "dalee":
            parsed.dalee = True
        elif tok.kind == "vtech" and unit_at(i + 1) is not None and _adjacent(tokens, i + 1):
            parsed.scoped_continuous = True
        elif tok.kind == "s" and unit_at(i + 1) is not None:
            a = unit_at(i + 1)
            if _kind_at(tokens, i + 2) in ("po", "do", "dash") and unit_at(i + 3) is not None:
                parsed.items.append(Item("range", a, unit_at(i + 3)))  # type: ignore[arg-type]
                i += 3
            else:
                parsed.items.append(Item("open", a))  # type: ignore[arg-type]
                i += 1
        elif tok.kind in ("do", "po") and unit_at(i + 1) is not None:
            parsed.items.append(Item("deadline", unit_at(i + 1)))  # type: ignore[arg-type]
            i += 1
        elif tok.kind == "unit":
            repeated = _repeat_for_listed_year(parsed.items, tokens, i, last_end)
            if repeated is not None:
                parsed.items.append(repeated)
            elif _kind_at(tokens, i + 1) == "dash" and unit_at(i + 2) is not None:
                parsed.items.append(Item("range", tok.value, unit_at(i + 2)))  # type: ignore[arg-type]
                i += 2
            else:
                parsed.items.append(Item("single", tok.value))  # type: ignore[arg-type]
        if len(parsed.items) != n_items:
            last_end, n_items = i, len(parsed.items)
        i += 1
    return parsed


def _shift_years(unit: Unit, delta: int) -> Unit:
    return unit if unit.year is None else replace(unit, year=unit.year + delta)


def _repeat_for_listed_year(items: list[Item], tokens: list[Token], i: int, last_end: int) -> Item | None:
    """ "август–сентябрь 2019, 2020, 2021": a bare year listed right after dated months repeats
    those months in that year (spec rule 8: several occurrences), rather than naming the whole year."""
    unit = tokens[i].value
    if not (isinstance(unit, Unit) and unit.bare and items and last_end == i - 2
            and _kind_at(tokens, i - 1) == "sep" and tokens[i - 1].value in (",", ";", "и")):
        return None
    if _kind_at(tokens, i + 1) == "dash":  # "…, 2020-2021" is a range of whole years
        return None
    pattern = items[-1]
    last = pattern.b or pattern.a
    if pattern.scoping or pattern.kind not in ("single", "range") or last.year is None or last.wrap:
        return None
    delta = unit.year - last.year  # type: ignore[operator]
    if delta <= 0:
        return None
    return replace(pattern, a=_shift_years(pattern.a, delta),
                   b=_shift_years(pattern.b, delta) if pattern.b else None)


def parse(text: str) -> Parsed:
    """Prepared text → items and markers."""
    return group_items(attach_years(tokenize(text)))


# ------------------------------------------------------------------ recurrence


def detect_recurrence(text: str) -> str | None:
    """The recurrence named by words in prepared text, or None. on_demand beats periodic words,
    periodic beat continuous, continuous beats "по плану" (unspecified)."""
    if ON_DEMAND_RE.search(text):
        return "on_demand"
    times = TIMES_PER_YEAR_RE.search(text)
    if times:  # "N раз(а) в год" is the most specific wording
        word = times.group(1)
        count = int(word) if word.isdigit() else WORD_NUMBERS.get(word)
        if count is not None:
            return TIMES_PER_YEAR.get(count, "unspecified")
    periodic = [(m.start(), name) for name, rx in PERIODIC_RES for m in [rx.search(text)] if m]
    if periodic:
        return min(periodic)[1]
    if CONTINUOUS_RE.search(text):
        return "continuous"
    if PLAN_RE.search(text):
        return "unspecified"
    return None


# ------------------------------------------------------------------- resolving


def _year_or(unit: Unit, default: int | None) -> int:
    year = unit.year if unit.year is not None else default
    if year is None:
        raise _YearUnknown
    return year


def resolve_item(item: Item, default_year: int | None, period_end: date | None) -> Interval:
    """Dates of one item; yearless units take the other end's year, else ``default_year``."""
    a, b = item.a, item.b
    if item.kind == "deadline":
        return None, a.end(_year_or(a, default_year))
    if item.kind == "open":
        year = _year_or(a, default_year)
        return a.start(year), (max(period_end, a.end(year)) if period_end else None)
    if item.kind == "single" or b is None:
        year = _year_or(a, default_year)
        return a.start(year), a.end(year)
    return _resolve_range(a, b, default_year)


def _resolve_range(a: Unit, b: Unit, default_year: int | None) -> Interval:
    ya, yb = a.year, b.year
    if ya is None and yb is None:
        ya = yb = _year_or(a, default_year)
    if ya is None:
        ya = yb if a.start(yb) <= b.end(yb) else yb - 1  # type: ignore[arg-type,operator]
    if yb is None:
        yb = ya if b.end(ya) >= a.start(ya) else ya + 1
    if b.end(yb) < a.start(ya):
        yb = ya + (1 if b.end(ya + 1) >= a.start(ya) else 0)
    return a.start(ya), b.end(yb)


def _inherit_years(items: list[Item]) -> list[Item]:
    """ "апрель, май 2020": a yearless single takes the next item's year (moved back a year when
    it would come after it), else the previous item's year (moved on a year when before it)."""
    out = list(items)
    for k, item in enumerate(out):
        if item.kind not in ("single", "deadline") or item.a.year is not None or item.a.bare:
            continue
        nxt = out[k + 1] if k + 1 < len(out) else None
        prv = out[k - 1] if k > 0 else None
        if nxt is not None and nxt.first_year is not None and not nxt.scoping:
            year = nxt.first_year
            nxt_start = nxt.a.start(nxt.a.year if nxt.a.year is not None else year)
            if item.a.start(year) > nxt_start:
                year -= 1
        elif prv is not None and prv.first_year is not None and not prv.scoping:
            last = prv.b or prv.a
            year = last.year if last.year is not None else prv.first_year
            if item.a.start(year) < last.start(year):
                year += 1
        else:
            continue
        out[k] = replace(item, a=replace(item.a, year=year))
    return out


def _bounds(intervals: list[Interval]) -> Interval:
    starts = [s for s, _ in intervals if s is not None]
    ends = [e for _, e in intervals if e is not None]
    return (min(starts) if starts else None, max(ends) if ends else None)


def _period_dates(period: tuple[int, int] | None) -> tuple[date | None, date | None]:
    if period is None:
        return None, None
    return date(period[0], 1, 1), date(period[1], 12, 31)


def resolve_once(items: list[Item], period: tuple[int, int] | None) -> tuple[Interval, list[Interval]]:
    """Items as dated occurrences; yearless units take Y1 (spec rule 2)."""
    y1 = period[0] if period else None
    period_end = _period_dates(period)[1]
    occurrences = [resolve_item(it, y1, period_end) for it in _inherit_years(items)]
    return _bounds(occurrences), occurrences


def resolve_recurring(parsed: Parsed, recurrence: str, period: tuple[int, int] | None
                      ) -> tuple[Interval, list[Interval]]:
    """Spec rules 6-7: a recurrence covers P, or runs from its first named month in Y1 (or the
    first year written) to its last named month in Y2 (or the last year written)."""
    scoping = [it for it in parsed.items if it.scoping]
    seasonal = [it for it in parsed.items if not it.scoping]
    extends = recurrence in ("annual", "semiannual") or parsed.dalee
    y1, y2 = (period if period else (None, None))
    scope_years = [u.year for it in scoping for u in it.units if u.year is not None]
    first_year = min(scope_years) if scope_years else y1
    last_year = max(scope_years) if scope_years else y2
    if parsed.dalee and y2 is not None:
        last_year = max(y2, last_year or y2)
    if not seasonal:
        return _resolve_scope(scoping, first_year, last_year, parsed.dalee)
    explicit = any(u.year is not None for it in seasonal for u in it.units)
    if explicit and not extends:
        return resolve_once(parsed.items, period)
    return _resolve_seasonal_cycle(seasonal, first_year, last_year, extends)


def _resolve_scope(scoping: list[Item], first_year: int | None, last_year: int | None, dalee: bool
                   ) -> tuple[Interval, list[Interval]]:
    if first_year is None or last_year is None:
        raise _YearUnknown
    start, end = date(first_year, 1, 1), date(last_year, 12, 31)
    occurrences = [resolve_item(it, first_year, end) for it in scoping]
    if occurrences:
        s, e = _bounds(occurrences)
        start = s or start
        end = max(e, end) if (dalee and e) else (e or end)
    return (start, end), occurrences


def _cycle_at(seasonal: list[Item], year: int) -> list[Interval]:
    """The named items of one cycle starting in ``year``, each after the one before."""
    out: list[Interval] = []
    current = year
    for item in seasonal:
        if item.a.year is not None:
            current = item.a.year
        span = resolve_item(item, current, None)
        key = span[0] or span[1]
        prev = out[-1][0] or out[-1][1] if out else None
        if item.a.year is None and prev is not None and key is not None and key < prev:
            current += 1
            span = resolve_item(item, current, None)
        out.append(span)
    return out


def _resolve_seasonal_cycle(seasonal: list[Item], first_year: int | None, last_year: int | None,
                            extends: bool) -> tuple[Interval, list[Interval]]:
    head = seasonal[0].a
    start_year = head.year if head.year is not None else first_year
    if start_year is None:
        raise _YearUnknown
    first_cycle = _cycle_at(seasonal, start_year)
    tail_item = seasonal[-1]
    tail = tail_item.b or tail_item.a
    end_year = last_year  # None without a period: a repeat's last year is then unknown
    if extends and tail.year is not None and end_year is not None:
        end_year = max(end_year, tail.year)
    if end_year is None:
        raise _YearUnknown
    start = _bounds(first_cycle)[0]
    end = tail.end(end_year)
    if start is not None and end < start:
        end = max(e for _, e in first_cycle if e is not None)
    occurrences = _expand_cycles(seasonal, start_year, end, extends, first_cycle)
    return (start, end), occurrences


def _expand_cycles(seasonal: list[Item], start_year: int, end: date, extends: bool,
                   first_cycle: list[Interval]) -> list[Interval]:
    """Every yearly repeat of the named items up to ``end`` (annual patterns without years)."""
    if not extends or any(u.year is not None for it in seasonal for u in it.units):
        return first_cycle
    out: list[Interval] = []
    for year in range(start_year, min(end.year, start_year + MAX_EXPANDED_YEARS) + 1):
        for span in _cycle_at(seasonal, year):
            if (span[1] or date.max) <= end:
                out.append(span)
    return out or first_cycle


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


def _normalize(raw: str, period: tuple[int, int] | None) -> DeadlineNorm:
    text = prepare(raw)
    parsed = parse(text)
    recurrence = detect_recurrence(text)
    if recurrence is None and not parsed.items:
        return _unparsed(raw, FLAG_UNPARSED)
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

TITLE_RANGE_RE = re.compile(
    r"(?<![\d.])((?:19|20)\d\d)\s*(?:-|/|по)\s*((?:19|20)\d\d|\d\d)(?![\d.])"
)
TITLE_SINGLE_RE = re.compile(r"(?<![а-я])(?:на|в)\s+((?:19|20)\d\d)\s*(?:гг?\.?|год[а-я]*)(?![а-я])")
RANGE_CONTEXT_BEFORE_RE = re.compile(r"(?<![а-я])(?:на|период[а-я]*|в|с)\s*(?:период\s*)?$")
RANGE_CONTEXT_AFTER_RE = re.compile(r"^\s*(?:гг|г\.|год|уч)")
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


def period_from_deadlines(texts: Iterable[str]) -> tuple[int, int] | None:
    """The smallest and largest year written in a deadline column, or None when there is none."""
    years = [y for t in texts if isinstance(t, str) for y in years_in(t)]
    return (min(years), max(years)) if years else None
