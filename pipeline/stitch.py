"""Table → activities: the stitching rules, written once for every extractor.

Input: the ``Table`` fragments of one document (``extractors.grid``). Output:
``ActivityRecord`` and ``IndicatorRecord`` lists. The rules (see
../shared/eval/GOLD.md):

1. Header rows at the top of a table map columns to roles (``pipeline.roles``);
   a two-level header puts year columns under "Целевые индикаторы"; a row
   numbering the columns ("1 2 3 4 5") is dropped; a header repeated on a later
   page is dropped.
2. Fragments on later pages with no header of their own, or with a repeat of
   the header, continue the table before them.
3. A row with one cell spanning (almost) the whole width, or with a lone bold
   or "Раздел/Блок/Направление" text, is a section heading; numbered headings
   nest by how many numbers they carry ("1.1.1." is level 3).
4. A row whose number cell is empty:
   * right after a page break (paged formats only) it continues the row broken
     by the page — texts joined with a space;
   * if it only names an event (title, maybe a deadline) it is a ``sub_item``;
   * otherwise it is a sub-row: its texts are appended with a line break and
     its target values become another ``targets`` entry.
   A number cell covered by a vertical merge from above means the same.
5. A cell covered by a vertical merge takes the merged cell's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from extractors.grid import Row, Table
from extractors.lines import starts_new_item
from normalizers.text import clean_text, one_line
from pipeline.records import (
    ActivityRecord,
    IndicatorRecord,
    StitchResult,
    SubItemRecord,
    TargetRecord,
)
from pipeline.roles import header_role, is_numbering_row, year_of

TEXT_ROLES = ("title", "description", "tasks", "responsible", "deadline", "result", "result_document")
ACTIVITY_ROLES = {"responsible", "deadline", "result", "result_document", "description", "tasks"}
HEADING_WORDS = re.compile(
    r"^\s*(направлени|блок|раздел|задача\s+\d|этап|подпрограмм|модуль|[IVX]{1,5}[.\s])", re.I
)
NUMBER_RE = re.compile(r"^\s*((?:\d{1,3}\.)*\d{1,3})\.?\s*$")
LEADING_NUMBER_RE = re.compile(r"^\s*((?:\d{1,3}\.)*\d{1,3})\.?\s+(?=\S)")
MAX_HEADER_ROWS = 4


@dataclass
class Slot:
    """One grid position of a logical row: its text and where it came from."""

    text: str = ""
    merged: bool = False        # covered by a vertical merge from the row above
    origin_col: int = 0
    span: int = 1
    bold: bool = False
    confidence: float = 1.0


@dataclass
class DataRow:
    slots: list[Slot]
    page: Optional[int]
    after_page_break: bool = False
    bbox: Optional[tuple[float, float, float, float]] = None


def _row_box(row: Row) -> Optional[tuple[float, float, float, float]]:
    """The row's box, else the union of its cells' boxes (None where unknown: DOCX)."""
    boxes = [row.bbox] if row.bbox else [c.bbox for c in row.cells if c.bbox]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _add_box(act: ActivityRecord, row: DataRow) -> None:
    """Grow the activity's box on the row's page (a new box on a new page)."""
    if row.bbox is None or row.page is None:
        return
    for b in act.boxes:
        if b[0] == row.page:
            b[1:] = [min(b[1], row.bbox[0]), min(b[2], row.bbox[1]), max(b[3], row.bbox[2]), max(b[4], row.bbox[3])]
            return
    act.boxes.append([row.page, *row.bbox])


@dataclass
class Layout:
    """Column roles of one logical table."""

    roles: list[Optional[str]]          # per grid column
    header: list[str]                   # header texts as printed (origin cells, in order)
    n_header_rows: int
    kind: str = "other"                 # "activities" | "indicators" | "other"
    col_headers: list[str] = field(default_factory=list)   # header text over each grid column

    def cols(self, role: str) -> list[int]:
        return [i for i, r in enumerate(self.roles) if r == role]

    def col(self, role: str) -> Optional[int]:
        c = self.cols(role)
        return c[0] if c else None

    @property
    def years(self) -> dict[int, str]:
        return {i: r.split(":", 1)[1] for i, r in enumerate(self.roles) if r and r.startswith("target:")}


@dataclass
class LogicalTable:
    layout: Layout
    n_cols: int
    fragments: list[Table] = field(default_factory=list)


# ---------------------------------------------------------------- header detection


def _dense(row: Row, n_cols: int) -> list[str]:
    out = [""] * n_cols
    for c in row.cells:
        if 0 <= c.col < n_cols:
            out[c.col] = c.text
    return out


def detect_layout(table: Table) -> Optional[Layout]:
    """Header rows and column roles of a table, or None when its top is no header."""
    n = table.n_cols
    roles: list[Optional[str]] = [None] * n
    col_headers: list[str] = [""] * n
    header: list[str] = []
    n_header = 0
    for row in table.rows[:MAX_HEADER_ROWS]:
        if n_header and is_numbering_row(row.texts):
            n_header += 1
            continue
        row_roles = [(c, header_role(c.text)) for c in row.cells if not c.empty]
        known = [(c, r) for c, r in row_roles if r]
        years = [(c, r) for c, r in known if r == "year"]
        if n_header == 0 and len([1 for _, r in known if r != "year"]) < 2:
            break
        year_row = bool(years) and len(years) == len(row_roles) and (len(years) >= 2 or row.is_header)
        # a lower header row: every text in it names a role (or a year) and is short
        header_like = len(known) == len(row_roles) and all(len(c.text) <= 80 for c, _ in row_roles)
        if n_header > 0 and not year_row and not (header_like and len(known) >= 2):
            break
        for c, r in known:
            if r == "year":
                roles[c.col] = f"target:{year_of(c.text)}"
                continue
            for k in range(c.col, min(n, c.col + c.colspan)):
                if roles[k] is None or n_header == 0:
                    roles[k] = r
        for c in row.cells:
            for k in range(c.col, min(n, c.col + c.colspan)):
                col_headers[k] = " ".join(x for x in (col_headers[k], one_line(c.text) or "") if x)
        header.extend(one_line(c.text) or "" for c in row.cells if not c.empty and header_role(c.text) != "year")
        n_header += 1
    if n_header == 0:
        return None
    # a spanning "targets" header over year columns: the years carry the values
    roles = [None if r == "targets" and any((x or "").startswith("target:") for x in roles) else r for r in roles]
    if "title" not in roles and "description" in roles:
        roles = ["title" if r == "description" else r for r in roles]
    if "title" not in roles and "indicator" in roles and ACTIVITY_ROLES & set(roles):
        roles = ["title" if r == "indicator" else r for r in roles]
    if "title" in roles and "result" not in roles and "indicator" in roles:   # "Показатель результативности"
        roles = ["result" if r == "indicator" else r for r in roles]
    lay = Layout(roles=roles, header=header, n_header_rows=n_header, col_headers=col_headers)
    present = set(roles)
    if "title" in present and present & {"responsible", "deadline", "result"}:
        lay.kind = "activities"
    elif "indicator" in present or ("title" in present and ("unit" in present or lay.years)):
        lay.kind = "indicators"
    return lay


def _role_kind(role: Optional[str]) -> Optional[str]:
    return "targets" if role and role.startswith("target") else role


def _same_header(a: Layout, b: Layout) -> bool:
    """The same table's header, allowing a cell or two misread (OCR) on a repeat."""
    if a.roles == b.roles:
        return True
    if len(a.roles) != len(b.roles):
        return False
    pairs = [(_role_kind(x), _role_kind(y)) for x, y in zip(a.roles, b.roles) if x or y]
    same = sum(1 for x, y in pairs if x == y)
    return bool(pairs) and same / len(pairs) >= 0.75


