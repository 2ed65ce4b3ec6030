"""Borderless tables: columns and rows from word positions alone."""

from __future__ import annotations

from extractors.grid import PageLayout, Table


def build_borderless_tables(layouts: list[PageLayout]) -> list[list[Table]]:
    """Tables of consecutive borderless pages: one list of tables per input page."""
    raise NotImplementedError("borderless table builder: issue 5")
