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
   page with poor mean confidence is checked the same way for 180°; a turned
   page is flagged ``ocr: page rotated N° (corrected)``;
5. deskew: the angle whose horizontal projection profile of the ink is the
   sharpest (ruling lines and text lines both give peaks), searched coarse then
   fine within ``MAX_SKEW`` degrees; the image is rotated back about its centre,
   keeping its size, so pixel -> point scaling stays linear;
6. ruling lines: ridges (thin dark lines with paper on both sides, however
   faint) opened with long horizontal / vertical kernels, gaps bridged where the
   page still shows a line (``image_prep.rule_masks``); short vertical pieces
   touching no horizontal rule (stacked letter stems) are dropped; each
   connected piece becomes a ``Segment``;
7. the lines are erased (they confuse Tesseract's layout analysis) and the page
   is OCR'd in Russian (``rus``, LSTM) with word boxes and confidences, and
   doubtful short tokens are read again (``recheck_words``).

All coordinates are PDF points of the original page, top-left origin, in the
deskewed frame, so ``extractors.ruled`` and ``extractors.borderless`` run on the
OCR layout unchanged. Word text gets the word-local repairs of
``normalizers.ocr_fixes`` (Latin look-alikes, never anything that needs context).
"""

from __future__ import annotations

import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Iterable, Optional

import cv2
import numpy as np

from extractors import image_prep, limits
from extractors.grid import ExtractionError, PageLayout, Segment, Word
from normalizers.ocr_fixes import fix_latin_lookalikes

ROMAN_RE = re.compile(r"^[IVX]{1,4}[.,]?$")
DIGITS_RE = re.compile(r"^[\d.,;:()\-–]+$")
LATIN_WORD_RE = re.compile(r"^[(«\"]?[A-Za-z][A-Za-z\-]*[a-z][A-Za-z\-]*[)»\".,;:]*$")
CYR_WORD_RE = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё\-]+$")

RENDER_DPI = 200
TESS_LANG = "rus"
TESS_CONFIG = "--oem 1 --psm 6"
MAX_SKEW = 5.0               # degrees searched either side of level
INK_BLANK_SHARE = 0.0015     # a page with less ink than this share of its pixels is blank
H_LINE_MIN_INCH = 0.5        # a horizontal ruling line is at least this long (bold text runs are shorter) ...
V_LINE_MIN_INCH = 0.25       # ... a vertical one this long (taller than capitals and brackets) ...
TOLERANT_GAIN = 1.3          # clean page: the gap-tolerant rule search must find this many times the cells
V_FLOATING_MAX_INCH = 0.6    # a vertical line shorter than this must touch a horizontal one
SHORT_V_INCH = 0.08          # ... or this long when both its ends touch horizontal lines (low rows)
LINE_MAX_THICK_INCH = 0.06   # ... and at most this thick
LOW_CONFIDENCE = 0.6         # mean word confidence below this flags the page
OSD_BELOW = 0.5              # below this mean confidence, check the page orientation
NOISE_CONFIDENCE = 0.45      # a token without letters or digits below this is a speck
MIN_SEGMENTS_FOR_TABLE = 3   # horizontal and vertical lines needed for a ruled table
WORKERS = 2
RECHECK_BELOW = 0.6          # words below this confidence are read again, alone and enlarged ...
SHORT_RECHECK_BELOW = 0.9    # ... and short tokens (numbers, Roman numerals) below this
RECHECK_MARGIN = 0.1         # a Russian re-read must be this much surer than the first reading
LATIN_MIN_CONF = 0.6         # an English re-read (WorldSkills, IV, digits) must be this sure
RECHECK_CONFIG = "--oem 1 --psm 6"
MAX_RECHECK = 150            # more doubtful words than this: the page is bad, skip the second look
MISSED_MIN_CONF = 0.5        # text found where the first pass saw none must be this sure
EDGE_NOISE = "‘'`|"          # left-over ticks of an erased vertical line before a word
ERASE_PAD = 3                # pixels: line mask widened by this before erasing
PAPER_LEVEL = 200            # grey values at or above this are paper (ghosts of erased lines)


@dataclass
class _PageImage:
    """The grey page image and the factor from its pixels to PDF points."""

    grey: np.ndarray
    width_pt: float
    height_pt: float
    rgb: Optional[np.ndarray] = None     # the colour render (stamps and signatures are coloured)

    @property
    def pt_per_px(self) -> float:
        return self.width_pt / self.grey.shape[1]


# ---------------------------------------------------------------- rendering


# pdfium is not thread-safe, not even across documents: pages OCR'd in parallel threads
# render one at a time (rendering is a small part of a page's time)
_PDFIUM_LOCK = threading.Lock()


def render_page(path: str, page_no: int, dpi: int = RENDER_DPI) -> _PageImage:
    """The page as a grey uint8 array (and the colour render), with the page size in points."""
    with _PDFIUM_LOCK:
        return _render_page(path, page_no, dpi)


def _render_page(path: str, page_no: int, dpi: int) -> _PageImage:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[page_no - 1]
        width_pt, height_pt = page.get_size()
        scale = limits.render_scale(width_pt, height_pt, dpi, page_no, path)  # pixel cap
        bitmap = page.render(scale=scale)
        rgb = np.array(bitmap.to_pil().convert("RGB"))
        grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
        page.close()
    finally:
        pdf.close()
    if (grey.shape[1] > grey.shape[0]) != (width_pt > height_pt):
        width_pt, height_pt = height_pt, width_pt   # /Rotate: the rendered frame is the page
    return _PageImage(grey, float(width_pt), float(height_pt), rgb)


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


def _line_masks(ink: np.ndarray, dpi: int, grey: Optional[np.ndarray] = None) -> tuple[np.ndarray, np.ndarray]:
    """Horizontal and vertical ruling-line masks (morphological opening with long kernels).

    With ``grey`` (``ink`` is then ``image_prep.line_ink``): ridges, gaps along a
    rule bridged where the page shows a line (broken photocopied rules). Without:
    the classic opening of the binarised page, which clean scans keep.
    """
    if grey is not None:
        return image_prep.rule_masks(ink, dpi, H_LINE_MIN_INCH, V_LINE_MIN_INCH, grey)
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
            segs.append(Segment(float(x * k), float(yc), float((x + w) * k), float(yc)))
        elif not horizontal and w <= max_thick:
            xc = (x + w / 2.0) * k
            segs.append(Segment(float(xc), float(y * k), float(xc), float((y + h) * k)))
    return segs


def _short_cell_borders(ink: np.ndarray, horiz: np.ndarray, dpi: int) -> np.ndarray:
    """Short vertical lines that join two horizontal lines (column borders of a low row).

    Shorter than ``V_LINE_MIN_INCH`` a vertical run could be a letter's stroke;
    it is a ruling line only when both its ends touch a horizontal line.
    """
    short = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                             cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(6, int(SHORT_V_INCH * dpi)))))
    near_h = cv2.dilate(horiz, np.ones((7, 7), np.uint8))
    keep = np.zeros_like(short)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(short, connectivity=8)
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if w > max(3, int(LINE_MAX_THICK_INCH * dpi)):
            continue
        if near_h[y, x:x + w].any() and near_h[y + h - 1, x:x + w].any():
            keep[labels == i] = 255
    return keep


def find_segments(ink: np.ndarray, dpi: int, pt_per_px: float,
                  grey: Optional[np.ndarray] = None) -> tuple[list[Segment], np.ndarray]:
    """Ruling segments in points, and the mask of line pixels (to erase before OCR)."""
    horiz, vert = _line_masks(ink, dpi, grey)
    if grey is not None:      # scan path: letter stems of stacked text lines are no rules
        vert = image_prep.drop_floating_short(vert, horiz, dpi, V_FLOATING_MAX_INCH)
        # short borders of low rows: from the ink itself, against the rules at their own
        # width (the rule masks are widened by a pixel each side)
        thin_h = cv2.erode(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3)))
        vert = cv2.bitwise_or(vert, _short_cell_borders(binarise(grey), thin_h, dpi))
    else:
        vert = cv2.bitwise_or(vert, _short_cell_borders(ink, horiz, dpi))
    max_thick = max(3, int(LINE_MAX_THICK_INCH * dpi))
    segs = (_segments_of(horiz, True, max_thick, pt_per_px)
            + _segments_of(vert, False, max_thick, pt_per_px))
    if grey is not None:      # erase the rules at their own width (the masks are widened by 1 px)
        horiz = cv2.erode(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 3)))
        vert = cv2.erode(vert, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 1)))
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


@dataclass
class _PxWord:
    """A Tesseract word in pixels of the analysed image."""

    text: str
    x: int
    y: int
    w: int
    h: int
    conf: float


def _tesseract_words(img: np.ndarray, lang: str, config: str) -> list[_PxWord]:
    import pytesseract

    _tesseract_env()
    data = pytesseract.image_to_data(img, lang=lang, config=config, timeout=limits.tesseract_timeout(),
                                     output_type=pytesseract.Output.DICT)
    out = []
    for text, conf, x, y, w, h in zip(data["text"], data["conf"], data["left"], data["top"],
                                      data["width"], data["height"]):
        c = float(conf)
        if c < 0 or not str(text).strip():
            continue
        out.append(_PxWord(str(text).strip(), int(x), int(y), int(w), int(h),
                           max(0.0, min(1.0, c / 100.0))))
    return out


def _is_suspicious(w: _PxWord) -> bool:
    """Short or odd tokens Tesseract reads badly in page context (lone numbers, Roman numerals)."""
    if w.conf < RECHECK_BELOW:
        return True
    return len(w.text) <= 3 and w.conf < SHORT_RECHECK_BELOW


def _uncovered_blobs(clean: np.ndarray, words: list[_PxWord], dpi: int) -> list[tuple[int, int, int, int]]:
    """Ink blobs (word-sized) that no OCR word covers: text Tesseract skipped (lone digits)."""
    ink = binarise(clean)
    gap = max(3, dpi // 30)
    blobs = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (gap, max(1, gap // 2))))
    covered = np.zeros_like(ink)
    for w in words:
        covered[w.y:w.y + w.h, w.x:w.x + w.w] = 255
    n, _, stats, _ = cv2.connectedComponentsWithStats(blobs, connectivity=8)
    min_h, max_h = dpi * 0.05, dpi * 0.4
    out = []
    for x, y, w, h, area in stats[1:n]:
        if not (min_h <= h <= max_h) or w > dpi * 2:
            continue
        region = ink[y:y + h, x:x + w]
        if np.count_nonzero(region) < 0.08 * w * h:
            continue
        if np.count_nonzero(covered[y:y + h, x:x + w] & region) > 0.3 * np.count_nonzero(region):
            continue
        out.append((int(x), int(y), int(w), int(h)))
    return out


def _strip_of(clean: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> tuple[np.ndarray, list[int]]:
    """The crops stacked one per line on a white strip (2x), with each crop's top in the strip."""
    pad, gap = 6, 24
    crops = [clean[max(0, y - pad):y + h + pad, max(0, x - pad):x + w + pad] for x, y, w, h in boxes]
    width = max(c.shape[1] for c in crops) + 2 * gap
    height = sum(c.shape[0] + gap for c in crops) + gap
    strip = np.full((height, width), 255, np.uint8)
    tops, y = [], gap
    for c in crops:
        strip[y:y + c.shape[0], gap:gap + c.shape[1]] = c
        tops.append(y)
        y += c.shape[0] + gap
    strip = cv2.resize(strip, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    return strip, [2 * t for t in tops]


@dataclass
class _Group:
    """Neighbouring doubtful words on one line, read again as one crop ("Мио! 14$] kills")."""

    parts: list[_PxWord]

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.parts)

    @property
    def conf(self) -> float:
        return min(p.conf for p in self.parts)

    @property
    def x(self) -> int:
        return min(p.x for p in self.parts)

    @property
    def y(self) -> int:
        return min(p.y for p in self.parts)

    @property
    def w(self) -> int:
        return max(p.x + p.w for p in self.parts) - self.x

    @property
    def h(self) -> int:
        return max(p.y + p.h for p in self.parts) - self.y


def _same_line_neighbours(a: _PxWord, b: _PxWord) -> bool:
    overlap = min(a.y + a.h, b.y + b.h) - max(a.y, b.y)
    gap = b.x - (a.x + a.w)
    return overlap > 0.5 * min(a.h, b.h) and 0 <= gap <= 1.2 * max(a.h, b.h)


def _merge_neighbours(doubtful: list[_PxWord]) -> list[_Group]:
    """Doubtful words grouped with the doubtful word right after them on the same line."""
    groups: list[_Group] = []
    for w in doubtful:                       # Tesseract's order: line by line, left to right
        last = groups[-1].parts[-1] if groups else None
        if last is not None and _same_line_neighbours(last, w):
            groups[-1].parts.append(w)
        else:
            groups.append(_Group([w]))
    return groups


def _reads_by_box(strip: np.ndarray, tops: list[int], lang: str) -> dict[int, tuple[str, float]]:
    """Text and (lowest) confidence the strip gives for each crop, by crop index."""
    by_box: dict[int, list[_PxWord]] = {}
    for r in _tesseract_words(strip, lang, RECHECK_CONFIG):
        cy = r.y + r.h / 2
        i = max((k for k, t in enumerate(tops) if t <= cy), default=None)
        if i is not None:
            by_box.setdefault(i, []).append(r)
    return {i: (" ".join(r.text for r in sorted(rs, key=lambda r: r.x)), min(r.conf for r in rs))
            for i, rs in by_box.items()}


def _latin_reading_wins(old: str, latin: str, conf: float) -> bool:
    """An English reading replaces a Russian one only where Russian cannot be right.

    Roman numerals, Latin words with letters Cyrillic has no look-alike for
    (WorldSkills, Russia), and digits where the Russian pass saw letters.
    """
    if conf < LATIN_MIN_CONF or latin == old:
        return False
    if ROMAN_RE.match(latin) or DIGITS_RE.match(latin):
        return not DIGITS_RE.match(old) and not CYR_WORD_RE.match(old.strip(".,;:()«»")) or len(old) <= 2
    return (all(LATIN_WORD_RE.match(t) for t in latin.split())
            and not all(CYR_WORD_RE.match(t.strip(".,;:()«»")) for t in old.split()))


def recheck_words(clean: np.ndarray, words: list[_PxWord], dpi: int) -> list[_PxWord]:
    """Second look at doubtful and missed words: their crops OCR'd together, one per line.

    Out of page context and enlarged, lone numbers and short tokens are read
    better. The Russian re-read replaces a word when clearly more confident; an
    English re-read only where Russian cannot be right (``_latin_reading_wins``).
    """
    doubtful = _merge_neighbours([w for w in words if _is_suspicious(w)])
    missed = _uncovered_blobs(clean, words, dpi)
    boxes = [(w.x, w.y, w.w, w.h) for w in doubtful] + missed
    if not boxes or len(boxes) > MAX_RECHECK:
        return words
    strip, tops = _strip_of(clean, boxes)
    rus, eng = _reads_by_box(strip, tops, TESS_LANG), _reads_by_box(strip, tops, "eng")
    replaced = {id(p) for w in doubtful for p in w.parts}
    out = [w for w in words if id(w) not in replaced]
    for i, (x, y, w, h) in enumerate(boxes):
        old = doubtful[i] if i < len(doubtful) else None
        text, conf = (old.text, old.conf) if old else ("", 0.0)
        r_text, r_conf = rus.get(i, ("", 0.0))
        if r_text and not _is_noise(r_text, r_conf) and r_conf > conf + RECHECK_MARGIN:
            text, conf = r_text, r_conf
        e_text, e_conf = eng.get(i, ("", 0.0))
        if e_text and _latin_reading_wins(text, e_text, e_conf):
            text, conf = e_text, e_conf
        if old is not None and text == old.text:
            out.extend(old.parts)            # nothing better: the words as first read
        elif text and (old is not None or conf >= MISSED_MIN_CONF):
            out.append(_PxWord(text, x, y, w, h, conf))
    return out


def ocr_words(grey: np.ndarray, pt_per_px: float, dpi: int = RENDER_DPI,
              lang: str = TESS_LANG) -> list[Word]:
    """Tesseract words (LSTM, Russian) with boxes in points and confidence in [0, 1]."""
    px_words = recheck_words(grey, _tesseract_words(grey, lang, TESS_CONFIG), dpi)
    words = []
    for w in px_words:
        text = w.text.lstrip(EDGE_NOISE) if len(w.text) > 1 else w.text
        if _is_noise(text, w.conf):
            continue
        k = pt_per_px
        words.append(Word(text=fix_latin_lookalikes(text), x0=w.x * k, top=w.y * k,
                          x1=(w.x + w.w) * k, bottom=(w.y + w.h) * k, confidence=w.conf))
    return words


def mean_confidence(words: Iterable[Word]) -> float:
    """Character-weighted mean confidence (long words weigh more than specks)."""
    ws = [(len(w.text), w.confidence) for w in words]
    total = sum(n for n, _ in ws)
    return sum(n * c for n, c in ws) / total if total else 0.0


def osd_turn(grey: np.ndarray) -> Optional[int]:
    """Clockwise degrees Tesseract OSD says the page is turned; None when it cannot tell."""
    import pytesseract

    _tesseract_env()
    try:
        osd = pytesseract.image_to_osd(grey, config="--psm 0",
                                       output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:   # too few characters, or no osd.traineddata
        return None
    if float(osd.get("orientation_conf", 0)) < 1.0:
        return None
    return int(osd.get("rotate", 0)) % 360


def detect_rotation(grey: np.ndarray) -> int:
    """Clockwise degrees (0/90/180/270) Tesseract OSD says the page is turned; 0 if unsure."""
    import pytesseract

    _tesseract_env()
    try:
        osd = pytesseract.image_to_osd(grey, config="--psm 0", timeout=limits.tesseract_timeout(),
                                       output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:   # too few characters, or no osd.traineddata
        return 0
    if float(osd.get("orientation_conf", 0)) < 1.0:
        return 0
    return int(osd.get("rotate", 0)) % 360


def _probe_confidence(grey: np.ndarray) -> float:
    """Mean word confidence of a quick OCR of the middle band of the page (a third of it)."""
    h = grey.shape[0]
    band = grey[h // 3: 2 * h // 3]
    return mean_confidence(Word(w.text, 0, 0, 1, 1, confidence=w.conf)
                           for w in _tesseract_words(band, TESS_LANG, TESS_CONFIG)
                           if any(ch.isalpha() for ch in w.text))


def best_turn(grey: np.ndarray, turns: tuple[int, ...]) -> tuple[int, float]:
    """The clockwise turn (of ``turns``) whose probe OCR is the most confident, and that confidence.

    Tesseract's OSD gives up ("too few characters") or guesses on degraded
    Cyrillic table pages; reading a band of the page each way and keeping the
    surer reading is slower but does not fail. Only run on pages that need it.
    """
    scored = [(_probe_confidence(_turn(grey, t)), -i, t) for i, t in enumerate(turns)]
    conf, _, turn = max(scored)
    return turn, conf


def _turn(img: np.ndarray, degrees: int) -> np.ndarray:
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(img, codes[degrees]) if degrees in codes else img


# ---------------------------------------------------------------- the page


def _cell_count(segs: list[Segment], width: float, height: float) -> int:
    from extractors.ruled import find_cell_boxes

    return sum(len(b) for b in find_cell_boxes(PageLayout(0, width, height, [], segs, source="ocr")))


def scan_segments(grey: np.ndarray, ink: np.ndarray, dpi: int, k: float,
                  prepared: bool) -> tuple[list[Segment], np.ndarray]:
    """Ruling lines of a deskewed page: gap-tolerant search, or the classic one on clean scans.

    A page that needed preparation (stamps, shading, specks) gets the
    gap-tolerant search (``image_prep``). On a clean page the classic opening
    is kept unless the tolerant search finds clearly more table cells (broken
    or faded rules on an otherwise clean copy).
    """
    tolerant = find_segments(image_prep.line_ink(grey, dpi), dpi, k, grey)
    if prepared:
        return tolerant
    classic = find_segments(ink, dpi, k)
    h, w = grey.shape[:2]
    n_classic = _cell_count(classic[0], w * k, h * k)
    n_tolerant = _cell_count(tolerant[0], w * k, h * k)
    return tolerant if n_tolerant > TOLERANT_GAIN * n_classic + 2 else classic


def _analyse(grey: np.ndarray, dpi: int, width_pt: float,
             prepared: bool = False) -> tuple[list[Word], list[Segment], float]:
    """Deskew, find lines, OCR; returns words, segments and the skew angle found."""
    ink = binarise(grey)
    angle = estimate_skew(ink)
    if abs(angle) > 0.05:
        grey = _rotate(grey, angle, 255)
        ink = binarise(grey)
    k = width_pt / grey.shape[1]
    segs, line_mask = scan_segments(grey, ink, dpi, k, prepared)
    words = ocr_words(erase_lines(grey, line_mask), k, dpi)
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
    grey, notes = image_prep.prepare(page.rgb if page.rgb is not None else page.grey, dpi)
    layout.flags.extend(notes)
    words: list[Word] = []
    segs: list[Segment] = []
    turn: Optional[int] = 0
    if image_prep.looks_turned_90(binarise(grey)):
        # text lines seem to run down the page: settle the orientation before the full
        # OCR pass (OSD, or when it gives up, a probe read each way; the profile can be
        # fooled by short lines, so upright and upside down are candidates too)
        turn = osd_turn(grey)
        if turn is None:
            turn, _ = best_turn(grey, (0, 90, 270, 180))
    if turn == 0:
        words, segs, _angle = _analyse(grey, dpi, page.width_pt, bool(notes))
        if mean_confidence(words) < OSD_BELOW:
            turn = osd_turn(grey)
            if not turn:      # OSD unsure: compare a probe read upside down with the first pass
                t, conf = best_turn(grey, (180,))
                turn = t if conf > mean_confidence(words) + 0.15 else 0
    if turn:
        turned = _turn(grey, turn)
        width_pt = page.width_pt if turn == 180 else page.height_pt
        words2, segs2, _ = _analyse(turned, dpi, width_pt, bool(notes))
        if mean_confidence(words2) > mean_confidence(words):
            words, segs = words2, segs2
            if turn != 180:
                layout.width, layout.height = layout.height, layout.width
            layout.flags.append(f"ocr: page rotated {turn}° (corrected)")
        elif not words:          # OSD was wrong about a turn: read the page as it is
            words, segs, _angle = _analyse(grey, dpi, page.width_pt, bool(notes))
    layout.words, layout.segments = words, segs
    layout.flags.extend(page_flags(words, segs))
    return layout


def ocr_page_layouts(path: str, page_nos: list[int], dpi: int = RENDER_DPI,
                     workers: int = WORKERS) -> list[PageLayout]:
    """OCR several pages of one PDF, ``workers`` pages at a time.

    Threads suffice: the work is in the Tesseract processes (one thread each,
    ``OMP_THREAD_LIMIT=1``) and in OpenCV, which releases the GIL; no process
    pool, so this also runs inside daemonic workers (Prefect, Dask).
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
        return layout
