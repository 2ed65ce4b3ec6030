"""Ruled tables: cells from ruling lines (PDF vector lines or lines found on a scan)."""

from __future__ import annotations

from extractors.grid import PageLayout, Table


def build_ruled_tables(layout: PageLayout) -> list[Table]:
    """Tables of one page whose cells are bounded by ruling lines."""
    raise NotImplementedError("ruled table builder: issue 4")
