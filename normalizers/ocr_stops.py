"""OCR, stray stops between words: a toner speck on the baseline after a word is read as a full stop.

On a grainy scan a speck that lands on the text line just after a word looks exactly like a stop
("образования. и науки", "Заместитель.министра"); the image cannot tell them apart. The text can,
where exactly one reading is left: a stop directly after a full dictionary word (not an
abbreviation such as "тыс.", "обл.", "им.", "г.": no parse of it is one, and it has at least
``MIN_WORD`` letters, or ``MIN_FUNCTION_WORD`` for a preposition or conjunction, which never
ends a sentence) followed by a lower-case dictionary word does not end a sentence, so it is a
speck. Glued to both words it stands for the space it hides; with a space after it, it is dropped.

* ``drop_stray_stops``: in a cell of a scanned table (the next word must be in lower case), with a
  one-letter preposition ("о.реализации") and a mark glued between two words ("отчёта‘о");
* ``drop_lone_last_letter``: a speck read as a letter on a whole cell's last line;
* ``drop_name_stops``: in the name of an issuing body ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ. И НАУКИ …"),
  which holds no sentence, so the next word may be in capitals; there an opening bracket glued
  between two words that no bracket closes is a speck too;
* ``drop_acronym_colons``: a colon or semicolon after an acronym glued before the quoted name it
  qualifies ("ГБУ ДПО: «Центр …»"), where a name holds none.
"""

from __future__ import annotations

import re

from normalizers.morph import parses
from normalizers.text import is_known_word

MIN_WORD = 4                 # letters of a word a stray stop may follow (abbreviations are shorter) ...
MIN_FUNCTION_WORD = 3        # ... of a preposition or conjunction ("для", "при")
PREP_CONJ_POS = {"PREP", "CONJ"}
CELL_STOP_RE = re.compile(r"(?<![А-Яа-яЁё])([А-Яа-яЁё]{3,})\.( ?)([а-яё]+)(?![А-Яа-яЁё.])")
GLUED_BRACKET_RE = re.compile(r"(?<=[А-Яа-яЁё])\((?=[А-Яа-яЁё]+\s)(?![^()]*\))")
ACRONYM_COLON_RE = re.compile(r"(?<![А-Яа-яЁёA-Za-z])([А-ЯЁ]{2,}[а-яё]{0,2}[А-ЯЁ]*)[:;.](?= ?«)")
# ... or after a bracketed word of a name ("Республики Саха (Якутия):«Институт …»")
BRACKET_COLON_RE = re.compile(r"(\([А-ЯЁ][а-яё]+\))[:;](?=( ?)«)")
NAME_STOP_RE = re.compile(r"(?<![А-Яа-яЁё])([А-Яа-яЁё]{3,})\.( ?)([А-Яа-яЁё]+)(?![А-Яа-яЁё.])")


def is_full_word(word: str) -> bool:
    """A dictionary word no parse takes for an abbreviation, of ``MIN_WORD`` letters or more (a
    preposition or conjunction by its likeliest parse: ``MIN_FUNCTION_WORD``)."""
    if len(word) < MIN_FUNCTION_WORD or not is_known_word(word):
        return False
    found = parses(word)
    if any("Abbr" in p.tag for p in found):
        return False
    return len(word) >= MIN_WORD or found[0].tag.POS in PREP_CONJ_POS


def mend_stop(m: re.Match) -> str:
    """The replacement for a match of a stop between two words (groups 1 and 3 the words): the
    space, where the word before is a full word and the one after a dictionary word."""
    left, right = m.group(1), m.group(3)     # the stop goes, with or without a space after it
    if not (is_full_word(left) and is_known_word(right)):
        return m.group(0)
    return f"{left} {right}"


