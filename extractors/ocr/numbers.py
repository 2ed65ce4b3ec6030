"""OCR, the item-number column: once the page's ruled grid is known, each cell of a column of
short numbers ("№ п/п") is read again on its own, as one line of digits, dots and Roman numerals.

In page context Tesseract reads a lone "3" at no confidence, "12" as "42", or a speck beside a
number as a Cyrillic letter ("р", "у") that later makes a row of its own. Out of context and
with a whitelist, a number is read as a number. The column is found by geometry and text only:
the first column of a ruled table, narrow against the table, whose filled cells are mostly short
and hold a number (among specks read as marks). A re-read replaces the first reading only when it is a valid number and the first
reading is not one or is less sure; an unsure non-number over a cell with no character-sized
ink (a speck, the remnant of a rule read as "р") is dropped, and so is a sure one whose box runs
out of the cell (``_runs_out``) or that has no digit (the rules' corner read surely as "Г"); a
cell with ink where no valid number is read either way
keeps its first reading, marked doubtful (its words' confidence lowered), never guessed.
"""

from __future__ import annotations

import re
from statistics import median
from typing import Optional

import cv2
import numpy as np

from extractors.grid import BBox, PageLayout, Segment, Table, Word
from extractors.ocr.engine import read_line
from extractors.ocr.image import inside_px

NUMBER_LANG = "eng"                          # digits and Latin Roman numerals
ARABIC_WHITELIST = "0123456789."
ROMAN_WHITELIST = "IVXLivxl."            # read apart: with digits, "11" comes out as "il"
TIE = 0.05                               # an Arabic and a Roman reading this close: cannot tell
VALID_NUMBER_RE = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|(?=[IVXL])(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3}))\.?$")
TRAILING_MARKS = ",.;:'‚`’"   # a speck read after a number, or its dot misread
SHORT_TEXT = 6               # characters: a number cell holds at most this many
MAX_COL_SHARE = 0.15         # the number column is at most this share of the table's width ...
MAX_COL_INCH = 1.2           # ... and at most this wide
MIN_NUMBER_CELLS = 3         # filled cells needed to call a column one of numbers
NUMBER_SHARE = 0.5           # ... of which at least this share read as valid numbers ...
SHORT_SHARE = 0.7            # ... and this share short
INSET_PT = 1.5               # the cell's inside: this far in from its rules
MIN_INK_INCH = 0.04          # ink this high in a cell is a character (smaller: specks)
MIN_CONF = 0.5               # a re-read replaces anything only this sure (a "3" read the same, surer: too)
SPECK_CONF = 0.5             # a reading below this over a cell with no character-sized ink is dropped
OUT_SHARE = 0.2              # a word this share of its height past the cell's rule is read from beyond it
DOUBTFUL = 0.3               # confidence given to a number cell that reads as no number


def valid_number(text: str) -> bool:
    """Whether ``text`` is an item number: 1, 12., 1.3.2, IV."""
    return bool(VALID_NUMBER_RE.match(text.strip()))


def _first_column_cells(table: Table) -> list[BBox]:
    return [c.bbox for r in table.rows for c in r.cells
            if c.col == 0 and c.colspan == 1 and c.bbox is not None]


def number_column(table: Table, dpi_pt: float = 72.0) -> Optional[list[BBox]]:
    """Boxes of the cells of ``table``'s item-number column, None when its first column is not one.

    ``dpi_pt``: points per inch of the layout (72 for PDF points).
    """
    cells = [c for r in table.rows for c in r.cells if c.col == 0 and c.colspan == 1 and c.bbox]
    all_x = [x for r in table.rows for c in r.cells if c.bbox for x in (c.bbox[0], c.bbox[2])]
    if not cells or not all_x:
        return None
    width = median(c.bbox[2] - c.bbox[0] for c in cells)
    if width > MAX_COL_SHARE * (max(all_x) - min(all_x)) or width > MAX_COL_INCH * dpi_pt:
        return None
    filled = [c.text.strip() for c in cells if c.text.strip()]
    if len(filled) < MIN_NUMBER_CELLS:
        return None
    # "°\n7\n‚", "3," (a speck for the dot)
    numbers = sum(1 for t in filled if any(valid_number(tok.rstrip(TRAILING_MARKS)) for tok in t.split()))
    short = sum(1 for t in filled if len(t) <= SHORT_TEXT)
    if numbers < NUMBER_SHARE * len(filled) or short < SHORT_SHARE * len(filled):
        return None
    return [c.bbox for c in cells]


