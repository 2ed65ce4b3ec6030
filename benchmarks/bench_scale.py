"""Scale-out benchmark: a synthetic DOCX corpus ingested into PostgreSQL with 1 and 2 workers.

1. Generates ``--n`` DOCX variants of the dev DOCX files into ``--corpus`` (``tmp/…``, not
   committed; reused when it already holds the same number of documents from the same seed).
2. For each worker count (``--workers 1 2``): a fresh PostgreSQL database, the schema upgraded
   once, then the worker processes (spawned, warmed up behind a barrier so start-up is not timed)
   pull paths from one queue and call ``pipeline.ingest.ingest_path``. Prints documents/s and the
   speed-up over the first worker count. ``--baseline-n`` limits the first (slowest) run to the
   first M documents; its rate is still comparable because the corpus cycles through templates.
3. The unchanged re-run: every document again into the last database, once in one process
   (``ingest_path`` in a loop: the per-file sha256 skip check), once through ``roadmaps ingest``
   (the command a user runs, with interpreter start-up) and once with the batched check
   ``pipeline.store.lookup.split_unchanged``. Goal: ≤ 10 s for 1,000 documents.

Checks that every document loaded exactly once (no failures, no duplicate sha256). The speed-up
is only meaningful on an otherwise idle machine: the load average is printed before and after, and
"worker CPU s/doc" (equal for 1 and 2 workers when loading does not contend) is the stable figure.
Usage::

    eval "$(bash scripts/start_pg.sh)"        # or any server: --pg-url postgresql://…/postgres
    python benchmarks/bench_scale.py --n 1000     # any interpreter with the project's packages
    python benchmarks/bench_scale.py --n 50       # quick run
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.make_corpus import default_templates, make_corpus  # noqa: E402

DEFAULT_CORPUS = ROOT / "tmp" / "bench_corpus"
SPEEDUP_GOAL = 1.7
RERUN_GOAL_S_PER_1000 = 10.0
STOP = None


# ---------------------------------------------------------------- databases

def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def fresh_database(server_url: str, label: str) -> str:
    """CREATE a new database on the server; returns its URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"roadmaps_bench_{label}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_libpq(server_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return make_url(_libpq(server_url)).set(database=name).render_as_string(hide_password=False)


