"""What a user waits for: one whole `roadmaps ingest` process per file, side by side with a bare
library process on the same file (python-docx reading every cell; pdfplumber `extract_tables` on
every page), medians over repeated runs, and the ratio.

Run from any checkout (defaults to the DOCX and ruled PDF samples in data/raw):

    .venv/bin/python benchmarks/bench_process.py                  # 3 runs each
    .venv/bin/python benchmarks/bench_process.py --runs 5 FILE... --markdown out.md

Each ingest goes into a fresh SQLite database (cold: nothing loaded yet), so the figure includes
start-up, schema creation, extraction, normalisation and the load.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
ROADMAPS = [PY, "-m", "cli"]

BARE_DOCX = """
import sys, docx
d = docx.Document(sys.argv[1])
n = sum(len(c.text) for t in d.tables for r in t.rows for c in r.cells)
"""
BARE_PDF = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    n = sum(len(t) for p in pdf.pages for t in p.extract_tables())
"""


def default_files() -> list[Path]:
    raw = ROOT / "data" / "raw"
    return sorted(raw.glob("*.docx")) + sorted(p for p in raw.glob("*.pdf")
                                               if not p.stem.endswith(("_borderless", "_scan")))


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if res.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({res.returncode}): {res.stderr[-500:]}")
    return elapsed


def bench_file(path: Path, runs: int) -> dict:
    bare = BARE_DOCX if path.suffix.lower() == ".docx" else BARE_PDF
    bare_times, ingest_times = [], []
    for _ in range(runs):
        bare_times.append(timed([PY, "-c", bare, str(path)]))
        with tempfile.TemporaryDirectory() as tmp:
            ingest_times.append(timed(ROADMAPS + ["ingest", str(path), "--db", f"sqlite:///{tmp}/b.db"]))
    b, i = statistics.median(bare_times), statistics.median(ingest_times)
    return {"file": path.name, "bare_s": b, "ingest_s": i, "ratio": i / b,
            "bare": "python-docx" if path.suffix.lower() == ".docx" else "pdfplumber extract_tables"}


def markdown(rows: list[dict]) -> str:
    out = ["| file | bare library | bare s (median) | roadmaps ingest s (median) | ratio |",
           "|---|---|---|---|---|"]
    out += [f"| {r['file']} | {r['bare']} | {r['bare_s']:.2f} | {r['ingest_s']:.2f} | {r['ratio']:.2f} |"
            for r in rows]
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--markdown", type=Path, help="also write the table here")
    args = ap.parse_args()
    rows = [bench_file(p, args.runs) for p in (args.files or default_files())]
    table = markdown(rows)
    print(table)
    if args.markdown:
        args.markdown.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
