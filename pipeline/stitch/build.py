"""Stitching: the whole pass over one document's tables (``stitch``)."""

from __future__ import annotations

from typing import Optional

from extractors.grid import Table, TextBlock
from pipeline.records import StitchResult
from pipeline.stitch.plans import _headerless_plans, group_tables
from pipeline.stitch.activities import activities_from, clean_activity
from pipeline.stitch.indicators import indicators_from


def stitch(tables: list[Table], rows_can_split: bool = True,
           blocks: Optional[list[TextBlock]] = None) -> StitchResult:
    """Activities and indicators from the tables of one document.

    When the document holds several activity plans (tables), each plan's heading becomes the
    outermost section of its activities; a lone plan's heading is the document title and is
    not repeated in the sections."""
    res = StitchResult()
    groups = group_tables(tables, blocks)
    several = sum(1 for g in groups if g.layout.kind == "activities") >= 2
    for group in groups:
        res.flags.extend(n for n in group.layout.notes + group.notes if n not in res.flags)
        if group.layout.kind == "activities":
            acts = [clean_activity(a) for a in activities_from(group, rows_can_split)]
            acts = [a for a in acts if a.title or a.number]
            if several and group.heading:
                for a in acts:
                    a.section = [group.heading] + a.section
            if not res.columns:
                res.columns = [r for r in group.layout.roles if r]
                res.header = group.layout.header
            res.activities.extend(acts)
        elif group.layout.kind == "indicators":
            res.indicators.extend(indicators_from(group, rows_can_split))
    if not res.activities:
        for group in _headerless_plans(tables, groups):
            acts = [clean_activity(a) for a in activities_from(group, rows_can_split)]
            res.activities.extend(a for a in acts if a.title)
            res.columns = res.columns or [r for r in group.layout.roles if r]
        if res.activities:
            res.flags.append("plan_without_header")
    if not res.activities:
        res.flags.append("no_activity_table")
    return res
