"""The abbreviations a scan's text defines, mended with what the party cells write.

A definition read from a scan may misread its short form ("ДОинН КО" where every party cell
writes "ДОиН КО"), put a speck for the space between its words ("КОин.КО"), lose its short form
altogether ("- профессиональные образовательные организации …") or its dash ("Минпромторг нсох
министерство …"); its full form carries the scan's specks and slips. ``mend_definitions`` takes the
cells' spelling of each short form where exactly one fits and the full form spells it, mends the
full forms (``normalizers.ocr_full_form``) and drops a full form that is hardly words. Split off
``normalizers.ocr_parties`` (the mentions in the cells), whose helpers it shares.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Mapping


from normalizers.abbreviations import spells
from normalizers.parties import AGREEMENT_RE
from normalizers.full_forms import SYLLABIC_SLIPS, syllabic_start, tokens
from normalizers.morph import is_abbreviation, to_nominative
from normalizers.ocr_definition_text import cell_word, cell_words
from normalizers.ocr_full_form import mend_full_form
from normalizers.ocr_orphan_pairs import last_pair
from normalizers.ocr_glossary_words import glossary_head, with_glossary_words
from normalizers.ocr_parties import (CAPS_TOKEN_RE, LEAD_SPECKS, MAX_SHORT_SPELLING, abbreviation_tokens,
                                     lookalike_caps, close_brackets, lookalike_readings, mend_mention_specks)
from normalizers.ocr_short_forms import DEBRIS, MIN_TOKEN_MENDED, SPECK_IN_SHORT_RE, _letters
from normalizers.text import ONE_LETTER_WORDS, is_known_word, one_edit, one_substitution


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
MIN_NAME_FORM_WORDS = 3    # a "short form" that is a body's name in words ("агентство труда и занятости населения края") ...
MAX_NAME_SPELLING = 60     # ... a cell line this long at most
MIN_CELL_WRITINGS = 2      # a token the cells write once a letter from the one a list reads, and both spelled: the list's stays
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
    "МОиН РЕЯ" where they write "ЦЗН" and "МОиН РС(Я)", "агентство труда и зднятости населения края"
    where they write the name right. Exactly one spelling must lie that near; it
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
            and (sum(c.isupper() for c in spellings[k].most_common(1)[0][0]) >= 2       # an abbreviation, or
                 or len(spellings[k].most_common(1)[0][0].split()) >= MIN_NAME_FORM_WORDS)]    # a body's name in words
    if len(key) < MIN_SPELLING_MENDED - 1:
        return short
    if len(near) > 1 and not spells(short, full):       # "МО О": "ПОО" and "МО ОО" near, one spelled
        near = [k for k in near if spells(spellings[k].most_common(1)[0][0], full)]
    if len(near) != 1:
        return short
    best, n = spellings[near[0]].most_common(1)[0]
    if _stands_for(best, full) and not _stands_for(short, full):
        return best                    # "Минобрнауки 6Б" where the cells write "Минобрнауки РБ"
    if _stands_for(best, full, exact=True) and not _stands_for(short, full, exact=True):
        return best                    # "Минпромторк": "торг" opens "торговли", "торк" only a letter off
    if not spells(best, full) and not spells(short, full) and len(near[0]) == len(key) \
            and len(key) >= MIN_SPELLING_MENDED and (n >= 2 or _stem_in_full(best, short, full)):
        return best
    return short


def _stands_for(short: str, full: str, exact: bool = False) -> bool:
    """Whether ``full`` spells ``short``, by its initials or as a syllabic short form
    ("Минобрнауки РБ": Мин|истерство обр|азования (и) науки Р|еспублики Б|ашкортостан); ``exact``:
    each syllabic piece the head of its word letter for letter (no scan's slip allowed)."""
    return spells(short, full) or syllabic_start(short, tokens(full), 0 if exact else SYLLABIC_SLIPS) is not None


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


def _no_short_form(short: str, full: str, spellings: dict[str, Counter]) -> bool:
    """Whether a definition's short form read from a scan is no short form at all: fewer than two
    capitals (no acronym, no syllabic form with a code: "Меж" for "ИРО РТ") or a lower-case letter
    or two before the rest ("и РТ": "ИРО" under a signature), never written in the party cells, and
    not spelled by its full form; or a region's code alone ("РТ - … «Институт развития образования
    Республики Татарстан»": the head "ИРО" lost, the code the full form's end spells left)."""
    if short in _region_codes(spellings):
        return True
    fragment = re.match(r"[а-яё]{1,2}\s", short) is not None
    return (sum(ch.isupper() for ch in short) < 2 or fragment) and _letters(short) not in spellings \
        and not spells(short, full)


def _short_form_for(full: str, spellings: dict[str, Counter], defined: set[str]) -> str | None:
    """The one short form the party cells write, no definition gives and ``full`` spells: an entry
    of the list whose short form a scan lost ("- профессиональные образовательные организации
    Омской области" where the cells write "ПОО")."""
    codes = _region_codes(spellings)
    fits = {f for f in _undefined_spellings(spellings, defined) if is_abbreviation(f) and spells(f, full) and f not in codes}
    return fits.pop() if len(fits) == 1 else None


def _glossary_orphan(full: str, spellings: dict[str, Counter], defined: set[str],
                     glossary: Mapping[str, str]) -> tuple[str | None, str]:
    """A list entry whose short form a scan lost and whose first words are a scan's misreading of
    the glossary's full form of one short form the cells write and no definition gives ("-
    еокйональные образовафельные организации Томской области" where the cells write "ПОО"): that
    short form, the entry with the glossary's words ("профессиональные образовательные организации
    Томской области"). Only where the glossary's words open the mended entry, none added before it."""
    fits = []
    for form in _undefined_spellings(spellings, defined):
        if form not in glossary or not is_abbreviation(form):
            continue
        mended = with_glossary_words(full, glossary[form], form)
        if mended.lower().startswith(glossary[form].lower()) and spells(form, mended):
            fits.append((form, mended))
    return fits[0] if len(fits) == 1 else (None, full)


def _region_codes(spellings: dict[str, Counter]) -> set[str]:
    """The words that end two or more of the short forms the cells write ("НСО" of "Минобр НСО" and
    "Минтруд НСО"): a region's code, which a cell may hold alone on a wrapped line, no body's short form."""
    tails = Counter(form.split()[-1] for ways in spellings.values() for form in ways if len(form.split()) > 1)
    return {t for t, n in tails.items() if n >= 2}


# a short form and a region's code, parted by a space or a speck's mark ("ИРО РТ", "МОиН`РТ", "ИРО. РТ")
FORM_AND_CODE_RE = re.compile(r"(?<![А-Яа-яЁё])([А-ЯЁ][А-ЯЁа-яё]*[А-ЯЁ]|[А-ЯЁ][а-яё]{3,})(?:[^\S\n]*[.`'’‚][^\S\n]*|[^\S\n]+)([А-ЯЁ]{2,4})(?![А-Яа-яЁё])")


def _forms_run_together(cells: str, codes: set[str]) -> list[str]:
    """The short forms with a region's code (one of ``codes``) of each cell line that runs them
    together with another party (a scan lost the line break: "МОиН`РТ ИРО РТ", "Минпромторг. НСО
    предприятия-партнёры"), each written plainly ("МОиН РТ", "ИРО РТ", "Минпромторг НСО"): the
    cells' spellings a list's short form may be read against."""
    out = []
    for line in cells.split("\n"):
        found = [m for m in FORM_AND_CODE_RE.finditer(line) if m.group(2) in codes and m.group(1) not in codes]
        if found and (len(found) >= 2 or line.strip(DEBRIS) != found[0].group(0)):
            out += [f"{m.group(1)} {m.group(2)}" for m in found]
    return out


def _undefined_spellings(spellings: dict[str, Counter], defined: set[str]) -> set[str]:
    """The cells' most common spelling of each short form they write that no definition gives."""
    defined_keys = {_letters(d) for d in defined}
    return {ways.most_common(1)[0][0] for key, ways in spellings.items() if key not in defined_keys}


MIN_TAIL = 5         # a syllabic short form's word part this long or longer is checked against the full form


def _tail_from_full(tok: str, full: str) -> str:
    """A syllabic short form's word read with a slip the full form spells right: the token's
    lower-case tail one letter (a substitution) from exactly one word of the full form takes that
    word's spelling ("Минобразбвания" for "министерство образования …" -> "Минобразования")."""
    if len(tok) <= MIN_TAIL or is_known_word(tok.lower()):
        return tok
    fits = set()
    for w in set(re.findall(r"[а-яё]{%d,}" % MIN_TAIL, full)):
        tail = tok[len(tok) - len(w):]
        if len(tok) > len(w) and tail.islower() and one_substitution(tail, w):
            fits.add(tok[:len(tok) - len(w)] + w)
    return fits.pop() if len(fits) == 1 else tok


MAX_LOWER_CODE = 4    # a short form's later token this short in lower case may be a code read so ("нео" for "НСО")


def _word_from_full(tok: str, full: str) -> str:
    """A short form's lower-case word that is no dictionary word and one letter from exactly one word
    of its full form, spelled as that word ("агентсзтво труда … края" for "агентство труда …
    Красноярского края": the mentions, mended, write "агентство")."""
    if len(tok) <= MIN_TAIL or not tok.islower() or is_known_word(tok):
        return tok
    fits = {w for w in re.findall(r"[а-яё]{%d,}" % MIN_TAIL, full) if one_edit(tok, w)}
    return fits.pop() if len(fits) == 1 else tok


def mend_definitions(defs: dict[str, str], cells: str, known: set[str] = frozenset(),
                     lexicon: frozenset[str] = frozenset(), orphans: list[str] = (),
                     unread: list[str] = (), glossary: Mapping[str, str] = {}) -> dict[str, str]:
    """``defs`` with a speck between the words of a short form read as the space ("КОин.КО", and
    "МОиН-РС(Я)" where the cells write "МОиН РС(Я)" and never the hyphen), and
    each short form mended whose token the party ``cells`` never use (case aside) when exactly one
    abbreviation token of the cells lies one letter from it and the full form spells the mended
    short form ("МОнН РТ" where the cells write "МОиН РТ", though the full form spells both); the
    token takes the glossary's spelling where the glossary has it, else the cells' most common one, or the defined token with its extra letter dropped,
    whichever (exactly one) the full form spells. Each full form is mended (``mend_full_form``, with the
    document's ``lexicon``; a word in capitals one look-alike capital from a glossary form's word read as
    it: "КГАУ ДНО «…»") and put into the nominative again when a word changed. The full forms of
    list entries whose short form was lost (``orphans``) take the one short form the cells write,
    no definition gives and the full form spells (or whose glossary full form the entry opens with,
    read with slips: ``_glossary_orphan``). A full form that is hardly words (``_plausible``)
    goes: the glossary reads that short form better. A block's line no entry read (``unread``) is an
    entry when it opens with a short form the cells write (``_found_head``). A full form of a short
    form the ``glossary`` knows takes the glossary's words for the run of its own they are a scan's
    misreading of (``with_glossary_words``). A short form the cells never write and its full form does
    not spell gives way to the one the cells write, no definition gives and the full form spells
    (``_short_form_for``: "Меж - … «Институт развития образования …»" where the cells write "ИРО РТ").
    The one orphan left unpaired takes the one short form the cells write undefined when its name opens
    with that form's letter (``ocr_orphan_pairs.last_pair``); a cell line running a short form with the
    region's code into another party gives that form as a spelling (``_forms_run_together``)."""
    used: dict[str, Counter] = {}
    for t in CAPS_TOKEN_RE.findall(cells):
        used.setdefault(t.lower(), Counter())[t] += 1
    spelled = {tok.lower(): tok for name in known for tok in name.split()}
    # the cells' own spellings of each short form by its letters (spaces and marks aside)
    spellings: dict[str, Counter] = {}
    for piece in re.split(r"[\n,;]", cells):
        piece = AGREEMENT_RE.sub("", piece).strip(DEBRIS)       # "ЦЗН (по согласованию)": the form is "ЦЗН"
        if piece and (len(piece) <= MAX_SHORT_SPELLING
                      or len(piece) <= MAX_NAME_SPELLING and len(piece.split()) >= MIN_NAME_FORM_WORDS):
            spellings.setdefault(_letters(piece), Counter())[piece] += 1
    for form in _forms_run_together(cells, _region_codes(spellings)):     # "МОиН`РТ ИРО РТ"
        spellings.setdefault(_letters(form), Counter())[form] += 1
    in_cells = cell_words(cells)
    glossary_caps = {t for words in abbreviation_tokens(set(glossary)).values() for t in words}
    cell_forms = {form for ways in used.values() for form in ways}
    out: dict[str, str] = {}
    for short, full in defs.items():
        short = close_brackets(SPECK_IN_SHORT_RE.sub(" ", short.lstrip(LEAD_SPECKS)))   # "КОин.КО": a speck for the space
        if len(short.split()) > 2:      # "агентство труда и. занятости населения края": a mention's specks
            short = mend_mention_specks(short)
        short, full = _words_after_acronym(short, full)
        if short in glossary:           # the words as read: mending one alone may split it ("разова тельные"),
            # or make a dictionary word of a misread one ("разбвательные" -> "назывательные")
            full = glossary_head(short, with_glossary_words(full, glossary[short], short), glossary[short])
        mended_full = mend_full_form(full, lexicon)      # "Республики Гатарстан": spelled once mended
        mended_full = lookalike_caps(mended_full, glossary_caps)    # "КГАУ ДНО «…»": the glossary's "ДПО"
        if short in glossary:           # "профессиойа образовать дьные организации Томской области"
            mended_full = glossary_head(short, with_glossary_words(mended_full, glossary[short], short), glossary[short])
        short = _cells_spelling(short, mended_full, spellings, used)
        glued = short.replace(" ", "").lower()
        if " " in short and glued in used and not all(t.lower() in used for t in short.split()):
            short = used[glued].most_common(1)[0][0]     # "ТОИ КО" where the cells write "ТОИКО"
        # "МОиН-РС(Я)", "МОиНРТ": the cells write "МОиН РС(Я)", "МОиН РТ" more often than the form read
        ways = spellings.get(_letters(short))
        if ways:
            best, n = ways.most_common(1)[0]
            bare = re.sub(r"[\s-]", "", short)
            if (n > ways.get(short, 0) and list(ways.values()).count(n) == 1
                    and re.sub(r"[\s-]", "", best) == bare     # only the space between its words differs ...
                    and best.count(" ") >= short.count(" ")):   # ... and the cells do not lose it ("КОиНКО")
                short = best
        tokens = short.split()
        for i, tok in enumerate(tokens):
            low = tok.lower()
            if len(tok) < 3 or low in used or (sum(ch.isupper() for ch in tok) < 2
                                                and not (i and tok.islower() and len(tok) <= MAX_LOWER_CODE)):
                continue                # (a region's code read in lower case after the name: "Минпромторг нео")
            near = [u for u in used if len(u) >= 3 and one_edit(u, low)]   # "ОО" of "МО ОО" is no abbreviation of its own
            if len(near) == 1 and sum(used[near[0]].values()) < MIN_CELL_WRITINGS and spells(" ".join(tokens), mended_full):
                continue            # "ПОО" its full form spells, where one cell reads "ПоОО": one misreading against another
            code = tok.islower()        # a code in lower case ("нео") is no code: the cells' often-written one
            if len(near) == 1:       # the cells never write the token read: their spelling, if the full form spells it
                fits = {form for form in _spellings(tok, near[0], used, spelled)
                        if spells(" ".join(tokens[:i] + [form] + tokens[i + 1:]), mended_full)
                        or code and form.isupper() and sum(used[near[0]].values()) >= MIN_CELL_WRITINGS}
                if len(fits) == 1:
                    tokens[i] = fits.pop()
        tokens = [cell_word(tok, in_cells) for tok in tokens]
        tokens = [_word_from_full(_tail_from_full(tok, mended_full), mended_full) for tok in tokens]
        if len(tokens) == 1:
            tokens = [_initials_mended(tokens[0], mended_full, cell_forms)]
        if _no_short_form(" ".join(tokens), mended_full, spellings):
            # "Меж - … «Институт развития образования Республики Татарстан»": a word the cells never
            # write and its full form does not spell, where the cells write "ИРО РТ" it spells
            found = _short_form_for(mended_full, spellings, set(defs) | set(out))
            if found is None:           # "Ю - ексиональныф образовательные организации …": the glossary's
                found, mended_full = _glossary_orphan(mended_full, spellings, set(defs) | set(out), glossary)
            tokens = (found or " ".join(tokens)).split()
        # a form put into the nominative only once its words are mended ("учреждениём")
        out.setdefault(" ".join(tokens), to_nominative(mended_full) if mended_full != full else full)
    out = {short: full for short, full in out.items() if _plausible(full)}
    heads = _cell_heads(cells) if unread or orphans else set()
    unpaired = []
    for full in orphans:
        short, full = _written_head(full, spellings, set(out))
        if short is None:               # "Минобразования Чуваший Министерство …": a letter of it misread
            short, full = _found_head(full, spellings, set(out), heads)
        mended_full = mend_full_form(full, lexicon)
        short = short or _short_form_for(mended_full, spellings, set(out))
        if short is None:               # "- еокйональные образовафельные организации Томской области"
            short, mended_full = _glossary_orphan(mended_full, spellings, set(out), glossary)
        if short is not None:
            out.setdefault(short, to_nominative(mended_full))
        else:
            unpaired.append(mended_full)
    pair = last_pair(unpaired, _undefined_spellings(spellings, set(out)), _region_codes(spellings))
    if pair is not None and _plausible(pair[1]):      # "то ла ое … учреждение Томский … центр»": "ТОИКО"
        out.setdefault(pair[0], to_nominative(pair[1]))
    for line in unread:
        short, full = _found_head(line, spellings, set(out), heads)
        if short is not None and _plausible(full):
            out.setdefault(short, to_nominative(mend_full_form(full, lexicon)))
    return out


ACRONYM_RE = re.compile(r"[А-ЯЁ]{4,}")
INITIAL_RE = re.compile(r"[А-Яа-яЁё]+")
MIN_PASSED_WORD = 4      # a word of the full form an acronym's initials pass over counts from this length


def _initials_passed(letters: str, full: str) -> int | None:
    """How few words (of ``MIN_PASSED_WORD`` letters or more) an acronym's letters, as initials of
    the full form's words in order, pass over between their first and last word; None when they are
    no such initials. "ТОИПКРО" for "… учреждение «Томский областной институт повышения квалификации
    и переподготовки работников образования»" passes over one ("переподготовки"), "ГОИПКРО" four
    ("бюджетное учреждение Томский" too: "Г" is "государственное")."""
    words = [w.lower() for w in INITIAL_RE.findall(full)]
    want = letters.lower()
    if not want:
        return None
    costs = [0 if w[0] == want[0] else None for w in words]     # the best cost with letter j at word i
    for ch in want[1:]:
        step: list[int | None] = [None] * len(words)
        for k, w in enumerate(words):
            if w[0] != ch:
                continue
            passed = 0
            for i in range(k - 1, -1, -1):
                if costs[i] is not None and (step[k] is None or costs[i] + passed < step[k]):
                    step[k] = costs[i] + passed
                passed += len(words[i]) >= MIN_PASSED_WORD
        costs = step
    found = [c for c in costs if c is not None]
    return min(found) if found else None


MIN_PASSED_GAIN = 2     # a reading of an acronym replaces the read one passing over this many words fewer


def _initials_mended(short: str, full: str, cell_forms: set[str] = frozenset()) -> str:
    """An acronym of capitals read with one letter a scan misreads, put right: the one reading
    (a capital read as its look-alike, ``CAPS_LOOKALIKES``, or the cells' spelling a letter from it)
    whose letters are initials of its full form's words in order passing over the fewest words (by
    ``MIN_PASSED_GAIN`` fewer than any other reading), when the acronym as read is no such initials
    ("ТОИНКРО" -> "ТОИПКРО": no word after "институт" opens with "н") or passes over
    ``MIN_PASSED_GAIN`` words more ("ГОИПКРО" -> "ТОИПКРО", which the cells write)."""
    if not ACRONYM_RE.fullmatch(short):
        return short
    own = _initials_passed(short, full)
    readings = lookalike_readings(short) | {f for f in cell_forms if ACRONYM_RE.fullmatch(f) and one_edit(f, short)}
    fits = {f: c for f in readings if (c := _initials_passed(f, full)) is not None}
    if not fits:
        return short
    best = min(fits, key=fits.__getitem__)
    # every other reading (and the read one) passes over MIN_PASSED_GAIN words more: else no reading
    others = [c for f, c in fits.items() if f != best] + ([own] if own is not None else [])
    return best if all(c >= fits[best] + MIN_PASSED_GAIN for c in others) else short


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


MIN_HEAD_LETTERS = 6      # a short form found at a line's head by its letters has at least this many
HEAD_JUNK = 2             # ... with at most this many letters or marks glued after it (the dash read "х")


def _head_letters_match(read: list[str], form: list[str]) -> bool:
    """Whether the words ``read`` at a line's head are the words of ``form``: letters alike case
    aside, one word at most a letter off, the last one maybe with the dash's junk glued on."""
    if len(read) != len(form):
        return False
    slips = 0
    for i, (a, b) in enumerate(zip(read, form)):
        la, lb = _letters(a), _letters(b)
        if i == len(read) - 1 and la != lb and la.startswith(lb) and len(la) - len(lb) <= HEAD_JUNK:
            la = lb
        if la != lb:
            slips += 1
            if slips > 1 or min(len(la), len(lb)) < MIN_TOKEN_MENDED or not one_edit(la, lb):
                return False
    return True


MAX_HEAD_WORDS = 3        # a short form sought at the head of a party cell line has at most this many words


def _cell_heads(cells: str) -> set[str]:
    """The first one to ``MAX_HEAD_WORDS`` words of each party cell line or listed party that hold
    an abbreviation ("Минпромторг НСО" of "Минпромторг НСО предприятия-партнёры", where a scan
    lost the comma after it)."""
    heads = set()
    for piece in re.split(r"[\n,;]", cells):
        words = piece.strip(DEBRIS).split()
        for n in range(1, min(MAX_HEAD_WORDS, len(words)) + 1):
            if any(is_abbreviation(w) for w in words[:n]):
                heads.add(" ".join(words[:n]))
    return heads


def _found_head(line: str, spellings: dict[str, Counter], defined: set[str],
                heads: set[str] = frozenset()) -> tuple[str | None, str]:
    """A block's line no entry reads from, split after the short form the party cells write and no
    definition gives, found at its head by its letters ("Минпромторг нсох министерство …",
    "Минобразования края.- министерство …": the dash lost or read as a letter): the full form is
    the rest, from its first word of letters. The cells' ``heads`` count too (a short form the
    cells write only before another party); the longest form that fits wins. A head with one space
    fewer than the cells' form and its letters ("Минпромторг НСО" where the cells write "Минпром торг
    НСО": a scan's space inside a word) is the short form as the line writes it."""
    words = line.split()
    defined_keys = {_letters(d) for d in defined}
    forms = _undefined_spellings(spellings, defined) | {h for h in heads if _letters(h) not in defined_keys}
    fits = []
    for form in forms:
        n = len(form.split())
        if len(_letters(form)) < MIN_HEAD_LETTERS or len(words) <= n - 1:
            continue
        if len(words) > n and _head_letters_match(words[:n], form.split()):
            head = form
        elif n > 1 and _letters(" ".join(words[:n - 1])) == _letters(form):
            n, head = n - 1, " ".join(words[:n - 1])    # "Минпромторг НСО" where the cells write "Минпром торг НСО"
        else:
            continue
        rest = re.sub(r"^[^А-Яа-яЁё«]+", "", " ".join(words[n:]))
        if rest:
            fits.append((len(form.split()), head, rest))
    if not fits:
        return None, line
    longest = max(n for n, _, _ in fits)
    best = {(form, rest) for n, form, rest in fits if n == longest}
    return best.pop() if len(best) == 1 else (None, line)
