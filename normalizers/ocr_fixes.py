"""Conservative post-OCR repairs on text: only slips that are certain are changed.

* Latin look-alike letters inside an otherwise Cyrillic word ("oбразование"
  with a Latin o) become Cyrillic; Latin words ("WorldSkills") stay Latin.
* "00" alone in a list of executors ("00, ПОО") is the abbreviation ОО.
* "000" standing for the abbreviation ООО (followed by a quoted name or
  standing alone in a list of executors) becomes "ООО"; numbers stay numbers.
* Digits read as look-alike letters inside a number ("2О21", "З.1") become
  digits; a lone letter is never touched.
* Roman numerals of quarters and half-years read as Cyrillic or Arabic
  ("И полугодие", "[У квартал") become Roman ("II", "IV"); Arabic numbers
  ("1 квартал", "11 квартал" — a city block) are left alone.
* A comma glued between two words gets its space back ("ОО,ПОО"); "1,5" stays.
* Words broken by a line-end hyphen are rejoined when the result is a known
  word (``normalizers.text``).
"""

from __future__ import annotations

import re

from normalizers.text import rejoin_broken_words

LATIN_TO_CYRILLIC = str.maketrans({
    "a": "а", "e": "е", "k": "к", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
    "P": "Р", "T": "Т", "X": "Х", "Y": "У",
})
LOOKALIKES = set("aekopcxyABCEHKMOPTXY")
WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+")
CYR_RE = re.compile(r"[А-Яа-яЁё]")
# "000 «Ромашка»", "000 \"…\"", or 000 alone on a line / between separators in a list
ZERO_OOO_RE = re.compile(r"(?<![\d.,])(?<!\d )(?<!\d\u00a0)000(?=\s*[«\"“])"
                         r"|(?<![\d\w.,])(?<!\d )(?<!\d\u00a0)000(?=\s*(?:$|\n|[,;]))", re.M)
# "00" (ОО, educational organisations) as one item of a list of executors
ZERO_OO_ITEM_RE = re.compile(r"^(\s*)00(?=\s*(?:\(по\s+согласованию\))?\s*$)")
# a comma glued between two words ("ОО,ПОО"): OCR lost the space (never between digits: 1,5)
GLUED_COMMA_RE = re.compile(r"(?<=[А-Яа-яЁё»)]),(?=[А-Яа-яЁё«(])")
NUMBER_ITEM_RE = re.compile(r"^\s*\d[\d\s.]*$")
# a number with a letter that looks like a digit: 2О21, З.1, 1З (at least one real digit)
NUMBER_LOOKALIKE_RE = re.compile(r"(?<![\wА-Яа-яЁё])(?=[\dЗзОо.]*\d)(?=[\dЗзОо.]*[ЗзОо])"
                                 r"[\dЗзОо]+(?:\.[\dЗзОо]+)*\.?(?![\wА-Яа-яЁё])")
DIGIT_OF = str.maketrans({"З": "3", "з": "3", "О": "0", "о": "0"})
# Roman numeral of a quarter / half-year misread: И, П -> II; Ш -> III; [У, 1У, IУ, 1V -> IV
ROMAN_MISREAD = {"И": "II", "П": "II", "Ш": "III", "[У": "IV",
                 "1У": "IV", "IУ": "IV", "1V": "IV", "[V": "IV", "|V": "IV", "|У": "IV"}
ROMAN_PERIOD_RE = re.compile(r"(?<![\wА-Яа-яЁё\[|])(И|П|Ш|\[У|1У|IУ|1V|\[V|\|V|\|У)"
                             r"(?=\s+(?:квартал|полугоди))")


def _fix_word(m: re.Match) -> str:
    w = m.group(0)
    if not CYR_RE.search(w):
        return w                      # a Latin word stays Latin
    latin = [ch for ch in w if "A" <= ch <= "z"]
    if latin and all(ch in LOOKALIKES for ch in latin):
        return w.translate(LATIN_TO_CYRILLIC)
    return w


def fix_latin_lookalikes(text: str) -> str:
    return WORD_RE.sub(_fix_word, text)


def _zero_oo_line(line: str) -> str:
    parts = re.split(r"([,;])", line)
    items = parts[::2]
    zeros = [i for i, it in enumerate(items) if ZERO_OO_ITEM_RE.match(it)]
    if not zeros or any(NUMBER_ITEM_RE.match(it) for i, it in enumerate(items) if i not in zeros):
        return line                       # a list of numbers ("10, 00"): leave it
    for i in zeros:
        parts[2 * i] = ZERO_OO_ITEM_RE.sub(r"\1ОО", parts[2 * i])
    return "".join(parts)


def fix_zero_ooo(text: str) -> str:
    """"000" meaning ООО; "00" as an item of a list of executors ("00, ПОО") meaning ОО."""
    text = ZERO_OOO_RE.sub("ООО", text)
    return "\n".join(_zero_oo_line(ln) for ln in text.split("\n"))


def fix_number_lookalikes(text: str) -> str:
    """Letters that look like digits inside a number become digits ("2О21" -> "2021")."""
    return NUMBER_LOOKALIKE_RE.sub(lambda m: m.group(0).translate(DIGIT_OF), text)


def fix_roman_periods(text: str) -> str:
    """Misread Roman numerals before "квартал" / "полугодие" ("И полугодие" -> "II полугодие")."""
    def roman(m: re.Match) -> str:
        value = ROMAN_MISREAD[m.group(1)]
        half_year = text[m.end():].lstrip().startswith("полугоди")
        return m.group(1) if half_year and value not in ("I", "II") else value

    return ROMAN_PERIOD_RE.sub(roman, text)


def fix_ocr_text(text: str) -> str:
    """All repairs above, in a safe order; text with nothing to repair is returned unchanged."""
    if not text:
        return text
    text = fix_roman_periods(fix_number_lookalikes(fix_latin_lookalikes(text)))
    text = GLUED_COMMA_RE.sub(", ", fix_zero_ooo(text))
    return rejoin_broken_words(text)
