"""Quarantine commands: ``list`` (what failed, where, why), ``show`` (one entry and every attempt
of its source), ``drop`` (stop retrying a source; the rows stay as an audit record) and ``retry``
(every open source through the ingest flow again). Registered by ``cli.app``.

None of them creates a database: with none at --db they exit 2.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from cli.common import DB_HELP, console, esc, say
from cli.logs import apply_verbosity, quiet_option, verbose_option


def _entries_table(title: str, entries: list[dict], with_status: bool) -> Table:
    t = Table(title=title)
    columns = ["id", "time", "attempt", "stage", "source", "error"] + (["status"] if with_status else [])
    for col in columns:
        t.add_column(col, overflow="fold")
    for e in entries:
        row = [str(e["id"]), e["time"][:19], str(e["attempt"]), esc(e["stage"]), esc(e["source"]),
               esc(e["error"])]
        t.add_row(*row, *([e["status"]] if with_status else []))
    return t


def quarantine_list(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    all_entries: bool = typer.Option(False, "--all", help="Include entries resolved by a later load "
                                                          "or dropped."),
    as_json: bool = typer.Option(False, "--json", help="Print the entries as JSON on stdout."),
) -> None:
    """Documents that failed to ingest: id, time, attempt, stage, source, error.

    Example: roadmaps quarantine list --db sqlite:///data/curated/roadmaps.db
    """
    from pipeline.store.db import require_database
    from pipeline.store.quarantine import list_entries

    entries = list_entries(require_database(db), include_closed=all_entries)
    if as_json:
        sys.stdout.write(json.dumps(entries, ensure_ascii=False, indent=1) + "\n")
        return
    if not entries:
        say("quarantine is empty" + ("" if all_entries else " (--all also shows resolved and dropped entries)"))
        return
    console.print(_entries_table(f"Quarantine ({len(entries)} entries)", entries, all_entries))


def quarantine_show(
    entry_id: int = typer.Argument(..., help="Entry id (see `roadmaps quarantine list`)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the entry as JSON on stdout."),
) -> None:
    """One quarantine entry in full, with every attempt of its source.

    Example: roadmaps quarantine show 3
    """
    from pipeline.store.db import require_database
    from pipeline.store.quarantine import show_entry

    entry = show_entry(require_database(db), entry_id)
    if as_json:
        sys.stdout.write(json.dumps(entry, ensure_ascii=False, indent=1) + "\n")
        return
    for key in ("id", "source", "status", "stage", "error", "time", "attempt", "sha256",
                "dropped_at", "drop_reason"):
        if entry.get(key) is not None:
            console.print(f"[bold]{key}[/]: {esc(entry[key])}", soft_wrap=True, highlight=False)
    console.print(_entries_table(f"Attempts of this source ({len(entry['history'])})",
                                 entry["history"], with_status=True))


def quarantine_drop(
    entry_id: int = typer.Argument(..., help="Entry id (see `roadmaps quarantine list`)."),
    reason: Optional[str] = typer.Option(None, "--reason", help="Why (kept with the entry)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Stop retrying the source of an entry: its open entries are marked dropped (kept for audit).

    Example: roadmaps quarantine drop 3 --reason "scan of a different document"
    """
    from pipeline.store.db import require_database
    from pipeline.store.quarantine import drop_source

    result = drop_source(require_database(db), entry_id, reason)
    if not result["dropped"]:
        say(f"nothing to drop: the entries of {result['source']} are already resolved or dropped")
        return
    say(f"dropped {len(result['dropped'])} entries of {result['source']} "
        f"(kept as audit rows; `roadmaps quarantine list --all` shows them)")


def pending_sources(db_url: str) -> list[str]:
    """Distinct sources with open quarantine entries, in order of first failure."""
    from pipeline.store.quarantine import list_entries

    return list(dict.fromkeys(e["source"] for e in list_entries(db_url)))


def quarantine_retry(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    report: Optional[Path] = typer.Option(None, "--report", help="Write the run report as JSON here."),
    workers: int = typer.Option(4, "--workers", min=1, help="Documents processed in parallel."),
    verbose: int = verbose_option(),
    quiet: bool = quiet_option(),
) -> None:
    """Run every quarantined source through the flow again; exit 1 if any still fails.

    Prints a summary and one line per document that still fails; --verbose adds Prefect's logs.

    A source that loads (or turns out unchanged) leaves the quarantine; one that fails
    again gets a new entry with the next attempt number. Dropped sources are not retried.

    Example: roadmaps quarantine retry
    """
    from pipeline.store.db import require_database

    apply_verbosity(verbose, quiet)
    db_url = require_database(db)
    sources = pending_sources(db_url)
    if not sources:
        say("quarantine is empty: nothing to retry")
        return
    from cli.flows import print_report, run_flow

    result = run_flow(None, db_url, report, sources=sources, workers=workers)
    print_report(result)
    if result["failed"]:
        raise typer.Exit(1)
