"""Every refusal is one ``error (stage): …`` line and an exit code (2: usage, 1: failed work),
never a traceback — unless ``--debug`` / ``ROADMAPS_DEBUG=1`` asks for one."""

from __future__ import annotations

import socket
import sys
import time
from pathlib import Path

import pytest

from pipeline.errors import BadDatabaseURL
from tests.cli.conftest import SECRET, assert_refused, run
from tests.local_http import Route, serve_routes

PDF = b"%PDF-1.4\n" + b"0" * 200 + b"\n%%EOF\n"


# ---- database URLs -------------------------------------------------------------------------

@pytest.mark.parametrize("command", [["export"], ["compare"], ["report"], ["db", "upgrade"],
                                     ["quarantine", "list"], ["themes"]])
def test_not_a_url(command, tmp_path):
    result = run(*command, "--db", "notaurl")
    assert_refused(result, 2, "--db 'notaurl' is not a database URL", "sqlite:///", stage="database")


def test_not_a_url_from_the_environment():
    result = run("export", env={"ROADMAPS_DB_URL": "notaurl"})
    assert_refused(result, 2, "$ROADMAPS_DB_URL 'notaurl' is not a database URL")


def test_unsupported_database_hides_the_password(small_docx):
    result = run("ingest", small_docx, "--db", f"mysql://me:{SECRET}@db.example/roadmaps")
    line = assert_refused(result, 2, "database 'mysql' is not supported", "me:***@", stage="database")
    assert SECRET not in result.output and line


def test_postgres_not_running_is_one_line_without_the_password(small_docx):
    url = f"postgresql://me:{SECRET}@127.0.0.1:1/roadmaps"  # nothing listens on port 1
    for args in (["db", "upgrade", "--db", url], ["ingest", small_docx, "--db", url],
                 ["export", "--db", url]):
        result = run(*args)
        assert_refused(result, 1, "cannot connect", "127.0.0.1", "me:***@", stage="database")
        assert SECRET not in result.output


def test_postgres_driver_missing_gives_the_install_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if psycopg were not installed
    result = run("db", "upgrade", "--db", "postgresql://me@127.0.0.1:1/no_driver_here")
    assert_refused(result, 1, "PostgreSQL support needs the Python package 'psycopg'",
                   'pip install "psycopg[binary]>=3.1"', stage="setup")


def test_unknown_revision_is_refused_before_touching_the_database(tmp_path):
    db = tmp_path / "fresh.db"
    result = run("db", "upgrade", "--db", f"sqlite:///{db}", "--revision", "bogus")
    assert_refused(result, 2, "--revision 'bogus' is not a migration", "head", "0001")
    assert not db.exists()


def test_db_upgrade_to_a_named_revision_works(tmp_path):
    result = run("db", "upgrade", "--db", f"sqlite:///{tmp_path}/a.db", "--revision", "0001")
    assert result.exit_code == 0, result.output
    assert "schema at 0001" in result.output


# ---- schedules, manifests, settings --------------------------------------------------------

def test_bad_cron_is_refused_before_any_server_starts(tmp_path, small_docx, monkeypatch):
    import cli.flows

    def no_server():
        raise AssertionError("a Prefect server was started for a bad cron")

    monkeypatch.setattr(cli.flows, "start_local_server", no_server)
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    manifest = tmp_path / "m.yaml"
    manifest.write_text(f"sources:\n  - path: {small_docx}\n")
    started = time.monotonic()
    result = run("serve", manifest, "--cron", "every monday", "--start-server")
    assert_refused(result, 2, "--cron 'every monday' is not a cron expression", "0 6 * * 1",
                   stage="schedule")
    assert time.monotonic() - started < 20


def test_manifest_naming_a_missing_file_is_a_usage_error(tmp_path, monkeypatch):
    import cli.flows

    monkeypatch.setattr(cli.flows, "run_flow", lambda *a, **k: pytest.fail("the flow ran"))
    manifest = tmp_path / "m.yaml"
    manifest.write_text("sources:\n  - path: missing.docx\n")
    result = run("pull", manifest, "--db", f"sqlite:///{tmp_path}/x.db")
    assert_refused(result, 2, f"no such file: {tmp_path / 'missing.docx'}")


def test_bad_manifest_is_one_line(tmp_path):
    manifest = tmp_path / "m.yaml"
    manifest.write_text("sources:\n  - url: ftp://example.ru/a.pdf\n  - path: a.docx\n    colour: red\n")
    result = run("pull", manifest, "--db", f"sqlite:///{tmp_path}/x.db")
    assert_refused(result, 2, "entry #1 (ftp://example.ru/a.pdf)", "entry #2 (a.docx)", stage="manifest")


def test_dask_without_prefect_dask_gives_the_install_command(tmp_path, small_docx, monkeypatch):
    monkeypatch.setitem(sys.modules, "prefect_dask", None)
    manifest = tmp_path / "m.yaml"
    manifest.write_text(f"sources:\n  - path: {small_docx}\n")
    result = run("pull", manifest, "--dask", "--db", f"sqlite:///{tmp_path}/x.db")
    assert_refused(result, 1, "pip install prefect-dask", stage="setup")


def test_bad_fetch_setting_names_the_variable(small_docx, tmp_path):
    result = run("ingest", small_docx, "--db", f"sqlite:///{tmp_path}/x.db",
                 env={"ROADMAPS_FETCH_DEADLINE": "soon"})
    assert_refused(result, 2, "ROADMAPS_FETCH_DEADLINE='soon' is not a number")
    assert "invalid literal" not in result.output


