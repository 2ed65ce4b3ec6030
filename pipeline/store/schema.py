"""The curated database as SQLAlchemy 2 typed ORM classes, mapped onto the Core tables of
``pipeline.store.tables`` (``__table__``): the review app, the export and other readers that
prefer objects use these; the ingest path and the migrations use the tables alone and never
import ``sqlalchemy.orm``.

Every document is a version: re-ingesting the same bytes adds nothing (``sha256`` is unique), a
changed file from the same ``source`` becomes ``version + 1`` and the old row points to it through
``superseded_by_id``. The same document ingested from several files (same region, kind, number
and date: a DOCX, a PDF, a scan) is one document with several renditions: the others point to
the best one through ``rendition_of_id`` (``pipeline.store.renditions``). The column annotations
below are for type checkers only: the columns are the tables'.
"""

# (no ``from __future__ import annotations``: with the Mapped[...] annotations as objects, not
# strings, SQLAlchemy does not evaluate them as strings when the classes are built)

from datetime import date, datetime
from typing import Any, Optional

from sqlalchemy import event
from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

from pipeline.store import tables
from pipeline.store.search_text import SEARCH_FIELDS, activity_lemmas
from pipeline.store.tables import FUNDING_KEY  # noqa: F401  (re-exported: readers import it here)


class Base(DeclarativeBase):
    metadata = tables.metadata


class Document(Base):
    __table__ = tables.documents

    id: Mapped[int]
    source: Mapped[str]
    sha256: Mapped[str]
    file_format: Mapped[str]
    region_code: Mapped[Optional[str]]
    region: Mapped[Optional[str]]
    doc_kind: Mapped[Optional[str]]
    doc_number: Mapped[Optional[str]]
    doc_date: Mapped[Optional[date]]
    authority: Mapped[Optional[str]]
    title: Mapped[Optional[str]]
    period_start: Mapped[Optional[int]]
    period_end: Mapped[Optional[int]]
    n_pages: Mapped[Optional[int]]
    ingested_at: Mapped[datetime]
    extractor: Mapped[str]
    extractor_version: Mapped[str]
    version: Mapped[int]
    superseded_by_id: Mapped[Optional[int]]
    rendition_of_id: Mapped[Optional[int]]
    table_columns: Mapped[list[str]]
    table_header: Mapped[list[str]]
    tags: Mapped[list[str]]
    flags: Mapped[list[str]]

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
    __table__ = tables.sections

    id: Mapped[int]
    document_id: Mapped[int]
    parent_id: Mapped[Optional[int]]
    level: Mapped[int]
    position: Mapped[int]
    title: Mapped[str]

    document: Mapped[Document] = relationship(back_populates="sections")
    parent: Mapped[Optional["Section"]] = relationship(remote_side="Section.id")


class Activity(Base):
    __table__ = tables.activities

    id: Mapped[int]
    document_id: Mapped[int]
    section_id: Mapped[Optional[int]]
    position: Mapped[int]
    number: Mapped[Optional[str]]
    title: Mapped[Optional[str]]
    description: Mapped[Optional[str]]
    tasks: Mapped[Optional[str]]
    responsible: Mapped[Optional[str]]
    deadline_raw: Mapped[Optional[str]]
    deadline_start: Mapped[Optional[date]]
    deadline_end: Mapped[Optional[date]]
    recurrence: Mapped[Optional[str]]
    deadline_occurrences: Mapped[list[Any]]
    result: Mapped[Optional[str]]
    result_document: Mapped[Optional[str]]
    page_start: Mapped[Optional[int]]
    page_end: Mapped[Optional[int]]
    confidence: Mapped[float]
    quality_flags: Mapped[list[str]]
    extra: Mapped[dict[str, Any]]
    bbox: Mapped[Optional[list[Any]]]
    review_status: Mapped[Optional[str]]
    search_lemmas: Mapped[Optional[str]]

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
    """Keep ``search_lemmas`` in step with the text after every analyst edit (the Core load in
    ``pipeline.store.load`` sets it on its own rows)."""
    target.search_lemmas = activity_lemmas(getattr(target, f) for f in SEARCH_FIELDS)


