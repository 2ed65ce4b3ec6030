"""Prefect 3 flow ``ingest_sources``: every document of a manifest through the ingest stages.

Orchestration only: one ``ingest_document`` task per document runs in parallel on
the task runner and calls the steps as plain library functions (``pipeline.sources.fetch``,
``pipeline.ingest``): fetch → hash → skip-if-loaded → extract-normalise-validate → load
(a task per step cost more in Prefect's API calls than the born-digital documents' own
work). On the default thread runner the threads only
orchestrate: the CPU step runs in a process pool of at most one process per core
(``cpu_pool``) and loads into SQLite go one at a time. On Dask (``--dask``: a local
cluster; ``--dask-address``: an existing scheduler) each worker process does the
whole document itself and loads it into the database given by ``--db`` (PostgreSQL
for a cluster of machines); the workers must import this project and reach every
source (URLs, or paths they share). A failing stage never stops the other
documents: the document goes to the quarantine table and into the run report's
``failed`` list.

Secrets: the database URL is only ever logged masked (``mask_url``). ``run_ingest`` passes a
URL that carries a password through ``$ROADMAPS_DB_URL`` instead of as a flow parameter
(parameters are stored by the Prefect server and shown in its UI); a deployment can also
name a Prefect ``Secret`` block holding the URL (``db_secret``).
"""

from __future__ import annotations

import flows.prefect_env  # noqa: F401  (Prefect settings before Prefect is imported)

import json
import logging
import os
import threading
from contextlib import contextmanager, nullcontext
from dataclasses import asdict
from pathlib import Path
from typing import Any, Iterator, Optional

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.states import Failed
from prefect.task_runners import ThreadPoolTaskRunner

from flows.deploy import secret_free_db
from pipeline.store.db import mask_secrets, mask_url, resolve_url, upgrade
from pipeline.sources.fetch import FetchedFile, FetchLimits, fetch, local_copy
from pipeline.ingest import (IngestOutcome, StageError, is_loaded, load_stage, prepare_record,
                             quarantine, refresh_renditions, resolve_quarantine, sha256_bytes)
from pipeline.sources.manifest import Manifest, SourceEntry, load_manifest, manifest_from_locations

DEFAULT_WORKERS = 4
REPORT_ARTIFACT_KEY = "roadmaps-ingest-report"

log = logging.getLogger(__name__)   # shown by `roadmaps -v` and in `serve` runs (cli.logs)


# ---- one document: one Prefect task, the stages plain calls inside it ---------------------
# A Prefect task run costs API calls to the server (create, Pending, Running, Completed) and,
# with the default cache policy, a hash of its inputs (a document's bytes, its record): one
# task per document, not one per stage, keeps Prefect orchestrating instead of serialising.
# Nothing is cached or persisted between runs: unchanged bytes are recognised by their sha256
# in the research database (``is_loaded``), not by Prefect.

def prepare(fetched: FetchedFile, sha256: str, hints: dict):
    """The CPU work of one document; in the flow's process pool when it has one (threads
    only wait on it), else here (a Dask worker is itself the process doing the work)."""
    pool = _cpu_pool
    with local_copy(fetched) as path:
        if pool is None:
            return prepare_record(path, fetched.source, sha256, hints)
        return pool.submit(prepare_record, path, fetched.source, sha256, hints).result()


def load_one(record, db_url: str) -> IngestOutcome:
    """One transaction; on SQLite one load at a time in this process (a single writer)."""
    with _writer_lock(db_url):
        outcome = load_stage(record, db_url)
        resolve_quarantine(db_url, record.source)
    return outcome


_cpu_pool = None                 # the flow run's process pool (thread runner only)
_SQLITE_WRITER = threading.Lock()


def _writer_lock(db_url: str):
    return _SQLITE_WRITER if db_url.startswith("sqlite") else nullcontext()


def run_stages(entry: SourceEntry, db_url: str, fetch_options: dict) -> IngestOutcome:
    """fetch → hash → skip-if-loaded → extract-normalise-validate → load for one entry;
    raises StageError at the first failure."""
    fetched = fetch(entry, **fetch_options)
    sha = sha256_bytes(fetched.data)
    if is_loaded(db_url, sha):
        resolve_quarantine(db_url, entry.location)
        return IngestOutcome(source=entry.location, sha256=sha, status="unchanged")
    try:
        record = prepare(fetched, sha, entry.hints())
        outcome = load_one(record, db_url)
        if outcome.status == "loaded":   # the original, for the page images of ``roadmaps review``
            from pipeline.review.originals import keep_original

            keep_original(db_url, sha, fetched.data)
        return outcome
    except StageError as e:
        e.sha256 = sha
        raise


