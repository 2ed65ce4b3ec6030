"""analyst review: corrections table, activities.bbox and activities.review_status

``activities.bbox`` keeps the row's box on each page it covers (for the page image beside the
row); ``activities.review_status`` marks rows accepted, merged into the row above or "not an
activity". ``corrections`` logs every analyst change (who, when, old and new value, reason).
The comparison views are made again so that merged rows and rows that are not activities drop
out of ``activity_facts`` and every fact says how many corrections it carries (``n_corrections``).

Revision ID: 0010_review_corrections
Revises: 0010_quarantine_dropped_at
"""
import importlib.util
from pathlib import Path

from alembic import op
import sqlalchemy as sa


revision = "0010_review_corrections"
down_revision = "0010_quarantine_dropped_at"
branch_labels = None
depends_on = None

HIDDEN = "('not_activity', 'merged')"


def _views_module():
    """The 0009b migration module (its view SQL is reused, filtered by review status)."""
    path = Path(__file__).with_name("0009b_compare_views.py")
    spec = importlib.util.spec_from_file_location("_compare_views_0009b", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def reviewed_activity_facts_sql(dialect: str) -> str:
    base = _views_module().activity_facts_sql(dialect)
    base = base.replace("    a.confidence\nFROM activities a",
                        "    a.confidence,\n    a.review_status,\n"
                        "    (SELECT COUNT(*) FROM corrections c WHERE c.activity_id = a.id"
                        " AND c.status = 'applied') AS n_corrections\nFROM activities a")
    base = base.replace("WHERE d.superseded_by_id IS NULL",
                        f"WHERE d.superseded_by_id IS NULL AND (a.review_status IS NULL OR "
                        f"a.review_status NOT IN {HIDDEN})")
    assert "n_corrections" in base and "review_status NOT IN" in base
    return base


def _create_views(reviewed: bool) -> None:
    mod = _views_module()
    dialect = op.get_bind().dialect.name
    facts = reviewed_activity_facts_sql(dialect) if reviewed else mod.activity_facts_sql(dialect)
    for sql in (facts, mod.REGION_THEME_SQL, mod.REGION_ORG_TYPE_SQL, mod.REGION_YEAR_SQL):
        op.execute(sql)


def _drop_views() -> None:
    for name in reversed(_views_module().VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {name}")


def upgrade() -> None:
    _drop_views()
    op.add_column("activities", sa.Column("bbox", sa.JSON(), nullable=True))
    op.add_column("activities", sa.Column("review_status", sa.String(length=16), nullable=True))
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=True),
        sa.Column("old_value", sa.JSON(), nullable=True),
        sa.Column("new_value", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("who", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False, server_default="applied"),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("match_number", sa.String(length=32), nullable=True),
        sa.Column("match_text", sa.Text(), nullable=True),
        sa.Column("carried_from_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["activity_id"], ["activities.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["carried_from_id"], ["corrections.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_corrections_document_id", "corrections", ["document_id"])
    op.create_index("ix_corrections_activity_id", "corrections", ["activity_id"])
    op.create_index("ix_corrections_source", "corrections", ["source"])
    op.create_index("ix_corrections_status", "corrections", ["status"])
    _create_views(reviewed=True)


def downgrade() -> None:
    _drop_views()
    op.drop_index("ix_corrections_status", table_name="corrections")
    op.drop_index("ix_corrections_source", table_name="corrections")
    op.drop_index("ix_corrections_activity_id", table_name="corrections")
    op.drop_index("ix_corrections_document_id", table_name="corrections")
    op.drop_table("corrections")
    with op.batch_alter_table("activities") as batch:
        batch.drop_column("review_status")
        batch.drop_column("bbox")
    _create_views(reviewed=False)
