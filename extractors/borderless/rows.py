"""Borderless step 4, rows: body lines grouped into rows (vertical gaps, item numbers, touching rows)
and turned into grid cells; a heading row is one cell spanning the table."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Optional

from extractors.grid import BBox, Cell, Row, Word
from extractors.lines import BULLET_RE, broken_piece, is_hard_break, join_cell_lines
from extractors.borderless.text_lines import Line, NUMBER_RE, group_lines
from extractors.borderless.segments import Fragment, LogicalTable, _opens_with_item_number
from extractors.borderless.columns import column_of, is_heading_line


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
    the lower row and ``taken`` by the upper one. A cell merged over whole rows
    (seen where cells are centred: ``aligned``) is the upper row's cell with a
    ``rowspan`` in ``spans`` (column → rows); the rows below leave that column out (``covered``).
    """

    heading: bool
    lines: list[Line]
    taken: list[Word] = field(default_factory=list)
    given: set[int] = field(default_factory=set)
    spans: dict[int, int] = field(default_factory=dict)
    covered: set[int] = field(default_factory=set)

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


DANGLING = {"и", "или", "в", "во", "на", "по", "с", "со", "для", "при", "о", "об", "к", "ко", "от", "из", "а"}


def runs_on(upper: str, lower: str) -> bool:
    """``lower`` goes on with ``upper``'s sentence: a word broken between them (the dictionary knows
    the whole and not the piece), or ``upper`` ends in a hyphen or a preposition or conjunction and
    ``lower`` opens in lower case. A cell's own text never ends so."""
    if not upper or not lower:
        return False
    if broken_piece(upper, lower):
        return True
    last = upper.split()[-1]
    hyphenated = len(last) > 1 and last[-2].isalpha() and last.endswith("-")    # not a bare "-"
    return lower[:1].islower() and (hyphenated or last.lower() in DANGLING)


def merge_runs_on(rows: list[RowLines], table: LogicalTable, h: float) -> None:
    """Cells merged over rows in a table set at the top: a merged cell's text longer than its
    first row runs on beside the next row, so that row's cell in the column opens with the rest
    of the upper cell's sentence (``runs_on``). Such a cell is one cell with a rowspan; the rows
    it covers leave the column out (``RowLines.spans`` / ``covered``)."""
    owner: dict[tuple[int, int], int] = {}
    for k in range(len(rows) - 1):
        if rows[k].heading or rows[k + 1].heading:
            continue
        for c, ws in _by_column(rows[k + 1].words, table).items():
            first = owner.get((k, c), k)
            above = _by_column(rows[first].words, table).get(c)
            if not above or not runs_on(cell_text(above, h), cell_text(ws, h)):
                continue
            rows[first].taken.extend(ws)
            rows[k + 1].given.update(id(w) for w in ws)
            rows[first].spans[c] = rows[first].spans.get(c, 1) + 1
            rows[k + 1].covered.add(c)
            owner[(k + 1, c)] = first


def _by_column(words: list[Word], table: LogicalTable) -> dict[int, list[Word]]:
    cols: dict[int, list[Word]] = {}
    for w in words:
        cols.setdefault(column_of((w.x0 + w.x1) / 2, table.bounds), []).append(w)
    return cols


def fragment_rows(frag: Fragment, table: LogicalTable, row_gap: float, num_col: Optional[int],
                  touching: bool, h: Optional[float] = None) -> list[RowLines]:
    """Rows of one fragment; in a table whose rows touch, numbered text columns anchor rows too;
    cells merged over rows found by their text running on (``merge_runs_on``, with ``h``)."""
    rows = _fragment_rows(frag, table, row_gap, num_col, touching)
    if h is not None:
        merge_runs_on(rows, table, h)
    return rows


def _fragment_rows(frag: Fragment, table: LogicalTable, row_gap: float, num_col: Optional[int],
                   touching: bool) -> list[RowLines]:
    rows = group_rows(frag.body, table, row_gap, num_col, touching)
    if not touching:
        return rows
    item_cols = numbered_text_columns(table, rows)
    if num_col is not None:
        item_cols.discard(num_col)
    if not item_cols:
        return rows
    return group_rows(frag.body, table, row_gap, num_col, touching, frozenset(item_cols))


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
        cells = [make_cell(by_col[c], c, page_no, h, rowspan=row.spans.get(c, 1), right=column_right(table, c))
                 for c in range(table.n_cols) if c not in row.covered]
    return Row(cells=cells, page=page_no, bbox=row_bbox(row.lines, table))


def column_right(table: LogicalTable, col: int) -> float:
    """Where text in a column wraps: the start of the gutter after it (the table edge last)."""
    return table.gutters[col][0] if col < len(table.gutters) else table.x1


def column_extents(table: LogicalTable) -> list[tuple[float, float]]:
    edges = [table.x0] + table.bounds + [table.x1]
    return list(zip(edges, edges[1:]))
