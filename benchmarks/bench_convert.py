"""Time reading .doc/.rtf/.odt (LibreOffice → DOCX) and HTML against reading the DOCX itself.

Each DOCX given (default: every ``data/raw/*.docx``) is first rendered as .doc,
.rtf, .odt and a portal-style HTML page with ``benchmarks/make_formats.py``
(not timed); then ``extractors.extract`` runs on every rendering and on the
DOCX, and the script prints the median time per file and its ratio to the DOCX
path. For .doc/.rtf/.odt the time is the whole route: size/depth checks, a
fresh LibreOffice profile, the conversion and the DOCX reader.

    python benchmarks/bench_convert.py [DOCX ...] [--repeat 3] [--formats doc,rtf,odt,html]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extractors import extract  # noqa: E402
from make_formats import make  # noqa: E402


def time_extract(path: Path, repeat: int) -> float:
    """Median wall time of ``extract(path)`` over ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        extract(path)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def bench(docx: Path, formats: list[str], repeat: int, workdir: Path) -> list[tuple[str, str, float, float]]:
    """(document, format, seconds, ratio to DOCX) for the DOCX and each rendering."""
    base = time_extract(docx, repeat)
    rows = [(docx.stem, "docx", base, 1.0)]
    for path in make(docx, workdir, formats):
        seconds = time_extract(path, repeat)
        rows.append((docx.stem, path.suffix.lstrip("."), seconds, seconds / base))
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docx", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--formats", default="doc,rtf,odt,html")
    args = ap.parse_args(argv)
    files = args.docx or sorted((ROOT / "data" / "raw").glob("*.docx"))
    print(f"{'document':<16} {'format':<7} {'seconds':>8} {'x docx':>8}")
    with tempfile.TemporaryDirectory(prefix="roadmaps-bench-") as tmp:
        for docx in files:
            for name, fmt, seconds, ratio in bench(docx, args.formats.split(","), args.repeat, Path(tmp)):
                print(f"{name:<16} {fmt:<7} {seconds:8.3f} {ratio:8.1f}")


if __name__ == "__main__":
    main()
