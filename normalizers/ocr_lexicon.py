"""A scanned document's own lexicon, to mend the words a scan misread in a definition's full form.

The lexicon is the set of dictionary words (pymorphy3 knows them, not a guess by analogy) that
the document spells somewhere in its text, as written. A word of a full form that is no
dictionary word is the one word of the lexicon a single letter away (substitution, insertion or
deletion) with the same capitalisation ("Гомский" -> "Томский" where the document writes
"Томский" elsewhere); when the dictionary alone offers several words ("областнай": "областной",
"областная"), the one of them the document uses decides. An adjective so found must agree with
the adjective or noun after it ("областной государственное" is no phrase: the word stays). Two pieces of a word split by a space,
neither a dictionary word, are joined when the whole is a word of the lexicon ("консульта ционный").
Whenever no word or more than one fits, the word stays as read.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from rapidfuzz.distance import Levenshtein

from normalizers.morph import parses
from normalizers.ocr_words import RUSSIAN
from normalizers.text import is_known_word, one_edit

WORD_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё])[А-Яа-яЁё]+(?![A-Za-zА-Яа-яЁё])")
# two word pieces split by a space inside a line (the second in lower case)
SPLIT_PAIR_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё])([А-Яа-яЁё]{2,}) ([а-яё]{2,})(?![A-Za-zА-Яа-яЁё])")
NEXT_WORD_RE = re.compile(r"[^\S\n]*[.,]?[^\S\n]*([А-Яа-яЁё]+)")
MIN_MENDED = 5          # shorter words have too many neighbours one letter away


def _shape(word: str) -> str:
    """A word's capitalisation: "lower", "title" or "other" (capitals, mixed)."""
    if word.islower():
        return "lower"
    if word[:1].isupper() and word[1:].islower():
        return "title"
    return "other"


def document_lexicon(texts: Iterable[str]) -> frozenset[str]:
    """The dictionary words (at least ``MIN_MENDED`` letters, lower case or capitalised) that
    ``texts`` (a document's paragraphs and cells) spell, as written."""
    found: set[str] = set()
    for text in texts:
        for w in WORD_RE.findall(text or ""):
            if len(w) >= MIN_MENDED and _shape(w) != "other" and w not in found and is_known_word(w):
                found.add(w)
    return frozenset(found)


def lexicon_word(word: str, lexicon: frozenset[str]) -> str | None:
    """The word of ``lexicon`` a misread ``word`` stands for, else None: ``word`` is no dictionary
    word, and exactly one lexicon word with its capitalisation is one letter away."""
    if len(word) < MIN_MENDED or _shape(word) == "other" or is_known_word(word):
        return None
    shape = _shape(word)
    near = {w for w in lexicon if _shape(w) == shape and abs(len(w) - len(word)) <= 1 and one_edit(w, word)}
    return near.pop() if len(near) == 1 else None


def _join_pieces(m: re.Match, lexicon: frozenset[str]) -> str:
    left, right = m.group(1), m.group(2)
    joined = left + right
    if joined in lexicon and not is_known_word(left) and not is_known_word(right):
        return joined
    return m.group(0)


def agreement_forms(word: str, pos: set[str], animacy: bool = False) -> set[tuple]:
    """(case, number, gender) of the parses of ``word`` with a part of speech in ``pos`` (a plural
    has no gender); with ``animacy``, also the animacy of an accusative (None elsewhere)."""
    return {(p.tag.case, p.tag.number, p.tag.gender if p.tag.number == "sing" else None)
            + ((p.tag.animacy if p.tag.case == "accs" else None,) if animacy else ())
            for p in parses(word) if p.tag.POS in pos}


def agrees_with_next(word: str, following: str | None) -> bool:
    """False for an adjective that cannot agree with the adjective or noun after it
    ("областной государственное"): a mended word must fit the phrase it sits in."""
    if not following:
        return True
    mine = agreement_forms(word, {"ADJF", "PRTF"})
    if not mine or any(p.tag.POS not in ("ADJF", "PRTF") for p in parses(word)):
        return True
    theirs = agreement_forms(following, {"ADJF", "PRTF", "NOUN"})
    return not theirs or forms_agree(mine, theirs)


def forms_agree(mine: set[tuple], theirs: set[tuple]) -> bool:
    """Whether two sets of ``agreement_forms`` share one: case and number alike, and gender (and
    animacy) alike where both sides have one (a plural has no gender)."""
    return any(x[:2] == y[:2] and all(a is None or b is None or a == b for a, b in zip(x[2:], y[2:]))
               for x in mine for y in theirs)


def mend_with_lexicon(text: str, lexicon: frozenset[str]) -> str:
    """``text`` with each word split by a space rejoined and each misread word replaced where the
    document's ``lexicon`` settles it (see the module docstring) and the word found agrees with
    the word after it; anything uncertain stays."""
    if not text or not lexicon:
        return text
    text = SPLIT_PAIR_RE.sub(lambda m: _join_pieces(m, lexicon), text)

    def mend(m: re.Match) -> str:
        found = lexicon_word(m.group(0), lexicon)
        nxt = NEXT_WORD_RE.match(text, m.end())
        return found if found and agrees_with_next(found, nxt.group(1) if nxt else None) else m.group(0)

    return WORD_RE.sub(mend, text)


