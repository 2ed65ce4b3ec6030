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
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable


from normalizers.data_files import load_yaml

from normalizers.morph import parses
from normalizers.ocr_stops import drop_name_stops
from normalizers.text import is_known_word, one_line

REGIONS_FILE = Path(__file__).parent / "data" / "regions.yaml"

# every form of the three kinds that we read: heading word, instrumental/dative/genitive, verb
KIND_STEMS = {
    "приказ": re.compile(r"^приказ(?:ом|у|а)?$|^приказываю$"),
    "распоряжение": re.compile(r"^распоряжени(?:е|ем|ю|я)$|^распоряжаюсь$"),
    "постановление": re.compile(r"^постановлени(?:е|ем|ю|я)$|^постановля(?:ет|ю)$"),
}
MONTHS = {
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}
YEAR = r"(?:19|20)\d\d"
DASH = r"[-‐‑‒–—−]"

WORD_TOKEN_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*")
SPACED_CAPS_RE = re.compile(r"(?<![А-Яа-яЁёA-Za-z])(?:[А-Яа-яЁё] ){3,}[А-Яа-яЁё](?![А-Яа-яЁёA-Za-z])")
PAGE_NUMBER_RE = re.compile(rf"^\s*(?:{DASH}\s*)?\d{{1,3}}(?:\s*{DASH})?\s*$|^\s*(?:стр\.?|страница)\s*\d+(?:\s*из\s*\d+)?\s*$", re.I)
MARKDOWN_RE = re.compile(r"\*\*|^__(?=[^\s_])|(?<=[^\s_])__$|^#+\s+")

NUMERIC_DATE_RE = re.compile(r"(?<!\d)(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*((?:19|20)\d\d)(?!\d)")
WORD_DATE_RE = re.compile(
    r"(?<!\d)[«\"“]?\s*(\d{1,2})\s*[»\"”]?\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)(?!\d)", re.I)
NUMBER_RE = re.compile(
    r"(?:№|(?<![A-Za-zА-Яа-яЁё])N[oо°ºeg]?(?=\s*\d))\s*"
    r"([0-9A-Za-zА-Яа-яЁё](?:[0-9A-Za-zА-Яа-яЁё/.]|\s?[-‐‑–]\s?(?=[0-9A-Za-zА-Яа-яЁё]))*)")
NUMBER_BLANK_RE = re.compile(r"№\s*_{2,}|от\s*[«\"]?\s*_{2,}")

APPENDIX_NUMBER_RE = re.compile(r"^\s*(?:ПРИЛОЖЕНИЕ|Приложение)\s*(?:№|N)?\s*\d*(?:\.\d+)*")
APPROVAL_RE = re.compile(r"^\s*(?:УТВЕРЖД[ЕЁ]Н[АОЫ]?|Утвержд[её]н[аоы]?|ПРИЛОЖЕНИЕ|Приложение)\b")
ORDER_NAME_RE = re.compile(r"^\s*(?:об|о)\s+утверждении\s+", re.I)
TITLE_START_RE = re.compile(
    r"^[«\"“„(]?\s*(?:план\s+мероприятий|план\s*[-–—]\s*график|дорожн\w*\s+карт\w*|комплекс\s+(?:мер|мероприятий)\b"
    r"|перечень\s+(?:основных\s+)?мероприятий|план\s+(?:по|реализации|развития)\b|план\s*$"
    r"|(?:комплексный|межведомственный|единый|сводный)\s+план\b"
    r"|план\s+(?:[а-яё]+\s+){0,2}?(?:мероприятий|работы|действий|основных)\b)", re.I)
# a signature under the order: "Министр образования … И.О. Фамилия", "Губернатор области А.А. Иванов"
INITIALS_RE = re.compile(r"(?<![А-ЯЁа-яё])[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.(?!\w)")
SIGNATORY_RE = re.compile(
    r"^\s*(?:врио|и\.\s?о\.|исполняющ\w*\s+обязанност\w*|временно\s+исполняющ\w*)?\s*"
    r"(?:министр|губернатор|глава|мэр|председатель|руководитель|начальник|директор|заместитель|первый\s+заместитель"
    r"|премьер-министр)\b", re.I)
