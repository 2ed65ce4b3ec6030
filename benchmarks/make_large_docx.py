"""A synthetic roadmap DOCX with one very large activity table (for the large-table benchmark).

The table has the usual five columns (№, activity, responsible, deadline, result) under a
``w:tblHeader`` row, a section heading row (one cell spanning the grid, ``w:gridSpan``) every
``SECTION_EVERY`` rows, and the "responsible" cell merged down over pairs of rows
(``w:vMerge`` restart/continue), so the extractor's merge handling is exercised at scale.
Rows are written as XML strings, so 20,000 rows take about a second. Usage::

    .venv/bin/python benchmarks/make_large_docx.py OUT.docx [--rows 20000]
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

SECTION_EVERY = 50
YEARS = (2021, 2022, 2023, 2024)
ORGS = ("Министерство образования области", "ГАУ ДПО «Институт развития образования»",
        "Министерство труда и социальной защиты", "Органы местного самоуправления (по согласованию)")
HEADER = ("№ п/п", "Наименование мероприятия", "Ответственный исполнитель", "Срок реализации",
          "Ожидаемый результат")
GRID = (700, 4200, 2800, 1600, 3200)


def _cell(text: str, span: int = 1, vmerge: str | None = None, bold: bool = False) -> str:
    pr = ""
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    run = f"<w:r>{rpr}<w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r>" if text else ""
    return f"<w:tc><w:tcPr>{pr}</w:tcPr><w:p>{run}</w:p></w:tc>"


def _rows(n_rows: int) -> list[str]:
    out = ["<w:tr><w:trPr><w:tblHeader/></w:trPr>" + "".join(_cell(h, bold=True) for h in HEADER) + "</w:tr>"]
    section = 0
    item = 0
    for i in range(n_rows):
        if i % SECTION_EVERY == 0:
            section += 1
            item = 0
            out.append("<w:tr>" + _cell(f"{section}. Раздел {section}: развитие кадрового потенциала "
                                        f"направления {section}", span=5, bold=True) + "</w:tr>")
            continue
        item += 1
        year = YEARS[i % len(YEARS)]
        org = _cell(ORGS[i % len(ORGS)], vmerge="restart") if item % 2 == 1 else _cell("", vmerge="continue")
        out.append("<w:tr>" + _cell(f"{section}.{item}")
                   + _cell(f"Проведение мероприятия № {i} по профессиональной ориентации обучающихся "
                           f"и повышению квалификации педагогических работников")
                   + org + _cell(f"до 31 декабря {year} года")
                   + _cell(f"Охвачено не менее {100 + i % 900} человек") + "</w:tr>")
    return out


def document_xml(n_rows: int, title_suffix: str = "") -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in GRID)
    body = ("<w:p><w:r><w:t>ПРАВИТЕЛЬСТВО КАЛУЖСКОЙ ОБЛАСТИ</w:t></w:r></w:p>"
            "<w:p><w:r><w:t>РАСПОРЯЖЕНИЕ от 15 марта 2021 г. № 123-р</w:t></w:r></w:p>"
            f"<w:p><w:r><w:t>Об утверждении дорожной карты (плана мероприятий) по развитию "
            f"кадрового потенциала на 2021–2024 годы{escape(title_suffix)}</w:t></w:r></w:p>"
            f"<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
            + "".join(_rows(n_rows)) + "</w:tbl><w:p/>")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}<w:sectPr/></w:body></w:document>")


def make_large_docx(path: Path, n_rows: int = 20_000, title_suffix: str = "") -> Path:
    """Write the DOCX: python-docx's default package with our ``word/document.xml``."""
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = document_xml(n_rows, title_suffix).encode("utf-8") if item.filename == "word/document.xml" \
                else src.read(item.filename)
            dst.writestr(item, data)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--rows", type=int, default=20_000)
    args = ap.parse_args(argv)
    make_large_docx(args.out, args.rows)
    print(f"{args.out}: {args.rows} rows, {args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
