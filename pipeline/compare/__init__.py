"""The comparison room: cross-region views and pivots (``views``), the offline HTML report
(``report``) and Datasette browsing (``browse``) over the curated database."""

from __future__ import annotations

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


def __getattr__(name: str):
    """Import a public name from its module on first use (keeps ``import pipeline.compare.x`` light)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{module}"), name)
