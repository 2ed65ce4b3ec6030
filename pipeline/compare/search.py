"""Full-text search over activities: lemmas as well as the raw text, on SQLite and PostgreSQL.

``search(db, query, regions=..., limit=...)`` returns ``SearchHit`` rows (document, region,
number, title, snippet) of the newest document versions, best first; the snippet is the title
(else the responsible or result text that matched) with the matched words in [brackets]. Each query word matches its
raw form or its lemma (``pipeline.store.search_text``, the lemmatiser the stored
``activities.search_lemmas`` were made with), so «профориентация» finds «профориентации» and
«работодатели» finds «работодателями» without a wildcard. Query syntax: words (all must match),
``"a phrase"``, ``prefix*``, ``OR`` between two terms.

SQLite matches the FTS5 table ``activities_fts`` (``fts_query`` builds the MATCH expression; the
same function is the SQL function ``ru_fts_query`` in Datasette, see ``browse``). PostgreSQL
matches the generated ``activities.search_tsv`` column (``to_tsquery('russian', …)``, from
``pg_tsquery``). Both are made by the migration ``0011_search``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Iterable, Optional

from sqlalchemy import text

from normalizers.themes import TOKEN_RE, lemmatize
from pipeline.errors import UsageError
from pipeline.store.db import get_engine, resolve_url, upgrade

FTS_TABLE = "activities_fts"
DEFAULT_LIMIT = 50
MARK_START, MARK_END = "[", "]"
SNIPPET_CHARS = 160
_QUERY_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class SearchHit:
    """One activity found: where it is and the title with the matched words in [brackets]."""

    activity_id: int
    document_id: int
    document: Optional[str]
    region_code: Optional[str]
    region: Optional[str]
    number: Optional[str]
    title: Optional[str]
    snippet: str

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Term:
    """One query item: a word (raw + lemma), a phrase, a prefix, or the OR operator."""

    kind: str                 # "word" | "phrase" | "prefix" | "or"
    raw: tuple[str, ...] = ()
    lemmas: tuple[str, ...] = ()


def parse_query(query: str) -> list[Term]:
    """The query's terms; punctuation is dropped, so no input can break the MATCH syntax."""
    terms: list[Term] = []
    for m in _QUERY_TOKEN.finditer(query or ""):
        phrase, bare = m.group(1), m.group(2)
        if phrase is not None:
            words = tuple(w.lower() for w in TOKEN_RE.findall(phrase))
            if words:
                terms.append(Term("phrase", words, tuple(lemmatize(" ".join(words)))))
            continue
        if bare == "OR":
            if terms and terms[-1].kind != "or":
                terms.append(Term("or"))
            continue
        words = [w.lower() for w in TOKEN_RE.findall(bare)]
        for i, w in enumerate(words):
            if bare.endswith("*") and i == len(words) - 1:
                terms.append(Term("prefix", (w,)))
            else:
                terms.append(Term("word", (w,), lemmatize(w)))
    while terms and terms[-1].kind == "or":
        terms.pop()
    if terms and terms[0].kind == "or":
        terms.pop(0)
    return terms


