"""The whole review loop in a real headless Chromium (Playwright, the system browser).

A copy of data/raw/kaluga_2021_scan.pdf is OCR'd and loaded once per module; the app runs on a
free loopback port. The browser opens the queue, opens the worst flagged row, sees its page image,
corrects a party and a deadline, reloads; it also corrects a row on a page that a later version
drops. Then the same bytes are ingested again (nothing changes) and a changed version of the file
(that page taken out) under the same source: the first corrections come back in the export, the
other is listed under "needs a look". The row view is saved as a screenshot (docs/review.png, the
README's picture, with UPDATE_DOCS_SCREENSHOT=1).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from pipeline.ingest import export_json, ingest_path
from pipeline.review.app import LOOPBACK, ReviewConfig, create_app
from pipeline.review.originals import ORIGINALS_ENV
from pipeline.store.db import session_factory
from pipeline.store.schema import Activity, Correction, Document
from tests.conftest import ROOT, sample

CHROMIUM = os.environ.get("ROADMAPS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
# the README's picture is refreshed only on request, so a test run leaves the checkout clean
DOCS_SCREENSHOT = ROOT / "docs" / "review.png"
NEW_PARTY = "министерство труда и социальной защиты Калужской области"
NEW_DEADLINE = "IV квартал 2022 г."

pytestmark = [
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed (OCR of the scan)"),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM}"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """The scan, copied (its path is the source) and loaded; originals kept beside the database."""
    work = tmp_path_factory.mktemp("review_e2e")
    scan = work / "kaluga_2021_scan.pdf"
    shutil.copyfile(sample("kaluga_2021_scan.pdf"), scan)
    db = f"sqlite:///{work / 'review.db'}"
    old = os.environ.pop(ORIGINALS_ENV, None)
    outcome = ingest_path(str(scan), db)
    assert outcome.status == "loaded", outcome.error
    yield {"db": db, "scan": scan, "work": work}
    if old is not None:
        os.environ[ORIGINALS_ENV] = old


@pytest.fixture(scope="module")
def server(loaded):
    import uvicorn

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(ReviewConfig(db_url=loaded["db"], user="analyst-e2e",
                                                                     allowed_hosts=LOOPBACK)),
                                        host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "the review app did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    pw_api = pytest.importorskip("playwright.sync_api")
    with pw_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _drop_page(src: Path, page_no: int, dst: Path) -> None:
    """The same scan without one page (a "new version" of the document)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(src))
    out = pdfium.PdfDocument.new()
    out.import_pages(pdf, [i for i in range(len(pdf)) if i != page_no - 1])
    tmp = dst.with_suffix(".tmp")
    out.save(str(tmp))
    out.close()
    pdf.close()
    tmp.replace(dst)


def _img_loaded(page, selector: str) -> bool:
    return page.eval_on_selector(selector, "img => img.complete && img.naturalWidth > 50 && img.naturalHeight > 20")


def _save(page, field: str, value: str, reason: str) -> None:
    form = page.locator(f'tr[data-field="{field}"] form')
    form.locator("textarea").fill(value)
    form.locator('input[name="reason"]').fill(reason)
    with page.expect_navigation():
        form.locator("button").click()