NUMBERED_ITEM_RE = re.compile(r"^\s*(?:[-–•]\s*)?\d+(?:\.\d+)*[.)]\s+\S|^\s*[IVX]+\.\s")
TABLE_HEADER_RE = re.compile(
    r"№\s*п\s*/\s*п|\bмероприяти[ея]\b|\bсроки?\b|\bответственн\w*|\bисполнител\w*|\bрезультат\w*"
    r"|\bнаименование\b|\bпоказател\w*", re.I)
STOP_WORDS_RE = re.compile(
    r"^\s*(?:цел[ьи]\b|задачи\b|паспорт\b|раздел\b|введение\b|общие положения|пояснительная|"
    r"сокращения|примечани|срок\b|ответственн|деятельность\b)", re.I)
PERIOD_RANGE_RE = re.compile(rf"({YEAR})\s*(?:г(?:г|од[а-я]*)?\.?\s*)?(?:{DASH}|/|по\s|до\s)\s*({YEAR})(?!\d)")
PERIOD_SINGLE_RE = re.compile(rf"(?<!\d)({YEAR})(?!\d)")

AUTHORITY_CAPITALISED = {"правительство", "администрация", "губернатор", "глава", "мэр", "кабинет", "мэрия"}
AUTHORITY_FIXED_CASE = {"кабинет министров": "Кабинет Министров"}
AUTHORITY_STEMS = ("министерств", "правительств", "администраци", "департамент", "комитет", "управлени",
                   "губернатор", "агентств", "служб", "инспекци", "глав[аыеуо]", "мэр", "кабинет")
# letters of the other state languages printed beside Russian in bilingual headers (Tatar, Bashkir, …)
NON_RUSSIAN_LETTERS_RE = re.compile(r"[әөүҗңһҮӘӨҖҢҺҡғҙҫӊҠҒҘҪ]")
AUTHORITY_START_RE = re.compile(r"^\s*(?:" + "|".join(AUTHORITY_STEMS) + r")[а-я]*\b", re.I)

MAX_TITLE_LINES = 8
MAX_HEADER_LINES = 40
MAX_TITLE_CHARS = 600
MAX_CONTINUATION_CHARS = 250


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


# ---------------------------------------------------------------- regions


@dataclass(frozen=True)
class Region:
    """One federal subject: ISO-style code, nominative name, whether ISO 3166-2 lists the code."""

    code: str
    name: str
    iso: bool = True


@dataclass(frozen=True)
class RegionMention:
    """A span of text naming a region; ``weak`` for a capital city ("г. Благовещенск")."""

    region: Region
    start: int
    end: int
    weak: bool = False


@dataclass(frozen=True)
class _Pattern:
    words: tuple[frozenset[str], ...]   # lemma sets, one per word
    region: Region
    weak: bool
    casing: tuple[str, ...]             # the pattern's own words, for restoring capitals


def _fold(s: str) -> str:
    return s.lower().replace("ё", "е")


@lru_cache(maxsize=100_000)
def _word_lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 offers for a word, plus the word itself (ё folded)."""
    forms = {_fold(word)}
    forms.update(_fold(p.normal_form) for p in parses(word))
    return frozenset(forms)


def _pattern_words(text: str) -> list[str]:
    return WORD_TOKEN_RE.findall(text)


@lru_cache(maxsize=1)
def load_regions() -> tuple[tuple[Region, tuple[str, ...], str | None], ...]:
    """(region, aliases, capital) for every subject in regions.yaml."""
    data = load_yaml(REGIONS_FILE)
    out = []
    for row in data["regions"]:
        region = Region(row["code"], row["name"], bool(row.get("iso", True)))
        out.append((region, tuple(row.get("aliases") or ()), row.get("capital")))
    return tuple(out)


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, list[_Pattern]], frozenset[str]]:
    """Patterns indexed by every lemma of their first word, and the vocabulary of whole words."""
    index: dict[str, list[_Pattern]] = {}
    vocab: set[str] = set()

    def add(text: str, region: Region, weak: bool) -> None:
        words = _pattern_words(text)
        if not words:
            return
        pattern = _Pattern(tuple(_word_lemmas(w) for w in words), region, weak, tuple(words))
        for lemma in pattern.words[0]:
            index.setdefault(lemma, []).append(pattern)
        for lemmas in pattern.words:
            vocab.update(lemmas)

    for region, aliases, capital in load_regions():
        for name in (region.name, *aliases):
            add(name, region, False)
        if capital:
            add(f"г. {capital}", region, True)
            add(f"город {capital}", region, True)
    for patterns in index.values():
        patterns.sort(key=lambda p: -len(p.words))
    return index, frozenset(vocab)


def _text_tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens with offsets; hyphenated words are split unless the whole is a region word."""
    _, vocab = _patterns()
    tokens: list[tuple[str, int, int]] = []
    for m in WORD_TOKEN_RE.finditer(text):
        word = m.group()
        if "-" in word and not (_word_lemmas(word) & vocab):
            pos = m.start()
            for part in word.split("-"):
                tokens.append((part, pos, pos + len(part)))
                pos += len(part) + 1
        else:
            tokens.append((word, m.start(), m.end()))
    return tokens


