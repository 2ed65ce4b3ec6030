"""Alembic environment: one for SQLite and PostgreSQL (batch mode on SQLite).

Run by ``roadmaps db upgrade`` (which hands over a connection) or by the ``alembic`` command with
the repository's alembic.ini: the URL is then ``-x db=URL``, else ``ROADMAPS_DB_URL``, else the
default SQLite file (``pipeline.store.db.resolve_url``).
"""

from alembic import context
from sqlalchemy import create_engine

from pipeline.store.db import resolve_url
from pipeline.store.tables import metadata

config = context.config
target_metadata = metadata   # the Core tables (the ORM classes of pipeline.store.schema map these)


def _url() -> str:
    return resolve_url(context.get_x_argument(as_dictionary=True).get("db")
                       or config.get_main_option("sqlalchemy.url"))


def run_migrations_online() -> None:
    conn = config.attributes.get("connection")
    if conn is None:
        url = _url()
        if url.startswith("sqlite:///"):
            from pathlib import Path

            Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        with engine.begin() as c:
            _run(c)
    else:
        _run(conn)


def _run(conn) -> None:
    context.configure(connection=conn, target_metadata=target_metadata,
                      render_as_batch=conn.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
