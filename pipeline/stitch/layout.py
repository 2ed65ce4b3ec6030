"""Stitching, step 1: column roles from the header rows of a table (``Layout``), the typed row
and table shapes the other steps share, and the patterns they use."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz

from extractors.grid import Row, Table, is_ocr_extractor
from normalizers.lazy_re import lazy
from normalizers.text import one_line
from pipeline.roles import LOOSE_SCORE, header_role, is_numbering_row, loose_role_score, year_of


TEXT_ROLES = ("title", "description", "tasks", "responsible", "deadline", "result", "result_document")


ACTIVITY_ROLES = {"responsible", "deadline", "result", "result_document", "description", "tasks"}


HEADING_WORDS = lazy(
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


MAX_NUMBER_GAP = 3          # "3.1" then "3.3": a skipped item still continues the sequence


FIELD_ROLES = ("responsible", "deadline", "result", "result_document")


MONTHS_GENITIVE = {"январь": "января", "февраль": "февраля", "март": "марта", "апрель": "апреля",
                   "май": "мая", "июнь": "июня", "июль": "июля", "август": "августа",
                   "сентябрь": "сентября", "октябрь": "октября", "ноябрь": "ноября", "декабрь": "декабря"}


MONTH_ROW_RE = lazy(r"^\s*(" + "|".join(MONTHS_GENITIVE) + r")\s*((?:19|20)\d{2})?\s*(?:г\.?|года?)?\s*$",
                          re.I)


DAYS_ONLY_RE = re.compile(r"^\s*(?:(?:с|до|по)\s*)?\d{1,2}(?:\s*[-–—]\s*\d{1,2})?"
                          r"(?:\s*[,;и]\s*\d{1,2}(?:\s*[-–—]\s*\d{1,2})?)*\s*$", re.I)


DEADLINE_LIKE_RE = lazy(
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
    bbox: Optional[tuple[float, float, float, float]] = None
    scanned: bool = False       # read by OCR (scan-only rules apply)
    flags: list[str] = field(default_factory=list)   # the source row's quality flags


@dataclass
class Layout:
    """Column roles of one logical table."""

    roles: list[Optional[str]]          # per grid column
    header: list[str]                   # header texts as printed (origin cells, in order)
    n_header_rows: int
    kind: str = "other"                 # "activities" | "indicators" | "other"
    col_headers: list[str] = field(default_factory=list)   # header text over each grid column
    caption: Optional[str] = None       # a title row spanning the table above its header
    notes: list[str] = field(default_factory=list)   # provenance ("header_role_loose_match:responsible")

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
    notes: list[str] = field(default_factory=list)   # provenance notes ("page 3: header_roles_from_previous_page")


MAX_CAPTION_ROWS = 2


def _caption_rows(table: Table) -> list[str]:
    """Title rows above a table's header: one text spanning (almost) the whole width, or none (an
    empty row: a rule drawn twice)."""
    out: list[str] = []
    for row in table.rows[:MAX_CAPTION_ROWS]:
        own = [c for c in row.cells if not c.empty]
        if own and (len(own) != 1 or own[0].colspan < max(2, table.n_cols - 1)):
            break
        out.append(one_line(own[0].text) if own else "")
    return out


def detect_layout(table: Table) -> Optional[Layout]:
    """Header rows and column roles of a table, or None when its top is no header.

    Title rows spanning the table above the header ("План мероприятий на 2024 год") are
    skipped and kept as the layout's ``caption``."""
    captions = _caption_rows(table)
    if captions and len(table.rows) > len(captions):
        rest = Table(rows=table.rows[len(captions):], n_cols=table.n_cols, page_start=table.page_start,
                     page_end=table.page_end, extractor=table.extractor)
        lay = _detect_layout(rest)
        if lay is not None and lay.kind != "other":
            lay.n_header_rows += len(captions)
            lay.caption = " ".join(c for c in captions if c) or None    # an empty row is no caption
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
        if n_header == 0 and (len([1 for _, r in known if r != "year"]) < 2 or _numbered_data_row(row)):
            break
        totals = [c for c, r in row_roles if r is None and TOTAL_HEAD_RE.match(c.text or "")]
        # a scan's "п/п" read as "mn" under "№": two letters or fewer and no digit name no column
        specks = [c for c, r in row_roles if r is None and len(re.findall(r"[^\W\d_]", c.text)) <= 2
                  and not re.search(r"\d", c.text)] if years else []
        year_row = (bool(years) and len(years) + len(totals) + len(specks) == len(row_roles)
                    and (len(years) >= 2 or row.is_header))
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
    loose = _one_missing_role(table.rows[0], roles) if is_scan(table) else None
    _number_column_by_content(table, roles, n_header)
    roles = funding_years(roles, col_headers)
    # a spanning "targets" header over year columns: the years carry the values
    roles = [None if r == "targets" and any((x or "").startswith("target:") for x in roles) else r for r in roles]
    if "title" not in roles and "description" in roles:
        roles = ["title" if r == "description" else r for r in roles]
    if "title" not in roles and "indicator" in roles and ACTIVITY_ROLES & set(roles):
        roles = ["title" if r == "indicator" else r for r in roles]
    if "title" in roles and "result" not in roles and "indicator" in roles:   # "Показатель результативности"
        roles = ["result" if r == "indicator" else r for r in roles]
    lay = Layout(roles=roles, header=header, n_header_rows=n_header, col_headers=col_headers)
    if loose:
        lay.notes.append(f"page {table.page_start}: header_role_loose_match:{loose}")
    present = set(roles)
    if "title" in present and present & {"responsible", "deadline", "result"}:
        lay.kind = "activities"
    elif "indicator" in present or ("title" in present and ("unit" in present or lay.years)):
        lay.kind = "indicators"
    return lay


