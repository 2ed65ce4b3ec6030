"""Borderless step 2, segments: where a table starts and ends on each page (header lines, font size,
paragraph lines), and its fragments across consecutive pages (a table continued on the next page)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Optional

from extractors.grid import PageLayout, Word
from extractors.borderless.text_lines import HEADER_REPEAT_SIMILARITY, Line, NUMBER_RE, OCR_SIZE_RATIO, ROW_GAP, SIZE_RATIO, _header_stem, _median_height, _norm, group_lines, is_header_start, is_page_number, leading_of


def header_block(lines: list[Line], start: int, row_gap: float,
                 reference: Optional[list[Line]] = None) -> int:
    """Index after the last header line, given the first one at ``start``.

    The header ends at a gap wider than the gap between rows or, for tables
    whose rows touch (no cell padding), at the first line that cannot be header
    text: see ``ends_header``. ``reference`` is the header of the table that a
    header repeated on a new page repeats: its words bound the repeat.
    """
    vocabulary = _word_counts(reference) if reference else None
    end = start + 1
    while end < len(lines):
        gap = lines[end].top - lines[end - 1].bottom
        if gap > row_gap or ends_header(lines[end], lines[start], vocabulary, lines[start:end]):
            break
        if vocabulary is not None:
            _take_words(vocabulary, lines[end])
        end += 1
    return end


def ends_header(line: Line, first: Line, vocabulary: Optional[dict[str, int]] = None,
                header: Optional[list[Line]] = None) -> bool:
    """A line right under header lines that is table body, not more header.

    It opens with an item number (a numbered row or a numbered heading such as
    "1.1. Разработка ..."), or it is not bold under a bold header, or it is one
    chunk running across the space between two cells of the header's first
    line (a heading: spanning header cells sit on that first line), or - for a repeated
    header - it holds words that the first header does not have.
    """
    if _starts_with_number(line) or _opens_with_item_number(line):
        return True
    if first.bold and not _mostly_bold(line):
        return True
    if len(line.chunks) == 1 and _bridges_cells(line.chunks[0], first):
        return True
    if len(line.chunks) == 1 and header is not None and _runs_from_first_column(line.chunks[0], header):
        return True
    if vocabulary is not None:
        return any(vocabulary.get(_norm(w.text), 0) <= 0 for w in line.words if _norm(w.text))
    return False


def _runs_from_first_column(chunk: list[Word], header: list[Line]) -> bool:
    """A full-width row under the header: one chunk from the header's left edge, more than twice
    as wide as every header chunk that starts there ("Раздел 1. ..." under "№ п/п")."""
    left = min(ln.x0 for ln in header)
    if abs(chunk[0].x0 - left) > 2.0:
        return False
    widths = [c[-1].x1 - c[0].x0 for ln in header for c in ln.chunks if abs(c[0].x0 - left) <= 2.0]
    return bool(widths) and chunk[-1].x1 - chunk[0].x0 > 2 * max(widths)


def _opens_with_item_number(line: Line) -> bool:
    """Opens with a dotted item number ("1.", "1.1", "2.3.1.") followed by text."""
    first = line.words[0].text
    return bool(NUMBER_RE.match(first)) and "." in first and len(line.words) >= 2


def _mostly_bold(line: Line) -> bool:
    return sum(w.bold for w in line.words) * 2 > len(line.words)


def _bridges_cells(chunk: list[Word], line: Line) -> bool:
    """``chunk`` runs across the white space between two chunks (header cells) of ``line``."""
    a, b = chunk[0].x0, chunk[-1].x1
    return any(a < left[-1].x1 and b > right[0].x0 for left, right in zip(line.chunks, line.chunks[1:]))


def _word_counts(lines: list[Line]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ln in lines:
        for w in ln.words:
            key = _norm(w.text)
            if key:
                counts[key] = counts.get(key, 0) + 1
    return counts


def _take_words(counts: dict[str, int], line: Line) -> None:
    for w in line.words:
        key = _norm(w.text)
        if key in counts:
            counts[key] -= 1


def _starts_with_number(line: Line) -> bool:
    return bool(NUMBER_RE.match(line.words[0].text)) and len(line.chunks) >= 2 and not line.bold


@dataclass
class Fragment:
    """The part of one logical table that lies on one page."""

    page_index: int
    header: list[Line]
    body: list[Line]
    continues_previous: bool = False
    header_repeat: bool = False


@dataclass
class LogicalTable:
    """A table possibly running over several pages, with its columns once found."""

    fragments: list[Fragment] = field(default_factory=list)
    bounds: list[float] = field(default_factory=list)  # gutter mid-points
    gutters: list[tuple[float, float]] = field(default_factory=list)
    x0: float = 0.0
    x1: float = 0.0
    size: float = 0.0

    @property
    def n_cols(self) -> int:
        return len(self.bounds) + 1

    @property
    def first_header(self) -> list[Line]:
        return next((f.header for f in self.fragments if f.header), [])

    @property
    def header_text(self) -> str:
        return " ".join(ln.text for ln in self.first_header)


def size_matches(line: Line, size: float) -> bool:
    """Same text size as the table (OCR boxes give only glyph heights: be lenient there)."""
    if not size:
        return True
    has_font_size = any(w.size for w in line.words)
    if not has_font_size and len(line.words) < 3:
        return True
    limit = SIZE_RATIO if has_font_size else OCR_SIZE_RATIO
    r = line.size / size
    return 1 / limit <= r <= limit


def body_size(lines: list[Line]) -> float:
    multi = [ln.size for ln in lines if len(ln.chunks) >= 2] or [ln.size for ln in lines]
    return statistics.median(multi) if multi else 0.0


@dataclass
class PageText:
    """The lines of one page and its text metrics."""

    index: int
    layout: PageLayout
    lines: list[Line]
    h: float
    leading: float

    @property
    def row_gap(self) -> float:
        return self.leading + ROW_GAP * self.h


def page_text(index: int, layout: PageLayout) -> PageText:
    h = _median_height(layout.words)
    lines = [ln for ln in group_lines(layout.words, h) if not is_page_number(ln, layout.height)]
    return PageText(index, layout, lines, h, leading_of(lines, h))


def segment_pages(pages: list[PageText]) -> list[LogicalTable]:
    """Split the pages' lines into table fragments, joined into logical tables."""
    tables: list[LogicalTable] = []
    open_table: Optional[LogicalTable] = None
    for pt in pages:
        lines, i, floor = pt.lines, 0, 0
        if open_table is not None and lines and not _header_on_top(lines, pt.row_gap):
            end = body_extent(lines, 0, open_table.fragments[-1].body)
            if end > 0:
                open_table.fragments.append(Fragment(pt.index, [], lines[:end], continues_previous=True))
            i = floor = end
            if i < len(lines):
                open_table = None
        while i < len(lines):
            if not is_header_start(lines[i]):
                i += 1
                continue
            i = header_top(lines, i, floor, pt.row_gap)
            hend, repeat = _header_end(lines, i, pt, open_table)
            header = lines[i:hend]
            if not repeat:
                open_table = LogicalTable()
                tables.append(open_table)
            body_end = body_extent(lines, hend, header)
            open_table.fragments.append(Fragment(pt.index, header, lines[hend:body_end],
                                                 continues_previous=repeat, header_repeat=repeat))
            i = floor = body_end
            if i < len(lines):
                open_table = None
    return tables


