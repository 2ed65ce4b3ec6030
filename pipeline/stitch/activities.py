"""Stitching, step 4: activities from the data rows — sub-rows, sub-items, rows continued across a
page, sections, calendar days completed by their month row."""

from __future__ import annotations

import re
from typing import Optional

from extractors.lines import piece_separator
from normalizers.lazy_re import lazy
from normalizers.text import clean_text, one_line
from pipeline.records import ActivityRecord, SubItemRecord, TargetRecord
from pipeline.stitch.layout import DAYS_ONLY_RE, Layout, LogicalTable, MONTHS_GENITIVE, MONTH_ROW_RE, NUMBER_RE, TEXT_ROLES
from pipeline.stitch.funding import row_funding
from pipeline.stitch.rows import _add_box, _append, _continues_heading, _continues_text, _nonempty, _row_target, data_rows, encloses, heading_level
from pipeline.stitch.sections import _row_views


def activities_from(group: LogicalTable, rows_can_split: bool) -> list[ActivityRecord]:
    lay, n = group.layout, group.n_cols
    num_col = lay.col("number")
    # columns with no role stay in ``extra`` by header; so do a funding source and a financing
    # column that is not a year (both also in ``funding``), as before the funding rule
    unknown = [c for c, r in enumerate(lay.roles) if r in (None, "funding_source", "funding")
               and (c >= len(lay.col_headers) or lay.col_headers[c])]
    open_headings: list[tuple[int, str]] = []
    acts: list[ActivityRecord] = []
    shared: dict[tuple[int, str], list[ActivityRecord]] = {}     # (activity, role) → one merged cell's rows
    pieces: dict[tuple[int, str], list[str]] = {}   # (activity, role of several columns) → text per column
    multi = [r for r in TEXT_ROLES if len(lay.cols(r)) > 1]
    after_heading = False
    views = _row_views(data_rows(group), lay, n)
    numbered_table = any(v.number for v in views if v.heading is None)
    for v in views:
        row, head = v.row, v.heading
        if head:
            level = heading_level(head)
            open_headings = [(lv, t) for lv, t in open_headings if lv < level and encloses(t, head)] + [(level, head)]
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
        if num_slot is not None and num_slot.merged and prev is not None and not v.number_lost:
            starts_new = False      # a sub-row under its item's merged № cell
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
            if v.number_lost:
                act.flags.append("number_from_sequence")     # the № cell read empty on a scan
            _complete_days(act, open_headings)
            act.deadline_bounds = _deadline_bounds(row, lay)
            act.funding = row_funding(row, lay)
            act.extra = {lay.col_headers[c]: t for c in unknown
                         if (t := one_line(row.slots[c].text)) and lay.col_headers[c]}
            if target:
                act.targets.append(target)
            _add_box(act, row)
            _link_merged(shared, prev, act, v.own)
            for r in multi:
                pieces[(id(act), r)] = _column_texts(row, lay.cols(r))
            acts.append(act)
            continue
        prev.page_end = row.page if row.page is not None else prev.page_end
        _add_box(prev, row)
        event_only = bool(own["title"]) and not target and not any(
            own[r] for r in ("responsible", "result", "result_document", "description", "tasks"))
        if rows_can_split and row.after_page_break and prev.sub_items and event_only:
            _continue_sub_items(prev, own)
        elif rows_can_split and row.after_page_break and not _is_complete_subrow(prev, target):
            _continue_shared(shared, prev, _continue_columns(pieces, prev, row, lay, own), target)
        elif _continues_text(prev, own):
            _continue_shared(shared, prev, _continue_columns(pieces, prev, row, lay, own), target)
        elif event_only:
            prev.sub_items.append(SubItemRecord(title=one_line(own["title"]) or "",
                                                deadline=one_line(own["deadline"]) or None))
        else:
            for r in TEXT_ROLES:
                setattr(prev, r, _append(getattr(prev, r), own[r], "\n"))
            if target:
                prev.targets.append(target)
    # a row with its number and nothing else in any column ("1" under the last row: a page number
    # or a speck a scan read in the grid) is no activity
    return [a for a in acts if any(getattr(a, r) for r in TEXT_ROLES) or a.targets or a.sub_items or a.funding]


START_RE = lazy(r"начал|\bс\b|от\b", re.I)
END_RE = lazy(r"оконча|заверш|конец|конца|\bпо\b|\bдо\b", re.I)