# a one-letter preposition that never stands for an abbreviation before a lower-case word
# ("о.реализации"): "с." (село), "г." (год, город), "п." (пункт) are abbreviations and stay
PREP_STOP_RE = re.compile(r"(?<![А-Яа-яЁё.])([оОвВкКуУ])\.( ?)([а-яё]{4,})(?![А-Яа-яЁё.])")
# a mark glued between a word and the capitals of a short form's region ("Минпромторг'ПК")
MARK_BEFORE_CAPS_RE = re.compile(r"(?<![А-Яа-яЁё])([А-ЯЁ][а-яё]{3,})[‘’`´'‚]([А-ЯЁ]{2,4})(?![А-Яа-яЁё])")
# a mark read between two words where their space was ("отчёта‘о", "плана`мероприятий")
GLUED_MARK_RE = re.compile(r"(?<![А-Яа-яЁё])([А-Яа-яЁё]+)[‘’`´'‚]([а-яё]+)(?![А-Яа-яЁё])")
# a line of one letter, perhaps with a mark after it ("и", "и,", "А")
LONE_LETTER_LINE_RE = re.compile(r"[^\S\n]*[А-Яа-яЁё][,.;:'`]?[^\S\n]*")


def _mend_prep(m: re.Match) -> str:
    return f"{m.group(1)} {m.group(3)}" if is_known_word(m.group(3)) else m.group(0)


def _mend_glued_mark(m: re.Match) -> str:
    left, right = m.group(1), m.group(2)
    if is_known_word(left) and is_known_word(right) and not is_known_word(left + right):
        return f"{left} {right}"
    return m.group(0)


def drop_stray_stops(text: str) -> str:
    """"Заместитель.министра" -> "Заместитель министра", "для.педагогов" -> "для педагогов",
    "семинаров. для" -> "семинаров для", "о.реализации" -> "о реализации", "отчёта‘о" -> "отчёта
    о"; "тыс.рублей", "т.е.", "с.Ивановка" and "им. Ленина" stay. Only before a lower-case
    dictionary word, or before a quoted name after a word in an oblique case ("учреждением.
    «Республиканский …»"), or before a place name after a region's head noun ("Республики.
    Башкортостан"), or before that head noun and its place name ("науки. Республики Башкортостан")."""
    if not text:
        return text
    text = GLUED_MARK_RE.sub(_mend_glued_mark, text)
    text = MARK_BEFORE_CAPS_RE.sub(r"\1 \2", text)        # "(Минпромторг'ПК)"
    if "." not in text:
        return text
    text = REGION_STOP_RE.sub(_mend_region_stop, BEFORE_NAME_STOP_RE.sub(_mend_before_name, text))
    text = STOP_BEFORE_REGION_RE.sub(_mend_region_stop, text)
    return PREP_STOP_RE.sub(_mend_prep, CELL_STOP_RE.sub(mend_stop, text))


# a stop between a word and the quoted name it governs ("учреждением. «Республиканский …»")
BEFORE_NAME_STOP_RE = re.compile(r"(?<![А-Яа-яЁё])([а-яё]{5,})\.(\s+«[А-ЯЁ])")      # also at a line end
OBLIQUE = {"gent", "datv", "ablt", "loct"}


# a stop between a region's head noun and its proper name ("Республики. Башкортостан")
REGION_STOP_RE = re.compile(r"(?<![А-Яа-яЁё])([Рр]еспублики|области|края|округа)\.([^\S\n]+)([А-ЯЁ][а-яё]{4,})(?![а-яё])")


# ... or between a name's word and the region's head noun, its place name after it ("образования и науки.
# Республики Башкортостан (далее - Минобрнауки РБ)": the definition had read "Республики Башкортостан")
STOP_BEFORE_REGION_RE = re.compile(r"(?<![А-Яа-яЁё])([а-яё]{3,})\.([^\S\n]+Республики[^\S\n]+)([А-ЯЁ][а-яё]{4,})(?![а-яё])")


def _mend_region_stop(m: re.Match) -> str:
    """The stop goes where the capitalised word after it is a place name or no dictionary word
    ("Башкортостак"): no sentence opens so; "… области. Контроль …" keeps it."""
    word = m.group(3)
    place = any("Geox" in p.tag for p in parses(word)) or not is_known_word(word.lower())
    return f"{m.group(1)}{m.group(2)}{word}" if place else m.group(0)


