"""Repair of ruled-table cell rectangles where a rule is missing only in part of a row.

pdfplumber's lattice chain (``extractors.ruled``) turns the smallest closed rectangles into
cells. Two cases come out wrong when a rule is drawn only in some columns — common on scans,
where a faint or broken line is not found:

* ``cut_overlaps``: a rectangle that contains other rectangles (a full-width heading row whose
  lower rule is found in the number and date columns but not in the title column comes out as
  one box over the heading AND the next row). It is cut at the first inner rule: the part above
  is the cell; below, the columns no inner rectangle covers become cells of their own.
* ``split_unruled_spans``: on images only, a cell spanning several grid rows (or columns) whose words fall
  apart cleanly at a row boundary of the neighbouring columns — nothing crosses it, and the gap
  there is wider than a line gap could be, or a sentence ends above it and a capital opens
  below it — is two cells whose rule was lost; so is one whose words all lie in a lower row,
  starting right under its rule, level with the first line of the cell beside them (the row
  above keeps an empty cell). A true merged cell holds
  one block of text, evenly spaced, and is left alone; born-digital rules are never lost, so text
  PDFs keep every span.
"""

from __future__ import annotations

from statistics import median
from typing import Sequence

from extractors.grid import BBox, Word
from extractors.lines import text_lines

TOL = 2.0
MIN_SIDE = 2.5
MAX_PASSES = 50
GAP_FACTOR = 0.8   # a gap at least this many word heights is a cell boundary, not a line gap
TOP_GAP_FACTOR = 1.5  # a cell's text starts at most this many word heights under its top rule


