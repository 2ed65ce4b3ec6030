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
11. On scans, a continued table's header that OCR damaged (fewer roles, none contradicting, or
    every header text alike to the page before's though a misread word took another role) takes
    the roles of the page before (and a first page's header damaged the same way, or so badly that
    it names no plan, takes those of the same table's header on the next page); the one plan role a
    scan header lacks may match at a lower bar.
    A row with an item number in a cell of its own is never a header (any format). A heading a
    spurious rule cut into spanning pieces is one heading; on scans so is a numbered heading across
    the № and title columns with at most one other text, a column-numbering row with specks is
    dropped, and marks in a № cell (no letter or digit, or before the digits; letter-like specks
    over the rest of a row broken by the page) are no number. The one item number a scan lost
    between two numbers ("2", …, "4") goes to the one row between that reads as an item of its own
    (flag ``number_from_sequence``).

The steps live in their own modules: ``layout`` (header roles), ``rows``, ``plans``, ``sections``,
``activities``, ``indicators``, ``numbering``; ``build.stitch`` runs them.
"""

from pipeline.stitch.build import stitch
from pipeline.stitch.layout import TEXT_ROLES
from pipeline.stitch.numbering import follows, split_title_number
from pipeline.stitch.rows import heading_level

__all__ = ["stitch", "TEXT_ROLES", "follows", "split_title_number", "heading_level"]
