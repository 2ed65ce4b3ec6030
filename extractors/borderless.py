"""Borderless tables: columns and rows from word positions alone.

Input is a run of consecutive pages (``PageLayout``) from the PDF text layer or
from OCR; output is, for each page, the ``Table`` fragments on it (see
``extractors.grid`` for the contract). The method, in order:

1. **Lines and chunks.** Words are grouped into text lines (vertical overlap);
   a line is cut into *chunks* wherever the gap between two words is wider than
   a column gutter can be narrow (about half the text height).
2. **Segments.** A table starts at a *header* line (header vocabulary such as
   "№", "Мероприятие", "Срок", "Ответственный", or a bold line of three or more
   chunks) or at the top of a page when the previous page's table was still
   open. It ends at a line that cannot be table text: another font size, or a
   paragraph line that runs across the column gutters without being a heading.
3. **Columns.** For each logical table (all its page fragments together) the
   columns are the vertical whitespace gutters that run through the body lines
   with two or more chunks. A gutter that cuts a header cell with nothing under
   it on both sides is dropped (a false gutter, e.g. "2019 | год").
4. **Rows.** A new row starts after a vertical gap wider than the leading inside
   a cell, and at every line whose number column holds a number (1., 1.1, 2.3).
   A row made of one chunk per line that crosses gutters (or is bold and
   centred) is a heading: one cell with ``colspan = n_cols``.
5. **Header rows.** Header chunks that cover a gutter span several columns; the
   header lines under them become a second header row ("Целевые индикаторы"
   over 2021/2022/2023). A header repeated on a later page is kept, marked
   ``Row.is_header`` and the fragment ``continues_previous``.

Cells carry the words' union box, the page, line breaks and the mean word
confidence; ``pdf.blocks_outside`` relies on those boxes to keep the title and
"Сокращения:" lists out of the table.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Optional

from extractors.grid import BBox, Cell, PageLayout, Row, Table, Word
from extractors.lines import BULLET_RE, is_hard_break, join_cell_lines

# --- tunables (relative to the median text height ``h`` of the page or table) ---
CHUNK_GAP = 0.55          # a gap wider than CHUNK_GAP * h separates two chunks of a line ...
SPACE_FACTOR = 2.0        # ... or wider than twice the page's typical space between words ...
MAX_CHUNK_GAP = 1.1       # ... but never wider than this * h
MIN_GUTTER = 0.5          # a column gutter is at least MIN_GUTTER * h wide
GUTTER_NOISE = 0.02       # share of body lines allowed to cross a gutter (OCR specks, stray words)
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
)


# ----------------------------------------------------------------------------- lines


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


# ----------------------------------------------------------------------------- headers


def _norm(text: str) -> str:
    return re.sub(r"[^\w№/]+", "", text.lower())


def _header_stem(word: str) -> Optional[str]:
    t = _norm(word)
    if not t:
        return None
    if t.startswith("№") or "п/п" in t:
        return "№"
    return next((s for s in HEADER_STEMS if t.startswith(s)), None)


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
        if gap > row_gap or ends_header(lines[end], lines[start], vocabulary):
            break
        if vocabulary is not None:
            _take_words(vocabulary, lines[end])
        end += 1
    return end


def ends_header(line: Line, first: Line, vocabulary: Optional[dict[str, int]] = None) -> bool:
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
    if vocabulary is not None:
        return any(vocabulary.get(_norm(w.text), 0) <= 0 for w in line.words if _norm(w.text))
    return False


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


# ----------------------------------------------------------------------------- segments


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
        lines, i = pt.lines, 0
        if open_table is not None and lines and not is_header_start(lines[0]):
            end = body_extent(lines, 0, open_table.fragments[-1].body)
            if end > 0:
                open_table.fragments.append(Fragment(pt.index, [], lines[:end], continues_previous=True))
            i = end
            if i < len(lines):
                open_table = None
        while i < len(lines):
            if not is_header_start(lines[i]):
                i += 1
                continue
            hend, repeat = _header_end(lines, i, pt, open_table)
            header = lines[i:hend]
            if not repeat:
                open_table = LogicalTable()
                tables.append(open_table)
            body_end = body_extent(lines, hend, header)
            open_table.fragments.append(Fragment(pt.index, header, lines[hend:body_end],
                                                 continues_previous=repeat, header_repeat=repeat))
            i = body_end
            if i < len(lines):
                open_table = None
    return tables


def _header_end(lines: list[Line], start: int, pt: PageText,
                open_table: Optional[LogicalTable]) -> tuple[int, bool]:
    """End of the header block at ``start``, and whether it repeats ``open_table``'s header."""
    reference = open_table.first_header if open_table is not None else []
    if reference and not any(f.page_index == pt.index for f in open_table.fragments):
        end = header_block(lines, start, pt.row_gap, reference)
        if _similar(" ".join(ln.text for ln in lines[start:end]), open_table.header_text):
            return end, True
    return header_block(lines, start, pt.row_gap), False


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


