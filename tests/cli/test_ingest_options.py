"""``roadmaps ingest`` takes folders and globs, runs a process pool (--workers) and prints one
JSON list on stdout (--json) with the summary on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import assert_refused, run
from tests.docx_factory import make_docx
from tests.pipeline.compare.five_regions import IRKUTSK_BEFORE, IRKUTSK_ROWS, TULA_BEFORE, TULA_ROWS

ENTRY_KEYS = {"source", "status", "stage", "error", "activities", "flagged", "seconds",
              "rendition_of", "renditions", "note"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two roadmaps (one in a subfolder), a text file and a hidden folder that are not ingested."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    make_docx(root / "tula_2023.docx", TULA_ROWS, before=TULA_BEFORE)
    make_docx(root / "sub" / "irkutsk_2020.docx", IRKUTSK_ROWS, before=IRKUTSK_BEFORE)
    (root / "notes.txt").write_text("not a roadmap", encoding="utf-8")
    (root / ".hidden" / "copy.docx").write_bytes((root / "tula_2023.docx").read_bytes())
    return root


def _json_entries(result) -> list[dict]:
    entries = json.loads(result.stdout)   # stdout holds the JSON and nothing else
    assert all(set(e) == ENTRY_KEYS for e in entries)
    return entries


def test_a_folder_with_two_workers_gives_one_json_entry_per_file(folder, tmp_path):
    url = f"sqlite:///{tmp_path}/w.db"
    result = run("ingest", folder, "--workers", "2", "--json", "--db", url)
    assert result.exit_code == 0, result.output
    entries = _json_entries(result)
    assert [Path(e["source"]).name for e in entries] == ["irkutsk_2020.docx", "tula_2023.docx"]
    assert all(e["status"] == "loaded" and e["activities"] > 0 and e["seconds"] > 0 for e in entries)
    assert "Ingest summary" in result.stderr and "Ingest summary" not in result.stdout
    again = _json_entries(run("ingest", folder, "--workers", "2", "--json", "--db", url))
    assert [e["status"] for e in again] == ["unchanged", "unchanged"]


def test_a_glob_and_a_failed_file_in_the_json(folder, tmp_path):
    bad = folder / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    result = run("ingest", str(folder / "*.docx"), bad, "--json", "--db", f"sqlite:///{tmp_path}/g.db")
    assert result.exit_code == 1
    entries = _json_entries(result)
    assert [(Path(e["source"]).name, e["status"]) for e in entries] == [("tula_2023.docx", "loaded"),
                                                                       ("broken.pdf", "failed")]
    assert entries[1]["stage"] and entries[1]["error"]


def test_a_glob_that_matches_nothing_is_a_usage_error(tmp_path):
    result = run("ingest", str(tmp_path / "*.pdf"), "--db", f"sqlite:///{tmp_path}/n.db")
    assert_refused(result, 2, f"no such file: {tmp_path / '*.pdf'}")
    assert not (tmp_path / "n.db").exists()


def test_workers_must_be_positive(tmp_path, small_docx):
    result = run("ingest", small_docx, "--workers", "0", "--db", f"sqlite:///{tmp_path}/z.db")
    assert result.exit_code == 2


def test_two_workers_load_good_files_and_quarantine_a_broken_one_and_skip_known_bytes(folder, tmp_path):
    from pipeline.ingest import list_quarantine

    bad = folder / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip at all")
    url = f"sqlite:///{tmp_path}/p.db"
    result = run("ingest", folder, "--workers", "2", "--json", "--db", url)
    assert result.exit_code == 1
    by_name = {Path(e["source"]).name: e for e in _json_entries(result)}
    assert {n: e["status"] for n, e in by_name.items()} == {
        "broken.docx": "failed", "irkutsk_2020.docx": "loaded", "tula_2023.docx": "loaded"}
    assert by_name["broken.docx"]["stage"] and "broken.docx" in by_name["broken.docx"]["error"]
    assert [q["source"] for q in list_quarantine(url)] == [str(bad)]
    bad.unlink()
    again = _json_entries(run("ingest", folder, "--workers", "2", "--json", "--db", url))
    assert [(e["status"], e["seconds"]) for e in again] == [("unchanged", 0.0), ("unchanged", 0.0)]
