"""Column roles from header texts, by fuzzy matching on word stems (not exact strings).

A header such as "Наименование мероприятия", "Мероприятие", "Перечень мероприятий"
maps to ``title``; "Ответственный исполнитель", "Исполнители", "Ответственные"
to ``responsible``; year cells under "Целевые индикаторы" to ``target:2021`` …
Matching works on lower-cased text with OCR-tolerant fuzzy comparison of
stems (rapidfuzz's ``fuzz.ratio``), so unseen wordings and slightly damaged scans still map.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from normalizers.text import one_substitution

# role -> stems; earlier roles win ties (result_document before result, etc.)
ROLE_STEMS: list[tuple[str, tuple[str, ...]]] = [
    ("number", ("№", "п/п", "n п/п", "номер")),
    ("funding_source", ("источник финанс", "источники финанс")),
    ("funding", ("финансирован", "объем средств", "тыс. руб", "млн. руб", "бюджетные ассигн")),
    ("result_document", ("документ", "форма завершения", "форма отчет", "подтверждающ", "закрепляющ")),
    ("unit", ("единиц", "ед. изм", "ед.изм", "измерител")),
    ("targets", ("целев", "индикатор", "значени", "плановое значение")),
    ("tasks", ("задач",)),
    ("description", ("содержание", "описание", "механизм реализ")),
    ("responsible", ("ответствен", "исполнител", "соисполнител", "участник", "куратор")),
    # (the whole phrases too: a scan's slip in a word as short as "срок" is past fuzzy matching, "Срак реализации")
    ("deadline", ("срок", "дата", "период", "год реализ", "время провед", "начало реализ", "окончание реализ",
                  "срок реализации", "срок исполнения", "срок выполнения", "срок проведения")),
    ("result", ("результат", "эффект", "итог")),
    ("title", ("наименовани", "мероприяти", "название", "перечень", "содержание мероприят")),
    ("indicator", ("показател", "критери")),
]
YEAR_RE = re.compile(r"^\s*(19|20)\d{2}\s*(г\.?|год)?\s*$")
NUMBERING_RE = re.compile(r"^\s*\d{1,2}\.?\s*$")
MIN_SCORE = 85


def _norm(text: str) -> str:
    t = (text or "").lower().replace("ё", "е")
    t = re.sub(r"\s+", " ", t)
    return t.strip()


def role_score(text: str, stem: str, cutoff: float = 0.0) -> float:
    """How well a header text contains a stem (0–100), tolerant to OCR slips.

    With ``cutoff``, a score below it may come back lower, still below it (a piece too short to
    reach it is not compared letter by letter); a score that reaches it is exact.
    """
    t = _norm(text)
    return _score(t, t.split(), stem, cutoff)


def _score(t: str, words: list[str], stem: str, cutoff: float) -> float:
    """``role_score`` of the normalised text ``t`` (split into ``words``)."""
    if not t:
        return 0.0
    if stem in t:
        return 100.0
    if len(stem) < 4:  # short stems ("№") must be present literally
        return 0.0
    best = 0.0
    size = len(stem)
    n = len(stem.split())
    for i in range(len(words)):
        piece = (" ".join(words[i:i + n]) if n > 1 else words[i])[:size]
        # the ratio is 200 × the common letters ÷ both lengths: a short piece cannot reach cutoff
        if cutoff and 200.0 * len(piece) / (size + len(piece)) < cutoff - 1e-9:   # (margin for rounding)
            continue
        best = max(best, fuzz.ratio(stem, piece))
    return best


def _join_digits(text: str) -> str:
    """"202 1" (a year wrapped in a narrow column) → "2021"."""
    return re.sub(r"(?<=\d)\s+(?=\d)", "", text or "")


@lru_cache(maxsize=8192)
def header_role(text: str) -> Optional[str]:
    """The role of one header cell, or None when nothing matches well enough."""
    text = _join_digits(text).strip(" \t\n—–-_|.,:;'\"«»“”„‘’‚`°^*~")   # OCR debris around a header word
    # (a scan's letter read as a quote mark: "“рок начала", the "С" lost, still reads as "срок")
    if YEAR_RE.match(text or ""):
        return "year"
    if year_of(text) and len(_norm(text)) <= 60 and re.search(r"значени|индикатор|показател|план|факт|год", _norm(text)):
        return "year"
    t = _norm(text)
    words = t.split()
    found: list[tuple[int, float, str]] = []   # (position of the stem in the text, score, role)
    for role, stems in ROLE_STEMS:
        s = max(_score(t, words, st, MIN_SCORE) for st in stems)
        if s >= MIN_SCORE:
            pos = min((t.find(st) for st in stems if st in t), default=len(t))
            found.append((pos, s, role))
    if not found:
        found = _glued_roles(t)
    if not found:
        return None
    roles = {r for _, _, r in found}
    if "title" in roles and "indicator" in roles:     # "Наименование показателя"
        return "indicator"
    if "result_document" in roles:                    # "Документ, закрепляющий результат"
        return "result_document"
    if "number" in roles and len(t) <= 12:
        return "number"
    # otherwise the role whose stem comes first in the header text, then the best score
    return min(found, key=lambda f: (f[0], -f[1]))[2]


GLUED_SCORE = 90        # a long stem found whole once a scan's split words are glued back
GLUED_MIN_STEM = 6


def _glued_roles(t: str) -> list[tuple[int, float, str]]:
    """Roles of a header whose words a scan split or spattered ("{-Соисполн ители", "Значе_ ние"):
    the letters alone, glued, must hold a long one-word stem whole. Only asked when nothing
    matched word by word (a header whose words stand whole never gets here)."""
    glued = re.sub(r"[^0-9a-zа-я№/]", "", t)
    found = []
    for role, stems in ROLE_STEMS:
        pos = [glued.find(st) for st in stems if len(st) >= GLUED_MIN_STEM and " " not in st and st in glued]
        if pos:
            found.append((min(pos), GLUED_SCORE, role))
    return found


LOOSE_SCORE = 70        # the one role a scan's header lacks: a lower bar, for that role only
LOOSE_MIN_STEM = 6      # … and only with stems long enough that 70 still means most letters


def loose_role_score(text: str, role: str) -> float:
    """How well a header text matches ``role`` by its long one-word stems (0–100), for a lower
    bar than ``MIN_SCORE`` where one role of a scan's header is known to be missing; a header of
    one word that is a shorter stem with one letter misread, its first letter kept ("Срек" for
    "Срок"), reaches the bar."""
    t = _norm(_join_digits(text))
    word = re.sub(r"[^a-zа-я]", "", t)
    if word and " " not in t.strip(" .,:;") and any(
            len(st) == len(word) and st[0] == word[0] and one_substitution(st, word)
            for r, sts in ROLE_STEMS if r == role for st in sts if len(st) >= 4 and " " not in st):
        return float(LOOSE_SCORE)
    stems = [st for r, sts in ROLE_STEMS if r == role for st in sts if len(st) >= LOOSE_MIN_STEM and " " not in st]
    return max((_score(t, t.split(), st, 0.0) for st in stems), default=0.0)


def is_numbering_row(texts: list[str]) -> bool:
    """A row "1 2 3 4 5" that numbers the columns under the header."""
    vals = [t.strip().rstrip(".") for t in texts if t and t.strip()]
    if len(vals) < 3 or not all(v.isdigit() for v in vals):
        return False
    nums = [int(v) for v in vals]
    return nums[0] <= 2 and nums == list(range(nums[0], nums[0] + len(nums)))


def year_of(text: str) -> Optional[str]:
    """The year a header cell stands for: "2021", "2021 г.", "Значение в 2021 году"."""
    years = re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", _join_digits(text))
    return years[0] if len(years) == 1 else None
