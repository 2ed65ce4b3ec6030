"""Borderless step 4 for cells aligned to the middle or the bottom of their row.

When a word processor centres a cell's text vertically (or sets it at the bottom), the item
number sits in the middle of its row and the text of a neighbouring cell starts above it:
rows cannot be cut at the lines that open with a number, and one text line may hold words of
two rows. Here rows come from the column that defines them and the vertical extent of each
cell's text block instead:

* **Anchors.** The number column's text blocks: the header's "№ п/п" and each item number
  (a full-width heading line is an anchor of its own and splits the table into parts).
* **Bands.** Rows are horizontal bands shared by every column, each holding its anchor's line.
  In every other column the words are grouped into lines of that column alone; a boundary
  between two anchors lies in white space that no line crosses, and the boundaries are chosen
  together by dynamic programming: a row costs the distance between the middle (top, bottom)
  of each column's text in its band and its anchor's, plus any white space wider than a row
  gap inside a cell, plus a little for a line that opens a new cell inside a band.
* **Pages.** The last row of a page may be a row broken by the page end (set from the top);
  on the next page its rest sits under the repeated header with no number of its own: an
  anchor with no words where the header's band ends stands for it.
* **Alignment.** The table's alignment is the one of top / middle / bottom with the lowest
  total cost (the header not counted), when clearly lower than the top's; a table set at the
  top is left to ``rows.group_rows`` (its rows start at numbered lines), so this module only
  changes tables that are not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from extractors.grid import Word
from extractors.borderless.text_lines import Line, NUMBER_RE, group_lines
from extractors.borderless.segments import Fragment, LogicalTable
from extractors.borderless.columns import column_of, is_heading_line
from extractors.borderless.rows import RowLines, continues_cell

MODES = ("top", "middle", "bottom")
RESTART = 0.5            # cost (x text height) of a line in a cell that opens a new cell
OVERLAP = 1.0            # points a cell's text may reach into a neighbouring anchor's line


@dataclass
class Block:
    """Lines of one column (or an anchor) with their vertical extent."""

    words: list[Word]
    top: float
    bottom: float
    header: bool = False
    cont: bool = False       # the rest of a row broken by the page end, under a repeated header

    def at(self, mode: str) -> float:
        return self.top if mode == "top" else self.bottom if mode == "bottom" else (self.top + self.bottom) / 2


@dataclass
class Part:
    """Lines of a fragment between two full-width headings: anchors and the other columns' lines."""

    anchors: list[Block]
    columns: dict[int, list[Block]]
    # per column: each line's vertical centre, and whether a line opens a new cell after the one
    # above it in the column (``rows.continues_cell``), worked out once, not once per band tried
    _centres: dict[int, list[float]] = field(default_factory=dict, repr=False)
    _opens: dict[tuple[int, int], bool] = field(default_factory=dict, repr=False)

    def band(self, col: int, y0: float, y1: float) -> list[Block]:
        """The lines of column ``col`` whose vertical centre lies in [y0, y1)."""
        lines = self.columns[col]
        centres = self._centres.get(col)
        if centres is None:
            centres = self._centres[col] = [(b.top + b.bottom) / 2 for b in lines]
        return [b for b, c in zip(lines, centres) if y0 <= c < y1]

    def opens_cell(self, above: Block, below: Block) -> bool:
        """``below`` opens a new cell rather than going on with ``above`` (cached)."""
        key = (id(above), id(below))
        got = self._opens.get(key)
        if got is None:
            got = self._opens[key] = not continues_cell(above.words, below.words)
        return got


def _col_lines(words: list[Word], h: float) -> list[Block]:
    return [Block(ln.words, ln.top, ln.bottom) for ln in group_lines(words, h, chunk_gap=h)]


def _anchors(lines: list[Block], header_bottom: float) -> list[Block]:
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


