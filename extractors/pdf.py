"""PDF entry point: page layouts from pdfplumber (or OCR), routed per page to a table builder.

One pdfplumber pass (``extractors.pdf_page``) reads every page into a ``PageLayout`` (words + ruling
segments); nothing parses a page twice. Each page is then routed:

* ``ocr``        — no usable text layer (no words, or mostly ``(cid:NN)`` glyphs
                   from a font without a Unicode map): the page is OCR'd
                   (``extractors.ocr``) and the OCR layout is routed again as
                   ruled or borderless. If OCR is not available the page is
                   flagged ``needs_ocr`` and yields no table (never cid garbage).
* ``ruled``      — at least 3 long vertical and 3 long horizontal segments:
                   ``extractors.ruled`` on the vector lines (engine
                   ``pdfplumber``).
* ``borderless`` — text laid out as a table without lines:
                   ``extractors.borderless``. In a document where other pages
                   hold ruled tables, a page without ruling lines is text
                   only (title page, order text, "Сокращения:" list).

Engine choice on ruled pages (measured rule)
--------------------------------------------
``pdfplumber`` (vector lines -> ``extractors.ruled``) is the first engine; its
grid is *broken* when it finds no table although the page has ruling lines, or
when fewer than ``MIN_WORD_COVERAGE`` (99 %) of the words enclosed by ruling
lines land in a table cell. Missing outer borders are repaired inside
``extractors.ruled`` first (open sides closed between rules an inner line
joins), so this rule fires for grids pdfplumber cannot read at all (vertical
rules lost, lines too broken to join). Only then camelot ``lattice`` (OpenCV on
the rendered page) runs on that page; its cell borders become ``Segment``s for
the same ``extractors.ruled`` builder, and camelot wins when its word coverage
is higher. Measured on the 20 ruled dev pages: pdfplumber coverage 1.000 on
every page, camelot the same grid on every page at ~1.0-1.4 s/page vs
0.01-0.03 s, so pdfplumber wins whenever its grid is whole; with the left
border removed pdfplumber alone fell to 0.89-0.96 coverage (now 1.0 after
the border repair).

Continuations: the first table of a page ``continues_previous`` when the
previous table ended on the previous page, this one starts in the top 30 % of
its page, the column x-boundaries agree, and either at most two text lines
(running header, page number) lie between the two fragments or the fragment
repeats the table's header rows. Boundaries agree when equal, or a subset of
the previous table's boundaries with the same outer edges (the fragment is then
re-indexed on the previous table's grid). Joining the rows is ``pipeline.stitch``'s job.
"""

from __future__ import annotations

import re
from typing import Optional

from extractors import text_layer
from extractors.grid import (
    ExtractedDocument,
    ExtractionError,
    PageLayout,
    flag_dropped_words,
    Segment,
    Table,
    TextBlock,
    Word,
)
from extractors.limits import BLANK_PAGE, REFUSED_PAGE
from extractors.lines import document_words, text_lines
from extractors.pdf_continuations import mark_continuations, table_bbox


EXTRACTOR_VERSION = "0.2.0"
CID_RE = re.compile(r"\(cid:\d+\)")
CID_SHARE = 0.3          # a page whose glyphs are more than this share (cid:NN) needs OCR
# a page is "ruled" when it has at least this many vertical and horizontal segments
MIN_RULED_V = 3
MIN_RULED_H = 3
MIN_WORD_COVERAGE = 0.99  # below this share of words in cells, the pdfplumber grid is "broken"


def layout_from_pdfplumber(page, page_no: int) -> PageLayout:
    """Words (with font name and size) and ruling segments of one pdfplumber page, read once."""
    from extractors.pdf_page import read_page

    objs = read_page(page)
    words = [
        Word(
            text=w["text"], x0=float(w["x0"]), top=float(w["top"]), x1=float(w["x1"]),
            bottom=float(w["bottom"]), fontname=w.get("fontname"), size=w.get("size"),
        )
        for w in objs.words
    ]
    segments = [
        Segment(float(e["x0"]), float(e["top"]), float(e["x1"]), float(e["bottom"]))
        for e in objs.edges
    ]
    width, height = float(page.width), float(page.height)
    if int(getattr(page, "rotation", 0) or 0) % 180 == 90:
        # pdfplumber maps coordinates of a /Rotate 90|270 page to the displayed page,
        # but reports the unrotated width and height
        width, height = height, width
    layout = PageLayout(page_no=page_no, width=width, height=height,
                        words=words, segments=segments, source="text")
    if not words and not objs.drawn:   # nothing drawn at all: no need to render and OCR it
        layout.flags.append(BLANK_PAGE)
    if words and text_layer.covers_page(objs.images, float(page.width), float(page.height)):
        layout.flags.append(text_layer.HIDDEN_LAYER_FLAG)   # a scan with an OCR layer: read as a scan
    return layout


