"""Abbreviations: a document's own definitions, the curated glossary, and expansion of party names.

find_definitions() reads "(далее – X)", "… далее X." list items, "Сокращения:" lists and bare
"полное название (АББР)" from document text. As a scan reads them: a speck before the dash after
"далее" ("(далее: - X)"), "далее" itself misread by a letter or in Latin look-alikes ("(дапее –
X)"), its bracket lost or misread ("» далее – РЦ)", "|далее – РЦ]": with the dash and a short
form in capitals only; "«далее - Координатор)": any short form, its ")" read right), a stop glued between a name and its bracket ("«Центр».(ЦРПО)"); the
"Сокращения" list and what a scan does to it live in ``normalizers.abbreviation_lists``.
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

from rapidfuzz.distance import Levenshtein

from normalizers.full_forms import (SKIPPABLE, Tok, acronym_letters, align_acronym, fold, full_form,
                                     spells, syllabic_start, tokens)
from normalizers.glossary import glossary_entry, load_glossary
from normalizers.expansion import expand
from normalizers.abbreviation_heads import LATIN_TO_CYRILLIC
from normalizers.abbreviation_lists import DASH, QUOTES_OPEN, clean_short, list_definitions
from normalizers.abbreviation_lists import leftover_entries as _leftover_entries
from normalizers.text import one_edit
from normalizers.morph import is_place_name, to_nominative

__all__ = ["entries_without_short_form", "leftover_entries", "unread_block_lines", "expand", "find_definitions", "glossary_entry", "load_glossary", "spells"]

# a speck's mark glued between "далее" and its dash ("(далее'- Минобрнауки РБ)")
DALEE_MARK_RE = re.compile(rf"(?<=\()\s*далее[’'`‚.,^°]+\s*(?={DASH})", re.I)
# ... or after the dash, glued to the short form ("(далее -`ИРПО)")
DALEE_DASH_MARK_RE = re.compile(rf"(\(\s*далее\s*{DASH}+)[^\S\n]*[’'`‚^°]+[^\S\n]*(?=[А-ЯЁA-Z])", re.I)
# a word in a bracket before a dash or colon that a scan misread for "далее" ("(дапее –", "(далеe –")
DALEE_LIKE_RE = re.compile(rf"(?<=\()(\s*)([A-Za-zА-Яа-яЁё]{{4,6}})[!|]?(?=\s*[.,:;]?\s*(?:{DASH}|:))")   # "(дале! -"
# "(далее – X)"; a scan may add a speck read as a stop, comma or colon before the dash
# ("(далее. – РУМЦ)", "(далее: - РУМЦ)")
PAREN_DEFINE_RE = re.compile(
    rf"\(\s*(?:[^()]*?[,;]\s*)?далее(?:\s+по\s+тексту)?\s*(?:[.,:;]\s*(?={DASH}))?(?:{DASH}{{1,2}}|:)?\s*(?:именуем\w*\s*{DASH}?\s*)?"
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
GLUED_SPECK_RE = re.compile(r"(?<=[A-Za-zА-Яа-яЁё»\"”])[.,’‘'`]{1,2}\Z|(?<=[A-Za-zА-Яа-яЁё])[.,]\s\Z")
BARE_ACRONYM_RE = re.compile(r"\((?P<short>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]{1,24}(?:\s[A-ZА-ЯЁ]{1,4})?)\)")
REGION_ONLY_RE = re.compile(r"^[А-ЯЁ][а-яё-]+ (?:область|край|республика|округ)$")
BRACES = str.maketrans("{}", "()")
BULLET_RE = re.compile(rf"^\s*(?:[•·*▪➢]|{DASH})?\s*(?:\d{{1,2}}(?:\.\d{{1,2}})*[.)]\s*)?")



# ---------------------------------------------------------------- definition finders

def _split_shorts(short: str) -> list[str]:
    """"ОВО и ПОО соответственно" -> ["ОВО", "ПОО"]; a single short form stays whole."""
    if not re.search(r"\bсоответственно\b", short):
        return [short]
    short = re.sub(r"\s*\bсоответственно\b\s*", "", short)
    return [s.strip() for s in re.split(r"\s*(?:,|\bи\b)\s*", short) if s.strip()]


# a bracket's short form ("Минпромторг", "Минпромторг ПК") then "и": the bracket's closing lost
UNCLOSED_SHORT_RE = re.compile(r"\s*[А-ЯЁA-Z][А-Яа-яЁёA-Za-z]{1,24}(?:\s[А-ЯЁA-Z]{1,4})?\s+и\s+(?=[а-яё«])")


def _context_before(text: str, pos: int, wrapped: bool = False) -> str:
    """The text of the current line (table cell line) before pos, from the last sentence end.

    wrapped=True also takes up to three previous lines that do not end a sentence (soft wraps).
    """
    line_start = text.rfind("\n", 0, pos) + 1
    for _ in range(3 if wrapped else 0):
        prev_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        prev = text[prev_start:max(line_start - 1, 0)].rstrip()
        # a stop after a lower-case word before a line that opens in lower case is a scan's speck
        # ("учреждению дополнительного." / "профессионального образования …"): no sentence opens so
        speck_stop = bool(re.search(r"[а-яё]{3}\.{1,3}$", prev)) and text[line_start:line_start + 1].islower()
        if line_start == 0 or not prev or (prev[-1] in ".;:!?" and not speck_stop):
            break
        line_start = prev_start
    ctx = SPECK_STOP_AT_WRAP_RE.sub(" ", text[line_start:pos]).replace("\n", " ")
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
    # an earlier "(далее – X)" or "(АББР)" closes the name before it; a place's name in brackets
    # is part of the name ("Республики Саха (Якутия) «Институт …»")
    earlier = [m.end() for m in PAREN_DEFINE_RE.finditer(ctx)]
    earlier += [m.end() for m in BARE_ACRONYM_RE.finditer(ctx) if not is_place_name(m.group("short"))]
    if earlier:
        ctx = re.sub(r"^\s*(?:,|\bи\b)\s*", "", ctx[max(earlier):])
    # an earlier short form in a bracket a scan left open ("… Пермского края (Минпромторг и краевое
    # … учреждение «…» (ЦРПО)": its "ПК)" lost) closes the name before it all the same
    opened = ctx.rfind("(")
    lost_close = UNCLOSED_SHORT_RE.match(ctx, opened + 1) if opened >= 0 and ")" not in ctx[opened:] else None
    if lost_close:
        ctx = ctx[lost_close.end():]
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
        short = clean_short(m.group("short"))
        if not short or len(short) > 80:
            continue
        whole.append(m.span())
        for k, v in _define_at(text, _before_glued_speck(text, m.start()), short).items():
            out.setdefault(k, v)
    for m in BROKEN_BRACKET_DEFINE_RE.finditer(text):
        short = clean_short(m.group("short"))
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
        short = clean_short(m.group("short"))
        if not short or len(short.split()) > 5:
            continue
        for k, v in _define_at(text, m.start(), short).items():
            out.setdefault(k, v)
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
    sentence's stop is followed by a space, never by a bracket); so is a stop or comma after a word
    with a space before the bracket ("области. (Роспотребнадзор КО)": no sentence opens with the
    bracket of a definition; after a closing quote the stop may end the sentence)."""
    m = GLUED_SPECK_RE.search(text, max(0, pos - 3), pos)
    return m.start() if m else pos


