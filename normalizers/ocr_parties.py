"""OCR slips in the responsible parties of a scan and in the abbreviations its text defines (one
mention read as a short form: ``normalizers.ocr_short_forms``).

A whole mention that reads as a defined abbreviation once case, specks and the digit "0" for the
letter "О" are set aside is that abbreviation ("Доин ко", "ДОиН`КО", "000" for "ООО"); so is a
mention one letter from a defined word-like short form that is no dictionary word ("Координатфр"
for "Координатор"), or from a defined short form of several words with a lower-case word when a
word of the mention is no word ("Минобрнаукн` РБ"); "(по согласованию)" misread by a letter still
makes the party one by agreement; a mention in capitals of four letters or more that no one
defines, one letter from exactly one defined acronym and from no other known one, is that acronym. A defined abbreviation the party cells never use, one letter from the one
abbreviation they do use whose letters its full form spells, was misread where it was defined
("ДОинН КО" for "ДОиН КО"). The glossary's abbreviations count as known too, for a whole mention
read in the wrong case or with debris at its ends ("поо", "ЦРПО..") and for a lower-case word inside
a mention that is no dictionary word ("руководители поо"); a mention that is two known abbreviations
run together is two parties when it splits one way only ("МОиН РТ ИРО РТ"); a defined short form
that lost its closing bracket ("МОиН РС(Я") gets it back. A word in capitals one look-alike letter
from exactly one known abbreviation is it ("КГАУ ДНО" for "ДПО"); the pieces of a known short form
a narrow column broke over lines are it ("Минэко" / "номразв" / "ития НСО"); a known form with a
region's code run together with another known abbreviation under the same code are two parties
("МОиН РТ ИРО РТ"); misspelt known names are left to ``normalizers.ocr_party_names``. A definition's full form loses the specks
a scan puts between its words (a stop, a backquote, a lone quote mark, "й" for "и") and takes the
words the document spells correctly elsewhere (``normalizers.ocr_lexicon``), then is put into the
nominative again. A mention is mended only when exactly one known form fits; anything less certain
stays as read.
"""
from __future__ import annotations

import re
from typing import Optional

from rapidfuzz.distance import Levenshtein

from normalizers.glossary import is_org_form
from normalizers.ocr_full_form import SPECK_AFTER_WORD_RE, drop_speck
from normalizers.ocr_party_names import join_parted, mend_name_words
from normalizers.ocr_party_split import defined_then_plural
from normalizers.ocr_short_forms import DEBRIS, defined_as
from normalizers.parties import PartyMention
from normalizers.morph import parses
from normalizers.text import drop_unopened_brackets, is_known_word, one_edit, one_substitution

# a speck read as one or two lower-case letters after an abbreviation ("000 ры", "ЦЗН }")
SPECK_TAIL_RE = re.compile(r"\s+(?:[а-яёa-z]{1,2}|[А-ЯЁA-Z])$")     # ... or a lone capital ("МО ОО Х")
CAPS_TOKEN_RE = re.compile(r"[A-Za-zА-Яа-яЁё]*[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]*[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]*")
LEAD_SPECKS = " ‚'`’‘^°*_|~.,;:"   # marks a scan reads before a list entry's short form ("‚ МОиНРТ")
MAX_SHORT_SPELLING = 30      # a cell line this short may be a short form the definitions spell

