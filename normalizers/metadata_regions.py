"""Region lookup for the metadata reader: the federal subjects of ``data/regions.yaml`` recognised
by lemma in any grammatical case (``find_region_mentions``, ``region_code_for``), and region names'
own capitals restored inside lower-cased text.

Part of the metadata reader (``normalizers.metadata``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from normalizers.data_files import load_yaml
from normalizers.metadata_words import REGIONS_FILE, WORD_TOKEN_RE
from normalizers.morph import parses


# ---------------------------------------------------------------- regions


@dataclass(frozen=True)
class Region:
    """One federal subject: ISO-style code, nominative name, whether ISO 3166-2 lists the code."""

    code: str
    name: str
    iso: bool = True


@dataclass(frozen=True)
class RegionMention:
    """A span of text naming a region; ``weak`` for a capital city ("г. Благовещенск")."""

    region: Region
    start: int
    end: int
    weak: bool = False


@dataclass(frozen=True)
class _Pattern:
    words: tuple[frozenset[str], ...]   # lemma sets, one per word
    region: Region
    weak: bool
    casing: tuple[str, ...]             # the pattern's own words, for restoring capitals


def _fold(s: str) -> str:
    return s.lower().replace("ё", "е")


@lru_cache(maxsize=100_000)
def _word_lemmas(word: str) -> frozenset[str]:
    """Every normal form pymorphy3 offers for a word, plus the word itself (ё folded)."""
    forms = {_fold(word)}
    forms.update(_fold(p.normal_form) for p in parses(word))
    return frozenset(forms)


def _pattern_words(text: str) -> list[str]:
    return WORD_TOKEN_RE.findall(text)


@lru_cache(maxsize=1)
def load_regions() -> tuple[tuple[Region, tuple[str, ...], str | None], ...]:
    """(region, aliases, capital) for every subject in regions.yaml."""
    data = load_yaml(REGIONS_FILE)
    out = []
    for row in data["regions"]:
        region = Region(row["code"], row["name"], bool(row.get("iso", True)))
        out.append((region, tuple(row.get("aliases") or ()), row.get("capital")))
    return tuple(out)


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, list[_Pattern]], frozenset[str]]:
    """Patterns indexed by every lemma of their first word, and the vocabulary of whole words."""
    index: dict[str, list[_Pattern]] = {}
    vocab: set[str] = set()

    def add(text: str, region: Region, weak: bool) -> None:
        words = _pattern_words(text)
        if not words:
            return
        pattern = _Pattern(tuple(_word_lemmas(w) for w in words), region, weak, tuple(words))
        for lemma in pattern.words[0]:
            index.setdefault(lemma, []).append(pattern)
        for lemmas in pattern.words:
            vocab.update(lemmas)

    for region, aliases, capital in load_regions():
        for name in (region.name, *aliases):
            add(name, region, False)
        if capital:
            add(f"г. {capital}", region, True)
            add(f"город {capital}", region, True)
    for patterns in index.values():
        patterns.sort(key=lambda p: -len(p.words))
    return index, frozenset(vocab)


def _text_tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens with offsets; hyphenated words are split unless the whole is a region word."""
    _, vocab = _patterns()
    tokens: list[tuple[str, int, int]] = []
    for m in WORD_TOKEN_RE.finditer(text):
        word = m.group()
        if "-" in word and not (_word_lemmas(word) & vocab):
            pos = m.start()
            for part in word.split("-"):
                tokens.append((part, pos, pos + len(part)))
                pos += len(part) + 1
        else:
            tokens.append((word, m.start(), m.end()))
    return tokens


def _match_at(tokens: list[tuple[str, int, int]], i: int, pattern: _Pattern) -> bool:
    if i + len(pattern.words) > len(tokens):
        return False
    return all(_word_lemmas(tokens[i + k][0]) & lemmas for k, lemmas in enumerate(pattern.words))


def find_region_mentions(text: str) -> list[RegionMention]:
    """Every region named in text, in order, longest match first at each position."""
    index, _ = _patterns()
    tokens = _text_tokens(text)
    mentions: list[RegionMention] = []
    i = 0
    while i < len(tokens):
        best: _Pattern | None = None
        for lemma in _word_lemmas(tokens[i][0]):
            for pattern in index.get(lemma, ()):
                if (best is None or len(pattern.words) > len(best.words)) and _match_at(tokens, i, pattern):
                    best = pattern
        if best is None:
            i += 1
            continue
        end = i + len(best.words) - 1
        mentions.append(RegionMention(best.region, tokens[i][1], tokens[end][2], best.weak))
        i = end + 1
    return mentions


def _most_named(mentions: Iterable[RegionMention]) -> Region | None:
    """The region named most often (ties: the one named first)."""
    mentions = list(mentions)
    if not mentions:
        return None
    counts = Counter(m.region for m in mentions)
    first_seen = {}
    for n, m in enumerate(mentions):
        first_seen.setdefault(m.region, n)
    return max(counts, key=lambda r: (counts[r], -first_seen[r]))


def region_code_for(text: str) -> tuple[str, str] | None:
    """(nominative region name, ISO code) for the region text names, in any case form.

    The region named most often wins; a capital city counts only when no region is named.
    Example: ``region_code_for("Кемеровской области – Кузбасса")`` → ``("Кемеровская область", "RU-KEM")``.
    """
    mentions = find_region_mentions(text or "")
    region = _most_named(m for m in mentions if not m.weak) or _most_named(mentions)
    return (region.name, region.code) if region else None


def _restore_region_capitals(text: str) -> str:
    """Re-capitalise region names inside lower-cased text from the pattern's own spelling."""
    index, _ = _patterns()
    chars = list(text)
    tokens = _text_tokens(text)
    for i, (word, start, _) in enumerate(tokens):
        for lemma in _word_lemmas(word):
            for pattern in index.get(lemma, ()):
                if not _match_at(tokens, i, pattern):
                    continue
                for k, own in enumerate(pattern.casing):
                    _copy_capitals(chars, text, tokens[i + k][1], own)
    return "".join(chars)


def _copy_capitals(chars: list[str], text: str, pos: int, own: str) -> None:
    """Capitalise the word at pos like the pattern's own spelling: its first letter and the first
    letter of each hyphenated part ("Ханты-Мансийского")."""
    parts = own.split("-")
    for part in parts:
        if part[:1].isupper() and pos < len(chars):
            chars[pos] = chars[pos].upper()
        nxt = text.find("-", pos)
        if nxt < 0:
            break
        pos = nxt + 1
