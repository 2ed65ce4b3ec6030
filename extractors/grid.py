"""The one grid type every extractor returns.

DOCX, ruled PDF, borderless PDF and scanned PDF all hand the pipeline the same
``ExtractedDocument``: a list of ``Table`` objects (rows of ``Cell`` with grid
position, spans, page, bounding box and confidence) plus the ``TextBlock``
paragraphs around the tables (metadata, "Сокращения:" lists, headings).

Conventions (the contract between extractors/ and pipeline/):

* A ``Table`` is a logical table; extractors of paged formats may return one
  ``Table`` per page fragment, and set ``continues_previous`` when a fragment is
  the continuation of the previous table on a new page. Joining fragments and
  rows broken by a page is done once, in ``pipeline.stitch``.
* ``Row.cells`` hold only *origin* cells, ordered by ``col``. A cell merged
  horizontally has ``colspan > 1``; a cell merged vertically has ``rowspan > 1``
  and the covered positions in the rows below are simply absent. Extractors
  that only know "this cell continues the one above" (DOCX ``vMerge``) must
  resolve it to a ``rowspan`` before returning.
* Text inside a cell keeps its line breaks (``\n``); no other cleaning is done
  by extractors, except removing characters that are not text (control chars).
* ``page`` is 1-based. ``bbox`` is ``(x0, top, x1, bottom)`` in PDF points from
  the top-left of the page (pdfplumber's convention); ``None`` where unknown
  (DOCX).
* ``confidence`` is in ``[0, 1]``: 1.0 for text taken from a text layer or XML,
  the OCR engine's mean word confidence for scanned cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional

BBox = tuple[float, float, float, float]


@dataclass
class Cell:
    text: str
    col: int
    colspan: int = 1
    rowspan: int = 1
    page: Optional[int] = None
    bbox: Optional[BBox] = None
    confidence: float = 1.0
    bold: bool = False

    @property
    def empty(self) -> bool:
        return not self.text.strip()


@dataclass
class Row:
    cells: list[Cell]
    page: Optional[int] = None
    is_header: bool = False          # marked as repeated header (DOCX tblHeader) by the source
    bbox: Optional[BBox] = None
    flags: list[str] = field(default_factory=list)   # quality flags of the row ("ocr_specks_dropped: 2")

    def cell_at(self, col: int) -> Optional[Cell]:
        """The origin cell whose span covers ``col`` in this row, if any."""
        for c in self.cells:
            if c.col <= col < c.col + c.colspan:
                return c
        return None

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


def is_ocr_extractor(name: Optional[str]) -> bool:
    """Whether an extractor or page-engine name is an OCR reading ("ruled-ocr", "ocr-borderless", "ocr-lines" …)."""
    return "ocr" in (name or "").lower()


@dataclass
class Table:
    rows: list[Row]
    n_cols: int
    page_start: Optional[int] = None
    page_end: Optional[int] = None
    continues_previous: bool = False  # a fragment of the previous table on a new page
    extractor: str = ""
    nested_in: Optional[int] = None   # index of the table this one is nested in (DOCX)
    flags: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


@dataclass
class TextBlock:
    """A paragraph or line of text outside the tables, in reading order."""

    text: str
    page: Optional[int] = None
    bbox: Optional[BBox] = None
    bold: bool = False
    font_size: Optional[float] = None
    # position in the reading order relative to tables: index of the table that
    # follows this block (len(tables) for text after the last table)
    before_table: Optional[int] = None
    confidence: float = 1.0


@dataclass
class ExtractedDocument:
    path: str
    file_format: str                 # the format sniffed: "docx" | "pdf" | "doc" | "rtf" | "odt" | "html"
    extractor: str                   # e.g. "docx-xml", "pdfplumber-lines", "ocr-tesseract", "libreoffice→docx-xml"
    extractor_version: str
    tables: list[Table] = field(default_factory=list)
    blocks: list[TextBlock] = field(default_factory=list)
    n_pages: Optional[int] = None
    flags: list[str] = field(default_factory=list)   # document-level quality flags
    page_engines: dict[int, str] = field(default_factory=dict)  # page -> engine used

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


class ExtractionError(Exception):
    """A file could not be read as a roadmap; carries the stage for the user."""

    def __init__(self, message: str, stage: str = "extract", path: Optional[str] = None):
        super().__init__(message)
        self.stage = stage
        self.path = path

    def __str__(self) -> str:  # pragma: no cover - trivial
        where = f"{self.path}: " if self.path else ""
        return f"{where}[{self.stage}] {self.args[0]}"


# --- page layout: what a PDF page (text layer or OCR) looks like before table finding ---


@dataclass
class Word:
    """One word with its box, in PDF points from the page's top-left corner."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    fontname: Optional[str] = None
    size: Optional[float] = None
    confidence: float = 1.0

    @property
    def bold(self) -> bool:
        f = (self.fontname or "").lower()
        return "bold" in f or "black" in f or "heavy" in f or f.endswith(",b")

    def centre_in(self, box: BBox, tol: float = 0.0) -> bool:
        """Whether the word's centre lies in ``box`` (x0, top, x1, bottom), ``tol`` points of slack."""
        cx, cy = (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2
        return box[0] - tol <= cx <= box[2] + tol and box[1] - tol <= cy <= box[3] + tol


@dataclass
class Segment:
    """A ruling line (or one edge of a drawn rectangle): horizontal when top == bottom."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return abs(self.bottom - self.top) <= abs(self.x1 - self.x0)


@dataclass
class PageLayout:
    """Words and ruling lines of one page, from the text layer or from OCR."""

    page_no: int                    # 1-based
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    source: str = "text"            # "text" (PDF text layer) | "ocr"
    flags: list[str] = field(default_factory=list)
    dropped: list[Word] = field(default_factory=list)   # OCR tokens dropped as speck clouds (junk)


SPECKS_DROPPED = "ocr_specks_dropped"


def flag_dropped_words(layout: PageLayout, tables: list[Table]) -> None:
    """Flag each row of the page's ``tables`` whose box holds tokens OCR dropped as specks
    (``SPECKS_DROPPED: N``): the text keeps no trace of them, the row says how many there were."""
    counts: dict[int, int] = {}
    rows = [r for t in tables for r in t.rows if r.bbox and r.page in (None, layout.page_no)]
    for w in layout.dropped:
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        for i, r in enumerate(rows):
            x0, top, x1, bottom = r.bbox  # type: ignore[misc]
            if x0 <= cx <= x1 and top <= cy <= bottom:
                counts[i] = counts.get(i, 0) + 1
                break
    for i, n in counts.items():
        rows[i].flags.append(f"{SPECKS_DROPPED}: {n}")
