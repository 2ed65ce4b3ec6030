"""``roadmaps export --format json|csv|parquet`` and ``--region`` lists in every read command."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.ingest import ingest_path
from pipeline.store.export import DOCUMENT_KEYS
from tests.cli.conftest import assert_refused, run
from tests.docx_factory import make_docx
from tests.pipeline.compare.five_regions import IRKUTSK_BEFORE, IRKUTSK_ROWS, TULA_BEFORE, TULA_ROWS

FORMULA = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def two_regions(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path}/two.db"
    rows = [list(r) for r in TULA_ROWS]
    rows[0][4] = FORMULA
    for p in (make_docx(tmp_path / "tula_2023.docx", rows, before=TULA_BEFORE),
              make_docx(tmp_path / "irkutsk_2020.docx", IRKUTSK_ROWS, before=IRKUTSK_BEFORE)):
        assert ingest_path(str(p), url).status == "loaded"
    return url


def _contract(url: str, *regions: str) -> list[dict]:
    args = [a for r in regions for a in ("--region", r)]
    result = run("export", "--db", url, *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _expected_columns(docs: list[dict]) -> set[str]:
    return set(DOCUMENT_KEYS) | {k for d in docs for a in d["activities"] for k in a}


def test_csv_round_trips_with_the_contract_columns(two_regions):
    docs = _contract(two_regions)
    result = run("export", "--db", two_regions, "--format", "csv")
    assert result.exit_code == 0, result.output
    df = pd.read_csv(io.StringIO(result.stdout))
    assert set(df.columns) == _expected_columns(docs)
    assert len(df) == sum(len(d["activities"]) for d in docs)
    assert set(df["region_code"]) == {"RU-TUL", "RU-IRK"}
    parties = df["parties"].dropna().iloc[0]
    assert isinstance(json.loads(parties), list)          # lists and dicts are JSON text
    cells = [str(c) for c in df.to_numpy().ravel()]
    assert not any(c.startswith(("=", "+", "@")) for c in cells)   # formulas neutralised
    assert any(c == "'" + FORMULA for c in cells)


def test_parquet_round_trips(two_regions, tmp_path):
    out = tmp_path / "acts.parquet"
    result = run("export", "--db", two_regions, "--format", "parquet", "-o", out, "--region", "RU-TUL")
    assert result.exit_code == 0, result.output
    df = pd.read_parquet(out)
    docs = _contract(two_regions, "RU-TUL")
    assert set(df.columns) == _expected_columns(docs)
    assert set(df["region_code"]) == {"RU-TUL"} and len(df) == len(docs[0]["activities"])


def test_parquet_needs_a_file_and_unknown_formats_are_refused(two_regions):
    assert_refused(run("export", "--db", two_regions, "--format", "parquet"), 2, "-o FILE.parquet")
    assert_refused(run("export", "--db", two_regions, "--format", "xml"), 2, "json, csv, parquet")


@pytest.mark.parametrize("args", [("--region", "RU-TUL,ru-irk"), ("--region", "RU-TUL", "--region", "RU-IRK"),
                                  ("--regions", "RU-TUL", "--region", "RU-IRK")])
def test_a_region_list_in_every_read_command(two_regions, args, tmp_path):
    export = run("export", "--db", two_regions, *args)
    assert {d["document"]["region_code"] for d in json.loads(export.stdout)} == {"RU-TUL", "RU-IRK"}
    compare = run("compare", "--db", two_regions, "--by", "theme", "--format", "json", *args)
    assert compare.exit_code == 0, compare.output
    report = run("report", "--db", two_regions, "-o", tmp_path / "report.html", *args)
    assert report.exit_code == 0, report.output
    only = run("export", "--db", two_regions, "--region", "RU-TUL")
    assert {d["document"]["region_code"] for d in json.loads(only.stdout)} == {"RU-TUL"}


def test_an_unknown_region_in_a_list_is_named(two_regions):
    assert_refused(run("export", "--db", two_regions, "--region", "RU-TUL,RU-XXX"), 2, "RU-XXX")