def _match_at(tokens: list[tuple[str, int, int]], i: int, pattern: _Pattern) -> bool:
    if i + len(pattern.words) > len(tokens):
        return False
    return all(_word_lemmas(tokens[i + k][0]) & lemmas for k, lemmas in enumerate(pattern.words))


def find_region_mentions(text: str) -> list[RegionMention]:
    """Every region named in text, in order, longest match first at each position."""
    index, _ = _patterns()
    tokens = _text_tokens(text)
    mentions: list[RegionMention] = []
    i = 0
    while i < len(tokens):
        best: _Pattern | None = None
        for lemma in _word_lemmas(tokens[i][0]):
            for pattern in index.get(lemma, ()):
                if (best is None or len(pattern.words) > len(best.words)) and _match_at(tokens, i, pattern):
                    best = pattern
        if best is None:
            i += 1
            continue
        end = i + len(best.words) - 1
        mentions.append(RegionMention(best.region, tokens[i][1], tokens[end][2], best.weak))
        i = end + 1
    return mentions


def _most_named(mentions: Iterable[RegionMention]) -> Region | None:
    """The region named most often (ties: the one named first)."""
    mentions = list(mentions)
    if not mentions:
        return None
    counts = Counter(m.region for m in mentions)
    first_seen = {}
    for n, m in enumerate(mentions):
        first_seen.setdefault(m.region, n)
    return max(counts, key=lambda r: (counts[r], -first_seen[r]))


def region_code_for(text: str) -> tuple[str, str] | None:
    """(nominative region name, ISO code) for the region text names, in any case form.

    The region named most often wins; a capital city counts only when no region is named.
    Example: ``region_code_for("Кемеровской области – Кузбасса")`` → ``("Кемеровская область", "RU-KEM")``.
    """
    mentions = find_region_mentions(text or "")
    region = _most_named(m for m in mentions if not m.weak) or _most_named(mentions)
    return (region.name, region.code) if region else None


# ---------------------------------------------------------------- line preparation


def _despace_capitals(line: str) -> str:
    """"П Р И К А З" → "ПРИКАЗ", "п о с т а н о в л я е т" → "постановляет"."""
    return SPACED_CAPS_RE.sub(lambda m: m.group().replace(" ", ""), line)


def prepare_lines(lines: Iterable[str]) -> list[str]:
    """Lines split at line breaks, markdown and page numbers removed, spaces collapsed; blanks kept."""
    out: list[str] = []
    for raw in lines:
        for piece in str(raw or "").replace("\r", "\n").split("\n"):
            line = MARKDOWN_RE.sub("", piece.replace("\t", " ").replace("\u00a0", " "))
            line = re.sub(r"\s+", " ", line).strip()
            if PAGE_NUMBER_RE.match(line):
                continue
            out.append(_despace_capitals(line))
    return out


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


# ---------------------------------------------------------------- kind, number, date


def kind_of_word(word: str) -> str | None:
    """The act a word names: "ПРИКАЗ", "распоряжением", "постановлению", "приказываю" → its kind."""
    folded = _fold(word)
    for kind, stem in KIND_STEMS.items():
        if stem.match(folded):
            return kind
    return None


def _heading_kind(line: str) -> str | None:
    """Kind of a heading line ("ПРИКАЗ", "Р А С П О Р Я Ж Е Н И Е", "ПОСТАНОВЛЕНИЕ № 5")."""
    words = WORD_TOKEN_RE.findall(line)
    if not words or len(line) > 60:
        return None
    if len(words) > 1 and not is_known_word(words[0]) and kind_of_word(words[1]):
        words = words[1:]   # bilingual heading "КАРАР ПОСТАНОВЛЕНИЕ"
        line = line[line.find(words[0]):]
    kind = kind_of_word(words[0])
    followed_by_date = re.match(r"^\W*\w+\s+(?:от\b|№)", line, re.I) is not None
    if kind is None or not (words[0].isupper() or len(words) == 1 or followed_by_date):
        return None
    return kind if _fold(words[0]) == kind else None


