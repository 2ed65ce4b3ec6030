"""DOCX: the true table grid read from the WordprocessingML XML.

python-docx's ``row.cells`` repeats a merged cell once per grid column it
covers, so it cannot tell a merge from equal text. Here ``w:tr``/``w:tc`` are
walked directly: ``w:gridBefore`` (skipped leading columns), ``w:gridSpan``
(colspan), ``w:vMerge`` restart/continue (resolved to ``rowspan``),
``w:tblHeader`` (repeated header rows). Line breaks inside cells are kept.
Nested tables come out as separate ``Table`` objects (``nested_in`` set) and
their text is not repeated in the parent cell. Body paragraphs become
``TextBlock`` objects in reading order, tagged with the table that follows.
Page numbers come from explicit and last-rendered page breaks (1 when the
file has none). Automatic list numbers (``w:numPr``, computed by
``extractors.docx_numbering``) are written in front of the paragraph text, in
cells and body paragraphs alike, as Word displays them.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from typing import Iterator, Optional

from extractors.docx_numbering import Numbering, numbering_of_package
from extractors.limits import clamp_span
from extractors.grid import Cell, ExtractedDocument, ExtractionError, Row, Table, TextBlock

EXTRACTOR_NAME = "docx-xml"
EXTRACTOR_VERSION = "0.2.0"

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FALSE_VALUES = {"0", "false", "off", "none"}


def _attr(el, name: str) -> Optional[str]:
    return el.get(W + name) if el is not None else None


def _on(el) -> bool:
    """A WordprocessingML toggle element: present and not switched off."""
    return el is not None and (_attr(el, "val") or "true").lower() not in FALSE_VALUES


@dataclass
class _Walk:
    """Mutable state while walking the body: page counter and the tables found."""

    page: int = 1
    tables: list[Table] = field(default_factory=list)
    blocks: list[TextBlock] = field(default_factory=list)
    numbering: Numbering = field(default_factory=Numbering)

    def text_of(self, p) -> str:
        """The text of a ``w:p`` as displayed: its automatic list number, if any, first."""
        text = _paragraph_text(p)
        label = self.numbering.label(p)
        if not label:
            return text
        return f"{label} {text.lstrip()}" if text.strip() else label


def _count_breaks(el) -> int:
    n = 0
    for x in el.iter(W + "br", W + "lastRenderedPageBreak"):
        if x.tag == W + "lastRenderedPageBreak" or _attr(x, "type") == "page":
            n += 1
    return n


def _paragraph_text(p) -> str:
    """Text of one ``w:p``: runs joined, ``w:br``/``w:cr`` as line breaks, tabs as spaces."""
    out: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == W + "t":
            out.append(el.text or "")
        elif tag == W + "tab" and el.getparent() is not None and el.getparent().tag == W + "r":
            out.append(" ")
        elif tag in (W + "br", W + "cr") and _attr(el, "type") != "page":
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
    return "".join(out)


def _paragraph_bold(p) -> bool:
    runs = [r for r in p.iter(W + "r") if any(t.text and t.text.strip() for t in r.iter(W + "t"))]
    if not runs:
        return False
    return all(_on(r.find(f"{W}rPr/{W}b")) for r in runs)


def _children(el) -> Iterator:
    """Block-level children, looking through content controls (``w:sdt``) and custom XML."""
    for ch in el:
        if ch.tag in (W + "sdt",):
            content = ch.find(W + "sdtContent")
            if content is not None:
                yield from _children(content)
        elif ch.tag == W + "customXml":
            yield from _children(ch)
        else:
            yield ch


def _cell_content(tc, walk: _Walk, parent_index: int) -> tuple[str, bool]:
    """Text of a ``w:tc`` (paragraphs joined with line breaks); nested tables extracted apart."""
    paras: list[str] = []
    bold: list[bool] = []
    for ch in _children(tc):
        if ch.tag == W + "p":
            text = walk.text_of(ch)
            paras.append(text)
            if text.strip():
                bold.append(_paragraph_bold(ch))
        elif ch.tag == W + "tbl":
            _table(ch, walk, nested_in=parent_index)
    text = "\n".join(paras).strip("\n")
    return text, bool(bold) and all(bold)


def _table(tbl, walk: _Walk, nested_in: Optional[int] = None) -> Table:
    index = len(walk.tables)
    grid = tbl.find(W + "tblGrid")
    n_cols = n_grid = len(grid.findall(W + "gridCol")) if grid is not None else 0
    table = Table(rows=[], n_cols=n_cols, page_start=walk.page, extractor=EXTRACTOR_NAME,
                  nested_in=nested_in)
    walk.tables.append(table)
    open_merge: dict[int, Cell] = {}   # column -> origin cell of a running vertical merge
    for tr in tbl.iter(W + "tr"):
        if _owning_table(tr) is not tbl:
            continue
        trpr = tr.find(W + "trPr")
        col = 0
        if trpr is not None and trpr.find(W + "gridBefore") is not None:
            col = clamp_span(int(_attr(trpr.find(W + "gridBefore"), "val") or 0), 0, n_grid)
        row = Row(cells=[], page=walk.page,
                  is_header=trpr is not None and _on(trpr.find(W + "tblHeader")))
        for tc in tr.findall(W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span = 1
            vmerge = None
            if tcpr is not None:
                gs = tcpr.find(W + "gridSpan")
                if gs is not None:
                    span = max(1, clamp_span(int(_attr(gs, "val") or 1), col, n_grid))
                vmerge = tcpr.find(W + "vMerge")
            breaks = _count_breaks(tc)
            text, bold = _cell_content(tc, walk, index)
            if vmerge is not None and (_attr(vmerge, "val") or "continue") == "continue" and col in open_merge:
                open_merge[col].rowspan += 1
            else:
                cell = Cell(text=text, col=col, colspan=span, page=walk.page, bold=bold)
                row.cells.append(cell)
                for c in range(col, col + span):
                    open_merge.pop(c, None)
                if vmerge is not None:  # restart
                    open_merge[col] = cell
            walk.page += breaks
            col += span
        # a column not present in this row ends any vertical merge running through it
        n_cols = max(n_cols, col)
        table.rows.append(row)
    table.n_cols = n_cols
    table.page_end = walk.page
    return table


def _owning_table(tr):
    el = tr.getparent()
    while el is not None and el.tag != W + "tbl":
        el = el.getparent()
    return el


def _walk_body(body, walk: _Walk) -> None:
    for ch in _children(body):
        if ch.tag == W + "p":
            text = walk.text_of(ch)
            if text.strip():
                walk.blocks.append(TextBlock(text=text, page=walk.page, bold=_paragraph_bold(ch),
                                             before_table=len(walk.tables)))
            walk.page += _count_breaks(ch)
        elif ch.tag == W + "tbl":
            _table(ch, walk)


def extract_docx(path: str) -> ExtractedDocument:
    """Read a DOCX file into the common grid type."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(path)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ExtractionError(f"not a readable DOCX ({type(e).__name__}: {e})", "open", path) from e
    except Exception as e:  # lxml errors on damaged XML
        raise ExtractionError(f"DOCX is damaged ({type(e).__name__}: {e})", "open", path) from e
    flags: list[str] = []
    try:
        numbering = numbering_of_package(document)
    except Exception:  # a damaged numbering or styles part: the text is still readable
        numbering = Numbering()
        flags.append("docx_numbering_unreadable")
    walk = _Walk(numbering=numbering)
    _walk_body(document.element.body, walk)
    return ExtractedDocument(path=path, file_format="docx", extractor=EXTRACTOR_NAME,
                             extractor_version=EXTRACTOR_VERSION, tables=walk.tables,
                             blocks=walk.blocks, n_pages=walk.page, flags=flags)
