"""OCR slips in the responsible parties of a scan and in the abbreviations its text defines.

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
that lost its closing bracket ("МОиН РС(Я") gets it back. A definition's full form loses the specks
a scan puts between its words (a stop, a backquote, a lone quote mark, "й" for "и") and takes the
words the document spells correctly elsewhere (``normalizers.ocr_lexicon``), then is put into the
nominative again. A mention is mended only when exactly one known form fits; anything less certain
stays as read.
"""
from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.distance import Levenshtein

from normalizers.abbreviations import glossary_entry, spells
from normalizers.morph import is_abbreviation, parses, to_nominative
from normalizers.ocr_full_form import SPECK_AFTER_WORD_RE, drop_speck, mend_full_form
from normalizers.parties import PartyMention
from normalizers.text import ONE_LETTER_WORDS, is_known_word, one_edit

# a speck read as one or two lower-case letters after an abbreviation ("000 ры", "ЦЗН }")
SPECK_TAIL_RE = re.compile(r"\s+[а-яёa-z]{1,2}$")
CAPS_TOKEN_RE = re.compile(r"[A-Za-zА-Яа-яЁё]*[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]*[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]*")
ACRONYM_RE = re.compile(r"[А-ЯЁ]{2,}")
MIN_ACRONYM_MENDED = 4      # a mention in capitals mended by one letter only from this length
MIN_PHRASE_SHORT = 10       # a short form of several words mended by one letter only from this length
MIN_WORD_SHORT = 6          # a word-like short form ("Координатор") mended only from this length
# a speck between the words of a short form ("КОин.КО", "МТЗиСЗ’РТ")
SPECK_IN_SHORT_RE = re.compile(r"(?<=[A-Za-zА-Яа-яЁё])[.,’'`‘°^]+(?=[A-ZА-ЯЁ])")


def _acronym_one_letter_off(word: str, defined: set[str], known: frozenset[str] | set[str]) -> str | None:
    """The defined acronym a mention in capitals that neither the document nor the glossary knows
    stands for, one letter read for another ("ЦОНП" for "ЦОПП"): only when exactly one defined
    acronym and no other known one is so near."""
    if len(word) < MIN_ACRONYM_MENDED:
        return None
    near = {d for d in defined if len(d) == len(word) and ACRONYM_RE.fullmatch(d) and one_edit(d, word)}
    rivals = {k for k in known if k not in defined and len(k) == len(word) and one_edit(k, word)}
    return near.pop() if len(near) == 1 and not rivals else None


def _has_misread_word(name: str) -> bool:
    """Whether a word of ``name`` is neither a dictionary word nor an abbreviation."""
    return any(not is_known_word(w) and not is_abbreviation(w) for w in re.findall(r"[A-Za-zА-Яа-яЁё]+", name))


LEAD_SPECKS = " ‚'`’‘^°*_|~.,;:"   # marks a scan reads before a list entry's short form ("‚ МОиНРТ")
MAX_SHORT_SPELLING = 30      # a cell line this short may be a short form the definitions spell
MIN_TOKEN_MENDED = 4         # a word of a short form mended by one letter has at least this many
MIN_ACRONYM_TOKEN = 3        # ... or, an acronym in capitals, at least this many letters


