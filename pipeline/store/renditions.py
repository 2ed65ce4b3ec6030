"""Renditions: one document ingested from several files is one document.

Two current documents (``superseded_by_id IS NULL``) with the same region code, kind, number and
date — all four present — are renditions of one document (a DOCX and a PDF of one order, a scan of
it, …). Only the best rendition is *canonical* (``rendition_of_id IS NULL``) and feeds comparison
and export; every other points to it through ``documents.rendition_of_id`` and stays as provenance.
A document with any of the four missing is never a rendition of another: nothing is guessed.

The best rendition: born-digital DOCX (also .doc/.rtf/.odt read through LibreOffice) > HTML >
PDF with a text layer > PDF read (in part) by OCR; on a tie the one loaded first. A better
rendition arriving later takes over and the others are re-pointed to it. ``superseded_by_id`` keeps
its own meaning (a newer version of the same source) and is never touched here.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Optional

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from extractors.grid import is_ocr_extractor
from pipeline.store.schema import Document

BORN_DIGITAL_WORD = ("docx", "doc", "rtf", "odt")
DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})

Identity = tuple[str, str, str, str]


def rendition_kind(file_format: Optional[str], extractor: Optional[str]) -> str:
    """'docx' | 'html' | 'pdf' (text layer) | 'scan' (any page read by OCR) | the format as given."""
    fmt = (file_format or "").lower()
    if fmt in BORN_DIGITAL_WORD:
        return "docx"
    if fmt == "pdf":
        return "scan" if is_ocr_extractor(extractor) else "pdf"
    return fmt


RANK = {"docx": 3, "html": 2, "pdf": 1, "scan": 0}


def rank(doc: Document) -> tuple[int, int]:
    """Sort key, best first: the kind of rendition, then the earlier load."""
    return (-RANK.get(rendition_kind(doc.file_format, doc.extractor), -1), doc.id)


def _clean(value: Optional[str]) -> str:
    return " ".join((value or "").translate(DASHES).split()).casefold()


def identity(doc: Document) -> Optional[Identity]:
    """(region code, kind, number, date) when all four are present, else None (never a rendition)."""
    parts = (_clean(doc.region_code), _clean(doc.doc_kind), _clean(doc.doc_number).lstrip("№ "),
             doc.doc_date.isoformat() if doc.doc_date else "")
    return parts if all(parts) else None


def _lock(session: Session, idents: list[Optional[Identity]]) -> None:
    """PostgreSQL: serialise concurrent loads of one document's renditions (held until commit;
    taken in one global order, so two loads that each regroup two documents cannot deadlock)."""
    if session.get_bind().dialect.name != "postgresql":
        return   # SQLite: the load already holds the database's write lock
    keys = {int.from_bytes(hashlib.sha256("|".join(i).encode()).digest()[:8], "big", signed=True)
            for i in idents if i is not None}
    for key in sorted(keys):
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _group(session: Session, ident: Identity) -> list[Document]:
    day = ident[3]
    candidates = session.scalars(select(Document).where(
        Document.superseded_by_id.is_(None), Document.region_code.is_not(None),
        Document.doc_date == date.fromisoformat(day),
        Document.doc_kind.is_not(None), Document.doc_number.is_not(None)))
    return sorted((d for d in candidates if identity(d) == ident), key=rank)


def settle_group(session: Session, ident: Optional[Identity]) -> None:
    """Make the best current rendition of ``ident`` canonical and point the others to it."""
    if ident is None:
        return
    _lock(session, [ident])
    group = _group(session, ident)
    if not group:
        return
    best, others = group[0], group[1:]
    best.rendition_of_id = None
    for d in others:
        d.rendition_of_id = best.id


def settle(session: Session, doc: Document, prev: Optional[Document] = None) -> None:
    """After ``doc`` is flushed (and ``prev``, its previous version, superseded by it): regroup.

    The renditions that pointed to ``prev`` are regrouped too: the new version may have a
    different identity, or none.
    """
    session.flush()
    _lock(session, [identity(doc), identity(prev) if prev is not None else None])
    doc.rendition_of_id = None
    if prev is not None:
        for d in session.scalars(select(Document).where(Document.rendition_of_id == prev.id,
                                                        Document.superseded_by_id.is_(None))):
            d.rendition_of_id = None
    settle_group(session, identity(doc))
    if prev is not None and identity(prev) != identity(doc):
        settle_group(session, identity(prev))
    session.flush()


def describe(d: Document) -> dict[str, str]:
    return {"source": d.source, "file_format": d.file_format,
            "rendition": rendition_kind(d.file_format, d.extractor)}


def other_renditions(session: Session, docs: list[Document]) -> dict[int, list[Document]]:
    """For each canonical document id, its other current renditions (in load order)."""
    ids = [d.id for d in docs]
    out: dict[int, list[Document]] = {}
    if ids:
        for r in session.scalars(select(Document).where(Document.rendition_of_id.in_(ids),
                                                        Document.superseded_by_id.is_(None))
                                 .order_by(Document.id)):
            out.setdefault(r.rendition_of_id, []).append(r)
    return out


def rendition_note(session: Session, doc_id: int) -> tuple[Optional[str], list[str]]:
    """(source of the canonical rendition when ``doc_id`` is not it, sources of the others)."""
    doc = session.get(Document, doc_id)
    if doc is None:
        return None, []
    canonical = session.get(Document, doc.rendition_of_id) if doc.rendition_of_id else doc
    others = [r.source for r in other_renditions(session, [canonical]).get(canonical.id, [])
              if r.id != doc.id]
    if canonical.id != doc.id:
        return canonical.source, others
    return None, others