def _numbered_data_row(row: Row) -> bool:
    """A row with an item number in a cell of its own ("2", "3.1.") beside texts: a data row whose
    words happen to name roles ("Организация мероприятий", "Отчет о результатах") at the top of a
    continued page, no header (a column-numbering row has numbers only)."""
    texts = [c.text for c in row.cells if not c.empty]
    return any(NUMBER_RE.match(t) for t in texts) and any(re.search(r"[^\W\d_]{3}", t) for t in texts)


EXPECTED_ROLES = ("title", "responsible", "deadline", "result")


def _one_missing_role(first: Row, roles: list[Optional[str]]) -> Optional[str]:
    """A scan's header that names all the expected roles of a plan but one (or two: a plan may have
    no result column), with one header cell of no role that reads like one of them at a lower bar
    (``LOOSE_SCORE``): the cell takes it ("Истюлиители" for "Исполнители", "Срек" for "Срок").
    Nothing is taken when two cells, or two roles, could be it."""
    missing = [r for r in EXPECTED_ROLES if r not in roles]
    if not 1 <= len(missing) <= 2:
        return None
    unknown = [c for c in first.cells if not c.empty and all(roles[k] is None for k in
               range(c.col, min(len(roles), c.col + c.colspan))) and len(re.findall(r"[^\W\d_]", c.text)) >= 4]
    hits = [(c, role) for c in unknown for role in missing if loose_role_score(c.text, role) >= LOOSE_SCORE]
    if len(hits) == 1:
        c, role = hits[0]
        for k in range(c.col, min(len(roles), c.col + c.colspan)):
            roles[k] = role
        return role
    return None


MIN_NUMBERED_SHARE = 0.6   # share of a column's filled cells that are item numbers ("1", "2.3.")
MIN_NUMBERED_CELLS = 3
MIN_ALL_NUMBERED_CELLS = 2   # ... or this many, all item numbers, one a sub-item's (``_all_numbered``)


def _number_column_by_content(table: Table, roles: list[Optional[str]], n_header: int) -> None:
    """No header named the № column (an OCR slip such as "п/т"; or the header's "№" cell was
    joined to the title's, its rule lost on a scan, so the title's header spans both): a column
    without a role left of the title, or the first of two the title's header spans, whose filled
    cells are mostly item numbers (or, on a page of two items, all are: "11", "1.2.") is the number column."""
    if "number" in roles or "title" not in roles:
        return
    title_col = roles.index("title")
    spans = title_col + 1 < len(roles) and roles[title_col + 1] == "title"
    for k in range(title_col + (1 if spans else 0)):
        if roles[k] is not None and k != title_col:
            continue
        texts = [c.text for row in table.rows[n_header:] for c in row.cells
                 if c.col == k and c.colspan == 1 and not c.empty]
        numbered = sum(1 for t in texts if NUMBER_RE.match(t))
        if (numbered >= MIN_NUMBERED_CELLS and numbered >= MIN_NUMBERED_SHARE * len(texts)
                or _all_numbered(texts) or _counts_up(texts)):
            roles[k] = "number"
            return


