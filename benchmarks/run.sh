#!/usr/bin/env bash
# Run the benchmarks from any checkout and collect their tables in one Markdown file.
# Usage: bash benchmarks/run.sh [OUT.md]     (default: benchmarks/results.md; scans take minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-benchmarks/results.md}
PY=${PYTHON:-.venv/bin/python}
[ -x "$PY" ] || PY=python3
{
  echo "# Benchmarks ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
  echo; echo "## Whole processes: roadmaps ingest vs the bare library (bench_process.py)"; echo
  $PY benchmarks/bench_process.py --runs 3
  echo; echo "## Ruled PDFs in process: extract / ingest vs pdfplumber and camelot (bench_pdf.py)"; echo '```'
  $PY benchmarks/bench_pdf.py
  echo '```'; echo; echo "## Scans (bench_scan.py)"; echo '```'
  $PY benchmarks/bench_scan.py
  echo '```'
} | tee "$OUT"
