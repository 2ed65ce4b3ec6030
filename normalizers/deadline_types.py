"""The data types of the deadline normaliser: the normalised cell (``DeadlineNorm``), calendar
units, tokens, items and the parse result, and the error a yearless unit raises.

Part of the deadline normaliser (``normalizers.deadlines``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

# ---------------------------------------------------------------- data types


@dataclass(frozen=True)
class DeadlineNorm:
    """One normalised deadline cell (shared/spec/deadlines.md)."""

    raw: str
    start: date | None
    end: date | None
    recurrence: str
    occurrences: list[tuple[date | None, date]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The export form: ISO strings, null for missing dates."""
        return {
            "raw": self.raw,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "recurrence": self.recurrence,
            "occurrences": [[_iso(a), _iso(b)] for a, b in self.occurrences],
        }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


@dataclass(frozen=True)
class Unit:
    """A calendar unit that needs a year: a month, day, quarter, half, season, year or school year.

    ``first``/``last`` are (month, day); day 0 in ``last`` means the month's last day.
    ``wrap`` is how many years ``last`` lies after ``first`` (winter, school years).
    ``bare`` marks a year written on its own: it scopes a recurrence rather than naming months.
    """

    first: tuple[int, int]
    last: tuple[int, int]
    year: int | None = None
    wrap: int = 0
    bare: bool = False

    def start(self, year: int) -> date:
        return _safe_date(year, *self.first)

    def end(self, year: int) -> date:
        month, day = self.last
        return _safe_date(year + self.wrap, month, day or 31)


def calendar_date(year: int, month: int, day: int) -> date | None:
    """The date, None when there is no such day (31 June, month 13)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> date:
    """A date with the day clamped to the month's length ("31 июня" → 30 June)."""
    return date(year, month, min(max(day, 1), calendar.monthrange(year, month)[1]))


@dataclass
class Token:
    kind: str
    value: object = None
    gap_before: str = ""  # the text between the previous token and this one


@dataclass
class Item:
    """A resolved-to-be piece of the cell: single unit, range a–b, deadline "до a", open range "с a"."""

    kind: str  # single | range | deadline | open
    a: Unit
    b: Unit | None = None

    @property
    def units(self) -> list[Unit]:
        return [self.a] + ([self.b] if self.b else [])

    @property
    def scoping(self) -> bool:
        return all(u.bare for u in self.units)

    @property
    def first_year(self) -> int | None:
        return self.a.year if self.a.year is not None else (self.b.year if self.b else None)


@dataclass
class Parsed:
    items: list[Item]
    dalee: bool = False
    scoped_continuous: bool = False  # "в течение 2019 года"
    unfinished_range: bool = False   # "март-р ‚ель": unreadable text where a range's end should be


class _YearUnknown(Exception):
    """A unit needs a year and neither the text nor the period gives one."""


class _RangeReversed(Exception):
    """A range whose two ends both write their year ends before it starts ("2025-2023 годы"):
    a slip of the writer or of a scan, no span to take."""


Interval = tuple[date | None, date | None]