@task(name="ingest-document", task_run_name="ingest {entry.location}", cache_policy=NO_CACHE,
      persist_result=False)
def ingest_document(entry: SourceEntry, db_url: str, fetch_options: dict) -> IngestOutcome:
    """All stages for one document; never raises (a failure becomes a quarantined outcome)."""
    logger = get_run_logger()
    try:
        outcome = run_stages(entry, db_url, fetch_options)
    except StageError as e:
        sha = getattr(e, "sha256", None)
        quarantine(db_url, entry.location, sha, e.stage, e.reason)
        logger.error("%s", e)
        log.info("failed (%s): %s: %s", e.stage, entry.location, e.reason)
        return IngestOutcome(source=entry.location, sha256=sha, status="failed",
                             stage=e.stage, error=str(e))
    except Exception as e:  # a bug, not bad input: still confined to this one document
        message = mask_secrets(f"{entry.location}: internal error: {type(e).__name__}: {e}")
        quarantine(db_url, entry.location, None, "internal", message)
        logger.exception("%s", message)
        log.info("failed (internal): %s", message)
        return IngestOutcome(source=entry.location, sha256=None, status="failed",
                             stage="internal", error=message)
    logger.info("%s: %s (%d activities, %d flagged)", entry.location, outcome.status,
                outcome.n_activities, outcome.n_flagged)
    return outcome


# ---- report ------------------------------------------------------------------------------

def build_report(outcomes: list[IngestOutcome]) -> dict[str, Any]:
    """``{"loaded": [...], "unchanged": [...], "failed": [{"source", "stage", "error"}]}``."""
    return {
        "loaded": [o.source for o in outcomes if o.status == "loaded"],
        "unchanged": [o.source for o in outcomes if o.status == "unchanged"],
        "failed": [{"source": o.source, "stage": o.stage, "error": o.error}
                   for o in outcomes if o.status == "failed"],
    }


def report_markdown(report: dict[str, Any]) -> str:
    lines = [f"# Ingest run: {len(report['loaded'])} loaded, {len(report['unchanged'])} unchanged, "
             f"{len(report['failed'])} failed", ""]
    if report["failed"]:
        lines += ["## Failed (quarantined)", "", "| source | stage | error |", "|---|---|---|"]
        lines += [f"| {f['source']} | {f['stage']} | {str(f['error']).replace('|', '/')} |"
                  for f in report["failed"]]
    return "\n".join(lines)


def publish_report(report: dict[str, Any], outcomes: list[IngestOutcome],
                   report_path: Optional[str]) -> None:
    rows = [{"source": o.source, "status": o.status, "activities": o.n_activities,
             "flagged": o.n_flagged, "stage": o.stage or "", "error": o.error or "",
             "note": o.rendition_message or ""}
            for o in outcomes]
    create_table_artifact(key=REPORT_ARTIFACT_KEY, table=rows, description="Documents of this run")
    create_markdown_artifact(key=f"{REPORT_ARTIFACT_KEY}-summary", markdown=report_markdown(report),
                             description="Ingest run summary")
    if report_path:
        Path(report_path).parent.mkdir(parents=True, exist_ok=True)
        Path(report_path).write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")


def manifest_for_run(manifest_path: Optional[str], sources: Optional[list[str]]) -> Manifest:
    if sources:
        return manifest_from_locations(sources)
    if not manifest_path:
        raise ValueError("give a manifest path or a list of sources")
    return load_manifest(manifest_path)


# ---- the flow ----------------------------------------------------------------------------

@flow(name="ingest-sources", task_runner=ThreadPoolTaskRunner(max_workers=DEFAULT_WORKERS),
      log_prints=False)
