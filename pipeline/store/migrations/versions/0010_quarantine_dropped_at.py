"""quarantine.dropped_at: `roadmaps quarantine drop` keeps the row as an audit record

A dropped entry is no longer listed or retried, but stays in the table with the time it was
dropped (and the reason, if one was given).

Revision ID: 0010_quarantine_dropped_at
Revises: 0009b_compare_views
"""
from alembic import op
import sqlalchemy as sa


revision = "0010_quarantine_dropped_at"
down_revision = "0009b_compare_views"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("quarantine", sa.Column("dropped_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("quarantine", sa.Column("drop_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("quarantine") as batch:
        batch.drop_column("drop_reason")
        batch.drop_column("dropped_at")
