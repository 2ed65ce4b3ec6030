"""Word 97–2003 binary (.doc) → the common grid: tables from the paragraph marks.

``extractors.doc_binary`` gives the paragraphs of the main text with their table
depth and whether each ends a cell or a row (from the paragraph properties,
never from runs of ``\\x07``). Here they are assembled into ``Table`` objects:

* a row's cells are the cell-end paragraphs since the previous row end; the row
  end's TAPX (sprmTDefTable) gives each cell's left and right edge
  (``rgdxaCenter``) and its TC80 merge flags;
* columns of a table are the union of all its rows' cell edges (edges closer than
  ``SNAP_TWIPS`` are one), so a cell spanning several of them gets a ``colspan``
  and an indented row starts further right, as ``w:gridSpan``/``w:gridBefore``;
* TC80 ``vertMerge`` (restart / continue, also sprmTVertMerge) is resolved to a
  ``rowspan`` on the origin cell, as DOCX ``vMerge`` is; Word 97's horizontal
  merge flags (and sprmTMerge) join a cell to the one on its left;
* sprmTTableHeader marks a repeated header row (``Row.is_header``);
* a nested table (depth > 1) is a separate ``Table`` with ``nested_in`` set and
  its text is not repeated in the parent cell; body paragraphs are ``TextBlock``
  objects tagged with the table that follows, like the DOCX reader's;
* automatic list numbers are written in front of the paragraph text
  (``extractors.doc_binary_lists``), in cells and body paragraphs alike.
"""

from __future__ import annotations

import struct
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Optional

from extractors import limits
from extractors.doc_binary import DocReader, Paragraph
from extractors.doc_binary_lists import DocNumbering, number_paragraphs
from extractors.doc_binary_sprms import iter_sprms
from extractors.grid import Cell, ExtractedDocument, Row, Table, TextBlock

EXTRACTOR_NAME = "doc-binary"
EXTRACTOR_VERSION = "0.1.0"
SNAP_TWIPS = 20                    # cell edges within 1 pt are the same column edge
SPRM_T_DEF_TABLE = 0xD608
SPRM_T_TABLE_HEADER = 0x3404
SPRM_T_VERT_MERGE = 0xD62B
SPRM_T_MERGE = 0x5624
TC80_SIZE = 20
MAX_CELLS = 64                     # a Word 97 row holds at most 63 cells


@dataclass
class RowProps:
    """The TAPX of one row: cell edges and merge flags, header flag."""

    edges: list[int] = field(default_factory=list)       # itcMac + 1 x positions (twips)
    horz: list[int] = field(default_factory=list)        # TC80 horzMerge per cell
    vert: list[int] = field(default_factory=list)        # TC80 vertMerge per cell (1 continue, 3 restart)
    header: bool = False


def row_props(grpprl: bytes) -> RowProps:
    """Read sprmTDefTable, sprmTVertMerge, sprmTMerge and sprmTTableHeader of a row end."""
    props = RowProps()
    for sprm, op in iter_sprms(grpprl):
        if sprm == SPRM_T_DEF_TABLE and len(op) >= 3:
            n = min(op[2], MAX_CELLS)
            if len(op) < 3 + 2 * (n + 1):
                continue
            props.edges = list(struct.unpack_from(f"<{n + 1}h", op, 3))
            tcs = op[3 + 2 * (n + 1):]
            flags = [struct.unpack_from("<H", tcs, TC80_SIZE * i)[0] if len(tcs) >= TC80_SIZE * i + 2 else 0
                     for i in range(n)]
            props.horz = [f & 0x3 for f in flags]
            props.vert = [(f >> 5) & 0x3 for f in flags]
        elif sprm == SPRM_T_VERT_MERGE and len(op) >= 3:
            itc, value = op[1], op[2]
            if itc < len(props.vert):
                props.vert[itc] = value & 0x3
        elif sprm == SPRM_T_MERGE and len(op) == 2:
            first, lim = op[0], min(op[1], len(props.horz))
            for itc in range(first, lim):
                props.horz[itc] = 1 if itc == first else 2
        elif sprm == SPRM_T_TABLE_HEADER:
            props.header = bool(op[0])
    return props


