"""Organisations: canonical nominative name, organisation type and region of a responsible party.

The type comes from ordered keyword/lemma rules in data/org_types.yaml (first match wins); a party
that names a post ("Заместитель директора по УВР", "Классные руководители") is typed ``person_post``
before the rules. The region comes from a "… области / края / республики" group in the name, else
the document's region.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from normalizers.data_files import load_yaml

from normalizers.morph import WORD_RE, is_abbreviation, parses, to_nominative

ORG_TYPES_PATH = Path(__file__).parent / "data" / "org_types.yaml"
ORG_TYPES = ("regional_executive", "copp", "college", "school", "university", "employment_centre", "employer",
             "worldskills", "education_institute", "municipality", "federal", "person_post", "other")
PERSON_POST = "person_post"
REGION_RE = re.compile(
    r"(?P<adj>[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?(?:ой|ей|ого|ая|ий|ый|ое)) (?P<kind>област[иья]|кра[яй]|округ[ау]?)"
    r"|(?P<rep>[Рр]еспублик[аиуе]) (?P<rname>[А-ЯЁ][а-яё]+(?: [А-ЯЁ][а-яё]+)?)")
FEDERAL_REGIONLESS = {"federal"}
MINISTRY_SHORT_RE = re.compile(r"(?<![А-Яа-яЁё])Мин[а-яё]{3,}(?![А-Яа-яЁё])")   # Минобрнауки, Минтруд, Минобр ...
FEDERAL_QUALIFIERS = {"России", "РФ", "Российской", "Федерации"}
REGION_WORDS = {"край", "область", "республика", "округ"}


@dataclass
class Organisation:
    """A responsible party resolved to a canonical organisation."""

    canonical_name: str
    org_type: str
    region: str | None


@dataclass(frozen=True)
class TypeRule:
    """One ordered rule of data/org_types.yaml."""

    org_type: str
    abbreviations: frozenset[str]
    any_lemma: frozenset[str]
    lemma_sequences: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=1)
def load_type_rules() -> tuple[TypeRule, ...]:
    """The organisation type rules, in order (cached)."""
    raw = load_yaml(ORG_TYPES_PATH) or {}
    rules = []
    for item in raw.get("rules", []):
        if item["type"] not in ORG_TYPES:
            raise ValueError(f"unknown organisation type in {ORG_TYPES_PATH.name}: {item['type']}")
        rules.append(TypeRule(
            org_type=item["type"],
            abbreviations=frozenset(item.get("abbreviations") or ()),
            any_lemma=frozenset(_fold(x) for x in item.get("any_lemma") or ()),
            lemma_sequences=tuple(tuple(_fold(x) for x in seq) for seq in item.get("lemmas") or ()),
        ))
    return tuple(rules)


@dataclass(frozen=True)
class PostWords:
    """Lemmas of the nouns that name a post and of the adjectives that may come before them."""

    heads: frozenset[str]
    modifiers: frozenset[str]


@lru_cache(maxsize=1)
def load_post_words() -> PostWords:
    """The post vocabulary of data/org_types.yaml (cached)."""
    raw = (load_yaml(ORG_TYPES_PATH) or {}).get("posts") or {}
    return PostWords(heads=frozenset(_fold(x) for x in raw.get("heads") or ()),
                     modifiers=frozenset(_fold(x) for x in raw.get("modifiers") or ()))


def word_lemmas(word: str) -> set[str]:
    """Normal forms of a word (ё folded, a trailing dot dropped) and of a compound's first part."""
    word = word.rstrip(".")
    out = {_fold(p.normal_form) for p in parses(word)} | {_fold(word)}
    if "-" in word:
        out |= {_fold(p.normal_form) for p in parses(word.split("-")[0])}
    return out


def opens_post(words: list[str], k: int = 0) -> bool:
    """Whether words[k] opens a post: a post noun in the nominative, or a post adjective ("Ст.",
    "старший", "Классные") followed by a post noun."""
    if k >= len(words) or is_abbreviation(words[k].rstrip(".")):
        return False
    posts = load_post_words()
    lemmas = word_lemmas(words[k])
    if (lemmas & posts.modifiers or _is_nominative_adjective(words[k])) and k + 1 < len(words):
        return bool(word_lemmas(words[k + 1]) & posts.heads)
    head = words[k].rstrip(".").split("-")[0]
    nominative = any(p.tag.case == "nomn" for p in parses(head) if _fold(p.normal_form) in lemmas)
    return bool(lemmas & posts.heads) and nominative


