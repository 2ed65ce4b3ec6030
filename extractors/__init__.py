"""Extractors: one entry point, ``extract(path)``, from a file to the common grid type.

The file type is sniffed from the bytes, never from the extension, and the
file is handed to the DOCX or the PDF reader (the PDF reader routes each page
to the ruled, borderless or OCR path). Like camelot's ``read_pdf``, callers
only ever see this function and ``extractors.grid``.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from extractors import limits
from extractors.grid import ExtractedDocument, ExtractionError

__all__ = ["extract", "sniff", "ExtractionError", "ExtractedDocument"]


def sniff(data: bytes) -> str:
    """'pdf' or 'docx' from the first bytes of a file; raises ExtractionError otherwise."""
    head = data[:1024]
    if not data:
        raise ExtractionError("file is empty (0 bytes)", "sniff")
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"  # confirmed when opened: a zip without word/document.xml fails there
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ExtractionError("legacy binary .doc is not supported: save it as .docx", "sniff")
    low = head.lstrip().lower()
    if low.startswith(b"<!doctype html") or low.startswith(b"<html"):
        raise ExtractionError("an HTML page, not a PDF or DOCX document", "sniff")
    raise ExtractionError("unknown file type: neither PDF nor DOCX", "sniff")


def extract(path: str | Path) -> ExtractedDocument:
    """Extract tables and text blocks from a DOCX or PDF file."""
    path = str(path)
    limits.check_regular_file(path)  # FIFOs, devices, directories, oversized files: refused unread
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError as e:
        raise ExtractionError(f"cannot read file: {e.strerror}", "open", path) from e
    try:
        kind = sniff(head)
    except ExtractionError as e:
        e.path = path
        raise
    if kind == "docx":
        if not zipfile.is_zipfile(path):
            raise ExtractionError("truncated or damaged DOCX (zip archive unreadable)", "open", path)
        with zipfile.ZipFile(path) as z:
            if "word/document.xml" not in z.namelist():
                raise ExtractionError("a zip archive without word/document.xml: not a DOCX", "sniff", path)
            limits.check_docx_zip(z, path)  # zip bombs and DTDs refused before inflating
        from extractors.docx import extract_docx

        return extract_docx(path)
    from extractors.pdf import extract_pdf

    limits.check_pdf(path)  # page count and page areas before any page is parsed
    return extract_pdf(path)
