"""The budgets one by one: extractors.limits (caps, spans, OCR time) and pipeline.isolation (the worker)."""

from __future__ import annotations

import os
import pickle
import random
import threading
import time
import zlib
from pathlib import Path

import pytest

from extractors import limits
from extractors.grid import ExtractionError
from extractors.limits import Limits
from pipeline import isolation
from tests.hostile.make_hostile import (blank_pages_pdf, blocky_noise, document_xml, good_docx_bytes, image_page_pdf,
                                        plain_rows, roadmap_body, with_document)


def test_limits_come_from_the_environment_and_bad_values_are_named():
    lim = Limits.from_env({"ROADMAPS_MAX_PAGES": "7", "ROADMAPS_OCR_PAGE_TIMEOUT": "2.5",
                           "ROADMAPS_ISOLATE": "0"})
    assert (lim.max_pages, lim.ocr_page_timeout, lim.isolate) == (7, 2.5, False)
    assert Limits.from_env({}) == Limits()
    with pytest.raises(ValueError, match="ROADMAPS_MAX_BYTES"):
        Limits.from_env({"ROADMAPS_MAX_BYTES": "lots"})


def test_a_malformed_budget_variable_fails_the_document_with_a_clear_line(tmp_path, monkeypatch, db_url):
    from pipeline.ingest import ingest_path

    p = tmp_path / "good.docx"
    p.write_bytes(good_docx_bytes(tmp_path))
    monkeypatch.setenv("ROADMAPS_MAX_PAGES", "many")
    out = ingest_path(str(p), db_url)
    assert out.status == "failed" and out.stage == "config" and "ROADMAPS_MAX_PAGES" in out.error


def test_every_limit_has_a_variable_documented_in_the_readme():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert [f for f, (env, _unit) in limits.ENV.items() if f"`{env}`" not in readme] == []


@pytest.mark.timeout(10)
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "roadmap.pdf"
    os.mkfifo(fifo)
    with pytest.raises(ExtractionError, match="FIFO") as e:
        limits.read_regular_file(str(fifo))
    assert e.value.stage == "open" and e.value.path == str(fifo)


def test_size_cap_is_checked_before_reading(tmp_path):
    p = tmp_path / "big.pdf"
    p.write_bytes(b"%PDF-" + b"x" * 5000)
    with pytest.raises(ExtractionError, match="ROADMAPS_MAX_BYTES"):
        limits.read_regular_file(str(p), Limits(max_bytes=1000))
    assert limits.read_regular_file(str(p), Limits(max_bytes=10_000)).startswith(b"%PDF-")


def test_spans_are_clamped_to_the_grid():
    assert limits.clamp_span(2147483647, 0, 5) == 5
    assert limits.clamp_span(2147483647, 3, 5) == 2
    assert limits.clamp_span(2, 9, 5) == 1                 # already past the grid: one column
    assert limits.clamp_span(2147483647, 0, 0, Limits(max_table_cols=50)) == 50
    assert limits.clamp_span(0, 0, 5) == 0                 # gridBefore 0 stays 0


@pytest.mark.timeout(30)
def test_absurd_gridspan_is_read_quickly_and_stays_in_the_grid(tmp_path):
    from extractors.docx import extract_docx

    base = good_docx_bytes(tmp_path)
    row = ('<w:tr><w:tc><w:p/></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2147483647"/></w:tcPr>'
           '<w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>')
    p = tmp_path / "span.docx"
    p.write_bytes(with_document(base, document_xml(roadmap_body(plain_rows(2) + row))))
    t0 = time.monotonic()
    doc = extract_docx(str(p))
    assert time.monotonic() - t0 < 10
    (table,) = doc.tables
    assert table.n_cols == 5 and max(c.col + c.colspan for r in table.rows for c in r.cells) == 5


@pytest.mark.timeout(120)
def test_a_20000_row_table_is_read_in_seconds(tmp_path):
    from extractors.docx import extract_docx

    p = tmp_path / "rows.docx"
    p.write_bytes(with_document(good_docx_bytes(tmp_path), document_xml(roadmap_body(plain_rows(20000)))))
    t0 = time.process_time()
    doc = extract_docx(str(p))
    assert len(doc.tables[0].rows) == 20001
    assert time.process_time() - t0 < 20        # CPU seconds: ~3 on a laptop core


def test_zip_bomb_and_dtd_are_refused_before_inflating(tmp_path):
    import zipfile

    from tests.hostile.make_hostile import build_zip, zip_members

    members = zip_members(good_docx_bytes(tmp_path))
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(build_zip({**members, "word/document.xml": document_xml(" " * 5_000_000)}))
    with zipfile.ZipFile(bomb) as z, pytest.raises(ExtractionError, match="ROADMAPS_MAX_ZIP_RATIO"):
        limits.check_docx_zip(z, str(bomb))
    dtd = tmp_path / "dtd.docx"
    dtd.write_bytes(build_zip({**members, "word/document.xml": document_xml(
        "", '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>')}))
    with zipfile.ZipFile(dtd) as z, pytest.raises(ExtractionError, match="DTD"):
        limits.check_docx_zip(z, str(dtd))


def test_pdf_page_count_and_area_caps(tmp_path):
    many = tmp_path / "many.pdf"
    many.write_bytes(blank_pages_pdf(12))
    assert limits.check_pdf(str(many)) == 12
    with pytest.raises(ExtractionError, match="12.*ROADMAPS_MAX_PAGES"):
        limits.check_pdf(str(many), Limits(max_pages=10))
    huge = tmp_path / "huge.pdf"
    huge.write_bytes(blank_pages_pdf(1, b"[0 0 20000 20000]"))
    with pytest.raises(ExtractionError, match="area of page 1.*ROADMAPS_MAX_PAGE_AREA"):
        limits.check_pdf(str(huge))


