"""What a served deployment of ``ingest_sources`` is made of, checked before anything starts.

- ``check_cron``: the schedule, validated by Prefect's own ``CronSchedule`` (``BadSchedule``
  otherwise) — so ``serve --cron "every monday"`` fails at once, not after the server is up;
- ``secret_free_db``: a database URL split into what may be a parameter (the URL when it has no
  password) and what must travel in the environment (``ROADMAPS_DB_URL`` when it has one):
  deployment and run parameters are shown in the Prefect UI and stored in its database;
- ``deployment_parameters`` / ``deployment_description``: the parameters and the text of the
  deployment, with the password never in them.
"""

from __future__ import annotations

import flows.prefect_env  # noqa: F401  (Prefect settings before Prefect is imported)

from pathlib import Path
from typing import Any, Optional

from sqlalchemy.engine import make_url

from pipeline.errors import BadSchedule
from pipeline.store.db import DB_URL_ENV, mask_url, resolve_url

CRON_HELP = "five fields: minute hour day-of-month month day-of-week, e.g. '0 6 * * 1' = Mondays 06:00"


def check_cron(cron: str) -> str:
    """``cron`` if Prefect accepts it as a cron schedule; ``BadSchedule`` (exit 2) otherwise."""
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron)
    except ValueError as e:  # pydantic's ValidationError is a ValueError
        raise BadSchedule(f"--cron {cron!r} is not a cron expression ({CRON_HELP})") from e
    return cron


def has_password(db_url: str) -> bool:
    return bool(make_url(db_url).password)


def secret_free_db(db_url: Optional[str]) -> tuple[Optional[str], dict[str, str]]:
    """(``db_url`` parameter, environment) for a flow run or deployment.

    A URL without a password is a plain parameter; one with a password is passed as
    ``$ROADMAPS_DB_URL`` (the parameter stays None and the flow reads the variable).
    """
    url = resolve_url(db_url)
    if has_password(url):
        return None, {DB_URL_ENV: url}
    return url, {}


def deployment_parameters(manifest: str, db_url: Optional[str], report: Optional[Path],
                          allow_private: bool = False) -> tuple[dict[str, Any], dict[str, str]]:
    """(parameters, environment) of the served deployment; no password in the parameters."""
    db_param, env = secret_free_db(db_url)
    parameters = {"manifest_path": manifest, "db_url": db_param,
                  "report_path": str(Path(report).resolve()) if report else None,
                  "fail_on_errors": True}
    if allow_private:
        parameters["allow_private"] = True
    return parameters, env


def deployment_description(manifest: str, db_url: Optional[str], cron: str,
                           db_secret: Optional[str] = None) -> str:
    """Human description shown in the Prefect UI (the database URL masked)."""
    if db_secret:
        target = f"the database named by the Prefect Secret block {db_secret!r}"
    else:
        url = resolve_url(db_url)
        via = f" (URL from ${DB_URL_ENV} of the serving process)" if has_password(url) else ""
        target = f"{mask_url(url)}{via}"
    return f"Ingest the documents of {manifest} into {target}; schedule {cron!r}."
