"""Fetch one manifest entry's bytes: http(s) with httpx, ``file://`` URLs and local paths.

Timeouts, retries with exponential backoff on 5xx / 429 / connection errors, a
size cap enforced while streaming (the download stops at the cap), and the file
type sniffed from the bytes, never from the extension or the Content-Type.
Every failure is a ``StageError`` with stage ``"fetch"`` (or ``"sniff"`` when the
bytes are not a PDF/DOCX, e.g. an HTML page served where a PDF was expected).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Union
from urllib.parse import unquote, urlparse

import httpx

from extractors import ExtractionError
from extractors.limits import Limits, check_regular_file

from pipeline.ingest import StageError, sha256_bytes, sniff_format
from pipeline.sources.manifest import ALLOWED_SCHEMES, SourceEntry, looks_like_url

DEFAULT_MAX_BYTES = int(os.environ.get("ROADMAPS_MAX_BYTES", 100 * 1024 * 1024))
DEFAULT_TIMEOUT = float(os.environ.get("ROADMAPS_FETCH_TIMEOUT", 60))
DEFAULT_RETRIES = int(os.environ.get("ROADMAPS_FETCH_RETRIES", 3))
DEFAULT_BACKOFF = 0.5           # seconds before the first retry; doubles each time
RETRY_STATUS = {429, 500, 502, 503, 504}
USER_AGENT = "roadmaps-ingest/0.1 (+https://github.com/; research crawler)"


@dataclass
class FetchedFile:
    source: str                 # url or path as written in the manifest
    data: bytes
    sha256: str
    file_format: str            # "pdf" | "docx"
    local_path: Optional[str] = None   # set when the bytes came from a local file


class _Retryable(Exception):
    """A transient failure worth another attempt (5xx, 429, connection trouble)."""


def _fail(source: str, message: str) -> StageError:
    return StageError(message, "fetch", source)


def _check_size(size: int, max_bytes: int, source: str) -> None:
    if size > max_bytes:
        raise _fail(source, f"larger than the size cap of {max_bytes} bytes (stopped at {size} bytes)")


def read_local(path: str, source: str, max_bytes: int) -> bytes:
    """Bytes of a local file, refusing files over the cap before reading them."""
    try:
        check_regular_file(path, Limits(max_bytes=sys.maxsize))  # a FIFO or device would block the read
    except ExtractionError as e:
        raise _fail(source, str(e.args[0])) from e
    try:
        size = os.path.getsize(path)
        _check_size(size, max_bytes, source)
        return Path(path).read_bytes()
    except OSError as e:
        raise _fail(source, f"cannot read {path}: {e.strerror or e}") from e


def _stream_body(response: httpx.Response, source: str, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit():
        _check_size(int(declared), max_bytes, source)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        _check_size(size, max_bytes, source)
        chunks.append(chunk)
    return b"".join(chunks)


def _get_once(client: httpx.Client, url: str, max_bytes: int) -> bytes:
    try:
        with client.stream("GET", url) as response:
            if response.status_code in RETRY_STATUS:
                raise _Retryable(f"HTTP {response.status_code} {response.reason_phrase}")
            if response.status_code >= 400:
                raise _fail(url, f"HTTP {response.status_code} {response.reason_phrase}")
            return _stream_body(response, url, max_bytes)
    except httpx.TransportError as e:  # connect/read timeouts, refused, reset, protocol errors
        raise _Retryable(f"{type(e).__name__}: {e or 'no detail'}") from e


def download(url: str, *, max_bytes: int, timeout: float, retries: int,
             backoff: float = DEFAULT_BACKOFF) -> bytes:
    """GET ``url`` with ``retries`` extra attempts on transient failures."""
    headers = {"User-Agent": USER_AGENT}
    last = "no attempt made"
    with httpx.Client(timeout=timeout, follow_redirects=True, headers=headers) as client:
        for attempt in range(retries + 1):
            try:
                return _get_once(client, url, max_bytes)
            except _Retryable as e:
                last = str(e)
                if attempt < retries:
                    time.sleep(backoff * 2 ** attempt)
    raise _fail(url, f"gave up after {retries + 1} attempts: {last}")


def file_url_path(url: str) -> str:
    """Local path of a ``file://`` URL (``file:///tmp/a.pdf`` -> ``/tmp/a.pdf``)."""
    parsed = urlparse(url)
    if parsed.netloc not in ("", "localhost"):
        raise _fail(url, f"file URL names a remote host {parsed.netloc!r}; only local files are allowed")
    return unquote(parsed.path)


def fetch_bytes(location: str, *, is_url: bool, max_bytes: int, timeout: float,
                retries: int, backoff: float = DEFAULT_BACKOFF) -> tuple[bytes, Optional[str]]:
    """(bytes, local path or None) for a url or a path; scheme checked here too."""
    if not is_url:
        return read_local(location, location, max_bytes), location
    scheme = urlparse(location).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise _fail(location, f"URL scheme {scheme or '(none)'!r} is not allowed "
                              f"(only {', '.join(ALLOWED_SCHEMES)})")
    if scheme == "file":
        path = file_url_path(location)
        return read_local(path, location, max_bytes), path
    return download(location, max_bytes=max_bytes, timeout=timeout, retries=retries,
                    backoff=backoff), None


def fetch(entry: Union[SourceEntry, str], *, max_bytes: int = DEFAULT_MAX_BYTES,
          timeout: float = DEFAULT_TIMEOUT, retries: int = DEFAULT_RETRIES,
          backoff: float = DEFAULT_BACKOFF) -> FetchedFile:
    """Bytes, sha256 and sniffed format of one manifest entry (or bare url/path).

    Example: fetch(SourceEntry(url="https://example.ru/roadmap.pdf"), max_bytes=50_000_000)
    """
    if isinstance(entry, str):
        location, is_url = entry, looks_like_url(entry)
    else:
        location, is_url = entry.location, entry.url is not None
    data, local_path = fetch_bytes(location, is_url=is_url, max_bytes=max_bytes,
                                   timeout=timeout, retries=retries, backoff=backoff)
    file_format = sniff_format(data, location)
    return FetchedFile(source=location, data=data, sha256=sha256_bytes(data),
                       file_format=file_format, local_path=local_path)


@contextmanager
def local_copy(fetched: FetchedFile) -> Iterator[str]:
    """A temporary file holding exactly the fetched bytes (so the sha256 matches what is extracted)."""
    fd, path = tempfile.mkstemp(prefix="roadmaps-", suffix=f".{fetched.file_format}")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(fetched.data)
        yield path
    finally:
        os.unlink(path)
