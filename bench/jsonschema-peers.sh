#!/usr/bin/env bash
# Times `accord breaking` next to the semantic and textual JSON Schema diff
# peers on every pair of ../shared/corpus/jsonschema (or, via
# bench/asyncapi-peers.sh, next to @asyncapi/diff on ../shared/corpus/asyncapi):
# wall seconds, max RSS and each tool's verdict, side by side, one line per pair.
#   bench/jsonschema-peers.sh [ACCORD_BINARY]      FORMAT=asyncapi for the AsyncAPI corpus
# Goals (issue 9): >= 20x faster than the semantic peers wherever they finish,
# >= 5x faster than json-schema-diff-validator on the larger pairs, a result on
# every pair. Short and nice'd (the machine is shared); the load average is printed.
set -uo pipefail
cd "$(dirname "$0")/.."
ACCORD=${1:-build/accord}
FORMAT=${FORMAT:-jsonschema}
PEERS_DIR=${ACCORD_PEERS_DIR:-$HOME/.cache/accord-peers}
TIMEOUT=${TIMEOUT:-120}
[ -x "$ACCORD" ] || { echo "no accord binary at $ACCORD (build it first)"; exit 2; }
[ -d "../shared/corpus/$FORMAT" ] || { echo "../shared/corpus/$FORMAT is absent"; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME CMD...: prints "wall rss verdict-file"; the command's stdout goes to $tmp/NAME.out.
run() {
  local name=$1; shift
  nice timeout "$TIMEOUT" /usr/bin/time -v "$@" >"$tmp/$name.out" 2>"$tmp/$name.time"
  local rc=$?
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tmp/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/$name.time")
  [ "$rc" = 124 ] && { wall="$TIMEOUT+"; echo "timed out" >"$tmp/$name.out"; }
  echo "${wall:-?} ${rss:-?} $rc"
}

peers=()
if [ "$FORMAT" = asyncapi ]; then
  [ -d "$PEERS_DIR/node_modules/@asyncapi/diff" ] && peers+=(asyncapi-diff)
else
  [ -x "$PEERS_DIR/node_modules/.bin/json-schema-diff" ] && peers+=(json-schema-diff)
  [ -d "$PEERS_DIR/node_modules/json-schema-diff-validator" ] && peers+=(json-schema-diff-validator)
  [ -d "$PEERS_DIR/node_modules/api-smart-diff" ] && peers+=(api-smart-diff)
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)   peers: ${peers[*]:-none installed in $PEERS_DIR}"
printf '%-44s %-30s' pair "accord (s, KB, verdict)"
for p in "${peers[@]}"; do printf ' | %-40s' "$p"; done
echo
for dir in ../shared/corpus/"$FORMAT"/*/; do
  old=$(ls "$dir" | grep -E '^old\.' | head -1); new=$(ls "$dir" | grep -E '^new\.' | head -1)
  [ -n "$old" ] && [ -n "$new" ] || continue
  read -r wall rss rc < <(run accord "$ACCORD" breaking --format json "$dir$old" "$dir$new")
  errors=$(grep -o '"severity": *"error"' "$tmp/accord.out" | wc -l)
  case $rc in 0) verdict="clean";; 1) verdict="breaking $errors";; *) verdict="exit $rc";; esac
  printf '%-44s %-30s' "$(basename "$dir")" "$wall $rss $verdict"
  for p in "${peers[@]}"; do
    if [ "$p" = json-schema-diff ]; then
      read -r pw pr prc < <(run "$p" "$PEERS_DIR/node_modules/.bin/json-schema-diff" "$dir$old" "$dir$new")
      v=$(tail -1 "$tmp/$p.out" | cut -c1-30); [ "$prc" = 0 ] && v="clean"
      [ "$prc" != 0 ] && grep -q "timed out" "$tmp/$p.out" && v="timed out"
      [ "$prc" != 0 ] && ! grep -qi "breaking\|removed" "$tmp/$p.out" && v="gave up (exit $prc)"
      [ "$prc" != 0 ] && grep -qi "breaking\|removed" "$tmp/$p.out" && v="breaking"
    else
      read -r pw pr prc < <(run "$p" node bench/schema_peers.js "$p" "$dir$old" "$dir$new")
      v=$(tail -1 "$tmp/$p.out" | cut -c1-30)
    fi
    ratio=$(awk -v a="$wall" -v b="$pw" 'BEGIN { if (a > 0 && b+0 > 0) printf "%.0fx", b / a; else print "-" }')
    printf ' | %-40s' "$pw $pr $ratio $v"
  done
  echo
done
echo "(wall seconds and max RSS KB per tool, one run each; ratio = peer wall / accord wall)"
