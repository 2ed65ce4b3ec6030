"""Datasette plugin of ``roadmaps browse``: the SQL function ``ru_fts_query(text)``.

``ru_fts_query('профориентации')`` is the FTS5 MATCH expression of a plain-words query (each word
as its raw form OR its lemma, ``pipeline.compare.search.fts_query``); a query with no words
matches nothing. Registered by ``pipeline.compare.browse.register_search_function``; importing
this module needs Datasette.
"""

from __future__ import annotations

from typing import Optional

from datasette import hookimpl

FTS_QUERY_FUNCTION = "ru_fts_query"


def fts_query_or_nothing(query: Optional[str]) -> str:
    """``fts_query`` for SQL: a query with no words becomes the empty phrase (no rows, no error)."""
    from pipeline.compare.search import fts_query

    return fts_query(query or "") or '""'


@hookimpl
def prepare_connection(conn) -> None:
    """Add ``ru_fts_query`` to every connection Datasette opens."""
    conn.create_function(FTS_QUERY_FUNCTION, 1, fts_query_or_nothing, deterministic=True)
