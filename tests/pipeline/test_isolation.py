"""How the extraction worker is started: a plain fork from a one-thread caller, the forkserver otherwise."""

from __future__ import annotations

import os
import threading
import time
import zlib

import pytest

from extractors.grid import ExtractionError
from extractors.limits import Limits
from pipeline import isolation
from tests.hostile.make_hostile import good_docx_bytes, image_page_pdf


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


@pytest.mark.timeout(120)
def test_a_one_thread_caller_forks_and_gets_the_document(tmp_path, started):
    good = tmp_path / "good.docx"
    good.write_bytes(good_docx_bytes(tmp_path))
    assert threading.active_count() == 1
    doc = isolation.extract_isolated(str(good), Limits())
    assert started == ["fork"] and len(doc.tables) == 1
    assert doc == isolation.extract_isolated(str(good), Limits(isolate=False))


@pytest.mark.timeout(120)
def test_a_caller_with_threads_uses_the_forkserver(tmp_path, started, other_thread):
    good = tmp_path / "good.docx"
    good.write_bytes(good_docx_bytes(tmp_path))
    doc = isolation.extract_isolated(str(good), Limits())
    assert started == ["forkserver"] and len(doc.tables) == 1


@pytest.mark.timeout(120)
def test_a_forked_worker_is_killed_at_the_document_budget_and_the_caller_goes_on(tmp_path, started):
    p = tmp_path / "noise.pdf"
    p.write_bytes(image_page_pdf(850, 1200, zlib.compress(os.urandom(850 * 1200), 1), n_pages=3))
    t0 = time.monotonic()
    with pytest.raises(ExtractionError, match="ROADMAPS_DOC_TIMEOUT") as e:
        isolation.extract_isolated(str(p), Limits(doc_timeout=3, ocr_page_timeout=0))
    assert time.monotonic() - t0 < 20 and e.value.stage == "extract"
    assert started == ["fork"]
    good = tmp_path / "good.docx"
    good.write_bytes(good_docx_bytes(tmp_path))
    assert len(isolation.extract_isolated(str(good), Limits()).tables) == 1


def test_the_extractor_of_the_file_kind_is_imported_before_the_fork(monkeypatch):
    imported: list[str] = []
    monkeypatch.setattr("importlib.import_module", lambda name: imported.append(name))
    isolation._preload_for("/x/plan.DOCX")
    isolation._preload_for("/x/plan.pdf")
    isolation._preload_for("/x/plan.unknown")
    assert imported == ["extractors.docx", "extractors.pdf"]
