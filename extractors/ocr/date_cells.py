"""OCR, the dates: a ruled cell that holds numeric dates ("01.09.2023", one a line, as the
start and end columns of many plans do) is read again on its own, as digits and dots only.

In page context the Russian model reads a narrow column's "01" as "91" or "0Г", a year's "2024"
as "20724" or "202 Г.", drops a dot or a whole line beside a broken rule. Out of context, with
the cell's own lines and only digits and dots allowed, a date is read as a date. The cell is
found by its text only: a cell of a ruled grid whose characters are mostly digits. It is read
again when its first reading is not all valid dates (a day 1–31, a month 1–12, a four-digit
year), or has fewer dates than the cell has lines of ink, or a date read unsurely; the new
reading replaces the first only when every token of it is a valid date, it has no fewer dates
than the first and no more than lines of ink, and it mends what was wrong (an invalid token,
a lost line) or, where the first reading was valid, it is clearly surer. Anything else keeps
the first reading: a deadline that stays unread is flagged downstream, never guessed here.

A year anywhere on the page read unsurely ("декабрь 2023" for "2025": the Russian model takes a
blurred "5" for a "3") is read again as digits alone (``reread_years``), and the digits replace it
only when they are another year, read surely and surer than the first reading.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

import cv2
import numpy as np

from extractors.grid import BBox, PageLayout, Segment, Word
from extractors.lines import text_lines
from extractors.ocr.engine import read_line, tesseract_words
from extractors.ocr.image import enlarged, from_enlarged, inside_px
from extractors.ocr.numbers import replace_words
from normalizers.ocr_date_digits import NUMERIC_DATE_RE, digits_date, one_digit_mend, valid_date

DATE_LANG = "eng"               # the digit model; the whitelist keeps letters out
DATE_WHITELIST = "0123456789."
MIN_DIGITS = 6                  # a date cell holds at least one date (8 digits, a few may be lost) ...
DIGIT_SHARE = 0.6               # ... and digits are this share of its letters and digits at least
SURE = 0.85                     # a first reading of valid dates at least this sure is kept unread
MARGIN = 0.1                    # a valid first reading is replaced only by one this much surer
INSET_PT = 1.5                  # the crop: this far inside the cell's rules
SCALE = 2                       # the crop enlarged this many times
BORDER = 12                     # px of white round it
MIN_LINE_INCH = 0.05            # a band of ink this high at least is a line of text (less: specks, rule remnants)
MAX_CELLS = 40                  # cells read again on one page at most


def is_date_cell(words: Sequence[Word]) -> bool:
    """Whether a cell's words read as numeric dates, however badly: mostly digits (marks, a
    stamp's or a stroke's "+--------", not counted)."""
    chars = "".join(w.text for w in words)
    digits = sum(ch.isdigit() for ch in chars)
    return digits >= MIN_DIGITS and digits >= DIGIT_SHARE * sum(ch.isalnum() for ch in chars)


def _ink_lines(crop: np.ndarray, dpi: int) -> int:
    """The lines of text in a cell's crop: bands of rows with ink at least a character high."""
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    if crop.max() - crop.min() < 60:
        return 0
    rows = (ink > 0).sum(axis=1) > 0
    lines, run = 0, 0
    for filled in list(rows) + [False]:
        if filled:
            run += 1
            continue
        if run >= MIN_LINE_INCH * dpi:
            lines += 1
        run = 0
    return lines


DATE_PREFIX_RE = re.compile(r"^\d{1,2}(?:\.(?:\d{1,2}(?:\.\d{0,3})?)?)?$")
MARKS = ".,;:-—–_‚'` "
TOKEN_SPLIT_RE = re.compile(r"[\s\-–—]+")


def dates_of(lines: Sequence[str]) -> tuple[list[str], bool]:
    """The dates of a cell's lines of text and whether every token is part of one: a narrow
    column wraps a date after its month ("01.09.20" / "23"), a scan splits a year with a space
    ("01.01.202 1"), so a token that is the start of a date is joined to the next; dashes and
    spaces part tokens ("01.09.2023 - 31.08.2025"), marks alone are none."""
    dates: list[str] = []
    buffer = ""
    ok = True
    for token in (t for line in lines for t in TOKEN_SPLIT_RE.split(line)):
        text = token.rstrip(MARKS) if buffer else token.strip(MARKS)
        if not text:
            continue
        buffer += text
        if valid_date(buffer):
            dates.append(buffer.rstrip(".,;:"))
            buffer = ""
        elif not DATE_PREFIX_RE.match(buffer):
            ok, buffer = False, ""
    return dates, ok and not buffer


