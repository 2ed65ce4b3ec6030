"""Engines and migrations: the head read from the migration scripts is Alembic's own head, and a
database already at head is recognised without running Alembic again."""

from alembic.script import ScriptDirectory

from pipeline.store import db


def test_script_heads_agree_with_alembic():
    assert db.script_heads() == frozenset(ScriptDirectory.from_config(db.alembic_config("sqlite://")).get_heads())


def test_a_database_at_head_is_recognised(tmp_path):
    url = f"sqlite:///{tmp_path}/x.db"
    assert not db._at_head(url)          # no alembic_version table yet
    db.upgrade(url)
    assert db._at_head(url)
    db._upgraded.clear()
    db.upgrade(url)                      # the fast path: nothing to do
    assert url in db._upgraded
