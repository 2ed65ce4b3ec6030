"""The curated database: SQLAlchemy 2 typed ORM models (one schema for SQLite and PostgreSQL).

Alembic migrations in ``pipeline/store/migrations`` create these tables; the ORM is
used for loading and exporting. Every document is a version: re-ingesting the
same bytes adds nothing (``sha256`` is unique), a changed file from the same
``source`` becomes ``version + 1`` and the old row points to it through
``superseded_by_id``. The same document ingested from several files (same region, kind, number
and date: a DOCX, a PDF, a scan) is one document with several renditions: the others point to
the best one through ``rendition_of_id`` (``pipeline.store.renditions``).
"""

# (no ``from __future__ import annotations``: with the Mapped[...] annotations as objects, not
# strings, SQLAlchemy does not evaluate ~150 strings when the classes are built — ~15 ms a process)

from datetime import date, datetime
from typing import Any, Optional

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pipeline.store.search_text import SEARCH_FIELDS, activity_lemmas


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON, list[Any]: JSON}


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("source", "version", name="uq_documents_source_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text, index=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_format: Mapped[str] = mapped_column(String(8))
    region_code: Mapped[Optional[str]] = mapped_column(String(8), index=True)
    region: Mapped[Optional[str]] = mapped_column(Text)
    doc_kind: Mapped[Optional[str]] = mapped_column(String(32))
    doc_number: Mapped[Optional[str]] = mapped_column(String(64))
    doc_date: Mapped[Optional[date]] = mapped_column(Date)
    authority: Mapped[Optional[str]] = mapped_column(Text)
    title: Mapped[Optional[str]] = mapped_column(Text)
    period_start: Mapped[Optional[int]] = mapped_column(Integer)
    period_end: Mapped[Optional[int]] = mapped_column(Integer)
    n_pages: Mapped[Optional[int]] = mapped_column(Integer)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    extractor: Mapped[str] = mapped_column(String(64))
    extractor_version: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer, default=1)
    superseded_by_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    # another current document is the best rendition of this one (pipeline.store.renditions)
    rendition_of_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True
    )
    table_columns: Mapped[list[str]] = mapped_column(JSON, default=list)
    table_header: Mapped[list[str]] = mapped_column(JSON, default=list)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    flags: Mapped[list[str]] = mapped_column(JSON, default=list)

    sections: Mapped[list["Section"]] = relationship(back_populates="document", cascade="all, delete-orphan")
    activities: Mapped[list["Activity"]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Activity.position"
    )
    indicators: Mapped[list["Indicator"]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Indicator.position"
    )
    abbreviations: Mapped[list["Abbreviation"]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Abbreviation.position"
    )


class Section(Base):
    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"))
    level: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="sections")
    parent: Mapped[Optional["Section"]] = relationship(remote_side="Section.id")


# activities.extra key of the financing columns ({"source", "unit", "values"}), exported as
# the activity's additive ``funding`` object (and left out of its ``extra``)
FUNDING_KEY = "funding"


class Activity(Base):
    __tablename__ = "activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[Optional[int]] = mapped_column(ForeignKey("sections.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[Optional[str]] = mapped_column(String(32))
    title: Mapped[Optional[str]] = mapped_column(Text)
    description: Mapped[Optional[str]] = mapped_column(Text)
    tasks: Mapped[Optional[str]] = mapped_column(Text)
    responsible: Mapped[Optional[str]] = mapped_column(Text)
    deadline_raw: Mapped[Optional[str]] = mapped_column(Text)
    deadline_start: Mapped[Optional[date]] = mapped_column(Date)
    deadline_end: Mapped[Optional[date]] = mapped_column(Date)
    recurrence: Mapped[Optional[str]] = mapped_column(String(16))
    deadline_occurrences: Mapped[list[Any]] = mapped_column(JSON, default=list)
    result: Mapped[Optional[str]] = mapped_column(Text)
    result_document: Mapped[Optional[str]] = mapped_column(Text)
    page_start: Mapped[Optional[int]] = mapped_column(Integer)
    page_end: Mapped[Optional[int]] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    quality_flags: Mapped[list[str]] = mapped_column(JSON, default=list)
    # cells of columns with no known role, by header; FUNDING_KEY holds the financing columns
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # [[page, x0, top, x1, bottom], ...] one box per page the row covers (PDF points, top-left origin)
    bbox: Mapped[Optional[list[Any]]] = mapped_column(JSON, nullable=True)
    # analyst review: None | "accepted" | "not_activity" | "merged" (see pipeline.review.corrections)
    review_status: Mapped[Optional[str]] = mapped_column(String(16), nullable=True)
    # lemmas of title, responsible and result for full-text search (pipeline.store.search_text),
    # set on every insert and update below; indexed by activities_fts / search_tsv (migration 0011)
    search_lemmas: Mapped[Optional[str]] = mapped_column(Text, nullable=True)

    document: Mapped[Document] = relationship(back_populates="activities")
    section: Mapped[Optional[Section]] = relationship()
    parties: Mapped[list["Party"]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="Party.position"
    )
    targets: Mapped[list["Target"]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="Target.position"
    )
    sub_items: Mapped[list["SubItem"]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="SubItem.position"
    )


