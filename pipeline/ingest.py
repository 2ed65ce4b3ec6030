"""Ingest one document: sniff → hash → skip if loaded → extract → normalise → validate → load.

Each stage is a plain function (the Prefect flow in ``flows/`` calls them as
tasks; the CLI calls ``ingest_path``). A failure raises ``StageError`` naming
the file and the stage; ``ingest_path`` turns it into a failed outcome and a
quarantine entry, so nothing half-written reaches the database.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Optional

from sqlalchemy import insert, select, update

from extractors import ExtractedDocument, ExtractionError, sniff
from extractors.limits import read_regular_file
from pipeline.errors import StageError, UnsupportedFormat
from pipeline.records import DocumentRecord
from pipeline.store.db import connect, get_engine, resolve_url, upgrade
from pipeline.store.tables import documents, quarantine as quarantine_table

log = logging.getLogger(__name__)

REQUIRED_ROLES = ("title",)
PERIOD_SLACK_YEARS = 1


@dataclass
class IngestOutcome:
    source: str
    sha256: Optional[str]
    status: str                     # "loaded" | "unchanged" | "failed"
    stage: Optional[str] = None
    error: Optional[str] = None
    document_id: Optional[int] = None
    n_activities: int = 0
    n_flagged: int = 0
    # the same document from another file: the canonical rendition's source when this one is not
    # it; ``renditions`` the other files of the same document (pipeline.store.renditions)
    rendition_of: Optional[str] = None
    renditions: list[str] = field(default_factory=list)

    @property
    def rendition_message(self) -> Optional[str]:
        """'same document as <source> (rendition)', or None when no other file holds this document."""
        if self.rendition_of:
            return f"same document as {self.rendition_of} (rendition)"
        if self.renditions:
            return f"same document as {', '.join(self.renditions)} (rendition; this file is the better one, used)"
        return None

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sniff_format(data: bytes, source: str) -> str:
    """One of ``extractors.FORMATS`` from the bytes; StageError (stage 'sniff', 'open' if damaged) otherwise."""
    try:
        return sniff(data)
    except ExtractionError as e:
        if (e.stage or "sniff") == "sniff":
            raise UnsupportedFormat(source, str(e.args[0])) from e
        raise StageError(str(e.args[0]), e.stage, source) from e


def is_loaded(db_url: str, sha256: str) -> bool:
    upgrade(db_url)
    with connect(db_url) as conn:
        return conn.execute(select(documents.c.id).where(documents.c.sha256 == sha256)).first() is not None


def _prepare_normaliser() -> None:
    """What normalising needs next (its modules, the pymorphy3 dictionary), loaded while the
    extraction worker runs on another core; the first time, kept out of the collector's rounds."""
    import sys

    first = "pipeline.normalise" not in sys.modules
    import pipeline.normalise  # noqa: F401
    from normalizers.morph import get_morph

    get_morph()
    if first:
        from pipeline.lazy import keep_loaded

        keep_loaded()


def extract_stage(path: str, source: str) -> ExtractedDocument:
    from pipeline.isolation import extract_isolated

    try:   # killable worker: per-document time and memory budget
        return extract_isolated(path, while_waiting=_prepare_normaliser)
    except ExtractionError as e:
        raise StageError(str(e.args[0]), e.stage, source) from e
    except Exception as e:  # a bug or an unforeseen broken file: still a clear, named failure
        raise StageError(f"{type(e).__name__}: {e}", "extract", source) from e


def normalise_stage(extracted: ExtractedDocument, source: str, sha256: str,
                    hints: Optional[dict] = None) -> DocumentRecord:
    """The typed record of an extracted document, within ``ROADMAPS_NORMALISE_TIMEOUT`` (a text
    rule that loops refuses the document by name instead of hanging the run)."""
    import roadmaps_settings
    from pipeline.normalise import build_document
    from pipeline.time_budget import BudgetExceeded, within

    seconds = roadmaps_settings.load().normalise_timeout
    try:
        with within(seconds):
            return build_document(extracted, source, sha256, hints)
    except BudgetExceeded:
        env = roadmaps_settings.env_name("normalise_timeout")
        raise StageError(f"normalising took longer than {seconds:g} s; raise {env} to allow it",
                         "normalise", source) from None
    except Exception as e:
        raise StageError(f"{type(e).__name__}: {e}", "normalise", source) from e


