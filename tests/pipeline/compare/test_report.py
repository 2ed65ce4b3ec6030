"""report: one self-contained HTML file with SVG charts; checked in headless Chromium when installed."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.compare.report import heat_colour, svg_heatmap, timeline_rows
from tests.conftest import ROOT
from tests.pipeline.compare.five_regions import FIVE_REGIONS, shared_five_region_db

SCRIPT = ROOT / "scripts" / "screenshot_report.sh"


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    res = CliRunner().invoke(app, ["report", "-o", str(out), "--db", shared_five_region_db()])
    assert res.exit_code == 0, res.output
    return out


def test_report_is_self_contained_with_charts(report_file):
    html = report_file.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert html.count("<svg") >= 3
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)  # nothing fetched from a network
    assert "<script" not in html
    for region in FIVE_REGIONS:
        assert region in html
    assert "профориентация" in html and "nan" not in html


def test_heatmap_cells_carry_counts_and_tooltips():
    import pandas as pd

    counts = pd.DataFrame({"RU-AAA": [3, 0], "RU-BBB": [1, 2]}, index=["dual", "exams"])
    svg = svg_heatmap(counts, {"RU-AAA": 3, "RU-BBB": 4}, {"dual": "дуальное", "exams": "ГИА"})
    assert svg.count("<rect") == 4 and "дуальное — RU-AAA: 3 of 3 activities (100%)" in svg
    assert heat_colour(0) == "#ffffff" and heat_colour(5) == heat_colour(1)


def test_timeline_rows_keep_order_and_fill_missing_ends():
    import pandas as pd

    facts = pd.DataFrame({"region_code": ["RU-A", "RU-A", "RU-A"], "position": [0, 1, 2],
                          "deadline_start": ["2021-03-01", None, "2020-01-01"],
                          "deadline_end": [None, None, "2020-12-31"]})
    rows = timeline_rows(facts)
    assert list(rows["position"]) == [2, 0]
    assert rows.loc[1, "m1"] == rows.loc[1, "m0"]
    assert rows.loc[0, "m1"] - rows.loc[0, "m0"] == 11


@pytest.mark.skipif(shutil.which("chromium") is None,
                    reason="headless check needs Debian package `chromium` (apt-get install -y chromium)")
def test_report_opens_in_chromium_without_errors(report_file, tmp_path):
    png = tmp_path / "report.png"
    res = subprocess.run(["bash", str(SCRIPT), str(report_file), str(png), "1400x2000"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout + res.stderr
    assert png.stat().st_size > 20_000
    from PIL import Image

    with Image.open(png) as im:
        assert im.size == (1400, 2000)
        colours = im.convert("RGB").resize((140, 200)).getcolors(maxcolors=100_000)
        assert colours and len(colours) > 20  # charts drawn, not a blank page
