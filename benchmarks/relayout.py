"""Re-layout the dev DOCX files to check that extraction generalises beyond their layouts.

Writes portrait A4 copies (table squeezed to 18 cm: other column widths, more wrapping) and
borderless copies of each dev DOCX into OUT (default /tmp/roadmaps-relayout), then converts
them to PDF with LibreOffice when `soffice` is on PATH. Score them with
../shared/eval/score.py against the dev gold (the content is unchanged).

usage: python benchmarks/relayout.py [OUT]
"""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.shared import Cm
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.oxml import OxmlElement
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir()) / "roadmaps-relayout"
OUT.mkdir(parents=True, exist_ok=True)
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "corpus"
for key in ["kemerovo_2018", "amur_2019", "kaluga_2021"]:
    for variant in ["portrait", "portrait_borderless"]:
        d = docx.Document(str(CORPUS / key / f"{key}.docx"))
        for s in d.sections:
            s.orientation = WD_ORIENT.PORTRAIT
            s.page_width, s.page_height = Cm(21), Cm(29.7)
            s.left_margin = s.right_margin = Cm(1.5)
        for t in d.tables:
            grid = t._tbl.find(qn("w:tblGrid"))
            cols = grid.findall(qn("w:gridCol"))
            total = sum(int(c.get(qn("w:w"))) for c in cols)
            target = int(18 / 2.54 * 1440)
            # other column widths: squeeze the first columns more than the last ones
            for i, c in enumerate(cols):
                c.set(qn("w:w"), str(int(int(c.get(qn("w:w"))) * target / total)))
            for tcw in t._tbl.iter(qn("w:tcW")):
                tcw.getparent().remove(tcw)
            tblW = t._tbl.tblPr.find(qn("w:tblW"))
            if tblW is not None:
                tblW.set(qn("w:w"), str(target)); tblW.set(qn("w:type"), "dxa")
            if "borderless" in variant:
                tblPr = t._tbl.tblPr
                for b in tblPr.findall(qn("w:tblBorders")):
                    tblPr.remove(b)
                borders = OxmlElement("w:tblBorders")
                for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
                    e = OxmlElement(f"w:{edge}"); e.set(qn("w:val"), "nil"); borders.append(e)
                tblPr.append(borders)
                for tc in t._tbl.iter(qn("w:tc")):
                    tcPr = tc.get_or_add_tcPr()
                    for b in tcPr.findall(qn("w:tcBorders")):
                        tcPr.remove(b)
                    tb = OxmlElement("w:tcBorders")
                    for edge in ("top", "left", "bottom", "right"):
                        e = OxmlElement(f"w:{edge}"); e.set(qn("w:val"), "nil"); tb.append(e)
                    tcPr.append(tb)
        d.save(OUT / f"{key}_{variant}.docx")

if shutil.which("soffice"):
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(OUT),
                    *map(str, sorted(OUT.glob("*.docx")))], check=False, capture_output=True, timeout=600)
print(f"wrote {len(list(OUT.glob('*.pdf')))} PDFs to {OUT}")
