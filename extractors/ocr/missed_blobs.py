"""OCR, missed text: ink blobs no OCR word covers (text the first pass skipped), grouped into the
lines they stand on, for ``extractors.ocr.words`` to read again."""

from __future__ import annotations

import numpy as np
import cv2

from extractors.image_labels import components
from extractors.ocr.engine import PxWord
from extractors.ocr.image import binarise

Box = tuple[int, int, int, int]
MISSED_LINE_MAX_INCH = 12.0    # a missed blob up to a line of a landscape page wide


def line_runs(boxes: list[Box]) -> list[list[Box]]:
    """Blobs grouped with the blobs that follow them on a line (``_follows``), in
    reading order: a whole line the first pass skipped (a bold heading squeezed between two
    rules) is read as a line, in context, not word by word."""
    runs: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: b[0]):
        run = next((r for r in runs if _follows(joined_box(r), box)), None)
        if run is None:
            runs.append([box])
        else:
            run.append(box)
    return sorted(runs, key=lambda r: (r[0][1], r[0][0]))


def _follows(run: Box, box: Box) -> bool:
    """``box`` lies on the line of ``run`` and starts before ``run`` ends, or at most a word gap
    (``_same_line_neighbours``) after (blob boxes of a line may overlap)."""
    overlap = min(run[1] + run[3], box[1] + box[3]) - max(run[1], box[1])
    gap = box[0] - (run[0] + run[2])
    return overlap > 0.5 * min(run[3], box[3]) and gap <= 1.2 * max(run[3], box[3])


def joined_box(run: list[Box]) -> Box:
    x0, y0 = min(b[0] for b in run), min(b[1] for b in run)
    return x0, y0, max(b[0] + b[2] for b in run) - x0, max(b[1] + b[3] for b in run) - y0


def uncovered_blobs(clean: np.ndarray, words: list[PxWord], dpi: int,
                    max_width_inch: float = 2.0) -> list[tuple[int, int, int, int]]:
    """Ink blobs (text-high, at most ``max_width_inch`` wide) that no OCR word covers: text
    Tesseract skipped (lone digits, a line of tightly set bold words)."""
    ink = binarise(clean)
    gap = max(3, dpi // 30)
    blobs = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (gap, max(1, gap // 2))))
    covered = np.zeros_like(ink)
    for w in words:
        covered[w.y:w.y + w.h, w.x:w.x + w.w] = 255
    n, _, stats, _ = components(blobs)
    min_h, max_h = dpi * 0.05, dpi * 0.4
    out = []
    for x, y, w, h, area in stats[1:n]:
        if not (min_h <= h <= max_h) or w > dpi * max_width_inch:
            continue
        region = ink[y:y + h, x:x + w]
        if np.count_nonzero(region) < 0.08 * w * h:
            continue
        if np.count_nonzero(covered[y:y + h, x:x + w] & region) > 0.3 * np.count_nonzero(region):
            continue
        out.append((int(x), int(y), int(w), int(h)))
    return out
