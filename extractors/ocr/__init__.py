"""OCR of image-only PDF pages into a ``PageLayout`` (words with confidence + ruling lines).

Steps for one page (all pure NumPy/OpenCV on the rendered image, Tesseract for text):

1. render the page in grey with pypdfium2 at ``RENDER_DPI`` (scans are usually
   150–300 ppi; 150 dpi keeps Tesseract within the time budget, see
   ``benchmarks/bench_scan.py``);
2. a page with (almost) no ink is flagged ``ocr: blank page`` and returns no words;
3. image preparation (``extractors.image_prep.prepare``): coloured stamps and
   signatures removed (the page is rendered in colour for this), uneven
   illumination divided out, dark page edges cleared, isolated specks removed;
   each step that changed something is noted in the page flags;
4. orientation: a page whose ink profiles say the text runs down the page is
   turned first (Tesseract OSD, ``osd.traineddata``; when OSD gives up, a quick
   read of a band of the page each way, ``best_turn``); after the first pass, a
   page with poor mean confidence is checked the same way for 180°, and a page
   whose profiles cannot tell the lines' direction (``profiles_undecided``: a few
   short lines under dense specks, read as confident junk) is asked of OSD; a
   turned page is kept only when it reads more confidently, and is flagged
   ``ocr: page rotated N° (corrected)``;
5. deskew: the angle whose horizontal projection profile of the ink is the
   sharpest (ruling lines and text lines both give peaks), searched coarse then
   fine within ``MAX_SKEW`` degrees; the image is rotated back about its centre,
   keeping its size, so pixel -> point scaling stays linear;
6. ruling lines: ridges (thin dark lines with paper on both sides, however
   faint) opened with long horizontal / vertical kernels, gaps bridged where the
   page still shows a line (``image_prep.rule_masks``); short vertical pieces
   touching no horizontal rule (stacked letter stems) are dropped; each
   connected piece becomes a ``Segment``;
7. on a grainy page the text image is smoothed (3x3 median, non-local means on heavy grain, ``denoise``),
   the lines are erased (they confuse Tesseract's layout analysis), stray dots off the text
   lines are removed (toner specks that would turn "о" into "б", ``dots``) and the page
   is OCR'd in Russian (``rus``, LSTM) with word boxes and confidences, and
   doubtful short tokens are read again (``recheck_words``); the cells of an item-number
   column of a ruled table are read once more one by one as numbers (``numbers``); then speck
   clouds read as short unsure tokens are dropped (``junk``; kept in ``PageLayout.dropped``, so the
   rows that lost them are flagged). Tesseract runs through
   its C API (``engine``: tesserocr, one engine per thread and language, Sauvola
   thresholding), or through the ``tesseract`` command when tesserocr is missing.

All coordinates are PDF points of the original page, top-left origin, in the
deskewed frame, so ``extractors.ruled`` and ``extractors.borderless`` run on the
OCR layout unchanged. Word text gets the word-local repairs of
``normalizers.ocr_fixes`` (Latin look-alikes, never anything that needs context).

The steps live in ``settings``, ``image``, ``rules``, ``engine``, ``words`` and ``orientation``; this module
runs them for a page (``ocr_page_layout``) and for several pages (``ocr_page_layouts``).
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Optional

import numpy as np

from extractors import image_prep, limits
from extractors.grid import ExtractionError, PageLayout, Segment, Word
from extractors.ocr.settings import LOW_CONFIDENCE, MIN_SEGMENTS_FOR_TABLE, OSD_BELOW, RENDER_DPI, WORKERS
from extractors.ocr.image import _rotate, binarise, estimate_skew, not_worth_reading, render_page
from extractors.ocr.rules import _count_lines, erase_lines, scan_segments
from extractors.ocr.words import _tesseract_env, mean_confidence, ocr_words
from extractors.ocr.cells import reread_doubtful_cells
from extractors.ocr.numbers import reread_number_column, split_number_heads
from extractors.ocr.date_cells import reread_date_cells, reread_years
from extractors.ocr.junk import drop_junk_words
from extractors.ocr.dots import remove_stray_dots
from extractors.ocr.denoise import text_image
from extractors.ocr.orientation import _turn, best_turn, osd_turn, reads_as_junk
from extractors.ocr.rules import find_segments  # noqa: F401  (public)
from extractors.ocr.settings import TESS_LANG  # noqa: F401  (public)

log = logging.getLogger(__name__)


def _analyse(grey: np.ndarray, dpi: int, width_pt: float, prepared: bool = False,
             dropped: Optional[list[Word]] = None) -> tuple[list[Word], list[Segment], float]:
    """Deskew, find lines, OCR, read item numbers again; returns words, segments and the skew
    angle found (the junk tokens dropped are appended to ``dropped``)."""
    ink = binarise(grey)
    angle = estimate_skew(ink)
    if abs(angle) > 0.05:
        grey = _rotate(grey, angle, 255)
        ink = binarise(grey)
    k = width_pt / grey.shape[1]
    segs, line_mask = scan_segments(grey, ink, dpi, k, prepared)
    text_grey, _how = text_image(grey)
    clean, _dots = remove_stray_dots(erase_lines(text_grey, line_mask), dpi)
    walls = [(sg.x0 / k, sg.top / k, sg.bottom / k) for sg in segs if not sg.horizontal]
    words = ocr_words(clean, k, dpi, walls=walls)
    words = split_number_heads(reread_doubtful_cells(clean, words, segs, k, width_pt, grey.shape[0] * k), segs)
    number_cells: list[Word] = []       # item numbers read as no number: kept as read
    words, _doubtful = reread_number_column(clean, words, segs, k, dpi, number_cells)
    words = reread_years(clean, reread_date_cells(clean, words, segs, k, dpi), k)
    words, junk = drop_junk_words(words, {id(w) for w in number_cells})
    if dropped is not None:
        dropped.extend(junk)
    return words, segs, angle


def page_flags(words: list[Word], segs: list[Segment]) -> list[str]:
    """Quality flags of an OCR'd page that has ink."""
    flags = []
    conf = mean_confidence(words)
    if not words:
        flags.append("ocr: no text recognised")
    elif conf < LOW_CONFIDENCE:
        flags.append(f"ocr: low confidence {conf:.2f}")
    h, v = _count_lines(segs, 20.0)
    if h < MIN_SEGMENTS_FOR_TABLE or v < MIN_SEGMENTS_FOR_TABLE:
        flags.append("ocr: no ruled table found (no grid of ruling lines)")
    return flags


