"""The database room: the tables (SQLAlchemy Core, ``tables``) and the ORM classes mapped onto them
(``schema``), engines and Alembic migrations, loading one document in one transaction (Core), the
JSON export contract, and batched "already loaded?" look-ups."""

from __future__ import annotations

from pipeline.lazy import lazy_exports

_EXPORTS = {
    "resolve_url": "db",
    "get_engine": "db",
    "session_factory": "db",
    "upgrade": "db",
    "mask_url": "db",
    "require_database": "db",
    "load_document": "load",
    "export_documents": "export",
    "document_json": "export",
    "file_sha256": "lookup",
    "loaded_sha256s": "lookup",
    "split_unchanged": "lookup",
    "metadata": "tables",
    "Base": "schema",
    "Document": "schema",
    "Activity": "schema",
    "QuarantineEntry": "schema",
    "Correction": "schema",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
