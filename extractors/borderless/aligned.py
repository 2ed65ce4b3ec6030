"""Borderless step 4 for cells aligned to the middle or the bottom of their row.

When a word processor centres a cell's text vertically (or sets it at the bottom), the item
number sits in the middle of its row and the text of a neighbouring cell starts above it:
rows cannot be cut at the lines that open with a number, and one text line may hold words of
two rows. Here rows come from the column that defines them and the vertical extent of each
cell's text block instead:

* **Anchors.** The number column's text blocks: the header's "№ п/п" and each item number
  (a full-width heading line is an anchor of its own and splits the table into parts).
* **Blocks.** In every other column the words are grouped into lines of that column alone, and
  the lines are cut into contiguous groups, one per anchor at most (a cell may be empty), by
  dynamic programming: the cost of a group is the distance between its middle (top, bottom)
  and its anchor's, plus any white space wider than a row gap inside it; rows are disjoint
  bands, so no group reaches the line of the anchor above or below its own.
* **Alignment.** The table's alignment is the one of top / middle / bottom with the lowest
  total cost over its columns; a table set at the top is left to ``rows.group_rows`` (its rows
  start at numbered lines), so this module only changes tables that are not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from extractors.grid import Word
from extractors.borderless.text_lines import Line, NUMBER_RE, group_lines
from extractors.borderless.segments import Fragment, LogicalTable
from extractors.borderless.columns import column_of, is_heading_line
from extractors.borderless.rows import RowLines

MODES = ("top", "middle", "bottom")
MAX_GROUP = 25           # lines of one column in one cell, at most
OVERLAP = 1.0            # points a cell's text may reach into a neighbouring anchor's line


@dataclass
class Block:
    """Lines of one column (or an anchor) with their vertical extent."""

    words: list[Word]
    top: float
    bottom: float
    header: bool = False

    def at(self, mode: str) -> float:
        return self.top if mode == "top" else self.bottom if mode == "bottom" else (self.top + self.bottom) / 2


@dataclass
class Part:
    """Lines of a fragment between two full-width headings: anchors and the other columns' lines."""

    anchors: list[Block]
    columns: dict[int, list[Block]]


def _col_lines(words: list[Word], h: float) -> list[Block]:
    return [Block(ln.words, ln.top, ln.bottom) for ln in group_lines(words, h, chunk_gap=h)]


def _anchors(lines: list[Block], n_header: int, header_bottom: float) -> list[Block]:
    """Number-column lines as anchors: a line opening with an item number opens one, other lines
    join the block they touch (the header's "№" / "п/п" is one block)."""
    out: list[Block] = []
    for ln in lines:
        is_num = bool(NUMBER_RE.match(ln.words[0].text))
        in_header = ln.bottom <= header_bottom + 0.5 and not is_num
        if out and not is_num and (out[-1].header == in_header):
            out[-1] = Block(out[-1].words + ln.words, out[-1].top, max(out[-1].bottom, ln.bottom), in_header)
        else:
            out.append(Block(list(ln.words), ln.top, ln.bottom, in_header))
    return out


def _parts(frag: Fragment, table: LogicalTable, num_col: int, h: float,
           with_header: bool = True) -> tuple[list[Part], list[Line]]:
    """The fragment cut at full-width heading lines; the heading lines themselves."""
    headings = [ln for ln in frag.body if is_heading_line(ln, table)]
    heading_ids = {id(ln) for ln in headings}
    header_bottom = max((ln.bottom for ln in frag.header), default=-1.0)
    cuts = [ln.top for ln in headings] + [float("inf")]
    groups: list[list[Word]] = [[] for _ in cuts]
    for ln in (frag.header if with_header else []) + frag.body:
        if id(ln) in heading_ids:
            continue
        k = next(i for i, y in enumerate(cuts) if ln.top < y)
        groups[k].extend(ln.words)
    parts = []
    for words in groups:
        by_col: dict[int, list[Word]] = {}
        for w in words:
            by_col.setdefault(column_of((w.x0 + w.x1) / 2, table.bounds), []).append(w)
        anchors = _anchors(_col_lines(by_col.pop(num_col, []), h), 0, header_bottom)
        parts.append(Part(anchors, {c: _col_lines(ws, h) for c, ws in by_col.items()}))
    return parts, headings


