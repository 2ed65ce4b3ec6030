"""The ingest flow end to end: a manifest of URLs served from 127.0.0.1 through ``roadmaps pull``."""

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from cli import app
from flows.ingest import build_report, run_ingest
from pipeline.store.db import session_factory
from pipeline.ingest import IngestOutcome, export_json, list_quarantine
from pipeline.store.schema import Activity, Document
from tests.conftest import sample
from tests.local_http import serve_routes

pytestmark = pytest.mark.usefixtures("prefect_server")

GOOD = ["kaluga_2021", "amur_2019"]


@pytest.fixture
def served(tmp_path):
    """Two good dev DOCX roadmaps and one truncated PDF on a local HTTP server; yields (base, manifest)."""
    files = tmp_path / "files"
    files.mkdir()
    routes = {}
    for key in GOOD:
        copy = files / f"{key}.docx"
        shutil.copy(sample(f"{key}.docx"), copy)
        routes[f"/{key}.docx"] = copy.read_bytes()
    whole = sample("kemerovo_2018.pdf").read_bytes()
    routes["/kemerovo_2018.pdf"] = whole[: len(whole) // 3]
    with serve_routes(routes) as base:
        manifest = tmp_path / "manifest.yaml"
        manifest.write_text("sources:\n" + "".join(f"  - url: {base}{p}\n" for p in routes),
                            encoding="utf-8")
        yield base, manifest


def pull(manifest: Path, db_url: str, report: Path):
    result = CliRunner().invoke(app, ["pull", str(manifest), "--db", db_url, "--report", str(report),
                                      "--workers", "3"])
    return result, json.loads(report.read_text(encoding="utf-8"))


def count(db_url: str, model) -> int:
    with session_factory(db_url)() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_pull_loads_good_documents_quarantines_the_truncated_one_then_skips(served, db_url, tmp_path):
    base, manifest = served
    result, report = pull(manifest, db_url, tmp_path / "run1.json")
    assert result.exit_code == 1, result.output
    assert sorted(report["loaded"]) == sorted(f"{base}/{k}.docx" for k in GOOD)
    assert report["unchanged"] == []
    [failed] = report["failed"]
    assert failed["source"] == f"{base}/kemerovo_2018.pdf"
    assert failed["stage"] in {"open", "extract"}
    assert "truncated" in failed["error"] or "damaged" in failed["error"]
    assert "kemerovo_2018.pdf" in failed["error"]

    result, report = pull(manifest, db_url, tmp_path / "run2.json")
    assert result.exit_code == 1
    assert report["loaded"] == []
    assert sorted(report["unchanged"]) == sorted(f"{base}/{k}.docx" for k in GOOD)
    assert len(report["failed"]) == 1

    assert len(export_json(db_url)) == 2
    [entry] = list_quarantine(db_url)[-1:]
    assert entry["source"] == failed["source"] and entry["attempt"] == 2


def test_pull_exits_zero_when_nothing_failed(db_url, tmp_path):
    doc = tmp_path / "kaluga_2021.docx"
    shutil.copy(sample("kaluga_2021.docx"), doc)
    manifest = tmp_path / "m.yaml"
    manifest.write_text(f"sources:\n  - path: {doc.name}\n    region_code: RU-KLU\n    tags: [t1]\n")
    result, report = pull(manifest, db_url, tmp_path / "r.json")
    assert result.exit_code == 0, result.output
    assert report == {"loaded": [str(doc)], "unchanged": [], "failed": []}
    [exported] = export_json(db_url)
    assert exported["document"]["region_code"] == "RU-KLU"


def test_bad_manifest_exits_2_naming_the_entry(tmp_path, db_url):
    manifest = tmp_path / "m.yaml"
    manifest.write_text("sources:\n  - url: ftp://example.ru/a.pdf\n")
    result = CliRunner().invoke(app, ["pull", str(manifest), "--db", db_url])
    assert result.exit_code == 2
    assert "entry #1 (ftp://example.ru/a.pdf)" in result.output


def test_failure_half_way_through_a_load_loses_and_duplicates_nothing(served, db_url, monkeypatch):
    base, _ = served
    first, second = (f"{base}/{k}.docx" for k in GOOD)
    report = run_ingest(sources=[first], db_url=db_url, workers=1)
    assert report["loaded"] == [first]
    activities_before = count(db_url, Activity)

    import pipeline.store.load as load_module

    real_activities = load_module._activities

    def crash_after_the_activities(session, doc, acts, sections):
        real_activities(session, doc, acts, sections)     # rows written, transaction still open
        if doc.source == second:
            raise RuntimeError("simulated crash in the middle of a load")

    monkeypatch.setattr(load_module, "_activities", crash_after_the_activities)
    report = run_ingest(sources=[first, second], db_url=db_url, workers=2)
    assert report["unchanged"] == [first]
    assert report["failed"][0]["stage"] == "load" and "simulated crash" in report["failed"][0]["error"]
    assert count(db_url, Document) == 1
    assert count(db_url, Activity) == activities_before

    monkeypatch.setattr(load_module, "_activities", real_activities)
    report = run_ingest(sources=[first, second], db_url=db_url, workers=2)
    assert report["loaded"] == [second] and report["unchanged"] == [first]
    assert count(db_url, Document) == 2
    assert list_quarantine(db_url) == []  # the retried source left the quarantine


def test_quarantine_list_and_retry(served, db_url, tmp_path):
    base, manifest = served
    pull(manifest, db_url, tmp_path / "r.json")
    listed = CliRunner().invoke(app, ["quarantine", "list", "--db", db_url, "--json"])
    assert listed.exit_code == 0
    [entry] = json.loads(listed.stdout)
    assert entry["source"] == f"{base}/kemerovo_2018.pdf" and entry["attempt"] == 1
    assert entry["stage"] and entry["error"] and entry["time"]
    retried = CliRunner().invoke(app, ["quarantine", "retry", "--db", db_url,
                                       "--report", str(tmp_path / "retry.json")])
    assert retried.exit_code == 1  # the truncated file is still truncated
    report = json.loads((tmp_path / "retry.json").read_text())
    assert [f["source"] for f in report["failed"]] == [f"{base}/kemerovo_2018.pdf"]
    assert report["loaded"] == [] and report["unchanged"] == []


def test_build_report_shape():
    outcomes = [IngestOutcome("a", "1", "loaded"), IngestOutcome("b", "2", "unchanged"),
                IngestOutcome("c", None, "failed", stage="fetch", error="c: fetch failed: HTTP 404")]
    assert build_report(outcomes) == {
        "loaded": ["a"], "unchanged": ["b"],
        "failed": [{"source": "c", "stage": "fetch", "error": "c: fetch failed: HTTP 404"}]}


def test_fail_on_errors_ends_the_run_failed(db_url, tmp_path):
    from flows.ingest import ingest_sources

    missing = str(tmp_path / "missing.pdf")
    state = ingest_sources(sources=[missing], db_url=db_url, fail_on_errors=True, return_state=True)
    assert state.is_failed() and "1 of 1 documents failed" in state.message
    [entry] = list_quarantine(db_url)
    assert entry["source"] == missing and entry["stage"] == "fetch"
