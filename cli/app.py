"""The ``roadmaps`` Typer app, built in this one place from the command modules.

Every command is a thin shell over one library function (the way sqlite-utils keeps its CLI):
``cli.documents`` (ingest, export, db upgrade), ``cli.compare`` (compare, search, report, browse, themes),
``cli.flows`` (pull, serve: Prefect) and ``cli.quarantine``. Nothing adds commands elsewhere.
Errors become one line and an exit code in ``cli.errors.RoadmapsGroup`` (2: usage, 1: failed
work); ``--debug`` / ``ROADMAPS_DEBUG=1`` shows the traceback instead. Log records are shown
by the one Rich handler that ``cli.logs`` installs here (``--verbose`` / ``--quiet``).
"""

from __future__ import annotations

import typer

import roadmaps_settings
from cli import compare, config, documents, flows, quarantine, review
from cli.errors import RoadmapsGroup
from cli.logs import configure, quiet_option, verbose_option

HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(help="Russian regional roadmaps (дорожные карты) → one curated SQL database.",
                  epilog="Exit codes: 0 done; 1 the work failed (a document, the database, the "
                         "network); 2 the command was given something unusable (option, path, URL, "
                         "schedule, missing database); 130 interrupted. --debug shows tracebacks.",
                  cls=RoadmapsGroup, no_args_is_help=True, add_completion=False,
                  pretty_exceptions_enable=False, context_settings=HELP_OPTIONS)
db_app = typer.Typer(help="Database schema commands.", no_args_is_help=True, context_settings=HELP_OPTIONS)
quarantine_app = typer.Typer(help="Documents that failed to ingest.", no_args_is_help=True,
                             context_settings=HELP_OPTIONS)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"roadmaps {version('roadmaps')}")
        except PackageNotFoundError:  # a checkout that was never installed
            typer.echo("roadmaps (not installed)")
        raise typer.Exit()


@app.callback()
def global_options(
    debug: bool = typer.Option(False, "--debug",
                               help="Show the full traceback of an error (also $ROADMAPS_DEBUG=1)."),
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
    verbose: int = verbose_option(),
    quiet: bool = quiet_option(),
) -> None:
    """Options of every command (the help text is the app's)."""
    roadmaps_settings.clear_overrides()   # one process may run many commands (tests)
    if debug:
        roadmaps_settings.override(debug=True)
    configure(verbose, quiet)


app.command("ingest")(documents.ingest)
app.command("export")(documents.export)
app.command("compare")(compare.compare_cmd)
app.command("search")(compare.search_cmd)
app.command("report")(compare.report_cmd)
app.command("browse")(compare.browse_cmd)
app.command("themes")(compare.themes_cmd)
app.command("pull")(flows.pull)
app.command("config")(config.config_cmd)
app.command("serve")(flows.serve)
db_app.command("upgrade")(documents.db_upgrade)
quarantine_app.command("list")(quarantine.quarantine_list)
quarantine_app.command("show")(quarantine.quarantine_show)
quarantine_app.command("drop")(quarantine.quarantine_drop)
quarantine_app.command("retry")(quarantine.quarantine_retry)
app.add_typer(db_app, name="db")
app.add_typer(quarantine_app, name="quarantine")
app.add_typer(review.app, name="review")


def main() -> None:  # pragma: no cover - console script
    app(prog_name="roadmaps")


if __name__ == "__main__":  # pragma: no cover
    main()
