#!/usr/bin/env bash
# Run the benchmarks from any checkout and collect their tables in one Markdown file.
# Usage: bash benchmarks/run.sh [OUT.md]     (default: benchmarks/results.md; scans take minutes)
# The interpreter: $PYTHON if set, else this checkout's .venv/bin/python, else python3. This
# checkout's code is what runs (PYTHONPATH is set to it), whatever the interpreter has installed.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-benchmarks/results.md}
if [ -n "${PYTHON:-}" ]; then PY=$PYTHON
elif [ -x .venv/bin/python ]; then PY=.venv/bin/python
else PY=python3
fi
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
{
  echo "# Benchmarks ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg))"
  echo; echo "## Whole processes: roadmaps ingest vs the bare library (bench_process.py)"; echo
  "$PY" benchmarks/bench_process.py --runs 3
  echo; echo "## Ruled PDFs in process: extract / ingest vs pdfplumber and camelot (bench_pdf.py)"; echo '```'
  "$PY" benchmarks/bench_pdf.py
  echo '```'; echo; echo "## Scans (bench_scan.py)"; echo '```'
  "$PY" benchmarks/bench_scan.py
  echo '```'
} | tee "$OUT"