GLUED_CONJUNCTION_RE = re.compile(r"(?<![А-Яа-яЁёA-Za-z])([ивскоу])[.,]([а-яё]{3,})")
LOWER_OPEN_QUOTE_RE = re.compile(r"«\s*(?=[а-яё])")
GLUED_APOSTROPHE_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё])([а-яё]{3,})[’'`‘]([а-яё]{3,})(?![A-Za-zА-Яа-яЁё])")
# "по" misread too ("(no согласованию)", "(яо согласованию)", "(по-согласованию)")
# the note's bracket and its "по" as a scan may read them, a speck or a space after it
NOTE_HEAD = r"\s*\(\s*[А-Яа-яЁёA-Za-z]{1,2}(?:\s?[’'`‚.,–—-]?\s+|\s?[’'`‚.,–—-])"
AGREEMENT_TAIL_RE = re.compile(rf"{NOTE_HEAD}([А-Яа-яЁё][^()]{{9,18}}?)\s*\)?\s*$")
AGREEMENT_WORD = "согласованию"
AGREEMENT_EDITS = 2          # letters a scan may have misread in it (no other word of 12 letters is that close)
AGREEMENT_TAIL = "сованию"
# ... or cut short, its bracket never closed, a speck after it ("(по согласован и", "(по сагласова")
CUT_AGREEMENT_TAIL_RE = re.compile(rf"{NOTE_HEAD}([а-яё]{{7,12}})(?:\s+[а-яё]{{1,2}})?\s*$", re.I)
# ... or closed, its "по" read right, the word garbled further but ending as "согласованию" does
# ("(по у4етокованию)", "(по "’сотласадванию)")
CLOSED_NOTE_RE = re.compile(r"\s*\(\s*по[^\w()]+([^()]{9,18}?)\s*\)\s*$", re.I)
MIN_NOTE_LETTERS, MAX_NOTE_LETTERS = 10, 14
# ... or cut right after its "по" ("(по", "(по \""): the only bracket note of a party cell that opens so
NOTE_CUT_AFTER_PO_RE = re.compile(r"\s*\(\s*по[^\w()]*$", re.I)
MIN_GLUED = 3                # each of two run-together forms has at least this many letters ("МО"+"ОО" is no split)
LOWER_TOKEN_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё])[а-яё]{3,}(?![A-Za-zА-Яа-яЁё])")


def _glued_key(text: str) -> str:
    """The text without spaces and end debris, lower case: marks inside it (quotes, brackets) stay."""
    return re.sub(r"\s+", "", text.strip(DEBRIS)).lower().replace("ё", "е")


def _glued_keys(forms: set[str]) -> dict[str, set[str]]:
    """The known forms by their ``_glued_key``."""
    by_key: dict[str, set[str]] = {}
    for f in forms:
        by_key.setdefault(_glued_key(f), set()).add(f)
    return by_key


# a mark a scan read where two forms meet, for their separator ("Минобр НСО-Минтруд НСО")
JOINING_MARK_RE = re.compile(r"[’'`‚\-–—;:]")


def _split_glued(name: str, by_key: dict[str, set[str]]) -> list[str] | None:
    """Two known forms run together ("МОиН РТ ИРО РТ", "МОиНРТ ИРО РТ"), when ``name`` but for
    its spaces and case splits into two of them one way only (a quoted name is no form:
    "ГБУ ДПО «КРИРПО»" keeps its quotes, so it is no "ГБУ ДПО" + "КРИРПО"); ``by_key``: the known
    forms by ``_glued_key`` (``_glued_keys``)."""
    key = _glued_key(name)
    splits = [(by_key[key[:i]], by_key[key[i:]]) for i in range(MIN_GLUED, len(key) - MIN_GLUED + 1)
              if key[:i] in by_key and key[i:] in by_key]
    if not splits and all(sum(ch.isupper() for ch in t) >= 2 for t in name.split()):
        splits = _near_glued_splits(key, by_key)
    if not splits:
        return _split_same_region(name, by_key)
    if len(splits) != 1 or len(splits[0][0]) != 1 or len(splits[0][1]) != 1:
        return None
    return [next(iter(splits[0][0])), next(iter(splits[0][1]))]


MIN_NEAR_GLUED = 5           # a run-together form read a letter off has at least this many letters


def _near_glued_splits(key: str, by_key: dict[str, set[str]]) -> list[tuple[set[str], set[str]]]:
    """Two known forms run together, one of them (of ``MIN_NEAR_GLUED`` letters or more) read a letter
    off ("КОиННКО ЦОПП": "КОиН КО" with its "Н" read twice, then "ЦОПП")."""
    out = []
    for i in range(MIN_GLUED, len(key) - MIN_GLUED + 1):
        left, right = key[:i], key[i:]
        if left in by_key and len(right) >= MIN_NEAR_GLUED:
            out += [(by_key[left], by_key[k]) for k in by_key if len(k) >= MIN_NEAR_GLUED and one_edit(k, right)]
        if right in by_key and len(left) >= MIN_NEAR_GLUED:
            out += [(by_key[k], by_key[right]) for k in by_key if len(k) >= MIN_NEAR_GLUED and one_edit(k, left)]
    return out


