"""The hostile corpus through ``roadmaps ingest``, one subprocess per file: outcome, time, peak memory.

Generates the seeded corpus of ``tests/hostile/make_hostile.py``, ingests the good
roadmap first and then every file with ``python -m cli ingest --db DB -- FILE``
in its own subprocess, and reports per file:

* the outcome (loaded / unchanged / failed + stage) against what the case expects,
* the wall time,
* the peak resident memory: the largest single process of the ingest's process
  tree (CLI, extraction worker, Tesseract), sampled every 50 ms with psutil, and
  ``ru_maxrss`` of the subprocess (``os.wait4``) for comparison.

It fails (exit 1) when a process went above ``--max-rss-mb`` (1536 MB), a file
took longer than ``--max-seconds`` (120 s), a traceback was printed, a refusal did not
name the file, or an outcome was not the expected one (a refusal is a failed document, or —
for a path that is not a document file: a directory, a dangling link — one usage-error line
naming it, exit 2). Budgets are the defaults (``extractors.limits``) unless
``--case-env`` applies the lowered budgets some cases carry for the unit tests.

    .venv/bin/python benchmarks/hostile_run.py [--out /tmp/hostile] [--json hostile.json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Optional

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile.make_hostile import Case, generate  # noqa: E402

SUMMARY_RE = re.compile(r"documents: (\d+) loaded, (\d+) unchanged, (\d+) failed")
STAGE_RE = re.compile(r"(\w+) failed:")
SAMPLE_S = 0.05
HARD_KILL_FACTOR = 2.5     # a run still going after this many times --max-seconds is killed


@dataclass
class FileRun:
    name: str
    kind: str
    expect: str
    outcome: str
    stage: Optional[str]
    seconds: float
    peak_rss_mb: float          # largest single process of the tree (sampled)
    peak_tree_mb: float         # largest sum over the tree (sampled)
    ru_maxrss_mb: float         # wait4 of the CLI process (includes reaped descendants)
    traceback: bool
    unnamed: bool               # refused without naming the file
    ok: bool
    detail: str


def _tree_rss(proc: psutil.Process) -> tuple[float, float]:
    """(largest single RSS, sum of RSS) over a process and its descendants, in MB."""
    procs = [proc]
    try:
        procs += proc.children(recursive=True)
    except psutil.Error:
        pass
    sizes = []
    for p in procs:
        try:
            sizes.append(p.memory_info().rss)
        except psutil.Error:
            continue
    if not sizes:
        return 0.0, 0.0
    return max(sizes) / 2**20, sum(sizes) / 2**20


def run_one(path: Path, db_url: str, env: dict, max_seconds: float) -> tuple[int, str, float, float, float, float]:
    """(exit code, output, seconds, peak single RSS MB, peak tree RSS MB, ru_maxrss MB) of one ingest."""
    cmd = [sys.executable, "-m", "cli", "ingest", "--db", db_url, "--", str(path)]
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200", **env}
    with tempfile.TemporaryFile() as out:
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=full_env,
                                start_new_session=True)
        ps = psutil.Process(proc.pid)
        peak, tree, status, ru = 0.0, 0.0, None, None
        while status is None:
            try:
                one, total = _tree_rss(ps)
                peak, tree = max(peak, one), max(tree, total)
            except psutil.Error:
                pass
            pid, st, ru_now = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status, ru = st, ru_now
                break
            if time.monotonic() - t0 > HARD_KILL_FACTOR * max_seconds:
                os.killpg(proc.pid, 9)
            time.sleep(SAMPLE_S)
        seconds = time.monotonic() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return proc.returncode, text, seconds, peak, tree, ru.ru_maxrss / 1024.0


def _outcome(code: int, text: str, name: str) -> tuple[str, Optional[str]]:
    m = SUMMARY_RE.search(text)
    if not m:
        if code == 2 and name in text and len(text.strip().splitlines()) == 1:
            # a path that is not a document file (a directory, a dangling link) is the user's
            # mistake: one line naming it, exit 2, nothing quarantined
            return "usage error", "arguments"
        return f"no summary (exit {code})", None
    loaded, unchanged, failed = (int(g) for g in m.groups())
    if failed:
        s = STAGE_RE.search(text)
        return "failed", s.group(1) if s else None
    return ("loaded" if loaded else "unchanged"), None


def _expected(case: Case, outcome: str) -> bool:
    allowed = {"loaded": {"loaded"}, "refused": {"failed", "usage error"}, "unchanged-or-loaded": {"loaded", "unchanged"},
               "any": {"loaded", "failed", "unchanged"}}[case.expect]
    return outcome in allowed


def run_corpus(out: Path, db_url: str, seed: int, max_seconds: float, max_rss_mb: float,
               case_env: bool) -> list[FileRun]:
    cases = generate(out, seed, big_rows=20000)
    order = sorted(cases, key=lambda c: c.name != "good.docx")     # the good roadmap first
    runs = []
    for i, case in enumerate(order, 1):
        code, text, secs, peak, tree, ru = run_one(case.path(out), db_url, case.env if case_env else {},
                                                   max_seconds)
        outcome, stage = _outcome(code, text, case.name)
        tb = "Traceback" in text
        unnamed = outcome in ("failed", "usage error") and case.name not in " ".join(text.split())
        if case.env and not case_env:      # refused only under the lowered budget it carries
            case = Case(case.name, case.kind, "any")
        ok = (_expected(case, outcome) and not tb and not unnamed and secs <= max_seconds
              and peak <= max_rss_mb)
        last = " ".join(text.split())[-160:]
        runs.append(FileRun(case.name, case.kind, case.expect, outcome, stage, round(secs, 2), round(peak, 1),
                            round(tree, 1), round(ru, 1), tb, unnamed, ok, last))
        print(f"[{i:3d}/{len(order)}] {'ok ' if ok else 'BAD'} {outcome:9s} {stage or '':9s} {secs:7.2f} s "
              f"{peak:7.1f} MB  {case.name!r}", flush=True)
    return runs


def summary(runs: list[FileRun], max_seconds: float, max_rss_mb: float) -> dict:
    count = {k: sum(1 for r in runs if r.outcome == k) for k in ("loaded", "unchanged", "failed", "usage error")}
    slowest = max(runs, key=lambda r: r.seconds)
    biggest = max(runs, key=lambda r: r.peak_rss_mb)
    return {
        "files": len(runs), **count,
        "other": len(runs) - sum(count.values()),
        "max_seconds": slowest.seconds, "slowest": slowest.name,
        "max_rss_mb": biggest.peak_rss_mb, "largest": biggest.name,
        "max_tree_mb": max(r.peak_tree_mb for r in runs),
        "total_seconds": round(sum(r.seconds for r in runs), 1),
        "over_time": [r.name for r in runs if r.seconds > max_seconds],
        "over_rss": [r.name for r in runs if r.peak_rss_mb > max_rss_mb],
        "tracebacks": [r.name for r in runs if r.traceback],
        "unnamed": [r.name for r in runs if r.unnamed],
        "unexpected": [f"{r.name}: expected {r.expect}, got {r.outcome}" for r in runs
                       if not _expected(Case(r.name, r.kind, r.expect), r.outcome)],
    }


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "roadmaps-hostile")
    ap.add_argument("--db", default=None, help="database URL (default: a fresh SQLite file next to --out)")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--max-seconds", type=float, default=120.0)
    ap.add_argument("--max-rss-mb", type=float, default=1536.0)
    ap.add_argument("--case-env", action="store_true", help="apply the lowered budgets cases carry for tests")
    ap.add_argument("--json", type=Path, default=None, help="write every file's figures here")
    args = ap.parse_args(argv)
    db_path = args.out.with_name(args.out.name + ".db")
    if args.db is None and db_path.exists():
        db_path.unlink()
    db_url = args.db or f"sqlite:///{db_path}"
    runs = run_corpus(args.out, db_url, args.seed, args.max_seconds, args.max_rss_mb, args.case_env)
    s = summary(runs, args.max_seconds, args.max_rss_mb)
    print(json.dumps(s, ensure_ascii=False, indent=1))
    if args.json:
        args.json.write_text(json.dumps({"summary": s, "files": [asdict(r) for r in runs]},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    bad = s["over_time"] or s["over_rss"] or s["tracebacks"] or s["unexpected"] or s["unnamed"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
