"""OCR, the marks a scan leaves in a definition's full form that no name has: at a word's edge
("Омской' области", "‘образовательные", "Красноярского! края"), after a one-letter word
("и'переподготовки", "и. переподготовки"), inside a word ("Минисы'ерство": the word the dictionary
then knows, else the mark dropped for the word mends to find it), a lone dash between an adjective
and the word it agrees with, a hyphen before a capitalised word after an inflected one
("Республики-Татарстан"), a hyphen before a one-letter preposition ("управление-в сфере") or an
opening quote ("учреждение-« Центр»"), a mark glued before a capitalised word ("науки'Республики").
``normalizers.ocr_full_form.mend_full_form`` runs them."""
from __future__ import annotations

import re

from normalizers.morph import parses
from normalizers.ocr_lexicon import agrees_with_next
from normalizers.ocr_words import RUSSIAN
from normalizers.text import is_known_word

# a mark a scan puts at a word's edge inside a name ("Омской' области", "‘образовательные",
# "Красноярского! края"), or between a one-letter word and the next ("и'переподготовки", "и. переподготовки")
EDGE_MARK_RE = re.compile(r"(?<=[А-Яа-яЁё])[`'‘’^°!]+(?=\s)|(?<=\s)[`'‘’^°]+(?=[А-Яа-яЁё])")
ONE_LETTER_MARK_RE = re.compile(r"(?<![А-Яа-яЁё])([иву])(?:[`'‘’^°]+|\.\s*)(?=[а-яё]{3,})")
# a mark inside a word ("Минисы'ерство"): a misread letter, or a speck over the word
INNER_MARK_RE = re.compile(r"(?<![А-Яа-яЁё])([А-Яа-яЁё]{2,})[`'‘’^°]([а-яё]{2,})(?![А-Яа-яЁё])")
# a lone dash or mark between two lower-case words ("профессиональные - образовательные")
LONE_MARK_RE = re.compile(r"(?<![А-Яа-яЁё])([а-яё]{3,}) [-–—‘’'`^°] (?=([а-яё]{3,}))")
# a hyphen before a capitalised word after a word in an oblique case ("Республики-Татарстан")
CAPITAL_HYPHEN_RE = re.compile(r"(?<![А-Яа-яЁё-])([А-Яа-яЁё]{3,}(?:и|ы|ой|ей|ого|его|ому|ему))-([А-ЯЁ][а-яё]{2,})(?![А-Яа-яЁё-])")
# a hyphen before a one-letter preposition ("управление-в сфере"), a mark glued before a capitalised
# word ("науки'Республики"), a hyphen before an opening quote ("учреждение-« Центр»")
HYPHEN_PREPOSITION_RE = re.compile(r"(?<=[а-яё]{3})-([вскоу])(?=\s)")
MARK_BEFORE_CAPITAL_RE = re.compile(r"(?<=[а-яё]{2})[`'‘’^°](?=[А-ЯЁ][а-яё])")
QUOTE_SPECKS_RE = re.compile(r"(?<=[А-Яа-яЁё])\s*-\s*«\s*|«\s+(?=[А-Яа-яЁё])")


def _inner_mark(m: re.Match) -> str:
    left, right = m.group(1), m.group(2)
    whole = left + right
    if is_known_word(whole):
        return whole
    found = {left + ch + right for ch in RUSSIAN if is_known_word(left + ch + right)}
    return found.pop() if len(found) == 1 else whole    # the word mends may find it


def _lone_mark(m: re.Match) -> str:
    left, right = m.group(1), m.group(2)
    adjective = any(p.tag.POS in ("ADJF", "PRTF") for p in parses(left))
    if adjective and is_known_word(left) and is_known_word(right) and agrees_with_next(left, right):
        return left + " "
    return m.group(0)


def _capital_hyphen(m: re.Match) -> str:
    left, right = m.group(1), m.group(2)
    if is_known_word(m.group(0).lower()) or not (is_known_word(left) and is_known_word(right)):
        return m.group(0)
    return f"{left} {right}"


def form_marks(full: str) -> str:
    """The marks a scan leaves in a name that no name has: at a word's edge, after a one-letter
    word, inside a word (the word the dictionary then knows), a lone dash between an adjective and
    the word it agrees with, a hyphen before a capitalised word after an inflected one."""
    text = ONE_LETTER_MARK_RE.sub(r"\1 ", EDGE_MARK_RE.sub("", full))
    text = HYPHEN_PREPOSITION_RE.sub(r" \1", MARK_BEFORE_CAPITAL_RE.sub(" ", text))
    text = QUOTE_SPECKS_RE.sub(lambda m: " «" if "-" in m.group(0) else "«", text)
    text = INNER_MARK_RE.sub(_inner_mark, text)
    return CAPITAL_HYPHEN_RE.sub(_capital_hyphen, drop_lone_marks(text))


def drop_lone_marks(text: str) -> str:
    """A lone dash or mark between an adjective and the word it agrees with ("профессиональные -
    образовательные") dropped; other lone dashes stay."""
    return LONE_MARK_RE.sub(_lone_mark, text)
