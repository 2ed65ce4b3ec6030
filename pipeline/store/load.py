"""Write one ``DocumentRecord`` in one transaction; idempotent by content hash.

Same bytes again → nothing is written ("unchanged"). Changed bytes from the same source → a new
version; the previous newest version points to it via ``superseded_by_id`` and the analyst
corrections of that version are carried over. The same document from another file (same region,
kind, number and date) becomes one of its renditions (``pipeline.store.renditions``), settled in the
same transaction. Organisations are shared across documents and upserted with
``ON CONFLICT DO NOTHING`` so that two workers can load at once.

SQLAlchemy Core only (``pipeline.store.tables``): one ``INSERT`` per table, executemany (multi-row
``INSERT … RETURNING`` where the ids are needed), so a 20,000-row table costs a few statements and
``roadmaps ingest`` never imports ``sqlalchemy.orm`` — only carrying corrections over to a new
version (``pipeline.review.corrections``, ORM) does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Optional

from sqlalchemy import Connection, Engine, insert, select, tuple_, update
from sqlalchemy.exc import IntegrityError

from pipeline.records import ActivityRecord, DocumentRecord, PartyRecord
from pipeline.store.renditions import settle as settle_renditions
from pipeline.store.search_text import SEARCH_FIELDS, activity_lemmas
from pipeline.store.tables import (
    FUNDING_KEY,
    abbreviations,
    activities,
    corrections,
    documents,
    indicator_values,
    indicators,
    organisations,
    parties,
    sections,
    sub_items,
    target_values,
    targets,
)
from pipeline.themes import assign_themes, ensure_theme_catalogue

OrgKey = tuple[str, str]


@dataclass(frozen=True)
class NewDocument:
    """The document row being written: its id, its source and the ids of its organisations (what
    the steps below need)."""

    id: int
    source: str
    organisations: dict[OrgKey, int] = field(default_factory=dict)


def find_by_sha(conn: Connection, sha256: str) -> Optional[int]:
    """Id of the document with these exact bytes, or None."""
    return conn.execute(select(documents.c.id).where(documents.c.sha256 == sha256)).scalar()


def newest_version(conn: Connection, source: str):
    """(id, version) row of the newest version loaded from ``source``, or None."""
    return conn.execute(
        select(documents.c.id, documents.c.version)
        .where(documents.c.source == source, documents.c.superseded_by_id.is_(None))
        .order_by(documents.c.version.desc())).first()


def _upsert_dialect(conn: Connection):
    """The ``insert`` of the connection's dialect (it has ``on_conflict_do_nothing``)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    return upsert


def organisation_id(conn: Connection, p: PartyRecord, known: Optional[dict[OrgKey, int]] = None) -> Optional[int]:
    """Id of the canonical organisation, inserted when new (race-safe upsert); ``known`` caches ids."""
    if not p.canonical_name:
        return None
    key = (p.canonical_name, p.org_region or "")
    if known is not None and key in known:
        return known[key]
    values = dict(canonical_name=p.canonical_name, org_type=p.org_type or "other",
                  region=p.org_region, region_key=key[1])
    conn.execute(_upsert_dialect(conn)(organisations).values(**values).on_conflict_do_nothing(
        index_elements=["canonical_name", "region_key"]))
    oid = conn.execute(select(organisations.c.id).where(
        organisations.c.canonical_name == key[0], organisations.c.region_key == key[1])).scalar()
    if known is not None:
        known[key] = oid
    return oid


ORG_CHUNK = 500   # organisations per statement (bound parameters stay far below any limit)


def upsert_organisations(conn: Connection, rec: DocumentRecord) -> dict[OrgKey, int]:
    """Upsert the document's organisations first, in one sorted order; their ids by key.

    One multi-row ``INSERT … ON CONFLICT DO NOTHING`` and one ``SELECT`` per ``ORG_CHUNK``
    organisations. Two PostgreSQL workers inserting the same new organisations in different orders
    would deadlock (each waits on the other's uncommitted row); in one global order they only wait.
    """
    found = {(p.canonical_name, p.org_region or ""): p
             for a in rec.activities for p in a.parties if p.canonical_name}
    keys = sorted(found)
    known: dict[OrgKey, int] = {}
    if not keys:
        return known
    upsert = _upsert_dialect(conn)
    o = organisations.c
    for i in range(0, len(keys), ORG_CHUNK):
        part = keys[i:i + ORG_CHUNK]
        conn.execute(upsert(organisations).values([
            dict(canonical_name=k[0], org_type=found[k].org_type or "other", region=found[k].org_region,
                 region_key=k[1]) for k in part]).on_conflict_do_nothing(
            index_elements=["canonical_name", "region_key"]))
        for row in conn.execute(select(o.canonical_name, o.region_key, o.id)
                                .where(tuple_(o.canonical_name, o.region_key).in_(part))):
            known[(row.canonical_name, row.region_key)] = row.id
    return known


def _insert_returning(conn: Connection, table, rows: list[dict]) -> list[int]:
    """Insert rows in one executemany; their new ids in the order given."""
    if not rows:
        return []
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(conn.execute(stmt, rows).scalars())


