"""Abbreviations: a document's own definitions, the curated glossary, and expansion of party names.

find_definitions() reads "(далее – X)", "… далее X." list items, "Сокращения:" lists and bare
"полное название (АББР)" from document text. As a scan reads them: a header whose words are
misread ("Церечень сокращений:", "Спивок используемых сокращемий:"), a speck line or page number
between two entries, an entry's dash read as other marks ("МТЗиС3 РТ.=_Министерство": there a
"3"/"0" inside a word of capitals is the letter it looks like), a speck before the dash after
"далее" ("(далее: - X)"), "далее" itself misread by a letter or in Latin look-alikes ("(дапее –
X)"), its bracket lost or misread ("» далее – РЦ)", "|далее – РЦ]": with the dash and a short
form in capitals only), a stop glued between a name and its bracket ("«Центр».(ЦРПО)").
The full form is the noun phrase before the marker, found by matching the acronym's letters (or
the short form's lemmas) against the words before it, and put into the nominative with pymorphy3
(``normalizers.full_forms``: a speck glued after a preposition does not open it, a lone "й" is
passed over as "и"). expand() (``normalizers.expansion``, re-exported here) turns a party name
into its full nominative name: document definitions first, then the glossary (data/glossary.yaml),
token by token for compound names such as "ГАУ ДПО «АМИРО»" or "ПОО и ОВО".

The full form's search lives in ``normalizers.full_forms``, the glossary in ``normalizers.glossary``;
``glossary_entry``, ``load_glossary`` and ``spells`` are re-exported here (``__all__``).
"""
from __future__ import annotations

import re

from normalizers.full_forms import (SKIPPABLE, Tok, acronym_letters, align_acronym, fold, full_form,
                                     spells, syllabic_start, tokens)
from normalizers.glossary import glossary_entry, load_glossary
from normalizers.expansion import expand
from normalizers.abbreviation_heads import (LATIN_TO_CYRILLIC, LIST_HEADER_INLINE_RE, LIST_HEADER_RE,
                                          mend_list_head)
from normalizers.lazy_re import lazy
from normalizers.text import is_known_word, one_edit
from normalizers.morph import (
    is_abbreviation,
    parses,
    to_nominative,
)

__all__ = ["entries_without_short_form", "expand", "find_definitions", "glossary_entry", "load_glossary", "spells"]

DASH = r"[-‐‑‒–—−]"
QUOTES_OPEN, QUOTES_CLOSE = "«„“\"", "»“”\""
# "X – полное", also as a scan reads it: "ПОО -— полное" (two dashes), "РКЦ- полное" (the space lost)
LIST_LINE_RE = re.compile(
    rf"^\s*(?:[•·*▪➢]|{DASH})?\s*(?:\d{{1,2}}[.)]\s*)?(?P<short>[^\s–—−:;][^–—−:;]{{0,60}}?)"
    rf"(?:\s+{DASH}{{1,2}}|(?<=[A-ZА-ЯЁ]){DASH})(?:\s+|\s*[’'`‚]\s*)(?P<full>\S.*?)\s*[;.,]?\s*$")
# inside a "Сокращения" block: an abbreviation (maybe with a look-alike digit for a letter,
# "МТЗиС3"), one to three marks a scan read for the dash ("МТЗисСЗ РТ ;,Министерство …",
# "МОиН РС(Я) + Министерство …", "РТ.=_Министерство"), the full name
JUNK_DASH_LINE_RE = lazy(
    rf"^\s*(?:[•·*▪➢]|{DASH})?\s*(?P<short>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё03]{{1,9}}(?:\s[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё()03]{{0,6}})?)"
    r"\s*(?:[^\w\s«\"(]|_){1,3}\s*(?P<full>[А-ЯЁа-яё].*?)\s*[;.,]?\s*$")
# a digit a scan read for the capital it looks like, inside a word of Cyrillic capitals ("МТЗиС3")
LOOKALIKE_DIGITS = str.maketrans("03", "ОЗ")
DIGIT_IN_CAPS_RE = re.compile(r"(?<![\w-])(?=(?:[А-ЯЁа-яё03]*[А-ЯЁ]){2})[А-ЯЁа-яё]*[03][А-ЯЁа-яё03]*(?![\w-])")
# a list line whose dash a scan lost: an acronym, then the words it stands for ("ЦЗН центры занятости …")
NO_DASH_LINE_RE = re.compile(
    rf"^\s*(?:[•·*▪➢]|{DASH})?\s*(?P<short>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]{{1,9}}(?:[\s`'‘’°^]+[A-ZА-ЯЁ]{{1,4}})?)"
    r"\s+(?P<full>[А-ЯЁа-яё].*?)\s*[;.,]?\s*$")