def _has_ink(crop: np.ndarray, dpi: int) -> bool:
    if crop.size == 0:
        return False
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    if crop.max() - crop.min() < 60:             # flat paper: Otsu splits noise
        return False
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return any(h >= MIN_INK_INCH * dpi for h in stats[1:n, cv2.CC_STAT_HEIGHT])


def _despeckle(crop: np.ndarray, dpi: int) -> np.ndarray:
    """The crop with only character-sized ink and the marks on their line (the dot of "1.4", a
    trailing dot) kept; specks elsewhere turned to paper (they are read as "." or letters)."""
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    big = [i for i in range(1, n) if stats[i, cv2.CC_STAT_HEIGHT] >= MIN_INK_INCH * dpi]
    if not big:
        return crop
    top = min(stats[i, cv2.CC_STAT_TOP] for i in big)
    bottom = max(stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] for i in big)
    left = min(stats[i, cv2.CC_STAT_LEFT] for i in big)
    right = max(stats[i, cv2.CC_STAT_LEFT] + stats[i, cv2.CC_STAT_WIDTH] for i in big)
    reach = (bottom - top) // 2
    out = crop.copy()
    for i in range(1, n):
        if i in big:
            continue
        x, y, w, h = (int(v) for v in stats[i, :4])
        on_line = y >= top and y + h <= bottom + 1 and x >= left - reach and x + w <= right + reach
        if not on_line:
            out[labels == i] = 255
    return out


def _line_image(crop: np.ndarray, dpi: int) -> np.ndarray:
    """The crop on a white margin, enlarged so digits are about 30 px high (Tesseract's liking)."""
    crop = _despeckle(crop, dpi)
    scale = 2 if dpi < 250 else 1
    if scale > 1:
        crop = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    return cv2.copyMakeBorder(crop, 12, 12, 12, 12, cv2.BORDER_CONSTANT, value=255)


def read_number(img: np.ndarray) -> tuple[str, float]:
    """The item number in a line image: read as Arabic digits and as a Roman numeral, the valid
    surer reading; ("", 0.0) when neither is valid or both are and nearly as sure ("II" / "11")."""
    arabic, a_conf = read_line(img, NUMBER_LANG, ARABIC_WHITELIST)
    roman, r_conf = read_line(img, NUMBER_LANG, ROMAN_WHITELIST)
    arabic, roman = arabic.replace(" ", ""), roman.replace(" ", "").upper()
    found = [(c, t) for t, c in ((arabic, a_conf), (roman, r_conf)) if valid_number(t)]
    if not found:
        return "", 0.0
    if len(found) == 2 and abs(found[0][0] - found[1][0]) < TIE:
        return "", 0.0
    conf, text = max(found)
    return text, conf


def _runs_out(words: list[Word], box: BBox) -> bool:
    """Whether a word's box runs out of the cell across its top or bottom rule by more than
    ``OUT_SHARE`` of its height: read from ink beyond the rule (a doubtful token's re-read crop
    took in the number of the row below), not from the cell."""
    return any(max(box[1] - w.top, w.bottom - box[3]) > OUT_SHARE * (w.bottom - w.top) for w in words)