@dataclass
class _RawCell:
    paragraphs: list[Paragraph] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs).strip("\n")

    def bold(self) -> bool:
        full = [p for p in self.paragraphs if p.text.strip()]
        return bool(full) and all(p.bold for p in full)


@dataclass
class _RawRow:
    cells: list[_RawCell]
    props: RowProps
    page: int


@dataclass
class _OpenTable:
    index: int
    nested_in: Optional[int]
    page: int
    rows: list[_RawRow] = field(default_factory=list)
    cells: list[_RawCell] = field(default_factory=list)
    current: _RawCell = field(default_factory=_RawCell)


def _close_row(t: _OpenTable, para: Optional[Paragraph]) -> None:
    if t.current.paragraphs and any(p.text.strip() for p in t.current.paragraphs):
        t.cells.append(t.current)          # text after the last cell mark: keep it as a cell
    if t.cells:
        props = row_props(para.grpprl) if para is not None else RowProps()
        t.rows.append(_RawRow(t.cells, props, para.page if para is not None else t.page))
    t.cells, t.current = [], _RawCell()


def _edges_of(row: _RawRow, previous: Optional[list[int]]) -> list[tuple[int, int]]:
    """(left, right) in twips of each cell of a row. A row without usable TAPX edges takes the
    previous row's edges when it has as many cells, else shares the previous row's width evenly."""
    e = row.props.edges
    n = max(len(row.cells), 1)
    if len(e) < 2 or any(b < a for a, b in zip(e, e[1:])):
        if previous and len(previous) == n + 1:
            e = previous
        else:
            left, right = (previous[0], previous[-1]) if previous else (0, 1000 * n)
            e = [left + (right - left) * i // n for i in range(n + 1)]
    spans = [(e[i], e[i + 1]) for i in range(len(e) - 1)]
    while len(spans) < n:                        # more cell marks than the TAPX describes
        spans.append((spans[-1][1], spans[-1][1] + 1000))
    return spans[:n]


def _all_edges(rows: list[_RawRow]) -> list[list[tuple[int, int]]]:
    out: list[list[tuple[int, int]]] = []
    previous: Optional[list[int]] = None
    for r in rows:
        spans = _edges_of(r, previous)
        out.append(spans)
        previous = [spans[0][0]] + [b for _, b in spans]
    return out


def _snap(values: list[int]) -> list[int]:
    out: list[int] = []
    for v in sorted(set(values)):
        if not out or v - out[-1] > SNAP_TWIPS:
            out.append(v)
    return out


def _column(bounds: list[int], x: int) -> int:
    """Index of the column edge nearest to ``x`` (``bounds`` sorted)."""
    i = bisect_left(bounds, x)
    if i == 0:
        return 0
    if i == len(bounds):
        return len(bounds) - 1
    return i if bounds[i] - x < x - bounds[i - 1] else i - 1


def build_table(raw: _OpenTable) -> Table:
    """The grid of one table: columns from the union of cell edges, merges resolved to spans."""
    rows_edges = _all_edges(raw.rows)
    bounds = _snap([x for edges in rows_edges for span in edges for x in span]) or [0, 1]
    flags = []
    if len(bounds) - 1 > limits.current().max_table_cols:    # edges all over the place: cells in order
        rows_edges = [[(i, i + 1) for i in range(len(r.cells))] for r in raw.rows]
        bounds = list(range(max((len(r.cells) for r in raw.rows), default=1) + 1))
        flags.append("doc_cell_edges_ignored")
    table = Table(rows=[], n_cols=max(len(bounds) - 1, 1), page_start=raw.page,
                  extractor=EXTRACTOR_NAME, nested_in=raw.nested_in, flags=flags)
    open_merge: dict[int, Cell] = {}
    for r, edges in zip(raw.rows, rows_edges):
        row = Row(cells=[], page=r.page, is_header=r.props.header)
        merged: list[tuple[int, int, list[_RawCell], int]] = []     # left, right, cells, vert flag
        for i, rc in enumerate(r.cells):
            left, right = edges[i] if i < len(edges) else (edges[-1][1], edges[-1][1] + 1000)
            horz = r.props.horz[i] if i < len(r.props.horz) else 0
            vert = r.props.vert[i] if i < len(r.props.vert) else 0
            if horz >= 2 and merged:                   # Word 97 horizontal merge: joins the left cell
                lft, _, cells, v = merged[-1]
                merged[-1] = (lft, right, cells + [rc], v)
            else:
                merged.append((left, right, [rc], vert))
        for left, right, cells, vert in merged:
            col = _column(bounds, left)
            span = max(1, _column(bounds, right) - col)
            if vert == 1 and col in open_merge:
                open_merge[col].rowspan += 1
                continue
            texts = [c.text() for c in cells if c.text()]
            cell = Cell(text="\n".join(texts), col=col, colspan=span, page=r.page,
                        bold=any(c.bold() for c in cells) and all(c.bold() for c in cells if c.text()))
            row.cells.append(cell)
            for c in range(col, col + span):
                open_merge.pop(c, None)
            if vert in (1, 3):                         # restart (or a continue with nothing above)
                open_merge[col] = cell
        table.rows.append(row)
    table.page_end = raw.rows[-1].page if raw.rows else raw.page
    return table


def assemble(paragraphs: list[Paragraph]) -> tuple[list[Table], list[TextBlock]]:
    """Tables (nested ones apart) and body text blocks from the paragraphs in order."""
    tables: list[Optional[Table]] = []
    blocks: list[TextBlock] = []
    stack: list[_OpenTable] = []

    def close_top() -> None:
        t = stack.pop()
        _close_row(t, None)
        tables[t.index] = build_table(t)

    for para in paragraphs:
        while len(stack) > para.depth:
            close_top()
        while len(stack) < para.depth:
            stack.append(_OpenTable(len(tables), stack[-1].index if stack else None, para.page))
            tables.append(None)
        if not stack:
            if para.text.strip():
                blocks.append(TextBlock(text=para.text, page=para.page, bold=para.bold,
                                        before_table=len(tables)))
            continue
        t = stack[-1]
        if para.row_end:
            _close_row(t, para)
            continue
        t.current.paragraphs.append(para)
        if para.cell_end:
            t.cells.append(t.current)
            t.current = _RawCell()
    while stack:
        close_top()
    done = [t for t in tables if t is not None and t.rows]
    if len(done) != len(tables):          # drop empty tables, renumbering parents and blocks
        return _drop_empty(tables, blocks)
    return done, blocks


def _drop_empty(tables: list[Optional[Table]], blocks: list[TextBlock]) -> tuple[list[Table], list[TextBlock]]:
    keep = [i for i, t in enumerate(tables) if t is not None and t.rows]
    new_index = {old: new for new, old in enumerate(keep)}
    out = [tables[i] for i in keep]
    for t in out:
        t.nested_in = new_index.get(t.nested_in) if t.nested_in is not None else None
    for b in blocks:
        b.before_table = sum(1 for i in keep if i < (b.before_table or 0))
    return out, blocks


def extract_doc_binary(path: str) -> ExtractedDocument:
    """Read a Word 97–2003 .doc into the common grid type without LibreOffice."""
    path = str(path)
    reader = DocReader(path)
    paragraphs = reader.paragraphs()
    number_paragraphs(paragraphs, DocNumbering(reader.table, reader.fc_lcb), reader.styles)
    tables, blocks = assemble(paragraphs)
    n_pages = max((p.page for p in paragraphs), default=1)
    return ExtractedDocument(path=path, file_format="doc", extractor=EXTRACTOR_NAME,
                             extractor_version=EXTRACTOR_VERSION, tables=tables, blocks=blocks,
                             n_pages=n_pages)
