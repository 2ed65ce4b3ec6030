"""Reading a deadline cell: text preparation (OCR slips, dashes, hyphenated words, phrasings),
tokenising into calendar units and markers, attaching years, and grouping units into items
(ranges, deadlines "до", open ranges "с", single units) — ``parse``.

Part of the deadline normaliser (``normalizers.deadlines``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace

from normalizers.deadline_types import Item, Parsed, Token, Unit
from normalizers.deadline_words import (DASHES, HYPHEN_BREAK_RE, KNOWN_WORD_RE, MONTH_FORMS, OCR_YEAR_RE, ORD,
                                        ORDINAL_WORDS, PHRASE_REWRITES, ROMAN, ROMAN_NUMERAL_CHARS, SEASON_FORMS,
                                        SPACE_RE, TOKEN_PATTERNS, TOKEN_RE, UNIT_GROUPS, WORD_CHAR_RE)
from normalizers.ocr_fixes import fix_latin_lookalikes

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
    if kind == "monthyear":
        month = int(m.group("my_m"))
        return Unit(first=(month, 1), last=(month, 0), year=int(m.group("my_y")))
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
            elif _kind_at(tokens, i + 1) == "dash" and _kind_at(tokens, i + 2) == "gap" \
                    and _unreadable(str(tokens[i + 2].value)):
                parsed.unfinished_range = True      # "март-р ‚ель": the range's end is there but unreadable
                parsed.items.append(Item("single", tok.value))  # type: ignore[arg-type]
            else:
                parsed.items.append(Item("single", tok.value))  # type: ignore[arg-type]
        if len(parsed.items) != n_items:
            last_end, n_items = i, len(parsed.items)
        i += 1
    return parsed


YEAR_WORDS_RE = re.compile(r"(?<![а-я])(?:гг|г|год[а-я]*)(?![а-я])")


def _unreadable(gap: str) -> bool:
    """Text in a deadline with letters other than a year's "г." / "года" ("2018 — г." is a year)."""
    return bool(re.search(r"[а-яa-z]", YEAR_WORDS_RE.sub("", gap.lower())))


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
