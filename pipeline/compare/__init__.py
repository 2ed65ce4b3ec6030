"""The comparison room: cross-region views and pivots (``views``), the offline HTML report
(``report``) and Datasette browsing (``browse``) over the curated database."""

from __future__ import annotations

from pipeline.lazy import lazy_exports

_EXPORTS = {
    "activity_facts": "views",
    "compare": "views",
    "pivot": "views",
    "write_frame": "views",
    "normalise_regions": "views",
    "write_report": "report",
    "serve": "browse",
    "make_datasette": "browse",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
