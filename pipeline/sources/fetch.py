"""Fetch one manifest entry's bytes: http(s) with httpx, ``file://`` URLs and local paths.

Limits on every download (``FetchLimits``, each settable by an environment variable):

- an overall deadline covering DNS, connect, every read, redirects and retries
  (``ROADMAPS_FETCH_DEADLINE``, seconds): a server that drips one byte every few seconds
  cannot hold a pull;
- a timeout per connect / read (``ROADMAPS_FETCH_TIMEOUT``);
- a size cap enforced while streaming (``ROADMAPS_MAX_BYTES``);
- at most ``ROADMAPS_FETCH_MAX_REDIRECTS`` redirects, only to http(s), loops named;
- no private, loopback or link-local addresses unless ``ROADMAPS_FETCH_ALLOW_PRIVATE=1``
  (or ``allow_private=True``), checked for every redirect hop before connecting and again on
  the address the connection reached (a name that re-resolves elsewhere: DNS rebinding);
- retries (``ROADMAPS_FETCH_RETRIES``) on 429 / 5xx / connection trouble, with exponential
  backoff and jitter (tenacity), honouring ``Retry-After``.

The file type is sniffed from the bytes, never from the extension or the Content-Type.
Every failure is a ``FetchFailed`` (stage ``"fetch"``) whose reason says what to do, or an
``UnsupportedFormat`` (stage ``"sniff"``) when the bytes are not a PDF/DOCX.
"""

from __future__ import annotations

import asyncio
import functools
import ipaddress
import os
import socket
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Coroutine, Iterator, Optional, TypeVar, Union
from urllib.parse import unquote, urlparse

if TYPE_CHECKING:  # httpx and tenacity are imported by the functions that download (not by ingest of files)
    import httpx
    from tenacity import RetryCallState

    from pipeline.sources.manifest import SourceEntry   # (Pydantic models: not for ingest of files)

import roadmaps_settings
from extractors import ExtractionError
from extractors.limits import Limits, check_regular_file
from pipeline.errors import BadSetting, BadSource, FetchFailed
from pipeline.ingest import sha256_bytes, sniff_format
from pipeline.sources.urls import ALLOWED_SCHEMES, looks_like_url

HTTP_SCHEMES = ("http", "https")
RETRY_STATUS = {429, 500, 502, 503, 504}
USER_AGENT = "roadmaps-ingest/0.1 (+https://github.com/; research crawler)"
MAX_BACKOFF = 30.0              # seconds: the longest wait between attempts without Retry-After
T = TypeVar("T")
# DNS look-ups run here, not on asyncio's default executor: when the deadline cuts a hanging
# look-up off, asyncio.run() does not wait for it (it waits for its default executor only).
_DNS_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="roadmaps-dns")

# fetch limit -> its setting in ``roadmaps_settings`` (which holds the variable and the default)
SETTING = {"max_bytes": "max_bytes", "timeout": "fetch_timeout", "deadline": "fetch_deadline",
           "retries": "fetch_retries", "max_redirects": "fetch_max_redirects",
           "allow_private": "fetch_allow_private"}
# fetch limit -> (environment variable, default)
ENV = {k: (roadmaps_settings.env_name(f), roadmaps_settings.default(f)) for k, f in SETTING.items()}
DEFAULT_MAX_BYTES = ENV["max_bytes"][1]
DEFAULT_TIMEOUT = ENV["timeout"][1]
DEFAULT_RETRIES = ENV["retries"][1]
DEFAULT_BACKOFF = 0.5           # seconds before the first retry; doubles each time (plus jitter)


# ---- limits ----------------------------------------------------------------------------------

def _configured() -> dict[str, Any]:
    """The fetch limits from ``roadmaps_settings`` (``BadSetting`` naming a bad variable)."""
    try:
        s = roadmaps_settings.load(need=list(SETTING.values()))
    except roadmaps_settings.SettingsError as e:
        raise BadSetting(str(e)) from None
    return {name: getattr(s, field) for name, field in SETTING.items()}


