"""Roman numerals: their value ("IV" → 4) and the numeral of a value (4 → "IV"), for item numbers
and section headings."""

from __future__ import annotations

from typing import Optional

ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
NUMERALS = (("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def roman_value(text: str) -> Optional[int]:
    """"IV" → 4; None when the letters are no Roman number."""
    vals = [ROMAN_VALUES.get(ch) for ch in text.upper()]
    if not vals or None in vals:
        return None
    total = sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))
    return total if total > 0 else None


def roman_numeral(value: int) -> str:
    """4 → "IV" (values up to 89)."""
    out = ""
    for sym, v in NUMERALS:
        while value >= v:
            out, value = out + sym, value - v
    return out
