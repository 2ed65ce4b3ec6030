"""Document metadata from the text around a roadmap's tables.

``parse_metadata`` reads the lines outside the tables (order header, approval stamp, appendix
caption, title) and finds the kind of act (приказ / распоряжение / постановление), its number and
date, the issuing authority, the roadmap's own title, the period named in the title and the region
(ISO 3166-2:RU code from ``data/regions.yaml``).

The region comes from the authority, the title and the header block (the lines up to the end of
the title) only — never from activity text; the caller may pass the responsible cells (organisation
names) as a flagged fallback. A bilingual header (Russian beside Tatar, Bashkir, …) gives the Russian
authority only.

Regions are recognised by lemma, so every grammatical case matches ("Кемеровской области",
"Кузбасса", "Республики Татарстан", "г. Москвы"). Everything is rule based and works on text from
DOCX, PDF text layers and OCR alike (spaced capitals, page numbers, hyphenation, markdown bold).

The work is split by job: the words and patterns live in ``normalizers.metadata_words``, region
lookup in ``normalizers.metadata_regions``, line preparation in ``normalizers.metadata_lines``, the
authority in ``normalizers.metadata_authority``, the act's kind, number and date in
``normalizers.metadata_act``, the title and period in ``normalizers.metadata_title``; this module
holds ``DocMetadata`` and the public entry ``parse_metadata``, and re-exports the public names (``__all__``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from normalizers.metadata_act import _Block, _find_blocks, kind_of_word, parse_date, parse_doc_number, _verb_kind
from normalizers.metadata_authority import normalise_authority
from normalizers.metadata_lines import prepare_lines, recase_upper_line
from normalizers.metadata_regions import (Region, RegionMention, find_region_mentions, load_regions, _most_named,
                                          region_code_for)
from normalizers.metadata_title import (clean_title, find_title, _find_title_span, header_lines, is_signature,
                                        period_from_years, _period_in, _title_from_order_name)
from normalizers.metadata_words import (NUMBER_BLANK_RE, ORDER_NAME_RE, PERIOD_DAMAGED_RE, PERIOD_RANGE_RE,
                                        REGIONS_FILE, YEAR)

__all__ = [
    "REGIONS_FILE",
    "DocMetadata",
    "Region",
    "RegionMention",
    "clean_title",
    "find_region_mentions",
    "find_title",
    "header_lines",
    "is_signature",
    "kind_of_word",
    "load_regions",
    "normalise_authority",
    "parse_date",
    "parse_doc_number",
    "parse_metadata",
    "period_from_years",
    "prepare_lines",
    "recase_upper_line",
    "region_code_for",
]


@dataclass
class DocMetadata:
    """What the text around the tables says about the document."""

    doc_kind: str | None = None          # приказ | распоряжение | постановление | None
    doc_number: str | None = None        # "82-мр", "2714", "448"
    doc_date: date | None = None
    authority: str | None = None         # nominative: "министерство образования Иркутской области"
    title: str | None = None             # the roadmap's own title, one clean line
    region: str | None = None            # nominative: "Кемеровская область"
    region_code: str | None = None       # ISO 3166-2:RU ("RU-KEM"); project codes for non-ISO subjects
    period: tuple[int, int] | None = None
    flags: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- assembly


def _pick_region(authority: str | None, title: str | None, lines: list[str],
                 table_text: str) -> tuple[Region | None, str | None]:
    """Region from the authority, else the title, else the header lines, else the organisation names
    of the tables (flagged), else a capital city in the header (flagged)."""
    for source, flag in ((authority, None), (title, None)):
        region = _most_named(m for m in find_region_mentions(source or "") if not m.weak)
        if region:
            return region, flag
    text_mentions = find_region_mentions("\n".join(lines))
    region = _most_named(m for m in text_mentions if not m.weak)
    if region:
        return region, None
    table_mentions = find_region_mentions(table_text or "")
    region = _most_named(m for m in table_mentions if not m.weak)
    if region:
        return region, "region_from_tables"
    region = _most_named(text_mentions) or _most_named(table_mentions)
    return (region, "region_from_capital") if region else (None, "region_unknown")


def _first(values: Iterable[str | date | None]):
    return next((v for v in values if v), None)


def parse_metadata(lines: list[str], table_text: str = "") -> DocMetadata:
    """Metadata of one roadmap from its text outside the tables (reading order).

    ``table_text`` (the tables' text) is only a fallback for the region when the text names none.
    ``period`` comes from the title alone; when the title names none it stays None (flag
    ``period_not_in_title``) and the caller takes the years of the deadline column
    (``period_from_years`` does that for plain cell texts).
    """
    prepared = prepare_lines(lines)
    headings, approvals, first_approval = _find_blocks(prepared)
    blocks = [b for b in headings + approvals if b.kind]   # a stamp naming no act gives no number
    meta = DocMetadata()
    meta.doc_kind = _first(b.kind for b in blocks) or _verb_kind(prepared)
    meta.doc_number = _first(parse_doc_number(b.text) for b in blocks)
    meta.doc_date = _first(parse_date(b.text) for b in blocks)
    meta.authority = _first(b.authority for b in blocks)
    meta.title, title_end = _find_title_span(prepared, first_approval)
    if meta.title is None:
        meta.title = _title_from_order_name(prepared)
        if meta.title:
            meta.flags.append("title_from_order_name")
    header = header_lines(prepared, title_end)
    region, region_flag = _pick_region(meta.authority, meta.title, header, table_text)
    if region:
        meta.region, meta.region_code = region.name, region.code
        if not region.iso:
            meta.flags.append("region_code_not_iso")
    title = meta.title or ""
    meta.period = _period_in(title)
    if meta.period and PERIOD_DAMAGED_RE.search(title) and not PERIOD_RANGE_RE.search(title):
        meta.flags.append("period_ocr_repaired")      # "на 2024-20726 годы", "на 2622-2024 годы"
    if meta.period is None:
        meta.period = _heading_period(header)
        meta.flags.append("period_from_heading" if meta.period else "period_not_in_title")
    meta.flags += [f for f in (region_flag,) if f]
    meta.flags += _missing_flags(meta, blocks)
    return meta


def _heading_period(header: list[str]) -> tuple[int, int] | None:
    """The period the order's own name states ("Об утверждении плана … на 2022 - 2024 годы")
    when the roadmap's title names none."""
    for i, line in enumerate(header):
        if ORDER_NAME_RE.match(line):
            text = " ".join(ln for ln in header[i:i + 4] if ln)
            text = re.split(r"\s*\(далее\b", text)[0]
            found = _period_in(re.sub(rf"\bот\s+\d{{1,2}}[./]\d{{1,2}}[./]{YEAR}", " ", text))
            if found:
                return found
    return None


def _missing_flags(meta: DocMetadata, blocks: list[_Block]) -> list[str]:
    flags = []
    if meta.doc_kind is None:
        flags.append("no_doc_kind")
    if meta.doc_number is None:
        flags.append("no_doc_number")
        if any(NUMBER_BLANK_RE.search(b.text) for b in blocks):
            flags.append("doc_number_blank")
    if meta.doc_date is None:
        flags.append("no_doc_date")
    if meta.authority is None:
        flags.append("no_authority")
    if meta.title is None:
        flags.append("no_title")
    return flags