def _header_on_top(lines: list[Line], row_gap: float) -> bool:
    """The page opens with a header (maybe with lines of a tall centred header cell above the
    line that opens the header vocabulary)."""
    j = next((i for i, ln in enumerate(lines[:6]) if is_header_start(ln)), None)
    return j is not None and header_top(lines, j, 0, row_gap) == 0


def header_top(lines: list[Line], start: int, floor: int, row_gap: float) -> int:
    """The first header line, given the line ``start`` that opens the header vocabulary.

    Header cells centred (or set at the bottom) vertically put the first lines of the tallest
    cell above every other cell: lone lines that touch the header from above and open with
    header vocabulary ("Наименован|ие" over "№ п/п") belong to it.
    """
    first = lines[start]
    i = start
    while i - 1 >= floor:
        ln = lines[i - 1]
        if lines[i].top - ln.bottom > row_gap or not size_matches(ln, first.size):
            break
        narrow = all(len(ch) <= 2 or ch[-1].x1 - ch[0].x0 < 0.4 * (first.x1 - first.x0) for ch in ln.chunks)
        if not (narrow and any(_header_stem(ch[0].text) for ch in ln.chunks)):
            break
        i -= 1
    return i


def _header_end(lines: list[Line], start: int, pt: PageText,
                open_table: Optional[LogicalTable]) -> tuple[int, bool]:
    """End of the header block at ``start``, and whether it repeats ``open_table``'s header."""
    reference = open_table.first_header if open_table is not None else []
    if reference and not any(f.page_index == pt.index for f in open_table.fragments):
        end = header_block(lines, start, pt.row_gap, reference)
        if _similar(" ".join(ln.text for ln in lines[start:end]), open_table.header_text) \
                or _contained(lines[start:end], reference):
            return end, True
    return header_block(lines, start, pt.row_gap), False


def _contained(lines: list[Line], reference: list[Line]) -> bool:
    """Two or more lines, at least four words, all of them words of ``reference``: a repeated header
    whose first appearance took in lines of the row under it (cells centred vertically)."""
    counts = _word_counts(reference)
    words = [_norm(w.text) for ln in lines for w in ln.words if _norm(w.text)]
    if len(lines) < 2 or len(words) < 4:
        return False
    for key in words:
        if counts.get(key, 0) <= 0:
            return False
        counts[key] -= 1
    return True


def _similar(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return bool(a and b) and SequenceMatcher(None, a, b).ratio() >= HEADER_REPEAT_SIMILARITY


def body_extent(lines: list[Line], start: int, reference: list[Line]) -> int:
    """Index after the last line of the table body that starts at ``start``.

    The body stops at a new header, or at a line whose text size differs from
    the table's (a title, a paragraph, a "Сокращения:" list) unless that line
    is only a heading followed by more table text.
    """
    candidates = [ln for ln in lines[start:] if len(ln.chunks) >= 2][:12]
    size = body_size(candidates) if candidates else body_size(reference)
    end = start
    while end < len(lines):
        ln = lines[end]
        if is_header_start(ln) and end > start:
            break
        if not size_matches(ln, size):
            nxt = lines[end + 1] if end + 1 < len(lines) else None
            if not (_heading_like(ln) and nxt is not None and size_matches(nxt, size)
                    and not is_header_start(nxt)):
                break
        end += 1
    return end


def _heading_like(line: Line) -> bool:
    return len(line.chunks) == 1 and line.bold
