"""Extracted grid → ``DocumentRecord``: stitching, metadata, deadlines, parties, abbreviations.

All language work is delegated to ``normalizers`` (pure functions); this module
only wires their results into the typed records and raises quality flags where
a value could not be parsed (the raw text is always kept). The repairs only a scan needs
(``normalizers.ocr_caps``, ``ocr_parties``, ``ocr_tasks``) are imported when a scan comes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Optional

from extractors.grid import ExtractedDocument, is_ocr_extractor
from normalizers.abbreviations import expand, find_definitions, leftover_entries, load_glossary
from normalizers.deadlines import (FLAG_RANGE_REVERSED, DeadlineNorm, deadlines_outside, normalize_deadline,
                                   period_from_deadlines)
from normalizers.expansion import region_initials
from normalizers.ocr_date_digits import years_into_period
from normalizers.metadata import parse_metadata
from normalizers.ocr_dates import damaged_dates, damaged_on_scan, deadline_only, ends_with_dash, repair_date_words
from normalizers.ocr_deadline_specks import mend_deadline_text, mend_task_list
from normalizers.ocr_legal_forms import mend_legal_forms
from normalizers.ocr_fixes import (damaged_period, fix_ocr_text, fix_scan_text_noting, repair_activities,
                                   split_speck_hyphens)
from normalizers.ocr_region_words import mend_region_words
from normalizers.organisations import canonical_organisation
from normalizers.ocr_stops import drop_acronym_colons, drop_stray_stops
from normalizers.ocr_quotes import mend_close_quotes
from normalizers.parties import (PartyMention, coded_heads, mend_abbreviations, region_codes_written, split_after_defined,
                                 split_coded_then_defined, split_parties, unread_pieces)
from pipeline.records import (
    ActivityRecord,
    DeadlineRecord,
    DocumentRecord,
    PartyRecord,
)
from pipeline.stitch import TEXT_ROLES, stitch

LOW_CONFIDENCE = 0.6


def memo(fn: Callable) -> Callable:
    """``fn`` with its results kept for the document under way (a table repeats the same
    organisations, deadlines and phrases in many rows; 20,000 rows must not redo the work).
    Only for pure functions of hashable arguments; the cache dies with the returned wrapper."""
    seen: dict = {}

    def cached(*args):
        if args not in seen:
            seen[args] = fn(*args)
        return seen[args]

    return cached


def _fix_activity_text(act: ActivityRecord, fix: Callable[[str], tuple[str, bool]]) -> None:
    """Each text of the row cleaned by ``fix`` (text -> cleaned text, whether a misread word was
    replaced by its dictionary neighbour); such a row is flagged ``words_ocr_mended``."""
    mended = False

    def clean(value: str) -> str:
        nonlocal mended
        fixed, changed = fix(value)
        mended = mended or changed
        return fixed

    for role in TEXT_ROLES:
        value = getattr(act, role)
        if value:
            setattr(act, role, clean(value))
    if act.deadline_bounds:          # each bound as its deadline cell is ("сентяб. рь 2024")
        act.deadline_bounds = tuple(clean(b) if b else b for b in act.deadline_bounds)
    for t in act.targets:
        t.result = clean(t.result) if t.result else t.result
    for s in act.sub_items:
        s.title = clean(s.title)
    if mended:
        act.flags.append("words_ocr_mended")


MAX_YEARS_BEFORE_PERIOD = 2     # an act dated more years than this before its plan's first year is doubted on a scan


def _mend_region_words(acts: list[ActivityRecord], region: str) -> None:
    """Each text of a scanned row with the region's own words a letter off written right
    (``normalizers.ocr_region_words``); such a row is flagged ``words_ocr_mended``."""
    for act in acts:
        changed = False
        for role in TEXT_ROLES:
            value = getattr(act, role)
            mended = mend_region_words(value, region) if value else value
            if mended != value:
                setattr(act, role, mended)
                changed = True
        if changed and "words_ocr_mended" not in act.flags:
            act.flags.append("words_ocr_mended")


def _responsible_text(acts: list[ActivityRecord]) -> str:
    """The responsible cells (organisation names): the only table text the region may come from."""
    return "\n".join(a.responsible for a in acts if a.responsible)


def _cell_texts(acts: list[ActivityRecord]) -> list[str]:
    """Every text cell of the rows (the words a scan's lexicon is read from)."""
    return [x for a in acts for x in (a.title, a.description, a.responsible, a.result, a.result_document) if x]


def _text_parts(extracted: ExtractedDocument, scanned: bool) -> list[str]:
    """The text around the tables (on a scan, a speck read as a hyphen or a stop between two words
    taken for the space)."""
    return [split_speck_hyphens(drop_stray_stops(b.text)) if scanned else b.text for b in extracted.blocks]


def definition_text(extracted: ExtractedDocument, acts: list[ActivityRecord], scanned: bool = False,
                    region: Optional[str] = None) -> str:
    """The text around the tables as the definitions are read from it: on a scan, a colon after an
    acronym before a quoted name dropped (a speck: "ГБУ ДПО: «Центр …» (далее – Ц)") and the text
    prepared against the party cells (``ocr_definition_text.prepared_text``: glued marks, misread
    words, bracketed words and list heads written as the cells write them), the words of the
    document's ``region`` misread by a letter mended ("Цермского края (Минпромторг ПК)"), a name's »
    read as a look-alike closed. The
    definitions and the list entries left without one (``leftover_entries``) read this one text."""
    text_parts = _text_parts(extracted, scanned)
    if scanned:
        from normalizers.ocr_definition_text import prepared_text

        cells = _responsible_text(acts)   # "(Рослотребнадзор КО)" where the cells write "Роспотребнадзор КО"
        text_parts = [mend_region_words(prepared_text(drop_acronym_colons(x), cells), region) for x in text_parts]
        # a name's » read as a look-alike, its « a line or more above ("«Центр развития" /
        # "профессионального образованиях (ЦРПО)")
        return mend_close_quotes("\n".join(text_parts))
    return "\n".join(text_parts)


def document_abbreviations(extracted: ExtractedDocument, acts: list[ActivityRecord],
                           scanned: bool = False, text: Optional[str] = None) -> dict[str, str]:
    """What the document itself defines, in document order: the text around tables
    (``definition_text``, or ``text`` when given), then cells (on a scan, a colon after an acronym
    before a quoted name dropped)."""
    defs: dict[str, str] = {}
    text = definition_text(extracted, acts, scanned) if text is None else text
    cell_parts = _cell_texts(acts)
    if scanned:
        cell_parts = [drop_acronym_colons(x) for x in cell_parts]
    # cells apart by an empty line: a name's words are sought in its own cell only ("… на базе
    # предприятий партнёров" above "КГАУ ДПО «…» (далее – ККИПК)" is another cell)
    for part in (text, "\n\n".join(cell_parts)):
        for short, full in find_definitions(part).items():
            defs.setdefault(short, full)
    return defs


def parties_of(responsible: Optional[str], defs: dict[str, str], region: Optional[str],
               scanned: bool = False) -> list[PartyRecord]:
    """The parties of one responsible cell (split, abbreviations expanded, canonical organisation);
    on a scan, abbreviations misread by a letter are first mended against the known ones."""
    return read_parties(responsible, defs, region, scanned)[0]


MAX_CELL_MENDED = 30      # a short form misread in the cell is written right there only up to this length


def read_parties(responsible: Optional[str], defs: dict[str, str], region: Optional[str], scanned: bool = False,
                 codes: frozenset[str] = frozenset()) -> tuple[list[PartyRecord], bool, Optional[str]]:
    """``parties_of``, whether a scan's slip in a party was mended (the row is flagged), and the
    responsible cell with each short form misread as a whole written as mended ("ККИНК" ->
    "ККИПК", where exactly that mention became a defined or glossary short form). ``codes``: the
    region's codes the document writes (``region_codes_written``; its initials when none given):
    a body's short form with one of them opening a mention splits there ("Минпромторг НСО
    предприятия-партнёры")."""
    out = []
    cell = responsible
    if scanned:                             # 'Минобр "НСО': a lone quote before a code, a speck
        from normalizers.ocr_party_split import drop_lone_quote_specks

        responsible = drop_lone_quote_specks(responsible)
    mentions = split_parties(responsible)
    repaired = responsible != cell
    cell = responsible
    if scanned:
        from normalizers.ocr_parties import mend_mentions

        entries = load_glossary()
        glossary, names = set(entries), set(defs.values()) | set(entries.values())
        mended = mend_abbreviations(mentions, set(defs), glossary)
        mended = mend_mentions(mend_legal_forms(mended, glossary | set(defs)), set(defs), glossary, names)
        repaired = repaired or [m.name for m in mended] != [m.name for m in mentions]
        if repaired and cell and len(mended) == len(mentions):
            for old, new in zip(mentions, mended):
                if old.name != new.name and (new.name in defs or new.name in glossary) \
                        and len(old.name) <= MAX_CELL_MENDED and old.name in cell \
                        and old.name.count("(") == new.name.count("("):     # a note ("(по соглаЯованию)") stays
                    cell = cell.replace(old.name, new.name, 1)
        mentions = mended
    codes = codes or frozenset({region_initials(region)} if region else ())
    if scanned:
        from normalizers.ocr_short_forms import with_region_codes

        # "МОиН РЕ(Я)": a letter of the region's code misread
        coded = [replace(m, name=with_region_codes(m.name, codes)) for m in mentions]
        known_shorts = set(defs) | glossary           # "БУ ЧРДПО «…»": the code glued to a short form
        coded = [replace(m, name=_codes_spaced(m.name, codes, known_shorts)) for m in coded]
        repaired = repaired or coded != mentions
        mentions = coded
    mentions = _notes_to_previous(mentions)
    shorts = set(defs) | coded_heads([m.name for m in mentions], set(codes))
    for m in split_after_defined(split_coded_then_defined(mentions, set(defs), set(codes)), shorts):
        expanded = expand(m.name, defs, region)
        org = canonical_organisation(m.name, expanded, region)
        out.append(PartyRecord(
            name=m.name, expanded=expanded, by_agreement=m.by_agreement,
            canonical_name=org.canonical_name, org_type=org.org_type, org_region=org.region,
        ))
    return out, repaired, cell


def _codes_spaced(name: str, codes: frozenset[str], shorts: set[str]) -> str:
    """``ocr_short_forms.code_glued_to_short`` with each of the document's region codes."""
    from normalizers.ocr_short_forms import code_glued_to_short

    for code in sorted(codes):
        name = code_glued_to_short(name, code, shorts)
    return name


def _notes_to_previous(mentions: list[PartyMention]) -> list[PartyMention]:
    """Mentions left with no name once mended (a garbled "(по согласован и. ю)" on a line of its
    own): no party; their "by agreement" goes to the party before them."""
    out: list[PartyMention] = []
    for m in mentions:
        if (m.name or "").strip(" -–—.,;:()"):
            out.append(m)
        elif out and m.by_agreement:
            out[-1] = replace(out[-1], by_agreement=True)
    return out


def normalise_parties(act: ActivityRecord, defs: dict[str, str], region: Optional[str],
                      parties: Optional[Callable[[Optional[str]], tuple[list[PartyRecord], bool]]] = None
                      ) -> None:
    """``act.parties`` from its responsible cell; ``parties``: a memoised ``read_parties`` for the
    document. A scan's party slip mended is flagged ``party_ocr_repaired``."""
    found, repaired, cell = parties(act.responsible) if parties else read_parties(act.responsible, defs, region)
    act.parties = [replace(p) for p in found]   # own copies: records are mutable
    if repaired and "party_ocr_repaired" not in act.flags:
        act.flags.append("party_ocr_repaired")
    if unread_pieces(act.responsible) and "party_unread" not in act.flags:
        act.flags.append("party_unread")      # "МО ОО, 100": a name read as no name, kept in the raw cell
    if cell != act.responsible:                 # the short forms a scan misread, written as mended
        act.responsible = cell


def recover_spilled_deadline(act: ActivityRecord) -> None:
    """An empty deadline whose text sits in the cell beside it (a scan lost the rule between
    them): the last line of the responsible cell, or the first line of the result cell, that is
    a deadline and nothing else ("В течение проекта", "Ежегодно") moves to the deadline, flagged."""
    if act.deadline:
        _recover_spilled_year(act)
        return
    for role, at in (("responsible", -1), ("result", 0)):
        lines = (getattr(act, role) or "").split("\n")
        if deadline_only(lines[at]):
            line = lines.pop(at)
            setattr(act, role, "\n".join(lines).strip() or None)
            act.deadline = line.strip()
            act.flags.append("deadline_from_neighbour_cell")
            return


# a year's phrase at the end of the responsible cell ("МО ОО 2024 года"): no party name ends so
SPILLED_YEAR_RE = re.compile(r"[^\S\n]+((?:19|20)\d\d[^\S\n]*(?:г\.|года|год)?)[^\S\n]*$")
YEAR_IN_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _recover_spilled_year(act: ActivityRecord) -> None:
    """A deadline with no year ("декабрь") whose year the responsible cell beside it ends with (a
    cell centred vertically: the year's line stood level with the party's and a scan's broken rule
    put it there): the year moves back to the deadline, flagged (the year of the period's start
    would have been taken)."""
    if YEAR_IN_RE.search(act.deadline or "") or not act.responsible:
        return
    m = SPILLED_YEAR_RE.search(act.responsible)
    if m is None or not act.responsible[:m.start()].strip():
        return
    act.responsible = act.responsible[:m.start()].rstrip()
    act.deadline = f"{act.deadline.rstrip()}\n{m.group(1)}"
    act.flags.append("deadline_from_neighbour_cell")


def normalise_deadline(act: ActivityRecord, period: Optional[tuple[int, int]],
                       parse: Callable = normalize_deadline, scanned: bool = False) -> None:
    if not act.deadline:
        act.deadline_norm = None
        act.flags.append("deadline_missing")
        return
    if scanned:                           # "31.05.2926" in a 2024-2026 plan: one digit misread
        act.deadline, moved = years_into_period(act.deadline, period)
        if act.deadline_bounds:
            act.deadline_bounds = tuple(years_into_period(t, period)[0] if t else t for t in act.deadline_bounds)
        if moved:
            act.flags.append("deadline_ocr_repaired")
    text, repaired = repair_date_words(act.deadline)
    if repaired:                          # "Дскабрь 2019": one reading only, kept with a flag
        act.deadline = text
        act.flags.append("deadline_ocr_repaired")
    if damaged_period(text) or damaged_dates(text) or scanned and damaged_on_scan(text):   # "Т\\ квартал", "202?"
        act.deadline_norm = DeadlineRecord(raw=act.deadline, start=None, end=None, recurrence="unspecified")
        act.flags.append("deadline_damaged_ocr")
        return
    if ends_with_dash(text):              # "декабрь 2024 года-": a speck, or a range cut short
        act.flags.append("deadline_may_be_cut")
    if act.deadline_bounds:
        # each bound read alone, with the certain OCR slips mended as the deadline cell is ("01.04:2020")
        texts = [repair_date_words(t)[0] for t in act.deadline_bounds]
        lines = text.split("\n")
        if repaired and len(lines) == len(texts) and all(line.strip() for line in lines):
            texts = lines          # mended together: the other bound settles a digit ("01.06.20323" beside 2023)
        bounds = [parse(t, period) for t in texts]
        if _normalise_bounds(act, bounds):
            return
        first, last = bounds
        if first.start and last.end and last.end < first.start:
            # "январь 2025" / "декабрь 2023": an end before its start (a slip, a digit misread);
            # the two read as one cell would be a span between them, a wrong one
            act.deadline_norm = DeadlineRecord(raw=act.deadline, start=None, end=None, recurrence="unspecified")
            act.flags.extend(["deadline_unparsed", FLAG_RANGE_REVERSED])
            return
        if any(t and t.strip() and "deadline_unparsed" in b.flags for t, b in zip(act.deadline_bounds, bounds)):
            # "01.12.2023" / "3142-29-КОин 25": a bound with text but no reading; the pair read as one
            # cell would give the other bound alone, a wrong range
            act.deadline_norm = DeadlineRecord(raw=act.deadline, start=None, end=None, recurrence="unspecified")
            act.flags.append("deadline_unparsed")
            return
        missing = [name for name, t in zip(("start", "end"), act.deadline_bounds) if not (t and t.strip())]
        if len(missing) == 1:     # one bound's cell empty (or read empty): the other read alone, flagged
            act.flags.append(f"deadline_{missing[0]}_missing")
    d = parse(act.deadline, period)
    act.deadline_norm = DeadlineRecord(raw=d.raw, start=d.start, end=d.end, recurrence=d.recurrence,
                                       occurrences=list(d.occurrences))
    act.flags.extend(d.flags)


def _normalise_bounds(act: ActivityRecord, bounds: list[DeadlineNorm]) -> bool:
    """A "Срок начала" / "Срок окончания" pair (``bounds``: each read alone): one interval from the
    start of the first date to the end of the second; False when either cannot be read."""
    first, last = bounds
    if first.recurrence != "once" or last.recurrence != "once":
        return False
    if not (first.start and last.end) or last.end < first.start:
        return False
    act.deadline_norm = DeadlineRecord(raw=act.deadline or "", start=first.start, end=last.end,
                                       recurrence="once", occurrences=[(first.start, last.end)])
    act.flags.extend(f for f in first.flags + last.flags if f not in act.flags)
    act.flags.append("deadline_from_start_end")
    return True


def _scan_period(title_period: tuple[int, int], deadlines: list[str], flags: list[str]) -> tuple[int, int]:
    """The title's period as OCR read it, unless the deadline cells contradict it (more than a
    quarter of those that write a year, and more than two, fall outside it): then the years the
    cells write, flagged ``period_doubtful_ocr`` with the period the title gave."""
    outside, written = deadlines_outside(title_period, deadlines)
    cells = period_from_deadlines(deadlines)
    if cells and outside > max(2, written // 4):
        flags.append(f"period_doubtful_ocr: title read {title_period[0]}-{title_period[1]}")
        return cells
    return title_period


def build_document(extracted: ExtractedDocument, source: str, sha256: str,
                   hints: Optional[dict] = None) -> DocumentRecord:
    """The typed document record: every activity stitched and normalised."""
    hints = hints or {}
    stitched = stitch(extracted.tables, rows_can_split=extracted.file_format == "pdf",
                      blocks=extracted.blocks)
    scanned = any(is_ocr_extractor(e) for e in (extracted.page_engines or {}).values())
    if scanned:
        repair_activities(stitched.activities)      # numbers / headings checked against neighbours
    fix = memo(fix_scan_text_noting if scanned else lambda text: (fix_ocr_text(text), False))
    for act in stitched.activities:
        _fix_activity_text(act, fix)
        if act.confidence < LOW_CONFIDENCE:
            act.flags.append("low_ocr_confidence")
        if scanned and "deadline" in (stitched.columns or []):
            recover_spilled_deadline(act)
        if scanned:                       # specks before a deadline, spaces lost after commas / years
            act.deadline, act.tasks = mend_deadline_text(act.deadline), mend_task_list(act.tasks)
            if act.deadline_bounds:
                act.deadline_bounds = tuple(mend_deadline_text(t) for t in act.deadline_bounds)
    if scanned:                           # task numbers read on the whole column ("1.2" for "1, 2")
        from normalizers.ocr_act_line import mend_act_lines
        from normalizers.ocr_caps import fix_scan_caps
        from normalizers.ocr_tasks import mend_task_column

        for act, (tasks, mended) in zip(stitched.activities, mend_task_column([a.tasks for a in stitched.activities])):
            act.tasks = tasks
            if mended:
                act.flags.append("tasks_ocr_repaired")
    lines = [mend_act_lines(fix_scan_caps(fix_ocr_text(b.text))) if scanned else fix_ocr_text(b.text)
             for b in extracted.blocks]     # a letterhead in capitals, the act's date and number line
    meta = parse_metadata(lines, _responsible_text(stitched.activities))
    if scanned and meta.region:          # "НЕРМСКОГО КРАЯ" in the letterhead: the authority lost its region
        mended_lines = [mend_region_words(line, meta.region) for line in lines]
        if mended_lines != lines:
            meta = parse_metadata(mended_lines, _responsible_text(stitched.activities))
    period = meta.period or period_from_deadlines(a.deadline or "" for a in stitched.activities)
    if scanned and meta.period:          # "на 20:24-2026 годы" read as 2026 alone: the cells outvote it
        period = _scan_period(meta.period, [a.deadline or "" for a in stitched.activities], meta.flags)
    region, region_code = meta.region, meta.region_code
    if scanned and region:                # "Пермекого края" in a plan of Perm Krai
        _mend_region_words(stitched.activities, region)
    if hints.get("region_code") and not region_code:
        region_code = hints["region_code"]
    meta_flags = list(meta.flags)
    if hints.get("region_code") and not meta.region_code:
        meta_flags.append("region_code_from_manifest")
    if hints.get("doc_kind") and not meta.doc_kind:
        meta_flags = [f for f in meta_flags if f != "no_doc_kind"] + ["doc_kind_from_manifest"]
    if scanned and meta.doc_date and period and meta.doc_date.year < period[0] - MAX_YEARS_BEFORE_PERIOD:
        # "22 марта 2021 г." for a 2024-2025 plan: a digit of the year may be misread; kept as read
        meta_flags.append(f"doc_date_doubtful_ocr: {meta.doc_date.year} before the period {period[0]}-{period[1]}")
    text = definition_text(extracted, stitched.activities, scanned, region)
    defs = document_abbreviations(extracted, stitched.activities, scanned, text)
    if scanned:                           # "ДОинН КО" defined, "ДОиН КО" in every party cell
        from normalizers.ocr_definitions import mend_definitions

        from normalizers.ocr_lexicon import document_lexicon

        lexicon = document_lexicon([b.text for b in extracted.blocks] + _cell_texts(stitched.activities))
        orphans, unread = leftover_entries(text)
        glossary = load_glossary()
        mended = mend_definitions(defs, _responsible_text(stitched.activities), set(glossary), lexicon,
                                  orphans, unread, glossary)
        if list(mended) != list(defs):    # a short form changed (a full form alone is no flag)
            meta_flags.append("abbreviation_definition_mended")
        defs = {short: mend_region_words(full, region) for short, full in mended.items()}
    codes = frozenset(region_codes_written([m.name for a in stitched.activities for m in split_parties(a.responsible)],
                                           region_initials(region) if region else None))
    parties = memo(lambda text: read_parties(text, defs, region, scanned, codes))
    parse_deadline = memo(normalize_deadline)
    for act in stitched.activities:
        normalise_parties(act, defs, region, parties)
        normalise_deadline(act, period, parse_deadline, scanned)
    return DocumentRecord(
        source=source, sha256=sha256, file_format=extracted.file_format,
        extractor=extracted.extractor, extractor_version=extracted.extractor_version,
        region_code=region_code, region=region, doc_kind=meta.doc_kind or hints.get("doc_kind"),
        doc_number=meta.doc_number, doc_date=meta.doc_date, authority=meta.authority,
        title=meta.title, period=period, n_pages=extracted.n_pages,
        activities=stitched.activities, indicators=stitched.indicators, abbreviations=defs,
        columns=stitched.columns, header=stitched.header,
        flags=list(extracted.flags) + stitched.flags + meta_flags,
        tags=list(hints.get("tags") or []),
    )
