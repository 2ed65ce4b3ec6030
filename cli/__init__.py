"""The command line: one Typer app (``cli.app``), one module per command group, each command a
thin shell over a library function in pipeline/ or flows/. The top floor: nothing imports cli."""

from cli.app import app, main

__all__ = ["app", "main"]
