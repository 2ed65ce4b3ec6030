"""OCR slips around the full names a scan's party cells write: names a break parted, names misread.

``join_parted`` joins two mentions a speck's comma or a line break parted where a known name
(the document's definitions' full forms, the glossary's) runs across the cut, or where the second
is a genitive phrase only. ``mend_name_words`` mends a mention's words that are one known name
misread by a letter or two ("ГКУ Ценгр занятости ‚населения" -> "ГКУ Центр занятости населения"):
only where a word of it is no dictionary word (or a short adjective only) and exactly one known name
is that close.
"""
from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from normalizers.morph import parses
from normalizers.parties import PartyMention
from normalizers.text import is_known_word

def _name_key(text: str) -> str:
    return " ".join(re.findall(r"[а-яёa-z]+", text.lower().replace("ё", "е")))


MIN_NAME_WORDS = 2       # a known name that joins two mentions has at least this many words


def _runs_across(prev: PartyMention, m: PartyMention, keys: set[str]) -> bool:
    """Whether a known name (its key) starts in ``prev`` and ends in ``m``, the second mention
    opening in lower case (a new party opens with a capital or an acronym)."""
    if not m.name[:1].islower():
        return False
    a, b = _name_key(prev.name), _name_key(m.name)
    joined = f"{a} {b}"
    for k in keys:
        at = joined.find(k)
        if a and b and 0 <= at < len(a) < at + len(k):
            return True
    return False


def _genitive_only(text: str) -> bool:
    """Whether ``text`` opens (in lower case) with a noun phrase that can only be in the genitive:
    its adjectives and first noun agree in no case but the genitive ("профессионального
    образования", "образовательных организаций"; "занятости" may be a plural nominative)."""
    words = re.findall(r"[А-Яа-яЁё]+", text)[:4]
    if not words or not text.lstrip()[:1].islower():
        return False
    agree: set[tuple[str, str]] | None = None
    for w in words:
        found = parses(w.lower())
        kinds = {p.tag.POS for p in found}
        forms = {(p.tag.case, p.tag.number) for p in found if p.tag.POS in ("NOUN", "ADJF", "PRTF")}
        if not forms or not kinds <= {"NOUN", "ADJF", "PRTF"}:
            return False
        agree = forms if agree is None else agree & forms
        if "NOUN" in kinds:
            break
    return bool(agree) and {case for case, _ in agree} == {"gent"}


def join_parted(mentions: list[PartyMention], names: set[str]) -> list[PartyMention]:
    """Two mentions a speck's comma or a line break parted, as one: where a known name (of
    ``names``, two words or more) runs across the cut ("ГКУ Центр, занятости населения (по
    согласованию)": "центр занятости населения" is the glossary's), or where the second is a genitive
    phrase only ("Начальник отдела" / "профессионального образования": a party stands in the
    nominative). A mention "(по согласованию)" closes is never carried on."""
    keys = {_name_key(n) for n in names if len(n.split()) >= MIN_NAME_WORDS} - {""}
    out: list[PartyMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and not prev.by_agreement and (_runs_across(prev, m, keys) or _genitive_only(m.name)):
            out[-1] = PartyMention(name=f"{prev.name} {m.name}", by_agreement=m.by_agreement,
                                   defines=prev.defines or m.defines, raw=f"{prev.raw} {m.raw}")
            continue
        out.append(m)
    return out


NAME_CHARS_PER_EDIT = 12       # a known name mended at most one letter in this many
MIN_NAME_CHARS = 12            # ... and only a name this long


def _word_key(word: str) -> str:
    return re.sub(r"[^а-яёa-z-]", "", word.lower()).replace("ё", "е")


def _misread(word: str) -> bool:
    """A word a name cannot hold as read: no dictionary word, or a short adjective or participle only
    ("образовательны" for "образовательные": no organisation's name has a short form)."""
    if not is_known_word(word):
        return True
    found = parses(word)
    return bool(found) and all(p.tag.POS in ("ADJS", "PRTS") for p in found)


def mend_name_words(name: str, names: set[str]) -> str:
    """``name`` with the words that spell a known name of ``names`` (two words or more) but for a
    letter or two (one in ``NAME_CHARS_PER_EDIT``) and a speck's marks written as that name, where
    one of them is no dictionary word and exactly one known name fits one run of its words."""
    words = name.split(" ")
    keys = [_word_key(w) for w in words]
    found = set()
    for known in names:
        parts = known.split()
        if len(parts) < MIN_NAME_WORDS or len(known) < MIN_NAME_CHARS:
            continue
        want = " ".join(_word_key(p) for p in parts)
        limit = max(1, len(want) // NAME_CHARS_PER_EDIT)
        for i in range(len(words) - len(parts) + 1):
            window = keys[i:i + len(parts)]
            got = " ".join(window)
            if got == want or not all(window):
                continue
            if Levenshtein.distance(got, want, score_cutoff=limit) <= limit and \
                    any(_misread(k) for k in window if k.isalpha()):
                found.add((i, len(parts), known))
    if len(found) != 1:
        return name
    i, n, known = found.pop()
    first = words[i].lstrip("‚'’`„“\"")[:1]
    spelled = known[0].upper() + known[1:] if first.isupper() else known[0].lower() + known[1:]
    return " ".join(words[:i] + [spelled] + words[i + n:])