def _split_same_region(name: str, by_key: dict[str, set[str]]) -> list[str] | None:
    """"МОиН РТ ИРО РТ" where only "МОиН РТ" and "ИРО" are known: a known form of an abbreviation
    and a region's code, then another known abbreviation with the same code, are two parties."""
    words = name.split()
    if len(words) != 4 or words[1] != words[3] or not words[2].isupper():
        return None
    first = by_key.get(_glued_key(" ".join(words[:2])), set())
    if len(first) != 1 or _glued_key(words[2]) not in by_key:
        return None
    return [next(iter(first)), " ".join(words[2:])]


def _lower_tokens(name: str, tokens: dict[str, set[str]]) -> str:
    """Lower-case words that are no dictionary word and equal exactly one known abbreviation
    ignoring case ("руководители поо" -> "руководители ПОО"), or, where none, with one letter read
    for its look-alike capital ("ноо" -> "ПОО")."""
    def one(m: re.Match) -> str:
        hits = tokens.get(m.group(0), set())
        if not hits:
            hits = {h for r in lookalike_readings(m.group(0).upper()) for h in tokens.get(r.lower(), set())
                    if h.upper() == r}
        return next(iter(hits)) if len(hits) == 1 and not is_known_word(m.group(0)) else m.group(0)
    return LOWER_TOKEN_RE.sub(one, name)


NO_PARTY_POS = ("PREP", "CONJ", "PRCL", "INTJ")     # a word of these alone in a party's place is no party


def _lower_defined(name: str, defined: set[str], known: set[str] = frozenset()) -> str | None:
    """A party that is one lower-case token, no dictionary word (or one read first as a preposition,
    conjunction or particle, which alone is no party: "под"), a letter from exactly one short form
    the document defines ("поа" where the document defines "ПОО": the glossary's "ПОА", an
    accreditation, is no party), or, where the document defines none that near, from exactly one
    the glossary knows ("лоо": "ПОО"; "ПОА" is two letters off): that form."""
    token = name.strip(" .,;:")
    if not (3 <= len(token) <= 5 and token.isalpha() and token.islower()):
        return None
    if is_known_word(token) and parses(token)[0].tag.POS not in NO_PARTY_POS:
        return None
    for forms in (defined, known):
        near = {d for d in forms if len(d) == len(token) and d.isupper() and one_substitution(d.lower(), token)}
        if near:
            return near.pop() if len(near) == 1 else None
    return None


# capitals a scan reads for one another (one stroke apart: "ДНО" for "ДПО")
CAPS_LOOKALIKES = {"Н": "ПИ", "П": "Н", "И": "Н", "Ш": "Щ", "Щ": "Ш"}


def lookalike_readings(word: str) -> set[str]:
    """``word`` with one capital read as its look-alike (``CAPS_LOOKALIKES``), every way it can be."""
    return {word[:i] + alt + word[i + 1:] for i, ch in enumerate(word) for alt in CAPS_LOOKALIKES.get(ch, "")}
CAPS_WORD_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё])[А-ЯЁ]{3,6}(?![A-Za-zА-Яа-яЁё])")


def lookalike_caps(name: str, known: set[str]) -> str:
    """Words in capitals that no ``known`` word of a form has, where one capital read for its
    look-alike ("КГАУ ДНО «…»": Н for П) gives exactly one of them, read as it."""
    def one(m: re.Match) -> str:
        word = m.group(0)
        if word in known:
            return word
        hits = lookalike_readings(word) & known
        return hits.pop() if len(hits) == 1 else word
    return CAPS_WORD_RE.sub(one, name)


