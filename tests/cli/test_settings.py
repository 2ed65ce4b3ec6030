"""``roadmaps config``: every setting with its source; secrets masked; bad values one line."""

import json

import pytest
from typer.testing import CliRunner

import roadmaps_settings as rs
from cli import app


@pytest.fixture
def clean(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in [rs.env_name(f) for f in rs.Settings.model_fields]:
        monkeypatch.delenv(name, raising=False)
    yield tmp_path
    rs.clear_overrides()


def _rows(result) -> dict:
    assert result.exit_code == 0, result.output
    return {r["name"]: r for r in json.loads(result.stdout)}


def test_config_lists_every_setting_with_its_source(clean, monkeypatch):
    (clean / ".env").write_text("ROADMAPS_MAX_PAGES=10\nROADMAPS_FETCH_RETRIES=1\n", encoding="utf-8")
    monkeypatch.setenv("ROADMAPS_FETCH_RETRIES", "4")
    rows = _rows(CliRunner().invoke(app, ["--debug", "config", "--json"]))
    assert set(rows) == {rs.env_name(f) for f in rs.Settings.model_fields}
    assert rows["ROADMAPS_MAX_PAGES"] == {"name": "ROADMAPS_MAX_PAGES", "value": "10", "source": ".env"}
    assert rows["ROADMAPS_FETCH_RETRIES"]["value"] == "4" and rows["ROADMAPS_FETCH_RETRIES"]["source"] == "env"
    assert rows["ROADMAPS_DEBUG"] == {"name": "ROADMAPS_DEBUG", "value": "1", "source": "flag"}
    assert rows["ROADMAPS_DOC_TIMEOUT"]["source"] == "default"
    plain = CliRunner().invoke(app, ["config"])
    assert plain.exit_code == 0 and "ROADMAPS_MAX_PAGES" in plain.stdout and ".env" in plain.stdout
    assert "flag" not in plain.stdout   # the --debug of the previous command does not linger


def test_config_masks_secrets(clean, monkeypatch):
    monkeypatch.setenv("ROADMAPS_DB_URL", "postgresql://ana:hunter2@db.example/roadmaps")
    (clean / ".env").write_text("ROADMAPS_REVIEW_TOKEN=tok-s3cret\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["config"])
    assert res.exit_code == 0
    assert "hunter2" not in res.output and "tok-s3cret" not in res.output
    assert "ana:***@db.example" in res.stdout


def test_a_bad_setting_is_one_clear_line(clean, monkeypatch):
    monkeypatch.setenv("ROADMAPS_MAX_PAGES", "lots")
    res = CliRunner().invoke(app, ["config"])
    assert res.exit_code == 2
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "ROADMAPS_MAX_PAGES='lots' is not a whole number" in lines[0]


def test_the_debug_variable_still_shows_tracebacks(clean, monkeypatch):
    from cli.errors import debug_enabled

    class Ctx:
        params: dict = {}

    assert not debug_enabled(Ctx())
    monkeypatch.setenv("ROADMAPS_DEBUG", "1")
    assert debug_enabled(Ctx())
