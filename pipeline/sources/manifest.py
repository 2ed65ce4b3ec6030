"""The YAML manifest of documents to ingest: ``sources:`` entries with a ``url`` or a ``path``.

Example::

    sources:
      - url: https://minobr.example.ru/docs/roadmap-2021.pdf
        region_code: RU-KLU
        doc_kind: roadmap
        tags: [school, 2021]
      - path: kaluga_2021.docx        # relative to the manifest's folder

``load_manifest`` rejects a bad manifest with a message naming the entry (its
index and its url/path) and the field at fault.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pipeline.errors import UsageError
from pipeline.sources.urls import ALLOWED_SCHEMES, URL_PATTERN, looks_like_url  # noqa: F401 (re-exported)

REGION_CODE_PATTERN = re.compile(r"^RU-[A-Z]{2,3}$")


class ManifestError(UsageError, ValueError):
    """A manifest that cannot be used; the one-line message names the file and the entry."""

    stage = "manifest"


class SourceEntry(BaseModel):
    """One document to ingest: exactly one of ``url`` or ``path`` plus optional hints."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: Optional[str] = None
    path: Optional[str] = None
    region_code: Optional[str] = None
    doc_kind: Optional[str] = None
    tags: list[str] = Field(default_factory=list)

    @field_validator("tags", mode="before")
    @classmethod
    def _tags_as_text(cls, tags: Any) -> Any:
        """YAML reads ``[school, 2021]`` as a str and an int: keep both as text."""
        if isinstance(tags, list):
            return [str(t) if isinstance(t, (int, float)) else t for t in tags]
        return tags

    @field_validator("url")
    @classmethod
    def _url_has_allowed_scheme(cls, url: Optional[str]) -> Optional[str]:
        if url is None:
            return url
        scheme = urlparse(url).scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            raise ValueError(f"URL scheme {scheme or '(none)'!r} is not allowed "
                             f"(use one of {', '.join(ALLOWED_SCHEMES)}, or 'path:' for a local file)")
        return url

    @field_validator("region_code")
    @classmethod
    def _region_code_is_iso(cls, code: Optional[str]) -> Optional[str]:
        if code is not None and not REGION_CODE_PATTERN.match(code):
            raise ValueError(f"region_code {code!r} is not an ISO 3166-2:RU code like 'RU-KLU'")
        return code

    @model_validator(mode="after")
    def _exactly_one_location(self) -> "SourceEntry":
        if bool(self.url) == bool(self.path):
            raise ValueError("give exactly one of 'url' or 'path'")
        return self

    @property
    def location(self) -> str:
        """The url or path as written; also the document's ``source`` in the database."""
        return self.url or self.path or ""

    def hints(self) -> dict[str, Any]:
        """Hints passed to normalisation (only those given)."""
        given = {"region_code": self.region_code, "doc_kind": self.doc_kind,
                 "tags": list(self.tags) or None}
        return {k: v for k, v in given.items() if v}


class Manifest(BaseModel):
    """A validated manifest; relative ``path`` entries are already joined to its folder."""

    model_config = ConfigDict(extra="forbid")

    sources: list[SourceEntry] = Field(min_length=1)


def describe_entry(index: int, raw: Any) -> str:
    """'entry #2 (https://…)' for error messages (1-based, as people count)."""
    where = ""
    if isinstance(raw, dict):
        where = raw.get("url") or raw.get("path") or ""
    return f"entry #{index + 1}" + (f" ({where})" if where else "")


def _field_message(err: dict) -> str:
    field = ".".join(str(p) for p in err.get("loc", ()) if p not in ("sources",) and not isinstance(p, int))
    msg = err.get("msg", "invalid").removeprefix("Value error, ")
    return f"{field}: {msg}" if field else msg


def _validate_entries(raw_sources: list, manifest_path: str) -> list[SourceEntry]:
    entries, problems = [], []
    for i, raw in enumerate(raw_sources):
        if not isinstance(raw, dict):
            problems.append(f"{describe_entry(i, raw)}: expected a mapping with 'url' or 'path', got {raw!r}")
            continue
        try:
            entries.append(SourceEntry.model_validate(raw))
        except ValidationError as e:
            details = "; ".join(_field_message(err) for err in e.errors())
            problems.append(f"{describe_entry(i, raw)}: {details}")
    if problems:
        raise ManifestError(f"{manifest_path}: invalid manifest: " + "; ".join(problems))
    return entries


def _anchor_path(entry: SourceEntry, base_dir: str) -> SourceEntry:
    """Join a relative ``path`` to the manifest's folder (kept relative when the folder is)."""
    if not entry.path or os.path.isabs(entry.path):
        return entry
    return entry.model_copy(update={"path": os.path.normpath(os.path.join(base_dir, entry.path))})


def parse_manifest(text: str, manifest_path: str = "<manifest>") -> Manifest:
    """Validate manifest YAML text; relative paths are anchored at ``manifest_path``'s folder."""
    import yaml

    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as e:
        raise ManifestError(f"{manifest_path}: not valid YAML: {' '.join(str(e).split())}") from e
    if not isinstance(doc, dict) or not isinstance(doc.get("sources"), list):
        raise ManifestError(f"{manifest_path}: expected a mapping with a 'sources:' list")
    unknown = sorted(set(doc) - {"sources"})
    if unknown:
        raise ManifestError(f"{manifest_path}: unknown top-level keys: {', '.join(unknown)}")
    if not doc["sources"]:
        raise ManifestError(f"{manifest_path}: 'sources:' is empty")
    entries = _validate_entries(doc["sources"], manifest_path)
    base_dir = os.path.dirname(manifest_path) if manifest_path != "<manifest>" else ""
    return Manifest(sources=[_anchor_path(e, base_dir) for e in entries])


def load_manifest(path: str | Path) -> Manifest:
    """Read and validate a manifest file; ``ManifestError`` names the bad entry."""
    path = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise ManifestError(f"{path}: cannot read manifest: {e.strerror or e}") from e
    return parse_manifest(text, path)


def manifest_from_locations(locations: list[str]) -> Manifest:
    """An in-memory manifest of bare urls/paths (``quarantine retry``, ad-hoc runs)."""
    raw = [{"url": loc} if looks_like_url(loc) else {"path": loc} for loc in locations]
    return Manifest(sources=_validate_entries(raw, "<sources>"))
