"""OCR, item numbers checked against their neighbours: a number misread in a scanned cell ("13"
between "1.2" and "1.4", "о" for "10", a lost digit) is replaced only where the sequence leaves one
reading, with a flag; anything else keeps its text (``ocr_fixes.repair_activities`` calls it)."""

from __future__ import annotations

import re
from typing import Optional

from normalizers.text import one_substitution

ITEM_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)*\.?$")


def _parts(number: Optional[str]) -> Optional[list[int]]:
    if not number or not ITEM_NUMBER_RE.match(number.strip()):
        return None
    return [int(p) for p in number.strip().rstrip(".").split(".")]


def _successors(parts: list[int]) -> list[list[int]]:
    """Numbers that may follow ``parts``: next at the same depth, first child, next at a higher level."""
    out = [parts[:-1] + [parts[-1] + 1], parts + [1]]
    for depth in range(len(parts) - 1, 0, -1):
        out.append(parts[:depth - 1] + [parts[depth - 1] + 1])
        out.append(parts[:depth - 1] + [parts[depth - 1] + 1, 1])
    return out


def _dotted_readings(digits: str) -> list[list[int]]:
    """Ways to put the lost dots back into a run of digits ("13" -> 1.3; "410" -> 4.10, 41.0)."""
    n = len(digits)
    out = []
    for mask in range(1, 1 << (n - 1)):
        parts, start = [], 0
        for i in range(1, n):
            if mask >> (i - 1) & 1:
                parts.append(digits[start:i])
                start = i
        parts.append(digits[start:])
        if all(p == "0" or not p.startswith("0") for p in parts):
            out.append([int(p) for p in parts])
    return out


NUMBER_MARKS_RE = re.compile(r"^(?:[,;:'`_~^°‚„“”’\"]+\s*)?(\d{1,3}(?:\.\d{1,3})*\.?)(?:\s*[—–\-,;:'`_~^°‚„“”’\"]+)?$")
# a number whose last digit after its dot was read as a brace or a bar ("1.}" for 1.1)
BRACE_DIGIT_RE = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*\.)[}\]|]$")
MAX_JUNK_NUMBER = 4   # a number cell longer than this is text, never replaced from the sequence


def _between(p: Optional[list[int]], q: Optional[list[int]]) -> Optional[list[int]]:
    """The one number that fits between two neighbours one step apart ("10" … "12" -> 11)."""
    if p is None or q is None or len(p) != len(q) or p[:-1] != q[:-1] or q[-1] != p[-1] + 2:
        return None
    return p[:-1] + [p[-1] + 1]


def _misread_of(core: str, expected: list[int]) -> bool:
    """Whether a number cell can be an OCR misreading of ``expected``: junk ("о", "—", "4.м"), one digit
    read wrong ("10" for 14), lost ("7" for 17) or added by a speck ("71" for 1, "71.1" for 1.1);
    a different number ("57" for 1.3) is evidence against the sequence and is kept."""
    if not core:
        return False
    if _number_then_specks(core, expected):
        return True
    if len(core) > MAX_JUNK_NUMBER:
        return False
    digits = "".join(ch for ch in core if ch.isdigit())
    want = "".join(str(x) for x in expected)
    if not digits or (digits == want and not ITEM_NUMBER_RE.match(core)):
        return True
    if len(digits) == len(want):
        return one_substitution(digits, want)
    if core.isdigit() and len(expected) == 1 and len(digits) == len(want) + 1:
        return digits.endswith(want) or digits.startswith(want)
    if len(expected) > 1 and core[:1].isdigit() and core[1:] == ".".join(str(x) for x in expected):
        return True                     # "71.1" for 1.1: a speck read as a digit before the number
    return len(digits) == len(want) - 1 and (want.endswith(digits) or want.startswith(digits))


MAX_SPECK_TAIL = 4     # marks read after a number from specks beside it ("2. $52", "1.2№27")


def _number_then_specks(core: str, expected: list[int]) -> bool:
    """The expected number followed by a few marks and digits that no number goes on with: no
    letter, and not a dot and a digit (a deeper number, "1.3" for an expected 1)."""
    want = ".".join(str(x) for x in expected)
    tail = core[len(want):].lstrip(".") if core.startswith(want) else ""
    return 0 < len(tail) <= MAX_SPECK_TAIL and not tail[0].isdigit() \
        and not any(ch.isalpha() for ch in tail) and core[len(want)] != ","


def _first(p: Optional[list[int]], q: Optional[list[int]]) -> Optional[list[int]]:
    """The first item of a list when the next one is its second ("2", "1.2"): 1 / 1.1."""
    if p is not None or q is None or q[-1] != 2:
        return None
    return q[:-1] + [1]


