"""Browse the curated SQLite database in Datasette: metadata from ``metadata.yml``, canned queries, search.

The metadata (titles, descriptions, column notes, facets, canned queries) lives in
``pipeline/compare/metadata.yml`` next to this module; ``datasette_metadata`` loads it and files its
database entry under the name Datasette gives the served file (its stem). The full-text index
``activities_fts`` is made and kept current by the migration ``0011_search`` (FTS5 with triggers),
so nothing is rebuilt here. ``make_datasette`` returns a configured ``Datasette`` (also used by the
tests' in-process client) with the SQL function ``ru_fts_query`` (``datasette_plugin``: plain
words → raw form OR lemma) that the ``search_activities`` query uses; ``serve`` runs it with
uvicorn on loopback. PostgreSQL is not served: Datasette reads SQLite only.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import yaml
from sqlalchemy.engine import make_url

from pipeline.store.db import resolve_url, upgrade

if TYPE_CHECKING:
    import socket

METADATA_PATH = Path(__file__).with_name("metadata.yml")
METADATA_DB = "roadmaps"          # the database key used in metadata.yml
FTS_TABLE = "activities_fts"
PLUGIN_NAME = "roadmaps-search"
DEFAULT_PORT = 8001


def sqlite_path(db_url: Optional[str] = None) -> Path:
    """File path of a SQLite database URL; ValueError for other databases."""
    u = make_url(resolve_url(db_url))
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        raise ValueError("browse needs a SQLite database file (Datasette reads SQLite only); for PostgreSQL, "
                         "use `roadmaps export` or copy the data into SQLite first")
    return Path(u.database)


@lru_cache(maxsize=1)
def _metadata_file() -> dict:
    return yaml.safe_load(METADATA_PATH.read_text(encoding="utf-8"))


def datasette_metadata(db_name: str = METADATA_DB) -> dict:
    """Datasette metadata from metadata.yml, its database entry under ``db_name``."""
    meta = copy.deepcopy(_metadata_file())
    meta["databases"] = {db_name: meta["databases"][METADATA_DB]}
    return meta


def canned_queries() -> dict[str, dict]:
    """The canned queries of metadata.yml by name."""
    return datasette_metadata()["databases"][METADATA_DB]["queries"]


def register_search_function() -> None:
    """Register the ``ru_fts_query`` plugin (``datasette_plugin``) with Datasette once per process."""
    from datasette.plugins import pm

    from pipeline.compare import datasette_plugin

    if pm.get_plugin(PLUGIN_NAME) is None:
        pm.register(datasette_plugin, name=PLUGIN_NAME)


def make_datasette(path: Path):
    """A configured Datasette over the SQLite file (schema, and with it the search index, at head)."""
    from datasette.app import Datasette

    path = Path(path)
    upgrade(f"sqlite:///{path}")
    register_search_function()
    return Datasette([str(path)], metadata=datasette_metadata(path.stem),
                     settings={"sql_time_limit_ms": 5000})


def serve(db_url: Optional[str] = None, port: int = DEFAULT_PORT, host: str = "127.0.0.1",
          sock: Optional["socket.socket"] = None) -> None:
    """Run Datasette on loopback until interrupted (on ``sock`` when the caller bound it already)."""
    from pipeline import web

    path = sqlite_path(db_url)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such database; run `roadmaps ingest` first")
    ds = make_datasette(path)
    web.run(ds.app(), sock or web.listen(host, port, stage="browse"))
