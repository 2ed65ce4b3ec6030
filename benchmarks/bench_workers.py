"""Workers benchmark: ``roadmaps ingest --workers 1`` vs ``--workers 2`` and ``roadmaps pull`` on the
same files, each a whole process into a fresh SQLite database.

Prints wall seconds, CPU seconds (user + sys of the process tree that was waited for; complete
only with ``--in-process``, as the extraction forkserver's children are not waited for) and the
ratios the issue asks for: ingest speed-up 2 workers / 1 worker (goal ≥ 1.7 on two cores) and
pull CPU / ingest CPU (goal ≤ 1.2). The default file set is a mix of the samples in data/raw
(DOCX, ruled and borderless PDFs, one scan); ``--files`` to choose others. The speed-up only
means something on an otherwise idle machine: the load average is printed before and after.
Usage::

    python benchmarks/bench_workers.py
    python benchmarks/bench_workers.py --files data/raw/*.docx data/raw/*_2021.pdf --skip-pull
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
DEFAULT_FILES = ["kaluga_2021.docx", "amur_2019.docx", "kemerovo_2018.docx", "kaluga_2021.pdf",
                 "amur_2019.pdf", "kemerovo_2018.pdf", "kaluga_2021_borderless.pdf",
                 "amur_2019_borderless.pdf", "amur_2019_scan.pdf"]
SPEEDUP_GOAL = 1.7
PULL_CPU_GOAL = 1.2


def timed(python: str, project: Path, args: list[str], in_process: bool = False) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(project)}
    if in_process:
        env["ROADMAPS_ISOLATE"] = "0"
    t0 = time.perf_counter()
    proc = subprocess.run([python, "-m", "cli", *args], cwd=project, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    last = (proc.stderr.strip().splitlines() or [""])[-1]
    return {"wall": wall, "cpu": cpu, "rc": proc.returncode, "last": last}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", nargs="+", type=Path, default=[RAW / f for f in DEFAULT_FILES])
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--project", type=Path, default=ROOT)
    ap.add_argument("--skip-pull", action="store_true")
    ap.add_argument("--in-process", action="store_true",
                    help="ROADMAPS_ISOLATE=0: extract in the worker itself, so that the CPU seconds "
                         "are complete (a forkserver's children are never waited for by this script)")
    args = ap.parse_args(argv)
    files = [str(f.resolve()) for f in args.files]
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; {len(files)} files")
    runs = {}
    with tempfile.TemporaryDirectory(prefix="roadmaps-bench-") as tmp:
        for w in (1, 2):
            db = f"sqlite:///{tmp}/ingest{w}.db"
            runs[w] = r = timed(args.python, args.project, ["ingest", *files, "--db", db, "--workers", str(w)],
                                  args.in_process)
            print(f"ingest --workers {w}: {r['wall']:.1f} s wall, {r['cpu']:.1f} CPU s (exit {r['rc']}) {r['last']}")
        speedup = runs[1]["wall"] / runs[2]["wall"]
        print(f"ingest speed-up 1 → 2 workers: ×{speedup:.2f} (goal ≥ {SPEEDUP_GOAL})")
        if not args.skip_pull:
            manifest = Path(tmp) / "manifest.yaml"
            manifest.write_text("sources:\n" + "".join(f"  - path: {f}\n" for f in files), encoding="utf-8")
            for w in (1, 2):
                r = timed(args.python, args.project, ["pull", str(manifest), "--db",
                                                      f"sqlite:///{tmp}/pull{w}.db", "--workers", str(w)],
                          args.in_process)
                print(f"pull --workers {w}: {r['wall']:.1f} s wall, {r['cpu']:.1f} CPU s (exit {r['rc']}); "
                      f"CPU ×{r['cpu'] / runs[w]['cpu']:.2f} of ingest --workers {w} "
                      f"(goal ≤ {PULL_CPU_GOAL})  {r['last']}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
