"""`roadmaps ingest` of one document from several files: one document in compare and export,
and the ingest summary names the file it duplicates."""

from __future__ import annotations

import json

from tests.cli.conftest import run
from tests.conftest import sample
from tests.docx_factory import make_docx
from tests.formats_factory import libreoffice_render

ROWS = [["1", "Проведение совещания с профессиональными образовательными организациями",
         "министерство образования Тульской области", "Январь – март 2023 г.", "Проведено совещание"],
        ["2", "Разработка программы профориентации", "ЦОПП", "Ежегодно", "Программа"]]
BEFORE = ["МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТУЛЬСКОЙ ОБЛАСТИ", "ПРИКАЗ", "от 16 декабря 2022 г. № 2714",
          "Дорожная карта опережающего развития профессионального образования Тульской области на 2023-2025 гг."]


def _ingest_json(url: str, *paths) -> dict[str, dict]:
    result = run("ingest", *paths, "--db", url, "--json")
    assert result.exit_code == 0, result.output
    return {e["source"]: e for e in json.loads(result.stdout)}


def _compare_documents(url: str) -> set[int]:
    result = run("compare", "--by", "theme", "--format", "json", "--db", url)
    assert result.exit_code == 0, result.output
    return {row["n_documents"] for row in json.loads(result.stdout)}


def _export(url: str, tmp_path) -> list[dict]:
    out = tmp_path / "export.json"
    assert run("export", "--format", "json", "--db", url, "-o", out).exit_code == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_docx_and_pdf_of_one_document_are_one_document(tmp_path, db_url):
    docx = make_docx(tmp_path / "tula.docx", ROWS, before=BEFORE)
    pdf = libreoffice_render(docx, "pdf", tmp_path / "tula.pdf")
    entries = _ingest_json(db_url, pdf, docx)
    assert all(e["status"] == "loaded" for e in entries.values())
    assert entries[str(pdf)]["rendition_of"] == str(docx)
    assert entries[str(pdf)]["note"] == f"same document as {docx} (rendition)"
    assert entries[str(docx)]["rendition_of"] is None and entries[str(docx)]["renditions"] == [str(pdf)]
    assert _compare_documents(db_url) == {1}
    (doc,) = _export(db_url, tmp_path)
    assert doc["document"]["source"] == str(docx) and len(doc["activities"]) == 2
    assert doc["document"]["renditions"] == [{"source": str(pdf), "file_format": "pdf", "rendition": "pdf"}]
    table = run("ingest", pdf, docx, "--db", db_url)   # unchanged now: nothing to say about renditions
    assert table.exit_code == 0 and "same document as" not in table.output


def test_sample_as_docx_pdf_and_scan_is_one_document(tmp_path, db_url):
    docx, pdf, scan = (str(sample(f"kaluga_2021{s}")) for s in (".docx", ".pdf", "_scan.pdf"))
    entries = _ingest_json(db_url, docx, pdf, scan)
    assert [entries[s]["note"] for s in (pdf, scan)] == [f"same document as {docx} (rendition)"] * 2
    assert _compare_documents(db_url) == {1}
    (doc,) = _export(db_url, tmp_path)
    assert doc["document"]["source"] == docx
    assert [(r["source"], r["rendition"]) for r in doc["document"]["renditions"]] == [(pdf, "pdf"), (scan, "scan")]
