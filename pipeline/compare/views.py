"""Cross-region comparison tables (pandas over the comparison views).

``compare(db_url, by, regions)`` returns one long DataFrame per comparison axis, every row carrying
``region_code``; ``write_frame`` renders it as table, CSV, JSON or Parquet. The views are made by
the migration ``0009b_compare_views`` (remade by later ones) and read only the newest version of
each document, and of a document ingested from several files only its best rendition.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Iterable, Optional

import pandas as pd

from pipeline.store.db import get_engine, resolve_url, upgrade

AXES = ("theme", "org_type", "year", "recurrence")
FORMATS = ("table", "csv", "json", "parquet")
UNKNOWN = "unknown"

AXIS_SQL = {
    "theme": "SELECT region_code, region, theme, theme_name, n_activities, n_primary, n_documents "
             "FROM region_theme_summary",
    "org_type": "SELECT region_code, region, org_type, n_activities, n_parties, n_organisations "
                "FROM region_org_type_summary",
    "year": "SELECT region_code, region, year, n_active, n_starting, n_due FROM region_year_summary",
    "recurrence": "SELECT region_code, region, recurrence FROM activity_facts",
}
SORT_KEYS = {"theme": ["region_code", "n_primary", "n_activities"], "org_type": ["region_code", "n_activities"],
             "year": ["region_code", "year"], "recurrence": ["region_code", "n_activities"]}
SORT_ASC = {"theme": [True, False, False], "org_type": [True, False], "year": [True, True],
            "recurrence": [True, False]}


def read_sql(db_url: Optional[str], sql: str) -> pd.DataFrame:
    """Run a query on the curated database (schema brought to head first)."""
    url = resolve_url(db_url)
    upgrade(url)
    with get_engine(url).connect() as conn:
        return pd.read_sql_query(sql, conn)


def activity_facts(db_url: Optional[str] = None, regions: Optional[Iterable[str]] = None) -> pd.DataFrame:
    """Every activity of the newest document versions, one row each (the ``activity_facts`` view)."""
    return filter_regions(read_sql(db_url, "SELECT * FROM activity_facts"), regions)


def normalise_regions(regions: Optional[Iterable[str]]) -> list[str]:
    """'ru-klu, RU-AMU' or ['RU-KLU', ...] → ['RU-KLU', 'RU-AMU'] (upper case, split on commas)."""
    out: list[str] = []
    for item in regions or ():
        out += [r.strip().upper() for r in str(item).split(",") if r.strip()]
    return out


def filter_regions(df: pd.DataFrame, regions: Optional[Iterable[str]]) -> pd.DataFrame:
    wanted = normalise_regions(regions)
    if not wanted:
        return df.reset_index(drop=True)
    return df[df["region_code"].fillna("").str.upper().isin(wanted)].reset_index(drop=True)


def _with_region_totals(df: pd.DataFrame, facts: pd.DataFrame, count_col: str) -> pd.DataFrame:
    """Add ``region_activities`` and ``share`` (count_col / activities of the region)."""
    totals = facts.groupby("region_code", dropna=False).size().rename("region_activities").reset_index()
    out = df.merge(totals, on="region_code", how="left")
    out["share"] = (out[count_col] / out["region_activities"]).round(3)
    return out


def _recurrence_counts(facts: pd.DataFrame) -> pd.DataFrame:
    f = facts.assign(recurrence=facts["recurrence"].fillna(UNKNOWN))
    return f.groupby(["region_code", "region", "recurrence"], dropna=False).size() \
        .rename("n_activities").reset_index()


def compare(db_url: Optional[str] = None, by: str = "theme", regions: Optional[Iterable[str]] = None) -> pd.DataFrame:
    """Long table of counts per region and value of the axis ``by`` (theme | org_type | year | recurrence).

    Example: compare("sqlite:///data/curated/roadmaps.db", "theme", ["RU-KLU", "RU-AMU"])
    """
    if by not in AXES:
        raise ValueError(f"unknown comparison {by!r}: choose one of {', '.join(AXES)}")
    df = filter_regions(read_sql(db_url, AXIS_SQL[by]), regions)
    if by == "recurrence":
        df = _recurrence_counts(df)
    if by in ("theme", "org_type", "recurrence"):
        facts = filter_regions(read_sql(db_url, "SELECT region_code FROM activity_facts"), regions)
        df = _with_region_totals(df, facts, "n_primary" if by == "theme" else "n_activities")
    for col in df.columns:
        if col.startswith("n_") or col in ("year", "region_activities"):
            df[col] = df[col].fillna(0).astype(int)
    return df.sort_values(SORT_KEYS[by], ascending=SORT_ASC[by], kind="stable").reset_index(drop=True)


def pivot(df: pd.DataFrame, by: str, value: Optional[str] = None) -> pd.DataFrame:
    """Wide form: one row per region, one column per value of the axis (missing → 0)."""
    value = value or {"theme": "n_activities", "org_type": "n_activities", "year": "n_active",
                      "recurrence": "n_activities"}[by]
    if df.empty:
        return pd.DataFrame()
    wide = df.pivot_table(index="region_code", columns=by, values=value, aggfunc="sum", fill_value=0)
    return wide.astype(int)


def frame_records(df: pd.DataFrame) -> list[dict]:
    """JSON-safe records (NaN → None, numpy scalars → Python)."""
    return json.loads(df.to_json(orient="records", force_ascii=False, date_format="iso"))


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a leading quote.

    Document text is untrusted: ``=HYPERLINK(...)`` in a cell must stay text when the CSV is
    opened in Excel or LibreOffice (CSV injection). Numbers are left alone.
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_neutralise)
    return out


def render(df: pd.DataFrame, fmt: str) -> bytes:
    """The frame as bytes in one of FORMATS (table is plain text)."""
    if fmt == "table":
        return (df.to_string(index=False) if not df.empty else "(no rows)").encode("utf-8") + b"\n"
    if fmt == "csv":
        return neutralise_formulas(df).to_csv(index=False).encode("utf-8")
    if fmt == "json":
        return json.dumps(frame_records(df), ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    if fmt == "parquet":
        buf = io.BytesIO()
        df.to_parquet(buf, index=False)  # needs pyarrow
        return buf.getvalue()
    raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")


def write_frame(df: pd.DataFrame, fmt: str, output: Optional[Path] = None) -> Optional[bytes]:
    """Write to a file (returns None) or return the bytes for stdout."""
    data = render(df, fmt)
    if output is None:
        return data
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    return None
