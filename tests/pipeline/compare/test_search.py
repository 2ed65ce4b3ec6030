"""Full-text search (pipeline.compare.search, migration 0011_search): lemmas as well as raw text,
an index that triggers keep current on SQLite, and the same behaviour on PostgreSQL.

The test document is a small DOCX built here; its titles hold inflected forms only
(«профориентации», «работодателями», «демонстрационного экзамена»), so a match on the dictionary
form can only come from the lemmas.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from pipeline.compare.search import fts_query, parse_query, pg_tsquery, search
from pipeline.errors import UsageError
from pipeline.ingest import ingest_path
from pipeline.store.db import alembic_config, get_engine, resolve_url, session_factory, upgrade
from pipeline.store.schema import Activity, Document
from tests.docx_factory import make_docx

BEFORE = ["МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТУЛЬСКОЙ ОБЛАСТИ", "ПРИКАЗ", "от 16 декабря 2022 г. № 2714",
          "Дорожная карта развития профессионального образования Тульской области на 2023-2025 гг."]
ROWS = [["1", "Организация профориентации обучающихся школ", "ЦОПП", "2023 г.", "Проведены мероприятия"],
        ["2", "Заключение договоров с работодателями о целевом обучении",
         "министерство образования Тульской области", "2024 г.", "Договоры заключены"],
        ["3", "Проведение демонстрационного экзамена", "ПОО", "Ежегодно", "Экзамены проведены в колледжах"]]
CHANGED_ROWS = [["1", "Организация стажировок мастеров производственного обучения", "ЦОПП", "2023 г.",
                 "Стажировки проведены"]] + ROWS[1:]
SOURCE = "tula_test.docx"


def load(url: str, folder: Path, rows=ROWS, name: str = "tula.docx") -> str:
    path = make_docx(folder / name, rows, before=BEFORE)
    outcome = ingest_path(str(path), url, source=SOURCE)
    assert outcome.status == "loaded", outcome.error
    return url


def numbers(hits) -> list[str]:
    return sorted(h.number for h in hits)


@pytest.fixture
def db(tmp_path) -> str:
    return load(f"sqlite:///{tmp_path}/search.db", tmp_path)


# ---------------------------------------------------------------- the query language

def test_query_words_become_raw_form_or_lemma():
    assert fts_query("профориентации") == '("профориентации" OR "профориентация")'
    assert fts_query("профориентация") == '"профориентация"'
    assert fts_query("профориент*") == '"профориент"*'
    assert fts_query('"целевом обучении"') == '("целевом обучении" OR "целевой обучение")'
    assert fts_query("экзамен OR стажировка") == '"экзамен" OR "стажировка"'
    assert pg_tsquery("профориент* работодатели") == "'профориент':* & (('работодатели') | ('работодатель'))"


@pytest.mark.parametrize("query", ['"', '"unclosed', "a:b", "NEAR(", "OR", "OR OR x", "(x", "x AND", "'; DROP --",
                                   "*", "^x", "x-", "'", "\\"])
def test_no_input_breaks_the_match_syntax(db, query):
    if not parse_query(query):
        with pytest.raises(UsageError, match="no words"):
            search(db, query)
    else:
        search(db, query)   # runs; rows or none


# ---------------------------------------------------------------- SQLite

@pytest.mark.parametrize("query,expected", [
    ("профориентация", ["1"]),            # title says «профориентации»
    ("работодатели", ["2"]),              # title says «работодателями»
    ("демонстрационный экзамен", ["3"]),  # «демонстрационного экзамена»
    ("колледж", ["3"]),                   # only in the result: «в колледжах»
    ("профориент*", ["1"]),
    ('"целевое обучение"', ["2"]),
    ("экзамен OR работодатель", ["2", "3"]),
    ("тульская", ["2"]),                  # responsible: «министерство образования Тульской области»
    ("работодатели экзамен", []),         # all words must match
])
def test_lemmas_and_raw_text_match(db, query, expected):
    assert numbers(search(db, query)) == expected


def test_hits_carry_document_region_and_a_marked_snippet(db):
    [hit] = search(db, "работодатели")
    assert hit.region_code == "RU-TUL" and hit.number == "2"
    assert hit.document.startswith("Дорожная карта развития")
    assert hit.snippet == "Заключение договоров с [работодателями] о целевом обучении"
    [hit] = search(db, "колледж")
    assert hit.snippet == "Экзамены проведены в [колледжах]"


def test_region_filter_and_limit(db):
    assert search(db, "экзамен OR работодатель", regions=["RU-KLU"]) == []
    assert len(search(db, "экзамен OR работодатель", regions=["ru-tul"])) == 2
    assert len(search(db, "экзамен OR работодатель", limit=1)) == 1


def _fts_ok(url: str) -> None:
    """FTS5's own check of the external-content index against the activities table."""
    with sqlite3.connect(get_engine(resolve_url(url)).url.database) as conn:
        conn.execute("INSERT INTO activities_fts(activities_fts, rank) VALUES('integrity-check', 1)")


