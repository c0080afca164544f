#!/usr/bin/env bash
# accord next to graphql-inspector on GraphQL SDL pairs, in the same run:
# wall time (best of $RUNS) of `accord breaking OLD NEW` and of
# `graphql-inspector diff OLD NEW`, and the agreement of their breaking sets
# (graphql-inspector's own diff() through @graphql-inspector/core, keyed by
# change type and path; accord's rules carry the change type as category).
#
#   bench/graphql-inspector.sh [ACCORD_BINARY]
# Pairs: ../shared/corpus/graphql/* and every fixtures/graphql/rules/* pair.
# Prints one line per pair: times, breaking counts, and any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
ACCORD=${1:-build/accord}
PEERS=${PEERS:-$HOME/.cache/accord-peers}
GI=$PEERS/node_modules/.bin/graphql-inspector
RUNS=${RUNS:-3}
OUT=${OUT:-/tmp/accord-graphql-bench}
mkdir -p "$OUT"
if [ ! -x "$GI" ]; then echo "graphql-inspector missing under $PEERS (run ../shared/peers/install.sh)" >&2; exit 2; fi
if [ ! -d ../shared/corpus/graphql ]; then echo "../shared/corpus/graphql missing" >&2; exit 2; fi

best() { # command... -> best wall time in ms over $RUNS runs
  local best_ms=
  for _ in $(seq "$RUNS"); do
    local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    local ms=$(( (t1 - t0) / 1000000 ))
    if [ -z "$best_ms" ] || [ "$ms" -lt "$best_ms" ]; then best_ms=$ms; fi
  done
  echo "$best_ms"
}

inspector_json() { # old new out
  (cd "$PEERS" && node -e '
    const fs = require("fs");
    const { buildSchema } = require("graphql");
    const { diff } = require("@graphql-inspector/core");
    const [o, n] = process.argv.slice(1).map(f => buildSchema(fs.readFileSync(f, "utf8")));
    diff(o, n).then(changes => console.log(JSON.stringify(changes.map(c => ({type: c.type, path: c.path || "", level: c.criticality.level, message: c.message})))));
  ' "$1" "$2") > "$3"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
for dir in ../shared/corpus/graphql/* fixtures/graphql/rules/*; do
  old=$(ls "$dir"/old.graphql* | head -1); new=$(ls "$dir"/new.graphql* | head -1)
  name=$(basename "$dir")
  "$ACCORD" diff "$old" "$new" --format json > "$OUT/$name.accord.json" || true
  inspector_json "$(realpath "$old")" "$(realpath "$new")" "$OUT/$name.inspector.json"
  line=$(python3 bench/graphql_agreement.py "$OUT/$name.accord.json" "$OUT/$name.inspector.json") || status=1
  if [ "$dir" != "${dir#../shared}" ]; then
    a=$(best "$ACCORD" breaking "$old" "$new"); g=$(best "$GI" diff "$old" "$new")
    echo "$name: accord ${a} ms, graphql-inspector diff ${g} ms ($(python3 -c "print(f'{$g/max($a,1):.1f}')")x); $line"
  else
    echo "$name: $line"
  fi
done
exit $status
