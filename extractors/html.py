"""HTML: orders published as web pages (legal portals, ministry sites) into the common grid.

Parsed with ``lxml.html`` after decoding the bytes ourselves (BOM, then
``<meta charset>`` / ``http-equiv`` Content-Type, then UTF-8, then
windows-1251, the usual encoding of older Russian portals).

The output mirrors ``extractors.docx``:

* each ``<table>`` is a ``Table`` whose cells carry their true ``colspan`` and
  ``rowspan`` (the HTML table-grid rules: a cell starts at the first column not
  covered by a rowspan from above; ``rowspan="0"`` and spans past the end of the
  row group are clipped to the group); only origin cells are kept;
* ``<thead>`` rows are header rows (``is_header``), ``<tfoot>`` rows come last;
* inside a cell, ``<br>`` is a line break and block elements (``<p>``, ``<div>``,
  ``<li>``…) start a new line; whitespace is collapsed as a browser does;
* nested tables are separate ``Table`` objects with ``nested_in`` set, and their
  text is not repeated in the parent cell; a layout table (one column, used to
  frame a page) is read as page flow, not as a table;
* text outside tables becomes ``TextBlock`` objects, one per paragraph-like
  block, in reading order, tagged with the table that follows; ``<caption>`` is
  a block just before its table; scripts, styles, navigation and footers are skipped;
* bold comes from ``<b>``/``<strong>``/``<th>``/headings and ``font-weight``.

Everything is on page 1 (``n_pages`` = 1): a web page has no pages.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Callable, Optional

from extractors.grid import Cell, ExtractedDocument, ExtractionError, Row, Table, TextBlock

EXTRACTOR_NAME = "html-lxml"
EXTRACTOR_VERSION = "0.1.0"

SKIP = {"script", "style", "noscript", "template", "head", "title", "nav", "footer", "aside",
        "select", "option", "button", "input", "textarea", "iframe", "object", "svg", "form-control"}
BLOCK = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
         "pre", "blockquote", "center", "section", "article", "main", "header", "address",
         "hr", "figure", "figcaption", "body", "form", "fieldset"}
BOLD_TAGS = {"b", "strong", "th", "h1", "h2", "h3", "h4", "h5", "h6"}
SPACES = re.compile(r"[ \t\r\n\f]+")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
FALLBACK_ENCODINGS = ("utf-8", "cp1251")
MAX_COLSPAN = 1000
MAX_ROWSPAN = 65534


# ---------------------------------------------------------------- decoding


def _encoding_from_meta(data: bytes) -> Optional[str]:
    m = META_CHARSET.search(data[:8192])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_html(data: bytes) -> str:
    """The page's text: BOM, then the declared charset, then UTF-8, then windows-1251."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "replace")
    declared = _encoding_from_meta(data)
    for enc in ([declared] if declared else []) + list(FALLBACK_ENCODINGS):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1251", "replace")   # cp1251 maps almost every byte


# ---------------------------------------------------------------- text with line breaks


class _Text:
    """Text collected from inline content: collapsed spaces, hard and soft line breaks."""

    def __init__(self) -> None:
        self.lines: list[list[tuple[str, bool]]] = [[]]

    def add(self, s: Optional[str], bold: bool) -> None:
        if s:
            self.lines[-1].append((CONTROL.sub("", s), bold))

    def newline(self, soft: bool) -> None:
        """A line break; a soft one (block boundary) only ends a line that has text."""
        if soft and not self._line_text(self.lines[-1]):
            self.lines[-1] = []
            return
        self.lines.append([])

    @staticmethod
    def _line_text(parts: list[tuple[str, bool]]) -> str:
        return SPACES.sub(" ", "".join(s for s, _ in parts)).strip(" ")

    def value(self) -> tuple[str, bool]:
        """(text, all-bold) and reset."""
        text = "\n".join(self._line_text(p) for p in self.lines).strip("\n")
        visible = [b for p in self.lines for s, b in p if s.strip()]
        self.lines = [[]]
        return text, bool(visible) and all(visible)


# ---------------------------------------------------------------- walking the tree


@dataclass
class _Walk:
    tables: list[Table] = field(default_factory=list)
    blocks: list[TextBlock] = field(default_factory=list)


def _tag(el) -> Optional[str]:
    return el.tag.lower() if isinstance(el.tag, str) else None


def _bold(el, inherited: bool) -> bool:
    tag = _tag(el)
    style = (el.get("style") or "").lower()
    m = re.search(r"font-weight\s*:\s*(\w+)", style)
    if m:
        w = m.group(1)
        return w in ("bold", "bolder") or (w.isdigit() and int(w) >= 600)
    return inherited or tag in BOLD_TAGS


def _is_layout_table(tbl) -> bool:
    """A one-column frame around page content (old portals): read as flow, not as a table."""
    rows = list(_rows(tbl))
    if not rows:
        return False
    one_cell = all(len(_cells(tr)) <= 1 for _, tr in rows)
    return one_cell and any(_tag(x) == "table" for x in tbl.iterdescendants())


