"""Quarantine is for documents: a mistyped path is a usage error; ``quarantine list / show /
drop / retry`` with drop keeping an audit row."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import assert_refused, run


def test_missing_path_is_a_usage_error_not_a_quarantine_row(tmp_path, small_docx):
    db = tmp_path / "q.db"
    missing = tmp_path / "kaluga_2O21.docx"
    result = run("ingest", small_docx, missing, "--db", f"sqlite:///{db}")
    assert_refused(result, 2, f"no such file: {missing}", stage="arguments")
    assert not db.exists()  # checked before anything: not even the good file was ingested


def test_a_folder_without_documents_is_a_usage_error(tmp_path):
    (tmp_path / "notes.txt").write_text("no roadmap here", encoding="utf-8")
    result = run("ingest", tmp_path, "--db", f"sqlite:///{tmp_path}/q.db")
    assert_refused(result, 2, f"{tmp_path}: is a folder with no document file in it")


def _quarantine_one(tmp_path: Path) -> tuple[str, Path]:
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    url = f"sqlite:///{tmp_path}/q.db"
    result = run("ingest", bad, "--db", url)
    assert result.exit_code == 1 and "quarantine list" in result.output
    return url, bad


def _listed(url: str, *flags: str) -> list[dict]:
    result = run("quarantine", "list", "--db", url, "--json", *flags)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_list_show_drop_keeps_an_audit_row(tmp_path):
    url, bad = _quarantine_one(tmp_path)
    run("ingest", bad, "--db", url)  # a second attempt
    entries = _listed(url)
    assert [(e["source"], e["attempt"], e["status"]) for e in entries] == [
        (str(bad), 1, "open"), (str(bad), 2, "open")]

    table = run("quarantine", "list", "--db", url)
    assert table.exit_code == 0 and str(entries[0]["id"]) in table.output and "sniff" in table.output

    shown = run("quarantine", "show", str(entries[1]["id"]), "--db", url, "--json")
    assert shown.exit_code == 0
    detail = json.loads(shown.stdout)
    assert detail["source"] == str(bad) and detail["stage"] == "sniff" and len(detail["history"]) == 2
    assert "sniff" in run("quarantine", "show", str(entries[1]["id"]), "--db", url).output

    dropped = run("quarantine", "drop", str(entries[0]["id"]), "--db", url, "--reason", "not a roadmap")
    assert dropped.exit_code == 0, dropped.output
    assert f"dropped 2 entries of {bad}" in dropped.output
    assert _listed(url) == []
    audit = _listed(url, "--all")
    assert [e["status"] for e in audit] == ["dropped", "dropped"]
    assert all(e["dropped_at"] and e["drop_reason"] == "not a roadmap" for e in audit)

    retried = run("quarantine", "retry", "--db", url)
    assert retried.exit_code == 0 and "nothing to retry" in retried.output
    again = run("quarantine", "drop", str(entries[0]["id"]), "--db", url)
    assert again.exit_code == 0 and "nothing to drop" in again.output


def test_unknown_entry_id(tmp_path):
    url, _ = _quarantine_one(tmp_path)
    for command in ("show", "drop"):
        result = run("quarantine", command, "999", "--db", url)
        assert_refused(result, 2, "no quarantine entry #999", stage="quarantine")


def test_a_later_failure_of_a_dropped_source_is_open_again(tmp_path):
    url, bad = _quarantine_one(tmp_path)
    [entry] = _listed(url)
    assert run("quarantine", "drop", str(entry["id"]), "--db", url).exit_code == 0
    run("ingest", bad, "--db", url)
    [reopened] = _listed(url)
    assert reopened["attempt"] == 2 and reopened["status"] == "open"
