"""Extractors: one entry point, ``extract(path)``, from a file to the common grid type.

The file type is sniffed from the bytes, never from the extension
(``extractors.formats``), and the file is handed to its reader: DOCX to the
WordprocessingML reader, PDF to the PDF reader (which routes each page to the
ruled, borderless or OCR path), HTML to the lxml reader, and .doc/.rtf/.odt to
LibreOffice (converted to DOCX, then read as DOCX; a .doc whose table LibreOffice
loses, or any .doc when LibreOffice is missing, is read by the native Word 97 reader
``extractors.doc_binary``). Like camelot's
``read_pdf``, callers only ever see this function and ``extractors.grid``.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from extractors import limits
from extractors.formats import FORMATS, detect, detect_file
from extractors.grid import ExtractedDocument, ExtractionError

__all__ = ["extract", "sniff", "FORMATS", "ExtractionError", "ExtractedDocument"]


def sniff(data: bytes) -> str:
    """One of ``FORMATS`` ('pdf', 'docx', 'odt', 'doc', 'rtf', 'html') from a whole file's bytes.

    Raises ExtractionError (stage 'sniff', or 'open' for a damaged archive) otherwise.
    """
    return detect(data)


def extract(path: str | Path) -> ExtractedDocument:
    """Extract tables and text blocks from a file of any accepted format."""
    path = str(path)
    limits.check_regular_file(path)  # FIFOs, devices, directories, oversized files: refused unread
    kind = detect_file(path)
    if kind == "docx":
        try:
            with zipfile.ZipFile(path) as z:
                limits.check_docx_zip(z, path)  # zip bombs and DTDs refused before inflating
        except zipfile.BadZipFile as e:
            raise ExtractionError(f"truncated or damaged DOCX ({e})", "open", path) from e
        from extractors.docx import extract_docx

        return extract_docx(path)
    if kind == "html":
        from extractors.html import extract_html

        return extract_html(path)
    if kind in ("doc", "rtf", "odt"):
        from extractors.convert import extract_converted

        return extract_converted(path, kind)
    from extractors.pdf import extract_pdf

    limits.check_pdf(path)  # page count and page areas before any page is parsed
    return extract_pdf(path)