def _emit(el, walk: _Walk, out: _Text, bold: bool, boundary: Callable[[], None],
          owner: Optional[int]) -> None:
    """The content of ``el`` into ``out``; tables become ``Table`` objects in ``walk``."""
    out.add(el.text, bold)
    for ch in el:
        tag = _tag(ch)
        if tag is None or tag in SKIP:
            pass
        elif tag == "br":
            out.newline(soft=False)
        elif tag == "table":
            _emit_table(ch, walk, out, bold, boundary, owner)
        elif tag in BLOCK or tag == "tr":
            boundary()
            _emit(ch, walk, out, _bold(ch, bold), boundary, owner)
            boundary()
        else:
            _emit(ch, walk, out, _bold(ch, bold), boundary, owner)
        out.add(ch.tail, bold)


def _emit_table(tbl, walk: _Walk, out: _Text, bold: bool, boundary: Callable[[], None],
                owner: Optional[int]) -> None:
    boundary()
    if _is_layout_table(tbl):
        for _, tr in _rows(tbl):
            for td in _cells(tr):
                _emit(td, walk, out, _bold(td, bold), boundary, owner)
                boundary()
        return
    caption = tbl.find("caption")
    if caption is not None and owner is None:
        _emit(caption, walk, out, _bold(caption, bold), boundary, owner)
        boundary()
    _table(tbl, walk, nested_in=owner)


def _rows(tbl):
    """(group, tr) pairs of this table's own rows: thead first, then bodies, tfoot last."""
    head, body, foot = [], [], []
    for ch in tbl:
        tag = _tag(ch)
        if tag == "tr":
            body.append(("tbody", ch))
        elif tag in ("thead", "tbody", "tfoot"):
            rows = [(f"{tag}{id(ch)}", tr) for tr in ch if _tag(tr) == "tr"]
            {"thead": head, "tbody": body, "tfoot": foot}[tag].extend(rows)
    return head + body + foot


def _cells(tr) -> list:
    return [c for c in tr if _tag(c) in ("td", "th")]


def _span(cell, name: str, cap: int) -> int:
    m = re.match(r"\s*(\d+)", cell.get(name) or "")
    if not m:
        return 1
    return min(int(m.group(1)), cap)


def _group_ends(rows) -> list[int]:
    """For each row, the index one past the last row of its row group."""
    ends, i = [0] * len(rows), 0
    while i < len(rows):
        j = i
        while j < len(rows) and rows[j][0] == rows[i][0]:
            j += 1
        for k in range(i, j):
            ends[k] = j
        i = j
    return ends


def _cell_text(td, walk: _Walk, owner: int) -> tuple[str, bool]:
    out = _Text()
    _emit(td, walk, out, _bold(td, False), lambda: out.newline(soft=True), owner)
    return out.value()


def _table(tbl, walk: _Walk, nested_in: Optional[int] = None) -> Table:
    index = len(walk.tables)
    table = Table(rows=[], n_cols=0, page_start=1, page_end=1, extractor=EXTRACTOR_NAME,
                  nested_in=nested_in)
    walk.tables.append(table)
    rows = _rows(tbl)
    ends = _group_ends(rows)
    covered: dict[int, set[int]] = {}
    for r, (group, tr) in enumerate(rows):
        row = Row(cells=[], page=1, is_header=group.startswith("thead"))
        col = 0
        for td in _cells(tr):
            while col in covered.get(r, ()):
                col += 1
            colspan = max(1, _span(td, "colspan", MAX_COLSPAN))
            rowspan = _span(td, "rowspan", MAX_ROWSPAN)
            rowspan = ends[r] - r if rowspan == 0 else max(1, min(rowspan, ends[r] - r))
            text, bold = _cell_text(td, walk, index)
            row.cells.append(Cell(text=text, col=col, colspan=colspan, rowspan=rowspan, page=1,
                                  bold=bold))
            for rr in range(r, r + rowspan):
                covered.setdefault(rr, set()).update(range(col, col + colspan))
            col += colspan
        table.rows.append(row)
    table.n_cols = max((max(cols) + 1 for cols in covered.values() if cols), default=0)
    return table


def _walk_body(root, walk: _Walk) -> None:
    out = _Text()

    def flush() -> None:
        text, bold = out.value()
        if text.strip():
            walk.blocks.append(TextBlock(text=text, page=1, bold=bold, before_table=len(walk.tables)))

    body = root.find("body")
    _emit(body if body is not None else root, walk, out, False, flush, None)
    flush()


# ---------------------------------------------------------------- entry point


def parse_html(data: bytes, path: str = "<html>") -> ExtractedDocument:
    """An HTML page's bytes into the common grid type."""
    import lxml.html
    from lxml import etree

    text = XML_DECL.sub("", decode_html(data), count=1)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise ExtractionError(f"not a readable HTML page ({e})", "open", path) from e
    walk = _Walk()
    try:
        _walk_body(root, walk)
    except RecursionError as e:
        raise ExtractionError("HTML nested too deeply to read", "extract", path) from e
    if not walk.tables:
        raise ExtractionError("an HTML page with no table in it (an error page?), not a roadmap",
                              "extract", path)
    return ExtractedDocument(path=path, file_format="html", extractor=EXTRACTOR_NAME,
                             extractor_version=EXTRACTOR_VERSION, tables=walk.tables,
                             blocks=walk.blocks, n_pages=1)


def extract_html(path: str) -> ExtractedDocument:
    """Read an HTML file into the common grid type."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise ExtractionError(f"cannot read file: {e.strerror}", "open", path) from e
    return parse_html(data, path)
