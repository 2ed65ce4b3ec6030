"""Theme of an activity from lemma rules kept as data (``data/themes.yaml``).

Pure functions on text: an activity title (and, as weaker context, its section headings) is
lemmatised word by word with pymorphy3 (``normalizers.morph.parses``: the lemmatizer spaCy's
``blank("ru")`` pipeline uses, without loading spaCy on every run), so inflected forms match the
rules. Each rule is a phrase lemmatised the same way and matched as a
contiguous run of lemmas; a word ending in ``*`` is a lemma prefix. Themes scoring at least
``min_score`` on the title are assigned; the best one is primary. When the title names no theme,
the section headings decide; when neither does, the activity gets the ``other`` theme.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence


from normalizers.data_files import cached_json, load_yaml

from normalizers.morph import parses

THEMES_PATH = Path(__file__).parent / "data" / "themes.yaml"
OTHER_THEME = "other"
OTHER_NAME = "прочее"
RULE_WEIGHTS = {"strong": 2.0, "rules": 1.0, "weak": 0.5}
WORD_RE = re.compile(r"\w", re.UNICODE)
# word tokens: a number with its dots/commas ("1.1", "09.08.2019") is one token; letters and digits
# split apart; hyphens, slashes, quotes and other punctuation separate words
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\w+", re.UNICODE)
CYRILLIC_RE = re.compile(r"^[а-яё]+$")
ADJECTIVE_POS = {"ADJF", "PRTF"}


@dataclass(frozen=True)
class Rule:
    """A lemma sequence; items ending in '*' are prefixes."""

    lemmas: tuple[str, ...]
    weight: float
    text: str

    def matches_at(self, lemmas: Sequence[str], start: int) -> bool:
        if start + len(self.lemmas) > len(lemmas):
            return False
        for want, got in zip(self.lemmas, lemmas[start:start + len(self.lemmas)]):
            if want.endswith("*"):
                if not got.startswith(want[:-1]):
                    return False
            elif want != got:
                return False
        return True

    def first_match(self, lemmas: Sequence[str]) -> Optional[int]:
        """Index of the first match in a lemma sequence, or None."""
        for i in range(len(lemmas)):
            if self.matches_at(lemmas, i):
                return i
        return None


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    description: str
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[Theme, ...]
    min_score: float
    section_weight: float
    secondary_min_score: float

    def by_id(self) -> dict[str, Theme]:
        return {t.id: t for t in self.themes}

    def rule_index(self) -> "RuleIndex":
        """Rules by their first lemma (built once per taxonomy)."""
        return _rule_index(self)


@dataclass(frozen=True)
class RuleIndex:
    """Each rule once, as (theme id, rule), found by its first lemma: exact lemmas in a dict,
    prefix lemmas ("профориент*") in a short list."""

    exact: dict[str, tuple[tuple[str, Rule], ...]]
    prefixed: tuple[tuple[str, str, Rule], ...]

    def candidates(self, lemma: str) -> Iterable[tuple[str, Rule]]:
        yield from self.exact.get(lemma, ())
        for prefix, theme_id, rule in self.prefixed:
            if lemma.startswith(prefix):
                yield theme_id, rule


@lru_cache(maxsize=8)
def _rule_index(taxonomy: Taxonomy) -> RuleIndex:
    exact: dict[str, list[tuple[str, Rule]]] = {}
    prefixed: list[tuple[str, str, Rule]] = []
    for theme in taxonomy.themes:
        for rule in theme.rules:
            first = rule.lemmas[0]
            if first.endswith("*"):
                prefixed.append((first[:-1], theme.id, rule))
            else:
                exact.setdefault(first, []).append((theme.id, rule))
    return RuleIndex({k: tuple(v) for k, v in exact.items()}, tuple(prefixed))


@dataclass(frozen=True)
class ThemeMatch:
    theme: str
    score: float
    is_primary: bool


def _normal(lemma_text: str) -> str:
    return lemma_text.lower().replace("ё", "е")


def token_lemma(surface: str, base_lemma: str) -> str:
    """One lemma per word, the same for every inflected form.

    Adjectives and participles become masculine singular nominative (participles are not turned
    into verbs, so "специализированных" and "специализированный" agree); other words take
    ``base_lemma`` (the best parse's normal form), or pymorphy3's normal form where it is the word
    itself.
    """
    low = surface.lower()
    if not CYRILLIC_RE.match(low):
        return _normal(base_lemma or surface)
    found = parses(low)
    if found and found[0].tag.POS in ADJECTIVE_POS:
        form = found[0].inflect({"masc", "sing", "nomn"})
        return _normal(form.word if form else found[0].normal_form)
    lemma = (base_lemma or low).lower()
    if lemma == low and found:
        lemma = found[0].normal_form
    return _normal(lemma)


@lru_cache(maxsize=20_000)
def lemmatize(text: str) -> tuple[str, ...]:
    """Lower-cased lemmas (ё → е) of the word tokens of text; punctuation and hyphens dropped."""
    if not text:
        return ()
    return tuple(_word_lemma(tok.lower()) for tok in TOKEN_RE.findall(text))


@lru_cache(maxsize=50_000)
def _word_lemma(low: str) -> str:
    """``token_lemma`` of one lower-cased word (a document repeats its words: each is parsed once)."""
    found = parses(low)
    return token_lemma(low, found[0].normal_form if found else low)


def _rule_lemmas(phrase: str) -> tuple[str, ...]:
    """Lemmas of a rule phrase; '*'-words kept as raw lower-case prefixes."""
    parts: list[str] = []
    for chunk in re.split(r"(\S+\*)", phrase):
        chunk = chunk.strip()
        if not chunk:
            continue
        if chunk.endswith("*"):
            parts.append(_normal(chunk))
        else:
            parts.extend(lemmatize(chunk))
    return tuple(parts)


def _parse_theme(raw: dict) -> Theme:
    rules: list[Rule] = []
    for kind, weight in RULE_WEIGHTS.items():
        for phrase in raw.get(kind) or ():
            lem = _rule_lemmas(str(phrase))
            if lem:
                rules.append(Rule(lem, weight, str(phrase)))
    return Theme(str(raw["id"]), str(raw["name"]), str(raw.get("description", "")), tuple(rules))


@lru_cache(maxsize=4)
def load_taxonomy(path: Path = THEMES_PATH) -> Taxonomy:
    """Themes and thresholds from YAML (cached). Raises ValueError on duplicate ids.

    The rules' lemmas are computed once per machine (``cached_json``, keyed by the file, this
    code and the morphology dictionary) instead of lemmatising every rule on every run.
    """
    data = Path(path).read_bytes()
    raw = cached_json("themes", _taxonomy_key(data), lambda: _taxonomy_data(Path(path)))
    themes = tuple(Theme(t["id"], t["name"], t["description"],
                         tuple(Rule(tuple(lem), weight, text) for lem, weight, text in t["rules"]))
                   for t in raw["themes"])
    ids = [t.id for t in themes]
    if len(set(ids)) != len(ids) or OTHER_THEME in ids:
        raise ValueError(f"theme ids must be unique and not {OTHER_THEME!r}: {ids}")
    return Taxonomy(themes, raw["min_score"], raw["section_weight"], raw["secondary_min_score"])


def _taxonomy_data(path: Path) -> dict:
    """The taxonomy with every rule lemmatised, as JSON-able data."""
    raw = load_yaml(path) or {}
    themes = [_parse_theme(t) for t in raw.get("themes") or ()]
    min_score = float(raw.get("min_score", 1.0))
    return {"themes": [{"id": t.id, "name": t.name, "description": t.description,
                        "rules": [[list(r.lemmas), r.weight, r.text] for r in t.rules]} for t in themes],
            "min_score": min_score, "section_weight": float(raw.get("section_weight", 0.5)),
            "secondary_min_score": float(raw.get("secondary_min_score", min_score))}


def _taxonomy_key(data: bytes) -> str:
    """Hash of the taxonomy file, the lemmatising code and the dictionary it uses."""
    import hashlib

    import pymorphy3
    import pymorphy3_dicts_ru

    h = hashlib.sha256(data)
    for code in (Path(__file__), Path(parses.__wrapped__.__code__.co_filename)):
        h.update(code.read_bytes())
    h.update(f"{pymorphy3.__version__}|{getattr(pymorphy3_dicts_ru, '__version__', '')}".encode())
    return h.hexdigest()[:24]


def theme_names(taxonomy: Optional[Taxonomy] = None) -> dict[str, str]:
    """Theme id → Russian name, including the fallback ``other``."""
    tax = taxonomy or load_taxonomy()
    names = {t.id: t.name for t in tax.themes}
    names[OTHER_THEME] = OTHER_NAME
    return names


def score_lemmas(lemmas: Sequence[str], taxonomy: Optional[Taxonomy] = None) -> dict[str, float]:
    """Theme id → summed weight of the distinct rules matching the lemma sequence.

    A rule whose match lies wholly inside a longer matched rule of another theme is still counted:
    overlapping vocabulary is how activities get secondary themes.
    """
    tax = taxonomy or load_taxonomy()
    index = tax.rule_index()
    matched: dict[int, tuple[str, Rule]] = {}
    for start, lemma in enumerate(lemmas):
        for theme_id, rule in index.candidates(lemma):
            if id(rule) not in matched and rule.matches_at(lemmas, start):
                matched[id(rule)] = (theme_id, rule)
    scores: dict[str, float] = {}
    for theme_id, rule in matched.values():
        scores[theme_id] = scores.get(theme_id, 0.0) + rule.weight
    return {t.id: scores[t.id] for t in tax.themes if scores.get(t.id)}


def _ranked(scores: dict[str, float], order: dict[str, int]) -> list[tuple[str, float]]:
    return sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0]]))


def classify(title: str, context: Iterable[str] = (), taxonomy: Optional[Taxonomy] = None) -> list[ThemeMatch]:
    """Themes of one activity, primary first.

    ``title`` is the activity's own text; ``context`` its section headings (outermost first),
    which only break ties between title themes or stand in when the title names none.
    """
    tax = taxonomy or load_taxonomy()
    order = {t.id: i for i, t in enumerate(tax.themes)}
    own = score_lemmas(lemmatize(title or ""), tax)
    ctx: dict[str, float] = {}
    for heading in context:
        for tid, s in score_lemmas(lemmatize(heading or ""), tax).items():
            ctx[tid] = max(ctx.get(tid, 0.0), s)
    chosen = {tid: s for tid, s in own.items() if s >= tax.min_score}
    if chosen:
        combined = {tid: s + tax.section_weight * ctx.get(tid, 0.0) for tid, s in chosen.items()}
    else:
        combined = {tid: tax.section_weight * s for tid, s in ctx.items() if s >= tax.min_score}
    if not combined:
        return [ThemeMatch(OTHER_THEME, 0.0, True)]
    (first, first_score), *others = _ranked(combined, order)
    matches = [ThemeMatch(first, round(first_score, 3), True)]
    matches += [ThemeMatch(tid, round(s, 3), False) for tid, s in others if s >= tax.secondary_min_score]
    return matches


def primary_theme(title: str, context: Iterable[str] = ()) -> str:
    """Id of the primary theme of an activity title."""
    return classify(title, context)[0].theme
