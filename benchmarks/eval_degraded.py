"""Score the scan path per degradation: degrade dev PDFs, ingest, export, score.

For each dev key and each variant (one ``benchmarks/degrade.py`` degradation, or
``all``), the key's text PDF is rendered and degraded on a few table pages,
ingested into a fresh SQLite database with ``cli``, exported to JSON and
scored with the dev set's ``score.py`` against a gold trimmed to the activities
printed on those pages (activity titles found in the text layer of the same
pages of the source PDF). Prints one line per file and a mean per variant.

The dev set is not part of the repository: give its directory with ``--eval``
(or ``ROADMAPS_EVAL``); it needs ``corpus/<key>/<key>.pdf``, ``gold/<key>.json``
and ``score.py``.

Usage::

    python benchmarks/eval_degraded.py --eval DIR [--variants all,skew,blur]
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
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.degrade import ALL, Options, degrade_pdf, parse_pages  # noqa: E402

DEFAULT_KEYS = "kemerovo_2018:6-8,amur_2019:2-4,kaluga_2021:1-3"
METRICS = ("f1", "cell_accuracy", "deadline_norm_accuracy", "party_f1")


def _squash(s: str) -> str:
    s = (s or "").lower().replace("ё", "е")
    return re.sub(r"[^0-9a-zа-я]+", "", s)


def trimmed_gold(gold: dict, src_pdf: str, pages: list[int]) -> dict:
    """The gold with only the activities (and indicators) whose titles start on ``pages``.

    A title is on the pages when a table cell there starts like it (cells of the
    source PDF's ruled tables, so wrapped titles are read whole).
    """
    import pdfplumber

    cells: list[str] = []
    with pdfplumber.open(src_pdf) as pdf:
        for p in pages:
            if p > len(pdf.pages):
                continue
            for table in pdf.pages[p - 1].extract_tables():
                cells.extend(_squash(c) for row in table for c in row if c and len(_squash(c)) >= 8)

    def on_pages(title: str) -> bool:
        t = _squash(title)
        return any(t.startswith(c[:25]) or c.startswith(t[:25]) for c in cells)

    g = dict(gold)
    g["activities"] = [a for a in gold["activities"] if on_pages(a["title"])]
    g["indicators"] = [x for x in gold.get("indicators") or [] if on_pages(x["name"])]
    return g


def run(cmd: list[str], cwd: str) -> None:
    env = dict(os.environ, PYTHONPATH=cwd)
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if r.returncode:
        raise RuntimeError(f"{' '.join(cmd)}: {r.stderr[-800:]}")


def score_file(pdf: str, gold_path: str, score_py: str, code: str, work: Path) -> dict:
    db, out = work / (Path(pdf).stem + ".db"), work / (Path(pdf).stem + ".json")
    db.unlink(missing_ok=True)
    py = sys.executable
    run([py, "-m", "cli", "ingest", pdf, "--db", f"sqlite:///{db}"], code)
    run([py, "-m", "cli", "export", "--format", "json", "--db", f"sqlite:///{db}", "-o", str(out)], code)
    r = subprocess.run([py, score_py, str(out), gold_path], capture_output=True, text=True, check=True)
    return next(iter(json.loads(r.stdout).values()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", default=os.environ.get("ROADMAPS_EVAL"), required=not os.environ.get("ROADMAPS_EVAL"))
    ap.add_argument("--variants", default="none,all," + ",".join(ALL))
    ap.add_argument("--keys", default=DEFAULT_KEYS)
    ap.add_argument("--code", default=str(Path(__file__).resolve().parents[1]))
    ap.add_argument("--work", default="/tmp/degraded")
    ap.add_argument("--dpi", type=int, default=170)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tag", default="")
    args = ap.parse_args()
    ev, work = Path(args.eval), Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[dict]] = {}
    for variant in args.variants.split(","):
        only = ALL if variant == "all" else () if variant == "none" else (variant,)
        for spec in args.keys.split(","):
            key, _, pages_spec = spec.partition(":")
            pages = parse_pages(pages_spec or None)
            src = str(ev / "corpus" / key / f"{key}.pdf")
            pdf = work / f"{key}__{variant}.pdf"
            if not pdf.exists():
                degrade_pdf(src, str(pdf), Options(args.dpi, args.seed, only, pages))
            gold = trimmed_gold(json.load(open(ev / "gold" / f"{key}.json", encoding="utf-8")), src,
                                pages or list(range(1, 999)))
            gpath = work / f"{key}__{variant}.gold.json"
            gpath.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
            t = time.perf_counter()
            try:
                m = score_file(str(pdf), str(gpath), str(ev / "score.py"), args.code, work)
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
