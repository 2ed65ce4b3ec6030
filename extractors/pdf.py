"""PDF entry point: page layouts from pdfplumber (or OCR), routed per page to a table builder.

Each page becomes a ``PageLayout`` (words + ruling segments). A page is then
routed by a measured rule:

* ``ocr``        — no usable text layer (no words, or ``(cid:NN)`` glyphs): the
                   page is OCR'd (``extractors.ocr``) and the OCR layout is routed
                   again as ruled or borderless;
* ``ruled``      — enough ruling lines under the text: ``extractors.ruled``;
* ``borderless`` — text laid out as a table without lines: ``extractors.borderless``.

Text outside the tables becomes ``TextBlock`` lines (metadata, headings,
"Сокращения:" lists). Joining table fragments across pages is *not* done here:
that is ``pipeline.stitch``'s job for every format.
"""

from __future__ import annotations

import re
from typing import Optional

from extractors.grid import (
    ExtractedDocument,
    ExtractionError,
    PageLayout,
    Segment,
    Table,
    TextBlock,
    Word,
)

EXTRACTOR_VERSION = "0.1.0"
CID_RE = re.compile(r"\(cid:\d+\)")
# a page is "ruled" when it has at least this many vertical and horizontal segments
MIN_RULED_V = 3
MIN_RULED_H = 3
LINE_TOL = 3.0  # points: words whose tops differ less are on one text line


def layout_from_pdfplumber(page, page_no: int) -> PageLayout:
    """Words (with font name and size) and ruling segments of one pdfplumber page."""
    words = [
        Word(
            text=w["text"], x0=float(w["x0"]), top=float(w["top"]), x1=float(w["x1"]),
            bottom=float(w["bottom"]), fontname=w.get("fontname"), size=w.get("size"),
        )
        for w in page.extract_words(
            keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname", "size"]
        )
    ]
    segments = [
        Segment(float(e["x0"]), float(e["top"]), float(e["x1"]), float(e["bottom"]))
        for e in page.edges
    ]
    return PageLayout(page_no=page_no, width=float(page.width), height=float(page.height),
                      words=words, segments=segments, source="text")


def needs_ocr(layout: PageLayout) -> bool:
    """True when the page has no usable text layer (image only, or cid garbage)."""
    if not layout.words:
        return True
    text = " ".join(w.text for w in layout.words)
    cid = sum(len(m) for m in CID_RE.findall(text))
    return cid > 0.3 * max(1, len(text.replace(" ", "")))


def is_ruled(layout: PageLayout) -> bool:
    """Enough long vertical and horizontal ruling lines to form a grid."""
    v = [s for s in layout.segments if not s.horizontal and (s.bottom - s.top) > 8]
    h = [s for s in layout.segments if s.horizontal and (s.x1 - s.x0) > 20]
    return len(v) >= MIN_RULED_V and len(h) >= MIN_RULED_H


def route(layout: PageLayout) -> str:
    if needs_ocr(layout):
        return "ocr"
    return "ruled" if is_ruled(layout) else "borderless"


def _inside(w: Word, box: tuple[float, float, float, float], tol: float = 1.0) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return x0 - tol <= cx <= x1 + tol and top - tol <= cy <= bottom + tol


def table_bbox(table: Table, page_no: int) -> Optional[tuple[float, float, float, float]]:
    boxes = [c.bbox for r in table.rows for c in r.cells if c.bbox and c.page == page_no]
    boxes += [r.bbox for r in table.rows if r.bbox and r.page == page_no]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def text_lines(words: list[Word]) -> list[list[Word]]:
    """Group words into text lines, top to bottom, left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if lines and abs(lines[-1][0].top - w.top) <= LINE_TOL:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(ln, key=lambda w: w.x0) for ln in lines]


def blocks_outside(layout: PageLayout, tables: list[Table], first_table_index: int) -> list[TextBlock]:
    """Text lines of a page that lie outside its tables, tagged with the following table."""
    boxes = [(i, b) for i, t in enumerate(tables) if (b := table_bbox(t, layout.page_no))]
    free = [w for w in layout.words if not any(_inside(w, b) for _, b in boxes)]
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


def extract_pdf(path: str) -> ExtractedDocument:
    """Read a PDF into the common grid type (see module docstring for the routing)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(path)
    except PDFPasswordIncorrect as e:
        raise ExtractionError("PDF is encrypted and cannot be opened without a password", "open", path) from e
    except Exception as e:  # pdfminer raises many types on broken files
        raise ExtractionError(f"not a readable PDF ({type(e).__name__}: {e})", "open", path) from e
    with pdf:
        try:
            layouts = [layout_from_pdfplumber(p, i + 1) for i, p in enumerate(pdf.pages)]
        except Exception as e:
            raise ExtractionError(f"PDF is damaged or truncated ({type(e).__name__}: {e})", "read", path) from e
    return extract_layouts(path, layouts)


def extract_layouts(path: str, layouts: list[PageLayout]) -> ExtractedDocument:
    """Route each page layout to a table builder and collect tables + text blocks."""
    from extractors import borderless, ocr, ruled

    doc = ExtractedDocument(path=path, file_format="pdf", extractor="pdf",
                            extractor_version=EXTRACTOR_VERSION, n_pages=len(layouts))
    routes = {}
    for i, lay in enumerate(layouts):
        r = route(lay)
        if r == "ocr":
            lay = layouts[i] = ocr.ocr_page_layout(path, lay.page_no)
            r = "ocr-ruled" if is_ruled(lay) else "ocr-borderless"
        routes[lay.page_no] = r
    doc.page_engines = dict(routes)

    # borderless builders need consecutive pages together (columns from the header page)
    i = 0
    while i < len(layouts):
        lay = layouts[i]
        r = routes[lay.page_no]
        if r.endswith("borderless"):
            j = i
            while j < len(layouts) and routes[layouts[j].page_no].endswith("borderless"):
                j += 1
            group = layouts[i:j]
            per_page = borderless.build_borderless_tables(group)
        else:
            group = [lay]
            per_page = [ruled.build_ruled_tables(lay)]
            j = i + 1
        for gl, tables in zip(group, per_page):
            doc.blocks.extend(blocks_outside(gl, tables, len(doc.tables)))
            doc.tables.extend(tables)
            doc.flags.extend(f"page {gl.page_no}: {f}" for f in gl.flags)
        i = j
    engines = sorted(set(routes.values()))
    doc.extractor = "pdf:" + "+".join(engines) if engines else "pdf"
    return doc
