"""Stitching, step 2: the data rows of a logical table (repeated headers dropped, merged cells
filled), heading rows and their level, and the text tests for rows that continue the row above."""

from __future__ import annotations

import re
from typing import Optional

from extractors.grid import Cell, Row
from normalizers.lazy_re import lazy
from normalizers.text import clean_text, one_line
from pipeline.records import ActivityRecord, TargetRecord
from pipeline.roles import is_numbering_row
from pipeline.stitch.layout import DataRow, HEADING_WORDS, LEADING_NUMBER_RE, Layout, LogicalTable, MONTH_ROW_RE, NUMBER_RE, Slot, _is_repeated_header, _same_header, damaged_repeat, detect_layout, header_alone, is_scan, misread_repeat


def data_rows(group: LogicalTable) -> list[DataRow]:
    """Dense rows (vertical merges resolved) of a logical table, headers dropped."""
    n = group.n_cols
    out: list[DataRow] = []
    for fi, frag in enumerate(group.fragments):
        lay_here = detect_layout(frag)
        # a repeated header has as many rows as the first one (the rest of a row broken by the
        # page, "реализации плана мероприятий | 2024 года", can look like a lower header row)
        skip = min(lay_here.n_header_rows, group.layout.n_header_rows) \
            if (lay_here and (_same_header(lay_here, group.layout)
                              or is_scan(frag) and (damaged_repeat(lay_here, group.layout)
                                                    or misread_repeat(lay_here, group.layout)))) else 0
        if not skip and lay_here and is_scan(frag) and lay_here.n_header_rows > group.layout.n_header_rows \
                and header_alone(frag, group.layout) is not None:
            skip = group.layout.n_header_rows      # a continued row under the repeated header is data
        if fi == 0:
            skip = group.layout.n_header_rows
        pending: dict[int, tuple[Slot, int]] = {}   # col -> (slot, rows still covered)
        first = True
        for ri, row in enumerate(frag.rows):
            if ri < skip:
                continue
            if _is_repeated_header(row, group.layout) or is_numbering_row(row.texts) \
                    or (is_scan(frag) and (_specked_numbering_row(row)
                                           or (ri == skip and _numbers_its_columns(row)))):
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
                if is_scan(frag) and _words_over_number_and_title(c, group.layout, n):
                    # the rule between № and title lost over a row with no number: its text is the title's
                    slots[c.col + 1] = Slot(text=c.text, origin_col=c.col + 1, bold=c.bold, confidence=c.confidence)
                    continue
                if first and fi > 0 and out and c.rowspan > 1 and not c.text.strip() and out[-1].slots[c.col].text.strip():
                    # a cell merged down across the page break: its text stayed on the page before
                    above = out[-1].slots[c.col]
                    s = Slot(text=above.text, merged=True, origin_col=c.col, span=c.colspan, bold=above.bold)
                for k in range(c.col, min(n, c.col + c.colspan)):
                    slots[k] = s if k == c.col else Slot(text="", origin_col=c.col, span=c.colspan, merged=False)
                if c.rowspan > 1:
                    for k in range(c.col, min(n, c.col + c.colspan)):
                        pending[k] = (s if k == c.col else Slot(origin_col=c.col), c.rowspan - 1)
            page = row.page if row.page is not None else frag.page_start
            brk = bool(out) and ((first and fi > 0) or (page is not None and out[-1].page is not None
                                                          and page > out[-1].page))
            out.append(DataRow(slots=slots, page=page, after_page_break=brk, bbox=_row_box(row),
                               scanned=is_scan(frag), flags=list(row.flags)))
            first = False
    return out


MAX_NUMBERING_CELL = 6


def _words_over_number_and_title(cell: Cell, layout: Layout, n: int) -> bool:
    """A scan cell across exactly the № and the title columns (of four or more) whose text opens with
    no item number, no section number and no heading word: a row the rule between № and title was
    lost over, the rest of a title broken by the page ("реализации плана мероприятий")."""
    if n < 4 or cell.colspan != 2 or cell.rowspan != 1 or not cell.text.strip():
        return False
    roles = layout.roles[cell.col:cell.col + 2]
    text = cell.text.lstrip(LEADING_MARKS)
    return (list(roles) == ["number", "title"] and not text[:1].isdigit()
            and not HEADING_WORDS.match(text) and not re.match(r"[IVX]{1,5}\b", text))


DIGIT_LOOKALIKES = str.maketrans({"I": "1", "l": "1", "|": "1", "!": "1", "О": "0", "O": "0", "о": "0", "З": "3", "б": "6"})


def _digits_read(text: str) -> str:
    """A short cell of a numbering row that holds no digit with the letters OCR reads for digits
    as digits ("I" for "1", "З" for "3"); a cell with any other letter, or with digits (a mark
    beside them is a speck), is left as it is."""
    text = text.strip()
    if re.search(r"\d", text):        # digits read: a mark beside them is a speck ("1.|2")
        return text
    mapped = text.translate(DIGIT_LOOKALIKES)
    return mapped if not re.search(r"[^\W\d_]", mapped) else text


