"""Make tests/data/doc/merged_tables.doc, the .doc of tests/extractors/test_doc_binary.py.

Run from the repository root: ``python tests/data/doc/make_doc.py`` (needs python-docx and
LibreOffice's ``soffice``). The DOCX of ``tests.formats_factory.merged_tables_docx`` is
saved as Word 97-2003 by LibreOffice (``--convert-to doc``, straight from the DOCX, as
analysts make .doc renditions); only the .doc is kept.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from tests.formats_factory import libreoffice_render, merged_tables_docx  # noqa: E402

HERE = Path(__file__).resolve().parent


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docx = merged_tables_docx(Path(tmp) / "merged_tables.docx")
        doc = libreoffice_render(docx, "doc", Path(tmp) / "merged_tables.doc")
        shutil.copyfile(doc, HERE / "merged_tables.doc")
    print(HERE / "merged_tables.doc")


if __name__ == "__main__":
    main()
