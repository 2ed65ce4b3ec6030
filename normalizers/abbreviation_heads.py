"""The header of a "Сокращения" list, also as a scan misreads it: "Список (используемых)
сокращений", "Используемые / Принятые / Условные сокращения", with the first entries on its line or
not; a misread header ("Церечень сокращений:", "сакращения", "Использхемые сокращения.") read as
the header (``mend_list_head``). Used by ``normalizers.abbreviation_lists``."""
from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from normalizers.full_forms import fold
from normalizers.morph import parses
from normalizers.text import is_known_word, one_edit

# "Сокращения", "Список (используемых) сокращений", "Используемые / Принятые / Условные сокращения"
LIST_HEAD = r"(?i)^\s*(?:(?:список|перечень)\s+)?(?:(?:используем|принят|условн)\w*\s+)?сокращени[йяе]"
LIST_HEADER_RE = re.compile(LIST_HEAD + r"\s*[:;]?\s*$")      # ";": a scan's colon
# the header with the first entries on its own line ("Сокращения: МОиН РС(Я) – Министерство …")
LIST_HEADER_INLINE_RE = re.compile(LIST_HEAD + r"\s*:\s*(?=\S)")
# a header as a scan may read it: up to three words, then a colon or the line's end, then maybe
# the first entry ("Спивок используемых сокращемий:", "Список сокразцемий:")
HEAD_LINE_RE = re.compile(r"^\s*[‘’'`.,•·*„“”\"]{0,2}\s*(?P<words>[A-Za-zА-Яа-яЁё]+(?:\s+[A-Za-zА-Яа-яЁё]+){0,2})"
                          r"\s*(?P<end>[:;.]\s*|$)")
# Latin letters a scan reads for the Cyrillic they look like, any case ("Cписок", "сокрaщений")
LATIN_TO_CYRILLIC = str.maketrans("ABCEHKMOPTXYaceopxyk", "АВСЕНКМОРТХУасеорхук")
# the words before the key word, as written; each may be misread by one letter
HEAD_WORDS = ("список", "перечень")
HEAD_QUALIFIERS = ("используемых", "используемые", "принятых", "принятые", "условных", "условные")
# the key word "сокращений": only the forms of "сокращение" / "сократить" open with "сокра"
KEY_WORDS = ("сокращения", "сокращений", "сокращение")
# a speck glued to the end of a header's word, with a digit a scan read from it ("Список`1",
# "используемых: сокращений:"), or
# between two of its words in place of the space ("Перечень.используемых", "используемых*сокращений")
HEAD_SPECK_RE = re.compile(r"(?<=[А-Яа-яЁё])[`'’‘°^|]+\d?(?=\s)|(?<=[А-Яа-яЁё])[:;.,](?=\s+сокра)"
                           r"|(?<=[а-яё])[`'’‘°^|.,*•·\-–—]+(?=[а-яё]{4})")
# a speck's mark or two standing before a header's first word ("$ Список сокращений:")
LEAD_MARKS_RE = re.compile(r"^\s*[^\w\s«»\"(]{1,2}\s+(?=[А-ЯЁA-Z])")
# a speck's mark or two a scan read for a header's closing colon ("Список сокращений\"", "Список сокращений-")
TRAIL_MARKS_RE = re.compile(r"(?<=[а-яё])\s?[\"'`’‘“”„°^*|.\-–—]{1,2}\s*$")     # "Список сокращений”."
MAX_HEADED_KEY_EDITS = 3
MAX_JUNK_AFTER = 10          # a header's line may end with this much junk and no entry (a signature's strokes)
KEY_WORD_RE = re.compile(r"^сокра[а-яё]{3,7}[йяеи]$")   # "сокращении": the breve lost


def _near(word: str, forms: tuple[str, ...]) -> str | None:
    """The one of ``forms`` that ``word`` (folded) is, or is one letter from; else None."""
    if word in forms:
        return word
    near = [f for f in forms if one_edit(word, f)]
    return near[0] if len(near) == 1 else None


MIN_TWO_EDIT_QUALIFIER = 8     # a qualifier read two letters off is read as one from this many letters


def _near_qualifier(word: str) -> str | None:
    """The qualifier ("используемых", "принятые", …) a long ``word`` that is no dictionary word is
    two letters from, when all the qualifiers that near are forms of one word ("Исподьзуемы":
    "используемые" and "используемых" alike)."""
    if len(word) < MIN_TWO_EDIT_QUALIFIER or is_known_word(word):
        return None
    near = [q for q in HEAD_QUALIFIERS if Levenshtein.distance(word, q, score_cutoff=2) <= 2]
    return near[0] if near and len({q[:-2] for q in near}) == 1 else None


