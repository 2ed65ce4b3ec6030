"""Text cleaning for cell and paragraph text: HTML remnants, whitespace, broken words.

Conservative by design: a word is only rejoined across a line break or a
hyphen when the joined form is a known Russian word (pymorphy3's dictionary)
and the pieces are not both known words on their own; text that was right is
never changed. A one-letter tail split off in a justified or narrow column
("ежеквартальн о") joins when the whole is a word and the fragment is not; a
hyphen at a line end stays when the dictionary spells the word with it
("Торгово-промышленная") and goes when it was a soft hyphenation ("образо-вания").
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from normalizers.morph import get_morph

TAG_RE = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
SPACE_RE = re.compile(r"[ \t\u00a0\u2007\u202f\u200b\ufeff]+")
CTRL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# a Cyrillic word piece at a line end, optionally hyphenated, then its continuation; tried only
# where a word starts (the lookbehind): a try inside a word never finds what the try at its start
# missed, and without the lookbehind every word of every cell was re-read from each of its letters
BROKEN_RE = re.compile(r"(?<![А-Яа-яЁё])([А-Яа-яЁё]{2,})(-?)\s*\n\s*([а-яё]+)(?![А-Яа-яЁё])")
# a word split by a space inside a line: "высококвалифици рованных", "ежеквартальн о" (justified columns)
SPLIT_RE = re.compile(r"\b([А-Яа-яЁё]{3,}) ([а-яё]{2,})\b")
ONE_LETTER_TAIL_RE = re.compile(r"\b([А-Яа-яЁё]{3,}) ([а-яё])\b")
# the Russian words of one letter (lower case: compare ``ch.lower()``)
ONE_LETTER_WORDS = frozenset("авикосуя")


@lru_cache(maxsize=200_000)
def is_known_word(word: str) -> bool:
    """True when pymorphy3's dictionary knows the word (not a guess by analogy)."""
    if not word:
        return False
    try:
        return get_morph().word_is_known(word.lower())
    except Exception:  # pragma: no cover - dictionary missing
        return False


def one_substitution(a: str, b: str) -> bool:
    """Whether two strings of one length differ in exactly one character (a misread letter or
    digit, nothing dropped or added)."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def one_edit(a: str, b: str) -> bool:
    """Whether two different words are one substitution, insertion or deletion apart."""
    return a != b and Levenshtein.distance(a, b, score_cutoff=1) == 1


def is_organisation_name(word: str) -> bool:
    """True when pymorphy3's dictionary knows the word as an organisation's name (grammeme Orgn:
    "Минтруд", "Рособрнадзор", "Минобрнауки"), not a guess by analogy."""
    if not is_known_word(word):
        return False
    try:
        return any("Orgn" in p.tag for p in get_morph().parse(word))
    except Exception:  # pragma: no cover - dictionary missing
        return False


def _rejoin(m: re.Match) -> str:
    left, hyphen, right = m.group(1), m.group(2), m.group(3)
    joined = left + right
    if hyphen and is_known_word(f"{left}-{right}"):
        return f"{left}-{right}"  # a compound the dictionary spells with its hyphen ("Торгово-промышленная")
    if len(right) == 1 and not hyphen:
        return joined if _one_letter_tail(left, right) else f"{left}\n{right}"
    if is_known_word(joined) and not (is_known_word(left) and is_known_word(right) and not hyphen):
        return joined  # a soft hyphenation or a wrapped word ("образо-\nвания")
    if hyphen:  # a real hyphenated compound written across a line ("научно-\nметодический")
        return f"{left}-{right}"
    return f"{left}\n{right}"


def _one_letter_tail(left: str, right: str) -> bool:
    """ "ежеквартальн о": a last letter split off a word; joined only when the dictionary knows
    the whole and not the fragment (so "в городе и области" keeps its "и")."""
    return is_known_word(left + right) and not is_known_word(left)


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


def _rejoin_tail(m: re.Match) -> str:
    left, right = m.group(1), m.group(2)
    return left + right if _one_letter_tail(left, right) else m.group(0)


def rejoin_spaced_words(text: str) -> str:
    """"высококвалифици рованных" → "высококвалифицированных", "ежеквартальн о" → "ежеквартально":
    only when a piece is no word."""
    return SPLIT_RE.sub(_rejoin_spaced, ONE_LETTER_TAIL_RE.sub(_rejoin_tail, text))


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


def drop_unopened_brackets(name: str) -> str:
    """``name`` without each closing bracket standing apart (a space before it) that no bracket
    opened: a speck's ("ТОИПКРО )")."""
    out, depth = [], 0
    for ch in name:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0 and (not out or out[-1].isspace()):
                continue
            depth = max(0, depth - 1)
        out.append(ch)
    return "".join(out).strip() if len(out) < len(name) else name
