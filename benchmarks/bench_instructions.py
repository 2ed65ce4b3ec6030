"""Instructions (valgrind callgrind) of one whole `roadmaps ingest` into a new database, parent
and forked extraction worker together, against the bare library process of bench_process.py:
counts that a busy machine cannot distort (wall and CPU seconds here vary by ±30% under load).

    python benchmarks/bench_instructions.py                       # the DOCX samples, and --help
    python benchmarks/bench_instructions.py data/raw/amur_2019.pdf --keep /tmp/cg

Each process of the tree writes its own callgrind file. A forked child's file starts with the
parent's counts up to the fork (valgrind copies the counters with the process), so summing the
files as they are counts the parent's start-up twice; here every child's counters are zeroed
where CPython's fork returns in the child (``--zero-before=PyOS_AfterFork_Child``), and the sum
is the work of the whole tree. One run is enough: the counts repeat to within ~1%. Needs
``valgrind``; the set-up cache is filled by a first, uncounted run (as after a machine's first).
Slow (~50× a normal run): about a minute per file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_process import BARE_DOCX, BARE_PDF, PY, ROADMAPS, ROOT  # noqa: E402

VALGRIND = ["valgrind", "--tool=callgrind", "--trace-children=yes",
            "--zero-before=PyOS_AfterFork_Child"]


def count(cmd: list[str], out_dir: Path, env: dict) -> list[int]:
    """Instructions of every process ``cmd`` started (the first is ``cmd`` itself)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    res = subprocess.run(VALGRIND + [f"--callgrind-out-file={out_dir}/cg.%p"] + cmd, cwd=ROOT,
                         env=env, capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({res.returncode}): {res.stderr[-500:]}")
    totals = []
    for f in sorted(out_dir.glob("cg.*"), key=lambda p: int(p.suffix[1:])):
        for line in f.read_text(errors="replace").splitlines():
            if line.startswith("totals:"):
                totals.append(int(line.split()[1]))
    return totals


def bench_file(path: Path, work: Path, env: dict) -> dict:
    bare = BARE_DOCX if path.suffix.lower() == ".docx" else BARE_PDF
    ingest = ROADMAPS + ["ingest", str(path), "--db"]
    subprocess.run(ingest + [f"sqlite:///{work}/first.db"], cwd=ROOT, env=env, capture_output=True)
    b = count([PY, "-c", bare, str(path)], work / f"{path.stem}-bare", env)
    i = count(ingest + [f"sqlite:///{work}/{path.stem}.db"], work / f"{path.stem}-ingest", env)
    return {"file": path.name, "bare": sum(b), "ingest": sum(i), "processes": i}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--keep", type=Path, help="keep the callgrind files here (default: deleted)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    files = args.files or sorted((ROOT / "data" / "raw").glob("*.docx"))
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-instructions-"))
    env = dict(os.environ, ROADMAPS_CACHE_DIR=str(work / "cache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        rows = [bench_file(p.resolve(), work, env) for p in files]
        help_total = sum(count(ROADMAPS + ["--help"], work / "help", env))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print("| file | bare G | ingest G (parent + workers) | ingest ÷ bare |\n|---|---|---|---|")
    for r in rows:
        parts = " + ".join(f"{n / 1e9:.3f}" for n in r["processes"])
        print(f"| {r['file']} | {r['bare'] / 1e9:.3f} | {r['ingest'] / 1e9:.3f} ({parts}) "
              f"| {r['ingest'] / r['bare']:.2f} |")
    print(f"\n`roadmaps --help`: {help_total / 1e9:.3f} G")


if __name__ == "__main__":
    main()