def _bare_acronym_definitions(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in BARE_ACRONYM_RE.finditer(text):
        short = m.group("short")
        pos = _before_glued_speck(text, m.start())
        context = _context_before(text, pos).rstrip()
        toks = tokens(context)
        wrapped = _context_before(text, pos, wrapped=True).rstrip()     # the name may wrap
        quoted = tokens(wrapped)
        if quoted and _quoted_initials(short, quoted[-1]):
            # "учреждение «Центр развития профессионального образования» (ЦРПО)": the name with its kind
            for k, v in _define_at(text, pos, short).items():
                out.setdefault(k, v)
            continue
        if not toks:            # the bracket opens its line: the name is on the lines above
            context, toks = wrapped, quoted
        if not toks or not toks[-1].is_word:
            continue
        if not acronym_letters(short):
            context, toks = wrapped, quoted
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
    look-alikes ("(дапее – ЦОПП)", "(дaлee – ЦОПП)"), or two letters off when it is all Latin
    letters and a short form in capitals follows the dash ("(nanee-- РУМЦ)"); any other word stays."""
    word = fold(m.group(2).translate(LATIN_TO_CYRILLIC))
    if word == "далее" or one_edit(word, "далее"):
        return m.group(1) + "далее"
    # a word in Latin letters before a dash and a short form in capitals ("(nanee-- РУМЦ)": no Russian
    # bracket opens so) is "далее" two letters off too
    latin = re.fullmatch(r"[A-Za-z]+", m.group(2)) is not None
    caps_after = re.match(rf"\s*[.,:;]?\s*{DASH}+\s*[A-ZА-ЯЁ]{{2}}", m.string[m.end():]) is not None
    near = Levenshtein.distance(word, "далее") <= 2
    return m.group(1) + "далее" if latin and caps_after and near else m.group(0)


# a stop or comma a scan put at a line's end inside a quoted name the next line goes on and closes
# in lower case ("«Центр развития.\nпрофессионального образования»"): no sentence ends inside a name
QUOTED_LINE_END_SPECK_RE = re.compile(r"(«[^»\n]*[А-Яа-яЁё])[.,]\n(?=[а-яё][^«\n]*»)")
# a closing bracket glued to the lower-case word after it ("(Минпромторг ПК)и"): a scan lost the space
GLUED_AFTER_BRACKET_RE = re.compile(r"\)[.,]?(?=[а-яё])")      # "(ЦРПО)и", "(Минпромторг ПК).и": a speck
# a speck's mark after a short form, inside its bracket ("(Минпромторг ПК.)")
MARK_IN_BRACKET_END_RE = re.compile(r"\(([А-ЯЁ][А-Яа-яЁё]{1,24}(?: [А-ЯЁ]{1,4})?)[.,’'`‚]\)")
# a stop between a lower-case word and a region's genitive ("… транспорта и связи. Курской области (…)"):
# no sentence opens with "Курской области", the stop is a speck inside the name
STOP_BEFORE_REGION_RE = re.compile(r"(?<=[а-яё])\.[^\S\n]+(?=[А-ЯЁ][а-яё]+(?:ской|цкой|ского|цкого) (?:области|края|округа)\b)")
# a speck for the space between a bracketed short form's word and its region code ("(Минпромторг.ПК)")
SPECK_IN_BRACKET_RE = re.compile(r"\(([А-ЯЁ][А-Яа-яЁё]{2,24})[.,’'`‚]\s?([А-ЯЁ]{1,4})\)")


# a mark between a closing quote and the bracketed short form that follows the name it closes
# ("«Центр развития профессионального образования». (ЦРПО)"): no sentence ends between a name and its
# short form; the stop parted them and the definition was lost
MARK_BEFORE_SHORT_RE = re.compile(r"([»”\"])[^\S\n]?[.,;:’'`‚]+(\s*)(?=\((?:далее\s*\S{0,2}\s*)?[А-ЯЁ][А-Яа-яЁё]*[А-ЯЁ])")
# a mark between a lower-case word and the bracketed short form after it ("… Новосибирской области:
# (Минэкономразвития НСО)"): no name ends with a colon; the mark parted the name from its short form
WORD_MARK_BEFORE_SHORT_RE = re.compile(r"(?<=[а-яё]{3})[:;,.](?=[^\S\n]*\((?:далее[^()\n]{0,40}|[А-ЯЁ][^()\n]{0,40})\))")
# a bracket doubled by a speck read as a brace ("({ЦРПО)", braces already read as brackets): one closes it
DOUBLED_OPEN_RE = re.compile(r"\([^\S\n]*\((?=[А-ЯЁ][^()\n]{0,40}\))")
# a "(" read as "«" before "далее", its ")" read right ("области «далее - Координатор)")
QUOTE_FOR_BRACKET_RE = re.compile(rf"«(?=[^\S\n]*далее[^\S\n]*(?:{DASH}|:)[^()«»\n]{{1,60}}\))", re.I)
# a dash glued to the capitalised word that opens a line after a line ending in a lower-case word, and a
# mark glued to a word's end ("министерством образования\n-Новосибирской' области (Минобр НСО)"): specks
# inside a name (a list's dash stands apart from its word)
GLUED_LINE_DASH_RE = re.compile(r"(?<=[а-яё])\n[-–—](?=[А-ЯЁ][а-яё]{2,})")
WORD_END_MARK_RE = re.compile(r"(?<=[а-яё]{3})['`’‚](?=[^\S\n]+[а-яё(])")
# a scan's speck read as a stop at a line's end before a line that goes on in lower case, or glued
# between two words inside a name ("Республики.Саха")
SPECK_STOP_AT_WRAP_RE = re.compile(r"(?<=[а-яё]{3})\.{1,3}\n(?=[а-яё])")
GLUED_STOP_RE = re.compile(r"(?<=[а-яё]{3})\.(?=[А-ЯЁ][а-яё]{2})")
# a list entry's head whose word and region code a speck's mark parts and whose dash a speck's mark
# precedes ("Минпромторк, НСО_- министерство …"): a list writes "Минпромторг НСО – …"
LIST_HEAD_SPECKS_RE = re.compile(r"(?m)^([А-ЯЁ][А-Яа-яЁё]{2,24})[,.’'`‚]?[^\S\n]+([А-ЯЁ]{2,5})[_.,’'`‚]+(?=[^\S\n]*[-–—][^\S\n])")
# a stop after a legal form in capitals before the next word in capitals ("КГАУ. ДПО «…»"): no
# sentence ends with an institution's legal form, the stop is a speck inside the name
LEGAL_FORM_STOP_RE = re.compile(r"(?<![А-Яа-яЁё])([ГФОКМЧН][А-ЯЁ]{1,5}У)\.(?=[^\S\n]*[А-ЯЁ]{2})")
# a scan's speck read as a sign no order opens a line with, before a quote or a lower-case word
LINE_START_SPECK_RE = re.compile(r"(?m)^[$^°*~`]{1,2}[^\S\n]+(?=[«„\"а-яё])")

# a low quote a scan read for the opening «, closed by » before any other quote ("„Красноярский … образования»")
LOW_OPEN_QUOTE_RE = re.compile(r"„(?=[^«»„“”\n]*(?:\n[^«»„“”\n]*){0,3}»)")


# a capitalised word and only lower-case words after it up to a closing quote: the name that quote closes
QUOTED_TAIL_RE = re.compile(r"(?<![«„“\"\w-])[А-ЯЁ][а-яё]+(?:\s+[а-яё][а-яё-]*)+»")
# the same name after a dash glued to it, a word and a space before ("… области -Региональный центр …»"):
# the opening quote read as a dash
DASH_FOR_QUOTE_RE = re.compile(r"(?<=[а-яё] )[-–—](?=[А-ЯЁ][а-яё]+(?:\s+[а-яё][а-яё-]*)+»)")


# an opening quote: a straight one only before a word, not glued to a word's end ("… профессионального"
# at a title's line end: a speck, or a closing quote, which opens no name)
OPENING_QUOTE_RE = re.compile(r"[«„“]|\"(?![^\S\n]*(?:\n|$))|(?<![А-Яа-яЁёA-Za-z])\"")


def _unopened_before(text: str, pos: int) -> bool:
    """Whether the » closing the name at ``pos`` closes no « opened since the last »."""
    close = text.find("»", pos)
    segment = text[text.rfind("»", 0, pos) + 1:close]
    return close >= 0 and not OPENING_QUOTE_RE.search(segment)


def _lost_open_quotes(text: str) -> str:
    """A closing » that no « opened since the last one gets its « before the name it closes: the
    last capitalised word with only lower-case words after it ("… Омской области Региональный центр
    профессиональной ориентации» (далее – РЦПО)": the scan lost the opening quote)."""
    out, last = [], 0
    text = DASH_FOR_QUOTE_RE.sub(lambda m: "«" if _unopened_before(m.string, m.end()) else m.group(0), text)
    for m in QUOTED_TAIL_RE.finditer(text):
        segment = text[text.rfind("»", 0, m.start()) + 1:m.start()]
        if not OPENING_QUOTE_RE.search(segment):
            out.append(text[last:m.start()] + "«")
            last = m.start()
    return "".join(out) + text[last:]


def _prepared(text: str) -> str:
    text = _plain_lines(text).translate(BRACES)   # "{Роспотребнадзор КО)": a scan's brace for a bracket
    text = GLUED_AFTER_BRACKET_RE.sub(") ", QUOTED_LINE_END_SPECK_RE.sub(r"\1\n", text))
    text = DOUBLED_OPEN_RE.sub("(", text)                    # "({ЦРПО)"
    text = QUOTE_FOR_BRACKET_RE.sub("(", text)               # "«далее - Координатор)"
    text = SPECK_IN_BRACKET_RE.sub(r"(\1 \2)", text)       # "(Минпромторг.ПК)"
    text = MARK_IN_BRACKET_END_RE.sub(r"(\1)", text)        # "(Минпромторг ПК.)"
    text = MARK_BEFORE_SHORT_RE.sub(lambda m: m.group(1) + (m.group(2) or " "), text)   # "образования». (ЦРПО)"
    text = WORD_MARK_BEFORE_SHORT_RE.sub("", text)                                      # "области: (Минтруд НСО)"
    text = STOP_BEFORE_REGION_RE.sub(" ", text)             # "связи. Курской области"
    text = LINE_START_SPECK_RE.sub("", text)                 # "$ «Республиканский …»": a wrapped name goes on
    text = WORD_END_MARK_RE.sub("", GLUED_LINE_DASH_RE.sub("\n", text))   # "образования\n-Новосибирской' области"
    text = GLUED_STOP_RE.sub(" ", text)                      # "Республики.Саха"
    text = LIST_HEAD_SPECKS_RE.sub(r"\1 \2", text)          # "Минпромторк, НСО_- …"
    text = LEGAL_FORM_STOP_RE.sub(r"\1", text)               # "КГАУ. ДПО"
    text = _lost_open_quotes(LOW_OPEN_QUOTE_RE.sub("«", text))     # "„Институт …»", "области Центр …»"
    text = DALEE_MARK_RE.sub("далее ", DALEE_LIKE_RE.sub(_dalee_misread, text))   # "(далее'- X)": a speck
    return DALEE_DASH_MARK_RE.sub(r"\1 ", text)                                  # "(далее -`ИРПО)"


def leftover_entries(text: str) -> tuple[list[str], list[str]]:
    """The "Сокращения" entries whose short form a scan lost, and the block lines no entry reads
    from, from one reading of the lists (``normalizers.abbreviation_lists.leftover_entries``)."""
    return _leftover_entries(_prepared(text)) if text else ([], [])


def entries_without_short_form(text: str) -> list[str]:
    """The entries whose short form a scan lost (``leftover_entries``)."""
    return leftover_entries(text)[0]


def unread_block_lines(text: str) -> list[str]:
    """The lines of a "Сокращения" block no entry reads from (``leftover_entries``)."""
    return leftover_entries(text)[1]


def find_definitions(text: str) -> dict[str, str]:
    """Short form -> full nominative wording, for every definition the document itself makes.

    Priority: "(далее – X)" and "… далее X" first, then "Сокращения:" lists, then bare "(АББР)".
    """
    if not text:
        return {}
    text = _prepared(text)
    found: dict[str, str] = {}
    for finder in (_paren_definitions, _bare_dalee_definitions, list_definitions, _bare_acronym_definitions):
        for short, full in finder(text).items():
            if short not in found and full and fold(full) != fold(short):
                found[short] = full
    return found
