"""Stitching: item numbers — Arabic and Roman values, whether a number continues its neighbours'
sequence, and numbers written inside a title cell ("1.1.Ознакомить…")."""

from __future__ import annotations

import re
from typing import Optional

from normalizers.roman import roman_value
from pipeline.stitch.layout import MAX_NUMBER_GAP, OCR_DIGITS, OCR_TITLE_NUMBER_RE, TITLE_NUMBER_RE, TITLE_ROMAN_RE


def number_parts(number: Optional[str]) -> Optional[tuple[int, ...]]:
    """"1.2" → (1, 2); "IV" → (4,); None for anything that is not an item number."""
    if not number:
        return None
    t = number.strip().rstrip(".)")
    if re.fullmatch(r"(?:\d{1,3}\.)*\d{1,3}", t):
        return tuple(int(x) for x in t.split("."))
    r = roman_value(t) if re.fullmatch(r"[IVXL]{1,6}", t) else None
    return (r,) if r else None


def follows(prev: Optional[tuple[int, ...]], cand: tuple[int, ...]) -> bool:
    """Whether item number ``cand`` can come next after ``prev`` in a numbered list:
    the next item at some level ("1.2" → "1.3", "2"), or the first child ("1" → "1.1")."""
    if prev is None:
        return cand[-1] <= 2
    k = len(cand)
    if k == len(prev) + 1 and cand[:-1] == prev:
        return 1 <= cand[-1] <= 2
    for j in range(min(k, len(prev))):     # the next item at level j, then first children
        if cand[:j] == prev[:j] and 1 <= cand[j] - prev[j] <= MAX_NUMBER_GAP:
            return all(x <= 2 for x in cand[j + 1:])
        if cand[j] != prev[j]:
            break
    return False


def split_title_number(title: str, prev: Optional[tuple[int, ...]]) -> Optional[tuple[str, str]]:
    """(number, rest) when the title starts with an item number that continues the sequence."""
    m = TITLE_NUMBER_RE.match(title or "")
    if m:
        parts = number_parts(m.group(1))
        if parts and follows(prev, parts):
            return m.group(1), title[m.end():].strip()
        return None
    m = OCR_TITLE_NUMBER_RE.match(title or "")
    if m and prev is not None:          # "ll. Использование" read by OCR for "11."
        parts = number_parts(m.group(1).translate(OCR_DIGITS))
        if parts and len(parts) == len(prev) and parts[:-1] == prev[:-1] and parts[-1] == prev[-1] + 1:
            return m.group(1).translate(OCR_DIGITS), title[m.end():].strip()
    m = TITLE_ROMAN_RE.match(title or "")
    if m:
        value = roman_value(m.group(1))
        if value and (prev is None and value <= 2 or prev is not None and len(prev) == 1
                      and 1 <= value - prev[0] <= MAX_NUMBER_GAP or value == 1):
            return m.group(1), title[m.end():].strip()
    return None
