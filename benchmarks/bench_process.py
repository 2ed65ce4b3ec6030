"""What a user waits for: one whole `roadmaps ingest` process per file, side by side with a bare
library process on the same file (python-docx reading every cell; pdfplumber `extract_tables` on
every page), medians over repeated runs, and the ratios.

Run from any checkout, with any interpreter that has the project's dependencies (defaults to the
DOCX and ruled PDF samples in data/raw):

    python benchmarks/bench_process.py                  # 3 runs each
    python benchmarks/bench_process.py --runs 5 FILE... --markdown out.md

Per file, runs interleaved so that a busy machine slows every column alike:

* ``bare``  — the bare library process;
* ``first`` — `roadmaps ingest` on a machine that has never run it: an empty set-up cache
  (``ROADMAPS_CACHE_DIR``) and a new SQLite file (one run: it fills the cache);
* ``new db`` — `roadmaps ingest` into a new SQLite file, the set-up cache filled (what every later
  first load of a document costs);
* ``re-run`` — the same command again on the database that holds the file (unchanged bytes:
  skipped), what a scheduled re-run waits for.

The timed processes may write and read bytecode (``PYTHONDONTWRITEBYTECODE`` is dropped from their
environment): an installed package has its ``.pyc`` files, and compiling the project's modules
from source on every run (about 0.1–0.2 s) is not what a user waits for. The ``first`` run writes
them. Wall seconds are medians; "cpu" is the median user + system seconds of the process and the
children it waited for (steadier than wall on a shared machine; a forkserver the process leaves
behind is not counted). Goals (issue 22): DOCX new db ≤ 2.5 × bare,
ruled PDF ≤ 1.5 × bare.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
ROADMAPS = [PY, "-m", "cli"]
GOALS = {".docx": 2.5, ".pdf": 1.5}

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


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """(wall s, cpu s) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if res.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({res.returncode}): {res.stderr[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median(pairs: list[tuple[float, float]], i: int) -> float:
    return statistics.median(p[i] for p in pairs)


def bench_file(path: Path, runs: int) -> dict:
    kind = path.suffix.lower()
    bare = BARE_DOCX if kind == ".docx" else BARE_PDF
    bare_t, new_t, rerun_t = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, ROADMAPS_CACHE_DIR=str(Path(tmp) / "cache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        ingest = ROADMAPS + ["ingest", str(path), "--db"]
        first = timed(ingest + [f"sqlite:///{tmp}/first.db"], env)
        for i in range(runs):
            bare_t.append(timed([PY, "-c", bare, str(path)], env))
            new_t.append(timed(ingest + [f"sqlite:///{tmp}/new{i}.db"], env))
            rerun_t.append(timed(ingest + [f"sqlite:///{tmp}/first.db"], env))
    b = median(bare_t, 0)
    return {"file": path.name, "bare": "python-docx" if kind == ".docx" else "pdfplumber extract_tables",
            "bare_s": b, "bare_cpu": median(bare_t, 1),
            "first_s": first[0], "new_s": median(new_t, 0), "new_cpu": median(new_t, 1),
            "rerun_s": median(rerun_t, 0), "rerun_cpu": median(rerun_t, 1), "goal": GOALS.get(kind)}


def markdown(rows: list[dict]) -> str:
    out = ["| file | bare library | wall s: bare / first / new db / re-run | cpu s: bare / new db / re-run "
           "| new db ÷ bare (wall) | new db ÷ bare (cpu) | re-run ÷ bare (wall) | goal (wall) |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        ratio = r["new_s"] / r["bare_s"]
        goal = (f"≤ {r['goal']:g} {'met' if ratio <= r['goal'] else 'NOT met'}" if r["goal"] else "")
        out.append(f"| {r['file']} | {r['bare']} | {r['bare_s']:.2f} / {r['first_s']:.2f} / {r['new_s']:.2f} / "
                   f"{r['rerun_s']:.2f} | {r['bare_cpu']:.2f} / {r['new_cpu']:.2f} / {r['rerun_cpu']:.2f} "
                   f"| {ratio:.2f} | {r['new_cpu'] / r['bare_cpu']:.2f} | {r['rerun_s'] / r['bare_s']:.2f} | {goal} |")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--markdown", type=Path, help="also write the table here")
    args = ap.parse_args()
    load_before = os.getloadavg()[0]
    rows = [bench_file(p.resolve(), args.runs) for p in (args.files or default_files())]
    table = markdown(rows)
    table += (f"\n\n{args.runs} runs each; load average {load_before:.1f} → {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} cores (ratios mean little on a busy machine)")
    print(table)
    if args.markdown:
        args.markdown.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
