"""Regular expressions compiled on first use, for module-level patterns a run may never need.

Compiling a pattern costs 0.1–1 ms (Cyrillic classes and ``re.I`` at the top of that), and a
DOCX ingest imports some 300 of them, many for layouts or scans that document does not have.
``lazy(pattern, flags)`` stands for ``re.compile(pattern, flags)`` and is used the same way
(``X_RE.search(text)``); it compiles on the first method call, after which the compiled
pattern's methods are the object's own attributes. Not for ``re.sub(X_RE, …)`` or anything else
that wants a real ``re.Pattern``: call the methods.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, Generic

METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer")


class LazyPattern(Generic[AnyStr]):
    """``re.compile(pattern, flags)`` on first use (see the module's docstring)."""

    def __init__(self, pattern: AnyStr, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def compiled(self) -> re.Pattern[AnyStr]:
        """The compiled pattern (compiled now if it was not yet; ``re`` caches it)."""
        compiled = re.compile(*self._source)
        for name in METHODS:   # from now on a method call goes straight to the compiled pattern
            setattr(self, name, getattr(compiled, name))
        return compiled

    def __getattr__(self, name: str) -> Any:   # only for what is not set yet: the first use
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r}, {self._source[1]!r})"


def lazy(pattern: AnyStr, flags: int = 0) -> LazyPattern[AnyStr]:
    """A pattern compiled on its first use (``re.compile``'s arguments)."""
    return LazyPattern(pattern, flags)