def _one_token_off(name: str, form: str, known_tokens: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether ``name`` has the words of ``form`` but one, which is a letter off a syllabic word
    (mixed case, ``MIN_TOKEN_MENDED`` letters at least) of it, or off an acronym of three letters
    or more that no glossary form has ("МОиН ВС(Я)" for "МОиН РС(Я)")."""
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
    return syllabic or acronym


def _letters(text: str) -> str:
    """The letters of a text, lower case, "0" read as "о" ("000" -> "ооо"), "й" as "и" (a breve is
    a speck's: "МОйН РТ" is "МОиН РТ")."""
    return re.sub(r"[^a-zа-яё]", "", text.lower().replace("0", "о").replace("ё", "е").replace("й", "и"))


def _defined_as(name: str, defined: set[str], known: frozenset[str] | set[str] = frozenset()) -> str | None:
    key = _letters(name)
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
    if ACRONYM_RE.fullmatch(word) and word not in known:
        return _acronym_one_letter_off(word, defined, known)
    word = name.strip()
    if " " in word and len(key) >= MIN_PHRASE_SHORT and _has_misread_word(word):
        # a short form of several words, one of them misread ("Минобрнаукн` РБ" for "Минобрнауки РБ")
        near = [d for d in defined if " " in d.strip() and any(c.islower() for c in d)
                and len(_letters(d)) >= MIN_PHRASE_SHORT and one_edit(_letters(d), key)]
        return near[0] if len(near) == 1 else None
    if " " in word and word not in known:
        # ... shorter, where only one of its words differs, by a letter, from one of the same words
        # ("КОиНн КО" for "КОиН КО")
        known_tokens = {t for k in known for t in k.split()}
        near = [d for d in defined if _one_token_off(word, d, known_tokens)]
        return near[0] if len(near) == 1 else None
    if " " in word or len(key) < MIN_WORD_SHORT or is_known_word(word):
        return None
    # a word-like short form a letter off, or (a mention with capitals inside: "МОинНРТ") a short
    # form of several words whose space was lost
    glued = sum(ch.isupper() for ch in word) >= 2
    near = [d for d in defined if (" " not in d.strip() or glued) and len(_letters(d)) >= MIN_WORD_SHORT
            and one_edit(_letters(d), key)]
    return near[0] if len(near) == 1 else None


GLUED_CONJUNCTION_RE = re.compile(r"(?<![А-Яа-яЁёA-Za-z])([ивскоу])[.,]([а-яё]{3,})")
LOWER_OPEN_QUOTE_RE = re.compile(r"«\s*(?=[а-яё])")
GLUED_APOSTROPHE_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё])([а-яё]{3,})[’'`‘]([а-яё]{3,})(?![A-Za-zА-Яа-яЁё])")
# "по" misread too ("(no согласованию)", "(яо согласованию)", "(по-согласованию)")
AGREEMENT_TAIL_RE = re.compile(r"\s*\(\s*[А-Яа-яЁёA-Za-z]{1,2}(?:\s?[’'`‚.,–—-]?\s+|-)([А-Яа-яЁё][^()]{9,18}?)\s*\)?\s*$")
AGREEMENT_WORD = "согласованию"
AGREEMENT_EDITS = 2          # letters a scan may have misread in it (no other word of 12 letters is that close)
# ... or cut short, its bracket never closed, a speck after it ("(по согласован и")
CUT_AGREEMENT_TAIL_RE = re.compile(r"\s*\(\s*[А-Яа-яЁёA-Za-z]{1,2}(?:\s?[’'`‚.,–—-]?\s+|-)(согласо[а-яё]*)(?:\s+[а-яё]{1,2})?\s*$", re.I)
DEBRIS = " .,;:'`’‘“”„\"^°*-–—_|~{}[]"     # marks a scan leaves at a mention's ends ("„Минтруд НСО", "ЦРПО..")
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
    if len(splits) != 1 or len(splits[0][0]) != 1 or len(splits[0][1]) != 1:
        return None
    return [next(iter(splits[0][0])), next(iter(splits[0][1]))]


def _lower_tokens(name: str, tokens: dict[str, set[str]]) -> str:
    """Lower-case words that are no dictionary word and equal exactly one known abbreviation
    ignoring case ("руководители поо" -> "руководители ПОО")."""
    def one(m: re.Match) -> str:
        hits = tokens.get(m.group(0), set())
        return next(iter(hits)) if len(hits) == 1 and not is_known_word(m.group(0)) else m.group(0)
    return LOWER_TOKEN_RE.sub(one, name)


def _abbreviation_tokens(forms: set[str]) -> dict[str, set[str]]:
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
    entry = glossary_entry(name)
    return name not in defined and bool(entry and entry.get("org_form"))


def _mend_mention_specks(name: str) -> str:
    """A mention with the specks a scan puts between its words read as the space: a stop, colon or
    semicolon after an acronym or a whole word ("КГАУ ДПО: «Центр»"; "г. Тула" keeps its stop), an
    apostrophe or backquote between two dictionary words ("транспортный’центр"), a stop or comma
    after a one-letter conjunction or preposition ("и.занятости"; "и.о." keeps its stops), an
    opening quote mark before a lower-case word that nothing closes."""
    name = SPECK_AFTER_WORD_RE.sub(drop_speck, name) if not name.rstrip().endswith(".") else name
    name = GLUED_CONJUNCTION_RE.sub(r"\1 \2", name)
    if "»" not in name:                     # "«и общественными организациями": no name opens there
        name = LOWER_OPEN_QUOTE_RE.sub("", name)
    return GLUED_APOSTROPHE_RE.sub(lambda m: f"{m.group(1)} {m.group(2)}" if is_known_word(m.group(1))
                                   and is_known_word(m.group(2)) else m.group(0), name)


def _agreement_word(text: str) -> bool:
    """Whether the letters of ``text`` (specks and spaces between them left out: "согласован и. ю")
    are "согласованию" with at most ``AGREEMENT_EDITS`` letters misread ("сотласбванию")."""
    letters = "".join(ch for ch in text.lower() if ch.isalpha()).replace("ё", "е")
    return Levenshtein.distance(letters, AGREEMENT_WORD) <= AGREEMENT_EDITS


def _misread_agreement(m: PartyMention) -> PartyMention:
    """A mention ending in "(по согласованию)" misread by a letter or two ("(по соглаЯованию)",
    "(по сотласбванию)"), split by specks ("(по согласован и. ю)", "(по’ согласованию)") or cut
    short with its bracket never closed ("(по согласован и"): the note goes and the party is by
    agreement, as with the words read right."""
    tail = AGREEMENT_TAIL_RE.search(m.name)
    if tail is None or not _agreement_word(tail.group(1)):
        tail = CUT_AGREEMENT_TAIL_RE.search(m.name)
        if tail is None or not "согласованию".startswith(tail.group(1).lower()):
            return m
    return PartyMention(name=m.name[:tail.start()].rstrip(), by_agreement=True, defines=m.defines, raw=m.raw)


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


# a known short form, a mark standing alone, then the next party ("ОИВ . объединения работодателей")
LONE_STOP_SPLIT_RE = re.compile(r"^(\S+(?: \S+)?) [.,:;·] (\S.*)$")


def mend_mentions(mentions: list[PartyMention], defined: set[str],
                  known: frozenset[str] | set[str] = frozenset()) -> list[PartyMention]:
    """Each mention that is a defined short form (or, read with case or end debris only, one of
    the glossary's ``known``) misread as a whole (see the module) becomes it; a speck of one or two
    lower-case letters after one ("000 ры") is dropped with it; a legal form alone joins the next
    name; two known abbreviations joined by "/" or run together are two parties; a lower-case word
    that is a known abbreviation takes its capitals."""
    out: list[PartyMention] = []
    forms = set(defined) | set(known)
    tokens, by_key = _abbreviation_tokens(forms), _glued_keys(forms)
    for m in _split_slashes(_join_legal_forms(mentions, defined), defined):
        m = _misread_agreement(m)
        cleaned = _mend_mention_specks(m.name)
        if cleaned != m.name:
            m = PartyMention(name=cleaned, by_agreement=m.by_agreement, defines=m.defines, raw=m.raw)
        found = _defined_as(m.name, defined, known)
        if found is None and SPECK_TAIL_RE.search(m.name) and not is_known_word(m.name.split()[-1]):
            found = _defined_as(SPECK_TAIL_RE.sub("", m.name), defined)
        glued = _split_glued(m.name, by_key) if found is None and m.name not in forms else None
        if found is None and glued is None and m.name not in forms and JOINING_MARK_RE.search(m.name):
            glued = _split_glued(JOINING_MARK_RE.sub(" ", m.name), by_key)   # "МОиН РТ’ ИРО РТ"
        lone = LONE_STOP_SPLIT_RE.match(m.name) if found is None and glued is None else None
        if lone and lone.group(1) in forms:        # "ОИВ . объединения работодателей": a line break lost
            glued = [lone.group(1), lone.group(2)]
        if found is None and glued is None:
            glued = _defined_then_plural(m.name, defined)
        if glued:
            out.extend(PartyMention(name=g, by_agreement=m.by_agreement if i else False, defines=None, raw=g)
                       for i, g in enumerate(glued))
            continue
        if found is None:
            found = _lower_tokens(m.name, tokens)
        out.append(m if found == m.name else
                   PartyMention(name=found, by_agreement=m.by_agreement, defines=m.defines, raw=m.raw))
    return out


def _defined_then_plural(name: str, defined: set[str]) -> list[str] | None:
    """A defined short form, then a lower-case noun that can only be a subject ("Минпромторг НСО
    предприятия-партнёры", "ПОО работодатели": a line break between two parties lost); "ЦЗН
    совместно с …", "ПОО области" stay one."""
    for short in sorted(defined, key=len, reverse=True):
        if not name.startswith(short + " "):
            continue
        rest = name[len(short) + 1:]
        first = re.match(r"[а-яё]+(?:-[а-яё]+)*", rest)
        if first is None:
            return None
        word = first.group(0).split("-")[-1]
        found = [p for p in parses(word)]
        if found and all(p.tag.POS == "NOUN" and p.tag.case in ("nomn", "accs") for p in found) \
                and any(p.tag.number == "plur" for p in found):
            return [short, rest]
        return None
    return None


def _spellings(tok: str, low: str, used: dict[str, Counter], spelled: dict[str, str]) -> list[str]:
    """How the token ``low`` (lower case) may be spelled: the glossary's spelling, else the cells'
    most common one, and the defined token ``tok`` with its extra letter dropped (its own case kept:
    "КОинН" -> "КОиН", "КОин" when the cells read "КОин")."""
    forms = [spelled.get(low) or used[low].most_common(1)[0][0]]
    forms += [tok[:k] + tok[k + 1:] for k in range(len(tok)) if (tok[:k] + tok[k + 1:]).lower() == low]
    return forms


# a list entry whose dash a scan lost: an acronym, then the lower-case words of its full form
ACRONYM_THEN_WORDS_RE = re.compile(r"^([А-ЯЁ][А-ЯЁа-яё]*[А-ЯЁ])\s+([а-яё]+(?:\s+[а-яё]+)*)$")
MIN_SPELLING_MENDED = 4    # a short form mended to the cells' spelling has at least this many letters
STEM = 4                   # letters of a syllabic short form's word that open a word of its full form


def _words_after_acronym(short: str, full: str) -> tuple[str, str]:
    """"ПОО профессиональные" defined as "образовательные организации" (the entry's dash lost):
    the dictionary words after the acronym open its full form, when the whole then spells it."""
    m = ACRONYM_THEN_WORDS_RE.match(short)
    if m is None or not all(is_known_word(w) for w in m.group(2).split()):
        return short, full
    whole = f"{m.group(2)} {full}"
    return (m.group(1), whole) if spells(m.group(1), whole) else (short, full)


def _odd_chars(text: str) -> int:
    """Characters a short form has no business with: digits, marks (not brackets nor spaces)."""
    return sum(not (ch.isalpha() or ch.isspace() or ch in "()") for ch in text)


def _cells_spelling(short: str, full: str, spellings: dict[str, Counter], used: dict[str, Counter]) -> str:
    """A short form the party cells never write, read from a scan, taken as the cells' spelling
    one letter away (letters compared, case aside): "поо" where the cells write "ПОО", "ЦЗЯ" or
    "МОиН РЕЯ" where they write "ЦЗН" and "МОиН РС(Я)". Exactly one spelling must lie that near; it
    must be spelled by the full form where the read one is not, or (a form the initials cannot
    spell, "РС(Я)") be written at least twice and the letter be a substitution."""
    key = _letters(short)
    if short.islower() and short in used:              # "поо": the cells write "ПОО"
        return used[short].most_common(1)[0][0]
    if not key or key in spellings:
        if key in spellings:       # "МТЗиС3З РТ": the cells' letters, and a digit read for one of them
            ways = spellings[key]
            best, n = ways.most_common(1)[0]
            if _odd_chars(short) > _odd_chars(best):
                return best
            if n > ways.get(short, 0) and short.replace("й", "и") == best.replace("й", "и"):
                return best            # "КОйН КО" defined, "КОиН КО" written more often: the breve a speck's
            # "КОин КО" defined, "КОиН КО" in the cells twice or more and never as defined
            return best if ways.get(short, 0) == 0 and n >= 2 and best.lower() == short.lower() else short
        return short
    near = [k for k in spellings if len(k) >= MIN_SPELLING_MENDED - 1 and one_edit(k, key)
            and sum(c.isupper() for c in spellings[k].most_common(1)[0][0]) >= 2]
    if len(key) < MIN_SPELLING_MENDED - 1:
        return short
    if len(near) > 1 and not spells(short, full):       # "МО О": "ПОО" and "МО ОО" near, one spelled
        near = [k for k in near if spells(spellings[k].most_common(1)[0][0], full)]
    if len(near) != 1:
        return short
    best, n = spellings[near[0]].most_common(1)[0]
    if spells(best, full) and not spells(short, full):
        return best
    if not spells(best, full) and not spells(short, full) and len(near[0]) == len(key) \
            and len(key) >= MIN_SPELLING_MENDED and (n >= 2 or _stem_in_full(best, short, full)):
        return best
    return short


def _stem_in_full(best: str, short: str, full: str) -> bool:
    """Whether the one word in which a syllabic short form and the cells' spelling differ opens a
    word of the full form in the cells' spelling only ("Минобразования Чузашии" against "…
    Чувашской Республики": "Чува" opens a word, "Чуза" none)."""
    a, b = best.split(), short.split()
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(a) != len(b) or len(diff) != 1 or min(len(diff[0][0]), len(diff[0][1])) < STEM:
        return False
    words = [w.lower() for w in re.findall(r"[А-Яа-яЁё]+", full)]
    opens = lambda tok: any(w.startswith(tok[:STEM].lower()) for w in words)  # noqa: E731
    return opens(diff[0][0]) and not opens(diff[0][1])


def _short_form_for(full: str, spellings: dict[str, Counter], defined: set[str]) -> str | None:
    """The one short form the party cells write, no definition gives and ``full`` spells: an entry
    of the list whose short form a scan lost ("- профессиональные образовательные организации
    Омской области" where the cells write "ПОО")."""
    fits = {f for f in _undefined_spellings(spellings, defined) if is_abbreviation(f) and spells(f, full)}
    return fits.pop() if len(fits) == 1 else None


def _undefined_spellings(spellings: dict[str, Counter], defined: set[str]) -> set[str]:
    """The cells' most common spelling of each short form they write that no definition gives."""
    defined_keys = {_letters(d) for d in defined}
    return {ways.most_common(1)[0][0] for key, ways in spellings.items() if key not in defined_keys}


def mend_definitions(defs: dict[str, str], cells: str, known: set[str] = frozenset(),
                     lexicon: frozenset[str] = frozenset(), orphans: list[str] = ()) -> dict[str, str]:
    """``defs`` with a speck between the words of a short form read as the space ("КОин.КО", and
    "МОиН-РС(Я)" where the cells write "МОиН РС(Я)" and never the hyphen), and
    each short form mended whose token the party ``cells`` never use (case aside) when exactly one
    abbreviation token of the cells lies one letter from it and the full form spells the mended
    short form ("МОнН РТ" where the cells write "МОиН РТ", though the full form spells both); the
    token takes the glossary's spelling where the glossary has it, else the cells' most common one, or the defined token with its extra letter dropped,
    whichever (exactly one) the full form spells. Each full form is mended (``mend_full_form``, with the
    document's ``lexicon``) and put into the nominative again when a word changed. The full forms of
    list entries whose short form was lost (``orphans``) take the one short form the cells write,
    no definition gives and the full form spells. A full form that is hardly words (``_plausible``)
    goes: the glossary reads that short form better."""
    used: dict[str, Counter] = {}
    for t in CAPS_TOKEN_RE.findall(cells):
        used.setdefault(t.lower(), Counter())[t] += 1
    spelled = {tok.lower(): tok for name in known for tok in name.split()}
    # the cells' own spellings of each short form by its letters (spaces and marks aside)
    spellings: dict[str, Counter] = {}
    for piece in re.split(r"[\n,;]", cells):
        piece = piece.strip(DEBRIS)
        if piece and len(piece) <= MAX_SHORT_SPELLING:
            spellings.setdefault(_letters(piece), Counter())[piece] += 1
    out: dict[str, str] = {}
    for short, full in defs.items():
        short = close_brackets(SPECK_IN_SHORT_RE.sub(" ", short.lstrip(LEAD_SPECKS)))   # "КОин.КО": a speck for the space
        short, full = _words_after_acronym(short, full)
        mended_full = mend_full_form(full, lexicon)      # "Республики Гатарстан": spelled once mended
        short = _cells_spelling(short, mended_full, spellings, used)
        # "МОиН-РС(Я)", "МОиНРТ": the cells write "МОиН РС(Я)", "МОиН РТ" more often than the form read
        ways = spellings.get(_letters(short))
        if ways:
            best, n = ways.most_common(1)[0]
            bare = re.sub(r"[\s-]", "", short)
            if (n > ways.get(short, 0) and list(ways.values()).count(n) == 1
                    and re.sub(r"[\s-]", "", best) == bare):      # only the space between its words differs
                short = best
        tokens = short.split()
        for i, tok in enumerate(tokens):
            low = tok.lower()
            if len(tok) < 3 or low in used or sum(ch.isupper() for ch in tok) < 2:
                continue
            near = [u for u in used if len(u) >= 3 and one_edit(u, low)]   # "ОО" of "МО ОО" is no abbreviation of its own
            if len(near) == 1:       # the cells never write the token read: their spelling, if the full form spells it
                fits = {form for form in _spellings(tok, near[0], used, spelled)
                        if spells(" ".join(tokens[:i] + [form] + tokens[i + 1:]), mended_full)}
                if len(fits) == 1:
                    tokens[i] = fits.pop()
        # a form put into the nominative only once its words are mended ("учреждениём")
        out.setdefault(" ".join(tokens), to_nominative(mended_full) if mended_full != full else full)
    out = {short: full for short, full in out.items() if _plausible(full)}
    for full in orphans:
        short, full = _written_head(full, spellings, set(out))
        mended_full = mend_full_form(full, lexicon)
        short = short or _short_form_for(mended_full, spellings, set(out))
        if short is not None:
            out.setdefault(short, to_nominative(mended_full))
    return out


MIN_KNOWN_SHARE = 0.5     # a full form read from a scan is kept when at least this share of its words read


def _plausible(full: str) -> bool:
    """Whether a full form read from a scan is words at all: half of them at least dictionary words
    or abbreviations ("п la. е Эбразовательные организации" is not: the glossary's reading is
    better than the document's own one lost under a signature)."""
    words = re.findall(r"[A-Za-zА-Яа-яЁё]+", full)
    known = sum((len(w) > 1 or w.lower() in ONE_LETTER_WORDS) and (is_known_word(w.lower()) or is_abbreviation(w))
                for w in words)
    return bool(words) and known >= MIN_KNOWN_SHARE * len(words)


def _written_head(line: str, spellings: dict[str, Counter], defined: set[str]) -> tuple[str | None, str]:
    """A list line whose dash a scan lost, split after the short form the party cells write (as
    they write it, no definition giving it yet) where a capitalised word follows: "Минобразования
    Чувашии Министерство образования Чувашской Республики" -> ("Минобразования Чувашии", "Министерство …")."""
    fits = [h for h in _undefined_spellings(spellings, defined) if line.startswith(h + " ") and line[len(h) + 1:][:1].isupper()]
    if len(fits) != 1:
        return None, line
    return fits[0], line[len(fits[0]) + 1:]
