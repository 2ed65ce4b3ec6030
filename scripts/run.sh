#!/usr/bin/env bash
# The main job: set up, then pull every sample document of data/raw (manifest) into the
# default SQLite database under data/curated/ and print a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/roadmaps pull data/raw/manifest.yaml "$@"
