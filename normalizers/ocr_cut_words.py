"""An adjective a scan cut short at a line's end ("профессиональн" / "образовательные организации":
its ending lost under a speck or past the cell's edge): completed with the one ending that makes a
dictionary adjective agreeing with the word that opens the next line. ``ocr_fixes`` calls
``complete_cut_adjectives`` on a scan's cell text with the other dictionary mends."""
from __future__ import annotations

import re

from normalizers.morph import parses
from normalizers.text import is_known_word

# a lower-case piece ending a line, a lower-case word opening the next
CUT_AT_LINE_END_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё-])([а-яё]{6,})(?=[^\S\n]*\n[^\S\n]*([а-яё]{3,})(?![A-Za-zА-Яа-яЁё]))")
ADJECTIVE_ENDINGS = ("ые", "ие", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему", "ую", "юю",
                     "ых", "их", "ым", "им", "ыми", "ими", "ом", "ем", "ей")


def _forms(word: str, pos: tuple[str, ...]) -> set[tuple]:
    """(case, number, gender, animacy) of the parses of ``word`` with a part of speech in ``pos``:
    gender in the singular only, animacy where the tag has it (an accusative plural's)."""
    out = set()
    for p in parses(word):
        if p.tag.POS in pos:
            gender = p.tag.gender if p.tag.number == "sing" else None
            animacy = p.tag.animacy if p.tag.case == "accs" else None
            out.add((p.tag.case, p.tag.number, gender, animacy))
    return out


def _agree(adjective: str, following: str) -> bool:
    """Whether ``adjective`` can agree with ``following``: a case, number, gender and (in the
    accusative) animacy they share, either side's missing one matching any."""
    theirs = _forms(following, ("ADJF", "PRTF", "NOUN"))
    return any(c == c2 and n == n2 and (g is None or g2 is None or g == g2) and (a is None or a2 is None or a == a2)
               for c, n, g, a in _forms(adjective, ("ADJF",)) for c2, n2, g2, a2 in theirs)


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
