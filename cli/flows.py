"""Prefect commands: ``pull`` (the ingest flow on a manifest, temporary Prefect server, no
setup) and ``serve`` (a scheduled deployment via ``flow.serve``).

Registered by ``cli.app``. Everything that can be wrong with the arguments — the manifest,
its local paths, the database URL, the cron expression, the fetch settings, a missing
``prefect-dask`` — is checked before Prefect is imported or a server started. The database
password never reaches a flow or deployment parameter (``flows.deploy.secret_free_db``).

What they print (``print_report``): one line per failed document and a one-line summary;
Prefect's own log lines are hidden (``cli.logs``) unless ``--verbose``, which also prints the
per-document table.
"""

from __future__ import annotations

import flows.prefect_env  # noqa: F401  (Prefect settings before Prefect is imported)

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table
from rich.text import Text

from cli.common import ALLOW_PRIVATE_HELP, DB_HELP, console, esc, say
from cli.logs import (apply_verbosity, gate_prefect_console, prefect_logging_file, quiet_option,
                      showing_prefect, verbose_option)
from pipeline.errors import RoadmapsError, UsageError

LOCAL_SERVER_URL = "http://127.0.0.1:4200/api"
SERVER_START_TIMEOUT = 120


def report_table(report: dict) -> Table:
    """Rich summary of a run report (sources and errors escaped)."""
    t = Table(title="Ingest run")
    for col in ("status", "source", "stage", "error"):
        t.add_column(col, overflow="fold")
    for source in report["loaded"]:
        t.add_row("[green]loaded[/]", esc(source), "", "")
    for source in report["unchanged"]:
        t.add_row("[cyan]unchanged[/]", esc(source), "", "")
    for f in report["failed"]:
        t.add_row("[red]failed[/]", esc(f["source"]), esc(f["stage"]), esc(f["error"]))
    return t


def failure_line(failed: dict) -> str:
    """``failed (stage): source: reason`` — one line for one failed document of a run report."""
    source, stage, error = failed["source"], failed["stage"] or "?", " ".join(str(failed["error"]).split())
    for prefix in (f"{source}: {stage} failed: ", f"{source}: "):
        if error.startswith(prefix):
            error = error[len(prefix):]
            break
    return f"failed ({stage}): {source}: {error}"


def print_report(report: dict) -> None:
    """The table (only with ``--verbose``), one line per failed document, the summary."""
    if showing_prefect():
        console.print(report_table(report))
    for failed in report["failed"]:
        console.print(Text.assemble(("failed", "red"), failure_line(failed)[len("failed"):]),
                      soft_wrap=True, highlight=False)
    say(f"documents: {len(report['loaded'])} loaded, {len(report['unchanged'])} unchanged, "
        f"{len(report['failed'])} failed")
    if report["failed"]:
        say("failed documents are in the quarantine table: `roadmaps quarantine list`, "
            "then `roadmaps quarantine retry` once fixed")


DASK_CONNECT_TIMEOUT_S = 5.0