def test_render_scale_keeps_within_the_pixel_cap():
    assert limits.render_scale(595, 842, 200, 1) == pytest.approx(200 / 72)
    lim = Limits(max_pixels=2_000_000)
    s = limits.render_scale(595, 842, 200, 1, limits=lim)
    assert 595 * 842 * s * s <= 2_000_000 * 1.0001 and s * 72 >= limits.MIN_RENDER_DPI
    with pytest.raises(ExtractionError, match="ROADMAPS_MAX_PIXELS"):
        limits.render_scale(14400, 14400, 200, 3, limits=lim)


def test_ocr_page_budget_gives_tesseract_what_is_left_and_names_the_limit():
    with limits.ocr_page_budget(4, "scan.pdf", Limits(ocr_page_timeout=10)):
        assert 9 < limits.tesseract_timeout() <= 10
    with pytest.raises(ExtractionError, match="page 4.*ROADMAPS_OCR_PAGE_TIMEOUT") as e:
        with limits.ocr_page_budget(4, "scan.pdf", Limits(ocr_page_timeout=0.01)):
            time.sleep(0.02)
            limits.tesseract_timeout()
    assert e.value.stage == "ocr"
    seen = []
    t = threading.Thread(target=lambda: seen.append(getattr(limits._budget, "deadline", None)))
    with limits.ocr_page_budget(1, limits=Limits(ocr_page_timeout=5)):
        t.start()
        t.join()
    assert seen == [None]                       # the budget is per thread (pages run in parallel)


@pytest.mark.timeout(120)
def test_noise_pages_are_refused_by_the_ocr_page_budget(tmp_path, monkeypatch):
    from extractors.ocr import ocr_page_within_budget

    noise = blocky_noise(random.Random(1), 850, 1200, 8)     # not told from print: Tesseract reads it
    p = tmp_path / "noise.pdf"
    p.write_bytes(image_page_pdf(850, 1200, zlib.compress(noise, 1)))
    monkeypatch.setenv("ROADMAPS_OCR_PAGE_TIMEOUT", "1")
    t0 = time.monotonic()
    layout = ocr_page_within_budget(str(p), 1)
    assert time.monotonic() - t0 < 30
    assert not layout.words and any("ROADMAPS_OCR_PAGE_TIMEOUT" in f for f in layout.flags)


# ---------------------------------------------------------------- the worker process


@pytest.mark.timeout(120)
def test_a_stuck_extraction_is_killed_at_the_document_budget(tmp_path):
    noise = blocky_noise(random.Random(1), 850, 1200, 8)
    p = tmp_path / "noise.pdf"
    p.write_bytes(image_page_pdf(850, 1200, zlib.compress(noise, 1), n_pages=3))
    lim = Limits(doc_timeout=3, ocr_page_timeout=0)      # no page budget: only the worker's clock
    t0 = time.monotonic()
    with pytest.raises(ExtractionError, match="ROADMAPS_DOC_TIMEOUT") as e:
        isolation.extract_isolated(str(p), lim)
    assert time.monotonic() - t0 < 20
    assert e.value.stage == "extract" and e.value.path == str(p)


@pytest.mark.timeout(120)
def test_the_worker_returns_the_document_and_the_refusal(tmp_path):
    good = tmp_path / "good.docx"
    good.write_bytes(good_docx_bytes(tmp_path))
    assert len(isolation.extract_isolated(str(good), Limits()).tables) == 1
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(blank_pages_pdf(3))
    with pytest.raises(ExtractionError, match="no table") as e:
        isolation.extract_isolated(str(blank), Limits())
    assert e.value.stage == "tables" and e.value.path == str(blank)


@pytest.mark.timeout(120)
def test_the_subprocess_worker_used_inside_daemonic_processes(tmp_path):
    good = tmp_path / "good.docx"
    good.write_bytes(good_docx_bytes(tmp_path))
    result = str(tmp_path / "result.pickle")
    code = isolation._run_subprocess(str(good), result, Limits())
    assert code == 0 and len(isolation._outcome(result, code, str(good), Limits()).tables) == 1


def test_a_dead_worker_is_a_named_refusal(tmp_path):
    missing = str(tmp_path / "none.pickle")
    with pytest.raises(ExtractionError, match="SIGKILL.*ROADMAPS_MAX_MEMORY_MB"):
        isolation._outcome(missing, -9, "x.pdf", Limits())
    mem = tmp_path / "mem.pickle"
    mem.write_bytes(pickle.dumps({"memory": True}))
    with pytest.raises(ExtractionError, match="ROADMAPS_MAX_MEMORY_MB"):
        isolation._outcome(str(mem), 0, "x.pdf", Limits())


def test_isolation_can_be_switched_off(monkeypatch):
    calls = []
    monkeypatch.setattr(isolation, "extract", lambda path: calls.append(path) or "in-process")
    assert isolation.extract_isolated("a.pdf", Limits(isolate=False)) == "in-process"
    assert calls == ["a.pdf"]


@pytest.mark.timeout(10)
def test_a_manifest_path_to_a_fifo_is_a_fetch_failure_not_a_hang(tmp_path):
    from pipeline.ingest import StageError
    from pipeline.sources.fetch import fetch
    from pipeline.sources.manifest import SourceEntry

    fifo = tmp_path / "roadmap.pdf"
    os.mkfifo(fifo)
    with pytest.raises(StageError, match="FIFO") as e:
        fetch(SourceEntry(path=str(fifo)), max_bytes=10**6)
    assert e.value.stage == "fetch"