def reread_cell(clean: np.ndarray, box: BBox, words: list[Word], k: float,
                dpi: int) -> tuple[Optional[list[Word]], bool]:
    """New words of one number cell (None: keep the first reading; []: no text) and whether it
    is doubtful.

    ``clean``: the page image the words were read from (rules erased); ``k``: points per pixel.
    """
    x0, y0, x1, y1 = inside_px(box, k, INSET_PT)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None, False
    crop = np.ascontiguousarray(clean[y0:y1, x0:x1])
    old = " ".join(w.text for w in sorted(words, key=lambda w: (w.top, w.x0)))
    old_conf = min((w.confidence for w in words), default=0.0)
    if not _has_ink(crop, dpi):
        if words and not valid_number(old) and (old_conf < SPECK_CONF or _runs_out(words, box)
                                                or not any(ch.isdigit() for ch in old)):
            return [], False             # a letter read from specks (a rule's remnant): no text
        return None, False
    text, conf = read_number(_line_image(crop, dpi))
    if valid_number(text) and conf >= MIN_CONF and (not valid_number(old) or conf > old_conf):
        if words:
            bx = (min(w.x0 for w in words), min(w.top for w in words),
                  max(w.x1 for w in words), max(w.bottom for w in words))
        else:
            bx = (x0 * k, y0 * k, x1 * k, y1 * k)
        return [Word(text=text, x0=bx[0], top=bx[1], x1=bx[2], bottom=bx[3], confidence=conf)], False
    if valid_number(old) or (not old and not text):
        return None, False
    return None, True


def replace_words(words: list[Word], old: list[Word], new: list[Word]) -> list[Word]:
    """``words`` with the words of ``old`` (a cell's) replaced by ``new``, where the first of them
    stood (at the end when none is among ``words``)."""
    gone = {id(x) for x in old}
    at = next((i for i, x in enumerate(words) if id(x) in gone), len(words))
    return [x for x in words[:at] if id(x) not in gone] + new + [x for x in words[at:] if id(x) not in gone]


def reread_number_column(clean: np.ndarray, words: list[Word], segments: list[Segment],
                         k: float, dpi: int, kept: Optional[list[Word]] = None) -> tuple[list[Word], int]:
    """Words of the page with the item-number column of each ruled table read again.

    Returns the words and the number of number cells with ink but no valid number (their
    words keep their text with a confidence of at most ``DOUBTFUL``, and are appended to
    ``kept``: kept as read, whatever later tests of junk say).
    """
    from extractors.ruled import build_ruled_tables   # the grid, as the table extractor sees it

    h, w = clean.shape[:2]
    layout = PageLayout(page_no=0, width=w * k, height=h * k, words=words, segments=segments,
                        source="ocr")
    doubtful = 0
    out = list(words)
    for table in build_ruled_tables(layout):
        boxes = number_column(table)
        if boxes is None:
            continue
        for box in boxes:
            inside = [x for x in out if x.centre_in(box)]
            new, unsure = reread_cell(clean, box, inside, k, dpi)
            if new is not None:
                out = replace_words(out, inside, new)
            elif unsure:
                doubtful += 1
                for x in inside:
                    x.confidence = min(x.confidence, DOUBTFUL)
                if kept is not None:
                    kept.extend(inside)
    return out, doubtful


# an item number read glued to the first word of its title ("1.4..’Мониторинг"): Tesseract took the
# gap where the column rule was erased for a mark
NUMBER_HEAD_RE = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,2}\.?)[.,:;’'`‚\-–—]*([А-Яа-яЁёA-Za-z«\"(].*)$")
WALL_MARGIN_PT = 2.0       # a word reaching this far past a column rule on both sides runs across it


def split_number_heads(words: list[Word], segments: list[Segment]) -> list[Word]:
    """Words with an item number glued to a title's first word across a column rule split at that
    rule: the number left of it, the word right of it (each box cut at the rule). Only a word that
    reads as a number followed by a word is split; other words across a rule are left as read."""
    walls = [s for s in segments if not s.horizontal]
    out: list[Word] = []
    for w in words:
        m = NUMBER_HEAD_RE.match(w.text)
        cy = (w.top + w.bottom) / 2
        wall = next((s for s in walls if w.x0 + WALL_MARGIN_PT < s.x0 < w.x1 - WALL_MARGIN_PT
                     and s.top <= cy <= s.bottom), None) if m else None
        if m is None or wall is None:
            out.append(w)
            continue
        out.append(Word(text=m.group(1), x0=w.x0, top=w.top, x1=wall.x0 - 1.0, bottom=w.bottom,
                        confidence=w.confidence))
        out.append(Word(text=m.group(2), x0=wall.x0 + 1.0, top=w.top, x1=w.x1, bottom=w.bottom,
                        confidence=w.confidence))
    return out
