"""OCR, a scanned letterhead in capitals: a word one letter from exactly one dictionary word mended,
a speck glued between two words taken for the space.

The header of an order is often set in capitals ("ДЕПАРТАМЕНТ ОБЩЕГО ОБРАЗОВАНИЯ ТОМСКОЙ
ОБЛАСТИ"); the cell repairs of ``ocr_fixes`` mend lower-case words only, so a misread letter
("ДЕНАРТАМЕНТ") or a speck between two words ("ТОМСКОЙ`ОБЛАСТИ") hides the issuing body from
the metadata. Only where exactly one reading is left:

* ``mend_caps_words``: a word of capitals that is no dictionary word and lies one letter from
  exactly one (``ocr_fixes.nearest_word``) takes that word, in capitals;
* ``split_caps_specks``: a mark no word holds (`` ` ' ’ ^ ° / . ``) between two words of capitals
  that are both dictionary words, their join none, is the space;
* ``join_split_caps``: a word of capitals split near its end ("МИНИСТЕРСТ ВО") joined where the
  first piece is no dictionary word and the join is one;
* in a header line in lower case, the cells' rules for the same slips: a mark or a stop between
  two dictionary words (``ocr_stops.drop_stray_stops``), a capital read inside a word
  (``ocr_fixes.lower_inner_capital``: "КрасноярскоГо" -> "Красноярского"), a word one letter
  from exactly one dictionary word (``ocr_fixes.mend_misread_words``: "План мёроприятий"), a mark
  between a day and its month (``ocr_deadline_specks.drop_day_month_speck``: "22. марта 2024 г").
"""

from __future__ import annotations

import re

from normalizers.ocr_deadline_specks import YEAR_STOP_WORD_RE, drop_day_month_speck, drop_month_year_speck
from normalizers.ocr_fixes import DOUBLED_AND_RE
from normalizers.ocr_words import lower_inner_capital, mend_misread_words, nearest_word
from normalizers.ocr_stops import drop_stray_stops
from normalizers.text import is_known_word

MIN_HYPHEN_SPLIT = 6      # letters of each word a hyphen read between them is taken for the space
CAPS_WORD_RE = re.compile(r"(?<![А-Яа-яЁё])[А-ЯЁ]{6,}(?![А-Яа-яЁё])")
CAPS_SPECK_RE = re.compile(r"(?<![А-Яа-яЁё])([А-ЯЁ]{2,})([`'’^°/.-])([А-ЯЁ]{2,})(?![А-Яа-яЁё-])")
# a word of capitals a scan split near its end ("МИНИСТЕРСТ ВО")
SPLIT_CAPS_RE = re.compile(r"(?<![А-Яа-яЁё])([А-ЯЁ]{4,}) ([А-ЯЁ]{1,3})(?![А-Яа-яЁё])")


def join_split_caps(text: str) -> str:
    """"МИНИСТЕРСТ ВО" -> "МИНИСТЕРСТВО": a word of capitals that is no dictionary word, and a
    piece of up to three capitals after it, joined where together they are one."""
    def join(m: re.Match) -> str:
        left, joined = m.group(1).lower(), (m.group(1) + m.group(2)).lower()
        return m.group(1) + m.group(2) if not is_known_word(left) and is_known_word(joined) else m.group(0)
    return SPLIT_CAPS_RE.sub(join, text)


def mend_caps_words(text: str) -> str:
    """"ДЕНАРТАМЕНТ ОБЩЕГО" -> "ДЕПАРТАМЕНТ ОБЩЕГО"; a word two dictionary words are one letter
    from, or a known word, stays."""
    if not text:
        return text

    def mend(m: re.Match) -> str:
        found = nearest_word(m.group(0).lower())
        return found.upper() if found else m.group(0)

    return CAPS_WORD_RE.sub(mend, text)