def ocr_page_layout(path: str, page_no: int, dpi: int = RENDER_DPI) -> PageLayout:
    """Render page ``page_no`` (1-based) of ``path``, OCR it in Russian, find ruling lines."""
    page = render_page(path, page_no, dpi)
    layout = PageLayout(page_no=page_no, width=page.width_pt, height=page.height_pt, source="ocr")
    unread = not_worth_reading(page.grey, dpi)
    if unread == "blank":
        layout.flags.append("ocr: blank page")
        return layout
    if unread == "noise":
        layout.flags.append("ocr: page not read: covered evenly by grain (noise), no print to recognise")
        return layout
    grey, notes = image_prep.prepare(page.rgb if page.rgb is not None else page.grey, dpi)
    layout.flags.extend(notes)
    words: list[Word] = []
    segs: list[Segment] = []
    turn: Optional[int] = 0
    ink = binarise(grey)
    on_side = image_prep.looks_turned_90(ink)
    if on_side:
        # text lines seem to run down the page: settle the orientation before the full
        # OCR pass (OSD, or when it gives up, a probe read each way; the profile can be
        # fooled by short lines, so upright and upside down are candidates too)
        turn = osd_turn(grey)
        if turn is None:
            turn, _ = best_turn(grey, (0, 90, 270, 180))
    dropped: list[Word] = []
    if turn == 0:
        words, segs, _angle = _analyse(grey, dpi, page.width_pt, bool(notes), dropped)
        low = mean_confidence(words) < OSD_BELOW
        if low or image_prep.profiles_undecided(ink) or reads_as_junk(words):
            # a poor reading, profiles that cannot tell the lines' direction, or a reading of
            # short tokens only (a few lines turned under dense specks, which a scan reads as
            # confident junk): ask OSD
            turn = osd_turn(grey) or 0
            if not turn and low:
                # OSD unsure, or sure against the ink profiles (a dithered one-bit copy lying on its
                # side, which OSD calls upright): compare probe reads the other ways with the first
                # pass. A probe on its side that agrees with the profiles need only be surer (the
                # full reading below keeps the turn only when it is surer than the first); upside
                # down, with no other witness, it must be clearly surer.
                t, conf = best_turn(grey, (180, 90, 270) if on_side else (180,))
                margin = 0.0 if on_side and t != 180 else 0.15
                turn = t if conf > mean_confidence(words) + margin else 0
    if turn:
        turned = _turn(grey, turn)
        width_pt = page.width_pt if turn == 180 else page.height_pt
        dropped2: list[Word] = []
        words2, segs2, _ = _analyse(turned, dpi, width_pt, bool(notes), dropped2)
        if mean_confidence(words2) > mean_confidence(words):
            words, segs, dropped = words2, segs2, dropped2
            if turn != 180:
                layout.width, layout.height = layout.height, layout.width
            layout.flags.append(f"ocr: page rotated {turn}° (corrected)")
        elif not words:          # OSD was wrong about a turn: read the page as it is
            dropped = []
            words, segs, _angle = _analyse(grey, dpi, page.width_pt, bool(notes), dropped)
    layout.words, layout.segments, layout.dropped = words, segs, dropped
    layout.flags.extend(page_flags(words, segs))
    return layout


