"""A party mention a scan misread, read as the short form the document defines (or the glossary
knows) when exactly one fits (``defined_as``): the same letters once case, specks and "0"/"3" for
"О"/"З" are set aside ("Доин ко", "МТЗиС3 РТ"); Latin look-alikes ("moo" for "ПОО"); one letter off a
long acronym, a syllabic short form or a phrase of several words ("Минобрнаукн` РБ"); one word a
letter off, or one token of a speck more ("МОиН НР РС(Я)"). Used by ``normalizers.ocr_parties``
(mentions) and ``normalizers.ocr_definitions`` (list entries).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from normalizers.abbreviation_lists import caps_for_digits
from normalizers.expansion import region_initials
from normalizers.metadata_regions import load_regions
from normalizers.morph import is_abbreviation
from normalizers.text import is_known_word, one_edit, one_substitution

DEBRIS = " .,;:'`’‘“”„\"^°*-–—_|~{}[]"     # marks a scan leaves at a mention's ends ("„Минтруд НСО", "ЦРПО..")
ACRONYM_RE = re.compile(r"[А-ЯЁ]{2,}")
# capitals with one lower-case letter that is no conjunction "и" ("ПоОО"; "КОиН" is written so)
CAPS_WITH_LOWER_RE = re.compile(r"[А-ЯЁ]{2,}[а-зй-яё][А-ЯЁ]+|[А-ЯЁ]+[а-зй-яё][А-ЯЁ]{2,}")
MIN_ACRONYM_MENDED = 4      # a mention in capitals mended by one letter only from this length
MIN_PHRASE_SHORT = 10       # a short form of several words mended by one letter only from this length
MIN_WORD_SHORT = 6          # a word-like short form ("Координатор") mended only from this length
# a speck between the words of a short form ("КОин.КО", "МТЗиСЗ’РТ", "Минобразования, Чувашии")
SPECK_IN_SHORT_RE = re.compile(r"(?<=[A-Za-zА-Яа-яЁё])[.,’'`‘°^\"”]+\s?(?=[A-ZА-ЯЁ])")    # 'Минобразования"Чувашии' too


def _acronyms_one_off(word: str, defined: set[str]) -> set[str]:
    """The defined acronyms (capitals only) of ``word``'s length one letter from it."""
    return {d for d in defined if len(d) == len(word) and ACRONYM_RE.fullmatch(d) and one_edit(d, word)}


def _acronym_one_letter_off(word: str, defined: set[str], known: frozenset[str] | set[str]) -> str | None:
    """The defined acronym a mention in capitals that neither the document nor the glossary knows
    stands for, one letter read for another ("ЦОНП" for "ЦОПП"): only when exactly one defined
    acronym and no other known one is so near; or a letter read twice ("ПООО" for "ПОО")."""
    if len(word) < MIN_ACRONYM_MENDED:
        return None
    undoubled = {word[:i] + word[i + 1:] for i in range(1, len(word)) if word[i] == word[i - 1]} & defined
    if len(undoubled) == 1:
        return undoubled.pop()          # "ПООО": a letter read twice
    near = _acronyms_one_off(word, defined)
    rivals = {k for k in known if k not in defined and len(k) == len(word) and one_edit(k, word)}
    return near.pop() if len(near) == 1 and not rivals else None


def _has_misread_word(name: str) -> bool:
    """Whether a word of ``name`` is neither a dictionary word nor an abbreviation."""
    return any(not is_known_word(w) and not is_abbreviation(w) for w in re.findall(r"[A-Za-zА-Яа-яЁё]+", name))


MIN_TOKEN_MENDED = 4         # a word of a short form mended by one letter has at least this many
MIN_ACRONYM_TOKEN = 3        # ... or, an acronym in capitals, at least this many letters


@lru_cache(maxsize=1)
def region_codes() -> frozenset[str]:
    """The short codes regions' names give by their initials ("ТО" for "Томская область"): a code a
    letter off the document's own may be another region's, and is then kept as read."""
    return frozenset(region_initials(r.name) for r, _, _ in load_regions())


