"""Where log records are shown: the one place that configures handlers (library code only logs).

Convention: every module logs to ``logging.getLogger(__name__)``, so the loggers form one tree
per top-level package (``pipeline``, ``extractors``, ``normalizers``, ``flows``, …; listed in
``PACKAGES``). ``setup_logging`` (called by the app's callback for every command) gives those
package loggers one Rich handler on stderr and their level: WARNING by default, INFO or DEBUG
with ``-v`` / ``-vv`` (``--verbose``), ERROR with ``--quiet``; ``$ROADMAPS_LOG_LEVEL`` sets
the default. They do not propagate to the root logger, so Prefect's console handler (which it
puts on the root) never prints them a second time.

Prefect's own console output (its loggers and the flow- and task-run loggers) is gated by
``PrefectConsoleGate``: ``pull``, ``serve`` and ``quarantine retry`` print their own summary and
one line per failed document, and Prefect's lines only with ``--verbose`` (or ``--debug``).
The gate is a filter on Prefect's console handler, so the run logs still reach the Prefect API;
``prefect_logging_file`` is a Prefect logging config with the same filter for the flow-run
subprocesses that ``serve`` starts.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Optional

from rich.logging import RichHandler

from cli.common import console

PACKAGES = ("cli", "extractors", "normalizers", "pipeline", "flows", "roadmaps_settings")
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING,
          "error": logging.ERROR}
PREFECT_LOGGING_YML = Path(__file__).with_name("prefect_logging.yml")

_state = {"show_prefect": True}


class _RoadmapsHandler(RichHandler):
    """The handler this module installs (replaced on each command, never stacked)."""


def _rich_handler(level: int) -> logging.Handler:
    handler = _RoadmapsHandler(console=console, level=level, show_time=level <= logging.DEBUG,
                               show_path=level <= logging.DEBUG, markup=False, rich_tracebacks=False,
                               omit_repeated_times=False)
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s" if level <= logging.DEBUG
                                           else "%(message)s"))
    return handler


def level_for(verbose: int, quiet: bool, default: str = "warning") -> int:
    """The level of our loggers: -q → ERROR, -v → INFO, -vv → DEBUG, else ``default``."""
    if quiet:
        return logging.ERROR
    if verbose >= 2:
        return logging.DEBUG
    if verbose == 1:
        return min(logging.INFO, LEVELS[default])
    return LEVELS[default]


def setup_logging(level: int, show_prefect: bool) -> None:
    """One Rich handler on stderr for each of our package loggers, at ``level``; Prefect's
    console lines shown or hidden (``show_prefect``) for the rest of this command."""
    handler = _rich_handler(level)
    for name in PACKAGES:
        logger = logging.getLogger(name)
        for old in [h for h in logger.handlers if isinstance(h, _RoadmapsHandler)]:
            logger.removeHandler(old)
        logger.addHandler(handler)
        logger.setLevel(level)
        logger.propagate = False
    _state["show_prefect"] = show_prefect


class PrefectConsoleGate(logging.Filter):
    """Passes a record to Prefect's console handler only when Prefect's lines are wanted.

    Records of our own packages always pass (in a ``serve`` run subprocess nothing else shows
    them); Prefect's, and every other library's, pass only with ``--verbose``.
    """

    def __init__(self, show: Optional[bool] = None) -> None:
        super().__init__()
        self.show = show   # None: as the current command says (``setup_logging``)

    def filter(self, record: logging.LogRecord) -> bool:
        show = _state["show_prefect"] if self.show is None else self.show
        return show or record.name.split(".")[0] in PACKAGES


_GATE = PrefectConsoleGate()


def gate_prefect_console() -> None:
    """Put the gate on every Prefect console handler of this process (importing Prefect,
    which sets its logging up on import). Idempotent."""
    import prefect.main  # noqa: F401  (Prefect sets its logging up here, not on `import prefect`)
    from prefect.logging.handlers import PrefectConsoleHandler

    loggers = [logging.getLogger()] + [lg for lg in logging.Logger.manager.loggerDict.values()
                                       if isinstance(lg, logging.Logger)]
    for logger in loggers:
        for handler in logger.handlers:
            if isinstance(handler, PrefectConsoleHandler) and _GATE not in handler.filters:
                handler.addFilter(_GATE)


def prefect_logging_file() -> Optional[str]:
    """The Prefect logging config for ``serve``'s run subprocesses (None with ``--verbose``)."""
    return None if _state["show_prefect"] else str(PREFECT_LOGGING_YML)


def showing_prefect() -> bool:
    return _state["show_prefect"]


VERBOSE_HELP = "More log lines: -v info and Prefect's logs, -vv debug (also $ROADMAPS_LOG_LEVEL)."
QUIET_HELP = "Only errors in the log (summary and failed documents are still printed)."


def verbose_option() -> Any:
    """``--verbose`` / ``-v`` (repeatable), for the app and for the Prefect commands."""
    import typer

    return typer.Option(0, "--verbose", "-v", count=True, show_default=False, metavar="", help=VERBOSE_HELP)


def quiet_option() -> Any:
    import typer

    return typer.Option(False, "--quiet", "-q", help=QUIET_HELP)


def configure(verbose: int, quiet: bool) -> None:
    """Logging as ``-v`` / ``-q`` say, ``$ROADMAPS_LOG_LEVEL`` the default (the app callback);
    Prefect's lines (and the tracebacks of failed tasks) also with ``--debug``."""
    import roadmaps_settings

    settings = roadmaps_settings.load(need=("log_level",))
    level = level_for(verbose, quiet, settings.log_level)
    setup_logging(level, show_prefect=level <= logging.INFO or settings.debug)


def apply_verbosity(verbose: int, quiet: bool) -> None:
    """``-v`` / ``-q`` given after a command name; without them the app-level setting
    (``roadmaps -v pull …``) stays."""
    if verbose or quiet:
        configure(verbose, quiet)