def split_caps_specks(text: str) -> str:
    """"ТОМСКОЙ`ОБЛАСТИ", "КАБИНЕТ/МИНИСТРОВ" -> "ТОМСКОЙ ОБЛАСТИ", "КАБИНЕТ МИНИСТРОВ" (two
    dictionary words, "ПОО/ОВО" stays); a hyphen so between two long words that make no
    compound too ("МИНИСТЕРСТВО-ОБРАЗОВАНИЯ"; "ХАНТЫ-МАНСИЙСКОГО", "ТОРГОВО-ПРОМЫШЛЕННАЯ" stay)."""
    if not text:
        return text

    def split(m: re.Match) -> str:
        left, right = m.group(1).lower(), m.group(3).lower()
        glued = left + ("-" if m.group(2) == "-" else "") + right
        if is_known_word(left) and is_known_word(right) and not is_known_word(glued) \
                and (m.group(2) != "-" or min(len(left), len(right)) >= MIN_HYPHEN_SPLIT):
            return f"{m.group(1)} {m.group(3)}"
        return m.group(0)

    return CAPS_SPECK_RE.sub(split, text)


LEADING_SPECKS_RE = re.compile(r"^[^\S\n]*(?:[.,:;'`‚’^°*_~]+|(?![иваксоу])[а-яё](?=[^\S\n]+[А-ЯЁ]{4,}))[^\S\n]*(?=[А-ЯЁA-Z«\"(0-9])", re.M)


# a quote opening a line of capitals that no quote closes: a speck ("\"МИНИСТЕРСТВО ОБРАЗОВАНИЯ …"
# had hidden the letterhead's authority on every page one of a grey copy)
UNCLOSED_QUOTE_CAPS_RE = re.compile(r"^[^\S\n]*[\"“”„«][^\S\n]*(?=[А-ЯЁ]{3,}[^\n\"“”»]*$)", re.M)


SPECK_AFTER_SIGN_RE = re.compile(r"№[^\S\n]*[’'`‚.,:]+[^\S\n]*(?=\d)")
# an act number a speck split ("№ 26-01:06-150", "№ 777 11-05"): its second part has the number's
# separator, so the piece between is one too
SPLIT_ACT_NUMBER_RE = re.compile(r"(№[^\S\n]*\d[\d\-/]*)(?:[^\S\n]*:[^\S\n]*|[^\S\n]+)(\d+([\-/])\d[\d\-/]*)(?![\d.,])")


def mend_act_number(text: str) -> str:
    """"№'912" -> "№ 912", "№ 26-01:06-150" -> "№ 26-01-06-150", "№ 777 11-05" -> "№ 777-11-05"."""
    text = SPECK_AFTER_SIGN_RE.sub("№ ", text)
    return SPLIT_ACT_NUMBER_RE.sub(lambda m: f"{m.group(1)}{m.group(3)}{m.group(2)}", text)


def fix_scan_caps(text: str) -> str:
    """The repairs above, for the header lines of a scanned order."""
    text = LEADING_SPECKS_RE.sub("", text)          # ".ДЕПАРТАМЕНТ …", "я ПРИКАЗ": a speck before the line
    text = UNCLOSED_QUOTE_CAPS_RE.sub("", text)     # "\"МИНИСТЕРСТВО …" with no closing quote
    text = DOUBLED_AND_RE.sub(r"\1", text)            # "ОБРАЗОВАНИЯ И И НАУКИ"
    text = mend_act_number(text)
    text = YEAR_STOP_WORD_RE.sub(r"\1 ", text)      # "на 2022-2024`годы"
    text = mend_misread_words(lower_inner_capital(drop_stray_stops(drop_month_year_speck(drop_day_month_speck(text)))))
    text = join_split_caps(text)                    # "МИНИСТЕРСТ ВО.ОБРАЗОВАНИЯ"
    return split_caps_specks(mend_caps_words(split_caps_specks(text)))    # "КАБИНЕГ/МИНИСТРОВ": split once mended
