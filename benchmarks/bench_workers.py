"""Workers benchmark: ``roadmaps ingest --workers 1`` vs ``--workers 2`` and ``roadmaps pull`` on the
same files, each a whole process into a fresh SQLite database.

Prints medians over ``--runs`` (default 3) of wall seconds and CPU seconds (user + sys of the
whole process tree: this script makes itself the "subreaper" of the command, so processes that
outlive their parent — a forkserver, Prefect's temporary server — are reaped and counted too),
and the ratios the issue asks for: ingest speed-up 2 workers / 1 worker (goal ≥ 1.7 on two
cores) and pull CPU / ingest CPU (goal ≤ 1.2). The default file set is a mix of the samples in
data/raw (DOCX, .doc/.rtf/.odt/HTML, ruled and borderless PDFs, one scan); ``--files`` to
choose others. The speed-up only means something on an otherwise idle machine: the load
average is printed before and after, and the machine's own ceiling is measured at the end (the
same pure-Python loop alone and twice at once: a virtual machine's two vCPUs may not be two
cores' worth of work).
Usage::

    python benchmarks/bench_workers.py
    python benchmarks/bench_workers.py --files data/raw/*.docx data/raw/*_2021.pdf --skip-pull
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import statistics
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
                 "amur_2019_borderless.pdf", "amur_2019_scan.pdf", "kaluga_2021.doc", "kaluga_2021.rtf",
                 "kaluga_2021.odt", "kaluga_2021.html"]
SPEEDUP_GOAL = 1.7
PULL_CPU_GOAL = 1.2


PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> bool:
    """Linux: orphaned descendants of our commands become our children (so they can be reaped and
    their CPU time counted in RUSAGE_CHILDREN). False where that is not available."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def reap_orphans() -> None:
    """Wait for every remaining descendant (a forkserver or a server outliving the command)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def timed(python: str, project: Path, args: list[str], in_process: bool = False) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(project)}
    if in_process:
        env["ROADMAPS_ISOLATE"] = "0"
    t0 = time.perf_counter()
    proc = subprocess.run([python, "-m", "cli", *args], cwd=project, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    reap_orphans()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    last = (proc.stderr.strip().splitlines() or [""])[-1]
    try:   # ``ingest --json``: seconds per document
        seconds = [e["seconds"] for e in json.loads(proc.stdout)]
    except (ValueError, KeyError, TypeError):
        seconds = []
    return {"wall": wall, "cpu": cpu, "rc": proc.returncode, "last": last, "seconds": seconds}


def best_speedup(seconds: list[float], workers: int) -> float:
    """The speed-up ``workers`` processes could reach at best on documents taking ``seconds``
    each one at a time: total / the makespan of largest-first scheduling (one long scan among
    short documents bounds it, whatever the pool does)."""
    if not seconds:
        return float("nan")
    loads = [0.0] * workers
    for s in sorted(seconds, reverse=True):
        loads[loads.index(min(loads))] += s
    return sum(seconds) / max(loads)


def _spin(n: int) -> float:
    """A fixed amount of pure-Python CPU work; returns its CPU seconds."""
    t0 = time.process_time()
    acc = 0
    for i in range(n):
        acc += i * i % 7
    return time.process_time() - t0


def machine_ceiling(n: int = 20_000_000) -> tuple[float, float]:
    """What two processes can gain on this machine at all: the same CPU-bound loop run once alone
    and then twice at once. Returns (throughput of two ÷ one, CPU seconds of each of the pair ÷
    alone). On two real cores it is ×2.0 / 1.0; a virtual machine whose two vCPUs share a
    physical core (or a busy host) gives less, and no pool of workers can beat it."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1) as pool:
        t0 = time.perf_counter()
        alone_cpu = pool.apply(_spin, (n,))
        alone = time.perf_counter() - t0
    with ctx.Pool(2) as pool:
        t0 = time.perf_counter()
        pair_cpu = pool.map(_spin, [n, n], chunksize=1)
        pair = time.perf_counter() - t0
    return 2 * alone / pair, statistics.mean(pair_cpu) / alone_cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", nargs="+", type=Path, default=[RAW / f for f in DEFAULT_FILES])
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--project", type=Path, default=ROOT)
    ap.add_argument("--skip-pull", action="store_true")
    ap.add_argument("--runs", type=int, default=3, help="runs of each command; medians are printed")
    ap.add_argument("--in-process", action="store_true",
                    help="ROADMAPS_ISOLATE=0: extract in the worker itself, so that the CPU seconds "
                         "are complete (a forkserver's children are never waited for by this script)")
    args = ap.parse_args(argv)
    files = [str(f.resolve()) for f in args.files]
    complete = become_subreaper()
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; {len(files)} files; "
          f"CPU of the whole process tree: {'yes' if complete else 'no (only waited-for children)'}")
    kinds = [("ingest", 1), ("ingest", 2)] + ([] if args.skip_pull else [("pull", 1), ("pull", 2)])
    samples: dict[tuple, list[dict]] = {k: [] for k in kinds}
    with tempfile.TemporaryDirectory(prefix="roadmaps-bench-") as tmp:
        manifest = Path(tmp) / "manifest.yaml"
        manifest.write_text("sources:\n" + "".join(f"  - path: {f}\n" for f in files), encoding="utf-8")
        for run in range(args.runs):
            for cmd, w in kinds:
                db = f"sqlite:///{tmp}/{cmd}{w}-{run}.db"
                what = [str(manifest)] if cmd == "pull" else [*files, "--json"]
                r = timed(args.python, args.project, [cmd, *what, "--db", db, "--workers", str(w)],
                          args.in_process)
                samples[(cmd, w)].append(r)
                print(f"  run {run + 1}: {cmd} --workers {w}: {r['wall']:.1f} s wall, {r['cpu']:.1f} CPU s "
                      f"(exit {r['rc']}) {r['last']}", flush=True)
    med = {k: {m: statistics.median(r[m] for r in v) for m in ("wall", "cpu")} for k, v in samples.items()}
    for (cmd, w), m in med.items():
        print(f"{cmd} --workers {w}: median {m['wall']:.1f} s wall, {m['cpu']:.1f} CPU s")
    speedup = med[("ingest", 1)]["wall"] / med[("ingest", 2)]["wall"]
    bound = statistics.median(best_speedup(r["seconds"], 2) for r in samples[("ingest", 1)])
    one = med[("ingest", 1)]
    cores = min(2, os.cpu_count() or 1)
    print(f"ingest speed-up 1 → 2 workers: ×{speedup:.2f} (goal ≥ {SPEEDUP_GOAL}); at best ×{bound:.2f} "
          f"on these files (their seconds with --workers 1, largest first on 2 processes) and at most "
          f"×{one['wall'] / (one['cpu'] / cores):.2f} by CPU time (--workers 1 already keeps "
          f"{one['cpu'] / one['wall']:.2f} cores busy: OCR reads pages in parallel; {cores} cores "
          f"cannot do its {one['cpu']:.1f} CPU s in under {one['cpu'] / cores:.1f} s)")
    if not args.skip_pull:
        for w in (1, 2):
            print(f"pull --workers {w}: CPU ×{med[('pull', w)]['cpu'] / med[('ingest', w)]['cpu']:.2f} of "
                  f"ingest --workers {w} (goal ≤ {PULL_CPU_GOAL}); wall "
                  f"×{med[('pull', w)]['wall'] / med[('ingest', w)]['wall']:.2f}")
    gain, inflation = machine_ceiling()
    print(f"this machine: two CPU-bound processes at once do ×{gain:.2f} the work of one (each takes "
          f"×{inflation:.2f} the CPU seconds it takes alone) — the ceiling of any 2-worker speed-up here")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
