"""Document commands: ``ingest``, ``export`` and ``db upgrade``.

Each command parses options, calls one library function (``pipeline.ingest``,
``pipeline.store``) and prints; errors come out as one clear line naming the
file and the stage, never as a traceback. Registered by ``cli.app``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from cli.common import DB_HELP, console


def _ingest_url(source: str, db_url: str):
    """Fetch a URL (retries, size cap, type from the bytes) and ingest it; never raises on bad input."""
    from pipeline.sources.fetch import fetch, local_copy
    from pipeline.ingest import IngestOutcome, StageError, ingest_bytes, quarantine

    try:
        fetched = fetch(source)
    except StageError as e:
        quarantine(db_url, source, None, e.stage, str(e.args[0]))
        return IngestOutcome(source=source, sha256=None, status="failed", stage=e.stage, error=str(e))
    with local_copy(fetched) as tmp:
        return ingest_bytes(fetched.data, tmp, db_url, source=source)


def summary_table(outcomes) -> Table:
    t = Table(title="Ingest summary")
    for col in ("source", "status", "activities", "flagged", "detail"):
        t.add_column(col)
    for o in outcomes:
        style = {"loaded": "green", "unchanged": "cyan", "failed": "red"}[o.status]
        t.add_row(escape(o.source), f"[{style}]{o.status}[/]", str(o.n_activities), str(o.n_flagged),
                  escape(o.error or ""))   # file names and messages are text, never Rich markup
    return t


def ingest(
    paths: List[str] = typer.Argument(..., help="Files (DOCX or PDF) or http(s) URLs."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Extract, normalise and load documents; unchanged bytes are skipped.

    Example: roadmaps ingest data/raw/kaluga_2021.docx data/raw/amur_2019.pdf
    """
    from pipeline.ingest import ingest_path, resolve_url
    from pipeline.sources.manifest import looks_like_url

    url = resolve_url(db)
    outcomes = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, disable=len(paths) < 2) as progress:
        task = progress.add_task("ingesting", total=len(paths))
        for p in paths:
            progress.update(task, description=f"ingesting {escape(Path(p).name)}")
            if looks_like_url(p):
                o = _ingest_url(p, url)
            else:
                o = ingest_path(p, url)
            outcomes.append(o)
            if o.status == "failed":
                console.print(f"[red]error[/] {escape(o.error or '')}")
            progress.advance(task)
    console.print(summary_table(outcomes))
    n_act = sum(o.n_activities for o in outcomes)
    n_flag = sum(o.n_flagged for o in outcomes)
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("loaded", "unchanged", "failed")}
    console.print(f"documents: {counts['loaded']} loaded, {counts['unchanged']} unchanged, "
                  f"{counts['failed']} failed; activities: {n_act}; activities with flagged values: {n_flag}")
    if counts["failed"]:
        raise typer.Exit(1)


def export(
    format: str = typer.Option("json", "--format", "-f", help="Output format (json)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: stdout)."),
    region: Optional[List[str]] = typer.Option(None, "--region", help="Only these ISO region codes."),
) -> None:
    """Export the newest version of every document per the export contract.

    Example: roadmaps export --format json -o roadmaps.json
    """
    from pipeline.ingest import export_json

    if format != "json":
        console.print(f"[red]error[/] unknown format {format!r}: only 'json' is supported")
        raise typer.Exit(2)
    data = export_json(db, region)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        console.print(f"wrote {len(data)} documents to {output}")
    else:
        sys.stdout.write(text + "\n")


def db_upgrade(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    revision: str = typer.Option("head", help="Alembic revision to upgrade to."),
) -> None:
    """Create or migrate the schema (Alembic).

    Example: roadmaps db upgrade --db postgresql://user@localhost/roadmaps
    """
    from pipeline.store.db import resolve_url, upgrade

    upgrade(db, revision)
    console.print(f"schema at {revision} on {resolve_url(db)}")
