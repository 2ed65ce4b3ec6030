"""Database URLs, engines and migrations (SQLite file by default, PostgreSQL at scale)."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB_URL = "sqlite:///data/curated/roadmaps.db"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def resolve_url(url: str | None = None) -> str:
    """``--db`` value, else ``$ROADMAPS_DB_URL``, else the SQLite file under data/curated/.

    Plain ``postgresql://`` / ``postgres://`` URLs are mapped to the psycopg 3 driver.
    """
    url = url or os.environ.get("ROADMAPS_DB_URL") or DEFAULT_DB_URL
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


@lru_cache(maxsize=16)
def get_engine(url: str | None = None) -> Engine:
    """One engine per URL; the SQLite file's folder is created when missing."""
    url = resolve_url(url)
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def session_factory(url: str | None = None) -> sessionmaker[Session]:
    return sessionmaker(get_engine(url), expire_on_commit=False)


def alembic_config(url: str | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", resolve_url(url).replace("%", "%%"))
    return cfg


_REVISION_RE = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*['\"]?([\w.-]+|None)['\"]?", re.M)


@lru_cache(maxsize=1)
def script_heads() -> frozenset[str]:
    """Head revisions of the migration scripts, read from their text (no Alembic import)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict((k, v) for k, v in _REVISION_RE.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            parents.add(found.get("down_revision", "None"))
    return frozenset(revisions - parents)


def _at_head(url: str) -> bool:
    """Whether the database already carries every head revision (then Alembic need not load)."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        with get_engine(url).connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except SQLAlchemyError:
        return False
    return set(rows) == script_heads()


_upgraded: set[str] = set()
# Any fixed 64-bit key: PostgreSQL serialises concurrent upgrades on it (two workers on a fresh DB).
MIGRATION_LOCK_KEY = 7_236_041_910


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Bring the schema to ``revision`` with Alembic (idempotent; once per process and URL)."""
    from alembic import command

    url = resolve_url(url)
    if revision == "head" and (url in _upgraded or _at_head(url)):
        _upgraded.add(url)
        return
    cfg = alembic_config(url)
    with get_engine(url).begin() as conn:
        if conn.dialect.name == "postgresql":  # held until commit; the loser then finds head
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    if revision == "head":
        _upgraded.add(url)
