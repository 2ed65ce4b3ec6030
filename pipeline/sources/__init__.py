"""The sources room: manifests of documents to ingest (``manifest``) and fetching them from URLs
or paths with deadlines, size caps and type sniffing (``fetch``)."""

from __future__ import annotations

from pipeline.lazy import lazy_exports

_EXPORTS = {
    "fetch_bytes": "fetch",
    "local_copy": "fetch",
    "FetchedFile": "fetch",
    "load_manifest": "manifest",
    "Manifest": "manifest",
    "SourceEntry": "manifest",
    "ManifestError": "manifest",
    "looks_like_url": "urls",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
