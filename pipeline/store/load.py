"""Write one ``DocumentRecord`` in one transaction; idempotent by content hash.

Same bytes again → nothing is written ("unchanged"). Changed bytes from the
same source → a new version; the previous newest version points to it via
``superseded_by_id``. The same document from another file (same region, kind, number and date)
becomes one of its renditions (``pipeline.store.renditions``), settled in the same transaction. Organisations are shared across documents and upserted
with ``ON CONFLICT DO NOTHING`` so that two workers can load at once.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Optional

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pipeline.records import ActivityRecord, DocumentRecord, PartyRecord
from pipeline.store.renditions import settle as settle_renditions
from pipeline.themes import assign_themes, ensure_theme_catalogue
from pipeline.store.schema import (
    FUNDING_KEY,
    Abbreviation,
    Activity,
    Document,
    Indicator,
    IndicatorValue,
    Organisation,
    Party,
    Section,
    SubItem,
    Target,
    TargetValue,
)


def find_by_sha(session: Session, sha256: str) -> Optional[Document]:
    return session.scalar(select(Document).where(Document.sha256 == sha256))


def newest_version(session: Session, source: str) -> Optional[Document]:
    return session.scalar(
        select(Document).where(Document.source == source, Document.superseded_by_id.is_(None))
        .order_by(Document.version.desc())
    )


ORG_IDS = "organisation_ids"  # session.info key: ids upserted by the load under way


def organisation_id(session: Session, p: PartyRecord) -> Optional[int]:
    """Id of the canonical organisation, inserted when new (race-safe upsert)."""
    if not p.canonical_name:
        return None
    key = p.org_region or ""
    known = session.info.get(ORG_IDS)
    if known is not None and (p.canonical_name, key) in known:
        return known[(p.canonical_name, key)]
    values = dict(canonical_name=p.canonical_name, org_type=p.org_type or "other",
                  region=p.org_region, region_key=key)
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    session.execute(insert(Organisation).values(**values).on_conflict_do_nothing(
        index_elements=["canonical_name", "region_key"]))
    oid = session.scalar(select(Organisation.id).where(
        Organisation.canonical_name == p.canonical_name, Organisation.region_key == key))
    if known is not None:
        known[(p.canonical_name, key)] = oid
    return oid


def upsert_organisations(session: Session, rec: DocumentRecord) -> None:
    """Upsert the document's organisations first, in one sorted order, and remember their ids.

    Two PostgreSQL workers inserting the same new organisations in different orders would
    deadlock (each waits on the other's uncommitted row); in one global order they only wait.
    """
    parties = {(p.canonical_name, p.org_region or ""): p
               for a in rec.activities for p in a.parties if p.canonical_name}
    session.info[ORG_IDS] = {}
    for key in sorted(parties):
        organisation_id(session, parties[key])


def _sections(session: Session, doc: Document, acts: list[ActivityRecord]) -> dict[tuple[str, ...], Section]:
    """One Section row per distinct heading path, nested by parent."""
    out: dict[tuple[str, ...], Section] = {}
    for a in acts:
        for depth in range(1, len(a.section) + 1):
            path = tuple(a.section[:depth])
            if path in out:
                continue
            sec = Section(document=doc, parent=out.get(path[:-1]), level=depth, position=len(out),
                          title=path[-1])
            session.add(sec)
            out[path] = sec
    return out


def _activity(session: Session, doc: Document, pos: int, a: ActivityRecord,
              sections: dict[tuple[str, ...], Section]) -> Activity:
    dn = a.deadline_norm
    row = Activity(
        document=doc, section=sections.get(tuple(a.section)), position=pos, number=a.number,
        title=a.title, description=a.description, tasks=a.tasks, responsible=a.responsible,
        deadline_raw=a.deadline, deadline_start=dn.start if dn else None,
        deadline_end=dn.end if dn else None, recurrence=dn.recurrence if dn else None,
        deadline_occurrences=[[s.isoformat() if s else None, e.isoformat() if e else None]
                              for s, e in (dn.occurrences if dn else [])],
        result=a.result, result_document=a.result_document, page_start=a.page_start,
        page_end=a.page_end, confidence=a.confidence, quality_flags=list(dict.fromkeys(a.flags)),
        extra={**a.extra, **({FUNDING_KEY: a.funding} if a.funding else {})}, bbox=[list(b) for b in a.boxes] or None,
    )
    for i, p in enumerate(a.parties):
        row.parties.append(Party(position=i, name=p.name, expanded=p.expanded,
                                 by_agreement=p.by_agreement,
                                 organisation_id=organisation_id(session, p)))
    for i, t in enumerate(a.targets):
        row.targets.append(Target(position=i, result=t.result, unit=t.unit,
                                  values=[TargetValue(year=y, value=v) for y, v in t.values.items()]))
    for i, s in enumerate(a.sub_items):
        row.sub_items.append(SubItem(position=i, title=s.title, deadline=s.deadline))
    return row


def load_document(session: Session, rec: DocumentRecord) -> tuple[str, int]:
    """Add the document (caller commits). Returns ("loaded" | "unchanged", document id)."""
    existing = find_by_sha(session, rec.sha256)
    if existing is not None:
        return "unchanged", existing.id
    prev = newest_version(session, rec.source)
    upsert_organisations(session, rec)
    doc = Document(
        source=rec.source, sha256=rec.sha256, file_format=rec.file_format,
        region_code=rec.region_code, region=rec.region, doc_kind=rec.doc_kind,
        doc_number=rec.doc_number, doc_date=rec.doc_date, authority=rec.authority, title=rec.title,
        period_start=rec.period[0] if rec.period else None,
        period_end=rec.period[1] if rec.period else None, n_pages=rec.n_pages,
        ingested_at=datetime.now(timezone.utc), extractor=rec.extractor,
        extractor_version=rec.extractor_version, version=(prev.version + 1) if prev else 1,
        table_columns=rec.columns, table_header=rec.header, tags=rec.tags,
        flags=list(dict.fromkeys(rec.flags)),
    )
    session.add(doc)
    with session.no_autoflush:  # organisation upserts run SQL while the graph is being built
        sections = _sections(session, doc, rec.activities)
        for i, a in enumerate(rec.activities):
            session.add(_activity(session, doc, i, a, sections))
    for i, ind in enumerate(rec.indicators):
        session.add(Indicator(document=doc, position=i, number=ind.number, name=ind.name, unit=ind.unit,
                              criterion=ind.criterion, page=ind.page,
                              values=[IndicatorValue(year=y, value=v) for y, v in ind.values.items()]))
    for i, (short, full) in enumerate(rec.abbreviations.items()):
        session.add(Abbreviation(document=doc, position=i, short=short, full=full))
    session.flush()
    assign_themes(session, doc.id)
    if prev is not None:
        prev.superseded_by_id = doc.id
        from pipeline.review.corrections import carry_over

        carry_over(session, prev, doc)
    settle_renditions(session, doc, prev)
    session.info.pop(ORG_IDS, None)
    return "loaded", doc.id


VERSION_RACE_RETRIES = 3


def load(session_factory, rec: DocumentRecord) -> tuple[str, int]:
    """Load in one transaction; a concurrent load of the same bytes counts as unchanged.

    A concurrent new version of the same source collides on (source, version); the
    transaction is retried and then chains after the version the other worker committed.
    """
    ensure_theme_catalogue(session_factory)
    for attempt in range(VERSION_RACE_RETRIES + 1):
        with session_factory() as session:
            try:
                with session.begin():
                    return load_document(session, rec)
            except IntegrityError:
                session.rollback()
                existing = find_by_sha(session, rec.sha256)
                if existing is not None:
                    return "unchanged", existing.id
                if attempt == VERSION_RACE_RETRIES:
                    raise
    raise AssertionError("unreachable")
