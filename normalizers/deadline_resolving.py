"""Dating a parsed deadline cell: the recurrence its words name (``detect_recurrence``) and the
items resolved against the document period — once (``resolve_once``) or as a repeating cycle
(``resolve_recurring``, spec rules 6-7).

Part of the deadline normaliser (``normalizers.deadlines``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from normalizers.deadline_types import Interval, Item, Parsed, Unit, _RangeReversed, _YearUnknown
from normalizers.deadline_words import (CONTINUOUS_RE, MAX_EXPANDED_YEARS, ON_DEMAND_RE, PERIODIC_RES, PLAN_RE,
                                        TIMES_PER_YEAR, TIMES_PER_YEAR_RE, WORD_NUMBERS)

# ------------------------------------------------------------------ recurrence


def detect_recurrence(text: str) -> str | None:
    """The recurrence named by words in prepared text, or None. on_demand beats periodic words,
    periodic beat continuous, continuous beats "по плану" (unspecified)."""
    if ON_DEMAND_RE.search(text):
        return "on_demand"
    times = TIMES_PER_YEAR_RE.search(text)
    if times:  # "N раз(а) в год" is the most specific wording
        word = times.group(1)
        count = int(word) if word.isdigit() else WORD_NUMBERS.get(word)
        if count is not None:
            return TIMES_PER_YEAR.get(count, "unspecified")
    periodic = [(m.start(), name) for name, rx in PERIODIC_RES for m in [rx.search(text)] if m]
    if periodic:
        return min(periodic)[1]
    if CONTINUOUS_RE.search(text):
        return "continuous"
    if PLAN_RE.search(text):
        return "unspecified"
    return None


# ------------------------------------------------------------------- resolving


def _year_or(unit: Unit, default: int | None) -> int:
    year = unit.year if unit.year is not None else default
    if year is None:
        raise _YearUnknown
    return year


def resolve_item(item: Item, default_year: int | None, period_end: date | None) -> Interval:
    """Dates of one item; yearless units take the other end's year, else ``default_year``."""
    a, b = item.a, item.b
    if item.kind == "deadline":
        return None, a.end(_year_or(a, default_year))
    if item.kind == "open":
        year = _year_or(a, default_year)
        return a.start(year), (max(period_end, a.end(year)) if period_end else None)
    if item.kind == "single" or b is None:
        year = _year_or(a, default_year)
        return a.start(year), a.end(year)
    return _resolve_range(a, b, default_year)


def _resolve_range(a: Unit, b: Unit, default_year: int | None) -> Interval:
    ya, yb = a.year, b.year
    if ya is not None and yb is not None and not b.wrap and b.end(yb) < a.start(ya):
        raise _RangeReversed
    if ya is None and yb is None:
        ya = yb = _year_or(a, default_year)
    if ya is None:
        ya = yb if a.start(yb) <= b.end(yb) else yb - 1  # type: ignore[arg-type,operator]
    if yb is None:
        yb = ya if b.end(ya) >= a.start(ya) else ya + 1
    if b.end(yb) < a.start(ya):
        yb = ya + (1 if b.end(ya + 1) >= a.start(ya) else 0)
    return a.start(ya), b.end(yb)


def _inherit_years(items: list[Item]) -> list[Item]:
    """ "апрель, май 2020": a yearless single takes the next item's year (moved back a year when
    it would come after it), else the previous item's year (moved on a year when before it)."""
    out = list(items)
    for k, item in enumerate(out):
        if item.kind not in ("single", "deadline") or item.a.year is not None or item.a.bare:
            continue
        nxt = out[k + 1] if k + 1 < len(out) else None
        prv = out[k - 1] if k > 0 else None
        if nxt is not None and nxt.first_year is not None and not nxt.scoping:
            year = nxt.first_year
            nxt_start = nxt.a.start(nxt.a.year if nxt.a.year is not None else year)
            if item.a.start(year) > nxt_start:
                year -= 1
        elif prv is not None and prv.first_year is not None and not prv.scoping:
            last = prv.b or prv.a
            year = last.year if last.year is not None else prv.first_year
            if item.a.start(year) < last.start(year):
                year += 1
        else:
            continue
        out[k] = replace(item, a=replace(item.a, year=year))
    return out


def _bounds(intervals: list[Interval]) -> Interval:
    starts = [s for s, _ in intervals if s is not None]
    ends = [e for _, e in intervals if e is not None]
    return (min(starts) if starts else None, max(ends) if ends else None)