MIN_SPECKED_COUNT = 4     # a numbering row with one digit too many counts at least this far


def _specked_numbering_row(row: Row) -> bool:
    """A scan's column-numbering row with specks in it ("1.| 2" | ".3З" | "4" | "5"): short cells,
    no word, and their digits in order count 1, 2, 3, … (a cell across two columns holds two), also
    with one digit more that a speck was read as, when they count to ``MIN_SPECKED_COUNT`` at least."""
    texts = [c.text.strip() for c in row.cells if c.text.strip()]
    if len(texts) < 3 or any(len(t) > MAX_NUMBERING_CELL or re.search(r"[^\W\d_]{2}", t) for t in texts):
        return False
    digits = [int(d) for t in texts for d in re.findall(r"\d", t)]
    if len(digits) >= 3 and digits == list(range(1, len(digits) + 1)):
        return True
    # one speck read as a digit among them ("1" | "2" | "7 3" | "4 5"): the others count on
    return len(digits) >= MIN_SPECKED_COUNT + 1 and any(
        digits[:i] + digits[i + 1:] == list(range(1, len(digits))) for i in range(len(digits)))


MIN_NUMBERED_COLUMNS = 3


def _numbers_its_columns(row: Row) -> bool:
    """A scan's column-numbering row some of whose numbers were lost ("1" | "" | "3" | "„4" | "5"):
    each cell with text holds just the number of its own column (a cell across two, both; a cell
    before an empty one, maybe that one's number too: "4 5" | ""), no word,
    and at least ``MIN_NUMBERED_COLUMNS`` numbers are read; one cell of digits and marks may read
    otherwise ("4 75"), or, with three read right, two where one is a lone letter ("а" for "1").
    Only the first row under the header is asked (a row of a targets table may hold small numbers
    in its year columns)."""
    cells = [c for c in row.cells if c.text.strip()]
    if sum(c.colspan for c in cells) < MIN_NUMBERED_COLUMNS:
        return False
    filled = {k for c in cells for k in range(c.col, c.col + c.colspan)}
    right = numbered = lettered = 0
    for c in cells:
        text = _digits_read(c.text)
        if len(text) > MAX_NUMBERING_CELL or re.search(r"[^\W\d_]{2}", text):
            return False
        found = [int(d) for d in re.findall(r"\d+", text)]
        # the next column's number too, where that column's cell is empty: a rule between them
        # lost or shifted ("4 5" | "")
        span = len(found) if len(found) > c.colspan and not filled & set(range(c.col + c.colspan, c.col + len(found))) \
            else c.colspan
        if found == list(range(c.col + 1, c.col + span + 1)):
            right, numbered = right + 1, numbered + span
        elif re.search(r"[^\W\d_]", text):
            lettered += 1
    # all of them, or all but one that holds only digits and marks too ("4 75": a speck on the "5"
    # beside it), and at least MIN_NUMBERED_COLUMNS numbers ("1.|2" across two columns and "4");
    # or two misread where one is a lone letter ("а" | "2" | "3" | "74" | "5"), three read right
    wrong = len(cells) - right
    return numbered >= MIN_NUMBERED_COLUMNS and (wrong <= 1 or (wrong == 2 and lettered > 0 and right >= 3))


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
    if _spanning_pieces(own, layout, n_cols) or (row.scanned and _numbered_heading_piece(
            [s for s in own if s.confidence >= SPECK_CONFIDENCE], layout, n_cols)):
        # one heading cut in two or three spanning pieces by a rule a scan showed through it
        return one_line(" ".join(s.text.strip() for s in own))
    if row.scanned and _worded_heading_with_specks(own, layout, n_cols):
        # "Раздел 2. …" across the № and title columns, specks read as letters in other cells
        return one_line(own[0].text.lstrip(LEADING_MARKS))
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


MAX_HEADING_PIECES = 3


def _spanning_pieces(own: list[Slot], layout: Layout, n_cols: int) -> bool:
    """A row of two or three texts, each spanning columns of two or more different roles, that
    together cover (almost) the whole width: one heading a spurious rule cut into pieces. A data
    row never has a cell across columns of different roles (a grid with doubled columns spans
    columns of one role)."""
    if not 2 <= len(own) <= MAX_HEADING_PIECES or sum(s.span for s in own) < max(2, n_cols - 1):
        return False
    for s in own:
        roles = {layout.roles[k] for k in range(s.origin_col, min(n_cols, s.origin_col + s.span))}
        if s.span < 2 or len(roles) < 2:
            return False
    return True


