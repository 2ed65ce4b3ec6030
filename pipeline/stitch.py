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
6. Section rows in every format: a numbered row with no responsible, deadline
   or result where the other rows have them, that opens a list ("1." before
   "1.1", or a list restarting at 1), is a heading; so is a bare title over a
   restarting list, words alone in the № cell, or a month row ("Сентябрь").
7. Item numbers inside the title cell ("1.1.Ознакомить", "3) Провести",
   "IV. …") are split off when the № cell is empty and they continue the
   neighbours' sequence (flag ``number_from_title``).
8. An unnumbered row going on mid-sentence in lower case continues the row
   above (every format); a heading broken by a page is joined.
9. Several plans per file: a table after a heading of its own whose numbering
   restarts, or with a caption row above its header, is another plan; with
   two or more plans, each plan's heading is the outermost section.
10. A calendar with an empty № column: each titled row is an activity, and a
    month row completes days-only deadlines ("1-10" → "1-10 сентября").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional

from extractors.grid import Row, Table, TextBlock
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
# an item number written at the start of the title cell: "1.1.Ознакомить", "1.1) …", "3) Провести";
# never "2024 год" (4 digits), "3D-моделирование" or "1.5 млн" (no "." or ")" after the number)
TITLE_NUMBER_RE = re.compile(r"^\s*((?:\d{1,3}\.)*\d{1,3})[.)]\s*(?=[^\W\d_]|[«\"(])")
TITLE_ROMAN_RE = re.compile(r"^\s*([IVXL]{1,6})[.)]\s*(?=[^\W\d_]|[«\"(])")
# OCR reads "1" as "l" or "|": accepted only where it makes the exact next number of the list
OCR_TITLE_NUMBER_RE = re.compile(r"^\s*((?:[\dl|]{1,3}\.)*[\dl|]{1,3})[.)]\s*(?=[^\W\d_]|[«\"(])")
OCR_DIGITS = str.maketrans("l|", "11")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
MAX_NUMBER_GAP = 3          # "3.1" then "3.3": a skipped item still continues the sequence
FIELD_ROLES = ("responsible", "deadline", "result", "result_document")
MONTHS_GENITIVE = {"январь": "января", "февраль": "февраля", "март": "марта", "апрель": "апреля",
                   "май": "мая", "июнь": "июня", "июль": "июля", "август": "августа",
                   "сентябрь": "сентября", "октябрь": "октября", "ноябрь": "ноября", "декабрь": "декабря"}
MONTH_ROW_RE = re.compile(r"^\s*(" + "|".join(MONTHS_GENITIVE) + r")\s*((?:19|20)\d{2})?\s*(?:г\.?|года?)?\s*$",
                          re.I)
DAYS_ONLY_RE = re.compile(r"^\s*(?:(?:с|до|по)\s*)?\d{1,2}(?:\s*[-–—]\s*\d{1,2})?"
                          r"(?:\s*[,;и]\s*\d{1,2}(?:\s*[-–—]\s*\d{1,2})?)*\s*$", re.I)
DEADLINE_LIKE_RE = re.compile(
    r"(?:19|20)\d{2}|\d{1,2}\.\d{1,2}|" + "|".join(m[:4] for m in MONTHS_GENITIVE)
    + r"|квартал|ежегодн|ежемесячн|еженедельн|постоянн|в течение|по мере|до \d", re.I)


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


@dataclass
class Layout:
    """Column roles of one logical table."""

    roles: list[Optional[str]]          # per grid column
    header: list[str]                   # header texts as printed (origin cells, in order)
    n_header_rows: int
    kind: str = "other"                 # "activities" | "indicators" | "other"
    col_headers: list[str] = field(default_factory=list)   # header text over each grid column
    caption: Optional[str] = None       # a title row spanning the table above its header

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
    heading: Optional[str] = None       # the plan's own heading (caption row or text just above)


# ---------------------------------------------------------------- header detection


def _dense(row: Row, n_cols: int) -> list[str]:
    out = [""] * n_cols
    for c in row.cells:
        if 0 <= c.col < n_cols:
            out[c.col] = c.text
    return out


MAX_CAPTION_ROWS = 2


