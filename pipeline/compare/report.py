"""One self-contained HTML report with hand-written inline SVG charts (no scripts, no network).

Charts: theme × region heatmap, a timeline of activities per region (deadline_start → deadline_end,
one thin bar per activity coloured by its primary theme), the organisation-type mix per region
(100 % stacked bars) and the primary-theme mix per region. Data come from the comparison views
through ``pipeline.compare.views``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from html import escape
from pathlib import Path
from typing import Optional

import pandas as pd

from normalizers.themes import theme_names
from pipeline.compare.views import activity_facts, compare, pivot, read_sql

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d")
FONT = "font-family:DejaVu Sans,Arial,sans-serif"
MAX_TIMELINE_ROWS = 120       # activities drawn per region; the rest are counted in a note
LABEL_W = 330                 # left label column of charts, px


@dataclass
class ReportData:
    facts: pd.DataFrame
    themes: pd.DataFrame
    org_types: pd.DataFrame
    documents: pd.DataFrame
    theme_labels: dict[str, str]


def load_report_data(db_url: Optional[str] = None, regions: Optional[list[str]] = None) -> ReportData:
    facts = activity_facts(db_url, regions)
    docs = read_sql(db_url, "SELECT d.region_code, d.region, d.doc_kind, d.doc_number, d.doc_date, d.title, "
                            "d.source, d.file_format, d.period_start, d.period_end, "
                            "(SELECT COUNT(*) FROM activities a WHERE a.document_id = d.id) AS n_activities "
                            "FROM documents d WHERE d.superseded_by_id IS NULL AND d.rendition_of_id IS NULL "
                            "ORDER BY d.region_code, d.doc_date")
    if regions:
        docs = docs[docs["region_code"].isin(facts["region_code"].unique())]
    return ReportData(facts, compare(db_url, "theme", regions), compare(db_url, "org_type", regions), docs,
                      theme_names())


def colour_map(keys: list[str]) -> dict[str, str]:
    return {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(keys)}


def _text(x: float, y: float, s: str, anchor: str = "start", size: int = 12, weight: str = "normal",
          fill: str = "#222") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
            f'font-weight="{weight}" fill="{fill}" style="{FONT}">{escape(s)}</text>')


def _rect(x: float, y: float, w: float, h: float, fill: str, tip: str = "", extra: str = "") -> str:
    title = f"<title>{escape(tip)}</title>" if tip else ""
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" fill="{fill}" {extra}>{title}</rect>'


def _svg(width: float, height: float, body: list[str], label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="{escape(label)}" '
            f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}">'
            + "".join(body) + "</svg>")


def short_label(s: str, limit: int = 44) -> str:
    """A label that fits the left column (full text stays in tooltips and legends)."""
    return s if len(s) <= limit else s[:limit - 1].rstrip(" ,") + "…"


def heat_colour(share: float) -> str:
    """White → dark blue by share in [0, 1]."""
    share = min(max(share, 0.0), 1.0)
    r, g, b = (int(255 - share * (255 - c)) for c in (8, 69, 148))
    return f"#{r:02x}{g:02x}{b:02x}"


def svg_heatmap(counts: pd.DataFrame, totals: dict[str, int], labels: dict[str, str]) -> str:
    """Rows: themes; columns: regions; colour: share of the region's activities with that theme."""
    if counts.empty:
        return "<p class=empty>No themed activities.</p>"
    themes, regions = list(counts.index), list(counts.columns)
    cw, ch, top = 86, 26, 46
    width, height = LABEL_W + cw * len(regions) + 10, top + ch * len(themes) + 10
    body = [_text(LABEL_W + cw * j + cw / 2, top - 12, r, "middle", 12, "bold") for j, r in enumerate(regions)]
    for i, t in enumerate(themes):
        y = top + ch * i
        body.append(_text(LABEL_W - 8, y + ch / 2 + 4, short_label(labels.get(t, t)), "end", 12))
        for j, r in enumerate(regions):
            n, total = int(counts.loc[t, r]), max(int(totals.get(r, 0)), 1)
            share = n / total
            x = LABEL_W + cw * j
            body.append(_rect(x + 1, y + 1, cw - 2, ch - 2, heat_colour(share * 2.5),
                              f"{labels.get(t, t)} — {r}: {n} of {total} activities ({share:.0%})"))
            body.append(_text(x + cw / 2, y + ch / 2 + 4, f"{n}" if n else "·", "middle", 11,
                              fill="#fff" if share * 2.5 > 0.55 else "#222"))
    return _svg(width, height, body, "theme by region heatmap")


