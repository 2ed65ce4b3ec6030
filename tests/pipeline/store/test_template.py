"""A new SQLite database copied from the cached migrated schema is the one Alembic writes."""

import sqlite3

import pytest

import roadmaps_settings
from pipeline.store import db as dbm
from pipeline.store.template import create_from_template, schema_key


def dump(path) -> list:
    """Everything a migration can leave: schema objects, every row, alembic_version, pragmas."""
    con = sqlite3.connect(path)
    try:
        out = list(con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"))
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
            out.append((table, sorted(con.execute(f'SELECT * FROM "{table}"'))))
        out.append(("journal_mode", list(con.execute("PRAGMA journal_mode"))))
        out.append(("user_version", list(con.execute("PRAGMA user_version"))))
        return out
    finally:
        con.close()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ROADMAPS_CACHE_DIR", str(folder))
    return folder


def test_a_new_database_from_the_template_equals_the_migrated_one(tmp_path, cache, monkeypatch):
    first, second = tmp_path / "a" / "first.db", tmp_path / "second.db"
    dbm.upgrade(f"sqlite:///{first}")                     # builds the template, then copies it
    templates = list(cache.glob("schema-*.sqlite"))
    assert len(templates) == 1 and templates[0].name == f"schema-{schema_key(dbm.MIGRATIONS_DIR)}.sqlite"
    dbm.upgrade(f"sqlite:///{second}")                    # a copy of the template
    monkeypatch.setenv("ROADMAPS_CACHE_DIR", "off")
    replayed = tmp_path / "replayed.db"
    dbm.upgrade(f"sqlite:///{replayed}")                  # Alembic as before
    assert dump(first) == dump(replayed) and dump(second) == dump(replayed)
    assert dbm._at_head(f"sqlite:///{second}")


def test_an_existing_file_is_never_replaced(tmp_path, cache):
    existing = tmp_path / "mine.db"
    con = sqlite3.connect(existing)
    con.execute("CREATE TABLE keep_me (x)")
    con.commit()
    con.close()
    assert create_from_template(existing, dbm.MIGRATIONS_DIR, dbm._build_template) is False
    dbm.upgrade(f"sqlite:///{existing}")                  # migrated in place by Alembic
    names = {row[1] for row in dump(existing) if len(row) == 4}
    assert "keep_me" in names and "documents" in names


def test_a_cache_that_cannot_be_written_falls_back_to_alembic(tmp_path, monkeypatch):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ROADMAPS_CACHE_DIR", str(blocker / "cache"))
    target = tmp_path / "db.sqlite"
    assert create_from_template(target, dbm.MIGRATIONS_DIR, dbm._build_template) is False
    assert not target.exists()
    dbm.upgrade(f"sqlite:///{target}")
    assert dbm._at_head(f"sqlite:///{target}")


def test_the_key_changes_with_the_migrations(tmp_path):
    one = tmp_path / "m"
    (one / "versions").mkdir(parents=True)
    (one / "env.py").write_text("# env\n")
    (one / "versions" / "0001.py").write_text("revision = '0001'\n")
    before = schema_key(one)
    schema_key.cache_clear()
    (one / "versions" / "0002.py").write_text("revision = '0002'\ndown_revision = '0001'\n")
    assert schema_key(one) != before
    schema_key.cache_clear()


def test_cache_path_setting(monkeypatch, tmp_path):
    monkeypatch.setenv("ROADMAPS_CACHE_DIR", "off")
    assert roadmaps_settings.cache_path() is None
    monkeypatch.setenv("ROADMAPS_CACHE_DIR", str(tmp_path / "c"))
    assert roadmaps_settings.cache_path() == tmp_path / "c"
    monkeypatch.delenv("ROADMAPS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)     # no .env here
    assert roadmaps_settings.cache_path() == tmp_path / "xdg" / "roadmaps"
