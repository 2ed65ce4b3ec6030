"""Every setting of roadmaps in one typed object: ``ROADMAPS_*`` variables, a ``.env`` file, flags.

The ground floor: it imports nothing of the project, so every floor (extractors, normalizers,
pipeline, flows, cli) reads its settings here instead of from ``os.environ``.

``Settings`` is declared like a Pydantic model and converts values exactly as Pydantic does, but
imports Pydantic only for a value it cannot settle itself (``roadmaps_settings.model``); the
sources are read here, the way pydantic-settings read them (variable names in any case, empty
values ignored, ``.env`` through python-dotenv). Importing both cost about 0.1 s at the start of
every command.

Precedence, lowest first: the field's default < a ``.env`` file in the working directory <
the process environment < overrides given by a command-line flag (``override()``).
``load()`` reads afresh on every call, so a variable changed at run time is seen, as before (the
validated object is reused while the variables, the .env file and the flags stay the same).

A value that cannot be used raises ``SettingsError`` (a ``ValueError``) with one line naming
the variable, e.g. ``ROADMAPS_MAX_PAGES='many' is not a whole number``.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Literal, Mapping, Optional

from roadmaps_settings.model import Field, Invalid, Model, Secret, validate

PREFIX = "ROADMAPS_"
ENV_FILE = ".env"
MB = 1024 * 1024


class Settings(Model):
    """The effective settings; each field is the variable ``ROADMAPS_<FIELD NAME>`` (``load()``)."""

    # database and files
    db_url: Optional[str] = Field(None, description="Database URL (SQLite or PostgreSQL); "
                                  "unset: sqlite:///data/curated/roadmaps.db")
    originals_dir: Optional[Path] = Field(None, description="Where originals are kept for the review app; "
                                          "unset: originals/ beside the SQLite file")
    debug: bool = Field(False, description="Show full tracebacks instead of one-line errors")
    review_token: Optional[Secret] = Field(None, description="Token the review app asks for")
    log_level: Literal["debug", "info", "warning", "error"] = Field(
        "warning", description="Log level of the command line (debug, info, warning, error); "
                               "info or debug also shows Prefect's logs")
    # budgets of one document (extractors.limits)
    max_bytes: int = Field(100 * MB, ge=0, description="File size in bytes (also the download cap)")
    max_pages: int = Field(500, ge=0, description="Pages of a PDF")
    max_page_area: float = Field(2.0, ge=0, description="Area of one PDF page in m² (A0 = 1 m²)")
    max_pixels: int = Field(50_000_000, ge=0, description="Pixels of one page rendered for OCR")
    max_unzipped_bytes: int = Field(256 * MB, ge=0, description="Declared uncompressed size of a DOCX")
    max_zip_ratio: float = Field(200.0, ge=0, description="Compression ratio of one DOCX member")
    max_zip_members: int = Field(5000, ge=0, description="Members in a DOCX zip")
    max_table_cols: int = Field(200, ge=0, description="Columns of a DOCX table without a grid")
    ocr_page_timeout: float = Field(90.0, ge=0, description="Seconds of OCR per page (wall clock)")
    doc_timeout: float = Field(600.0, ge=0, description="Seconds of extraction per document (0: none)")
    normalise_timeout: float = Field(120.0, ge=0, description="Seconds of normalising per document, after "
                                     "extraction (0: none; counted where the run's main thread normalises)")
    max_memory_mb: int = Field(4096, ge=0, description="Address space of the extraction worker (0: none)")
    isolate: bool = Field(True, description="Extract in a killable worker process (0: in this process)")
    ocr_engine: Literal["tesserocr", "command"] = Field(
        "tesserocr", description="How Tesseract runs: tesserocr (its C API, one engine per thread) or "
                                 "command (the tesseract program per call, pytesseract)")
    # LibreOffice conversion (extractors.convert)
    soffice: Optional[str] = Field(None, description="LibreOffice executable; unset: soffice, libreoffice")
    convert_timeout: float = Field(120.0, ge=0, description="Seconds LibreOffice may take per document")
    convert_max_bytes: int = Field(50 * MB, ge=0, description="Largest .doc/.rtf/.odt handed to LibreOffice")
    rtf_max_depth: int = Field(1000, ge=0, description="Deepest nesting of RTF groups accepted")
    # downloads (pipeline.sources.fetch)
    fetch_timeout: float = Field(30.0, ge=0, description="Seconds per connect / per read of a download")
    fetch_deadline: float = Field(300.0, ge=0, description="Seconds for a whole download, retries included")
    fetch_retries: int = Field(3, ge=0, description="Retries on 429 / 5xx / connection trouble")
    fetch_max_redirects: int = Field(5, ge=0, description="Redirects followed")
    fetch_allow_private: bool = Field(False, description="Allow private / loopback addresses (trusted hosts only)")
    # set-up kept between runs (cache_path())
    cache_dir: Optional[str] = Field(None, description="Folder for set-up kept between runs (schema of a new "
                                     "SQLite file, theme lemmas); unset: ~/.cache/roadmaps; off: none")
    # scale-out (flows.ingest)
    dask_address: Optional[str] = Field(None, description="Dask scheduler `roadmaps pull` runs documents on "
                                        "(tcp://HOST:PORT); unset: this machine")


class SettingsError(ValueError):
    """A setting whose value cannot be used; the message is one line naming the variable."""


def env_name(field: str) -> str:
    return PREFIX + field.upper()


def default(field: str) -> Any:
    """The default of a setting (the one place defaults are written)."""
    return Settings.model_fields[field].default


_WORDS = {"int_parsing": "is not a whole number", "int_from_float": "is not a whole number",
          "int_type": "is not a whole number", "float_parsing": "is not a number",
          "float_type": "is not a number", "bool_parsing": "is not a yes/no value (use 1 or 0)",
          "bool_type": "is not a yes/no value (use 1 or 0)", "greater_than_equal": "must not be negative"}


def _one_line(e: Invalid, raw: Mapping[str, Any]) -> SettingsError:
    """The one-line message for the first error of ``e`` (``Invalid`` or Pydantic's ``ValidationError``)."""
    err = e.errors()[0]
    field = str(err["loc"][0]) if err.get("loc") else "?"
    words = _WORDS.get(err["type"], err["msg"])
    if err["type"] == "literal_error":
        words = f"is not one of {err.get('ctx', {}).get('expected', 'the accepted values')}"
    value = raw.get(field, err.get("input"))
    return SettingsError(f"{env_name(field)}={str(value)[:80]!r} {words}")


_overrides: dict[str, Any] = {}


def override(**values: Any) -> None:
    """Values given by command-line flags: above every other source (None is ignored)."""
    _overrides.update({k: v for k, v in values.items() if v is not None})


def clear_overrides() -> None:
    """Forget every flag override (each command line starts from none)."""
    _overrides.clear()


@contextmanager
def overridden(**values: Any) -> Iterator[None]:
    """``override`` for the length of a block (tests, one command)."""
    saved = dict(_overrides)
    override(**values)
    try:
        yield
    finally:
        _overrides.clear()
        _overrides.update(saved)


def load(environ: Optional[Mapping[str, str]] = None, *, need: Iterable[str] = (), **given: Any) -> Settings:
    """The effective settings now; ``environ`` instead of the process environment and .env.

    ``given`` (flag values; None ignored) sit above everything. Raises ``SettingsError`` for the
    first unusable value; with ``need`` (field names) only a bad value among those raises, the
    others fall back to their defaults (a bad OCR budget does not stop ``roadmaps export``).
    """
    values = {**_overrides, **{k: v for k, v in given.items() if v is not None}}
    try:
        return _build(environ, values)
    except Invalid as e:
        bad = {str(err["loc"][0]) for err in e.errors() if err.get("loc")}
        if not need or bad & set(need):
            raise _one_line(e, values if _bad_field(e) in values else _raw(environ)) from None
        fallback = {f: Settings.model_fields[f].default for f in bad}
        return _build(environ, {**values, **fallback})


def _build(environ: Optional[Mapping[str, str]], values: dict[str, Any]) -> Settings:
    if environ is None:
        key = _inputs_key(values)
        if key is not None and key in _built:
            return _built[key].model_copy()
        built = _validated({**_dotenv(), **_from_environ(os.environ), **values})
        if key is not None:
            _built.clear()              # only the newest inputs are worth keeping
            _built[key] = built
        return built.model_copy()
    from_env = {f: v for f in Settings.model_fields if (v := environ.get(env_name(f))) is not None
                and str(v).strip()}
    return _validated({**from_env, **values})


def _validated(data: dict[str, Any]) -> Settings:
    """``Settings`` from the merged sources: a value of only spaces counts as unset (the default
    applies), other texts are stripped, the log level is lower-cased; ``Invalid`` when refused."""
    data = {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()
            if not (isinstance(v, str) and not v.strip())}
    if isinstance(data.get("log_level"), str):
        data["log_level"] = data["log_level"].lower()
    return validate(Settings, data)


def _from_environ(variables: Mapping[str, Optional[str]]) -> dict[str, str]:
    """The values of ``variables`` by field name: names matched in any case (the last spelling
    wins, as in pydantic-settings), empty values and names without a value left out."""
    lowered = {k.lower(): v for k, v in variables.items() if v != ""}
    return {f: v for f in Settings.model_fields if (v := lowered.get(env_name(f).lower())) is not None}


# the Settings built from the newest inputs (``_inputs_key``): the same environment, .env and flags
# give the same object, so the many reads of one run validate once; any change is seen at once
_built: dict[tuple, Settings] = {}


def _inputs_key(values: dict[str, Any]) -> Optional[tuple]:
    """Everything ``Settings(**values)`` reads: the ROADMAPS_* variables (any case, as
    pydantic-settings matches them), the .env file in the working directory (by path and
    contents) and the given values; None when the values cannot be a key."""
    env = tuple(sorted((k, v) for k, v in os.environ.items() if k[:len(PREFIX)].upper() == PREFIX))
    path = os.path.abspath(ENV_FILE)
    try:
        with open(path, "rb") as fh:
            dotenv: tuple = (path, fh.read())
    except OSError:
        dotenv = (path, None)
    try:
        key = (env, dotenv, tuple(sorted(values.items())))
        hash(key)
    except TypeError:
        return None
    return key


def _bad_field(e: Invalid) -> str:
    loc = e.errors()[0].get("loc") or ("?",)
    return str(loc[0])


def _raw(environ: Optional[Mapping[str, str]]) -> dict[str, Any]:
    """The raw values by field name, for the message (environment over .env)."""
    raw = {f: v for f, v in _dotenv().items()} if environ is None else {}
    env = os.environ if environ is None else environ
    raw.update({f: env[env_name(f)] for f in Settings.model_fields if env_name(f) in env})
    return raw


def _dotenv() -> dict[str, str]:
    """The values of the ``.env`` file in the working directory by field name ({} without one)."""
    path = Path(ENV_FILE)
    if not (path.is_file() or path.is_fifo()):
        return {}
    from dotenv import dotenv_values

    return _from_environ(dotenv_values(path, encoding="utf-8"))


def sources() -> dict[str, str]:
    """Where each field's effective value comes from: flag, env, .env or default."""
    dotenv = _dotenv()
    out = {}
    for f in Settings.model_fields:
        if _overrides.get(f) is not None:
            out[f] = "flag"
        elif os.environ.get(env_name(f), "").strip():
            out[f] = "env"
        elif str(dotenv.get(f, "")).strip():
            out[f] = ".env"
        else:
            out[f] = "default"
    return out


def cache_path() -> Optional[Path]:
    """The folder for set-up kept between runs, or None when ``ROADMAPS_CACHE_DIR=off``.

    Unset: ``$XDG_CACHE_HOME/roadmaps``, else ``~/.cache/roadmaps``. Whatever is kept there is
    keyed by a hash of what it was computed from, so a stale entry is never used; a folder that
    cannot be written only means the set-up is computed again.
    """
    configured = load(need=("cache_dir",)).cache_dir
    if configured and configured.lower() in ("off", "0", "none"):
        return None
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or ""
    try:
        return (Path(base) if base.strip() else Path.home() / ".cache") / "roadmaps"
    except RuntimeError:  # no home directory
        return None


def markdown_table() -> str:
    """The README's table of settings (tests/settings check that the README holds exactly this)."""
    lines = ["| variable | default | what it sets |", "|---|---|---|"]
    lines += [f"| `{name}` | {default or '(unset)'} | {desc} |" for name, default, desc in describe()]
    return "\n".join(lines)


def describe() -> list[tuple[str, str, str]]:
    """(variable, default, description) of every field, in declaration order (the README table)."""
    rows = []
    for f, info in Settings.model_fields.items():
        default = info.default
        default = "" if default is None else ("1" if default else "0") if isinstance(default, bool) else str(default)
        rows.append((env_name(f), default, info.description or ""))
    return rows
