"""PostgreSQL: same schema and migrations as SQLite, same exports, and concurrency-safe loading.

Every test that needs a server takes the ``pg_url`` fixture (a fresh database per test; skipped
with a visible reason when ``$ROADMAPS_TEST_PG_URL`` is unset or unreachable). Races are started
with a ``multiprocessing`` barrier so that two real processes hit the database at the same moment.
"""

from __future__ import annotations

import copy
import json
import multiprocessing as mp
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text
from typer.testing import CliRunner

from cli import app
from pipeline.store.db import get_engine, resolve_url, session_factory, upgrade
from pipeline.ingest import export_json, ingest_path
from pipeline.store.schema import Activity, Document, Organisation, Party
from tests.conftest import RAW, sample
from tests.docx_factory import make_docx

DEV_DOCX = sorted(RAW.glob("*.docx"))
DEV_PDF = sample("kemerovo_2018.pdf")
BARRIER_TIMEOUT_S = 120
JOIN_TIMEOUT_S = 180
PULL_TIMEOUT_S = 300
WORKER_PRELOAD = ["pipeline.ingest", "pipeline.normalise", "pipeline.store.load", "tests.docx_factory"]
ROADMAPS_CLI = Path(sys.executable).with_name("roadmaps")
BEFORE = ["МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТУЛЬСКОЙ ОБЛАСТИ", "ПРИКАЗ", "от 16 декабря 2022 г. № 2714",
          "Дорожная карта опережающего развития профессионального образования Тульской области "
          "на 2023-2025 гг."]
BASE_ROWS = [["1", "Проведение совещания с ПОО", "министерство образования Тульской области, "
              "ЦЗН (по согласованию)", "Январь – март 2023 г.", "Проведено совещание"],
             ["2", "Разработка программы", "ЦОПП, ГПОУ ТО «Тульский колледж»", "Ежегодно", "Программа"]]

needs_dev_corpus = pytest.mark.skipif(not DEV_DOCX or not DEV_PDF.exists(),
                                      reason=f"sample documents not found in {RAW}")


# ---------------------------------------------------------------- worker processes

def _warm_up(url: str) -> None:
    """Import everything an ingest needs, so both workers start the race at the same point."""
    import pipeline.normalise  # noqa: F401  (lazily imported by ingest)

    get_engine(resolve_url(url))


def _guarded(work, barrier, *args) -> None:
    """Run ``work(barrier, *args)`` in a worker; a crash is reported as one failed outcome."""
    results = args[-1]
    try:
        work(barrier, *args)
    except BaseException as e:  # the parent must not wait for a result that never comes
        barrier.abort()
        results.put([{"status": "failed", "error": f"worker crashed: {type(e).__name__}: {e}"}])


def _ingest_worker(barrier, url: str, items: list[tuple[str, str]], results) -> None:
    """Ingest (path, source) pairs after the barrier; report outcomes as dicts."""
    _warm_up(url)
    barrier.wait(BARRIER_TIMEOUT_S)
    results.put([ingest_path(p, url, source=s).as_dict() for p, s in items])


def _load_worker(barrier, url: str, rounds: list[tuple[str, str]], results) -> None:
    """Per round: extract + normalise one (path, source), then load it at the barrier's release."""
    from pipeline.ingest import extract_stage, load_stage, normalise_stage, sha256_bytes

    _warm_up(url)
    upgrade(url)
    outs = []
    for path, source in rounds:
        sha = sha256_bytes(Path(path).read_bytes())
        record = normalise_stage(extract_stage(path, source), source, sha)
        barrier.wait(BARRIER_TIMEOUT_S)
        try:
            outs.append(load_stage(record, url).as_dict())
        except Exception as e:  # reported, not raised: the parent asserts on it
            outs.append({"status": "failed", "error": str(e)})
    results.put(outs)


def _run_together(target, per_worker_args: list[tuple]) -> list[list[dict]]:
    """Start one process per argument tuple behind a shared barrier; their results.

    Processes fork from a fork server that has the pipeline imported (fresh processes, no
    inherited connections, without paying the imports in every test).
    """
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(WORKER_PRELOAD)
    barrier = ctx.Barrier(len(per_worker_args))
    results = ctx.Queue()
    procs = [ctx.Process(target=_guarded, args=(target, barrier, *args, results)) for args in per_worker_args]
    for p in procs:
        p.start()
    outs = [results.get(timeout=JOIN_TIMEOUT_S) for _ in procs]
    for p in procs:
        p.join(JOIN_TIMEOUT_S)
        assert p.exitcode == 0
    return outs


# ---------------------------------------------------------------- helpers

