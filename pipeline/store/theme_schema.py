"""ORM classes for cross-region comparison: the theme catalogue and themes assigned to activities,
mapped onto the Core tables ``themes`` and ``activity_themes`` of ``pipeline.store.tables``.

Tables are created by the Alembic migration ``0009a_activity_themes``; the comparison views
(``activity_facts`` and the region summaries) by ``0009b_compare_views``.
"""

from __future__ import annotations

from sqlalchemy.orm import Mapped

from pipeline.store import tables
from pipeline.store.schema import Base
from pipeline.store.tables import VIEW_NAMES  # noqa: F401  (re-exported)


class ThemeDef(Base):
    """One theme of the taxonomy (``normalizers/data/themes.yaml``), refreshed on every assignment."""

    __table__ = tables.themes

    id: Mapped[str]
    name: Mapped[str]
    description: Mapped[str]
    position: Mapped[int]


class ActivityTheme(Base):
    """A theme of an activity: exactly one primary per activity, others optional."""

    __table__ = tables.activity_themes

    activity_id: Mapped[int]
    theme: Mapped[str]
    is_primary: Mapped[bool]
    score: Mapped[float]
