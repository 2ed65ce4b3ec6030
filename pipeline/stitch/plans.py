"""Stitching: table fragments grouped into logical tables and plans — a fragment on a later page
continues its table; a table under its own heading whose numbering restarts is another plan."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from extractors.grid import Table, TextBlock
from normalizers.text import one_line
from pipeline.stitch.layout import (DEADLINE_LIKE_RE, Layout, LogicalTable, _same_header, damaged_repeat,
                                    detect_layout, header_alone, is_scan, misread_repeat)
from pipeline.stitch.numbering import follows, number_parts
from pipeline.stitch.rows import _number, _starts_lower


FURNITURE_RE = re.compile(
    r"^\W*\d{1,4}\W*$|^\W*(продолжение|окончание)\b|^\W*(стр\.?|страница)\s*\d", re.I)


STOP_RE = re.compile(r"^\W*(приложение|утвержд|к\s+(приказу|распоряжению|постановлению)|от\s+\d|№\s*\d)", re.I)


MAX_HEADING_LINES = 4


MAX_HEADING_CHARS = 300


def _is_furniture(text: str) -> bool:
    """Page numbers, "Продолжение таблицы …", and text with hardly any letters."""
    return bool(FURNITURE_RE.match(text)) or len(re.findall(r"[^\W\d_]", text)) < 3


def heading_before(blocks: list[TextBlock], index: int, table: Optional[Table] = None) -> Optional[str]:
    """The heading printed just above table ``index``: the last lines of the text between the
    previous table and this one, back to a blank-worthy stop ("Приложение …", "УТВЕРЖДЕН")."""
    lines = [b for b in blocks if b.before_table == index and not _is_furniture(b.text.strip())]
    if table is not None and table.page_start is not None:
        lines = [b for b in lines if b.page is None or b.page >= table.page_start]  # not a footer above
    picked: list[str] = []
    for b in reversed(lines):
        text = one_line(b.text) or ""
        if STOP_RE.match(text) or len(picked) >= MAX_HEADING_LINES \
                or sum(map(len, picked)) + len(text) > MAX_HEADING_CHARS:
            break
        # a line before the heading joins it only when the heading goes on from it
        # ("План мероприятий" / "по профориентации …") or it is a capitalised title word ("ПЛАН")
        if picked and not (_starts_lower(picked[0]) or (text.isupper() and len(text.split()) <= 2)):
            break
        picked.insert(0, text)
    return " ".join(picked) or None


def _plausible_rows(t: Table, lay: Layout) -> bool:
    """A headerless table read with another table's layout: most rows fill the title column."""
    col = lay.col("title")
    rows = [r for r in t.rows if any(not c.empty for c in r.cells)]
    if col is None or not rows:
        return False
    filled = sum(1 for r in rows if (c := r.cell_at(col)) is not None and not c.empty)
    return filled * 2 >= len(rows)


def group_tables(tables: list[Table], blocks: Optional[list[TextBlock]] = None) -> list[LogicalTable]:
    """Join page fragments into logical tables (rule 2); a table after a heading of its own
    ("План мероприятий … на 2025 год", "Раздел 2 …") is another plan, even with the same header
    or with no header of its own (it then reads with the plan before it's columns)."""
    groups: list[LogicalTable] = []
    blocks = blocks or []
    layouts = _roles_from_next([detect_layout(t) if t.rows else None for t in tables], tables)
    for i, t in enumerate(tables):
        if not t.rows:
            continue
        lay = layouts[i]
        prev = groups[-1] if groups else None
        heading = heading_before(blocks, i, t) if t.nested_in is None else None
        own_heading = bool(heading) and not _running_text(blocks, heading, i) \
            and not _starts_lower(heading) and (prev is None or _numbering_restarts(prev, t, lay))
        alone = _continued_row_under_header(prev, t, lay) if prev and lay is not None else None
        if alone is not None:
            lay = alone
        if lay is not None and lay.kind != "other":
            if prev and (_same_header(prev.layout, lay) or _roles_from_previous(prev, t, lay)) \
                    and _later_page(prev, t) and not own_heading and not lay.caption:
                prev.fragments.append(t)       # header repeated on the new page
                _note_roles_from_previous(prev, t, lay)
            else:
                groups.append(LogicalTable(layout=lay, n_cols=t.n_cols, fragments=[t],
                                           heading=lay.caption or heading))
        elif prev and own_heading and t.nested_in is None and t.n_cols == prev.n_cols \
                and prev.layout.kind == "activities" and _plausible_rows(t, prev.layout):
            lay2 = replace(prev.layout, n_header_rows=0, caption=None)
            groups.append(LogicalTable(layout=lay2, n_cols=t.n_cols, fragments=[t], heading=heading))
        elif prev and (t.continues_previous or (t.n_cols == prev.n_cols and _later_page(prev, t))):
            prev.fragments.append(t)
            _note_roles_from_previous(prev, t, lay)
        elif prev and t.continues_previous is False and t.n_cols == prev.n_cols and t.nested_in is None \
                and (t.page_start is None or _plausible_rows(t, prev.layout)):
            prev.fragments.append(t)
    return groups