# ----------------------------------------------------------------------------- columns


def find_gutters(lines: list[Line], h: float) -> tuple[float, float, list[tuple[float, float]]]:
    """Table x-extent and the whitespace gutters that run through ``lines``."""
    multi = [ln for ln in lines if len(ln.chunks) >= 2]
    use = multi if len(multi) >= 2 else lines
    if not use:
        return 0.0, 0.0, []
    x0 = min(ln.x0 for ln in use)
    x1 = max(ln.x1 for ln in use)
    step = 0.5
    n = int((x1 - x0) / step) + 1
    cover = [0] * n
    for ln in use:
        for ch in ln.chunks:
            a = int((ch[0].x0 - x0) / step)
            b = int((ch[-1].x1 - x0) / step)
            for k in range(max(0, a), min(n, b + 1)):
                cover[k] += 1
    noise = int(GUTTER_NOISE * len(use))
    gutters: list[tuple[float, float]] = []
    k = 0
    while k < n:
        if cover[k] <= noise:
            s = k
            while k < n and cover[k] <= noise:
                k += 1
            g0, g1 = x0 + s * step, x0 + k * step
            if g1 - g0 >= MIN_GUTTER * h and s > 0 and k < n:
                gutters.append((g0, g1))
        else:
            k += 1
    return x0, x1, gutters


def drop_false_gutters(gutters: list[tuple[float, float]], header: list[Line]) -> list[tuple[float, float]]:
    """Drop gutters that cut a header cell with no header text under it on both sides.

    Under a header chunk that covers a gutter there must be lower header text
    in the column just left of the gutter and in the column just right of it
    ("Целевые индикаторы" over 2021 | 2022 | 2023); otherwise the gutter cuts
    one header cell ("2019 | год"). Columns are taken between gutter middles:
    the sub-headers of narrow columns are often wider than the values under
    them, and stick out beyond the upper text.
    """
    edges = [-float("inf")] + [(a + b) / 2 for a, b in gutters] + [float("inf")]
    spans = list(zip(edges, edges[1:]))              # column k lies between gutter k-1 and gutter k
    keep = []
    for k, g in enumerate(gutters):
        false = False
        for i, ln in enumerate(header):
            for ch in ln.chunks:
                if ch[0].x0 < g[0] and ch[-1].x1 > g[1]:
                    below = [(c[0].x0 + c[-1].x1) / 2 for l2 in header[i + 1:] for c in l2.chunks]
                    left = any(spans[k][0] <= x <= spans[k][1] and x >= ch[0].x0 - (g[1] - g[0])
                               for x in below)
                    right = any(spans[k + 1][0] <= x <= spans[k + 1][1] and x <= ch[-1].x1 + (g[1] - g[0])
                                for x in below)
                    if not (left and right):
                        false = True
        if not false:
            keep.append(g)
    return keep


