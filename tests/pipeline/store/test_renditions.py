"""Renditions: one document loaded from several files is one document in comparison and export."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from pipeline.records import ActivityRecord, DocumentRecord
from pipeline.store.db import alembic_config, connect, get_engine, resolve_url, session_factory, upgrade
from pipeline.store.export import export_documents
from pipeline.store.load import load
from pipeline.store.renditions import rendition_kind, rendition_note
from pipeline.store.schema import Document

TITLES = ["Создание центра опережающей подготовки", "Проведение конкурса профессионального мастерства"]
FORMATS = {"docx": ("docx", "docx-xml"), "doc": ("doc", "libreoffice→docx-xml"),
           "html": ("html", "html-lxml"), "pdf": ("pdf", "pdf:pdfplumber"),
           "scan": ("pdf", "pdf:ocr-ruled")}


def record(source: str, kind: str, sha: str, number="2714", day=date(2022, 12, 16),
           titles=TITLES) -> DocumentRecord:
    fmt, extractor = FORMATS[kind]
    acts = [ActivityRecord(section=[], number=str(i + 1), title=t, responsible="ЦОПП", deadline="2023 год")
            for i, t in enumerate(titles)]
    return DocumentRecord(source=source, sha256=sha * 64, file_format=fmt, extractor=extractor,
                          extractor_version="1", region_code="RU-TUL", region="Тульская область",
                          doc_kind="приказ", doc_number=number, doc_date=day, activities=acts,
                          columns=["number", "title"])


@pytest.fixture
def url(db_url):
    upgrade(db_url)
    return db_url


def _load(url: str, rec: DocumentRecord) -> int:
    status, doc_id = load(get_engine(url), rec)
    assert status == "loaded"
    return doc_id


def _export(url: str) -> list[dict]:
    with session_factory(url)() as s:
        return export_documents(s)


def _facts(url: str) -> list[tuple]:
    with get_engine(url).connect() as c:
        return c.execute(sa.text("SELECT document_id, source FROM activity_facts ORDER BY activity_id")).all()


def _pointers(url: str) -> dict[str, str | None]:
    with session_factory(url)() as s:
        docs = list(s.scalars(sa.select(Document)))
        by_id = {d.id: d.source for d in docs}
        return {d.source: by_id.get(d.rendition_of_id) for d in docs if d.superseded_by_id is None}


def test_rendition_kind_ranks_word_over_html_over_text_pdf_over_scan():
    assert [rendition_kind(*FORMATS[k]) for k in ("docx", "doc", "html", "pdf", "scan")] == \
        ["docx", "docx", "html", "pdf", "scan"]


def test_docx_and_pdf_of_one_document_are_one_document(url):
    docx_id = _load(url, record("t.docx", "docx", "a"))
    pdf_id = _load(url, record("t.pdf", "pdf", "b"))
    assert _pointers(url) == {"t.docx": None, "t.pdf": "t.docx"}
    (doc,) = _export(url)
    assert doc["document"]["source"] == "t.docx"
    assert doc["document"]["renditions"] == [{"source": "t.pdf", "file_format": "pdf", "rendition": "pdf"}]
    assert {row.document_id for row in _facts(url)} == {docx_id}
    assert len(_facts(url)) == len(TITLES)
    with session_factory(url)() as s:
        assert rendition_note(s, pdf_id) == ("t.docx", [])
        assert rendition_note(s, docx_id) == (None, ["t.pdf"])


def test_a_better_rendition_loaded_later_becomes_canonical(url):
    _load(url, record("t_scan.pdf", "scan", "a"))
    _load(url, record("t.pdf", "pdf", "b"))
    assert _pointers(url) == {"t_scan.pdf": "t.pdf", "t.pdf": None}
    _load(url, record("t.html", "html", "c"))
    _load(url, record("t.doc", "doc", "d"))
    assert _pointers(url) == {"t_scan.pdf": "t.doc", "t.pdf": "t.doc", "t.html": "t.doc", "t.doc": None}
    (doc,) = _export(url)
    assert doc["document"]["source"] == "t.doc"
    assert [r["source"] for r in doc["document"]["renditions"]] == ["t_scan.pdf", "t.pdf", "t.html"]


def test_a_tie_keeps_the_rendition_loaded_first(url):
    _load(url, record("first.docx", "docx", "a"))
    _load(url, record("second.docx", "docx", "b"))
    assert _pointers(url) == {"first.docx": None, "second.docx": "first.docx"}


@pytest.mark.parametrize("field", ["number", "day"])
def test_documents_missing_number_or_date_are_never_merged(url, field):
    _load(url, record("t.docx", "docx", "a", **{field: None}))
    _load(url, record("t.pdf", "pdf", "b", **{field: None}))
    assert _pointers(url) == {"t.docx": None, "t.pdf": None}
    assert len(_export(url)) == 2
    assert all(d["document"]["renditions"] == [] for d in _export(url))


def test_documents_with_different_numbers_are_different_documents(url):
    _load(url, record("t.docx", "docx", "a", number="2714"))
    _load(url, record("u.pdf", "pdf", "b", number="2715"))
    assert len(_export(url)) == 2


def test_number_written_with_another_dash_or_spacing_is_the_same_number(url):
    _load(url, record("t.docx", "docx", "a", number="27-р"))
    _load(url, record("t.pdf", "pdf", "b", number=" 27 – р".replace(" – ", "–")))
    assert _pointers(url) == {"t.docx": None, "t.pdf": "t.docx"}


def test_new_versions_still_supersede_and_renditions_follow_the_newest(url):
    old_id = _load(url, record("t.docx", "docx", "a"))
    _load(url, record("t.pdf", "pdf", "b"))
    new_id = _load(url, record("t.docx", "docx", "c", titles=TITLES + ["Новое мероприятие"]))
    with session_factory(url)() as s:
        old, new = s.get(Document, old_id), s.get(Document, new_id)
        assert (old.superseded_by_id, new.version, new.superseded_by_id) == (new_id, 2, None)
    assert _pointers(url) == {"t.docx": None, "t.pdf": "t.docx"}
    (doc,) = _export(url)
    assert doc["document"]["version"] == 2 and len(doc["activities"]) == 3
    assert {row.document_id for row in _facts(url)} == {new_id}


def test_a_new_version_with_another_number_leaves_the_old_renditions_together(url):
    _load(url, record("t.docx", "docx", "a"))
    _load(url, record("t.pdf", "pdf", "b"))
    _load(url, record("t_scan.pdf", "scan", "c"))
    _load(url, record("t.docx", "docx", "d", number="9999"))
    assert _pointers(url) == {"t.docx": None, "t.pdf": None, "t_scan.pdf": "t.pdf"}
    assert sorted(d["document"]["source"] for d in _export(url)) == ["t.docx", "t.pdf"]


def _migrate(url: str, revision: str, down: bool = False) -> None:
    from alembic import command

    cfg = alembic_config(url)
    with connect(url) as conn, conn.begin():
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)


def _downgrade_and_upgrade_again(url: str) -> None:
    _load(url, record("t.pdf", "pdf", "a"))
    _load(url, record("t.docx", "docx", "b"))
    _load(url, record("u.docx", "docx", "c", number=None))
    _migrate(url, "0010_review_corrections", down=True)
    insp = sa.inspect(get_engine(url))
    assert "rendition_of_id" not in {c["name"] for c in insp.get_columns("documents")}
    assert len({row.document_id for row in _facts(url)}) == 3     # every file counted, as before
    _migrate(url, "head")
    assert _pointers(url) == {"t.pdf": "t.docx", "t.docx": None, "u.docx": None}  # grouped on upgrade
    assert {row.source for row in _facts(url)} == {"t.docx", "u.docx"}


def test_migration_downgrades_and_groups_existing_documents_on_upgrade(url):
    _downgrade_and_upgrade_again(url)


def test_migration_downgrades_and_upgrades_on_postgres(pg_url):
    url = resolve_url(pg_url)
    upgrade(url)
    _downgrade_and_upgrade_again(url)



def test_a_rendition_loaded_while_another_is_uncommitted_waits_for_it(pg_url):
    """PostgreSQL: two loads of one document's files at once never both leave their file canonical."""
    import threading

    from pipeline.store.load import load_document

    url = resolve_url(pg_url)
    upgrade(url)
    engine = get_engine(url)
    with engine.connect() as first:
        first.begin()
        assert load_document(first, record("a.docx", "docx", "a"))[0] == "loaded"   # not committed yet
        second = threading.Thread(target=load, args=(engine, record("b.docx", "docx", "b")))
        second.start()
        second.join(1.0)      # it waits for the first transaction (or has not reached the group yet)
        first.commit()
    second.join()
    assert _pointers(url) == {"a.docx": None, "b.docx": "a.docx"}
    (doc,) = _export(url)
    assert doc["document"]["source"] == "a.docx"
