"""Test documents in the other published formats: LibreOffice renderings, macro and bomb files."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

from extractors.convert import run_libreoffice

TARGETS = {"doc": "doc:MS Word 97", "rtf": "rtf:Rich Text Format", "odt": "odt:writer8",
           "html": "html:HTML (StarWriter)", "pdf": "pdf:writer_pdf_Export"}

MACRO_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" \
script:language="StarBasic">Sub Main
Open "{marker}" For Output As #1
Print #1, "macro ran"
Close #1
End Sub
</script:module>
"""
SCRIPT_LC = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" \
xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
"""
SCRIPT_LB = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" \
library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Module1"/>
</library:library>
"""
ON_LOAD = ('<office:scripts><office:event-listeners><script:event-listener script:language="ooo:script" '
           'script:event-name="dom:load" xlink:type="simple" '
           'xlink:href="vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location=document"/>'
           '</office:event-listeners></office:scripts>')
MANIFEST_ENTRIES = ('<manifest:file-entry manifest:full-path="Basic/Standard/Module1.xml" manifest:media-type="text/xml"/>'
                    '<manifest:file-entry manifest:full-path="Basic/Standard/script-lb.xml" manifest:media-type="text/xml"/>'
                    '<manifest:file-entry manifest:full-path="Basic/script-lc.xml" manifest:media-type="text/xml"/>')


def libreoffice_render(src: Path, fmt: str, dst: Path) -> Path:
    """``src`` (a DOCX or ODT) saved by LibreOffice as ``fmt`` at ``dst``."""
    kind = src.suffix.lstrip(".")
    with tempfile.TemporaryDirectory(prefix="roadmaps-test-lo-") as tmp:
        out = run_libreoffice(str(src), kind, TARGETS[fmt], Path(tmp))
        shutil.copyfile(out, dst)
    return dst


def add_onload_macro(odt: Path, dst: Path, marker: Path) -> Path:
    """A copy of ``odt`` with a Basic macro bound to the document's load event, writing ``marker``."""
    with zipfile.ZipFile(odt) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "content.xml":
                text = data.decode("utf-8")
                if 'xmlns:script=' not in text:
                    text = text.replace("<office:document-content ",
                                        '<office:document-content xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" ', 1)
                head, sep, rest = text.partition("<office:font-face-decls")
                data = (head + ON_LOAD + sep + rest).encode("utf-8")
            elif info.filename == "META-INF/manifest.xml":
                data = data.replace(b"</manifest:manifest>", MANIFEST_ENTRIES.encode() + b"</manifest:manifest>")
            compress = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            zout.writestr(info, data, compress_type=compress)
        zout.writestr("Basic/script-lc.xml", SCRIPT_LC)
        zout.writestr("Basic/Standard/script-lb.xml", SCRIPT_LB)
        zout.writestr("Basic/Standard/Module1.xml", MACRO_MODULE.format(marker=marker))
    return dst


