"""The words of the document's own region misread by a letter on a scan ("Пермекого края" in a plan of
Perm Krai -> "Пермского края"): each capitalised word that is no dictionary word and one letter
from exactly one form of a word of the region's name is that form. The region comes from the
metadata; a word one letter from another region's name is not touched (only this region's forms
are candidates, and the word must be no dictionary word)."""
from __future__ import annotations

import re
from functools import lru_cache

from normalizers.morph import parses
from normalizers.text import is_known_word, one_substitution

CAPITAL_WORD_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё-])[А-ЯЁ](?:[а-яё]{4,}|[А-ЯЁ]{4,})(?![A-Za-zА-Яа-яЁё-])")   # also a letterhead's
MIN_REGION_WORD = 5          # region words this long or longer are candidates ("Саха" is too short)


@lru_cache(maxsize=64)
def region_forms(region: str) -> frozenset[str]:
    """Every inflected form (capitalised) of each word of the region's name of ``MIN_REGION_WORD``
    letters or more ("Пермский" -> "Пермского", "Пермскому", …; "край" is too short)."""
    out: set[str] = set()
    for word in re.findall(r"[А-ЯЁа-яё]+", region):
        if len(word) < MIN_REGION_WORD or not word[0].isupper():
            continue
        for parse in parses(word)[:1]:
            for form in parse.lexeme:
                out.add(form.word[:1].upper() + form.word[1:])
    return frozenset(out)


def mend_region_words(text: str, region: str | None) -> str:
    """``text`` with each capitalised word (or word in capitals) that is no dictionary word and one
    letter from exactly one form of the region's own words written as that form."""
    if not text or not region:
        return text
    forms = region_forms(region)
    upper = frozenset(f.upper() for f in forms)

    def mend(m: re.Match) -> str:
        word = m.group(0)
        caps = word.isupper()             # "НЕРМСКОГО КРАЯ": a letterhead in capitals
        if (word.upper() if caps else word) in (upper if caps else forms) or is_known_word(word.lower()):
            return word
        near = [f for f in (upper if caps else forms) if one_substitution(f, word)]
        return near[0] if len(near) == 1 else word

    return CAPITAL_WORD_RE.sub(mend, text)