def _all_numbered(texts: list[str]) -> bool:
    """Two or more cells, all item numbers and one of them a sub-item's ("11", "1.2."): a page of two
    numbered items (two plain numbers that do not count up, "3" and "7", say nothing)."""
    return (len(texts) >= MIN_ALL_NUMBERED_CELLS and all(NUMBER_RE.match(t) for t in texts)
            and any("." in t.strip().rstrip(".") for t in texts))


def _counts_up(texts: list[str]) -> bool:
    """Two or more cells, all plain numbers counting up by one from 1 ("1", "2"): a first page
    with too few rows for the share test above is numbered all the same."""
    if len(texts) < 2 or not all(t.strip().rstrip(".").isdigit() for t in texts):
        return False
    nums = [int(t.strip().rstrip(".")) for t in texts]
    return nums == list(range(1, len(nums) + 1))


FUNDING_HEAD_RE = lazy(r"финансир|объ[её]м\s+средств|руб\.|рубл|ассигнован", re.I)
TOTAL_HEAD_RE = re.compile(r"^\s*(всего|итого)\b", re.I)   # "Всего" beside the years of a header
TARGET_HEAD_RE = re.compile(r"целев|индикатор|показател|значени", re.I)


def funding_years(roles: list[Optional[str]], col_headers: list[str]) -> list[Optional[str]]:
    """Year columns that hold money, not targets: ``target:2021`` → ``funding:2021``.

    A year column is funding when its header (with the rows above it) names financing
    ("Объём финансирования, тыс. руб." over 2020 / 2021 / 2022), or when the table has a
    "Источник финансирования" column and nothing that speaks of targets (no target, unit or
    indicator column)."""
    targets_named = any(r in ("targets", "unit", "indicator") for r in roles)
    by_source = "funding_source" in roles and not targets_named
    out = list(roles)
    for k, r in enumerate(roles):
        if r and r.startswith("target:") and _money_column(col_headers[k] or "", by_source):
            out[k] = "funding:" + r.split(":", 1)[1]
    return out


def _money_column(header: str, by_source: bool) -> bool:
    if TARGET_HEAD_RE.search(header):
        return False
    return by_source or bool(FUNDING_HEAD_RE.search(header))


def _role_kind(role: Optional[str]) -> Optional[str]:
    """The kind a header comparison goes by: every per-year target column is "targets", and a
    funding column is one whether its header names the money or its source ("Источник
    финансирования" read as "Исфочникфинансирования" names only the money)."""
    if role and role.startswith("target"):
        return "targets"
    return "funding" if role == "funding_source" else role


def _core_roles(lay: Layout) -> list[Optional[str]]:
    """The roles without trailing columns that have neither a role nor a header text: a strip of
    margin, a stamp or a page edge a scan read as one more, empty, column on one page only."""
    roles = list(lay.roles)
    heads = [(h or "").strip() for h in lay.col_headers]
    while roles and roles[-1] is None and not (len(roles) - 1 < len(heads) and heads[len(roles) - 1]):
        roles.pop()
    return roles


def _without_spanned_last(lay: Layout, roles: list[Optional[str]]) -> list[Optional[str]]:
    """``roles`` without the last column where the last header cell spans it with the column before
    (the same role and text twice: the rule between them lost over one more, empty, column)."""
    heads = [(h or "").strip() for h in lay.col_headers]
    if len(roles) >= 2 and roles[-1] is not None and roles[-1] == roles[-2] and len(heads) >= len(roles) \
            and heads[len(roles) - 1] == heads[len(roles) - 2]:
        return roles[:-1]
    return roles