def parse_date(text: str) -> date | None:
    """First valid date written as dd.mm.yyyy or "31 января 2020 г." in text."""
    found: list[tuple[int, date]] = []
    for m in NUMERIC_DATE_RE.finditer(text):
        d = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            found.append((m.start(), d))
    for m in WORD_DATE_RE.finditer(text):
        d = _safe_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        if d:
            found.append((m.start(), d))
    return min(found)[1] if found else None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_doc_number(text: str) -> str | None:
    """First act number after "№" / "N" ("82-мр", "01-10/123", "1187-п"); blanks give None."""
    for m in NUMBER_RE.finditer(text):
        number = re.sub(r"\s+", "", m.group(1)).rstrip(".-/")
        if any(c.isdigit() for c in number):
            return number
    return None


# ---------------------------------------------------------------- blocks of the header


@dataclass
class _Block:
    """A run of lines that states an act: its kind, number, date and maybe authority."""

    kind: str | None
    text: str
    authority: str | None = None


def _heading_block(lines: list[str], k: int, kind: str) -> _Block:
    """The act heading at line k with the short lines around it that carry date and number."""
    parts: list[str] = []
    for j in range(max(0, k - 2), k):
        if lines[j] and len(lines[j]) <= 40 and (parse_date(lines[j]) or NUMBER_RE.search(lines[j])):
            parts.append(lines[j])
    parts.append(lines[k])
    for j in range(k + 1, min(len(lines), k + 7)):
        line = lines[j]
        if ORDER_NAME_RE.match(line) or TITLE_START_RE.match(line) or len(line) > 120:
            break
        parts.append(line)
    return _Block(kind, " ".join(parts), _heading_authority(lines, k))


def _heading_authority(lines: list[str], k: int) -> str | None:
    """Issuing body printed above an act heading ("МИНИСТЕРСТВО ОБРАЗОВАНИЯ / ТУЛЬСКОЙ ОБЛАСТИ")."""
    above = [ln for ln in lines[max(0, k - 5):k] if ln]
    for start in range(len(above)):
        if AUTHORITY_START_RE.match(above[start]) and len(above[start]) < 150:
            parts = [above[start]]
            for line in above[start + 1:]:
                if _is_upper(parts[0]) != _is_upper(line) or len(line) > 80:
                    break
                parts.append(line)
            text = re.split(r"\s(?:ПРИКАЗ|РАСПОРЯЖЕНИЕ|ПОСТАНОВЛЕНИЕ)\b", " ".join(parts))[0]
            return normalise_authority(text) if len(text) < 200 else None
    return None


def _approval_block(lines: list[str], k: int) -> _Block:
    """"УТВЕРЖДЕНА распоряжением министерства … от 31 января 2020 г. № 82-мр" over up to 6 lines."""
    parts = [lines[k]]
    for j in range(k + 1, min(len(lines), k + 6)):
        line = lines[j]
        if not line or TITLE_START_RE.match(line) or len(line) > 200:
            break
        if APPROVAL_RE.match(line) and parse_date(" ".join(parts)):
            break
        parts.append(line)
    text = APPENDIX_NUMBER_RE.sub("", " ".join(parts))
    return _approval_from_text(text)


def _approval_from_text(text: str) -> _Block:
    """Kind from "приказом/распоряжению/…", the genitive authority after it, and the rest for date/number."""
    for m in WORD_TOKEN_RE.finditer(text):
        kind = kind_of_word(m.group())
        if kind is None:
            continue
        rest = text[m.end():]
        name = re.split(r"\bот\b|№|\bN\b|\(|\d", rest, maxsplit=1)[0].strip(" ,.;:")
        authority = normalise_authority(name) if AUTHORITY_START_RE.match(name) else None
        return _Block(kind, rest, authority)
    return _Block(None, text)


def _find_blocks(lines: list[str]) -> tuple[list[_Block], list[_Block], int | None]:
    """Act headings, approval stamps, and the index of the first approval/appendix line."""
    headings: list[_Block] = []
    approvals: list[_Block] = []
    first_approval: int | None = None
    for k, line in enumerate(lines):
        kind = _heading_kind(line)
        if kind:
            headings.append(_heading_block(lines, k, kind))
        elif APPROVAL_RE.match(line):
            approvals.append(_approval_block(lines, k))
            if first_approval is None:
                first_approval = k
    return headings, approvals, first_approval


