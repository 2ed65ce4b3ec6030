"""The sources room: manifests of documents to ingest (``manifest``) and fetching them from URLs
or paths with deadlines, size caps and type sniffing (``fetch``)."""

from __future__ import annotations

_EXPORTS = {
    "fetch_bytes": "fetch",
    "local_copy": "fetch",
    "FetchedFile": "fetch",
    "load_manifest": "manifest",
    "Manifest": "manifest",
    "SourceEntry": "manifest",
    "ManifestError": "manifest",
    "looks_like_url": "manifest",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    """Import a public name from its module on first use (keeps ``import pipeline.sources.x`` light)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{module}"), name)
