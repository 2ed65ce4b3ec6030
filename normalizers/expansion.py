"""Expansion of a party name into its full nominative name: the document's own definitions first
(a short form as defined, with a region's suffix or Cyrillic look-alikes), then the curated glossary
(data/glossary.yaml), token by token for compound names such as "ГАУ ДПО «АМИРО»" or "ПОО и ОВО".
``normalizers.abbreviations`` finds the definitions and re-exports ``expand``."""
from __future__ import annotations

import re

from normalizers.full_forms import fold, tokens
from normalizers.glossary import cached_glossary, glossary_entry, is_org_form
from normalizers.morph import is_abbreviation, to_genitive


LATIN_LOOKALIKES = str.maketrans("ABCEHKMOPTXY", "АВСЕНКМОРТХУ")

# ---------------------------------------------------------------- expansion

def _norm_key(s: str) -> str:
    s = re.sub(r"[«»“”„\"]", '"', s)
    return re.sub(r"\s+", " ", fold(s)).strip()


def _lookup(name: str, doc_defs: dict[str, str]) -> str | None:
    key = _norm_key(name)
    for k, v in doc_defs.items():
        if _norm_key(k) == key:
            return v
    prefixed = _prefix_key_match(name, doc_defs)
    if prefixed is not None:
        return prefixed
    glossary = cached_glossary()
    if name in glossary:
        return glossary[name]
    return None


def _prefix_key_match(token: str, doc_defs: dict[str, str]) -> str | None:
    """A document key that is this token plus a region suffix ("ДТиЗН" -> key "ДТиЗН КО")."""
    for k, v in doc_defs.items():
        parts = k.split()
        if len(parts) == 2 and parts[0] == token and is_abbreviation(parts[1]):
            return v
    return None


def _region_suffixes(doc_defs: dict[str, str]) -> dict[str, str]:
    """Region suffixes learned from the document ("КО" -> "Кемеровской области")."""
    out: dict[str, str] = {}
    for k, v in doc_defs.items():
        parts = k.split()
        m = re.search(r"([А-ЯЁ][а-яё]+(?:ой|ей|ого) (?:области|края|республики|округа))$", v)
        if len(parts) >= 2 and m and is_abbreviation(parts[-1]) and len(parts[-1]) <= 3:
            out.setdefault(parts[-1], m.group(1))
    return out


def _cyrillic_lookalike(token: str, doc_defs: dict[str, str]) -> str:
    """An OCR'd "OO"/"POO" in Latin capitals read as the Cyrillic abbreviation it resembles."""
    if not re.fullmatch(r"[A-ZА-ЯЁ]+", token) or not re.search(r"[A-Z]", token) \
            or token in doc_defs or token in cached_glossary():
        return token
    cyrillic = token.translate(LATIN_LOOKALIKES)
    return cyrillic if re.fullmatch(r"[А-ЯЁ]+", cyrillic) else token


def _expand_token(token: str, doc_defs: dict[str, str], qualifier: bool, regions: dict[str, str]) -> str | None:
    """Full form of one abbreviation token; genitive when it qualifies an organisation form."""
    token = _cyrillic_lookalike(token, doc_defs)
    if qualifier and token in regions:
        return regions[token]
    full = None
    for k, v in doc_defs.items():
        if k == token:
            full = v
            break
    if full is None:
        full = _prefix_key_match(token, doc_defs)
    entry = glossary_entry(token)
    if qualifier and entry and entry.get("gen"):
        return entry["gen"] if full is None else to_genitive(full)
    if full is None and entry:
        full = entry["full"]
    return full


def _expand_tokens(name: str, doc_defs: dict[str, str], depth: int) -> str | None:
    """Replace every abbreviation token of name by its expansion; None if none was expanded."""
    toks = tokens(name)
    regions = _region_suffixes(doc_defs)
    out: list[str] = []
    changed = False
    prev_abbr_form = False
    prev_end = 0
    for t in toks:
        piece = t.text
        gap = name[prev_end:t.start]
        if t.is_word and is_abbreviation(t.text):
            exp = _expand_token(t.text, doc_defs, qualifier=prev_abbr_form, regions=regions)
            if exp is not None:
                if depth > 0 and _has_abbreviation(exp):
                    exp = _expand_tokens(exp, doc_defs, depth - 1) or exp
                piece, changed = exp, True
            prev_abbr_form = is_org_form(t.text) or prev_abbr_form
        elif t.is_word:
            prev_abbr_form = False
        out.append(gap + piece)
        prev_end = t.end
    out.append(name[prev_end:])
    return "".join(out).strip() if changed else None


def _has_abbreviation(text: str) -> bool:
    return any(t.is_word and is_abbreviation(t.text) for t in tokens(text))


def region_initials(region: str) -> str:
    """The short form of a region's name by its words' initials ("Республика Саха (Якутия)" -> "РС(Я)",
    "Курская область" -> "КО", "Пермский край" -> "ПК")."""
    out = []
    for word in region.split():
        letters = word.strip("()")
        if not letters:
            continue
        out.append(f"({letters[0].upper()})" if word.startswith("(") else letters[0].upper())
    return "".join(out)


def expand(name: str, doc_defs: dict[str, str], region: str | None = None) -> str | None:
    """Full nominative name for a party written as (or with) an abbreviation; None if written in full.
    A name that ends with the short form of the document's own ``region`` ("МОиН РС(Я)" in a plan of
    the Republic of Sakha) has it written out in the genitive ("… Республики Саха (Якутия)") where
    neither the document nor the glossary defines the whole name, and the head's own full form
    does not name the region already; a head that is no abbreviation and has no full form leaves
    the whole unexpanded (the code is the region's, never a glossary term: "Минпромторг ПК")."""
    name = re.sub(r"\s+", " ", name or "").strip()
    if not name:
        return None
    direct = _lookup(name, doc_defs)
    if direct is not None:
        if _has_abbreviation(direct):
            return _expand_tokens(direct, doc_defs, 1) or direct
        return direct
    code = region_initials(region) if region else ""
    head = name[:-len(code)].strip() if len(code) >= 2 and name.endswith(" " + code) else ""
    if head and is_abbreviation(head.split()[-1]):
        full = expand(head, doc_defs)
        if full is not None:
            region_gen = to_genitive(region)
            if region_gen.lower() in full.lower():     # the head's full form names the region already
                return full
            return f"{full} {region_gen}"
    elif head:
        # "Минпромторг ПК" in a plan of Perm Krai, defined nowhere: "ПК" is the region, not the
        # glossary's "повышение квалификации" (nor "Минобрнауки" the federal ministry before "РБ")
        return None
    return _expand_tokens(name, doc_defs, 1)