def set_columns(table: LogicalTable, pages: dict[int, PageText]) -> None:
    """Columns of a logical table from all of its body lines (and its first header)."""
    body = [ln for f in table.fragments for ln in f.body]
    h = statistics.median([pages[f.page_index].h for f in table.fragments])
    x0, x1, gutters = find_gutters(body, h)
    header = next((f.header for f in table.fragments if f.header), [])
    gutters = drop_false_gutters(gutters, header)
    if header:
        x0 = min([x0] + [ln.x0 for ln in header]) if body else min(ln.x0 for ln in header)
        x1 = max([x1] + [ln.x1 for ln in header])
    table.x0, table.x1, table.gutters = x0, x1, gutters
    table.bounds = [(a + b) / 2 for a, b in gutters]
    table.size = body_size(body) if body else body_size(header)


def column_of(x: float, bounds: list[float]) -> int:
    c = 0
    while c < len(bounds) and x > bounds[c]:
        c += 1
    return c


def chunk_span(chunk: list[Word], table: LogicalTable) -> tuple[int, int]:
    """First and last column a chunk covers: a chunk spans a gutter it covers entirely."""
    cx = (chunk[0].x0 + chunk[-1].x1) / 2
    c = column_of(cx, table.bounds)
    first, last = c, c
    while first > 0 and chunk[0].x0 <= table.gutters[first - 1][0] + 0.5:
        first -= 1
    while last < len(table.gutters) and chunk[-1].x1 >= table.gutters[last][1] - 0.5:
        last += 1
    return first, last


# ----------------------------------------------------------------------------- rows


def crosses_gutter(line: Line, table: LogicalTable) -> bool:
    return any(chunk_span(ch, table)[1] > chunk_span(ch, table)[0] for ch in line.chunks)


def is_centred(line: Line, table: LogicalTable) -> bool:
    width = table.x1 - table.x0
    if width <= 0:
        return False
    centre = (line.x0 + line.x1) / 2
    return abs(centre - (table.x0 + table.x1) / 2) <= CENTRED_TOL * width and line.x0 > table.x0 + 0.05 * width


def is_heading_line(line: Line, table: LogicalTable) -> bool:
    """One chunk that runs across gutters, or a bold centred line."""
    if len(line.chunks) != 1:
        return False
    return crosses_gutter(line, table) or (line.bold and is_centred(line, table))


def is_paragraph_line(line: Line, table: LogicalTable) -> bool:
    """Running text: one chunk from the table's left edge across gutters, not a heading."""
    width = table.x1 - table.x0
    return (len(line.chunks) == 1 and crosses_gutter(line, table) and not line.bold
            and not is_centred(line, table) and line.x0 <= table.x0 + 0.05 * width
            and line.x1 - line.x0 >= 0.4 * width)


def drop_trailing_paragraphs(body: list[Line], table: LogicalTable) -> list[Line]:
    """Cut the body at running text that follows its last line of table cells."""
    last_row_line = max((i for i, ln in enumerate(body) if len(ln.chunks) >= 2
                         and not crosses_gutter(ln, table)), default=-1)
    for i in range(last_row_line + 1, len(body)):
        if is_paragraph_line(body[i], table):
            return body[:i]
    return body


def number_column(table: LogicalTable) -> Optional[int]:
    """Column 0 when it mostly holds item numbers (1., 1.1, 2.3 ...)."""
    firsts = []
    for f in table.fragments:
        for ln in f.body:
            ws = [w for w in ln.words if column_of((w.x0 + w.x1) / 2, table.bounds) == 0]
            if ws and len(ln.chunks) >= 2:
                firsts.append(ws[0].text)
    if not firsts:
        return None
    numeric = sum(1 for t in firsts if NUMBER_RE.match(t))
    return 0 if numeric >= 0.5 * len(firsts) else None


def starts_row_by_number(line: Line, table: LogicalTable, num_col: Optional[int]) -> bool:
    if num_col is None:
        return False
    ws = [w for w in line.words if column_of((w.x0 + w.x1) / 2, table.bounds) == num_col]
    return bool(ws) and bool(NUMBER_RE.match(ws[0].text))


