"""OCR, a day read as a mark: "до ] декабря", the "1" of a date read as "]" or "|" (a speck on
its flag, a thin stroke), which the noise filter would drop as a rule's remnant and leave "до
декабря" — the end of the month, a confident wrong date. Between a preposition that takes a day
and a month in the genitive (the next word in reading order), such a mark is the day 1.
"""

from __future__ import annotations

import re

from extractors.ocr.engine import PxWord

ONE_MARKS = frozenset({"]", "[", "|", "!", "l", "I", "}", "{"})
BEFORE_DAY = frozenset({"до", "по", "с", "со", "к", "от", "позднее"})
GENITIVE_MONTH_RE = re.compile(r"^(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября"
                               r"|ноября|декабря)(?![а-яё])", re.I)


def _centre(w: PxWord) -> float:
    return w.y + w.h / 2


def _on_line(o: PxWord, w: PxWord) -> bool:
    """``o`` is another word on ``w``'s line."""
    return o is not w and abs(_centre(o) - _centre(w)) < max(o.h, w.h)


def _before(words: list[PxWord], w: PxWord) -> PxWord | None:
    """The word just left of ``w`` on its line."""
    left = [o for o in words if _on_line(o, w) and o.x + o.w <= w.x + 2 and w.x - (o.x + o.w) < 2 * max(o.h, w.h)]
    return max(left, key=lambda o: o.x + o.w, default=None)


def _after(words: list[PxWord], w: PxWord, line_start: int) -> PxWord | None:
    """The word just right of ``w`` on its line, else the first of the next line (which starts
    where ``w``'s line starts, ``line_start``)."""
    right = [o for o in words if _on_line(o, w) and o.x >= w.x + w.w - 2 and o.x - (w.x + w.w) < 2 * max(o.h, w.h)]
    if right:
        return min(right, key=lambda o: o.x)
    below = [o for o in words if 0.5 * w.h < _centre(o) - _centre(w) < 2.5 * max(o.h, w.h)
             and abs(o.x - line_start) < max(o.h, w.h)]
    return min(below, key=lambda o: o.y, default=None)


def day_ones(words: list[PxWord]) -> list[PxWord]:
    """``words`` with a lone mark between "до"/"с"/"по"/… on its line and a genitive month (next
    on the line, or first on the next one) read as "1"; so is such a mark glued to the preposition
    ("до!" before "декабря": "до" and "1")."""
    out = list(words)
    glued: dict[int, PxWord] = {}
    for i, w in enumerate(words):
        if len(w.text) > 1 and w.text[-1] in ONE_MARKS and w.text[:-1].lower() in BEFORE_DAY:
            after = _after(words, w, w.x)       # "до!" + "декабря": the mark glued to the preposition
            if after is not None and GENITIVE_MONTH_RE.match(after.text):
                cut = w.x + w.w * (len(w.text) - 1) // len(w.text)
                out[i] = PxWord(w.text[:-1], w.x, w.y, cut - w.x, w.h, w.conf)
                glued[i] = PxWord("1", cut, w.y, w.x + w.w - cut, w.h, w.conf)
            continue
        if w.text not in ONE_MARKS:
            continue
        before = _before(words, w)
        if before is None or before.text.lower() not in BEFORE_DAY:
            continue
        after = _after(words, w, before.x)
        if after is not None and GENITIVE_MONTH_RE.match(after.text):
            out[i] = PxWord("1", w.x, w.y, w.w, w.h, w.conf)
    for i in sorted(glued, reverse=True):
        out.insert(i + 1, glued[i])
    return out
