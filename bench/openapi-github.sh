#!/usr/bin/env bash
# Times `accord breaking` on the GitHub REST pair (11.8 -> 13.0 MB JSON) next
# to Optic on the same pair, with /usr/bin/time -v (wall clock and max RSS),
# and prints the ratios. Usage: bench/openapi-github.sh [ACCORD_BINARY]
# Goal: accord under 1 s and at least 10x ahead of Optic.
set -uo pipefail
cd "$(dirname "$0")/.."
ACCORD=${1:-build/accord}
PAIR=../shared/corpus/openapi/github-rest-api
OPTIC=${OPTIC:-/root/.cache/accord-peers/optic/node_modules/.bin/optic}
STANDARD=${OPTIC_STANDARD:-/root/.cache/accord-peers/optic/standard.yml}
RUNS=${RUNS:-3}

[ -x "$ACCORD" ] || { echo "no accord binary at $ACCORD (build it first)"; exit 2; }
[ -f "$PAIR/old.json" ] || { echo "SKIP: $PAIR is absent"; exit 0; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Runs a command RUNS times; prints the best wall seconds, its max RSS (KB) and
# its CPU seconds (user + sys: the fairer number on a shared, loaded machine).
measure() {
  local name=$1; shift
  local best_wall="" best_rss="" best_cpu=""
  for i in $(seq "$RUNS"); do
    /usr/bin/time -v "$@" >"$tmp/$name.out" 2>"$tmp/$name.time"
    local wall rss cpu
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tmp/$name.time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/$name.time")
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$tmp/$name.time")
    if [ -z "$best_wall" ] || awk "BEGIN{exit !($wall < $best_wall)}"; then best_wall=$wall; best_rss=$rss; best_cpu=$cpu; fi
  done
  echo "$best_wall $best_rss $best_cpu"
}

read -r a_wall a_rss a_cpu < <(measure accord "$ACCORD" breaking "$PAIR/old.json" "$PAIR/new.json")
echo "accord: wall ${a_wall}s  cpu ${a_cpu}s  max RSS ${a_rss} KB  ($(tail -1 "$tmp/accord.out"))"

if [ ! -x "$OPTIC" ]; then
  echo "Optic not installed at $OPTIC (see /tmp/peers-install.log); no ratio"
  exit 0
fi
read -r o_wall o_rss o_cpu < <(measure optic env OPTIC_TELEMETRY_LEVEL=off "$OPTIC" diff "$PAIR/old.json" "$PAIR/new.json" \
  --check --validation loose --standard "$STANDARD")
echo "optic:  wall ${o_wall}s  cpu ${o_cpu}s  max RSS ${o_rss} KB"
awk -v aw="$a_wall" -v ow="$o_wall" -v ar="$a_rss" -v orr="$o_rss" -v ac="$a_cpu" -v oc="$o_cpu" 'BEGIN {
  printf "ratio (optic / accord): wall %.1fx, cpu %.1fx, max RSS %.1fx\n", ow / aw, oc / ac, orr / ar
  printf "goal: accord < 1 s: %s; >= 10x ahead: %s\n", (aw < 1 ? "met" : "NOT met"), (ow / aw >= 10 ? "met" : "NOT met")
}'
