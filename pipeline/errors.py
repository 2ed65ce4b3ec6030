"""The one family of errors the library raises for things a person can fix.

Every error is a ``RoadmapsError``: its message is one line that names the file or setting
at fault and the stage, and says what to do; ``exit_code`` tells a command line how to end
(2: the command was given something unusable, 1: the work itself failed). Tracebacks are
for bugs: anything that is not a ``RoadmapsError`` is one.

    RoadmapsError (exit 1)
    ├── UsageError (exit 2)
    │   ├── BadSource            a local path that does not exist, a URL that cannot be fetched
    │   ├── BadDatabaseURL       --db / $ROADMAPS_DB_URL is not a usable database URL
    │   ├── NoDatabase           a read command pointed at a database that is not there
    │   ├── BadRevision          db upgrade --revision names no migration
    │   ├── BadSchedule          serve --cron is not a cron expression
    │   └── BadSetting           an option or environment variable with an unusable value
    ├── DatabaseUnreachable      the database server does not answer / the file cannot be opened
    ├── MissingDependency        an optional package is not installed (message: the pip command)
    └── StageError               one document failed at a named stage (goes to quarantine)
        ├── FetchFailed          stage "fetch": download or read failed, with the reason
        └── UnsupportedFormat    stage "sniff": the bytes are not a PDF or DOCX
"""

from __future__ import annotations

import importlib.util
from typing import Optional


class RoadmapsError(Exception):
    """Base of every error meant for a person; ``str(error)`` is the whole one-line message."""

    exit_code: int = 1
    stage: str = "run"

    def __init__(self, message: str, *, stage: Optional[str] = None):
        super().__init__(message)
        if stage is not None:
            self.stage = stage

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class UsageError(RoadmapsError):
    """The command was given something it cannot use (exit code 2)."""

    exit_code = 2
    stage = "arguments"


class BadSource(UsageError):
    """A source given on the command line (or in a manifest) that cannot be a document."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{reason}: {source}" if reason.startswith("no such") else f"{source}: {reason}")
        self.source = source
        self.reason = reason


class BadDatabaseURL(UsageError):
    """``--db`` / ``$ROADMAPS_DB_URL`` is not a URL of a supported database."""

    stage = "database"


class NoDatabase(UsageError):
    """A read command named a database that does not exist (nothing is created)."""

    stage = "database"


class BadRevision(UsageError):
    """An Alembic revision that is not one of the project's migrations."""

    stage = "database"


class BadSchedule(UsageError):
    """A schedule (cron expression) that cannot be parsed."""

    stage = "schedule"


class BadSetting(UsageError):
    """An option or environment variable whose value cannot be used."""


class DatabaseUnreachable(RoadmapsError):
    """The database cannot be reached or opened (server down, wrong host, no permission)."""

    stage = "database"


class MissingDependency(RoadmapsError):
    """An optional package is missing; the message carries the exact install command."""

    stage = "setup"

    def __init__(self, feature: str, module: str, install: str):
        super().__init__(f"{feature} needs the Python package '{module}', which is not installed: "
                         f"run  {install}")
        self.module = module
        self.install = install


class StageError(RoadmapsError):
    """A document failed at a named stage; the message names the file (the source)."""

    def __init__(self, message: str, stage: str, source: str):
        super().__init__(message, stage=stage)
        self.source = source

    @property
    def reason(self) -> str:
        """The message without the source and stage."""
        return str(self.args[0])

    def __str__(self) -> str:
        return f"{self.source}: {self.stage} failed: {self.args[0]}"

    def __reduce__(self):
        """Picklable (a process-pool worker raises it), subclasses and extra attributes included."""
        return _restore_stage_error, (type(self), self.args[0], dict(self.__dict__))


def _restore_stage_error(cls: type, message: str, state: dict) -> "StageError":
    err = cls.__new__(cls)
    Exception.__init__(err, message)
    err.__dict__.update(state)
    return err


class FetchFailed(StageError):
    """Downloading or reading a source failed; ``reason`` says why and what to do."""

    def __init__(self, source: str, reason: str):
        super().__init__(reason, "fetch", source)


class UnsupportedFormat(StageError):
    """The bytes are not a document this pipeline reads (PDF, DOCX, DOC, RTF, ODT, HTML with a table)."""

    def __init__(self, source: str, reason: str):
        super().__init__(reason, "sniff", source)


# ---- optional dependencies -----------------------------------------------------------------

OPTIONAL = {
    # module: (feature, install command)
    "psycopg": ("PostgreSQL support", 'pip install "psycopg[binary]>=3.1"'),
    "datasette": ("roadmaps browse", 'pip install "datasette>=0.64"'),
    "uvicorn": ("roadmaps browse", 'pip install "datasette>=0.64"'),
    "prefect_dask": ("--dask", "pip install prefect-dask"),
}


def missing_dependency(module: str) -> MissingDependency:
    """The ``MissingDependency`` for a known optional module (its feature and pip command)."""
    feature, install = OPTIONAL.get(module, ("this command", f"pip install {module}"))
    return MissingDependency(feature, module, install)


def require_module(module: str) -> None:
    """Raise ``MissingDependency`` unless ``module`` can be imported (checked without importing)."""
    try:
        found = importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise missing_dependency(module)
