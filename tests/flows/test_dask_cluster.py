"""``roadmaps pull --dask-address``: documents run on an existing Dask cluster and load into PostgreSQL.

A real ``dask scheduler`` and two ``dask worker`` processes are started on 127.0.0.1 (free ports,
``PYTHONPATH`` set so the workers import this project); the manifest names local paths the
workers share with us. Every document must be loaded exactly once.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from cli import app
from pipeline.store.db import session_factory
from pipeline.store.schema import Document
from tests.conftest import sample

pytestmark = pytest.mark.usefixtures("prefect_server")

ROOT = Path(__file__).resolve().parents[2]
DOCS = ["kaluga_2021.docx", "amur_2019.docx", "kemerovo_2018.docx"]
START_TIMEOUT_S = 90


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(procs: list[subprocess.Popen]) -> None:
    for p in reversed(procs):
        if p.poll() is None:
            p.terminate()
    for p in reversed(procs):
        try:
            p.wait(15)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


@pytest.fixture
def dask_cluster(tmp_path) -> Iterator[str]:
    """A scheduler and two single-threaded workers; yields the scheduler's address."""
    pytest.importorskip("distributed")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    logs = tmp_path / "dask-logs"
    logs.mkdir()
    procs: list[subprocess.Popen] = []

    def start(name: str, args: list[str]) -> None:
        log = open(logs / f"{name}.log", "wb")
        procs.append(subprocess.Popen([sys.executable, "-m", *args], env=env, cwd=tmp_path,
                                      stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL))

    try:
        start("scheduler", ["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", str(port),
                            "--no-dashboard"])
        for i in range(2):
            start(f"worker{i}", ["distributed.cli.dask_worker", address, "--host", "127.0.0.1",
                                 "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
                                 "--name", f"w{i}", "--local-directory", str(tmp_path / f"w{i}")])
        from distributed import Client

        deadline = time.monotonic() + START_TIMEOUT_S
        while True:   # the scheduler may not listen yet
            try:
                with Client(address, timeout=5) as client:
                    client.wait_for_workers(2, timeout=max(1, deadline - time.monotonic()))
                break
            except OSError:
                if time.monotonic() > deadline or procs[0].poll() is not None:
                    raise
                time.sleep(1)
        yield address
    finally:
        _stop(procs)


def test_pull_on_an_existing_dask_cluster_loads_every_document_once(dask_cluster, pg_url, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    paths = [shutil.copy(sample(name), shared / name) for name in DOCS]
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("sources:\n" + "".join(f"  - path: {p}\n" for p in paths), encoding="utf-8")
    report = tmp_path / "run.json"
    result = CliRunner().invoke(app, ["pull", str(manifest), "--db", pg_url, "--report", str(report),
                                      "--dask-address", dask_cluster])
    assert result.exit_code == 0, result.output
    with session_factory(pg_url)() as s:
        sources = list(s.scalars(select(Document.source)))
        distinct = s.scalar(select(func.count(func.distinct(Document.sha256))))
    assert sorted(sources) == sorted(str(p) for p in paths)    # each document once
    assert distinct == len(paths)
    from distributed import Client

    with Client(dask_cluster, timeout=10) as client:          # the cluster's workers did the work
        done = client.run(lambda dask_worker: dask_worker.state.transition_counter)
    assert len(done) == 2 and sum(done.values()) >= len(paths), done
    again = CliRunner().invoke(app, ["pull", str(manifest), "--db", pg_url, "--dask-address", dask_cluster])
    assert again.exit_code == 0, again.output
    with session_factory(pg_url)() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == len(paths)


def test_unreachable_dask_address_is_one_line_without_traceback(tmp_path):
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(f"sources:\n  - path: {sample(DOCS[0])}\n", encoding="utf-8")
    address = f"tcp://127.0.0.1:{free_port()}"    # nothing listens there
    result = CliRunner().invoke(app, ["pull", str(manifest), "--db", f"sqlite:///{tmp_path}/x.db",
                                      "--dask-address", address])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "no Dask scheduler answers at" in lines[0] and address in lines[0], result.output
