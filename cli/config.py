"""``roadmaps config``: the effective settings, where each comes from, secrets masked.

One line per ``ROADMAPS_*`` variable of ``roadmaps_settings.Settings``: name, value and source
(``default``, ``.env`` in the working directory, ``env`` the process environment, ``flag``).
The password of a database URL and every secret (the review token) are never shown.
"""

from __future__ import annotations

import json
from typing import Any

import typer

import roadmaps_settings


def _shown(field: str, value: Any) -> str:
    from pipeline.store.db import mask_url

    if value is None:
        return ""
    if isinstance(value, roadmaps_settings.Secret):
        return "***"
    if field == "db_url":
        return mask_url(str(value))
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def effective() -> list[dict[str, str]]:
    """name, value (masked), source of every setting; a bad value raises ``SettingsError``."""
    s = roadmaps_settings.load()
    where = roadmaps_settings.sources()
    return [{"name": roadmaps_settings.env_name(f), "value": _shown(f, getattr(s, f)), "source": where[f]}
            for f in roadmaps_settings.Settings.model_fields]


def config_cmd(
    as_json: bool = typer.Option(False, "--json", help="One JSON list on stdout instead of the table."),
) -> None:
    """Print the effective settings: ROADMAPS_* variables, .env file, flags (secrets masked).

    Example: roadmaps config
    """
    rows = effective()
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    width = max(len(r["name"]) for r in rows)
    vwidth = max(len(r["value"]) for r in rows)
    for r in rows:
        typer.echo(f"{r['name']:<{width}}  {r['value']:<{vwidth}}  {r['source']}")