def _mend_before_name(m: re.Match) -> str:
    """The stop goes where the word before the name can only be a noun or adjective in an oblique
    case: no sentence ends on "учреждением" (one may on "план", "года")."""
    found = [p for p in parses(m.group(1)) if p.tag.POS in ("NOUN", "ADJF")]
    oblique = bool(found) and all(p.tag.case in OBLIQUE for p in found) and all(
        p.tag.POS in ("NOUN", "ADJF") for p in parses(m.group(1)))
    return m.group(1) + m.group(2) if oblique else m.group(0)


MARKS_LINE_RE = re.compile(r"[^\w\n]+")


def drop_mark_lines_at_end(cell: str) -> str:
    """The last lines of a whole cell that hold marks only ("МОиН РТ\nИРО РТ\n+", "…\n—") are specks
    or a rule's remnant; a cell of one line of marks ("—": nothing to do) stays."""
    if not cell or "\n" not in cell:
        return cell
    lines = cell.split("\n")
    k = len(lines)
    while k > 1 and MARKS_LINE_RE.fullmatch(lines[k - 1].strip() or "-"):
        k -= 1
    return "\n".join(lines[:k]) if k < len(lines) and any(ch.isalnum() for ch in "".join(lines[:k])) else cell


def drop_lone_last_letter(cell: str) -> str:
    """The last lines of a whole cell that are each one letter alone ("Заместитель министра\nи",
    "постоянно\nи,\nА") are specks: no cell ends with a bare conjunction. Capitals alone, with no
    lower-case letter among them, stay ("Группа\nА", an initial "Иванов\nА."). For a whole cell only (a page's
    text block may go on on the next page)."""
    if not cell or "\n" not in cell:
        return cell
    lines = cell.split("\n")
    k = len(lines)
    while k > 1 and LONE_LETTER_LINE_RE.fullmatch(lines[k - 1]):
        k -= 1
    tail = [ln.strip() for ln in lines[k:]]
    if not any(t[0].islower() for t in tail):
        return cell
    return "\n".join(lines[:k])


def drop_name_stops(text: str) -> str:
    """"МИНИСТЕРСТВО ОБРАЗОВАНИЯ. И НАУКИ" -> "МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ" (a body's name
    has no sentence end inside, nor before a bracketed part, "Саха. (Якутия)"; "им." or "г."
    before a name stays); an opening bracket glued
    between two words that no bracket closes is a speck for the space ("образования(и науки")."""
    if not text:
        return text
    if text.count("(") > text.count(")"):
        text = GLUED_BRACKET_RE.sub(" ", text)
    if "." not in text:
        return text
    text = STOP_BEFORE_BRACKET_RE.sub(lambda m: f"{m.group(1)} {m.group(2)}" if is_full_word(m.group(1))
                                      else m.group(0), text)
    return NAME_STOP_RE.sub(mend_stop, text)


# a stop between a name's word and a bracketed part of the name ("Республики Саха. (Якутия)")
STOP_BEFORE_BRACKET_RE = re.compile(r"(?<![А-Яа-яЁё])([А-Яа-яЁё]{3,})\.[^\S\n]?(\([А-ЯЁ])")


def drop_acronym_colons(text: str) -> str:
    """"КГАУ ДПО: «Центр»" -> "КГАУ ДПО «Центр»": a colon, semicolon or stop ("КГАУ ДПО. «Красноярский
    …»") a scan put after an acronym right before a quoted name, or a colon after a bracketed word of a
    name ("(Якутия):«Институт …»"); after a word ("Организатор: «Центр»") it stays."""
    if not text or "«" not in text:
        return text
    text = BRACKET_COLON_RE.sub(lambda m: m.group(1) + ("" if m.group(2) else " "), text)   # "(Якутия):«Институт"
    return ACRONYM_COLON_RE.sub(r"\1", text)
