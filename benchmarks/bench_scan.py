"""Seconds per page of the scan path, and OCR character error against the text-layer twin.

For each scanned PDF (default: ``data/raw/*_scan.pdf`` of this repository, or
the files given) it OCRs every page with ``extractors.ocr`` and reports:

* ``s/page``   — wall seconds per page (``--workers`` pages in parallel, one
                 Tesseract thread each; target ≤ 3 s on 2 cores);
* ``cpu/page`` — CPU seconds per page (this process + Tesseract children): the
                 figure to trust when other jobs load the machine;
* ``bare``     — with ``--bare``: CPU seconds per page of a plain ``tesseract``
                 run (``rus``, ``--psm 6``, same rendering) and the ratio of ours
                 to it, i.e. what image preparation, rule search and re-reads cost;
* ``ruled``    — pages on which a grid of ruling lines was found (a page of
                 prose has none: a flag on some pages is normal);
* ``CER``      — when a text-layer twin exists (``<key>.pdf`` beside
                 ``<key>_scan.pdf``): character error rate of OCR words against
                 the twin's words, matched by position (each twin word against the
                 OCR words whose centres fall in its box); a twin word with no OCR
                 word counts as fully wrong. Only meaningful when the twin is the
                 same rendering (same page size and layout);
* ``cells``    — with ``--tables``: ruled cells found on the OCR layouts vs on the
                 twin's layouts (``extractors.ruled.build_ruled_tables``), and the
                 share of twin cells whose text the OCR cell at the same grid
                 position matches (rapidfuzz ratio ≥ 90).

Usage::

    .venv/bin/python benchmarks/bench_scan.py [FILES...] [--workers 2] [--dpi 150] [--tables] [--bare]
"""

from __future__ import annotations

import argparse
import glob
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors import ocr  # noqa: E402
from extractors.grid import PageLayout, Word  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEV_GLOB = str(REPO / "data" / "raw" / "*_scan.pdf")


def twin_of(scan: str) -> str | None:
    twin = scan.replace("_scan.pdf", ".pdf")
    return twin if twin != scan and os.path.exists(twin) else None


def _lev(a: str, b: str) -> int:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b)


def _centre_in(w: Word, t: Word, pad: float = 2.0) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return t.x0 - pad <= cx <= t.x1 + pad and t.top - pad <= cy <= t.bottom + pad


def char_errors(truth: list[Word], got: list[Word]) -> tuple[int, int]:
    """(edit distance, characters) of OCR words against the text-layer words, by position."""
    errors = chars = 0
    for t in truth:
        hits = sorted((w for w in got if _centre_in(w, t)), key=lambda w: w.x0)
        text = "".join(w.text for w in hits)
        errors += _lev(t.text, text) if text else len(t.text)
        chars += len(t.text)
    return errors, chars


def cell_match(ocr_layouts: list[PageLayout], twin_layouts: list[PageLayout]) -> tuple[int, int, int]:
    """(twin cells, OCR cells, twin cells matched by grid position and text)."""
    from rapidfuzz import fuzz

    from extractors.ruled import build_ruled_tables

    n_twin = n_ocr = matched = 0
    for o, t in zip(ocr_layouts, twin_layouts):
        ot, tt = build_ruled_tables(o), build_ruled_tables(t)
        ocells = {(i, r_i, c.col): c.text for i, tab in enumerate(ot)
                  for r_i, r in enumerate(tab.rows) for c in r.cells}
        for i, tab in enumerate(tt):
            for r_i, r in enumerate(tab.rows):
                for c in r.cells:
                    n_twin += 1
                    got = ocells.get((i, r_i, c.col))
                    if got is not None and fuzz.ratio(" ".join(c.text.split()),
                                                      " ".join(got.split())) >= 90:
                        matched += 1
        n_ocr += len(ocells)
    return n_twin, n_ocr, matched


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (Tesseract)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def bare_tesseract_cpu(path: str, n: int, dpi: int) -> float:
    """CPU seconds of a plain Tesseract run (``rus``, ``--psm 6``) over the rendered pages."""
    import pytesseract

    total = 0.0
    for p in range(1, n + 1):
        grey = ocr.render_page(path, p, dpi).grey
        c0 = cpu_seconds()
        pytesseract.image_to_data(grey, lang=ocr.TESS_LANG, config="--oem 1 --psm 6")
        total += cpu_seconds() - c0
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--workers", type=int, default=ocr.WORKERS)
    ap.add_argument("--dpi", type=int, default=ocr.RENDER_DPI)
    ap.add_argument("--tables", action="store_true", help="compare ruled cells with the twin")
    ap.add_argument("--bare", action="store_true", help="time a bare tesseract run on the same pages")
    args = ap.parse_args()
    files = args.files or sorted(glob.glob(DEV_GLOB))
    ocr._tesseract_env()
    total_pages = total_time = total_cpu = tot_err = tot_chars = total_bare = 0.0
    for path in files:
        import pypdfium2 as pdfium

        n = len(pdfium.PdfDocument(path))
        t, c0 = time.perf_counter(), cpu_seconds()
        layouts = ocr.ocr_page_layouts(path, list(range(1, n + 1)), dpi=args.dpi, workers=args.workers)
        dt = time.perf_counter() - t
        cpu = cpu_seconds() - c0
        total_cpu += cpu
        total_pages += n
        total_time += dt
        line = f"{Path(path).name:32s} {n:3d} pages  {dt / n:5.2f} s/page  {cpu / n:5.2f} cpu/page"
        line += f"  conf {ocr.mean_confidence(w for lay in layouts for w in lay.words):.2f}"
        ruled = sum(1 for lay in layouts if not any("no ruled table" in f for f in lay.flags))
        line += f"  ruled {ruled}/{n}"
        if args.bare:
            bare = bare_tesseract_cpu(path, n, args.dpi)
            total_bare += bare
            line += f"  bare {bare / n:5.2f} cpu/page (x{cpu / max(bare, 1e-6):.2f})"
        twin = twin_of(path)
        if twin:
            from extractors.pdf import open_layouts

            twin_layouts = open_layouts(twin)
            if len(twin_layouts) == n:
                err = chars = 0
                for o, tl in zip(layouts, twin_layouts):
                    e, c = char_errors(tl.words, o.words)
                    err += e
                    chars += c
                tot_err += err
                tot_chars += chars
                line += f"  CER {err / max(1, chars):.3f}"
                if args.tables:
                    n_twin, n_ocr, matched = cell_match(layouts, twin_layouts)
                    line += f"  cells twin {n_twin} ocr {n_ocr} matched {matched / max(1, n_twin):.2f}"
        flags = sorted({f for lay in layouts for f in lay.flags if "no ruled table" not in f})
        if flags:
            line += "  flags: " + "; ".join(flags)
        print(line, flush=True)
    if total_pages:
        summary = (f"TOTAL {int(total_pages)} pages  {total_time / total_pages:.2f} s/page  "
                   f"{total_cpu / total_pages:.2f} cpu/page")
        if tot_chars:
            summary += f"  CER {tot_err / tot_chars:.3f}"
        if total_bare:
            summary += f"  bare {total_bare / total_pages:.2f} cpu/page (x{total_cpu / total_bare:.2f})"
        print(summary)


if __name__ == "__main__":
    main()
