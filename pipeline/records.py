"""Typed records handed from stage to stage: stitched rows, activities, documents.

``extractors`` give a grid (``extractors.grid``); ``pipeline.stitch`` turns it
into ``ActivityRecord`` / ``IndicatorRecord`` lists; ``pipeline.normalise``
fills a ``DocumentRecord`` (metadata, normalised deadlines, parties);
``pipeline.store.load`` writes it in one transaction; ``pipeline.store.export`` reads it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional


@dataclass
class TargetRecord:
    result: Optional[str]
    unit: Optional[str]
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class SubItemRecord:
    title: str
    deadline: Optional[str] = None


@dataclass
class PartyRecord:
    name: str
    expanded: Optional[str] = None
    by_agreement: bool = False
    canonical_name: Optional[str] = None
    org_type: Optional[str] = None
    org_region: Optional[str] = None


@dataclass
class DeadlineRecord:
    raw: str
    start: Optional[date]
    end: Optional[date]
    recurrence: str
    occurrences: list[tuple[Optional[date], date]] = field(default_factory=list)


@dataclass
class ActivityRecord:
    section: list[str]
    number: Optional[str]
    title: Optional[str]
    description: Optional[str] = None
    tasks: Optional[str] = None
    responsible: Optional[str] = None
    deadline: Optional[str] = None
    result: Optional[str] = None
    result_document: Optional[str] = None
    targets: list[TargetRecord] = field(default_factory=list)
    sub_items: list[SubItemRecord] = field(default_factory=list)
    page_start: Optional[int] = None
    page_end: Optional[int] = None
    confidence: float = 1.0
    flags: list[str] = field(default_factory=list)
    # filled by pipeline.normalise
    parties: list[PartyRecord] = field(default_factory=list)
    deadline_norm: Optional[DeadlineRecord] = None
    extra: dict[str, str] = field(default_factory=dict)  # cells of columns with no known role
    boxes: list[list[float]] = field(default_factory=list)  # [page, x0, top, x1, bottom] per page covered
    # the raw texts of a "Срок начала" / "Срок окончания" pair of columns (``deadline`` joins them)
    deadline_bounds: Optional[tuple[str, str]] = None
    # financing columns: {"source": str|None, "unit": str|None, "values": {"2020": "100,0", "total": …}}
    funding: Optional[dict] = None


@dataclass
class IndicatorRecord:
    number: Optional[str]
    name: str
    unit: Optional[str] = None
    values: dict[str, str] = field(default_factory=dict)
    criterion: Optional[str] = None
    page: Optional[int] = None


@dataclass
class StitchResult:
    """What the table → activities stage found in one document."""

    activities: list[ActivityRecord] = field(default_factory=list)
    indicators: list[IndicatorRecord] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)        # roles of the activity table, in order
    header: list[str] = field(default_factory=list)         # header texts as printed
    flags: list[str] = field(default_factory=list)


@dataclass
class DocumentRecord:
    source: str
    sha256: str
    file_format: str
    extractor: str
    extractor_version: str
    region_code: Optional[str] = None
    region: Optional[str] = None
    doc_kind: Optional[str] = None
    doc_number: Optional[str] = None
    doc_date: Optional[date] = None
    authority: Optional[str] = None
    title: Optional[str] = None
    period: Optional[tuple[int, int]] = None
    n_pages: Optional[int] = None
    activities: list[ActivityRecord] = field(default_factory=list)
    indicators: list[IndicatorRecord] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
