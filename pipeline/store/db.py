"""Database URLs, engines and migrations (SQLite file by default, PostgreSQL at scale).

Every URL goes through ``resolve_url``, which refuses what is not a SQLite or PostgreSQL URL
(``BadDatabaseURL``). ``mask_url`` is how a URL is ever shown: the password becomes ``***``.
Connection failures become ``DatabaseUnreachable``, a missing driver ``MissingDependency``,
an unknown migration ``BadRevision``; read commands use ``require_database``, which never
creates a database (``NoDatabase`` instead).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, InterfaceError, OperationalError

if TYPE_CHECKING:   # the ORM is imported only by the callers that want sessions (not ingest)
    from sqlalchemy.orm import Session, sessionmaker

import roadmaps_settings
from pipeline.errors import (BadSetting, BadDatabaseURL, BadRevision, DatabaseUnreachable, NoDatabase,
                             missing_dependency)

DEFAULT_DB_URL = "sqlite:///data/curated/roadmaps.db"
DB_URL_ENV = "ROADMAPS_DB_URL"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SUPPORTED_BACKENDS = ("sqlite", "postgresql")
URL_EXAMPLES = "sqlite:///path/to/roadmaps.db or postgresql://user@host/dbname"
PG_CONNECT_TIMEOUT = 10  # seconds: a host that does not answer fails fast instead of hanging
INGEST_FIRST = "run `roadmaps ingest` first (or point --db / $ROADMAPS_DB_URL at the database)"
_NO_SUCH_DATABASE = re.compile(r'database "[^"]*" does not exist')
_PASSWORD_IN_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://[^\s:/@]*:)[^\s@/]+@")


# ---- showing URLs --------------------------------------------------------------------------

def mask_url(url: Optional[str]) -> str:
    """The URL as it may be shown anywhere: the password replaced by ``***``."""
    if not url:
        return ""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return mask_secrets(url)


def mask_secrets(message: str) -> str:
    """``message`` with the password of every ``scheme://user:password@`` in it replaced by ``***``."""
    return _PASSWORD_IN_URL.sub(r"\1***@", message)


def one_line(message: object) -> str:
    """A driver's (often multi-line) message as one line, secrets masked."""
    return mask_secrets(" ".join(str(message).split()))


# ---- resolving and checking URLs -----------------------------------------------------------

def _setting_name(given: Optional[str]) -> str:
    return "--db" if given else f"${DB_URL_ENV}"


def parse_url(url: str, setting: str = "--db") -> URL:
    """The parsed URL of a supported database; ``BadDatabaseURL`` naming ``setting`` otherwise."""
    try:
        u = make_url(url)
    except (ArgumentError, ValueError) as e:
        raise BadDatabaseURL(f"{setting} {mask_url(url)!r} is not a database URL "
                             f"(expected {URL_EXAMPLES})") from e
    backend = u.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise BadDatabaseURL(f"{setting} {mask_url(url)!r}: database {backend!r} is not supported; "
                             f"use SQLite or PostgreSQL ({URL_EXAMPLES})")
    if backend == "postgresql" and not u.database:
        raise BadDatabaseURL(f"{setting} {mask_url(url)!r} names no database "
                             f"(expected postgresql://user@host/dbname)")
    return u


def resolve_url(url: str | None = None) -> str:
    """``--db`` value, else ``$ROADMAPS_DB_URL``, else the SQLite file under data/curated/.

    Plain ``postgresql://`` / ``postgres://`` URLs are mapped to the psycopg 3 driver.
    Raises ``BadDatabaseURL`` for anything that is not a SQLite or PostgreSQL URL.
    """
    given = url
    try:
        configured = roadmaps_settings.load(need=("db_url",)).db_url
    except roadmaps_settings.SettingsError as e:
        raise BadSetting(str(e)) from None
    url = url or configured or DEFAULT_DB_URL
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    parse_url(url, _setting_name(given) if (given or configured) else "default URL")
    return url


def sqlite_file(url: str) -> Optional[Path]:
    """The file of a SQLite URL (None for PostgreSQL or an in-memory SQLite database)."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


# ---- engines and connections ---------------------------------------------------------------

def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _create_engine(url: str) -> Engine:
    try:
        if make_url(url).get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        return create_engine(url, pool_pre_ping=True,
                             connect_args={"connect_timeout": PG_CONNECT_TIMEOUT})
    except ModuleNotFoundError as e:  # the driver (psycopg) is an optional dependency
        raise missing_dependency((e.name or "psycopg").split(".")[0]) from e


@lru_cache(maxsize=16)
def get_engine(url: str | None = None) -> Engine:
    """One engine per URL; the SQLite file's folder is created when missing."""
    url = resolve_url(url)
    path = sqlite_file(url)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise DatabaseUnreachable(f"database {mask_url(url)}: cannot create the folder "
                                      f"{path.parent}: {e.strerror or e}") from e
    return _create_engine(url)


