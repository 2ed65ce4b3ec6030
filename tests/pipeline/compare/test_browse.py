"""browse: Datasette metadata from metadata.yml, canned queries and full-text search, via the in-process test client."""

import asyncio
import sqlite3
from pathlib import Path

import pytest

from pipeline.compare.browse import METADATA_PATH, canned_queries, datasette_metadata, make_datasette, sqlite_path
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


def test_search_canned_query_takes_plain_words_in_any_form(datasette):
    rows = _get_rows(datasette, "/roadmaps/search_activities.json?q=демонстрационный&_shape=array")
    assert rows and all("демонстрационн" in (r["title"] + r["responsible"]).lower() for r in rows)
    assert any("демонстрационного" in r["title"] for r in rows)   # the word as printed is inflected
    prefix = _get_rows(datasette, "/roadmaps/search_activities.json?q=профориент*&_shape=array")
    assert prefix
    assert _get_rows(datasette, "/roadmaps/search_activities.json?q=&_shape=array") == []
    assert _get_rows(datasette, "/roadmaps/search_activities.json?q=%22%3A%28&_shape=array") == []


def test_table_search_box_matches_the_dictionary_form(datasette):
    table = _get_rows(datasette, "/roadmaps/activities.json?_search=экзамен*&_shape=array")
    assert table
    lemma = _get_rows(datasette, "/roadmaps/activities.json?_search=экзамен&_shape=array&_size=max")
    assert any("экзамена" in (r["title"] or "") for r in lemma)


def test_every_canned_query_is_listed_and_metadata_has_licence(datasette):
    meta = datasette_metadata("roadmaps")
    assert meta["license"] and meta["source"] and meta["title"]
    assert set(canned_queries()) >= {"theme_across_regions", "who_does_what", "due_in_period", "search_activities",
                                     "two_regions_by_theme", "organisation_types_by_region"}
    info = _get_rows(datasette, "/roadmaps.json")
    assert {q["name"] for q in info["queries"]} >= set(canned_queries())


def test_metadata_comes_from_the_yml_under_the_served_files_name(tmp_path):
    import yaml

    raw = yaml.safe_load(METADATA_PATH.read_text(encoding="utf-8"))
    meta = datasette_metadata("five")
    assert list(meta["databases"]) == ["five"]
    assert meta["databases"]["five"] == raw["databases"]["roadmaps"]
    assert meta["title"] == raw["title"]


def test_table_metadata_reaches_datasette(datasette):
    table = _get_rows(datasette, "/roadmaps/activity_facts.json?_size=1")
    assert set(table["facet_results"]) >= {"region_code", "primary_theme", "recurrence"}
    assert len(table["facet_results"]["region_code"]["results"]) >= 3


def test_every_other_canned_query_runs(datasette):
    params = {"theme_across_regions": "theme=exams", "who_does_what": "org_type=&organisation=&region_code=",
              "due_in_period": "year=2023&quarter=", "search_activities": "q=экзамены",
              "two_regions_by_theme": "region_a=RU-KLU&region_b=ru-amu"}
    for name in canned_queries():
        rows = _get_rows(datasette, f"/roadmaps/{name}.json?{params.get(name, '')}&_shape=array")
        assert rows, name


def test_browse_needs_sqlite():
    with pytest.raises(ValueError, match="SQLite"):
        sqlite_path("postgresql://u@localhost/roadmaps")
    assert sqlite_path("sqlite:///x/y.db") == Path("x/y.db")
