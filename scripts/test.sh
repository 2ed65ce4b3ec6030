#!/usr/bin/env bash
# Set up, then run the test suite (pytest's exit 5, "no tests collected", counts as failure here).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pytest "$@"