def _is_nominative_adjective(word: str) -> bool:
    found = parses(word.rstrip("."))
    return bool(found) and found[0].tag.POS == "ADJF" and found[0].tag.case == "nomn"


def is_person_post(name: str) -> bool:
    """ "Заместитель директора по УВР", "Ст. воспитатель", "Педагог-психолог": a post, not a body."""
    words = re.findall(r"[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*\.?", name or "")
    return opens_post(words, 0)


def _fold(s: str) -> str:
    return s.lower().replace("ё", "е")


def _contains_sequence(words: list[set[str]], seq: tuple[str, ...]) -> bool:
    """Whether adjacent words carry the lemmas of seq (any parse of each word counts)."""
    n = len(seq)
    return any(all(seq[k] in words[i + k] for k in range(n)) for i in range(len(words) - n + 1))


def _word_lemma_options(text: str) -> list[set[str]]:
    """For each word of text, the normal forms of all its parses."""
    return [{_fold(p.normal_form) for p in parses(w)} | {_fold(w)}
            for w in WORD_RE.findall(text) if not is_abbreviation(w)]


def _all_lemma_options(text: str) -> set[str]:
    return {_fold(p.normal_form) for w in WORD_RE.findall(text) if not is_abbreviation(w) for p in parses(w)}


def _abbreviation_tokens(*texts: str) -> set[str]:
    return {w for t in texts for w in re.findall(r"[A-Za-zА-Яа-яЁё]+", t or "")
            if is_abbreviation(w) or w in {"вуз", "Минпросвещения", "Минобрнауки", "Минтруд", "Рособрнадзор"}}


def classify(name: str, expanded: str | None = None) -> str:
    """Organisation type of a party from its written name and its expansion."""
    if is_person_post(name):
        return PERSON_POST
    full = expanded or name
    if _regional_ministry(name, full):
        return "regional_executive"
    abbrs = _abbreviation_tokens(name, full)
    lemmas_seq = _word_lemma_options(full)
    options = _all_lemma_options(full)
    for rule in load_type_rules():
        if abbrs & rule.abbreviations or options & rule.any_lemma:
            return rule.org_type
        if any(_contains_sequence(lemmas_seq, seq) for seq in rule.lemma_sequences):
            return rule.org_type
    return "other"


def _regional_ministry(name: str, full: str) -> bool:
    """A ministry written in its short form ("Минобрнауки", "Минтруд", "Минобр") that a qualifier
    places in a region: "Минобрнауки РБ", "Минтруд НСО", "Минздрав Кузбасса", "Минобразования края",
    or an expansion naming the region. Unqualified, or "… России" / "… РФ", it stays federal."""
    for m in MINISTRY_SHORT_RE.finditer(name or ""):
        following = re.findall(r"[A-Za-zА-Яа-яЁё]+", name[m.end():])
        if not following:
            continue
        nxt = following[0]
        if nxt in FEDERAL_QUALIFIERS:
            continue
        if nxt[:1].isupper() or word_lemmas(nxt) & REGION_WORDS:
            return True
    return bool(MINISTRY_SHORT_RE.search(name or "")) and full != name and find_region(full) is not None


def find_region(text: str) -> str | None:
    """Nominative region named in text ("… Кемеровской области" -> "Кемеровская область")."""
    m = REGION_RE.search(text or "")
    if not m:
        return None
    phrase = m.group(0)
    nominative = to_nominative(phrase)
    if m.group("rep"):
        return "Республика " + m.group("rname")
    return nominative[:1].upper() + nominative[1:]


def canonical_text(name: str) -> str:
    """Nominative wording with single spaces, a common-noun first letter lower-cased."""
    text = re.sub(r"\s+", " ", name or "").strip(" ,;.")
    text = to_nominative(text)
    first = WORD_RE.match(text)
    if first and _is_common_capitalised(first.group()):
        text = text[0].lower() + text[1:]
    return text


def _is_common_capitalised(word: str) -> bool:
    if not word[:1].isupper() or is_abbreviation(word) or not word[1:].islower():
        return False
    best = parses(word)
    return bool(best) and not any(g in best[0].tag for g in ("Geox", "Name", "Surn", "Orgn", "Trad"))


def canonical_organisation(name: str, expanded: str | None, doc_region: str | None) -> Organisation:
    """Canonical organisation for a party: nominative name, type and region (federal bodies: None)."""
    full = expanded or name
    org_type = classify(name, expanded)
    region = None if org_type in FEDERAL_REGIONLESS else (find_region(full) or doc_region)
    return Organisation(canonical_name=canonical_text(full), org_type=org_type, region=region)
