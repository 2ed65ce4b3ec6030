"""Test documents drawn with reportlab/PIL: a TrueType font with Cyrillic glyphs (Debian's
fonts-dejavu-core, installed by scripts/setup.sh, else Liberation) and one small ruled roadmap
table drawn on a canvas, shared by the OCR, text-layer, image-preparation and hostile tests."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

_FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/truetype/liberation2",
              "/usr/share/fonts/truetype/liberation"]
SANS = ["DejaVuSans.ttf", "LiberationSans-Regular.ttf"]
SERIF = ["DejaVuSerif.ttf", "DejaVuSans.ttf", "LiberationSerif-Regular.ttf"]

PAGE = (420.0, 300.0)          # points: a small landscape page
# the table: column x boundaries, row y boundaries (top-left origin, points) and cell texts
XS = [30.0, 70.0, 250.0, 390.0]
YS = [40.0, 70.0, 110.0, 150.0, 190.0]
CELLS = [["№", "Мероприятие", "Срок"],
         ["1", "Создание центра", "2021 год"],
         ["2", "Проведение конкурса", "ежегодно"],
         ["3", "Обучение педагогов", "декабрь 2022"]]


def cyrillic_font(names: list[str] = SANS) -> Optional[str]:
    """Path of the first of ``names`` found in the usual font folders, or None."""
    return next((str(Path(d) / n) for n in names for d in _FONT_DIRS if (Path(d) / n).exists()), None)


def register_font(name: str) -> str:
    """Register the Cyrillic sans font with reportlab under ``name`` (once) and return the name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if name not in pdfmetrics.getRegisteredFontNames():
        path = cyrillic_font()
        if path is None:
            raise RuntimeError("no TrueType font with Cyrillic glyphs: apt-get install fonts-dejavu-core")
        pdfmetrics.registerFont(TTFont(name, path))
    return name


def draw_table(c, page_height: float) -> None:
    """The ruled table (``XS`` × ``YS``, texts ``CELLS``) on a reportlab canvas, current font."""
    for y in YS:
        c.line(XS[0], page_height - y, XS[-1], page_height - y)
    for x in XS:
        c.line(x, page_height - YS[0], x, page_height - YS[-1])
    for r, row in enumerate(CELLS):
        for k, text in enumerate(row):
            c.drawString(XS[k] + 5, page_height - YS[r] - 20, text)
