"""Header lines made readable for the metadata reader: line breaks, markdown, page numbers and
spaced capitals ("П Р И К А З") removed (``prepare_lines``), and lines in capitals put in lower
case keeping abbreviations and region names (``recase_upper_line``).

Part of the metadata reader (``normalizers.metadata``).
"""

from __future__ import annotations

import re
from typing import Iterable

from normalizers.metadata_regions import _restore_region_capitals
from normalizers.metadata_words import MARKDOWN_RE, PAGE_NUMBER_RE, SPACED_CAPS_RE, WORD_TOKEN_RE
from normalizers.morph import parses
from normalizers.text import is_known_word


# ---------------------------------------------------------------- line preparation


def _despace_capitals(line: str) -> str:
    """"П Р И К А З" → "ПРИКАЗ", "п о с т а н о в л я е т" → "постановляет"."""
    return SPACED_CAPS_RE.sub(lambda m: m.group().replace(" ", ""), line)


def prepare_lines(lines: Iterable[str]) -> list[str]:
    """Lines split at line breaks, markdown and page numbers removed, spaces collapsed; blanks kept."""
    out: list[str] = []
    for raw in lines:
        for piece in str(raw or "").replace("\r", "\n").split("\n"):
            line = MARKDOWN_RE.sub("", piece.replace("\t", " ").replace("\u00a0", " "))
            line = re.sub(r"\s+", " ", line).strip()
            if PAGE_NUMBER_RE.match(line):
                continue
            out.append(_despace_capitals(line))
    return out


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def _is_abbreviation_word(word: str) -> bool:
    """An upper-case word to keep as is: unknown to the dictionary or tagged as an abbreviation (СПО, ГБУ)."""
    if not is_known_word(word):
        return True
    found = parses(word)
    return bool(found) and "Abbr" in found[0].tag


def recase_upper_line(line: str) -> str:
    """A line in capitals put in lower case, keeping abbreviations (unknown words) and region names."""
    if not _is_upper(line):
        return line
    lowered = WORD_TOKEN_RE.sub(lambda m: m.group() if _is_abbreviation_word(m.group()) else m.group().lower(), line)
    return _restore_region_capitals(lowered)
