"""Stitching, step 3: which rows are section headings and not activities (numbered rows without
fields that open a list, bare titles over a restarting list, month rows)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from normalizers.text import is_known_word, one_line
from pipeline.stitch.layout import DataRow, FIELD_ROLES, HEADING_WORDS, Layout, TEXT_ROLES
from pipeline.stitch.numbering import follows, number_parts, split_title_number
from pipeline.stitch.rows import _continues_heading, _number, _starts_lower, _text, heading_of, speck_text


SPECK_CONFIDENCE = 0.5       # OCR confidence under which a mark in the № cell is a speck
ROMAN_NUMBER_RE = re.compile(r"[IVXLC]+")
LEADING_MARKS_RE = re.compile(r"^[^\w(]+(?=\d)")
# an opening bracket no bracket closes before a number ("(1"): a speck's mark, as above
UNCLOSED_BRACKET_RE = re.compile(r"^\((?=\d+(?:\.\d+)*\.?$)")
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# a speck's mark after an item number's digits ("2:", "2,", "2’")
TRAILING_MARKS_RE = re.compile(r"(?<=\d)[:;,'`’‘]+$")
# a letter a speck left after an item number's stop or a space ("3. г", "3.г"): no lettered item is
# written so ("3а" is, and stays)
TRAILING_LETTER_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*(?:\.(?=\s*[^\W\d_]$))?)\s*(?<=[.\s])[^\W\d_]$")
NUMBER_GLUED_TITLE_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,2}\.?)[^\w«\"(]*([А-ЯЁA-Z«\"(].{3,})$", re.S)
HEADER_WORDS_RE = re.compile(r"[№NnМм]?[\W_]*[пП][/|\\lI1][пП]\W*", re.S)   # the № column's header ("№ п/п")
LETTER_ITEM_RE = re.compile(r"[^\W\d_][).]?")      # a lettered item: "а", "б)", "в."


def _no_item_number(number: Optional[str]) -> bool:
    """A scanned № cell that holds no item number: no digit, no Roman numeral, no lettered item
    ("и“," — specks beside a letter-like mark)."""
    return bool(number) and not re.search(r"\d", number) and not ROMAN_NUMBER_RE.fullmatch(number) \
        and not LETTER_ITEM_RE.fullmatch(number)


RUSSIAN_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _stray_letter(number: Optional[str], before: Optional[str]) -> bool:
    """A scanned № cell holding one bare letter that no lettered list can have there: a list of
    lettered items starts at "а" and goes on letter by letter, so an "и" right after item "8."
    is a speck read as a letter ("б)" with its bracket is an item whatever came before)."""
    if not number or len(number) != 1 or not number.isalpha():
        return False
    letter = number[0].lower()
    if letter in ("а", "a"):
        return False
    prev = (before or "").strip().rstrip(".)").lower()
    for alphabet in (RUSSIAN_LETTERS, LATIN_LETTERS):
        if letter in alphabet and prev in alphabet and len(prev) == 1 \
                and alphabet.index(letter) == alphabet.index(prev) + 1:
            return False
    return True


def _speck(number: Optional[str], confidence: float) -> bool:
    """A № cell that OCR read from a speck: marks with no letter or digit, or one or two characters
    with no digit that are no Roman numeral, read at low confidence ("у" at 0.18)."""
    if number and not re.search(r"[^\W_]", number):
        return True          # marks alone, no letter or digit ("«\n—"): never a number
    return bool(number) and len(number) <= 2 and not re.search(r"\d", number) \
        and not ROMAN_NUMBER_RE.fullmatch(number) and confidence < SPECK_CONFIDENCE


@dataclass
class _RowView:
    """What a data row holds, read once: its number (from the № cell or the title) and texts."""

    row: DataRow
    number: Optional[str]
    number_text: str             # the number as printed ("1.", "IV")
    from_title: bool             # the number was split off the title cell
    own: dict[str, str]
    full: dict[str, str]
    heading: Optional[str] = None
    number_lost: bool = False    # the number OCR lost, read from the sequence around the row
    speck_number: bool = False   # its № cell read a speck's number over the rest of the row above


RUSSIAN_CAPITALS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"


def _lost_capital(title: str) -> bool:
    """Whether a title opens with a word that lost its capital ("одготовка" for "Подготовка"):
    no dictionary word, and one capital letter before it makes one. Such a row starts an item;
    the rest of a row above goes on with a whole word."""
    m = re.match(r"\s*([а-яё]{5,})", title or "")
    if not m or is_known_word(m.group(1)):
        return False
    return any(is_known_word((c + m.group(1)).lower()) for c in RUSSIAN_CAPITALS)


def _row_views(rows: list[DataRow], lay: Layout, n: int) -> list[_RowView]:
    """Numbers split off titles (rule 4) and section rows found (rule 3), row by row."""
    num_col = lay.col("number")
    cols = {r: lay.cols(r) for r in TEXT_ROLES}
    views: list[_RowView] = []
    last: Optional[tuple[int, ...]] = None
    before: Optional[str] = None          # the last item's number as read
    heading_since = False                 # a heading read since that item
    for row in rows:
        num_slot = row.slots[num_col] if num_col is not None else None
        number = _number(num_slot.text) if num_slot and not num_slot.merged else None
        own = {r: _text(row, cs, own_only=True) for r, cs in cols.items()}
        if num_slot is not None and (_speck(number, num_slot.confidence) or HEADER_WORDS_RE.fullmatch(number or "")
                                     or row.scanned and (_no_item_number(number) or _stray_letter(number, before))) \
                and row.after_page_break and (_starts_lower(own["title"]) or not own["title"]):
            number = None    # a speck or the header's "п/п" over the rest of a row broken by the page
        marked = speck_number = False      # a speck's mark read before the digits; a speck's number
        if number and row.scanned:
            marked = bool(LEADING_MARKS_RE.match(number) or UNCLOSED_BRACKET_RE.match(number))
            number = UNCLOSED_BRACKET_RE.sub("", LEADING_MARKS_RE.sub("", number)) or None   # "-6", "‚4", "(1"
            number = TRAILING_LETTER_RE.sub(r"\1", number) if number else None
            number = TRAILING_MARKS_RE.sub("", number) or None if number else None    # "2:", "2’"
            word_after = NUMBER_THEN_WORD_RE.match(num_slot.text) if own["title"] else None
            if word_after:      # "2.2. Список" over its own title: a word of the text under the table
                number = word_after.group(1)
        item_before = number_parts(before)
        spaced = SPACED_SPECK_DIGIT_RE.match(num_slot.text) if number and row.scanned and num_slot else None
        if spaced and item_before and _may_follow(item_before, spaced.group(1)) and not _may_follow(item_before, number):
            number = spaced.group(1)     # "3. 7" after "2": a speck's digit apart after the item's dot
        if number and row.scanned and item_before and not heading_since \
                and number_parts(number) and not _may_follow(item_before, number) \
                and (_starts_lower(own["title"]) and not _lost_capital(own["title"])
                     or marked and row.after_page_break and not own["responsible"]):
            # "1" under item 8 over "выпускников …": a speck over the rest of the row above (no
            # heading read since that item: a list restarting under a heading keeps its "1"); so is
            # "(1" over a garbled rest of a row broken by the page, no responsible of its own
            number, speck_number = None, True
        full = {r: _text(row, cs) for r, cs in cols.items()}
        v = _RowView(row=row, number=number, number_text=(num_slot.text.strip() if number else ""),
                     from_title=False, own=own, full=full, speck_number=speck_number)
        glued = NUMBER_GLUED_TITLE_RE.match(num_slot.text.strip()) \
            if number and row.scanned and not own["title"] else None
        if glued:               # "2.2---Повышение…": a scan read number and title as one word across the rule
            v.number = v.number_text = glued.group(1)
            v.own["title"] = v.full["title"] = glued.group(2)
        v.heading = heading_of(row, lay, n)
        merged_number = num_slot is not None and num_slot.merged
        if v.heading is None and number is None and not merged_number and own["title"]:
            split = split_title_number(own["title"], last)
            if split:
                title = own["title"].strip()
                v.number, v.from_title = split[0], True
                v.number_text = title[:len(title) - len(split[1])].strip() if split[1] else title
                v.own["title"] = v.full["title"] = split[1]
        parts = number_parts(v.heading.split()[0] if v.heading else v.number)
        if parts:
            last = parts
        if v.heading is None and v.number:
            before, heading_since = v.number, False
        heading_since = heading_since or v.heading is not None
        views.append(v)
    _numbered_section_rows(views, lay)
    if num_col is not None:
        _unnumbered_section_rows(views, lay)
        _lost_numbers(views, num_col)
    return views


# an item number, then a capitalised word, in a № cell whose row has a title of its own ("2.2. Список":
# the list of abbreviations under the table, its first word inside the last row's box)
NUMBER_THEN_WORD_RE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+[А-ЯЁ][а-яё]{3,}\s*$")
# an item number, its dot, a space and one digit ("3. 7"): the digit may be a speck's
SPACED_SPECK_DIGIT_RE = re.compile(r"^\s*(\d{1,3})\.\s+\d\s*$")


def _may_follow(prev: tuple[int, ...], number: str) -> bool:
    """Whether item ``number`` can come after ``prev``, also read with a dot a scan lost between its
    digits ("55" after "5.4" is "5.5")."""
    digits = number.strip().rstrip(".")
    readings = [number] + ([f"{digits[:k]}.{digits[k:]}" for k in range(1, len(digits))] if digits.isdigit() else [])
    return any((parts := number_parts(r)) and follows(prev, parts) for r in readings)


def _lost_numbers(views: list[_RowView], num_col: int) -> None:
    """On a scan, the one item number missing from a sequence ("2", …, "4") given to the one row
    between them that reads as an item of its own (a capitalised title and a deadline or a
    responsible of its own; or, its title's first word lost, both of its own on the page) but
    whose № cell OCR read empty: the sequence leaves it no other number. Two candidates, or none,
    and nothing changes (the row stays a sub-row)."""
    items = [i for i, v in enumerate(views) if v.heading is None and number_parts(v.number)]
    for a, b in zip(items, items[1:]):
        pa, pb = number_parts(views[a].number), number_parts(views[b].number)
        if len(pa) != len(pb) or pa[:-1] != pb[:-1] or pb[-1] != pa[-1] + 2:
            continue
        between = [i for i in range(a + 1, b) if views[i].heading is None and views[i].number is None]
        own = [views[i] for i in between if views[i].row.scanned and _own_item(views[i])
               and not _merged_under_number(views, i, num_col)]
        if len(own) == 1:
            v = own[0]
            v.number, v.number_text, v.number_lost = ".".join(map(str, (*pa[:-1], pa[-1] + 1))), "", True
    _lost_last_number(views, items, num_col)


def _lost_last_number(views: list[_RowView], items: list[int], num_col: int) -> None:
    """The same for the table's last row: after the last numbered item, the one row that reads as
    an item of its own (or has a deadline and a responsible of its own, its title's first word
    lost), last in the table, takes the next number — only where no other row of the table reads
    so unnumbered (a table with sub-rows of their own keeps it a sub-row)."""
    if len(items) < 2:
        return
    last = items[-1]
    after = [v for v in views[last + 1:] if v.heading is None]
    if not after or after[-1].number is not None or not after[-1].row.scanned or not _own_item(after[-1]) \
            or _merged_under_number(views, views.index(after[-1]), num_col):
        return
    if any(v.number is not None or _own_item(v) for v in after[:-1]):
        return
    if any(v.heading is None and v.number is None and _own_item(v) for v in views[:last]):
        return
    parts = number_parts(views[last].number)
    v = after[-1]
    v.number, v.number_text, v.number_lost = ".".join(map(str, (*parts[:-1], parts[-1] + 1))), "", True


def _merged_under_number(views: list[_RowView], i: int, num_col: int) -> bool:
    """Whether row ``i``'s № cell is a vertical merge from a row above, on its page, that has an
    item number (the row is that item's sub-row); a merge from a row with none (a row continued
    from the page before, the rule between them hidden by a signature) says nothing of the row's
    own number."""
    while views[i].row.slots[num_col].merged and not views[i].row.after_page_break and i > 0:
        i -= 1
        if not views[i].row.slots[num_col].merged or views[i].row.after_page_break:
            return views[i].number is not None
    return False


def _item_like(v: _RowView) -> bool:
    """A row that reads as an item of its own: a title that starts a sentence and a deadline or a
    responsible that does too."""
    title = v.own["title"].lstrip(" \t\n«\"(.,'‘’“”-")
    if not title or not title[0].isupper():
        return False
    return any(v.own[r] and not _starts_lower(v.own[r]) for r in ("deadline", "responsible"))


def _own_item(v: _RowView) -> bool:
    """A row that may take a number the sequence lost: it reads as an item of its own, or it has the
    fields of one with its title's first word lost."""
    return not v.speck_number and (_item_like(v) or _fields_of_its_own(v))


def _fields_of_its_own(v: _RowView) -> bool:
    """A row with a title (its first word maybe lost under a signature), a deadline with a year
    of its own and a responsible that does not go on in lower case, within the page."""
    return bool(v.own["title"]) and not v.row.after_page_break and bool(YEAR_RE.search(v.own["deadline"])) \
        and bool(v.own["responsible"]) and not _starts_lower(v.own["responsible"])


def _has_fields(v: _RowView, lay: Layout) -> bool:
    """Whether a row fills a field beside its title (on a scan, a speck, "я", fills none)."""
    return any(v.full[r] and not (v.row.scanned and speck_text(v.full[r])) for r in FIELD_ROLES) or bool(lay.years and any(
        v.row.slots[c].text.strip() for c in lay.years))


def _numbered_section_rows(views: list[_RowView], lay: Layout) -> None:
    """Rule 3 for numbered rows: "1. Организационные мероприятия" with no responsible, deadline
    or result where the other numbered rows have them, followed by its first item ("1.1") or a
    list restarting at 1 — a section heading, not an activity."""
    numbered = [v for v in views if v.heading is None and v.number and number_parts(v.number)]
    with_fields = [v for v in numbered if _has_fields(v, lay)]
    if len(with_fields) < 2 or len(with_fields) * 2 < len(numbered):
        return
    numbered_ids = {id(v) for v in numbered}
    # the next row (below each row) that is numbered and not a heading, found in one backward pass
    next_numbered: list[Optional[_RowView]] = [None] * len(views)
    following: Optional[_RowView] = None
    for i in range(len(views) - 1, -1, -1):
        next_numbered[i] = following
        w = views[i]
        if w.heading is None and number_parts(w.number):
            following = w
    item_above = False          # a numbered row above that is no heading (as the loop leaves it)
    for i, v in enumerate(views):
        if i and views[i - 1].heading is None and number_parts(views[i - 1].number):
            item_above = True
        if id(v) not in numbered_ids or _has_fields(v, lay) or not v.own["title"]:
            continue
        if any(s.merged and s.text.strip() for s in v.row.slots):
            continue
        parts = number_parts(v.number)
        nxt = next_numbered[i]
        nparts = number_parts(nxt.number) if nxt else None
        child = nparts is not None and len(nparts) > len(parts) and nparts[:len(parts)] == parts
        restart = nparts is not None and len(nparts) == 1 and nparts[0] <= 1
        marked = any(s.bold for s in v.row.slots if s.text.strip()) or bool(HEADING_WORDS.match(v.own["title"]))
        # on a scan (no bold), a title opening "1." above every item, no № of its own: the first
        # section, though the item under it was misread ("1. Информационное …" over "1" read "71")
        first = v.row.scanned and v.from_title and tuple(parts) == (1,) and not item_above
        if child or restart or marked or first:
            v.heading = one_line(f"{v.number_text} {v.own['title']}")


NUMBERED_HEADING_RE = re.compile(r"^[\s‚,.'`’‘\"„“”-]*((?:\d{1,2}\.)*\d{1,2})"
                                 r"(?:[.,]?\s+|[.,]{1,2}(?=[А-ЯЁA-Z])|\.[‚'`’‘\"]\s?(?=[А-ЯЁA-Z]))[А-ЯЁA-Z]")   # "1.'Информационное"
# a scan's heading number followed by a comma and a space, or by two stops, or by a stop with no
# space ("2, Практико-…", "2..Практико-…"): its stop and space
HEADING_STOP_RE = re.compile(r"^(\s*(?:\d{1,2}\.)*\d{1,2})(?:,(?=\s)|[.,]{1,2}(?=[А-ЯЁA-Z]))\s*")


def _heading_number(text: str) -> Optional[tuple[int, ...]]:
    """The section number a heading's text opens with ("2. Практико-…" -> (2,)), else None."""
    m = NUMBERED_HEADING_RE.match(text)
    return number_parts(m.group(1)) if m else None


def _next_section(last: Optional[tuple[int, ...]], here: Optional[tuple[int, ...]]) -> bool:
    """Whether section number ``here`` comes right after ``last`` at the same depth ("1." -> "2."), or
    is the first part of that next section ("1." -> "2.1": on a scan also the next section's stop
    and a speck read as ".1")."""
    if not (last and here):
        return False
    nxt = (*last[:-1], last[-1] + 1)
    return here == nxt or (len(here) == len(nxt) + 1 and here[:-1] == nxt and here[-1] == 1)


def _unnumbered_section_rows(views: list[_RowView], lay: Layout) -> None:
    """Rule 3 for a bare title in a numbered table (a heading row cut into cells by ruling lines,
    only its title cell holding text): a heading when the rows under it start a new list
    ("1", "2.1"), or when its title opens with the section number after the last heading's;
    otherwise it stays a sub-item of the activity above."""
    numbered = [v for v in views if v.heading is None and number_parts(v.number)]
    if len(numbered) < 2:
        return
    last_heading: Optional[tuple[int, ...]] = None
    for i, v in enumerate(views):
        if v.heading is not None:
            last_heading = _heading_number(v.heading) or last_heading
            continue
        marks_only = v.row.scanned and v.number is not None and not re.search(r"[^\W_]", v.number)
        if (v.number is not None and not marks_only) or not v.own["title"]:
            continue                    # (on a scan, marks alone in the № cell are a speck: "$")
        if any(s.merged for s in v.row.slots) or any(t and not (v.row.scanned and speck_text(t))
                                                      for r, t in v.full.items() if r != "title"):
            continue                    # (on a scan a speck beside the heading, "я", is no text)
        if i > 0 and views[i - 1].heading and _continues_heading(views[i - 1].heading, v.own):
            continue                    # the rest of a heading broken by a page
        if lay.years and any(v.row.slots[c].text.strip() for c in lay.years):
            continue
        nxt = views[i + 1] if i + 1 < len(views) else None
        parts = number_parts(nxt.number) if nxt is not None and nxt.heading is None else None
        own_number = _heading_number(v.own["title"])
        if (parts and parts[-1] == 1) or (v.row.scanned and _next_section(last_heading, own_number)):
            # ... or, on a scan (which shows no bold), its title numbers it the section after the
            # last heading ("1. Информационное …" above, "2. Практико-ориентированные мероприятия")
            v.heading = HEADING_STOP_RE.sub(r"\1. ", one_line(v.own["title"])) if v.row.scanned \
                else one_line(v.own["title"])          # "2, Практико-…": a scan's comma for the dot
            last_heading = own_number or last_heading