def start_end_columns(lay: Layout) -> Optional[tuple[int, int]]:
    """Two deadline columns headed as a start and an end ("Срок начала" / "Срок окончания",
    "Дата начала" / "Дата окончания"): their grid columns, else None."""
    cols = lay.cols("deadline")
    if len(cols) != 2:
        return None
    heads = [lay.col_headers[c] if c < len(lay.col_headers) else "" for c in cols]
    if heads[0] == heads[1]:
        return None
    if START_RE.search(heads[0]) and END_RE.search(heads[1]) and not END_RE.search(heads[0]):
        return cols[0], cols[1]
    return None


def _deadline_bounds(row, lay: Layout) -> Optional[tuple[str, str]]:
    """The raw start and end texts of a row under a start/end pair of deadline columns."""
    pair = start_end_columns(lay)
    if pair is None:
        return None
    start, end = (one_line(row.slots[c].text) for c in pair)
    return (start, end) if start and end else None


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
    """Join the piece of a row broken by a page to the row (``extractors.lines.piece_separator``:
    a space, nothing inside a broken word or after a glued dash, a line break before a list item)."""
    for r, text in own.items():
        if text:
            old = getattr(prev, r)
            setattr(prev, r, _append(old, text, piece_separator(old or "", text)))
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


def _column_texts(row, cols: list[int], own_only: bool = False) -> list[str]:
    """The text of each of a role's columns in a row ("" where a merge or a span covers it)."""
    out = []
    for c in cols:
        slot = row.slots[c]
        covered = (own_only and slot.merged) or (slot.origin_col != c and not slot.merged)
        out.append("" if covered else slot.text.strip())
    return out


def _continue_columns(pieces: dict[tuple[int, str], list[str]], prev: ActivityRecord, row, lay: Layout,
                      own: dict[str, str]) -> dict[str, str]:
    """A role read from several columns ("Срок начала" / "Срок окончания") goes on column by column
    when its row is broken by a page ("сентяб" / "рь 2024" under the start, "2026" under the end);
    the start and end bounds follow. Returns ``own`` without the roles done here."""
    rest = dict(own)
    for r in [r for r in own if own[r] and (id(prev), r) in pieces]:
        old = pieces[(id(prev), r)]
        new = _column_texts(row, lay.cols(r), own_only=True)
        joined = [_append(o or None, n, piece_separator(o, n)) or "" for o, n in zip(old, new)]
        pieces[(id(prev), r)] = joined
        setattr(prev, r, "\n".join(t for t in joined if t) or None)
        pair = start_end_columns(lay) if r == "deadline" else None
        if pair is not None:
            start, end = (one_line(joined[lay.cols(r).index(c)]) for c in pair)
            prev.deadline_bounds = (start, end) if start and end else None
        del rest[r]
    return rest


def _link_merged(shared: dict[tuple[int, str], list[ActivityRecord]], prev: Optional[ActivityRecord],
                 act: ActivityRecord, own: dict[str, str]) -> None:
    """Remember the roles ``act`` takes from a cell merged down from ``prev``'s row (the text is
    prev's and the row has none of its own there)."""
    if prev is None:
        return
    for r in TEXT_ROLES:
        text = getattr(act, r)
        if text and not own.get(r) and getattr(prev, r) == text:
            group = shared.setdefault((id(prev), r), [prev])
            group.append(act)
            shared[(id(act), r)] = group


def _continue_shared(shared: dict[tuple[int, str], list[ActivityRecord]], prev: ActivityRecord,
                     own: dict[str, str], target: Optional[TargetRecord]) -> None:
    """``_continue_row``, and the rest of a merged cell broken by the page goes to every row the
    cell covers (a responsible merged over 2 and 3 whose text runs on to the next page)."""
    before = {r: getattr(prev, r) for r in TEXT_ROLES}
    _continue_row(prev, own, target)
    for r, old in before.items():
        new = getattr(prev, r)
        if new == old:
            continue
        for other in shared.get((id(prev), r), []):
            if other is not prev and getattr(other, r) == old:
                setattr(other, r, new)


def clean_activity(act: ActivityRecord) -> ActivityRecord:
    for r in TEXT_ROLES:
        v = getattr(act, r)
        if v is not None:
            v = one_line(v) if r == "title" else clean_text(v)
            setattr(act, r, v or None)
    for t in act.targets:
        t.result = one_line(t.result) if t.result else t.result
    return act
