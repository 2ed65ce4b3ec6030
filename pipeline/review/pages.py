"""The source beside a row: the region of a PDF page as a PNG, or a DOCX table row as it was.

PDF pages are rendered from the kept original (``pipeline.review.originals``) with pypdfium2 at
the row's box (``activities.bbox``: PDF points from the page's top-left) plus a margin, the row
outlined. Without a box the whole page is shown. DOCX files have no pages: the table row whose
cells carry the activity's number and title is found again in the file and returned as cell texts.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

MARGIN_PT = 14.0
SCALE = 2.0             # 144 dpi: small print stays legible
FULL_PAGE_SCALE = 1.2
OUTLINE = (220, 40, 40)


def render_region(path: Path, page_no: int, box: Optional[Sequence[float]] = None,
                  margin: float = MARGIN_PT) -> bytes:
    """PNG of page ``page_no`` (1-based) cut to ``box`` = (x0, top, x1, bottom) + margin.

    One render at a time: pdfium is not thread-safe and the app serves requests on threads."""
    from extractors.ocr.image import PDFIUM_LOCK

    with PDFIUM_LOCK:
        return _render_region(path, page_no, box, margin)


def _render_region(path: Path, page_no: int, box: Optional[Sequence[float]], margin: float) -> bytes:
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    pdf = pdfium.PdfDocument(str(path))
    try:
        if not 1 <= page_no <= len(pdf):
            raise ValueError(f"page {page_no} is not in the file ({len(pdf)} pages)")
        page = pdf[page_no - 1]
        w, h = page.get_size()
        if box is None:
            img = page.render(scale=FULL_PAGE_SCALE).to_pil()
        else:
            x0, top, x1, bottom = (float(v) for v in box)
            left, right = max(0.0, x0 - margin), min(w, x1 + margin)
            upper, lower = max(0.0, top - margin), min(h, bottom + margin)
            # pypdfium2 crops (left, bottom, right, top) amounts off each side, in points
            crop = (left, h - lower, w - right, upper)
            img = page.render(scale=SCALE, crop=crop).to_pil().convert("RGB")
            draw = ImageDraw.Draw(img)
            draw.rectangle([(x0 - left) * SCALE, (top - upper) * SCALE,
                            (x1 - left) * SCALE, (bottom - upper) * SCALE], outline=OUTLINE, width=2)
        buf = io.BytesIO()
        img.save(buf, format="PNG", optimize=True)
        return buf.getvalue()
    finally:
        pdf.close()


def _norm(text: Optional[str]) -> str:
    return re.sub(r"\s+", " ", (text or "").lower()).strip()


@lru_cache(maxsize=8)
def _docx_rows(path: str, mtime: float) -> list[list[str]]:
    from extractors.docx import extract_docx

    return [[c.text for c in row.cells] for t in extract_docx(path).tables for row in t.rows]


def docx_row(path: Path, number: Optional[str], title: Optional[str]) -> Optional[list[str]]:
    """Cell texts of the DOCX table row that holds the activity (number and start of the title)."""
    rows = _docx_rows(str(path), path.stat().st_mtime)
    head = _norm(title)[:40]
    num = (number or "").strip().rstrip(".")
    best = None
    for cells in rows:
        texts = [_norm(c) for c in cells]
        has_title = bool(head) and any(t.startswith(head) or head in t for t in texts)
        has_number = bool(num) and any(t.rstrip(".") == num.lower() for t in texts)
        if has_title and has_number:
            return cells
        if has_title and best is None:
            best = cells
    return best
