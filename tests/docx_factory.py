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


# --------------------------------------------------------------- automatic list numbering

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def level_xml(ilvl: int, fmt: str = "decimal", text: str = "%1.", start: int = 1,
              restart: Optional[int] = None, style: Optional[str] = None) -> str:
    """One ``w:lvl`` of an abstract list definition."""
    extra = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}{pstyle}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')


def add_list(document, abstract_id: int, levels: Sequence[str], num_ids: Sequence[int] = (),
             start_overrides: Optional[dict[int, dict[int, int]]] = None) -> None:
    """Write an ``w:abstractNum`` (from ``level_xml`` strings) and the ``w:num`` entries pointing
    at it into the document's numbering part; ``start_overrides`` is {numId: {ilvl: start}}."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    for nid in num_ids or (abstract_id + 1,):
        over = "".join(f'<w:lvlOverride w:ilvl="{lv}"><w:startOverride w:val="{st}"/></w:lvlOverride>'
                       for lv, st in ((start_overrides or {}).get(nid) or {}).items())
        numbering.append(parse_xml(f'<w:num {W_NS} w:numId="{nid}"><w:abstractNumId w:val="{abstract_id}"/>'
                                   f'{over}</w:num>'))


def number_paragraph(paragraph, num_id: int, ilvl: Optional[int] = 0) -> None:
    """Give a python-docx paragraph ``w:numPr`` (automatic numbering, no digits in the text)."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = _num_pr(num_id, ilvl)
    ppr.insert(0, numpr) if ppr.find(qn("w:pStyle")) is None else ppr.find(qn("w:pStyle")).addnext(numpr)


def number_style(document, style_name: str, num_id: int, ilvl: Optional[int] = None) -> str:
    """Tie a paragraph style to a list (style-linked numbering); returns the style id."""
    style = document.styles[style_name]
    style.element.get_or_add_pPr().insert(0, _num_pr(num_id, ilvl))
    return style.style_id


def _num_pr(num_id: int, ilvl: Optional[int]):
    """A ``w:numPr`` element: list ``num_id`` at level ``ilvl`` (no ``w:ilvl`` when None)."""
    numpr = OxmlElement("w:numPr")
    if ilvl is not None:
        lvl = OxmlElement("w:ilvl")
        lvl.set(qn("w:val"), str(ilvl))
        numpr.append(lvl)
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    numpr.append(nid)
    return numpr