def _period_dates(period: tuple[int, int] | None) -> tuple[date | None, date | None]:
    if period is None:
        return None, None
    return date(period[0], 1, 1), date(period[1], 12, 31)


def resolve_once(items: list[Item], period: tuple[int, int] | None) -> tuple[Interval, list[Interval]]:
    """Items as dated occurrences; yearless units take Y1 (spec rule 2)."""
    y1 = period[0] if period else None
    period_end = _period_dates(period)[1]
    occurrences = [resolve_item(it, y1, period_end) for it in _inherit_years(items)]
    return _bounds(occurrences), occurrences


def resolve_recurring(parsed: Parsed, recurrence: str, period: tuple[int, int] | None
                      ) -> tuple[Interval, list[Interval]]:
    """Spec rules 6-7: a recurrence covers P, or runs from its first named month in Y1 (or the
    first year written) to its last named month in Y2 (or the last year written)."""
    scoping = [it for it in parsed.items if it.scoping]
    seasonal = [it for it in parsed.items if not it.scoping]
    extends = recurrence in ("annual", "semiannual") or parsed.dalee
    y1, y2 = (period if period else (None, None))
    scope_years = [u.year for it in scoping for u in it.units if u.year is not None]
    first_year = min(scope_years) if scope_years else y1
    last_year = max(scope_years) if scope_years else y2
    if parsed.dalee and y2 is not None:
        last_year = max(y2, last_year or y2)
    if not seasonal:
        return _resolve_scope(scoping, first_year, last_year, parsed.dalee)
    explicit = any(u.year is not None for it in seasonal for u in it.units)
    if explicit and not extends:
        return resolve_once(parsed.items, period)
    return _resolve_seasonal_cycle(seasonal, first_year, last_year, extends)


def _resolve_scope(scoping: list[Item], first_year: int | None, last_year: int | None, dalee: bool
                   ) -> tuple[Interval, list[Interval]]:
    if first_year is None or last_year is None:
        raise _YearUnknown
    start, end = date(first_year, 1, 1), date(last_year, 12, 31)
    occurrences = [resolve_item(it, first_year, end) for it in scoping]
    if occurrences:
        s, e = _bounds(occurrences)
        start = s or start
        end = max(e, end) if (dalee and e) else (e or end)
    return (start, end), occurrences


def _cycle_at(seasonal: list[Item], year: int) -> list[Interval]:
    """The named items of one cycle starting in ``year``, each after the one before."""
    out: list[Interval] = []
    current = year
    for item in seasonal:
        if item.a.year is not None:
            current = item.a.year
        span = resolve_item(item, current, None)
        key = span[0] or span[1]
        prev = out[-1][0] or out[-1][1] if out else None
        if item.a.year is None and prev is not None and key is not None and key < prev:
            current += 1
            span = resolve_item(item, current, None)
        out.append(span)
    return out


def _resolve_seasonal_cycle(seasonal: list[Item], first_year: int | None, last_year: int | None,
                            extends: bool) -> tuple[Interval, list[Interval]]:
    head = seasonal[0].a
    start_year = head.year if head.year is not None else first_year
    if start_year is None:
        raise _YearUnknown
    first_cycle = _cycle_at(seasonal, start_year)
    tail_item = seasonal[-1]
    tail = tail_item.b or tail_item.a
    end_year = last_year  # None without a period: a repeat's last year is then unknown
    if extends and tail.year is not None and end_year is not None:
        end_year = max(end_year, tail.year)
    if end_year is None:
        raise _YearUnknown
    start = _bounds(first_cycle)[0]
    end = tail.end(end_year)
    if start is not None and end < start:
        end = max(e for _, e in first_cycle if e is not None)
    occurrences = _expand_cycles(seasonal, start_year, end, extends, first_cycle)
    return (start, end), occurrences


def _expand_cycles(seasonal: list[Item], start_year: int, end: date, extends: bool,
                   first_cycle: list[Interval]) -> list[Interval]:
    """Every yearly repeat of the named items up to ``end`` (annual patterns without years)."""
    if not extends or any(u.year is not None for it in seasonal for u in it.units):
        return first_cycle
    out: list[Interval] = []
    for year in range(start_year, min(end.year, start_year + MAX_EXPANDED_YEARS) + 1):
        for span in _cycle_at(seasonal, year):
            if (span[1] or date.max) <= end:
                out.append(span)
    return out or first_cycle

