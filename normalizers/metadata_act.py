"""The act a roadmap's header states: its kind (приказ / распоряжение / постановление), number and
date, read from act headings and approval stamps ("УТВЕРЖДЕНА распоряжением … от … № …") and the
authority printed above or named in them.

Part of the metadata reader (``normalizers.metadata``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from normalizers.deadline_types import calendar_date
from normalizers.metadata_authority import normalise_authority
from normalizers.metadata_lines import _is_upper
from normalizers.metadata_regions import _fold
from normalizers.metadata_words import (APPENDIX_NUMBER_RE, APPROVAL_RE, AUTHORITY_START_RE, KIND_STEMS, MONTHS,
                                        NUMBER_RE, NUMERIC_DATE_RE, ORDER_NAME_RE, TITLE_START_RE, WORD_DATE_RE,
                                        WORD_TOKEN_RE)
from normalizers.text import is_known_word


# ---------------------------------------------------------------- kind, number, date


def kind_of_word(word: str) -> str | None:
    """The act a word names: "ПРИКАЗ", "распоряжением", "постановлению", "приказываю" → its kind."""
    folded = _fold(word)
    for kind, stem in KIND_STEMS.items():
        if stem.match(folded):
            return kind
    return None


def _heading_kind(line: str) -> str | None:
    """Kind of a heading line ("ПРИКАЗ", "Р А С П О Р Я Ж Е Н И Е", "ПОСТАНОВЛЕНИЕ № 5")."""
    words = WORD_TOKEN_RE.findall(line)
    if not words or len(line) > 60:
        return None
    if len(words) > 1 and not is_known_word(words[0]) and kind_of_word(words[1]):
        words = words[1:]   # bilingual heading "КАРАР ПОСТАНОВЛЕНИЕ"
        line = line[line.find(words[0]):]
    kind = kind_of_word(words[0])
    followed_by_date = re.match(r"^\W*\w+\s+(?:от\b|№)", line, re.I) is not None
    if kind is None or not (words[0].isupper() or len(words) == 1 or followed_by_date):
        return None
    return kind if _fold(words[0]) == kind else None


def parse_date(text: str) -> date | None:
    """First valid date written as dd.mm.yyyy or "31 января 2020 г." in text."""
    found: list[tuple[int, date]] = []
    for m in NUMERIC_DATE_RE.finditer(text):
        d = calendar_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            found.append((m.start(), d))
    for m in WORD_DATE_RE.finditer(text):
        d = calendar_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        if d:
            found.append((m.start(), d))
    return min(found)[1] if found else None


STOP_AT_DASH_RE = re.compile(r"[.,](?=[-–/])|(?<=[-–/])[.,]")


# a number's letter suffix after a colon or semicolon ("№ 215:р"): a scan's dash, no number writes one so
COLON_SUFFIX_RE = re.compile(r"(№\s*\d{1,5})[:;](?=[а-яё]{1,3}(?![а-яё\d]))")


def parse_doc_number(text: str) -> str | None:
    """First act number after "№" / "N" ("82-мр", "01-10/123", "1187-п"); blanks give None."""
    text = COLON_SUFFIX_RE.sub(r"\1-", text)
    for m in NUMBER_RE.finditer(text):
        # a stop against a dash or a slash is a speck ("26-01.-06-150"): no number writes one there
        number = STOP_AT_DASH_RE.sub("", re.sub(r"\s+", "", m.group(1))).rstrip(".-/")
        if any(c.isdigit() for c in number):
            return number
    return None


# ---------------------------------------------------------------- blocks of the header


@dataclass
class _Block:
    """A run of lines that states an act: its kind, number, date and maybe authority."""

    kind: str | None
    text: str
    authority: str | None = None


def _heading_block(lines: list[str], k: int, kind: str) -> _Block:
    """The act heading at line k with the short lines around it that carry date and number."""
    parts: list[str] = []
    for j in range(max(0, k - 2), k):
        if lines[j] and len(lines[j]) <= 40 and (parse_date(lines[j]) or NUMBER_RE.search(lines[j])):
            parts.append(lines[j])
    parts.append(lines[k])
    for j in range(k + 1, min(len(lines), k + 7)):
        line = lines[j]
        if ORDER_NAME_RE.match(line) or TITLE_START_RE.match(line) or len(line) > 120:
            break
        parts.append(line)
    return _Block(kind, " ".join(parts), _heading_authority(lines, k))


def _heading_authority(lines: list[str], k: int) -> str | None:
    """Issuing body printed above an act heading ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ / ТУЛЬСКОЙ ОБЛАСТИ")."""
    above = [ln for ln in lines[max(0, k - 5):k] if ln]
    for start in range(len(above)):
        if AUTHORITY_START_RE.match(above[start]) and len(above[start]) < 150:
            parts = [above[start]]
            for line in above[start + 1:]:
                if _is_upper(parts[0]) != _is_upper(line) or len(line) > 80:
                    break
                parts.append(line)
            text = re.split(r"\s(?:ПРИКАЗ|РАСПОРЯЖЕНИЕ|ПОСТАНОВЛЕНИЕ)\b", " ".join(parts))[0]
            return normalise_authority(text) if len(text) < 200 else None
    return None


def _approval_block(lines: list[str], k: int) -> _Block:
    """"УТВЕРЖДЕНА распоряжением министерства … от 31 января 2020 г. № 82-мр" over up to 6 lines."""
    parts = [lines[k]]
    for j in range(k + 1, min(len(lines), k + 6)):
        line = lines[j]
        if not line or TITLE_START_RE.match(line) or len(line) > 200:
            break
        if APPROVAL_RE.match(line) and parse_date(" ".join(parts)):
            break
        parts.append(line)
    text = APPENDIX_NUMBER_RE.sub("", " ".join(parts))
    return _approval_from_text(text)


def _approval_from_text(text: str) -> _Block:
    """Kind from "приказом/распоряжению/…", the genitive authority after it, and the rest for date/number."""
    for m in WORD_TOKEN_RE.finditer(text):
        kind = kind_of_word(m.group())
        if kind is None:
            continue
        rest = text[m.end():]
        name = re.split(r"\bот\b|№|\bN\b|\(|\d", rest, maxsplit=1)[0].strip(" ,.;:")
        authority = normalise_authority(name) if AUTHORITY_START_RE.match(name) else None
        return _Block(kind, rest, authority)
    return _Block(None, text)


def _find_blocks(lines: list[str]) -> tuple[list[_Block], list[_Block], int | None]:
    """Act headings, approval stamps, and the index of the first approval/appendix line."""
    headings: list[_Block] = []
    approvals: list[_Block] = []
    first_approval: int | None = None
    for k, line in enumerate(lines):
        kind = _heading_kind(line)
        if kind:
            headings.append(_heading_block(lines, k, kind))
        elif APPROVAL_RE.match(line):
            approvals.append(_approval_block(lines, k))
            if first_approval is None:
                first_approval = k
    return headings, approvals, first_approval


def _verb_kind(lines: list[str]) -> str | None:
    """Kind from the operative verb ("ПРИКАЗЫВАЮ", "постановляет") when no heading says it."""
    for line in lines:
        for word in WORD_TOKEN_RE.findall(line):
            folded = _fold(word)
            if folded in ("приказываю", "постановляет", "постановляю", "распоряжаюсь"):
                return kind_of_word(folded)
    return None
