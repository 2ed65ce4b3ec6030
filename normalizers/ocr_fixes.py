"""Conservative post-OCR repairs on text: only slips that are certain are changed.

* Latin look-alike letters inside an otherwise Cyrillic word ("oбразование"
  with a Latin o) become Cyrillic; Latin words ("WorldSkills") stay Latin.
* "000" standing for the abbreviation ООО (followed by a quoted name or
  standing alone in a list of executors) becomes "ООО"; numbers stay numbers.
* Words broken by a line-end hyphen are rejoined when the result is a known
  word (``normalizers.text``).
"""

from __future__ import annotations

import re

from normalizers.text import rejoin_broken_words

LATIN_TO_CYRILLIC = str.maketrans({
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
    "P": "Р", "T": "Т", "X": "Х", "Y": "У",
})
LOOKALIKES = set("aeopcxyABCEHKMOPTXY")
WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+")
CYR_RE = re.compile(r"[А-Яа-яЁё]")
# "000 «Ромашка»", "000 \"…\"", or 000 alone on a line / between separators in a list
ZERO_OOO_RE = re.compile(r"(?<![\d.,])000(?=\s*[«\"“])|(?<![\d\w.,])000(?=\s*(?:$|\n|[,;]))", re.M)


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


def fix_zero_ooo(text: str) -> str:
    return ZERO_OOO_RE.sub("ООО", text)


def fix_ocr_text(text: str) -> str:
    """All repairs above, in a safe order; text with nothing to repair is returned unchanged."""
    if not text:
        return text
    return rejoin_broken_words(fix_zero_ooo(fix_latin_lookalikes(text)))