def _assign(lines: list[Block], anchors: list[Block], mode: str, row_gap: float) -> tuple[float, list[int]]:
    """Cheapest cut of one column's lines into contiguous groups, one per anchor at most.

    Returns the cost and, for each line, the index of its anchor.
    """
    m, n = len(lines), len(anchors)
    inf = float("inf")
    if n == 0:
        return (0.0 if m == 0 else inf), [0] * m
    # f[k][i]: the first i lines given to the first k anchors; back[k][i]: where anchor k-1's group starts
    f = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[-1] * (m + 1) for _ in range(n + 1)]
    f[0][0] = 0.0
    for k in range(1, n + 1):
        a = anchors[k - 1].at(mode)
        # rows are disjoint bands and each anchor lies inside its own: a cell never reaches
        # the line of the anchor above or below its own
        floor = anchors[k - 2].bottom - OVERLAP if k >= 2 else -inf
        ceiling = anchors[k].top + OVERLAP if k < n else inf
        for i in range(m + 1):
            best, arg = f[k - 1][i], i          # anchor k-1 takes nothing
            for j in range(max(0, i - MAX_GROUP), i):
                if f[k - 1][j] == inf:
                    continue
                top, bottom = lines[j].top, max(b.bottom for b in lines[j:i])
                if top < floor or bottom > ceiling:
                    continue
                group = Block([], top, bottom)
                cost = abs(group.at(mode) - a)
                cost += sum(max(0.0, lines[t + 1].top - lines[t].bottom - row_gap) for t in range(j, i - 1))
                if f[k - 1][j] + cost < best:
                    best, arg = f[k - 1][j] + cost, j
            f[k][i], back[k][i] = best, arg
    owner = [0] * m
    if f[n][m] == inf:
        return inf, owner
    i = m
    for k in range(n, 0, -1):
        j = back[k][i]
        for t in range(j, i):
            owner[t] = k - 1
        i = j
    return f[n][m], owner


def _alignment(parts_by_frag: list[list[Part]], row_gap: float, h: float) -> str:
    """Top, middle or bottom: judged on the body alone (headers are often centred over top-set rows)."""
    costs = {mode: 0.0 for mode in MODES}
    for parts in parts_by_frag:
        for part in parts:
            for lines in part.columns.values():
                for mode in MODES:
                    costs[mode] += _assign(lines, part.anchors, mode, row_gap)[0]
    best = min(MODES, key=lambda md: costs[md])
    clearly = costs[best] <= 0.5 * costs["top"] and costs["top"] - costs[best] > h
    return best if clearly else "top"


def _rows_of_part(part: Part, mode: str, row_gap: float) -> list[list[Word]]:
    rows: list[list[Word]] = [list(a.words) for a in part.anchors]
    if not rows:
        rows = [[]]
        part = Part([Block([], 0.0, 0.0)], part.columns)
    for lines in part.columns.values():
        cost, owner = _assign(lines, part.anchors, mode, row_gap)
        if cost == float("inf"):      # a line across an anchor (a cell merged over rows): nearest anchor
            owner = [min(range(len(part.anchors)), key=lambda k: abs(part.anchors[k].at(mode) - ln.at(mode)))
                     for ln in lines]
        for ln, k in zip(lines, owner):
            rows[k].extend(ln.words)
    return rows


def aligned_rows(table: LogicalTable, num_col: Optional[int], h: float,
                 row_gaps: dict[int, float]) -> Optional[dict[int, tuple[list[Line], list[RowLines]]]]:
    """Header lines and body rows of each fragment (by page index) of a table whose cells are set
    in the middle or at the bottom of their rows; None when its cells are set at the top."""
    if num_col is None:
        return None
    parts_by_frag = [_parts(f, table, num_col, h, with_header=False)[0] for f in table.fragments]
    anchors = sum(len(p.anchors) for parts in parts_by_frag for p in parts)
    if anchors < 2:
        return None
    row_gap = max(row_gaps.values())
    mode = _alignment(parts_by_frag, row_gap, h)
    if mode == "top":
        return None
    out: dict[int, tuple[list[Line], list[RowLines]]] = {}
    for frag in table.fragments:
        parts, headings = _parts(frag, table, num_col, h)
        header_words: list[Word] = []
        rows: list[tuple[float, RowLines]] = []
        for part in parts:
            for anchor, words in zip(part.anchors or [None], _rows_of_part(part, mode, row_gap)):
                if not words:
                    continue
                if anchor is not None and anchor.header:
                    header_words.extend(words)
                    continue
                words = sorted(words, key=lambda w: (w.top, w.x0))
                rows.append((min(w.top for w in words), RowLines(False, [Line(words)])))
        rows.extend((ln.top, RowLines(True, [ln])) for ln in headings)
        rows.sort(key=lambda r: r[0])
        header = [_header_line(header_words, table)] if header_words else []
        out[frag.page_index] = (header, [r for _, r in rows])
    return out


def _header_line(words: list[Word], table: LogicalTable) -> Line:
    """The header's words as one line whose chunks are its columns: centred header cells put
    their lines at different heights, so text lines would cut the header into false levels."""
    by_col: dict[int, list[Word]] = {}
    for w in words:
        by_col.setdefault(column_of((w.x0 + w.x1) / 2, table.bounds), []).append(w)
    chunks = [sorted(by_col[c], key=lambda w: w.x0) for c in sorted(by_col)]
    return Line(sorted(words, key=lambda w: w.x0), chunks)