def _is_repeated_header(row: Row, layout: Layout) -> bool:
    if row.is_header:
        return True
    texts = [one_line(c.text) or "" for c in row.cells if not c.empty]
    if not texts:
        return False
    hits = sum(1 for t in texts if t in layout.header)
    return hits >= max(2, len(texts) - 1)


# ---------------------------------------------------------------- grouping fragments


def group_tables(tables: list[Table]) -> list[LogicalTable]:
    """Join page fragments into logical tables (rule 2)."""
    groups: list[LogicalTable] = []
    for t in tables:
        if not t.rows:
            continue
        lay = detect_layout(t)
        prev = groups[-1] if groups else None
        if lay is not None and lay.kind != "other":
            if prev and _same_header(prev.layout, lay) and _later_page(prev, t):
                prev.fragments.append(t)       # header repeated on the new page
            else:
                groups.append(LogicalTable(layout=lay, n_cols=t.n_cols, fragments=[t]))
        elif prev and (t.continues_previous or (t.n_cols == prev.n_cols and _later_page(prev, t))):
            prev.fragments.append(t)
        elif prev and t.continues_previous is False and t.n_cols == prev.n_cols and t.nested_in is None \
                and t.page_start is None:
            prev.fragments.append(t)
    return groups


def _later_page(group: LogicalTable, t: Table) -> bool:
    last = group.fragments[-1]
    if t.page_start is None or last.page_end is None:
        return t.continues_previous
    return t.page_start > last.page_end or t.continues_previous


