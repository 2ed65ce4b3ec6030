"""Corrections without the browser: the five changes, the log, carry-over to a new version by
number and title similarity, "needs a look" for rows that are gone, and the export with them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pipeline.ingest import export_json
from pipeline.review import corrections as rc
from pipeline.store.db import get_engine, session_factory
from pipeline.store.load import load
from pipeline.store.schema import Activity, Correction, Document
from tests.pipeline.review.conftest import ROWS, record

def _rows(s, doc_id):
    return list(s.scalars(select(Activity).where(Activity.document_id == doc_id).order_by(Activity.position)))


def _correct(db):
    with session_factory(db)() as s, s.begin():
        rows = _rows(s, 1)
        rc.edit(s, rows[2], "responsible", "КРИПО, ЦОПП, ЦЗН (по согласованию)", "ana", "OCR lost a party")
        rc.edit(s, rows[2], "deadline", "I квартал 2022 г.", "ana")
        rc.edit(s, rows[2], "number", "3", "ana")
        rc.accept(s, rows[0], "ana")
        rc.not_activity(s, rows[3], "ana", "signature line")


def test_edit_logs_old_and_new_value_and_reparses(db):
    _correct(db)
    with session_factory(db)() as s:
        row = _rows(s, 1)[2]
        assert row.number == "3" and row.deadline_raw == "I квартал 2022 г."
        assert str(row.deadline_start) == "2022-01-01" and str(row.deadline_end) == "2022-03-31"
        assert [p.name for p in row.parties][-1].startswith("ЦЗН")
        log = list(s.scalars(select(Correction).order_by(Correction.id)))
        assert [(c.action, c.field, c.who) for c in log] == [
            ("edit", "responsible", "ana"), ("edit", "deadline", "ana"), ("edit", "number", "ana"),
            ("accept", "review_status", "ana"), ("not_activity", "review_status", "ana")]
        assert log[0].old_value == "КРИПО, ЦОПП" and log[0].reason == "OCR lost a party"
        assert {c.match_number for c in log[:3]} == {"м"}       # matched later on the number as extracted
    with session_factory(db)() as s:
        assert rc.edit(s, _rows(s, 1)[0], "title", ROWS[0][1], "ana") is None   # no change, no log


def test_export_shows_corrected_values_with_provenance_and_hides_not_activities(db):
    _correct(db)
    (doc,) = export_json(db, with_corrections_log=True)
    acts = doc["activities"]
    assert [a["number"] for a in acts] == ["1", "2", "3"]           # row 4 is "not an activity"
    assert acts[2]["deadline"] == "I квартал 2022 г." and acts[2]["review"]["corrected_fields"] == [
        "deadline", "number", "responsible"]
    assert acts[0]["review"]["status"] == "accepted" and "review" not in acts[1]
    assert len(doc["corrections_log"]) == 5
    assert "corrections_log" not in export_json(db)[0]


def test_merge_and_split_keep_every_row(db):
    with session_factory(db)() as s, s.begin():
        rows = _rows(s, 1)
        rc.merge_up(s, rows[1], "ana")
        with pytest.raises(rc.ReviewError):
            rc.merge_up(s, rows[0], "ana")
    with session_factory(db)() as s, s.begin():
        rows = _rows(s, 1)
        assert len(rows) == 4 and rows[1].review_status == "merged"
        assert rows[0].title.endswith("\n" + ROWS[1][1]) and rows[0].deadline_raw == "2021 год\nежегодно"
        rc.split(s, rows[0], ROWS[1][1], "ana", new_number="2")
    with session_factory(db)() as s:
        rows = _rows(s, 1)
        assert [(r.number, r.title, r.review_status) for r in rows][:3] == [
            ("1", ROWS[0][1], None), ("2", ROWS[1][1], None), ("2", ROWS[1][1], "merged")]
        assert [r.position for r in rows] == [0, 1, 2, 3, 4]


def test_same_bytes_change_nothing(db):
    _correct(db)
    assert load(get_engine(db), record("a" * 64))[0] == "unchanged"
    with session_factory(db)() as s:
        assert len(list(s.scalars(select(Correction)))) == 5


def test_new_version_carries_matching_corrections_and_lists_the_rest(db):
    _correct(db)
    with session_factory(db)() as s, s.begin():
        rc.edit(s, _rows(s, 1)[1], "title", "Проведение конкурса профмастерства", "ana")
    # version 2: OCR reads row "м" a little differently, row 2 is gone
    v2 = [ROWS[0], ("м", "Разработка информационных материалов для обучаюшихся", "КРИПО, ЦОПП",
                    "1 квартал 2022 г."), ROWS[3]]
    status, doc_id = load(get_engine(db), record("b" * 64, v2))
    assert status == "loaded"
    with session_factory(db)() as s:
        assert s.get(Document, 1).superseded_by_id == doc_id
        rows = _rows(s, doc_id)
        assert (rows[1].number, rows[1].deadline_raw) == ("3", "I квартал 2022 г.")
        assert rows[0].review_status == "accepted" and rows[2].review_status == "not_activity"
        log = list(s.scalars(select(Correction).where(Correction.document_id == doc_id).order_by(Correction.id)))
        assert len(log) == 6 and all(c.carried_from_id for c in log)
        lost = [c for c in log if c.status == rc.NEEDS_LOOK]
        assert len(lost) == 1 and lost[0].activity_id is None and lost[0].new_value.startswith("Проведение конкурса")
        assert "no row matching № 2" in lost[0].note
    (doc,) = export_json(db)
    assert [a["number"] for a in doc["activities"]] == ["1", "3"]
    # a third version still lists what could not be placed
    load(get_engine(db), record("c" * 64, v2))
    with session_factory(db)() as s:
        assert len(list(s.scalars(select(Correction).where(Correction.status == rc.NEEDS_LOOK)))) == 2


def test_a_changed_field_is_not_overwritten_but_listed(db):
    _correct(db)
    v2 = list(ROWS)
    v2[2] = ("м", ROWS[2][1], "КРИПО, ЦОПП", "2023 год")       # the source itself changed the deadline
    _, doc_id = load(get_engine(db), record("d" * 64, v2))
    with session_factory(db)() as s:
        row = _rows(s, doc_id)[2]
        assert row.deadline_raw == "2023 год" and row.number == "3"
        (look,) = s.scalars(select(Correction).where(Correction.document_id == doc_id,
                                                     Correction.status == rc.NEEDS_LOOK))
        assert look.field == "deadline" and look.activity_id == row.id and "«2023 год»" in look.note
        assert look.old_value == "1 квартал 2022 г."                   # what the analyst saw, kept
    load(get_engine(db), record("e" * 64, v2))                   # version 3 reads as version 2
    with session_factory(db)() as s:
        doc3 = s.scalar(select(Document).where(Document.version == 3))
        assert _rows(s, doc3.id)[2].deadline_raw == "2023 год"          # still not overwritten
        assert s.scalar(select(Correction).where(Correction.document_id == doc3.id,
                                                 Correction.field == "deadline")).status == rc.NEEDS_LOOK


def test_split_and_merge_are_carried_over_on_the_text_as_extracted(db):
    with session_factory(db)() as s, s.begin():
        rows = _rows(s, 1)
        rc.split(s, rows[0], "опережающей профессиональной подготовки", "ana", new_number="1.1")
        rc.merge_up(s, _rows(s, 1)[4], "ana")                          # row "4" into row "м"
        first = s.scalar(select(Correction).where(Correction.action == "split"))
        assert first.match_text == ROWS[0][1]                         # the title before the split
        rc.edit(s, _rows(s, 1)[3], "deadline", "2022 год", "ana")        # row "м", after the merge
        last = s.scalar(select(Correction).order_by(Correction.id.desc()))
        assert last.match_text == ROWS[2][1]                          # the title before the merge
    _, doc_id = load(get_engine(db), record("f" * 64))
    with session_factory(db)() as s:
        rows = _rows(s, doc_id)
        assert [(r.number, r.review_status) for r in rows] == [
            ("1", None), ("1.1", None), ("2", None), ("м", None), ("4", "merged")]
        assert rows[1].title == "опережающей профессиональной подготовки" and rows[3].deadline_raw == "2022 год"
        assert not list(s.scalars(select(Correction).where(Correction.status == rc.NEEDS_LOOK)))


def test_match_row_by_number_and_similarity():
    rows = [Activity(number="1", title="Создание центра"), Activity(number="2", title="Проведение конкурса"),
            Activity(number=None, title="Мониторинг трудоустройства выпускников")]
    assert rc.match_row("2", "Проведение конкурса", rows) is rows[1]
    assert rc.match_row("7", "Проведение конкурса", rows) is rows[1]          # renumbered, same text
    assert rc.match_row("2", "Совсем другое мероприятие", rows) is None
    assert rc.match_row(None, "Мониторинг трудоустройства выпускнико", rows) is rows[2]
    assert rc.match_row("1", "Проведение конкурса", rows) is rows[1]          # text wins over a wrong number


def test_comparison_views_show_corrected_rows_only(db):
    from pipeline.compare.views import activity_facts

    _correct(db)
    with session_factory(db)() as s, s.begin():
        rc.split(s, _rows(s, 1)[1], "профессионального мастерства", "ana", new_number="2.1")
    facts = activity_facts(db).sort_values("position")
    assert list(facts["number"]) == ["1", "2", "2.1", "3"]                  # row 4 is "not an activity"
    assert list(facts["n_corrections"]) == [1, 1, 0, 3]
    assert list(facts["review_status"].fillna("")) == ["accepted", "", "", ""]
    assert list(facts["deadline_raw"])[3] == "I квартал 2022 г."
    with session_factory(db)() as s:     # the new row got its themes like every other row
        from pipeline.store.theme_schema import ActivityTheme

        new_id = _rows(s, 1)[2].id
        assert s.scalars(select(ActivityTheme).where(ActivityTheme.activity_id == new_id)).first() is not None
