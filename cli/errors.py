"""The one place where errors become what a person reads: one line and an exit code.

``RoadmapsGroup`` is the Click group class of the ``roadmaps`` app (``cli.app``); every
command, nested ones included, runs inside its ``invoke``. There:

- a ``RoadmapsError`` (``pipeline.errors``) prints ``error (stage): message`` and exits with
  its code: 2 when the command was given something unusable, 1 when the work failed;
- a missing optional package and a database that went away mid-run get the same treatment;
- anything else is a bug: one line saying so, exit 1;
- Ctrl-C exits 130 without a traceback.

``--debug`` (or ``ROADMAPS_DEBUG=1``) lets every exception through with its traceback.
Click's own usage errors (unknown option, bad integer…) keep Click's message and exit 2.
"""

from __future__ import annotations

from typing import Any, NoReturn

import click
from typer.core import TyperGroup

import roadmaps_settings
from cli.common import print_error
from pipeline.errors import RoadmapsError, missing_dependency

DEBUG_ENV = "ROADMAPS_DEBUG"
EXIT_INTERRUPTED = 130


def debug_enabled(ctx: click.Context) -> bool:
    """``--debug`` on the command line or ``ROADMAPS_DEBUG`` set to a true value."""
    if ctx.params.get("debug"):
        return True
    try:
        return roadmaps_settings.load(need=("debug",)).debug
    except roadmaps_settings.SettingsError:
        return False


def as_roadmaps_error(exc: BaseException) -> RoadmapsError | None:
    """The ``RoadmapsError`` an exception stands for (None for a bug)."""
    if isinstance(exc, RoadmapsError):
        return exc
    if isinstance(exc, roadmaps_settings.SettingsError):
        from pipeline.errors import BadSetting

        return BadSetting(str(exc))
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        from pipeline.errors import OPTIONAL

        top = exc.name.split(".")[0]
        if top in OPTIONAL:
            return missing_dependency(top)
    try:
        from sqlalchemy.exc import OperationalError
    except ImportError:  # pragma: no cover - sqlalchemy is a core dependency
        return None
    if isinstance(exc, OperationalError):
        from pipeline.errors import DatabaseUnreachable
        from pipeline.store.db import one_line

        return DatabaseUnreachable(f"database error: {one_line(exc.orig or exc)}")
    return None


def exit_for(exc: BaseException) -> NoReturn:
    """Print the one-line message for ``exc`` and leave with its exit code."""
    from pipeline.store.db import mask_secrets

    error = as_roadmaps_error(exc)
    if error is not None:
        print_error(error.stage, mask_secrets(str(error)))
        raise click.exceptions.Exit(error.exit_code)
    detail = mask_secrets(" ".join(f"{type(exc).__name__}: {exc}".split()))
    print_error("internal", f"{detail} — this is a bug; run again with --debug for the traceback")
    raise click.exceptions.Exit(1)


class RoadmapsGroup(TyperGroup):
    """Typer's group with the project's error handling around every command."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            if debug_enabled(ctx):
                raise
            print_error("interrupted", "stopped by Ctrl-C")
            raise click.exceptions.Exit(EXIT_INTERRUPTED)
        except Exception as exc:
            if debug_enabled(ctx):
                raise
            exit_for(exc)