def needs_ocr(layout: PageLayout) -> bool:
    """True when the page has no usable text layer (image only, or cid garbage)."""
    if not layout.words or text_layer.is_hidden_layer(layout):
        return True
    text = "".join(w.text for w in layout.words)
    cid_glyphs = len(CID_RE.findall(text))
    glyphs = cid_glyphs + len(CID_RE.sub("", text))
    return cid_glyphs > CID_SHARE * max(1, glyphs)


def drop_cid_glyphs(layout: PageLayout) -> None:
    """Remove stray ``(cid:NN)`` glyphs from a readable page and flag it (never store them)."""
    if not any("(cid:" in w.text for w in layout.words):
        return
    kept = []
    for w in layout.words:
        w.text = CID_RE.sub("", w.text)
        if w.text.strip():
            kept.append(w)
    layout.words = kept
    layout.flags.append("cid_glyphs_removed")


def is_ruled(layout: PageLayout) -> bool:
    """Enough long vertical and horizontal ruling lines to form a grid."""
    v = [s for s in layout.segments if not s.horizontal and (s.bottom - s.top) > 8]
    h = [s for s in layout.segments if s.horizontal and (s.x1 - s.x0) > 20]
    return len(v) >= MIN_RULED_V and len(h) >= MIN_RULED_H


def route(layout: PageLayout) -> str:
    if BLANK_PAGE in layout.flags:
        return "blank"
    if needs_ocr(layout):
        return "ocr"
    return "ruled" if is_ruled(layout) else "borderless"


def blocks_outside(layout: PageLayout, tables: list[Table], first_table_index: int) -> list[TextBlock]:
    """Text lines of a page that lie outside its tables, tagged with the following table."""
    boxes = [(i, b) for i, t in enumerate(tables) if (b := table_bbox(t, layout.page_no))]
    free = [w for w in layout.words if not any(w.centre_in(b, tol=1.0) for _, b in boxes)]
    blocks = []
    for ln in text_lines(free):
        top = min(w.top for w in ln)
        following = [i for i, b in boxes if b[1] >= top]
        nxt = first_table_index + (min(following) if following else len(tables))
        blocks.append(TextBlock(
            text=" ".join(w.text for w in ln), page=layout.page_no,
            bbox=(min(w.x0 for w in ln), top, max(w.x1 for w in ln), max(w.bottom for w in ln)),
            bold=all(w.bold for w in ln), font_size=max((w.size or 0) for w in ln) or None,
            before_table=nxt, confidence=min(w.confidence for w in ln),
        ))
    return blocks


# ---------------------------------------------------------------- opening the file


def _root_cause(e: BaseException) -> BaseException:
    """The pdfminer exception inside pdfplumber's wrapper (args[0] or __context__)."""
    for inner in (*(e.args[:1]), e.__cause__, e.__context__):
        if isinstance(inner, BaseException):
            return inner
    return e


