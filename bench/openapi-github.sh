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

# Runs a command RUNS times; prints the best wall seconds and its max RSS (KB).
measure() {
  local name=$1; shift
  local best_wall="" best_rss=""
  for i in $(seq "$RUNS"); do
    /usr/bin/time -v "$@" >"$tmp/$name.out" 2>"$tmp/$name.time"
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tmp/$name.time")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/$name.time")
    if [ -z "$best_wall" ] || awk "BEGIN{exit !($wall < $best_wall)}"; then best_wall=$wall; best_rss=$rss; fi
  done
  echo "$best_wall $best_rss"
}

read -r a_wall a_rss < <(measure accord "$ACCORD" breaking "$PAIR/old.json" "$PAIR/new.json")
echo "accord: wall ${a_wall}s  max RSS ${a_rss} KB  ($(tail -1 "$tmp/accord.out"))"

if [ ! -x "$OPTIC" ]; then
  echo "Optic not installed at $OPTIC (see /tmp/peers-install.log); no ratio"
  exit 0
fi
read -r o_wall o_rss < <(measure optic env OPTIC_TELEMETRY_LEVEL=off "$OPTIC" diff "$PAIR/old.json" "$PAIR/new.json" \
  --check --validation loose --standard "$STANDARD")
echo "optic:  wall ${o_wall}s  max RSS ${o_rss} KB"
awk -v aw="$a_wall" -v ow="$o_wall" -v ar="$a_rss" -v orr="$o_rss" 'BEGIN {
  printf "ratio (optic / accord): wall %.1fx, max RSS %.1fx\n", ow / aw, orr / ar
  printf "goal: accord < 1 s: %s; >= 10x ahead: %s\n", (aw < 1 ? "met" : "NOT met"), (ow / aw >= 10 ? "met" : "NOT met")
}'