def _continuation(frag: Fragment, anchors: list[Block], mode: str, table: LogicalTable) -> Optional[Block]:
    """On a page that goes on with the table, the rest of a row broken by the page end sits under
    the repeated header with no number of its own: an anchor with no words where the header's
    band ends (a centred header is as tall below its "№ п/п" as above it). Not after a page that
    ended with a heading row: no row was broken there."""
    if not frag.continues_previous:
        return None
    i = next((k for k, f in enumerate(table.fragments) if f is frag), 0)
    before = table.fragments[i - 1].body if i > 0 else []
    if before and is_heading_line(before[-1], table):
        return None
    if anchors and anchors[0].header:
        head = anchors[0]
        top = min([ln.top for ln in frag.header] + [head.top])
        y = 2 * (head.top + head.bottom) / 2 - top if mode == "middle" else head.bottom
        y = max(y, head.bottom)
    else:
        y = min((w.top for ln in frag.header + frag.body for w in ln.words), default=0.0)
    nxt = next((a for a in anchors if not a.header), None)
    if nxt is not None and y >= nxt.top:
        return None
    return Block([], y, y, cont=True)


def _parts(frag: Fragment, table: LogicalTable, num_col: int, h: float,
           mode: str = "top") -> tuple[list[Part], list[Line]]:
    """The fragment cut at full-width heading lines; the heading lines themselves."""
    headings = [ln for ln in frag.body if is_heading_line(ln, table)]
    heading_ids = {id(ln) for ln in headings}
    header_bottom = max((ln.bottom for ln in frag.header), default=-1.0)
    cuts = [ln.top for ln in headings] + [float("inf")]
    groups: list[list[Word]] = [[] for _ in cuts]
    for ln in frag.header + frag.body:
        if id(ln) in heading_ids:
            continue
        k = next(i for i, y in enumerate(cuts) if ln.top < y)
        groups[k].extend(ln.words)
    parts = []
    for i, words in enumerate(groups):
        by_col: dict[int, list[Word]] = {}
        for w in words:
            by_col.setdefault(column_of((w.x0 + w.x1) / 2, table.bounds), []).append(w)
        anchors = _anchors(_col_lines(by_col.pop(num_col, []), h), header_bottom)
        cont = _continuation(frag, anchors, mode, table) if i == 0 else None
        if cont is not None:
            k = 1 if anchors and anchors[0].header else 0
            anchors.insert(k, cont)
        parts.append(Part(anchors, {c: _col_lines(ws, h) for c, ws in by_col.items()}))
    return parts, headings


def _cuts(part: Part, k: int) -> list[float]:
    """Where the boundary between anchor ``k`` and ``k + 1`` may lie: white space between lines
    that no line of any column crosses (rows are bands shared by every column), between the two
    anchors' lines."""
    lo, hi = part.anchors[k].bottom - OVERLAP, part.anchors[k + 1].top + OVERLAP
    spans = sorted((b.top, b.bottom) for lines in part.columns.values() for b in lines
                   if b.bottom > lo and b.top < hi)
    spans += [(part.anchors[k].top, part.anchors[k].bottom), (part.anchors[k + 1].top, part.anchors[k + 1].bottom)]
    spans.sort()
    out, reach = [], -float("inf")
    for (t0, b0), (t1, _) in zip(spans, spans[1:]):
        reach = max(reach, b0)
        if t1 >= reach - OVERLAP and lo <= (reach + t1) / 2 <= hi:
            out.append((reach + t1) / 2)
    if not out:                           # lines overlap everywhere: the middle between the anchors
        out = [(part.anchors[k].bottom + part.anchors[k + 1].top) / 2]
    return out


def _band_cost(part: Part, k: int, y0: float, y1: float, mode: Optional[str], row_gap: float, h: float) -> float:
    """How far each column's text between ``y0`` and ``y1`` sits from anchor ``k`` (under ``mode``),
    plus white space inside a cell wider than a row gap, plus a little for each line that opens
    a new cell rather than going on with the one above (``rows.continues_cell``): without white
    space between rows a block set at the bottom looks like the tail of the cell above."""
    a = part.anchors[k].at(mode or "top")
    cost = 0.0
    for col in part.columns:
        group = part.band(col, y0, y1)
        if not group:
            continue
        if mode is not None:
            cost += abs(Block([], group[0].top, max(b.bottom for b in group)).at(mode) - a)
        cost += sum(max(0.0, u.top - v.bottom - row_gap) for v, u in zip(group, group[1:]))
        cost += RESTART * h * sum(part.opens_cell(v, u) for v, u in zip(group, group[1:]))
    return cost