# a speck's mark glued between "далее" and its dash ("(далее'- Минобрнауки РБ)")
DALEE_MARK_RE = re.compile(rf"(?<=\()\s*далее[’'`‚.,^°]+\s*(?={DASH})", re.I)
# a word in a bracket before a dash or colon that a scan misread for "далее" ("(дапее –", "(далеe –")
DALEE_LIKE_RE = re.compile(rf"(?<=\()(\s*)([A-Za-zА-Яа-яЁё]{{4,6}})(?=\s*[.,:;]?\s*(?:{DASH}|:))")
# "(далее – X)"; a scan may add a speck read as a stop, comma or colon before the dash
# ("(далее. – РУМЦ)", "(далее: - РУМЦ)")
PAREN_DEFINE_RE = re.compile(
    rf"\(\s*(?:[^()]*?[,;]\s*)?далее(?:\s+по\s+тексту)?\s*(?:[.,:;]\s*(?={DASH}))?(?:{DASH}|:)?\s*(?:именуем\w*\s*{DASH}?\s*)?"
    r"(?P<short>(?:[^()]|\([^()]*\))+?)\s*\)", re.I)
# "(далее – X)" whose bracket a scan lost or misread ("» далее – РЦ)", "|далее – РЦ]", "(далее – РЦ."):
# only with the dash and a short form in capitals, which ends at a bracket-like mark, a stop or a
# lower-case word
BROKEN_BRACKET_DEFINE_RE = re.compile(
    rf"(?<!\w)[(\[|/]?\s*далее\s*(?:[.,:;]\s*)?{DASH}\s*"
    r"(?P<short>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]{1,14}(?:\s[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё()]{0,6})?)"
    r"(?:\s*[)\]|]|(?=[.;,]?[^\S\n]*$)|(?=[.;,]?\s+[а-яё]))", re.M)
CAPS_SHORT_RE = re.compile(r"^[А-ЯЁ][а-яё]{3,}(?:\s[А-ЯЁ]{1,4})+$")        # "Минобрнауки РБ"
BARE_DEFINE_RE = re.compile(
    rf"(?:^|[\s,]){DASH}?\s*далее\s*{DASH}?\s*(?P<short>[«\"]?[A-ZА-ЯЁ][^,;\n()]*?)\s*(?:[.;]\s*$|[.;]\s+(?=[A-ZА-ЯЁ])|$)",
    re.M)
ITEM_START_RE = re.compile(r"(?:^\s*|(?<![№\d.,])\s)(\d{1,2}[.)]?)\s+(?=[А-ЯЁ][а-яё]{2,})")
# a stop, comma or quote mark glued between a word or a closing quote and the bracket after it
GLUED_SPECK_RE = re.compile(r"(?<=[A-Za-zА-Яа-яЁё»\"”])[.,’‘'`]{1,2}\Z")
BARE_ACRONYM_RE = re.compile(r"\((?P<short>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]{1,14}(?:\s[A-ZА-ЯЁ]{1,4})?)\)")
REGION_ONLY_RE = re.compile(r"^[А-ЯЁ][а-яё-]+ (?:область|край|республика|округ)$")
MAX_ENTRY_WRAP_CHARS = 150
BRACES = str.maketrans("{}", "()")
BULLET_RE = re.compile(rf"^\s*(?:[•·*▪➢]|{DASH})?\s*(?:\d{{1,2}}(?:\.\d{{1,2}})*[.)]\s*)?")



# ---------------------------------------------------------------- definition finders

def _caps_for_digits(short: str) -> str:
    """A "0" or "3" inside a word of at least two Cyrillic capitals and no other digit read as the
    letter it looks like ("МТЗиС3 РТ" -> "МТЗиСЗ РТ"); "ФГОС 3", "СОШ 30" stay."""
    return DIGIT_IN_CAPS_RE.sub(lambda m: m.group(0).translate(LOOKALIKE_DIGITS), short)


def _clean_short(short: str) -> str:
    short = re.sub(r"\s+", " ", _caps_for_digits(short)).strip(" .,;:")
    if len(short) > 1 and short[0] in QUOTES_OPEN and short[-1] in QUOTES_CLOSE and short.count("«") <= 1:
        short = short[1:-1].strip()
    return short


