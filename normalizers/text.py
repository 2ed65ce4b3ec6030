"""Text cleaning for cell and paragraph text: HTML remnants, whitespace, broken words.

Conservative by design: a word is only rejoined across a line break or a
hyphen when the joined form is a known Russian word (pymorphy3's dictionary)
and the pieces are not both known words on their own; text that was right is
never changed.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from normalizers.morph import get_morph

TAG_RE = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
SPACE_RE = re.compile(r"[ \t\u00a0\u2007\u202f\u200b\ufeff]+")
CTRL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# a Cyrillic word piece at a line end, optionally hyphenated, then its continuation
BROKEN_RE = re.compile(r"([А-Яа-яЁё]{2,})(-?)\s*\n\s*([а-яё]{2,})")
SPLIT_RE = re.compile(r"\b([А-Яа-яЁё]{3,}) ([а-яё]{2,})\b")


@lru_cache(maxsize=200_000)
def is_known_word(word: str) -> bool:
    """True when pymorphy3's dictionary knows the word (not a guess by analogy)."""
    if not word:
        return False
    try:
        return get_morph().word_is_known(word.lower())
    except Exception:  # pragma: no cover - dictionary missing
        return False


def _rejoin(m: re.Match) -> str:
    left, hyphen, right = m.group(1), m.group(2), m.group(3)
    joined = left + right
    if is_known_word(joined) and not (is_known_word(left) and is_known_word(right) and not hyphen):
        return joined
    if hyphen:  # a real hyphenated compound written across a line ("научно-\nметодический")
        return f"{left}-{right}"
    return f"{left}\n{right}"


def rejoin_broken_words(text: str) -> str:
    """Rejoin words broken by a line break (with or without a hyphen) when the result is a word."""
    return BROKEN_RE.sub(_rejoin, text)


def _rejoin_spaced(m: re.Match) -> str:
    left, right = m.group(1), m.group(2)
    joined = left + right
    if not is_known_word(left) or not is_known_word(right):
        if is_known_word(joined) and not is_known_word(right):
            return joined
    return m.group(0)


def rejoin_spaced_words(text: str) -> str:
    """"высококвалифици рованных" → "высококвалифицированных": only when a piece is no word."""
    return SPLIT_RE.sub(_rejoin_spaced, text)


def clean_text(text: str | None, keep_newlines: bool = True) -> str | None:
    """HTML removed, whitespace collapsed, broken words rejoined; None stays None.

    With ``keep_newlines`` the line structure of a cell is kept (one space
    inside lines, no empty lines); otherwise lines are joined with spaces.
    """
    if text is None:
        return None
    t = html.unescape(text)
    t = re.sub(r"<br\s*/?>|</p>|</li>", "\n", t, flags=re.I)
    t = TAG_RE.sub(" ", t)
    t = CTRL_RE.sub("", t).replace("\r\n", "\n").replace("\r", "\n")
    t = rejoin_broken_words(t)
    lines = [SPACE_RE.sub(" ", ln).strip() for ln in t.split("\n")]
    lines = [ln for ln in lines if ln]
    t = ("\n" if keep_newlines else " ").join(lines)
    t = rejoin_spaced_words(t)
    return t.strip()


def one_line(text: str | None) -> str | None:
    """Cleaned text on a single line (titles, headings)."""
    return clean_text(text, keep_newlines=False)