def validate_stage(record: DocumentRecord) -> list[str]:
    """Problems that make a document unfit to load; [] means valid."""
    problems = []
    if not record.activities:
        problems.append("no activity table found (no table whose headers match the roadmap roles)")
    missing = [r for r in REQUIRED_ROLES if r not in record.columns]
    if record.activities and missing:
        problems.append(f"required columns missing: {', '.join(missing)}")
    if record.period and record.activities:
        lo = date(record.period[0] - PERIOD_SLACK_YEARS, 1, 1)
        hi = date(record.period[1] + PERIOD_SLACK_YEARS, 12, 31)
        outside = [a.number or a.title for a in record.activities
                   if a.deadline_norm and ((a.deadline_norm.start and a.deadline_norm.start < lo)
                                           or (a.deadline_norm.end and a.deadline_norm.end > hi))]
        if len(outside) > max(2, len(record.activities) // 4):
            problems.append(f"{len(outside)} deadlines fall outside the period {record.period}")
    return problems


def load_stage(record: DocumentRecord, db_url: str) -> IngestOutcome:
    from pipeline.store.load import load

    upgrade(db_url)
    try:
        status, doc_id = load(get_engine(db_url), record)
    except Exception as e:
        raise StageError(f"{type(e).__name__}: {e}", "load", record.source) from e
    flagged = sum(1 for a in record.activities if a.flags)
    outcome = IngestOutcome(source=record.source, sha256=record.sha256, status=status,
                            document_id=doc_id, n_activities=len(record.activities), n_flagged=flagged)
    refresh_renditions(db_url, [outcome])
    return outcome


def refresh_renditions(db_url: str, outcomes: list[IngestOutcome]) -> None:
    """Set each loaded outcome's ``rendition_of`` / ``renditions`` from the database as it is now
    (a better rendition loaded later in the same run re-points the earlier ones)."""
    from pipeline.store.renditions import rendition_note

    loaded = [o for o in outcomes if o.status == "loaded" and o.document_id is not None]
    if not loaded:
        return
    with connect(resolve_url(db_url)) as conn:
        for o in loaded:
            o.rendition_of, o.renditions = rendition_note(conn, o.document_id)


def quarantine(db_url: str, source: str, sha256: Optional[str], stage: str, error: str) -> None:
    """Record a failed ingest (attempt counts up per source and bytes)."""
    upgrade(db_url)
    q = quarantine_table.c
    with get_engine(db_url).begin() as conn:
        prev = conn.execute(select(q.attempt).where(q.source == source)
                            .order_by(q.attempt.desc())).scalar()
        attempt = (prev + 1) if prev else 1
        conn.execute(insert(quarantine_table).values(
            source=source, sha256=sha256, stage=stage, error=error,
            created_at=datetime.now(timezone.utc), attempt=attempt, resolved=False))
    log.info("quarantined %s (stage %s, attempt %d)", source, stage, attempt)


def resolve_quarantine(db_url: str, source: str) -> None:
    """Mark the quarantine entries of a source resolved once it loads."""
    q = quarantine_table.c
    with get_engine(db_url).begin() as conn:
        ids = list(conn.execute(select(q.id).where(q.source == source, q.resolved.is_(False))).scalars())
        if ids:
            conn.execute(update(quarantine_table).where(q.id.in_(ids)).values(resolved=True))
        for qid in ids:
            log.info("%s left the quarantine (entry %d resolved)", source, qid)


def list_quarantine(db_url: str, include_resolved: bool = False) -> list[dict]:
    """Open quarantine entries (also resolved and dropped ones with ``include_resolved``)."""
    from pipeline.store.quarantine import list_entries

    return list_entries(db_url, include_closed=include_resolved)


def prepare_record(path: str, source: str, sha256: str, hints: Optional[dict] = None) -> DocumentRecord:
    """The CPU part of one document, with no database: extract → normalise → validate.

    Raises ``StageError``. A module-level function, so that a process pool can run it while
    the database writes stay in one process (``roadmaps ingest --workers``, ``roadmaps pull``).
    """
    extracted = extract_stage(path, source)
    record = normalise_stage(extracted, source, sha256, hints)
    problems = validate_stage(record)
    if problems:
        raise StageError("; ".join(problems), "validate", source)
    return record


def commit_record(record: DocumentRecord, db_url: str, data: bytes) -> IngestOutcome:
    """The database part: load in one transaction, keep the original, resolve the quarantine."""
    outcome = load_stage(record, db_url)
    if outcome.status == "loaded":
        from pipeline.review.originals import keep_original

        keep_original(db_url, record.sha256, data)   # for the page images of ``roadmaps review``
    resolve_quarantine(db_url, record.source)
    return outcome


def ingest_bytes(data: bytes, path: str, db_url: str, source: str,
                 hints: Optional[dict] = None) -> IngestOutcome:
    """All stages for one file whose bytes are already read; never raises on bad input."""
    sha = None
    try:
        sniff_format(data, source)
        sha = sha256_bytes(data)
        if is_loaded(db_url, sha):
            return IngestOutcome(source=source, sha256=sha, status="unchanged")
        return commit_record(prepare_record(path, source, sha, hints), db_url, data)
    except StageError as e:
        quarantine(db_url, source, sha, e.stage, str(e.args[0]))
        return IngestOutcome(source=source, sha256=sha, status="failed", stage=e.stage, error=str(e))


def ingest_path(path: str, db_url: str, source: Optional[str] = None,
                hints: Optional[dict] = None) -> IngestOutcome:
    """Ingest a local file (``source`` defaults to the path as given)."""
    db_url = resolve_url(db_url)
    source = source or str(path)
    try:
        data = read_regular_file(str(path))  # stat first: FIFOs, devices, directories refused unread
    except ExtractionError as e:
        quarantine(db_url, source, None, e.stage, str(e.args[0]))
        return IngestOutcome(source=source, sha256=None, status="failed", stage=e.stage,
                             error=f"{source}: {e.stage} failed: {e.args[0]}")
    return ingest_bytes(data, str(path), db_url, source, hints)


def export_json(db_url: str, regions: Optional[list[str]] = None,
                with_corrections_log: bool = False) -> list[dict]:
    from pipeline.store.export import export_documents

    db_url = resolve_url(db_url)
    upgrade(db_url)
    from pipeline.store.db import session_factory

    with session_factory(db_url)() as s:
        return export_documents(s, regions, with_corrections_log)


__all__ = [
    "IngestOutcome", "StageError", "sha256_bytes", "sniff_format", "is_loaded", "extract_stage",
    "normalise_stage", "validate_stage", "load_stage", "prepare_record", "commit_record",
    "quarantine", "list_quarantine",
    "ingest_bytes", "ingest_path", "export_json", "get_engine", "refresh_renditions",
]
