"""The words and patterns of a roadmap's header: act kinds and months, numbers and dates, approval
stamps, title starts, signatures, table headers, periods and issuing authorities, and the limits of
the title and header blocks.

Part of the metadata reader (``normalizers.metadata``); plain constants, no functions.
"""

from __future__ import annotations

import re
from pathlib import Path



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
# the order's own name, "Об утверждении …"; a scan may misread its "Об" ("-06 утверждении плана"; not
# a lower-case word: "… разработке / и утверждении" goes on)
ORDER_NAME_RE = re.compile(r"^\s*(?:об|о|(?=\S*[^а-яё\s])[^\s\w]?[0-9A-Za-zА-Яа-яЁё]{1,2}[^\s\w]?)\s+утверждени[ия]\s+", re.I)
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
# a range a scan damaged: an end with a digit too many ("на 2024-20726 годы") or a digit misread
# into no year of ours ("на 2622-2024 годы"); ``metadata_title._damaged_range`` reads it where it can
PERIOD_DAMAGED_RE = re.compile(rf"(?<![\d.,])(\d{{4,5}})\s*(?:{DASH})\s*(\d{{4,5}})(?![\d.,])")

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