def _continued_row_under_header(prev: LogicalTable, t: Table, lay: Layout) -> Optional[Layout]:
    """A scan page whose header repeats the one before, read with one row more: the rest of a row
    broken by the page ("реализац ии плана | 2024 года", no number) taken for a lower header row
    (its year for a targets column). The header alone, read with as many rows as before, is the
    same header: its layout, else None."""
    n = prev.layout.n_header_rows
    if not (is_scan(t) and n and lay.n_header_rows > n and t.n_cols == prev.n_cols and _later_page(prev, t)):
        return None
    return header_alone(t, prev.layout)


def _roles_from_next(layouts: list[Optional[Layout]], tables: list[Table]) -> list[Optional[Layout]]:
    """A scan page whose header OCR damaged (so badly that it names no plan, or only lost a role
    or two), followed on the next page by the same table under a header that reads better
    (``damaged_repeat`` the other way round: as many columns, fewer roles, none contradicting, the
    texts alike): the page takes the next page's roles, so its rows are not lost and the two pages
    stay one table (rule 11 looking forward)."""
    out = list(layouts)
    for i in range(len(tables) - 1):
        here, after = out[i], out[i + 1]
        t, u = tables[i], tables[i + 1]
        if here is None or after is None or after.kind == "other":
            continue
        if not (is_scan(t) and is_scan(u) and t.n_cols == u.n_cols and t.nested_in is None):
            continue
        if t.page_end is None or u.page_start is None or u.page_start <= t.page_end:
            continue
        if damaged_repeat(here, after):
            out[i] = replace(after, n_header_rows=here.n_header_rows, caption=here.caption,
                             col_headers=list(after.col_headers),
                             notes=after.notes + [f"page {t.page_start}: header_roles_from_next_page"])
    return out


def _roles_from_previous(prev: LogicalTable, t: Table, lay: Optional[Layout]) -> bool:
    """A scan page whose table continues the one before (as many columns, a later page) under a
    header OCR damaged (``damaged_repeat``): its columns take the roles of the page before."""
    return lay is not None and is_scan(t) and t.n_cols == prev.n_cols \
        and (damaged_repeat(lay, prev.layout) or misread_repeat(lay, prev.layout))


def _note_roles_from_previous(prev: LogicalTable, t: Table, lay: Optional[Layout]) -> None:
    """Record in the group's provenance that a page read its columns with the page before's roles."""
    if lay is not None and not _same_header(prev.layout, lay) and _roles_from_previous(prev, t, lay):
        prev.notes.append(f"page {t.page_start}: header_roles_from_previous_page")


def _numbers_in(t: Table, lay: Layout) -> list[tuple[int, ...]]:
    col = lay.col("number")
    out = []
    for r in t.rows[lay.n_header_rows if detect_layout(t) else 0:]:
        c = r.cell_at(col) if col is not None else None
        if c is not None and c.col == col and (parts := number_parts(_number(c.text))):
            out.append(parts)
    return out


def _numbering_restarts(prev: LogicalTable, t: Table, lay: Optional[Layout]) -> bool:
    """Whether table ``t`` numbers its rows afresh instead of going on from the plan before it
    (unknown numbering counts as a restart: the heading decides)."""
    last = [p for f in prev.fragments for p in _numbers_in(f, prev.layout)]
    first = _numbers_in(t, lay or prev.layout)
    if not last or not first:
        return True
    return not follows(last[-1], first[0])


def _running_text(blocks: list[TextBlock], heading: str, index: int) -> bool:
    """A heading also printed before other tables (a running page header) is no plan heading."""
    return any(heading_before(blocks, j) == heading for j in {b.before_table for b in blocks}
               if j is not None and j != index)


def _later_page(group: LogicalTable, t: Table) -> bool:
    last = group.fragments[-1]
    if t.page_start is None or last.page_end is None:
        return t.continues_previous
    return t.page_start > last.page_end or t.continues_previous


def _headerless_plans(tables: list[Table], groups: list[LogicalTable]) -> list[LogicalTable]:
    """When no table has a plan's header: a two-column table of stages and dates
    ("Подготовка документов | сентябрь 2024 г.") with no header row is read as a plan."""
    used = {id(t) for g in groups for t in g.fragments}
    out: list[LogicalTable] = []
    for t in tables:
        if id(t) in used or t.n_cols != 2 or t.nested_in is not None:
            continue
        rows = [r for r in t.rows if any(not c.empty for c in r.cells)]
        pairs = [(r.cell_at(0), r.cell_at(1)) for r in rows]
        dated = [1 for a, b in pairs if a is not None and b is not None and a is not b and not b.empty
                 and len(re.findall(r"[^\W\d_]", a.text)) >= 3 and DEADLINE_LIKE_RE.search(b.text)]
        if len(rows) >= 2 and len(dated) * 5 >= len(rows) * 3:
            lay = Layout(roles=["title", "deadline"], header=[], n_header_rows=0, kind="activities",
                         col_headers=["", ""])
            out.append(LogicalTable(layout=lay, n_cols=2, fragments=[t]))
    return out