@dataclass
class RowLines:
    """The lines of one body row, adjusted for cells merged over sub-rows.

    In a table whose rows touch, the text of a cell merged over several
    sub-rows runs on next to the sub-row below: those words are ``given`` up by
    the lower row and ``taken`` by the upper one.
    """

    heading: bool
    lines: list[Line]
    taken: list[Word] = field(default_factory=list)
    given: set[int] = field(default_factory=set)

    @property
    def words(self) -> list[Word]:
        own = [w for ln in self.lines for w in ln.words if id(w) not in self.given]
        return own + self.taken


def rows_touch(table: LogicalTable, row_gaps: dict[int, float], num_col: Optional[int]) -> bool:
    """True when the table's rows are not set apart by white space (cells without padding).

    Judged by the lines that open a numbered row: in such a table most of them
    follow the line above as closely as the lines inside a cell do. Without a
    number column: almost no gap in the body is wider than a row gap.
    """
    numbered, spaced, gaps, wide = 0, 0, 0, 0
    for f in table.fragments:
        row_gap = row_gaps[f.page_index]
        for prev, ln in zip(f.body, f.body[1:]):
            if is_heading_line(prev, table) or is_heading_line(ln, table):
                continue
            wide_gap = ln.top - prev.bottom > row_gap
            gaps, wide = gaps + 1, wide + wide_gap
            if starts_row_by_number(ln, table, num_col):
                numbered, spaced = numbered + 1, spaced + wide_gap
    if numbered >= 2:
        return spaced * 2 < numbered
    return gaps >= 4 and wide < 0.05 * gaps


def line_columns(line: Line, table: LogicalTable) -> dict[int, list[Word]]:
    """The words of a line by column (word centre)."""
    cols: dict[int, list[Word]] = {}
    for w in line.words:
        cols.setdefault(column_of((w.x0 + w.x1) / 2, table.bounds), []).append(w)
    return cols


def restarted_columns(line: Line, row: list[Line], table: LogicalTable) -> set[int]:
    """Columns where ``line`` opens a second cell: text, a blank line above it, text earlier in the row."""
    here = line_columns(line, table)
    above = line_columns(row[-1], table)
    earlier = {c for ln in row[:-1] for c in line_columns(ln, table)}
    return {c for c in here if c not in above and c in earlier}


def continues_cell(above: list[Word], below: list[Word]) -> bool:
    """Text in one column on two touching lines: does the lower line continue the upper cell?

    Yes when the lower line starts in lower case, or the upper one ends in a
    hyphen, a comma or a one- or two-letter preposition; a number or a bullet
    opens a new cell.
    """
    first, last = below[0].text, above[-1].text
    below_text = " ".join(w.text for w in below)
    if NUMBER_RE.match(first) or BULLET_RE.match(below_text):
        return False
    if first[:1].islower():
        return True
    return last.endswith(("-", ",")) or (last.isalpha() and last.islower() and len(last) <= 2)


def spanning_words(lines: list[Line], above: Line, table: LogicalTable,
                   opened: set[int]) -> list[Word]:
    """Words at the top of a sub-row that continue a cell of the row above (a merged cell)."""
    moved: list[Word] = []
    upper = line_columns(above, table)
    for c, words in line_columns(lines[0], table).items():
        if c in opened or c not in upper or not continues_cell(upper[c], words):
            continue
        for ln in lines:
            ws = line_columns(ln, table).get(c)
            if not ws:
                break
            moved.extend(ws)
    return moved


def opens_item_in(line: Line, col: int, table: LogicalTable) -> bool:
    """The line's text in ``col`` opens with a dotted item number and goes on ("4.2. Охват ...")."""
    ws = line_columns(line, table).get(col, [])
    return len(ws) >= 2 and bool(NUMBER_RE.match(ws[0].text)) and "." in ws[0].text


def numbered_text_columns(table: LogicalTable, rows: list[RowLines]) -> set[int]:
    """Columns whose cells mostly open with their own item number ("1.1. Наличие ...").

    In a table whose rows touch, such a number anchors a row as the number
    column does: the indicator lists of "Критерии | Показатели" tables.
    """
    out = set()
    body = [r for r in rows if not r.heading]
    for c in range(table.n_cols):
        firsts = [next((ln for ln in r.lines if c in line_columns(ln, table)), None) for r in body]
        firsts = [ln for ln in firsts if ln is not None]
        numbered = sum(opens_item_in(ln, c, table) for ln in firsts)
        if numbered >= 3 and numbered >= 0.6 * len(firsts):
            out.add(c)
    return out