# ---------------------------------------------------------------- a full form's words, harder mends

# a word of a full form as a scan reads it: letters, a digit misread for a letter inside or at the
# end ("инстизу1"), each part of a hyphenated compound on its own
FORM_WORD_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё0-9])[А-Яа-яЁё]+(?:[0-9][А-Яа-яЁё]*)?(?![A-Za-zА-Яа-яЁё0-9])")
MIN_EDITED = 7          # a word mended by an inserted or dropped letter has at least this many letters
MIN_TWO_EDITS = 8       # a word two letters from a lexicon word has at least this many letters


def _one_edit_words(word: str) -> set[str]:
    """Dictionary words one substitution, insertion or deletion from a lower-case ``word``."""
    subs = {word[:i] + ch + word[i + 1:] for i in range(len(word)) for ch in RUSSIAN if ch != word[i]}
    dels = {word[:i] + word[i + 1:] for i in range(len(word))}
    ins = {word[:i] + ch + word[i:] for i in range(len(word) + 1) for ch in RUSSIAN}
    return {w for w in subs | dels | ins if len(w) >= MIN_MENDED and is_known_word(w)}


def form_word(word: str, lexicon: frozenset[str], following: str | None = None,
              compound_head: bool = False) -> str | None:
    """The word a misread ``word`` of a definition's full form stands for, else None: one letter
    from exactly one lexicon word; or, in lower case, "ё" for "е", then the one dictionary word a
    letter away (a substitution from ``MIN_MENDED`` letters, an inserted or dropped letter from
    ``MIN_EDITED``); or, from ``MIN_TWO_EDITS`` letters, two letters from exactly one lexicon word
    with its first letter and capitalisation ("оеластрой" -> "областной"), else, in lower case,
    two letters changed from exactly one dictionary word ("инстизу1" -> "институт"). Where the
    dictionary offers several, the context decides when it leaves one (``_in_context``): the head
    of a compound takes its linking vowel ("информационнр-" -> "информационно-"), a modifier
    agrees with the word after it ("профессионольнуе образовательные" -> "профессиональные")."""
    if len(word) < MIN_MENDED or (word.isalpha() and (_shape(word) == "other" or is_known_word(word))):
        return None
    shape = _shape(word.rstrip("0123456789")) if word[-1].isdigit() else _shape(word)
    if shape == "other":
        return None
    found = lexicon_word(word, lexicon) if word.isalpha() else None
    if found:
        return found
    if not word.isalpha():                  # "государс1венные": the digit is a misread letter
        digit = next(i for i, ch in enumerate(word) if ch.isdigit())
        near = _dictionary_spellings(word[:digit] + ch + word[digit + 1:] for ch in RUSSIAN)
        if len(near) == 1:
            return near.pop()
    if shape == "lower" and word.isalpha():
        if "ё" in word and is_known_word(word.replace("ё", "е")):
            return word.replace("ё", "е")
        near = {w for w in _one_edit_words(word)
                if len(w) == len(word) or len(word) >= MIN_EDITED}
        if near:
            return _in_context(near, following, compound_head)
    if len(word) < MIN_TWO_EDITS:
        return None
    near = {w for w in lexicon if w[0] == word[0] and _shape(w) == shape and abs(len(w) - len(word)) <= 2
            and Levenshtein.distance(w, word, score_cutoff=2) <= 2}
    if near:
        return near.pop() if len(near) == 1 else None
    return _in_context(set(_two_substitutions(word)), following, compound_head) if shape == "lower" else None


LINKING_ENDINGS = ("о", "е")
MAX_CANDIDATES = 6      # more dictionary words than this two letters away: the word is no slip of one


def _in_context(found: set[str], following: str | None, compound_head: bool) -> str | None:
    """The one of ``found`` the context leaves, else None: one alone; for the head of a compound,
    the one ending in a linking vowel; else the one that is a full adjective or participle agreeing
    with ``following`` (each in case, number and gender)."""
    if len(found) <= 1:
        return next(iter(found), None)
    if compound_head:
        left = {w for w in found if w.endswith(LINKING_ENDINGS)}
    elif following:
        left = {w for w in found if _strictly_agrees(w, following)}
    else:
        return None
    return left.pop() if len(left) == 1 else None


def _strictly_agrees(word: str, following: str) -> bool:
    return forms_agree(agreement_forms(word, {"ADJF", "PRTF"}), agreement_forms(following, {"ADJF", "PRTF", "NOUN"}))


def _dictionary_spellings(candidates: Iterable[str]) -> set[str]:
    """The dictionary's spellings of the candidates it knows, one per word ("казенные" and
    "казённые" are one word: the dictionary writes "казённые")."""
    out = {}
    for cand in candidates:
        if is_known_word(cand):
            found = parses(cand)
            spelled = found[0].word if found else cand
            out[spelled.replace("ё", "е")] = spelled
    return set(out.values())


