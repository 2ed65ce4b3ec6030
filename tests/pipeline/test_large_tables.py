"""Large tables: a generated roadmap with hundreds of rows keeps merges, sections and numbering
through extraction, stitching and the bulk load; equal cells share no mutable record."""

from __future__ import annotations


from sqlalchemy import func, select

from benchmarks.make_large_docx import SECTION_EVERY, make_large_docx
from extractors.docx import extract_docx
from pipeline.ingest import ingest_path
from pipeline.normalise import build_document
from pipeline.store.db import session_factory
from pipeline.store.schema import Activity, Document, Party, Section

ROWS = 400   # 8 sections of 49 activities


def test_generated_table_keeps_merges_and_sections(tmp_path):
    path = make_large_docx(tmp_path / "big.docx", ROWS)
    [table] = extract_docx(str(path)).tables
    assert len(table.rows) == ROWS + 1 and table.rows[0].is_header
    heading = table.rows[1].cells
    assert len(heading) == 1 and heading[0].colspan == 5 and heading[0].text.startswith("1. Раздел 1")
    first = table.rows[2].cells
    assert [c.text for c in first][0] == "1.1" and first[2].rowspan == 2   # vMerge restart over 2 rows
    assert len(table.rows[3].cells) == 4                                   # the continued cell is gone


def test_parties_of_equal_cells_are_separate_records(tmp_path):
    path = make_large_docx(tmp_path / "big.docx", 20)
    record = build_document(extract_docx(str(path)), str(path), "0" * 64)
    first, third = record.activities[0], record.activities[1]   # one merged responsible cell
    assert first.responsible == third.responsible and first.parties == third.parties
    first.parties[0].name = "changed"
    assert third.parties[0].name != "changed"


def test_hundreds_of_rows_load_with_sections_and_parties(tmp_path):
    path = make_large_docx(tmp_path / "big.docx", ROWS)
    url = f"sqlite:///{tmp_path}/big.db"
    outcome = ingest_path(str(path), url)
    n_sections = ROWS // SECTION_EVERY
    assert outcome.status == "loaded" and outcome.n_activities == ROWS - n_sections
    with session_factory(url)() as s:
        assert s.scalar(select(func.count()).select_from(Section)) == n_sections
        acts = list(s.scalars(select(Activity).order_by(Activity.position)))
        assert [a.position for a in acts] == list(range(len(acts)))
        assert acts[0].number == "1.1" and acts[0].section.title.startswith("1. Раздел 1")
        assert acts[-1].section.title.startswith(f"{n_sections}. Раздел {n_sections}")
        assert all(len(a.parties) == 1 and a.parties[0].organisation_id for a in acts)
        assert s.scalar(select(func.count()).select_from(Party)) == len(acts)
        assert s.scalar(select(func.count()).select_from(Document)) == 1
