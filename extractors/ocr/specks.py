"""OCR, specks read as text: tokens too small to be letters dropped, speck marks cut off word edges.

A grainy photocopy keeps toner specks next to the text (``image_specks.remove_specks`` removes
only the isolated ones: a speck close to a letter may be punctuation). Tesseract reads such a
speck as a token of its own ("у", "р", "°", "*", "й") or as a mark glued to a word ("°МОУО",
"«ежегодно" without a closing quote, "2021 г.°"). Both are told apart from text by size against
the text around them: a letter is at least as tall as the x-height, while a speck is a small
compact dot.

* ``drop_speck_tokens``: a token with letters or digits lower than ``TOKEN_SHARE`` of the
  height of the words near it (``CAPS_SHARE`` for digits and capitals, cap-high letters), or a
  token of marks that small both ways, is a speck (a comma,
  semicolon or colon alone is kept: it separates names; so is a flat dash, a list's bullet);
* ``strip_edge_specks``: a mark at a word's start or end whose ink in the image is one small,
  compact blob (quotes and brackets are strokes, two of them for quotes) is cut off the word.

The reference height of a word is the median height of the ``NEIGHBOURS`` nearest words of three
or more letters or digits, so a table in small print next to a larger heading is measured
against its own text.
"""

from __future__ import annotations

from typing import Optional

import cv2
import numpy as np

from extractors.ocr.engine import PxWord

TOKEN_SHARE = 0.4            # a letter is at least this share of the height of the words near it
CAPS_SHARE = 0.6             # ... digits and capitals this share (lower, a speck read "3" or "Г")
EDGE_SHARE = 0.3             # a speck glued to a word is at most this share of it, both ways ...
EDGE_FILL = 0.55             # ... and fills at least this share of its box (a dot, not a stroke)
NEIGHBOURS = 7               # reference words for a word's text height
MIN_REFERENCE = 3            # fewer reference words on the page: nothing is judged
KEEP_SMALL = {",", ";", ":"}  # small marks that separate names: kept even alone
DASHES = {"-", "–", "—"}      # a dash alone is kept when it is flat (this many times wider than
DASH_ASPECT = 2.0            # tall) and at least this share of the text height wide: a list's
DASH_SHARE = 0.2             # dash in small print is narrower than a letter is high
LEAD_MARKS = set("°*•·„“”«‚‘’'`^~\".,")     # marks a speck at a word's start is read as
TRAIL_MARKS = set("°*•·„“‚‘'`^~")           # ... at its end (a closing », ) or . is text)
TINY_SHARE = 0.15            # ... or at most this share whatever its shape
DOT_ASPECT = 1.6             # ... and is round: its sides differ by at most this factor
BASELINE_SHARE = 0.1         # a letter's bottom is this close to the baseline (share of the text height)
TALL_MARKS = set("()[]{}/\\|№%")  # marks as tall as letters
PAD = 2                      # pixels round a word's box looked at for its ink
INK_LEVEL = 140              # grey below this is ink in the word's crop


