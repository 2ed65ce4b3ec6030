"""The corrections loop on PostgreSQL (skipped with a reason when ``ROADMAPS_TEST_PG_URL`` is unset):
migration 0010, a correction in the same transaction, carry-over to a new version, the views."""

from __future__ import annotations

from sqlalchemy import select

from pipeline.compare.views import activity_facts
from pipeline.ingest import export_json
from pipeline.review import corrections as rc
from pipeline.store.db import get_engine, session_factory, upgrade
from pipeline.store.load import load
from pipeline.store.schema import Activity, Correction
from tests.pipeline.review.conftest import ROWS, record


def test_corrections_carry_over_on_postgres(pg_url):
    upgrade(pg_url)
    _, doc_id = load(get_engine(pg_url), record("a" * 64))
    with session_factory(pg_url)() as s, s.begin():
        rows = list(s.scalars(select(Activity).where(Activity.document_id == doc_id).order_by(Activity.position)))
        rc.edit(s, rows[2], "deadline", "I квартал 2022 г.", "ana")
        rc.edit(s, rows[1], "title", "Конкурс профмастерства", "ana")
        rc.not_activity(s, rows[3], "ana")
    _, v2 = load(get_engine(pg_url), record("b" * 64, [ROWS[0], ROWS[2], ROWS[3]]))
    (doc,) = export_json(pg_url, with_corrections_log=True)
    assert [a["number"] for a in doc["activities"]] == ["1", "м"]
    assert doc["activities"][1]["deadline_norm"]["start"] == "2022-01-01"
    assert [c["status"] for c in doc["corrections_log"]] == ["applied", "needs_look", "applied"]
    facts = activity_facts(pg_url)
    assert sorted(facts["number"]) == ["1", "м"] and facts["n_corrections"].sum() == 1
    with session_factory(pg_url)() as s:
        assert all(c.carried_from_id for c in s.scalars(select(Correction).where(Correction.document_id == v2)))