def _last_after(p: Optional[list[int]], q: Optional[list[int]], core: str) -> Optional[list[int]]:
    """The successor of the previous number for the last row of a list, where the number read goes
    back at its depth ("5" after "8": a list never does; "10" after "8" may skip and stays), or that is
    that successor with one digit more beside it ("25" after "4": a speck read as a digit)."""
    parts = _parts(core)
    if p is None or q is not None or parts is None or len(parts) != len(p) or parts[:-1] != p[:-1] \
            or parts[-1] == 1:
        return None
    succ = p[:-1] + [p[-1] + 1]
    if parts[-1] > p[-1]:           # "25" after "4": the successor with a speck's digit beside it
        read, want = str(parts[-1]), str(succ[-1])
        added = len(read) == len(want) + 1 and (read.startswith(want) or read.endswith(want))
        return succ if added and parts[-1] > succ[-1] else None
    return succ


def _lost_digit(p: Optional[list[int]], q: Optional[list[int]], core: str) -> Optional[list[int]]:
    """The successor of the previous number when OCR lost one of its digits ("16", "7" -> 17);
    only where no next number contradicts it."""
    if p is None or not core.isdigit():
        return None
    succ = p[:-1] + [p[-1] + 1]
    if q is not None and q not in _successors(succ):
        return None
    last = str(succ[-1])
    if len(core) == len(last) - 1 and (last.endswith(core) or last.startswith(core)):
        return succ
    return None


