"""Browse the curated SQLite database in Datasette: metadata, canned queries, FTS5 over titles.

``prepare_fts`` (re)builds ``activities_fts`` (FTS5, external content over ``activities``: title
and responsible) in the SQLite file; ``make_datasette`` returns a configured ``Datasette`` (also
used by the tests' in-process client); ``serve`` runs it with uvicorn on loopback. PostgreSQL is
not served: export or copy to SQLite first (Datasette reads SQLite only).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Optional

from sqlalchemy.engine import make_url

from pipeline.store.db import resolve_url, upgrade

FTS_TABLE = "activities_fts"
DEFAULT_PORT = 8001
LICENSE = "Official documents of state bodies: not objects of copyright (Civil Code of the RF, art. 1259 § 6)"
SOURCE = "Regional roadmaps (дорожные карты) issued as приказ / распоряжение / постановление"

THEME_ACROSS_REGIONS_SQL = """
SELECT f.region_code, f.region, th.name AS theme_name, CASE WHEN t.is_primary THEN 'primary' ELSE 'also' END AS role,
       f.number, f.title, f.deadline_raw, f.start_year, f.end_year, f.responsible, f.document_title
FROM activity_facts f
JOIN activity_themes t ON t.activity_id = f.activity_id
LEFT JOIN themes th ON th.id = t.theme
WHERE t.theme = :theme OR th.name = :theme
ORDER BY f.region_code, t.is_primary DESC, f.position
"""

WHO_DOES_WHAT_SQL = """
SELECT f.region_code, o.org_type, o.canonical_name AS organisation, p.name AS named_as,
       CASE WHEN p.by_agreement THEN 'by agreement' ELSE '' END AS by_agreement,
       f.number, f.title, f.primary_theme, f.deadline_raw
FROM parties p
JOIN organisations o ON o.id = p.organisation_id
JOIN activity_facts f ON f.activity_id = p.activity_id
WHERE (:org_type = '' OR o.org_type = :org_type)
  AND (:organisation = '' OR o.canonical_name LIKE '%' || :organisation || '%' OR p.name LIKE '%' || :organisation || '%')
  AND (:region_code = '' OR f.region_code = upper(:region_code))
ORDER BY f.region_code, o.org_type, o.canonical_name, f.position
"""

DUE_IN_PERIOD_SQL = """
WITH period AS (
    SELECT CASE WHEN :quarter = '' THEN printf('%04d-01-01', CAST(:year AS INTEGER))
                ELSE printf('%04d-%02d-01', CAST(:year AS INTEGER), (CAST(:quarter AS INTEGER) - 1) * 3 + 1) END AS p0
), bounds AS (
    SELECT p0, CASE WHEN :quarter = '' THEN date(p0, '+12 months', '-1 day')
                    ELSE date(p0, '+3 months', '-1 day') END AS p1 FROM period
)
SELECT f.region_code, f.number, f.title, f.deadline_raw, f.deadline_start, f.deadline_end, f.recurrence,
       CASE WHEN COALESCE(f.deadline_end, f.deadline_start) BETWEEN b.p0 AND b.p1 THEN 'due' ELSE 'ongoing' END
           AS status,
       f.responsible, f.primary_theme