def _counts(url: str) -> dict[str, int]:
    with session_factory(resolve_url(url))() as s:
        return {
            "documents": s.scalar(select(func.count()).select_from(Document)),
            "distinct_sha": s.scalar(select(func.count(func.distinct(Document.sha256)))),
            "activities": s.scalar(select(func.count()).select_from(Activity)),
            "parties": s.scalar(select(func.count()).select_from(Party)),
            "organisations": s.scalar(select(func.count()).select_from(Organisation)),
            "distinct_organisations": s.scalar(select(func.count()).select_from(
                select(Organisation.canonical_name, Organisation.region_key).distinct().subquery())),
        }


def _without_run_fields(docs: list[dict]) -> list[dict]:
    """Exports with the fields that differ between runs by design (time of ingest) removed."""
    out = []
    for d in docs:
        d = dict(d, document={k: v for k, v in d["document"].items() if k != "ingested_at"})
        out.append(d)
    return out


# the full-text index differs by design (migration 0011_search): FTS5 tables on SQLite, a generated
# tsvector column with a GIN index on PostgreSQL; test_search.py checks each
SEARCH_INDEX_TABLE_PREFIX = "activities_fts"
SEARCH_INDEX_COLUMN = "search_tsv"


def _schema_shape(url: str) -> dict[str, dict]:
    """Tables → columns (name, nullable), unique column sets and indexed column sets."""
    insp = inspect(get_engine(resolve_url(url)))
    shape = {}
    for table in insp.get_table_names():
        if table.startswith(SEARCH_INDEX_TABLE_PREFIX):
            continue
        uniques = {tuple(u["column_names"]) for u in insp.get_unique_constraints(table)}
        uniques |= {tuple(i["column_names"]) for i in insp.get_indexes(table) if i["unique"]}
        shape[table] = {
            "columns": sorted((c["name"], c["nullable"]) for c in insp.get_columns(table)
                              if c["name"] != SEARCH_INDEX_COLUMN),
            "unique": sorted(uniques),
            "indexed": sorted(tuple(i["column_names"]) for i in insp.get_indexes(table)
                              if not i["unique"] and i["column_names"] != [SEARCH_INDEX_COLUMN]),
        }
    return shape


# ---------------------------------------------------------------- tests

@pytest.mark.parametrize("given", ["postgresql://u@h:5432/db", "postgres://u@h:5432/db",
                                   "postgresql+psycopg://u@h:5432/db"])
def test_postgres_urls_use_the_psycopg3_driver(given):
    assert resolve_url(given) == "postgresql+psycopg://u@h:5432/db"


def test_migrations_give_the_same_schema_on_postgres_and_sqlite(pg_url, db_url):
    upgrade(pg_url)
    upgrade(db_url)
    pg, lite = _schema_shape(pg_url), _schema_shape(db_url)
    assert {"documents", "activities", "parties", "organisations", "alembic_version"} <= set(pg)
    assert pg == lite
    assert ("sha256",) in pg["documents"]["unique"]
    assert ("source", "version") in pg["documents"]["unique"]


def test_cli_db_upgrade_takes_a_plain_postgresql_url(pg_url):
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    result = CliRunner().invoke(app, ["db", "upgrade", "--db", plain])
    assert result.exit_code == 0, result.output
    with get_engine(resolve_url(plain)).connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM alembic_version")) == 1


@needs_dev_corpus
def test_same_files_give_identical_exports_on_postgres_and_sqlite(pg_url, db_url, monkeypatch):
    """Every stage runs for both databases except extraction (pure on the bytes), done once."""
    import pipeline.ingest

    extracted: dict[str, object] = {}
    real_extract = pipeline.ingest.extract_stage

    def extract_once(path: str, source: str):
        if source not in extracted:
            extracted[source] = real_extract(path, source)
        return copy.deepcopy(extracted[source])

    monkeypatch.setattr(pipeline.ingest, "extract_stage", extract_once)
    files = DEV_DOCX + [DEV_PDF]
    for url in (pg_url, db_url):
        outcomes = [ingest_path(str(f), url, source=f.name) for f in files]
        assert [o.status for o in outcomes] == ["loaded"] * len(files), [o.error for o in outcomes]
    pg_docs, lite_docs = export_json(pg_url), export_json(db_url)
    assert len(pg_docs) == len(files)
    assert sum(len(d["activities"]) for d in pg_docs) > 50
    assert _without_run_fields(pg_docs) == _without_run_fields(lite_docs)


@needs_dev_corpus
def test_two_processes_ingesting_the_same_files_leave_no_duplicates(pg_url):
    """Both start on an empty database at once: migrations, sha256 skip and organisation upserts race."""
    items = [(str(f), f.name) for f in DEV_DOCX]
    outs = _run_together(_ingest_worker, [(pg_url, items), (pg_url, list(reversed(items)))])
    statuses = [o["status"] for out in outs for o in out]
    assert "failed" not in statuses, [o["error"] for out in outs for o in out]
    assert statuses.count("loaded") == len(items)          # each file loaded by exactly one worker
    docs = export_json(pg_url)
    counts = _counts(pg_url)
    assert counts["documents"] == counts["distinct_sha"] == len(items)
    assert counts["activities"] == sum(len(d["activities"]) for d in docs)
    assert counts["parties"] == sum(len(a["parties"]) for d in docs for a in d["activities"])
    assert counts["organisations"] == counts["distinct_organisations"] > 0