@lru_cache(maxsize=4096)
def _two_substitutions(word: str) -> tuple[str, ...]:
    """The dictionary words two letters of ``word`` (a digit among them) changed give
    ("самдуправлёния" -> "самоуправления", "торгерли" -> "торговли"), none when more than
    ``MAX_CANDIDATES``. Only a word one letter cannot mend; no change of length (a scan misreads
    letters, seldom loses them)."""
    found: dict[str, str] = {}
    n = len(word)
    for i in range(n):
        for a in RUSSIAN:
            if a == word[i]:
                continue
            head = word[:i] + a
            for j in range(i + 1, n):
                for b in RUSSIAN:
                    if b == word[j]:
                        continue
                    cand = head + word[i + 1:j] + b + word[j + 1:]
                    if is_known_word(cand):
                        for spelled in _dictionary_spellings([cand]):
                            key = spelled.replace("ё", "е")
                            if key not in found or spelled.count("ё") > found[key].count("ё"):
                                found[key] = spelled
                        if len(found) > MAX_CANDIDATES:
                            return ()
    return tuple(sorted(found.values()))


MIN_GLUED_WORD = 12     # a word run into the next has at least this many letters
MIN_GLUED_PART = 4      # ... and each of the two at least this many


def glued_pair(word: str, lexicon: frozenset[str]) -> str | None:
    """Two words a scan ran together ("переподгетовкиработников"), lower case and no dictionary
    word: split where the tail is a dictionary word and the head one too or one letter from
    exactly one lexicon word; only when exactly one split does."""
    capital = word[:1].isupper() and word[1:].islower()
    if len(word) < MIN_GLUED_WORD or not (word.islower() or capital) or is_known_word(word.lower()):
        return None
    low = word.lower()
    found = set()
    for k in range(MIN_GLUED_PART, len(low) - MIN_GLUED_PART + 1):
        head, tail = low[:k], low[k:]
        if is_known_word(tail):
            head = head if is_known_word(head) else _head_word(head, lexicon)
            if head:
                found.add(f"{head}{_glue(head, tail)}{tail}")
    if len(found) != 1:
        return None
    pair = found.pop()
    return pair[:1].upper() + pair[1:] if capital else pair


def _head_word(head: str, lexicon: frozenset[str]) -> str | None:
    """The word a misread head of two glued words stands for: one letter from exactly one lexicon
    word, else from exactly one dictionary word ("министеротво" -> "министерство")."""
    found = lexicon_word(head, lexicon)
    if found:
        return found.lower()
    near = {w for w in _one_edit_words(head) if len(w) == len(head)} if len(head) >= MIN_EDITED else set()
    return near.pop() if len(near) == 1 else None


def _glue(head: str, tail: str) -> str:
    """The hyphen of a compound adjective whose head is an adverb-like first half ("информационно-
    консультационный"), else the space ("профессионального образования")."""
    head_parses, tail_parses = parses(head), parses(tail)
    first = head_parses[0].tag.POS if head_parses else None
    second = tail_parses[0].tag.POS if tail_parses else None
    return "-" if head[-1] in LINKING_ENDINGS and first in ("ADVB", "ADJS") and second == "ADJF" else " "


SPLIT_PAIR_SLIP_RE = re.compile(r"(?<![A-Za-zА-Яа-яЁё])([А-Яа-яЁё][а-яё]+) ([а-яё]{2,})(?![A-Za-zА-Яа-яЁё])")
MIN_SPLIT_SLIP = 8      # a word split in two with a letter lost has at least this many letters


def join_split_with_slip(text: str) -> str:
    """Two pieces, neither a dictionary word, of one word a scan split and lost (or misread) a
    letter of ("Минис ерство"): joined where exactly one dictionary word lies one letter from the
    whole."""
    def join(m: re.Match) -> str:
        left, right = m.group(1), m.group(2)
        whole = (left + right).lower()
        if len(whole) < MIN_SPLIT_SLIP or is_known_word(left.lower()) or is_known_word(right):
            return m.group(0)
        near = _one_edit_words(whole)
        if len(near) != 1:
            return m.group(0)
        word = near.pop()
        return word[:1].upper() + word[1:] if left[:1].isupper() else word

    return SPLIT_PAIR_SLIP_RE.sub(join, text)


def mend_form_words(text: str, lexicon: frozenset[str] = frozenset()) -> str:
    """Each word of a definition's full form that is no dictionary word, compound parts included,
    split in two where it is two run together (``glued_pair``), else replaced by ``form_word`` where it finds one and the word found agrees with the word after it;
    anything uncertain stays as read."""
    if not text:
        return text

    def mend(m: re.Match) -> str:
        pair = glued_pair(m.group(0), lexicon)
        if pair:
            return pair
        nxt = NEXT_WORD_RE.match(text, m.end())
        following = nxt.group(1) if nxt else None
        head = text[m.end():m.end() + 1] == "-"
        found = form_word(m.group(0), lexicon, following, head)
        return found if found and agrees_with_next(found, following) else m.group(0)

    return FORM_WORD_RE.sub(mend, text)