def _verb_kind(lines: list[str]) -> str | None:
    """Kind from the operative verb ("ПРИКАЗЫВАЮ", "постановляет") when no heading says it."""
    for line in lines:
        for word in WORD_TOKEN_RE.findall(line):
            folded = _fold(word)
            if folded in ("приказываю", "постановляет", "постановляю", "распоряжаюсь"):
                return kind_of_word(folded)
    return None


# ---------------------------------------------------------------- authority


def _to_nominative_word(word: str) -> str:
    """Singular nominative of an authority head noun, keeping the word's capitalisation style."""
    for p in parses(word):
        if p.tag.POS == "NOUN":
            form = p.inflect({"nomn", "sing"})
            if form:
                new = form.word
                return new.capitalize() if word[:1].isupper() else new
    return word


def normalise_authority(text: str) -> str | None:
    """Issuing body in the nominative with the usual capitals.

    "МИНИСТЕРСТВО ОБРАЗОВАНИЯ И НАУКИ КАЛУЖСКОЙ ОБЛАСТИ" → "министерство образования и науки
    Калужской области"; "Правительства Амурской области" → "Правительство Амурской области".
    """
    text = _russian_part(re.sub(r"\s+", " ", drop_name_stops(text or "")).strip(" ,.;:"))
    if not text:
        return None
    if _is_upper(text):
        text = recase_upper_line(text)
    head, _, tail = text.partition(" ")
    head = _to_nominative_word(head).lower()
    if head in AUTHORITY_CAPITALISED:
        head = head.capitalize()
    text = f"{head} {tail}".strip()
    for lower, fixed in AUTHORITY_FIXED_CASE.items():
        if _fold(text).startswith(lower):
            text = fixed + text[len(lower):]
    return text


def _is_foreign_word(word: str) -> bool:
    """A word of the other language of a bilingual header ("РЕСПУБЛИКАСЫ", "МИНИСТРЛАР", "КАРАР")."""
    if NON_RUSSIAN_LETTERS_RE.search(word):
        return True
    return len(word) >= 4 and not is_known_word(word) and not _is_abbreviation_like(word)


def _is_abbreviation_like(word: str) -> bool:
    return len(word) <= 5 and word.isupper() or bool(re.search(r"[a-zа-яё][A-ZА-ЯЁ]", word))


def _russian_part(text: str) -> str:
    """An authority cut where a bilingual header's other language begins, and after the region it
    names ("КАБИНЕТ МИНИСТРОВ РЕСПУБЛИКИ ТАТАРСТАН ТАТАРСТАН РЕСПУБЛИКАСЫ …" → the Russian name)."""
    regions = [(m.start, m.end) for m in find_region_mentions(text)]
    for m in WORD_TOKEN_RE.finditer(text):
        inside_region = any(a <= m.start() < b for a, b in regions)
        if not inside_region and _is_foreign_word(m.group()):
            text = text[:m.start()]
            break
    strong = [m for m in find_region_mentions(text) if not m.weak]
    if strong:
        text = text[:strong[0].end]
    return text.strip(" ,.;:-–—")


def _restore_region_capitals(text: str) -> str:
    """Re-capitalise region names inside lower-cased text from the pattern's own spelling."""
    index, _ = _patterns()
    chars = list(text)
    tokens = _text_tokens(text)
    for i, (word, start, _) in enumerate(tokens):
        for lemma in _word_lemmas(word):
            for pattern in index.get(lemma, ()):
                if not _match_at(tokens, i, pattern):
                    continue
                for k, own in enumerate(pattern.casing):
                    _copy_capitals(chars, text, tokens[i + k][1], own)
    return "".join(chars)


def _copy_capitals(chars: list[str], text: str, pos: int, own: str) -> None:
    """Capitalise the word at pos like the pattern's own spelling: its first letter and the first
    letter of each hyphenated part ("Ханты-Мансийского")."""
    parts = own.split("-")
    for part in parts:
        if part[:1].isupper() and pos < len(chars):
            chars[pos] = chars[pos].upper()
        nxt = text.find("-", pos)
        if nxt < 0:
            break
        pos = nxt + 1


# ---------------------------------------------------------------- title


def _is_title_start(line: str) -> bool:
    return (bool(line) and len(line) <= 400 and bool(TITLE_START_RE.match(line))
            and not line.rstrip().endswith(":") and not _reads_as_sentence(line))


