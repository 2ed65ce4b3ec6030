"""Renditions: one document ingested from several files is one document.

Two current documents (``superseded_by_id IS NULL``) with the same region code, kind, number and
date — all four present — are renditions of one document (a DOCX and a PDF of one order, a scan of
it, …). Only the best rendition is *canonical* (``rendition_of_id IS NULL``) and feeds comparison
and export; every other points to it through ``documents.rendition_of_id`` and stays as provenance.
A document with any of the four missing is never a rendition of another: nothing is guessed.

The best rendition: born-digital DOCX (also .doc/.rtf/.odt read through LibreOffice) > HTML >
PDF with a text layer > PDF read (in part) by OCR; on a tie the one loaded first. A better
rendition arriving later takes over and the others are re-pointed to it. ``superseded_by_id`` keeps
its own meaning (a newer version of the same source) and is never touched here. Core statements
only (``pipeline.store.tables``): this runs inside the load of ``roadmaps ingest``, which never
imports the ORM; the readers pass a Session or a Connection alike (anything with ``execute``).
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any, Optional, Sequence

from sqlalchemy import Connection, Row, select, text, update

from extractors.grid import is_ocr_extractor
from pipeline.store.tables import documents

BORN_DIGITAL_WORD = ("docx", "doc", "rtf", "odt")
DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})

Identity = tuple[str, str, str, str]
# what a rendition is judged on: the document row's columns (a Core row or an ORM Document)
COLUMNS = (documents.c.id, documents.c.source, documents.c.file_format, documents.c.extractor,
           documents.c.region_code, documents.c.doc_kind, documents.c.doc_number, documents.c.doc_date,
           documents.c.rendition_of_id)
CURRENT = documents.c.superseded_by_id.is_(None)


def rendition_kind(file_format: Optional[str], extractor: Optional[str]) -> str:
    """'docx' | 'html' | 'pdf' (text layer) | 'scan' (any page read by OCR) | the format as given."""
    fmt = (file_format or "").lower()
    if fmt in BORN_DIGITAL_WORD:
        return "docx"
    if fmt == "pdf":
        return "scan" if is_ocr_extractor(extractor) else "pdf"
    return fmt


RANK = {"docx": 3, "html": 2, "pdf": 1, "scan": 0}


def rank(doc: Any) -> tuple[int, int]:
    """Sort key, best first: the kind of rendition, then the earlier load."""
    return (-RANK.get(rendition_kind(doc.file_format, doc.extractor), -1), doc.id)


def _clean(value: Optional[str]) -> str:
    return " ".join((value or "").translate(DASHES).split()).casefold()


def identity(doc: Any) -> Optional[Identity]:
    """(region code, kind, number, date) when all four are present, else None (never a rendition)."""
    parts = (_clean(doc.region_code), _clean(doc.doc_kind), _clean(doc.doc_number).lstrip("№ "),
             doc.doc_date.isoformat() if doc.doc_date else "")
    return parts if all(parts) else None


def _lock(conn: Connection, idents: list[Optional[Identity]]) -> None:
    """PostgreSQL: serialise concurrent loads of one document's renditions (held until commit;
    taken in one global order, so two loads that each regroup two documents cannot deadlock)."""
    if conn.dialect.name != "postgresql":
        return   # SQLite: the load already holds the database's write lock
    keys = {int.from_bytes(hashlib.sha256("|".join(i).encode()).digest()[:8], "big", signed=True)
            for i in idents if i is not None}
    for key in sorted(keys):
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _row(conn: Any, doc_id: int) -> Optional[Row]:
    return conn.execute(select(*COLUMNS).where(documents.c.id == doc_id)).first()


def _group(conn: Connection, ident: Identity) -> list[Row]:
    candidates = conn.execute(select(*COLUMNS).where(
        CURRENT, documents.c.region_code.is_not(None),
        documents.c.doc_date == date.fromisoformat(ident[3]),
        documents.c.doc_kind.is_not(None), documents.c.doc_number.is_not(None)))
    return sorted((d for d in candidates if identity(d) == ident), key=rank)


def _point(conn: Connection, ids: Sequence[int], to: Optional[int]) -> None:
    if ids:
        conn.execute(update(documents).where(documents.c.id.in_(list(ids))).values(rendition_of_id=to))


def settle_group(conn: Connection, ident: Optional[Identity]) -> None:
    """Make the best current rendition of ``ident`` canonical and point the others to it."""
    if ident is None:
        return
    _lock(conn, [ident])
    group = _group(conn, ident)
    if not group:
        return
    best, others = group[0], group[1:]
    if best.rendition_of_id is not None:
        _point(conn, [best.id], None)
    _point(conn, [d.id for d in others if d.rendition_of_id != best.id], best.id)


def settle(conn: Connection, doc_id: int, prev_id: Optional[int] = None) -> None:
    """After the document ``doc_id`` is written (and ``prev_id``, its previous version, superseded
    by it): regroup. The renditions that pointed to the previous version are regrouped too: the
    new version may have a different identity, or none."""
    doc = _row(conn, doc_id)
    prev = _row(conn, prev_id) if prev_id is not None else None
    _lock(conn, [identity(doc), identity(prev) if prev is not None else None])
    _point(conn, [doc_id], None)
    if prev is not None:
        conn.execute(update(documents).where(documents.c.rendition_of_id == prev.id, CURRENT)
                     .values(rendition_of_id=None))
    settle_group(conn, identity(doc))
    if prev is not None and identity(prev) != identity(doc):
        settle_group(conn, identity(prev))


def describe(d: Any) -> dict[str, str]:
    return {"source": d.source, "file_format": d.file_format,
            "rendition": rendition_kind(d.file_format, d.extractor)}


def other_renditions(conn: Any, docs: Sequence[Any]) -> dict[int, list[Row]]:
    """For each canonical document id, its other current renditions (in load order)."""
    ids = [d.id for d in docs]
    out: dict[int, list[Row]] = {}
    if ids:
        for r in conn.execute(select(*COLUMNS).where(documents.c.rendition_of_id.in_(ids), CURRENT)
                              .order_by(documents.c.id)):
            out.setdefault(r.rendition_of_id, []).append(r)
    return out


def rendition_note(conn: Any, doc_id: int) -> tuple[Optional[str], list[str]]:
    """(source of the canonical rendition when ``doc_id`` is not it, sources of the others)."""
    doc = _row(conn, doc_id)
    if doc is None:
        return None, []
    canonical = _row(conn, doc.rendition_of_id) if doc.rendition_of_id else doc
    others = [r.source for r in other_renditions(conn, [canonical]).get(canonical.id, [])
              if r.id != doc.id]
    if canonical.id != doc.id:
        return canonical.source, others
    return None, others
