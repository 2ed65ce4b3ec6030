"""OCR, the page image: rendered with pypdfium2 (one page at a time: pdfium is not thread-safe)
under the pixel cap, binarised, deskewed by the sharpest projection profile."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Optional

import cv2
import numpy as np

from extractors import limits
from extractors.ocr.settings import (INK_BLANK_SHARE, MAX_SKEW, NOISE_BLOCK_MM, NOISE_BLOCK_STD,
                                     NOISE_INK_SHARE, NOISE_PIXEL_STD, RENDER_DPI)


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


# pdfium is not thread-safe, not even across documents: pages OCR'd in parallel threads
# render one at a time (rendering is a small part of a page's time)
PDFIUM_LOCK = threading.Lock()   # every render in this process takes it (the review app too)


def render_page(path: str, page_no: int, dpi: int = RENDER_DPI) -> _PageImage:
    """The page as a grey uint8 array (and the colour render), with the page size in points."""
    with PDFIUM_LOCK:
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


def inside_px(box: tuple[float, float, float, float], k: float, inset: float) -> tuple[int, int, int, int]:
    """A cell's inside in pixels of the page image: ``box`` (points) ``inset`` points in from its
    rules; ``k``: points per pixel."""
    return (int((box[0] + inset) / k), int((box[1] + inset) / k),
            int((box[2] - inset) / k), int((box[3] - inset) / k))


def from_enlarged(x: int, y: int, w: int, h: int, x0: int, y0: int, k: float, scale: int,
                  border: int) -> tuple[float, float, float, float]:
    """A box read on an ``enlarged`` crop whose top-left corner is pixel (x0, y0) of the page, in
    points of the page: (x0, top, x1, bottom)."""
    px0, py0 = x0 + (x - border) / scale, y0 + (y - border) / scale
    return px0 * k, py0 * k, (px0 + w / scale) * k, (py0 + h / scale) * k


def enlarged(crop: np.ndarray, scale: int = 2, border: int = 10) -> np.ndarray:
    """A crop read again on its own: enlarged ``scale`` times (Tesseract likes ~30 px capitals)
    on a white margin of ``border`` px."""
    big = cv2.resize(np.ascontiguousarray(crop), None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    return cv2.copyMakeBorder(big, border, border, border, border, cv2.BORDER_CONSTANT, value=255)


def binarise(grey: np.ndarray) -> np.ndarray:
    """Ink = 255, paper = 0 (Otsu on a lightly blurred image)."""
    blur = cv2.GaussianBlur(grey, (3, 3), 0)
    _, ink = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return ink


def not_worth_reading(grey: np.ndarray, dpi: int) -> Optional[str]:
    """``"blank"`` or ``"noise"`` when a page is not worth OCR, else None; the page is binarised at
    most once for both looks (and not at all when it is plainly blank)."""
    if _plainly_blank(grey):
        return "blank"
    ink = binarise(grey)
    if _specks_only(ink):
        return "blank"
    return "noise" if is_noise(grey, dpi, ink) else None


def _plainly_blank(grey: np.ndarray) -> bool:
    """No contrast, or fewer dark pixels than any print has."""
    return (int(grey.max()) - int(grey.min()) < 40
            or np.count_nonzero(grey < 128) < INK_BLANK_SHARE * grey.size)


def _specks_only(ink: np.ndarray) -> bool:
    """The binarised page keeps almost no ink once 2x2 specks are opened away."""
    opened = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    return np.count_nonzero(opened) < INK_BLANK_SHARE * ink.size


def is_noise(grey: np.ndarray, dpi: int, ink: Optional[np.ndarray] = None) -> bool:
    """Ink everywhere and nowhere: a page covered evenly by grain (random noise, a page of static)
    holds no print to read, and reading it would cost Tesseract minutes. Dense ink alone is not
    enough (a dark photograph edge is dense too); it must also be flat at the scale of a letter.
    ``ink``: ``binarise(grey)`` when the caller has it already."""
    if float(grey.std()) < NOISE_PIXEL_STD:       # paper grain: no dark pixels at all
        return False
    ink = binarise(grey) if ink is None else ink
    if np.count_nonzero(ink) < NOISE_INK_SHARE * ink.size:
        return False
    block = max(2, round(dpi * NOISE_BLOCK_MM / 25.4))
    small = cv2.resize(grey, None, fx=1 / block, fy=1 / block, interpolation=cv2.INTER_AREA)
    return float(small.std()) < NOISE_BLOCK_STD


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
