#!/usr/bin/env bash
# Pact verification speed: 2,000 interactions against a local provider,
# accord vs the Pact verifier (pact-foundation's standalone CLI) on the same
# pact file and the same provider. Reports wall time, the ratio, and accord's
# overhead per interaction over the provider's own answering time (measured
# with curl keep-alive replaying the same 2,000 requests).
#
# usage: bench/verify-bench.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
ACCORD=$BUILD/accord
PACT=${PACT_CLI:-/root/.cache/accord-peers/node_modules/@pact-foundation/pact-cli-linux-x64/standalone/pact}
N=${N:-2000}
PORT=${PORT:-18089}
WORK=$(mktemp -d)
trap 'kill $PROVIDER_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -x "$ACCORD" ] || { echo "build accord first ($ACCORD missing)"; exit 2; }
g++ -O2 -std=c++17 bench/verify_provider.cpp -o "$WORK/provider" -lcpp-httplib -lpthread
"$WORK/provider" "$PORT" & PROVIDER_PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.05; done

python3 - "$N" > "$WORK/pact.json" <<'PY'
import json, sys
n = int(sys.argv[1])
interactions = []
for i in range(n):
    interactions.append({
        "description": f"get item {i}",
        "request": {"method": "GET", "path": f"/items/{i}"},
        "response": {
            "status": 200,
            "headers": {"Content-Type": "application/json"},
            "body": {"id": i, "name": f"item {i}", "price": 1.5, "tags": ["x"], "active": True},
            "matchingRules": {"body": {
                "$.name": {"matchers": [{"match": "regex", "regex": "item \\d+"}]},
                "$.price": {"matchers": [{"match": "decimal"}]},
                "$.tags": {"matchers": [{"match": "type", "min": 1}]},
                "$.active": {"matchers": [{"match": "boolean"}]}}}}})
print(json.dumps({"consumer": {"name": "bench-consumer"}, "provider": {"name": "bench-provider"},
                  "interactions": interactions, "metadata": {"pactSpecification": {"version": "3.0.0"}}}))
PY

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }

# Baseline: the provider's own cost, one keep-alive connection, same requests.
URLS=$WORK/urls.txt
for i in $(seq 0 $((N - 1))); do echo "url = \"http://127.0.0.1:$PORT/items/$i\""; echo "output = /dev/null"; done > "$URLS"
t0=$(now); curl -s --config "$URLS" ; t1=$(now)
BASE=$(elapsed "$t0" "$t1")

t0=$(now); "$ACCORD" verify "$WORK/pact.json" --provider-base-url "http://127.0.0.1:$PORT" --format json > "$WORK/accord.json"; rc=$?; t1=$(now)
ACC=$(elapsed "$t0" "$t1")
grep -q "\"pass\": $N" "$WORK/accord.json" || { echo "accord did not pass all $N interactions (rc=$rc)"; tail -5 "$WORK/accord.json"; exit 1; }

t0=$(now); "$ACCORD" verify "$WORK/pact.json" --provider-base-url "http://127.0.0.1:$PORT" --concurrency 4 --format json > "$WORK/accord4.json"; t1=$(now)
ACC4=$(elapsed "$t0" "$t1")

if [ -x "$PACT" ]; then
  t0=$(now); "$PACT" verifier -f "$WORK/pact.json" -h 127.0.0.1 -p "$PORT" --no-colour > "$WORK/pact.out" 2>&1 || true; t1=$(now)
  PEER=$(elapsed "$t0" "$t1")
  PEER_OK=$(grep -c "OK" "$WORK/pact.out" || true)
else
  PEER=""
fi

printf "interactions:                 %d\n" "$N"
printf "provider baseline (curl):     %.3f s\n" "$BASE"
printf "accord verify:                %.3f s\n" "$ACC"
printf "accord verify --concurrency 4: %.3f s\n" "$ACC4"
printf "accord overhead/interaction:  %.3f ms  ((accord - baseline) / N)\n" "$(echo "($ACC - $BASE) * 1000 / $N" | bc -l)"
if [ -n "$PEER" ]; then
  printf "pact verifier:                %.3f s  (%s lines with OK)\n" "$PEER" "$PEER_OK"
  printf "ratio pact/accord:            %.1fx\n" "$(echo "$PEER / $ACC" | bc -l)"
else
  echo "pact verifier: not installed at $PACT (skipped)"
fi
