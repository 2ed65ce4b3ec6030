"""A new SQLite database as a copy of a migrated one kept in the cache (no Alembic run).

Replaying every migration into a new SQLite file imports Alembic and runs each script: for one
small document that was a third of ``roadmaps ingest``. What the replay writes depends only on
the migration scripts and the versions of SQLAlchemy, Alembic and SQLite, so it is done once per
machine and kept as ``<cache>/schema-<key>.sqlite`` (``roadmaps_settings.cache_path()``; the key
hashes all of those). Every later new database is a copy of that file — the same tables, views,
indexes, rows and ``alembic_version`` that the replay would write. Only a database file that does
not exist yet is made this way; anything else (an existing file, PostgreSQL, ``:memory:``) goes
through Alembic as before, and so does everything when the cache cannot be used.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from sqlalchemy.exc import SQLAlchemyError

import roadmaps_settings

SIDE_FILES = ("-wal", "-shm", "-journal")


@lru_cache(maxsize=4)
def schema_key(migrations_dir: Path) -> str:
    """Hash of the migration scripts, their environment and the library versions they run on.

    Alembic's version is its package's ``__init__.py`` (which declares ``__version__``), read
    without importing Alembic, and without ``importlib.metadata.version``, which searches every
    installed distribution.
    """
    from importlib.util import find_spec

    import sqlalchemy

    h = hashlib.sha256()
    for path in sorted(migrations_dir.rglob("*.py")):
        h.update(str(path.relative_to(migrations_dir)).encode() + b"\0" + path.read_bytes() + b"\0")
    alembic = find_spec("alembic")
    h.update(Path(alembic.origin).read_bytes() if alembic and alembic.origin else b"no alembic")
    h.update(f"|{sqlalchemy.__version__}|{sqlite3.sqlite_version}".encode())
    return h.hexdigest()[:24]


def _absent(path: Path, sides: tuple[str, ...] = ("",) + SIDE_FILES) -> bool:
    return not any(Path(str(path) + side).exists() for side in sides)


def template_file(migrations_dir: Path, build: Callable[[Path], None]) -> Optional[Path]:
    """The cached migrated database, built with ``build(path)`` when missing; None without a cache."""
    cache = roadmaps_settings.cache_path()
    if cache is None:
        return None
    target = cache / f"schema-{schema_key(migrations_dir)}.sqlite"
    if target.is_file():
        return target
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache, prefix=".schema-") as tmp:
        built = Path(tmp) / "schema.sqlite"
        build(built)
        if not _absent(built, SIDE_FILES):
            return None       # still in WAL mode with pages outside the file: not a whole copy
        os.replace(built, target)   # atomic: a concurrent builder's copy is as good as ours
    return target


def create_from_template(db_file: Path, migrations_dir: Path, build: Callable[[Path], None]) -> bool:
    """Make ``db_file`` (which must not exist) a copy of the migrated template; False if not done.

    Never overwrites: the copy is linked into place, so a database another process created
    meanwhile is left alone (and False sends the caller to Alembic, which finds it at head).
    """
    if not _absent(db_file):
        return False
    try:
        template = template_file(migrations_dir, build)
        if template is None:
            return False
        db_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = db_file.with_name(f".{db_file.name}.{os.getpid()}.new")
        shutil.copyfile(template, tmp)
        try:
            os.link(tmp, db_file)
        finally:
            tmp.unlink()
    except (OSError, sqlite3.Error, SQLAlchemyError):
        return False
    return True