class Organisation(Base):
    __table__ = tables.organisations

    id: Mapped[int]
    canonical_name: Mapped[str]
    org_type: Mapped[str]
    region: Mapped[Optional[str]]
    region_key: Mapped[str]


class Party(Base):
    __table__ = tables.parties

    id: Mapped[int]
    activity_id: Mapped[int]
    position: Mapped[int]
    name: Mapped[str]
    expanded: Mapped[Optional[str]]
    by_agreement: Mapped[bool]
    organisation_id: Mapped[Optional[int]]

    activity: Mapped[Activity] = relationship(back_populates="parties")
    organisation: Mapped[Optional[Organisation]] = relationship()


class Target(Base):
    __table__ = tables.targets

    id: Mapped[int]
    activity_id: Mapped[int]
    position: Mapped[int]
    result: Mapped[Optional[str]]
    unit: Mapped[Optional[str]]

    activity: Mapped[Activity] = relationship(back_populates="targets")
    values: Mapped[list["TargetValue"]] = relationship(
        cascade="all, delete-orphan", order_by="TargetValue.year"
    )


class TargetValue(Base):
    __table__ = tables.target_values

    id: Mapped[int]
    target_id: Mapped[int]
    year: Mapped[str]
    value: Mapped[str]


class SubItem(Base):
    __table__ = tables.sub_items

    id: Mapped[int]
    activity_id: Mapped[int]
    position: Mapped[int]
    title: Mapped[str]
    deadline: Mapped[Optional[str]]

    activity: Mapped[Activity] = relationship(back_populates="sub_items")


class Indicator(Base):
    __table__ = tables.indicators

    id: Mapped[int]
    document_id: Mapped[int]
    position: Mapped[int]
    number: Mapped[Optional[str]]
    name: Mapped[str]
    unit: Mapped[Optional[str]]
    criterion: Mapped[Optional[str]]
    page: Mapped[Optional[int]]

    document: Mapped[Document] = relationship(back_populates="indicators")
    values: Mapped[list["IndicatorValue"]] = relationship(
        cascade="all, delete-orphan", order_by="IndicatorValue.year"
    )


class IndicatorValue(Base):
    __table__ = tables.indicator_values

    id: Mapped[int]
    indicator_id: Mapped[int]
    year: Mapped[str]
    value: Mapped[str]


class Abbreviation(Base):
    """An abbreviation the document itself defines ("(далее – X)", "Сокращения:")."""

    __table__ = tables.abbreviations

    id: Mapped[int]
    document_id: Mapped[int]
    position: Mapped[int]
    short: Mapped[str]
    full: Mapped[str]

    document: Mapped[Document] = relationship(back_populates="abbreviations")


class Correction(Base):
    """One analyst change to an activity (or one carried over from an earlier version of its document).

    Written in the same transaction as the change; never deleted. ``status`` is "applied", or
    "needs_look" when a re-ingested version no longer has a matching row (``activity_id`` is then
    NULL). ``match_number`` / ``match_text`` are the row's number and extracted title when the
    correction was made: what a new version of the document is matched on.
    """

    __table__ = tables.corrections

    id: Mapped[int]
    document_id: Mapped[int]
    activity_id: Mapped[Optional[int]]
    source: Mapped[str]
    action: Mapped[str]            # edit | accept | merge | split | not_activity
    field: Mapped[Optional[str]]
    old_value: Mapped[Optional[Any]]
    new_value: Mapped[Optional[Any]]
    reason: Mapped[Optional[str]]
    who: Mapped[str]
    at: Mapped[datetime]
    status: Mapped[str]
    note: Mapped[Optional[str]]
    match_number: Mapped[Optional[str]]
    match_text: Mapped[Optional[str]]
    carried_from_id: Mapped[Optional[int]]


class QuarantineEntry(Base):
    """A failed ingest: kept with its stage and error until a retry succeeds."""

    __table__ = tables.quarantine

    id: Mapped[int]
    source: Mapped[str]
    sha256: Mapped[Optional[str]]
    stage: Mapped[str]
    error: Mapped[str]
    created_at: Mapped[datetime]
    attempt: Mapped[int]
    resolved: Mapped[bool]
    dropped_at: Mapped[Optional[datetime]]
    drop_reason: Mapped[Optional[str]]