def _caption_rows(table: Table) -> list[str]:
    """Title rows above a table's header: one text spanning (almost) the whole width."""
    out: list[str] = []
    for row in table.rows[:MAX_CAPTION_ROWS]:
        own = [c for c in row.cells if not c.empty]
        if len(own) != 1 or own[0].colspan < max(2, table.n_cols - 1):
            break
        out.append(one_line(own[0].text) or "")
    return out


def detect_layout(table: Table) -> Optional[Layout]:
    """Header rows and column roles of a table, or None when its top is no header.

    Title rows spanning the table above the header ("План мероприятий на 2024 год") are
    skipped and kept as the layout's ``caption``."""
    captions = _caption_rows(table)
    if captions and len(table.rows) > len(captions):
        rest = Table(rows=table.rows[len(captions):], n_cols=table.n_cols, page_start=table.page_start,
                     page_end=table.page_end)
        lay = _detect_layout(rest)
        if lay is not None and lay.kind != "other":
            lay.n_header_rows += len(captions)
            lay.caption = " ".join(captions)
            return lay
    return _detect_layout(table)


def _detect_layout(table: Table) -> Optional[Layout]:
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
    for i, t in enumerate(tables):
        if not t.rows:
            continue
        lay = detect_layout(t)
        prev = groups[-1] if groups else None
        heading = heading_before(blocks, i, t) if t.nested_in is None else None
        own_heading = bool(heading) and not _running_text(blocks, heading, i) \
            and not _starts_lower(heading) and (prev is None or _numbering_restarts(prev, t, lay))
        if lay is not None and lay.kind != "other":
            if prev and _same_header(prev.layout, lay) and _later_page(prev, t) and not own_heading \
                    and not lay.caption:
                prev.fragments.append(t)       # header repeated on the new page
            else:
                groups.append(LogicalTable(layout=lay, n_cols=t.n_cols, fragments=[t],
                                           heading=lay.caption or heading))
        elif prev and own_heading and t.nested_in is None and t.n_cols == prev.n_cols \
                and prev.layout.kind == "activities" and _plausible_rows(t, prev.layout):
            lay2 = replace(prev.layout, n_header_rows=0, caption=None)
            groups.append(LogicalTable(layout=lay2, n_cols=t.n_cols, fragments=[t], heading=heading))
        elif prev and (t.continues_previous or (t.n_cols == prev.n_cols and _later_page(prev, t))):
            prev.fragments.append(t)
        elif prev and t.continues_previous is False and t.n_cols == prev.n_cols and t.nested_in is None \
                and (t.page_start is None or _plausible_rows(t, prev.layout)):
            prev.fragments.append(t)
    return groups


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
            out.append(DataRow(slots=slots, page=page, after_page_break=brk))
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
    if role in ("title", "number") and MONTH_ROW_RE.match(s.text):
        return one_line(s.text)     # a calendar's month row ("Сентябрь") in one cell of the grid
    if role == "number" and len(re.findall(r"[^\W\d_]", s.text)) >= 4:
        return one_line(s.text)     # words alone in the № cell: a heading row cut by ruling lines
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


def roman_value(text: str) -> Optional[int]:
    """"IV" → 4; None when the letters are no Roman number."""
    vals = [ROMAN_VALUES.get(ch) for ch in text.upper()]
    if not vals or None in vals:
        return None
    total = sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))
    return total if total > 0 else None


def number_parts(number: Optional[str]) -> Optional[tuple[int, ...]]:
    """"1.2" → (1, 2); "IV" → (4,); None for anything that is not an item number."""
    if not number:
        return None
    t = number.strip().rstrip(".)")
    if re.fullmatch(r"(?:\d{1,3}\.)*\d{1,3}", t):
        return tuple(int(x) for x in t.split("."))
    r = roman_value(t) if re.fullmatch(r"[IVXL]{1,6}", t) else None
    return (r,) if r else None


