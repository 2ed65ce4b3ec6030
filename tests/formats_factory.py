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
