"""One document's extraction in a worker process that can be killed (the per-document budget).

PDF and DOCX parsing runs C libraries (pdfium, libxml2, Tesseract, OpenCV) and
pdfminer on untrusted bytes; a file that sends one of them into a loop must not
stall a scheduled run. ``extract_isolated(path)`` runs ``extractors.extract`` in
a child process and waits at most ``ROADMAPS_DOC_TIMEOUT`` seconds; then the
child and everything it started (Tesseract) are killed as one process group and
the document is refused with stage ``extract``. The child's address space is
capped at ``ROADMAPS_MAX_MEMORY_MB``, so a memory bomb fails in the child, never
in the scheduler.

How the child is started:

* from a process with one thread (the ``roadmaps ingest`` of one file, a pool
  worker): a plain ``fork`` of the caller, which costs milliseconds; the
  extractor module of the file's kind is imported in the caller first, so the
  next document's child has it already;
* from a process with other threads (a flow, the review app), where a fork may
  inherit a held lock: a ``multiprocessing`` *forkserver* child; the server has
  the extractors imported already, so each document costs a fork, not an import
  (but starting the server is a second interpreter, paid once per process);
* inside a daemonic process (a Dask worker), which may not have multiprocessing
  children, a plain ``python -m pipeline.isolation`` subprocess.

The child writes its result (the ``ExtractedDocument``, or the refusal) to a
file in a private temporary directory; the budgets travel with it as one
``extractors.limits.Limits`` (a forkserver child does not see environment
changes made after the server started). ``ROADMAPS_ISOLATE=0`` (or
``ROADMAPS_DOC_TIMEOUT=0`` together with ``ROADMAPS_MAX_MEMORY_MB=0``) extracts in
the calling process instead, for debugging and profiling.
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import multiprocessing
import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict
from typing import Callable, Iterator, Optional

from extractors import ExtractedDocument, ExtractionError, extract
from extractors import limits as budget
from extractors.limits import Limits

PRELOAD = ["extractors", "extractors.docx", "extractors.pdf", "extractors.ocr", "extractors.ruled",
           "extractors.borderless", "pdfplumber", "docx", "pypdfium2"]
# a fork server that starts pool workers (``pool_context``) also has the rest of a document's CPU
# work imported, so that each pool worker is a fork, not a fresh interpreter importing it all
POOL_PRELOAD = PRELOAD + ["pipeline.ingest", "pipeline.normalise"]
KILL_GRACE_S = 5.0        # after the kill, how long to wait for the child to be reaped
RESULT_NAME = "result.pickle"

log = logging.getLogger(__name__)


def extract_isolated(path: str, limits: Optional[Limits] = None,
                     while_waiting: Optional[Callable[[], None]] = None) -> ExtractedDocument:
    """``extractors.extract(path)`` within the per-document time and memory budget.

    ``while_waiting``: work of this process's own (loading what comes after extraction) done
    while the worker extracts on another core; its errors are ignored here (the work is done
    again, and fails properly, where it is needed), and the budget counts from the worker's start.
    """
    limits = limits or budget.current()
    if not limits.isolate or (limits.doc_timeout <= 0 and limits.max_memory_mb <= 0):
        return extract(path)
    with tempfile.TemporaryDirectory(prefix="roadmaps-worker-") as tmp:
        result = os.path.join(tmp, RESULT_NAME)
        if multiprocessing.current_process().daemon:
            exitcode = _run_subprocess(path, result, limits, while_waiting)
        elif _can_fork():
            _preload_for(path)
            exitcode = _run_process(multiprocessing.get_context("fork"), path, result, limits,
                                    while_waiting=while_waiting)
        else:
            exitcode = _run_forkserver(path, result, limits, while_waiting)
        return _outcome(result, exitcode, path, limits)


# ---------------------------------------------------------------- the child


def child_main(path: str, result: str, limits: Limits) -> None:
    """In the worker: own process group, address-space cap, extract, write the result."""
    try:
        os.setpgid(0, 0)
    except OSError:  # already a group/session leader (the subprocess path)
        pass
    gc.freeze()   # what the parent had: never scanned (nor copied on write) by this child's collections
    budget.install(limits)
    _cap_memory(limits.max_memory_mb)
    try:
        payload = {"doc": extract(path)}
    except ExtractionError as e:
        payload = {"error": (str(e.args[0]), e.stage, e.path)}
    except MemoryError:
        payload = {"memory": True}
    except BaseException as e:  # a bug or an unforeseen broken file: reported, never a hang
        payload = {"crash": f"{type(e).__name__}: {e}"}
    tmp = result + ".part"
    with open(tmp, "wb") as fh:
        pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, result)


def _cap_memory(max_mb: int) -> None:
    if max_mb <= 0:
        return
    import resource

    cap = max_mb * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


# ---------------------------------------------------------------- starting and watching it


_context = None
_START_LOCK = threading.Lock()


def _forkserver(preload: list[str] = PRELOAD):
    """The fork server context; ``preload`` counts only if this call is the first (the server is
    one per process and starts with the modules named by then)."""
    global _context
    if _context is None:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(preload)
        _context = ctx
    return _context


def pool_context():
    """The ``multiprocessing`` context for a pool of CPU workers (``ingest --workers``, ``pull``).

    The fork server above: its one interpreter imports the extractors and the normaliser once,
    and each pool worker is a fork of it (milliseconds), where a ``spawn`` pool started a fresh
    interpreter per worker that imported everything again. Safe from a process with threads
    (the CLI's progress bar, Prefect's runner), unlike a plain fork. Give the pool
    ``initializer=adopt_environment, initargs=(dict(os.environ),)``: the server's environment is
    the one it started with, a spawned worker's was the caller's at pool start.
    """
    return _forkserver(POOL_PRELOAD)


def start_pool_server() -> None:
    """Start the pool's fork server now, without waiting for it: its interpreter imports
    ``POOL_PRELOAD`` on the other core while this process goes on with its own start (imports,
    database check, hashing), instead of after it, when the first pool worker is wanted."""
    from multiprocessing import forkserver

    pool_context()
    forkserver.ensure_running()


def adopt_environment(environ: dict) -> None:
    """Pool worker initializer: the caller's environment now (settings, budgets) replaces the one
    the fork server started with."""
    os.environ.clear()
    os.environ.update(environ)


def _can_fork() -> bool:
    """Whether a plain fork is safe: this is the only thread (no lock can be held mid-fork)."""
    return threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


# the extractor modules a document of a kind needs, by file suffix (an optimisation only: the
# child imports whatever the bytes turn out to need)
SUFFIX_MODULES = {".docx": ("extractors.docx",), ".pdf": ("extractors.pdf",),
                  ".html": ("extractors.html",), ".htm": ("extractors.html",)}


def _preload_for(path: str) -> None:
    """Import the extractor of ``path``'s kind here, so forked children inherit it.

    A PDF's extraction judges its text layer and rejoins broken words with the pymorphy3
    dictionary, which this process loads afterwards anyway (the normaliser lemmatises every
    document): loaded here once, the child shares it instead of loading its own copy.
    """
    import importlib

    suffix = os.path.splitext(path)[1].lower()
    for name in SUFFIX_MODULES.get(suffix, ()):
        importlib.import_module(name)
    if suffix == ".pdf":
        from normalizers.morph import get_morph

        get_morph()


def _run_forkserver(path: str, result: str, limits: Limits,
                    while_waiting: Optional[Callable[[], None]] = None) -> Optional[int]:
    return _run_process(_forkserver(), path, result, limits, hide_main=True, while_waiting=while_waiting)


def _meanwhile(while_waiting: Optional[Callable[[], None]], timeout: float) -> Optional[float]:
    """Run ``while_waiting`` (errors logged, not raised); the seconds left of ``timeout`` (None: no limit)."""
    started = time.monotonic()
    if while_waiting is not None:
        try:
            while_waiting()
        except Exception as e:  # noqa: BLE001 - done again where it is needed, and reported there
            log.debug("work while the extraction worker ran failed: %s", e)
    return max(0.0, timeout - (time.monotonic() - started)) if timeout > 0 else None


def _run_process(ctx, path: str, result: str, limits: Limits, hide_main: bool = False,
                 while_waiting: Optional[Callable[[], None]] = None) -> Optional[int]:
    """Start the child from a multiprocessing context, wait within the budget, kill it after."""
    proc = ctx.Process(target=child_main, args=(path, result, limits), name="roadmaps-extract")
    if hide_main:  # a forkserver child would re-import __main__; a forked one has it already
        with _main_module_hidden():
            proc.start()
    else:
        proc.start()
    proc.join(_meanwhile(while_waiting, limits.doc_timeout))
    if proc.exitcode is None:
        _kill_group(proc.pid)
        proc.join(KILL_GRACE_S)
        if proc.exitcode is None:
            proc.kill()
            proc.join(KILL_GRACE_S)
        return None
    return proc.exitcode


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Hide ``__main__``'s file and spec while the worker starts.

    A multiprocessing child re-imports the parent's main script, which would run
    a caller's script again when it has no ``if __name__ == "__main__"`` guard.
    The worker needs nothing from ``__main__`` (its target is ``child_main``).
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved = {k: main.__dict__[k] for k in ("__file__", "__spec__") if k in main.__dict__}
    with _START_LOCK:
        try:
            main.__dict__.pop("__file__", None)
            main.__spec__ = None
            yield
        finally:
            main.__dict__.pop("__spec__", None)
            main.__dict__.update(saved)


def _run_subprocess(path: str, result: str, limits: Limits,
                    while_waiting: Optional[Callable[[], None]] = None) -> Optional[int]:
    cmd = [sys.executable, "-m", "pipeline.isolation", path, result, json.dumps(asdict(limits))]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        return proc.wait(_meanwhile(while_waiting, limits.doc_timeout))
    except subprocess.TimeoutExpired:
        _kill_group(proc.pid)
        try:
            proc.wait(KILL_GRACE_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        return None


def _kill_group(pid: int) -> None:
    """SIGKILL the worker's own process group (worker + Tesseract); never the caller's group."""
    try:
        if os.getpgid(pid) == pid:
            os.killpg(pid, signal.SIGKILL)
            return
    except (ProcessLookupError, PermissionError):
        pass
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _outcome(result: str, exitcode: Optional[int], path: str, limits: Limits) -> ExtractedDocument:
    """The child's document, or its refusal re-raised here as an ExtractionError."""
    if exitcode is None:
        log.info("%s: extraction worker killed after %g s (ROADMAPS_DOC_TIMEOUT)", path, limits.doc_timeout)
        raise budget.over_cap("extraction time", f"the worker was killed after {limits.doc_timeout:g} s",
                              "doc_timeout", limits.doc_timeout, "extract", path)
    if not os.path.exists(result):
        what = (f"signal {signal.Signals(-exitcode).name}" if exitcode < 0 else f"exit code {exitcode}")
        raise ExtractionError(f"the extraction worker died ({what}) without a result: a damaged file "
                              f"or the memory cap of {limits.max_memory_mb} MB (raise "
                              f"{budget.ENV['max_memory_mb'][0]} to allow more)", "extract", path)
    with open(result, "rb") as fh:
        payload = pickle.load(fh)
    if "doc" in payload:
        return payload["doc"]
    if "error" in payload:
        message, stage, err_path = payload["error"]
        raise ExtractionError(message, stage, err_path or path)
    if "memory" in payload:
        raise budget.over_cap("memory used by the extraction", "MemoryError", "max_memory_mb",
                              limits.max_memory_mb, "extract", path)
    raise ExtractionError(payload["crash"], "extract", path)


def _main(argv: list[str]) -> int:
    """``python -m pipeline.isolation PATH RESULT LIMITS_JSON`` (the daemonic-parent path)."""
    path, result, limits_json = argv
    child_main(path, result, Limits(**json.loads(limits_json)))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
