"""Budgets every document must fit before (and while) it is parsed.

A hostile or broken file must be refused quickly, by name, with the limit it hit
and the environment variable that raises it; it must never hang a run or eat the
machine's memory. The checks here run before the expensive work:

* ``read_regular_file`` / ``check_regular_file`` — only regular files are opened
  (``fstat`` on a non-blocking descriptor: FIFOs, devices, sockets and directories
  are refused by name, never read), and files over the size cap are not read;
* ``check_docx_zip`` — a DOCX's zip directory: member count, declared uncompressed
  sizes and compression ratios (zip bombs) and DTDs in its XML parts (XXE, billion
  laughs) are checked before anything is inflated;
* ``check_pdf`` — pdfium opens the file (fast, C, no pdfminer fallback scan of a
  damaged file): page count and every page's area are checked before any page is
  parsed or rendered;
* ``render_scale`` — the pixel cap of one rendered page (OCR);
* ``ocr_page_budget`` / ``tesseract_timeout`` — the time budget of one OCR'd page;
* ``clamp_span`` — a DOCX ``gridSpan``/``gridBefore`` clamped to the table grid.

The per-document time budget (a worker process that is killed) lives in
``pipeline.isolation``; its settings are read here so that all budgets are one
``Limits`` object, handed to the worker process as a whole.

Environment variables (defaults in brackets)::

    ROADMAPS_MAX_BYTES           file size in bytes                        [104857600 = 100 MB]
    ROADMAPS_MAX_PAGES           pages of a PDF                            [500]
    ROADMAPS_MAX_PAGE_AREA       area of one PDF page in m² (A0 = 1 m²)    [2]
    ROADMAPS_MAX_PIXELS          pixels of one page rendered for OCR       [50000000]
    ROADMAPS_MAX_UNZIPPED_BYTES  declared uncompressed size of a DOCX      [268435456 = 256 MB]
    ROADMAPS_MAX_ZIP_RATIO       compression ratio of one DOCX member      [200]
    ROADMAPS_MAX_ZIP_MEMBERS     members in a DOCX zip                     [5000]
    ROADMAPS_MAX_TABLE_COLS      columns of a DOCX table without a grid    [200]
    ROADMAPS_OCR_PAGE_TIMEOUT    seconds of OCR per page                   [30]
    ROADMAPS_DOC_TIMEOUT         seconds of extraction per document        [600]
    ROADMAPS_MAX_MEMORY_MB       address space of the extraction worker    [4096]
    ROADMAPS_ISOLATE             0 = extract in this process (no worker)   [1]

0 switches a time or memory budget off.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
import time
import zipfile
from dataclasses import dataclass, fields
from typing import Iterator, Optional

import roadmaps_settings
from extractors.grid import ExtractionError

MB = 1024 * 1024
SQ_M_PER_SQ_PT = (0.0254 / 72.0) ** 2     # one square point in square metres
MIN_RENDER_DPI = 50                      # below this a page cannot be OCR'd: refuse it
RATIO_MIN_BYTES = 1 * MB                 # the ratio cap applies to members larger than this
DTD_SCAN_BYTES = 64 * 1024               # head of each XML part searched for <!DOCTYPE / <!ENTITY
REFUSED_PAGE = "ocr refused"             # flag prefix of a page not OCR'd because of a budget
BLANK_PAGE = "blank page (no text, no ink): not OCR'd"

# budget -> unit for messages; the setting of the same name (``roadmaps_settings``) holds its
# environment variable and its default
UNITS = {
    "max_bytes": "bytes", "max_pages": "pages", "max_page_area": "m²", "max_pixels": "pixels",
    "max_unzipped_bytes": "bytes", "max_zip_ratio": "", "max_zip_members": "members",
    "max_table_cols": "columns", "ocr_page_timeout": "s", "doc_timeout": "s", "max_memory_mb": "MB",
    "isolate": "",
}
# budget -> (environment variable, unit)
ENV = {f: (roadmaps_settings.env_name(f), unit) for f, unit in UNITS.items()}
_D = roadmaps_settings.default


@dataclass(frozen=True)
class Limits:
    """Every budget of one document (see the module docstring for the variables)."""

    max_bytes: int = _D("max_bytes")
    max_pages: int = _D("max_pages")
    max_page_area: float = _D("max_page_area")
    max_pixels: int = _D("max_pixels")
    max_unzipped_bytes: int = _D("max_unzipped_bytes")
    max_zip_ratio: float = _D("max_zip_ratio")
    max_zip_members: int = _D("max_zip_members")
    max_table_cols: int = _D("max_table_cols")
    ocr_page_timeout: float = _D("ocr_page_timeout")
    doc_timeout: float = _D("doc_timeout")
    max_memory_mb: int = _D("max_memory_mb")
    isolate: bool = _D("isolate")

    @classmethod
    def from_env(cls, environ: Optional[dict] = None) -> "Limits":
        """Defaults overridden by ``ROADMAPS_*`` settings (``roadmaps_settings``; a bad value is
        a ``ValueError`` naming the variable). ``environ`` replaces the environment and .env."""
        s = roadmaps_settings.load(environ, need=[f.name for f in fields(cls)])
        return cls(**{f.name: getattr(s, f.name) for f in fields(cls)})


_installed: Optional[Limits] = None


def install(limits: Optional[Limits]) -> None:
    """Use these limits in this process instead of the environment (the worker process)."""
    global _installed
    _installed = limits


def current() -> Limits:
    """The limits in force: installed ones, else read from the environment now.

    A malformed variable refuses the document with stage ``config`` (never a traceback).
    """
    if _installed is not None:
        return _installed
    try:
        return Limits.from_env()
    except ValueError as e:
        raise ExtractionError(f"bad budget setting: {e}", "config") from e


def over_cap(what: str, actual: str, field_name: str, cap, stage: str,
             path: Optional[str]) -> ExtractionError:
    """The refusal for a cap: what hit which limit, and the variable that raises it."""
    env, unit = ENV[field_name]
    unit = f" {unit}" if unit else ""
    return ExtractionError(f"{what} ({actual}) is over the cap of {_fmt(cap)}{unit}; "
                           f"raise {env} to allow it", stage, path)


def _fmt(x) -> str:
    return f"{x:g}" if isinstance(x, float) else str(x)


# ---------------------------------------------------------------- regular files only

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"),
          (stat.S_ISSOCK, "a socket"))


def _kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def _open_regular(path: str, limits: Limits) -> tuple[int, int]:
    """A descriptor on ``path`` (never blocks) and its size; ExtractionError unless regular."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise ExtractionError(f"cannot read file: {e.strerror or e}", "open", path) from e
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ExtractionError(f"{_kind(st.st_mode)}, not a regular file: refused", "open", path)
        if st.st_size > limits.max_bytes:
            raise over_cap("file size", f"{st.st_size} bytes", "max_bytes", limits.max_bytes,
                           "open", path)
        return fd, st.st_size
    except BaseException:
        os.close(fd)
        raise


