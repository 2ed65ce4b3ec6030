"""Prefect settings for this project, applied before Prefect is first imported.

- ``PREFECT_SERVER_ANALYTICS_ENABLED=false``: these machines are offline.
- ``PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS=120``: the temporary server
  needs ~7 s on a fresh ``PREFECT_HOME`` and far more on a busy CI machine.
- ``PREFECT_HOME`` stays Prefect's own default, ``~/.prefect``: Prefect's run
  history (its own SQLite file) never sits next to the research database in
  ``data/curated/``, is never exported or committed, and is the same home that
  ``prefect server start`` uses, so ``roadmaps pull`` and ``roadmaps serve`` runs
  show up in one UI. Set ``PREFECT_HOME`` yourself to move it.

Only unset variables are filled in; anything exported by the user wins.
"""

from __future__ import annotations

import os
from pathlib import Path

PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_HOME": str(Path.home() / ".prefect"),
}


def configure_prefect_env() -> None:
    """Fill in the project's Prefect defaults and create ``PREFECT_HOME``."""
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)
    Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)


configure_prefect_env()
