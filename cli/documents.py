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
from rich.table import Table

from cli.common import ALLOW_PRIVATE_HELP, DB_HELP, console, esc, note, regions_option, say, split_regions
from pipeline.errors import UsageError


def summary_table(outcomes) -> Table:
    t = Table(title="Ingest summary")
    for col in ("source", "status", "activities", "flagged"):
        t.add_column(col)
    t.add_column("detail", overflow="fold")
    for o in outcomes:
        style = {"loaded": "green", "unchanged": "cyan", "failed": "red"}[o.status]
        t.add_row(esc(o.source), f"[{style}]{o.status}[/]", str(o.n_activities), str(o.n_flagged),
                  esc(o.error or o.rendition_message))
    return t


def check_sources(paths: List[str]) -> None:
    """Every path exists and every URL is fetchable in principle (else exit 2, nothing done)."""
    from pipeline.sources.fetch import check_source

    for p in paths:
        check_source(p)


def ingest(
    paths: List[str] = typer.Argument(..., help="Files, folders (searched recursively for document "
                                                  "files), glob patterns ('data/**/*.pdf') or http(s) URLs."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    allow_private: bool = typer.Option(False, "--allow-private-network", help=ALLOW_PRIVATE_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Documents ingested at once "
                                "(processes; each document is its own transaction)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON list on stdout, an entry per file "
                                 "(source, status, stage, error, activities, flagged, seconds, rendition_of: the "
                                 "file of the same document used instead of this one, renditions, note)."),
) -> None:
    """Extract, normalise and load documents; unchanged bytes are skipped.

    A path that does not exist is a mistake in the command (exit 2, nothing is ingested);
    a document that fails is quarantined (exit 1): see `roadmaps quarantine list`.
    The summary table goes to stderr; with --json stdout holds only the JSON list.

    Example: roadmaps ingest data/raw --workers 4
    """
    if workers > 1:
        from pipeline.isolation import start_pool_server

        start_pool_server()    # the workers' interpreter starts on the other core while this one goes on
    from pipeline.api import expand_sources
    from pipeline.ingest import refresh_renditions
    from pipeline.sources.fetch import FetchLimits
    from pipeline.store.db import resolve_url, upgrade

    url = resolve_url(db)
    sources = expand_sources(paths)
    check_sources(sources)
    FetchLimits.from_env()  # a bad ROADMAPS_FETCH_* setting stops here, not at the first URL
    upgrade(url)  # an unreachable database stops here, before any document
    allow = True if allow_private else None  # None: $ROADMAPS_FETCH_ALLOW_PRIVATE decides
    results = _run(sources, url, allow, workers)
    outcomes = [o for o, _ in results]
    refresh_renditions(url, outcomes)   # a better file later in the run takes over from an earlier one
    if as_json:
        sys.stdout.write(json.dumps([_entry(o, sec) for o, sec in results], ensure_ascii=False, indent=1) + "\n")
    console.print(summary_table(outcomes))
    n_act = sum(o.n_activities for o in outcomes)
    n_flag = sum(o.n_flagged for o in outcomes)
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("loaded", "unchanged", "failed")}
    say(f"documents: {counts['loaded']} loaded, {counts['unchanged']} unchanged, "
        f"{counts['failed']} failed; activities: {n_act}; activities with flagged values: {n_flag}")
    if counts["failed"]:
        say("failed documents are in the quarantine: `roadmaps quarantine list`")
        raise typer.Exit(1)


def _entry(o, seconds: float) -> dict:
    return {"source": o.source, "status": o.status, "stage": o.stage, "error": o.error,
            "activities": o.n_activities, "flagged": o.n_flagged, "seconds": round(seconds, 3),
            "rendition_of": o.rendition_of, "renditions": list(o.renditions),
            "note": o.rendition_message}


class _NoProgress:
    """What ``_run`` calls on its progress bar, doing nothing: a run of one source shows none."""

    def __enter__(self) -> "_NoProgress":
        return self

    def __exit__(self, *exc) -> None:
        return None

    def add_task(self, *args, **kwargs) -> int:
        return 0

    def update(self, *args, **kwargs) -> None:
        pass

    def advance(self, *args, **kwargs) -> None:
        pass


def progress_bar(n_sources: int):
    """The progress bar of a run (on stderr), for two sources or more; for one, a stand-in, and
    ``rich.progress`` is not even imported."""
    if n_sources < 2:
        return _NoProgress()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=console)


def _run(sources: list[str], url: str, allow: Optional[bool], workers: int) -> list[tuple]:
    """(outcome, seconds) per source, in the order given; ``workers`` > 1: a process pool."""
    from pipeline.api import ingest_source, unchanged_sources

    results: list = [None] * len(sources)
    # one hash per local file and one query per 1,000 hashes: unchanged files end here, before
    # any extraction or worker process starts
    skipped = unchanged_sources(sources, url)
    with progress_bar(len(sources)) as progress:
        task = progress.add_task("ingesting", total=len(sources))

        def done(i: int, result: tuple) -> None:
            results[i] = result
            o = result[0]
            if o.status == "failed":
                console.print(f"[red]error[/] ({esc(o.stage)}): {esc(o.error)}", soft_wrap=True)
            progress.advance(task)

        for i, outcome in skipped.items():
            done(i, (outcome, 0.0))
        todo = [i for i in range(len(sources)) if i not in skipped]
        if workers <= 1 or len(todo) < 2:
            for i in todo:
                src = sources[i]
                progress.update(task, description=f"ingesting {esc(Path(src).name)}")
                done(i, ingest_source(src, url, allow))
            return results
        from pipeline.api import cpu_workers, ingest_parallel

        n = cpu_workers(workers, len(todo))
        progress.update(task, description=f"ingesting with {n} worker process{'es' if n > 1 else ''}")
        ingest_parallel([sources[i] for i in todo], url, allow, workers,
                        lambda k, result: done(todo[k], result))
    return results


EXPORT_FORMATS = ("json", "csv", "parquet")


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
    format: str = typer.Option("json", "--format", "-f", help="Output format: json (the export contract), "
                               "csv or parquet (one row per activity with its document's key fields)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: stdout)."),
    region: Optional[List[str]] = regions_option(),
) -> None:
    """Export the newest version of every document per the export contract.

    Never creates a database: with none at --db it exits 2 ("run `roadmaps ingest` first").

    Example: roadmaps export --format csv --region RU-KLU,RU-AMU -o activities.csv
    """
    from pipeline.ingest import export_json
    from pipeline.store.db import require_database

    if format not in EXPORT_FORMATS:
        raise UsageError(f"--format {format!r}: use one of {', '.join(EXPORT_FORMATS)}")
    if format == "parquet" and output is None:
        raise UsageError("--format parquet writes a file: give -o FILE.parquet")
    url = require_database(db)
    regions = check_regions(url, region)
    data = export_json(url, regions or None)
    if not data:
        explain_empty(url, "documents to export")
    if format == "json":
        payload, what = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"), "documents"
        count = len(data)
    else:
        import pandas as pd

        from pipeline.compare.views import render
        from pipeline.store.export import DOCUMENT_KEYS, activity_rows

        rows = activity_rows(data)
        frame = pd.DataFrame(rows) if rows else pd.DataFrame(columns=list(DOCUMENT_KEYS))
        payload, what, count = render(frame, format), "activities", len(rows)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(payload)
        say(f"wrote {count} {what} to {output}")
    else:
        sys.stdout.write(payload.decode("utf-8"))   # json or csv: parquet always goes to a file


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
