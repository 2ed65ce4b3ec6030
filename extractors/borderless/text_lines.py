"""Borderless step 1, lines and chunks: the tunables, text lines from word positions, chunks cut at
column-gutter-wide gaps, page numbers, header vocabulary."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Optional

from extractors.grid import Word


# --- tunables (relative to the median text height ``h`` of the page or table) ---
CHUNK_GAP = 0.55          # a gap wider than CHUNK_GAP * h separates two chunks of a line ...


SPACE_FACTOR = 2.0        # ... or wider than twice the page's typical space between words ...


MAX_CHUNK_GAP = 1.1       # ... but never wider than this * h


MIN_GUTTER = 0.5          # a column gutter is at least MIN_GUTTER * h wide


GUTTER_NOISE = 0.02       # share of body lines allowed to cross a gutter (OCR specks, stray words)
MIN_LINES_ONE_CROSSING = 10   # a table of this many lines may have one line across a gutter (a section heading)


ALIGNED_SHARE = 0.15      # justified text: a gutter no word crosses, this share of lines flush after it


ROW_GAP = 0.45            # a gap wider than leading + ROW_GAP * h starts a new row


SIZE_RATIO = 1.2          # a line whose text size differs more than this is not table text


OCR_SIZE_RATIO = 1.5      # the same for OCR words, whose box heights vary with the letters


CENTRED_TOL = 0.06        # centred: line centre within this share of the table width


HEADER_REPEAT_SIMILARITY = 0.8


PAGE_MARGIN_SHARE = 0.08  # page numbers live in this share of the page height at top/bottom


NUMBER_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,4}\.?$")


YEAR_RE = re.compile(r"^(?:19|20)\d\d(?:\s*г\.?)?$")


PAGE_NUMBER_RE = re.compile(r"^[-–—]?\s*\d{1,4}\s*[-–—]?$")


HEADER_STEMS = (
    "№", "п/п", "мероприят", "наименован", "срок", "ответствен", "исполнител", "результат",
    "документ", "задач", "единиц", "целев", "показател", "индикатор", "критери", "измерител",
    "содержан", "ожидаем", "значени", "период", "источник", "финансир", "примечан", "направлен",
    "дата", "окончан",
)


@dataclass
class Line:
    """One text line of a page: its words left to right, and its chunks."""

    words: list[Word]
    chunks: list[list[Word]] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def height(self) -> float:
        return statistics.median(w.bottom - w.top for w in self.words)

    @property
    def size(self) -> float:
        sizes = [w.size for w in self.words if w.size]
        return statistics.median(sizes) if sizes else self.height

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def _median_height(words: list[Word]) -> float:
    heights = [w.bottom - w.top for w in words if w.bottom > w.top]
    return statistics.median(heights) if heights else 10.0


def group_lines(words: list[Word], h: float, chunk_gap: Optional[float] = None) -> list[Line]:
    """Words grouped into text lines (vertical centres within ~half a text height)."""
    lines: list[list[Word]] = []
    centres: list[float] = []
    for w in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        cy = (w.top + w.bottom) / 2
        if lines and abs(cy - centres[-1]) <= 0.45 * h:
            lines[-1].append(w)
            centres[-1] = statistics.fmean((x.top + x.bottom) / 2 for x in lines[-1])
        else:
            lines.append([w])
            centres.append(cy)
    out = [Line(sorted(ln, key=lambda w: w.x0)) for ln in lines]
    gap = chunk_gap if chunk_gap is not None else chunk_gap_of(out, h)
    for ln in out:
        ln.chunks = split_chunks(ln.words, gap)
    return out


def chunk_gap_of(lines: list[Line], h: float) -> float:
    """The widest gap still taken for a space between words: from the page's own spacing."""
    spaces = [b.x0 - a.x1 for ln in lines for a, b in zip(ln.words, ln.words[1:])
              if 0 <= b.x0 - a.x1 < h]
    typical = statistics.median(spaces) if spaces else 0.0
    return min(max(CHUNK_GAP * h, SPACE_FACTOR * typical), MAX_CHUNK_GAP * h)


def split_chunks(words: list[Word], gap: float) -> list[list[Word]]:
    """Runs of words separated by less than ``gap`` points."""
    chunks: list[list[Word]] = []
    for w in words:
        if chunks and w.x0 - chunks[-1][-1].x1 <= gap:
            chunks[-1].append(w)
        else:
            chunks.append([w])
    return chunks


def is_page_number(line: Line, page_height: float) -> bool:
    """A lone page number in the top or bottom margin."""
    margin = PAGE_MARGIN_SHARE * page_height
    near_edge = line.top < margin or line.bottom > page_height - margin
    return near_edge and len(line.chunks) == 1 and bool(PAGE_NUMBER_RE.match(line.text.strip()))


def _norm(text: str) -> str:
    return re.sub(r"[^\w№/]+", "", text.lower())


def _header_stem(word: str) -> Optional[str]:
    t = _norm(word)
    if not t:
        return None
    if t.startswith("№") or "п/п" in t:
        return "№"
    found = next((s for s in HEADER_STEMS if t.startswith(s)), None)
    if found is None and len(t) >= 4:      # the first piece of a word broken in a narrow column ("Мероприя")
        found = next((s for s in HEADER_STEMS if s.startswith(t)), None)
    return found


def header_hits(line: Line) -> tuple[int, int]:
    """Chunks that open with header vocabulary, and how many different terms they use."""
    stems = [_header_stem(ch[0].text) for ch in line.chunks]
    found = [s for s in stems if s]
    return len(found), len(set(found))


def is_header_start(line: Line) -> bool:
    """A line that opens a table header.

    Most of its chunks open with header vocabulary (at least two different
    terms), or it is a bold line of three or more chunks not led by a number.
    """
    if NUMBER_RE.match(line.words[0].text) or len(line.chunks) < 2:
        return False
    hits, distinct = header_hits(line)
    if distinct >= 2 and hits >= 0.5 * len(line.chunks):
        return True
    return line.bold and len(line.chunks) >= 3 and (hits >= 1 or len(line.chunks) >= 4)


def leading_of(lines: list[Line], h: float) -> float:
    """Typical white space between two lines of one cell."""
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:])]
    small = [g for g in gaps if -0.2 * h < g < 0.8 * h]
    return max(0.0, statistics.median(small)) if small else 0.2 * h
