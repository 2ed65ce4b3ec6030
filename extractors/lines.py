"""Words → text lines → cell text, telling a soft wrap from a hard line break.

PDF cells carry no paragraph marks: every visual line ends in a break. A line
that was wrapped because the cell was full ("soft") is joined to the next one
with a space; a line that ended although the next word would have fitted
("hard": list items such as "ДТиЗН КО / ДОиН КО / АМ", bullets, numbered
points) keeps its line break. A word hyphenated at a soft wrap keeps "-\\n"
so that ``normalizers.text`` can rejoin it against the dictionary. A word too wide for a
narrow column, broken with no hyphen ("Министерст" / "во"), is joined without a space
(``broken_word``: its piece fills its line to the edge, pymorphy3 checks the whole, and a
whole the dictionary lacks counts as a word when the document prints it unbroken elsewhere:
``document_words``).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterable, Iterator, Optional, Sequence

from extractors.grid import Word
from normalizers.lazy_re import lazy
from normalizers.text import is_known_word, is_organisation_name

CELL_PADDING = 5.4        # points: Word's and LibreOffice's default cell margin (0.19 cm)
LINE_TOL_RATIO = 0.5      # words whose vertical centres differ by < this × height share a line
TALL_WORD_RATIO = 1.6     # a word this many times as high as the words' median is measured by its line
BULLET_RE = lazy(r"^([-–—•·▪]|\d{1,2}[.)]\s|[а-я]\)\s)")
WRAP_GAP = 1.5            # a broken word's tail is on the next line: no further below than this × the line's height
NUMBER_TAIL_RE = lazy(r"(?:^|\s)\d{2,}$")   # the line ends in a run of digits, not "1 " of "1 100"
ABBR_RE = lazy(r"^[А-ЯЁA-Z][А-ЯЁA-Zа-яё]*[А-ЯЁA-Z]$")   # ЦЗН, ДОиН, МОУО, WSR
CLOSED_RE = lazy(r"([»)\"]|^[А-ЯЁA-Z]{2,}[,;]?)$")
CYRILLIC_RE = lazy(r"[А-ЯЁа-яё]+")
_DOCUMENT_WORDS: ContextVar[frozenset[str]] = ContextVar("document_words", default=frozenset())


@contextmanager
def document_words(words: Iterable[Word]) -> Iterator[None]:
    """While extracting one document: the words it prints whole on one line (lower case).

    A short name the dictionary lacks ("Минпромторг", "ЦРПО") broken in a narrow column into
    pieces it knows ("Минпром" / "торг") is still one word when the same document prints it
    unbroken elsewhere (the order's text, the list of abbreviations, a wider cell)."""
    seen = frozenset(m.group(0).lower() for w in words for m in CYRILLIC_RE.finditer(w.text))
    token = _DOCUMENT_WORDS.set(seen)
    try:
        yield
    finally:
        _DOCUMENT_WORDS.reset(token)


def text_lines(words: Sequence[Word]) -> list[list[Word]]:
    """Group words into lines (top to bottom), each sorted left to right."""
    lines: list[list[Word]] = []
    heights = sorted(w.bottom - w.top for w in words if len(w.text) > 1)
    typical = heights[len(heights) // 2] if heights else None

    def is_tall(x: Word) -> bool:      # a word (not a mark: "—" under a word is a stroke's box)
        return (typical is not None and x.bottom - x.top > TALL_WORD_RATIO * typical
                and sum(ch.isalnum() for ch in x.text) >= 2)

    def joins(w: Word, line: list[Word]) -> bool:
        cy = (w.top + w.bottom) / 2
        ly = sum((x.top + x.bottom) / 2 for x in line) / len(line)
        # a dash or a dot is only as high as its stroke (OCR boxes): the line's words set
        # the tolerance too, or "(далее — РКЦ)" breaks at its dash
        # (an OCR box may take in a second line: the line's own words set its height)
        hw = w.bottom - w.top
        own = [x.bottom - x.top for x in line if not is_tall(x)]
        hl = max(own) if own else max(x.bottom - x.top for x in line)
        h = max(1.0, hw, hl)
        # a word as high as two lines joins this one only where it fits among its words (no
        # overlap across): "профессионального" under "государственное" is the next line's
        return abs(cy - ly) < LINE_TOL_RATIO * h and not (is_tall(w) and reaches_out(w, line) and any(
            min(w.x1, x.x1) - max(w.x0, x.x0) > 0 for x in line))

    def reaches_out(w: Word, line: list[Word]) -> bool:
        """A tall box that reaches half a line above or below the line's words (a box of two lines'
        read); a box only a little taller than its line's ("края" boxed with a speck) is its word."""
        own = [x for x in line if not is_tall(x)] or line
        margin = 0.5 * (typical or 0.0)
        return w.top < min(x.top for x in own) - margin or w.bottom > max(x.bottom for x in own) + margin

    def read_twice(w: Word, line: list[Word]) -> bool:
        """A tall box over a word of the line (across its middle, within its width) that ends or
        opens with its text: one word read twice ("по" over "мероприятий. по"); "производстве"
        under "производственного" is the next line's."""
        return is_tall(w) and any(x.x0 - 1 <= w.x0 and w.x1 <= x.x1 + 1
                                  and w.top <= (x.top + x.bottom) / 2 <= w.bottom
                                  and (x.text.endswith(w.text) or x.text.startswith(w.text)) for x in line)

    tall_opened = False     # the last line was opened by a tall word the line before refused
    for w in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        if lines and read_twice(w, lines[-1]):
            continue
        # a word after such a tall box joins the line before when it fits there: the box (a
        # misread, or two lines' read) does not cut its own line in two
        if tall_opened and joins(w, lines[-2]):
            lines[-2].append(w)
            continue
        if lines and joins(w, lines[-1]):
            lines[-1].append(w)
            continue
        tall_opened = bool(lines) and is_tall(w)
        lines.append([w])
    return [sorted(ln, key=lambda w: w.x0) for ln in lines]


def _line_text(line: Sequence[Word]) -> str:
    return " ".join(w.text for w in line)


def starts_new_item(last_word: str, next_word: str) -> bool:
    """Lists of executors: a closed name ("«КРИРПО»", "ЦЗН", "Минобр НСО") followed by an
    abbreviation ("МОУО") or a short name the dictionary tags as an organisation ("Минтруд",
    "Рособрнадзор"; not "Министерство", "Областной")."""
    word = next_word.strip(",;")
    if not CLOSED_RE.search(last_word):
        return False
    if ABBR_RE.match(word) and sum(ch.isupper() for ch in word) >= 2:
        return True
    return word[:1].isupper() and word[1:].isalpha() and is_organisation_name(word)


def is_hard_break(line: Sequence[Word], nxt: Sequence[Word], right: float) -> bool:
    """True when ``line`` ended before the cell's right edge although ``nxt``'s first word fitted."""
    first = nxt[0]
    if BULLET_RE.match(_line_text(nxt)):
        return True
    if starts_new_item(line[-1].text, first.text):
        return True
    space = max(1.0, (first.bottom - first.top) * 0.3)
    room = right - line[-1].x1
    return room > (first.x1 - first.x0) + 2 * space


def broken_word(line: Sequence[Word], nxt: Sequence[Word], right: float, word: Optional[str] = None) -> bool:
    """``line`` is the first piece of a word too wide for its column, broken with no hyphen.

    LibreOffice (and Word in narrow columns) breaks a word that does not fit on a line of its
    own wherever the line is full: the piece stands alone on its line and runs to the right
    edge (less than about a letter short of it), and the next line goes on in lower case or
    with the punctuation that followed the word ("Министерст" / "во образования",
    "образования" / ", органы"). Joined only when pymorphy3's dictionary knows the whole word
    or does not know the piece ("мониторинг" / "а" is "мониторинга"; "Республики" /
    "Татарстан" stays two words). ``word`` is the word as joined so far, when the piece is the
    last of several ("Информа" / "ционные" / "материалы": "Информационные" is a whole word).
    A whole the document prints unbroken elsewhere is a word too (``document_words``).
    """
    if len(line) != 1 or not nxt:
        return False
    height = line[0].bottom - line[0].top
    if min(w.top for w in nxt) - line[0].bottom > WRAP_GAP * height:
        return False                  # a line well below (a cell spanning rows): the piece's tail is on the next line
    left, right_piece = word or line[0].text, nxt[0].text
    letter = (line[0].x1 - line[0].x0) / max(1, len(line[0].text))
    if right - line[0].x1 > 1.5 * letter or not left[-1:].isalnum():
        return False
    if right_piece[:1] in ",.;:)»":
        return True
    if left[-1:].isdigit() and right_piece[:1].isdigit():
        return True                   # a number or a date too wide for the column ("01.03.202" / "0")
    head = re.match(r"[а-яё]+", right_piece)
    tail = re.search(r"(?:^|[«\"(])([А-ЯЁа-яё]+)$", left)        # the word, after an opening quote
    if not head or not tail:
        return False
    whole = tail.group(1) + head.group(0)
    return is_known_word(whole) or whole.lower() in _DOCUMENT_WORDS.get() or not is_known_word(tail.group(1))


DASHES = "–—"


def glued_dash(text: str) -> bool:
    """The text ends in a dash set close to its word ("август–" of "август–сентябрь")."""
    return len(text) > 1 and text[-1] in DASHES and not text[-2].isspace()


def broken_piece(left: str, right: str) -> bool:
    """``left`` ends with the first piece of a word whose rest opens ``right`` ("Организа" /
    "ция ..."): the dictionary knows the whole and not the piece. No geometry to go on (a row
    broken by a page), so stricter than ``broken_word``."""
    a = re.search(r"(?:^|\s)([А-ЯЁа-яё]+)$", left)
    b = re.match(r"([а-яё]+)(?![А-ЯЁа-яё-])", right)
    return bool(a and b) and not is_known_word(a.group(1)) and is_known_word(a.group(1) + b.group(1))


def piece_separator(left: str, right: str) -> str:
    """What goes between two pieces of one cell's text broken apart (by a page): nothing inside a
    broken word or after a glued dash, a line break before a new list item, else a space."""
    if not left or not right:
        return ""
    if broken_piece(left, right) or glued_dash(left):
        return ""
    return "\n" if starts_new_item(left.split()[-1], right.split()[0]) else " "


def paragraph_breaks(lines: Sequence[Sequence[Word]]) -> set[int]:
    """Indexes k where a new paragraph opens after line k: the step from line k to k + 1 is wider
    than the cell's usual line step by at least half a text height (space after a paragraph:
    "Департамент … области" / "работодатели (по согласованию)", where the next word would not
    have fitted on the line either). Needs three lines, so that the usual step is seen."""
    if len(lines) < 3:
        return set()
    mids = [sum((w.top + w.bottom) / 2 for w in ln) / len(ln) for ln in lines]
    steps = [b - a for a, b in zip(mids, mids[1:])]
    h = sorted(w.bottom - w.top for ln in lines for w in ln)[sum(len(ln) for ln in lines) // 2]
    usual = min(steps)
    if usual <= 0:
        return set()
    return {k for k, s in enumerate(steps) if s >= usual + 0.5 * h and s >= 1.3 * usual}


def join_cell_lines(lines: Sequence[Sequence[Word]], right: Optional[float] = None) -> str:
    """Cell text from its lines: soft wraps joined with a space, hard breaks kept as ``\\n``.

    ``right`` is the x where text in this cell must wrap (cell box right edge
    minus padding); without it the widest line stands in for it.
    """
    lines = [ln for ln in lines if ln]
    if not lines:
        return ""
    edge = right if right is not None else max(ln[-1].x1 for ln in lines)
    edge = max(edge, max(ln[-1].x1 for ln in lines))
    paragraphs = paragraph_breaks(lines)
    out = _line_text(lines[0])
    for k, (prev, ln) in enumerate(zip(lines, lines[1:])):
        text = _line_text(ln)
        if text in ("-", "‐", "‑") and out[-1:].isalpha():
            out += "-"                # a compound's hyphen pushed onto a line of its own
        elif k in paragraphs and not out.endswith("-"):
            out += "\n" + text        # a new paragraph of the cell: white space between the lines
        elif is_hard_break(prev, ln, edge):
            out += "\n" + text
        elif broken_word(prev, ln, edge, out.rsplit(None, 1)[-1]):
            out += text               # a word too wide for the column, broken without a hyphen
        elif glued_dash(out) and text[:1].isalnum():
            out += text               # "август–" / "сентябрь": a range wrapped at its dash
        elif out.endswith("-") and out[-2:-1].isdigit() and text[:1].isdigit():
            out += text               # a range wrapped at its dash: "2021-" / "2023"
        elif out.endswith("-"):
            out += "\n" + text        # hyphenated at a wrap: normalizers.text decides
        elif out[-1:].isdigit() and text[:1].isdigit() and NUMBER_TAIL_RE.search(out):
            out += text               # a number wrapped in a narrow column: "110" / "0"
        else:
            out += " " + text
    return out


def cell_text(words: Sequence[Word], right: Optional[float] = None, padding: float = CELL_PADDING) -> str:
    """Text of the words inside one cell; ``right`` is the cell box's right edge."""
    return join_cell_lines(text_lines(words), None if right is None else right - padding)
