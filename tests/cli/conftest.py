"""Helpers for the command-line tests: run ``roadmaps`` in-process and check that a refusal is
one ``error (stage): …`` line with the right exit code and no traceback.

The PostgreSQL fixtures (``pg_server_url``, ``pg_url``) are shared with tests/pipeline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

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
