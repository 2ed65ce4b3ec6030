"""Borderless tables: columns and rows from word positions alone.

Input is a run of consecutive pages (``PageLayout``) from the PDF text layer or
from OCR; output is, for each page, the ``Table`` fragments on it (see
``extractors.grid`` for the contract). The method, in order:

1. **Lines and chunks.** Words are grouped into text lines (vertical overlap);
   a line is cut into *chunks* wherever the gap between two words is wider than
   a column gutter can be narrow (about half the text height).
2. **Segments.** A table starts at a *header* line (header vocabulary such as
   "№", "Мероприятие", "Срок", "Ответственный", or a bold line of three or more
   chunks) or at the top of a page when the previous page's table was still
   open. It ends at a line that cannot be table text: another font size, or a
   paragraph line that runs across the column gutters without being a heading.
3. **Columns.** For each logical table (all its page fragments together) the
   columns are the vertical whitespace gutters that run through the body lines
   with two or more chunks. A gutter that cuts a header cell with nothing under
   it on both sides is dropped (a false gutter, e.g. "2019 | год").
4. **Rows.** A new row starts after a vertical gap wider than the leading inside
   a cell, and at every line whose number column holds a number (1., 1.1, 2.3).
   A row made of one chunk per line that crosses gutters (or is bold and
   centred) is a heading: one cell with ``colspan = n_cols``. When the cells are set in the
   middle or at the bottom of their rows (the item number then sits mid-row and a taller
   neighbour starts above it), rows come from the number column's anchors and each cell's
   text block instead (``aligned``); the header's lines above "№ п/п" join the header.
5. **Header rows.** Header chunks that cover a gutter span several columns; the
   header lines under them become a second header row ("Целевые индикаторы"
   over 2021/2022/2023). A header repeated on a later page is kept, marked
   ``Row.is_header`` and the fragment ``continues_previous``.

Cells carry the words' union box, the page, line breaks and the mean word
confidence; ``pdf.blocks_outside`` relies on those boxes to keep the title and
"Сокращения:" lists out of the table.

The steps live in their own modules, in order: ``text_lines``, ``segments``, ``columns``, ``rows``,
``headers`` (and ``aligned`` for cells not set at the top); ``build`` runs them. Callers use ``build_borderless_tables`` only.
"""

from extractors.borderless.build import build_borderless_tables

__all__ = ["build_borderless_tables"]
