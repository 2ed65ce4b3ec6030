"""The command line: one Typer app (``cli.app``), one module per command group, each command a
thin shell over a library function in pipeline/ or flows/. The top floor: nothing imports cli.

A command's process allocates in bursts (the imports of its start, a document's cells), mostly
objects that live as long as the process: the collector's youngest generation is let grow to
``GC_YOUNG`` objects before a round (700 by default), so start-up is not spent re-scanning them.
"""

import gc

GC_YOUNG = 20_000
gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])

from cli.app import app, main  # noqa: E402  (after the collector's setting, which it should see)

__all__ = ["app", "main"]
