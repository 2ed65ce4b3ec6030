"""The roadmap's own title (``find_title``, ``clean_title``), the header block it closes
(``header_lines``, ``is_signature``) and the period a title or the deadline cells name
(``period_from_years``).

Part of the metadata reader (``normalizers.metadata``).
"""

from __future__ import annotations

import re
from typing import Iterable

from normalizers.metadata_lines import recase_upper_line
from normalizers.metadata_words import (APPROVAL_RE, INITIALS_RE, MAX_CONTINUATION_CHARS, MAX_HEADER_LINES,
                                        MAX_TITLE_CHARS, MAX_TITLE_LINES, NUMBERED_ITEM_RE, ORDER_NAME_RE,
                                        PERIOD_DAMAGED_RE, PERIOD_RANGE_RE, PERIOD_SINGLE_RE, SIGNATORY_RE,
                                        STOP_WORDS_RE, TABLE_HEADER_RE, TITLE_START_RE, WORD_TOKEN_RE, YEAR)
from normalizers.morph import parses
from normalizers.text import one_line

MAX_PERIOD_YEARS = 30          # a plan spans at most this many years


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


# a colon right after a year at a line's end is a speck ("… области на 2024-2026:" / "годы"): a label
# ("ПРИКАЗЫВАЮ:", "Список сокращений:") ends with a word
YEAR_COLON_RE = re.compile(r"(?:19|20)\d\d\s*:$")


def _stops_title(line: str) -> bool:
    ends_label = line.rstrip().endswith(":") and not YEAR_COLON_RE.search(line.rstrip())
    return (is_signature(line) or NUMBERED_ITEM_RE.match(line) is not None or STOP_WORDS_RE.match(line) is not None
            or APPROVAL_RE.match(line) is not None or ends_label
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


# a title that ends with its period ("… на 2022–2024 годы", "… на 2023 год"), and the words a line
# goes on with after one ("и на период до 2030 года", "(с изменениями)")
PERIOD_END_RE = re.compile(rf"{YEAR}\s*:?\s*(?:годы|год|гг?\.?)\s*$", re.I)     # "2026: годы": a speck's colon
LINKED_ON_RE = re.compile(r"\s*(?:и|а|на|до|в|с|со|по|для|\()(?:\s|$)", re.I)


def _continues_title(title: str, line: str) -> bool:
    """Whether line carries on the title gathered so far."""
    if _stops_title(line) or _reads_as_sentence(line) or _closes_unopened_quote(title, line):
        return False
    if re.search(r"\d\s*[-–—]$", title.rstrip()) and re.match(YEAR, line):
        return True       # a year range wrapped at its dash ("… на 2023–" / "2025 годы")
    starts_low = line[:1].islower() or line[:1] in "(«\"" or re.match(rf"на\s+{YEAR}", line, re.I) is not None
    if starts_low and PERIOD_END_RE.search(title) and not LINKED_ON_RE.match(line):
        return False      # "… на 2022–2024 годы" is whole; "п@о к/бо …" below it is a garbled list's line
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
    title = re.sub(r"(?<=\d):(?=\s+год)", "", title)      # "на 2024-2026: годы": a speck's colon
    return title.strip(" *_")


# a line of a title that ends with a preposition or a conjunction goes on on the next line, whatever
# its case ("… профессионального образования в" / "Пермском крае на 2020–2022 годы")
DANGLING_WORD_RE = re.compile(r"(?<![А-Яа-яЁё])(?:в|во|на|по|о|об|для|и|с|со|к|при|из|от|до|за|между)\s*$", re.I)


def _brings_period(title: str, line: str) -> bool:
    """A line that closes a title naming no period yet with one ("Чувашской Республики на 2022-2024
    годы"), itself no sentence."""
    return not _has_period(title) and _has_period(line) and not _reads_as_sentence(line) \
        and re.search(rf"(?:на|в)\s+{YEAR}", line, re.I) is not None


def _title_from_order_name(lines: list[str]) -> str | None:
    """Fallback: "Об утверждении дорожной карты …" → "Дорожная карта …" (its lines as long as the next
    goes on in lower case, with the year a range broke off at its dash, after a preposition, or with
    the period a title naming none yet ends with)."""
    for i, line in enumerate(lines):
        if ORDER_NAME_RE.match(line):
            rest = ORDER_NAME_RE.sub("", line)
            for j in range(i + 1, min(len(lines), i + 4)):
                # a line goes on in lower case, or with the year a range broke off at its dash ("на 2022-" / "2024 годы")
                if not lines[j] or _stops_title(lines[j]) and not DANGLING_WORD_RE.search(rest) \
                        or not (lines[j][:1].islower() or (re.search(r"[-–—]\s*$", rest) and lines[j][:1].isdigit())
                                or DANGLING_WORD_RE.search(rest) or _brings_period(rest, lines[j])):
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
        # a range that reads as none ("на 2072-2024 годы", a scan's slip) names no period: its
        # years are no span of their own either
        return (a, b) if a <= b <= a + MAX_PERIOD_YEARS else None
    m = PERIOD_DAMAGED_RE.search(text)
    if m:                  # both parts four digits and years of ours: PERIOD_RANGE_RE took it above
        return _damaged_range(m.group(1), m.group(2))
    text = re.sub(rf"\bдо\s+({YEAR})", " ", text)   # "на период до 2030 года" names no start
    if re.search(rf"{YEAR}\s*[-–—][^\w]*(?:(?:год[а-я]*|гг?)[^\w]*)?$", text):
        return None        # "на 2022-", "на 2022-, годы": a range cut off at its dash names no period of one year
    years = [int(y) for y in PERIOD_SINGLE_RE.findall(text)]
    if years:
        return min(years), max(years)
    return None


def _year_readings(digits: str) -> set[int]:
    """The years of ours a range's part may be: itself, or one digit misread (four digits) or one
    digit too many (five)."""
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return {int(digits)}
    if len(digits) == 4:
        found = {digits[:i] + d + digits[i + 1:] for i in range(4) for d in "0123456789"}
    else:
        found = {digits[:i] + digits[i + 1:] for i in range(5)}
    return {int(y) for y in found if y[:2] in ("19", "20")}


def _damaged_range(start: str, end: str) -> tuple[int, int] | None:
    """A range a scan damaged ("2024-20726", "2622-2024"): the one pair of readings of its parts
    (``_year_readings``) that is a span of at most ``MAX_PERIOD_YEARS``, else no period (one part
    alone is no period of one year)."""
    pairs = {(a, b) for a in _year_readings(start) for b in _year_readings(end) if a < b <= a + MAX_PERIOD_YEARS}
    return pairs.pop() if len(pairs) == 1 else None


def period_from_years(texts: Iterable[str]) -> tuple[int, int] | None:
    """Smallest and largest plausible year in texts (deadline cells), dates of other acts left out."""
    years: list[int] = []
    for text in texts:
        text = re.sub(r"\bот\s+\d{1,2}\s*[./]\s*\d{1,2}\s*[./]\s*\d{4}", " ", text or "")
        text = re.sub(rf"\bот\s+\d{{1,2}}\s+[а-я]+\s+{YEAR}", " ", text)
        text = re.sub(r"(?:№|N)\s*\S+", " ", text)
        years += [int(y) for y in PERIOD_SINGLE_RE.findall(text) if 2000 <= int(y) <= 2050]
    return (min(years), max(years)) if years else None
