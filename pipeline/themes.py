"""Assign themes to loaded activities (table ``activity_themes``) from ``normalizers.themes``.

``assign_themes(conn, document_id)`` runs inside the ingest transaction (called from
``pipeline.store.load`` after the document's rows are written); ``reassign_all(db_url)`` re-runs it
over every document after the taxonomy in ``normalizers/data/themes.yaml`` changed. Core statements
only (``pipeline.store.tables``), so ``conn`` is a Connection or an ORM Session alike (the review
app re-themes a document in its session's transaction).
"""

from __future__ import annotations

from typing import Any, Optional

from sqlalchemy import delete, insert, select, update

from normalizers.themes import OTHER_NAME, OTHER_THEME, Taxonomy, classify, load_taxonomy
from pipeline.store.db import connect, upgrade
from pipeline.store.tables import activities, activity_themes, documents, sections, themes


def sync_theme_catalogue(conn: Any, taxonomy: Optional[Taxonomy] = None) -> None:
    """Make the ``themes`` table hold the taxonomy's ids, names and descriptions (plus ``other``)."""
    tax = taxonomy or load_taxonomy()
    wanted = [(t.id, t.name, t.description) for t in tax.themes]
    wanted.append((OTHER_THEME, OTHER_NAME, "Ни одно правило не сработало."))
    existing = {r.id: tuple(r)[1:] for r in conn.execute(
        select(themes.c.id, themes.c.name, themes.c.description, themes.c.position))}
    new = []
    for pos, (tid, name, desc) in enumerate(wanted):
        if tid not in existing:
            new.append(dict(id=tid, name=name, description=desc, position=pos))
        elif existing[tid] != (name, desc, pos):
            conn.execute(update(themes).where(themes.c.id == tid)
                         .values(name=name, description=desc, position=pos))
    if new:
        conn.execute(insert(themes), new)


_synced: set[str] = set()


def ensure_theme_catalogue(engine: Any) -> None:
    """Sync the ``themes`` table once per process and database, in its own transaction.

    Kept out of the per-document transaction so that parallel loaders do not race on it;
    a concurrent sync that wins the race is as good as ours.
    """
    from sqlalchemy.exc import IntegrityError

    key = str(engine.url)
    if key in _synced:
        return
    try:
        with engine.begin() as conn:
            sync_theme_catalogue(conn)
    except IntegrityError:
        pass
    _synced.add(key)


def section_paths(conn: Any, document_id: int) -> dict[int, list[str]]:
    """Titles of each section of a document and its ancestors, outermost first, by section id."""
    rows = {r.id: r for r in conn.execute(select(sections.c.id, sections.c.parent_id, sections.c.title)
                                          .where(sections.c.document_id == document_id))}
    paths: dict[int, list[str]] = {}
    for sid in rows:
        titles: list[str] = []
        seen: set[int] = set()
        cur = rows.get(sid)
        while cur is not None and cur.id not in seen:
            seen.add(cur.id)
            titles.append(cur.title)
            cur = rows.get(cur.parent_id) if cur.parent_id is not None else None
        paths[sid] = titles[::-1]
    return paths


def activity_text(activity: Any) -> str:
    """What an activity is about: its title, else its description or tasks."""
    return activity.title or activity.description or activity.tasks or ""


def assign_themes(conn: Any, document_id: int) -> int:
    """Replace the theme rows of one document's activities; returns the number of rows written.

    Does not commit: the caller's transaction decides.
    """
    tax = load_taxonomy()
    acts = conn.execute(select(activities.c.id, activities.c.section_id, activities.c.title,
                               activities.c.description, activities.c.tasks)
                        .where(activities.c.document_id == document_id)
                        .order_by(activities.c.id)).all()
    ids = [a.id for a in acts]
    if ids:
        conn.execute(delete(activity_themes).where(activity_themes.c.activity_id.in_(ids)))
    paths = section_paths(conn, document_id)
    rows = [dict(activity_id=act.id, theme=m.theme, is_primary=m.is_primary, score=m.score)
            for act in acts
            for m in classify(activity_text(act), paths.get(act.section_id, []), tax)]
    if rows:
        conn.execute(insert(activity_themes), rows)
    return len(rows)


def reassign_all(db_url: Optional[str] = None) -> dict[str, int]:
    """Re-assign themes for every document (each in its own transaction)."""
    upgrade(db_url)
    docs = rows = 0
    with connect(db_url) as conn:
        doc_ids = list(conn.execute(select(documents.c.id).order_by(documents.c.id)).scalars())
        conn.commit()
        for doc_id in doc_ids:
            with conn.begin():
                rows += assign_themes(conn, doc_id)
                docs += 1
    return {"documents": docs, "rows": rows}
