"""OCR of image-only PDF pages into a ``PageLayout`` (words with confidence + ruling lines).

Steps for one page (all pure NumPy/OpenCV on the rendered image, Tesseract for text):

1. render the page in grey with pypdfium2 at ``RENDER_DPI`` (scans are usually
   150–300 ppi; 150 dpi keeps Tesseract within the time budget, see
   ``benchmarks/bench_scan.py``);
2. a page with (almost) no ink is flagged ``ocr: blank page`` and returns no words;
3. deskew: the angle whose horizontal projection profile of the ink is the
   sharpest (ruling lines and text lines both give peaks), searched coarse then
   fine within ``MAX_SKEW`` degrees; the image is rotated back about its centre,
   keeping its size, so pixel -> point scaling stays linear;
4. ruling lines: morphological opening of the binarised image with long
   horizontal / vertical kernels; each connected piece becomes a ``Segment``;
5. the lines are erased (they confuse Tesseract's layout analysis) and the page
   is OCR'd in Russian (``rus``, LSTM) with word boxes and confidences;
6. upside-down pages: when the mean word confidence is poor, Tesseract's OSD
   (``osd.traineddata``, Debian ``tesseract-ocr-osd``) is asked for the
   orientation; a page turned by 90/180/270 degrees is rotated and OCR'd again,
   and flagged ``ocr: page rotated N° (corrected)``.

All coordinates are PDF points of the original page, top-left origin, in the
deskewed frame, so ``extractors.ruled`` and ``extractors.borderless`` run on the
OCR layout unchanged. Word text gets the word-local repairs of
``normalizers.ocr_fixes`` (Latin look-alikes, never anything that needs context).
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Iterable, Optional

import cv2
import numpy as np

from extractors.grid import PageLayout, Segment, Word
from normalizers.ocr_fixes import fix_latin_lookalikes

RENDER_DPI = 200
TESS_LANG = "rus"
TESS_CONFIG = "--oem 1 --psm 6"
MAX_SKEW = 5.0               # degrees searched either side of level
INK_BLANK_SHARE = 0.0015     # a page with less ink than this share of its pixels is blank
H_LINE_MIN_INCH = 0.5        # a horizontal ruling line is at least this long (bold text runs are shorter) ...
V_LINE_MIN_INCH = 0.25       # ... a vertical one this long (taller than capitals and brackets) ...
LINE_MAX_THICK_INCH = 0.06   # ... and at most this thick
LOW_CONFIDENCE = 0.6         # mean word confidence below this flags the page
OSD_BELOW = 0.5              # below this mean confidence, check the page orientation
NOISE_CONFIDENCE = 0.45      # a token without letters or digits below this is a speck
MIN_SEGMENTS_FOR_TABLE = 3   # horizontal and vertical lines needed for a ruled table
WORKERS = 2
ERASE_PAD = 3                # pixels: line mask widened by this before erasing
PAPER_LEVEL = 200            # grey values at or above this are paper (ghosts of erased lines)


@dataclass
class _PageImage:
    """The grey page image and the factor from its pixels to PDF points."""

    grey: np.ndarray
    width_pt: float
    height_pt: float

    @property
    def pt_per_px(self) -> float:
        return self.width_pt / self.grey.shape[1]


# ---------------------------------------------------------------- rendering


def render_page(path: str, page_no: int, dpi: int = RENDER_DPI) -> _PageImage:
    """The page as a grey uint8 array, with the page size in points."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[page_no - 1]
        width_pt, height_pt = page.get_size()
        bitmap = page.render(scale=dpi / 72.0, grayscale=True)
        grey = np.array(bitmap.to_pil().convert("L"))
        page.close()
    finally:
        pdf.close()
    if (grey.shape[1] > grey.shape[0]) != (width_pt > height_pt):
        width_pt, height_pt = height_pt, width_pt   # /Rotate: the rendered frame is the page
    return _PageImage(grey, float(width_pt), float(height_pt))


def binarise(grey: np.ndarray) -> np.ndarray:
    """Ink = 255, paper = 0 (Otsu on a lightly blurred image)."""
    blur = cv2.GaussianBlur(grey, (3, 3), 0)
    _, ink = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink


