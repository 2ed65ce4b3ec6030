"""Quarantine commands: ``quarantine list`` (what failed, where, why) and ``quarantine retry``
(every quarantined source through the ingest flow again). Registered by ``cli.app``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from cli.common import DB_HELP, console


def quarantine_list(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    all_entries: bool = typer.Option(False, "--all", help="Include entries resolved by a later load."),
    as_json: bool = typer.Option(False, "--json", help="Print the entries as JSON on stdout."),
) -> None:
    """Documents that failed to ingest: source, stage, error, time, attempt.

    Example: roadmaps quarantine list --db sqlite:///data/curated/roadmaps.db
    """
    from pipeline.ingest import list_quarantine, resolve_url

    entries = list_quarantine(resolve_url(db), include_resolved=all_entries)
    if as_json:
        sys.stdout.write(json.dumps(entries, ensure_ascii=False, indent=1) + "\n")
        return
    if not entries:
        console.print("quarantine is empty")
        return
    t = Table(title=f"Quarantine ({len(entries)} entries)")
    for col in ("time", "attempt", "stage", "source", "error"):
        t.add_column(col, overflow="fold")
    for e in entries:
        t.add_row(e["time"][:19], str(e["attempt"]), e["stage"], escape(e["source"]), escape(e["error"]))
    console.print(t)


def pending_sources(db_url: str) -> list[str]:
    """Distinct sources with unresolved quarantine entries, in order of first failure."""
    from pipeline.ingest import list_quarantine

    return list(dict.fromkeys(e["source"] for e in list_quarantine(db_url)))


def quarantine_retry(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    report: Optional[Path] = typer.Option(None, "--report", help="Write the run report as JSON here."),
    workers: int = typer.Option(4, "--workers", min=1, help="Documents processed in parallel."),
) -> None:
    """Run every quarantined source through the flow again; exit 1 if any still fails.

    A source that loads (or turns out unchanged) leaves the quarantine; one that fails
    again gets a new entry with the next attempt number.

    Example: roadmaps quarantine retry
    """
    from pipeline.ingest import resolve_url

    db_url = resolve_url(db)
    sources = pending_sources(db_url)
    if not sources:
        console.print("quarantine is empty: nothing to retry")
        return
    from cli.flows import print_report
    from flows.ingest import run_ingest

    result = run_ingest(None, db_url, str(report) if report else None, sources=sources,
                        workers=workers)
    print_report(result)
    if result["failed"]:
        raise typer.Exit(1)
