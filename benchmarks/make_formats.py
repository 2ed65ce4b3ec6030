"""Render DOCX roadmaps in the other formats orders are published in: .doc, .rtf, .odt, HTML.

.doc/.rtf/.odt and ``lo.html`` come from LibreOffice (through ``extractors.convert``'s
sandboxed runner); ``.html`` is a page shaped like a legal portal's: site chrome
(navigation, breadcrumbs, footer), the order's paragraphs, and each table written
from the DOCX grid with true ``rowspan``/``colspan``, ``<thead>`` header rows and
``<br>`` line breaks, encoded in windows-1251 as older Russian portals are.

The .doc is written from an intermediate ODT: LibreOffice 7.4, importing the .doc it
exported straight from some DOCX tables (two of the three dev files), no longer finds the
table (its text survives as one paragraph), while the same document saved from ODT keeps it.
The product reads both kinds (``extractors.doc_binary`` takes over when LibreOffice loses a
table); the ODT route keeps the samples on the LibreOffice reference path.

    python benchmarks/make_formats.py data/raw/kaluga_2021.docx --outdir data/raw --formats doc,rtf,odt,html
"""

from __future__ import annotations

import argparse
import html
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.convert import run_libreoffice  # noqa: E402
from extractors.docx import extract_docx  # noqa: E402
from extractors.grid import ExtractedDocument, Table, TextBlock  # noqa: E402

LIBREOFFICE_TARGETS = {"doc": "doc:MS Word 97", "rtf": "rtf:Rich Text Format", "odt": "odt:writer8",
                       "lo.html": "html:HTML (StarWriter)", "direct.doc": "doc:MS Word 97"}
PORTAL_HEAD = """<!DOCTYPE html>
<html lang="ru">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>{title}</title>
<style>table.doc {{ border-collapse: collapse }} table.doc td, table.doc th {{ border: 1px solid #000 }}</style>
<script>window.portalStats = {{ page: "document" }};</script>
</head>
<body>
<nav class="menu"><ul><li><a href="/">Главная</a></li><li><a href="/search">Поиск документов</a></li>
<li><a href="/new">Новые поступления</a></li><li><a href="/help">Помощь</a></li></ul></nav>
<div class="breadcrumbs"><a href="/">Главная</a> › <a href="/docs">Документы</a> › Просмотр документа</div>
<main class="document">
"""
PORTAL_FOOT = """</main>
<footer><p>Портал правовой информации. При использовании материалов ссылка на портал обязательна.</p>
<p><a href="/contacts">Контакты</a> | <a href="/feedback">Обратная связь</a></p></footer>
</body>
</html>
"""


def _cell_html(text: str, bold: bool) -> str:
    body = "<br>\n".join(html.escape(line) for line in text.split("\n"))
    return f"<b>{body}</b>" if bold and body else body


def table_html(table: Table) -> str:
    """One grid table as HTML: thead for header rows, true spans."""
    head = [r for r in table.rows if r.is_header]
    body = [r for r in table.rows if not r.is_header]
    out = ['<table class="doc" border="1" cellspacing="0" cellpadding="4">']
    for group, rows in (("thead", head), ("tbody", body)):
        if not rows:
            continue
        out.append(f"<{group}>")
        for row in rows:
            cells = []
            for c in row.cells:
                tag = "th" if group == "thead" else "td"
                span = (f' colspan="{c.colspan}"' if c.colspan > 1 else "") + \
                       (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
                cells.append(f"<{tag}{span}>{_cell_html(c.text, c.bold and tag == 'td')}</{tag}>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append(f"</{group}>")
    out.append("</table>")
    return "\n".join(out)


def _block_html(block: TextBlock) -> str:
    return f"<p>{_cell_html(block.text, block.bold)}</p>"


def portal_html(doc: ExtractedDocument, title: str) -> bytes:
    """The document as a legal-portal page, windows-1251 encoded."""
    parts = [PORTAL_HEAD.format(title=html.escape(title))]
    top_tables = [i for i, t in enumerate(doc.tables) if t.nested_in is None]
    for i in top_tables + [len(doc.tables)]:
        parts += [_block_html(b) for b in doc.blocks if b.before_table == i]
        if i < len(doc.tables):
            parts.append(table_html(doc.tables[i]))
    parts.append(PORTAL_FOOT)
    return "\n".join(parts).encode("cp1251", errors="xmlcharrefreplace")


def _libreoffice(docx: Path, fmt: str, target: Path) -> None:
    """LibreOffice conversion; .doc goes DOCX → ODT → DOC (see the module docstring), ``direct.doc``
    straight DOCX → DOC (the .doc whose table LibreOffice's own DOC import loses)."""
    with tempfile.TemporaryDirectory(prefix="roadmaps-make-") as tmp:
        src, kind = docx, "docx"
        if fmt == "doc":
            (Path(tmp) / "odt").mkdir()
            src, kind = run_libreoffice(str(docx), "docx", LIBREOFFICE_TARGETS["odt"], Path(tmp) / "odt"), "odt"
        (Path(tmp) / "final").mkdir()
        out = run_libreoffice(str(src), kind, LIBREOFFICE_TARGETS[fmt], Path(tmp) / "final")
        shutil.copyfile(out, target)


def make(docx: Path, outdir: Path, formats: list[str]) -> list[Path]:
    """Write ``docx`` in each of ``formats`` to ``outdir``; returns the files written."""
    written = []
    for fmt in formats:
        target = outdir / f"{docx.stem}.{fmt}"
        if fmt == "html":
            target.write_bytes(portal_html(extract_docx(str(docx)), docx.stem))
        else:
            _libreoffice(docx, fmt, target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docx", nargs="+", type=Path)
    ap.add_argument("--outdir", type=Path, required=True)
    ap.add_argument("--formats", default="doc,rtf,odt,html",
                    help="comma-separated: doc, rtf, odt, html (portal page), lo.html (LibreOffice), "
                         "direct.doc (DOCX saved straight as .doc)")
    args = ap.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    for docx in args.docx:
        for path in make(docx, args.outdir, args.formats.split(",")):
            print(path)


if __name__ == "__main__":
    main()
