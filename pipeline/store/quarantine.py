"""The quarantine table: documents that failed to ingest, their attempts, and dropping them.

An entry is *open* until a later load of its source resolves it or a person drops it
(``roadmaps quarantine drop``). Dropping never deletes: the row keeps ``dropped_at`` and the
reason as an audit record; dropped and resolved entries are only listed with ``--all``.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Optional

from sqlalchemy import select

from pipeline.errors import UsageError
from pipeline.store.db import session_factory, upgrade
from pipeline.store.schema import QuarantineEntry


def status(entry: QuarantineEntry) -> str:
    """'dropped' | 'resolved' | 'open'."""
    if entry.dropped_at is not None:
        return "dropped"
    return "resolved" if entry.resolved else "open"


def as_dict(entry: QuarantineEntry) -> dict[str, Any]:
    return {"id": entry.id, "source": entry.source, "sha256": entry.sha256, "stage": entry.stage,
            "error": entry.error, "time": entry.created_at.isoformat(), "attempt": entry.attempt,
            "status": status(entry),
            "dropped_at": entry.dropped_at.isoformat() if entry.dropped_at else None,
            "drop_reason": entry.drop_reason}


def _is_open():
    return (QuarantineEntry.resolved.is_(False)) & (QuarantineEntry.dropped_at.is_(None))


def list_entries(db_url: str, include_closed: bool = False) -> list[dict[str, Any]]:
    """Open entries (all of them with ``include_closed``), oldest first."""
    upgrade(db_url)
    with session_factory(db_url)() as s:
        q = select(QuarantineEntry).order_by(QuarantineEntry.id)
        if not include_closed:
            q = q.where(_is_open())
        return [as_dict(e) for e in s.scalars(q)]


def _find(session, entry_id: int) -> QuarantineEntry:
    entry = session.get(QuarantineEntry, entry_id)
    if entry is None:
        raise UsageError(f"no quarantine entry #{entry_id}; `roadmaps quarantine list --all` shows the ids",
                         stage="quarantine")
    return entry


def show_entry(db_url: str, entry_id: int) -> dict[str, Any]:
    """One entry with every attempt of its source (``history``, oldest first)."""
    upgrade(db_url)
    with session_factory(db_url)() as s:
        entry = _find(s, entry_id)
        history = s.scalars(select(QuarantineEntry).where(QuarantineEntry.source == entry.source)
                            .order_by(QuarantineEntry.id))
        return {**as_dict(entry), "history": [as_dict(h) for h in history]}


def drop_source(db_url: str, entry_id: int, reason: Optional[str] = None) -> dict[str, Any]:
    """Drop every open entry of the source of entry ``entry_id`` (it is no longer retried).

    Returns ``{"source", "dropped": [ids]}``; rows stay in the table with ``dropped_at``.
    """
    upgrade(db_url)
    now = datetime.now(timezone.utc)
    with session_factory(db_url)() as s, s.begin():
        source = _find(s, entry_id).source
        entries = list(s.scalars(select(QuarantineEntry)
                                 .where(QuarantineEntry.source == source, _is_open())))
        for e in entries:
            e.dropped_at, e.drop_reason = now, reason
        return {"source": source, "dropped": [e.id for e in entries]}
