#!/usr/bin/env bash
# Set up, then run the test suite (pytest's exit 5, "no tests collected", counts as failure here).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# the report test opens the HTML report in headless Chromium (skipped with a reason without it)
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; } \
    || echo "chromium could not be installed: the report screenshot test will be skipped"
fi
.venv/bin/python -m pytest "$@"
