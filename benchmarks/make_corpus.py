"""Synthetic roadmap corpus for scale benchmarks: DOCX variants of template DOCX files.

Each variant copies a template's package and rewrites ``word/document.xml``:

* rows of every table are shuffled in blocks (a row plus the rows that continue its vertically
  merged cells), only within one section (single-cell heading rows stay where they are), and the
  header rows (``w:tblHeader`` plus short column-number / year rows under them) stay on top;
* the template's region ("<Stem>ская область" from ``normalizers/data/regions.yaml``, any case
  and inflection) becomes another "-ская область" region, so documents get other region codes;
* numbers vary: the act number after "№", and in table cells integers ≥ 10 that are neither years
  nor days of a month are scaled by a random factor.

Variants are deterministic per (seed, index); every file's bytes are distinct. Usage::

    .venv/bin/python benchmarks/make_corpus.py OUT_DIR [--n 1000] [--seed 1] [TEMPLATES...]
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import random
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path
from typing import Iterable

import yaml
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
REGIONS_FILE = ROOT / "normalizers" / "data" / "regions.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCUMENT_XML = "word/document.xml"
SHORT_HEADER_CELL = 12          # a row of cells this short under the header: column numbers / years
YEAR_RANGE = range(1990, 2051)
SCALE_RANGE = (0.5, 1.8)
MONTHS = r"(?:январ|феврал|март|апрел|ма[яйе]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
CELL_NUMBER = re.compile(rf"(?<![\d.,])(\d{{2,}})(?![\d.,]\d)(?!\s*{MONTHS})", re.IGNORECASE)
ACT_NUMBER = re.compile(r"(№\s*)(\d+)")
MAX_ATTEMPTS = 20


# ---------------------------------------------------------------- regions

def oblast_stems(regions_file: Path = REGIONS_FILE) -> list[str]:
    """Adjective stems of the "-ская область" regions ("Калужск" from "Калужская область")."""
    data = yaml.safe_load(regions_file.read_text(encoding="utf-8"))
    stems = []
    for row in data["regions"]:
        first, *rest = row["name"].split()
        if rest == ["область"] and first.endswith("ская"):
            stems.append(first[: -len("ая")])
    return stems


def dominant_stem(text: str, stems: Iterable[str]) -> str | None:
    """The regional stem named most often in the text (case-insensitive), if any."""
    low = text.lower()
    counts = Counter({s: low.count(s.lower()) for s in stems})
    stem, n = counts.most_common(1)[0] if counts else (None, 0)
    return stem if n else None


def swap_region(text: str, old: str, new: str) -> str:
    """Replace a regional stem in any case (Калужск / КАЛУЖСК / калужск) keeping the ending."""
    for a, b in ((old, new), (old.upper(), new.upper()), (old.lower(), new.lower())):
        text = text.replace(a, b)
    return text


# ---------------------------------------------------------------- numbers

def vary_cell_numbers(text: str, rng: random.Random) -> str:
    """Scale integers ≥ 10 that are not years and not days before a month name."""
    def scale(m: re.Match) -> str:
        n = int(m.group(1))
        if n in YEAR_RANGE:
            return m.group(1)
        return str(max(10, round(n * rng.uniform(*SCALE_RANGE))))
    return CELL_NUMBER.sub(scale, text)


def vary_act_number(text: str, rng: random.Random) -> str:
    return ACT_NUMBER.sub(lambda m: f"{m.group(1)}{rng.randint(1, 3000)}", text)


# ---------------------------------------------------------------- table rows

def _cell_texts(tr) -> list[str]:
    return ["".join(tc.itertext()).strip() for tc in tr.findall(W + "tc")]


def _continues_merge(tr) -> bool:
    """A row with a cell that continues a vertical merge from the row above."""
    for vm in tr.iter(W + "vMerge"):
        if vm.get(W + "val") in (None, "continue"):
            return True
    return False


def header_row_count(rows: list) -> int:
    """Rows marked as table header, plus short rows right under them (column numbers, years)."""
    n = max((i + 1 for i, tr in enumerate(rows) if tr.find(f"{W}trPr/{W}tblHeader") is not None),
            default=1)
    while n < len(rows) and all(len(t) <= SHORT_HEADER_CELL for t in _cell_texts(rows[n])):
        n += 1
    return n


def row_blocks(rows: list) -> list[list]:
    """Rows grouped so that vertically merged cells keep their continuation rows."""
    blocks: list[list] = []
    for tr in rows:
        if blocks and _continues_merge(tr):
            blocks[-1].append(tr)
        else:
            blocks.append([tr])
    return blocks


def shuffle_table(tbl, rng: random.Random) -> None:
    """Shuffle row blocks within each section; headers and section headings stay in place."""
    rows = tbl.findall(W + "tr")
    body = rows[header_row_count(rows):]
    if len(body) < 2:
        return
    anchor = body[0].getprevious()
    for tr in body:
        tbl.remove(tr)
    ordered: list = []
    run: list[list] = []
    for block in row_blocks(body):
        if len(block) == 1 and len(block[0].findall(W + "tc")) == 1:   # a section heading row
            rng.shuffle(run)
            ordered += [tr for b in run for tr in b] + block
            run = []
        else:
            run.append(block)
    rng.shuffle(run)
    ordered += [tr for b in run for tr in b]
    for tr in ordered:
        anchor.addnext(tr)
        anchor = tr


# ---------------------------------------------------------------- documents

def vary_document(root, rng: random.Random, old_stem: str | None, new_stem: str) -> None:
    """Shuffle tables, swap the region and vary numbers in one parsed document.xml (in place)."""
    for tbl in root.iter(W + "tbl"):
        shuffle_table(tbl, rng)
    in_table = {id(t) for tbl in root.iter(W + "tbl") for t in tbl.iter(W + "t")}
    for t in root.iter(W + "t"):
        if not t.text:
            continue
        s = swap_region(t.text, old_stem, new_stem) if old_stem else t.text
        s = vary_cell_numbers(s, rng) if id(t) in in_table else vary_act_number(s, rng)
        t.text = s


def write_variant(template: Path, xml: bytes, out: Path) -> None:
    """The template's package with ``word/document.xml`` replaced."""
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, xml if info.filename == DOCUMENT_XML else src.read(info.filename))


