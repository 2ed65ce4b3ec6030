"""ORM models for cross-region comparison: the theme catalogue and themes assigned to activities.

Tables are created by the Alembic migration ``0009a_activity_themes``; the comparison views
(``activity_facts`` and the region summaries) by ``0009b_compare_views``. ``pipeline.store.schema``
stays untouched: these models share its ``Base``.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pipeline.store.schema import Base

VIEW_NAMES = ("activity_facts", "region_theme_summary", "region_org_type_summary", "region_year_summary")


class ThemeDef(Base):
    """One theme of the taxonomy (``normalizers/data/themes.yaml``), refreshed on every assignment."""

    __tablename__ = "themes"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ActivityTheme(Base):
    """A theme of an activity: exactly one primary per activity, others optional."""

    __tablename__ = "activity_themes"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    theme: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    score: Mapped[float] = mapped_column(Float, default=0.0)
