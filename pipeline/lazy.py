"""What keeps a command's start-up cheap: lazy public names for a sub-package's ``__init__``
(each name imported from its module on first use, so ``import pipeline.store.db`` does not pull
in every sibling, PEP 562), and ``keep_loaded``, which takes what start-up loaded (modules,
dictionaries) out of the garbage collector's rounds."""

from __future__ import annotations

import gc
from importlib import import_module
from typing import Any, Callable


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` serving ``exports`` (public name → sibling module)."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{module}"), name)

    return __getattr__


def keep_loaded() -> None:
    """Move every object this process holds now into the collector's permanent generation
    (``gc.freeze``): call it right after loading what lives as long as the process (modules,
    the pymorphy3 dictionary). Later collections, the full one at exit included, then scan only
    what came after instead of the whole heap again; a forked child neither scans nor copies it.
    Not for a loop over documents: a cycle that is garbage when this runs is never collected."""
    gc.freeze()
