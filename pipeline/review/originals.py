"""Originals kept for the page images of the review app: ``<dir>/<sha256>`` per loaded file.

The directory is ``$ROADMAPS_ORIGINALS_DIR``, else ``originals/`` beside a SQLite database file
(``data/curated/originals`` for the default database), else ``data/curated/originals``.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Optional

from sqlalchemy.engine import make_url

import roadmaps_settings

log = logging.getLogger(__name__)

ORIGINALS_ENV = "ROADMAPS_ORIGINALS_DIR"
DEFAULT_DIR = Path("data/curated/originals")


def originals_dir(db_url: Optional[str]) -> Path:
    configured = roadmaps_settings.load(need=("originals_dir",)).originals_dir
    if configured:
        return Path(configured)
    if db_url:
        u = make_url(db_url)
        if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
            return Path(u.database).parent / "originals"
    return DEFAULT_DIR


def keep_original(db_url: Optional[str], sha256: str, data: bytes) -> Optional[Path]:
    """Write the bytes once (named by their hash); a failure to write never fails an ingest."""
    try:
        d = originals_dir(db_url)
        d.mkdir(parents=True, exist_ok=True)
        path = d / sha256
        if not path.exists():
            tmp = path.with_suffix(".part")
            tmp.write_bytes(data)
            tmp.replace(path)
        return path
    except OSError as e:
        log.warning("the original of %s was not kept (%s): the review app will not show its pages",
                    sha256[:12], e)
        return None


def find_original(db_url: Optional[str], sha256: str, source: str) -> Optional[Path]:
    """The kept copy, else ``source`` when it is a local file with the same bytes."""
    kept = originals_dir(db_url) / sha256
    if kept.is_file():
        return kept
    p = Path(source)
    try:
        if p.is_file() and hashlib.sha256(p.read_bytes()).hexdigest() == sha256:
            return p
    except OSError:
        return None
    return None
