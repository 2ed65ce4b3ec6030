"""full-text search: activities.search_lemmas, FTS5 with triggers (SQLite), tsvector + GIN (PostgreSQL)

``activities.search_lemmas`` holds the lemmas of title, responsible and result
(``pipeline.store.search_text``); existing rows are backfilled here, new and edited rows get it
from the ORM (``pipeline.store.schema``).

SQLite: ``activities_fts`` (FTS5, external content over ``activities``: title, responsible,
result, search_lemmas) made by sqlite-utils ``enable_fts(create_triggers=True)``, so inserts,
updates and deletes (a re-ingest, a cascade from a deleted document, an analyst's edit) keep it
current. An older index built by ``roadmaps browse`` (titles only, no triggers) is replaced.
Note: sqlite-utils runs ``executescript``, which commits the migration's work up to that point;
importing sqlite-utils (it imports pandas) adds about a second to this migration, once per database.

PostgreSQL: a stored generated column ``activities.search_tsv`` =
``to_tsvector('russian', title || responsible || result || search_lemmas)`` with a GIN index.

Revision ID: 0011_search
Revises: 0010_review_corrections
"""
from alembic import op
import sqlalchemy as sa


revision = "0011_search"
down_revision = "0010_review_corrections"
branch_labels = None
depends_on = None

FTS_COLUMNS = ("title", "responsible", "result", "search_lemmas")
FTS_TOKENIZE = "unicode61 remove_diacritics 2"
PG_TSV = ("to_tsvector('russian'::regconfig, coalesce(title, '') || ' ' || coalesce(responsible, '') || ' ' "
          "|| coalesce(result, '') || ' ' || coalesce(search_lemmas, ''))")
BACKFILL_BATCH = 500


def _backfill() -> None:
    from pipeline.store.search_text import activity_lemmas

    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, title, responsible, result FROM activities")).all()
    update = sa.text("UPDATE activities SET search_lemmas = :lemmas WHERE id = :id")
    for start in range(0, len(rows), BACKFILL_BATCH):
        batch = rows[start:start + BACKFILL_BATCH]
        params = [{"id": r[0], "lemmas": activity_lemmas(r[1:])} for r in batch]
        bind.execute(update, params)


def _sqlite_utils_db():
    import sqlite_utils

    # no sqlite-utils plugins on the migration's connection; recursive triggers left as they are
    return sqlite_utils.Database(op.get_bind().connection.dbapi_connection, recursive_triggers=False,
                                 execute_plugins=False)


def upgrade() -> None:
    op.add_column("activities", sa.Column("search_lemmas", sa.Text(), nullable=True))
    if op.get_context().as_sql:  # offline SQL: no rows to backfill, no sqlite-utils
        return
    _backfill()
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE activities ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS ({PG_TSV}) STORED")
        op.execute("CREATE INDEX ix_activities_search_tsv ON activities USING gin (search_tsv)")
        return
    op.execute("DROP TABLE IF EXISTS activities_fts")  # the titles-only index an older `roadmaps browse` built
    db = _sqlite_utils_db()
    db["activities"].enable_fts(list(FTS_COLUMNS), create_triggers=True, tokenize=FTS_TOKENIZE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_activities_search_tsv")
        op.execute("ALTER TABLE activities DROP COLUMN IF EXISTS search_tsv")
    else:
        _sqlite_utils_db()["activities"].disable_fts()
    # a plain DROP COLUMN (SQLite >= 3.35): no table rebuild, so the views on activities stay
    op.execute("ALTER TABLE activities DROP COLUMN search_lemmas")
