"""The Core tables: what ingest loads through, what the ORM maps, what the migrations build.

The import checks run in a fresh interpreter (a subprocess): this test process has imported
the ORM long ago.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.ingest import ingest_path
from pipeline.store import tables
from pipeline.store.db import get_engine, resolve_url, upgrade
from tests.docx_factory import make_docx

ROOT = Path(__file__).resolve().parents[3]
BEFORE = ["МИНИСТЕРСТВО ОБРАЗОВАНИЯ КАЛУЖСКОЙ ОБЛАСТИ", "ПРИКАЗ", "от 1 марта 2021 г. № 12",
          "Дорожная карта развития профессионального образования Калужской области на 2021-2023 гг."]
# what only a load needs (extraction, normalising, the lemmatiser) and the ORM
LOAD_ONLY = ("sqlalchemy.orm", "normalizers", "pymorphy3", "docx", "extractors.docx", "pipeline.normalise",
             "pipeline.isolation", "pipeline.store.schema")
# what loading one DOCX into a new SQLite file has no use for: the libraries of other formats
# (PDF, scans), of other commands (export, pull, compare), Alembic (a new file is a copy of the
# cached migrated one) and the progress bar of a run of many files
HEAVY = ("pandas", "numpy", "prefect", "camelot", "cv2", "spacy", "alembic", "pdfplumber", "pypdfium2", "PIL",
         "pydantic", "httpx", "rich.progress",
         # and the project's own modules for PDFs and scans
         "extractors.pdf", "extractors.ocr", "normalizers.ocr_caps", "normalizers.ocr_parties", "normalizers.ocr_tasks")


def roadmap(path: Path, titles: list[str]) -> Path:
    rows = [[str(i), t, "Министерство образования Калужской области", "2022 г.", f"Итог {i}"]
            for i, t in enumerate(titles, 1)]
    return make_docx(path, rows, before=BEFORE)


def imported_after(code: str, prefixes: tuple[str, ...] = LOAD_ONLY) -> list[str]:
    """The modules among ``prefixes`` (and their submodules) a fresh interpreter holds after ``code``."""
    probe = (f"import json, sys\n{code}\n"
             f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {prefixes!r} "
             f"or any(m == p or m.startswith(p + '.') for p in {prefixes!r}))))")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    res = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr[-2000:]
    return json.loads(res.stdout.strip().splitlines()[-1])


def cli_code(*args: str) -> str:
    return ("import runpy, sys\n"
            f"sys.argv = ['roadmaps', *{list(args)!r}]\n"
            "try:\n    runpy.run_module('cli', run_name='__main__')\nexcept SystemExit as e:\n"
            "    assert not e.code, e.code\n")


@pytest.mark.parametrize("module", ["pipeline.store.load", "pipeline.store.lookup", "pipeline.store.tables",
                                    "pipeline.ingest", "pipeline.api", "pipeline.themes",
                                    "pipeline.store.renditions"])
def test_the_ingest_modules_do_not_import_the_orm(module):
    assert [m for m in imported_after(f"import {module}", ("sqlalchemy.orm", "pipeline.store.schema"))] == []


def test_the_migrations_run_without_the_orm(tmp_path, monkeypatch):
    monkeypatch.setenv("ROADMAPS_CACHE_DIR", "off")     # every migration replayed, no template copy
    code = f"from pipeline.store.db import upgrade\nupgrade('sqlite:///{tmp_path}/m.db')"
    assert imported_after(code, ("sqlalchemy.orm", "pipeline.store.schema")) == []
    assert (tmp_path / "m.db").is_file()


def test_the_schema_module_does_import_the_orm():
    """The check above can fail: the ORM classes module is seen importing the ORM."""
    assert "sqlalchemy.orm" in imported_after("import pipeline.store.schema")


def test_the_heavy_library_check_can_fail():
    assert imported_after("import rich.progress", HEAVY) == ["rich.progress"]


def test_a_rerun_of_an_unchanged_file_imports_nothing_a_load_needs(tmp_path, db_url):
    doc = roadmap(tmp_path / "a.docx", ["Профориентационные мероприятия", "Ярмарка вакансий"])
    assert ingest_path(str(doc), db_url).status == "loaded"
    assert imported_after(cli_code("-q", "ingest", str(doc), "--db", db_url)) == []


def test_loading_a_new_document_from_the_cli_imports_neither_the_orm_nor_a_heavy_library(tmp_path, db_url):
    upgrade(f"sqlite:///{tmp_path}/first.db")   # the set-up cache filled, as after a machine's first run
    doc = roadmap(tmp_path / "a.docx", ["Профориентационные мероприятия", "Ярмарка вакансий"])
    loaded = imported_after(cli_code("-q", "ingest", str(doc), "--db", db_url),
                            ("sqlalchemy.orm", "pipeline.store.schema", "pipeline.normalise") + HEAVY)
    assert loaded == ["pipeline.normalise"]     # it did load the document (and normalised it) …
    with get_engine(resolve_url(db_url)).connect() as conn:   # … with every row in place
        assert conn.execute(sa.select(sa.func.count()).select_from(tables.activities)).scalar() == 2
        assert conn.execute(sa.select(sa.func.count()).select_from(tables.activity_themes)).scalar() >= 2
        lemmas = conn.execute(sa.select(tables.activities.c.search_lemmas)
                              .order_by(tables.activities.c.position)).scalars().all()
    assert all(lemmas) and "ярмарка" in lemmas[1]


def test_a_new_version_without_corrections_loads_without_the_orm(tmp_path, db_url):
    """Carrying corrections over is the one ORM step of a load: skipped when there are none."""
    doc = roadmap(tmp_path / "a.docx", ["Профориентационные мероприятия", "Ярмарка вакансий"])
    assert ingest_path(str(doc), db_url).status == "loaded"
    roadmap(doc, ["Профориентационные мероприятия", "Ярмарка вакансий", "Конкурс профмастерства"])
    assert imported_after(cli_code("-q", "ingest", str(doc), "--db", db_url),
                          ("sqlalchemy.orm", "pipeline.store.schema")) == []
    d = tables.documents.c
    with get_engine(resolve_url(db_url)).connect() as conn:
        rows = conn.execute(sa.select(d.id, d.version, d.superseded_by_id).order_by(d.id)).all()
    assert [(r.version, r.superseded_by_id) for r in rows] == [(1, rows[1].id), (2, None)]


def test_every_orm_class_maps_a_core_table():
    from pipeline.store import schema, theme_schema

    classes = [c for m in (schema, theme_schema) for c in vars(m).values()
               if isinstance(c, type) and issubclass(c, schema.Base) and c is not schema.Base]
    assert {c.__table__.name for c in classes} == set(tables.metadata.tables)
    assert all(c.__table__ is tables.metadata.tables[c.__table__.name] for c in classes)
    assert schema.Base.metadata is tables.metadata


def test_every_orm_class_annotates_exactly_its_tables_columns():
    """The ORM classes map the Core tables (``__table__``); their ``Mapped[...]`` annotations are
    for type checkers and readers — kept in step with the table, column for column."""
    from sqlalchemy.orm import RelationshipProperty

    from pipeline.store import schema, theme_schema

    classes = [c for m in (schema, theme_schema) for c in vars(m).values()
               if isinstance(c, type) and issubclass(c, schema.Base) and c is not schema.Base]
    wrong = {}
    for cls in classes:
        relations = {k for k, v in sa.inspect(cls).attrs.items() if isinstance(v, RelationshipProperty)}
        annotated = set(cls.__annotations__) - relations
        columns = {c.key for c in cls.__table__.columns}
        if annotated != columns:
            wrong[cls.__name__] = {"not annotated": sorted(columns - annotated),
                                   "not a column": sorted(annotated - columns)}
    assert wrong == {}


def _schema_differences(url: str) -> list:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    upgrade(url)
    with get_engine(url).connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), tables.metadata)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_migrations_build_exactly_the_core_tables(backend, request):
    url = resolve_url(request.getfixturevalue("db_url" if backend == "sqlite" else "pg_url"))
    diffs = _schema_differences(url)
    # the full-text search helpers of migration 0011 are the database's own, not the tables'
    extra = [d for d in diffs if not (d[0] == "remove_table" and d[1].name.startswith("activities_fts"))
             and not (d[0] == "remove_column" and d[3].name == "search_tsv")
             and not (d[0] == "remove_index" and "search" in d[1].name)]
    if backend == "sqlite":
        # SQLAlchemy does not read the ON DELETE of a foreign key that ALTER TABLE … ADD COLUMN
        # declared inline (migration 0012): compared as changed, though SQLite holds it (below)
        extra = [d for d in extra if not (d[0] in ("remove_fk", "add_fk")
                                          and [c.name for c in d[1].columns] == ["rendition_of_id"])]
        with get_engine(url).connect() as conn:
            fks = {r[3]: r[6] for r in conn.exec_driver_sql("PRAGMA foreign_key_list(documents)")}
        assert fks == {"superseded_by_id": "SET NULL", "rendition_of_id": "SET NULL"}
    assert extra == []
