"""The Prefect side of secrets: a ``pull`` into a database reached with a password stores no
password in the flow run's parameters or logs; a Secret block can hold the URL instead."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.cli.conftest import SECRET, run
from tests.conftest import sample

pytestmark = pytest.mark.usefixtures("prefect_server")


def _stored_runs_and_logs(expect: str = ":***@", wait_s: float = 20.0) -> tuple[str, str]:
    """Stored run parameters and log messages; logs reach the server in batches, so wait (up to
    ``wait_s``) until the message the run must have logged has arrived."""
    import time

    from prefect.client.orchestration import get_client
    from prefect.logging.handlers import APILogHandler

    APILogHandler().flush()   # send what the run queued, then poll: the server stores batches
    deadline = time.monotonic() + wait_s
    while True:
        with get_client(sync_client=True) as client:
            runs = client.read_flow_runs()
            logs = "\n".join(log.message for log in client.read_logs())
        if expect in logs or time.monotonic() > deadline:
            return json.dumps([r.parameters for r in runs], default=str), logs
        time.sleep(0.5)


def test_pull_keeps_the_password_out_of_prefect(pw_url, tmp_path):
    doc = tmp_path / "kaluga_2021.docx"
    shutil.copy(sample("kaluga_2021.docx"), doc)
    manifest = tmp_path / "m.yaml"
    manifest.write_text(f"sources:\n  - path: {doc.name}\n")
    result = run("pull", manifest, "--db", pw_url, "--workers", "1")
    assert result.exit_code == 0, result.output
    assert SECRET not in result.output
    parameters, logs = _stored_runs_and_logs()
    assert SECRET not in parameters and SECRET not in logs
    assert ":***@" in logs  # the run did log where it wrote, masked


def test_flow_reads_the_url_from_a_secret_block(db_url, tmp_path):
    from prefect.blocks.system import Secret

    from flows.ingest import ingest_sources
    from pipeline.ingest import export_json

    doc = tmp_path / "kaluga_2021.docx"
    shutil.copy(sample("kaluga_2021.docx"), doc)
    Secret(value=db_url).save("roadmaps-test-db", overwrite=True)
    report = ingest_sources(sources=[str(doc)], db_secret="roadmaps-test-db")
    assert report["loaded"] == [str(doc)]
    assert len(export_json(db_url)) == 1