def ingest_sources(manifest_path: Optional[str] = None, db_url: Optional[str] = None,
                   report_path: Optional[str] = None, sources: Optional[list[str]] = None,
                   max_bytes: Optional[int] = None, timeout: Optional[float] = None,
                   retries: Optional[int] = None, deadline: Optional[float] = None,
                   allow_private: Optional[bool] = None, fail_on_errors: bool = False,
                   db_secret: Optional[str] = None) -> dict[str, Any]:
    """Ingest every document of a manifest (or of ``sources``: bare urls/paths).

    ``db_url`` None: ``$ROADMAPS_DB_URL`` (or the default SQLite file); ``db_secret``: the name
    of a Prefect Secret block holding the URL. Fetch limits left None come from the
    ``ROADMAPS_*`` environment variables (``pipeline.sources.fetch.FetchLimits``).
    Returns the run report; with ``fail_on_errors`` the run ends Failed when any document
    failed (scheduled deployments use that so failures show in the Prefect UI).
    """
    logger = get_run_logger()
    manifest = manifest_for_run(manifest_path, sources)
    db_url = resolve_url(db_url_from_secret(db_secret) if db_secret else db_url)
    limits = FetchLimits.from_env(max_bytes=max_bytes, timeout=timeout, retries=retries,
                                  deadline=deadline, allow_private=allow_private)
    upgrade(db_url)  # once, before the parallel tasks touch the database
    fetch_options = asdict(limits)
    logger.info("ingesting %d documents into %s", len(manifest.sources), mask_url(db_url))
    futures = [ingest_document.submit(entry, db_url, fetch_options) for entry in manifest.sources]
    outcomes = [f.result() for f in futures]
    refresh_renditions(db_url, outcomes)   # the artifact's note: which file of a document is used
    report = build_report(outcomes)
    publish_report(report, outcomes, report_path)
    logger.info("%d loaded, %d unchanged, %d failed", len(report["loaded"]),
                len(report["unchanged"]), len(report["failed"]))
    log.info("documents: %d loaded, %d unchanged, %d failed", len(report["loaded"]),
             len(report["unchanged"]), len(report["failed"]))
    if fail_on_errors and report["failed"]:
        return Failed(message=f"{len(report['failed'])} of {len(outcomes)} documents failed",
                      data=report)
    return report


def db_url_from_secret(name: str) -> str:
    """The database URL kept in the Prefect Secret block ``name``."""
    from prefect.blocks.system import Secret

    return str(Secret.load(name).get())


def make_task_runner(workers: int = DEFAULT_WORKERS, dask: bool = False,
                     dask_address: Optional[str] = None):
    """Threads (default), a local Dask cluster of ``workers`` processes, or the existing Dask
    cluster whose scheduler is at ``dask_address`` (prefect-dask's ``DaskTaskRunner``)."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if dask:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": None})
    return ThreadPoolTaskRunner(max_workers=workers)


@contextmanager
def cpu_pool(workers: int) -> Iterator[None]:
    """A process pool for the documents' CPU work, one process per core at most, for the
    length of a thread-runner flow run: Prefect's threads only orchestrate and wait."""
    global _cpu_pool
    from pipeline.api import cpu_process_pool, cpu_workers

    n = cpu_workers(workers, workers)
    if n <= 1:       # one process for the CPU work: this one (no second start-up to pay)
        yield
        return
    pool = cpu_process_pool(n)
    _cpu_pool = pool
    try:
        yield
    finally:
        _cpu_pool = None
        pool.shutdown(wait=True, cancel_futures=True)


def run_ingest(manifest_path: Optional[str] = None, db_url: Optional[str] = None,
               report_path: Optional[str] = None, sources: Optional[list[str]] = None,
               workers: int = DEFAULT_WORKERS, dask: bool = False, dask_address: Optional[str] = None,
               **options: Any) -> dict[str, Any]:
    """Run ``ingest_sources`` on the chosen task runner and return its report."""
    runner = make_task_runner(workers, dask, dask_address)
    configured = ingest_sources.with_options(task_runner=runner)
    db_param, env = secret_free_db(db_url)
    pool = cpu_pool(workers) if not (dask or dask_address) else nullcontext()
    with environment(env), pool:
        return configured(manifest_path=manifest_path, db_url=db_param, report_path=report_path,
                          sources=sources, **options)


@contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    """Set environment variables for the duration of a block (a run in this process)."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, old in saved.items():
            if old is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = old