def open_layouts(path: str) -> list[PageLayout]:
    """All page layouts of a PDF in one pdfplumber pass; ExtractionError on unreadable files."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(path)
    except Exception as e:  # pdfplumber wraps pdfminer's many error types
        cause = _root_cause(e)
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ExtractionError("PDF is encrypted and cannot be opened without a password",
                                  "open", path) from e
        raise ExtractionError(f"not a readable PDF, damaged or truncated "
                              f"({type(cause).__name__}: {cause})", "open", path) from e
    with pdf:
        try:
            pages = pdf.pages
            if not pages:
                raise ExtractionError("PDF has no pages (truncated or damaged file)", "read", path)
            return [layout_from_pdfplumber(p, i + 1) for i, p in enumerate(pages)]
        except ExtractionError:
            raise
        except Exception as e:
            cause = _root_cause(e)
            if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
                raise ExtractionError("PDF is encrypted and cannot be read without a password",
                                      "open", path) from e
            raise ExtractionError(f"PDF is damaged or truncated ({type(cause).__name__}: {cause})",
                                  "read", path) from e


def extract_pdf(path: str) -> ExtractedDocument:
    """Read a PDF into the common grid type (see module docstring for the routing)."""
    return extract_layouts(path, open_layouts(path))


# ---------------------------------------------------------------- engines per page


def camelot_segments(path: str, layout: PageLayout) -> list[Segment]:
    """Cell borders camelot lattice finds on the rendered page, as top-left-origin segments."""
    import camelot

    tables = camelot.read_pdf(path, pages=str(layout.page_no), flavor="lattice",
                              suppress_stdout=True)
    segs: list[Segment] = []
    h = layout.height
    for t in tables:
        for row in t.cells:
            for c in row:
                top, bottom = h - c.y2, h - c.y1
                if c.left:
                    segs.append(Segment(c.x1, top, c.x1, bottom))
                if c.right:
                    segs.append(Segment(c.x2, top, c.x2, bottom))
                if c.top:
                    segs.append(Segment(c.x1, top, c.x2, top))
                if c.bottom:
                    segs.append(Segment(c.x1, bottom, c.x2, bottom))
    return segs


def ruled_tables_best_engine(path: str, layout: PageLayout) -> tuple[list[Table], str]:
    """Ruled tables of a page from pdfplumber's lines, or camelot's when that grid is broken."""
    from extractors import ruled

    tables = ruled.build_ruled_tables(layout)
    coverage = ruled.word_coverage(layout, tables)
    if tables and coverage >= MIN_WORD_COVERAGE:
        return tables, "pdfplumber"
    if layout.source != "text":
        return tables, "ocr-lines"
    try:
        segs = camelot_segments(path, layout)
    except Exception:  # camelot cannot render/parse the page: keep what pdfplumber found
        return tables, "pdfplumber"
    alt_layout = PageLayout(layout.page_no, layout.width, layout.height, layout.words, segs,
                            layout.source, layout.flags)
    alt = ruled.build_ruled_tables(alt_layout)
    for t in alt:
        t.extractor = "camelot-lattice"
    alt_cov = ruled.word_coverage(alt_layout, alt) if alt else 0.0
    if alt and (not tables or alt_cov > coverage):
        return alt, "camelot"
    return tables, "pdfplumber"


def _ocr_layout(path: str, layout: PageLayout) -> Optional[PageLayout]:
    """The OCR'd layout of a page, or None (page flagged) when OCR is unavailable or fails."""
    from extractors import ocr

    try:
        return ocr.ocr_page_layout(path, layout.page_no)
    except Exception as e:  # OCR not installed / not implemented / failed on this page
        layout.flags.append(f"needs_ocr ({type(e).__name__}: {e})"[:200])
        return None


def _ocr_layouts(path: str, layouts: list[PageLayout]) -> dict[int, Optional[PageLayout]]:
    """OCR'd layouts of every page that needs OCR (pages in parallel); None where OCR failed."""
    todo = [lay for lay in layouts if route(lay) == "ocr"]
    hidden = {lay.page_no: _hidden_layer_layout(path, lay) for lay in todo if text_layer.is_hidden_layer(lay)}
    todo = [lay for lay in todo if lay.page_no not in hidden]
    if not todo:
        return hidden
    from extractors import ocr   # OpenCV and Tesseract only for a PDF with pages to OCR

    try:
        done = ocr.ocr_page_layouts(path, [lay.page_no for lay in todo])
    except Exception:  # one page failed: OCR page by page so each failure is flagged on its page
        return {**hidden, **{lay.page_no: _ocr_layout(path, lay) for lay in todo}}
    return {**hidden, **{lay.page_no: o for lay, o in zip(todo, done)}}


def _hidden_layer_layout(path: str, layout: PageLayout) -> Optional[PageLayout]:
    """A scanned page with a hidden text layer read as a scan (``extractors.text_layer``)."""
    try:
        return text_layer.hidden_layer_layout(path, layout)
    except Exception as e:  # rendering / OCR failed: keep the layer as a text page
        layout.flags.append(f"hidden text layer kept as text ({type(e).__name__}: {e})"[:200])
        layout.flags.remove(text_layer.HIDDEN_LAYER_FLAG)
        return None


