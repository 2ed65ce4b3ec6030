"""Scans with a hidden text layer (ABBYY FineReader, ocrmypdf, scanner software).

Such a page is a full-page image with the recognised words drawn invisibly
(text render mode 3) over it, or under it. pdfplumber sees the words but no
ruling lines (the rules are pixels of the image), so the page used to be read
as a borderless text page and the document refused ("no activity table
found"). Here the page is treated as the scan it is:

* ``covers_page``: a page image covering (almost) the whole page, with words
  on the page, marks the layout with ``HIDDEN_LAYER_FLAG`` (``extractors.pdf``);
* ``hidden_layer_layout``: the image is rendered and prepared like any scan
  (``extractors.image_prep``), deskewed, and the table rules are found on it
  (``extractors.ocr``); the layer's words are moved into the deskewed frame and
  used when they look like real text (``layer_quality``: share of words that
  are dictionary words or well-formed numbers), otherwise the page is OCR'd
  again. Which one was done is flagged on the page (and so in the document's
  quality flags): ``text layer: hidden OCR layer used (quality 0.97)`` or
  ``text layer: hidden OCR layer poor (quality 0.41), page re-OCR'd``.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from extractors.grid import PageLayout, Word

HIDDEN_LAYER_FLAG = "text layer over a full-page image (scan with hidden OCR layer)"
PAGE_COVER = 0.85          # an image covering this share of the page area is the page
GOOD_LAYER = 0.8           # layer quality at or above this: its words are used as they are
LAYER_CONFIDENCE = 0.9     # confidence given to words of a good layer (not measured by us)
LETTERS_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+")
NUMBER_RE = re.compile(r"^[(«\"]?(?:\d+[.,]?)+[)»\".,;:%]*$|^[IVXLC]+\.?$")
CYR_ONLY_RE = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$")


def covers_page(images: Iterable[dict], width: float, height: float) -> bool:
    """True when one of pdfplumber's ``page.images`` covers the page (a scanned page)."""
    area = max(1.0, width * height)
    for im in images:
        w = float(im.get("x1", 0)) - float(im.get("x0", 0))
        h = float(im.get("bottom", 0)) - float(im.get("top", 0))
        if w * h >= PAGE_COVER * area:
            return True
    return False


def is_hidden_layer(layout: PageLayout) -> bool:
    return HIDDEN_LAYER_FLAG in layout.flags and bool(layout.words)


def _token_ok(token: str) -> Optional[bool]:
    """True / False for a token that can be judged, None for one that cannot (short, mixed)."""
    t = token.strip(".,;:()«»\"'!?–—-")
    if not t:
        return None
    if NUMBER_RE.match(t):
        return True
    if len(t) < 4 or not LETTERS_RE.fullmatch(t.replace("-", "")):
        # punctuation or digits inside a word: recognition debris ("Ме|ропр1ятия")
        return False if len(t) >= 4 and LETTERS_RE.search(t) else None
    if not CYR_ONLY_RE.match(t):
        return None                          # Latin words (WorldSkills), Latin abbreviations
    if t.isupper():
        return None                          # abbreviations (ЦЗН, ДОиН) are not in the dictionary
    from normalizers.morph import get_morph

    return bool(get_morph().word_is_known(t.lower()))


def layer_quality(words: Iterable[Word]) -> float:
    """Share of judgeable words that are dictionary words or well-formed numbers (1.0 if none)."""
    verdicts = [v for v in (_token_ok(w.text) for w in words) if v is not None]
    return sum(verdicts) / len(verdicts) if verdicts else 1.0


def _to_deskewed(words: list[Word], angle: float, shape: tuple[int, int], pt_per_px: float) -> list[Word]:
    """Words moved by the rotation that levelled the page image (about its centre)."""
    if abs(angle) <= 0.05:
        return words
    import cv2   # here, not at the top: a born-digital PDF never needs OpenCV
    import numpy as np

    h, w = shape
    m = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), angle, 1.0)
    out = []
    for wd in words:
        cx, cy = (wd.x0 + wd.x1) / 2 / pt_per_px, (wd.top + wd.bottom) / 2 / pt_per_px
        nx, ny = m @ np.array([cx, cy, 1.0])
        dx, dy = nx * pt_per_px - (wd.x0 + wd.x1) / 2, ny * pt_per_px - (wd.top + wd.bottom) / 2
        out.append(Word(wd.text, wd.x0 + dx, wd.top + dy, wd.x1 + dx, wd.bottom + dy,
                        wd.fontname, wd.size, wd.confidence))
    return out


def hidden_layer_layout(path: str, layout: PageLayout, dpi: Optional[int] = None) -> PageLayout:
    """The page read as a scan: rules from the image, words from the layer (or OCR if poor)."""
    from extractors import image_prep, ocr

    dpi = dpi or ocr.RENDER_DPI
    quality = layer_quality(layout.words)
    if quality < GOOD_LAYER:
        out = ocr.ocr_page_layout(path, layout.page_no, dpi)
        out.flags.append(f"text layer: hidden OCR layer poor (quality {quality:.2f}), page re-OCR'd")
        return out
    page = ocr.render_page(path, layout.page_no, dpi)
    grey, notes = image_prep.prepare(page.rgb if page.rgb is not None else page.grey, dpi)
    angle = ocr.estimate_skew(ocr.binarise(grey))
    if abs(angle) > 0.05:
        grey = ocr._rotate(grey, angle, 255)
    k = page.width_pt / grey.shape[1]
    segs, _mask = ocr.find_segments(image_prep.line_ink(grey, dpi), dpi, k, grey)
    words = [Word(w.text, w.x0, w.top, w.x1, w.bottom, w.fontname, w.size, LAYER_CONFIDENCE)
             for w in layout.words]
    out = PageLayout(page_no=layout.page_no, width=page.width_pt, height=page.height_pt,
                     words=_to_deskewed(words, angle, grey.shape[:2], k), segments=segs, source="ocr")
    out.flags.extend(notes)
    out.flags.append(f"text layer: hidden OCR layer used (quality {quality:.2f})")
    h, v = ocr._count_lines(segs, 20.0)
    if h < ocr.MIN_SEGMENTS_FOR_TABLE or v < ocr.MIN_SEGMENTS_FOR_TABLE:
        out.flags.append("ocr: no ruled table found (no grid of ruling lines)")
    return out
