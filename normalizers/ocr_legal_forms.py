"""A legal form in capitals a scan misread before the quoted name it qualifies ("ГАЙОУ «Чебоксарский
… колледж»"): read as the one legal form of the glossary a letter away, and only where the letter
read opens no word a legal form's name has ("Й", "Ю"): a real form the glossary
lacks ("ГКПОУ", "ЧПОУ", a letter from "ГБПОУ", "ГПОУ") is no slip. The pipeline calls
``mend_legal_forms`` on a scan's party mentions, after the abbreviations are mended."""
from __future__ import annotations

import re
from typing import Iterable

from normalizers.glossary import org_forms
from normalizers.parties import PartyMention
from normalizers.text import one_substitution

# a word of four or more capitals right before an opening quote: a legal form's place
FORM_BEFORE_QUOTE_RE = re.compile(r"(?<![А-Яа-яЁёA-Za-z])([А-ЯЁ]{4,})(?=[^\S\n]*[«„\"“])")
# capitals that open no word of a Russian legal form's name (государственное, бюджетное, казённое,
# частное, закрытое акционерное общество, специальное, высшего, дополнительного, унитарное …)
NO_FORM_LETTERS = frozenset("ЁЕЖИЙЛХЦШЩЪЫЬЭЮЯ")


def mended_legal_form(token: str, forms: frozenset[str]) -> str:
    """``token`` as the one legal form of ``forms`` one letter from it (none added or dropped) where
    the letter read opens no legal form's word (``NO_FORM_LETTERS``); else as read
    ("ГАЙОУ" -> "ГАПОУ"; "ГКПОУ" stays)."""
    near = [f for f in forms if one_substitution(f, token)]
    if len(near) != 1:
        return token
    read = next(b for a, b in zip(near[0], token) if a != b)
    return near[0] if read in NO_FORM_LETTERS else token


def mend_legal_forms(mentions: list[PartyMention], known: Iterable[str]) -> list[PartyMention]:
    """Each mention whose word in capitals before a quoted name is no short form of ``known`` and a
    slip's letter from exactly one legal form of the glossary (``mended_legal_form``), with that form."""
    known = set(known)
    forms = org_forms() & known
    out = []
    for m in mentions:
        name = FORM_BEFORE_QUOTE_RE.sub(
            lambda t: t.group(1) if t.group(1) in known else mended_legal_form(t.group(1), forms), m.name)
        out.append(m if name == m.name else PartyMention(name=name, by_agreement=m.by_agreement,
                                                         defines=m.defines, raw=m.raw))
    return out
