"""Make tests/data/doc/merged_tables.doc and numbered.doc, the .doc files of tests/extractors/test_doc_binary.py.

Run from the repository root: ``python tests/data/doc/make_doc.py`` (needs python-docx and
LibreOffice's ``soffice``). The DOCX of ``tests.formats_factory.merged_tables_docx`` (and of
``numbered_docx``) is saved as Word 97-2003 by LibreOffice (``--convert-to doc``, straight from the DOCX, as
analysts make .doc renditions); only the .doc is kept.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from tests.formats_factory import libreoffice_render, merged_tables_docx, numbered_docx  # noqa: E402

HERE = Path(__file__).resolve().parent


def main() -> None:
    for name, make in (("merged_tables", merged_tables_docx), ("numbered", numbered_docx)):
        with tempfile.TemporaryDirectory() as tmp:
            docx = make(Path(tmp) / f"{name}.docx")
            doc = libreoffice_render(docx, "doc", Path(tmp) / f"{name}.doc")
            shutil.copyfile(doc, HERE / f"{name}.doc")
        print(HERE / f"{name}.doc")


if __name__ == "__main__":
    main()
