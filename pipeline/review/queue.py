"""What the review app reads: the queue of flagged rows (worst first, with counts by flag,
document and region), one row with its document and log, and the corrections that need a look."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from pipeline.review.corrections import APPLIED, HIDDEN, NEEDS_LOOK
from pipeline.store.schema import Activity, Correction, Document, Party

LOW_CONFIDENCE = 0.6   # as pipeline.normalise: below it a row is flagged low_ocr_confidence
STATUSES = ("open", "reviewed", "all")


def row_flags(a: Activity) -> list[str]:
    flags = list(a.quality_flags or [])
    if a.confidence is not None and a.confidence < LOW_CONFIDENCE and "low_ocr_confidence" not in flags:
        flags.append("low_ocr_confidence")
    return flags


def badness(a: Activity) -> tuple:
    """Sort key, worst first: most flags, then lowest confidence."""
    return (-len(row_flags(a)), a.confidence if a.confidence is not None else 1.0, a.document_id, a.position)


@dataclass
class QueueRow:
    activity: Activity
    document: Document
    flags: list[str]
    n_corrections: int

    @property
    def reviewed(self) -> bool:
        return bool(self.activity.review_status) or self.n_corrections > 0


@dataclass
class Queue:
    rows: list[QueueRow] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    by_flag: list[tuple[str, int]] = field(default_factory=list)
    by_region: list[tuple[str, int]] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    needs_look: int = 0
    total: int = 0


def _applied_counts(s: Session, doc_ids: list[int]) -> Counter:
    c: Counter = Counter()
    if doc_ids:
        for aid in s.scalars(select(Correction.activity_id).where(
                Correction.document_id.in_(doc_ids), Correction.status == APPLIED,
                Correction.activity_id.is_not(None))):
            c[aid] += 1
    return c


def build_queue(s: Session, region: Optional[str] = None, document: Optional[int] = None,
                flag: Optional[str] = None, status: str = "open", limit: int = 500) -> Queue:
    docs = list(s.scalars(select(Document).where(Document.superseded_by_id.is_(None),
                                                 Document.rendition_of_id.is_(None))   # one per document
                          .order_by(Document.id)))
    by_id = {d.id: d for d in docs}
    acts = list(s.scalars(select(Activity).where(Activity.document_id.in_(list(by_id)))
                          .order_by(Activity.document_id, Activity.position)))
    applied = _applied_counts(s, list(by_id))
    flagged = [QueueRow(a, by_id[a.document_id], row_flags(a), applied[a.id]) for a in acts
               if a.review_status not in HIDDEN and (row_flags(a) or applied[a.id] or a.review_status)]
    q = Queue()
    per_doc: dict[int, dict] = {d.id: {"document": d, "n_activities": 0, "n_flagged": 0, "n_open": 0,
                                       "n_reviewed": 0} for d in docs}
    for a in acts:
        if a.review_status not in HIDDEN:
            per_doc[a.document_id]["n_activities"] += 1
    for r in flagged:
        st = per_doc[r.document.id]
        st["n_flagged"] += bool(r.flags)
        st["n_open"] += not r.reviewed
        st["n_reviewed"] += r.reviewed
    q.documents = sorted(per_doc.values(), key=lambda d: (-d["n_open"], -d["n_flagged"], d["document"].id))
    q.regions = sorted({d.region_code or "—" for d in docs})
    q.flags = sorted({f for r in flagged for f in r.flags})
    q.needs_look = len(needs_look(s))
    rows = flagged
    if region:
        rows = [r for r in rows if (r.document.region_code or "—") == region]
    if document:
        rows = [r for r in rows if r.document.id == document]
    if flag:
        rows = [r for r in rows if flag in r.flags]
    if status == "open":
        rows = [r for r in rows if not r.reviewed]
    elif status == "reviewed":
        rows = [r for r in rows if r.reviewed]
    q.by_flag = Counter(f for r in rows for f in r.flags).most_common()
    q.by_region = Counter(r.document.region_code or "—" for r in rows).most_common()
    rows.sort(key=lambda r: badness(r.activity))
    q.total = len(rows)
    q.rows = rows[:limit]
    return q


def needs_look(s: Session) -> list[Correction]:
    """Corrections of the newest document versions that could not be placed or applied."""
    return list(s.scalars(select(Correction).join(Document, Document.id == Correction.document_id)
                          .where(Correction.status == NEEDS_LOOK, Document.superseded_by_id.is_(None))
                          .order_by(Correction.id)))


def activity_detail(s: Session, activity_id: int) -> Optional[dict]:
    a = s.scalar(select(Activity).where(Activity.id == activity_id)
                 .options(selectinload(Activity.parties).selectinload(Party.organisation),
                          selectinload(Activity.targets), selectinload(Activity.sub_items)))
    if a is None:
        return None
    doc = s.get(Document, a.document_id)
    log = list(s.scalars(select(Correction).where(Correction.activity_id == a.id).order_by(Correction.id)))
    siblings = [x for x in s.scalars(select(Activity).where(Activity.document_id == a.document_id)
                                     .order_by(Activity.position))]
    flagged = [x.id for x in sorted((x for x in siblings if row_flags(x) and x.review_status not in HIDDEN),
                                    key=badness)]
    nxt = None
    if a.id in flagged and flagged.index(a.id) + 1 < len(flagged):
        nxt = flagged[flagged.index(a.id) + 1]
    newest = doc
    while newest.superseded_by_id is not None:
        newest = s.get(Document, newest.superseded_by_id)
    return {"activity": a, "document": doc, "newest": newest, "log": log, "flags": row_flags(a),
            "next_flagged": nxt}
