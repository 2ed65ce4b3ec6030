"""The last list entry whose short form a scan lost, paired with the last short form the cells write
that no definition gives.

A list of abbreviations defines the short forms the table uses. When a scan garbles one entry's head
beyond reading ("то ла ое государственное бюджетное учреждение Томский … центр»" for "ТОИКО – областное
…") and its name does not spell the short form letter for letter, the entry is still that short form's
when it is the only entry left without one, the short form is the only one the party cells write and
no definition gives, and the name proper (its first capitalised word) opens with the short form's
first letter. Anything less certain leaves both unpaired. Split off ``normalizers.ocr_definitions``.
"""
from __future__ import annotations

import re
from typing import Optional

from normalizers.morph import is_abbreviation

MIN_PAIRED_LETTERS = 3      # a short form paired so has at least this many capitals
NAME_WORD_RE = re.compile(r"(?<![А-Яа-яЁё])[А-ЯЁ][а-яё]{3,}")


def last_pair(orphans: list[str], undefined: set[str], codes: set[str]) -> Optional[tuple[str, str]]:
    """``(short form, entry)`` for the one orphan entry and the one undefined acronym of the cells
    (``undefined``: their spellings; ``codes``: the region's codes, no body's short form), or None."""
    forms = {f for f in undefined if is_abbreviation(f) and f not in codes
             and sum(ch.isupper() for ch in f) >= MIN_PAIRED_LETTERS}
    if len(orphans) != 1 or len(forms) != 1:
        return None
    entry, form = orphans[0], forms.pop()
    name = NAME_WORD_RE.search(entry)
    if name is None or name.group(0)[0] != form[0]:
        return None
    return form, entry
