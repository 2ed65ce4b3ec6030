"""OCR, words checked against the dictionary on a scan's cells: a word's tail read in capitals
rejoined, a capital read inside a word lowered, a word one letter from exactly one dictionary word
mended (lower-case, opening a line or sentence, or the head of a hyphenated compound), a hyphen or
a one-letter word a speck made split off, two pieces of one word joined. Each changes the text only
where the dictionary leaves one reading; ``normalizers.ocr_fixes.fix_scan_text`` runs them."""

from __future__ import annotations

import re
from typing import Optional

from normalizers.morph import parses
from normalizers.text import is_known_word


# ---------------------------------------------------------------- a word's tail read in capitals

# a word broken by a space whose tail a scan read in capitals ("ежекварта ЛЬНО", "профессиональн ОЙ")
# (or at a line end, its tail on the next line, perhaps after a speck: "образовательн\n-ЫМи")
CAPS_TAIL_RE = re.compile(r"(?<![А-Яа-яЁё])([а-яё]{3,})(?: |\n[-–.,'’`^°]?)([А-ЯЁ]{1,4}[а-яё]{0,2})(?![А-Яа-яЁё])")
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


def rejoin_caps_tail(text: str) -> str:
    """A word broken by a space, its tail read in capitals, joined in lower case
    ("ежекварта ЛЬНО" -> "ежеквартально"): only when the head is no dictionary word and the
    joined word is one (an abbreviation after a word, "кураторы ПОО", stays)."""
    if not text:
        return text
    def join(m: re.Match) -> str:
        head, tail = m.group(1), m.group(2)
        joined = head + tail.lower()
        return joined if not is_known_word(head) and is_known_word(joined) else m.group(0)

    return CAPS_TAIL_RE.sub(join, text)


# one capital read inside a lower-case word ("КрасноярскоГо", "обеспечеНие"): a letter whose two
# cases differ in size only; abbreviations with an inner capital ("МОиН", "ДепОбр") are no word
INNER_CAPITAL_RE = re.compile(r"(?<![А-Яа-яЁё])([А-ЯЁ]?[а-яё]{2,})([А-ЯЁ])([а-яё]+)(?![А-Яа-яЁё])")


def lower_inner_capital(text: str) -> str:
    """"КрасноярскоГо края" -> "Красноярского края": a capital inside a word lowered where the
    word so read is a dictionary word ("ЦентрИнвест", "МОиН" stay)."""
    if not text:
        return text

    def lower(m: re.Match) -> str:
        word = m.group(1) + m.group(2).lower() + m.group(3)
        return word if is_known_word(word) else m.group(0)

    return INNER_CAPITAL_RE.sub(lower, text)


# "й" after a consonant: no Russian spelling has it, a scan's "и" with a speck over it
BREVE_AFTER_CONSONANT_RE = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])й")


MIN_DELETION_MEND = 8        # a word this long may also lose one inner letter a speck added


def one_letter_changed(word: str, places: range) -> set[str]:
    """The dictionary words ``word`` becomes with the letter at one of ``places`` changed."""
    return {word[:i] + ch + word[i + 1:] for i in places for ch in RUSSIAN
            if ch != word[i] and is_known_word(word[:i] + ch + word[i + 1:])}


def common_word(word: str) -> bool:
    """Whether the dictionary knows ``word`` as a word, not only as a name: in lower case "ия" (the
    name "Ия") is no word, "о", "ка", "ции" are."""
    if not is_known_word(word):
        return False
    return not word.islower() or any(not any(t in p.tag for t in NAME_TAGS) for p in parses(word))