SPECK_CONFIDENCE = 0.5      # OCR confidence under which a short text in a heading row is a speck
SECTION_START_RE = lazy(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s*\S")


def _numbered_heading_piece(own: list[Slot], layout: Layout, n_cols: int) -> bool:
    """A scan row whose first text starts with a section number in a cell across the № and the
    title columns, with at most one more text (specks read at low confidence aside): a numbered
    heading the grid cut ("2. Реализация …" | "потребности …" | empty). A data row's number has a
    cell of its own, and a row whose № and title lost the rule between them still fills its other
    columns."""
    first, rest = own[0] if own else None, own[1:]
    if first is None or len(rest) > 1 or not _across_number_and_title(first, layout, n_cols):
        return False
    return bool(SECTION_START_RE.match(first.text)) and len(re.findall(r"[^\W\d_]", first.text)) >= 4


def _across_number_and_title(slot: Slot, layout: Layout, n_cols: int) -> bool:
    """A cell that opens in the № column and spans the title column (tables of four columns or more)."""
    if n_cols < 4:
        return False
    roles = [layout.roles[k] for k in range(slot.origin_col, min(n_cols, slot.origin_col + slot.span))]
    return roles[:1] == ["number"] and "title" in roles


LEADING_MARKS = " ‚,.'`’‘\"„“”-–—_"   # specks a scan reads before a heading's first word
SPECK_TEXT_CHARS = 2                   # a scan cell of this many letters or digits at most is a speck


def speck_text(text: str) -> bool:
    """Whether a scan's cell text is a speck: ``SPECK_TEXT_CHARS`` letters or digits at most."""
    return len(re.findall(r"[^\W_]", text)) <= SPECK_TEXT_CHARS


def _worded_heading_with_specks(own: list[Slot], layout: Layout, n_cols: int) -> bool:
    """A scan row whose first text spans the № and the title columns and opens with a heading
    word ("Раздел 2. …", "Направление …", "Блок …"), every other text in the row a speck of one or
    two characters: a heading (a data row has its number in a cell of its own)."""
    if not own or not _across_number_and_title(own[0], layout, n_cols):
        return False
    return bool(HEADING_WORDS.match(own[0].text.lstrip(LEADING_MARKS))) \
        and all(speck_text(s.text) for s in own[1:])


def _heading_parts(text: str) -> Optional[list[str]]:
    m = LEADING_NUMBER_RE.match(text) or NUMBER_RE.match(text)
    return [p for p in m.group(1).split(".") if p] if m else None


def heading_level(text: str) -> int:
    parts = _heading_parts(text)
    return len(parts) if parts else 1


def encloses(outer: str, inner: str) -> bool:
    """Whether heading ``outer`` can hold the deeper heading ``inner``: unless both are numbered and
    ``outer``'s number is no prefix of ``inner``'s ("1." holds "1.2", not "2.1")."""
    a, b = _heading_parts(outer), _heading_parts(inner)
    return a is None or b is None or b[:len(a)] == a


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


def _open_ended(text: Optional[str]) -> bool:
    """A text that stops mid-sentence (no final full stop, semicolon, "!" or "?")."""
    return bool(text) and not text.rstrip().endswith((".", ";", "!", "?", ":"))


def _starts_lower(text: str) -> bool:
    """Whether ``text`` opens with a lower-case letter (past brackets, quotes and a scan's specks)."""
    t = text.lstrip(" \t\n«\"(‘’‚'`„“”")
    return bool(t) and t[0].isalpha() and t[0].islower()


def _continues_text(prev: ActivityRecord, own: dict[str, str]) -> bool:
    """Rule 5 in every format: an unnumbered row whose title goes on with a lower-case word where
    the title above stopped mid-sentence continues that row (a row broken by a page or a
    converter), it is no sub-row."""
    title = own.get("title") or ""
    if not (title and _starts_lower(title) and _open_ended(prev.title) and not prev.sub_items):
        return False
    # a second deadline or responsible of its own ("ЦЗН", "Март") makes it a sub-row / new item;
    # the year of a deadline whose months stand above it with none ("июль" / "2025") goes on
    return all(_starts_lower(own[r]) or r == "deadline" and _year_goes_on(prev.deadline, own[r])
               for r in ("deadline", "responsible") if own.get(r) and getattr(prev, r))


def _year_goes_on(above: Optional[str], text: str) -> bool:
    """Whether ``text`` opens with a year that the deadline ``above`` (no year of its own) lacks."""
    return bool(re.match(r"\s*(?:19|20)\d\d(?!\d)", text)) and not re.search(r"(?:19|20)\d\d", above or "")


def _continues_heading(heading: str, own: dict[str, str]) -> bool:
    """A title-only row right under a heading that goes on with a lower-case word."""
    if any(t for r, t in own.items() if r != "title"):
        return False
    return _starts_lower(own.get("title") or "") and _open_ended(heading)


def _row_box(row: Row) -> Optional[tuple[float, float, float, float]]:
    """The row's box, else the union of its cells' boxes (None where unknown: DOCX)."""
    boxes = [row.bbox] if row.bbox else [c.bbox for c in row.cells if c.bbox]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _add_box(act: ActivityRecord, row: DataRow) -> None:
    """Grow the activity's box on the row's page (a new box on a new page); the row's quality
    flags join the activity's."""
    act.flags.extend(f for f in row.flags if f not in act.flags)
    if row.bbox is None or row.page is None:
        return
    for b in act.boxes:
        if b[0] == row.page:
            b[1:] = [min(b[1], row.bbox[0]), min(b[2], row.bbox[1]), max(b[3], row.bbox[2]), max(b[4], row.bbox[3])]
            return
    act.boxes.append([row.page, *row.bbox])