def _one_token_off(name: str, form: str, known_tokens: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether ``name`` has the words of ``form`` but one, which is a letter off a syllabic word
    (mixed case, ``MIN_TOKEN_MENDED`` letters at least) of it, or off an acronym of three letters
    or more that no glossary form has ("МОиН ВС(Я)" for "МОиН РС(Я)"), or off a region's two-letter
    code that names no region beside words of four letters or more read right ("КОиН ЖО"; "КОиН ТО"
    may be Tomsk's)."""
    a, b = name.split(), form.split()
    if len(a) != len(b) or a == b:
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1 or not one_edit(diff[0][0].lower(), diff[0][1].lower()):
        return False
    read, want = diff[0]
    syllabic = len(want) >= MIN_TOKEN_MENDED and any(c.islower() for c in want) and any(c.isupper() for c in want)
    acronym = (sum(c.isalpha() for c in want) >= MIN_ACRONYM_TOKEN and is_abbreviation(read)
               and read not in known_tokens and want not in known_tokens)
    # a two-letter region code a letter off ("КОиН ЖО" for "КОиН КО"), the rest of the form, long
    # enough to tell it, read right
    rest = sum(len(x) for x, y in zip(a, b) if x == y)
    code = len(want) == 2 and want.isupper() and read.isupper() and read not in known_tokens and rest >= 4 \
        and read not in region_codes()
    return syllabic or acronym or code


def _one_token_more(name: str, form: str) -> bool:
    """Whether ``name`` is ``form`` (of two words at least) with one token of one or two capitals or
    marks more among its words ("МОиН НР РС(Я)" for "МОиН РС(Я)": a speck read as letters; "МО и ОО"
    is two parties)."""
    a, b = name.split(), form.split()
    return len(b) >= 2 and len(a) == len(b) + 1 and any(
        len(a[k]) <= 2 and not any(c.islower() for c in a[k]) and a[:k] + a[k + 1:] == b for k in range(len(a)))


def _letters(text: str) -> str:
    """The letters of a text, lower case, "0" read as "о" ("000" -> "ооо"), "й" as "и" (a breve is
    a speck's: "МОйН РТ" is "МОиН РТ")."""
    return re.sub(r"[^a-zа-яё]", "", text.lower().replace("0", "о").replace("ё", "е").replace("й", "и"))


# Latin letters a scan reads for the Cyrillic ones they look like, in a word with no Cyrillic letter ("moo")
LATIN_READ = str.maketrans("aceopxykmnuhbtABCEHKMOPTXY", "асеорхукмпинвтАВСЕНКМОРТХУ")
LATIN_WORD_RE = re.compile(r"[A-Za-z]{3,5}")


def _latin_read(word: str, defined: set[str], known: frozenset[str] | set[str]) -> str | None:
    """The defined acronym a mention read in Latin letters stands for ("moo" for "ПОО"): its
    Cyrillic look-alikes in capitals are that acronym, or a letter off exactly one acronym the
    document defines and from no acronym the glossary knows that is exactly what was read (a
    mention no one writes in Latin letters is misread whole: the document's own forms come first)."""
    if not LATIN_WORD_RE.fullmatch(word):
        return None
    caps = word.translate(LATIN_READ).upper()
    if caps in defined:
        return caps
    if caps in known:
        return None
    near = _acronyms_one_off(caps, defined)
    return near.pop() if len(near) == 1 else None


def _latin_word_read(name: str, defined: set[str]) -> str | None:
    """The defined short form of several words a mention stands for when one of its words was read
    in Latin look-alikes ("KOuH КО" for "КОиН КО"): the same letters, case aside."""
    words = name.split()
    if len(words) < 2 or not any(LATIN_WORD_RE.fullmatch(w) for w in words):
        return None
    read = _letters(" ".join(w.translate(LATIN_READ) if LATIN_WORD_RE.fullmatch(w) else w for w in words)).lower()
    hits = {d for d in defined if _letters(d).lower() == read}
    return hits.pop() if len(hits) == 1 else None


def defined_as(name: str, defined: set[str], known: frozenset[str] | set[str] = frozenset()) -> str | None:
    latin = _latin_read(name.strip(DEBRIS), defined, known) or _latin_word_read(name.strip(DEBRIS), defined)
    if latin is not None:
        return latin
    key = _letters(caps_for_digits(name))       # "МТЗиС3 РТ": a "3" for the "З" it looks like
    hits = {d for d in defined if _letters(d) == key and not SPECK_IN_SHORT_RE.search(d)} if key else set()
    if len(hits) == 1:
        return hits.pop()
    bare = name.strip(DEBRIS)
    own_tokens = {t.lower() for d in defined for t in d.split()}
    if not hits and bare and bare.lower() not in own_tokens:
        # the glossary's: the same text but for case and end debris (not a word of a form the
        # document defines, "ДТизн" of "ДТиЗН КО": the document's own reading decides there)
        hits = {k for k in known if k.lower() == bare.lower()}
        if len(hits) == 1 and not is_known_word(bare.lower()):
            return hits.pop()
    word = name.strip(DEBRIS)
    if CAPS_WITH_LOWER_RE.fullmatch(word) and word not in known and word not in defined:
        # one lower-case letter among capitals the document never defines, where without it they
        # are a defined acronym ("ПоОО" for "ПОО": a letter read twice)
        bare_caps = re.sub(r"[а-яё]", "", word, count=1)
        if bare_caps in defined:
            return bare_caps
    if ACRONYM_RE.fullmatch(word) and word not in known:
        return _acronym_one_letter_off(word, defined, known)
    word = name.strip()
    if " " in word and len(key) >= MIN_PHRASE_SHORT:
        # a short form of several words, one of them misread ("Минобрнаукн` РБ" for "Минобрнауки РБ"),
        # or split by a space it does not have ("Минпром торт ПК" for "Минпромторг ПК")
        near = [d for d in defined if " " in d.strip() and any(c.islower() for c in d)
                and len(_letters(d)) >= MIN_PHRASE_SHORT and one_edit(_letters(d), key)
                and (_has_misread_word(word) or len(d.split()) != len(word.split()))]
        if near or _has_misread_word(word):
            return near[0] if len(near) == 1 else None
    if " " in word and word not in known:
        # ... shorter, where only one of its words differs, by a letter, from one of the same words
        # ("КОиНн КО" for "КОиН КО")
        known_tokens = {t for k in known for t in k.split()}
        near = [d for d in defined if _one_token_off(word, d, known_tokens) or _one_token_more(word, d)]
        return near[0] if len(near) == 1 else None
    if " " in word or len(key) < MIN_WORD_SHORT or is_known_word(word):
        return None
    # a word-like short form a letter off, or (a mention with capitals inside: "МОинНРТ") a short
    # form of several words whose space was lost
    glued = sum(ch.isupper() for ch in word) >= 2
    near = [d for d in defined if (" " not in d.strip() or glued) and len(_letters(d)) >= MIN_WORD_SHORT
            and one_edit(_letters(d), key)]
    return near[0] if len(near) == 1 else None


MIN_CODE_MENDED = 3          # a region's code mended by one letter only from this length ("РС(Я)", "НСО")


def with_region_code(name: str, code: str) -> str:
    """A mention ending in the document's region ``code`` with one letter misread ("МОиН РЕ(Я)" in
    a plan of the Republic of Sakha, whose code is "РС(Я)") written with the code, when the head
    before it is an abbreviation and what was read is no region's code ("ТО" a letter off "КО" is
    Tomsk's, and stays); a syllabic short form glued to the code is written with the space
    ("МинтрудНСО" -> "Минтруд НСО")."""
    glued = re.fullmatch(r"([А-ЯЁ][а-яё]{3,})" + re.escape(code), name.strip()) if len(code) >= 2 else None
    if glued:                   # "МинтрудНСО": the space before the code lost
        return f"{glued.group(1)} {code}"
    head, _, last = name.strip().rpartition(" ")
    if len(code) < MIN_CODE_MENDED or not head or not is_abbreviation(head.split()[-1]) \
            or last == code or last in region_codes() or not one_substitution(last, code):
        return name
    return f"{head} {code}"


def with_region_codes(name: str, codes: Iterable[str]) -> str:
    """``with_region_code`` with the first of ``codes`` (in sorted order) that changes ``name``."""
    for code in sorted(codes):
        mended = with_region_code(name, code)
        if mended != name:
            return mended
    return name


def code_glued_to_short(name: str, code: str, shorts: Iterable[str]) -> str:
    """A mention whose region ``code`` a scan glued to the short form after it, the space lost or read
    as a hyphen ("БУ ЧРДПО «…»", "БУ ЧР-ДПО «…»" for "БУ ЧР ДПО «…»"), written with the space, when
    that short form is a known one (the glossary's or the document's, in capitals) and the glued
    token is none."""
    if len(code) < 2 or code not in name:
        return name
    known = set(shorts)

    def spaced(m: re.Match) -> str:
        glued = m.group(0).replace("-", "").replace("–", "")
        return f"{code} {m.group(1)}" if m.group(1) in known and glued not in known else m.group(0)

    return re.sub(rf"(?<![А-Яа-яЁё]){re.escape(code)}[-–]?([А-ЯЁ]{{2,}})(?![А-Яа-яЁё])", spaced, name)