@event.listens_for(Activity, "before_insert")
@event.listens_for(Activity, "before_update")
def _set_search_lemmas(_mapper, _connection, target: Activity) -> None:
    """Keep ``search_lemmas`` in step with the text at load time and after every analyst edit."""
    target.search_lemmas = activity_lemmas(getattr(target, f) for f in SEARCH_FIELDS)


class Organisation(Base):
    __tablename__ = "organisations"
    __table_args__ = (UniqueConstraint("canonical_name", "region_key", name="uq_organisations_name_region"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    canonical_name: Mapped[str] = mapped_column(Text)
    org_type: Mapped[str] = mapped_column(String(32), index=True)
    region: Mapped[Optional[str]] = mapped_column(Text)
    region_key: Mapped[str] = mapped_column(Text, default="")  # region or "" (NULLs never collide in UNIQUE)


class Party(Base):
    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    expanded: Mapped[Optional[str]] = mapped_column(Text)
    by_agreement: Mapped[bool] = mapped_column(Boolean, default=False)
    organisation_id: Mapped[Optional[int]] = mapped_column(ForeignKey("organisations.id"), index=True)

    activity: Mapped[Activity] = relationship(back_populates="parties")
    organisation: Mapped[Optional[Organisation]] = relationship()


class Target(Base):
    __tablename__ = "targets"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    result: Mapped[Optional[str]] = mapped_column(Text)
    unit: Mapped[Optional[str]] = mapped_column(Text)

    activity: Mapped[Activity] = relationship(back_populates="targets")
    values: Mapped[list["TargetValue"]] = relationship(
        cascade="all, delete-orphan", order_by="TargetValue.year"
    )


class TargetValue(Base):
    __tablename__ = "target_values"

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"), index=True)
    year: Mapped[str] = mapped_column(String(8))
    value: Mapped[str] = mapped_column(Text)


class SubItem(Base):
    __tablename__ = "sub_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    deadline: Mapped[Optional[str]] = mapped_column(Text)

    activity: Mapped[Activity] = relationship(back_populates="sub_items")


class Indicator(Base):
    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[Optional[str]] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[Optional[str]] = mapped_column(Text)
    criterion: Mapped[Optional[str]] = mapped_column(Text)
    page: Mapped[Optional[int]] = mapped_column(Integer)

    document: Mapped[Document] = relationship(back_populates="indicators")
    values: Mapped[list["IndicatorValue"]] = relationship(
        cascade="all, delete-orphan", order_by="IndicatorValue.year"
    )


class IndicatorValue(Base):
    __tablename__ = "indicator_values"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    year: Mapped[str] = mapped_column(String(8))
    value: Mapped[str] = mapped_column(Text)


class Abbreviation(Base):
    """An abbreviation the document itself defines ("(далее – X)", "Сокращения:")."""

    __tablename__ = "abbreviations"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    short: Mapped[str] = mapped_column(Text)
    full: Mapped[str] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="abbreviations")


class Correction(Base):
    """One analyst change to an activity (or one carried over from an earlier version of its document).

    Written in the same transaction as the change; never deleted. ``status`` is "applied", or
    "needs_look" when a re-ingested version no longer has a matching row (``activity_id`` is then
    NULL). ``match_number`` / ``match_text`` are the row's number and extracted title when the
    correction was made: what a new version of the document is matched on.
    """

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    activity_id: Mapped[Optional[int]] = mapped_column(ForeignKey("activities.id", ondelete="SET NULL"),
                                                       index=True)
    source: Mapped[str] = mapped_column(Text, index=True)
    action: Mapped[str] = mapped_column(String(16))        # edit | accept | merge | split | not_activity
    field: Mapped[Optional[str]] = mapped_column(String(32))
    old_value: Mapped[Optional[Any]] = mapped_column(JSON, nullable=True)
    new_value: Mapped[Optional[Any]] = mapped_column(JSON, nullable=True)
    reason: Mapped[Optional[str]] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16), default="applied", index=True)
    note: Mapped[Optional[str]] = mapped_column(Text)
    match_number: Mapped[Optional[str]] = mapped_column(String(32))
    match_text: Mapped[Optional[str]] = mapped_column(Text)
    carried_from_id: Mapped[Optional[int]] = mapped_column(ForeignKey("corrections.id", ondelete="SET NULL"))


class QuarantineEntry(Base):
    """A failed ingest: kept with its stage and error until a retry succeeds."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(Text, index=True)
    sha256: Mapped[Optional[str]] = mapped_column(String(64))
    stage: Mapped[str] = mapped_column(String(32))
    error: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    # set by `roadmaps quarantine drop`: no longer listed or retried, kept as an audit record
    dropped_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True), nullable=True)
    drop_reason: Mapped[Optional[str]] = mapped_column(Text, nullable=True)