def _uncovered(lo: float, hi: float, spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Parts of [lo, hi] that no span covers (pieces narrower than MIN_SIDE dropped)."""
    out, cur = [], lo
    for a, b in sorted(spans):
        if a - cur >= MIN_SIDE:
            out.append((cur, a))
        cur = max(cur, b)
    if hi - cur >= MIN_SIDE:
        out.append((cur, hi))
    return out


def _cut(box: BBox, inner: list[BBox]) -> list[BBox] | None:
    """Pieces of ``box`` around the rectangles it contains, or None when it cannot be cut."""
    cuts = [b[1] for b in inner if b[1] > box[1] + TOL]
    if not cuts:
        return _cut_below(box, inner)
    y = min(cuts)
    pieces = [(box[0], box[1], box[2], y)]
    below = [b for b in inner if b[1] >= y - TOL]
    for a, b in _uncovered(box[0], box[2], [(c[0], c[2]) for c in below]):
        pieces.append((a, y, b, box[3]))
    for c in below:  # under an inner rectangle that stops short of the box's bottom
        if box[3] - c[3] >= MIN_SIDE:
            pieces.append((c[0], c[3], c[2], box[3]))
    return [p for p in pieces if p[3] - p[1] >= MIN_SIDE and p[2] - p[0] >= MIN_SIDE]


def _cut_below(box: BBox, inner: list[BBox]) -> list[BBox] | None:
    """Pieces of ``box`` around rectangles that all start at its top (a row whose lower rules were
    lost in some columns only): the columns they leave free, full height, and what lies under each."""
    pieces = [(a, box[1], b, box[3]) for a, b in _uncovered(box[0], box[2], [(c[0], c[2]) for c in inner])]
    pieces += [(c[0], c[3], c[2], box[3]) for c in inner if box[3] - c[3] >= MIN_SIDE]
    pieces = [p for p in pieces if p[3] - p[1] >= MIN_SIDE and p[2] - p[0] >= MIN_SIDE]
    return pieces or None


def cut_overlaps(boxes: Sequence[BBox]) -> list[BBox]:
    """Cell rectangles with no rectangle containing another (see module docstring).

    Each pass looks for the first rectangle (in order) that contains smaller ones and cuts it.
    Plain Python on purpose: a text PDF's path imports no numpy (its import costs more than this
    loop over a page's few hundred rectangles)."""
    out = list(boxes)
    for _ in range(MAX_PASSES):
        areas = [(b[2] - b[0]) * (b[3] - b[1]) for b in out]
        changed = False
        for i, box in enumerate(out):
            x0, y0, x1, y1 = box[0] - TOL, box[1] - TOL, box[2] + TOL, box[3] + TOL
            area = areas[i]
            inner = [b for j, b in enumerate(out)
                     if areas[j] < area and b[0] >= x0 and b[1] >= y0 and b[2] <= x1 and b[3] <= y1 and j != i]
            if not inner:
                continue
            pieces = _cut(box, inner)
            if pieces:
                out[i:i + 1] = pieces
                changed = True
                break
        if not changed:
            break
    return out


def _boundary_at(y: float, lines: list[list[Word]], height: float, line_gap: float) -> bool:
    """Whether grid line ``y`` runs between two text lines of a cell as a lost rule would: a gap
    wider than a line gap could be, or a sentence ending above it and a capital opening below it
    with at least an ordinary line gap between them."""
    # a line lies on one side when its words do, a speck's mark glued to one ("‚РКУ") reaching
    # less than half a word height across
    # (a line's own box may reach a quarter of its height across: a speck's mark read into the
    # word itself, '"3112202')
    near = max(TOL, height / 4)
    above = [ln for ln in lines if median(w.bottom for w in ln) <= y + near
             and max(w.bottom for w in ln) <= y + max(TOL, height / 2)]
    below = [ln for ln in lines if median(w.top for w in ln) >= y - near
             and min(w.top for w in ln) >= y - max(TOL, height / 2)]
    if not above or not below or len(above) + len(below) != len(lines):
        return False                       # a line crosses y (a box may touch the rule's trace), or nothing on one side
    last, first = above[-1], below[0]
    gap = min(w.top for w in first) - max(w.bottom for w in last)
    if gap >= GAP_FACTOR * height:
        return True
    ends = last[-1].text.rstrip("»\"")[-1:] in (".", ";", "!")
    opens = first[0].text.lstrip("«\"")[:1].isupper()
    return ends and opens and gap >= line_gap


def _inner(lo: float, hi: float, grid: Sequence[float]) -> list[float]:
    """Grid lines strictly inside [lo, hi] (the boundaries a box spans)."""
    return [v for v in grid if lo + TOL < v < hi - TOL]


def _split_at(box: BBox, words: list[Word], inner_ys: list[float]) -> list[BBox]:
    lines = text_lines(words)
    if len(lines) < 2:
        return [box]
    height = median(w.bottom - w.top for w in words)
    tops = [min(w.top for w in ln) for ln in lines]
    bottoms = [max(w.bottom for w in ln) for ln in lines]
    line_gap = median(max(0.0, t - b) for b, t in zip(bottoms, tops[1:]))
    cuts = [y for y in inner_ys if _boundary_at(y, lines, height, line_gap)]
    if not cuts:
        return [box]
    edges = [box[1], *cuts, box[3]]
    return [(box[0], a, box[2], b) for a, b in zip(edges, edges[1:])]


def _split_above(box: BBox, inside: list[Word], inner_ys: list[float], words: Sequence[Word]) -> list[BBox]:
    """A cell spanning rows whose words all lie below an inner row boundary, starting right under
    it and level with the first line of a cell beside it: the rule above them was lost, and the
    part above is an empty cell of its own (an item number pushed up into the row before it)."""
    inside = [w for w in inside if any(ch.isalnum() for ch in w.text)]
    if not inside:
        return [box]
    top = min(w.top for w in inside)
    height = median(w.bottom - w.top for w in inside)
    above = [y for y in inner_ys if y <= top + TOL]
    if not above or top - max(above) > TOP_GAP_FACTOR * height:
        return [box]
    y = max(above)
    level = [w for w in words if (w.x1 <= box[0] or w.x0 >= box[2]) and w.top >= y
             and abs(w.top - top) <= height / 2 and any(ch.isalnum() for ch in w.text)]
    if not level:
        return [box]
    lower = (box[0], y, box[2], box[3])
    rest = [v for v in inner_ys if v > y + TOL]
    return [(box[0], box[1], box[2], y), *(_split_at(lower, inside, rest) if rest else [lower])]


# what a scan reads a short piece of a lost column rule as: one thin stroke, taller than it is wide
RULE_READS = frozenset("1lI|!][")
RULE_THINNESS = 3     # a stroke's height at least this many times its width ...
REMNANT_HEIGHT = 1.5  # ... and this many times the cell's words' height


def _rule_remnant(w: Word, x: float) -> bool:
    """Whether the token ``w`` is a piece of a lost column rule at ``x`` read as a letter or digit
    ("1" standing across the boundary, thin; ``_split_cols`` also asks it to be taller than the text)."""
    return (w.text.strip() in RULE_READS and w.x0 - TOL <= x <= w.x1 + TOL
            and (w.bottom - w.top) >= RULE_THINNESS * max(w.x1 - w.x0, 0.5))


def _split_cols(box: BBox, words: list[Word], inner_xs: list[float]) -> list[BBox]:
    """A cell spanning grid columns whose words keep clear of a column boundary on both sides
    (each side holds words, none crosses, the gap is at least a word height wide); a token of
    marks only (a rule's remnant read as "—" or "|") is no word here. A piece of the lost rule
    read as a thin "1" across the boundary is none either, and shows the rule was there: the cell
    is split there though only one side holds words (the other is an empty cell: "2024 года" of a
    deadline column beside an empty responsible cell, the rule between them under a stamp)."""
    words = [w for w in words if any(ch.isalnum() or ch == "№" for ch in w.text)]
    if not words:
        return [box]
    cuts = []
    for x in inner_xs:
        thin = [w for w in words if _rule_remnant(w, x)]
        others = [w for w in words if w not in thin]
        if not others:
            continue
        height = median(w.bottom - w.top for w in others)
        remnants = [w for w in thin if w.bottom - w.top >= REMNANT_HEIGHT * height]     # taller than the text
        rest = [w for w in words if w not in remnants]      # a "1" of the text's height is a word: it may cross
        left = [w for w in rest if w.x1 <= x]
        right = [w for w in rest if w.x0 >= x]
        if len(left) + len(right) != len(rest):
            continue                    # a word crosses the boundary
        if left and right and min(w.x0 for w in right) - max(w.x1 for w in left) >= height:
            cuts.append(x)
        elif remnants:
            cuts.append(x)
    if not cuts:
        return [box]
    edges = [box[0], *cuts, box[2]]
    return [(a, box[1], b, box[3]) for a, b in zip(edges, edges[1:])]


def split_unruled_spans(boxes: Sequence[BBox], words: Sequence[Word],
                        ys: Sequence[float], xs: Sequence[float] = ()) -> list[BBox]:
    """Cells spanning grid rows (or columns) whose words part cleanly at a boundary, split there."""
    out: list[BBox] = []
    for box in boxes:
        inner_ys, inner_xs = _inner(box[1], box[3], ys), _inner(box[0], box[2], xs)
        if not inner_ys and not inner_xs:      # a one-place cell: nothing to split, no words to look at
            out.append(box)
            continue
        inside = _words_in(box, words)
        parts = _split_at(box, inside, inner_ys) if inner_ys else [box]
        if parts == [box] and inner_ys:
            parts = _split_above(box, inside, inner_ys, words)
        for part in parts:
            part_xs = _inner(part[0], part[2], inner_xs)
            if not part_xs:
                out.append(part)
                continue
            out.extend(_split_cols(part, inside if part == box else _words_in(part, inside), part_xs))
    return out


def _words_in(box: BBox, words: Sequence[Word]) -> list[Word]:
    return [w for w in words if w.centre_in(box)]


def hole_boxes(owned: set[tuple[int, int]], xs: Sequence[float], ys: Sequence[float],
               words: Sequence[Word]) -> list[tuple[int, int, int, BBox]]:
    """Grid places no rectangle covers but words fill: a cell whose rule is broken too widely
    to be joined (a photocopied rule with a gap). One ``(row, col0, col1, box)`` per run of
    uncovered columns in a grid row; holes without words are left out."""
    out = []
    for r in range(len(ys) - 1):
        c = 0
        while c < len(xs) - 1:
            if (r, c) in owned:
                c += 1
                continue
            c1 = c
            while c1 < len(xs) - 1 and (r, c1) not in owned:
                c1 += 1
            box = (xs[c], ys[r], xs[c1], ys[r + 1])
            if any(w.centre_in(box) for w in words):
                out.append((r, c, c1, box))
            c = c1
    return out
