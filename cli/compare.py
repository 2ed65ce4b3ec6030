"""CLI commands for comparison: ``compare``, ``report``, ``browse``, ``themes``.

Registered by ``cli.app``. Each command parses options, calls one library function and prints.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from cli.common import DB_HELP, REGIONS_HELP, console


def compare_cmd(
    by: str = typer.Option("theme", "--by", help="theme | org_type | year | recurrence"),
    regions: Optional[List[str]] = typer.Option(None, "--regions", "--region", help=REGIONS_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help="table | csv | json | parquet"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: stdout)."),
) -> None:
    """Compare regions: counts per theme, organisation type, deadline year or recurrence.

    Example: roadmaps compare --by theme --regions RU-KLU,RU-AMU --format json
    """
    from pipeline.compare.views import AXES, FORMATS, compare, write_frame

    if by not in AXES or fmt not in FORMATS:
        console.print(f"[red]error[/] --by must be one of {', '.join(AXES)}; --format one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    if fmt == "parquet" and output is None:
        console.print("[red]error[/] parquet is binary: give -o FILE")
        raise typer.Exit(2)
    df = compare(db, by, regions)
    data = write_frame(df, fmt, output)
    if data is None:
        console.print(f"wrote {len(df)} rows to {output}")
    else:
        sys.stdout.write(data.decode("utf-8"))


def report_cmd(
    output: Path = typer.Option(Path("report.html"), "-o", "--output", help="HTML file to write."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    regions: Optional[List[str]] = typer.Option(None, "--regions", "--region", help=REGIONS_HELP),
) -> None:
    """Write one self-contained HTML report (heatmap, timeline, organisation-type mix; no network).

    Example: roadmaps report -o report.html
    """
    from pipeline.compare.views import normalise_regions
    from pipeline.compare.report import write_report

    path = write_report(output, db, normalise_regions(regions) or None)
    console.print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")


def browse_cmd(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP + " Must be SQLite."),
    port: int = typer.Option(8001, "--port", "-p", help="Port on 127.0.0.1."),
) -> None:
    """Browse the database in Datasette on 127.0.0.1 (canned queries, full-text search over titles).

    Example: roadmaps browse --port 8001
    """
    from pipeline.compare.browse import serve, sqlite_path

    try:
        path = sqlite_path(db)
    except ValueError as e:
        console.print(f"[red]error[/] {e}")
        raise typer.Exit(2)
    if not path.exists():
        console.print(f"[red]error[/] {path}: no such database; run `roadmaps ingest` first")
        raise typer.Exit(2)
    console.print(f"Datasette on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    serve(db, port)


def themes_cmd(db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Re-assign themes to every loaded activity (after editing normalizers/data/themes.yaml).

    Example: roadmaps themes --db sqlite:///data/curated/roadmaps.db
    """
    from pipeline.themes import reassign_all

    counts = reassign_all(db)
    console.print(f"themes assigned: {counts['rows']} rows over {counts['documents']} documents")