def ocr_page_layouts(path: str, page_nos: list[int], dpi: int = RENDER_DPI,
                     workers: int = WORKERS) -> list[PageLayout]:
    """OCR several pages of one PDF, ``workers`` pages at a time.

    Threads suffice: the work is in Tesseract (tesserocr releases the GIL while it
    recognises; each thread keeps its own engine; or the ``tesseract`` processes, one
    thread each, ``OMP_THREAD_LIMIT=1``) and in OpenCV, which releases the GIL too; no
    process pool, so this also runs inside daemonic workers (Prefect, Dask).
    """
    _tesseract_env()
    if workers <= 1 or len(page_nos) <= 1:
        return [ocr_page_within_budget(path, p, dpi) for p in page_nos]
    with ThreadPoolExecutor(max_workers=min(workers, len(page_nos))) as pool:
        return list(pool.map(lambda p: ocr_page_within_budget(path, p, dpi), page_nos))


def ocr_page_within_budget(path: str, page_no: int, dpi: int = RENDER_DPI) -> PageLayout:
    """``ocr_page_layout`` within the page's time and pixel budgets (``extractors.limits``).

    A page over a budget is not OCR'd: it comes back without words, flagged with
    the limit it hit, and the other pages go on.
    """
    try:
        with limits.ocr_page_budget(page_no, path):
            return ocr_page_layout(path, page_no, dpi)
    except ExtractionError as e:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(path)
        try:
            width_pt, height_pt = pdf.get_page_size(page_no - 1)
        finally:
            pdf.close()
        layout = PageLayout(page_no=page_no, width=float(width_pt), height=float(height_pt), source="ocr")
        layout.flags.append(f"{limits.REFUSED_PAGE}: {e.args[0]}")
        log.warning("%s: page %d not OCR'd: %s", path, page_no, e.args[0])
        return layout
