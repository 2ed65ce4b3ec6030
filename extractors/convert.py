""".doc, .rtf and .odt: converted to DOCX by LibreOffice headless, then read as DOCX.

LibreOffice is the reference reader of these formats (Word 97 binary, RTF and
ODF all come out of one import layer that has been fed the real world's files
for twenty years). A .doc is also read by a small native reader of the Word 97
binary format (``extractors.doc_binary``, ``extractors.doc_binary_tables``), whose
grid is used instead of LibreOffice's when LibreOffice is not installed, when it
fails on the file, or when its DOCX holds fewer filled table cells than the .doc
itself: LibreOffice's DOC import can read a table written by its own DOC export
back as one flattened paragraph although every cell mark is in the file. Such a
document says so: extractor ``doc-binary`` and a document flag
(``doc_read_without_libreoffice``, ``doc_libreoffice_failed`` or
``doc_table_lost_by_libreoffice``). The conversion is treated as running untrusted input:

* the input is size-capped (``ROADMAPS_CONVERT_MAX_BYTES``, 50 MB) and an RTF
  nested deeper than ``ROADMAPS_RTF_MAX_DEPTH`` groups (1000) is refused before
  LibreOffice sees it;
* each call gets its own throw-away user profile (``-env:UserInstallation``) in a
  ``TemporaryDirectory`` that also holds the copy of the input and the output, so
  parallel conversions never share state and nothing is left behind;
* the profile is seeded with macro execution disabled, security level "very
  high", Word VBA neither loaded nor executable, and links from untrusted
  documents blocked (``BlockUntrustedRefererLinks``); nothing on the command line
  enables macros. (``--convert-to`` does not run document event macros even at
  the lowest level — the tests check that with an on-load macro — so this is a
  second lock);
* ``soffice`` runs in its own process group (``start_new_session``) with a time
  limit (``ROADMAPS_CONVERT_TIMEOUT``, 120 s); on timeout the whole group is killed.

Every failure is an ``ExtractionError`` with stage ``convert`` naming the file.
Provenance: the document keeps its original ``file_format`` (``doc``/``rtf``/``odt``),
the extractor is ``libreoffice→docx-xml`` and its version joins the DOCX reader's
version and LibreOffice's (``0.1.0+lo7.4.7.2``).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Optional, Sequence

import roadmaps_settings
from extractors.grid import ExtractedDocument, ExtractionError

EXTRACTOR_NAME = "libreoffice→docx-xml"
DEBIAN_PACKAGE = "libreoffice-writer-nogui"
SOFFICE_ENV = "ROADMAPS_SOFFICE"
DOCX_FILTER = "docx:MS Word 2007 XML"
INPUT_FILTERS = {"doc": "MS Word 97", "rtf": "Rich Text Format", "odt": "writer8"}
STAGE = "convert"

# The private profile of each run: macros off whatever the document asks for.
PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" \
oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Filter/Import/VBA"><prop oor:name="Load" \
oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Filter/Import/VBA"><prop oor:name="Executable" \
oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def _fail(path: str, message: str) -> ExtractionError:
    return ExtractionError(message, STAGE, path)


def _settings(path: Optional[str] = None) -> roadmaps_settings.Settings:
    """The conversion settings now (``ROADMAPS_CONVERT_*``, ``ROADMAPS_RTF_MAX_DEPTH``, ``ROADMAPS_SOFFICE``)."""
    try:
        return roadmaps_settings.load(need=("soffice", "convert_timeout", "convert_max_bytes",
                                            "rtf_max_depth"))
    except roadmaps_settings.SettingsError as e:
        raise ExtractionError(f"bad setting: {e}", "config", path) from e


def find_soffice(command: Optional[str] = None) -> Optional[str]:
    """The LibreOffice executable: ``command``, ``$ROADMAPS_SOFFICE``, ``soffice`` or ``libreoffice``."""
    candidates = [command] if command else [_settings().soffice, "soffice", "libreoffice"]
    for name in candidates:
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def _run_group(cmd: Sequence[str], timeout: float, env: Optional[dict] = None) -> tuple[int, str]:
    """Run ``cmd`` in a new process group; kill the whole group on timeout (TimeoutError)."""
    proc = subprocess.Popen(list(cmd), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True, env=env)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise TimeoutError(f"no result within {timeout:g} s") from None
    return proc.returncode, out.decode("utf-8", "replace")


def _kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL the process group led by ``proc`` (still unreaped, so its id cannot be reused)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.communicate(timeout=10)
    except (subprocess.TimeoutExpired, ValueError):
        pass


@functools.lru_cache(maxsize=8)
def libreoffice_version(soffice: str) -> str:
    """'7.4.7.2' from ``soffice --version`` (cached per executable); '?' when it cannot tell."""
    try:
        _, out = _run_group([soffice, "--version"], timeout=60)
    except (OSError, TimeoutError):
        return "?"
    m = re.search(r"LibreOffice\s+(\d[\w.]*)", out)
    return m.group(1) if m else "?"


def rtf_depth(data: bytes) -> int:
    """The deepest ``{`` group nesting of RTF bytes (escaped ``\\{`` ``\\}`` ``\\\\`` ignored)."""
    import numpy as np

    plain = data.replace(b"\\\\", b"").replace(b"\\{", b"").replace(b"\\}", b"")
    arr = np.frombuffer(plain, dtype=np.uint8)
    steps = (arr == ord("{")).astype(np.int32) - (arr == ord("}")).astype(np.int32)
    return int(np.cumsum(steps).max(initial=0))


def check_input(path: str, kind: str, max_bytes: int) -> None:
    """Refuse, before LibreOffice starts, a file over the size cap or an RTF bomb."""
    try:
        size = os.path.getsize(path)
    except OSError as e:
        raise ExtractionError(f"cannot read file: {e.strerror}", "open", path) from e
    if size > max_bytes:
        raise _fail(path, f"{size} bytes is over the conversion size cap of {max_bytes} bytes "
                          "(ROADMAPS_CONVERT_MAX_BYTES)")
    if kind == "rtf":
        depth, limit = rtf_depth(Path(path).read_bytes()), _settings(path).rtf_max_depth
        if depth > limit:
            raise _fail(path, f"RTF groups nested {depth} deep (limit {limit}): "
                              "refused as a malformed or malicious file")


def _seed_profile(profile: Path) -> None:
    user = profile / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(PROFILE_SETTINGS, encoding="utf-8")


def convert_command(soffice: str, profile: Path, src: Path, outdir: Path, target: str,
                    infilter: Optional[str] = None) -> list[str]:
    """The soffice command line converting ``src`` to ``target`` in ``outdir`` with a private profile."""
    cmd = [soffice, "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
           f"-env:UserInstallation={profile.as_uri()}"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    return cmd + ["--convert-to", target, "--outdir", str(outdir), str(src)]


def _last_line(output: str) -> str:
    lines = [ln.strip() for ln in output.splitlines() if ln.strip() and "javaldx" not in ln]
    return lines[-1] if lines else "no output"


def _require_soffice(path: str, kind: str, soffice: Optional[str]) -> str:
    exe = find_soffice(soffice)
    if exe is None:
        raise _fail(path, f"LibreOffice is needed to read .{kind} files but `soffice` was not "
                          f"found: install the Debian package {DEBIAN_PACKAGE} "
                          f"(apt-get install --no-install-recommends {DEBIAN_PACKAGE}) "
                          f"or set {SOFFICE_ENV}")
    return exe


def run_libreoffice(path: str, kind: str, target: str, workdir: Path, *,
                    soffice: Optional[str] = None, timeout: Optional[float] = None) -> Path:
    """Convert ``path`` (a ``kind`` file) with LibreOffice to ``target`` (``ext[:filter]``) in ``workdir``.

    ``workdir`` (empty, owned by the caller) receives the private profile, a copy of the input
    and the output; the path of the output file is returned.
    """
    exe = _require_soffice(path, kind, soffice)
    profile, outdir, src = workdir / "profile", workdir / "out", workdir / f"document.{kind}"
    _seed_profile(profile)
    outdir.mkdir()
    shutil.copyfile(path, src)   # the right extension, and LibreOffice never touches the original
    env = dict(os.environ, HOME=str(workdir))
    limit = _settings(path).convert_timeout if timeout is None else timeout
    cmd = convert_command(exe, profile, src, outdir, target, INPUT_FILTERS.get(kind))
    try:
        code, output = _run_group(cmd, limit, env)
    except TimeoutError as e:
        raise _fail(path, f"LibreOffice was stopped: {e} (ROADMAPS_CONVERT_TIMEOUT)") from e
    except OSError as e:
        raise _fail(path, f"LibreOffice could not be started ({exe}): {e.strerror or e}") from e
    result = outdir / f"document.{target.split(':')[0]}"
    if code != 0 or not result.is_file() or result.stat().st_size == 0:
        raise _fail(path, f"LibreOffice could not convert the .{kind} file "
                          f"(exit code {code}): {_last_line(output)}")
    return result


def convert_to_docx(path: str, kind: str, workdir: Path, *, soffice: Optional[str] = None,
                    timeout: Optional[float] = None, max_bytes: Optional[int] = None) -> Path:
    """Convert ``path`` (a ``kind`` file) to a DOCX inside ``workdir``; returns the DOCX path."""
    check_input(path, kind, _settings(path).convert_max_bytes if max_bytes is None else max_bytes)
    return run_libreoffice(path, kind, DOCX_FILTER, workdir, soffice=soffice, timeout=timeout)


def extract_converted(path: str, kind: str, *, soffice: Optional[str] = None,
                      timeout: Optional[float] = None,
                      max_bytes: Optional[int] = None) -> ExtractedDocument:
    """A .doc/.rtf/.odt file through LibreOffice and the DOCX reader, with provenance.

    A .doc is also read by the native Word 97 reader (``extractors.doc_binary_tables``):
    its grid is used instead when LibreOffice is not installed, or when LibreOffice's
    DOCX holds fewer filled table cells than the .doc itself (a table read back flattened),
    or when LibreOffice fails on it. The size cap applies to both readers.
    """
    path = str(path)
    if kind != "doc":
        return _through_libreoffice(path, kind, soffice=soffice, timeout=timeout, max_bytes=max_bytes)
    check_input(path, kind, _settings(path).convert_max_bytes if max_bytes is None else max_bytes)
    native, native_error = _native_doc(path)
    if native is not None and find_soffice(soffice) is None:
        native.flags.append("doc_read_without_libreoffice")
        return native
    try:
        doc = _through_libreoffice(path, kind, soffice=soffice, timeout=timeout, max_bytes=max_bytes)
    except ExtractionError as e:
        if native is not None and filled_cells(native) > 0:   # LibreOffice failed, the .doc is sound
            native.flags.append("doc_libreoffice_failed")
            return native
        if native_error is not None and find_soffice(soffice) is None:
            raise _fail(path, f"{e.args[0]}; the native .doc reader could not read it either "
                              f"({native_error.args[0]})") from e
        raise
    if native is not None and filled_cells(native) > filled_cells(doc):
        native.flags.append("doc_table_lost_by_libreoffice")
        return native
    return doc


def filled_cells(doc: ExtractedDocument) -> int:
    """The number of table cells holding text, in all tables of ``doc``."""
    return sum(1 for t in doc.tables for r in t.rows for c in r.cells if not c.empty)


def _native_doc(path: str) -> tuple[Optional[ExtractedDocument], Optional[ExtractionError]]:
    """The native reader's grid of a .doc, or the error saying why it cannot read it."""
    from extractors.doc_binary_tables import extract_doc_binary

    try:
        return extract_doc_binary(path), None
    except ExtractionError as e:
        return None, e
    except Exception as e:  # a malformed file the reader did not foresee: LibreOffice decides
        return None, ExtractionError(f"unreadable Word 97 structure ({type(e).__name__}: {e})",
                                     "doc-binary", path)


def _through_libreoffice(path: str, kind: str, *, soffice: Optional[str] = None,
                         timeout: Optional[float] = None,
                         max_bytes: Optional[int] = None) -> ExtractedDocument:
    from extractors.docx import EXTRACTOR_VERSION, extract_docx

    with tempfile.TemporaryDirectory(prefix="roadmaps-lo-") as tmp:
        docx_path = convert_to_docx(path, kind, Path(tmp), soffice=soffice, timeout=timeout,
                                    max_bytes=max_bytes)
        try:
            doc = extract_docx(str(docx_path))
        except ExtractionError as e:
            raise _fail(path, f"LibreOffice's DOCX could not be read: {e.args[0]}") from e
    version = libreoffice_version(find_soffice(soffice) or "soffice")
    doc.path, doc.file_format = path, kind
    doc.extractor, doc.extractor_version = EXTRACTOR_NAME, f"{EXTRACTOR_VERSION}+lo{version}"
    for table in doc.tables:
        table.extractor = EXTRACTOR_NAME
    return doc