def follows(prev: Optional[tuple[int, ...]], cand: tuple[int, ...]) -> bool:
    """Whether item number ``cand`` can come next after ``prev`` in a numbered list:
    the next item at some level ("1.2" → "1.3", "2"), or the first child ("1" → "1.1")."""
    if prev is None:
        return cand[-1] <= 2
    k = len(cand)
    if k == len(prev) + 1 and cand[:-1] == prev:
        return 1 <= cand[-1] <= 2
    for j in range(min(k, len(prev))):     # the next item at level j, then first children
        if cand[:j] == prev[:j] and 1 <= cand[j] - prev[j] <= MAX_NUMBER_GAP:
            return all(x <= 2 for x in cand[j + 1:])
        if cand[j] != prev[j]:
            break
    return False


def split_title_number(title: str, prev: Optional[tuple[int, ...]]) -> Optional[tuple[str, str]]:
    """(number, rest) when the title starts with an item number that continues the sequence."""
    m = TITLE_NUMBER_RE.match(title or "")
    if m:
        parts = number_parts(m.group(1))
        if parts and follows(prev, parts):
            return m.group(1), title[m.end():].strip()
        return None
    m = OCR_TITLE_NUMBER_RE.match(title or "")
    if m and prev is not None:          # "ll. Использование" read by OCR for "11."
        parts = number_parts(m.group(1).translate(OCR_DIGITS))
        if parts and len(parts) == len(prev) and parts[:-1] == prev[:-1] and parts[-1] == prev[-1] + 1:
            return m.group(1).translate(OCR_DIGITS), title[m.end():].strip()
    m = TITLE_ROMAN_RE.match(title or "")
    if m:
        value = roman_value(m.group(1))
        if value and (prev is None and value <= 2 or prev is not None and len(prev) == 1
                      and 1 <= value - prev[0] <= MAX_NUMBER_GAP or value == 1):
            return m.group(1), title[m.end():].strip()
    return None


@dataclass
class _RowView:
    """What a data row holds, read once: its number (from the № cell or the title) and texts."""

    row: DataRow
    number: Optional[str]
    number_text: str             # the number as printed ("1.", "IV")
    from_title: bool             # the number was split off the title cell
    own: dict[str, str]
    full: dict[str, str]
    heading: Optional[str] = None


def _row_views(rows: list[DataRow], lay: Layout, n: int) -> list[_RowView]:
    """Numbers split off titles (rule 4) and section rows found (rule 3), row by row."""
    num_col = lay.col("number")
    cols = {r: lay.cols(r) for r in TEXT_ROLES}
    views: list[_RowView] = []
    last: Optional[tuple[int, ...]] = None
    for row in rows:
        num_slot = row.slots[num_col] if num_col is not None else None
        number = _number(num_slot.text) if num_slot and not num_slot.merged else None
        own = {r: _text(row, cs, own_only=True) for r, cs in cols.items()}
        full = {r: _text(row, cs) for r, cs in cols.items()}
        v = _RowView(row=row, number=number, number_text=(num_slot.text.strip() if number else ""),
                     from_title=False, own=own, full=full)
        v.heading = heading_of(row, lay, n)
        merged_number = num_slot is not None and num_slot.merged
        if v.heading is None and number is None and not merged_number and own["title"]:
            split = split_title_number(own["title"], last)
            if split:
                title = own["title"].strip()
                v.number, v.from_title = split[0], True
                v.number_text = title[:len(title) - len(split[1])].strip() if split[1] else title
                v.own["title"] = v.full["title"] = split[1]
        parts = number_parts(v.heading.split()[0] if v.heading else v.number)
        if parts:
            last = parts
        views.append(v)
    _numbered_section_rows(views, lay)
    if num_col is not None:
        _unnumbered_section_rows(views, lay)
    return views


def _has_fields(v: _RowView, lay: Layout) -> bool:
    return any(v.full[r] for r in FIELD_ROLES) or bool(lay.years and any(
        v.row.slots[c].text.strip() for c in lay.years))