def test_review_loop_in_chromium(loaded, server, browser):
    db = loaded["db"]
    page = browser.new_page(viewport={"width": 1500, "height": 1000})

    # 1. the queue: flagged rows of the scan, worst first, with counts
    page.goto(server + "/")
    rows = page.locator("tr.queue-row")
    assert rows.count() >= 1
    assert page.locator("#by-flag").inner_text().strip() != ""
    first_id = int(rows.first.get_attribute("data-activity"))

    # 2. the worst row beside its page region
    with page.expect_navigation():
        rows.first.locator("a").click()
    assert page.url.endswith(f"/activity/{first_id}")
    assert page.locator("img.page-region").count() >= 1
    page.wait_for_load_state("networkidle")
    assert _img_loaded(page, "img.page-region")
    assert page.locator(".flag").count() >= 1 and page.locator("#confidence").inner_text()
    assert page.locator("#raw").inner_text().strip()

    # 3. correct a party and a deadline, then reload
    with session_factory(db)() as s:
        act = s.get(Activity, first_id)
        old_responsible, number, a_page = act.responsible or "", act.number, act.page_start
    _save(page, "responsible", f"{old_responsible}, {NEW_PARTY}", "OCR lost a party")
    _save(page, "deadline", NEW_DEADLINE, "checked against the scan")
    page.reload()
    assert NEW_PARTY in page.locator('tr[data-field="responsible"] textarea').input_value()
    assert NEW_PARTY in page.locator("#parties").inner_text()
    assert page.locator('tr[data-field="deadline"] textarea').input_value() == NEW_DEADLINE
    assert "2022-10-01" in page.locator("#deadline-norm").inner_text()
    assert "2022-12-31" in page.locator("#deadline-norm").inner_text()
    assert page.locator("#log tr").count() == 3          # header + two corrections
    page.locator(".source").scroll_into_view_if_needed()
    shot = DOCS_SCREENSHOT if os.environ.get("UPDATE_DOCS_SCREENSHOT") else loaded["work"] / "review.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000

    # 4. a row on a page the next version leaves out: correct its deadline too
    with session_factory(db)() as s:
        acts = list(s.scalars(select(Activity).where(Activity.document_id == 1).order_by(Activity.position)))
        pages = sorted({a.page_start for a in acts if a.page_start == a.page_end and a.page_start != a_page})
        drop = pages[-1]
        lost = next(a for a in acts if a.page_start == a.page_end == drop)
        lost_id, lost_number = lost.id, lost.number
    page.goto(f"{server}/activity/{lost_id}")
    _save(page, "deadline", "декабрь 2023 г.", "the scan says so")

    # 5. the same bytes again: nothing changes
    assert ingest_path(str(loaded["scan"]), db).status == "unchanged"
    with session_factory(db)() as s:
        assert len(list(s.scalars(select(Correction)))) == 3

    # 6. a new version of the same source (one page fewer): corrections carried over or listed
    _drop_page(loaded["scan"], drop, loaded["scan"])
    outcome = ingest_path(str(loaded["scan"]), db)
    assert outcome.status == "loaded", outcome.error
    with session_factory(db)() as s:
        assert s.get(Document, outcome.document_id).version == 2

    (doc,) = export_json(db)
    assert doc["document"]["version"] == 2
    corrected = [a for a in doc["activities"] if a.get("review")]
    (row,) = [a for a in corrected if a["number"] == number]
    assert row["deadline"] == NEW_DEADLINE and row["deadline_norm"]["start"] == "2022-10-01"
    assert NEW_PARTY in row["responsible"] and any(p["name"] == NEW_PARTY for p in row["parties"])
    assert row["review"]["corrected_fields"] == ["deadline", "responsible"]
    assert {c["who"] for c in row["review"]["corrections"]} == {"analyst-e2e"}
    (audit,) = export_json(db, with_corrections_log=True)
    lost_log = [c for c in audit["corrections_log"] if c["status"] == "needs_look"]
    assert len(lost_log) == 1 and lost_log[0]["new_value"] == "декабрь 2023 г."

    # 7. the browser shows the row of version 2 corrected, and the lost correction under "needs a look"
    page.goto(server + "/needs-look")
    items = page.locator("tr.look-item")
    assert items.count() == 1
    text = items.first.inner_text()
    assert "декабрь 2023 г." in text and f"№ {lost_number}" in text and "no row matching" in text
    page.goto(server + "/?status=reviewed")
    with page.expect_navigation():
        page.locator("tr.queue-row a").first.click()
    assert "carried over to version 2" in page.locator("#log").inner_text()
    assert page.locator('tr[data-field="deadline"] textarea').input_value() == NEW_DEADLINE
    page.close()
