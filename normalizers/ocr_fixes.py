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
* On a scan's cells (``fix_scan_text``): the dictionary-checked repairs of ``normalizers.ocr_words``
  and ``normalizers.ocr_stops``.
* Item numbers against their neighbours: ``normalizers.ocr_item_numbers``.
"""

from __future__ import annotations

import re
from typing import Optional

from normalizers.ocr_cut_words import complete_cut_adjectives
from normalizers.ocr_item_numbers import repair_item_numbers
from normalizers.ocr_quotes import mend_close_quotes, mend_open_quotes
from normalizers.ocr_stops import drop_lone_last_letter, drop_mark_lines_at_end, drop_stray_stops
from normalizers.roman import roman_numeral, roman_value
from normalizers.text import is_known_word, rejoin_broken_words
from normalizers.ocr_words import (lower_inner_capital, mend_compound_marks, mend_misread_words, rejoin_caps_tail,
                                   rejoin_split_words, split_glued_words,
                                   split_glued_short_words, split_speck_hyphens)

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
                         r"|(?<![\d\w.,])(?<!\d )(?<!\d\u00a0)000(?=[-–—_.]*\s*(?:$|\n|[,;]))", re.M)
# "00" (ОО, educational organisations) as one item of a list of executors, or ending one after an
# acronym ("МО 00": "МО ОО", the municipalities' education bodies)
ZERO_OO_ITEM_RE = re.compile(r"^(\s*(?:[А-ЯЁ]{1,6}[^\S\n]+)*)00(?=\s*(?:\(по\s+согласованию\))?\s*$)")
# a comma glued between two words ("ОО,ПОО"): OCR lost the space (never between digits: 1,5)
GLUED_COMMA_RE = re.compile(r"(?<=[А-Яа-яЁё»)]),(?=[А-Яа-яЁё«(])")
NUMBER_ITEM_RE = re.compile(r"^\s*\d[\d\s.]*$")
# a number with a letter that looks like a digit: 2О21, З.1, 1З (at least one real digit)
NUMBER_LOOKALIKE_RE = re.compile(r"(?<![\wА-Яа-яЁё])(?=[\dЗзОо.]*\d)(?=[\dЗзОо.]*[ЗзОо])"
                                 r"[\dЗзОо]+(?:\.[\dЗзОо]+)*\.?(?![\wА-Яа-яЁё])")
DIGIT_OF = str.maketrans({"З": "3", "з": "3", "О": "0", "о": "0"})
# Roman numeral of a quarter / half-year misread: each character a look-alike of I or V, or
# a Cyrillic letter that is two or three strokes (И, П -> II; Ш -> III): "Т", "Г", "L" (a serif I its foot smeared), "l" -> I,
# "ТУ", "[У", "1V" -> IV; the whole token must read as a quarter (I-IV) or a half (I, II)
ROMAN_LOOKALIKE = {**{ch: "I" for ch in "IilLІі|[]!ТГ1"}, **{ch: "V" for ch in "VУvу"},
                   "И": "II", "П": "II", "Ш": "III"}
_ROMAN_CHARS = re.escape("".join(ROMAN_LOOKALIKE))
ROMAN_PERIOD_RE = re.compile(rf"(?<![\wА-Яа-яЁё{_ROMAN_CHARS}])([{_ROMAN_CHARS}]{{1,4}})"
                             rf"(?:\s*([-–,])\s*([{_ROMAN_CHARS}]{{1,4}}))?(\s*|[.,'’`^°]\s*)(?=(?i:квартал|полугоди))")
QUARTER_NUMERALS, HALF_NUMERALS = ("I", "II", "III", "IV"), ("I", "II")
# two quarters before a plural "кварталы" with nothing but a space between them: the dash (or comma)
# was lost ("II III кварталы"); read only when the two follow each other (the range and the list
# are then the same months)
SPACED_QUARTERS_RE = re.compile(rf"(?<![\wА-Яа-яЁё{_ROMAN_CHARS}])([{_ROMAN_CHARS}]{{1,4}})[^\S\n]+([{_ROMAN_CHARS}]{{1,4}})"
                                rf"(\s*|[.,'’`^°]\s*)(?=(?i:квартал(?:ы|ов|ах)(?![а-яё])))")

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


# what a scan reads Cyrillic letters as, in a word it read all in Latin ("areHTCTBO": "агентство")
LATIN_READS = str.maketrans("aAbBcCeEHkKMnoOpPrTuxXyY", "аАьВсСеЕНкКМпоОрРгТихХуУ")
MIN_LATIN_READ = 5        # letters of a Latin word read as a Russian one


def _russian_reading(word: str) -> str:
    """A word a scan read all in Latin letters that look like Cyrillic ones, read as the Russian
    dictionary word they spell ("areHTCTBO" -> "агентство"); any other word stays."""
    if len(word) < MIN_LATIN_READ or not word.isascii() or not word.isalpha():
        return word
    read = word.translate(LATIN_READS)
    if read.isascii() or not all("а" <= ch.lower() <= "я" for ch in read) or not is_known_word(read.lower()):
        return word
    return read.upper() if word.isupper() else read[:1] + read[1:].lower()


def scanned_word(text: str) -> str:
    """A word as a scan read it, its Latin look-alike letters read as Cyrillic: inside a Cyrillic
    word (``fix_latin_lookalikes``), or all of them where they spell a Russian dictionary word."""
    return fix_latin_lookalikes(WORD_RE.sub(lambda m: _russian_reading(m.group(0)), text))


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


def _roman_reading(token: str) -> str:
    return "".join(ROMAN_LOOKALIKE[ch] for ch in token)


def fix_roman_periods(text: str) -> str:
    """Misread Roman numerals before "квартал" / "полугодие": "И полугодие" -> "II полугодие",
    "ТУ квартал" -> "IV квартал", "Тквартал" -> "I квартал", "Т-П квартал" -> "I-II квартал"; two
    quarters in a row before "кварталы" lost their dash ("П III кварталы" -> "II–III кварталы").
    Arabic numbers ("1 квартал", "11 квартал" — a city block) and tokens that read as no quarter
    or half ("Ш полугодие", "УУ квартал") stay as they are."""
    def roman(m: re.Match) -> str:
        half_year = text[m.end():].lower().startswith("полугоди")
        allowed = HALF_NUMERALS if half_year else QUARTER_NUMERALS
        tokens = [t for t in (m.group(1), m.group(3)) if t]
        if all(t.isdigit() for t in tokens):
            return m.group(0)
        readings = [_roman_reading(t) for t in tokens]
        if any(r not in allowed for r in readings):
            return m.group(0)
        sep = m.group(2) or ""
        space = m.group(4) if (m.group(4) or "").isspace() else " "   # a speck for the space: "Ш.квартал"
        return readings[0] + (sep + readings[1] if len(readings) > 1 else "") + space

    def spaced(m: re.Match) -> str:
        a, b = _roman_reading(m.group(1)), _roman_reading(m.group(2))
        if a not in QUARTER_NUMERALS or b not in QUARTER_NUMERALS or QUARTER_NUMERALS.index(b) != QUARTER_NUMERALS.index(a) + 1:
            return m.group(0)
        return f"{a}–{b}" + (m.group(3) if (m.group(3) or "").isspace() else " ")

    return ROMAN_PERIOD_RE.sub(roman, SPACED_QUARTERS_RE.sub(spaced, text))


# the first year of a range with a speck read between its last two digits: "на 202,2-2024 годы"
YEAR_SPECK = r"[,.'`’:]"
# a year of a range with one mark between two of its digits ("202,2-2024", "20:24-2026"), or the
# range's second year so split ("2024-20:26"); the other year of the range is whole
SPLIT_RANGE_YEAR_RE = re.compile(
    rf"(?<![\d,.:])(?P<a>\d(?:{YEAR_SPECK}?\d){{3}})(?![\d,.:]?\d)(?P<dash>\s*[-–—]\s*)(?P<b>\d(?:{YEAR_SPECK}?\d){{3}})(?![\d,.:]?\d)")

# a mark beside a range's dash between two whole years ("на 2022-:2024 годы", "2022.–2024"): the range
# would end at the dash and the title that names it run on
MARKED_RANGE_DASH_RE = re.compile(r"(?<![\d,.:])((?:19|20)\d\d)[^\S\n]*(?:[.'`’:]+[^\S\n]*([-–—])|([-–—])[^\S\n]*[.'`’:]+)"
                                  r"[^\S\n]*((?:19|20)\d\d)(?![\d,.:]?\d)")


def _marked_range(m: re.Match) -> str:
    a, b = int(m.group(1)), int(m.group(4))
    return f"{a}{m.group(2) or m.group(3)}{b}" if 0 <= b - a <= 30 else m.group(0)


def join_split_range_year(text: str) -> str:
    """ "202,2-2024" -> "2022-2024", "20:24-2026" -> "2024-2026": one year of a range split by a
    mark between its digits (the other year whole, the later no more than 30 years on; a number
    with a decimal comma is no year before such a range; a split year after the second is left
    as read); a mark beside the dash of two whole years goes ("2022-:2024" -> "2022-2024")."""
    def join(m: re.Match) -> str:
        a, b = m.group("a"), m.group("b")
        split = [y for y in (a, b) if not y.isdigit()]
        if len(split) != 1 or len(re.findall(YEAR_SPECK, split[0])) != 1:
            return m.group(0)
        ya, yb = re.sub(YEAR_SPECK, "", a), re.sub(YEAR_SPECK, "", b)
        if not all(y[:2] in ("19", "20") for y in (ya, yb)) or not 0 <= int(yb) - int(ya) <= 30:
            return m.group(0)
        return ya + m.group("dash") + yb
    return MARKED_RANGE_DASH_RE.sub(_marked_range, SPLIT_RANGE_YEAR_RE.sub(join, text))


def fix_ocr_text(text: str) -> str:
    """All repairs above, in a safe order; text with nothing to repair is returned unchanged."""
    if not text:
        return text
    text = join_split_range_year(fix_roman_periods(fix_number_lookalikes(fix_latin_lookalikes(text))))
    text = GLUED_COMMA_RE.sub(", ", fix_zero_ooo(text))
    return remove_word_debris(rejoin_broken_words(text))


# ---------------------------------------------------------------- Roman numerals in headings

# Cyrillic (and digit) misreadings of Roman numerals, whole token only
ROMAN_HEADING_MISREAD = {
    "I": "I", "II": "II", "III": "III", "IV": "IV", "V": "V", "VI": "VI", "VII": "VII",
    "VIII": "VIII", "IX": "IX", "X": "X",
    "П": "II", "Ш": "III", "ТУ": "IV", "1У": "IV", "IУ": "IV", "ІУ": "IV", "1V": "IV", "У": "V",
    "УТ": "VI", "VТ": "VI", "УП": "VII", "УШ": "VIII", "1Х": "IX", "IХ": "IX", "Х": "X", "Il": "II",
    "Ill": "III", "ll": "II", "lI": "II", "lV": "IV", "Vl": "VI",
}
ROMAN_HEADING_RE = re.compile(r"^(\s*)([IVXlУТПШХ1І]{1,4})([.)]\s+|\s+)(?=[«\"А-ЯЁA-Z])")


def fix_roman_heading(text: str) -> tuple[str, bool]:
    """A section heading's leading Roman numeral misread ("П. Организация" -> "II. Организация").

    Only the first token of a heading, only when the whole token is a known
    misreading and a capitalised word follows. Returns (text, changed).
    """
    if not text:
        return text, False
    m = ROMAN_HEADING_RE.match(text)
    if not m:
        return text, False
    token = m.group(2)
    roman = ROMAN_HEADING_MISREAD.get(token)
    if roman is None or roman == token:
        return text, False
    if token in ("У", "Х") and not m.group(3).startswith((".", ")")):
        return text, False               # "У нас", "Х" without a dot: not a numeral for sure
    return m.group(1) + roman + text[m.end(2):], True


def fix_roman_number(number: Optional[str]) -> Optional[str]:
    """An item-number cell that is a misread Roman numeral ("П", "ТУ.") as Roman; else unchanged."""
    if not number:
        return number
    raw = number.strip()
    core, dot = (raw[:-1], ".") if raw.endswith(".") else (raw, "")
    roman = ROMAN_HEADING_MISREAD.get(core)
    return roman + dot if roman and core not in ("У", "Х") else number


# ---------------------------------------------------------------- debris inside words

DEBRIS_RE = re.compile(r"(?<=[А-Яа-яЁё][а-яё])([|¦`'‘’^°.,:;!])(?=[а-яё]{2})")
# ... or with a space after it ("Министер: ство"): joined only where neither half is a word
SPACED_DEBRIS_RE = re.compile(r"(?<=[А-Яа-яЁё][а-яё])([|¦`'‘’^°.,:;!])[^\S\n](?=[а-яё]{2})")


def remove_word_debris(text: str) -> str:
    """Specks read as punctuation inside a word ("Ме|роприятия", "обра,зования") removed.

    The mark must sit between Cyrillic letters (two on each side, lowercase
    after it) and the word without it must be a dictionary word; a comma,
    colon or semicolon also stays when both halves are words ("вуз,колледж").
    A mark with a space after it ("Министер: ство") goes with the space only
    where the joined word is a dictionary word and neither half is one.
    """
    if not text or not (DEBRIS_RE.search(text) or SPACED_DEBRIS_RE.search(text)):
        return text

    from normalizers.morph import get_morph

    morph = get_morph()

    def halves(m: re.Match) -> tuple[str, str]:
        return (re.search(r"[А-Яа-яЁё]+$", m.string[:m.start()]).group(0),
                re.match(r"[а-яё]+", m.string[m.end():]).group(0))

    def join_spaced(m: re.Match) -> str:
        left, right = halves(m)
        known = morph.word_is_known
        return "" if known((left + right).lower()) and not known(left.lower()) and not known(right) else m.group(0)

    text = SPACED_DEBRIS_RE.sub(join_spaced, text)
    if not DEBRIS_RE.search(text):
        return text

    def fix(m: re.Match) -> str:
        left, right = halves(m)
        joined = (left + right).lower()
        if m.group(1) in ",:;!" and morph.word_is_known(left.lower()) and morph.word_is_known(right):
            return m.group(1)
        return "" if morph.word_is_known(joined) else m.group(1)

    return DEBRIS_RE.sub(fix, text)


# marks a scan reads before a cell's first word that no text opens with ("’минобразования края",
# "_ ЦРПО", ".ПОО", a quote mark no other closes: "\"МО ОО, ПОО"); a dash (a bullet), a bracket and
# opening quotes that close („ « ") stay
LEADING_SPECK_RE = re.compile(r"^(?:[’'`‚_^°~|./\\]+|[\"“”„](?=[^\"“”«»]*$))+[^\S\n]*(?=[A-Za-zА-Яа-яЁё0-9])")
# marks a speck or a rule's remnant left after the last word of a cell ("постоянно--— /"): a run of
# dashes, or a slash, a bar, an underscore (one dash stays: a range cut short is flagged downstream)
TRAILING_SPECKS_RE = re.compile(r"(?<=[\wА-Яа-яЁё.)»])(?:[^\S\n]*[-–—]{2,}|[^\S\n]*[/\\|_~]+)+[^\S\n]*$")
# a stop glued between a word and an abbreviation in capitals ("МО.ОО", "Минпромторг.ПК"): the space
GLUED_ABBR_STOP_RE = re.compile(r"(?<=[А-Яа-яЁё]{2})\.(?=[А-ЯЁ]{2,4}(?![А-Яа-яЁё]))")
# a colon or semicolon a speck put after an abbreviation that ends the cell ("МО ОО:", "ЦРПО;")
TRAILING_ABBR_MARK_RE = re.compile(r"(?<=[А-ЯЁ]{2})[:;]$")


# a speck's marks and a dash glued before a lower-case word after a space ("занятости .-населения"),
# or a dash glued to one opening a line after a line that ends in a letter ("занятости\n-населения"):
# no word opens with them (a list's dash follows a colon, a stop or a semicolon)
SPECK_BEFORE_WORD_RE = re.compile(r"(?<=[А-Яа-яЁё] )[.,'`’‚]{1,2}-(?=[а-яё]{3})|(?<=[А-Яа-яЁё]\n)-(?=[а-яё]{3})")


# an empty pair of brackets a scan read for a capital "О" opening a word ("()рганизация")
BRACKETS_FOR_O_RE = re.compile(r"(?<![\w(])\(\)(?=[а-яё]{2,})")


# "@" beside a capital: a scan's "О" in a word in capitals ("Минпромторг НС@", "@МСУ"); no Russian
# text writes "@" there (an e-mail address has Latin letters round it)
AT_FOR_O_RE = re.compile(r"(?<=[А-ЯЁ])@(?![A-Za-z0-9])|(?<![A-Za-z0-9.])@(?=[А-ЯЁ])")


# the preposition "с" read twice, in Latin or Cyrillic letters ("совместно Cc профессиональными"):
# no Russian word is "сс"
DOUBLED_S_RE = re.compile(r"(?<=[а-яё] )[СсCc]{2}(?= [а-яё])")
# the conjunction "и" read twice ("образования и и науки": a speck beside it read as a second one);
# "и и.о." (and the acting) keeps both
DOUBLED_AND_RE = re.compile(r"(?<![А-Яа-яЁё])([иИ])[^\S\n]+[иИ](?![А-Яа-яЁё.])")


def fix_scan_text(text: str) -> str:
    """``fix_ocr_text`` and the repairs a scanned cell needs on top: a word's tail read in capitals
    rejoined, a one-letter word run into the word before split off, a speck read as a hyphen or a
    stop taken for the space (``ocr_stops``), a word one letter from exactly one dictionary word
    mended, a lost « put back (``ocr_quotes``)."""
    return fix_scan_text_noting(text)[0]


def fix_scan_text_noting(text: str) -> tuple[str, bool]:
    """``fix_scan_text`` and whether a word was replaced by its dictionary neighbour (a guess
    that is certain by the dictionary but still a guess: the row is flagged for review)."""
    edges = fix_ocr_text(text)
    if edges:
        edges = TRAILING_SPECKS_RE.sub("", LEADING_SPECK_RE.sub("", edges).rstrip())
        edges = GLUED_ABBR_STOP_RE.sub(" ", TRAILING_ABBR_MARK_RE.sub("", edges))
        edges = DOUBLED_AND_RE.sub(r"\1", DOUBLED_S_RE.sub("с", edges))
        edges = SPECK_BEFORE_WORD_RE.sub("", edges)         # "занятости .-населения"
        edges = AT_FOR_O_RE.sub("О", BRACKETS_FOR_O_RE.sub("О", edges))   # "()рганизация", "НС@"
    cleaned = split_speck_hyphens(split_glued_short_words(rejoin_caps_tail(lower_inner_capital(drop_stray_stops(
        rejoin_split_words(drop_stray_stops(drop_lone_last_letter(drop_mark_lines_at_end(edges)))))))))
    cleaned = mend_compound_marks(cleaned)
    mended = mend_misread_words(split_glued_words(cleaned))     # "переподгатовкиработников"
    mended = complete_cut_adjectives(mended)                    # "профессиональн\nобразовательные"
    return mend_open_quotes(mend_close_quotes(mended)), mended != cleaned


# ---------------------------------------------------------------- damaged deadlines

UNICODE_ROMAN = str.maketrans({"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "І": "I"})
PERIOD_WORD_RE = re.compile(r"(\S+?)(?:\s+|[.,:;'’`^°]\s*)(квартал[а-я]*|кв\.|кв(?=\s|$)|полугод[а-я]*)", re.I)
_PERIOD_NO = r"(?:I{1,3}|IV|[1-4])(?:-?(?:[гйоя]{1,2}|ы[йм]|ий|ое|е|ей|ем|ом|его|ого))?"
GOOD_PERIOD_NUMBER_RE = re.compile(rf"^{_PERIOD_NO}(?:[-–,]{_PERIOD_NO})*$")


def damaged_period(text: Optional[str]) -> bool:
    """True when a quarter / half-year has a number that is not one after repair ("Т\\ квартал").

    A deadline normaliser should then give no date (and flag it) rather than
    guess: ``fix_roman_periods`` repairs the readings that are certain first.
    """
    if not text:
        return False
    repaired = fix_roman_periods(fix_latin_lookalikes(text.translate(UNICODE_ROMAN)))
    for m in PERIOD_WORD_RE.finditer(repaired):
        token = m.group(1).strip("(,;:«»„“”\"'‚’`")      # "за „отчетным кварталом": a speck's quote
        if token.lower() in ("в", "во", "за", "течение", "каждый", "каждого", "ежеквартально", "-", "–"):
            continue
        if re.fullmatch(r"[А-Яа-яЁё]{3,}", token):
            continue                       # "первый квартал", "текущий квартал"
        if not GOOD_PERIOD_NUMBER_RE.match(token):
            return True
    return False


# ---------------------------------------------------------------- over a document's activities


# a speck's mark right after a heading's number and its dot ("1.'Информационное обеспечение")
HEADING_NUMBER_SPECK_RE = re.compile(r"^(\s*\d{1,2}(?:\.\d{1,2})*\.)[‚'`’‘\"][^\S\n]?(?=[А-ЯЁA-Z])")


def repair_activities(activities: list) -> None:
    """Context repairs where the rows are known (call after stitching, OCR'd documents).

    Item numbers against their neighbours (``repair_item_numbers``), Roman
    numerals of section headings (``fix_roman_heading``) and of Roman item
    numbers; each change flags the activity. Works on any objects with
    ``number``, ``section`` (list of str) and ``flags`` (list of str).
    """
    for act in activities:
        roman = fix_roman_number(act.number)
        if roman != act.number:
            act.number = roman
            act.flags.append("item_number_repaired")
    for act, (number, flag) in zip(activities, repair_item_numbers([a.number for a in activities])):
        if flag:
            act.number = number
            act.flags.append(flag)
    for act in activities:
        fixed = []
        for heading in act.section or []:
            new, changed = fix_roman_heading(HEADING_NUMBER_SPECK_RE.sub(r"\1 ", heading))
            changed = changed or new != heading
            fixed.append(new)
            if changed and "section_numeral_repaired" not in act.flags:
                act.flags.append("section_numeral_repaired")
        act.section = fixed
    depth = max((len(a.section or []) for a in activities), default=0)
    for d in range(depth):        # each level, within each parent (each plan of a file apart)
        groups: dict[tuple[str, ...], list[str]] = {}
        for act in activities:
            if act.section and len(act.section) > d:
                groups.setdefault(tuple(act.section[:d]), []).append(act.section[d])
        renumber = {(parent, old): new for parent, heads in groups.items()
                    for old, new in roman_section_sequence(heads).items()}
        for act in activities:
            sec = act.section or []
            key = (tuple(sec[:d]), sec[d]) if len(sec) > d else None
            if key in renumber:
                act.section = [*sec[:d], renumber[key], *sec[d + 1:]]
                if "section_numeral_repaired" not in act.flags:
                    act.flags.append("section_numeral_repaired")


ROMAN_LEAD_RE = re.compile(r"^(\s*)([IVX]{1,5})(?=[.)]\s)")


def roman_section_sequence(headings: list[str]) -> dict[str, str]:
    """Top-level headings whose Roman numeral breaks the sequence by a stroke a scan lost or
    added ("I. Нормативное …", "I. Организационное …", "III. …": the second is "II."), as
    {heading as read: heading mended}. A numeral is mended only where the one before and the one
    after agree on it (n-1 before, n+1 after), or, for the last heading, where it repeats the one
    before (a sequence never does); headings without a numeral are not judged."""
    order = list(dict.fromkeys(h for h in headings if h))
    values = [(roman_value(m.group(2)) if (m := ROMAN_LEAD_RE.match(h)) else None) for h in order]
    out: dict[str, str] = {}
    for k in range(1, len(order)):
        prev, cur = values[k - 1], values[k]
        if prev is None or cur is None or cur == prev + 1:
            continue
        nxt = values[k + 1] if k + 1 < len(order) else None
        if (k + 1 < len(order) and nxt == prev + 2) or (k + 1 == len(order) and cur == prev):
            m = ROMAN_LEAD_RE.match(order[k])
            assert m is not None
            out[order[k]] = m.group(1) + roman_numeral(prev + 1) + order[k][m.end(2):]
            values[k] = prev + 1
    return out
