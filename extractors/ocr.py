"""OCR of image-only PDF pages into a PageLayout (words with confidence + ruling lines)."""

from __future__ import annotations

from extractors.grid import PageLayout


def ocr_page_layout(path: str, page_no: int) -> PageLayout:
    """Render page ``page_no`` (1-based) of ``path``, OCR it in Russian, find ruling lines."""
    raise NotImplementedError("OCR path: issue 6")
