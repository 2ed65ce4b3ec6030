"""The database room: schema (SQLAlchemy 2 models), engines and Alembic migrations, loading one
document in one transaction, the JSON export contract, and batched "already loaded?" look-ups."""

from __future__ import annotations

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
    "Base": "schema",
    "Document": "schema",
    "Activity": "schema",
    "QuarantineEntry": "schema",
    "Correction": "schema",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    """Import a public name from its module on first use (keeps ``import pipeline.store.x`` light)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{module}"), name)
