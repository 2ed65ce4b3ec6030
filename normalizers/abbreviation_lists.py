"""The "Сокращения" list of a document: its entries, also as a scan reads them.

A list opens with its header (``normalizers.abbreviation_heads``); each entry is "X – полное
название", wrapping onto the next lines until ";" or ".". A scan reads an entry's dash as other
marks ("МТЗиС3 РТ.=_Министерство", a "3"/"0" in a word of capitals being the letter it looks
like) or loses it ("ЦЗН государственные …": kept only when the whole entry spells the short form),
puts a speck line, a page number or a signature's junk between two entries, a speck's dash into a
wrapped line ("дополнительного’ - профессионального"), a stop before the quoted name that carries
an entry on, reads an entry's short form in lower case, or loses it altogether ("- профессиональные
образовательные организации …", "3 дарст. казённые учреждения …" under a signature, "автономное
образовательное учреждение …" with its dash: ``leftover_entries`` hands such entries to the caller),
puts a signature's junk after the header's colon ("Принятые сокращения: АНБ тыла"), or misreads a
wrapped line's first capital word ("Респубйики Татарстан;": it goes on where its initials complete
the open entry's acronym, or where it is a letter off a genitive).
Used by ``normalizers.abbreviations`` (``list_definitions``).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from normalizers.abbreviation_heads import LIST_HEADER_INLINE_RE, LIST_HEADER_RE, cut_head, mend_list_head
from normalizers.full_forms import acronym_letters, align_acronym, spells, tokens
from normalizers.lazy_re import lazy
from normalizers.morph import is_abbreviation, parses, to_nominative
from normalizers.ocr_words import nearest_word
from normalizers.text import is_known_word

DASH = r"[-‐‑‒–—−]"
QUOTES_OPEN, QUOTES_CLOSE = "«„“\"", "»“”\""
# "X – полное", also as a scan reads it: "ПОО -— полное" (two dashes), "РКЦ- полное", "РТ-- полное", "… края -агентство"
# (a space lost), "края.- министерство", "края: - министерство", "Чувашии .- Министерство" (a speck before the
# dash), "края -. министерство" (after it), "края-- агентство" (two dashes glued),
# "края`-.агентство" (specks either side of a dash with no space)
LIST_LINE_RE = re.compile(
    rf"^\s*(?:[•·*▪➢]|{DASH})?\s*(?:\d{{1,2}}[.)]\s*)?(?P<short>[^\s–—−:;][^–—−:;]{{0,60}}?)"
    rf"(?:\s+{DASH}{{1,2}}|(?<=[A-ZА-ЯЁ]){DASH}{{1,2}}|(?<=[А-Яа-яЁё])\s?[.,’'`:]\s*{DASH}{{1,2}}(?=\s)|(?<=[а-яё]){DASH}{{2}}(?=\s)"
    rf"|(?<=[а-яё])[.,’'`]{DASH}{{1,2}}[.,’'`‚](?=[а-яё]))(?:\s+|\s*[’'`‚.,]\s+|\s*[’'`‚]\s*|(?<=\s{DASH})(?=[а-яё])|(?<=[.,’'`‚])(?=[а-яё]))(?P<full>\S.*?)\s*[;.,]?\s*$")
# inside a "Сокращения" block: an abbreviation (maybe with a look-alike digit for a letter,
# "МТЗиС3"), one to three marks a scan read for the dash ("МТЗисСЗ РТ ;,Министерство …",
# "МОиН РС(Я) + Министерство …", "РТ.=_Министерство") or a lone digit before a lower-case word
# ("ТОИКО 3 областное …"), the full name
JUNK_DASH_LINE_RE = lazy(
    rf"^\s*(?:[•·*▪➢]|{DASH})?\s*(?P<short>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё03]{{1,9}}(?:\s[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё()03]{{0,6}})?)"
    r"(?:\s*(?:[^\w\s«\"(]|_){1,3}\s*|\s+\d\s+(?=[а-яё]))(?P<full>[А-ЯЁа-яё].*?)\s*[;.,]?\s*$")   # "ТОИКО 3 областное"
# a digit a scan read for the capital it looks like, inside a word of Cyrillic capitals ("МТЗиС3")
LOOKALIKE_DIGITS = str.maketrans("03", "ОЗ")
DIGIT_IN_CAPS_RE = re.compile(r"(?<![\w-])(?=(?:[А-ЯЁа-яё03]*[А-ЯЁ]){2})[А-ЯЁа-яё]*[03][А-ЯЁа-яё03]*(?![\w-])")
# a list line whose dash a scan lost: an acronym, then the words it stands for ("ЦЗН центры занятости …";
# "МО. ОО Министерство …": a speck's stop inside the acronym)
NO_DASH_LINE_RE = re.compile(
    rf"^\s*(?:[•·*▪➢]|{DASH})?\s*(?P<short>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё03]{{1,9}}(?:\.?[\s`'‘’°^]+[A-ZА-ЯЁ]{{1,4}})?)"
    r"\s+(?P<full>[А-ЯЁа-яё].*?)\s*[;.,]?\s*$")
MAX_ENTRY_WRAP_CHARS = 150
# a speck's mark before a list line's first lower-case word ("‚занятости населения …": a wrapped name)
LEADING_SPECK_RE = re.compile(r"^(\s*)(?:\d[:;,.]|[‚’'`,.°^]+)[^\S\n]?(?=[а-яё])")     # "‚занятости", "5: областной"


def caps_for_digits(short: str) -> str:
    """A "0" or "3" inside a word of at least two Cyrillic capitals and no other digit read as the
    letter it looks like ("МТЗиС3 РТ" -> "МТЗиСЗ РТ"); "ФГОС 3", "СОШ 30" stay."""
    return DIGIT_IN_CAPS_RE.sub(lambda m: m.group(0).translate(LOOKALIKE_DIGITS), short)


def clean_short(short: str) -> str:
    short = re.sub(r"\s+", " ", caps_for_digits(short)).strip(" .,;:")
    if len(short) > 1 and short[0] in QUOTES_OPEN and short[-1] in QUOTES_CLOSE and short.count("«") <= 1:
        short = short[1:-1].strip()
    elif len(short) > 1 and short[0] in QUOTES_OPEN and not any(q in short for q in QUOTES_CLOSE):
        short = short[1:].strip()          # a quote opened and never closed: a speck ("„МОиН РТ")
    return short


def _entry_ended(line: str) -> bool:
    """A list entry line closed by ";" or "." (the next line cannot carry it on), or by a colon
    after a closing quote (a scan's ";": "… работников образования»:"); a stop after a
    conjunction or preposition is a speck ("агентство труда и." goes on)."""
    stripped = line.rstrip()
    if stripped.endswith(("»:", "\":")):
        return True
    if not stripped.endswith((";", ".")):
        return False
    last = re.search(r"([А-Яа-яЁё]+)\s*[;.]$", stripped)
    return last is None or not any(p.tag.POS in ("CONJ", "PREP") for p in parses(last.group(1).lower())) \
        or len(last.group(1)) > 3


def _quote_open(full: str) -> bool:
    """Whether an entry's full form opened a quoted name it has not closed."""
    return full.count("«") > full.count("»")


def _speck_line(line: str) -> bool:
    """A line of one or two marks, letters or digits that is no acronym ("у", "‚", "2"): a speck a
    scan read, or a page number, between the lines of a list; it neither ends the list nor goes
    into an entry (no entry goes on with a lone letter: a wrapped name takes whole words)."""
    stripped = line.strip()
    return 0 < len(stripped) <= 2 and not (len(stripped) == 2 and stripped.isalpha() and stripped.isupper())


def _continues_entry(line: str, before: str = "") -> bool:
    """A line of a "Сокращения" list that carries the previous entry on (no "X – …" of its own): in
    lower case (after an entry ``before`` that ends with its quoted name closed, a dictionary word:
    "поа бфури…" is the next entry a scan garbled), or a genitive dictionary word."""
    stripped = line.strip()
    if not (stripped and LIST_LINE_RE.match(line) is None and not LIST_HEADER_RE.match(line)
            and len(stripped) <= MAX_ENTRY_WRAP_CHARS and not stripped.isupper()):
        return False
    first = re.match(r"[«„“\"(]?([A-Za-zА-Яа-яЁё-]+)", stripped)     # "„Цейтры …»": a low quote opens it
    if first is None:
        return False
    word = first.group(1)
    if stripped[:1] in "«„“\"(":
        return True       # a quoted proper name or a bracket goes on ("… области / «Центры занятости»;")
    closed = before.rstrip().rstrip(",;.:-–—").endswith("»") and before.count("«") == before.count("»")   # "центр»,"
    if word[:1].islower():                 # after a closed name, only a genitive dictionary word ("… «Центр» /
        # города Омска"; "поа бфури…", "то ла ое государственное …" are entries a scan garbled)
        return not closed or _known_genitive(word.lower())
    # a wrapped name goes on with a genitive ("… образования и науки / Республики Татарстан", also
    # after a quoted name: "… «Центры занятости» / Омской области"): a dictionary word's, or one a
    # letter off exactly one ("Респубйики"; a misread "Нлан" guessed as one is none)
    low = word.lower()
    low = low if is_known_word(low) else nearest_word(low)       # "Респубйики": one letter off "Республики"
    return low is not None and _known_genitive(low)


MAX_HEADER_JUNK = 20      # characters of junk after a header's colon, no entry, before a line that is one


def _inline_header_entries(lines: list[str]) -> list[str]:
    """Lines with "Сокращения: A – полное; B – полное." cut into the header and one line per entry;
    a header followed on its line by a little junk and on the next line by an entry is the header."""
    out: list[str] = []
    for i, line in enumerate(lines):
        m = LIST_HEADER_INLINE_RE.match(line)
        rest = line[m.end():] if m else ""
        if m and len(rest.strip()) <= MAX_HEADER_JUNK and _entry_follows(lines[i + 1:]) \
                and (LIST_LINE_RE.match(rest) or _junk_dash_entry(rest)) is None:
            out.append(line[:m.end()].strip())      # "Принятые сокращения: АНБ тыла": a signature's junk after it
            continue
        if not m or (LIST_LINE_RE.match(rest) or _junk_dash_entry(rest)) is None:
            out.append(line)
            continue
        out.append(line[:m.end()].strip())
        out.extend(re.split(rf"(?<=;)\s+(?=[^;]{{1,60}}?\s{DASH}\s)", rest))
    return out


# a list line whose dash a scan lost, its short form words that the full form repeats with more
# ("агентство труда и занятости населения края агентство труда и занятости населения Красноярского края")
REPEATED_HEAD_LINE_RE = re.compile(r"^\s*(?P<short>(?P<head>[А-Яа-яЁё]{3,}\s+[А-Яа-яЁё]{2,})\b.*?)\s+(?P<full>(?P=head)\b.+?)\s*[;.,]?\s*$")
# an entry's dash read as one to three Latin letters between its acronym and the full form
LATIN_DASH_RE = re.compile(r"^(\s*[А-ЯЁ][А-Яа-яЁё()]*[А-ЯЁ)](?:\s+[А-ЯЁ]{1,4})?)\s+[A-Za-z]{1,3}\s+(?=[а-яё])")
HEADLESS_LINE_RE = re.compile(r"^\s*[А-ЯЁ][а-яё]+(?:\s+[А-ЯЁа-яё]+)*\s+[А-ЯЁ][а-яё]+\s+[а-яё]")
MIN_LOOSE_WORDS = 3      # a block's unread line kept for the caller has this many words (a short form and a name)
MAX_UNREAD_LINES = 2     # lines of a "Сокращения" block in a row that no entry reads from, kept in it
ORPHAN_ENTRY_RE = re.compile(r"^\s*(?:[а-яё]{1,2}[^\S\n]*)?[-–—]+\s*(?P<full>[а-яё«][а-яё«»\"\s,()-]{12,}.*)$")


MIN_LOST_HEAD_WORDS = 2    # a line whose head a scan lost is an entry's rest with this many words ...
MIN_LOST_HEAD_KNOWN = 1    # ... this many of the others dictionary words


def _lost_head(line: str) -> bool:
    """A block's line (no entry open) whose first word is junk a scan made of an entry's short form
    and the first word of its full form under a signature ("3 дарст. казённые учреждения …", "пежо
    казенные.учреждения …", "ТосуХарственные-казённые учреждения …") or a lower-case word (the short
    form and its dash lost: "автономное.образовательное учреждение"): a digit alone, no dictionary
    word or a word in lower case, then a dictionary word or more: the rest of an entry whose short
    form is lost."""
    words = line.split()
    if len(words) < MIN_LOST_HEAD_WORDS:
        return False
    first = words[0].strip(".,;:`'’")
    # (a word of letters opening with a capital may be the short form itself: "Минпромторг нсох министерство …")
    # (a digit before a capitalised word numbers a heading or an item: "4. Исполнители плана")
    junk = (first.isdigit() and len(first) == 1 and words[1][:1].islower()) \
        or not (first.isalpha() or first.isdigit()) or (first.isalpha() and first[:1].islower())
    known = sum(is_known_word(w.strip(".,;:«»\"").lower()) for w in words[1:])
    return junk and known >= MIN_LOST_HEAD_KNOWN


def _damaged_entry(line: str) -> bool:
    """A short line of a list that opens as no sentence or heading does: with a mark ("-[государственные
    …", an entry whose short form a scan lost), a quote or a lower-case word; a capital, a number
    or a long line ends the list."""
    stripped = line.strip()
    return (len(stripped) <= MAX_ENTRY_WRAP_CHARS and not stripped[:1].isdigit()
            and (not stripped[:1].isalnum() or stripped[:1].islower()))


class Entry(NamedTuple):
    short: str            # "" when a scan lost it
    full: str
    trusted: bool         # stands in a "Сокращения" block
    loose: bool = False   # a block's line no entry reads from: its short form is for the caller to find


def _list_entries(text: str) -> list[Entry]:
    """An entry for every "X – полное название" line, trusted when it stands in a
    "Сокращения" block (a block's line whose dash a scan lost is not: its words must spell it); an
    entry of a block that wraps onto the next line (no ";" or "." at its end) takes that line in.
    A block's line no entry reads from (a short line opening with a capital: "Минпромторг нсох
    министерство …", the dash read as a letter; also after damaged lines) is kept as a ``loose``
    entry and the block goes on."""
    entries: list[Entry] = []
    in_block, open_entry, unread = False, False, 0
    open_unspelled = False          # an entry outside a block whose words do not spell it, not ended
    lines = _inline_header_entries([mend_list_head(x) for x in text.splitlines()])
    for i, line in enumerate(lines):
        if LIST_HEADER_RE.match(line) or (cut_head(line) and _entry_follows(lines[i + 1:])):
            in_block, open_entry, unread = True, False, 0
            continue
        if open_unspelled and LIST_LINE_RE.match(line) is None and _genitive_name_goes_on(line):
            # "Минобразования Чувашии - Министерство образования Чувашской" / "Республики."
            entries[-1] = entries[-1]._replace(full=f"{entries[-1].full.rstrip()} {line.strip()}")
            open_unspelled = not _entry_ended(line)
            continue
        open_unspelled = False
        if in_block:
            line = LATIN_DASH_RE.sub(r"\1 – ", _acronym_read_lower(LEADING_SPECK_RE.sub(r"\1", line)))     # "ОМСУ rs органы …"
            line = _caps_head_before_junk_dash(line)      # "тои КО*- областное …"
        if in_block and (_speck_line(line) or not any(ch.isalpha() for ch in line)):
            continue                    # a speck, a page number or a signature's junk ("©7777") within the list
        lost = ORPHAN_ENTRY_RE.match(line) if in_block else None
        if lost is not None:            # "- профессиональные … организации": its short form lost
            entries.append(Entry("", lost.group("full"), True))
            open_entry, unread = not _entry_ended(line), 0
            continue
        m = LIST_LINE_RE.match(line)
        # an open entry goes on; also over a speck's dash ("дополнительного’ - профессионального …")
        goes_on = in_block and open_entry and (_continues_entry(line, entries[-1].full if entries else "")
                                                or bool(m and _lower_word(m.group("short")))
                                                or _spelled_on(entries, line))
        participle = in_block and not open_entry and bool(entries) and m is None and _participle_first(line)
        if participle:                  # "… Омской области; / осуществляющие …": the ";" a scan's ","
            entries[-1] = entries[-1]._replace(full=entries[-1].full.rstrip().rstrip(";.") + ",")
            goes_on = True
        elif (in_block and not open_entry and bool(entries) and m is None and entries[-1].full.rstrip().endswith(".")
              and _genitive_first(line)):   # "… учреждение. / дополнительного …": the stop a speck
            entries[-1] = entries[-1]._replace(full=entries[-1].full.rstrip()[:-1])
            goes_on = True
        m = None if goes_on else m
        if m is None and not goes_on:
            m = _spelled_entry(line) or (_junk_dash_entry(line) or REPEATED_HEAD_LINE_RE.match(line) if in_block else None)
        spelled_later = False
        if m is None and in_block and not goes_on:
            # "ЦЗН государственные казённые учреждения …": the dash lost and the words not spelling
            # it from the first one; kept only if the whole entry spells it (checked at the end)
            m = NO_DASH_LINE_RE.match(line)
            m = m if m and acronym_letters(clean_short(m.group("short"))) else None
            # trusted as a block's entry unless a verb follows the acronym ("МО ОО обеспечивает …":
            # a sentence after the list); then its words must spell it
            spelled_later = m is not None and _verb_first(m.group("full"))
        if m is None:
            if goes_on or (in_block and _quoted_name_goes_on(entries, line)):
                prev = entries[-1].full.rstrip()
                prev = prev[:-1] if prev.endswith(".") else prev       # a speck's stop ("труда и.")
                entries[-1] = entries[-1]._replace(full=f"{prev} {line.strip()}")
                open_entry = not _entry_ended(line) or _quote_open(entries[-1].full)
                continue
            if line.strip() and in_block:
                # a line no entry reads from: the list ends, unless it is a short line a scan
                # damaged (an entry's short form lost under a signature) and an entry follows;
                # the first such line of a block is kept whole, its short form unknown
                # ("Минобразования Чувашии Министерство …": the dash lost between two capitals)
                unread += 1
                if unread == 1 and (HEADLESS_LINE_RE.match(line) or _lost_head(line)):
                    entries.append(Entry("", line.strip(), True))
                    open_entry = not _entry_ended(line)
                    continue
                if (unread <= MAX_UNREAD_LINES + 1 and len(line.strip()) <= MAX_ENTRY_WRAP_CHARS and line.strip()[:1].isupper()
                        and len(line.split()) >= MIN_LOOSE_WORDS):
                    entries.append(Entry("", line.strip(), True, loose=True))
                    open_entry = not _entry_ended(line)
                    continue
                in_block = unread <= MAX_UNREAD_LINES and _damaged_entry(line)
            open_entry = False
            continue
        unread = 0
        # the whole rest of the line: a comma where the entry wraps stays ("…области, / осуществляющие …")
        entries.append(Entry(clean_short(m.group("short")), m.string[m.start("full"):].strip(), in_block and not spelled_later))
        # a stop inside an open quoted name is a speck ("«Томский." goes on)
        open_entry = in_block and (not _entry_ended(line) or _quote_open(entries[-1].full))
        short, full = entries[-1].short, entries[-1].full
        open_unspelled = not in_block and not _entry_ended(line) and not _spelled(short, full)
    return entries


def _tail_in(short: str, full: str) -> bool:
    """Whether each word of a short form after its first is in its full form: a code in capitals as
    the initials of capitalised words ("РС(Я)": "Республики Саха (Якутия)"), a word by its first
    four letters ("Чувашии": "Чувашской") — an entry whose name lost its region's words is no entry."""
    words = re.findall(r"[А-Яа-яЁё]+", full)
    caps = "".join(w[0] for w in words if w[:1].isupper())
    for tok in short.split()[1:]:
        letters = re.sub(r"[^А-Яа-яЁё]", "", tok)
        if letters.isupper():
            if letters not in caps:
                return False
        elif not any(w.lower().startswith(letters[:4].lower()) for w in words):
            return False
    return True


def _spelled(short: str, full: str) -> bool:
    """Whether an acronym's letters spell ``full`` (a list line trusted outside a block)."""
    return bool(acronym_letters(short)) and spells(short, full)


def _known_genitive(word: str) -> bool:
    """A dictionary word one of whose readings is a genitive."""
    return is_known_word(word) and any(p.tag.case == "gent" for p in parses(word))


def _genitive_name_goes_on(line: str) -> bool:
    """A short line opening with a capitalised dictionary word that may be a genitive ("Республики.",
    "Курской области"): the rest of a name wrapped from the line above."""
    first = re.match(r"\s*([А-ЯЁ][а-яё]{3,})(?![А-Яа-яЁё-])", line)
    if first is None or len(line.split()) > MAX_WRAPPED_NAME_WORDS:
        return False
    return _known_genitive(first.group(1).lower())


MAX_WRAPPED_NAME_WORDS = 4     # the rest of a name wrapped onto a line of its own, at most this many words


def _participle_first(line: str) -> bool:
    """A line opening with a lower-case participle ("осуществляющие управление …"): no entry opens so,
    it carries on the entry above (a participle's phrase follows its noun after a comma)."""
    first = re.match(r"\s*([а-яё]{4,})", line)
    return first is not None and any(p.tag.POS == "PRTF" for p in parses(first.group(1)))


def _genitive_first(line: str) -> bool:
    """A line opening with a lower-case dictionary word that is a genitive and never a nominative
    ("дополнительного профессионального образования …"): no entry's full form opens so (a name is
    in the nominative), it carries on the entry above."""
    first = re.match(r"\s*([а-яё]{4,})(?![А-Яа-яЁё-])", line)
    return first is not None and _known_genitive(first.group(1)) \
        and not any(p.tag.case == "nomn" for p in parses(first.group(1)))


def _entry_follows(lines: list[str]) -> bool:
    """Whether the next line with text is a "X – полное название" entry."""
    nxt = next((x for x in lines if x.strip()), "")
    return LIST_LINE_RE.match(nxt) is not None


def _verb_first(text: str) -> bool:
    first = re.match(r"[а-яё]+", text)
    return first is not None and any(p.tag.POS in ("VERB", "INFN", "PRTS") for p in parses(first.group(0)))


def _lower_word(short: str) -> bool:
    """A "short form" that is one lower-case dictionary word (marks aside): no short form at all."""
    bare = re.sub(r"[^А-Яа-яЁё]", "", short)
    return " " not in short.strip() and bare.islower() and is_known_word(bare)


def _spelled_on(entries: list[Entry], line: str) -> bool:
    """A line that completes the spelling of the open entry's acronym ("МТЗиСЗРТ Министерство труда,
    занятости и социальной защиты" / "Рестуублики Татарстан;": its capital word misread, the
    initials still the short form's)."""
    if not entries or not entries[-1].short or not acronym_letters(entries[-1].short):
        return False
    short, full = entries[-1].short, entries[-1].full
    return not spells(short, full) and spells(short, f"{full} {line.strip()}")


def _quoted_name_goes_on(entries: list[Entry], line: str) -> bool:
    """A line opening with a quoted name after an entry a stop seemed to end, whose words spell its
    short form only with that name ("ЦЗН … учреждения Новосибирской области." / "«Центры занятости
    населения»": the stop was a speck): ``_spelled_on`` for a line opening with a quote."""
    return line.strip()[:1] in "«„\"" and _spelled_on(entries, line)


def _junk_dash_entry(line: str) -> re.Match | None:
    """A line of a "Сокращения" block whose dash a scan read as other marks, else None: the short
    form must be an abbreviation in every word, or a body's syllabic form and a word its full form
    spells out (``_syllabic_spelled``: "Минобразования края. министерство образования …")."""
    m = JUNK_DASH_LINE_RE.match(line)
    if m and all(is_abbreviation(w) for w in m.group("short").split()):
        return m
    m = SYLLABIC_JUNK_DASH_RE.match(line)
    return m if m and _syllabic_spelled(m.group("short"), m.group("full")) else None


# "Минобразования края. министерство образования Красноярского края;": a body's syllabic short form
# and a word of its region, a mark a scan read for the dash (or the dash lost), the full name in lower case
SYLLABIC_JUNK_DASH_RE = re.compile(r"^\s*(?P<short>[А-ЯЁ][а-яё]{5,20}\s[а-яё]{3,12})[.,:;’'`]?\s+(?P<full>[а-яё].*?)\s*[;.,]?\s*$")
SYLLABLE = 3           # the head a syllabic form keeps of its first word ("Мин" of "министерство")


def _syllabic_spelled(short: str, full: str) -> bool:
    """Whether a syllabic short form ("Минобразования края") is written out by ``full``: its first
    word's head opens it ("мин…"), the rest of that word and its second word are words of it."""
    first, second = short.lower().split()
    words = re.findall(r"[а-яё]+", full.lower())
    rest = first[SYLLABLE:]
    return bool(words) and words[0].startswith(first[:SYLLABLE]) and rest in words[1:] and second in words[1:]


LOWER_HEAD_RE = re.compile(r"^(\s*)([а-яё]{2,6})(?=\s+[-–—]?\s*[а-яё])")
# a list line whose short form's first word a scan read in lower case, a code in capitals after it and
# marks about its dash ("тои КО*- областное …" for "ТОИКО – областное …"): a new entry, its head in
# capitals (the cells' spelling decides its spaces later), not a wrapped line going on
LOWER_HEAD_JUNK_DASH_RE = re.compile(r"^(\s*)([а-яё]{2,6})(\s?[А-ЯЁ]{1,4})(?=[^\S\n]*(?:[*`'’.,:;°^_]+[-–—]+|[-–—]+[*`'’.,:;°^_]+)"
                                     r"[^\S\n]*[а-яё«])")


MAX_LOWER_ACRONYM = 3     # letters of an acronym's piece a scan read in lower case, though it spells a word


def _caps_head_before_junk_dash(line: str) -> str:
    """``LOWER_HEAD_JUNK_DASH_RE``'s head in capitals when its lower-case part is no dictionary word
    or as short as an acronym's letters ("тои"; "органы ОМСУ*- …" is left as written)."""
    def caps(m: re.Match) -> str:
        if is_known_word(m.group(2)) and len(m.group(2)) > MAX_LOWER_ACRONYM:
            return m.group(0)
        return m.group(1) + (m.group(2) + m.group(3)).upper()
    return LOWER_HEAD_JUNK_DASH_RE.sub(caps, line)


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


def list_definitions(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for short, full, in_block, _ in _list_entries(text):
        full = _bare(full)
        if not full or not short or "далее" in full.lower():
            continue
        if in_block and len(short.split()) <= 6:
            out.setdefault(short, to_nominative(full))
        elif _spelled(short, full):
            out.setdefault(short, to_nominative(full))
    return out


def leftover_entries(text: str) -> tuple[list[str], list[str]]:
    """What the caller may still make entries of, from one reading of the lists: the text (as read)
    of "Сокращения" entries whose short form a scan lost ("- профессиональные образовательные
    организации Омской области.") or whose dash it lost between two capitals ("Минобразования
    Чувашии Министерство образования …"), where the parties' short form may be found; and the lines
    of a block no entry reads from, with the lines they wrap onto ("Минпромторг нсох министерство
    …": its dash read as a letter glued to the short form), and the "X – …" lines outside any block
    whose words do not spell X (the block's header garbled), which only the short form the party
    cells write at their head can make entries."""
    if not text:
        return [], []
    entries = _list_entries(text)
    # an entry outside any block ("Сокращения" header garbled) whose words do not spell its short form
    # ("Минобразования Чувашии - Манистерство образования Чувашской Республики"): a line for the caller
    untrusted = [f"{e.short} – {e.full}" for e in entries if e.short and not e.trusted and not e.loose
                 and not _spelled(e.short, _bare(e.full)) and _tail_in(e.short, e.full)]
    return (_bare_fulls(e for e in entries if not e.short and e.trusted and not e.loose),
            _bare_fulls(e for e in entries if e.loose) + untrusted)


# a stop after a word (no abbreviation's few letters: "пр.", "им.") before a lower-case word: a
# speck inside the entry ("организации Томской. области")
INNER_STOP_RE = re.compile(r"(?<=[А-Яа-яЁё]{4})\.(?=\s+[а-яё]{3})")


def _bare(full: str) -> str:
    """A full form without the marks round it ("ЦОПП - - …": two dashes; the entry's ";", "." or
    ":") and a speck's stop inside it."""
    return INNER_STOP_RE.sub("", full.strip().lstrip("-–—‐‑‒− ").rstrip(";.,:").strip())


def _bare_fulls(entries) -> list[str]:
    return [f for f in (_bare(e.full) for e in entries) if f]
