"""Make the small PDFs of tests/pipeline/test_layouts_pdf.py (issue 20: unseen layouts).

Run from the repository root: ``python tests/data/layouts/make_layouts.py`` (needs python-docx
and LibreOffice's ``soffice``). Each DOCX is built with python-docx and printed to PDF by
LibreOffice; only the PDFs are kept. The unseen_*.pdf files are the three orders of
``benchmarks/make_layouts.py`` (ruled and borderless), copied here from its output folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import parse_xml
from docx.shared import Pt

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from tests.docx_factory import make_docx  # noqa: E402

HERE = Path(__file__).resolve().parent
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
HEADER = ["№ п/п", "Наименование мероприятия", "Ответственный исполнитель", "Срок реализации",
          "Ожидаемый результат"]
# a vertical merge over three numbered rows in the responsible and deadline columns
MERGED_ROWS = [
    ["1", "Проведение мониторинга готовности общеобразовательных организаций",
     "Министерство образования и науки Республики Татарстан", "май 2020 года", "Аналитическая справка"],
    ["2", "Организация курсов повышения квалификации учителей", None, None, "Приказ министерства"],
    ["3", "Подготовка методических рекомендаций для педагогов", None, None, "Методические рекомендации"],
    ["4", "Проведение итоговой конференции", "Институт развития образования", "декабрь 2020 года",
     "Резолюция конференции"],
]
MERGED = [(0, 2, 2, 2), (0, 3, 2, 3)]
# a shared title and result over two numbered rows
TITLE_ROWS = [
    ["1", "Проведение региональных олимпиад школьников Республики Татарстан", "Министерство образования",
     "март 2021 года", "Протоколы олимпиад"],
    ["2", None, "Центр одарённых детей", "апрель 2021 года", None],
    ["3", "Подведение итогов", "Министерство образования", "май 2021 года", "Приказ"],
]
TITLE_MERGED = [(0, 1, 1, 1), (0, 4, 1, 4)]
SECTION_ROWS = [
    ["Раздел 1. Организационные мероприятия", None, None, None, None],
    ["1", "Проведение мониторинга готовности школ", "Министерство образования", "май 2020 года", "Отчёт"],
    ["2", "Организация курсов повышения квалификации учителей", "Институт развития образования",
     "июнь 2020 года", "Приказ"],
    ["Раздел 2. Итоги", None, None, None, None],
    ["3", "Проведение итоговой конференции", "Институт развития образования", "декабрь 2020 года",
     "Резолюция"],
]
SECTION_MERGED = [(0, 0, 0, 4), (3, 0, 3, 4)]
# rows of different heights, the tall cell in a different column each time
ALIGNED_ROWS = [
    ["1", "Проведение мониторинга готовности общеобразовательных организаций к реализации программ",
     "Министерство образования и науки Республики Татарстан", "май 2020 года", "Справка"],
    ["2", "Организация курсов", "Институт развития образования, муниципальные органы управления "
     "образованием (по согласованию)", "июнь 2020 года", "Приказ"],
    ["3", "Подготовка рекомендаций", "Институт развития образования", "ежеквартально, до 5 числа месяца, "
     "следующего за отчётным", "Методические рекомендации для педагогических работников"],
    ["4", "Проведение итоговой конференции", "Институт развития образования", "декабрь 2020 года", "Резолюция"],
]
NARROW_ROWS = [
    ["1", "Мониторинг по мере необходимости", "Торгово-промышленная палата Республики Татарстан",
     "ежеквартально", "Аналитическая справка", "-"],
    ["2", "Проведение профориентационных мероприятий", "Министерство образования и науки",
     "ежегодно", "Информационные материалы", "по необходимости"],
]


def _landscape(d) -> None:
    s = d.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = s.page_height, s.page_width


def _borders(table, outer: bool, inner: bool) -> None:
    def side(name: str, on: bool) -> str:
        val = 'w:val="single" w:sz="4" w:space="0" w:color="000000"' if on else 'w:val="nil"'
        return f"<w:{name} {val}/>"
    xml = "".join(side(n, outer) for n in ("top", "left", "bottom", "right"))
    xml += "".join(side(n, inner) for n in ("insideH", "insideV"))
    table._tbl.tblPr.append(parse_xml(f"<w:tblBorders {W}>{xml}</w:tblBorders>"))


def _align(table, valign=WD_CELL_VERTICAL_ALIGNMENT.CENTER, padding: bool = False) -> None:
    for row in table.rows:
        for cell in row.cells:
            cell.vertical_alignment = valign
            for p in cell.paragraphs:
                p.paragraph_format.space_before = Pt(0)
                p.paragraph_format.space_after = Pt(0)
    if not padding:
        table._tbl.tblPr.append(parse_xml(
            f'<w:tblCellMar {W}><w:top w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/></w:tblCellMar>'))


def build(name: str, rows, merges, outer=True, inner=True, centre=False, landscape=True,
          out: Path = HERE, before=("План мероприятий («дорожная карта»)",), header=HEADER,
          valign=None, padding=False) -> Path:
    tmp = Path(tempfile.mkdtemp())
    try:
        path = make_docx(tmp / f"{name}.docx", rows, header=header, merges=merges, before=before)
        d = docx.Document(str(path))
        if landscape:
            _landscape(d)
        t = d.tables[0]
        _borders(t, outer, inner)
        if centre:
            _align(t)
        elif valign is not None:
            _align(t, valign, padding)
        d.save(str(path))
        profile = (tmp / "lo").as_uri()
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(tmp), str(path)], check=True, capture_output=True, timeout=180)
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"{name}.pdf"
        shutil.copy(tmp / f"{name}.pdf", target)
        return target
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


CASES = {
    # vertical merges in a ruled table
    "ruled_vmerge": dict(rows=MERGED_ROWS, merges=MERGED),
    "ruled_vmerge_centred": dict(rows=MERGED_ROWS, merges=MERGED, centre=True),
    "ruled_vmerge_title": dict(rows=TITLE_ROWS, merges=TITLE_MERGED, landscape=False),
    # inner rules only: open sides, full-width section rows
    "ruled_open_sections": dict(rows=SECTION_ROWS, merges=SECTION_MERGED, outer=False),
    "ruled_open_vmerge": dict(rows=MERGED_ROWS, merges=MERGED, outer=False, landscape=False),
    # no rules at all, cells centred vertically with no padding
    "borderless_centred": dict(rows=MERGED_ROWS[:1] + [
        ["2", "Организация курсов повышения квалификации учителей начальных классов",
         "Институт развития образования", "июнь 2020 года", "Приказ"],
        ["3", "Подготовка методических рекомендаций", "Министерство образования, органы местного "
         "самоуправления (по согласованию)", "сентябрь 2020 года", "Методические рекомендации"],
        ["4", "Проведение итоговой конференции", "Институт развития образования", "декабрь 2020 года",
         "Резолюция"]], merges=(), outer=False, inner=False, centre=True),
    "borderless_centred_sections": dict(rows=SECTION_ROWS, merges=SECTION_MERGED, outer=False, inner=False,
                                        centre=True),
    # other alignments and widths: at the bottom (3 columns), centred with cell padding (6 columns)
    "borderless_bottom_3": dict(rows=[[r[0], r[1], r[3]] for r in ALIGNED_ROWS], merges=(), outer=False,
                                inner=False, header=["№ п/п", "Наименование мероприятия", "Срок исполнения"],
                                valign=WD_CELL_VERTICAL_ALIGNMENT.BOTTOM, landscape=False),
    "borderless_centred_6": dict(rows=[r + ["-"] for r in ALIGNED_ROWS], merges=(), outer=False, inner=False,
                                 header=HEADER + ["Примечание"], valign=WD_CELL_VERTICAL_ALIGNMENT.CENTER,
                                 padding=True),
    # narrow columns: words wider than the column broken with no hyphen, a compound at its hyphen
    "ruled_narrow": dict(rows=NARROW_ROWS, merges=(), header=HEADER + ["Примечание"], landscape=False),
}


if __name__ == "__main__":
    if shutil.which("soffice") is None:
        sys.exit("soffice (LibreOffice) is needed")
    only = set(sys.argv[1:])
    for name, kw in CASES.items():
        if not only or name in only:
            print(build(name, **kw), os.path.getsize(HERE / f"{name}.pdf"))