def _numbered_section_rows(views: list[_RowView], lay: Layout) -> None:
    """Rule 3 for numbered rows: "1. Организационные мероприятия" with no responsible, deadline
    or result where the other numbered rows have them, followed by its first item ("1.1") or a
    list restarting at 1 — a section heading, not an activity."""
    numbered = [v for v in views if v.heading is None and v.number and number_parts(v.number)]
    with_fields = [v for v in numbered if _has_fields(v, lay)]
    if len(with_fields) < 2 or len(with_fields) * 2 < len(numbered):
        return
    for i, v in enumerate(views):
        if v not in numbered or _has_fields(v, lay) or not v.own["title"]:
            continue
        if any(s.merged and s.text.strip() for s in v.row.slots):
            continue
        parts = number_parts(v.number)
        nxt = next((w for w in views[i + 1:] if w.heading is None and number_parts(w.number)), None)
        nparts = number_parts(nxt.number) if nxt else None
        child = nparts is not None and len(nparts) > len(parts) and nparts[:len(parts)] == parts
        restart = nparts is not None and len(nparts) == 1 and nparts[0] <= 1
        marked = any(s.bold for s in v.row.slots if s.text.strip()) or bool(HEADING_WORDS.match(v.own["title"]))
        if child or restart or marked:
            v.heading = one_line(f"{v.number_text} {v.own['title']}")


def _unnumbered_section_rows(views: list[_RowView], lay: Layout) -> None:
    """Rule 3 for a bare title in a numbered table (a heading row cut into cells by ruling lines,
    only its title cell holding text): a heading when the rows under it start a new list
    ("1", "2.1"); otherwise it stays a sub-item of the activity above."""
    numbered = [v for v in views if v.heading is None and number_parts(v.number)]
    if len(numbered) < 2:
        return
    for i, v in enumerate(views):
        if v.heading is not None or v.number is not None or not v.own["title"]:
            continue
        if any(s.merged for s in v.row.slots) or any(t for r, t in v.full.items() if r != "title"):
            continue
        if i > 0 and views[i - 1].heading and _continues_heading(views[i - 1].heading, v.own):
            continue                    # the rest of a heading broken by a page
        if lay.years and any(v.row.slots[c].text.strip() for c in lay.years):
            continue
        nxt = views[i + 1] if i + 1 < len(views) else None
        parts = number_parts(nxt.number) if nxt is not None and nxt.heading is None else None
        if parts and parts[-1] == 1:
            v.heading = one_line(v.own["title"])


def activities_from(group: LogicalTable, rows_can_split: bool) -> list[ActivityRecord]:
    lay, n = group.layout, group.n_cols
    num_col = lay.col("number")
    unknown = [c for c, r in enumerate(lay.roles) if r is None and (c >= len(lay.col_headers) or lay.col_headers[c])]
    open_headings: list[tuple[int, str]] = []
    acts: list[ActivityRecord] = []
    after_heading = False
    views = _row_views(data_rows(group), lay, n)
    numbered_table = any(v.number for v in views if v.heading is None)
    for v in views:
        row, head = v.row, v.heading
        if head:
            level = heading_level(head)
            open_headings = [(lv, t) for lv, t in open_headings if lv < level] + [(level, head)]
            after_heading = True
            continue
        if not _nonempty(row) and not any(s.merged for s in row.slots):
            continue
        num_slot = row.slots[num_col] if num_col is not None else None
        number, own, full = v.number, v.own, v.full
        if after_heading and open_headings and number is None and _continues_heading(open_headings[-1][1], own):
            level, text = open_headings[-1]      # a heading broken by a page: join its pieces
            open_headings[-1] = (level, f"{text} {one_line(own['title'])}")
            continue
        after_heading = False
        target = _row_target(row, lay) if lay.years else None
        prev = acts[-1] if acts else None
        unnumbered = num_col is None or not numbered_table
        starts_new = prev is None or number is not None or unnumbered and bool(own["title"])
        if unnumbered and prev is not None and number is None and _continues_text(prev, own):
            starts_new = False
        if num_slot is not None and num_slot.merged and prev is not None:
            starts_new = False
        if starts_new:
            act = ActivityRecord(section=[t for _, t in open_headings], number=number, title=None,
                                 page_start=row.page, page_end=row.page)
            for r in TEXT_ROLES:
                setattr(act, r, full[r] or None)
            act.confidence = min(s.confidence for s in row.slots) if row.slots else 1.0
            if number is not None and not NUMBER_RE.match(number) and not v.from_title:
                act.flags.append("number_not_numeric")   # kept as printed (or as OCR read it)
            if v.from_title:
                act.flags.append("number_from_title")
            _complete_days(act, open_headings)
            act.extra = {lay.col_headers[c]: t for c in unknown
                         if (t := one_line(row.slots[c].text)) and lay.col_headers[c]}
            if target:
                act.targets.append(target)
            acts.append(act)
            continue
        prev.page_end = row.page if row.page is not None else prev.page_end
        event_only = bool(own["title"]) and not target and not any(
            own[r] for r in ("responsible", "result", "result_document", "description", "tasks"))
        if rows_can_split and row.after_page_break and prev.sub_items and event_only:
            _continue_sub_items(prev, own)
        elif rows_can_split and row.after_page_break and not _is_complete_subrow(prev, target):
            _continue_row(prev, own, target)
        elif _continues_text(prev, own):
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


