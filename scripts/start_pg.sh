#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on 127.0.0.1 for the tests and print its URL.
# Usage: eval "$(bash scripts/start_pg.sh)"   -> exports ROADMAPS_TEST_PG_URL
set -euo pipefail
PORT=${PGPORT_TEST:-54329}
# take the first free port from there (a developer's own test server may hold the default)
while (echo > "/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || { echo "echo 'postgresql not installed' >&2"; exit 0; }
DIR=$(mktemp -d /tmp/roadmaps-pg.XXXXXX)
chown postgres "$DIR" 2>/dev/null || true
AS=""; [ "$(id -u)" -eq 0 ] && AS="runuser -u postgres --"
$AS "$BIN/initdb" -D "$DIR/data" -A trust -U postgres >/dev/null
$AS "$BIN/pg_ctl" -D "$DIR/data" -o "-h 127.0.0.1 -p $PORT -k $DIR" -l "$DIR/log" -w start >/dev/null
$AS "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres roadmaps_test
echo "export ROADMAPS_TEST_PG_URL=postgresql://postgres@127.0.0.1:$PORT/roadmaps_test"
echo "export ROADMAPS_TEST_PG_DIR=$DIR"