def _reading(words: Sequence[Word]) -> tuple[list[str], bool, float, int]:
    """A cell's dates, whether all its text is dates, its least sure word's confidence, and
    its lines of text."""
    lines = [" ".join(w.text for w in line) for line in text_lines(list(words))]
    lines = [t for t in lines if t.strip(MARKS)]
    dates, ok = dates_of(lines)
    return dates, ok and bool(dates), min((w.confidence for w in words), default=0.0), len(lines)


def _read_dates(crop: np.ndarray, x0: int, y0: int, k: float) -> list[Word]:
    """The crop read as digits and dots, one word a line, in points of the page."""
    read = tesseract_words(enlarged(crop, SCALE, BORDER), DATE_LANG, "--psm 6", whitelist=DATE_WHITELIST)
    out = []
    for w in read:
        bx0, top, bx1, bottom = from_enlarged(w.x, w.y, w.w, w.h, x0, y0, k, SCALE, BORDER)
        out.append(Word(text=w.text.strip(), x0=bx0, top=top, x1=bx1, bottom=bottom, confidence=w.conf))
    # a date split in two by a space ("01.01.202 1"): one word a line
    return [_joined(line) for line in text_lines(out)]


def _joined(line: Sequence[Word], text: Optional[str] = None) -> Word:
    """One word over a line's words: their text run together (or ``text``), the least sure confidence."""
    return Word(text="".join(w.text for w in line) if text is None else text, x0=min(w.x0 for w in line),
                top=min(w.top for w in line), x1=max(w.x1 for w in line),
                bottom=max(w.bottom for w in line), confidence=min(w.confidence for w in line))


