"""The Python API for notebooks and scripts: ingest files or folders, read documents and
activities, compare regions, search — the functions the CLI commands are thin shells over.

    >>> from pipeline.api import ingest_files, activities_frame, compare_regions
    >>> outcomes = ingest_files(["data/raw"], db="sqlite:////tmp/roadmaps.db")
    >>> df = activities_frame(db="sqlite:////tmp/roadmaps.db", regions=["RU-KLU"])
    >>> by_theme = compare_regions("theme", db="sqlite:////tmp/roadmaps.db")

Every function takes ``db`` (a SQLAlchemy URL; None means ``$ROADMAPS_DB_URL``, else the default
SQLite file) and never raises for a bad document: failures come back as outcomes with the stage.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Optional, Union

from pipeline.ingest import IngestOutcome, export_json, ingest_path
from pipeline.store.db import resolve_url

if TYPE_CHECKING:  # pandas is imported only by the functions that return frames
    from concurrent.futures import ProcessPoolExecutor

    import pandas as pd

    from pipeline.compare.search import SearchHit

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


GLOB_CHARS = "*?["


def expand_sources(items: Iterable[PathLike]) -> list[str]:
    """Files, URLs, folders (searched like ``expand_paths``) and glob patterns (``**`` recursive)
    as one list of sources, in the order given, each once.

    Raises ``BadSource`` (a usage error: "no such file") for a pattern that matches nothing or a folder with no
    document in it; a missing file is left for ``check_source`` to name.
    """
    import glob

    from pipeline.errors import BadSource
    from pipeline.sources.urls import looks_like_url

    out: list[str] = []
    for item in items:
        s = str(item)
        if looks_like_url(s):
            out.append(s)
            continue
        p = Path(s)
        if not p.exists() and any(c in s for c in GLOB_CHARS):
            matches = sorted(glob.glob(s, recursive=True))
            if not matches:
                raise BadSource(s, "no such file")   # nor any file matching it as a pattern
            found = [str(f) for f in expand_paths(matches)
                     if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES]
            if not found:
                raise BadSource(s, "the pattern matches no document file "
                                   f"({', '.join(DOCUMENT_SUFFIXES)})")
            out += found
        elif p.is_dir():
            found = [str(f) for f in expand_paths([p])]
            if not found:
                raise BadSource(s, f"is a folder with no document file in it ({', '.join(DOCUMENT_SUFFIXES)})")
            out += found
        else:
            out.append(s)
    return list(dict.fromkeys(out))


def ingest_source(source: str, db_url: str, allow_private: Optional[bool] = None) -> tuple[IngestOutcome, float]:
    """Ingest one file or URL in its own transaction; the outcome and the seconds it took.

    A module-level function so that a process pool (``roadmaps ingest --workers N``) can run it.
    A failed fetch is quarantined like any failed document.
    """
    import time

    from pipeline.sources.urls import looks_like_url

    start = time.perf_counter()
    if looks_like_url(source):
        outcome = _ingest_url(source, db_url, allow_private)
    else:
        outcome = ingest_path(source, db_url)
    return outcome, time.perf_counter() - start


def unchanged_sources(sources: list[str], db_url: str) -> dict[int, IngestOutcome]:
    """The local files among ``sources`` whose exact bytes are already loaded, by index, as
    "unchanged" outcomes: one read and hash per file and one query per 1,000 hashes
    (``pipeline.store.lookup``), so a re-run of unchanged files starts no extraction at all."""
    from pipeline.sources.urls import looks_like_url
    from pipeline.store.lookup import file_sha256, loaded_sha256s

    sha: dict[int, str] = {}
    for i, s in enumerate(sources):
        try:   # regular files only: a FIFO or device is left for ingest_path to refuse unread
            if not looks_like_url(s) and Path(s).is_file():
                sha[i] = file_sha256(s)
        except OSError:
            pass    # unreadable: ingest_path reports it with its usual error
    if not sha:
        return {}
    known = loaded_sha256s(db_url, sha.values())
    return {i: IngestOutcome(source=sources[i], sha256=h, status="unchanged")
            for i, h in sha.items() if h in known}


def _ingest_url(source: str, db_url: str, allow_private: Optional[bool]) -> IngestOutcome:
    from pipeline.ingest import StageError, ingest_bytes, quarantine
    from pipeline.sources.fetch import fetch, local_copy

    try:
        fetched = fetch(source, allow_private=allow_private)
    except StageError as e:
        quarantine(db_url, source, None, e.stage, e.reason)
        return IngestOutcome(source=source, sha256=None, status="failed", stage=e.stage, error=str(e))
    with local_copy(fetched) as tmp:
        return ingest_bytes(fetched.data, tmp, db_url, source=source)


def _prepare_local(path: str, source: str, sha256: str) -> tuple[str, object]:
    """In a pool worker: ("record", DocumentRecord) or ("failed", (stage, reason, message))."""
    from pipeline.ingest import StageError, prepare_record

    try:
        return "record", prepare_record(path, source, sha256)
    except StageError as e:
        return "failed", (e.stage, str(e.args[0]), str(e))


def cpu_workers(wanted: int, jobs: int) -> int:
    """Processes for CPU work: as many as asked, at most one per core and one per job."""
    import os

    return max(1, min(wanted, os.cpu_count() or 1, jobs))


def cpu_process_pool(workers: int) -> "ProcessPoolExecutor":
    """A process pool of ``workers`` for documents' CPU work: forks of one preloaded fork server
    (``pipeline.isolation.pool_context``), each with this process's environment as it is now."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    from pipeline.isolation import adopt_environment, pool_context

    return ProcessPoolExecutor(max_workers=workers, mp_context=pool_context(),
                               initializer=adopt_environment, initargs=(dict(os.environ),))