def _alnum(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def reference_heights(words: list[PxWord]) -> Optional[np.ndarray]:
    """The text height around each word (median of its nearest real words), None when the page
    has too few words of three or more letters or digits to tell."""
    ref = [w for w in words if _alnum(w.text) >= 3]
    if len(ref) < MIN_REFERENCE:
        return None
    rc = np.array([(w.x + w.w / 2, w.y + w.h / 2) for w in ref], np.float64)
    rh = np.array([w.h for w in ref], np.float64)
    wc = np.array([(w.x + w.w / 2, w.y + w.h / 2) for w in words], np.float64)
    d = np.hypot(wc[:, None, 0] - rc[None, :, 0], wc[:, None, 1] - rc[None, :, 1])
    k = min(NEIGHBOURS, len(ref))
    nearest = np.argpartition(d, k - 1, axis=1)[:, :k]
    return np.median(rh[nearest], axis=1)


def is_speck_token(w: PxWord, ref_h: float) -> bool:
    """Whether token ``w`` is too small to be text where the words around it are ``ref_h`` high."""
    limit = TOKEN_SHARE * ref_h
    if _alnum(w.text):
        if len(w.text) <= 3 and all(ch.isdigit() or ch.isupper() for ch in w.text if ch.isalnum()):
            limit = CAPS_SHARE * ref_h   # digits and capitals are as tall as the tallest letters
        return len(w.text) <= 3 and w.h < limit
    if w.text in DASHES and w.w >= DASH_ASPECT * w.h and w.w >= DASH_SHARE * ref_h:
        return False                  # a short flat stroke: a list's dash (a speck is round)
    return w.text not in KEEP_SMALL and max(w.h, w.w) < limit


def drop_speck_tokens(words: list[PxWord]) -> list[PxWord]:
    """``words`` without the tokens that are specks (see ``is_speck_token``)."""
    ref = reference_heights(words)
    if ref is None:
        return words
    return [w for w, h in zip(words, ref) if not is_speck_token(w, float(h))]


def _blobs(img: np.ndarray, w: PxWord) -> list[tuple[int, int, int, int, int]]:
    """Ink components of the word's box (a margin of ``PAD`` pixels round it, so a speck the
    box cuts is seen whole): (x, y, width, height, area) in the box's pixels."""
    x0, y0 = max(0, w.x - PAD), max(0, w.y - PAD)
    crop = img[y0:w.y + w.h + PAD, x0:w.x + w.w + PAD]
    if crop.size == 0:
        return []
    ink = (crop < INK_LEVEL).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    dx, dy = w.x - x0, w.y - y0
    return [(int(x) - dx, int(y) - dy, int(bw), int(bh), int(a)) for x, y, bw, bh, a in stats[1:n]
            if x + bw > dx and x < dx + w.w and y + bh > dy and y < dy + w.h]


def _is_dot(blob: tuple[int, int, int, int, int], ref_h: float) -> bool:
    """A speck: small, round (a chevron of « is twice as tall as wide) and filled (not a ring),
    or whatever its shape, tiny (the rest of a speck a rule's erasing cut)."""
    _x, _y, bw, bh, area = blob
    side = max(bw, bh)
    if side <= TINY_SHARE * ref_h:
        return True
    return side <= EDGE_SHARE * ref_h and side <= DOT_ASPECT * min(bw, bh) and area >= EDGE_FILL * bw * bh


def _fits(ch: str, blob: tuple[int, int, int, int, int], ref_h: float, baseline: float) -> bool:
    """Whether ``blob`` can be character ``ch``: letters, digits and brackets stand on the
    baseline and are tall; marks are small or float above it (a chevron of « is nearly as tall
    as a small letter but does not reach the line)."""
    tall = blob[3] >= TOKEN_SHARE * ref_h and blob[1] + blob[3] >= baseline - BASELINE_SHARE * ref_h
    return tall == (ch.isalnum() or ch in TALL_MARKS)


def _baseline(blobs: list[tuple[int, int, int, int, int]], ref_h: float) -> float:
    """The line the word's letters stand on: the median bottom of its letter-sized blobs."""
    bottoms = [b[1] + b[3] for b in blobs if b[3] >= TOKEN_SHARE * ref_h]
    return float(np.median(bottoms)) if bottoms else float(max(b[1] + b[3] for b in blobs))


def strip_edge_specks(img: np.ndarray, words: list[PxWord]) -> list[PxWord]:
    """Words with speck marks cut off their start and end (see module docstring); the box
    shrinks to the remaining ink."""
    ref = reference_heights(words)
    if ref is None:
        return words
    out = []
    for w, h in zip(words, ref):
        if len(w.text) >= 2 and (w.text[0] in LEAD_MARKS or w.text[-1] in TRAIL_MARKS):
            w = _strip(img, w, float(h))
        out.append(w)
    return out


def _strip(img: np.ndarray, w: PxWord, ref_h: float) -> PxWord:
    """A mark is cut off when its blob is a speck lying wholly beyond the others and the blob
    next to it fits the next character (so a speck read together with a real « keeps the «)."""
    rest = _blobs(img, w)
    if len(rest) < 2:
        return w
    text, base = w.text, _baseline(rest, ref_h)
    while len(text) >= 2 and text[0] in LEAD_MARKS and len(rest) >= 2:
        first = min(rest, key=lambda b: b[0])
        others = [b for b in rest if b is not first]
        nxt = min(others, key=lambda b: b[0])
        if (not _is_dot(first, ref_h) or first[0] + first[2] > nxt[0]
                or not _fits(text[1], nxt, ref_h, base)):
            break
        text, rest = text[1:], others
    while len(text) >= 2 and text[-1] in TRAIL_MARKS and len(rest) >= 2:
        last = max(rest, key=lambda b: b[0] + b[2])
        others = [b for b in rest if b is not last]
        prev = max(others, key=lambda b: b[0] + b[2])
        if (not _is_dot(last, ref_h) or last[0] < prev[0] + prev[2]
                or not _fits(text[-2], prev, ref_h, base)):
            break
        text, rest = text[:-1], others
    if text == w.text:
        return w
    x0 = min(b[0] for b in rest)
    x1 = max(b[0] + b[2] for b in rest)
    return PxWord(text.strip(), w.x + x0, w.y, x1 - x0, w.h, w.conf)