# ---------------------------------------------------------------- rows


def data_rows(group: LogicalTable) -> list[DataRow]:
    """Dense rows (vertical merges resolved) of a logical table, headers dropped."""
    n = group.n_cols
    out: list[DataRow] = []
    for fi, frag in enumerate(group.fragments):
        lay_here = detect_layout(frag)
        skip = lay_here.n_header_rows if (lay_here and _same_header(lay_here, group.layout)) else 0
        if fi == 0:
            skip = group.layout.n_header_rows
        pending: dict[int, tuple[Slot, int]] = {}   # col -> (slot, rows still covered)
        first = True
        for ri, row in enumerate(frag.rows):
            if ri < skip:
                continue
            if _is_repeated_header(row, group.layout) or is_numbering_row(row.texts):
                continue
            slots = [Slot(origin_col=i) for i in range(n)]
            for col, (slot, left) in list(pending.items()):
                if col < n:
                    slots[col] = Slot(text=slot.text, merged=True, origin_col=slot.origin_col,
                                      span=slot.span, bold=slot.bold)
                if left <= 1:
                    del pending[col]
                else:
                    pending[col] = (slot, left - 1)
            for c in row.cells:
                if not 0 <= c.col < n:
                    continue
                s = Slot(text=c.text, origin_col=c.col, span=c.colspan, bold=c.bold, confidence=c.confidence)
                for k in range(c.col, min(n, c.col + c.colspan)):
                    slots[k] = s if k == c.col else Slot(text="", origin_col=c.col, span=c.colspan, merged=False)
                if c.rowspan > 1:
                    for k in range(c.col, min(n, c.col + c.colspan)):
                        pending[k] = (s if k == c.col else Slot(origin_col=c.col), c.rowspan - 1)
            page = row.page if row.page is not None else frag.page_start
            brk = bool(out) and ((first and fi > 0) or (page is not None and out[-1].page is not None
                                                          and page > out[-1].page))
            out.append(DataRow(slots=slots, page=page, after_page_break=brk, bbox=_row_box(row)))
            first = False
    return out


def _nonempty(row: DataRow) -> list[Slot]:
    seen, out = set(), []
    for s in row.slots:
        key = (s.origin_col, s.merged)
        if s.text.strip() and not s.merged and key not in seen:
            seen.add(key)
            out.append(s)
    return out


