"""PostgreSQL fixtures: a fresh database per test on the server named by ``ROADMAPS_TEST_PG_URL``.

``.ci/run`` (and ``eval "$(bash scripts/start_pg.sh)"`` locally) starts a throw-away server and
exports the URL. Without it, or when the server does not answer, the PostgreSQL tests are skipped
with a reason that says so (visible with ``pytest -rs``).
"""

from __future__ import annotations

import os
import uuid
from typing import Iterator

import pytest

PG_ENV = "ROADMAPS_TEST_PG_URL"
CONNECT_TIMEOUT_S = 3


def _plain_pg_url(url: str) -> str:
    """libpq form of a SQLAlchemy URL (psycopg.connect does not take ``+psycopg``)."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _with_database(url: str, name: str) -> str:
    """The same server URL pointing at database ``name``."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def _admin_connection(url: str):
    """Autocommit connection to the server (CREATE/DROP DATABASE cannot run in a transaction)."""
    import psycopg

    return psycopg.connect(_plain_pg_url(url), autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    """The test server's URL, or a skip naming why PostgreSQL tests cannot run."""
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests skipped: ${PG_ENV} is unset "
                    "(start a server with: eval \"$(bash scripts/start_pg.sh)\")")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostgreSQL tests skipped: psycopg (3) is not installed")
    try:
        with _admin_connection(url) as conn:
            conn.execute("SELECT 1")
    except Exception as e:  # any connection failure means: no server here
        pytest.skip(f"PostgreSQL tests skipped: server at ${PG_ENV} unreachable ({type(e).__name__}: {e})")
    return url


@pytest.fixture
def pg_url(pg_server_url: str) -> Iterator[str]:
    """A fresh, empty database on the test server for one test; dropped afterwards."""
    name = f"roadmaps_t_{uuid.uuid4().hex[:12]}"
    with _admin_connection(pg_server_url) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = _with_database(pg_server_url, name)
    try:
        yield url
    finally:
        from pipeline.store.db import get_engine, resolve_url

        get_engine(resolve_url(url)).dispose()
        with _admin_connection(pg_server_url) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
