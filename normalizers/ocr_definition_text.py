"""The text around a scan's tables mended against the party cells before definitions are sought.

A scan misreads a word of a bracketed short form ("(Рослотребнадзор КО)" where the cells write
"Роспотребнадзор КО") or reads a list entry's acronym in lower case and loses its dash ("тоико,
областное … «Томский …»"); both are written as the party cells write them, so that
``normalizers.abbreviations.find_definitions`` reads the definition. ``prepared_text`` runs every
step here in order, with the word mending of ``normalizers.ocr_words`` (specks, glued marks, inner
capitals, misread words and organisation heads); ``pipeline.normalise.definition_text`` calls it. Split
off ``normalizers.ocr_definitions``, which mends the definitions found.
"""
from __future__ import annotations

import re

from normalizers.full_forms import ORG_HEAD_STEMS
from normalizers.ocr_parties import CAPS_TOKEN_RE
from normalizers.ocr_words import common_word, lower_inner_capital, mend_misread_words, nearest_word
from normalizers.text import is_known_word, one_edit

TITLE_WORD_RE = re.compile(r"(?<![А-Яа-яЁё])[А-ЯЁ][а-яё]{5,}(?![А-Яа-яЁё])")


def cell_word(tok: str, cell_words: dict[str, str]) -> str:
    """A short form's word in title case that is no dictionary word, mended to the one word of the
    party cells a letter from it that is ("Рослотребнадзор" where the cells write "Роспотребнадзор")."""
    if not TITLE_WORD_RE.fullmatch(tok) or tok.lower() in cell_words or is_known_word(tok):
        return tok
    near = {w for low, w in cell_words.items() if low[:1] == tok[:1].lower() and one_edit(low, tok.lower())
            and is_known_word(w)}
    return near.pop() if len(near) == 1 else tok


BRACKETED_RE = re.compile(r"\(([^()\n]{3,60})\)")


def cell_words(cells: str) -> dict[str, str]:
    """The party cells' words in title case, by their lower-case spelling."""
    return {w.lower(): w for w in TITLE_WORD_RE.findall(cells)}


# a hyphen a speck made of the space between a short form's words ("Минобр-НСО")
HYPHEN_SPECK_RE = re.compile(r"(?<=[А-Яа-яЁё])-(?=[А-ЯЁ])")


def mend_bracketed_words(text: str, cells: str) -> str:
    """``text`` with each word in title case inside brackets (a short form being defined: "Управлением
    Роспотребнадзора … (Рослотребнадзор КО)") that is no dictionary word mended to the one word of
    the party ``cells`` a letter from it that is (``_cell_word``), and a hyphen between its words
    read as the space where the cells write it so and never with the hyphen ("(Минобр-НСО)"); before
    the definitions are read."""
    words = cell_words(cells)
    if not words:
        return text

    def mend(m: re.Match) -> str:
        inner = TITLE_WORD_RE.sub(lambda w: cell_word(w.group(0), words), m.group(1))
        spaced = HYPHEN_SPECK_RE.sub(" ", inner)
        if spaced != inner and spaced in cells and inner not in cells:
            inner = spaced             # "(Минобр-НСО)" where the cells write "Минобр НСО", never the hyphen
        return f"({_cells_code(inner, cells, m.string[:m.start()])})"

    return BRACKETED_RE.sub(mend, text)


CODE_RE = re.compile(r"(?<![А-Яа-яЁё])[А-ЯЁ]{2,5}(?![А-Яа-яЁё])")


def _cells_code(inner: str, cells: str, before: str) -> str:
    """A bracketed short form the cells never write whose one capitals code is one letter from a
    code of theirs (same length), where the form with that code is what the cells write and the
    words right before the bracket open with that code's letters, not the read one's ("Пермского
    края (Минпромторг НК)" where the cells write "Минпромторг ПК"); else as read."""
    if inner in cells:
        return inner
    found = CODE_RE.findall(inner)
    if len(found) != 1:
        return inner
    near = [c for c in set(CODE_RE.findall(cells)) if len(c) == len(found[0]) and c != found[0] and one_edit(c, found[0])]
    if len(near) != 1:
        return inner
    initials = "".join(w[0] for w in re.findall(r"[А-Яа-яЁё]+", before)[-len(near[0]):]).upper()
    mended = CODE_RE.sub(near[0], inner)
    written = re.search(rf"(?m)^\s*{re.escape(mended)}\s*(?:$|[,;(])", cells) is not None
    return mended if written and initials == near[0] and initials != found[0] else inner