def _boundaries(part: Part, mode: str, row_gap: float, h: float, free: frozenset[int] | set[int] = frozenset(),
                broken: Optional[int] = None) -> tuple[float, list[float]]:
    """The cheapest row boundaries of a part, one between each two anchors (dynamic programming
    over the candidate cuts); the rows of the anchors in ``free`` cost no distance, and the row ``broken`` (the
    last of a page: a row broken by the page end is set from the top) costs the lesser of
    ``mode`` and the top."""
    n = len(part.anchors)
    inf = float("inf")
    if n <= 1:
        return 0.0, []
    cands = [[-inf]] + [_cuts(part, k) for k in range(n - 1)] + [[inf]]
    # best[k][c]: cost of rows 0..k-1 with the boundary above row k at cands[k][c]
    best = [[0.0]] + [[inf] * len(c) for c in cands[1:]]
    back: list[list[int]] = [[0]] + [[0] * len(c) for c in cands[1:]]
    for k in range(n):
        for c, y1 in enumerate(cands[k + 1]):
            for p, y0 in enumerate(cands[k]):
                if best[k][p] == inf or y1 <= y0:
                    continue
                if k in free:
                    row = _band_cost(part, k, y0, y1, None, row_gap, h)
                elif k == broken:
                    row = min(_band_cost(part, k, y0, y1, md, row_gap, h) for md in {mode, "top"})
                else:
                    row = _band_cost(part, k, y0, y1, mode, row_gap, h)
                cost = best[k][p] + row
                if cost < best[k + 1][c]:
                    best[k + 1][c], back[k + 1][c] = cost, p
    total = best[n][0]
    cuts, c = [], 0
    for k in range(n, 1, -1):
        c = back[k][c]
        cuts.append(cands[k - 1][c])
    return total, cuts[::-1]


def _alignment(table: LogicalTable, num_col: int, row_gap: float, h: float) -> str:
    """Top, middle or bottom: the alignment that puts the body's cells where their anchors are at
    the least total distance, when clearly better than the top. The header does not count (it
    is often centred over rows set at the top)."""
    costs = {mode: 0.0 for mode in MODES}
    for mode in MODES:
        for frag in table.fragments:
            parts = _parts(frag, table, num_col, h, mode)[0]
            for p, part in enumerate(parts):
                free = {k for k, a in enumerate(part.anchors) if a.header or a.cont}
                costs[mode] += _boundaries(part, mode, row_gap, h, free, _last_of_page(parts, p))[0]
    best = min(MODES, key=lambda md: costs[md])
    clearly = costs[best] <= 0.5 * costs["top"] and costs["top"] - costs[best] > h
    return best if clearly else "top"


def _last_of_page(parts: list[Part], p: int) -> Optional[int]:
    """The anchor of the page's last row (only in the page's last part)."""
    return len(parts[p].anchors) - 1 if p == len(parts) - 1 and parts[p].anchors else None


@dataclass
class BandRow:
    """The words of one anchor's row, and the cells merged down from it over whole rows."""

    words: list[Word]
    spans: dict[int, int]
    covered: set[int]


def _extent(part: Part, bands: list[list[tuple[int, Block]]], k: int, skip: int) -> Optional[tuple[float, float]]:
    """Top and bottom of row ``k``'s text, anchor included, column ``skip`` left out."""
    blocks = [b for c, b in bands[k] if c != skip]
    a = part.anchors[k]
    if a.words:
        blocks.append(a)
    if not blocks:
        return None
    return min(b.top for b in blocks), max(b.bottom for b in blocks)