FROM activity_facts f, bounds b
WHERE f.deadline_start <= b.p1 AND COALESCE(f.deadline_end, f.deadline_start) >= b.p0
ORDER BY status, f.region_code, COALESCE(f.deadline_end, f.deadline_start), f.position
"""

SEARCH_TITLES_SQL = f"""
SELECT f.region_code, f.number, f.title, f.primary_theme, f.deadline_raw, f.responsible, f.document_title
FROM {FTS_TABLE}
JOIN activity_facts f ON f.activity_id = {FTS_TABLE}.rowid
WHERE {FTS_TABLE} MATCH :q
ORDER BY rank
"""

REGION_THEME_MATRIX_SQL = """
SELECT region_code, theme, theme_name, n_activities, n_primary FROM region_theme_summary
ORDER BY region_code, n_primary DESC, n_activities DESC
"""


def sqlite_path(db_url: Optional[str] = None) -> Path:
    """File path of a SQLite database URL; ValueError for other databases."""
    u = make_url(resolve_url(db_url))
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        raise ValueError("browse needs a SQLite database file (Datasette reads SQLite only); for PostgreSQL, "
                         "use `roadmaps export` or copy the data into SQLite first")
    return Path(u.database)


def prepare_fts(path: Path) -> int:
    """(Re)build the FTS5 index over activity titles and responsible parties; returns rows indexed."""
    with sqlite3.connect(path) as conn:
        conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
                     "title, responsible, content='activities', content_rowid='id', "
                     "tokenize='unicode61 remove_diacritics 2')")
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES('rebuild')")
        return conn.execute(f"SELECT COUNT(*) FROM {FTS_TABLE}").fetchone()[0]


def canned_queries() -> dict[str, dict]:
    return {
        "theme_across_regions": {
            "title": "Activities of a theme across regions",
            "description": "Theme id (e.g. career_guidance, dual, exams) or its Russian name; primary first.",
            "sql": THEME_ACROSS_REGIONS_SQL,
        },
        "who_does_what": {
            "title": "Who is responsible for what",
            "description": "Filter by organisation type (college, employment_centre, regional_executive…), "
                           "a part of the organisation's name, and/or region code; blank = all.",
            "sql": WHO_DOES_WHAT_SQL,
        },
        "due_in_period": {
            "title": "What falls due in a year or quarter",
            "description": "Activities whose normalised deadline overlaps the year (quarter 1–4 optional); "
                           "'due' = ends inside the period, 'ongoing' = runs through it.",
            "sql": DUE_IN_PERIOD_SQL,
        },
        "search_titles": {
            "title": "Full-text search over activity titles",
            "description": "FTS5 syntax: words, \"phrases\", prefix* (e.g. профориент*).",
            "sql": SEARCH_TITLES_SQL,
        },
        "region_theme_matrix": {
            "title": "Region × theme counts",
            "sql": REGION_THEME_MATRIX_SQL,
        },
    }


def table_metadata() -> dict[str, dict]:
    return {
        "documents": {"description": ("One row per ingested document version (newest: superseded_by_id is null; "
                                      "the best file of a document: rendition_of_id is null)")},
        "activities": {"description": "Activities of the roadmap tables.", "fts_table": FTS_TABLE, "fts_pk": "id",
                       "searchable_columns": ["title", "responsible"]},
        "activity_facts": {"description": "One row per activity of the newest document versions, with region, "
                                          "section path, themes, normalised deadline and party organisation types."},
        "activity_themes": {"description": "Themes per activity (one primary) from normalizers/data/themes.yaml."},
        "themes": {"description": "The theme taxonomy."},
        "organisations": {"description": "Canonical organisations with their type."},
        "parties": {"description": "Responsible parties of an activity, linked to organisations."},
        "region_theme_summary": {"description": "Activities per region and theme."},
        "region_org_type_summary": {"description": "Activities and parties per region and organisation type."},
        "region_year_summary": {"description": "Activities active / starting / due per region and year."},
        "quarantine": {"description": "Failed ingests with stage and error."},
    }


def datasette_metadata(db_name: str) -> dict:
    """Datasette metadata: titles, descriptions, licence and source notes, canned queries."""
    return {
        "title": "Roadmaps: regional education roadmaps (дорожные карты)",
        "description": "Curated activities of Russian regional roadmaps, comparable across regions: themes, "
                       "responsible organisations, normalised deadlines.",
        "license": LICENSE,
        "source": SOURCE,
        "about": "roadmaps pipeline",
        "databases": {db_name: {"tables": table_metadata(), "queries": canned_queries()}},
    }


def make_datasette(path: Path, rebuild_fts: bool = True):
    """A configured Datasette over the SQLite file (schema upgraded, FTS built)."""
    from datasette.app import Datasette

    path = Path(path)
    upgrade(f"sqlite:///{path}")
    if rebuild_fts:
        prepare_fts(path)
    return Datasette([str(path)], metadata=datasette_metadata(path.stem),
                     settings={"sql_time_limit_ms": 5000})


def serve(db_url: Optional[str] = None, port: int = DEFAULT_PORT, host: str = "127.0.0.1") -> None:
    """Run Datasette on loopback until interrupted."""
    import uvicorn

    path = sqlite_path(db_url)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such database; run `roadmaps ingest` first")
    ds = make_datasette(path)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