def test_the_index_exists_without_browse_and_is_kept_by_triggers(tmp_path):
    url = f"sqlite:///{tmp_path}/fresh.db"
    upgrade(url)
    with sqlite3.connect(tmp_path / "fresh.db") as conn:
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"activities_ai", "activities_ad", "activities_au"} <= triggers
        assert conn.execute("SELECT COUNT(*) FROM activities_fts").fetchone()[0] == 0
    load(url, tmp_path)
    _fts_ok(url)
    assert numbers(search(url, "профориентация")) == ["1"]


def test_a_new_version_replaces_the_old_rows_in_search(db, tmp_path):
    load(db, tmp_path, CHANGED_ROWS, name="tula_v2.docx")
    _fts_ok(db)
    assert search(db, "профориентация") == []          # only in version 1
    assert numbers(search(db, "стажировка")) == ["1"]   # only in version 2
    assert numbers(search(db, "работодатели")) == ["2"]  # in both: the newest version's row, once


def test_deleting_a_document_leaves_nothing_in_the_index(db):
    with session_factory(db)() as s, s.begin():
        s.execute(text("DELETE FROM documents"))
    _fts_ok(db)
    with sqlite3.connect(get_engine(resolve_url(db)).url.database) as conn:
        assert conn.execute("SELECT COUNT(*) FROM activities_fts WHERE activities_fts MATCH 'работодатель'"
                            ).fetchone()[0] == 0


def test_an_analyst_edit_updates_lemmas_and_index(db):
    from pipeline.review.corrections import edit

    with session_factory(db)() as s, s.begin():
        act = s.scalar(select(Activity).where(Activity.number == "1"))
        edit(s, act, "title", "Проведение ярмарок вакансий", who="tester")
    _fts_ok(db)
    assert search(db, "профориентация") == []
    assert numbers(search(db, "ярмарка вакансия")) == ["1"]
    with session_factory(db)() as s:
        assert "ярмарка" in s.scalar(select(Activity.search_lemmas).where(Activity.number == "1"))


def test_migration_backfills_rows_and_replaces_an_old_titles_only_index(db, tmp_path):
    from alembic import command

    path = get_engine(resolve_url(db)).url.database
    command.downgrade(alembic_config(db), "0010_review_corrections")
    with sqlite3.connect(path) as conn:
        cols = {r[1] for r in conn.execute("PRAGMA table_info(activities)")}
        assert "search_lemmas" not in cols
        # what `roadmaps browse` used to build: titles and responsible, no triggers
        conn.execute("CREATE VIRTUAL TABLE activities_fts USING fts5(title, responsible, content='activities', "
                     "content_rowid='id')")
        conn.execute("INSERT INTO activities_fts(activities_fts) VALUES('rebuild')")
    command.upgrade(alembic_config(db), "head")
    with session_factory(db)() as s:
        lemmas = dict(s.execute(select(Activity.number, Activity.search_lemmas)).all())
    assert "профориентация" in lemmas["1"].split() and "работодатель" in lemmas["2"].split()
    _fts_ok(db)
    assert numbers(search(db, "колледж")) == ["3"]      # result text: the new index covers it


# ---------------------------------------------------------------- PostgreSQL

def test_postgres_search_matches_lemmas_and_follows_changes(pg_url, tmp_path):
    load(pg_url, tmp_path)
    assert numbers(search(pg_url, "профориентация")) == ["1"]
    assert numbers(search(pg_url, "работодатели")) == ["2"]
    assert numbers(search(pg_url, "колледж")) == ["3"]
    assert numbers(search(pg_url, "профориент*")) == ["1"]
    assert numbers(search(pg_url, '"целевое обучение"')) == ["2"]
    assert numbers(search(pg_url, "экзамен OR работодатель")) == ["2", "3"]
    [hit] = search(pg_url, "работодатели")
    assert hit.snippet == "Заключение договоров с [работодателями] о целевом обучении"
    with get_engine(resolve_url(pg_url)).connect() as conn:
        plan_index = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_activities_search_tsv'"
                                       )).scalar_one()
    assert "gin" in plan_index.lower()
    load(pg_url, tmp_path, CHANGED_ROWS, name="tula_v2.docx")
    assert search(pg_url, "профориентация") == []
    assert numbers(search(pg_url, "стажировка")) == ["1"]


def test_postgres_migration_round_trip(pg_url, tmp_path):
    from alembic import command

    load(pg_url, tmp_path)
    command.downgrade(alembic_config(pg_url), "0010_review_corrections")
    with get_engine(resolve_url(pg_url)).connect() as conn:
        cols = set(conn.execute(text("SELECT column_name FROM information_schema.columns "
                                     "WHERE table_name = 'activities'")).scalars())
    assert not cols & {"search_lemmas", "search_tsv"}
    command.upgrade(alembic_config(pg_url), "head")      # backfills the rows loaded before
    assert numbers(search(pg_url, "работодатели")) == ["2"]
    with session_factory(pg_url)() as s:
        assert all(s.scalars(select(Activity.search_lemmas)))
        assert s.scalar(select(Document.id)) is not None
