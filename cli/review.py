"""``roadmaps review``: the analyst review app (queue, row beside its page, corrections), and
``roadmaps review export --with-corrections-log`` for researchers auditing the corrections.

Registered by ``cli.app`` as one Typer group whose bare invocation starts the app.
"""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

import roadmaps_settings
from cli.common import DB_HELP, console

app = typer.Typer(help="Analyst review: flagged rows beside their pages; corrections that survive re-ingest.",
                  invoke_without_command=True, add_completion=False)


@app.callback()
def review(
    ctx: typer.Context,
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (loopback by default)."),
    port: int = typer.Option(8765, "--port", help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token",
                                        help="Required on every request (?token=…); needed off loopback "
                                             "(default: $ROADMAPS_REVIEW_TOKEN)."),
    read_only: bool = typer.Option(False, "--read-only", help="Show everything, change nothing."),
    user: Optional[str] = typer.Option(None, "--user", help="Name written in the corrections log "
                                                            "(default: the login name)."),
) -> None:
    """Start the review web app on http://127.0.0.1:8765/.

    Example: roadmaps review --db sqlite:///data/curated/roadmaps.db
    """
    if ctx.invoked_subcommand is not None:
        return
    from pipeline.review.app import ReviewConfig, check_bind, serve

    configured = roadmaps_settings.load(need=("review_token",)).review_token
    token = token or (configured.get_secret_value() if configured else None)

    refused = check_bind(host, token)
    if refused:
        console.print(f"[red]error[/] {refused}", soft_wrap=True)
        raise typer.Exit(2)
    who = user or _login()
    from pipeline.web import listen

    sock = listen(host, port, stage="review")          # bound before the URL is announced
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    console.print(f"review app on http://{shown}:{port}/{'?token=…' if token else ''}"
                  f"{' (read-only)' if read_only else f' as {who}'}; Ctrl+C stops it")
    serve(ReviewConfig(db_url=db, read_only=read_only, token=token, user=who), host, port, sock=sock)


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "analyst"


@app.command("export")
def export_cmd(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="File to write (default: stdout)."),
    region: Optional[List[str]] = typer.Option(None, "--region", help="Only these ISO region codes."),
    with_corrections_log: bool = typer.Option(True, "--with-corrections-log/--without-corrections-log",
                                              help="Add each document's full corrections log."),
) -> None:
    """The export contract JSON with corrected values, and each document's corrections log.

    Example: roadmaps review export --with-corrections-log -o audit.json
    """
    from pipeline.ingest import export_json

    data = export_json(db, region, with_corrections_log=with_corrections_log)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        n = sum(len(d.get("corrections_log", [])) for d in data)
        console.print(f"wrote {len(data)} documents ({n} corrections logged) to {output}")
    else:
        sys.stdout.write(text + "\n")
