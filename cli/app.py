"""The ``roadmaps`` Typer app, built in this one place from the command modules.

Every command is a thin shell over one library function (the way sqlite-utils keeps its CLI):
``cli.documents`` (ingest, export, db upgrade), ``cli.compare`` (compare, report, browse, themes),
``cli.flows`` (pull, serve: Prefect) and ``cli.quarantine``. Nothing adds commands elsewhere.
"""

from __future__ import annotations

import typer

from cli import compare, documents, flows, quarantine, review

app = typer.Typer(help="Russian regional roadmaps (дорожные карты) → one curated SQL database.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
db_app = typer.Typer(help="Database schema commands.", no_args_is_help=True)
quarantine_app = typer.Typer(help="Documents that failed to ingest.", no_args_is_help=True)

app.command("ingest")(documents.ingest)
app.command("export")(documents.export)
app.command("compare")(compare.compare_cmd)
app.command("report")(compare.report_cmd)
app.command("browse")(compare.browse_cmd)
app.command("themes")(compare.themes_cmd)
app.command("pull")(flows.pull)
app.command("serve")(flows.serve)
db_app.command("upgrade")(documents.db_upgrade)
quarantine_app.command("list")(quarantine.quarantine_list)
quarantine_app.command("retry")(quarantine.quarantine_retry)
app.add_typer(db_app, name="db")
app.add_typer(quarantine_app, name="quarantine")
app.add_typer(review.app, name="review")


def main() -> None:  # pragma: no cover - console script
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
