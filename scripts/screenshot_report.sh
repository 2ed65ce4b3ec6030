#!/usr/bin/env bash
# Screenshot an HTML report with headless Chromium (Debian package: chromium) to check it as a person would.
# Usage: scripts/screenshot_report.sh report.html [out.png] [WIDTHxHEIGHT]
# Prints Chromium's console messages (lines with "CONSOLE") and exits non-zero when there are any,
# or when the screenshot was not written. No network is used: the report is self-contained.
set -euo pipefail
html="$(realpath "${1:?usage: $0 report.html [out.png] [WIDTHxHEIGHT]}")"
png="$(realpath -m "${2:-${html%.html}.png}")"
size="${3:-1400x1800}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "chromium not found: apt-get install -y chromium" >&2
  exit 3
fi
profile="$(mktemp -d)"
log="$(mktemp)"
trap 'rm -rf "$profile" "$log"' EXIT
rm -f "$png"
timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --enable-logging=stderr --v=0 --user-data-dir="$profile" \
  --screenshot="$png" --window-size="${size/x/,}" "file://$html" >"$log" 2>&1 || true
if grep -E "CONSOLE|Uncaught|net::ERR" "$log"; then
  echo "browser reported errors for $html" >&2
  exit 1
fi
if [ ! -s "$png" ]; then
  echo "no screenshot written" >&2
  cat "$log" >&2
  exit 2
fi
echo "$png"
