"""Shared Russian morphology: cached pymorphy3 analyser, optional spaCy pipeline, phrase inflection.

Everything heavy is loaded lazily on first use and cached, so importing this module is cheap.
The phrase helpers work on the usual shape of Russian organisation names: adjectives/participles,
then the head noun, then a tail of dependents (genitive nouns, quoted names, prepositional groups)
that is left untouched when the phrase is inflected.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

WORD_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*")
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
HEAD_POS = {"NOUN"}
MODIFIER_POS = {"ADJF", "PRTF", "NUMR"}


@lru_cache(maxsize=1)
def get_morph() -> Any:
    """The pymorphy3 analyser (about 0.1 s to load, cached).

    The Russian dictionary is named by its path (``pymorphy3_dicts_ru``): left to find it,
    pymorphy3 reads the entry points of every installed distribution (up to ~40% of the load).
    ``PYMORPHY2_DICT_PATH``, when set, still decides, as in pymorphy3 itself.
    """
    import pymorphy3

    if pymorphy3.MorphAnalyzer.DICT_PATH_ENV_VARIABLE not in os.environ:
        try:
            import pymorphy3_dicts_ru
        except ImportError:  # pragma: no cover - a dependency (pyproject.toml); else pymorphy3 looks
            pass
        else:
            return pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_ru.get_path(), lang="ru")
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=1)
def get_nlp() -> Any:
    """A blank Russian spaCy pipeline with the pymorphy3 lemmatizer (offline, cached)."""
    import spacy

    nlp = spacy.blank("ru")
    nlp.add_pipe("lemmatizer", config={"mode": "pymorphy3"})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=50_000)
def parses(word: str) -> tuple[Any, ...]:
    """All pymorphy3 parses of a word (lower-cased), best first."""
    return tuple(get_morph().parse(word.lower()))


def is_place_name(word: str) -> bool:
    """Whether every reading of ``word`` is a place's name ("Якутия", "Кузбасс")."""
    found = parses(word)
    return bool(found) and all("Geox" in p.tag for p in found)


def lemma(word: str) -> str:
    """Normal form of a word's most likely parse (ё kept as pymorphy gives it)."""
    found = parses(word)
    return found[0].normal_form if found else word.lower()


def lemmas(text: str) -> list[str]:
    """Lemmas of every word in text, in order."""
    return [lemma(w) for w in WORD_RE.findall(text)]


def is_abbreviation(token: str) -> bool:
    """True for tokens such as ПОО, ДОиН, ГБУ, WSR, КО: two or more letters, mostly capitals."""
    letters = [c for c in token if c.isalpha()]
    if len(letters) < 2:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper >= 2 and upper >= len(letters) - 2 and letters[0].isupper() and letters[-1].isupper()


def _can_be(word: str, pos: set[str], case: str | None = None) -> bool:
    for p in parses(word):
        if p.tag.POS in pos and (case is None or p.tag.case == case):
            return True
    return False


def is_noun(word: str) -> bool:
    """Whether some parse of word is a noun (abbreviations are not)."""
    return not is_abbreviation(word) and _can_be(word, HEAD_POS)


def is_modifier(word: str) -> bool:
    """Whether some parse of word is an adjective, participle or numeral that can agree with a noun."""
    return not is_abbreviation(word) and _can_be(word, MODIFIER_POS)


def is_participle(word: str) -> bool:
    """Whether the best parse of word is a full participle (реализующие, находящиеся)."""
    found = parses(word)
    return bool(found) and found[0].tag.POS == "PRTF"


def _split_tokens(phrase: str) -> list[str]:
    """Phrase as alternating word / non-word tokens, so it can be rebuilt exactly."""
    return [t for t in re.split(r"([A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*)", phrase) if t != ""]


def _head_group(tokens: list[str]) -> tuple[list[int], int | None]:
    """Indexes of leading modifiers and of the head noun (before any quote or parenthesis)."""
    modifiers: list[int] = []
    for i, tok in enumerate(tokens):
        if not WORD_RE.fullmatch(tok):
            if re.search(r"[«\"(„“]", tok) or tok.strip(" -") not in ("",):
                return modifiers, None
            continue
        if is_abbreviation(tok):
            return modifiers, None
        if is_noun(tok) and not (is_modifier(tok) and _next_word_is_noun(tokens, i)):
            return modifiers, i
        if is_modifier(tok):
            modifiers.append(i)
            continue
        return modifiers, None
    return modifiers, None


