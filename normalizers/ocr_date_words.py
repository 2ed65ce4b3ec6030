"""The words of a deadline a scan may misread, read back where only one reading is possible:
month names (``month_reading``: "Дскабрь" -> "декабрь", "Девёбря" -> "декабря"), the quarter and
half-year words (``period_reading``: "квартап" -> "квартал") and the recurrence adverbs
(``recurrence_reading``: "Ржегодно", "портбянНо" -> "ежегодно", "постоянно"). Used by
``normalizers.ocr_dates``."""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from normalizers.text import is_known_word, one_edit

MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
               "октябр", "ноябр", "декабр")
MONTH_ENDINGS = ("ь", "я", "е", "ю", "ем")
MONTH_FORMS: tuple[tuple[int, str], ...] = tuple(
    (k + 1, form)
    for k, stem in enumerate(MONTH_STEMS)
    for form in ((stem + "й", stem + "я", stem + "е", stem + "ю", stem + "ем") if stem == "ма"
                 else (stem, stem + "а", stem + "е", stem + "у", stem + "ом") if stem in ("март", "август")
                 else tuple(stem + e for e in MONTH_ENDINGS))
)
MONTH_WORDS = frozenset(form for _, form in MONTH_FORMS)
LETTERS_RE = re.compile(r"[А-Яа-яЁё]+")

MIN_REPAIR_LEN = 5


def _limit(word: str) -> int:
    return 2 if len(word) >= 7 else 1


@lru_cache(maxsize=10_000)
def month_reading(word: str) -> tuple[str | None, bool]:
    """(the month form ``word`` is a one-slip misreading of, or None; whether it resembles a month).

    A dictionary word is never a slip; the nearest form must be the only one that near and belong
    to one month ("июпь" lies one edit from both "июнь" and "июль": it resembles, it is not read).
    """
    w = word.lower().replace("ё", "е")
    if w != word.lower() and any(w == f for _, f in MONTH_FORMS):
        return w, True                  # "сёнтябрь": no month's name has "ё", the dots a speck's
    if len(w) < 4 or not LETTERS_RE.fullmatch(w) or any(w == f for _, f in MONTH_FORMS) or is_known_word(w):
        return None, False
    limit = _limit(w)
    near = [(d, month, form) for month, form in MONTH_FORMS if (d := Levenshtein.distance(w, form, score_cutoff=limit)) <= limit]
    if not near:
        return None, False
    best = min(d for d, _, _ in near)
    months = {m for d, m, _ in near if d <= best + 1}
    forms = [f for d, _, f in near if d == best]
    stem_kept = any(w.startswith(f[:3]) for d, _, f in near if d == best)
    if (len(w) >= MIN_REPAIR_LEN or stem_kept) and best == 1 and len(months) == 1:
        return forms[0], True           # forms of one month alike ("октябръ"): the first, same dates
    if best == 2 and len(forms) == 1 and _far_from_others(w, forms[0], [f for m, f in MONTH_FORMS if m not in months]):
        return forms[0], True           # "Девёбря": two letters off "декабря", every other month far
    return None, True


MIN_TWO_SLIPS = 7          # a word read with two slips is mended only from this many letters ...
TWO_SLIPS_MARGIN = 2       # ... its first letter kept, every other word at least this much further off


# lower-case letters a scan reads for one another at a word's head (one stroke apart: "ностоянио")
HEAD_LOOKALIKES = {("н", "п"), ("п", "н"), ("н", "и"), ("и", "н")}


def _far_from_others(word: str, form: str, others) -> bool:
    """Whether ``word``, two letters off ``form``, is long enough, opens as it does (or with a letter
    one stroke from its: "ностоянио" for "постоянно"), and lies at least ``TWO_SLIPS_MARGIN`` further
    from every one of ``others`` (the other months' or adverbs' forms)."""
    if len(word) < MIN_TWO_SLIPS or (word[:1] != form[:1] and (word[:1], form[:1]) not in HEAD_LOOKALIKES):
        return False
    limit = 2 + TWO_SLIPS_MARGIN - 1
    return all(Levenshtein.distance(word, o, score_cutoff=limit) > limit for o in others)


PERIOD_FORMS = ("квартал", "квартала", "кварталы", "кварталов", "квартале", "кварталам", "кварталах",
                "полугодие", "полугодия", "полугодии", "полугодий", "полугодиям", "полугодиях")
MIN_PERIOD_REPAIR = 6


@lru_cache(maxsize=10_000)
def period_reading(word: str) -> str | None:
    """The quarter or half-year word ``word`` is a one-letter misreading of ("квартап" ->
    "квартал"), or None: a dictionary word is never a slip, and the form must be the only one
    that near."""
    w = word.lower().replace("ё", "е")
    if len(w) < MIN_PERIOD_REPAIR or w in PERIOD_FORMS or is_known_word(w):
        return None
    near = [f for f in PERIOD_FORMS if one_edit(w, f)]
    return near[0] if len(near) == 1 else None


RECURRENCE_WORDS = ("ежегодно", "ежеквартально", "ежемесячно", "еженедельно", "ежедневно", "постоянно")
MIN_RECURRENCE_REPAIR = 7


@lru_cache(maxsize=10_000)
def recurrence_reading(word: str) -> str | None:
    """The recurrence adverb ``word`` is a one-letter misreading of ("Ржегодно" -> "ежегодно"), or
    None: a dictionary word is never a slip, and the adverb must be the only one that near."""
    w = word.lower().replace("ё", "е")
    if len(w) < MIN_RECURRENCE_REPAIR or w in RECURRENCE_WORDS or is_known_word(w):
        return None
    if w[:1].isdigit():                 # its first letter read as a digit: that letter only
        near = [r for r in RECURRENCE_WORDS if len(r) == len(w) and r[1:] == w[1:]]
    else:
        near = [r for r in RECURRENCE_WORDS if one_edit(w, r)]
    if not near:                        # "портбянно": two letters off "постоянно", every other adverb far
        near = [r for r in RECURRENCE_WORDS if Levenshtein.distance(w, r, score_cutoff=2) == 2
                and _far_from_others(w, r, [o for o in RECURRENCE_WORDS if o != r])]
    return near[0] if len(near) == 1 else None
