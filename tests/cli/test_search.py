"""``roadmaps search`` and the README's Search section: every example line runs exactly as written.

The README promises rows (``# finds: RU-KEM 1.2, …``) on the sample database; here each example is
run against the five-region test database (the three DOCX samples of data/raw plus two small built
documents), the CLI lines through the real command, the Datasette URLs through Datasette's
in-process client, and every promised (region, number) must be in what comes back.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
import shlex
import sqlite3
from urllib.parse import urlsplit

import pytest

from pipeline.compare.browse import make_datasette, sqlite_path
from tests.cli.conftest import assert_refused, run
from tests.conftest import ROOT
from tests.pipeline.compare.five_regions import shared_five_region_db

README = ROOT / "README.md"
FINDS = re.compile(r"#\s*finds:\s*(.+)$")


def search_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("### Search")
    end = text.index("\n## ", start)
    return text[start:end]


def examples(kind: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(command or URL, promised (region, number) rows) of each README line of that kind."""
    out = []
    for line in search_section().splitlines():
        m = FINDS.search(line)
        if not m:
            continue
        what = line[:m.start()].strip()
        promised = [tuple(item.split()) for item in m.group(1).split(",")]
        if (kind == "cli") == what.startswith(".venv/bin/roadmaps search"):
            out.append((what, promised))
    return out


def rows_of(output: str, fmt: str) -> set[tuple[str, str]]:
    if fmt == "json":
        return {(r["region_code"], r["number"]) for r in json.loads(output)}
    if fmt == "csv":
        return {(r["region_code"], r["number"]) for r in csv.DictReader(io.StringIO(output))}
    lines = output.splitlines()
    assert lines[0].split()[:3] == ["region_code", "number", "snippet"]
    return {tuple(line.split()[:2]) for line in lines[1:]}


def test_the_readme_has_search_examples_of_both_kinds():
    assert len(examples("cli")) >= 4 and len(examples("url")) >= 2
    assert any("профориентация" in cmd for cmd, _ in examples("cli"))


@pytest.mark.parametrize("command,promised", examples("cli"), ids=lambda v: v if isinstance(v, str) else "")
def test_readme_cli_example(command, promised):
    args = shlex.split(command)[2:]           # after ".venv/bin/roadmaps search"
    fmt = args[args.index("--format") + 1] if "--format" in args else "table"
    result = run("search", *args, "--db", shared_five_region_db())
    assert result.exit_code == 0, result.output
    found = rows_of(result.stdout, fmt)
    assert set(promised) <= found, (command, sorted(found))


@pytest.fixture(scope="module")
def datasette(tmp_path_factory):
    path = tmp_path_factory.mktemp("readme") / "roadmaps.db"   # served as /roadmaps, like the sample database
    with sqlite3.connect(sqlite_path(shared_five_region_db())) as a, sqlite3.connect(path) as b:
        a.backup(b)
    return make_datasette(path)


def _get(ds, path: str):
    res = asyncio.run(ds.client.get(path))
    assert res.status_code == 200, (path, res.text[:300])
    return res.json()


@pytest.mark.parametrize("url,promised", examples("url"), ids=lambda v: v if isinstance(v, str) else "")
def test_readme_datasette_example(datasette, url, promised):
    parts = urlsplit(url)
    assert parts.netloc == "127.0.0.1:8001"
    rows = _get(datasette, f"{parts.path}.json?{parts.query}&_shape=array&_size=max")
    if parts.path.endswith("/activities"):
        regions = {d["id"]: d["region_code"] for d in _get(datasette, "/roadmaps/documents.json?_shape=array")}
        found = {(regions[r["document_id"]], r["number"]) for r in rows}
    else:
        found = {(r["region_code"], r["number"]) for r in rows}
    assert set(promised) <= found, (url, sorted(found))


def test_search_table_json_and_csv_agree():
    url = shared_five_region_db()
    outs = {fmt: run("search", "работодатели", "--format", fmt, "--db", url) for fmt in ("table", "json", "csv")}
    assert all(r.exit_code == 0 for r in outs.values())
    sets = {fmt: rows_of(r.stdout, fmt) for fmt, r in outs.items()}
    assert sets["table"] == sets["json"] == sets["csv"] and len(sets["json"]) >= 5
    hits = json.loads(outs["json"].stdout)
    assert any("[работодателями]" in h["snippet"] for h in hits)
    assert set(hits[0]) == {"activity_id", "document_id", "document", "region_code", "region", "number",
                            "title", "snippet"}


def test_limit_and_region_filter():
    url = shared_five_region_db()
    few = json.loads(run("search", "работодатели", "--limit", "2", "--format", "json", "--db", url).stdout)
    assert len(few) == 2
    klu = json.loads(run("search", "работодатели", "--region", "ru-klu", "--format", "json", "--db", url).stdout)
    assert klu and {h["region_code"] for h in klu} == {"RU-KLU"}


def test_refusals_are_one_line():
    url = shared_five_region_db()
    assert_refused(run("search", "!!!", "--db", url), 2, "has no words to look for", stage="search")
    assert_refused(run("search", "x", "--format", "xml", "--db", url), 2, "--format 'xml'")
    assert_refused(run("search", "x", "--region", "RU-XXX", "--db", url), 2, "no rows for region RU-XXX")


def test_no_match_says_so():
    result = run("search", "гиппопотам", "--db", shared_five_region_db())
    assert result.exit_code == 0 and "no activity matches 'гиппопотам'" in result.stderr
    assert result.stdout.strip() == "(no rows)"
