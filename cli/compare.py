"""CLI commands for comparison: ``compare``, ``search``, ``report``, ``browse``, ``themes``.

Registered by ``cli.app``. Each command parses options, calls one library function and prints.
None of them creates a database: with none at --db they exit 2 ("run `roadmaps ingest` first");
a region that is not in the database is named together with the regions that are.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from cli.common import DB_HELP, regions_option, say
from cli.documents import check_regions, explain_empty
from pipeline.errors import UsageError


def compare_cmd(
    by: str = typer.Option("theme", "--by", help="theme | org_type | year | recurrence"),
    regions: Optional[List[str]] = regions_option(),
    fmt: str = typer.Option("table", "--format", "-f", help="table | csv | json | parquet"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: stdout)."),
) -> None:
    """Compare regions: counts per theme, organisation type, deadline year or recurrence.

    Example: roadmaps compare --by theme --regions RU-KLU,RU-AMU --format json
    """
    from pipeline.compare.views import AXES, FORMATS, compare, write_frame
    from pipeline.store.db import require_database

    if by not in AXES:
        raise UsageError(f"--by {by!r}: choose one of {', '.join(AXES)}")
    if fmt not in FORMATS:
        raise UsageError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet" and output is None:
        raise UsageError("--format parquet is binary: give -o FILE")
    url = require_database(db)
    wanted = check_regions(url, regions)
    df = compare(url, by, wanted)
    if df.empty:
        explain_empty(url, "rows to compare")
    data = write_frame(df, fmt, output)
    if data is None:
        say(f"wrote {len(df)} rows to {output}")
    else:
        sys.stdout.write(data.decode("utf-8"))


SEARCH_FORMATS = ("table", "json", "csv")
TABLE_COLUMNS = ["region_code", "number", "snippet"]


def search_cmd(
    query: str = typer.Argument(..., help="Words (any inflected form), \"a phrase\", prefix*, a OR b."),
    regions: Optional[List[str]] = regions_option(),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json | csv"),
    limit: int = typer.Option(50, "--limit", "-n", min=1, help="At most this many rows, best first."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Full-text search over activities (title, responsible, result), by lemma or raw word.

    «профориентация» also finds «профориентации»; the table marks matched words in [brackets].

    Example: roadmaps search профориентация --region RU-KLU --format json
    """
    from dataclasses import fields

    import pandas as pd

    from pipeline.compare.search import SearchHit, search
    from pipeline.compare.views import render
    from pipeline.store.db import require_database

    if fmt not in SEARCH_FORMATS:
        raise UsageError(f"--format {fmt!r}: choose one of {', '.join(SEARCH_FORMATS)}")
    url = require_database(db)
    wanted = check_regions(url, regions)
    hits = search(url, query, wanted or None, limit=limit)
    if not hits:
        say(f"no activity matches {query!r}")
    if fmt == "table":
        sys.stdout.write(text_table([[h.region_code, h.number, h.snippet] for h in hits], TABLE_COLUMNS))
        return
    df = pd.DataFrame([h.as_dict() for h in hits], columns=[f.name for f in fields(SearchHit)])
    sys.stdout.write(render(df, fmt).decode("utf-8"))


def text_table(rows: List[List[Optional[str]]], header: List[str]) -> str:
    """Plain left-aligned columns (the last one unpadded); '(no rows)' when empty."""
    if not rows:
        return "(no rows)\n"
    cells = [header] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header) - 1)]
    return "".join("  ".join([c.ljust(w) for c, w in zip(r, widths)] + [r[-1]]) + "\n" for r in cells)


def report_cmd(
    output: Path = typer.Option(Path("report.html"), "-o", "--output", help="HTML file to write."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    regions: Optional[List[str]] = regions_option(),
) -> None:
    """Write one self-contained HTML report (heatmap, timeline, organisation-type mix; no network).

    Example: roadmaps report -o report.html
    """
    from pipeline.compare.report import write_report
    from pipeline.store.db import known_regions, require_database

    url = require_database(db)
    wanted = check_regions(url, regions)
    if not known_regions(url):
        explain_empty(url, "regions to report on")
    path = write_report(output, url, wanted or None)
    say(f"wrote {path} ({path.stat().st_size // 1024} KiB)")


def browse_cmd(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP + " Must be SQLite."),
    port: int = typer.Option(8001, "--port", "-p", min=1, max=65535, help="Port on 127.0.0.1."),
) -> None:
    """Browse the database in Datasette on 127.0.0.1 (canned queries, full-text search over titles).

    Example: roadmaps browse --port 8001
    """
    from pipeline.compare.browse import serve, sqlite_path
    from pipeline.errors import require_module
    from pipeline.store.db import require_database

    try:
        sqlite_path(db)
    except ValueError as e:
        raise UsageError(f"--db: {e}", stage="browse") from e
    url = require_database(db)
    require_module("datasette")
    require_module("uvicorn")
    from pipeline.web import listen

    sock = listen("127.0.0.1", port, stage="browse")    # bound before the URL is announced
    say(f"Datasette on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    serve(url, sock=sock)


def themes_cmd(db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Re-assign themes to every loaded activity (after editing normalizers/data/themes.yaml).

    Example: roadmaps themes --db sqlite:///data/curated/roadmaps.db
    """
    from pipeline.store.db import require_database
    from pipeline.themes import reassign_all

    counts = reassign_all(require_database(db))
    say(f"themes assigned: {counts['rows']} rows over {counts['documents']} documents")