@dataclass(frozen=True)
class FetchLimits:
    """Limits of one fetch; ``from_env`` fills what is not given from the environment."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT          # per connect / per read
    deadline: float = ENV["deadline"][1]      # the whole fetch: DNS, connect, reads, redirects, retries
    retries: int = DEFAULT_RETRIES
    max_redirects: int = ENV["max_redirects"][1]
    allow_private: bool = ENV["allow_private"][1]
    backoff: float = DEFAULT_BACKOFF

    @classmethod
    def from_env(cls, **given: Any) -> "FetchLimits":
        """Limits from keyword arguments, else ``ROADMAPS_*`` environment variables, else defaults."""
        values = {k: v for k, v in given.items() if v is not None}
        return cls(**{**_configured(), **values})

    def setting(self, name: str) -> str:
        """The environment variable of a limit, for messages."""
        return ENV[name][0]


# ---- failures --------------------------------------------------------------------------------

class _Retryable(Exception):
    """A transient failure worth another attempt (5xx, 429, connection trouble)."""

    def __init__(self, reason: str, retry_after: Optional[float] = None):
        super().__init__(reason)
        self.retry_after = retry_after


@dataclass
class _Progress:
    """What a download got to, for the message when the deadline cuts it off."""

    url: str
    attempts: int = 0
    received: int = 0
    last_error: Optional[str] = None
    hops: list[str] = field(default_factory=list)


def _fail(source: str, reason: str) -> FetchFailed:
    return FetchFailed(source, reason)


def _check_size(size: int, limits: FetchLimits, source: str) -> None:
    if size > limits.max_bytes:
        raise _fail(source, f"larger than the size cap of {limits.max_bytes} bytes (stopped at {size} "
                            f"bytes); raise {limits.setting('max_bytes')} if the document is genuine")


def read_local(path: str, source: str, max_bytes: int) -> bytes:
    """Bytes of a local file, refusing files over the cap before reading them."""
    limits = FetchLimits(max_bytes=max_bytes)
    if not os.path.lexists(path):
        raise _fail(source, f"no such file: {path}")
    try:
        check_regular_file(path, Limits(max_bytes=sys.maxsize))  # a FIFO or device would block the read
    except ExtractionError as e:
        raise _fail(source, str(e.args[0])) from e
    try:
        _check_size(os.path.getsize(path), limits, source)
        return Path(path).read_bytes()
    except FileNotFoundError as e:
        raise _fail(source, f"no such file: {path}") from e
    except IsADirectoryError as e:
        raise _fail(source, f"{path} is a directory, not a document") from e
    except OSError as e:
        raise _fail(source, f"cannot read {path}: {e.strerror or e}") from e


def retry_after_seconds(value: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """Seconds asked for by a ``Retry-After`` header (delta-seconds or an HTTP date); None if absent."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _status_reason(response: httpx.Response) -> str:
    code, phrase = response.status_code, response.reason_phrase
    advice = {
        401: "the server wants a login; download the file in a browser and ingest the file",
        403: "the server refuses this client (login, geo-block or bot filter); download the file "
             "in a browser and ingest the file",
        404: "no document at this URL; check the link",
        410: "the document was removed from this URL; look for its new address",
    }.get(code, "the server refused the request")
    return f"HTTP {code} {phrase}: {advice}"


def _transport_reason(e: httpx.TransportError, url: str, limits: FetchLimits) -> str:
    import httpx

    host = httpx.URL(url).host
    if isinstance(e, httpx.ConnectTimeout):
        return f"no answer from {host} within {limits.timeout:g} s (connect timeout)"
    if isinstance(e, httpx.ReadTimeout):
        return (f"{host} sent nothing for {limits.timeout:g} s (read timeout; "
                f"{limits.setting('timeout')})")
    if isinstance(e, httpx.ConnectError):
        return f"cannot connect to {host}: {e or 'connection failed'}; is the server up and the URL right?"
    if isinstance(e, httpx.RemoteProtocolError):
        return f"{host} broke off the answer ({e or 'protocol error'})"
    return f"{type(e).__name__}: {e or 'no detail'}"


# ---- where a URL may point -----------------------------------------------------------------

def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


async def _check_target(url: str, source: str, limits: FetchLimits) -> None:
    """Only http(s), a host, and (unless allowed) no private/loopback/link-local address."""
    import httpx

    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as e:
        raise _fail(source, f"{url}: not a valid URL ({e})") from e
    if parsed.scheme not in HTTP_SCHEMES:
        raise _fail(source, f"{url}: only http and https can be downloaded (got {parsed.scheme!r})")
    if not parsed.host:
        raise _fail(source, f"{url}: the URL names no host")
    if limits.allow_private:
        return
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        addresses = [ipaddress.ip_address(parsed.host).compressed]
    except ValueError:
        try:
            infos = await asyncio.get_running_loop().run_in_executor(
                _DNS_POOL, functools.partial(socket.getaddrinfo, parsed.host, port,
                                             type=socket.SOCK_STREAM))
        except socket.gaierror as e:
            raise _fail(source, f"cannot resolve the host {parsed.host!r} ({e.strerror or e}); "
                                f"check the URL and the network") from e
        addresses = sorted({info[4][0] for info in infos})
    private = [a for a in addresses if not _is_public(a)]
    if private:
        raise _fail(source, f"{parsed.host} is at {private[0]}, a private/loopback/link-local address; "
                            f"refused (set {limits.setting('allow_private')}=1 or pass "
                            f"--allow-private-network to allow it)")


