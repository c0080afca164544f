#!/usr/bin/env bash
# Ingest speed of `accord usage ingest` on an nginx `combined` log, next to
# `wc -l` on the same file. Generates LINES requests (default 3,000,000) over
# the operations of a real spec (GitHub's REST API from ../shared) and reports
# wall and CPU (user+sys) seconds and lines per second for both.
#   bench/usage_ingest.sh [LINES] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-3000000}
BUILD=${2:-build}
SPEC=../shared/corpus/openapi/github-rest-api/new.json
if [ ! -f "$SPEC" ]; then echo "WARN: $SPEC absent; nothing to measure"; exit 0; fi
WORK=$(mktemp -d /tmp/accord-usage-bench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
python3 bench/usage_gen_log.py "$SPEC" "$LINES" "$WORK/access.log"
cat "$WORK/access.log" > /dev/null  # warm the page cache for both runs

measure() {  # prints "wall cpu" seconds of the command
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$WORK/time" "$@" > "$WORK/out" 2>&1
  t1=$(date +%s.%N)
  read -r user sys < "$WORK/time"
  echo "$(echo "$t1 - $t0" | bc) $(echo "$user + $sys" | bc)"
}

read -r wc_wall wc_cpu < <(measure wc -l "$WORK/access.log")
# The spec alone (13 MB of JSON) takes a fixed time to load; measured to subtract.
: > "$WORK/empty.log"
read -r spec_wall spec_cpu < <(measure "$BUILD/accord" usage ingest --spec "$SPEC" --registry "$WORK/spec.db" \
  --log-format combined --consumer user-agent "$WORK/empty.log")
read -r acc_wall acc_cpu < <(measure "$BUILD/accord" usage ingest --spec "$SPEC" --registry "$WORK/usage.db" \
  --log-format combined --consumer user-agent "$WORK/access.log")
cat "$WORK/out"
rate() { echo "scale=0; $LINES / $1" | bc; }
printf "%-28s %10s %10s %16s\n" "" "wall s" "cpu s" "lines/s (cpu)"
printf "%-28s %10.2f %10.2f %16s\n" "wc -l" "$wc_wall" "$wc_cpu" "$(rate "$(echo "$wc_cpu + 0.001" | bc)")"
printf "%-28s %10.2f %10.2f %16s\n" "accord usage ingest" "$acc_wall" "$acc_cpu" "$(rate "$acc_cpu")"
net=$(echo "$acc_cpu - $spec_cpu" | bc)
printf "%-28s %10s %10.2f %16s\n" "  minus spec load" "" "$net" "$(rate "$net")"