def group_rows(body: list[Line], table: LogicalTable, row_gap: float,
               num_col: Optional[int], touching: bool = False,
               item_cols: frozenset[int] = frozenset()) -> list[RowLines]:
    """Body lines grouped into rows; each row flagged as heading or not.

    A row starts after a wide gap, at a numbered line, at a change between
    heading and table text, and at a heading line that opens with a number. In
    a table whose rows touch, also where a column holds a second cell (a
    sub-row) and where a heading line follows one that ended short.
    """
    rows: list[RowLines] = []
    sub_row_starts: dict[int, set[int]] = {}
    prev: Optional[Line] = None
    for ln in body:
        heading = is_heading_line(ln, table)
        if prev is None:
            rows.append(RowLines(heading, [ln]))
            prev = ln
            continue
        last = rows[-1]
        gap = ln.top - prev.bottom
        opened: set[int] = set()
        if heading and last.heading:
            new = (gap > row_gap or _opens_with_item_number(ln)
                   or (touching and is_hard_break(prev.words, ln.words, table.x1)))
        elif heading or last.heading:
            new = True
        else:
            new = (gap > row_gap or starts_row_by_number(ln, table, num_col)
                   or any(opens_item_in(ln, c, table) for c in item_cols))
            if not new and touching:
                opened = restarted_columns(ln, last.lines, table)
                new = bool(opened)
                if new:
                    sub_row_starts[len(rows)] = opened
        if new:
            rows.append(RowLines(heading, [ln]))
        else:
            last.lines.append(ln)
        prev = ln
    for i, opened in sub_row_starts.items():
        moved = spanning_words(rows[i].lines, rows[i - 1].lines[-1], table, opened)
        rows[i - 1].taken.extend(moved)
        rows[i].given.update(id(w) for w in moved)
    return rows


def fragment_rows(frag: Fragment, table: LogicalTable, row_gap: float, num_col: Optional[int],
                  touching: bool) -> list[RowLines]:
    """Rows of one fragment; in a table whose rows touch, numbered text columns anchor rows too."""
    rows = group_rows(frag.body, table, row_gap, num_col, touching)
    if not touching:
        return rows
    item_cols = numbered_text_columns(table, rows)
    if num_col is not None:
        item_cols.discard(num_col)
    if not item_cols:
        return rows
    return group_rows(frag.body, table, row_gap, num_col, touching, frozenset(item_cols))


# ----------------------------------------------------------------------------- cells


def _bbox(words: list[Word]) -> BBox:
    return (min(w.x0 for w in words), min(w.top for w in words),
            max(w.x1 for w in words), max(w.bottom for w in words))


def cell_text(words: list[Word], h: float, right: Optional[float] = None) -> str:
    """Words of one cell as text: soft wraps joined, hard line breaks kept (extractors.lines)."""
    return join_cell_lines([ln.words for ln in group_lines(words, h, chunk_gap=h)], right)


def make_cell(words: list[Word], col: int, page_no: int, h: float, colspan: int = 1,
              rowspan: int = 1, right: Optional[float] = None) -> Cell:
    if not words:
        return Cell(text="", col=col, colspan=colspan, rowspan=rowspan, page=page_no)
    return Cell(
        text=cell_text(words, h, right), col=col, colspan=colspan, rowspan=rowspan, page=page_no,
        bbox=_bbox(words), confidence=statistics.fmean(w.confidence for w in words),
        bold=all(w.bold for w in words),
    )


def row_bbox(lines: list[Line], table: LogicalTable) -> BBox:
    words = [w for ln in lines for w in ln.words]
    b = _bbox(words)
    return (min(b[0], table.x0), b[1], max(b[2], table.x1), b[3])


