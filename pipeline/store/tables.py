"""The curated database's tables as SQLAlchemy Core ``Table`` objects (one schema for SQLite and
PostgreSQL), with no ORM.

The ingest path (the "already loaded?" look-up, the load of one document, the quarantine) and
the Alembic environment use only these tables, so a ``roadmaps ingest`` process never imports
``sqlalchemy.orm`` nor builds mapped classes. ``pipeline.store.schema`` maps its ORM classes onto
these same tables (``__table__``) for the review app and the readers that prefer objects.

Every document is a version: re-ingesting the same bytes adds nothing (``sha256`` is unique), a
changed file from the same ``source`` becomes ``version + 1`` and the old row points to it through
``superseded_by_id``. The same document ingested from several files is one document with several
renditions: the others point to the best one through ``rendition_of_id``
(``pipeline.store.renditions``).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# activities.extra key of the financing columns ({"source", "unit", "values"}), exported as
# the activity's additive ``funding`` object (and left out of its ``extra``)
FUNDING_KEY = "funding"


def _id() -> Column:
    return Column("id", Integer, primary_key=True)


def _position() -> Column:
    return Column("position", Integer, nullable=False)


documents = Table(
    "documents", metadata,
    _id(),
    Column("source", Text, nullable=False, index=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("file_format", String(8), nullable=False),
    Column("region_code", String(8), index=True),
    Column("region", Text),
    Column("doc_kind", String(32)),
    Column("doc_number", String(64)),
    Column("doc_date", Date),
    Column("authority", Text),
    Column("title", Text),
    Column("period_start", Integer),
    Column("period_end", Integer),
    Column("n_pages", Integer),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("extractor", String(64), nullable=False),
    Column("extractor_version", String(32), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("superseded_by_id", ForeignKey("documents.id", ondelete="SET NULL"), index=True),
    # another current document is the best rendition of this one (pipeline.store.renditions)
    Column("rendition_of_id", ForeignKey("documents.id", ondelete="SET NULL"), index=True),
    Column("table_columns", JSON, nullable=False, default=list),
    Column("table_header", JSON, nullable=False, default=list),
    Column("tags", JSON, nullable=False, default=list),
    Column("flags", JSON, nullable=False, default=list),
    UniqueConstraint("source", "version", name="uq_documents_source_version"),
)

sections = Table(
    "sections", metadata,
    _id(),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("parent_id", ForeignKey("sections.id", ondelete="CASCADE")),
    Column("level", Integer, nullable=False),
    _position(),
    Column("title", Text, nullable=False),
)

activities = Table(
    "activities", metadata,
    _id(),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("section_id", ForeignKey("sections.id", ondelete="SET NULL")),
    _position(),
    Column("number", String(32)),
    Column("title", Text),
    Column("description", Text),
    Column("tasks", Text),
    Column("responsible", Text),
    Column("deadline_raw", Text),
    Column("deadline_start", Date),
    Column("deadline_end", Date),
    Column("recurrence", String(16)),
    Column("deadline_occurrences", JSON, nullable=False, default=list),
    Column("result", Text),
    Column("result_document", Text),
    Column("page_start", Integer),
    Column("page_end", Integer),
    Column("confidence", Float, nullable=False, default=1.0),
    Column("quality_flags", JSON, nullable=False, default=list),
    # cells of columns with no known role, by header; FUNDING_KEY holds the financing columns
    Column("extra", JSON, nullable=False, default=dict),
    # [[page, x0, top, x1, bottom], ...] one box per page the row covers (PDF points, top-left origin)
    Column("bbox", JSON, nullable=True),
    # analyst review: None | "accepted" | "not_activity" | "merged" (see pipeline.review.corrections)
    Column("review_status", String(16), nullable=True),
    # lemmas of title, responsible and result for full-text search (pipeline.store.search_text),
    # written by every insert and update of the text; indexed by activities_fts / search_tsv (0011)
    Column("search_lemmas", Text, nullable=True),
)

organisations = Table(
    "organisations", metadata,
    _id(),
    Column("canonical_name", Text, nullable=False),
    Column("org_type", String(32), nullable=False, index=True),
    Column("region", Text),
    # region or "" (NULLs never collide in UNIQUE)
    Column("region_key", Text, nullable=False, default=""),
    UniqueConstraint("canonical_name", "region_key", name="uq_organisations_name_region"),
)

parties = Table(
    "parties", metadata,
    _id(),
    Column("activity_id", ForeignKey("activities.id", ondelete="CASCADE"), nullable=False, index=True),
    _position(),
    Column("name", Text, nullable=False),
    Column("expanded", Text),
    Column("by_agreement", Boolean, nullable=False, default=False),
    Column("organisation_id", ForeignKey("organisations.id"), index=True),
)

targets = Table(
    "targets", metadata,
    _id(),
    Column("activity_id", ForeignKey("activities.id", ondelete="CASCADE"), nullable=False, index=True),
    _position(),
    Column("result", Text),
    Column("unit", Text),
)

target_values = Table(
    "target_values", metadata,
    _id(),
    Column("target_id", ForeignKey("targets.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("year", String(8), nullable=False),
    Column("value", Text, nullable=False),
)

sub_items = Table(
    "sub_items", metadata,
    _id(),
    Column("activity_id", ForeignKey("activities.id", ondelete="CASCADE"), nullable=False, index=True),
    _position(),
    Column("title", Text, nullable=False),
    Column("deadline", Text),
)

indicators = Table(
    "indicators", metadata,
    _id(),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    _position(),
    Column("number", String(32)),
    Column("name", Text, nullable=False),
    Column("unit", Text),
    Column("criterion", Text),
    Column("page", Integer),
)

indicator_values = Table(
    "indicator_values", metadata,
    _id(),
    Column("indicator_id", ForeignKey("indicators.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("year", String(8), nullable=False),
    Column("value", Text, nullable=False),
)

# an abbreviation the document itself defines ("(далее – X)", "Сокращения:")
abbreviations = Table(
    "abbreviations", metadata,
    _id(),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    _position(),
    Column("short", Text, nullable=False),
    Column("full", Text, nullable=False),
)

# one analyst change to an activity (pipeline.review.corrections)
corrections = Table(
    "corrections", metadata,
    _id(),
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("activity_id", ForeignKey("activities.id", ondelete="SET NULL"), index=True),
    Column("source", Text, nullable=False, index=True),
    Column("action", String(16), nullable=False),        # edit | accept | merge | split | not_activity
    Column("field", String(32)),
    Column("old_value", JSON, nullable=True),
    Column("new_value", JSON, nullable=True),
    Column("reason", Text),
    Column("who", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("status", String(16), nullable=False, default="applied", index=True),
    Column("note", Text),
    Column("match_number", String(32)),
    Column("match_text", Text),
    Column("carried_from_id", ForeignKey("corrections.id", ondelete="SET NULL")),
)

# a failed ingest: kept with its stage and error until a retry succeeds
quarantine = Table(
    "quarantine", metadata,
    _id(),
    Column("source", Text, nullable=False, index=True),
    Column("sha256", String(64)),
    Column("stage", String(32), nullable=False),
    Column("error", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("attempt", Integer, nullable=False, default=1),
    Column("resolved", Boolean, nullable=False, default=False),
    # set by `roadmaps quarantine drop`: no longer listed or retried, kept as an audit record
    Column("dropped_at", DateTime(timezone=True), nullable=True),
    Column("drop_reason", Text, nullable=True),
)

# one theme of the taxonomy (normalizers/data/themes.yaml), refreshed on every assignment;
# created by the migration 0009a_activity_themes
themes = Table(
    "themes", metadata,
    Column("id", String(32), primary_key=True),
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("position", Integer, nullable=False, default=0),
)

# a theme of an activity: exactly one primary per activity, others optional
activity_themes = Table(
    "activity_themes", metadata,
    Column("activity_id", ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("theme", String(32), primary_key=True, index=True),
    Column("is_primary", Boolean, nullable=False, default=False),
    Column("score", Float, nullable=False, default=0.0),
)

# the comparison views (migration 0009b_compare_views, made again by 0012_renditions)
VIEW_NAMES = ("activity_facts", "region_theme_summary", "region_org_type_summary", "region_year_summary")
