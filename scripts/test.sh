#!/usr/bin/env bash
# Set up, then run the test suite with everything it needs: a throw-away PostgreSQL server is
# started here (unless ROADMAPS_TEST_PG_URL names one) and stopped afterwards; headless Chromium
# is installed for the report test. A skipped test counts as a failure (ROADMAPS_TEST_NO_SKIP=1;
# export ROADMAPS_TEST_NO_SKIP=0 to allow skips), and so does "no tests collected" (pytest exit 5).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; } \
    || echo "chromium could not be installed: the report screenshot test will fail"
fi
export PREFECT_SERVER_ANALYTICS_ENABLED=false
export ROADMAPS_TEST_NO_SKIP=${ROADMAPS_TEST_NO_SKIP:-1}
if [ -z "${ROADMAPS_TEST_PG_URL:-}" ]; then
  eval "$(bash scripts/start_pg.sh)"
  stop_pg() {
    [ -n "${ROADMAPS_TEST_PG_DIR:-}" ] || return 0
    local bin; bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$ROADMAPS_TEST_PG_DIR/data" stop -m fast >/dev/null 2>&1
    else "$bin/pg_ctl" -D "$ROADMAPS_TEST_PG_DIR/data" stop -m fast >/dev/null 2>&1; fi
    rm -rf "$ROADMAPS_TEST_PG_DIR"
  }
  trap stop_pg EXIT
fi
rc=0
.venv/bin/python -m pytest "$@" || rc=$?
if [ "$rc" -eq 5 ]; then echo "pytest collected no tests: failing"; rc=1; fi
exit $rc