def _reads_as_sentence(line: str) -> bool:
    """A line with a finite verb ("Дорожная карта реализуется в три этапа.") is body text, not a title."""
    for word in WORD_TOKEN_RE.findall(line):
        found = parses(word)
        if found and found[0].tag.POS == "VERB" and found[0].score > 0.5:
            return True
    return False


def is_signature(line: str) -> bool:
    """A signature line: "Министр образования", "Врио губернатора области А.А. Иванов", "И.О. Фамилия"."""
    if SIGNATORY_RE.match(line):
        return True
    m = INITIALS_RE.search(line)
    return m is not None and not re.search(r"\b(?:им\.|имени)\s*$", line[:m.start()], re.I)


def _stops_title(line: str) -> bool:
    return (is_signature(line) or NUMBERED_ITEM_RE.match(line) is not None or STOP_WORDS_RE.match(line) is not None
            or APPROVAL_RE.match(line) is not None or line.rstrip().endswith(":")
            or len(line) > MAX_CONTINUATION_CHARS or "\t" in line or _looks_like_table_header(line))


def _looks_like_table_header(line: str) -> bool:
    """"№ п/п Мероприятие Срок Ответственный …": a table header that leaked into the text."""
    return line.lstrip().startswith("№") or len(TABLE_HEADER_RE.findall(line)) >= 2


def _closes_unopened_quote(title: str, line: str) -> bool:
    """A line closing a quotation the title never opened is the tail of other text
    ("… коррупции» и иных норм законодательства"), not the title's continuation."""
    return title.count("«") <= title.count("»") and _first_unbalanced_close(line)


def _first_unbalanced_close(line: str) -> bool:
    depth = 0
    for ch in line:
        if ch == "«":
            depth += 1
        elif ch == "»":
            if depth == 0:
                return True
            depth -= 1
    return False


def _has_period(text: str) -> bool:
    return _period_in(text) is not None


def _continues_title(title: str, line: str) -> bool:
    """Whether line carries on the title gathered so far."""
    if _stops_title(line) or _reads_as_sentence(line) or _closes_unopened_quote(title, line):
        return False
    if re.search(r"\d\s*[-–—]$", title.rstrip()) and re.match(YEAR, line):
        return True       # a year range wrapped at its dash ("… на 2023–" / "2025 годы")
    starts_low = line[:1].islower() or line[:1] in "(«\"" or re.match(rf"на\s+{YEAR}", line, re.I) is not None
    if starts_low:
        return True
    ended = title.rstrip().endswith((".", "!", "?", ";")) and not re.search(r"\bг(?:г)?\.$", title.rstrip())
    return not ended and not _has_period(title)


def _title_span(lines: list[str], i: int) -> tuple[str, int]:
    """The title starting at line i and the index of the line after it."""
    parts = [lines[i]]
    j = i + 1
    while j < len(lines) and len(parts) < MAX_TITLE_LINES and sum(map(len, parts)) < MAX_TITLE_CHARS:
        line = lines[j]
        if not line:
            nxt = next((ln for ln in lines[j + 1:j + 3] if ln), "")
            if nxt and (nxt[:1].islower() or re.match(rf"на\s+{YEAR}", nxt, re.I)) and not _stops_title(nxt):
                j += 1
                continue
            break
        if not _continues_title(" ".join(parts), line):
            break
        if re.search(r"\d[-–—]$", parts[-1].rstrip()) and re.match(YEAR, line):
            parts[-1] = parts[-1].rstrip() + line      # "2023–" / "2025 годы": one range
        else:
            parts.append(line)
        j += 1
    title = clean_title("\n".join(recase_upper_line(p) for p in parts))
    title = re.sub(r"(?<=\d)(\s*)(ГГ|Г)\.", lambda m: m.group(1) + m.group(2).lower() + ".", title)
    return title[:1].upper() + title[1:], j


def clean_title(text: str) -> str:
    """One line, words broken by hyphenation rejoined, spaces before punctuation removed."""
    title = one_line(text) or ""
    title = re.sub(r"\s+([,.;:)»])", r"\1", title)
    title = re.sub(r"([(«])\s+", r"\1", title)
    return title.strip(" *_")


def _is_abbreviation_word(word: str) -> bool:
    """An upper-case word to keep as is: unknown to the dictionary or tagged as an abbreviation (СПО, ГБУ)."""
    if not is_known_word(word):
        return True
    found = parses(word)
    return bool(found) and "Abbr" in found[0].tag


