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

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pipeline.records import ActivityRecord, DocumentRecord, PartyRecord
from pipeline.store.renditions import settle as settle_renditions
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
from pipeline.store.search_text import SEARCH_FIELDS, activity_lemmas
from pipeline.themes import assign_themes, ensure_theme_catalogue


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


def _sections(session: Session, doc: Document, acts: list[ActivityRecord]) -> dict[tuple[str, ...], int]:
    """One Section row per distinct heading path, nested by parent; their ids by path.

    Inserted level by level (a parent's id is known before its children are written), one
    multi-row INSERT … RETURNING per level.
    """
    paths: dict[tuple[str, ...], int] = {}          # path -> position (first-seen order)
    for a in acts:
        for depth in range(1, len(a.section) + 1):
            paths.setdefault(tuple(a.section[:depth]), len(paths))
    ids: dict[tuple[str, ...], int] = {}
    for depth in sorted({len(p) for p in paths}):
        level = [p for p in paths if len(p) == depth]
        rows = [dict(document_id=doc.id, parent_id=ids.get(p[:-1]), level=depth, position=paths[p],
                     title=p[-1]) for p in level]
        ids.update(zip(level, _insert_returning(session, Section, rows)))
    return ids


def _insert_returning(session: Session, table, rows: list[dict]) -> list[int]:
    """Insert rows in one executemany; their new ids in the order given."""
    if not rows:
        return []
    stmt = insert(table).returning(table.id, sort_by_parameter_order=True)
    return list(session.scalars(stmt, rows))


def _insert(session: Session, table, rows: list[dict]) -> None:
    if rows:
        session.execute(insert(table), rows)


def _activity_row(doc_id: int, section_id: Optional[int], pos: int, a: ActivityRecord) -> dict:
    dn = a.deadline_norm
    return dict(
        document_id=doc_id, section_id=section_id, position=pos, number=a.number,
        title=a.title, description=a.description, tasks=a.tasks, responsible=a.responsible,
        deadline_raw=a.deadline, deadline_start=dn.start if dn else None,
        deadline_end=dn.end if dn else None, recurrence=dn.recurrence if dn else None,
        deadline_occurrences=[[s.isoformat() if s else None, e.isoformat() if e else None]
                              for s, e in (dn.occurrences if dn else [])],
        result=a.result, result_document=a.result_document, page_start=a.page_start,
        page_end=a.page_end, confidence=a.confidence, quality_flags=list(dict.fromkeys(a.flags)),
        extra={**a.extra, **({FUNDING_KEY: a.funding} if a.funding else {})},
        bbox=[list(b) for b in a.boxes] or None,
        # a bulk insert fires no ORM events: the search text is set here as the schema's hook would
        search_lemmas=activity_lemmas(getattr(a, f) for f in SEARCH_FIELDS),
    )


def _activities(session: Session, doc: Document, acts: list[ActivityRecord],
                sections: dict[tuple[str, ...], int]) -> None:
    """Activities and everything under them: one bulk INSERT per table, not one per row."""
    act_ids = _insert_returning(session, Activity, [
        _activity_row(doc.id, sections.get(tuple(a.section)), i, a) for i, a in enumerate(acts)])
    parties, targets, target_values, sub_items = [], [], [], []
    for aid, a in zip(act_ids, acts):
        parties += [dict(activity_id=aid, position=i, name=p.name, expanded=p.expanded,
                         by_agreement=p.by_agreement, organisation_id=organisation_id(session, p))
                    for i, p in enumerate(a.parties)]
        targets += [dict(activity_id=aid, position=i, result=t.result, unit=t.unit)
                    for i, t in enumerate(a.targets)]
        target_values += [t.values for t in a.targets]
        sub_items += [dict(activity_id=aid, position=i, title=s.title, deadline=s.deadline)
                      for i, s in enumerate(a.sub_items)]
    _insert(session, Party, parties)
    _insert(session, SubItem, sub_items)
    target_ids = _insert_returning(session, Target, targets)
    _insert(session, TargetValue, [dict(target_id=tid, year=y, value=v)
                                   for tid, values in zip(target_ids, target_values)
                                   for y, v in values.items()])


def _indicators(session: Session, doc: Document, rec: DocumentRecord) -> None:
    ids = _insert_returning(session, Indicator, [
        dict(document_id=doc.id, position=i, number=ind.number, name=ind.name, unit=ind.unit,
             criterion=ind.criterion, page=ind.page) for i, ind in enumerate(rec.indicators)])
    _insert(session, IndicatorValue, [dict(indicator_id=iid, year=y, value=v)
                                      for iid, ind in zip(ids, rec.indicators)
                                      for y, v in ind.values.items()])
    _insert(session, Abbreviation, [dict(document_id=doc.id, position=i, short=short, full=full)
                                    for i, (short, full) in enumerate(rec.abbreviations.items())])


def load_document(session: Session, rec: DocumentRecord) -> tuple[str, int]:
    """Add the document (caller commits). Returns ("loaded" | "unchanged", document id).

    The document row goes through the ORM; its sections, activities, parties, targets,
    sub-items, indicators and abbreviations are bulk inserts (executemany, multi-row
    ``INSERT … RETURNING`` where the ids are needed), so 20,000 activities cost a few
    statements, not 100,000 ORM objects.
    """
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
    session.flush()
    sections = _sections(session, doc, rec.activities)
    _activities(session, doc, rec.activities, sections)
    _indicators(session, doc, rec)
    # the rows above went in as bulk INSERTs, past the ORM: read the collections afresh
    session.expire(doc, ["sections", "activities", "indicators", "abbreviations"])
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