# a mark between the pieces of a year a line break parted ("01.12.28." / "23"): a speck's
YEAR_MARK_RE = re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{1,3})[.,:;'`’‚]+(\d{1,3})$")


def _mended(words: Sequence[Word]) -> Optional[list[Word]]:
    """``words`` with each impossible date, in one word or run on across words and lines as
    ``dates_of`` joins them ("31.42.2" / "026"), made the one date a digit's change makes of it
    (``one_digit_mend``), and each line whose digits alone spell a date made it (``digits_date``),
    when that makes every token of the cell a date and its dates stay in order."""
    out: list[Word] = []
    run: list[Word] = []
    for w in _digit_lines(list(words)):
        run.append(w)
        text = YEAR_MARK_RE.sub(r"\1\2", "".join(x.text for x in run).strip(MARKS))   # "01.12.20." / "23"
        mend = text if len(run) > 1 and valid_date(text) else one_digit_mend(text)
        if mend:
            out.append(_joined(run, mend))
        elif DATE_PREFIX_RE.match(text):
            continue
        else:
            out += run
        run = []
    out += run
    dates, ok, _, _ = _reading(out)
    if len(out) == len(words) and all(a is b for a, b in zip(out, words)):
        return None
    if not ok or [_day(d) for d in dates] != sorted(_day(d) for d in dates):
        return None
    return out


def _digit_lines(words: list[Word]) -> list[Word]:
    """The cell's words line by line, a line that is no date but whose digits alone spell one
    (``digits_date``: "0109.20 ‚23") made one word of that date, and so two lines that are no date
    each, a date wrapped after its month whose dots were lost or misread ("01.1220" / "23",
    "31 12:20" / "25"): their digits together are eight and spell one date."""
    lines = [(line, " ".join(w.text for w in line)) for line in text_lines(words)]
    out: list[Word] = []
    i = 0
    while i < len(lines):
        line, text = lines[i]
        if valid_date(text.strip(MARKS)):
            out += line
            i += 1
            continue
        spelled = digits_date(text)
        if spelled:
            out.append(_joined(line, spelled))
            i += 1
            continue
        if i + 1 < len(lines) and not valid_date(lines[i + 1][1].strip(MARKS)):
            wrapped = digits_date(text + " " + lines[i + 1][1])
            if wrapped and not digits_date(lines[i + 1][1]):
                out.append(_joined(list(line) + list(lines[i + 1][0]), wrapped))
                i += 2
                continue
        out += line
        i += 1
    return out


def _day(text: str) -> tuple[int, int, int]:
    d, m, y = (int(g) for g in NUMERIC_DATE_RE.match(text).groups())
    return y, m, d


def reread_cell(clean: np.ndarray, box: BBox, words: Sequence[Word], k: float, dpi: int) -> Optional[list[Word]]:
    """New words of one date cell, or None to keep its first reading."""
    x0, y0, x1, y1 = inside_px(box, k, INSET_PT)
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    crop = np.ascontiguousarray(clean[y0:y1, x0:x1])
    lines = _ink_lines(crop, dpi)
    old, all_valid, old_conf, old_lines = _reading(words)
    if all_valid and old_lines >= lines and old_conf >= SURE:
        return None
    new_words = _read_dates(crop, x0, y0, k)
    new, new_valid, new_conf, new_lines = _reading(new_words)
    if not new_valid or len(new) < len(old) or new_lines > max(lines, old_lines):
        return None if all_valid else _mended(words) or _mended(new_words)
    mends = not all_valid or len(new) > len(old)
    if mends or (new != old and new_conf > old_conf + MARGIN):
        return new_words
    return None


YEAR_TOKEN_RE = re.compile(r"^(?P<pre>\D{0,2}?)(?P<year>(?:19|20)\d\d)(?P<post>\D{0,3})$")
YEAR_SURE = 0.95                # a year read at least this surely is not read again
YEAR_MIN_CONF = 0.9             # ... and a digit reading replaces it only when at least this sure
YEAR_MARGIN = 0.03              # ... and this much surer than the first reading
MARK_WIDTH = 0.4                # a stop's or a comma's width against a digit's


def reread_years(clean: np.ndarray, words: list[Word], k: float) -> list[Word]:
    """``words`` with each year read unsurely ("2023", "2023г", "ь2025") read again as digits
    alone: the Russian model takes a blurred "5" for a "3" surely enough, the digit model reads it
    right. The year's share of the word's box (its characters' share) is read; the digits replace
    the year only when they are another year of this era, read at least ``YEAR_MIN_CONF`` surely
    and surer than the first reading."""
    out = []
    for w in words:
        m = YEAR_TOKEN_RE.match(w.text)
        if m is None or w.confidence >= YEAR_SURE:
            out.append(w)
            continue
        widths = [1.0 if ch.isalnum() else MARK_WIDTH for ch in w.text]
        share = (w.x1 - w.x0) / sum(widths)
        x0 = w.x0 + share * sum(widths[:len(m.group("pre"))])
        x1 = w.x1 - share * sum(widths[len(w.text) - len(m.group("post")):])
        pad = 2
        crop = clean[max(0, int(w.top / k) - pad):int(w.bottom / k) + pad,
                     max(0, int(x0 / k) - pad):int(x1 / k) + pad]
        if crop.size == 0:
            out.append(w)
            continue
        text, conf = read_line(enlarged(crop, SCALE, BORDER), DATE_LANG, "0123456789")
        text = text.replace(" ", "")
        if (re.fullmatch(r"(?:19|20)\d\d", text) and text != m.group("year") and conf >= YEAR_MIN_CONF
                and conf > w.confidence + YEAR_MARGIN):
            w = Word(text=m.group("pre") + text + m.group("post"), x0=w.x0, top=w.top, x1=w.x1,
                     bottom=w.bottom, fontname=w.fontname, size=w.size, confidence=conf)
        out.append(w)
    return out


def reread_date_cells(clean: np.ndarray, words: list[Word], segments: list[Segment], k: float,
                      dpi: int) -> list[Word]:
    """``words`` with the words of each ruled cell of numeric dates read again where that mends
    them (``reread_cell``)."""
    from extractors.ruled import find_cell_boxes   # the grid, as the table extractor sees it

    h, w = clean.shape[:2]
    layout = PageLayout(page_no=0, width=w * k, height=h * k, words=words, segments=segments, source="ocr")
    out = list(words)
    done = 0
    for box in (b for table in find_cell_boxes(layout) for b in table):
        inside = [x for x in out if x.centre_in(box)]
        if not inside or not is_date_cell(inside):
            continue
        if done >= MAX_CELLS:
            break
        done += 1
        new = reread_cell(clean, box, inside, k, dpi)
        if new is None:
            continue
        out = replace_words(out, inside, new)
    return out