def check_regular_file(path: str, limits: Optional[Limits] = None) -> int:
    """The size of ``path`` if it is a regular file within the size cap; ExtractionError otherwise."""
    fd, size = _open_regular(str(path), limits or current())
    os.close(fd)
    return size


def read_regular_file(path: str, limits: Optional[Limits] = None) -> bytes:
    """All bytes of a regular file within the size cap (FIFOs etc. refused without reading)."""
    limits = limits or current()
    fd, _size = _open_regular(str(path), limits)
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:   # the file grew after fstat
        raise over_cap("file size", f"more than {limits.max_bytes} bytes", "max_bytes",
                       limits.max_bytes, "open", str(path))
    return data


# ---------------------------------------------------------------- DOCX: the zip before inflating


def check_docx_zip(z: zipfile.ZipFile, path: str, limits: Optional[Limits] = None) -> None:
    """Refuse zip bombs (declared sizes, ratios), encrypted members and DTDs in XML parts."""
    limits = limits or current()
    infos = z.infolist()
    if len(infos) > limits.max_zip_members:
        raise over_cap("DOCX zip members", str(len(infos)), "max_zip_members",
                       limits.max_zip_members, "open", path)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ExtractionError(f"DOCX member {info.filename!r} is encrypted", "open", path)
        total += info.file_size
        if total > limits.max_unzipped_bytes:
            raise over_cap("DOCX uncompressed size", f"over {total} bytes declared, at member "
                           f"{info.filename!r}", "max_unzipped_bytes", limits.max_unzipped_bytes,
                           "open", path)
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > RATIO_MIN_BYTES and ratio > limits.max_zip_ratio:
            raise over_cap(f"compression ratio of DOCX member {info.filename!r} (a zip bomb?)",
                           f"{ratio:.0f}:1", "max_zip_ratio", limits.max_zip_ratio, "open", path)
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            _check_no_dtd(z, info, path)


def _check_no_dtd(z: zipfile.ZipFile, info: zipfile.ZipInfo, path: str) -> None:
    """OOXML never uses a DTD; one in a part is an entity attack (XXE, billion laughs)."""
    try:
        with z.open(info) as fh:
            head = fh.read(DTD_SCAN_BYTES)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as e:
        raise ExtractionError(f"truncated or damaged DOCX (member {info.filename!r}: {e})",
                              "open", path) from e
    except Exception as e:  # zlib.error on a corrupt deflate stream
        raise ExtractionError(f"truncated or damaged DOCX (member {info.filename!r}: "
                              f"{type(e).__name__}: {e})", "open", path) from e
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise ExtractionError(f"DOCX part {info.filename!r} declares a DTD (<!DOCTYPE>/<!ENTITY>): "
                              "entity definitions are not allowed in DOCX and are refused", "open", path)


