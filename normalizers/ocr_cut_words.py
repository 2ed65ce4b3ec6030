"""An adjective a scan cut short at a line's end ("профессиональн" / "образовательные организации":
its ending lost under a speck or past the cell's edge): completed with the one ending that makes a
dictionary adjective agreeing with the word that opens the next line. ``ocr_fixes`` calls
``complete_cut_adjectives`` on a scan's cell text with the other dictionary mends."""
from __future__ import annotations

import re

from normalizers.morph import parses
from normalizers.ocr_lexicon import agreement_forms, forms_agree
from normalizers.text import is_known_word

# a lower-case piece ending a line, a lower-case word opening the next
CUT_AT_LINE_END_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё-])([а-яё]{6,})(?=[^\S\n]*\n[^\S\n]*([а-яё]{3,})(?![A-Za-zА-Яа-яЁё]))")
ADJECTIVE_ENDINGS = ("ые", "ие", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему", "ую", "юю",
                     "ых", "их", "ым", "им", "ыми", "ими", "ом", "ем", "ей")


def _agree(adjective: str, following: str) -> bool:
    """Whether ``adjective`` can agree with ``following`` (an adjective or noun), animacy counted in
    the accusative ("профессиональных" is no fit for the inanimate "образовательные")."""
    return forms_agree(agreement_forms(adjective, {"ADJF"}, animacy=True),
                       agreement_forms(following, {"ADJF", "PRTF", "NOUN"}, animacy=True))


def _completed(piece: str, following: str) -> str:
    """``piece`` with the one adjective ending that makes it a dictionary adjective agreeing with
    ``following`` (an adjective or noun), else as read."""
    if is_known_word(piece):
        return piece
    if not any(p.tag.POS in ("ADJF", "PRTF", "NOUN") for p in parses(following)):
        return piece
    fits = {piece + end for end in ADJECTIVE_ENDINGS
            if is_known_word(piece + end) and _agree(piece + end, following)}
    return fits.pop() if len(fits) == 1 else piece


def complete_cut_adjectives(text: str) -> str:
    """``text`` with each adjective cut short at a line's end completed where one ending fits the
    next line's first word ("профессиональн\\nобразовательные" -> "профессиональные\\nобразовательные");
    a piece two or more endings fit, or none, stays as read."""
    if not text or "\n" not in text:
        return text
    return CUT_AT_LINE_END_RE.sub(lambda m: _completed(m.group(1), m.group(2)), text)