def load_template(path: Path, stems: list[str]):
    root = etree.fromstring(zipfile.ZipFile(path).read(DOCUMENT_XML))
    return root, dominant_stem("".join(root.itertext()), stems)


def default_templates() -> list[Path]:
    """The dev DOCX roadmaps: committed copies in data/raw, else the shared eval corpus."""
    return sorted((ROOT / "data" / "raw").glob("*.docx"))


def make_corpus(out_dir: Path, n: int, templates: list[Path], seed: int = 1) -> list[Path]:
    """Write ``n`` distinct DOCX variants to ``out_dir``; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stems = oblast_stems()
    parsed = [(t, *load_template(t, stems)) for t in templates]
    seen: set[str] = set()
    paths = []
    for i in range(n):
        template, root, old_stem = parsed[i % len(parsed)]
        for attempt in range(MAX_ATTEMPTS):
            rng = random.Random(f"{seed}:{i}:{attempt}")
            doc = copy.deepcopy(root)
            new_stem = rng.choice([s for s in stems if s != old_stem])
            vary_document(doc, rng, old_stem, new_stem)
            xml = etree.tostring(doc, xml_declaration=True, encoding="UTF-8", standalone=True)
            digest = hashlib.sha256(xml).hexdigest()
            if digest not in seen:
                break
        else:
            raise RuntimeError(f"no distinct variant of {template} after {MAX_ATTEMPTS} attempts")
        seen.add(digest)
        out = out_dir / f"{template.stem}_v{i:05d}.docx"
        write_variant(template, xml, out)
        paths.append(out)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("templates", nargs="*", type=Path, help="template DOCX (default: data/raw/*.docx, else the shared dev corpus)")
    ap.add_argument("--n", type=int, default=1000, help="number of documents (default 1000)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    templates = args.templates or default_templates()
    if not templates:
        print("no template DOCX files (looked for data/raw/*.docx)", file=sys.stderr)
        return 2
    paths = make_corpus(args.out_dir, args.n, templates, args.seed)
    print(f"wrote {len(paths)} documents to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
