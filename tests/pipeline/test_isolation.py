"""How the extraction worker is started: a plain fork from a one-thread caller, the forkserver otherwise."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest

from extractors.limits import Limits
from pipeline import isolation
from tests.hostile.make_hostile import blocky_noise, good_docx_bytes, image_page_pdf

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def started(monkeypatch):
    """The start method of every worker started (and the parent's pid, to see a real child)."""
    methods: list[str] = []
    run = isolation._run_process

    def spy(ctx, *args, **kwargs):
        methods.append(ctx.get_start_method())
        return run(ctx, *args, **kwargs)

    monkeypatch.setattr(isolation, "_run_process", spy)
    return methods


@pytest.fixture
def other_thread():
    """A second thread alive for the length of the test (as in a flow or the review app)."""
    stop = threading.Event()
    t = threading.Thread(target=stop.wait, daemon=True)
    t.start()
    yield t
    stop.set()
    t.join()


# A fresh interpreter has one thread (a test process may have many left by earlier tests).
ONE_THREAD_CALLER = """
import json, sys, threading, time
from extractors.grid import ExtractionError
from extractors.limits import Limits
from pipeline import isolation

methods = []
run = isolation._run_process
def spy(ctx, *args, **kwargs):
    methods.append(ctx.get_start_method())
    return run(ctx, *args, **kwargs)
isolation._run_process = spy
out = {"threads": threading.active_count()}
path, limits = sys.argv[1], Limits(**json.loads(sys.argv[2]))
t0 = time.monotonic()
try:
    doc = isolation.extract_isolated(path, limits)
    out["tables"] = len(doc.tables)
    out["same_in_process"] = doc == isolation.extract_isolated(path, Limits(isolate=False))
except ExtractionError as e:
    out["error"], out["stage"] = str(e), e.stage
out["seconds"], out["methods"] = time.monotonic() - t0, methods
print(json.dumps(out))
"""


def one_thread_caller(path, **limits) -> dict:
    res = subprocess.run([sys.executable, "-c", ONE_THREAD_CALLER, str(path), json.dumps(limits)],
                         capture_output=True, text=True, timeout=100, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert res.returncode == 0, res.stderr[-2000:]
    return json.loads(res.stdout)


@pytest.mark.timeout(120)
def test_a_one_thread_caller_forks_and_gets_the_document(tmp_path):
    good = tmp_path / "good.docx"
    good.write_bytes(good_docx_bytes(tmp_path))
    out = one_thread_caller(good)
    assert out["threads"] == 1 and out["methods"] == ["fork"]
    assert out["tables"] == 1 and out["same_in_process"]


@pytest.mark.timeout(120)
def test_a_caller_with_threads_uses_the_forkserver(tmp_path, started, other_thread):
    good = tmp_path / "good.docx"
    good.write_bytes(good_docx_bytes(tmp_path))
    doc = isolation.extract_isolated(str(good), Limits())
    assert started == ["forkserver"] and len(doc.tables) == 1


@pytest.mark.timeout(120)
def test_a_forked_worker_is_killed_at_the_document_budget(tmp_path):
    p = tmp_path / "noise.pdf"
    noise = blocky_noise(random.Random(1), 850, 1200, 8)    # fine grain is not read at all: blocky
    p.write_bytes(image_page_pdf(850, 1200, zlib.compress(noise, 1), n_pages=3))
    out = one_thread_caller(p, doc_timeout=3, ocr_page_timeout=0)
    assert out["methods"] == ["fork"] and out["stage"] == "extract"
    assert "ROADMAPS_DOC_TIMEOUT" in out["error"] and out["seconds"] < 20


def test_the_extractor_of_the_file_kind_is_imported_before_the_fork(monkeypatch):
    imported: list[str] = []
    monkeypatch.setattr("importlib.import_module", lambda name: imported.append(name))
    isolation._preload_for("/x/plan.DOCX")
    isolation._preload_for("/x/plan.pdf")
    isolation._preload_for("/x/plan.unknown")
    assert imported == ["extractors.docx", "extractors.pdf"]


@pytest.mark.timeout(120)
def test_work_while_waiting_runs_here_beside_the_worker_and_its_errors_are_ignored(tmp_path):
    good = tmp_path / "good.docx"
    good.write_bytes(good_docx_bytes(tmp_path))
    ran: list[int] = []

    def meanwhile():
        ran.append(os.getpid())
        raise RuntimeError("done again where it is needed")

    doc = isolation.extract_isolated(str(good), Limits(), while_waiting=meanwhile)
    assert ran == [os.getpid()] and len(doc.tables) == 1


def test_the_budget_counts_from_the_worker_start_not_after_the_work_while_waiting():
    import time

    left = isolation._meanwhile(lambda: time.sleep(0.3), 1.0)
    assert 0.0 <= left <= 0.71
    assert isolation._meanwhile(lambda: time.sleep(0.05), 0.01) == 0.0
    assert isolation._meanwhile(None, 0) is None
