"""Reading the YAML data files of normalizers/data (glossary, themes, organisation types, regions)
with libyaml's C loader when PyYAML was built with it (about five times faster than pure Python),
and ``cached_json``: what is computed from them once per machine (theme lemmas), kept in
``roadmaps_settings.cache_path()`` under a hash of its inputs."""

from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import yaml

import roadmaps_settings

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=16)
def _load(path: str, mtime: float) -> Any:
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER)


def load_yaml(path: Path) -> Any:
    """The parsed file, read once per process (again only when the file changed)."""
    p = Path(path)
    return _load(str(p), p.stat().st_mtime)


def cached_json(name: str, key: str, compute: Callable[[], Any]) -> Any:
    """``compute()``'s JSON-able value, kept as ``<cache>/<name>-<key>.json`` between runs.

    ``key`` must hash everything the value depends on. A cache that cannot be read or written
    (``ROADMAPS_CACHE_DIR=off``, a read-only home, a damaged file) only means computing again.
    """
    cache = roadmaps_settings.cache_path()
    path = cache / f"{name}-{key}.json" if cache is not None else None
    if path is not None:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    value = compute()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(value, fh, ensure_ascii=False)
            os.replace(tmp, path)   # atomic: a concurrent writer's copy is the same value
        except OSError:
            pass
    return value
