"""The export contract (../shared/spec/export.md): newest version of each document as JSON."""

from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pipeline.store.schema import Activity, Document, Indicator, Target


def _iso(d) -> Optional[str]:
    return d.isoformat() if d else None


def _section_path(a: Activity) -> list[str]:
    path, s = [], a.section
    while s is not None:
        path.append(s.title)
        s = s.parent
    return list(reversed(path))


def activity_json(a: Activity) -> dict[str, Any]:
    return {
        "section": _section_path(a),
        "number": a.number,
        "title": a.title,
        "description": a.description,
        "tasks": a.tasks,
        "responsible": a.responsible,
        "parties": [{"name": p.name, "expanded": p.expanded, "by_agreement": p.by_agreement,
                     "organisation": p.organisation.canonical_name if p.organisation else None,
                     "org_type": p.organisation.org_type if p.organisation else None}
                    for p in a.parties],
        "deadline": a.deadline_raw,
        "deadline_norm": {"start": _iso(a.deadline_start), "end": _iso(a.deadline_end),
                          "recurrence": a.recurrence or "unspecified", "raw": a.deadline_raw,
                          "occurrences": a.deadline_occurrences or []},
        "result": a.result,
        "result_document": a.result_document,
        "targets": [{"result": t.result, "unit": t.unit, "values": {v.year: v.value for v in t.values}}
                    for t in a.targets],
        "sub_items": [{"title": s.title, "deadline": s.deadline} for s in a.sub_items],
        "page_start": a.page_start,
        "page_end": a.page_end,
        "confidence": a.confidence,
        "quality_flags": a.quality_flags or [],
        "extra": a.extra or {},
    }


def indicator_json(i: Indicator) -> dict[str, Any]:
    out = {"number": i.number, "name": i.name, "unit": i.unit,
           "values": {v.year: v.value for v in i.values}}
    if i.criterion:
        out["criterion"] = i.criterion
    return out


def document_json(d: Document) -> dict[str, Any]:
    return {
        "document": {
            "source": d.source, "sha256": d.sha256, "file_format": d.file_format,
            "region_code": d.region_code, "region": d.region, "doc_kind": d.doc_kind,
            "doc_number": d.doc_number, "doc_date": _iso(d.doc_date), "authority": d.authority,
            "title": d.title,
            "period": [d.period_start, d.period_end] if d.period_start is not None else None,
            "version": d.version, "ingested_at": d.ingested_at.isoformat() if d.ingested_at else None,
            "extractor": d.extractor, "extractor_version": d.extractor_version,
            "n_pages": d.n_pages, "quality_flags": d.flags or [],
        },
        "activities": [activity_json(a) for a in d.activities],
        "indicators": [indicator_json(i) for i in d.indicators],
        "abbreviations": {a.short: a.full for a in d.abbreviations},
    }


def export_documents(session: Session, regions: Optional[list[str]] = None) -> list[dict[str, Any]]:
    """Newest version of each document, in ingest order."""
    q = (select(Document).where(Document.superseded_by_id.is_(None)).order_by(Document.id)
         .options(selectinload(Document.activities).selectinload(Activity.parties),
                  selectinload(Document.activities).selectinload(Activity.targets).selectinload(Target.values),
                  selectinload(Document.activities).selectinload(Activity.sub_items),
                  selectinload(Document.activities).selectinload(Activity.section),
                  selectinload(Document.indicators).selectinload(Indicator.values),
                  selectinload(Document.abbreviations)))
    if regions:
        q = q.where(Document.region_code.in_(regions))
    return [document_json(d) for d in session.scalars(q)]
