"""Build small roadmap DOCX files with python-docx for the tests (merged cells, headers, text)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HEADER = ["№ п/п", "Наименование мероприятия", "Ответственный исполнитель", "Срок реализации",
          "Ожидаемый результат"]


def mark_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def make_docx(path: Path, rows: Sequence[Sequence[Optional[str]]], header: Sequence[str] = HEADER,
              before: Sequence[str] = (), after: Sequence[str] = (),
              merges: Sequence[tuple[int, int, int, int]] = ()) -> Path:
    """A DOCX with paragraphs ``before``, one table (header + rows), paragraphs ``after``.

    ``merges`` are (row1, col1, row2, col2) in data-row coordinates (0 = first data row),
    merged with python-docx's ``cell.merge`` (gridSpan / vMerge in the XML).
    """
    d = docx.Document()
    for p in before:
        d.add_paragraph(p)
    t = d.add_table(rows=1 + len(rows), cols=len(header))
    for i, h in enumerate(header):
        t.rows[0].cells[i].text = h
    mark_header(t.rows[0])
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row):
            if text is not None:
                t.rows[r].cells[c].text = text
    for r1, c1, r2, c2 in merges:
        a = t.cell(r1 + 1, c1)
        b = t.cell(r2 + 1, c2)
        keep = a.text
        m = a.merge(b)
        # python-docx concatenates the texts of merged cells; keep the first one only
        for p in m.paragraphs[1:]:
            p._p.getparent().remove(p._p)
        m.paragraphs[0].text = keep
    for p in after:
        d.add_paragraph(p)
    d.save(path)
    return path