def _same_header(a: Layout, b: Layout) -> bool:
    """The same table's header, allowing a cell or two misread (OCR) on a repeat, and an empty
    column with no header at the right edge of one page (``_core_roles``) or under its last header
    cell (``_without_spanned_last``)."""
    if a.roles == b.roles:
        return True
    ra, rb = _core_roles(a), _core_roles(b)
    if len(ra) == len(rb) + 1:          # one more column on one page only, under the last header cell
        ra = _without_spanned_last(a, ra)
    elif len(rb) == len(ra) + 1:
        rb = _without_spanned_last(b, rb)
    if len(ra) != len(rb):
        return False
    pairs = [(_role_kind(x), _role_kind(y)) for x, y in zip(ra, rb) if x or y]
    same = sum(1 for x, y in pairs if x == y)
    return bool(pairs) and same / len(pairs) >= 0.75


def is_scan(table: Table) -> bool:
    """A fragment read by OCR (``ruled-ocr``, ``ocr-borderless``, …)."""
    return is_ocr_extractor(table.extractor)


def damaged_repeat(here: Layout, before: Layout) -> bool:
    """A scan page's header that repeats the header of the page before with roles lost (an OCR
    slip such as "Истюлиители"): as many columns, fewer roles known, at least one known and none
    that contradicts the role of the same column before. Its columns take the roles before."""
    ra, rb = _core_roles(here), _core_roles(before)
    if len(ra) != len(rb) or here.n_header_rows == 0:
        return False
    known = [(_role_kind(x), _role_kind(y)) for x, y in zip(ra, rb) if x]
    n_before = sum(1 for y in rb if y)
    return bool(known) and len(known) < n_before and all(x == y for x, y in known) \
        and _reads_like(here.col_headers, before.col_headers)


MIN_HEADER_LIKENESS = 60      # fuzz.ratio of a header cell to the same column's header before
MIN_ALIKE_SHARE = 0.6
MIN_MISREAD_COLUMNS = 3


def misread_repeat(here: Layout, before: Layout) -> bool:
    """A scan page's header that repeats the header of the page before so badly read that a damaged
    word took another column's role ("МИ „Показате ЛЬ" read as a title): as many columns, and every
    header text reads like the same column's header before (at least three of them). The texts
    decide, not the roles OCR made of them: its columns take the roles before."""
    if len(here.roles) != len(before.roles) or here.n_header_rows == 0:
        return False
    pairs = [(_squash(a), _squash(b)) for a, b in zip(here.col_headers, before.col_headers)]
    pairs = [(a, b) for a, b in pairs if a or b]
    return len(pairs) >= MIN_MISREAD_COLUMNS and all(
        a and b and fuzz.ratio(a, b) >= MIN_HEADER_LIKENESS and not NUMBER_RE.match(a) for a, b in pairs)


def header_alone(table: Table, before: Layout) -> Optional[Layout]:
    """The layout of the first rows of a scan page, as many as the header before has, when they
    repeat that header (the same roles, or a damaged or misread repeat), else None: a page whose
    header was read with one row more — the rest of a row broken by the page taken for a lower
    header row."""
    n = before.n_header_rows
    if not n or len(table.rows) <= n:
        return None
    alone = detect_layout(Table(rows=table.rows[:n], n_cols=table.n_cols, page_start=table.page_start,
                                page_end=table.page_end, extractor=table.extractor))
    repeats = alone is not None and (_same_header(before, alone) or damaged_repeat(alone, before)
                                     or misread_repeat(alone, before))
    return alone if repeats else None


def _reads_like(here: list[str], before: list[str]) -> bool:
    """Most header texts read like the same column's header on the page before (a row of data
    that happens to hold a header word — "мероприятий", "срок" — does not)."""
    pairs = [(_squash(a), _squash(b)) for a, b in zip(here, before) if _squash(a) and _squash(b)]
    alike = sum(1 for a, b in pairs if fuzz.ratio(a, b) >= MIN_HEADER_LIKENESS)
    return alike >= 2 and alike >= MIN_ALIKE_SHARE * len(pairs) and not any(NUMBER_RE.match(a) for a, _ in pairs)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").lower().replace("ё", "е")).strip()


def _is_repeated_header(row: Row, layout: Layout) -> bool:
    if row.is_header:
        return True
    texts = [one_line(c.text) or "" for c in row.cells if not c.empty]
    if not texts:
        return False
    hits = sum(1 for t in texts if t in layout.header)
    return hits >= max(2, len(texts) - 1)