# ---------------------------------------------------------------- the document


def _route_pages(path: str, layouts: list[PageLayout]) -> dict[int, str]:
    """Route per page; OCR'd layouts replace the text ones in ``layouts``."""
    routes = {}
    ocr_done = _ocr_layouts(path, layouts)
    for i, lay in enumerate(layouts):
        r = route(lay)
        if r != "ocr":
            drop_cid_glyphs(lay)
        if r == "ocr":
            o = ocr_done[lay.page_no]
            if o is None:
                r = "needs_ocr"
            else:
                lay = layouts[i] = o
                r = "ocr-ruled" if is_ruled(lay) else "ocr-borderless"
        routes[lay.page_no] = r
    return routes


def _borderless(group: list[PageLayout]) -> list[list[Table]]:
    from extractors import borderless

    try:
        return borderless.build_borderless_tables(group)
    except NotImplementedError:
        for g in group:
            g.flags.append("borderless builder not available")
        return [[] for _ in group]


def extract_layouts(path: str, layouts: list[PageLayout]) -> ExtractedDocument:
    """Route each page layout to a table builder and collect tables + text blocks."""
    doc = ExtractedDocument(path=path, file_format="pdf", extractor="pdf",
                            extractor_version=EXTRACTOR_VERSION, n_pages=len(layouts))
    routes = _route_pages(path, layouts)
    with document_words(w for lay in layouts for w in lay.words):
        return _extract_routed(doc, path, layouts, routes)


def _extract_routed(doc: ExtractedDocument, path: str, layouts: list[PageLayout],
                    routes: dict[int, str]) -> ExtractedDocument:
    """``extract_layouts`` once the pages are routed (and OCR'd where they needed it)."""
    engines: dict[int, str] = {}
    per_page: dict[int, list[Table]] = {}
    for lay in layouts:
        if routes[lay.page_no].endswith("ruled"):
            per_page[lay.page_no], eng = ruled_tables_best_engine(path, lay)
            engines[lay.page_no] = ("ocr-" + eng) if lay.source == "ocr" and eng != "ocr-lines" else eng
    ruled_doc = any(per_page.values())

    i = 0
    while i < len(layouts):
        r = routes[layouts[i].page_no]
        if r == "ocr-borderless" and ruled_doc:
            # a scanned page of a ruled document on which no rule was found (a one-bit copy cut
            # the faint rules away): its words alone, where they make a table with a header
            tables = _borderless([layouts[i]])[0]
            if tables:
                per_page[layouts[i].page_no], engines[layouts[i].page_no] = tables, r
                layouts[i].flags.append("ocr: table read from the words' alignment (its rules lost)")
        if r.endswith("borderless") and not ruled_doc:
            j = i
            while j < len(layouts) and routes[layouts[j].page_no].endswith("borderless"):
                j += 1
            for lay, tables in zip(layouts[i:j], _borderless(layouts[i:j])):
                per_page[lay.page_no] = tables
                engines[lay.page_no] = r
            i = j
            continue
        per_page.setdefault(layouts[i].page_no, [])
        engines.setdefault(layouts[i].page_no, "text-only" if r != "needs_ocr" else r)
        i += 1

    ordered = [(lay, per_page[lay.page_no]) for lay in layouts]
    mark_continuations(ordered)
    for lay, tables in ordered:
        flag_dropped_words(lay, tables)
        doc.blocks.extend(blocks_outside(lay, tables, len(doc.tables)))
        doc.tables.extend(tables)
        doc.flags.extend(f"page {lay.page_no}: {f}" for f in lay.flags)
    doc.page_engines = dict(sorted(engines.items()))
    used = sorted(set(engines.values()) - {"text-only"})
    doc.extractor = "pdf:" + "+".join(used) if used else "pdf"
    if not doc.tables:
        ocr_pages = [p for p, r in routes.items() if r == "needs_ocr"]
        if ocr_pages:
            raise ExtractionError(
                f"no text layer on page(s) {ocr_pages} (image or (cid:NN) glyphs without a "
                "Unicode map) and OCR is not available: the pages need OCR", "ocr", path)
        refused = [f for f in doc.flags if REFUSED_PAGE in f]   # pages over a budget (limits)
        raise ExtractionError("no table found in the PDF" + (f" ({'; '.join(refused[:3])})" if refused else ""),
                              "tables", path)
    return doc
