"""Large-table and unchanged-re-run benchmark, timed as whole ``roadmaps ingest`` processes.

1. A generated DOCX with one ``--rows``-row activity table (``make_large_docx``) ingested into a
   fresh SQLite database by ``python -m cli ingest``: wall seconds, CPU seconds (this process's
   children, the extraction worker included) and peak resident memory of the largest process.
   Goal: 20,000 rows ≤ 30 s.
2. ``--docs`` tiny DOCX files (distinct bytes, each a valid roadmap) loaded once, then the same
   ``roadmaps ingest`` run again: every file must come back "unchanged". Goal: 1,000 ≤ 10 s.

Runs from any checkout: the project is this file's parent folder, the interpreter is the one
running this script (``--python`` to time another, ``--project`` for another checkout, e.g. to
measure a "before"). Usage::

    python benchmarks/bench_large.py                 # 20,000 rows and 1,000 unchanged files
    python benchmarks/bench_large.py --rows 2000 --docs 100
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
sys.path.insert(0, str(ROOT))

from benchmarks.make_large_docx import make_large_docx  # noqa: E402

LARGE_GOAL_S = 30.0
RERUN_GOAL_S_PER_1000 = 10.0
MEMORY_GOAL_MB = 400


def run_cli(python: str, project: Path, args: list[str], timeout: float) -> dict:
    """One ``python -m cli …`` process: wall s, CPU s (user+sys of its process tree), peak RSS MB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(project)}
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([python, "-m", "cli", *args], cwd=project, env=env, capture_output=True,
                              text=True, timeout=timeout)
        rc, err = proc.returncode, proc.stderr
    except subprocess.TimeoutExpired:
        rc, err = None, f"killed after {timeout:g} s"
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": wall, "cpu_s": cpu, "peak_mb": after.ru_maxrss / 1024, "rc": rc,
            "tail": (err or "").strip().splitlines()[-1:] }


def tiny_docs(folder: Path, n: int) -> list[str]:
    """``n`` small valid roadmaps with distinct bytes (two activity rows each)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        path = folder / f"tiny_{i:05d}.docx"
        make_large_docx(path, 3, title_suffix=f" (вариант {i})")
        out.append(str(path))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--project", type=Path, default=ROOT)
    ap.add_argument("--timeout", type=float, default=600.0, help="seconds before a run is killed")
    ap.add_argument("--skip-large", action="store_true")
    ap.add_argument("--skip-rerun", action="store_true")
    args = ap.parse_args(argv)
    ok = True
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; project {args.project}")
    with tempfile.TemporaryDirectory(prefix="roadmaps-bench-") as tmp:
        work = Path(tmp)
        if not args.skip_large:
            doc = make_large_docx(work / f"large_{args.rows}.docx", args.rows)
            r = run_cli(args.python, args.project,
                        ["ingest", str(doc), "--db", f"sqlite:///{work / 'large.db'}"], args.timeout)
            print(f"{args.rows}-row DOCX: {r['wall_s']:.1f} s wall, {r['cpu_s']:.1f} CPU s, "
                  f"peak {r['peak_mb']:.0f} MB (exit {r['rc']}); goal ≤ {LARGE_GOAL_S:g} s, "
                  f"≤ {MEMORY_GOAL_MB} MB  {r['tail']}")
            ok &= r["rc"] == 0
        if not args.skip_rerun:
            docs = tiny_docs(work / "tiny", args.docs)
            db = ["--db", f"sqlite:///{work / 'tiny.db'}"]
            first = run_cli(args.python, args.project, ["ingest", str(work / "tiny"), *db, "--workers", "2"],
                            args.timeout * 10)
            print(f"first load of {len(docs)} tiny DOCX: {first['wall_s']:.1f} s wall (exit {first['rc']})")
            again = run_cli(args.python, args.project, ["ingest", str(work / "tiny"), *db, "--json"],
                            args.timeout)
            goal = RERUN_GOAL_S_PER_1000 * len(docs) / 1000
            print(f"unchanged re-run of {len(docs)} documents: {again['wall_s']:.2f} s wall, "
                  f"{again['cpu_s']:.2f} CPU s (exit {again['rc']}); goal ≤ {goal:.1f} s")
            ok &= first["rc"] == 0 and again["rc"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