# a list line opening with a word in lower case, a mark or a dash after it, then lower-case words
LOWER_HEAD_RE = re.compile(r"(?m)^([а-яё]{3,8})[^\S\n]*(?:[,;:.]|[-–—])?[^\S\n]+(?=[а-яё«])")


def mend_entry_heads(text: str, cells: str) -> str:
    """``text`` with each line that opens with an acronym the party ``cells`` write in capitals, read
    in lower case and its dash lost or read as a comma ("тоико, областное … «Томский …»"), written
    as an entry ("ТОИКО – областное …"): a list entry of its own, not the previous entry's tail. A
    dictionary word is never such a head."""
    acronyms = {t.lower(): t for t in CAPS_TOKEN_RE.findall(cells) if t.isupper() and len(t) >= 3}
    if not acronyms:
        return text

    def head(m: re.Match) -> str:
        word = m.group(1)
        return f"{acronyms[word]} – " if word in acronyms and not is_known_word(word) else m.group(0)

    return LOWER_HEAD_RE.sub(head, text)


def mend_org_heads(text: str) -> str:
    """``text`` with each word in title case that is no dictionary word and one letter from exactly
    one dictionary word, an organisation's head noun ("Мимистерство промышленности … (Минпромторг ПК)"
    -> "Министерство"), written as that word: a name's head mid-sentence, which the mending of
    lower-case and sentence-opening words passes over (a capitalised word there may be a surname)."""
    def mend(m: re.Match) -> str:
        word = m.group(0)
        if is_known_word(word.lower()):
            return word
        near = nearest_word(word.lower())
        return near[:1].upper() + near[1:] if near and near.startswith(ORG_HEAD_STEMS) else word

    return TITLE_WORD_RE.sub(mend, text)


# a speck's mark glued between two words ("Курёкой‘области"): the space between them
GLUED_MARK_RE = re.compile(r"(?<=[А-Яа-яЁё]{3})['`’‚‘](?=([а-яё]{3,})(?![А-Яа-яЁё]))")


def part_glued_marks(text: str) -> str:
    """``text`` with a speck's mark glued between a word and a dictionary word read as the space
    ("по Курёкой‘области (Роспотребнадзор КО)": no name is read across it); a mark inside a word
    ("образо‘вания": "вания" is no word but a name's) stays for the word mending to take."""
    return GLUED_MARK_RE.sub(lambda m: " " if common_word(m.group(1)) else m.group(0), text)


# a colon glued to a word and followed by a lower-case word, before a list entry's dash on its line
# ("агентство труда и занятости: населени: края - агентство …"): a speck in the entry's head
HEAD_COLON_RE = re.compile(r"(?m)(?<=[а-яё]):(?=[^\S\n]+[а-яё][^\n]*?[^\S\n][-–—][^\S\n])")


def prepared_text(text: str, cells: str) -> str:
    """A scan's text around its tables made ready for the definitions to be read: colons a speck made
    in a list entry's head dropped ("занятости: населени: края - …"), glued marks parted
    (``part_glued_marks``), capitals inside words lowered ("профессиональноГо"), words a letter from
    one dictionary word mended (``mend_misread_words``: "министерством абразования … (Минобр НСО)"),
    organisations' heads mid-sentence too (``mend_org_heads``), bracketed words and list heads
    written as the party ``cells`` write them."""
    text = mend_org_heads(mend_misread_words(lower_inner_capital(part_glued_marks(HEAD_COLON_RE.sub("", text)))))
    return mend_entry_heads(mend_bracketed_words(text, cells), cells)
