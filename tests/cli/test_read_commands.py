"""Read commands never create a database, and an empty result says why."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import assert_refused, run

READ_COMMANDS = [["export"], ["compare"], ["search", "профориентация"], ["report"], ["browse"], ["quarantine", "list"],
                 ["quarantine", "show", "1"], ["quarantine", "drop", "1"], ["quarantine", "retry"],
                 ["themes"]]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c))
def test_no_database_is_refused_and_nothing_is_created(command, tmp_path):
    db = tmp_path / "not" / "there.db"
    result = run(*command, "--db", f"sqlite:///{db}")
    assert_refused(result, 2, f"no database at {db} — run `roadmaps ingest` first", stage="database")
    assert not db.exists() and not db.parent.exists()
    assert "[]" not in result.output


def test_the_default_database_is_not_created_either(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ROADMAPS_DB_URL", raising=False)
    result = run("export")
    assert_refused(result, 2, "no database at data/curated/roadmaps.db")
    assert not (tmp_path / "data").exists()


def test_a_file_that_is_not_a_database(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_text("these are my notes, not a database " * 50)
    result = run("export", "--db", f"sqlite:///{junk}")
    assert_refused(result, 2, f"{junk} is not a roadmaps database", stage="database")


def test_an_empty_sqlite_file_has_no_roadmaps_tables(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    result = run("compare", "--db", f"sqlite:///{empty}")
    assert_refused(result, 2, f"no roadmaps database at {empty} (no tables)")


def test_empty_database_explains_the_empty_export(tmp_path):
    from pipeline.store.db import upgrade

    url = f"sqlite:///{tmp_path}/empty.db"
    upgrade(url)
    result = run("export", "--db", url)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    assert "no documents to export: the database" in result.stderr
    assert "has no documents yet — run `roadmaps ingest`" in result.stderr
    result = run("compare", "--db", url)
    assert result.exit_code == 0 and "no rows to compare" in result.stderr


def test_unknown_region_names_the_known_ones(loaded_db):
    for command in (["export"], ["compare"], ["report"]):
        result = run(*command, "--db", loaded_db, "--region", "RU-XXX")
        assert_refused(result, 2, "no rows for region RU-XXX; known regions are RU-TUL", stage="regions")


def test_known_region_in_any_case_is_exported(loaded_db):
    result = run("export", "--db", loaded_db, "--region", "ru-tul")
    assert result.exit_code == 0, result.output
    [doc] = json.loads(result.stdout)
    assert doc["document"]["region_code"] == "RU-TUL"


def test_postgres_database_that_does_not_exist(pg_server_url):
    from sqlalchemy.engine import make_url

    url = make_url(pg_server_url).set(database="roadmaps_no_such_db").render_as_string(hide_password=False)
    result = run("export", "--db", url)
    assert_refused(result, 2, "no database 'roadmaps_no_such_db' on the server", stage="database")


def test_postgres_database_without_the_schema_is_not_migrated_by_a_read(pg_url):
    from sqlalchemy import inspect

    from pipeline.store.db import get_engine, resolve_url

    result = run("export", "--db", pg_url)
    assert_refused(result, 2, "no roadmaps database at", "(no tables)")
    with get_engine(resolve_url(pg_url)).connect() as conn:
        assert inspect(conn).get_table_names() == []