def _split_shorts(short: str) -> list[str]:
    """"ОВО и ПОО соответственно" -> ["ОВО", "ПОО"]; a single short form stays whole."""
    if not re.search(r"\bсоответственно\b", short):
        return [short]
    short = re.sub(r"\s*\bсоответственно\b\s*", "", short)
    return [s.strip() for s in re.split(r"\s*(?:,|\bи\b)\s*", short) if s.strip()]


def _context_before(text: str, pos: int, wrapped: bool = False) -> str:
    """The text of the current line (table cell line) before pos, from the last sentence end.

    wrapped=True also takes up to three previous lines that do not end a sentence (soft wraps).
    """
    line_start = text.rfind("\n", 0, pos) + 1
    for _ in range(3 if wrapped else 0):
        prev_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        prev = text[prev_start:max(line_start - 1, 0)].rstrip()
        if line_start == 0 or not prev or prev[-1] in ".;:!?":
            break
        line_start = prev_start
    ctx = text[line_start:pos].replace("\n", " ")
    m = None
    for m in re.finditer(r"[.!?;]\s+(?=[А-ЯЁA-Z«])", ctx):
        pass
    if m is not None:
        ctx = ctx[m.end():]
    # an item number before a capitalised word opens a sentence even where a scan lost the stop
    # before it ("… на 2022–2024 годы 1 Определить учреждение …"); "№ 5 Имени" does not
    item = None
    for item in ITEM_START_RE.finditer(ctx):
        pass
    if item is not None:
        ctx = ctx[item.end():]
    # an earlier "(далее – X)" or "(АББР)" closes the name before it
    earlier = [m.end() for rx in (PAREN_DEFINE_RE, BARE_ACRONYM_RE) for m in rx.finditer(ctx)]
    if earlier:
        ctx = re.sub(r"^\s*(?:,|\bи\b)\s*", "", ctx[max(earlier):])
    return BULLET_RE.sub("", ctx, count=1)


def _define_many(context: str, shorts: list[str]) -> dict[str, tuple[str, str]]:
    """short -> (full, how found) for one marker; the last short is the one next to the marker."""
    found: dict[str, tuple[str, str]] = {}
    for i in range(len(shorts) - 1, -1, -1):
        got = full_form(context, shorts[i], adjacent=i == len(shorts) - 1)
        if got is None:
            break
        full, start, kind = got
        found[shorts[i]] = (full, kind)
        context = re.sub(r"(?:\s*(?:,|\bи\b)\s*)+$", "", context[:start])
    return found


def _define_at(text: str, pos: int, short: str) -> dict[str, str]:
    """Definitions made by one marker at pos; a soft-wrapped phrase is looked for on earlier lines
    (always when the marker's line opens in lower case, inside quotes or with an opening quote: a
    PDF line wrapped mid-name)."""
    shorts = _split_shorts(short)
    context = _context_before(text, pos).rstrip(" ,–—-")
    found = _define_many(context, shorts)
    # a line wrapped mid-name: it opens in lower case, inside quotes, or with the quoted name itself
    # ("… учреждением" / "«Республиканский … центр» (далее – РУМЦ)")
    mid_phrase = context[:1].islower() or context[:1] in "«„" or context.count("»") > context.count("«")
    if mid_phrase or any(kind == "fallback" for _, kind in found.values()) or len(found) < len(shorts):
        wrapped = _context_before(text, pos, wrapped=True).rstrip(" ,–—-")
        if wrapped != context:
            for k, (full, kind) in _define_many(wrapped, shorts).items():
                if kind != "fallback" or k not in found or mid_phrase:
                    found[k] = (full, kind)
    return {k: full for k, (full, _) in found.items() if not _only_region(full, k)}


def _only_region(full: str, short: str) -> bool:
    """A full form that is just a region name for a longer acronym: a phrase cut by a page break."""
    return bool(REGION_ONLY_RE.match(full)) and len(acronym_letters(short)) > 2


