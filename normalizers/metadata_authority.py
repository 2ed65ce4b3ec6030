"""The issuing authority of a roadmap's act: put in the nominative with the usual capitals
(``normalise_authority``), cut where a bilingual header's other language begins.

Part of the metadata reader (``normalizers.metadata``).
"""

from __future__ import annotations

import re

from normalizers.metadata_lines import _is_upper, recase_upper_line
from normalizers.metadata_regions import find_region_mentions, _fold
from normalizers.metadata_words import (AUTHORITY_CAPITALISED, AUTHORITY_FIXED_CASE, NON_RUSSIAN_LETTERS_RE,
                                        WORD_TOKEN_RE)
from normalizers.morph import parses
from normalizers.ocr_stops import drop_name_stops
from normalizers.text import is_known_word


# ---------------------------------------------------------------- authority


def _to_nominative_word(word: str) -> str:
    """Singular nominative of an authority head noun, keeping the word's capitalisation style."""
    for p in parses(word):
        if p.tag.POS == "NOUN":
            form = p.inflect({"nomn", "sing"})
            if form:
                new = form.word
                return new.capitalize() if word[:1].isupper() else new
    return word


# a mark glued between two words where the space stood (a scan's speck: "образования`и", "ОБРАЗОВАНИЯ:И")
GLUED_MARK_RE = re.compile(r"(?<=[А-Яа-яЁё])[`'’‘:;^°]+(?=[А-Яа-яЁё])")


def normalise_authority(text: str) -> str | None:
    """Issuing body in the nominative with the usual capitals.

    "МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ КАЛУЖСКОЙ ОБЛАСТИ" → "министерство образования и науки
    Калужской области"; "Правительства Амурской области" → "Правительство Амурской области".
    """
    text = _russian_part(re.sub(r"\s+", " ", drop_name_stops(text or "")).strip(" ,.;:"))
    if not text:
        return None
    text = GLUED_MARK_RE.sub(" ", text)     # "образования`и науки": a scan's speck for the space
    if _is_upper(text):
        text = recase_upper_line(text)
    head, _, tail = text.partition(" ")
    head = _to_nominative_word(head).lower()
    if head in AUTHORITY_CAPITALISED:
        head = head.capitalize()
    text = f"{head} {tail}".strip()
    for lower, fixed in AUTHORITY_FIXED_CASE.items():
        if _fold(text).startswith(lower):
            text = fixed + text[len(lower):]
    return text


def _is_foreign_word(word: str) -> bool:
    """A word of the other language of a bilingual header ("РЕСПУБЛИКАСЫ", "МИНИСТРЛАР", "КАРАР")."""
    if NON_RUSSIAN_LETTERS_RE.search(word):
        return True
    return len(word) >= 4 and not is_known_word(word) and not _is_abbreviation_like(word)


def _is_abbreviation_like(word: str) -> bool:
    return len(word) <= 5 and word.isupper() or bool(re.search(r"[a-zа-яё][A-ZА-ЯЁ]", word))


def _russian_part(text: str) -> str:
    """An authority cut where a bilingual header's other language begins, and after the region it
    names ("КАБИНЕТ МИНИСТРОВ РЕСПУБЛИКИ ТАТАРСТАН ТАТАРСТАН РЕСПУБЛИКАСЫ …" → the Russian name)."""
    regions = [(m.start, m.end) for m in find_region_mentions(text)]
    for m in WORD_TOKEN_RE.finditer(text):
        inside_region = any(a <= m.start() < b for a, b in regions)
        if not inside_region and _is_foreign_word(m.group()):
            text = text[:m.start()]
            break
    strong = [m for m in find_region_mentions(text) if not m.weak]
    if strong:
        end = strong[0].end
        if text[:end].count("(") > text[:end].count(")") and text[end:end + 1] == ")":
            end += 1                    # "Республики Саха (Якутия)": the bracket the region opened
        text = text[:end]
    return text.strip(" ,.;:-–—")
