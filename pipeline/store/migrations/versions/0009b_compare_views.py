"""comparison views: activity_facts and region x theme / org_type / year summaries

Plain SQL that runs on SQLite and PostgreSQL. No JSON functions; the only dialect differences are
the string aggregate (group_concat / string_agg) and taking a year from a date, chosen here.
Only the newest version of each document (``superseded_by_id IS NULL``) is shown.

Note for later migrations on SQLite: a batch migration that *recreates* a table these views read
(activities, documents, sections, parties, organisations, activity_themes, themes) must drop the
views first and create them again (``drop_views()`` / ``create_views()`` below), because SQLite
checks views when a table is renamed.

Revision ID: 0009b_compare_views
Revises: 0009a_activity_themes
"""
from alembic import op


revision = "0009b_compare_views"
down_revision = "0009a_activity_themes"
branch_labels = None
depends_on = None

VIEWS = ("activity_facts", "region_theme_summary", "region_org_type_summary", "region_year_summary")
MAX_YEAR_SPAN = 50


def year_of(dialect: str, column: str) -> str:
    if dialect == "postgresql":
        return f"CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)"
    return f"CAST(SUBSTR({column}, 1, 4) AS INTEGER)"


def string_list(dialect: str, value: str, from_where: str, order: str, distinct: bool = False) -> str:
    """A scalar subquery joining value over from_where with ', ' in the given order."""
    d = "DISTINCT " if distinct else ""
    if dialect == "postgresql":
        return f"(SELECT string_agg({d}{value}, ', ' ORDER BY {order}) {from_where})"
    # SQLite keeps the order of an ordered subquery; DISTINCT rows can only be ordered by v
    return (f"(SELECT group_concat(x.v, ', ') FROM "
            f"(SELECT {d}{value} AS v {from_where} ORDER BY {'v' if distinct else order}) x)")


def activity_facts_sql(dialect: str) -> str:
    themes = string_list(dialect, "t.theme", "FROM activity_themes t WHERE t.activity_id = a.id",
                         "t.is_primary DESC, t.score DESC, t.theme")
    org_types = string_list(dialect, "o.org_type",
                            "FROM parties p JOIN organisations o ON o.id = p.organisation_id "
                            "WHERE p.activity_id = a.id", "o.org_type", distinct=True)
    organisations = string_list(dialect, "o.canonical_name",
                                "FROM parties p JOIN organisations o ON o.id = p.organisation_id "
                                "WHERE p.activity_id = a.id", "o.canonical_name", distinct=True)
    return f"""
CREATE VIEW activity_facts AS
WITH RECURSIVE section_paths(id, path) AS (
    SELECT id, title FROM sections WHERE parent_id IS NULL
    UNION ALL
    SELECT s.id, sp.path || ' / ' || s.title FROM sections s JOIN section_paths sp ON s.parent_id = sp.id
)
SELECT
    a.id AS activity_id,
    d.id AS document_id,
    d.region_code,
    d.region,
    d.doc_kind,
    d.doc_number,
    d.doc_date,
    d.title AS document_title,
    d.source,
    d.period_start,
    d.period_end,
    sp.path AS section_path,
    a.position,
    a.number,
    a.title,
    a.responsible,
    (SELECT t.theme FROM activity_themes t WHERE t.activity_id = a.id AND t.is_primary) AS primary_theme,
    {themes} AS themes,
    a.deadline_raw,
    a.deadline_start,
    a.deadline_end,
    {year_of(dialect, 'a.deadline_start')} AS start_year,
    {year_of(dialect, 'COALESCE(a.deadline_end, a.deadline_start)')} AS end_year,
    a.recurrence,
    {org_types} AS party_org_types,
    {organisations} AS party_organisations,
    (SELECT COUNT(*) FROM parties p WHERE p.activity_id = a.id) AS n_parties,
    a.result,
    a.confidence
FROM activities a
JOIN documents d ON d.id = a.document_id
LEFT JOIN section_paths sp ON sp.id = a.section_id
WHERE d.superseded_by_id IS NULL
"""


REGION_THEME_SQL = """
CREATE VIEW region_theme_summary AS
SELECT f.region_code, f.region, t.theme, th.name AS theme_name,
       COUNT(*) AS n_activities,
       SUM(CASE WHEN t.is_primary THEN 1 ELSE 0 END) AS n_primary,
       COUNT(DISTINCT f.document_id) AS n_documents
FROM activity_facts f
JOIN activity_themes t ON t.activity_id = f.activity_id
LEFT JOIN themes th ON th.id = t.theme
GROUP BY f.region_code, f.region, t.theme, th.name
"""

REGION_ORG_TYPE_SQL = """
CREATE VIEW region_org_type_summary AS
SELECT f.region_code, f.region, COALESCE(o.org_type, 'unresolved') AS org_type,
       COUNT(DISTINCT f.activity_id) AS n_activities,
       COUNT(*) AS n_parties,
       COUNT(DISTINCT o.id) AS n_organisations
FROM activity_facts f
JOIN parties p ON p.activity_id = f.activity_id
LEFT JOIN organisations o ON o.id = p.organisation_id
GROUP BY f.region_code, f.region, COALESCE(o.org_type, 'unresolved')
"""

REGION_YEAR_SQL = f"""
CREATE VIEW region_year_summary AS
WITH RECURSIVE bounds(lo, hi) AS (
    SELECT MIN(start_year), MAX(end_year) FROM activity_facts
),
years(year) AS (
    SELECT lo FROM bounds WHERE lo IS NOT NULL
    UNION ALL
    SELECT y.year + 1 FROM years y, bounds b WHERE y.year < b.hi AND y.year < b.lo + {MAX_YEAR_SPAN}
)
SELECT f.region_code, f.region, y.year,
       COUNT(*) AS n_active,
       SUM(CASE WHEN f.start_year = y.year THEN 1 ELSE 0 END) AS n_starting,
       SUM(CASE WHEN f.end_year = y.year THEN 1 ELSE 0 END) AS n_due
FROM activity_facts f
JOIN years y ON y.year BETWEEN f.start_year AND f.end_year
GROUP BY f.region_code, f.region, y.year
"""


def create_views() -> None:
    dialect = op.get_bind().dialect.name
    for sql in (activity_facts_sql(dialect), REGION_THEME_SQL, REGION_ORG_TYPE_SQL, REGION_YEAR_SQL):
        op.execute(sql)


def drop_views() -> None:
    for name in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {name}")


def upgrade() -> None:
    create_views()


def downgrade() -> None:
    drop_views()