def is_blank(grey: np.ndarray) -> bool:
    """Almost no dark pixels (paper grain and specks only)."""
    if int(grey.max()) - int(grey.min()) < 40:
        return True
    dark = np.count_nonzero(grey < 128)
    if dark < INK_BLANK_SHARE * grey.size:
        return True
    ink = binarise(grey)
    opened = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    return np.count_nonzero(opened) < INK_BLANK_SHARE * grey.size


# ---------------------------------------------------------------- deskew


def _rotate(img: np.ndarray, angle: float, fill: int) -> np.ndarray:
    """Rotate about the centre by ``angle`` degrees (counter-clockwise), same size."""
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), angle, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=fill)


def _profile_sharpness(ink: np.ndarray, angle: float) -> float:
    rows = _rotate(ink, angle, 0).sum(axis=1, dtype=np.float64)
    return float(np.square(np.diff(rows)).sum())


def estimate_skew(ink: np.ndarray, max_angle: float = MAX_SKEW) -> float:
    """Angle (degrees, counter-clockwise) that levels the text and ruling lines."""
    scale = min(1.0, 800.0 / max(ink.shape))
    small = cv2.resize(ink, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    best, step = 0.0, 0.5
    candidates = np.arange(-max_angle, max_angle + 1e-9, step)
    for _ in range(3):
        scores = [(_profile_sharpness(small, a), a) for a in candidates]
        best = max(scores)[1]
        step /= 5
        candidates = np.arange(best - 5 * step, best + 5 * step + 1e-9, step)
    return float(best)


# ---------------------------------------------------------------- ruling lines


def _line_masks(ink: np.ndarray, dpi: int) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical ruling-line masks (morphological opening with long kernels)."""
    h_len = max(15, int(H_LINE_MIN_INCH * dpi))
    v_len = max(10, int(V_LINE_MIN_INCH * dpi))
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    # bridge one- or two-pixel breaks along a line (noise, faint toner)
    horiz = cv2.morphologyEx(horiz, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 1)))
    vert = cv2.morphologyEx(vert, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 5)))
    return horiz, vert


def _segments_of(mask: np.ndarray, horizontal: bool, max_thick: int, k: float) -> list[Segment]:
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    segs = []
    for x, y, w, h, _area in stats[1:n]:
        if horizontal and h <= max_thick:
            yc = (y + h / 2.0) * k
            segs.append(Segment(x * k, yc, (x + w) * k, yc))
        elif not horizontal and w <= max_thick:
            xc = (x + w / 2.0) * k
            segs.append(Segment(xc, y * k, xc, (y + h) * k))
    return segs


def find_segments(ink: np.ndarray, dpi: int, pt_per_px: float) -> tuple[list[Segment], np.ndarray]:
    """Ruling segments in points, and the mask of line pixels (to erase before OCR)."""
    horiz, vert = _line_masks(ink, dpi)
    max_thick = max(3, int(LINE_MAX_THICK_INCH * dpi))
    segs = (_segments_of(horiz, True, max_thick, pt_per_px)
            + _segments_of(vert, False, max_thick, pt_per_px))
    return segs, cv2.bitwise_or(horiz, vert)


def erase_lines(grey: np.ndarray, line_mask: np.ndarray) -> np.ndarray:
    """The grey image with ruling-line pixels (slightly widened) painted white."""
    wide = cv2.dilate(line_mask, np.ones((ERASE_PAD, ERASE_PAD), np.uint8))
    out = grey.copy()
    out[wide > 0] = 255
    out[out >= PAPER_LEVEL] = 255
    return out


# ---------------------------------------------------------------- OCR


def _tesseract_env() -> None:
    # one thread per Tesseract process: pages run in parallel instead (measured faster)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def _is_noise(text: str, conf: float) -> bool:
    if not text.strip():
        return True
    if any(ch.isalnum() for ch in text):
        return False
    return conf < NOISE_CONFIDENCE or set(text) <= set("|!'`\"_~.,:;")


def ocr_words(grey: np.ndarray, pt_per_px: float, lang: str = TESS_LANG) -> list[Word]:
    """Tesseract words (LSTM, Russian) with boxes in points and confidence in [0, 1]."""
    import pytesseract

    _tesseract_env()
    data = pytesseract.image_to_data(grey, lang=lang, config=TESS_CONFIG,
                                     output_type=pytesseract.Output.DICT)
    words = []
    for text, conf, x, y, w, h in zip(data["text"], data["conf"], data["left"], data["top"],
                                      data["width"], data["height"]):
        c = float(conf)
        if c < 0:
            continue
        c = max(0.0, min(1.0, c / 100.0))
        if _is_noise(text, c):
            continue
        words.append(Word(text=fix_latin_lookalikes(text.strip()), x0=x * pt_per_px,
                          top=y * pt_per_px, x1=(x + w) * pt_per_px,
                          bottom=(y + h) * pt_per_px, confidence=c))
    return words


def mean_confidence(words: Iterable[Word]) -> float:
    """Character-weighted mean confidence (long words weigh more than specks)."""
    ws = [(len(w.text), w.confidence) for w in words]
    total = sum(n for n, _ in ws)
    return sum(n * c for n, c in ws) / total if total else 0.0


def detect_rotation(grey: np.ndarray) -> int:
    """Clockwise degrees (0/90/180/270) Tesseract OSD says the page is turned; 0 if unsure."""
    import pytesseract

    _tesseract_env()
    try:
        osd = pytesseract.image_to_osd(grey, config="--psm 0",
                                       output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:   # too few characters, or no osd.traineddata
        return 0
    if float(osd.get("orientation_conf", 0)) < 1.0:
        return 0
    return int(osd.get("rotate", 0)) % 360


def _turn(img: np.ndarray, degrees: int) -> np.ndarray:
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(img, codes[degrees]) if degrees in codes else img


# ---------------------------------------------------------------- the page


def _analyse(grey: np.ndarray, dpi: int, width_pt: float) -> tuple[list[Word], list[Segment], float]:
    """Deskew, find lines, OCR; returns words, segments and the skew angle found."""
    ink = binarise(grey)
    angle = estimate_skew(ink)
    if abs(angle) > 0.05:
        grey = _rotate(grey, angle, 255)
        ink = binarise(grey)
    k = width_pt / grey.shape[1]
    segs, line_mask = find_segments(ink, dpi, k)
    words = ocr_words(erase_lines(grey, line_mask), k)
    return words, segs, angle


def _count_lines(segs: list[Segment], min_len: float) -> tuple[int, int]:
    h = sum(1 for s in segs if s.horizontal and s.x1 - s.x0 >= min_len)
    v = sum(1 for s in segs if not s.horizontal and s.bottom - s.top >= min_len)
    return h, v


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
    if is_blank(page.grey):
        layout.flags.append("ocr: blank page")
        return layout
    grey = page.grey
    words, segs, _angle = _analyse(grey, dpi, page.width_pt)
    if mean_confidence(words) < OSD_BELOW:
        turn = detect_rotation(grey)
        if turn:
            turned = _turn(grey, turn)
            width_pt = page.width_pt if turn == 180 else page.height_pt
            words2, segs2, _ = _analyse(turned, dpi, width_pt)
            if mean_confidence(words2) > mean_confidence(words):
                words, segs = words2, segs2
                if turn != 180:
                    layout.width, layout.height = layout.height, layout.width
                layout.flags.append(f"ocr: page rotated {turn}° (corrected)")
    layout.words, layout.segments = words, segs
    layout.flags.extend(page_flags(words, segs))
    return layout


def _ocr_one(args: tuple[str, int, int]) -> PageLayout:
    return ocr_page_layout(*args)


def ocr_page_layouts(path: str, page_nos: list[int], dpi: int = RENDER_DPI,
                     workers: int = WORKERS) -> list[PageLayout]:
    """OCR several pages of one PDF, ``workers`` pages at a time (one Tesseract thread each)."""
    jobs = [(path, p, dpi) for p in page_nos]
    if workers <= 1 or len(jobs) <= 1:
        return [_ocr_one(j) for j in jobs]
    _tesseract_env()
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        return list(pool.map(_ocr_one, jobs))