def _complete_days(act: ActivityRecord, open_headings: list[tuple[int, str]]) -> None:
    """A calendar: a deadline of days only ("1-10") under a month row ("Сентябрь") reads
    "1-10 сентября" (flag ``deadline_month_from_row``); the printed days are otherwise kept."""
    if not act.deadline or not DAYS_ONLY_RE.match(act.deadline) or not open_headings:
        return
    m = MONTH_ROW_RE.match(open_headings[-1][1])
    if not m:
        return
    month = MONTHS_GENITIVE[m.group(1).lower()]
    act.deadline = " ".join(x for x in (act.deadline.strip(), month, m.group(2) and f"{m.group(2)} г.") if x)
    act.flags.append("deadline_month_from_row")


def _open_ended(text: Optional[str]) -> bool:
    """A text that stops mid-sentence (no final full stop, semicolon, "!" or "?")."""
    return bool(text) and not text.rstrip().endswith((".", ";", "!", "?", ":"))


def _starts_lower(text: str) -> bool:
    t = text.lstrip(" \t\n«\"(")
    return bool(t) and t[0].isalpha() and t[0].islower()


def _continues_text(prev: ActivityRecord, own: dict[str, str]) -> bool:
    """Rule 5 in every format: an unnumbered row whose title goes on with a lower-case word where
    the title above stopped mid-sentence continues that row (a row broken by a page or a
    converter), it is no sub-row."""
    title = own.get("title") or ""
    if not (title and _starts_lower(title) and _open_ended(prev.title) and not prev.sub_items):
        return False
    # a second deadline or responsible of its own ("ЦЗН", "Март") makes it a sub-row / new item
    return all(_starts_lower(own[r]) for r in ("deadline", "responsible") if own.get(r) and getattr(prev, r))


def _continues_heading(heading: str, own: dict[str, str]) -> bool:
    """A title-only row right under a heading that goes on with a lower-case word."""
    if any(t for r, t in own.items() if r != "title"):
        return False
    return _starts_lower(own.get("title") or "") and _open_ended(heading)


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


def stitch(tables: list[Table], rows_can_split: bool = True,
           blocks: Optional[list[TextBlock]] = None) -> StitchResult:
    """Activities and indicators from the tables of one document.

    When the document holds several activity plans (tables), each plan's heading becomes the
    outermost section of its activities; a lone plan's heading is the document title and is
    not repeated in the sections."""
    res = StitchResult()
    groups = group_tables(tables, blocks)
    several = sum(1 for g in groups if g.layout.kind == "activities") >= 2
    for group in groups:
        if group.layout.kind == "activities":
            acts = [clean_activity(a) for a in activities_from(group, rows_can_split)]
            acts = [a for a in acts if a.title or a.number]
            if several and group.heading:
                for a in acts:
                    a.section = [group.heading] + a.section
            if not res.columns:
                res.columns = [r for r in group.layout.roles if r]
                res.header = group.layout.header
            res.activities.extend(acts)
        elif group.layout.kind == "indicators":
            res.indicators.extend(indicators_from(group, rows_can_split))
    if not res.activities:
        for group in _headerless_plans(tables, groups):
            acts = [clean_activity(a) for a in activities_from(group, rows_can_split)]
            res.activities.extend(a for a in acts if a.title)
            res.columns = res.columns or [r for r in group.layout.roles if r]
        if res.activities:
            res.flags.append("plan_without_header")
    if not res.activities:
        res.flags.append("no_activity_table")
    return res


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
