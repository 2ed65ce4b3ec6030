"""The Python API for notebooks and scripts: ingest files or folders, read documents and
activities, compare regions — the functions the CLI commands are thin shells over.

    >>> from pipeline.api import ingest_files, activities_frame, compare_regions
    >>> outcomes = ingest_files(["data/raw"], db="sqlite:////tmp/roadmaps.db")
    >>> df = activities_frame(db="sqlite:////tmp/roadmaps.db", regions=["RU-KLU"])
    >>> by_theme = compare_regions("theme", db="sqlite:////tmp/roadmaps.db")

Every function takes ``db`` (a SQLAlchemy URL; None means ``$ROADMAPS_DB_URL``, else the default
SQLite file) and never raises for a bad document: failures come back as outcomes with the stage.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional, Union

from pipeline.ingest import IngestOutcome, export_json, ingest_path
from pipeline.store.db import resolve_url

if TYPE_CHECKING:  # pandas is imported only by the functions that return frames
    import pandas as pd

# file kinds a folder is searched for (the type itself is always decided from the bytes)
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".doc", ".rtf", ".odt", ".html", ".htm")
PathLike = Union[str, Path]


def expand_paths(paths: Iterable[PathLike]) -> list[Path]:
    """Files as given; folders searched recursively for document files (sorted, hidden skipped)."""
    found: list[Path] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            found += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES
                            and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            found.append(p)
    return found


def ingest_files(paths: Union[PathLike, Iterable[PathLike]], db: Optional[str] = None) -> list[IngestOutcome]:
    """Ingest files and folders (one transaction per document; unchanged bytes are skipped)."""
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    url = resolve_url(db)
    return [ingest_path(str(p), url) for p in expand_paths(items)]


def documents(db: Optional[str] = None, regions: Optional[list[str]] = None) -> list[dict]:
    """The newest version of every document, as the export contract's JSON objects."""
    return export_json(resolve_url(db), regions)


def activities_frame(db: Optional[str] = None, regions: Optional[Iterable[str]] = None) -> "pd.DataFrame":
    """One row per activity of the newest documents (the ``activity_facts`` view)."""
    from pipeline.compare.views import activity_facts

    return activity_facts(resolve_url(db), regions)


def compare_regions(by: str = "theme", db: Optional[str] = None,
                    regions: Optional[Iterable[str]] = None) -> "pd.DataFrame":
    """Counts per region by ``theme``, ``org_type``, ``year`` or ``recurrence``."""
    from pipeline.compare.views import compare

    return compare(resolve_url(db), by, regions)


__all__ = ["expand_paths", "ingest_files", "documents", "activities_frame", "compare_regions",
           "DOCUMENT_SUFFIXES", "IngestOutcome"]
