"""Reading the YAML data files of normalizers/data (glossary, themes, organisation types, regions)
with libyaml's C loader when PyYAML was built with it (about five times faster than pure Python)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=16)
def _load(path: str, mtime: float) -> Any:
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER)


def load_yaml(path: Path) -> Any:
    """The parsed file, read once per process (again only when the file changed)."""
    p = Path(path)
    return _load(str(p), p.stat().st_mtime)
