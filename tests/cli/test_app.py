"""The app itself: --version, -h on every level, and no command module adds commands by import."""

from typer.testing import CliRunner

from cli import app


def test_version_and_short_help():
    runner = CliRunner()
    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.output.startswith("roadmaps ")
    for args in (["-h"], ["ingest", "-h"], ["db", "-h"], ["quarantine", "-h"]):
        res = runner.invoke(app, args)
        assert res.exit_code == 0 and "Usage" in res.output, args


def test_every_command_is_registered_once():
    import typer.main

    group = typer.main.get_command(app)
    assert sorted(group.commands) == sorted(["ingest", "export", "compare", "search", "report", "browse", "themes",
                                             "pull", "serve", "config", "db", "quarantine", "review"])
