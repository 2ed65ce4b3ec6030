"""A DBA's own tool: `alembic upgrade head` / `alembic current` from the repository root, with the
URL from ROADMAPS_DB_URL or `-x db=URL`, on SQLite and on PostgreSQL."""

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text

from pipeline.store.db import resolve_url, script_heads
from tests.conftest import ROOT

ALEMBIC = Path(sys.executable).with_name("alembic")


def _alembic(*args: str, env_url: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("ROADMAPS_DB_URL", None)
    if env_url:
        env["ROADMAPS_DB_URL"] = env_url
    return subprocess.run([str(ALEMBIC), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def _revisions(url: str) -> set[str]:
    with create_engine(resolve_url(url)).connect() as conn:
        return set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())


def test_alembic_upgrade_head_on_sqlite_from_the_environment(tmp_path):
    url = f"sqlite:///{tmp_path}/dba.db"
    res = _alembic("upgrade", "head", env_url=url)
    assert res.returncode == 0, res.stderr
    assert _revisions(url) == set(script_heads())
    current = _alembic("current", env_url=url)
    assert current.returncode == 0 and "(head)" in current.stdout


def test_alembic_x_db_argument_and_postgresql(pg_url):
    res = _alembic("-x", f"db={pg_url}", "upgrade", "head")
    assert res.returncode == 0, res.stderr
    assert _revisions(pg_url) == set(script_heads())