def repair_item_number(prev: Optional[str], number: Optional[str], nxt: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """``number`` checked against its neighbours in the table; returns (number, flag).

    OCR drops the dot of "1.3" ("13") or reads it as a comma ("1,3"). A number
    is changed only when exactly one way of putting the dots back makes it the
    successor of the previous number or the predecessor of the next one, at the
    neighbours' depth ("13" between "1.2" and "1.4" is "1.3"; "13" after "12"
    stays). A dotted number that fits neither neighbour is kept and flagged.
    Marks beside a number are dropped ("3 —", "‚7"); a cell the sequence pins
    down (one number between its neighbours, the successor with a digit lost,
    the first before a "2") is replaced only when it reads as a misreading of
    it (``_misread_of``): junk, one digit wrong, one digit lost.
    The caller knows the rows: ``repair_item_numbers`` runs over a whole table.
    """
    if not number:
        return number, None
    raw = number.strip()
    m = NUMBER_MARKS_RE.match(raw)
    m = m if m and m.group(1) != raw else None
    if m:                              # "3 —", "4 -", "6 ‚": a mark beside the number
        number = raw = m.group(1)
    fixed = re.sub(r"\.{2,}", ".", re.sub(r"(?<=\d)[:;](?=\d)", ".", raw.replace(",", ".")))  # "1,3", "2:1", "1..1": one dot
    if fixed != raw and ITEM_NUMBER_RE.match(fixed):
        return fixed, "item_number_repaired"
    p, q = _parts(prev), _parts(nxt)
    braced = BRACE_DIGIT_RE.match(raw)
    if braced:                         # "1.}": a digit lost, the sequence may give it back
        raw = braced.group(1)
    core = raw.rstrip(".")
    expected = _between(p, q) or _lost_digit(p, q, core) or _first(p, q) or _last_after(p, q, core)
    if expected is not None and _parts(raw) != expected and _misread_of(core, expected):
        # "1.}" for 1.1: the dot read was the inner one, not a closing dot
        closing = raw.endswith(".") and len(_parts(raw) or [0]) >= len(expected)
        return ".".join(str(x) for x in expected) + ("." if closing else ""), "item_number_repaired"
    if m:
        return number, "item_number_repaired"
    if not core.isdigit() or len(core) < 2 or (p is None and q is None):
        return number, None
    depth = max(len(x) for x in (p, q) if x is not None)
    if depth < 2 or any(x is not None and len(x) == 1 for x in (p, q)):
        return number, None          # flat numbering (1, 2, ... 13): "13" is thirteen
    if p is not None and [int(core)] in _successors(p):
        return number, None
    fits = []
    for reading in _dotted_readings(core):
        after_prev = p is not None and reading in _successors(p)
        before_next = q is not None and q in _successors(reading)
        if after_prev or before_next:
            fits.append((after_prev and before_next, reading))
    if not fits:
        return number, None
    best = [r for both, r in fits if both] or [r for _, r in fits]
    if len(best) != 1:
        return number, "item_number_uncertain"
    return ".".join(str(x) for x in best[0]) + ("." if raw.endswith(".") else ""), "item_number_repaired"


def _undotted(number: Optional[str]) -> bool:
    core = (number or "").strip().rstrip(".")
    return len(core) >= 2 and core.isdigit()


def _run_reading(run: list[str], prev: Optional[list[int]], nxt: Optional[list[int]],
                 damaged_before: int = 0) -> Optional[list[list[int]]]:
    """Dots put back into a run of numbers that all lost them ("11", "12" before "1.3"): the run
    read as the siblings right before the next dotted number (or right after the previous one),
    or as the first items of the section after the previous one's, each reading spelling exactly
    the digits OCR read, the other neighbour agreeing; with no
    readable number before it, the run opens its list, after the ``damaged_before`` numbers OCR
    garbled there ("1}", "12", "13" before "1.4": "1.2", "1.3")."""
    n = len(run)
    for anchor, expected in (
            (nxt, [nxt[:-1] + [nxt[-1] - n + t] for t in range(n)] if nxt and len(nxt) > 1 else None),
            (prev, [prev[:-1] + [prev[-1] + 1 + t] for t in range(n)] if prev and len(prev) > 1 else None),
            # ... or as the first items of the next section ("21", "22" after "1.3": 2.1, 2.2)
            (prev, [prev[:-2] + [prev[-2] + 1, 1 + t] for t in range(n)] if prev and len(prev) > 1 else None)):
        if not expected or expected[0][-1] < 1:
            continue
        if any("".join(map(str, e)) != r.strip().rstrip(".") for e, r in zip(expected, run)):
            continue
        if prev is not None and expected[0] not in _successors(prev):
            continue
        if nxt is not None and nxt not in _successors(expected[-1]):
            continue
        if prev is None and expected[0][-1] != 1 + damaged_before:
            continue
        return expected
    return _stepwise_reading(run, prev, nxt)


def _stepwise_reading(run: list[str], prev: Optional[list[int]], nxt: Optional[list[int]]) -> Optional[list[list[int]]]:
    """The run read number by number after a dotted one, each the next sibling or the first item
    of the next section, whichever (exactly one) spells its digits ("13", "21", "22" after "1.2":
    1.3, 2.1, 2.2); the next dotted number must follow the last."""
    if not prev or len(prev) < 2:
        return None
    out, cur = [], prev
    for r in run:
        digits = r.strip().rstrip(".")
        fits = [c for c in (cur[:-1] + [cur[-1] + 1], cur[:-2] + [cur[-2] + 1, 1]) if "".join(map(str, c)) == digits]
        if len(fits) != 1:
            return None
        cur = fits[0]
        out.append(cur)
    return out if nxt is None or nxt in _successors(cur) else None


def _dot_runs(fixed: list[Optional[str]], out: list[tuple[Optional[str], Optional[str]]]) -> None:
    """``_run_reading`` over the runs of numbers with no dot left after the first pass."""
    numbered = [i for i, n in enumerate(fixed) if n]
    k = 0
    while k < len(numbered):
        if not _undotted(fixed[numbered[k]]):
            k += 1
            continue
        end = k
        while end < len(numbered) and _undotted(fixed[numbered[end]]):
            end += 1
        prev = _parts(fixed[numbered[k - 1]]) if k > 0 else None
        nxt = _parts(fixed[numbered[end]]) if end < len(numbered) else None
        run = [fixed[i] for i in numbered[k:end]]
        damaged = 0
        while prev is None and damaged < k and _parts(fixed[numbered[k - 1 - damaged]]) is None:
            damaged += 1
        reading = _run_reading(run, prev, nxt, damaged if damaged == k else -1)
        if reading:
            for i, r, e in zip(numbered[k:end], run, reading):
                fixed[i] = ".".join(map(str, e)) + ("." if r.strip().endswith(".") else "")
                out[i] = (fixed[i], "item_number_repaired")
        k = end


def repair_item_numbers(numbers: list[Optional[str]]) -> list[tuple[Optional[str], Optional[str]]]:
    """``repair_item_number`` over the item numbers of one table, in row order (repairs feed
    forward), then the runs whose dots were all lost read against the dotted numbers around them."""
    out: list[tuple[Optional[str], Optional[str]]] = []
    fixed: list[Optional[str]] = list(numbers)
    for i, n in enumerate(numbers):
        prev = next((fixed[j] for j in range(i - 1, -1, -1) if fixed[j]), None)
        nxt = next((numbers[j] for j in range(i + 1, len(numbers)) if numbers[j]), None)
        marked = NUMBER_MARKS_RE.match(nxt.strip()) if nxt else None
        new, flag = repair_item_number(prev, n, marked.group(1) if marked else nxt)   # "1.2.”": 1.2
        fixed[i] = new
        out.append((new, flag))
    _dot_runs(fixed, out)
    return out
