"""What kind of file this is, from its bytes only (never the extension or a Content-Type).

``detect(data)`` returns one of ``FORMATS``:

* ``pdf``  — ``%PDF-`` in the first kilobyte;
* ``docx`` — a zip archive holding ``word/document.xml``;
* ``odt``  — an ODF zip whose first member ``mimetype`` says
  ``application/vnd.oasis.opendocument.text`` (or the text template);
* ``doc``  — an OLE compound file with a ``WordDocument`` stream (Word 97–2003);
* ``rtf``  — text starting with ``{\\rtf``;
* ``html`` — markup starting with ``<!doctype html``, ``<html``, ``<head``, ``<body``…
  and holding at least one ``<table``; a page without any table (an error page,
  a "document moved" page, a page that only links to the file) is refused here.

Everything else is an ``ExtractionError`` at stage ``sniff`` (``open`` for a
damaged archive) whose message says what the file is when that is known: an
Excel workbook, a password-protected file (the ``EncryptedPackage`` stream of an
encrypted DOCX, the encryption flag of a Word 97 file, or encryption data in an
ODT manifest), an ODF spreadsheet…
"""

from __future__ import annotations

import io
import re
import zipfile

from extractors.grid import ExtractionError

FORMATS = ("pdf", "docx", "odt", "doc", "rtf", "html")
CONVERTED_FORMATS = ("doc", "rtf", "odt")     # LibreOffice → DOCX (.doc also natively)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ODF_TEXT_TYPES = ("application/vnd.oasis.opendocument.text",
                  "application/vnd.oasis.opendocument.text-template")
HTML_START = re.compile(rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table)\b",
                        re.IGNORECASE | re.DOTALL)
HTML_TABLE = re.compile(rb"<table\b", re.IGNORECASE)
BOMS = (b"\xef\xbb\xbf",)
WORD_FIB_ENCRYPTED = 0x0100     # FibBase flags word (offset 10): fEncrypted
OLE_OTHER_KINDS = {
    "workbook": "an Excel workbook (.xls), not a text document",
    "book": "an Excel 5 workbook (.xls), not a text document",
    "powerpoint document": "a PowerPoint presentation (.ppt), not a text document",
}


def _refuse(message: str, stage: str = "sniff") -> ExtractionError:
    return ExtractionError(message, stage)


def _odf_encrypted(z: zipfile.ZipFile) -> bool:
    """An ODF package whose manifest lists encryption data (a password was set)."""
    try:
        return b"encryption-data" in z.read("META-INF/manifest.xml")
    except KeyError:
        return False


def _detect_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = z.namelist()
            if names and names[0] == "mimetype":
                mimetype = z.read("mimetype").decode("ascii", "replace").strip()
                if mimetype in ODF_TEXT_TYPES:
                    if _odf_encrypted(z):
                        raise _refuse("password-protected (encrypted) ODT: remove the password "
                                      "and save it again")
                    return "odt"
                raise _refuse(f"an OpenDocument file of type {mimetype!r}, not a text document")
            if "word/document.xml" in names:
                return "docx"
    except zipfile.BadZipFile as e:
        raise _refuse(f"truncated or damaged zip archive (DOCX/ODT unreadable: {e})", "open") from e
    raise _refuse("a zip archive that is neither a DOCX (no word/document.xml) nor an ODT")


def _word_encrypted(ole) -> bool:
    """The fEncrypted bit of a Word 97 FIB (RC4 or XOR password protection)."""
    with ole.openstream("WordDocument") as fh:
        fib = fh.read(12)
    return len(fib) >= 12 and bool(int.from_bytes(fib[10:12], "little") & WORD_FIB_ENCRYPTED)


def _detect_ole(data: bytes) -> str:
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as e:  # olefile raises OSError / its own errors on a damaged file
        raise _refuse(f"damaged OLE compound file (.doc unreadable: {e})", "open") from e
    with ole:
        streams = {"/".join(p).lower() for p in ole.listdir(streams=True, storages=True)}
        if "encryptedpackage" in streams or "encryptioninfo" in streams:
            raise _refuse("password-protected (encrypted) Office document: remove the password "
                          "and save it again (an encrypted DOCX is stored as an OLE file)")
        if "worddocument" in streams:
            if _word_encrypted(ole):
                raise _refuse("password-protected (encrypted) Word 97-2003 .doc: remove the "
                              "password and save it again")
            return "doc"
    for stream, what in OLE_OTHER_KINDS.items():
        if stream in streams:
            raise _refuse(what)
    raise _refuse("an OLE compound file without a WordDocument stream: not a Word document")


def _strip_bom(head: bytes) -> bytes:
    for bom in BOMS:
        if head.startswith(bom):
            return head[len(bom):]
    return head


def _detect_html(data: bytes) -> str:
    if not HTML_TABLE.search(data):
        raise _refuse("an HTML page with no table in it (an error or redirect page?), "
                      "not a roadmap document")
    return "html"


def looks_like_html(data: bytes) -> bool:
    return bool(HTML_START.match(_strip_bom(data[:4096]).lstrip()))


def detect(data: bytes) -> str:
    """The format of a whole file's bytes (one of ``FORMATS``); ``ExtractionError`` otherwise."""
    if not data:
        raise _refuse("file is empty (0 bytes)")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return _detect_zip(data)
    if head.startswith(OLE_MAGIC):
        return _detect_ole(data)
    text = _strip_bom(head).lstrip()
    if text.startswith(b"{\\rtf"):
        return "rtf"
    if looks_like_html(data):
        return _detect_html(data)
    raise _refuse("unknown file type: not PDF, DOCX, DOC, RTF, ODT or HTML")


def needs_whole_file(head: bytes) -> bool:
    """Whether ``detect`` needs more than the first kilobyte (archives, OLE files, HTML)."""
    return (b"%PDF-" not in head[:1024]
            and (head.startswith(ZIP_MAGIC) or head.startswith(OLE_MAGIC) or looks_like_html(head)))


def detect_file(path: str) -> str:
    """``detect`` on a file, reading all of it only when the format needs it."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
            data = head + fh.read() if needs_whole_file(head) else head
    except OSError as e:
        raise ExtractionError(f"cannot read file: {e.strerror}", "open", path) from e
    try:
        return detect(data)
    except ExtractionError as e:
        e.path = path
        raise