def _next_word_is_noun(tokens: list[str], i: int) -> bool:
    for tok in tokens[i + 1:]:
        if WORD_RE.fullmatch(tok):
            return is_noun(tok)
        if tok.strip():
            return False
    return False


def _agreeing_state(words: list[str]) -> tuple[str, str] | None:
    """(case, number) shared by all words of a modifier+noun group, best-scoring first."""
    best: dict[tuple[str, str], float] = {}
    for idx, w in enumerate(words):
        options: dict[tuple[str, str], float] = {}
        for p in parses(w):
            if p.tag.case and p.tag.number:
                key = (p.tag.case, p.tag.number)
                options[key] = max(options.get(key, 0.0), p.score)
            elif p.tag.case and p.tag.POS in MODIFIER_POS | HEAD_POS:
                for num in ("sing", "plur"):
                    key = (p.tag.case, num)
                    options[key] = max(options.get(key, 0.0), p.score)
        if idx == 0:
            best = options
        else:
            best = {k: best[k] + v for k, v in options.items() if k in best}
    if not best:
        return None
    return max(best.items(), key=lambda kv: kv[1])[0]


def _inflect_word(word: str, case: str, number: str, gender: str | None, state: tuple[str, str],
                  pos: set[str]) -> str:
    """Inflect one word from its (case, number) state into case, keeping number and gender."""
    if "-" in word and pos == MODIFIER_POS:
        head, _, last = word.rpartition("-")
        return head + "-" + _inflect_word(last, case, number, gender, state, pos)
    for p in parses(word):
        if p.tag.POS not in pos or p.tag.case != state[0]:
            continue
        if p.tag.number and p.tag.number != state[1]:
            continue
        grams = {case, number}
        if number == "sing" and gender and p.tag.POS in MODIFIER_POS:
            grams.add(gender)
        form = p.inflect(grams) or p.inflect({case, number})
        if form is not None:
            return _match_case_style(word, form.word)
    return word


def _match_case_style(original: str, new: str) -> str:
    if original.isupper() and len(original) > 1:
        return new.upper()
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def inflect_phrase(phrase: str, case: str = "nomn") -> str:
    """Put a noun phrase's leading modifiers and head noun into case, number kept.

    "регионального стандарта кадрового обеспечения" -> "региональный стандарт кадрового обеспечения";
    phrases that start with an abbreviation or a quote are returned unchanged.
    """
    tokens = _split_tokens(phrase)
    modifiers, head = _head_group(tokens)
    if head is None:
        return phrase
    group = [tokens[i] for i in modifiers] + [tokens[head]]
    state = _agreeing_state(group)
    if state is None or state[0] == case:
        return phrase
    if case == "nomn" and _agreeing_state_allows(group, "nomn"):
        return phrase
    gender = _head_gender(tokens[head], state)
    for i in modifiers:
        tokens[i] = _inflect_word(tokens[i], case, state[1], gender, state, MODIFIER_POS)
    tokens[head] = _inflect_word(tokens[head], case, state[1], gender, state, HEAD_POS)
    return "".join(tokens)


def _agreeing_state_allows(words: list[str], case: str) -> bool:
    """Whether the whole group can already be read in the given case (then it is left alone); a
    word the dictionary does not know (a scan's "областнае") does not count against it: its
    parses are guesses, and inflecting a guess makes a second slip ("областнай")."""
    for w in words:
        if not any(p.tag.case == case for p in parses(w)) and get_morph().word_is_known(w.lower()):
            return False
    return True


def _head_gender(word: str, state: tuple[str, str]) -> str | None:
    for p in parses(word):
        if p.tag.POS == "NOUN" and p.tag.case == state[0]:
            return p.tag.gender
    return None


def to_nominative(phrase: str) -> str:
    """Nominative of a noun phrase ("министерству образования" -> "министерство образования")."""
    return inflect_phrase(phrase, "nomn")


def to_genitive(phrase: str) -> str:
    """Genitive of a noun phrase ("дополнительное профессиональное образование" -> "…ого …ого образования")."""
    return inflect_phrase(phrase, "gent")
