"""OCR slips in a column of task numbers ("Задачи" / "Задачи модели": "1, 4", "2"), read on the
cells of the whole column, since one cell alone cannot tell a slip from a numbering.

* marks a speck left before or after a list of numbers ("“2", "1,4 }") are dropped;
* a stop between numbers ("1.2") is the comma of a list when the column lists its tasks with
  commas elsewhere ("1, 4") and most of its cells are plain lists: a scan read the comma as a
  stop (a column that numbers its tasks "1.2", "1.3" in most cells keeps them). A cell mended
  so is reported to the caller (flag it: the reading rests on the column, not on the cell).
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

LIST_RE = re.compile(r"\d{1,2}(?:\s*,\s*\d{1,2})*")
DOTTED_RE = re.compile(r"\d{1,2}(?:\s*[.,]\s*\d{1,2})+")
EDGE_SPECKS = " \t”“\"'.,:;‚`°^~_|{}[]()"
MIN_COMMA_CELLS = 1        # cells of the column that list plain numbers with commas


def _bare(text: str) -> str:
    return text.strip().strip(EDGE_SPECKS)


def _commas(text: str) -> str:
    return re.sub(r"\s*[.,]\s*", ", ", text)


def mend_task_column(cells: Sequence[Optional[str]]) -> list[tuple[Optional[str], bool]]:
    """Each cell of a task-number column, mended where the column leaves one reading, and whether
    a stop was read as a comma (see the module). Cells that are no list of numbers stay as read."""
    bare = [_bare(c) if c else "" for c in cells]
    lists = [b for b in bare if LIST_RE.fullmatch(b)]
    dotted = [k for k, b in enumerate(bare) if b and not LIST_RE.fullmatch(b) and DOTTED_RE.fullmatch(b)]
    comma_cells = sum(1 for b in lists if "," in b)
    out: list[tuple[Optional[str], bool]] = []
    for k, (cell, b) in enumerate(zip(cells, bare)):
        if cell and LIST_RE.fullmatch(b):
            out.append((_commas(b), False))
        elif cell and k in dotted and len(dotted) < len(lists) and comma_cells >= MIN_COMMA_CELLS and "." in b:
            out.append((_commas(b), True))
        else:
            out.append((cell, False))
    return out
