"""Format detection from the bytes only: every accepted format under a wrong name, and refusals."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from extractors import extract, sniff
from extractors.formats import detect, detect_file
from extractors.grid import ExtractionError
from pipeline.ingest import export_json, ingest_path, list_quarantine
from tests.conftest import RAW
from tests.docx_factory import make_docx

HTML_PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><p>Приказ</p>"
             "<table><tr><td>1</td><td>Мероприятие</td></tr></table></body></html>").encode("utf-8")
RTF = b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} \\f0 Hello\\par }"


def _odf_zip(mimetype: str, manifest: str = "<manifest:manifest/>") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", "<office:document-content/>")
        z.writestr("META-INF/manifest.xml", manifest)
    return buf.getvalue()


def _samples(tmp_path: Path) -> dict[str, bytes]:
    docx = make_docx(tmp_path / "g.docx", [["1", "a", "b", "c", "d"]]).read_bytes()
    return {
        "pdf": b"%PDF-1.4\n" + b"0" * 200 + b"\n%%EOF\n",
        "docx": docx,
        "odt": _odf_zip("application/vnd.oasis.opendocument.text"),
        "doc": (RAW / "kaluga_2021.doc").read_bytes(),
        "rtf": RTF,
        "html": HTML_PAGE,
    }


@pytest.mark.parametrize("misleading", [".pdf", ".docx", ".txt", ""])
def test_every_format_is_told_by_its_bytes_not_its_name(tmp_path, misleading):
    for kind, data in _samples(tmp_path).items():
        path = tmp_path / f"file_{kind}{misleading}"
        path.write_bytes(data)
        assert sniff(data) == kind
        assert detect_file(str(path)) == kind


@pytest.mark.parametrize("prefix", [b"\xef\xbb\xbf", b"  \r\n", b"<?xml version='1.0'?>\n",
                                    b"<!-- saved from url=(0042)https://pravo.example.ru/ -->\n"])
def test_html_with_bom_xml_declaration_or_leading_comment(prefix):
    assert detect(prefix + HTML_PAGE) == "html"
    assert detect(b"\xef\xbb\xbf" + RTF) == "rtf"


def test_html_error_page_without_a_table_is_refused_at_sniff():
    page = b"<!DOCTYPE html><html><body><h1>404 Not Found</h1><p>nginx</p></body></html>"
    with pytest.raises(ExtractionError) as err:
        detect(page)
    assert err.value.stage == "sniff" and "HTML page with no table" in str(err.value)


def test_encrypted_docx_is_refused_as_password_protected(tmp_path, db_url):
    pytest.importorskip("msoffcrypto")
    from tests.formats_factory import encrypt_docx

    enc = encrypt_docx(make_docx(tmp_path / "plain.docx", [["1", "a", "b", "c", "d"]]), tmp_path / "locked.docx")
    assert enc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"     # an OLE file, not a zip
    with pytest.raises(ExtractionError) as err:
        extract(enc)
    assert err.value.stage == "sniff" and "password-protected" in str(err.value)
    assert str(enc) in str(err.value)
    out = ingest_path(str(enc), db_url)
    assert out.status == "failed" and out.stage == "sniff" and "password-protected" in out.error
    assert export_json(db_url) == []


def test_word97_with_the_encryption_flag_is_refused_as_password_protected(tmp_path):
    olefile = pytest.importorskip("olefile")
    doc = tmp_path / "locked.doc"
    shutil.copyfile(RAW / "kaluga_2021.doc", doc)
    ole = olefile.OleFileIO(str(doc), write_mode=True)
    fib = bytearray(ole.openstream("WordDocument").read())
    fib[11] |= 0x01                       # FibBase flags (offset 10), bit 0x0100: fEncrypted
    ole.write_stream("WordDocument", bytes(fib))
    ole.close()
    with pytest.raises(ExtractionError, match="password-protected"):
        detect_file(str(doc))


def test_truncated_doc_is_a_clear_open_error(tmp_path, db_url):
    doc = tmp_path / "cut.doc"
    doc.write_bytes((RAW / "kaluga_2021.doc").read_bytes()[:3000])
    out = ingest_path(str(doc), db_url)
    assert out.status == "failed" and out.stage == "open"
    assert str(doc) in out.error and "OLE" in out.error and "Traceback" not in out.error
    assert export_json(db_url) == []
    assert [q["stage"] for q in list_quarantine(db_url)] == ["open"]


@pytest.mark.parametrize("data,words", [
    (_odf_zip("application/vnd.oasis.opendocument.spreadsheet"), "opendocument.spreadsheet"),
    (b"PK\x03\x04" + b"\0" * 100, "damaged zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "damaged OLE"),
    (b"Just some plain text, no markup", "unknown file type"),
    (b"", "empty"),
])
def test_other_files_are_refused_saying_what_they_are(data, words):
    with pytest.raises(ExtractionError) as err:
        detect(data)
    assert words in str(err.value)


def test_password_protected_odt_is_refused():
    manifest = ('<manifest:manifest><manifest:file-entry manifest:full-path="content.xml">'
                '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry>'
                '</manifest:manifest>')
    with pytest.raises(ExtractionError, match="password-protected"):
        detect(_odf_zip("application/vnd.oasis.opendocument.text", manifest))


def test_zip_without_a_document_is_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ExtractionError, match="neither a DOCX"):
        detect(buf.getvalue())