def drop_database(server_url: str, url: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    with psycopg.connect(_libpq(server_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def document_counts(url: str) -> tuple[int, int]:
    """(documents, distinct sha256) in the database."""
    import psycopg

    with psycopg.connect(_libpq(url)) as conn:
        return conn.execute("SELECT count(*), count(DISTINCT sha256) FROM documents").fetchone()


# ---------------------------------------------------------------- workers

def _worker(barrier, url: str, tasks, results) -> None:
    """Warm up, wait for the start signal, then ingest paths from the queue until STOP."""
    import pipeline.normalise  # noqa: F401  (imported lazily by the first ingest otherwise)
    from pipeline.store.db import upgrade
    from pipeline.ingest import ingest_path

    upgrade(url)
    cpu0 = time.process_time()
    barrier.wait()
    statuses: Counter = Counter()
    errors = []
    while (path := tasks.get()) is not STOP:
        o = ingest_path(path, url)
        statuses[o.status] += 1
        if o.status == "failed" and len(errors) < 5:
            errors.append(o.error)
    results.put((dict(statuses), errors, time.process_time() - cpu0))


def timed_ingest(url: str, paths: list[str], workers: int) -> dict:
    """Ingest with ``workers`` spawned processes; wall time from the barrier to the last result."""
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(workers + 1)
    tasks, results = ctx.Queue(), ctx.Queue()
    for p in paths:
        tasks.put(p)
    for _ in range(workers):
        tasks.put(STOP)
    procs = [ctx.Process(target=_worker, args=(barrier, url, tasks, results)) for _ in range(workers)]
    for p in procs:
        p.start()
    barrier.wait()
    t0 = time.perf_counter()
    reports = [results.get() for _ in procs]
    wall = time.perf_counter() - t0
    for p in procs:
        p.join()
    statuses: Counter = Counter()
    for s, _, _ in reports:
        statuses.update(s)
    return {"workers": workers, "docs": len(paths), "wall_s": wall,
            "docs_per_s": statuses.get("loaded", 0) / wall, "statuses": dict(statuses),
            "errors": [e for _, errs, _ in reports for e in errs],
            "worker_cpu_s": sum(c for _, _, c in reports)}


def unchanged_rerun_in_process(url: str, paths: list[str]) -> tuple[float, Counter]:
    from pipeline.store.db import upgrade
    from pipeline.ingest import ingest_path

    upgrade(url)
    t0 = time.perf_counter()
    statuses = Counter(ingest_path(p, url).status for p in paths)
    return time.perf_counter() - t0, statuses


def unchanged_rerun_batched(url: str, paths: list[str]) -> tuple[float, int]:
    """``pipeline.store.lookup.split_unchanged``: hash every file, one query per 1,000 hashes."""
    from pipeline.store.lookup import split_unchanged

    t0 = time.perf_counter()
    todo, unchanged = split_unchanged(url, paths)
    return time.perf_counter() - t0, len(unchanged)


def unchanged_rerun_cli(url: str, paths: list[str]) -> tuple[float, int]:
    """``roadmaps ingest`` as a user runs it: this interpreter, this checkout (no fixed venv path)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "cli", "ingest", *paths, "--db", url], capture_output=True,
                          text=True, cwd=ROOT, env=env)
    return time.perf_counter() - t0, proc.returncode


# ---------------------------------------------------------------- main

def corpus_paths(corpus: Path, n: int, seed: int) -> list[str]:
    stamp = corpus / f".made_n{n}_seed{seed}"
    if not stamp.exists():
        for old in corpus.glob("*.docx"):
            old.unlink()
        templates = default_templates()
        t0 = time.perf_counter()
        make_corpus(corpus, n, templates, seed)
        for old in corpus.glob(".made_*"):
            old.unlink()
        stamp.touch()
        print(f"corpus: {n} DOCX variants of {len(templates)} templates in {time.perf_counter() - t0:.1f} s")
    return sorted(str(p) for p in corpus.glob("*.docx"))


def report_run(r: dict, base: dict | None) -> None:
    speedup = f"  speed-up ×{r['docs_per_s'] / base['docs_per_s']:.2f}" if base else ""
    print(f"{r['workers']} worker(s): {r['docs']} docs in {r['wall_s']:.1f} s = {r['docs_per_s']:.2f} docs/s"
          f"  (worker CPU {r['worker_cpu_s'] / max(r['docs'], 1):.2f} s/doc){speedup}  {r['statuses']}")
    for e in r["errors"]:
        print(f"   error: {e}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="corpus size (default 1000; e.g. 50 for a quick run)")
    ap.add_argument("--baseline-n", type=int, default=None,
                    help="documents for the first worker count (default: all --n)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--pg-url", default=os.environ.get("ROADMAPS_TEST_PG_URL"),
                    help="any database URL on the server to use (default $ROADMAPS_TEST_PG_URL)")
    ap.add_argument("--keep", action="store_true", help="keep the benchmark databases")
    args = ap.parse_args(argv)
    if not args.pg_url:
        print("no PostgreSQL server: pass --pg-url or eval \"$(bash scripts/start_pg.sh)\"", file=sys.stderr)
        return 2
    paths = corpus_paths(args.corpus, args.n, args.seed)
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    base, created, last_url, ok = None, [], None, True
    try:
        for i, w in enumerate(args.workers):
            subset = paths[: args.baseline_n] if i == 0 and args.baseline_n else paths
            url = fresh_database(args.pg_url, f"w{w}")
            created.append(url)
            r = timed_ingest(url, subset, w)
            report_run(r, base)
            docs, distinct = document_counts(url)
            ok &= docs == distinct == r["statuses"].get("loaded", 0) == len(subset)
            base = base or r
            last_url = url
        if base and last_url and len(args.workers) > 1:
            speedup = r["docs_per_s"] / base["docs_per_s"]
            print(f"speed-up {args.workers[0]} → {args.workers[-1]} workers: ×{speedup:.2f} "
                  f"(goal ≥ {SPEEDUP_GOAL}); load average now {os.getloadavg()[0]:.1f}")
        rerun_paths = paths if not args.baseline_n or len(args.workers) > 1 else paths[: args.baseline_n]
        t_loop, statuses = unchanged_rerun_in_process(last_url, rerun_paths)
        t_cli, rc = unchanged_rerun_cli(last_url, rerun_paths)
        t_batch, n_batch = unchanged_rerun_batched(last_url, rerun_paths)
        goal = RERUN_GOAL_S_PER_1000 * len(rerun_paths) / 1000
        print(f"unchanged re-run of {len(rerun_paths)} docs: {t_loop:.2f} s in process "
              f"({dict(statuses)}), {t_cli:.2f} s via `roadmaps ingest` (exit {rc}), "
              f"{t_batch:.2f} s batched (pipeline.store.lookup, {n_batch} unchanged); goal ≤ {goal:.1f} s")
        ok &= statuses.get("unchanged", 0) == n_batch == len(rerun_paths) and rc == 0
    finally:
        if not args.keep:
            for url in created:
                drop_database(args.pg_url, url)
    print("checks: every document loaded exactly once" if ok else "checks FAILED (see above)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