def heading_of(row: DataRow, layout: Layout, n_cols: int) -> Optional[str]:
    """The heading text when the row is a section heading (rule 3), else None."""
    own = _nonempty(row)
    if len(own) == 2 and not any(sl.merged for sl in row.slots):
        # "4." | (empty title) | "Организационное обеспечение" — a heading cut by ruling lines
        # that a scan showed through it: a number and one text that is not in the title column
        num, text = own
        num_role, text_role = layout.roles[num.origin_col], layout.roles[text.origin_col]
        if num_role == "number" and NUMBER_RE.match(num.text) and text_role not in ("title", "description"):
            return one_line(f"{num.text.strip()} {text.text}")
    if len(own) != 1:
        return None
    s = own[0]
    if s.span >= max(2, n_cols - 1) or (n_cols > 2 and s.span >= 0.6 * n_cols):
        return one_line(s.text)
    role = layout.roles[s.origin_col]
    if role in ("title", "number") and (s.bold or HEADING_WORDS.match(s.text)):
        return one_line(s.text)
    return None


def heading_level(text: str) -> int:
    m = LEADING_NUMBER_RE.match(text) or NUMBER_RE.match(text)
    if not m:
        return 1
    return len([p for p in m.group(1).split(".") if p])


def _text(row: DataRow, cols: list[int], own_only: bool = False) -> str:
    parts, seen = [], set()
    for c in cols:
        s = row.slots[c]
        if own_only and s.merged:
            continue
        if s.origin_col in seen and not s.merged:
            continue
        seen.add(s.origin_col)
        if s.text.strip():
            parts.append(s.text.strip())
    return "\n".join(parts)


def _number(text: str) -> Optional[str]:
    t = (text or "").strip().replace(" ", "")
    t = t.rstrip(".")
    return t or None


# ---------------------------------------------------------------- activities


def _append(old: Optional[str], new: str, sep: str) -> Optional[str]:
    if not new:
        return old
    return f"{old}{sep}{new}" if old else new


def _row_target(row: DataRow, layout: Layout) -> Optional[TargetRecord]:
    values = {}
    for c, year in layout.years.items():
        v = clean_text(row.slots[c].text, keep_newlines=False)
        if v:
            values[year] = v
    if not values:
        return None
    res_col = layout.cols("result") or layout.cols("title")
    unit_col = layout.col("unit")
    return TargetRecord(
        result=one_line(_text(row, res_col)) or None,
        unit=one_line(row.slots[unit_col].text) if unit_col is not None else None,
        values=values,
    )


def activities_from(group: LogicalTable, rows_can_split: bool) -> list[ActivityRecord]:
    lay, n = group.layout, group.n_cols
    num_col = lay.col("number")
    cols = {r: lay.cols(r) for r in TEXT_ROLES}
    unknown = [c for c, r in enumerate(lay.roles) if r is None and (c >= len(lay.col_headers) or lay.col_headers[c])]
    open_headings: list[tuple[int, str]] = []
    acts: list[ActivityRecord] = []
    for row in data_rows(group):
        head = heading_of(row, lay, n)
        if head:
            level = heading_level(head)
            open_headings = [(lv, t) for lv, t in open_headings if lv < level] + [(level, head)]
            continue
        if not _nonempty(row) and not any(s.merged for s in row.slots):
            continue
        num_slot = row.slots[num_col] if num_col is not None else None
        number = _number(num_slot.text) if num_slot and not num_slot.merged else None
        own = {r: _text(row, cs, own_only=True) for r, cs in cols.items()}
        full = {r: _text(row, cs) for r, cs in cols.items()}
        target = _row_target(row, lay) if lay.years else None
        prev = acts[-1] if acts else None
        starts_new = prev is None or number is not None or num_col is None and bool(own["title"])
        if num_slot is not None and num_slot.merged and prev is not None:
            starts_new = False
        if starts_new:
            act = ActivityRecord(section=[t for _, t in open_headings], number=number, title=None,
                                 page_start=row.page, page_end=row.page)
            for r in TEXT_ROLES:
                setattr(act, r, full[r] or None)
            act.confidence = min(s.confidence for s in row.slots) if row.slots else 1.0
            if number is not None and not NUMBER_RE.match(number):
                act.flags.append("number_not_numeric")   # kept as printed (or as OCR read it)
            act.extra = {lay.col_headers[c]: t for c in unknown
                         if (t := one_line(row.slots[c].text)) and lay.col_headers[c]}
            if target:
                act.targets.append(target)
            _add_box(act, row)
            acts.append(act)
            continue
        prev.page_end = row.page if row.page is not None else prev.page_end
        _add_box(prev, row)
        event_only = bool(own["title"]) and not target and not any(
            own[r] for r in ("responsible", "result", "result_document", "description", "tasks"))
        if rows_can_split and row.after_page_break and prev.sub_items and event_only:
            _continue_sub_items(prev, own)
        elif rows_can_split and row.after_page_break and not _is_complete_subrow(prev, target):
            _continue_row(prev, own, target)
        elif event_only:
            prev.sub_items.append(SubItemRecord(title=one_line(own["title"]) or "",
                                                deadline=one_line(own["deadline"]) or None))
        else:
            for r in TEXT_ROLES:
                setattr(prev, r, _append(getattr(prev, r), own[r], "\n"))
            if target:
                prev.targets.append(target)
    return acts