def nearest_word(word: str) -> Optional[str]:
    """The one dictionary word a lower-case word that is no dictionary word becomes with one
    letter changed ("лодготовки" -> "подготовки", "профессионалъного" -> "профессионального",
    "оперёжающей" -> "опережающей") or, from ``MIN_DELETION_MEND`` letters, one inner letter
    dropped ("агентсзтво" -> "агентство"); a "й" after a consonant is first read as "и" ("учрежденйе",
    where "учрежденье" is a letter away too); None when the word is known, short, or two words fit."""
    if len(word) < 6 or not word.isalpha() or not word.islower() or is_known_word(word):
        return None
    if "ё" in word and is_known_word(word.replace("ё", "е")):
        return word.replace("ё", "е")
    breve = BREVE_AFTER_CONSONANT_RE.sub("и", word)
    if breve != word and is_known_word(breve):
        return breve       # "учрежденйе": "й" never follows a consonant, it is "и" with a speck over it
    found = one_letter_changed(word, range(len(word)))
    if len(word) >= MIN_DELETION_MEND:      # a speck read as a letter inside a word ("агентсзтво")
        found |= {word[:i] + word[i + 1:] for i in range(1, len(word) - 1) if is_known_word(word[:i] + word[i + 1:])}
    return found.pop() if len(found) == 1 else None


# a word at a line end may be the head of a broken one ("образовательн" + "ыми"): never mended
LOWER_WORD_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё\d-])[а-яё]{6,}(?![A-Za-zА-Яа-яЁё\d-]|[^\S\n]*\n)")


# a capitalised word that opens a cell, a line or a sentence ("Экснертиза программ"): most are
# common words there; a name inside a sentence ("Абилимпикс") is never touched
FIRST_WORD_RE = re.compile(r"(?:^|(?<=\n)|(?<=[.!?;] ))[А-ЯЁ][а-яё]{5,}(?![A-Za-zА-Яа-яЁё\d-]|[^\S\n]*\n)")


def _mend_first_word(m: re.Match) -> str:
    word = m.group(0)
    found = nearest_word(word[0].lower() + word[1:])
    return found[0].upper() + found[1:] if found else word


def mend_misread_words(text: str) -> str:
    """Each lower-case word that is no dictionary word replaced by ``nearest_word`` where there
    is exactly one ("агёнтства" -> "агентства"), and so a capitalised word that opens the text, a
    line or a sentence ("Экснертиза" -> "Экспертиза"), and the head of a hyphenated compound
    (``mend_compound_heads``); anything else stays as read."""
    if not text:
        return text
    text = FIRST_WORD_RE.sub(_mend_first_word, text)
    return mend_compound_heads(LOWER_WORD_RE.sub(lambda m: nearest_word(m.group(0)) or m.group(0), text))


# the first part of a hyphenated compound ("информациенно-консультационный"), ending in its linking vowel
COMPOUND_HEAD_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё-])([А-ЯЁа-яё][а-яё]{4,}о)(?=-([а-яё]{3,}))")
LINKING_POS = {"ADVB", "ADJS"}      # "информационно", "учебно": the adverb / short form a head spells


def mend_compound_heads(text: str) -> str:
    """The first part of a hyphenated compound ending in the linking "о" that is no dictionary
    word, replaced by the one head a letter away (the last letter kept) that makes the compound a
    dictionary word ("горгово-промышленная" -> "торгово-промышленная": "торгово" alone is none), or
    else by the one dictionary word a letter away when that word is an adverb or short adjective
    as such heads are ("информациенно-" -> "информационно-"); a head no such word fits ("медико-":
    "Мехико" is a name, "северо-": "семеро" a numeral) or two words fit stays; a capital opening
    the name stays; the compound's last part is mended as any lower-case word is
    ("санитарно-энидемиологическая" -> "санитарно-эпидемиологическая")."""
    if not text or "-" not in text:
        return text

    def mend(m: re.Match) -> str:
        read = m.group(1)
        head = read[0].lower() + read[1:]
        mended = _mended_compound_head(head, m.group(2))
        return mended[0].upper() + mended[1:] if read[0].isupper() else mended

    return COMPOUND_TAIL_RE.sub(lambda m: nearest_word(m.group(0)) or m.group(0), COMPOUND_HEAD_RE.sub(mend, text))