def _insert(conn: Connection, table, rows: list[dict]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def _sections(conn: Connection, doc: NewDocument, acts: list[ActivityRecord]) -> dict[tuple[str, ...], int]:
    """One section row per distinct heading path, nested by parent; their ids by path.

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
        ids.update(zip(level, _insert_returning(conn, sections, rows)))
    return ids


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
        # the search text, as the ORM's hook in pipeline.store.schema sets it on an analyst's edit
        search_lemmas=activity_lemmas(getattr(a, f) for f in SEARCH_FIELDS),
        review_status=None,
    )


def _activities(conn: Connection, doc: NewDocument, acts: list[ActivityRecord],
                section_ids: dict[tuple[str, ...], int]) -> None:
    """Activities and everything under them: one bulk INSERT per table, not one per row."""
    act_ids = _insert_returning(conn, activities, [
        _activity_row(doc.id, section_ids.get(tuple(a.section)), i, a) for i, a in enumerate(acts)])
    party_rows, target_rows, values, sub_rows = [], [], [], []
    for aid, a in zip(act_ids, acts):
        party_rows += [dict(activity_id=aid, position=i, name=p.name, expanded=p.expanded,
                            by_agreement=p.by_agreement, organisation_id=organisation_id(conn, p, doc.organisations))
                       for i, p in enumerate(a.parties)]
        target_rows += [dict(activity_id=aid, position=i, result=t.result, unit=t.unit)
                        for i, t in enumerate(a.targets)]
        values += [t.values for t in a.targets]
        sub_rows += [dict(activity_id=aid, position=i, title=s.title, deadline=s.deadline)
                     for i, s in enumerate(a.sub_items)]
    _insert(conn, parties, party_rows)
    _insert(conn, sub_items, sub_rows)
    target_ids = _insert_returning(conn, targets, target_rows)
    _insert(conn, target_values, [dict(target_id=tid, year=y, value=v)
                                  for tid, vals in zip(target_ids, values) for y, v in vals.items()])


def _indicators(conn: Connection, doc: NewDocument, rec: DocumentRecord) -> None:
    ids = _insert_returning(conn, indicators, [
        dict(document_id=doc.id, position=i, number=ind.number, name=ind.name, unit=ind.unit,
             criterion=ind.criterion, page=ind.page) for i, ind in enumerate(rec.indicators)])
    _insert(conn, indicator_values, [dict(indicator_id=iid, year=y, value=v)
                                     for iid, ind in zip(ids, rec.indicators)
                                     for y, v in ind.values.items()])
    _insert(conn, abbreviations, [dict(document_id=doc.id, position=i, short=short, full=full)
                                  for i, (short, full) in enumerate(rec.abbreviations.items())])


def _document_row(rec: DocumentRecord, version: int) -> dict:
    return dict(
        source=rec.source, sha256=rec.sha256, file_format=rec.file_format,
        region_code=rec.region_code, region=rec.region, doc_kind=rec.doc_kind,
        doc_number=rec.doc_number, doc_date=rec.doc_date, authority=rec.authority, title=rec.title,
        period_start=rec.period[0] if rec.period else None,
        period_end=rec.period[1] if rec.period else None, n_pages=rec.n_pages,
        ingested_at=datetime.now(timezone.utc), extractor=rec.extractor,
        extractor_version=rec.extractor_version, version=version,
        table_columns=rec.columns, table_header=rec.header, tags=rec.tags,
        flags=list(dict.fromkeys(rec.flags)), superseded_by_id=None, rendition_of_id=None,
    )


CARRIED_STATUSES = ("applied", "needs_look")   # as pipeline.review.corrections.carry_over reads them


def _carry_over(conn: Connection, prev_id: int, doc_id: int) -> None:
    """The analyst corrections of the previous version, replayed on the new one (ORM, in this
    transaction: an ORM session joined to ``conn``, imported only when there are corrections)."""
    c = corrections.c
    if conn.execute(select(c.id).where(c.document_id == prev_id, c.status.in_(CARRIED_STATUSES))
                    .limit(1)).first() is None:
        return
    from sqlalchemy.orm import Session

    from pipeline.review.corrections import carry_over
    from pipeline.store.schema import Document

    with Session(bind=conn, autoflush=True) as session:
        carry_over(session, session.get(Document, prev_id), session.get(Document, doc_id))
        session.flush()


def load_document(conn: Connection, rec: DocumentRecord) -> tuple[str, int]:
    """Add the document in the caller's transaction. Returns ("loaded" | "unchanged", document id)."""
    existing = find_by_sha(conn, rec.sha256)
    if existing is not None:
        return "unchanged", existing
    prev = newest_version(conn, rec.source)
    orgs = upsert_organisations(conn, rec)
    doc_id = conn.execute(insert(documents).values(
        **_document_row(rec, (prev.version + 1) if prev else 1))).inserted_primary_key[0]
    doc = NewDocument(doc_id, rec.source, orgs)
    section_ids = _sections(conn, doc, rec.activities)
    _activities(conn, doc, rec.activities, section_ids)
    _indicators(conn, doc, rec)
    assign_themes(conn, doc.id)
    if prev is not None:
        conn.execute(update(documents).where(documents.c.id == prev.id).values(superseded_by_id=doc.id))
        _carry_over(conn, prev.id, doc.id)
    settle_renditions(conn, doc.id, prev.id if prev is not None else None)
    return "loaded", doc.id


VERSION_RACE_RETRIES = 3


def load(engine: Engine, rec: DocumentRecord) -> tuple[str, int]:
    """Load in one transaction; a concurrent load of the same bytes counts as unchanged.

    A concurrent new version of the same source collides on (source, version); the
    transaction is retried and then chains after the version the other worker committed.
    """
    ensure_theme_catalogue(engine)
    for attempt in range(VERSION_RACE_RETRIES + 1):
        try:
            with engine.begin() as conn:
                return load_document(conn, rec)
        except IntegrityError:
            with engine.connect() as conn:
                existing = find_by_sha(conn, rec.sha256)
            if existing is not None:
                return "unchanged", existing
            if attempt == VERSION_RACE_RETRIES:
                raise
    raise AssertionError("unreachable")
