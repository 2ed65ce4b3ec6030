"""themes catalogue and activity_themes

Revision ID: 0009a_activity_themes
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = "0009a_activity_themes"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "themes",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False, server_default=""),
        sa.Column("position", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "activity_themes",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("theme", sa.String(length=32), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("score", sa.Float(), nullable=False, server_default="0"),
        sa.ForeignKeyConstraint(["activity_id"], ["activities.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("activity_id", "theme"),
    )
    op.create_index("ix_activity_themes_activity_id", "activity_themes", ["activity_id"])
    op.create_index("ix_activity_themes_theme", "activity_themes", ["theme"])


def downgrade() -> None:
    op.drop_index("ix_activity_themes_theme", table_name="activity_themes")
    op.drop_index("ix_activity_themes_activity_id", table_name="activity_themes")
    op.drop_table("activity_themes")
    op.drop_table("themes")
