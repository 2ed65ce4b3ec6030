"""The database password is never printed: ``db upgrade``, ``ingest --db``, error messages, and
the parameters / description of a served deployment (the URL travels in the environment)."""

from __future__ import annotations

import json

from tests.cli.conftest import SECRET, run


def test_mask_url_and_mask_secrets():
    from pipeline.store.db import mask_secrets, mask_url

    assert mask_url(f"postgresql+psycopg://me:{SECRET}@h:5432/db") == "postgresql+psycopg://me:***@h:5432/db"
    assert mask_url("sqlite:///data/x.db") == "sqlite:///data/x.db"
    assert mask_url(f"postgresql://me:{SECRET}@h:notaport/db") == "postgresql://me:***@h:notaport/db"
    text = f"failed on postgresql://me:{SECRET}@h/db and https://u:{SECRET}@x.example/a"
    assert SECRET not in mask_secrets(text) and mask_secrets(text).count(":***@") == 2


def test_db_upgrade_prints_the_url_without_the_password(pw_url):
    result = run("db", "upgrade", "--db", pw_url)
    assert result.exit_code == 0, result.output
    assert "schema at head on postgresql+psycopg://roadmaps_pw_" in result.output
    assert ":***@" in result.output and SECRET not in result.output


def test_ingest_into_postgres_with_a_password_never_prints_it(pw_url, small_docx, tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    result = run("ingest", small_docx, bad, "--db", pw_url)
    assert result.exit_code == 1, result.output  # the broken file failed, the good one loaded
    assert "1 loaded" in result.output and SECRET not in result.output


def test_unreachable_database_error_never_prints_the_password(small_docx):
    result = run("ingest", small_docx, "--db", f"postgresql://me:{SECRET}@127.0.0.1:1/db")
    assert result.exit_code == 1 and SECRET not in result.output and "me:***@" in result.output


# ---- serve: the deployment's parameters and description --------------------------------------

def test_deployment_parameters_carry_no_password(tmp_path):
    from flows.deploy import deployment_description, deployment_parameters

    url = f"postgresql://me:{SECRET}@db.example:5432/roadmaps"
    parameters, env = deployment_parameters("m.yaml", url, tmp_path / "r.json")
    assert SECRET not in json.dumps(parameters)
    assert parameters["db_url"] is None and env == {"ROADMAPS_DB_URL": url.replace(
        "postgresql://", "postgresql+psycopg://")}
    description = deployment_description("m.yaml", url, "0 6 * * 1")
    assert SECRET not in description and "me:***@db.example" in description


def test_deployment_parameters_keep_a_url_without_password():
    from flows.deploy import deployment_parameters

    parameters, env = deployment_parameters("m.yaml", "sqlite:///x.db", None)
    assert parameters["db_url"] == "sqlite:///x.db" and env == {}


def test_serve_passes_the_password_through_the_environment_only(tmp_path, small_docx, monkeypatch):
    import os

    import cli.flows
    from flows.ingest import ingest_sources

    monkeypatch.setenv("ROADMAPS_DB_URL", "sqlite:///placeholder.db")  # restored after the test
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    monkeypatch.setattr(cli.flows, "server_is_up", lambda url: True)
    served = {}

    def fake_serve(**kwargs):
        served.update(kwargs, env=os.environ["ROADMAPS_DB_URL"])

    monkeypatch.setattr(ingest_sources, "serve", fake_serve)
    manifest = tmp_path / "m.yaml"
    manifest.write_text(f"sources:\n  - path: {small_docx}\n")
    url = f"postgresql://me:{SECRET}@db.example:5432/roadmaps"
    result = run("serve", manifest, "--db", url, "--cron", "0 6 * * 1")
    assert result.exit_code == 0, result.output
    assert SECRET not in result.output
    assert SECRET not in json.dumps(served["parameters"]) and SECRET not in served["description"]
    assert served["parameters"]["db_url"] is None and served["cron"] == "0 6 * * 1"
    assert served["env"] == url.replace("postgresql://", "postgresql+psycopg://")


def test_serve_with_a_secret_block_name(tmp_path, small_docx, monkeypatch):
    import cli.flows
    from flows.ingest import ingest_sources

    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    monkeypatch.setattr(cli.flows, "server_is_up", lambda url: True)
    served = {}
    monkeypatch.setattr(ingest_sources, "serve", lambda **kwargs: served.update(kwargs))
    manifest = tmp_path / "m.yaml"
    manifest.write_text(f"sources:\n  - path: {small_docx}\n")
    result = run("serve", manifest, "--db-secret", "roadmaps-db")
    assert result.exit_code == 0, result.output
    assert served["parameters"]["db_secret"] == "roadmaps-db" and served["parameters"]["db_url"] is None
    assert "Secret block 'roadmaps-db'" in served["description"]
