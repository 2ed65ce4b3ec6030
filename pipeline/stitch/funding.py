"""Stitching: financing columns ("Объём финансирования, тыс. руб." split by year, "Источник
финансирования") read as the activity's funding, not as per-year targets."""

from __future__ import annotations

import re
from typing import Optional

from normalizers.lazy_re import lazy
from normalizers.text import clean_text, one_line
from pipeline.stitch.layout import DataRow, Layout

UNIT_RE = lazy(r"(?:тыс\.?|млн\.?|млрд\.?)?\s*(?:рублей|руб\.?)", re.I)
DASH_ONLY_RE = lazy(r"^[\s\-–—]*$")


def funding_unit(layout: Layout) -> Optional[str]:
    """The money unit printed in the financing headers ("тыс. руб."), as printed."""
    for k, role in enumerate(layout.roles):
        if role and (role == "funding" or role.startswith("funding:")) and k < len(layout.col_headers):
            m = UNIT_RE.search(layout.col_headers[k])
            if m and m.group(0).strip():
                return re.sub(r"\s+", " ", m.group(0).strip())
    return None


def row_funding(row: DataRow, layout: Layout) -> Optional[dict]:
    """``{"source": …, "unit": …, "values": {"2020": "100,0", …}}`` of one row, or None.

    Year columns give the values by year; a financing column that is not a year ("Всего",
    or a single "Объём финансирования" column) is kept under ``"total"``. Empty cells and
    bare dashes carry no value."""
    values: dict[str, str] = {}
    for k, role in enumerate(layout.roles):
        if not role or not (role == "funding" or role.startswith("funding:")):
            continue
        v = clean_text(row.slots[k].text, keep_newlines=False)
        if not v or DASH_ONLY_RE.match(v):
            continue
        key = role.split(":", 1)[1] if ":" in role else "total"
        values[key] = f"{values[key]} {v}" if key in values else v
    sources = [one_line(row.slots[k].text) for k in layout.cols("funding_source")]
    source = "; ".join(s for s in sources if s) or None
    if not values and not source:
        return None
    return {"source": source, "unit": funding_unit(layout), "values": values}