def _mended_compound_head(head: str, tail: str) -> str:
    if is_known_word(head):
        return head
    readings = [head[:i] + ch + head[i + 1:] for i in range(len(head) - 1) for ch in RUSSIAN if ch != head[i]]
    whole = {w for w in readings if is_known_word(f"{w}-{tail}")}
    if len(whole) == 1:
        return whole.pop()
    found = {w for w in readings if is_known_word(w)}
    linking = {w for w in found if any(p.tag.POS in LINKING_POS for p in parses(w))}
    return linking.pop() if len(found) == 1 and len(linking) == 1 else head


# the last part of a hyphenated compound ("санитарно-энидемиологическая"): an inflected word of its
# own, mended as any lower-case word is (a part at a line end may be a broken word's head: never)
COMPOUND_TAIL_RE = re.compile(r"(?<=[а-яё]о-)[а-яё]{6,}(?![A-Za-zА-Яа-яЁё\d-]|[^\S\n]*\n)")


# a speck read as a hyphen for the space between two words ("Пермского-края"): the first word
# ends as an inflected adjective does, which never opens a compound ("учебно-методический")
SPECK_HYPHEN_RE = re.compile(r"(?<![А-Яа-яЁё-])([А-Яа-яЁё]{2,}(?:ого|его|ому|ему|ой|ей|ых|их|ая|яя|ую|юю|ый|ий))-"
                             r"([а-яё]{2,})(?![А-Яа-яЁё-])")


def split_speck_hyphens(text: str) -> str:
    """"Пермского-края" -> "Пермского края": only when both halves are dictionary words and the
    hyphenated whole is none; a hyphen before a one-letter word ("организациями-и") and a slash
    glued after a word before a space ("заместитель/ министра") are specks too."""
    if not text:
        return text

    def split(m: re.Match) -> str:
        left, right = m.group(1), m.group(2)
        if is_known_word(m.group(0).lower()) or not (is_known_word(left.lower()) and is_known_word(right)):
            return m.group(0)
        return f"{left} {right}"

    text = SPECK_HYPHEN_RE.sub(split, text)
    return SLASH_AFTER_WORD_RE.sub(r"\1", HYPHEN_BEFORE_ONE_LETTER_RE.sub(r"\1 \2", text))


# a hyphen before a one-letter word ("организациями-и общественными"): no compound ends so
HYPHEN_BEFORE_ONE_LETTER_RE = re.compile(r"(?<![А-Яа-яЁё-])([А-Яа-яЁё]{3,})-([иваскоу])(?=[^\S\n])")
# a slash glued after a word before a space ("заместитель/ министра"): "ПОО/ЦЗН" has none after it
SLASH_AFTER_WORD_RE = re.compile(r"(?<![А-Яа-яЁё])([а-яё]{3,})[/\\|](?=[^\S\n]+[А-Яа-яЁё])")


# "торгово: промышленная": a compound adjective's hyphen read as a colon or a semicolon
COMPOUND_MARK_RE = re.compile(r"(?<![А-Яа-яЁё])([А-ЯЁа-яё][а-яё]{3,}о)[:;][^\S\n]*([а-яё]{4,})(?![А-Яа-яЁё])")


def _compound_head(word: str) -> bool:
    """A compound adjective's first part: a short adjective ("транспортно") or no word at all
    ("экономико"), not an adverb or a pronoun ("много", "такого")."""
    word = word.lower()
    return not is_known_word(word) or any(str(p.tag.POS) == "ADJS" for p in parses(word))


def _adjective(word: str) -> bool:
    return any(str(p.tag.POS) in ("ADJF", "PRTF") for p in parses(word))


