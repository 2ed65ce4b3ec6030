"""The export contract (../shared/spec/export.md): newest version of each document as JSON.

The same document ingested from several files is exported once, from its best rendition
(``pipeline.store.renditions``); its ``document.renditions`` (additive) lists the other files.
"""

from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pipeline.store.renditions import describe, other_renditions
from pipeline.store.schema import FUNDING_KEY, Activity, Correction, Document, Indicator, Target

HIDDEN_STATUSES = ("not_activity", "merged")   # as pipeline.review.corrections.HIDDEN


def _iso(d) -> Optional[str]:
    return d.isoformat() if d else None


def _section_path(a: Activity) -> list[str]:
    path, s = [], a.section
    while s is not None:
        path.append(s.title)
        s = s.parent
    return list(reversed(path))


def activity_json(a: Activity, corrections: Optional[list] = None) -> dict[str, Any]:
    out = {
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
        "extra": {k: v for k, v in (a.extra or {}).items() if k != FUNDING_KEY},
        "funding": (a.extra or {}).get(FUNDING_KEY),
    }
    applied = [c for c in corrections or [] if c.status == "applied"]
    if applied or a.review_status:   # provenance: the values above include analyst corrections
        out["review"] = {
            "status": a.review_status or "corrected",
            "corrected_fields": sorted({c.field for c in applied if c.action == "edit" and c.field}),
            "corrections": [{"action": c.action, "field": c.field, "old_value": c.old_value,
                             "new_value": c.new_value, "who": c.who,
                             "at": c.at.isoformat() if c.at else None, "reason": c.reason}
                            for c in applied],
        }
    return out


def indicator_json(i: Indicator) -> dict[str, Any]:
    out = {"number": i.number, "name": i.name, "unit": i.unit,
           "values": {v.year: v.value for v in i.values}}
    if i.criterion:
        out["criterion"] = i.criterion
    return out


def document_json(d: Document, corrections: Optional[list] = None,
                  with_log: bool = False, renditions: Optional[list[Document]] = None) -> dict[str, Any]:
    """The document per the export contract; rows merged away or marked "not an activity" by an
    analyst are left out, corrected rows carry a ``review`` entry (and ``corrections_log`` lists
    every correction of the document, "needs a look" ones included, when ``with_log``)."""
    corrections = corrections or []
    by_activity: dict[int, list] = {}
    for c in corrections:
        if c.activity_id is not None:
            by_activity.setdefault(c.activity_id, []).append(c)
    out = {
        "document": {
            "source": d.source, "sha256": d.sha256, "file_format": d.file_format,
            "region_code": d.region_code, "region": d.region, "doc_kind": d.doc_kind,
            "doc_number": d.doc_number, "doc_date": _iso(d.doc_date), "authority": d.authority,
            "title": d.title,
            "period": [d.period_start, d.period_end] if d.period_start is not None else None,
            "version": d.version, "ingested_at": d.ingested_at.isoformat() if d.ingested_at else None,
            "extractor": d.extractor, "extractor_version": d.extractor_version,
            "n_pages": d.n_pages, "quality_flags": d.flags or [],
            "renditions": [describe(r) for r in renditions or []],
        },
        "activities": [activity_json(a, by_activity.get(a.id)) for a in d.activities
                       if a.review_status not in HIDDEN_STATUSES],
        "indicators": [indicator_json(i) for i in d.indicators],
        "abbreviations": {a.short: a.full for a in d.abbreviations},
    }
    if with_log:
        from pipeline.review.corrections import correction_json

        out["corrections_log"] = [correction_json(c) for c in corrections]
    return out


def export_documents(session: Session, regions: Optional[list[str]] = None,
                     with_corrections_log: bool = False) -> list[dict[str, Any]]:
    """Newest version of each document, in ingest order (analyst corrections applied); of the
    renditions of one document only the best (the others are listed in its ``renditions``)."""
    q = (select(Document).where(Document.superseded_by_id.is_(None), Document.rendition_of_id.is_(None))
         .order_by(Document.id)
         .options(selectinload(Document.activities).selectinload(Activity.parties),
                  selectinload(Document.activities).selectinload(Activity.targets).selectinload(Target.values),
                  selectinload(Document.activities).selectinload(Activity.sub_items),
                  selectinload(Document.activities).selectinload(Activity.section),
                  selectinload(Document.indicators).selectinload(Indicator.values),
                  selectinload(Document.abbreviations)))
    if regions:
        q = q.where(Document.region_code.in_(regions))
    docs = list(session.scalars(q))
    log: dict[int, list] = {}
    for c in session.scalars(select(Correction).where(Correction.document_id.in_([d.id for d in docs]))
                             .order_by(Correction.id)):
        log.setdefault(c.document_id, []).append(c)
    others = other_renditions(session, docs)
    return [document_json(d, log.get(d.id), with_corrections_log, others.get(d.id)) for d in docs]


# the document fields repeated on every activity row of the flat exports (CSV, Parquet)
DOCUMENT_KEYS = {"document_source": "source", "document_sha256": "sha256", "region_code": "region_code",
                 "region": "region", "doc_kind": "doc_kind", "doc_number": "doc_number",
                 "doc_date": "doc_date", "document_version": "version"}


def activity_rows(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One flat row per activity of exported documents (``export_documents``): the document's key
    fields (``DOCUMENT_KEYS``) then the contract's activity fields; lists and dicts become JSON text."""
    import json

    rows = []
    for doc in documents:
        head = {col: doc["document"].get(key) for col, key in DOCUMENT_KEYS.items()}
        for act in doc["activities"]:
            row = dict(head)
            for key, value in act.items():
                if key in DOCUMENT_KEYS:
                    key = f"activity_{key}"
                row[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
            rows.append(row)
    return rows