def connect(url: str | None = None) -> Connection:
    """An open connection; ``DatabaseUnreachable`` (password masked) when there is none to have."""
    url = resolve_url(url)
    engine = get_engine(url)
    try:
        return engine.connect()
    except (OperationalError, InterfaceError) as e:
        if _NO_SUCH_DATABASE.search(str(e.orig)):  # PostgreSQL: the server is up, the database is not
            raise NoDatabase(f"no database {make_url(url).database!r} on the server of "
                             f"{mask_url(url)}: create it (createdb) or fix --db") from e
        raise DatabaseUnreachable(f"database {mask_url(url)}: cannot connect: "
                                  f"{one_line(e.orig or e)}") from e


def session_factory(url: str | None = None) -> "sessionmaker[Session]":
    """ORM sessions on the engine of ``url`` (the review app, the export); the ingest path uses
    Core connections (``connect``, ``get_engine(url).begin()``) and never imports the ORM."""
    from sqlalchemy.orm import sessionmaker

    return sessionmaker(get_engine(url), expire_on_commit=False)


# ---- reading without creating ----------------------------------------------------------------

def require_database(url: str | None = None) -> str:
    """The resolved URL of an existing roadmaps database; ``NoDatabase`` otherwise. Creates nothing.

    A SQLite file must exist; any database must hold the schema (an ``alembic_version`` table).
    """
    url = resolve_url(url)
    path = sqlite_file(url)
    if make_url(url).get_backend_name() == "sqlite" and path is None:
        raise NoDatabase(f"an in-memory database {mask_url(url)!r} is always empty: {INGEST_FIRST}")
    if path is not None and not path.is_file():
        raise NoDatabase(f"no database at {path} — {INGEST_FIRST}")
    try:
        with connect(url) as conn:
            has_schema = inspect(conn).has_table("alembic_version")
    except DatabaseError as e:
        if isinstance(e, (OperationalError, InterfaceError)):
            raise DatabaseUnreachable(f"database {mask_url(url)}: {one_line(e.orig or e)}") from e
        raise NoDatabase(f"{path or mask_url(url)} is not a roadmaps database "
                         f"({one_line(e.orig or e)}) — {INGEST_FIRST}") from e
    if not has_schema:
        raise NoDatabase(f"no roadmaps database at {path or mask_url(url)} (no tables) — {INGEST_FIRST}")
    return url


def known_regions(url: str | None = None) -> list[str]:
    """Region codes of the newest document versions in the database, sorted."""
    from pipeline.store.tables import documents

    with connect(url) as conn:
        rows = conn.execute(select(documents.c.region_code).distinct()
                            .where(documents.c.superseded_by_id.is_(None),
                                   documents.c.region_code.is_not(None)))
        return sorted(r[0] for r in rows)


# ---- migrations ----------------------------------------------------------------------------

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


def known_revisions() -> list[str]:
    """Every migration id, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def check_revision(revision: str) -> None:
    """``BadRevision`` unless ``revision`` is ``head``/``heads`` or one of the migrations (or a prefix)."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    if revision in ("head", "heads"):
        return
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    try:
        if script.get_revision(revision) is not None:
            return
    except CommandError:
        pass
    raise BadRevision(f"--revision {revision!r} is not a migration of this project; "
                      f"use head or one of: {', '.join(known_revisions())}")


_upgraded: set[str] = set()
# Any fixed 64-bit key: PostgreSQL serialises concurrent upgrades on it (two workers on a fresh DB).
MIGRATION_LOCK_KEY = 7_236_041_910


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Bring the schema to ``revision`` with Alembic (idempotent; once per process and URL).

    A SQLite file that does not exist yet becomes a copy of the cached migrated schema
    (``pipeline.store.template``) instead of replaying the migrations.
    """
    url = resolve_url(url)
    if revision == "head" and (url in _upgraded or _from_template(url) or _at_head(url)):
        _upgraded.add(url)
        return
    check_revision(revision)
    with connect(url) as conn, conn.begin():
        _migrate(conn, url, revision)
    if revision == "head":
        _upgraded.add(url)


def _migrate(conn: Connection, url: str, revision: str) -> None:
    from alembic import command

    cfg = alembic_config(url)
    if conn.dialect.name == "postgresql":  # held until commit; the loser then finds head
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


def _from_template(url: str) -> bool:
    """A new SQLite file made from the cached migrated schema (False: not new, or no cache)."""
    from pipeline.store.template import create_from_template

    path = sqlite_file(url)
    return path is not None and create_from_template(path, MIGRATIONS_DIR, _build_template)


def _build_template(path: Path) -> None:
    """A migrated SQLite database at ``path``, checkpointed into the one file."""
    url = f"sqlite:///{path}"
    engine = _create_engine(url)
    try:
        with engine.connect() as conn, conn.begin():
            _migrate(conn, url, "head")
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