def mend_compound_marks(text: str) -> str:
    """"экономико: технологический" -> "экономико-технологический": a colon or semicolon after
    a compound adjective's first part and before an adjective is its hyphen."""
    if not text or not (":" in text or ";" in text):
        return text

    def mend(m: re.Match) -> str:
        head, tail = m.group(1), m.group(2)
        if is_known_word(f"{head}-{tail}".lower()) or (_compound_head(head) and _adjective(tail)):
            return f"{head}-{tail}"
        return m.group(0)

    return COMPOUND_MARK_RE.sub(mend, text)


# ---------------------------------------------------------------- a lost space before a short word

GLUED_SHORT_WORD_RE = re.compile(r"(?<![А-Яа-яЁё])([а-яё]{4,}|[А-ЯЁ][а-яё]{3,})([ивск])(?![А-Яа-яЁё])")


def split_glued_short_words(text: str) -> str:
    """A conjunction or preposition of one letter run into the word before it, its space lost
    on a scan ("образованияи науки" -> "образования и науки", "потребностив" -> "потребности в"):
    split only when the whole is no dictionary word and the word without the letter is one."""
    if not text:
        return text
    def split(m: re.Match) -> str:
        word, letter = m.group(1), m.group(2)
        if is_known_word((word + letter).lower()) or not is_known_word(word.lower()):
            return m.group(0)
        return f"{word} {letter}"

    return GLUED_SHORT_WORD_RE.sub(split, text)


# a long lower-case word that may be two run together ("переподгатовкиработников")
LONG_LOWER_WORD_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё-])[а-яё]{12,}(?![A-Za-zА-Яа-яЁё-])")
MIN_GLUED_PART = 5           # each of two words run together has at least this many letters


def split_glued_words(text: str) -> str:
    """Two words a scan ran together, the space between them lost ("переподгатовкиработников"): a
    long word that is no dictionary word is split where exactly one place gives two words, each a
    dictionary word or a letter from exactly one (``nearest_word``, the misread one then mended:
    "переподготовки работников"); at most one of the two mended; anything else stays."""
    if not text:
        return text

    def split(m: re.Match) -> str:
        word = m.group(0)
        if is_known_word(word):
            return word
        ways = []
        for i in range(MIN_GLUED_PART, len(word) - MIN_GLUED_PART + 1):
            left, right = word[:i], word[i:]
            known_left, known_right = is_known_word(left), is_known_word(right)
            if not (known_left or known_right):
                continue            # one piece must be a word as read: the dictionary is asked once more at most
            left = left if known_left else nearest_word(left)
            right = right if known_right else nearest_word(right)
            if left and right:
                ways.append(f"{left} {right}")
        return ways[0] if len(ways) == 1 else word

    return LONG_LOWER_WORD_RE.sub(split, text)


