"""The lemma text of an activity that full-text search matches on (``activities.search_lemmas``).

Title, responsible parties and result, lemmatised word by word with the themes lemmatiser
(``normalizers.themes.lemmatize``: pymorphy3, lower case, ё → е, adjectives in the masculine
nominative), so that «профориентации» and «профориентация» share the lemma «профориентация». The
same function lemmatises search queries (``pipeline.compare.search``); both sides must agree.
"""

from __future__ import annotations

from typing import Iterable, Optional

from normalizers.themes import lemmatize

SEARCH_FIELDS = ("title", "responsible", "result")


def lemma_text(*texts: Optional[str]) -> str:
    """Space-separated lemmas of every word of the texts, in order ('' when there are none)."""
    out: list[str] = []
    for t in texts:
        if t:
            out.extend(lemmatize(t))
    return " ".join(out)


def activity_lemmas(values: Iterable[Optional[str]]) -> Optional[str]:
    """``search_lemmas`` of an activity from its title, responsible and result (None when empty)."""
    return lemma_text(*values) or None
