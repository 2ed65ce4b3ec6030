"""What every command shares: the Rich console (stderr) and the help texts of common options."""

from __future__ import annotations

from rich.console import Console

console = Console(stderr=True)
DB_HELP = "Database URL (default: $ROADMAPS_DB_URL, else sqlite:///data/curated/roadmaps.db)."
REGIONS_HELP = "Only these ISO 3166-2 region codes, comma-separated or repeated (e.g. RU-KLU,RU-AMU)."