@pytest.mark.parametrize("args,fragment", [
    (["compare", "--by", "colour"], "--by 'colour': choose one of theme"),
    (["compare", "--format", "xls"], "--format 'xls': choose one of table"),
    (["compare", "--format", "parquet"], "give -o FILE"),
    (["export", "--format", "xml"], "--format 'xml': use one of json, csv, parquet"),
])
def test_bad_options_are_one_line(args, fragment, tmp_path):
    assert_refused(run(*args, "--db", f"sqlite:///{tmp_path}/x.db"), 2, fragment)


# ---- network -------------------------------------------------------------------------------

def test_redirect_loop_is_a_clear_failure(tmp_path):
    routes = {"/a.pdf": Route(redirect_to="/b.pdf"), "/b.pdf": Route(redirect_to="/a.pdf")}
    with serve_routes(routes) as base:
        result = run("ingest", f"{base}/a.pdf", "--db", f"sqlite:///{tmp_path}/x.db",
                     "--allow-private-network")
    assert_refused(result, 1, f"{base}/a.pdf: fetch failed: redirect loop: {base}/a.pdf → {base}/b.pdf",
                   stage="fetch")


def test_slow_server_fails_within_the_deadline(tmp_path):
    routes = {"/slow.pdf": Route(PDF, drip_every=0.5)}
    with serve_routes(routes) as base:
        started = time.monotonic()
        result = run("ingest", f"{base}/slow.pdf", "--db", f"sqlite:///{tmp_path}/x.db",
                     "--allow-private-network", env={"ROADMAPS_FETCH_DEADLINE": "1.5"})
        elapsed = time.monotonic() - started
    assert_refused(result, 1, "no complete answer within the deadline of 1.5 s", stage="fetch")
    assert elapsed < 10, elapsed


def test_private_address_is_refused_unless_allowed(tmp_path, monkeypatch):
    monkeypatch.delenv("ROADMAPS_FETCH_ALLOW_PRIVATE", raising=False)
    with serve_routes({"/a.pdf": PDF}) as base:
        result = run("ingest", f"{base}/a.pdf", "--db", f"sqlite:///{tmp_path}/x.db")
    assert_refused(result, 1, "private/loopback/link-local", "--allow-private-network", stage="fetch")


def test_unsupported_url_scheme_is_a_usage_error(tmp_path):
    result = run("ingest", "ftp://example.ru/a.pdf", "--db", f"sqlite:///{tmp_path}/x.db")
    assert_refused(result, 2, "ftp://example.ru/a.pdf: URL scheme 'ftp' is not supported")
    assert not (tmp_path / "x.db").exists()


# ---- browse --------------------------------------------------------------------------------

@pytest.mark.parametrize("command, announcement", [("browse", "Datasette on"), ("review", "review app on")])
def test_a_busy_port_is_refused_before_the_url_is_announced(tmp_path, command, announcement):
    from pipeline.store.db import upgrade

    url = f"sqlite:///{tmp_path}/b.db"
    upgrade(url)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run(command, "--db", url, "--port", port)
    assert_refused(result, 2, f"--port {port}: cannot listen on 127.0.0.1:{port}", "--port", stage=command)
    assert announcement not in result.output


def test_browse_refuses_postgresql():
    result = run("browse", "--db", f"postgresql://me:{SECRET}@127.0.0.1:1/x")
    assert_refused(result, 2, "Datasette reads SQLite only", stage="browse")
    assert SECRET not in result.output


# ---- bugs and --debug ----------------------------------------------------------------------

def _db_with_schema(tmp_path: Path) -> str:
    from pipeline.store.db import upgrade

    url = f"sqlite:///{tmp_path}/d.db"
    upgrade(url)
    return url


def test_a_bug_is_one_line_that_says_so(tmp_path, monkeypatch):
    import pipeline.ingest

    def broken(*args, **kwargs):
        raise TypeError("'NoneType' object is not iterable")

    monkeypatch.setattr(pipeline.ingest, "export_json", broken)
    result = run("export", "--db", _db_with_schema(tmp_path))
    assert_refused(result, 1, "TypeError: 'NoneType' object is not iterable", "this is a bug",
                   "--debug", stage="internal")


def test_debug_shows_the_traceback():
    result = run("--debug", "export", "--db", "notaurl")
    assert result.exit_code == 1
    assert isinstance(result.exception, BadDatabaseURL)  # raised through: Python prints the traceback


def test_debug_from_the_environment():
    result = run("export", "--db", "notaurl", env={"ROADMAPS_DEBUG": "1"})
    assert isinstance(result.exception, BadDatabaseURL)


def test_debug_traceback_in_a_real_process(tmp_path):
    import os
    import subprocess

    from tests.conftest import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    plain = subprocess.run([sys.executable, "-m", "cli", "export", "--db", "notaurl"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    debug = subprocess.run([sys.executable, "-m", "cli", "--debug", "export", "--db", "notaurl"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    assert plain.returncode == 2 and "Traceback" not in plain.stderr
    assert plain.stderr.strip().splitlines() == [
        "error (database): --db 'notaurl' is not a database URL "
        "(expected sqlite:///path/to/roadmaps.db or postgresql://user@host/dbname)"]
    assert debug.returncode == 1 and "Traceback" in debug.stderr and "BadDatabaseURL" in debug.stderr