def _far_head_word(word: str) -> str | None:
    """"Список"/"Перечень" read two letters off ("Спибрк") before a key word of the shape of
    "сокращений": a word no dictionary knows, with the head word's first letter and length."""
    if is_known_word(word):
        return None
    near = [h for h in HEAD_WORDS if len(h) == len(word) and h[0] == word[0]
            and Levenshtein.distance(word, h, score_cutoff=2) <= 2]
    return near[0] if len(near) == 1 else None


# the key word at a line's end with a few marks or letters before it that are no word ("ок/сокращений:",
# "Список" under a signature read as junk)
JUNK_BEFORE_KEY_RE = re.compile(r"^(?P<junk>[^\n]{0,12}?)[^\w\n]?\s*сокращени[йяе]\s*[:;.]?\s*$", re.I)


def _junk_before_key(line: str) -> bool:
    m = JUNK_BEFORE_KEY_RE.match(line)
    if m is None or not m.group("junk").strip():
        return False
    words = re.findall(r"[А-Яа-яЁёA-Za-z]{3,}", m.group("junk"))
    return not any(is_known_word(fold(w)) for w in words)


def mend_list_head(line: str) -> str:
    """A "Сокращения" header a scan misread read as the header: each word before the key word one
    letter at most from "Список"/"Перечень" and "используемых"/"принятых"/"условных" ("Церечень
    сокращений:", "Спивок используемых сокращений"), and the key word opening with "сокра" and
    ending as a form of "сокращение" does ("сокращемий", "сокразцемий": only "сокращение" and
    "сократить" open so; a dictionary word of another lemma, "сократите", is no key word; before a key
    word of that shape, "Список"/"Перечень" may be two letters off, "Спибрк сокрацуавий:"); Latin
    look-alike letters are read as Cyrillic and a speck or two before the header dropped ("$ Список"), and a
    speck glued to a word's end ("Список`1"); any other line stays."""
    cleaned = HEAD_SPECK_RE.sub(lambda m: "" if m.group(0)[-1:].isdigit() or line[m.end():m.end() + 1].isspace()
                                else " ", line)      # "Список`1 используемых сокращений:", "Перечень.используемых"
    cleaned = LEAD_MARKS_RE.sub("", cleaned)       # "$ Список сокращений:" (kept only if a header)
    cleaned = TRAIL_MARKS_RE.sub(":", cleaned)     # "Список сокращений\"" (kept only if a header)
    mended = _mended_head(cleaned)
    is_head = mended != cleaned or LIST_HEADER_RE.match(cleaned) or LIST_HEADER_INLINE_RE.match(cleaned)
    if not is_head and (_junk_before_key(cleaned) or _garbled_head(cleaned)):
        return "Сокращения:"            # "ок/сокращений:", "-Списо! ‚окра! ий:": the header read as junk
    return mended if is_head else line


# a header's letters as written ("Список сокращений:" -> "списоксокращений"), for a header a scan
# garbled past reading word by word
HEAD_SPELLINGS = ("списоксокращений", "переченьсокращений", "списокиспользуемыхсокращений",
                  "переченьиспользуемыхсокращений", "списокпринятыхсокращений", "сокращения",
                  "принятыесокращения", "условныесокращения", "используемыесокращения")
GARBLED_HEAD_RATIO = 75     # rapidfuzz ratio of a short line's letters to a header's ("Список литературы:" 50)
MAX_HEAD_TOKENS = 4


def _garbled_head(line: str) -> bool:
    """A short line ending with a colon, none of its words a dictionary word, whose letters are a
    header's with a few lost or misread ("-Списо! ‚окра! ий:")."""
    stripped = line.strip()
    if not stripped.endswith(":") or len(stripped.split()) > MAX_HEAD_TOKENS:
        return False
    words = re.findall(r"[а-яё]+", fold(stripped))
    if any(len(w) >= 5 and is_known_word(w) for w in words):
        return False                    # a word read ("Сливок …", "Список сокращённые:"): the word-wise rules decide
    letters = "".join(words)
    return len(letters) >= 6 and max(fuzz.ratio(letters, h) for h in HEAD_SPELLINGS) >= GARBLED_HEAD_RATIO


def _head_words(m: re.Match) -> list[str]:
    """The words of a ``HEAD_LINE_RE`` match, folded, Latin look-alikes read as Cyrillic."""
    return [fold(w.translate(LATIN_TO_CYRILLIC)) for w in m.group("words").split()]