def encrypt_docx(src: Path, dst: Path, password: str = "secret") -> Path:
    """``src`` encrypted with a password (OOXML agile encryption: an OLE file with EncryptedPackage)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with open(src, "rb") as fin, open(dst, "wb") as fout:
        OOXMLFile(fin).encrypt(password, fout)
    return dst


def rtf_bomb(path: Path, depth: int = 100_000) -> Path:
    """An RTF nested ``depth`` groups deep."""
    path.write_bytes(b"{\\rtf1\\ansi " + b"{" * depth + b"x" + b"}" * depth + b"}")
    return path


def merged_tables_docx(path: Path) -> Path:
    """A DOCX exercising table structure: two header rows (tblHeader) with vertical and
    horizontal merges, bold header text, a section row across the table, a vertical and a
    horizontal merge in the body, a two-line cell, a table nested in a cell, a paragraph
    between two tables and text after the last one."""
    import docx

    from tests.docx_factory import mark_header

    d = docx.Document()
    d.add_paragraph("ПРИКАЗ")
    d.add_paragraph("от 1 марта 2023 г. № 15")
    t = d.add_table(rows=6, cols=5)
    t.style = "Table Grid"
    head = [["№", "Мероприятие", "Срок", None, "Исполнитель"], [None, None, "начало", "окончание", None]]
    for r, row in enumerate(head):
        for c, text in enumerate(row):
            if text:
                t.rows[r].cells[c].paragraphs[0].add_run(text).bold = True
        mark_header(t.rows[r])
    body = [["1", "Совещание", "январь", "март", "Минобр"],
            ["Раздел 2. Кадры", None, None, None, None],
            ["2", "Программа\nразвития", "2023", "2024", "ЦОПП"],
            ["3", "Мониторинг", "ежегодно", None, "ЦОПП"]]
    for r, row in enumerate(body, start=2):
        for c, text in enumerate(row):
            if text:
                t.cell(r, c).text = text

    def merge(r1: int, c1: int, r2: int, c2: int) -> None:
        first = t.cell(r1, c1).paragraphs[0]
        text, bold = first.text, any(run.bold for run in first.runs)
        m = t.cell(r1, c1).merge(t.cell(r2, c2))
        for p in m.paragraphs[1:]:          # python-docx joins the texts: keep the first cell's
            p._p.getparent().remove(p._p)
        m.paragraphs[0].text = ""
        m.paragraphs[0].add_run(text).bold = bold

    for box in [(0, 0, 1, 0), (0, 1, 1, 1), (0, 4, 1, 4), (0, 2, 0, 3), (3, 0, 3, 4), (4, 4, 5, 4), (5, 2, 5, 3)]:
        merge(*box)
    inner = t.cell(2, 1).add_table(rows=2, cols=2)
    for r in range(2):
        for c in range(2):
            inner.cell(r, c).text = f"вложенная {r}{c}"
    t.cell(2, 1).add_paragraph("после вложенной")
    d.add_paragraph("Текст между таблицами")
    t2 = d.add_table(rows=2, cols=3)
    t2.style = "Table Grid"
    for r in range(2):
        for c in range(3):
            t2.cell(r, c).text = f"Т2 {r}{c}"
    d.add_paragraph("Сокращения: ЦОПП – центр опережающей профессиональной подготовки")
    d.save(path)
    return path


def numbered_docx(path: Path, start_override: bool = False) -> Path:
    """A DOCX with automatic numbering: upper-roman body paragraphs (one list) and a three-level
    № column ("1.", "1.1.", "а)") in a table (another list); ``start_override`` adds a second
    instance of the table's list, starting at 5, for the first row."""
    import docx

    from tests.docx_factory import add_list, level_xml, mark_header, number_paragraph

    d = docx.Document()
    add_list(d, 10, [level_xml(0, text="%1."), level_xml(1, text="%1.%2."),
                     level_xml(2, fmt="russianLower", text="%3)")], [12, 13],
             start_overrides={13: {0: 5}} if start_override else None)
    add_list(d, 20, [level_xml(0, fmt="upperRoman", text="%1.")], [21])
    for text in ["Общие положения", "Цели"]:
        number_paragraph(d.add_paragraph(text), 21, 0)
    t = d.add_table(rows=6, cols=3)
    for i, h in enumerate(["№", "Мероприятие", "Срок"]):
        t.cell(0, i).text = h
    mark_header(t.rows[0])
    for r, ilvl in enumerate([0, 1, 1, 2, 0], start=1):
        number_paragraph(t.cell(r, 0).paragraphs[0], 13 if start_override and r == 1 else 12, ilvl)
        t.cell(r, 1).text = f"Мероприятие {r}"
        t.cell(r, 2).text = "2024"
    number_paragraph(d.add_paragraph("Заключение"), 21, 0)
    d.save(path)
    return path