def recase_upper_line(line: str) -> str:
    """A line in capitals put in lower case, keeping abbreviations (unknown words) and region names."""
    if not _is_upper(line):
        return line
    lowered = WORD_TOKEN_RE.sub(lambda m: m.group() if _is_abbreviation_word(m.group()) else m.group().lower(), line)
    return _restore_region_capitals(lowered)


def _title_from_order_name(lines: list[str]) -> str | None:
    """Fallback: "Об утверждении дорожной карты …" → "Дорожная карта …"."""
    for i, line in enumerate(lines):
        if ORDER_NAME_RE.match(line):
            rest = ORDER_NAME_RE.sub("", line)
            for j in range(i + 1, min(len(lines), i + 4)):
                if not lines[j] or not lines[j][:1].islower():
                    break
                rest += "\n" + lines[j]
            rest = re.split(r"\s*\(далее\b", rest)[0]
            return clean_title(_nominative_title_head(rest))
    return None


def _nominative_title_head(text: str) -> str:
    """Put the usual roadmap head words back into the nominative and capitalise the first letter."""
    replacements = [
        (r"\bплана мероприятий\b", "план мероприятий"), (r"\bдорожной карты\b", "дорожная карта"),
        (r"\bкомплекса мер\b", "комплекс мер"), (r"\bплана-графика\b", "план-график"),
        (r"\bперечня мероприятий\b", "перечень мероприятий"),
    ]
    for pattern, nominative in replacements:
        text = re.sub(pattern, lambda m, n=nominative: _match_first_capital(m.group(), n), text, count=1, flags=re.I)
    return text[:1].upper() + text[1:]


def _match_first_capital(original: str, new: str) -> str:
    return new[:1].upper() + new[1:] if original[:1].isupper() else new


def find_title(lines: list[str], after: int | None = None) -> str | None:
    """The roadmap's own title: the first title line after the approval stamp, else the first one."""
    return _find_title_span(lines, after)[0]


def _find_title_span(lines: list[str], after: int | None = None) -> tuple[str | None, int | None]:
    """The title and the index of the line after it (None, None when there is no title)."""
    starts = [i for i, line in enumerate(lines) if _is_title_start(line)]
    if not starts:
        return None, None
    later = [i for i in starts if after is not None and i > after]
    return _title_span(lines, (later or starts)[0])


def header_lines(lines: list[str], title_end: int | None) -> list[str]:
    """The header block: the lines up to the end of the title; without a title, the lines before the
    body starts (a numbered item, "Цель"/"Задачи", a table header), at most MAX_HEADER_LINES.
    Activity text never belongs to it."""
    if title_end is not None:
        return lines[:title_end]
    out: list[str] = []
    for line in lines[:MAX_HEADER_LINES]:
        if line and (NUMBERED_ITEM_RE.match(line) or STOP_WORDS_RE.match(line) or _looks_like_table_header(line)):
            break
        out.append(line)
    return out


# ---------------------------------------------------------------- period


def _period_in(text: str) -> tuple[int, int] | None:
    """Year range a title names ("на 2023-2025 гг.", "2018 – 2027 годы", "на 2020 год")."""
    text = re.sub(r"\bот\s+\S+\s*(?:№\s*\S+)?", " ", text or "")
    m = PERIOD_RANGE_RE.search(text)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b <= a + 30:
            return a, b
    text = re.sub(rf"\bдо\s+({YEAR})", " ", text)   # "на период до 2030 года" names no start
    years = [int(y) for y in PERIOD_SINGLE_RE.findall(text)]
    if years:
        return min(years), max(years)
    return None


def period_from_years(texts: Iterable[str]) -> tuple[int, int] | None:
    """Smallest and largest plausible year in texts (deadline cells), dates of other acts left out."""
    years: list[int] = []
    for text in texts:
        text = re.sub(r"\bот\s+\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{4}", " ", text or "")
        text = re.sub(rf"\bот\s+\d{{1,2}}\s+[а-я]+\s+{YEAR}", " ", text)
        text = re.sub(rf"(?:№|N)\s*\S+", " ", text)
        years += [int(y) for y in PERIOD_SINGLE_RE.findall(text) if 2000 <= int(y) <= 2050]
    return (min(years), max(years)) if years else None


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
    meta.period = _period_in(meta.title or "")
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