def _continue_sub_items(prev: ActivityRecord, own: dict[str, str]) -> None:
    """After a page break inside a list of sub-items: a lower-case start continues the last
    sub-item's title, anything else is the next sub-item."""
    title = one_line(own["title"]) or ""
    last = prev.sub_items[-1]
    if title[:1].islower():
        last.title = f"{last.title} {title}"
        if own["deadline"] and not last.deadline:
            last.deadline = one_line(own["deadline"])
    else:
        prev.sub_items.append(SubItemRecord(title=title, deadline=one_line(own["deadline"]) or None))


def _is_complete_subrow(prev: ActivityRecord, target: Optional[TargetRecord]) -> bool:
    """A row after a page break that carries a full set of target values of its own is a sub-row."""
    if target is None or not prev.targets:
        return False
    last = prev.targets[-1]
    return len(last.values) >= len(target.values) and bool(target.unit or target.result)


def _continue_row(prev: ActivityRecord, own: dict[str, str], target: Optional[TargetRecord]) -> None:
    """Join the piece of a row broken by a page to the row (text joined with a space)."""
    for r, text in own.items():
        if text:
            old = getattr(prev, r)
            sep = "\n" if old and starts_new_item(old.split()[-1], text.split()[0]) else " "
            setattr(prev, r, _append(old, text, sep))
    if target:
        if prev.targets:
            last = prev.targets[-1]
            for y, v in target.values.items():
                last.values[y] = f"{last.values[y]} {v}" if y in last.values else v
        else:
            prev.targets.append(target)
    res_text = own.get("result")
    if prev.targets and res_text:
        last = prev.targets[-1]
        last.result = one_line(_append(last.result, res_text, " "))


# ---------------------------------------------------------------- indicators


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


# ---------------------------------------------------------------- entry point


def clean_activity(act: ActivityRecord) -> ActivityRecord:
    for r in TEXT_ROLES:
        v = getattr(act, r)
        if v is not None:
            v = one_line(v) if r == "title" else clean_text(v)
            setattr(act, r, v or None)
    for t in act.targets:
        t.result = one_line(t.result) if t.result else t.result
    return act


def stitch(tables: list[Table], rows_can_split: bool = True) -> StitchResult:
    """Activities and indicators from the tables of one document."""
    res = StitchResult()
    for group in group_tables(tables):
        if group.layout.kind == "activities":
            acts = [clean_activity(a) for a in activities_from(group, rows_can_split)]
            acts = [a for a in acts if a.title or a.number]
            if not res.columns:
                res.columns = [r for r in group.layout.roles if r]
                res.header = group.layout.header
            res.activities.extend(acts)
        elif group.layout.kind == "indicators":
            res.indicators.extend(indicators_from(group, rows_can_split))
    if not res.activities:
        res.flags.append("no_activity_table")
    return res