def _to_date(v) -> Optional[date]:
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def timeline_rows(facts: pd.DataFrame) -> pd.DataFrame:
    """Activities with usable start/end dates as month indexes (end ≥ start)."""
    f = facts.copy()
    f["start"] = f["deadline_start"].map(_to_date)
    f["end"] = [(_to_date(e) or s) for e, s in zip(f["deadline_end"], f["start"])]
    f = f[f["start"].notna()].copy()
    f["m0"] = f["start"].map(_month_index)
    f["m1"] = [max(_month_index(e), m0) for e, m0 in zip(f["end"], f["m0"])]
    return f.sort_values(["region_code", "m0", "m1", "position"]).reset_index(drop=True)


def svg_timeline(facts: pd.DataFrame, colours: dict[str, str], labels: dict[str, str]) -> str:
    """Per region, one thin bar per activity from its start month to its end month."""
    rows = timeline_rows(facts)
    if rows.empty:
        return "<p class=empty>No activity has a normalised deadline.</p>"
    m_lo, m_hi = int(rows["m0"].min()), int(rows["m1"].max()) + 1
    m_lo -= m_lo % 12
    m_hi += (12 - m_hi % 12) % 12
    plot_w = 980
    px = plot_w / max(m_hi - m_lo, 1)
    bar, gap, top, band_gap = 4, 1, 30, 26
    body: list[str] = []
    y = top
    all_counts = facts.groupby("region_code").size().to_dict()
    for region, grp in rows.groupby("region_code", sort=True):
        shown = grp.head(MAX_TIMELINE_ROWS)
        total = all_counts.get(region, len(grp))
        note = f" ({len(shown)} of {total}" + (" dated)" if len(shown) == len(grp) else ", first dated)")
        body.append(_text(LABEL_W - 8, y + 12, f"{region}{note}", "end", 12, "bold"))
        band_h = len(shown) * (bar + gap)
        body.append(_rect(LABEL_W, y, plot_w, band_h, "#f6f6f6"))
        for k, r in enumerate(shown.itertuples()):
            x = LABEL_W + (r.m0 - m_lo) * px
            w = max((r.m1 - r.m0 + 1) * px, 2.0)
            theme = r.primary_theme or "other"
            tip = (f"{region} {r.number or ''} {r.title or ''} — {r.deadline_raw or ''} "
                   f"[{r.start} … {r.end}] {labels.get(theme, theme)}")
            body.append(_rect(x, y + k * (bar + gap), w, bar, colours.get(theme, "#999"), tip[:400]))
        y += band_h + band_gap
    height = y + 10
    for m in range(m_lo, m_hi + 1, 12):
        x = LABEL_W + (m - m_lo) * px
        body.append(f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 20}" stroke="#bbb" '
                    f'stroke-width="1" stroke-dasharray="2,3"/>')
        if m < m_hi:
            body.append(_text(x + 6 * px, top - 10, str(m // 12), "middle", 12))
    return _svg(LABEL_W + plot_w + 20, height, body, "timeline of activities per region")


def svg_stacked_shares(wide: pd.DataFrame, colours: dict[str, str], labels: dict[str, str], unit: str) -> str:
    """One 100 % bar per region (rows of ``wide``), segments per column, with counts in tooltips."""
    if wide.empty:
        return "<p class=empty>No data.</p>"
    plot_w, bh, gap, top = 700, 26, 10, 10
    body: list[str] = []
    for i, (region, row) in enumerate(wide.iterrows()):
        y = top + i * (bh + gap)
        total = float(row.sum()) or 1.0
        body.append(_text(LABEL_W - 8, y + bh / 2 + 4, str(region), "end", 12, "bold"))
        x = float(LABEL_W)
        for key, n in row.items():
            if not n:
                continue
            w = plot_w * float(n) / total
            body.append(_rect(x, y, w, bh, colours.get(key, "#999"),
                              f"{region}: {labels.get(key, key)} — {int(n)} {unit} ({n / total:.0%})",
                              'stroke="#fff" stroke-width="1"'))
            if w > 34:
                body.append(_text(x + w / 2, y + bh / 2 + 4, f"{n / total:.0%}", "middle", 11, fill="#fff"))
            x += w
    height = top + len(wide) * (bh + gap) + 4
    return _svg(LABEL_W + plot_w + 20, height, body, f"stacked {unit} per region")


def legend(keys: list[str], colours: dict[str, str], labels: dict[str, str]) -> str:
    items = "".join(f'<span class=key><i style="background:{colours[k]}"></i>{escape(labels.get(k, k))}</span>'
                    for k in keys)
    return f"<div class=legend>{items}</div>"


def _clean(v) -> str:
    """Text of a cell value; None / NaN / NaT become ''."""
    if v is None:
        return ""
    try:
        if pd.isna(v):
            return ""
    except (TypeError, ValueError):
        pass
    return str(v)


def documents_table(docs: pd.DataFrame) -> str:
    head = "<tr><th>region</th><th>act</th><th>date</th><th>period</th><th>activities</th><th>title</th></tr>"
    rows = []
    for r in docs.itertuples():
        number = _clean(r.doc_number)
        act = " ".join(x for x in (_clean(r.doc_kind), f"№ {number}" if number else "") if x)
        period = "–".join(str(int(float(p))) for p in (_clean(r.period_start), _clean(r.period_end)) if p)
        rows.append(f"<tr><td>{escape(_clean(r.region_code) or '?')}<br><small>{escape(_clean(r.region))}</small></td>"
                    f"<td>{escape(act)}</td><td>{escape(_clean(r.doc_date)[:10])}</td><td>{escape(period)}</td>"
                    f"<td class=num>{int(r.n_activities)}</td><td>{escape(_clean(r.title) or _clean(r.source))}</td></tr>")
    return f"<table class=docs>{head}{''.join(rows)}</table>"


CSS = """
body{font:14px/1.45 DejaVu Sans,Arial,sans-serif;color:#222;margin:24px 32px;max-width:1400px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 6px;border-bottom:1px solid #ddd}
p.note{color:#555;margin:2px 0 10px} .legend{margin:6px 0 10px 0}
.key{display:inline-block;margin:2px 14px 2px 0;font-size:12px}
.key i{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-1px}
table.docs{border-collapse:collapse;font-size:12px} .docs td,.docs th{border:1px solid #ddd;padding:3px 6px;
vertical-align:top;text-align:left} .num{text-align:right} svg.chart{display:block;margin:4px 0}
"""


def build_report(db_url: Optional[str] = None, regions: Optional[list[str]] = None,
                 title: str = "Дорожные карты: сравнение регионов") -> str:
    """The whole report as one HTML string."""
    data = load_report_data(db_url, regions)
    labels = data.theme_labels
    theme_order = [t for t in labels if t in set(data.themes["theme"])]
    theme_colours = colour_map(list(labels))
    totals = data.facts.groupby("region_code").size().to_dict()
    heat = pivot(data.themes, "theme").T.reindex(theme_order).fillna(0) if not data.themes.empty else pd.DataFrame()
    primary = pivot(data.themes, "theme", "n_primary")
    primary = primary[[t for t in theme_order if t in primary.columns]] if not primary.empty else primary
    org_wide = pivot(data.org_types, "org_type", "n_parties")
    if not org_wide.empty:
        org_wide = org_wide[org_wide.sum().sort_values(ascending=False).index]
    org_colours = colour_map(list(org_wide.columns))
    org_labels = {k: k.replace("_", " ") for k in org_wide.columns}
    n_docs, n_acts = len(data.documents), len(data.facts)
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "<!doctype html><html lang=ru><head><meta charset=utf-8>",
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p class=note>{n_docs} documents, {n_acts} activities, {len(totals)} regions "
        f"(newest version of each document). Generated {generated} by <code>roadmaps report</code>.</p>",
        "<h2>Themes by region</h2><p class=note>Activities per theme (an activity may have several themes); "
        "colour: share of the region's activities.</p>",
        svg_heatmap(heat, totals, labels),
        "<h2>Timeline of activities</h2><p class=note>One bar per activity from its normalised deadline start "
        "to end month, coloured by primary theme; hover for the activity.</p>",
        legend(theme_order, theme_colours, labels),
        svg_timeline(data.facts, theme_colours, labels),
        "<h2>Who carries the work: organisation types per region</h2>"
        "<p class=note>Share of responsible parties by organisation type.</p>",
        legend(list(org_wide.columns), org_colours, org_labels),
        svg_stacked_shares(org_wide, org_colours, org_labels, "parties"),
        "<h2>Primary theme mix per region</h2>",
        legend(list(primary.columns), theme_colours, labels),
        svg_stacked_shares(primary, theme_colours, labels, "activities"),
        "<h2>Documents</h2>", documents_table(data.documents),
        "</body></html>",
    ]
    return "\n".join(parts)


def write_report(output: Path, db_url: Optional[str] = None, regions: Optional[list[str]] = None) -> Path:
    """Write the report to ``output`` (folders created) and return the path."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(build_report(db_url, regions), encoding="utf-8")
    return output
