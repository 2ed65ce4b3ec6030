"""compare: five regions in one database, every axis and format, region filters, the views."""

import io
import json

import pandas as pd
import sqlalchemy as sa
from typer.testing import CliRunner

from cli import app
from pipeline.compare.views import compare, pivot, render
from pipeline.store.db import get_engine
from pipeline.ingest import ingest_path
from pipeline.store.theme_schema import VIEW_NAMES
from tests.docx_factory import make_docx
from tests.pipeline.compare.five_regions import FIVE_REGIONS, shared_five_region_db

runner = CliRunner()


def test_compare_by_theme_json_has_all_five_regions():
    url = shared_five_region_db()
    res = runner.invoke(app, ["compare", "--by", "theme", "--format", "json", "--db", url])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert {r["region_code"] for r in rows} == FIVE_REGIONS
    assert all(r["n_activities"] >= r["n_primary"] >= 0 for r in rows)
    primaries = pd.DataFrame(rows).groupby("region_code")["n_primary"].sum()
    totals = pd.DataFrame(rows).groupby("region_code")["region_activities"].first()
    assert (primaries == totals).all()  # one primary theme per activity


def test_region_filter_accepts_commas_and_any_case():
    url = shared_five_region_db()
    for by in ("theme", "org_type", "year", "recurrence"):
        df = compare(url, by, ["ru-klu,RU-AMU"])
        assert set(df["region_code"]) == {"RU-KLU", "RU-AMU"}, by


def test_every_axis_has_rows_and_region_codes():
    url = shared_five_region_db()
    years = compare(url, "year")
    assert len(set(years["region_code"])) >= 4 and (years["n_active"] > 0).all()
    orgs = compare(url, "org_type")
    assert len(set(orgs["region_code"])) >= 4
    rec = compare(url, "recurrence")
    assert set(rec["region_code"]) == FIVE_REGIONS
    assert (rec.groupby("region_code")["share"].sum().round(2) == 1.0).all()


def test_formats_csv_parquet_table(tmp_path):
    url = shared_five_region_db()
    res = runner.invoke(app, ["compare", "--by", "year", "--format", "csv", "--db", url])
    assert res.exit_code == 0
    assert set(pd.read_csv(io.StringIO(res.stdout))["region_code"]) <= FIVE_REGIONS
    out = tmp_path / "cmp.parquet"
    res = runner.invoke(app, ["compare", "--by", "theme", "--format", "parquet", "--db", url, "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert set(pd.read_parquet(out)["region_code"]) == FIVE_REGIONS
    assert b"region_code" in render(compare(url, "org_type"), "table")
    wide = pivot(compare(url, "theme"), "theme")
    assert set(wide.index) == FIVE_REGIONS


def test_bad_axis_is_a_clean_error():
    res = runner.invoke(app, ["compare", "--by", "colour", "--db", shared_five_region_db()])
    assert res.exit_code == 2


ROWS = [["1", "Проведение совещания", "ЦЗН", "Январь 2023 г.", "Совещание"]]
BEFORE = ["МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТУЛЬСКОЙ ОБЛАСТИ", "ПРИКАЗ", "от 16 декабря 2022 г. № 2714",
          "Дорожная карта развития профессионального образования Тульской области на 2023 год"]


def test_views_exist_and_show_only_the_newest_version(tmp_path, db_url):
    p = make_docx(tmp_path / "tula.docx", ROWS, before=BEFORE)
    ingest_path(str(p), db_url)
    make_docx(p, ROWS + [["2", "Мониторинг трудоустройства выпускников", "ЦОПП", "2023 г.", "Отчёт"]], before=BEFORE)
    assert ingest_path(str(p), db_url).status == "loaded"
    with get_engine(db_url).connect() as conn:
        names = set(sa.inspect(conn).get_view_names())
        assert set(VIEW_NAMES) <= names
        n_docs = conn.execute(sa.text("SELECT COUNT(DISTINCT document_id) FROM activity_facts")).scalar()
        n_acts = conn.execute(sa.text("SELECT COUNT(*) FROM activity_facts")).scalar()
    assert (n_docs, n_acts) == (1, 2)