def body_row(row: RowLines, table: LogicalTable, page_no: int, h: float) -> Row:
    """A row of origin cells: a heading spans all columns, other words go by their centre."""
    words = row.words
    if row.heading:
        cells = [make_cell(words, 0, page_no, h, colspan=table.n_cols)]
    else:
        by_col: dict[int, list[Word]] = {c: [] for c in range(table.n_cols)}
        for w in words:
            by_col[column_of((w.x0 + w.x1) / 2, table.bounds)].append(w)
        cells = [make_cell(by_col[c], c, page_no, h, right=column_right(table, c))
                 for c in range(table.n_cols)]
    return Row(cells=cells, page=page_no, bbox=row_bbox(row.lines, table))


def column_right(table: LogicalTable, col: int) -> float:
    """Where text in a column wraps: the start of the gutter after it (the table edge last)."""
    return table.gutters[col][0] if col < len(table.gutters) else table.x1


def column_extents(table: LogicalTable) -> list[tuple[float, float]]:
    edges = [table.x0] + table.bounds + [table.x1]
    return list(zip(edges, edges[1:]))


def header_chunk_span(chunk: list[Word], line_index: int, header: list[Line],
                      table: LogicalTable) -> tuple[int, int]:
    """Columns a header chunk stands over.

    A chunk that covers a gutter spans it. A chunk with header text below it in
    neighbouring columns that have no header text of their own at its level
    (an upper cell "Целевые индикаторы" over 2021 | 2022 | 2023) spans the
    range of columns whose centre (by the header text under them) is closest
    to its own centre, and at least
    the columns of the lower header text it stands over (in narrow columns the
    text is left-aligned, so column centres drift from the cell's centre).
    """
    first, last = chunk_span(chunk, table)
    ext = column_extents(table)
    below = {column_of((c[0].x0 + c[-1].x1) / 2, table.bounds)
             for ln in header[line_index + 1:] for c in ln.chunks}
    above = {k for ln in header[:line_index + 1] for c in ln.chunks if c is not chunk
             for k in range(*_span_range(chunk_span(c, table)))}
    free = [k not in above and k in below for k in range(table.n_cols)]
    lo, hi = first, last
    while lo > 0 and free[lo - 1]:
        lo -= 1
    while hi < table.n_cols - 1 and free[hi + 1]:
        hi += 1
    centre = (chunk[0].x0 + chunk[-1].x1) / 2
    sub = _lower_header_extents(header[line_index + 1:], table)

    def range_centre(a: int, b: int) -> float:
        """Middle of columns a..b: by the sub-headers in them (values may be left-aligned)."""
        left = sub[a][0] if a in sub else ext[a][0]
        right = sub[b][1] if b in sub else ext[b][1]
        return (left + right) / 2

    best = (first, last)
    best_d = abs(centre - range_centre(first, last))
    for a in range(lo, first + 1):
        for b in range(last, hi + 1):
            if b - a < 1 or not all(k in below for k in range(a, b + 1)):
                continue
            d = abs(centre - range_centre(a, b))
            wider = b - a > best[1] - best[0]
            if d < best_d - 1.0 or (wider and d <= best_d + 1.0):
                best, best_d = (a, b), d
    under = [column_of((c[0].x0 + c[-1].x1) / 2, table.bounds) for ln in header[line_index + 1:]
             for c in ln.chunks if c[0].x0 < chunk[-1].x1 - 1 and c[-1].x1 > chunk[0].x0 + 1]
    if under and lo <= min(under) and max(under) <= hi:
        best = (min(best[0], *under), max(best[1], *under))
    return best


def _lower_header_extents(lines: list[Line], table: LogicalTable) -> dict[int, tuple[float, float]]:
    """Per column, the x-extent of the header text on ``lines``."""
    out: dict[int, tuple[float, float]] = {}
    for ln in lines:
        for c in ln.chunks:
            k = column_of((c[0].x0 + c[-1].x1) / 2, table.bounds)
            a, b = out.get(k, (c[0].x0, c[-1].x1))
            out[k] = (min(a, c[0].x0), max(b, c[-1].x1))
    return out