def check_dask_address(address: str) -> str:
    """``tcp://HOST:PORT`` of a Dask scheduler that answers (a TCP connect), else one-line error."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        host = port = None
    if parts.scheme not in ("tcp", "tls") or not host or not port:
        raise UsageError(f"--dask-address {address!r}: expected tcp://HOST:PORT", stage="dask")
    try:
        with socket.create_connection((host, port), timeout=DASK_CONNECT_TIMEOUT_S):
            pass
    except OSError as e:
        raise RoadmapsError(f"no Dask scheduler answers at {parts.scheme}://{host}:{port} "
                            f"({e.strerror or type(e).__name__}); start one with `dask scheduler` "
                            f"or fix --dask-address / ROADMAPS_DASK_ADDRESS", stage="dask") from None
    return f"{parts.scheme}://{host}:{port}"


def check_run(manifest: Path, db: Optional[str], dask: bool = False) -> str:
    """Everything ``pull``/``serve`` can check up front; returns the resolved database URL."""
    from pipeline.errors import require_module
    from pipeline.sources.fetch import FetchLimits, check_source
    from pipeline.sources.manifest import load_manifest
    from pipeline.store.db import resolve_url

    url = resolve_url(db)
    for entry in load_manifest(manifest).sources:
        if entry.path:
            check_source(entry.path)
    FetchLimits.from_env()
    if dask:
        require_module("prefect_dask")
    return url


def run_flow(manifest: Optional[Path], db_url: str, report: Optional[Path], **options: Any) -> dict:
    """The ingest flow in this process (``flows.ingest.run_ingest``); returns its report."""
    gate_prefect_console()   # Prefect's console lines only with --verbose
    from flows.ingest import run_ingest

    return run_ingest(str(manifest) if manifest else None, db_url, str(report) if report else None,
                      **options)


def pull(
    manifest: Path = typer.Argument(..., help="YAML manifest with a 'sources:' list."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    report: Optional[Path] = typer.Option(None, "--report", help="Write the run report as JSON here."),
    workers: int = typer.Option(4, "--workers", min=1, help="Documents processed in parallel."),
    dask: bool = typer.Option(False, "--dask", help="Run on a local Dask cluster (many documents)."),
    dask_address: Optional[str] = typer.Option(
        None, "--dask-address", help="Run the documents on an existing Dask cluster: its scheduler's "
        "tcp://HOST:PORT (default $ROADMAPS_DASK_ADDRESS). Its workers must import this project, "
        "reach the sources (URLs or shared paths) and the database (--db, PostgreSQL)."),
    allow_private: bool = typer.Option(False, "--allow-private-network", help=ALLOW_PRIVATE_HELP),
    verbose: int = verbose_option(),
    quiet: bool = quiet_option(),
) -> None:
    """Fetch and ingest every document of a manifest through the Prefect flow.

    Unchanged bytes are skipped, failures are quarantined; exit 1 when anything failed.
    Needs no Prefect server: a temporary one starts and stops with the run. Prints a
    summary and one line per failed document; --verbose adds Prefect's log lines.

    Example: roadmaps pull data/raw/manifest.yaml --report run.json
    """
    apply_verbosity(verbose, quiet)
    import roadmaps_settings

    address = dask_address or roadmaps_settings.load(need=("dask_address",)).dask_address
    url = check_run(manifest, db, dask or bool(address))
    options: dict[str, Any] = {"workers": workers, "dask": dask}
    if address:
        options["dask_address"] = check_dask_address(address)
    if allow_private:
        options["allow_private"] = True
    result = run_flow(manifest, url, report, **options)
    print_report(result)
    if report:
        say(f"report written to {report}")
    if result["failed"]:
        raise typer.Exit(1)


def server_is_up(api_url: str) -> bool:
    import httpx

    try:
        return httpx.get(f"{api_url.rstrip('/')}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def start_local_server() -> subprocess.Popen:
    """``prefect server start`` in the background; returns once its API answers."""
    prefect_bin = shutil.which("prefect") or str(Path(sys.executable).with_name("prefect"))
    say(f"starting `prefect server start` (PREFECT_HOME={os.environ['PREFECT_HOME']}) …")
    proc = subprocess.Popen([prefect_bin, "server", "start", "--host", "127.0.0.1", "--port", "4200"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server_is_up(LOCAL_SERVER_URL):
            say(f"Prefect server up: UI at {LOCAL_SERVER_URL.removesuffix('/api')}")
            return proc
        if proc.poll() is not None:
            raise RoadmapsError(f"`prefect server start` exited with code {proc.returncode} "
                                f"(is port 4200 in use?)", stage="serve")
        time.sleep(1)
    proc.terminate()
    raise RoadmapsError(f"`prefect server start` did not answer within {SERVER_START_TIMEOUT} s",
                        stage="serve")


NO_SERVER_HELP = (
    "`serve` needs a running Prefect server (the temporary one used by `pull` cannot keep a "
    f"schedule): run `prefect server start` in another terminal and export "
    f"PREFECT_API_URL={LOCAL_SERVER_URL}, or add --start-server"
)


def serve(
    manifest: Path = typer.Argument(..., help="YAML manifest with a 'sources:' list."),
    cron: str = typer.Option("0 6 * * 1", "--cron", help="Cron schedule (default: Mondays 06:00)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP + " A password in it is passed to "
                                     "runs as $ROADMAPS_DB_URL, never as a parameter."),
    db_secret: Optional[str] = typer.Option(None, "--db-secret",
                                            help="Name of a Prefect Secret block holding the database URL."),
    report: Optional[Path] = typer.Option(None, "--report", help="JSON run report, rewritten each run."),
    name: str = typer.Option("roadmaps-weekly", "--name", help="Deployment name."),
    start_server: bool = typer.Option(False, "--start-server",
                                      help="Start `prefect server start` for you if none is set."),
    allow_private: bool = typer.Option(False, "--allow-private-network", help=ALLOW_PRIVATE_HELP),
    verbose: int = verbose_option(),
    quiet: bool = quiet_option(),
) -> None:
    """Serve the ingest flow as a scheduled deployment (runs until Ctrl-C).

    Each run prints its summary and one line per failed document; --verbose adds Prefect's
    log lines.

    Example: roadmaps serve data/raw/manifest.yaml --cron "0 6 * * 1" --start-server
    """
    apply_verbosity(verbose, quiet)
    from flows.deploy import check_cron

    check_cron(cron)
    check_run(manifest, db)
    api_url = os.environ.get("PREFECT_API_URL")
    if not api_url and not start_server:
        raise UsageError(NO_SERVER_HELP, stage="serve")
    if api_url and not server_is_up(api_url):
        raise RoadmapsError(f"no Prefect server answers at PREFECT_API_URL={api_url}", stage="serve")
    proc = start_local_server() if not api_url else None
    try:
        serve_flow(str(manifest), db, db_secret, report, name, cron, api_url or LOCAL_SERVER_URL,
                   allow_private)
    except KeyboardInterrupt:
        say("stopped serving")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)


def serve_flow(manifest: str, db: Optional[str], db_secret: Optional[str], report: Optional[Path],
               name: str, cron: str, api_url: str, allow_private: bool = False) -> None:
    """``ingest_sources.serve`` with secret-free parameters; the URL's password, if any, goes
    to the runs through this process's environment."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.deploy import deployment_description, deployment_parameters
    from flows.ingest import ingest_sources

    gate_prefect_console()
    parameters, env = deployment_parameters(manifest, db, report, allow_private)
    if db_secret:
        parameters.update(db_url=None, db_secret=db_secret)
        env = {}
    logging_file = prefect_logging_file()
    if logging_file and not os.environ.get("PREFECT_LOGGING_SETTINGS_PATH"):
        env = {**env, "PREFECT_LOGGING_SETTINGS_PATH": logging_file}   # quiet runs, unless -v
    os.environ.update(env)  # runs are subprocesses of this process: they inherit it
    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        say(f"serving deployment 'ingest-sources/{name}' on cron {cron!r}; Ctrl-C stops")
        ingest_sources.serve(name=name, cron=cron, parameters=parameters,
                             description=deployment_description(manifest, db, cron, db_secret))