# a word split by a space or a speck's mark ("промышлен ‚ная", "предприя. тия-партнёры"), or by specks
# read as a digit ("трудоустроен 5 ных"): the
# separator between two pieces, the second piece in lower case (or opening with a capital a serif
# lower-case letter was read as: "работода Тели")
SPLIT_WORD_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё])([А-Яа-яЁё]{3,})((?:[^\S\n]*[‚.,'`’”][^\S\n]*|[^\S\n]+)"
                           # ... or specks read as a digit and marks between the pieces ("реализац 7. ^ ии")
                           r"(?:[\d.,'`’‚^°*]{1,3}[^\S\n]+){0,2})"
                           r"(?=([а-яё]{2,}|[А-ЯЁ][а-яё]{2,})(?![A-Za-zА-Яа-яЁё]))")


# a word a narrow column broke over two lines with no hyphen ("профессиональн\nые"), a speck's mark
# at either end of the break ("Пермског.\n-о края")
SPLIT_LINE_WORD_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё-])([А-Яа-яЁё]{3,})[.,'`’‚]?[^\S\n]*\n[^\S\n]*[-–.,'`’‚]?"
                                r"([а-яё]{1,6})(?![A-Za-zА-Яа-яЁё-])")
# the readings of a word that are names, not words in lower case
NAME_TAGS = ("Name", "Surn", "Patr", "Geox")


SHORT_TAIL = 3               # a dictionary word this short after a piece that is no word may be its tail
MIN_JOINED_MEND = 12         # two words joined this long, a letter from one word, are that word misread
# a word's first letter a scan split off ("т оргово-промышленная"): joined when the rest is no word
LETTER_SPLIT_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё])([А-Яа-яЁё])[^\S\n]+([а-яё]{4,}(?:-[а-яё]+)?)(?![A-Za-zА-Яа-яЁё-])")


# two lower-case words on one line that may be one word split where a letter was garbled (the
# second in a lookahead: each word is tried with the one before it and the one after it)
WORD_PAIR_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё-])([а-яё]{3,})[^\S\n]+(?=([а-яё]{4,})(?![A-Za-zА-Яа-яЁё-]))")


def mend_garbled_splits(text: str) -> str:
    """A long word a scan split where it garbled a letter, both pieces words by chance ("образ
    звательные" -> "образовательные"): two words that joined lie one letter, near the join, from
    exactly one word of ``MIN_JOINED_MEND`` letters or more; a real pair of words is no such
    chance."""
    out, pos = [], 0
    for m in WORD_PAIR_RE.finditer(text):
        if m.start() < pos:
            continue
        left, right = m.group(1), m.group(2)
        whole = left + right
        if len(whole) < MIN_JOINED_MEND or is_known_word(whole):
            continue
        mended = _mended_at_join(whole, len(left))
        if mended:
            out.append(text[pos:m.start()] + mended)
            pos = m.end() + len(right)
    return "".join(out) + text[pos:]


def _mended_at_join(whole: str, at: int) -> Optional[str]:
    """The one dictionary word ``whole`` becomes with one letter changed within a letter of where
    its two pieces met (``at``), else None: a scan garbles a word where it splits it."""
    found = one_letter_changed(whole, range(max(0, at - 2), min(len(whole), at + 2)))
    return found.pop() if len(found) == 1 else None


def rejoin_split_words(text: str) -> str:
    """Two pieces of one word a scan split with a space or a mark, joined where the second piece
    is no dictionary word, or a short one after a piece that is none, and the whole is one
    ("Торгово-промышлен ‚ная" -> "Торгово-промышленная", "ежекварталь. но" -> "ежеквартально");
    two words stay two. A word broken over two lines with no hyphen is joined where neither piece
    is a word and the whole is ("профессиональн\nые"); a word whose tail took the conjunction after
    it ("образован ияи" -> "образования и"); an instrumental plural adjective whose "и" stands
    apart before its noun ("общественным и организациями" -> "общественными организациями"); a
    word's last "о" read as a zero apart ("Пермског 0 края" -> "Пермского края"); a word's first
    letter split off ("т оргово-промышленная") or its short tail on the next line ("республиканс\nкий"),
    or its last letter split off where that letter is no word of its own ("образовательны е"); a long
    word split where a letter was garbled, its pieces words by chance (``mend_garbled_splits``)."""
    if not text:
        return text

    def join(m: re.Match) -> str:
        left, right = m.group(1), m.group(3)
        whole = (left + right).lower()
        if not is_known_word(whole):
            # neither piece a word, the whole a letter from exactly one ("профевсиональ ‚ные": the
            # dictionary mend after reads "профессиональные")
            if is_known_word(left.lower()) or is_known_word(right.lower()) or not right.islower() \
                    or nearest_word(whole) is None:
                return m.group(0)
            return left
        if right[0].isupper():      # "работода Тели": a serif "т" read as its capital, no word either side
            return m.group(0) if is_known_word(left.lower()) or is_known_word(right.lower()) else left
        # a short word after no word may be the word's tail ("ежекварталь. но" -> "ежеквартально");
        # a name's reading alone makes no word of a piece in lower case ("образован” ия": "Ия")
        if common_word(right) and (len(right) > SHORT_TAIL or is_known_word(left.lower())):
            return m.group(0)
        return left

    def join_lines(m: re.Match) -> str:
        left, right = m.group(1), m.group(2)
        # the tail may be a short word of its own ("республиканс\nкий"): not after a word
        tail_word = is_known_word(right) and len(right) > SHORT_TAIL
        if is_known_word(left.lower()) or tail_word or not is_known_word((left + right).lower()):
            return m.group(0)
        return left + right

    def join_letter(m: re.Match) -> str:
        letter, rest = m.group(1), m.group(2)
        if is_known_word(rest.lower()) or not is_known_word((letter + rest).lower()):
            return m.group(0)
        return letter + rest

    def join_conj(m: re.Match) -> str:
        left, mid, conj = m.group(1), m.group(2), m.group(3)
        whole = (left + mid).lower()
        if is_known_word(mid + conj) or not is_known_word(whole):
            return m.group(0)
        if not is_known_word(left.lower()) and is_known_word(whole + conj):
            return f"{left}{mid}{conj}"     # "образовательн ыми": the tail's own letter, no conjunction
        return f"{left}{mid} {conj}"

    text = SPLIT_WORD_CONJ_RE.sub(join_conj, SPLIT_PLURAL_I_RE.sub(_join_plural_i, text))
    text = mend_garbled_splits(text)                        # "образ звательные"
    text = ZERO_TAIL_RE.sub(lambda m: m.group(1) + "о" if not is_known_word(m.group(1).lower())
                            and is_known_word(m.group(1).lower() + "о") else m.group(0), text)
    text = LETTER_SPLIT_RE.sub(join_letter, text)          # "т оргово-промышленная"
    text = LONE_TAIL_LETTER_RE.sub(lambda m: m.group(1) + m.group(2) if is_known_word((m.group(1) + m.group(2)).lower())
                                   else m.group(0), text)     # "образовательны е организации"
    return SPLIT_LINE_WORD_RE.sub(join_lines, SPLIT_WORD_RE.sub(join, text))


# a word's last letter split off, one that is no word of one letter ("образовательны е": "и", "в",
# "с", "к", "о", "у", "а", "я", "б", "ж" are words, and stay)
LONE_TAIL_LETTER_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё])([а-яё]{3,})[^\S\n]+([гдеёзйлмнпрстфхцчшщъыьэю])(?![A-Za-zА-Яа-яЁё.\d])")


# an instrumental plural adjective whose last "и" a scan split off as a word before its noun
# ("общественным и организациями"): with the "и" it agrees with the noun, without it cannot
# (also where the line broke before or after the "и": "общественным\nи\nорганизациями")
SPLIT_PLURAL_I_RE = re.compile(r"(?<![А-Яа-яЁё])([а-яё]{3,}[ыи]м)\s+и\s+([а-яё]{3,}[ая]ми)(?![А-Яа-яЁё])")


# a word's last "о" read as a zero apart ("Пермског 0 края")
ZERO_TAIL_RE = re.compile(r"(?<![А-Яа-яЁё])([А-Яа-яЁё]{3,})[^\S\n]+0(?=[^\S\n]+[а-яё]|[^\S\n]*$)")


def _join_plural_i(m: re.Match) -> str:
    whole = m.group(1) + "и"
    agrees = any(p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "ablt" and p.tag.number == "plur"
                 for p in parses(whole))
    return f"{whole} {m.group(2)}" if agrees else m.group(0)


# a word split with its space moved after the next letter: "образован ияи науки" (the conjunction
# "и" run into the word's tail)
SPLIT_WORD_CONJ_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё])([А-Яа-яЁё]{3,})[^\S\n]+([а-яё]{1,4})([иавсук])(?![A-Za-zА-Яа-яЁё])")