def _span_range(span: tuple[int, int]) -> tuple[int, int]:
    return span[0], span[1] + 1


def header_rows(header: list[Line], table: LogicalTable, page_no: int, h: float,
                repeat: bool) -> list[Row]:
    """One or two header rows; upper cells that cover a gutter get a colspan."""
    if not header:
        return []
    placed: list[tuple[int, int, int, list[Word]]] = []   # (line index, first col, last col, words)
    for i, ln in enumerate(header):
        for ch in ln.chunks:
            first, last = header_chunk_span(ch, i, header, table)
            placed.append((i, first, last, ch))
    groups = _merged_spans([(f, l) for _, f, l, _ in placed if l > f])
    lower_start: dict[tuple[int, int], int] = {}
    for g in groups:
        spans_at = [i for i, f, l, _ in placed if (f, l) != (f, f) and f >= g[0] and l <= g[1] and l > f]
        last_span_line = max(spans_at)
        below = [i for i, f, l, _ in placed if i > last_span_line and f == l and g[0] <= f <= g[1]]
        if below:
            lower_start[g] = min(below)
    two_level = bool(lower_start)
    upper: list[Cell] = []
    lower: list[Cell] = []
    col = 0
    while col < table.n_cols:
        g = next((g for g in groups if g[0] == col), None)
        if g is not None:
            cut = lower_start.get(g)
            top_words = [w for i, f, l, ws in placed if g[0] <= f and l <= g[1]
                         and (cut is None or i < cut) for w in ws]
            upper.append(make_cell(top_words, g[0], page_no, h, colspan=g[1] - g[0] + 1))
            if cut is not None:
                for c in range(g[0], g[1] + 1):
                    ws = [w for i, f, l, chunk in placed if i >= cut and f == l == c for w in chunk]
                    lower.append(make_cell(ws, c, page_no, h))
            col = g[1] + 1
        else:
            ws = [w for _, f, l, chunk in placed if f == l == col for w in chunk]
            upper.append(make_cell(ws, col, page_no, h, rowspan=2 if two_level else 1))
            col += 1
    rows = [Row(cells=upper, page=page_no, is_header=repeat,
                bbox=row_bbox(header if not two_level else _lines_before(header, lower_start), table))]
    if two_level:
        cut = min(lower_start.values())
        rows.append(Row(cells=lower, page=page_no, is_header=repeat, bbox=row_bbox(header[cut:], table)))
    return rows


def _lines_before(header: list[Line], lower_start: dict) -> list[Line]:
    cut = min(lower_start.values())
    return header[:cut] or header


def _merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(set(spans)):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


# ----------------------------------------------------------------------------- entry point


def build_borderless_tables(layouts: list[PageLayout]) -> list[list[Table]]:
    """Tables of consecutive borderless pages: one list of tables per input page."""
    pages = {i: page_text(i, lay) for i, lay in enumerate(layouts)}
    tables = segment_pages([pages[i] for i in range(len(layouts))])
    per_page: list[list[Table]] = [[] for _ in layouts]
    for table in tables:
        set_columns(table, pages)
        if table.n_cols < 2:
            continue
        for frag in table.fragments:
            frag.body = drop_trailing_paragraphs(frag.body, table)
        num_col = number_column(table)
        touching = rows_touch(table, {i: pt.row_gap for i, pt in pages.items()}, num_col)
        for frag in table.fragments:
            pt = pages[frag.page_index]
            page_no = pt.layout.page_no
            rows = header_rows(frag.header, table, page_no, pt.h, frag.header_repeat)
            for row in fragment_rows(frag, table, pt.row_gap, num_col, touching):
                rows.append(body_row(row, table, page_no, pt.h))
            if not rows:
                continue
            per_page[frag.page_index].append(Table(
                rows=rows, n_cols=table.n_cols, page_start=page_no, page_end=page_no,
                continues_previous=frag.continues_previous,
                extractor="ocr-borderless" if pt.layout.source == "ocr" else "pdf-borderless",
            ))
    return per_page