def _paren_definitions(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    whole: list[tuple[int, int]] = []
    for m in PAREN_DEFINE_RE.finditer(text):
        short = _clean_short(m.group("short"))
        if not short or len(short) > 80:
            continue
        whole.append(m.span())
        for k, v in _define_at(text, _before_glued_speck(text, m.start()), short).items():
            out.setdefault(k, v)
    for m in BROKEN_BRACKET_DEFINE_RE.finditer(text):
        short = _clean_short(m.group("short"))
        inside = any(a <= m.start("short") < b for a, b in whole)     # read whole above
        if inside or not (acronym_letters(short) or CAPS_SHORT_RE.match(short)):
            continue
        for k, v in _define_at(text, m.start(), short).items():
            out.setdefault(k, v)
    return out


def _bare_dalee_definitions(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in BARE_DEFINE_RE.finditer(text):
        if text[max(0, m.start() - 1): m.start() + 1].startswith("("):
            continue
        short = _clean_short(m.group("short"))
        if not short or len(short.split()) > 5:
            continue
        for k, v in _define_at(text, m.start(), short).items():
            out.setdefault(k, v)
    return out


def _entry_ended(line: str) -> bool:
    """A list entry line closed by ";" or "." (the next line cannot carry it on)."""
    return line.rstrip().endswith((";", "."))


def _speck_line(line: str) -> bool:
    """A line of one or two marks, letters or digits that is no acronym ("у", "‚", "2"): a speck a
    scan read, or a page number, between the lines of a list; it neither ends the list nor goes
    into an entry (no entry goes on with a lone letter: a wrapped name takes whole words)."""
    stripped = line.strip()
    return 0 < len(stripped) <= 2 and not (len(stripped) == 2 and stripped.isalpha() and stripped.isupper())


def _continues_entry(line: str) -> bool:
    """A line of a "Сокращения" list that carries the previous entry on (no "X – …" of its own)."""
    stripped = line.strip()
    if not (stripped and LIST_LINE_RE.match(line) is None and not LIST_HEADER_RE.match(line)
            and len(stripped) <= MAX_ENTRY_WRAP_CHARS and not stripped.isupper()):
        return False
    first = re.match(r"[«\"(]?([A-Za-zА-Яа-яЁё-]+)", stripped)
    if first is None:
        return False
    word = first.group(1)
    if stripped[:1] in "«„\"(":
        return True       # a quoted proper name or a bracket goes on ("… области / «Центры занятости»;")
    # a wrapped name goes on in lower case or with a genitive ("… образования и науки / Республики Татарстан")
    return word[:1].islower() or any(p.tag.case == "gent" for p in parses(word))


def _inline_header_entries(lines: list[str]) -> list[str]:
    """Lines with "Сокращения: A – полное; B – полное." cut into the header and one line per entry."""
    out: list[str] = []
    for line in lines:
        m = LIST_HEADER_INLINE_RE.match(line)
        rest = line[m.end():] if m else ""
        if not m or (LIST_LINE_RE.match(rest) or _junk_dash_entry(rest)) is None:
            out.append(line)
            continue
        out.append(line[:m.end()].strip())
        out.extend(re.split(rf"(?<=;)\s+(?=[^;]{{1,60}}?\s{DASH}\s)", rest))
    return out


# a list line whose dash a scan lost, its short form words that the full form repeats with more
# ("агентство труда и занятости населения края агентство труда и занятости населения Красноярского края")
REPEATED_HEAD_LINE_RE = re.compile(r"^\s*(?P<short>(?P<head>[А-Яа-яЁё]{3,}\s+[А-Яа-яЁё]{2,})\b.*?)\s+(?P<full>(?P=head)\b.+?)\s*[;.,]?\s*$")
MAX_UNREAD_LINES = 2     # lines of a "Сокращения" block in a row that no entry reads from, kept in it
ORPHAN_ENTRY_RE = re.compile(r"^\s*[-–—]+\s*(?P<full>[а-яё«][а-яё«»\"\s,()-]{12,}.*)$")


def _damaged_entry(line: str) -> bool:
    """A short line of a list that opens as no sentence or heading does: with a mark ("-[государственные
    …", an entry whose short form a scan lost), a quote or a lower-case word; a capital, a number
    or a long line ends the list."""
    stripped = line.strip()
    return (len(stripped) <= MAX_ENTRY_WRAP_CHARS and not stripped[:1].isdigit()
            and (not stripped[:1].isalnum() or stripped[:1].islower()))


def _list_entries(text: str) -> list[tuple[str, str, bool]]:
    """(short, full, in a "Сокращения" block) for every "X – полное название" line; an entry of a
    block that wraps onto the next line (no ";" or "." at its end) takes that line in."""
    entries: list[tuple[str, str, bool]] = []
    in_block, open_entry, unread = False, False, 0
    for line in _inline_header_entries([mend_list_head(x) for x in text.splitlines()]):
        if LIST_HEADER_RE.match(line):
            in_block, open_entry, unread = True, False, 0
            continue
        if in_block:
            line = _acronym_read_lower(line)
        if in_block and (_speck_line(line) or not any(ch.isalpha() for ch in line)):
            continue                    # a speck, a page number or a signature's junk ("©7777") within the list
        lost = ORPHAN_ENTRY_RE.match(line) if in_block else None
        if lost is not None:            # "- профессиональные … организации": its short form lost
            entries.append(("", lost.group("full"), True))
            open_entry, unread = not _entry_ended(line), 0
            continue
        m = LIST_LINE_RE.match(line)
        if m is None and not (in_block and open_entry and _continues_entry(line)):
            m = _spelled_entry(line) or (_junk_dash_entry(line) or REPEATED_HEAD_LINE_RE.match(line) if in_block else None)
        if m is None:
            if in_block and open_entry and _continues_entry(line):
                short, full, _ = entries[-1]
                entries[-1] = (short, f"{full} {line.strip()}", True)
                open_entry = not _entry_ended(line)
                continue
            if line.strip() and in_block:
                # a line no entry reads from: the list ends, unless it is a short line a scan
                # damaged (an entry's short form lost under a signature) and an entry follows
                unread += 1
                in_block = unread <= MAX_UNREAD_LINES and _damaged_entry(line)
            open_entry = False
            continue
        unread = 0
        # the whole rest of the line: a comma where the entry wraps stays ("…области, / осуществляющие …")
        entries.append((_clean_short(m.group("short")), m.string[m.start("full"):].strip(), in_block))
        open_entry = in_block and not _entry_ended(line)
    return entries


def _junk_dash_entry(line: str) -> re.Match | None:
    """A line of a "Сокращения" block whose dash a scan read as other marks, else None: the short
    form must be an abbreviation in every word."""
    m = JUNK_DASH_LINE_RE.match(line)
    return m if m and all(is_abbreviation(w) for w in m.group("short").split()) else None


LOWER_HEAD_RE = re.compile(r"^(\s*)([а-яё]{2,6})(?=\s+[-–—]?\s*[а-яё])")


def _acronym_read_lower(line: str) -> str:
    """A list line whose short form a scan read in lower case ("поо профессиональные
    образовательные организации"): the short form in capitals when it is no dictionary word and the
    words after it spell it; else the line as read (a wrapped line going on in lower case)."""
    m = LOWER_HEAD_RE.match(line)
    if m is None or is_known_word(m.group(2)):
        return line
    caps = m.group(2).upper()
    rest = line[m.end():].lstrip(" -–—")
    toks = tokens(re.sub(r"[^\w\s«»\"()-]", " ", rest))
    words = [i for i, t in enumerate(toks) if t.is_word]
    if any(align_acronym(acronym_letters(caps), toks, end) == 0 for end in words[:len(caps) * 2]):
        return m.group(1) + caps + line[m.end():]
    return line


def _spelled_entry(line: str) -> re.Match | None:
    """A list line with no dash whose first word is an acronym the next words spell from the
    first one ("ЦЗН центры занятости населения …"), else None."""
    m = NO_DASH_LINE_RE.match(re.sub(r"(?<=[A-ZА-ЯЁ])[`'‘’°^]+(?=[A-ZА-ЯЁ])", " ", line))  # "МО`ОО": a speck for the space
    if m is None or not acronym_letters(m.group("short")):
        return None
    toks = tokens(re.sub(r"[^\w\s«»\"()-]", " ", m.group("full")))
    words = [i for i, t in enumerate(toks) if t.is_word]
    for end in words[:len(acronym_letters(m.group("short"))) * 2]:
        if align_acronym(acronym_letters(m.group("short")), toks, end) == 0:
            return m
    return None


def _list_definitions(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for short, full, in_block in _list_entries(text):
        full = full.strip().lstrip("-–—‐‑‒− ").rstrip(";.,").strip()     # "ЦОПП - - …": two dashes
        if not full or not short or "далее" in full.lower():
            continue
        if in_block and len(short.split()) <= 6:
            out.setdefault(short, to_nominative(full))
        elif acronym_letters(short) and spells(short, full):
            out.setdefault(short, to_nominative(full))
    return out




MIN_ONE_OFF_INITIALS = 4     # an acronym this long may differ from its quoted name's initials in one letter


def _quoted_initials(short: str, tok: Tok) -> bool:
    """The acronym spells the initials of the quoted name just before it ("«Центр развития
    профессионального образования» (ЦРПО)"), conjunctions and prepositions skipped."""
    if not tok.is_group or tok.text[:1] not in QUOTES_OPEN:
        return False
    letters = [fold(c) for c in acronym_letters(short)]
    words = [w for w in re.findall(r"[А-Яа-яЁёA-Za-z]+", tok.text) if fold(w) not in SKIPPABLE]
    initials = [fold(w)[0] for w in words]
    if not letters or len(initials) != len(letters):
        return False
    # one letter of four or more misread ("«Центр развития профессионального образования» (ЦРНО)"):
    # still the name's short form, as written (a scan's mends take the cells' spelling)
    wrong = sum(a != b for a, b in zip(initials, letters))
    return wrong == 0 or (wrong == 1 and len(letters) >= MIN_ONE_OFF_INITIALS)


def _before_glued_speck(text: str, pos: int) -> int:
    """Where the name before a bracket at ``pos`` ends: before a stop, comma or quote mark glued
    between a word (or a closing quote) and the bracket, a speck ("образования».(ЦРПО)": a
    sentence's stop is followed by a space, never by a bracket)."""
    m = GLUED_SPECK_RE.search(text, max(0, pos - 3), pos)
    return m.start() if m else pos


def _bare_acronym_definitions(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in BARE_ACRONYM_RE.finditer(text):
        short = m.group("short")
        pos = _before_glued_speck(text, m.start())
        context = _context_before(text, pos).rstrip()
        toks = tokens(context)
        quoted = tokens(_context_before(text, pos, wrapped=True).rstrip())    # the name may wrap
        if quoted and _quoted_initials(short, quoted[-1]):
            # "учреждение «Центр развития профессионального образования» (ЦРПО)": the name with its kind
            for k, v in _define_at(text, pos, short).items():
                out.setdefault(k, v)
            continue
        if not toks or not toks[-1].is_word:
            continue
        if not acronym_letters(short):
            context = _context_before(text, pos, wrapped=True).rstrip()   # the name may wrap
            toks = tokens(context)
            start = syllabic_start(short, toks) if toks else None
            if start is not None:
                out.setdefault(short, to_nominative(re.sub(r"\s+", " ", context[toks[start].start:])))
            continue
        start = align_acronym(acronym_letters(short), toks, len(toks) - 1)
        if start is None:
            continue
        phrase = re.sub(r"\s+", " ", context[toks[start].start:])
        out.setdefault(short, to_nominative(phrase))
    return out


def _plain_lines(text: str) -> str:
    """Text with HTML tags and tabs (cell boundaries) turned into line breaks."""
    text = text.replace("\r", "").replace("\xa0", " ")
    text = re.sub(r"<[^>]+>", "\n", text)
    return text.replace("\t", "\n")


def _dalee_misread(m: re.Match) -> str:
    """"далее" for a word in a bracket, before a dash, that is it but for one letter or Latin
    look-alikes ("(дапее – ЦОПП)", "(дaлee – ЦОПП)"); any other word stays."""
    word = fold(m.group(2).translate(LATIN_TO_CYRILLIC))
    return m.group(1) + "далее" if word == "далее" or one_edit(word, "далее") else m.group(0)


def _prepared(text: str) -> str:
    text = _plain_lines(text).translate(BRACES)   # "{Роспотребнадзор КО)": a scan's brace for a bracket
    return DALEE_MARK_RE.sub("далее ", DALEE_LIKE_RE.sub(_dalee_misread, text))   # "(далее'- X)": a speck


def entries_without_short_form(text: str) -> list[str]:
    """Full forms (nominative) of "Сокращения" entries whose short form a scan lost ("- профессиональные
    образовательные организации Омской области."): the caller may find it where the form is used."""
    if not text:
        return []
    fulls = [full.strip().lstrip("-–—‐‑‒− ").rstrip(";.,").strip()
             for short, full, in_block in _list_entries(_prepared(text)) if not short and in_block]
    return [to_nominative(f) for f in fulls if f]


def find_definitions(text: str) -> dict[str, str]:
    """Short form -> full nominative wording, for every definition the document itself makes.

    Priority: "(далее – X)" and "… далее X" first, then "Сокращения:" lists, then bare "(АББР)".
    """
    if not text:
        return {}
    text = _prepared(text)
    found: dict[str, str] = {}
    for finder in (_paren_definitions, _bare_dalee_definitions, _list_definitions, _bare_acronym_definitions):
        for short, full in finder(text).items():
            if short not in found and full and fold(full) != fold(short):
                found[short] = full
    return found