def _mended_head(line: str) -> str:
    m = HEAD_LINE_RE.match(line)
    if m is None or LIST_HEADER_RE.match(line) or LIST_HEADER_INLINE_RE.match(line):
        return line
    words = _head_words(m)
    key = words[-1]
    other_word = is_known_word(key) and all(p.normal_form != "сокращение" for p in parses(key))
    # "сакращения"; "сокращениз" is one letter from two forms of the key word: either is the key word
    misread = not is_known_word(key) and any(one_edit(key, k) for k in KEY_WORDS)
    # after "Список"/"Перечень" (and a qualifier), a key word read further off: no dictionary word,
    # opening as it does, three letters at most from it ("Список сорратяений:"; "соглашений" is a word)
    headed = len(words) > 1 and _near(words[0], HEAD_WORDS) is not None
    misread = misread or (headed and not is_known_word(key) and key.startswith("со")
                          and min(Levenshtein.distance(key, k) for k in KEY_WORDS) <= MAX_HEADED_KEY_EDITS)
    # after a qualifier read right ("Используемые вокрёщёния:"), a key word two letters off, ending as
    # its forms do (specks over "е" read as "ё"; no dictionary word)
    qualified = len(words) == 2 and words[0] in HEAD_QUALIFIERS
    misread = misread or (qualified and not is_known_word(key) and key.endswith(("ния", "ний", "ние"))
                          and min(Levenshtein.distance(key.replace("ё", "е"), k) for k in KEY_WORDS) <= 2)
    # ... or one letter off even where that spells another word ("Используемые совращения": a scan's
    # "к" read "ф", then mended to the nearest dictionary word; no qualifier goes with it in a header)
    qualified_one_off = qualified and any(one_edit(key, k) for k in KEY_WORDS)
    misread = misread or qualified_one_off
    if not (KEY_WORD_RE.match(key) or misread) or (other_word and not qualified_one_off):
        return line                     # "сократите", "сокращённые": another word of the stem
    mended = ["сокращений"]
    before = words[:-1]
    if before and (q := _near(before[-1], HEAD_QUALIFIERS) or _near_qualifier(before[-1])):
        mended.insert(0, q)
        before = before[:-1]
    if before and (h := _near(before[-1], HEAD_WORDS) or (KEY_WORD_RE.match(key) and _far_head_word(before[-1]))):
        mended.insert(0, h)
        before = before[:-1]
    if before:
        return line
    head = " ".join(mended)
    rest = line[m.end():]
    if len(rest.strip()) <= MAX_JUNK_AFTER and not re.search(r"[-–—]", rest):
        rest = ""                      # "Список сокращений. ватель:": a signature's junk, no entry
    mended_line = f"{head}:" + (f" {rest}" if rest.strip() else "") if m.group("end").strip() else head
    return mended_line if LIST_HEADER_RE.match(mended_line) or LIST_HEADER_INLINE_RE.match(mended_line) else line


# "Список сокр. тароттетьные": the key word cut short (as written, or by a signature) and junk after it
CUT_KEY_HEAD_RE = re.compile(r"(?i)^\s*(?:список|перечень)\s+(?:(?:используем|принят|условн)[а-яё]*\s+)?"
                             r"сокр[а-яё]{0,5}[.,:;]?(?P<junk>(?:\s+\S+){0,2})\s*$")


# "Список" / "Перечень" read right, then one token no word, no dash in it, ending the line
JUNK_KEY_HEAD_RE = re.compile(r"(?i)^\s*(?:список|перечень)\s+(?P<key>[^\s\-–—]{4,14})\s*$")


def cut_head(line: str) -> bool:
    """Whether a line is a "Сокращения" header whose key word a signature or a stamp took, only its
    first words left ("Список", "Список используемых", "Перечень принятых:"), or cut short with
    junk after it that holds no dictionary word ("Список сокр. тароттетьные"), or with one token of
    junk for the key word ("Список 4бкраьний*"): the caller takes it for the header when a
    "X – полное название" entry follows it."""
    cut = CUT_KEY_HEAD_RE.match(line)
    junk_key = JUNK_KEY_HEAD_RE.match(line)
    if junk_key:                        # "Список 4бкраьний*": the key word a signature garbled past reading
        letters = re.sub(r"[^а-яё]", "", junk_key.group("key").lower())
        if len(letters) >= 0.5 * len(junk_key.group("key")) and not is_known_word(letters):
            return True
    if cut and not re.search(r"[-–—]", cut.group("junk")):
        return not any(is_known_word(fold(w)) for w in re.findall(r"[А-Яа-яЁё]{3,}", cut.group("junk")))
    m = HEAD_LINE_RE.match(line)
    if m is None or line[m.end():].strip():
        return False
    words = _head_words(m)
    if _near(words[0], HEAD_WORDS) is not None:
        words = words[1:]
    elif _near(words[0], HEAD_QUALIFIERS) is None:
        return False
    return all(_near(w, HEAD_QUALIFIERS) is not None for w in words)
