"""browse: Datasette metadata, canned queries and FTS5 over titles, via the in-process test client."""

import asyncio
import sqlite3
from pathlib import Path

import pytest

from pipeline.compare.browse import canned_queries, datasette_metadata, make_datasette, prepare_fts, sqlite_path
from tests.pipeline.compare.five_regions import shared_five_region_db


def copy_db(src: Path, dst: Path) -> Path:
    """A consistent copy of a WAL-mode SQLite file (sqlite3 backup API, not a byte copy)."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


@pytest.fixture(scope="module")
def datasette(tmp_path_factory):
    src = sqlite_path(shared_five_region_db())
    path = tmp_path_factory.mktemp("browse") / "roadmaps.db"
    return make_datasette(copy_db(src, path))


def _get_rows(ds, path: str) -> list[dict]:
    async def fetch():
        return await ds.client.get(path)
    res = asyncio.run(fetch())
    assert res.status_code == 200, (path, res.text[:300])
    return res.json()


def test_theme_across_regions_returns_rows_from_several_regions(datasette):
    rows = _get_rows(datasette, "/roadmaps/theme_across_regions.json?theme=career_guidance&_shape=array")
    assert len({r["region_code"] for r in rows}) >= 3
    assert {r["role"] for r in rows} <= {"primary", "also"}


def test_who_does_what_filters_by_org_type(datasette):
    rows = _get_rows(datasette, "/roadmaps/who_does_what.json?org_type=&organisation=&region_code=&_shape=array")
    assert rows
    org_type = rows[0]["org_type"]
    some = _get_rows(datasette, f"/roadmaps/who_does_what.json?org_type={org_type}&organisation=&region_code="
                                "&_shape=array")
    assert some and {r["org_type"] for r in some} == {org_type}


def test_due_in_year_and_quarter(datasette):
    year = _get_rows(datasette, "/roadmaps/due_in_period.json?year=2023&quarter=&_shape=array")
    q1 = _get_rows(datasette, "/roadmaps/due_in_period.json?year=2023&quarter=1&_shape=array")
    assert year and q1 and len(q1) <= len(year)
    assert {r["status"] for r in year} <= {"due", "ongoing"}
    assert all(r["deadline_start"] <= "2023-03-31" for r in q1)


def test_full_text_search_over_titles(datasette):
    rows = _get_rows(datasette, "/roadmaps/search_titles.json?q=демонстрационного&_shape=array")
    assert rows and all("демонстрационн" in r["title"].lower() for r in rows)
    prefix = _get_rows(datasette, "/roadmaps/search_titles.json?q=профориент*&_shape=array")
    assert prefix
    table = _get_rows(datasette, "/roadmaps/activities.json?_search=экзамен*&_searchmode=raw&_shape=array")
    assert table


def test_every_canned_query_is_listed_and_metadata_has_licence(datasette):
    meta = datasette_metadata("roadmaps")
    assert meta["license"] and meta["source"] and meta["title"]
    assert set(canned_queries()) >= {"theme_across_regions", "who_does_what", "due_in_period", "search_titles"}
    info = _get_rows(datasette, "/roadmaps.json")
    assert {q["name"] for q in info["queries"]} >= set(canned_queries())


def test_fts_rebuild_is_idempotent(tmp_path):
    path = tmp_path / "copy.db"
    copy_db(sqlite_path(shared_five_region_db()), path)
    assert prepare_fts(path) == prepare_fts(path) > 0


def test_browse_needs_sqlite():
    with pytest.raises(ValueError, match="SQLite"):
        sqlite_path("postgresql://u@localhost/roadmaps")
    assert sqlite_path("sqlite:///x/y.db") == Path("x/y.db")
