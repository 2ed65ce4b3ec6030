#!/usr/bin/env bash
# Set up a fresh machine: system packages (OCR, PDF tools, PostgreSQL) and the Python venv.
# Idempotent: a second run only checks. Usage: bash scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# chromium: only the review and report tests drive it (Playwright with executable_path); the app needs no browser
APT_PACKAGES=(tesseract-ocr tesseract-ocr-rus tesseract-ocr-osd tesseract-ocr-eng poppler-utils ghostscript postgresql libreoffice-writer-nogui chromium fonts-dejavu-core)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ] || [ constraints.txt -nt .venv/.installed ]; then
  .venv/bin/pip install -q --upgrade pip
  # constraints.txt pins the versions the suite was last run with (regenerate: pip freeze)
  .venv/bin/pip install -q -e ".[dev,postgres,dask,browse]" -c constraints.txt
  touch .venv/.installed
fi
export PREFECT_SERVER_ANALYTICS_ENABLED=false
echo "setup done: .venv ready"
