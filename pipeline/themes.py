"""Assign themes to loaded activities (table ``activity_themes``) from ``normalizers.themes``.

``assign_themes(session, document_id)`` runs inside the ingest transaction (called from
``pipeline.store.load`` after the document is flushed); ``reassign_all(db_url)`` re-runs it over every
document after the taxonomy in ``normalizers/data/themes.yaml`` changed.
"""

from __future__ import annotations

from typing import Optional

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from normalizers.themes import OTHER_NAME, OTHER_THEME, Taxonomy, classify, load_taxonomy
from pipeline.store.db import session_factory, upgrade
from pipeline.store.schema import Activity, Document, Section
from pipeline.store.theme_schema import ActivityTheme, ThemeDef


def sync_theme_catalogue(session: Session, taxonomy: Optional[Taxonomy] = None) -> None:
    """Make the ``themes`` table hold the taxonomy's ids, names and descriptions (plus ``other``)."""
    tax = taxonomy or load_taxonomy()
    wanted = [(t.id, t.name, t.description) for t in tax.themes]
    wanted.append((OTHER_THEME, OTHER_NAME, "Ни одно правило не сработало."))
    existing = {t.id: t for t in session.scalars(select(ThemeDef))}
    for pos, (tid, name, desc) in enumerate(wanted):
        row = existing.get(tid) or ThemeDef(id=tid)
        row.name, row.description, row.position = name, desc, pos
        session.add(row)


_synced: set[str] = set()


def ensure_theme_catalogue(factory) -> None:
    """Sync the ``themes`` table once per process and database, in its own transaction.

    Kept out of the per-document transaction so that parallel loaders do not race on it;
    a concurrent sync that wins the race is as good as ours.
    """
    from sqlalchemy.exc import IntegrityError

    key = str(factory.kw.get("bind").url)
    if key in _synced:
        return
    try:
        with factory() as session, session.begin():
            sync_theme_catalogue(session)
    except IntegrityError:
        pass
    _synced.add(key)


def section_path_titles(section: Optional[Section]) -> list[str]:
    """Titles of a section and its ancestors, outermost first."""
    titles: list[str] = []
    seen: set[int] = set()
    while section is not None and section.id not in seen:
        seen.add(section.id)
        titles.append(section.title)
        section = section.parent
    return titles[::-1]


def activity_text(activity: Activity) -> str:
    """What an activity is about: its title, else its description or tasks."""
    return activity.title or activity.description or activity.tasks or ""


def assign_themes(session: Session, document_id: int) -> int:
    """Replace the theme rows of one document's activities; returns the number of rows written.

    Does not commit: the caller's transaction decides.
    """
    tax = load_taxonomy()
    activities = list(session.scalars(select(Activity).where(Activity.document_id == document_id)))
    ids = [a.id for a in activities]
    if ids:
        session.execute(delete(ActivityTheme).where(ActivityTheme.activity_id.in_(ids)))
    n = 0
    for act in activities:
        for m in classify(activity_text(act), section_path_titles(act.section), tax):
            session.add(ActivityTheme(activity_id=act.id, theme=m.theme, is_primary=m.is_primary, score=m.score))
            n += 1
    session.flush()
    return n


def reassign_all(db_url: Optional[str] = None) -> dict[str, int]:
    """Re-assign themes for every document (each in its own transaction)."""
    upgrade(db_url)
    docs = rows = 0
    factory = session_factory(db_url)
    with factory() as s:
        doc_ids = list(s.scalars(select(Document.id).order_by(Document.id)))
    for doc_id in doc_ids:
        with factory() as s, s.begin():
            rows += assign_themes(s, doc_id)
            docs += 1
    return {"documents": docs, "rows": rows}