def ingest_parallel(sources: list[str], db_url: str, allow_private: Optional[bool], workers: int,
                    done: Callable[[int, tuple[IngestOutcome, float]], None]) -> None:
    """Ingest ``sources`` with a process pool; ``done(index, (outcome, seconds))`` as each ends.

    Local files: this process reads and hashes each file once, a pool worker extracts,
    normalises and validates it (the CPU work), and the record is loaded here, one document at
    a time — the database has a single writer (SQLite allows no more) and workers never wait
    on its lock. URLs are fetched and ingested whole by a worker (downloads wait on the
    network, not the CPU). Largest files first: a long scan starts at once instead of ending
    the run alone. A worker that dies fails its document; the run goes on.
    """
    import time
    from concurrent.futures import as_completed

    from extractors.limits import read_regular_file
    from pipeline.ingest import (ExtractionError, StageError, commit_record, quarantine, sha256_bytes,
                                 sniff_format)
    from pipeline.sources.urls import looks_like_url

    def size(i: int) -> int:
        try:
            return Path(sources[i]).stat().st_size
        except OSError:
            return 0

    def failed(i: int, sha: Optional[str], stage: str, reason: str, message: str, t0: float) -> None:
        quarantine(db_url, sources[i], sha, stage, reason)
        done(i, (IngestOutcome(source=sources[i], sha256=sha, status="failed", stage=stage,
                               error=message), time.perf_counter() - t0))

    order = sorted(range(len(sources)), key=lambda i: -size(i))
    with cpu_process_pool(cpu_workers(workers, len(sources))) as pool:
        futures, data, started = {}, {}, {}
        for i in order:
            src, started[i] = sources[i], time.perf_counter()
            if looks_like_url(src):
                futures[pool.submit(ingest_source, src, db_url, allow_private)] = i
                continue
            sha = None
            try:
                data[i] = read_regular_file(src)
                sniff_format(data[i], src)
                sha = sha256_bytes(data[i])
            except ExtractionError as e:
                failed(i, None, e.stage, str(e.args[0]), f"{src}: {e.stage} failed: {e.args[0]}", started[i])
                continue
            except StageError as e:
                failed(i, sha, e.stage, str(e.args[0]), str(e), started[i])
                continue
            futures[pool.submit(_prepare_local, src, src, sha)] = i
        for fut in as_completed(futures):
            i = futures[fut]
            try:
                result = fut.result()
            except Exception as e:  # a worker that died: the document failed, the run goes on
                failed(i, None, "worker", f"{type(e).__name__}: {e}", f"{type(e).__name__}: {e}", started[i])
                continue
            if looks_like_url(sources[i]):
                done(i, result)
                continue
            kind, value = result
            if kind == "failed":
                stage, reason, message = value
                failed(i, sha256_bytes(data[i]), stage, reason, message, started[i])
            else:
                try:
                    outcome = commit_record(value, db_url, data.pop(i))
                except StageError as e:
                    failed(i, value.sha256, e.stage, str(e.args[0]), str(e), started[i])
                    continue
                done(i, (outcome, time.perf_counter() - started[i]))


def ingest_files(paths: Union[PathLike, Iterable[PathLike]], db: Optional[str] = None) -> list[IngestOutcome]:
    """Ingest files and folders (one transaction per document; unchanged bytes are skipped)."""
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    url = resolve_url(db)
    return [ingest_path(str(p), url) for p in expand_paths(items)]


def documents(db: Optional[str] = None, regions: Optional[list[str]] = None) -> list[dict]:
    """The newest version of every document (of one ingested from several files, the best
    rendition), as the export contract's JSON objects."""
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


def search_activities(query: str, db: Optional[str] = None, regions: Optional[Iterable[str]] = None,
                      limit: int = 50) -> list["SearchHit"]:
    """Full-text search by lemma or raw word (``pipeline.compare.search``), best first."""
    from pipeline.compare.search import search

    return search(resolve_url(db), query, regions, limit=limit)


__all__ = ["expand_paths", "expand_sources", "ingest_source", "unchanged_sources", "ingest_parallel",
           "cpu_workers", "cpu_process_pool", "ingest_files",
           "documents", "activities_frame", "compare_regions", "search_activities",
           "DOCUMENT_SUFFIXES", "IngestOutcome"]
