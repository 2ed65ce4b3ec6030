"""What every command shares: the Rich console (stderr), escaping, notes, and the help texts.

Anything printed that comes from a document or a file name goes through ``esc`` (Rich markup
escaped): a file called ``[bold red]x.pdf`` is shown as exactly that, never styled or turned
into a terminal hyperlink.
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

from rich.console import Console
from rich.markup import escape
from rich.text import Text

console = Console(stderr=True)
DB_HELP = "Database URL (default: $ROADMAPS_DB_URL, else sqlite:///data/curated/roadmaps.db)."
REGIONS_HELP = "Only these ISO 3166-2 region codes, comma-separated or repeated (e.g. RU-KLU,RU-AMU)."


def regions_option() -> Any:
    """The ``--region`` / ``--regions`` option of every read command (export, compare, report):
    a comma-separated list, repeatable; read with ``split_regions``."""
    import typer

    return typer.Option(None, "--region", "--regions", help=REGIONS_HELP)
ALLOW_PRIVATE_HELP = ("Allow URLs on private, loopback or link-local addresses "
                      "(also $ROADMAPS_FETCH_ALLOW_PRIVATE=1).")


def esc(value: Any) -> str:
    """``value`` as text that Rich prints literally (markup escaped); None → ''."""
    return "" if value is None else escape(str(value))


def note(message: str) -> None:
    """A one-line remark on stderr (not markup: printed as is)."""
    console.print(Text(message, style="yellow"), soft_wrap=True, highlight=False)


def say(message: str) -> None:
    """A one-line plain message on stderr (not markup: printed as is)."""
    console.print(Text(message), soft_wrap=True, highlight=False)


def print_error(stage: str, message: str) -> None:
    """``error (stage): message`` on one line (never wrapped, never read as markup)."""
    line = Text.assemble(("error", "bold red"), f" ({stage}): {message}")
    console.print(line, soft_wrap=True, highlight=False)


def split_regions(regions: Optional[Iterable[str]]) -> list[str]:
    """'ru-klu, RU-AMU' or ['RU-KLU', ...] → ['RU-KLU', 'RU-AMU']."""
    out: list[str] = []
    for item in regions or ():
        out += [r.strip().upper() for r in str(item).split(",") if r.strip()]
    return out