def _behind_proxy(url: str) -> bool:
    """Whether the environment sends ``url`` through a proxy (httpx trusts the same variables);
    the connected peer is then the proxy, not the site."""
    from urllib.request import getproxies, proxy_bypass

    parsed = urlparse(url)
    return bool(getproxies().get(parsed.scheme)) and not proxy_bypass(parsed.hostname or "")


def _check_peer(response: "httpx.Response", url: str, source: str, limits: FetchLimits) -> None:
    """The address the connection really reached is public too (before any body is read).

    ``_check_target`` resolves the name before connecting and the connection resolves it again: a
    name that answers a public address first and a private one next ("DNS rebinding") passes the
    first check. The peer of the open connection is what counts. Not checked behind a proxy (the
    peer is the proxy) or when private addresses are allowed."""
    if limits.allow_private or _behind_proxy(url):
        return
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not peer:
        return
    address = str(peer[0])
    if not _is_public(address):
        raise _fail(source, f"{urlparse(url).hostname} was reached at {address}, a private/loopback/"
                            f"link-local address, though it resolved to a public one a moment before "
                            f"(DNS rebinding?); refused (set {limits.setting('allow_private')}=1 or pass "
                            f"--allow-private-network to allow it)")


# ---- one attempt -----------------------------------------------------------------------------

async def _read_body(response: httpx.Response, source: str, limits: FetchLimits,
                     progress: _Progress) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit():
        _check_size(int(declared), limits, source)
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        progress.received = size
        _check_size(size, limits, source)
        chunks.append(chunk)
    return b"".join(chunks)


def _next_hop(response: httpx.Response, source: str, progress: _Progress, limits: FetchLimits) -> str:
    location = response.headers.get("location")
    if not location:
        raise _fail(source, f"HTTP {response.status_code} redirect without a Location header")
    target = str(response.url.join(location))
    if target in progress.hops:
        loop = " → ".join(progress.hops[progress.hops.index(target):] + [target])
        raise _fail(source, f"redirect loop: {loop}; the site is misconfigured or wants cookies — "
                            f"download the file in a browser and ingest the file")
    if len(progress.hops) > limits.max_redirects:
        raise _fail(source, f"more than {limits.max_redirects} redirects (last: {target}); raise "
                            f"{limits.setting('max_redirects')} if the chain is genuine")
    return target


async def _get_once(client: httpx.AsyncClient, source: str, limits: FetchLimits,
                    progress: _Progress) -> bytes:
    """One attempt: follow redirects by hand (each hop checked), then stream the body."""
    import httpx

    url = source
    progress.hops = [url]
    progress.attempts += 1
    while True:
        await _check_target(url, source, limits)
        try:
            async with client.stream("GET", url) as response:
                _check_peer(response, url, source, limits)
                if response.is_redirect:
                    url = _next_hop(response, source, progress, limits)
                    progress.hops.append(url)
                    continue
                if response.status_code in RETRY_STATUS:
                    raise _Retryable(f"HTTP {response.status_code} {response.reason_phrase}",
                                     retry_after_seconds(response.headers.get("retry-after")))
                if response.status_code >= 400:
                    raise _fail(source, _status_reason(response))
                return await _read_body(response, source, limits, progress)
        except httpx.TransportError as e:  # connect/read timeouts, refused, reset, protocol errors
            raise _Retryable(_transport_reason(e, url, limits)) from e
        except httpx.HTTPError as e:  # an invalid URL and the like: not worth a retry
            raise _fail(source, f"{type(e).__name__}: {e}") from e


# ---- retries and the deadline ------------------------------------------------------------------

def _wait(limits: FetchLimits) -> Callable[[RetryCallState], float]:
    """Retry-After when the server sent one, else exponential backoff with jitter."""
    from tenacity import wait_exponential, wait_random

    backoff = (wait_exponential(multiplier=limits.backoff, max=MAX_BACKOFF)
               + wait_random(0, limits.backoff))

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        asked = getattr(error, "retry_after", None)
        return asked if asked is not None else backoff(state)

    return wait


async def _download(url: str, limits: FetchLimits, progress: _Progress) -> bytes:
    import httpx
    from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, stop_before_delay

    headers = {"User-Agent": USER_AGENT}
    retrying = AsyncRetrying(
        stop=stop_after_attempt(limits.retries + 1) | stop_before_delay(limits.deadline),
        wait=_wait(limits), retry=retry_if_exception_type(_Retryable), reraise=True)
    async with httpx.AsyncClient(timeout=limits.timeout, follow_redirects=False,
                                 headers=headers) as client:
        try:
            async for attempt in retrying:
                with attempt:
                    return await _get_once(client, url, limits, progress)
        except _Retryable as e:
            progress.last_error = str(e)
            asked = e.retry_after
            tail = (f" (the server asked to wait {asked:g} s, past the {limits.deadline:g} s deadline)"
                    if asked and asked >= limits.deadline else "")
            raise _fail(url, f"gave up after {progress.attempts} attempts: {e}{tail}; "
                             f"the server is down or overloaded, try again later") from e
    raise AssertionError("unreachable: tenacity either returns or raises")