def test_racing_new_versions_of_one_source_get_distinct_versions(pg_url, tmp_path):
    """Two workers load different bytes of the same source at the same moment, three rounds."""
    source = "https://example.org/tula/roadmap.docx"
    rounds = 3
    variants = {w: [str(make_docx(tmp_path / f"w{w}_r{r}.docx",
                                  BASE_ROWS + [[str(3 + r), f"Мероприятие {w}-{r}", "ЦЗН", "Май 2024 г.",
                                                f"Итог {w}"]], before=BEFORE))
                    for r in range(rounds)] for w in range(2)}
    outs = _run_together(_load_worker, [(pg_url, [(p, source) for p in variants[w]]) for w in range(2)])
    results = [o for out in outs for o in out]
    assert [o["status"] for o in results] == ["loaded"] * (2 * rounds), [o.get("error") for o in results]
    with session_factory(resolve_url(pg_url))() as s:
        rows = s.execute(select(Document.id, Document.version, Document.superseded_by_id)
                         .where(Document.source == source).order_by(Document.version)).all()
    assert [v for _, v, _ in rows] == list(range(1, 2 * rounds + 1))
    newest = [r for r in rows if r.superseded_by_id is None]
    assert len(newest) == 1 and newest[0].version == 2 * rounds
    by_id = {r.id: r for r in rows}
    chain = [by_id[r.superseded_by_id].version for r in rows if r.superseded_by_id is not None]
    assert chain == list(range(2, 2 * rounds + 1))           # each version points to the next
    (doc,) = export_json(pg_url)
    assert doc["document"]["version"] == 2 * rounds


@needs_dev_corpus
@pytest.mark.skipif(not ROADMAPS_CLI.exists(), reason=f"console script {ROADMAPS_CLI} not installed")
def test_two_roadmaps_pull_runs_of_one_manifest_at_once_leave_no_duplicates(pg_url, tmp_path):
    """Two `roadmaps pull` processes (each with its own temporary Prefect server) on one database."""
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text("sources:\n" + "".join(f"  - path: {f}\n" for f in DEV_DOCX), encoding="utf-8")
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    runs = [subprocess.Popen([str(ROADMAPS_CLI), "pull", str(manifest), "--db", plain, "--workers", "2",
                              "--report", str(tmp_path / f"run{i}.json")],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for i in range(2)]
    outputs = [r.communicate(timeout=PULL_TIMEOUT_S)[0] for r in runs]
    assert [r.returncode for r in runs] == [0, 0], outputs
    reports = [json.loads((tmp_path / f"run{i}.json").read_text()) for i in range(2)]
    assert sum(len(r["loaded"]) for r in reports) == len(DEV_DOCX)   # each file loaded by one run
    assert all(not r["failed"] for r in reports)
    docs = export_json(pg_url)
    counts = _counts(pg_url)
    assert counts["documents"] == counts["distinct_sha"] == len(DEV_DOCX)
    assert counts["activities"] == sum(len(d["activities"]) for d in docs)
    assert counts["parties"] == sum(len(a["parties"]) for d in docs for a in d["activities"])
    assert counts["organisations"] == counts["distinct_organisations"] > 0


def test_workers_adding_the_same_new_organisations_in_opposite_orders_both_load(pg_url, tmp_path):
    """Two documents name the same new organisations in opposite row orders, loaded at once."""
    rounds, n_orgs = 2, 24
    per_worker: dict[int, list[tuple[str, str]]] = {0: [], 1: []}
    for r in range(rounds):
        orgs = [f"ГПОУ ТО «Тульский колледж № {r * 100 + i}»" for i in range(n_orgs)]
        for w, order in enumerate((orgs, orgs[::-1])):
            rows = [[str(i + 1), f"Мероприятие {i + 1}", org, "2023 г.", "Итог"] for i, org in enumerate(order)]
            path = make_docx(tmp_path / f"w{w}_r{r}.docx", rows, before=BEFORE)
            per_worker[w].append((str(path), f"source-{w}-{r}"))
    outs = _run_together(_load_worker, [(pg_url, per_worker[w]) for w in range(2)])
    results = [o for out in outs for o in out]
    assert [o["status"] for o in results] == ["loaded"] * (2 * rounds), [o.get("error") for o in results]
    counts = _counts(pg_url)
    assert counts["parties"] == 2 * rounds * n_orgs
    assert counts["organisations"] == counts["distinct_organisations"] == rounds * n_orgs
