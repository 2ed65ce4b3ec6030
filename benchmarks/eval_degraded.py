"""Score the scan path per degradation: degrade dev PDFs, ingest, export, score.

For each dev key and each variant (one ``benchmarks/degrade.py`` degradation, or
``all``), the key's text PDF is rendered and degraded on a few table pages,
ingested into a fresh SQLite database with ``cli``, exported to JSON and
scored with the dev set's ``score.py`` against a gold trimmed to the activities
printed on those pages (activity titles found in the text layer of the same
pages of the source PDF). Prints one line per file and a mean per variant.

Two things keep the trim from lowering scores for nothing:

* the first page (the title, which names the document period that deadlines
  such as "Постоянно" resolve against) and the pages without tables that define
  the document's abbreviations (the "далее – МОУО" text or the "Сокращения:"
  list the parties are expanded from) are scanned with the pages, as a real
  scan of the order has them (``context_pages``; ``--no-context-pages`` to
  leave them out);
* an activity whose row goes on past the last page (the next page of the source
  opens with a row that has no number) is printed only in part: it is scored
  neither in the gold nor in the export; nor is the rest of a row begun on a page
  not scanned, at the top of the first page scanned;
* where the title names no period, the period is the smallest and largest year
  of the deadline column (shared/spec/deadlines.md) — of the pages scanned, not
  of the whole document: the gold's period and the deadlines that take their
  years from it ("Постоянно", "Ежегодно", "Май") follow (``period_of_pages``).

The dev set is not part of the repository: give its directory with ``--eval``
(or ``ROADMAPS_EVAL``); it needs ``corpus/<key>/<key>.pdf``, ``gold/<key>.json``
and ``score.py``.

Usage::

    python benchmarks/eval_degraded.py --eval DIR [--variants all,skew,blur,all+grey]
        [--keys kemerovo_2018:5-7,amur_2019:2-4,kaluga_2021:1-3] [--code DIR] [--work /tmp/degraded]

``--code DIR`` runs ``cli`` from another checkout (e.g. the commit before
a change, to measure "before").
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.degrade import ALL, Options, degrade_pdf, parse_pages, variant_degradations  # noqa: E402

DEFAULT_KEYS = "kemerovo_2018:6-8,amur_2019:2-4,kaluga_2021:1-3"
METRICS = ("f1", "cell_accuracy", "deadline_norm_accuracy", "party_f1", "expansion_accuracy")


def _squash(s: str) -> str:
    s = (s or "").lower().replace("ё", "е")
    return re.sub(r"[^0-9a-zа-я]+", "", s)


TITLE_HEADER_RE = re.compile(r"мероприят|наименован")


def _continued_row(pdf, page: int, headers: set[tuple[str, ...]]) -> str | None:
    """The title text of the first table row on ``page`` (1-based) when that row, after repeated
    header rows, is the rest of a row begun on the page before (it has text and an empty first,
    number, cell); None when it is not."""
    if page < 1 or page > len(pdf.pages):
        return None
    for table in pdf.pages[page - 1].extract_tables()[:1]:
        head = [_squash(c) for c in table[0]] if table else []
        title_col = next((k for k, h in enumerate(head) if TITLE_HEADER_RE.search(h)), None)
        if title_col is None:
            return None                                     # no activity table (criteria, indicators)
        for row in table:
            cells = tuple(_squash(c) for c in row)
            if cells in headers or cells[0].startswith("№") or not any(re.search("[а-яa-z]", c) for c in cells):
                continue                                    # repeated header, year or column-number row
            if cells[0] or not any(cells[1:]):
                return None
            return (row[title_col] if title_col < len(row) else "") or ""
    return None


def _continues_past(pdf, page: int, headers: set[tuple[str, ...]]) -> bool:
    """Whether the first table row on ``page`` goes on with a row of the page before."""
    return _continued_row(pdf, page, headers) is not None


def trimmed_gold(gold: dict, src_pdf: str, pages: list[int]) -> tuple[dict, list[dict]]:
    """The gold with only the activities (and indicators) whose titles start on ``pages``,
    and the activities of it that go on past the last page (printed in part: not to score).

    A title is on the pages when a table cell there starts like it (cells of the
    source PDF's ruled tables, so wrapped titles are read whole; up to 60 characters, 90 % alike)
    and the row has the same number where both have one.
    """
    import pdfplumber

    cells: dict[int, list[tuple[str, str]]] = {}      # page -> (the row's first cell, a cell of it)
    headers: set[tuple[str, ...]] = set()
    with pdfplumber.open(src_pdf) as pdf:
        for p in pages:
            if p > len(pdf.pages):
                continue
            for table in pdf.pages[p - 1].extract_tables():
                cells.setdefault(p, []).extend((_squash(row[0]), _squash(c)) for row in table for c in row
                                               if c and len(_squash(c)) >= 8)
                if table:
                    headers.add(tuple(_squash(c) for c in table[0]))
        # the pages whose last row goes on onto a page not scanned, and the rest of a row begun on
        # a page not scanned at the top of a scanned one (a fragment with no number: not to score)
        cut_pages = [p for p in cells if p + 1 not in pages and _continues_past(pdf, p + 1, headers)]
        fragments = [{"title": t, "fragment": True} for p in cells if p - 1 not in pages
                     and (t := _continued_row(pdf, p, headers)) and len(_squash(t)) >= 4]

    def on_page(item: dict, page: int) -> bool:
        """A table row on ``page`` has a cell that starts like the title (or name) and, where both
        have one, the same number: titles of one document may share their first words ("Отработка
        условий реализации образовательных программ …" in two sections)."""
        from rapidfuzz import fuzz

        t, number = _squash(item.get("title") or item.get("name")), _squash(item.get("number"))
        return any(fuzz.ratio(t[:k], c[:k]) >= 90 and (not num or not number or num == number or c.startswith(num))
                   for num, c in cells.get(page, ()) if (k := min(60, len(t), len(c))) >= 8)

    def on_pages(item: dict) -> bool:
        return any(on_page(item, p) for p in cells)

    g = dict(gold)
    g["activities"] = [a for a in gold["activities"] if on_pages(a)]
    g["indicators"] = [x for x in gold.get("indicators") or [] if on_pages(x)]
    cut_acts = [[a for a in g["activities"] if on_page(a, p)][-1] for p in cut_pages
                if any(on_page(a, p) for a in g["activities"])]
    g["activities"] = [a for a in g["activities"] if not any(a is c for c in cut_acts)]
    cut_acts += fragments
    return period_of_pages(g, gold), cut_acts


YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def period_of_pages(gold: dict, full: dict) -> dict:
    """``gold`` (trimmed) with the period of its own deadline column when the title of ``full``
    names none; a deadline year that came from the old period and is not written in the cell
    moves with it (first year to the new first year, last year to the new last year)."""
    period = (full.get("document") or {}).get("period")
    title = (full.get("document") or {}).get("title") or ""
    if not period or all(str(y) in title for y in period):
        return gold
    years = [int(y) for a in gold["activities"] for y in YEAR_RE.findall(a.get("deadline") or "")]
    if not years or [min(years), max(years)] == list(period):
        return gold
    (o1, o2), (n1, n2) = period, (min(years), max(years))
    acts = []
    for a in gold["activities"]:
        a, norm, written = dict(a), dict(a.get("deadline_norm") or {}), set(YEAR_RE.findall(a.get("deadline") or ""))
        for key in ("start", "end"):
            year = (norm.get(key) or "")[:4]
            if year and year not in written and year in (str(o1), str(o2)):
                norm[key] = str(n1 if year == str(o1) else n2) + norm[key][4:]
        a["deadline_norm"] = norm
        acts.append(a)
    doc = dict(gold["document"], period=[n1, n2])
    return dict(gold, activities=acts, document=doc)


def without_cut(export: dict | list, cut_acts: list[dict]) -> dict | list:
    """The export without the activities that are the printed part of ``cut_acts``: the one whose
    title is most like the start of a cut title (at least 85, as the scorer matches)."""
    from rapidfuzz import fuzz

    docs = export if isinstance(export, list) else export.get("documents", [])
    for doc in docs:
        acts = doc.get("activities") or []
        for g in cut_acts:
            title = _squash(g["title"])
            scores = [(fuzz.ratio(title[: len(_squash(a.get("title")))], _squash(a.get("title"))), k)
                      for k, a in enumerate(acts) if _squash(a.get("title"))
                      and not (g.get("fragment") and re.search(r"\d", a.get("number") or ""))]
            best = max(scores, default=(0, None))
            if best[0] >= 85:
                del acts[best[1]]
    return export


def run(cmd: list[str], cwd: str) -> None:
    env = dict(os.environ, PYTHONPATH=cwd)
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if r.returncode:
        raise RuntimeError(f"{' '.join(cmd)}: {r.stderr[-800:]}")


def context_pages(src_pdf: str, gold: dict) -> list[int]:
    """Page 1 and the pages with no table whose text defines one of the gold's abbreviations
    (its short form and the start of its full form are both on the page)."""
    import pdfplumber

    out = [1]
    with pdfplumber.open(src_pdf) as pdf:
        for k, page in enumerate(pdf.pages[1:], start=2):
            text = page.extract_text() or ""
            if any(short in text and _squash(full)[:30] in _squash(text)
                   for short, full in (gold.get("abbreviations") or {}).items()) and not page.extract_tables():
                out.append(k)
    return out


def score_file(pdf: str, gold_path: str, score_py: str, code: str, work: Path,
               cut_acts: list[dict] = ()) -> dict:
    db, out = work / (Path(pdf).stem + ".db"), work / (Path(pdf).stem + ".json")
    db.unlink(missing_ok=True)
    py = sys.executable
    run([py, "-m", "cli", "ingest", pdf, "--db", f"sqlite:///{db}"], code)
    run([py, "-m", "cli", "export", "--format", "json", "--db", f"sqlite:///{db}", "-o", str(out)], code)
    scored = work / (Path(pdf).stem + ".scored.json")
    export = without_cut(json.loads(out.read_text(encoding="utf-8")), list(cut_acts))
    scored.write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    r = subprocess.run([py, score_py, str(scored), gold_path], capture_output=True, text=True, check=True)
    return next(iter(json.loads(r.stdout).values()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=os.environ.get("ROADMAPS_EVAL"), required=not os.environ.get("ROADMAPS_EVAL"))
    ap.add_argument("--variants", default="none,all," + ",".join(ALL))
    ap.add_argument("--keys", default=DEFAULT_KEYS)
    ap.add_argument("--code", default=str(Path(__file__).resolve().parents[1]))
    ap.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "degraded"))
    ap.add_argument("--dpi", type=int, default=170)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tag", default="")
    ap.add_argument("--no-context-pages", action="store_true",
                    help="scan only the pages given, not page 1 and the abbreviation pages too")
    args = ap.parse_args()
    ev, work = Path(args.eval), Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[dict]] = {}
    for variant in args.variants.split(","):
        only = variant_degradations(variant) if variant != "photocopy" else ()
        for spec in args.keys.split(","):
            key, _, pages_spec = spec.partition(":")
            pages = parse_pages(pages_spec or None)
            src = str(ev / "corpus" / key / f"{key}.pdf")
            full = json.load(open(ev / "gold" / f"{key}.json", encoding="utf-8"))
            if pages and not args.no_context_pages:
                pages = sorted(set(pages) | set(context_pages(src, full)))
            tail = "-".join(map(str, pages)) if pages else "all"
            pdf = work / f"{key}__{variant}__p{tail}.pdf"
            if not pdf.exists() and variant == "photocopy":     # the independent generator (Augraphy)
                from benchmarks.photocopy import photocopy_pdf

                photocopy_pdf(src, str(pdf), args.dpi, args.seed, pages)
            elif not pdf.exists():
                degrade_pdf(src, str(pdf), Options(args.dpi, args.seed, only, pages))
            gold, cut_acts = trimmed_gold(full, src, pages or list(range(1, 999)))
            gpath = pdf.with_suffix(".gold.json")
            gpath.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
            t = time.perf_counter()
            try:
                m = score_file(str(pdf), str(gpath), str(ev / "score.py"), args.code, work, cut_acts)
            except Exception as e:  # report and go on
                print(f"{variant:7s} {key:14s} ERROR {e}", flush=True)
                m = {"f1": 0.0}
            dt = time.perf_counter() - t
            m["seconds"] = dt
            rows.setdefault(variant, []).append(m)
            print(f"{args.tag} {variant:7s} {key:14s} n={len(gold['activities']):3d} "
                  + " ".join(f"{k.split('_')[0]}={m.get(k) if m.get(k) is not None else '-'}" for k in METRICS)
                  + f" {dt:5.1f}s", flush=True)
    print()
    for variant, ms in rows.items():
        means = {k: sum(float(m.get(k) or 0) for m in ms) / len(ms) for k in METRICS}
        print(f"{args.tag} MEAN {variant:7s} " + " ".join(f"{k.split('_')[0]}={v:.3f}" for k, v in means.items()),
              flush=True)


if __name__ == "__main__":
    main()