def _quote_fts(words: Iterable[str]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


def fts_query(query: str) -> str:
    """The FTS5 MATCH expression of a query ('' when it has no words).

    профориентации → ("профориентации" OR "профориентация"); профориент* → "профориент"*.
    """
    parts: list[str] = []
    for t in parse_query(query):
        if t.kind == "or":
            parts.append("OR")
            continue
        if parts and parts[-1] != "OR":
            parts.append("AND")   # FTS5 takes no implicit AND after a parenthesised group
        if t.kind == "prefix":
            parts.append(_quote_fts(t.raw) + "*")
        else:
            alts = dict.fromkeys([_quote_fts(t.raw)] + ([_quote_fts(t.lemmas)] if t.lemmas else []))
            parts.append(next(iter(alts)) if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
    return " ".join(parts)


def _quote_ts(word: str) -> str:
    return "'" + word.replace("'", "''").replace("\\", "") + "'"


def pg_tsquery(query: str) -> str:
    """The ``to_tsquery('russian', …)`` text of a query ('' when it has no words)."""
    parts: list[str] = []
    for t in parse_query(query):
        if t.kind == "or":
            parts.append("|")
            continue
        if parts and parts[-1] != "|":
            parts.append("&")
        if t.kind == "prefix":
            parts.append(_quote_ts(t.raw[0]) + ":*")
        else:
            alts = dict.fromkeys(" <-> ".join(_quote_ts(w) for w in ws) for ws in (t.raw, t.lemmas) if ws)
            parts.append("(" + " | ".join(f"({a})" for a in alts) + ")")
    return " ".join(parts)


def _matches(word: str, terms: list[Term]) -> bool:
    low = word.lower()
    lem = lemmatize(word)
    for t in terms:
        if t.kind == "prefix" and (low.startswith(t.raw[0]) or any(x.startswith(t.raw[0]) for x in lem)):
            return True
        if t.kind in ("word", "phrase") and (low in t.raw or any(x in t.lemmas for x in lem)):
            return True
    return False


def highlight(text_: str, terms: list[Term], width: int = SNIPPET_CHARS) -> str:
    """``text_`` with each word that a term matches (raw form, lemma or prefix) in [brackets];
    cut to about ``width`` characters around the first match. '' when nothing matches."""
    out, first, pos = [], None, 0
    for m in TOKEN_RE.finditer(text_ or ""):
        if _matches(m.group(0), terms):
            out.append(text_[pos:m.start()])
            if first is None:
                first = sum(len(x) for x in out)
            out.append(MARK_START + m.group(0) + MARK_END)
            pos = m.end()
    if first is None:
        return ""
    marked = "".join(out) + text_[pos:]
    if len(marked) <= width:
        return marked
    start = max(0, first - width // 3)
    if start:
        start = marked.find(" ", start) + 1 or start
    end = start + width
    if end < len(marked):
        end = marked.rfind(" ", start, end) if marked.rfind(" ", start, end) > first else end
    return ("…" if start else "") + marked[start:end].strip() + ("…" if end < len(marked) else "")


def _snippet(terms: list[Term], *fields: Optional[str]) -> str:
    """The first field (title, responsible, result) with a highlighted match, else the title."""
    for f in fields:
        marked = highlight(f or "", terms)
        if marked:
            return marked
    title = fields[0] or ""
    return title if len(title) <= SNIPPET_CHARS else title[:SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"


def _sqlite_sql(regions: list[str]) -> str:
    region_filter = f"AND f.region_code IN ({', '.join(f':r{i}' for i in range(len(regions)))})" if regions else ""
    return f"""
SELECT f.activity_id, f.document_id, f.document_title, f.region_code, f.region, f.number, f.title,
       f.responsible, f.result
FROM {FTS_TABLE}
JOIN activity_facts f ON f.activity_id = {FTS_TABLE}.rowid
WHERE {FTS_TABLE} MATCH :q {region_filter}
ORDER BY {FTS_TABLE}.rank, f.region_code, f.position
LIMIT :limit
"""


def _pg_sql(regions: list[str]) -> str:
    region_filter = f"AND f.region_code IN ({', '.join(f':r{i}' for i in range(len(regions)))})" if regions else ""
    return f"""
SELECT f.activity_id, f.document_id, f.document_title, f.region_code, f.region, f.number, f.title,
       f.responsible, f.result
FROM activities a
CROSS JOIN (SELECT to_tsquery('russian', :q) AS query) q
JOIN activity_facts f ON f.activity_id = a.id
WHERE a.search_tsv @@ q.query {region_filter}
ORDER BY ts_rank(a.search_tsv, q.query) DESC, f.region_code, f.position
LIMIT :limit
"""


def search(db: Optional[str], query: str, regions: Optional[Iterable[str]] = None,
           limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """Activities of the newest document versions matching ``query``, best first.

    ``regions``: ISO 3166-2 codes to keep (None: all). ``UsageError`` when the query has no word.
    """
    wanted = [r.strip().upper() for item in regions or () for r in str(item).split(",") if r.strip()]
    url = resolve_url(db)
    upgrade(url)
    engine = get_engine(url)
    if engine.dialect.name == "postgresql":
        q, sql = pg_tsquery(query), _pg_sql(wanted)
    else:
        q, sql = fts_query(query), _sqlite_sql(wanted)
    if not q:
        raise UsageError(f"search query {query!r} has no words to look for", stage="search")
    params = {"q": q, "limit": int(limit), **{f"r{i}": r for i, r in enumerate(wanted)}}
    with engine.connect() as conn:
        rows = conn.execute(text(sql), params).all()
    terms = parse_query(query)
    return [SearchHit(activity_id=r[0], document_id=r[1], document=r[2], region_code=r[3], region=r[4],
                      number=r[5], title=r[6], snippet=_snippet(terms, r[6], r[7], r[8])) for r in rows]
