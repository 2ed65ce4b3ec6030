"""The curated glossary (data/glossary.yaml): abbreviation -> full nominative name, loaded once."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from normalizers.data_files import load_yaml

GLOSSARY_PATH = Path(__file__).parent / "data" / "glossary.yaml"



@lru_cache(maxsize=1)
def _glossary_entries() -> dict[str, dict]:
    raw = load_yaml(GLOSSARY_PATH) or {}
    entries: dict[str, dict] = {}
    for key, value in raw.items():
        entry = value if isinstance(value, dict) else {"full": value}
        entries[str(key)] = entry
    return entries


@lru_cache(maxsize=1)
def cached_glossary() -> dict[str, str]:
    """The glossary as one cached dict (read-only: callers must not change it)."""
    return {k: v["full"] for k, v in _glossary_entries().items()}


def load_glossary() -> dict[str, str]:
    """The curated glossary: abbreviation -> full nominative name (a fresh copy of a cached dict)."""
    return dict(cached_glossary())


def glossary_entry(abbr: str) -> dict | None:
    """Raw glossary entry (full, optional gen, type) for an abbreviation, or None."""
    return _glossary_entries().get(abbr)


@lru_cache(maxsize=1)
def org_forms() -> frozenset[str]:
    """The glossary's legal forms of institutions ("ГАПОУ", "ГБУ": entries marked ``org_form``), which
    take a qualifier or a quoted name after them."""
    return frozenset(k for k, entry in _glossary_entries().items() if entry.get("org_form"))


def is_org_form(abbr: str) -> bool:
    """Whether ``abbr`` is one of the glossary's legal forms (``org_forms``)."""
    return abbr in org_forms()