def _run(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run a coroutine to completion from sync code, also when this thread already has a loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make())).result()


def download(url: str, limits: Optional[FetchLimits] = None, **given: Any) -> bytes:
    """GET ``url`` within ``limits`` (or limits from keyword arguments and the environment)."""
    limits = replace(limits, **given) if limits else FetchLimits.from_env(**given)
    progress = _Progress(url)

    async def bounded() -> bytes:
        try:
            return await asyncio.wait_for(_download(url, limits, progress), timeout=limits.deadline)
        except asyncio.TimeoutError:
            got = f"; {progress.received} bytes received" if progress.received else ""
            last = f"; last failure: {progress.last_error}" if progress.last_error else ""
            raise _fail(url, f"no complete answer within the deadline of {limits.deadline:g} s "
                             f"({progress.attempts} attempt(s){got}{last}): the server is too slow "
                             f"or stalls; try later or raise {limits.setting('deadline')}") from None

    return _run(bounded)


# ---- sources -----------------------------------------------------------------------------------

def file_url_path(url: str) -> str:
    """Local path of a ``file://`` URL (``file:///tmp/a.pdf`` -> ``/tmp/a.pdf``)."""
    parsed = urlparse(url)
    if parsed.netloc not in ("", "localhost"):
        raise _fail(url, f"file URL names a remote host {parsed.netloc!r}; only local files are allowed")
    return unquote(parsed.path)


def check_source(location: str) -> None:
    """Refuse, before any work starts, a source that cannot be a document (``BadSource``, exit 2):
    a local path that does not exist or is a folder, a URL of an unsupported scheme or with no host."""
    if looks_like_url(location):
        parsed = urlparse(location)
        scheme = parsed.scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            raise BadSource(location, f"URL scheme {scheme!r} is not supported "
                                      f"(use {', '.join(ALLOWED_SCHEMES)})")
        if scheme in HTTP_SCHEMES and not parsed.hostname:
            raise BadSource(location, "the URL names no host")
        if scheme != "file":
            return
        try:
            location = file_url_path(location)
        except FetchFailed as e:
            raise BadSource(e.source, e.reason) from e
    path = Path(location)
    if not path.exists():
        raise BadSource(location, "no such file")
    if path.is_dir():
        raise BadSource(location, "is a folder, not a document (give the files in it)")


@dataclass
class FetchedFile:
    source: str                 # url or path as written in the manifest
    data: bytes
    sha256: str
    file_format: str            # one of extractors.FORMATS: "pdf", "docx", "doc", "rtf", "odt", "html"
    local_path: Optional[str] = None   # set when the bytes came from a local file


def fetch_bytes(location: str, *, is_url: bool, limits: FetchLimits) -> tuple[bytes, Optional[str]]:
    """(bytes, local path or None) for a url or a path; scheme checked here too."""
    if not is_url:
        return read_local(location, location, limits.max_bytes), location
    scheme = urlparse(location).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise _fail(location, f"URL scheme {scheme or '(none)'!r} is not allowed "
                              f"(only {', '.join(ALLOWED_SCHEMES)})")
    if scheme == "file":
        path = file_url_path(location)
        return read_local(path, location, limits.max_bytes), path
    return download(location, limits), None


def fetch(entry: Union[SourceEntry, str], *, max_bytes: Optional[int] = None,
          timeout: Optional[float] = None, retries: Optional[int] = None,
          backoff: Optional[float] = None, deadline: Optional[float] = None,
          max_redirects: Optional[int] = None, allow_private: Optional[bool] = None) -> FetchedFile:
    """Bytes, sha256 and sniffed format of one manifest entry (or bare url/path).

    Limits not given come from the ``ROADMAPS_*`` environment variables (see ``FetchLimits``).
    Example: fetch(SourceEntry(url="https://example.ru/roadmap.pdf"), max_bytes=50_000_000)
    """
    limits = FetchLimits.from_env(max_bytes=max_bytes, timeout=timeout, retries=retries,
                                  backoff=backoff, deadline=deadline, max_redirects=max_redirects,
                                  allow_private=allow_private)
    if isinstance(entry, str):
        location, is_url = entry, looks_like_url(entry)
    else:
        location, is_url = entry.location, entry.url is not None
    data, local_path = fetch_bytes(location, is_url=is_url, limits=limits)
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
