"""Document commands: ``ingest``, ``export`` and ``db upgrade``.

Each command checks its arguments first (database URL, paths, settings: a mistake exits 2
before any work starts), calls one library function (``pipeline.ingest``, ``pipeline.store``)
and prints. Errors are typed (``pipeline.errors``) and printed as one line by ``cli.errors``.
Registered by ``cli.app``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from cli.common import ALLOW_PRIVATE_HELP, DB_HELP, console, esc, note, say, split_regions
from pipeline.errors import UsageError


def _ingest_url(source: str, db_url: str, allow_private: Optional[bool]):
    """Fetch a URL (deadline, size cap, type from the bytes) and ingest it; a failed fetch is
    quarantined like any failed document."""
    from pipeline.sources.fetch import fetch, local_copy
    from pipeline.ingest import IngestOutcome, StageError, ingest_bytes, quarantine

    try:
        fetched = fetch(source, allow_private=allow_private)
    except StageError as e:
        quarantine(db_url, source, None, e.stage, e.reason)
        return IngestOutcome(source=source, sha256=None, status="failed", stage=e.stage, error=str(e))
    with local_copy(fetched) as tmp:
        return ingest_bytes(fetched.data, tmp, db_url, source=source)


def summary_table(outcomes) -> Table:
    t = Table(title="Ingest summary")
    for col in ("source", "status", "activities", "flagged", "detail"):
        t.add_column(col)
    for o in outcomes:
        style = {"loaded": "green", "unchanged": "cyan", "failed": "red"}[o.status]
        t.add_row(esc(o.source), f"[{style}]{o.status}[/]", str(o.n_activities), str(o.n_flagged),
                  esc(o.error))
    return t


def check_sources(paths: List[str]) -> None:
    """Every path exists and every URL is fetchable in principle (else exit 2, nothing done)."""
    from pipeline.sources.fetch import check_source

    for p in paths:
        check_source(p)


def ingest(
    paths: List[str] = typer.Argument(..., help="Files (DOCX or PDF) or http(s) URLs."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    allow_private: bool = typer.Option(False, "--allow-private-network", help=ALLOW_PRIVATE_HELP),
) -> None:
    """Extract, normalise and load documents; unchanged bytes are skipped.

    A path that does not exist is a mistake in the command (exit 2, nothing is ingested);
    a document that fails is quarantined (exit 1): see `roadmaps quarantine list`.

    Example: roadmaps ingest data/raw/kaluga_2021.docx data/raw/amur_2019.pdf
    """
    from pipeline.ingest import ingest_path
    from pipeline.sources.fetch import FetchLimits
    from pipeline.sources.manifest import looks_like_url
    from pipeline.store.db import resolve_url, upgrade

    url = resolve_url(db)
    check_sources(paths)
    FetchLimits.from_env()  # a bad ROADMAPS_FETCH_* setting stops here, not at the first URL
    upgrade(url)  # an unreachable database stops here, before any document
    allow = True if allow_private else None  # None: $ROADMAPS_FETCH_ALLOW_PRIVATE decides
    outcomes = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, disable=len(paths) < 2) as progress:
        task = progress.add_task("ingesting", total=len(paths))
        for p in paths:
            progress.update(task, description=f"ingesting {esc(Path(p).name)}")
            o = _ingest_url(p, url, allow) if looks_like_url(p) else ingest_path(p, url)
            outcomes.append(o)
            if o.status == "failed":
                console.print(f"[red]error[/] ({esc(o.stage)}): {esc(o.error)}", soft_wrap=True)
            progress.advance(task)
    console.print(summary_table(outcomes))
    n_act = sum(o.n_activities for o in outcomes)
    n_flag = sum(o.n_flagged for o in outcomes)
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("loaded", "unchanged", "failed")}
    say(f"documents: {counts['loaded']} loaded, {counts['unchanged']} unchanged, "
        f"{counts['failed']} failed; activities: {n_act}; activities with flagged values: {n_flag}")
    if counts["failed"]:
        say("failed documents are in the quarantine: `roadmaps quarantine list`")
        raise typer.Exit(1)


def check_regions(url: str, regions: Optional[List[str]]) -> list[str]:
    """The wanted region codes, each present in the database (else exit 2 naming the known ones)."""
    from pipeline.store.db import known_regions

    wanted = split_regions(regions)
    if not wanted:
        return wanted
    known = known_regions(url)
    unknown = [r for r in wanted if r not in known]
    if unknown:
        listing = ", ".join(known) if known else "none (the database has no documents yet)"
        raise UsageError(f"no rows for region {', '.join(unknown)}; known regions are {listing}",
                         stage="regions")
    return wanted


def explain_empty(url: str, what: str) -> None:
    """Say why a result is empty (only a database without documents gets here)."""
    from pipeline.store.db import mask_url

    note(f"no {what}: the database {mask_url(url)} has no documents yet — run `roadmaps ingest`")


def export(
    format: str = typer.Option("json", "--format", "-f", help="Output format (json)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: stdout)."),
    region: Optional[List[str]] = typer.Option(None, "--region", help="Only these ISO region codes."),
) -> None:
    """Export the newest version of every document per the export contract.

    Never creates a database: with none at --db it exits 2 ("run `roadmaps ingest` first").

    Example: roadmaps export --format json -o roadmaps.json
    """
    from pipeline.ingest import export_json
    from pipeline.store.db import require_database

    if format != "json":
        raise UsageError(f"--format {format!r}: only 'json' is supported")
    url = require_database(db)
    regions = check_regions(url, region)
    data = export_json(url, regions or None)
    if not data:
        explain_empty(url, "documents to export")
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        say(f"wrote {len(data)} documents to {output}")
    else:
        sys.stdout.write(text + "\n")


def db_upgrade(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    revision: str = typer.Option("head", help="Alembic revision to upgrade to."),
) -> None:
    """Create or migrate the schema (Alembic). The password of --db is never printed.

    Example: roadmaps db upgrade --db postgresql://user@localhost/roadmaps
    """
    from pipeline.store.db import check_revision, mask_url, resolve_url, upgrade

    url = resolve_url(db)
    check_revision(revision)
    upgrade(url, revision)
    say(f"schema at {revision} on {mask_url(url)}")