def merged_spans(part: Part, bands: list[list[tuple[int, Block]]], h: float) -> dict[tuple[int, int], int]:
    """(first row, column) → rows, for cells merged over whole rows in a table set in the middle.

    A merged cell is centred on all of its rows, so its text sits off the middle of each row it
    reaches into (low in the first, high in the last) and its lines, taken together, sit in the
    middle of the rows together (each row's extent measured by its other cells). Without white
    space to see, a cell merged over rows it does not reach into is not found: a borderless
    table set at the top cannot show a merge at all.
    """
    out: dict[tuple[int, int], int] = {}
    n = len(part.anchors)
    cols = sorted({c for band in bands for c, _ in band})
    for col in cols:
        pieces = [[b for c, b in band if c == col] for band in bands]
        k = 0
        while k < n - 1:
            found = 0
            for j in range(k + 1, n):
                if any(part.anchors[i].header or part.anchors[i].cont for i in range(k, j + 1)):
                    break
                ext = [_extent(part, bands, i, col) for i in range(k, j + 1)]
                got = [(i, p) for i, p in zip(range(k, j + 1), pieces[k:j + 1]) if p]
                if any(e is None for e in ext) or not got:
                    break
                mids = [((e[0] + e[1]) / 2) for e in ext]   # type: ignore[index]
                off = all(abs((p[0].top + max(b.bottom for b in p)) / 2 - mids[i - k]) > h / 2 for i, p in got)
                union = (min(b.top for _, p in got for b in p) + max(b.bottom for _, p in got for b in p)) / 2
                whole = (ext[0][0] + ext[-1][1]) / 2         # type: ignore[index]
                if off and abs(union - whole) <= h / 4:
                    found = j
                    break
            if found:
                out[(k, col)] = found - k + 1
                k = found + 1
            else:
                k += 1
    return out


def _rows_of_part(parts: list[Part], p: int, mode: str, row_gap: float, h: float) -> list[BandRow]:
    """The words of each anchor's row: every column's lines go to the band their middle is in;
    in a table set in the middle, a cell merged over whole rows goes to its first row."""
    part = parts[p]
    free = {k for k, a in enumerate(part.anchors) if a.cont}
    _, cuts = _boundaries(part, mode, row_gap, h, free, _last_of_page(parts, p)) if part.anchors else (0.0, [])
    bands: list[list[tuple[int, Block]]] = [[] for _ in range(max(1, len(part.anchors)))]
    for col, lines in part.columns.items():
        for ln in lines:
            bands[sum(1 for c in cuts if (ln.top + ln.bottom) / 2 >= c)].append((col, ln))
    spans = merged_spans(part, bands, h) if mode == "middle" and part.anchors else {}
    rows = [BandRow(list(a.words), {}, set()) for a in part.anchors] or [BandRow([], {}, set())]
    owner = {(k + i, col): k for (k, col), n in spans.items() for i in range(n)}
    for (k, col), n in spans.items():
        rows[k].spans[col] = n
        for i in range(k + 1, k + n):
            rows[i].covered.add(col)
    for k, band in enumerate(bands):
        for col, ln in band:
            rows[owner.get((k, col), k)].words.extend(ln.words)
    return rows


def aligned_rows(table: LogicalTable, num_col: Optional[int], h: float,
                 row_gaps: dict[int, float]) -> Optional[dict[int, tuple[list[Line], list[RowLines]]]]:
    """Header lines and body rows of each fragment (by page index) of a table whose cells are set
    in the middle or at the bottom of their rows; None when its cells are set at the top."""
    if num_col is None:
        return None
    parts_by_frag = [_parts(f, table, num_col, h)[0] for f in table.fragments]
    anchors = sum(len(p.anchors) for parts in parts_by_frag for p in parts)
    if anchors < 2:
        return None
    row_gap = max(row_gaps.values())
    mode = _alignment(table, num_col, row_gap, h)
    if mode == "top":
        return None
    out: dict[int, tuple[list[Line], list[RowLines]]] = {}
    for frag in table.fragments:
        parts, headings = _parts(frag, table, num_col, h, mode)
        header_words: list[Word] = []
        rows: list[tuple[float, RowLines]] = []
        for p, part in enumerate(parts):
            for anchor, band in zip(part.anchors or [None], _rows_of_part(parts, p, mode, row_gap, h)):
                words = band.words
                if not words:
                    continue
                if anchor is not None and anchor.header:
                    header_words.extend(words)
                    continue
                words = sorted(words, key=lambda w: (w.top, w.x0))
                rows.append((min(w.top for w in words),
                             RowLines(False, [Line(words)], spans=band.spans, covered=band.covered)))
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
