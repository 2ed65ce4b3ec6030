"""Batched sha256 lookup for re-runs, on SQLite and on PostgreSQL."""

import hashlib

import pytest

from pipeline.ingest import ingest_path
from pipeline.store.lookup import file_sha256, loaded_sha256s, split_unchanged
from tests.docx_factory import make_docx

BEFORE = ["МИНИСТЕРСТВО ОБРАЗОВАНИЯ КАЛУЖСКОЙ ОБЛАСТИ", "ПРИКАЗ", "от 1 марта 2021 г. № 12",
          "Дорожная карта развития профессионального образования Калужской области на 2021-2023 гг."]


def roadmap(path, n_rows):
    rows = [[str(i), f"Мероприятие {i}", "ЦЗН", "2022 г.", f"Итог {i}"] for i in range(1, n_rows + 1)]
    return make_docx(path, rows, before=BEFORE)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request):
    return request.getfixturevalue("db_url" if request.param == "sqlite" else "pg_url")


def test_file_sha256_is_the_sha256_of_the_bytes(tmp_path):
    p = roadmap(tmp_path / "a.docx", 2)
    assert file_sha256(p) == hashlib.sha256(p.read_bytes()).hexdigest()


def test_split_unchanged_skips_exactly_the_loaded_bytes(any_db, tmp_path):
    loaded = [roadmap(tmp_path / f"old{i}.docx", 2 + i) for i in range(3)]
    for p in loaded:
        assert ingest_path(str(p), any_db).status == "loaded"
    new = roadmap(tmp_path / "new.docx", 6)
    missing = tmp_path / "missing.docx"
    todo, unchanged = split_unchanged(any_db, [str(p) for p in loaded] + [str(new), str(missing)])
    assert unchanged == [str(p) for p in loaded]
    assert todo == [str(new), str(missing)]


def test_loaded_sha256s_queries_in_chunks(any_db, tmp_path):
    paths = [roadmap(tmp_path / f"d{i}.docx", 2 + i) for i in range(3)]
    for p in paths:
        ingest_path(str(p), any_db)
    shas = [file_sha256(p) for p in paths] + ["0" * 64]
    assert loaded_sha256s(any_db, shas, chunk=1) == set(shas[:3])
    assert loaded_sha256s(any_db, []) == set()