def abbreviation_tokens(forms: set[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in forms:
        for t in f.split():
            if sum(ch.isupper() for ch in t) >= 2 and t.isalpha():
                out.setdefault(t.lower(), set()).add(t)
    return out


def close_brackets(short: str) -> str:
    """A short form that lost its closing bracket at its end ("МОиН РС(Я") gets it back."""
    if short.count("(") == short.count(")") + 1 and re.search(r"\([^()\s]+$", short):
        return short + ")"
    return short


def _join_legal_forms(mentions: list[PartyMention], defined: set[str]) -> list[PartyMention]:
    """A legal form alone ("ГБУ") is no party: a comma a speck made after it ("ГБУ, ДПО «КРИРПО»",
    "ГБУ, «Дом ремёсел»") is dropped and it joins the name that follows."""
    out: list[PartyMention] = []
    for m in mentions:
        if out and _legal_form_alone(out[-1].name, defined) and (m.name[:1].isupper() or m.name[:1] in "«„\""):
            p = out.pop()
            m = PartyMention(name=f"{p.name} {m.name}", by_agreement=p.by_agreement or m.by_agreement,
                             defines=m.defines, raw=f"{p.raw} {m.raw}")
        out.append(m)
    return out


def _legal_form_alone(name: str, defined: set[str]) -> bool:
    return name not in defined and is_org_form(name)


CAPS_MARK_RE = re.compile(r"(?<=[А-ЯЁ]{2})[’'`‚]+(?=[^\S\n]+[«А-Яа-яЁё\"])")     # "ГАУ КО’ «Центр …»"
# a mark glued between two words in capitals that no quote after it closes ("МОиН"РС(Я)")
CAPS_GLUED_MARK_RE = re.compile(r"(?<=[А-ЯЁ])[^\S\n]?[\"„“”'’`‚](?=[А-ЯЁ]{2}[^\"„“”»]*$)")   # also "МО ОО "ПОО"
# a stop after a one-letter preposition or conjunction before a word ("совместно с. профессиональными";
# "г. Тула", "т. е." are no prepositions)
STOP_AFTER_PREPOSITION_RE = re.compile(r"(?<![А-Яа-яЁё.])([свкиоуСВКИОУ])(?:\.{1,3}|…)[^\S\n]+(?=[а-яё]{3})")   # "с..."
# a digit and a mark standing before a name ("2` Минтруд НСО"): no list numbers so
LEADING_DIGIT_SPECK_RE = re.compile(r"^[^\S\n]*\d[`'’‚^°][^\S\n]+(?=[А-ЯЁA-Z«])")
# a double quote glued to a lower-case word's end where the name has no other ("органы местного" …")
LONE_GLUED_QUOTE_RE = re.compile(r"(?<=[а-яёА-ЯЁ])[\"“”„](?=[^\S\n]|$)")
# a straight quote glued after a word inside «…» that goes on and closes: a speck's
QUOTE_INSIDE_GUILLEMETS_RE = re.compile(r"(«[^«»\"]*[а-яё])[\"“”„](?=[^\S\n][^«»\"]*»)")
# "й" between capitals: the conjunction "и" with a speck over it ("МОйН")
CAPS_BREVE_RE = re.compile(r"(?<=[А-ЯЁ])й(?=[А-ЯЁ])")
LONE_MARK_RE = re.compile(r"(?<=[\wА-Яа-яЁё»\").])[^\S\n]+\.?[‚’'`„“^°*|_]+[.‚’'`„“^°*|_]*(?=[^\S\n]+[«\"А-Яа-яЁё]|[^\S\n]*$)")


# a single quote mark glued before a lower-case word inside a mention (no quote opens so)
WORD_HEAD_SPECK_RE = re.compile(r"(?<=\s)[‚’'`‘]+(?=[а-яё])")
# marks a scan left after a mention's last word ("края*-")
TRAILING_JUNK_RE = re.compile(r"(?<=[А-Яа-яЁё»)])(?:[*_~^°|]+[-–—]*|[^\S\n]+[-–—])\s*$"     # also "министра -",
                              r"|(?<=[А-ЯЁ]{2})[^\S\n]+[1|l]\s*$")      # "ЦРПО 1": specks along a rule
# a compound's first half, its hyphen, then a space and maybe a speck before the second half
SPLIT_COMPOUND_RE = re.compile(r"(?<![А-Яа-яЁё])([а-яё]{3,}о)-[^\S\n]+[‚’'`‘]?(?=[а-яё]{3,})")
# a name in quotes after words in capitals (a legal form, a code) whose opening quote was lost
LOST_OPEN_QUOTE_RE = re.compile(r"^((?:[А-ЯЁ]{2,}[^\S\n]+)+)([А-ЯЁ][а-яё][^«»\"“”„]*?)[»\"”]$")
# an asterisk glued between two lower-case words: a speck for the space (no name writes one there)
GLUED_STAR_RE = re.compile(r"(?<=[а-яё]{2})\*(?=[а-яё]{2})")
# a word a scan split with a stop or comma before its last letters ("пермског. о края"), or with a
# speck opening them ("образовательн _ые")
STOP_SPLIT_WORD_RE = re.compile(r"(?<![А-Яа-яЁё])([А-Яа-яЁё]{3,})(?:[.,][^\S\n]|[^\S\n][_‘’'`‚])([а-яё]{1,3})(?![А-Яа-яЁё])")


def mend_mention_specks(name: str) -> str:
    """A mention with the specks a scan puts between its words read as the space: a stop, colon or
    semicolon after an acronym or a whole word ("КГАУ ДПО: «Центр»"; "г. Тула" keeps its stop), an
    apostrophe or backquote between two dictionary words ("транспортный’центр"), a stop or comma
    after a one-letter conjunction or preposition ("и.занятости"; "и.о." keeps its stops), an
    opening quote mark before a lower-case word that nothing closes; a mark standing alone between
    two words or at the end ("Начальник ‚ отдела", "«Центр» ’"), or glued after a word in capitals
    ("ГАУ КО’ «Центр»") or between two ("МОиН"РС(Я)": no quote closes it); a "й" between capitals is
    the conjunction "и" ("МОйН"); a stop after a one-letter preposition ("совместно с. профессиональными"),
    a digit and a mark before the name ("2` Минтруд НСО"), a lone double quote glued after a word
    ("органы местного" самоуправления"); a single quote mark glued before a lower-case word
    ("организациями ‚инвалидов"), marks after the last word ("края*-"), a speck and a space after a
    compound's hyphen ("транспортно- ‚энергетический"), a stop splitting off a word's last letters
    where the join is a word and its head none ("пермског. о края"); the opening quote of a name
    after words in capitals that only its closing one is left of ("ГАУ КО Центр … подготовки»"); a
    closing bracket standing apart that nothing opened ("ТОИПКРО )")."""
    name = LONE_MARK_RE.sub("", GLUED_STAR_RE.sub(" ", name))    # "«Центр. ‚. опережающей"; "агентство*труда"
    name = SPECK_AFTER_WORD_RE.sub(drop_speck, name) if not name.rstrip().endswith(".") else name
    name = CAPS_MARK_RE.sub("", GLUED_CONJUNCTION_RE.sub(r"\1 \2", name))
    name = CAPS_BREVE_RE.sub("и", CAPS_GLUED_MARK_RE.sub(" ", name))       # "МОйН"РС(Я)"
    name = LEADING_DIGIT_SPECK_RE.sub("", STOP_AFTER_PREPOSITION_RE.sub(r"\1 ", name))
    name = LOST_OPEN_QUOTE_RE.sub(r"\1«\2»", name)             # "ГАУ КО Центр … подготовки»"
    if sum(name.count(q) for q in "\"“”„«»") == 1:
        name = LONE_GLUED_QUOTE_RE.sub("", name)
    name = QUOTE_INSIDE_GUILLEMETS_RE.sub(r"\1", name)      # "«… работников" образования»"
    name = WORD_HEAD_SPECK_RE.sub("", TRAILING_JUNK_RE.sub("", name))    # "организациями ‚инвалидов", "края*-"
    name = SPLIT_COMPOUND_RE.sub(r"\1-", name)               # "транспортно- ‚энергетический"
    name = STOP_SPLIT_WORD_RE.sub(lambda m: m.group(1) + m.group(2) if not is_known_word(m.group(1).lower())
                                  and is_known_word((m.group(1) + m.group(2)).lower()) else m.group(0), name)
    if "»" not in name:                     # "«и общественными организациями": no name opens there
        name = LOWER_OPEN_QUOTE_RE.sub("", name)
    name = drop_unopened_brackets(name)                     # "ТОИПКРО ) (по согласованию)"
    return GLUED_APOSTROPHE_RE.sub(lambda m: f"{m.group(1)} {m.group(2)}" if is_known_word(m.group(1))
                                   and is_known_word(m.group(2)) else m.group(0), name)


def _agreement_word(text: str) -> bool:
    """Whether the letters of ``text`` (specks and spaces between them left out: "согласован и. ю")
    are "согласованию" with at most ``AGREEMENT_EDITS`` letters misread ("сотласбванию")."""
    letters = "".join(ch for ch in text.lower() if ch.isalpha()).replace("ё", "е")
    edits = Levenshtein.distance(letters, AGREEMENT_WORD)
    # one more where its tail stands whole ("еерласованию": no other word of a party's note ends so)
    return edits <= AGREEMENT_EDITS or (edits == AGREEMENT_EDITS + 1 and letters.endswith(AGREEMENT_TAIL))


def _garbled_agreement(text: str) -> bool:
    """Whether the one word of a closed "(по …)" note is "согласованию" garbled past a letter or two:
    no dictionary word, its letters as many as that word's give or take two, ending in "ванию" as
    it does (no other note of a party cell does: "(по приглашению)", "(по мере необходимости)")."""
    letters = "".join(ch for ch in text.lower() if ch.isalpha()).replace("ё", "е")
    return (len(text.split()) == 1 and MIN_NOTE_LETTERS <= len(letters) <= MAX_NOTE_LETTERS
            and letters.endswith("ванию") and not is_known_word(letters))


def _agreement_head(word: str) -> bool:
    """Whether ``word`` (seven letters or more) opens "согласованию", a letter of it misread at most
    ("согласован", "сагласова")."""
    word = word.lower().replace("ё", "е")
    return Levenshtein.distance(word, AGREEMENT_WORD[:len(word)], score_cutoff=1) <= 1


def _misread_agreement(m: PartyMention) -> PartyMention:
    """A mention ending in "(по согласованию)" misread by a letter or two ("(по соглаЯованию)",
    "(по сотласбванию)"; closed, further garbled: "(по у4етокованию)", ``_garbled_agreement``), split by
    specks ("(по согласован и. ю)", "(по’ согласованию)") or cut
    short with its bracket never closed ("(по согласован и", "(по сагласова", "(по"): the note goes and the party is by
    agreement, as with the words read right."""
    readings = ((AGREEMENT_TAIL_RE, _agreement_word), (CLOSED_NOTE_RE, _garbled_agreement),
                (CUT_AGREEMENT_TAIL_RE, _agreement_head))
    tail = next((t for note_re, fits in readings if (t := note_re.search(m.name)) and fits(t.group(1))), None)
    if tail is None:
        tail = NOTE_CUT_AFTER_PO_RE.search(m.name)       # "ГКУ ЦЗН (по": the rest under a signature
        if tail is None or not m.name[:tail.start()].strip():
            return m
    # a stop or comma before the note goes with it ("Роспотребнадзор КО. (по согласова тю")
    return PartyMention(name=m.name[:tail.start()].rstrip(" .,;"), by_agreement=True, defines=m.defines, raw=m.raw)


def _split_slashes(mentions: list[PartyMention], defined: set[str]) -> list[PartyMention]:
    """"ПОО/ОВО" where both sides are defined abbreviations: two parties (a comma read as "/")."""
    out: list[PartyMention] = []
    for m in mentions:
        parts = [p.strip() for p in m.name.split("/")]
        if len(parts) > 1 and all(p in defined for p in parts):
            out.extend(PartyMention(name=p, by_agreement=m.by_agreement, defines=None, raw=p) for p in parts)
        else:
            out.append(m)
    return out


# a bullet a scan read as a letter or a mark ("о", "°", "•") before a name that opens with a capital
BULLET = r"[оo°•◦]"
LEADING_BULLET_RE = re.compile(rf"^{BULLET}\s+(?=[А-ЯЁA-Z])")
INNER_BULLET_RE = re.compile(rf"\s{BULLET}\s+(?=[А-ЯЁA-Z])")
ACRONYM_TOKEN_RE = re.compile(r"^[А-ЯЁA-Z][А-ЯЁA-Zа-яё()]*[А-ЯЁA-Z)]$")
STOP_BEFORE_FORM_RE = re.compile(r"(?<=[А-ЯЁA-Z)])[.;:]\s+(?=[А-ЯЁA-Z])")


def _parting(name: str, forms: set[str], defined: set[str]) -> Optional[re.Match]:
    """Where ``name`` parts in two: a bullet after a short form or a word in capitals (or after a
    whole quoted name, before a word in capitals), or a stop
    glued to such a word before a short form the document defines ("МОиН РС(Я). ИРПО"; a glossary
    form is part of a name: "КГАУ. ДПО «…»" is one)."""
    for h in INNER_BULLET_RE.finditer(name):
        left, right = name[:h.start()].strip(), name[h.end():].split()
        if left in forms or ACRONYM_TOKEN_RE.match(left.split()[-1]):
            return h
        # after a whole quoted name, before a short form or a word in capitals ("ГАПОУ «…» о ГАПОУ «…»")
        if left.endswith("»") and left.count("«") == left.count("»") and right and ACRONYM_TOKEN_RE.match(right[0]):
            return h
    for h in STOP_BEFORE_FORM_RE.finditer(name):
        left, right = name[:h.start()].strip(), name[h.end():].split()
        if left and ACRONYM_TOKEN_RE.match(left.split()[-1]) and right and right[0] in defined \
                and not is_org_form(left.split()[-1]):
            return h
    return None


def _split_lost_breaks(mentions: list[PartyMention], forms: set[str], defined: set[str]) -> list[PartyMention]:
    """A bullet read as "о" (or "°", "•") before a name in capitals: at a mention's start it goes
    ("о ПОО"); after a short form, or a word in capitals, it parts two names whose line break was
    lost ("МОиН РТ о Торгово-промышленная палата …", "Минтруд НСО о Минобр НСО"). No party opens
    with the preposition "о", and none has it between a short form and a capital. A stop glued to
    a word in capitals before a short form the document defines parts them too ("МОиН РС(Я). ИРПО")."""
    out: list[PartyMention] = []
    for m in mentions:
        name = LEADING_BULLET_RE.sub("", m.name)
        pieces = [name]
        while (hit := _parting(pieces[-1], forms, defined)) is not None:
            rest = pieces.pop()
            pieces += [rest[:hit.start()].strip(), rest[hit.end():].strip()]
        if pieces == [m.name]:
            out.append(m)
            continue
        out.extend(PartyMention(name=p, by_agreement=m.by_agreement if i == len(pieces) - 1 else False,
                                defines=m.defines if len(pieces) == 1 else None, raw=m.raw if len(pieces) == 1 else p)
                   for i, p in enumerate(pieces))
    return out


MAX_WRAPPED_PIECES = 4     # a short form a narrow column broke into at most this many lines


WRAPPED_CHARS_PER_EDIT = 10   # the pieces of a long form may misread one letter in this many


def _near_keys(key: str, by_key: dict[str, set[str]]) -> set[str]:
    """The forms whose key lies a letter in ``WRAPPED_CHARS_PER_EDIT`` from ``key`` (marks inside
    it, a speck's, not counted); several forms with one key count as several."""
    bare = re.sub(r"[^\w()]", "", key)
    limit = len(bare) // WRAPPED_CHARS_PER_EDIT
    if not limit:
        return set()
    return {f for k, fs in by_key.items() for f in fs
            if Levenshtein.distance(bare, re.sub(r"[^\w()]", "", k), score_cutoff=limit) <= limit}


def _join_wrapped_forms(mentions: list[PartyMention], forms: set[str],
                        by_key: dict[str, set[str]]) -> list[PartyMention]:
    """Mentions that are the pieces of one known short form a narrow column broke over lines with
    no hyphen ("Минэко" / "номразв" / "ития НСО"), as that form: only where the pieces run together
    spell exactly one known form, or, a long one, misread a letter in ten ("Минзэкономразв`" /
    "ития" / "НСО"), and none of them is a known form itself."""
    out: list[PartyMention] = []
    i = 0
    while i < len(mentions):
        joined = None
        for j in range(i + 2, min(len(mentions), i + MAX_WRAPPED_PIECES) + 1):
            pieces = mentions[i:j]
            if any(p.name in forms or p.by_agreement for p in pieces[:-1]):
                break
            key = "".join(_glued_key(p.name) for p in pieces)
            hits = by_key.get(key, set()) or _near_keys(key, by_key)
            if len(hits) == 1:
                joined = (j, hits.pop())
                break
        if joined is None:
            out.append(mentions[i])
            i += 1
            continue
        j, form = joined
        out.append(PartyMention(name=form, by_agreement=mentions[j - 1].by_agreement, defines=None,
                                raw=" ".join(p.raw for p in mentions[i:j])))
        i = j
    return out


# a known short form, a mark standing alone, then the next party ("ОИВ . объединения работодателей")
LONE_STOP_SPLIT_RE = re.compile(r"^(\S+(?: \S+)?) [.,:;·] (\S.*)$")


def mend_mentions(mentions: list[PartyMention], defined: set[str],
                  known: frozenset[str] | set[str] = frozenset(), names: set[str] = frozenset()) -> list[PartyMention]:
    """Each mention that is a defined short form (or, read with case or end debris only, one of
    the glossary's ``known``) misread as a whole (see the module) becomes it; a speck of one or two
    lower-case letters after one ("000 ры") is dropped with it; a legal form alone joins the next
    name; two known abbreviations joined by "/" or run together are two parties; a lower-case word
    that is a known abbreviation takes its capitals; the pieces of a short form a narrow column
    broke over lines are that form; two mentions a known name (of ``names``) runs
    across are one, and so is a mention with the genitive phrase under it; a bullet read as "о"
    goes, parting two names where a line break was lost (``_split_lost_breaks``)."""
    out: list[PartyMention] = []
    forms = set(defined) | set(known)
    tokens, by_key = abbreviation_tokens(forms), _glued_keys(forms)
    caps_words = {t for words in tokens.values() for t in words}
    mentions = _split_lost_breaks(_join_wrapped_forms(mentions, forms, by_key), forms, set(defined))
    for m in _split_slashes(_join_legal_forms(join_parted(mentions, set(names)), defined), defined):
        m = _misread_agreement(m)
        read = m.name
        cleaned = mend_mention_specks(m.name)
        if cleaned != m.name:
            m = PartyMention(name=cleaned, by_agreement=m.by_agreement, defines=m.defines, raw=m.raw)
        found = _lower_defined(m.name, defined, known) or defined_as(m.name, defined, known)
        if found is None and SPECK_TAIL_RE.search(m.name) and not is_known_word(m.name.split()[-1]):
            found = defined_as(SPECK_TAIL_RE.sub("", m.name), defined)
        glued = _split_glued(m.name, by_key) if found is None and m.name not in forms else None
        if found is None and glued is None and m.name not in forms and JOINING_MARK_RE.search(m.name):
            glued = _split_glued(JOINING_MARK_RE.sub(" ", m.name), by_key)   # "МОиН РТ’ ИРО РТ"
        lone = LONE_STOP_SPLIT_RE.match(m.name) if found is None and glued is None else None
        if lone and lone.group(1) in forms:        # "ОИВ . объединения работодателей": a line break lost
            glued = [lone.group(1), lone.group(2)]
        if found is None and glued is None:     # (as read: "предприятия: партнёры", a speck for the hyphen)
            glued = defined_then_plural(read, defined) or defined_then_plural(m.name, defined)
        if glued:
            out.extend(PartyMention(name=g, by_agreement=m.by_agreement if i else False, defines=None, raw=g)
                       for i, g in enumerate(glued))
            continue
        if found is None:
            found = mend_name_words(lookalike_caps(_lower_tokens(m.name, tokens), caps_words), set(names))
        out.append(m if found == m.name else
                   PartyMention(name=found, by_agreement=m.by_agreement, defines=m.defines, raw=m.raw))
    return out
