"""Helpers for the command-line tests: run ``roadmaps`` in-process and check that a refusal is
one ``error (stage): …`` line with the right exit code and no traceback.

The PostgreSQL fixtures (``pg_server_url``, ``pg_url``) are shared with tests/pipeline;
``pw_url`` (a database reached with a password) is shared with tests/flows.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Iterator, Optional

import pytest
from click.testing import Result
from typer.testing import CliRunner

from cli import app
from tests.pipeline.conftest import pg_server_url, pg_url  # noqa: F401  (fixtures)

SECRET = "s3cret-Pw-42"


def run(*args: str, env: Optional[dict[str, str]] = None) -> Result:
    """``roadmaps ARGS`` in this process (stdout and stderr both in ``result.output``)."""
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def error_lines(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("error")]


def assert_refused(result: Result, code: int, *fragments: str, stage: Optional[str] = None) -> str:
    """Exit ``code``, exactly one ``error …`` line containing every fragment, no traceback;
    returns that line."""
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    [line] = error_lines(result)
    for fragment in fragments:
        assert fragment in line, (fragment, line)
    if stage:
        assert line.startswith(f"error ({stage}): "), line
    return line


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/cli.db"


@pytest.fixture
def small_docx(tmp_path: Path) -> Path:
    """A small valid roadmap (Tula, RU-TUL) made with python-docx."""
    from tests.docx_factory import make_docx
    from tests.pipeline.compare.five_regions import TULA_BEFORE, TULA_ROWS

    return make_docx(tmp_path / "tula_2023.docx", TULA_ROWS, before=TULA_BEFORE)


@pytest.fixture
def loaded_db(tmp_path: Path, small_docx: Path) -> str:
    """A SQLite database holding one document of region RU-TUL."""
    from pipeline.ingest import ingest_path

    url = f"sqlite:///{tmp_path}/loaded.db"
    assert ingest_path(str(small_docx), url).status == "loaded"
    return url


@pytest.fixture
def pw_url(pg_url: str, pg_server_url: str) -> Iterator[str]:  # noqa: F811  (fixtures imported above)
    """``pg_url``'s database owned by a fresh role that logs in with the password ``SECRET``
    (the test server trusts every login, so the password is accepted, not checked)."""
    import psycopg
    from sqlalchemy.engine import make_url

    from pipeline.store.db import get_engine, resolve_url

    role = f"roadmaps_pw_{uuid.uuid4().hex[:8]}"
    admin = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{SECRET}'")
        conn.execute(f'ALTER DATABASE "{make_url(pg_url).database}" OWNER TO {role}')
    url = make_url(pg_url).set(username=role, password=SECRET).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        get_engine(resolve_url(url)).dispose()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"REASSIGN OWNED BY {role} TO {make_url(pg_url).username}")
            conn.execute(f"DROP OWNED BY {role}")
        server = make_url(pg_server_url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP ROLE {role}")
