"""Reading the YAML data files of normalizers/data (glossary, themes, organisation types, regions)
with libyaml's C loader when PyYAML was built with it (about five times faster than pure Python),
and ``cached_json``: what is computed from them once per machine (theme lemmas, the parsed files),
kept in ``roadmaps_settings.cache_path()`` under a hash of its inputs."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import roadmaps_settings

YAML_CACHE_FORMAT = "1"      # bump when what is kept for a YAML file changes


def _parse_yaml(text: bytes) -> Any:
    import yaml   # here: with the parsed files kept as JSON, most runs never import PyYAML

    return yaml.load(text.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _as_kept(data: Any) -> dict:
    """What is kept for a parsed file: the data when JSON gives back exactly it, else a note to
    parse the YAML each time (dates, non-text keys…)."""
    try:
        same = json.loads(json.dumps(data, ensure_ascii=False)) == data
    except (TypeError, ValueError):
        same = False
    return {"json": True, "data": data} if same else {"json": False}


@lru_cache(maxsize=16)
def _load(path: str, mtime: float) -> Any:
    text = Path(path).read_bytes()
    key = f"{hashlib.sha256(text).hexdigest()[:24]}-{YAML_CACHE_FORMAT}"
    kept = cached_json(f"yaml-{Path(path).stem}", key, lambda: _as_kept(_parse_yaml(text)))
    return kept["data"] if kept.get("json") else _parse_yaml(text)


def load_yaml(path: Path) -> Any:
    """The parsed file, read once per process (again only when the file changed); the parse is
    kept as JSON between runs under the hash of the file's bytes (ten times faster to read)."""
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
