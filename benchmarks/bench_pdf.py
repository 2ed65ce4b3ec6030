"""Time full PDF ingest against pdfplumber's bare table pass and camelot lattice.

For each ruled PDF (default: the samples ``data/raw/*.pdf``
without the ``_borderless`` / ``_scan`` renderings, or the files given on the
command line) it measures, best of ``--repeat`` runs:

* ``plumber``  — ``pdfplumber.open`` + ``page.extract_tables()`` on every page
                 (the bare baseline);
* ``camelot``  — ``camelot.read_pdf(pages="all", flavor="lattice")``;
* ``extract``  — our ``extractors.pdf.extract_pdf`` alone, and its two stages: ``read``
                 (``open_layouts``: every page's words, ruling lines and images, one pdfminer
                 pass per page, ``extractors.pdf_page``) and ``tables`` (``extract_layouts``:
                 routing, ruled / borderless builders, text blocks);
* ``ingest``   — full ingest (extract + normalise + load) with
                 ``pipeline.ingest.ingest_path`` into a fresh SQLite database
                 whose schema is already created (schema creation is a one-off,
                 not a per-document cost); with ``--cli`` the ``roadmaps ingest``
                 command instead (adds interpreter start-up and imports);

and prints ``ingest / plumber`` (target ≤ 2.0, goal 1.5) and ``camelot / plumber``.

Usage::

    .venv/bin/python benchmarks/bench_pdf.py [FILES...] [--repeat 3] [--cli] [--no-camelot]
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DEV_GLOB = str(Path(__file__).resolve().parents[1] / "data" / "raw" / "*.pdf")


def dev_pdfs() -> list[str]:
    """Ruled sample PDFs: every PDF in data/raw except the borderless and scanned renderings."""
    return sorted(p for p in glob.glob(DEV_GLOB)
                  if not p.endswith(("_borderless.pdf", "_scan.pdf")))


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Shortest wall time of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def bare_pdfplumber(path: str) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def camelot_lattice(path: str) -> None:
    import camelot

    camelot.read_pdf(path, pages="all", flavor="lattice", suppress_stdout=True)


def our_extract(path: str) -> None:
    from extractors.pdf import extract_pdf

    extract_pdf(path)


def our_stages(path: str, repeat: int) -> tuple[float, float]:
    """Best wall seconds of the two stages of ``extract_pdf``: reading the pages, building the tables."""
    from extractors.pdf import extract_layouts, open_layouts

    read, build = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        layouts = open_layouts(path)
        read.append(time.perf_counter() - t)
        t = time.perf_counter()
        extract_layouts(path, layouts)
        build.append(time.perf_counter() - t)
    return min(read), min(build)


class FreshDb:
    """A template SQLite database with the schema, copied fresh for each ingest."""

    def __init__(self) -> None:
        self.dir = tempfile.mkdtemp(prefix="bench_pdf_")
        self.template = os.path.join(self.dir, "template.db")
        from pipeline.store.db import upgrade

        upgrade(f"sqlite:///{self.template}")
        self.n = 0

    def next_url(self) -> str:
        self.n += 1
        target = os.path.join(self.dir, f"run{self.n}.db")
        shutil.copyfile(self.template, target)
        return f"sqlite:///{target}"

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def library_ingest(path: str, dbs: FreshDb) -> None:
    from pipeline.ingest import ingest_path

    out = ingest_path(path, dbs.next_url())
    status = getattr(out, "status", None)
    if status != "loaded":
        raise RuntimeError(f"ingest of {path} ended with status {status}: {getattr(out, 'error', '')}")


def cli_ingest(path: str, dbs: FreshDb) -> None:
    # this checkout's CLI with this interpreter (no installed console script, no venv path)
    subprocess.run([sys.executable, "-m", "cli", "ingest", path, "--db", dbs.next_url()], check=True,
                   capture_output=True, cwd=Path(__file__).resolve().parents[1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cli", action="store_true", help="time `roadmaps ingest` instead of the library call")
    ap.add_argument("--no-camelot", action="store_true")
    a = ap.parse_args(argv)
    files = a.files or dev_pdfs()
    if not files:
        print("no PDF to benchmark")
        return 1
    dbs = FreshDb()
    ingest = cli_ingest if a.cli else library_ingest
    # warm up imports and caches so that the first file is not charged for them
    bare_pdfplumber(files[0])
    our_extract(files[0])
    try:
        ingest(files[0], dbs)
    except Exception as e:  # the pipeline is not installed / broken: still time the extractor
        print(f"full ingest unavailable ({type(e).__name__}: {str(e)[-200:]}); timing extraction only")
        ingest = None
    print(f"{'file':32} {'plumber':>8} {'camelot':>8} {'extract':>8} {'read':>8} {'tables':>8} {'ingest':>8} "
          f"{'ingest/plumber':>15} {'extract/plumber':>16} {'camelot/plumber':>16}")
    ratios = []
    try:
        for f in files:
            t_pl = best_of(lambda: bare_pdfplumber(f), a.repeat)
            t_cam = float("nan") if a.no_camelot else best_of(lambda: camelot_lattice(f), 1)
            t_ex = best_of(lambda: our_extract(f), a.repeat)
            t_read, t_build = our_stages(f, a.repeat)
            t_in = best_of(lambda: ingest(f, dbs), a.repeat) if ingest else float("nan")
            ratios.append(t_in / t_pl if ingest else t_ex / t_pl)
            print(f"{Path(f).name:32} {t_pl:8.2f} {t_cam:8.2f} {t_ex:8.2f} {t_read:8.2f} {t_build:8.2f} {t_in:8.2f} "
                  f"{t_in / t_pl:15.2f} {t_ex / t_pl:16.2f} {t_cam / t_pl:16.2f}")
    finally:
        dbs.close()
    worst = max(ratios)
    verdict = "OK" if worst <= 2.0 else "OVER TARGET"
    what = "ingest" if ingest else "extract (ingest unavailable)"
    print(f"worst {what}/plumber = {worst:.2f} (target <= 2.0, goal 1.5): {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
