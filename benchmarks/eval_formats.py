"""The dev set's DOCX in the other formats orders are published in, scored against the DOCX.

Each ``corpus/<key>/<key>.docx`` of an evaluation folder (``../shared/eval`` by default) is
written as .doc (through ODT, and ``direct.doc`` saved straight from the DOCX), .rtf, .odt
(LibreOffice, through ``benchmarks/make_formats.py``), a legal-portal
HTML page (``html``) and LibreOffice's own HTML export (``lo.html``); each file is ingested into a
fresh SQLite database, exported and scored with the folder's ``score.py`` against its gold. Prints
a line per file and, per format, the largest difference from the DOCX on any figure (issue 18's
must-show: within 0.01). Exit 1 when a format is further from its DOCX than ``--tolerance``.

    python benchmarks/eval_formats.py [--eval ../shared/eval] [--formats doc,direct.doc,rtf,odt,html,lo.html]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.make_formats import make  # noqa: E402
from benchmarks.make_layouts import export_of  # noqa: E402

FIGURES = ["f1", "cell_accuracy", "deadline_norm_accuracy", "party_f1", "expansion_accuracy",
           "target_accuracy", "indicator_recall", "metadata_accuracy"]


def load_scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("dev_score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--formats", default="doc,direct.doc,rtf,odt,html,lo.html")
    ap.add_argument("--work", type=Path, default=None, help="keep the converted files here")
    ap.add_argument("--tolerance", type=float, default=0.01)
    args = ap.parse_args(argv)
    scorer = load_scorer(args.eval)
    formats = [f for f in args.formats.split(",") if f]
    work = args.work or Path(tempfile.mkdtemp(prefix="roadmaps-formats-"))
    work.mkdir(parents=True, exist_ok=True)
    worst = {f: 0.0 for f in formats}
    import json

    for gold_path in sorted((args.eval / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        docx = args.eval / "corpus" / gold["key"] / f"{gold['key']}.docx"
        if not docx.exists():
            continue
        base = scorer.score_doc(gold, export_of(docx))
        rows = [("docx", base)]
        for fmt in formats:
            rows.append((fmt, scorer.score_doc(gold, export_of(make(docx, work, [fmt])[0]))))
        for fmt, m in rows:
            diff = max((abs((m.get(k) or 0) - (base.get(k) or 0)) for k in FIGURES), default=0.0)
            if fmt != "docx":
                worst[fmt] = max(worst[fmt], diff)
            print(f"{gold['key']:15s} {fmt:8s} " + " ".join(
                f"{k.split('_')[0]}={m.get(k) if m.get(k) is not None else '-'}" for k in FIGURES)
                + ("" if fmt == "docx" else f"  max diff to docx {diff:.3f}"), flush=True)
    print("largest difference from the DOCX, per format: "
          + ", ".join(f"{f} {d:.3f}" for f, d in worst.items()))
    return 1 if any(d > args.tolerance for d in worst.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
