"""renditions: documents.rendition_of_id; the comparison views count each document once

The same document (same region, kind, number and date) ingested from several files is one
document with several renditions: the others point to the best one through
``documents.rendition_of_id`` (``pipeline.store.renditions``). The comparison views are made again
so that only the canonical rendition (``rendition_of_id IS NULL``) of each current document counts.
Documents already loaded are grouped here the same way (a copy of the rule as it stands at this
revision, so that the migration does not change when the pipeline does).

Revision ID: 0012_renditions
Revises: 0011_search
"""
import importlib.util
from pathlib import Path

from alembic import op
import sqlalchemy as sa


revision = "0012_renditions"
down_revision = "0011_search"
branch_labels = None
depends_on = None

INDEX_NAME = "ix_documents_rendition_of_id"
CURRENT = "WHERE d.superseded_by_id IS NULL"


def _migration(filename: str, name: str):
    path = Path(__file__).with_name(filename)
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _views():
    """The 0009b views module and 0010's reviewed activity_facts (reused, not copied)."""
    return (_migration("0009b_compare_views.py", "_compare_views_0009b"),
            _migration("0010_review_corrections.py", "_review_corrections_0010"))


def canonical_activity_facts_sql(dialect: str) -> str:
    base = _views()[1].reviewed_activity_facts_sql(dialect)
    assert base.count(CURRENT) == 1
    return base.replace(CURRENT, f"{CURRENT} AND d.rendition_of_id IS NULL")


def _create_views(canonical_only: bool) -> None:
    views, reviewed = _views()
    dialect = op.get_bind().dialect.name
    facts = (canonical_activity_facts_sql(dialect) if canonical_only
             else reviewed.reviewed_activity_facts_sql(dialect))
    for sql in (facts, views.REGION_THEME_SQL, views.REGION_ORG_TYPE_SQL, views.REGION_YEAR_SQL):
        op.execute(sql)


def _drop_views() -> None:
    for name in reversed(_views()[0].VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {name}")


WORD_FORMATS = ("docx", "doc", "rtf", "odt")
DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})


def _clean(value) -> str:
    return " ".join(str(value or "").translate(DASHES).split()).casefold()


def _rank(row) -> tuple[int, int]:
    fmt = (row.file_format or "").lower()
    kind = (3 if fmt in WORD_FORMATS else 2 if fmt == "html"
            else (0 if "ocr" in (row.extractor or "").lower() else 1) if fmt == "pdf" else -1)
    return (-kind, row.id)


def group_existing() -> None:
    """Point every current document to the best rendition of its (region, kind, number, date)."""
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT id, region_code, doc_kind, doc_number, doc_date, file_format, extractor FROM documents "
        "WHERE superseded_by_id IS NULL")).all()
    groups: dict[tuple, list] = {}
    for r in rows:
        key = (_clean(r.region_code), _clean(r.doc_kind), _clean(r.doc_number).lstrip("№ "),
               str(r.doc_date)[:10] if r.doc_date else "")
        if all(key):
            groups.setdefault(key, []).append(r)
    for members in groups.values():
        best, *others = sorted(members, key=_rank)
        for r in others:
            bind.execute(sa.text("UPDATE documents SET rendition_of_id = :best WHERE id = :id"),
                         {"best": best.id, "id": r.id})


def upgrade() -> None:
    _drop_views()
    # plain ALTER TABLE on both databases: a batch migration on SQLite would recreate the documents
    # table, and with foreign keys on, dropping the old table deletes every activity (ON DELETE CASCADE)
    op.execute("ALTER TABLE documents ADD COLUMN rendition_of_id INTEGER "
               "REFERENCES documents (id) ON DELETE SET NULL")
    op.create_index(INDEX_NAME, "documents", ["rendition_of_id"], unique=False)
    group_existing()
    _create_views(canonical_only=True)


def downgrade() -> None:
    _drop_views()
    op.drop_index(INDEX_NAME, table_name="documents")
    op.execute("ALTER TABLE documents DROP COLUMN rendition_of_id")   # SQLite ≥ 3.35; its FK goes with it
    _create_views(canonical_only=False)
