#!/usr/bin/env bash
# Ingest speed of `accord usage ingest` on an nginx `combined` log, next to
# `wc -l` on the same file (the floor: reading the bytes and finding newlines).
# Generates LINES requests (default 5,000,000) over the operations of a real
# spec (GitHub's REST API from ../shared) with build/bench/usage_gen_log, then
# reports wall and CPU (user+sys) seconds and lines per second for both.
# CPU time is the number to compare on a shared machine: wall time grows with
# the load average, which is printed too. Needs only bash, awk and what
# scripts/install-deps.sh installs.
# Each command runs RUNS times (default 3) and the fastest run by CPU counts:
# on a busy machine the slower runs measure the neighbours, not accord.
#   bench/usage_ingest.sh [LINES] [BUILD_DIR] [SPEC]
#   KEEP_LOG=path.log  keeps the generated log (for profiling); an existing file is reused
#   ACCORD=path/to/accord  measures another binary (an older build, to compare)
#   RUNS=n
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-5000000}
BUILD=${2:-build}
SPEC=${3:-../shared/corpus/openapi/github-rest-api/new.json}
if [ ! -f "$SPEC" ]; then echo "WARN: $SPEC absent; nothing to measure"; exit 0; fi
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" --target accord usage_gen_log >/dev/null
WORK=$(mktemp -d /tmp/accord-usage-bench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
LOG=${KEEP_LOG:-$WORK/access.log}
ACCORD=${ACCORD:-$BUILD/accord}
RUNS=${RUNS:-3}
if [ ! -s "$LOG" ]; then "$BUILD/bench/usage_gen_log" "$SPEC" "$LINES" "$LOG"; fi
cat "$LOG" > /dev/null  # warm the page cache so both runs read from memory

# Prints "wall cpu" seconds of the fastest of RUNS runs of the command (bash's
# own `time`: no /usr/bin/time or bc needed).
measure() {
  local TIMEFORMAT='%R %U %S'
  : > "$WORK/times"
  for _ in $(seq "$RUNS"); do
    rm -f "$WORK"/*.db "$WORK"/*.db-*  # a fresh registry each run, or the next run finds the file ingested
    { time "$@" > "$WORK/out" 2>&1; } 2>> "$WORK/times"
  done
  awk '{ s = $2 + $3 } NR == 1 || s < best { best = s; wall = $1 } END { printf "%.3f %.3f\n", wall, best }' "$WORK/times"
}
ingest() {
  "$ACCORD" usage ingest --spec "$SPEC" --registry "$1" --log-format combined --consumer user-agent "$2"
}

read -r wc_wall wc_cpu < <(measure wc -l "$LOG")
wc_lines=$(awk '{ print $1 }' "$WORK/out")
# Loading the spec (13 MB of JSON) takes a fixed time, measured alone to subtract.
: > "$WORK/empty.log"
read -r spec_wall spec_cpu < <(measure ingest "$WORK/spec.db" "$WORK/empty.log")
read -r acc_wall acc_cpu < <(measure ingest "$WORK/usage.db" "$LOG")
cat "$WORK/out"
accord_lines=$(awk '/ lines, / { print $2; exit }' "$WORK/out")
if [ "$accord_lines" != "$wc_lines" ]; then
  echo "FAIL: accord read $accord_lines lines, wc -l counts $wc_lines" >&2
  exit 1
fi

echo "accord: $ACCORD; fastest of $RUNS runs by CPU time"
echo "log: $LINES lines, $(du -m "$LOG" | awk '{ print $1 }') MB; spec: $SPEC"
echo "load average: $(awk '{ print $1, $2, $3 }' /proc/loadavg) on $(nproc) cores"
awk -v lines="$wc_lines" \
    -v wc_wall="$wc_wall" -v wc_cpu="$wc_cpu" \
    -v acc_wall="$acc_wall" -v acc_cpu="$acc_cpu" \
    -v spec_wall="$spec_wall" -v spec_cpu="$spec_cpu" '
  function rate(seconds) { return seconds > 0 ? sprintf("%.2f M", lines / seconds / 1e6) : "inf" }
  BEGIN {
    printf "%-30s %8s %8s %16s %16s\n", "", "wall s", "cpu s", "lines/s (wall)", "lines/s (cpu)"
    printf "%-30s %8.2f %8.2f %16s %16s\n", "wc -l", wc_wall, wc_cpu, rate(wc_wall), rate(wc_cpu)
    printf "%-30s %8.2f %8.2f %16s %16s\n", "accord usage ingest", acc_wall, acc_cpu, rate(acc_wall), rate(acc_cpu)
    printf "%-30s %8.2f %8.2f\n", "  of which spec load (empty log)", spec_wall, spec_cpu
    printf "%-30s %8.2f %8.2f %16s %16s\n", "  ingest minus spec load", acc_wall - spec_wall, acc_cpu - spec_cpu,
           rate(acc_wall - spec_wall), rate(acc_cpu - spec_cpu)
  }'