def clamp_span(value: int, col: int, grid_cols: int, limits: Optional[Limits] = None) -> int:
    """A ``gridSpan`` (or ``gridBefore``) kept within the table grid (at least 1 for spans).

    With a grid, a span never reaches past its last column; without one (no
    ``w:tblGrid``) past ``ROADMAPS_MAX_TABLE_COLS``.
    """
    width = grid_cols if grid_cols > 0 else (limits or current()).max_table_cols
    return max(0, min(value, max(1, width - col)))


# ---------------------------------------------------------------- PDF: pages before parsing


def check_pdf(path: str, limits: Optional[Limits] = None) -> int:
    """Page count and page areas of a PDF within the caps; returns the page count.

    pdfium refuses a damaged file in milliseconds where pdfminer's fallback
    search for objects can run for minutes; an encrypted file is refused here too.
    """
    import pypdfium2 as pdfium

    limits = limits or current()
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise ExtractionError("PDF is encrypted and cannot be opened without a password",
                                  "open", path) from e
        raise ExtractionError(f"not a readable PDF, damaged or truncated ({e})", "open", path) from e
    try:
        n = len(pdf)
        if n == 0:
            raise ExtractionError("PDF has no pages (truncated or damaged file)", "read", path)
        if n > limits.max_pages:
            raise over_cap("PDF page count", str(n), "max_pages", limits.max_pages, "read", path)
        for i in range(n):
            _check_page_area(pdf, i, path, limits)
        return n
    finally:
        pdf.close()


def _check_page_area(pdf, index: int, path: str, limits: Limits) -> None:
    import pypdfium2 as pdfium

    try:
        w, h = pdf.get_page_size(index)
    except pdfium.PdfiumError as e:
        raise ExtractionError(f"page {index + 1} cannot be read: the page tree is damaged ({e})",
                              "read", path) from e
    area = abs(w * h) * SQ_M_PER_SQ_PT
    if area > limits.max_page_area:
        raise over_cap(f"area of page {index + 1}", f"{area:.3g} m², {w:g}×{h:g} pt",
                       "max_page_area", limits.max_page_area, "read", path)


def render_scale(width_pt: float, height_pt: float, dpi: float, page_no: int,
                 path: Optional[str] = None, limits: Optional[Limits] = None) -> float:
    """Render scale (pixels per point) for ``dpi``, lowered to keep within the pixel cap.

    A page that would need fewer than ``MIN_RENDER_DPI`` to fit is refused.
    """
    limits = limits or current()
    scale = dpi / 72.0
    pixels = width_pt * height_pt * scale * scale
    if pixels <= limits.max_pixels:
        return scale
    fit = (limits.max_pixels / max(1e-9, width_pt * height_pt)) ** 0.5
    if fit * 72.0 < MIN_RENDER_DPI:
        raise over_cap(f"page {page_no} rendered at {dpi:g} dpi", f"{pixels:.3g} pixels",
                       "max_pixels", limits.max_pixels, "ocr", path)
    return fit


# ---------------------------------------------------------------- OCR time per page

_budget = threading.local()


@contextlib.contextmanager
def ocr_page_budget(page_no: int, path: Optional[str] = None,
                    limits: Optional[Limits] = None) -> Iterator[None]:
    """Time budget for OCR of one page (per thread): Tesseract calls get what is left.

    A Tesseract timeout (pytesseract's ``RuntimeError``) becomes an ExtractionError
    naming the page and ``ROADMAPS_OCR_PAGE_TIMEOUT``.
    """
    limits = limits or current()
    seconds = limits.ocr_page_timeout
    _budget.deadline = time.monotonic() + seconds if seconds > 0 else None
    try:
        yield
    except RuntimeError as e:
        if "timeout" not in str(e).lower():
            raise
        raise over_cap(f"OCR time of page {page_no}", "Tesseract stopped", "ocr_page_timeout",
                       seconds, "ocr", path) from e
    finally:
        _budget.deadline = None


def tesseract_timeout() -> float:
    """Seconds left for the next Tesseract call of this page (0 = no limit, pytesseract's way).

    Outside ``ocr_page_budget`` every call gets the whole page budget. When the
    page's budget is spent, raises the same ``RuntimeError`` pytesseract raises.
    """
    deadline = getattr(_budget, "deadline", None)
    if deadline is None:
        return max(0.0, current().ocr_page_timeout)
    left = deadline - time.monotonic()
    if left <= 0:
        raise RuntimeError("Tesseract process timeout (page budget spent)")
    return left


__all__ = [
    "ENV", "Limits", "install", "current", "over_cap", "check_regular_file", "read_regular_file",
    "check_docx_zip", "clamp_span", "check_pdf", "render_scale", "ocr_page_budget",
    "tesseract_timeout",
]
