"""File names and document text are printed literally: Rich markup in them is not interpreted."""

from __future__ import annotations

import json

from tests.cli.conftest import assert_refused, run

STYLED = "[bold red]x.pdf"
LINKED = "[link=https:evil.example]click me.pdf"  # no "/" in a file name: the tag stays open


def test_a_file_name_with_markup_is_shown_as_is(tmp_path):
    for name in (STYLED, LINKED):
        bad = tmp_path / name
        bad.write_bytes(b"not a document at all")
        result = run("ingest", bad, "--db", f"sqlite:///{tmp_path}/e.db")
        assert result.exit_code == 1, result.output
        [line] = [l for l in result.output.splitlines() if l.startswith("error")]
        assert str(bad) in line, line  # the brackets are still there: nothing was styled away


def test_a_missing_file_with_markup_in_its_name(tmp_path):
    missing = tmp_path / STYLED
    result = run("ingest", missing, "--db", f"sqlite:///{tmp_path}/e.db")
    assert_refused(result, 2, f"no such file: {missing}")


def test_quarantine_listing_escapes_sources_and_errors(tmp_path, monkeypatch):
    from cli.common import console

    monkeypatch.setattr(console, "_width", 400)  # wide enough that no table cell is folded
    bad = tmp_path / LINKED
    bad.write_bytes(b"")
    url = f"sqlite:///{tmp_path}/e.db"
    run("ingest", bad, "--db", url)
    listed = run("quarantine", "list", "--db", url)
    assert listed.exit_code == 0
    assert str(bad) in listed.output
    entry_id = json.loads(run("quarantine", "list", "--db", url, "--json").stdout)[0]["id"]
    shown = run("quarantine", "show", str(entry_id), "--db", url)
    assert f"source: {bad}" in shown.output
