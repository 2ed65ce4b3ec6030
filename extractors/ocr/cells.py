"""OCR, cell by cell where the page read badly: a ruled cell whose words are mostly doubtful is read
again on its own.

Tesseract reads a page as blocks of lines; where cells are set at different heights (centred
vertically, a narrow column wrapping more often than its neighbours) it joins pieces of lines of
neighbouring cells and reads a clean "апрель" as "‚впре" + "ль". Once the page's rules are known,
each table cell whose words are doubtful in good part (``DOUBTFUL_SHARE`` of its characters below
``RECHECK_BELOW``, or in tokens no plan has: no dictionary word, number or abbreviation) is cropped
inside its rules, enlarged, and read as one block; the cell's words are replaced when the new
reading keeps most of the text and clearly more of its characters are in words, numbers and
abbreviations (a count, not a share: dropping junk gains nothing) and it is no less sure, or as
many and it is clearly surer. The cell's reading gets the page's Roman-numeral re-read too. At most
``MAX_CELLS`` cells a page, the most doubtful first (a page that bad is read as it is).
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from extractors.grid import BBox, PageLayout, Segment, Word
from extractors.lines import text_lines
from extractors.ocr.day_marks import day_ones
from extractors.ocr.engine import PxWord, tesseract_words
from extractors.ocr.image import enlarged, from_enlarged, inside_px
from extractors.ocr.roman import reread_period_numerals
from extractors.ocr.settings import RECHECK_BELOW, TESS_CONFIG, TESS_LANG
from extractors.ocr.specks import drop_speck_tokens
from extractors.ocr.words import mean_confidence
from normalizers.ocr_fixes import scanned_word
from normalizers.text import ONE_LETTER_WORDS, is_known_word

DOUBTFUL_SHARE = 0.3     # a cell is read again when this share of its characters is doubtful
MARGIN = 0.08            # ... and its new reading replaces the first when this much surer (per character)
KEEP_TEXT = 0.6          # ... and keeps at least this share of the first reading's characters
PLAUSIBLE_GAIN = 0.1     # ... or when this share of its characters more are in words, numbers, abbreviations
MIN_GAIN_CHARS = 2       # ... and at least this many
MAX_CELLS = 12           # cells read again on one page at most
INSET_PT = 1.5           # the crop: this far inside the cell's rules
SCALE = 2                # the crop enlarged this many times (Tesseract likes ~30 px capitals)
BORDER = 10              # px of white round the crop


def _inside(w: Word, box: BBox) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _chars(words: Sequence[Word]) -> int:
    return sum(len(w.text) for w in words)


def _doubtful_share(words: Sequence[Word]) -> float:
    n = _chars(words)
    return sum(len(w.text) for w in words if w.confidence < RECHECK_BELOW) / n if n else 0.0


CORE_STRIP = ".,;:()«»\"'“”„-–—!?№"
NUMBER_RE = re.compile(r"^[\d.,/%-]+(?:г|гг|год[а-я]*)?$")
# capitals with at most one run of one or two lower-case letters inside ("МОиН", "ДТиЗН")
ABBREVIATION_RE = re.compile(r"[А-ЯЁ]+(?:[а-яё]{1,2}[А-ЯЁ]+)?")


def _good_token(text: str) -> bool:
    """A token a plan has: a dictionary word, a number or date, an abbreviation in capitals, a
    one-letter word, a Roman numeral."""
    core = text.strip(CORE_STRIP)
    if not core:
        return False
    if NUMBER_RE.match(core) or core.lower() in ONE_LETTER_WORDS or re.fullmatch(r"[IVX]{1,4}", core):
        return True
    if ABBREVIATION_RE.fullmatch(core) and 2 <= len(core) <= 8:
        return True                 # "ПОО", "МОиН" (not "КОинкКО")
    parts = [p for p in core.split("-") if p]
    return bool(parts) and all(re.fullmatch(r"[А-Яа-яЁё]{2,}", p) and is_known_word(p) for p in parts)


def plausibility(words: Sequence[Word]) -> float:
    """The share of the characters in tokens a plan has (``plausible_chars``)."""
    n = _chars(words)
    return plausible_chars(words) / n if n else 0.0


def plausible_chars(words: Sequence[Word]) -> int:
    """The characters in tokens a plan has (``_good_token``); a word a narrow column broke over
    two lines with no hyphen ("Наименов" / "ание") counts as the word it makes."""
    if not words:
        return 0
    good = {id(w) for w in words if _good_token(w.text)}
    lines = text_lines(words)
    for line, nxt in zip(lines, lines[1:]):
        a, b = line[-1], nxt[0]
        if id(a) not in good and _good_token(a.text.rstrip("-") + b.text):
            good |= {id(a), id(b)}
    return sum(len(w.text) for w in words if id(w) in good)


def _read_cell(clean: np.ndarray, box: BBox, k: float) -> list[Word]:
    """The words of one cell read alone, in points of the page."""
    x0, y0, x1, y1 = inside_px(box, k, INSET_PT)
    if x1 - x0 < 8 or y1 - y0 < 8:
        return []
    crop = enlarged(clean[y0:y1, x0:x1], SCALE, BORDER)
    read: list[PxWord] = reread_period_numerals(crop, drop_speck_tokens(day_ones(tesseract_words(crop, TESS_LANG, TESS_CONFIG))))
    out = []
    for w in read:
        text = w.text.strip()
        if not text or not any(ch.isalnum() for ch in text):
            continue
        bx0, top, bx1, bottom = from_enlarged(w.x, w.y, w.w, w.h, x0, y0, k, SCALE, BORDER)
        out.append(Word(text=scanned_word(text), x0=bx0, top=top, x1=bx1, bottom=bottom,
                        confidence=w.conf))
    return out


def reread_doubtful_cells(clean: np.ndarray, words: list[Word], segments: list[Segment], k: float,
                          width_pt: float, height_pt: float) -> list[Word]:
    """``words`` with the words of each badly read ruled cell replaced by its reading alone."""
    from extractors.ruled import find_cell_boxes

    layout = PageLayout(page_no=0, width=width_pt, height=height_pt, words=words, segments=segments,
                        source="ocr")
    boxes = [b for table in find_cell_boxes(layout) for b in table]
    todo = []
    for box in boxes:
        inside = [w for w in words if _inside(w, box)]
        if not inside:
            continue
        share = max(_doubtful_share(inside), 1.0 - plausibility(inside))
        if share >= DOUBTFUL_SHARE:
            todo.append((share, box, inside))
    todo.sort(key=lambda t: -t[0])
    out = list(words)
    for _, box, inside in todo[:MAX_CELLS]:
        new = _read_cell(clean, box, k)
        if not new or _chars(new) < KEEP_TEXT * _chars(inside):
            continue
        # more characters in words, numbers and abbreviations (not a share: dropping junk is no gain)
        gain = plausible_chars(new) - plausible_chars(inside)
        sure = mean_confidence(new) - mean_confidence(inside)
        if (gain >= max(MIN_GAIN_CHARS, PLAUSIBLE_GAIN * _chars(inside)) and sure >= -MARGIN) \
                or (gain >= 0 and sure > MARGIN):
            gone = {id(w) for w in inside}
            out = [w for w in out if id(w) not in gone] + new
    return out
