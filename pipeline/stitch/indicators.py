"""Stitching: rows of an indicators table (number, name, unit, values by year)."""

from __future__ import annotations

from typing import Optional

from normalizers.text import one_line
from pipeline.records import IndicatorRecord
from pipeline.stitch.layout import LEADING_NUMBER_RE, LogicalTable
from pipeline.stitch.rows import _number, _text, data_rows, heading_of


def indicators_from(group: LogicalTable, rows_can_split: bool = True) -> list[IndicatorRecord]:
    lay = group.layout
    name_cols = lay.cols("indicator") or lay.cols("title")
    crit_col = None
    if len(lay.cols("indicator")) >= 2:          # "Критерии | Показатели": the first one groups
        crit_col, name_cols = name_cols[0], name_cols[1:]
    num_col, unit_col = lay.col("number"), lay.col("unit")
    out: list[IndicatorRecord] = []
    criterion: Optional[str] = None
    for row in data_rows(group):
        head = heading_of(row, lay, group.n_cols)
        if head:
            criterion = head
            continue
        if crit_col is not None and row.slots[crit_col].text.strip():
            criterion = one_line(row.slots[crit_col].text)
        name = one_line(_text(row, name_cols)) or ""
        if not name:
            continue
        number = _number(row.slots[num_col].text) if num_col is not None else None
        m = LEADING_NUMBER_RE.match(name)
        if number is None and m:
            number, name = m.group(1), name[m.end():].strip()
        values = {y: v for c, y in lay.years.items() if (v := one_line(row.slots[c].text))}
        if rows_can_split and row.after_page_break and number is None and out:
            _continue_indicator(out[-1], name, values)   # the row broken by the page (rule 4)
            continue
        out.append(IndicatorRecord(
            number=number, name=name, criterion=criterion, values=values, page=row.page,
            unit=one_line(row.slots[unit_col].text) if unit_col is not None else None,
        ))
    return out


def _continue_indicator(prev: IndicatorRecord, name: str, values: dict[str, str]) -> None:
    """Join the piece of an indicator row broken by a page to that indicator."""
    prev.name = f"{prev.name} {name}".strip()
    for y, v in values.items():
        prev.values[y] = f"{prev.values[y]} {v}" if y in prev.values else v
