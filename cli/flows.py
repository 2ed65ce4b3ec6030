"""Prefect commands: ``pull`` (the ingest flow on a manifest, temporary Prefect server, no
setup), ``serve`` (a scheduled deployment via ``flow.serve``) and ``quarantine list|retry``.

Registered by ``cli.app``. Prefect is imported only inside the commands that need it, so
``roadmaps export`` and friends stay fast.
"""

from __future__ import annotations

import flows.prefect_env  # noqa: F401  (Prefect settings before Prefect is imported)

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

import httpx
import typer
from rich.markup import escape
from rich.table import Table

from cli.common import DB_HELP, console
from pipeline.sources.manifest import ManifestError, load_manifest

LOCAL_SERVER_URL = "http://127.0.0.1:4200/api"
SERVER_START_TIMEOUT = 120


def report_table(report: dict) -> Table:
    """Rich summary of a run report."""
    t = Table(title="Ingest run")
    for col in ("status", "source", "stage", "error"):
        t.add_column(col, overflow="fold")
    for source in report["loaded"]:
        t.add_row("[green]loaded[/]", escape(source), "", "")
    for source in report["unchanged"]:
        t.add_row("[cyan]unchanged[/]", escape(source), "", "")
    for f in report["failed"]:
        t.add_row("[red]failed[/]", escape(f["source"]), f["stage"] or "", escape(f["error"] or ""))
    return t


def print_report(report: dict) -> None:
    console.print(report_table(report))
    console.print(f"documents: {len(report['loaded'])} loaded, {len(report['unchanged'])} unchanged, "
                  f"{len(report['failed'])} failed")
    if report["failed"]:
        console.print("failed documents are in the quarantine table: `roadmaps quarantine list`, "
                      "then `roadmaps quarantine retry` once fixed")


def check_manifest(manifest: Path) -> None:
    """Fail fast (exit 2) on a bad manifest, before any Prefect server starts."""
    try:
        load_manifest(manifest)
    except ManifestError as e:
        console.print(f"[red]error[/] {e}")
        raise typer.Exit(2)


def pull(
    manifest: Path = typer.Argument(..., help="YAML manifest with a 'sources:' list."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    report: Optional[Path] = typer.Option(None, "--report", help="Write the run report as JSON here."),
    workers: int = typer.Option(4, "--workers", min=1, help="Documents processed in parallel."),
    dask: bool = typer.Option(False, "--dask", help="Run on a local Dask cluster (many documents)."),
) -> None:
    """Fetch and ingest every document of a manifest through the Prefect flow.

    Unchanged bytes are skipped, failures are quarantined; exit 1 when anything failed.
    Needs no Prefect server: a temporary one starts and stops with the run.

    Example: roadmaps pull data/raw/manifest.yaml --report run.json
    """
    check_manifest(manifest)
    from flows.ingest import run_ingest

    result = run_ingest(str(manifest), db, str(report) if report else None,
                        workers=workers, dask=dask)
    print_report(result)
    if report:
        console.print(f"report written to {report}")
    if result["failed"]:
        raise typer.Exit(1)


def server_is_up(api_url: str) -> bool:
    try:
        return httpx.get(f"{api_url.rstrip('/')}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def start_local_server() -> subprocess.Popen:
    """``prefect server start`` in the background; returns once its API answers."""
    prefect_bin = shutil.which("prefect") or str(Path(sys.executable).with_name("prefect"))
    console.print(f"starting `prefect server start` (PREFECT_HOME={os.environ['PREFECT_HOME']}) …")
    proc = subprocess.Popen([prefect_bin, "server", "start", "--host", "127.0.0.1", "--port", "4200"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server_is_up(LOCAL_SERVER_URL):
            console.print(f"Prefect server up: UI at {LOCAL_SERVER_URL.removesuffix('/api')}")
            return proc
        if proc.poll() is not None:
            raise RuntimeError(f"`prefect server start` exited with code {proc.returncode}")
        time.sleep(1)
    proc.terminate()
    raise RuntimeError(f"`prefect server start` did not answer within {SERVER_START_TIMEOUT} s")


NO_SERVER_HELP = (
    "`serve` needs a running Prefect server (the temporary one used by `pull` cannot keep a "
    "schedule). Either:\n"
    "  1. in another terminal: prefect server start\n"
    f"     then: export PREFECT_API_URL={LOCAL_SERVER_URL} and run this command again, or\n"
    "  2. add --start-server and this command starts one for you (stopped on Ctrl-C)."
)


def serve(
    manifest: Path = typer.Argument(..., help="YAML manifest with a 'sources:' list."),
    cron: str = typer.Option("0 6 * * 1", "--cron", help="Cron schedule (default: Mondays 06:00)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    report: Optional[Path] = typer.Option(None, "--report", help="JSON run report, rewritten each run."),
    name: str = typer.Option("roadmaps-weekly", "--name", help="Deployment name."),
    start_server: bool = typer.Option(False, "--start-server",
                                      help="Start `prefect server start` for you if none is set."),
) -> None:
    """Serve the ingest flow as a scheduled deployment (runs until Ctrl-C).

    Example: roadmaps serve data/raw/manifest.yaml --cron "0 6 * * 1" --start-server
    """
    check_manifest(manifest)
    api_url = os.environ.get("PREFECT_API_URL")
    proc = None
    if not api_url:
        if not start_server:
            console.print(f"[red]error[/] {NO_SERVER_HELP}")
            raise typer.Exit(2)
        proc = start_local_server()
        api_url = LOCAL_SERVER_URL
    elif not server_is_up(api_url):
        console.print(f"[red]error[/] no Prefect server answers at PREFECT_API_URL={api_url}")
        raise typer.Exit(2)
    try:
        serve_flow(str(manifest), db, report, name, cron, api_url)
    except KeyboardInterrupt:
        console.print("stopped serving")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)


def serve_flow(manifest: str, db: Optional[str], report: Optional[Path], name: str, cron: str,
               api_url: str) -> None:
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.ingest import ingest_sources
    from pipeline.store.db import resolve_url

    parameters = {"manifest_path": manifest, "db_url": resolve_url(db),
                  "report_path": str(report.resolve()) if report else None, "fail_on_errors": True}
    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        console.print(f"serving deployment 'ingest-sources/{name}' on cron {cron!r}; Ctrl-C stops")
        ingest_sources.serve(name=name, cron=cron, parameters=parameters)
