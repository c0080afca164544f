#!/usr/bin/env bash
# Pact verification speed: N (default 2,000) interactions against a local
# provider, accord vs the Pact verifier (pact-foundation's standalone CLI) on
# the same pact file and the same provider.
#
# Reports, for each run, wall time and CPU time (user+sys; wall is distorted
# when the machine is shared, CPU much less so) and the load average, then:
#   - accord's overhead per interaction = (accord wall - provider baseline) / N,
#     where the baseline is the provider's own answering time for the same N
#     requests: one curl process replaying them over one keep-alive connection,
#     the least a client can spend;
#   - accord's CPU per interaction (all of accord's own work: parsing the pact,
#     building requests, libcurl, matching, the report);
#   - the ratio Pact verifier wall / accord wall.
# The provider answers instantly (a fixed JSON body), so its service time is
# the baseline's round trip and nothing more.
#
# usage: bench/verify-bench.sh [BUILD_DIR]        (default: build)
# env:   N=2000          interactions
#        PEER_N=N        interactions given to the Pact verifier; when smaller
#                        than N its wall time is also scaled to N (linearly,
#                        labelled as such)
#        RUNS=3          accord runs (the median is reported)
#        PACT_CLI=...    the pact standalone binary
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
ACCORD=$BUILD/accord
PACT=${PACT_CLI:-/root/.cache/accord-peers/node_modules/@pact-foundation/pact-cli-linux-x64/standalone/pact}
N=${N:-2000}
PEER_N=${PEER_N:-$N}
RUNS=${RUNS:-3}
PORT=${PORT:-18089}
WORK=$(mktemp -d)
PROVIDER_PID=""
trap '[ -n "$PROVIDER_PID" ] && kill "$PROVIDER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

[ -x "$ACCORD" ] || { echo "build accord first ($ACCORD missing)"; exit 2; }
# Debian's libcpp-httplib is built with OpenSSL, zlib and brotli support; the
# header must see CPPHTTPLIB_OPENSSL_SUPPORT (which changes class layouts) too.
g++ -O2 -std=c++17 -DCPPHTTPLIB_OPENSSL_SUPPORT bench/verify_provider.cpp -o "$WORK/provider" -lcpp-httplib -lpthread
"$WORK/provider" "$PORT" & PROVIDER_PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.05; done

make_pact() {  # make_pact COUNT > file
  python3 - "$1" <<'PY'
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
}
make_pact "$N" > "$WORK/pact.json"
if [ "$PEER_N" -lt "$N" ]; then make_pact "$PEER_N" > "$WORK/peer-pact.json"; else cp "$WORK/pact.json" "$WORK/peer-pact.json"; fi

# timed LABEL CMD...: runs CMD under /usr/bin/time; sets WALL, CPU (seconds) and RC.
timed() {
  local label=$1; shift
  set +e
  /usr/bin/time -f "%e %U %S" -o "$WORK/time.$label" "$@"
  RC=$?
  set -e
  read -r WALL user sys < "$WORK/time.$label"
  CPU=$(echo "$user + $sys" | bc -l)
}
load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "load average before: $(load)   (nproc $(nproc))"

# Baseline: the provider's own cost, one keep-alive connection, same requests.
for i in $(seq 0 $((N - 1))); do echo "url = \"http://127.0.0.1:$PORT/items/$i\""; echo "output = /dev/null"; done > "$WORK/urls.txt"
timed base curl -s --config "$WORK/urls.txt"
BASE=$WALL BASE_CPU=$CPU

: > "$WORK/acc.wall"; : > "$WORK/acc.cpu"
for r in $(seq "$RUNS"); do
  timed acc "$ACCORD" verify "$WORK/pact.json" --provider-base-url "http://127.0.0.1:$PORT" --concurrency 1 --format json -o "$WORK/accord.json"
  grep -q "\"pass\": $N" "$WORK/accord.json" || { echo "accord did not pass all $N interactions (rc=$RC)"; tail -5 "$WORK/accord.json"; exit 1; }
  echo "$WALL" >> "$WORK/acc.wall"; echo "$CPU" >> "$WORK/acc.cpu"
done
ACC=$(median < "$WORK/acc.wall") ACC_CPU=$(median < "$WORK/acc.cpu")

timed acc4 "$ACCORD" verify "$WORK/pact.json" --provider-base-url "http://127.0.0.1:$PORT" --concurrency 4 --format json -o "$WORK/accord4.json"
ACC4=$WALL ACC4_CPU=$CPU
echo "load average after accord: $(load)"

PEER=""
if [ -x "$PACT" ]; then
  export PACT_DO_NOT_TRACK=true
  timed peer "$PACT" verifier -f "$WORK/peer-pact.json" -h 127.0.0.1 -p "$PORT" --no-colour > "$WORK/pact.out" 2>&1
  PEER=$WALL PEER_CPU=$CPU PEER_RC=$RC
  echo "load average after pact verifier: $(load)"
fi

printf "interactions:                    %d\n" "$N"
printf "provider baseline (curl, 1 conn): %.3f s wall, %.3f s CPU (curl)\n" "$BASE" "$BASE_CPU"
printf "accord verify --concurrency 1:    %.3f s wall, %.3f s CPU  (median of %d: %s)\n" "$ACC" "$ACC_CPU" "$RUNS" "$(tr '\n' ' ' < "$WORK/acc.wall")"
printf "accord verify --concurrency 4:    %.3f s wall, %.3f s CPU\n" "$ACC4" "$ACC4_CPU"
printf "accord overhead/interaction:      %.3f ms  ((accord wall - baseline) / N)\n" "$(echo "($ACC - $BASE) * 1000 / $N" | bc -l)"
printf "accord CPU/interaction:           %.3f ms  (accord CPU / N)\n" "$(echo "$ACC_CPU * 1000 / $N" | bc -l)"
if [ -n "$PEER" ]; then
  printf "pact verifier (%d interactions):  %.3f s wall, %.3f s CPU, exit %d; its summary: %s\n" "$PEER_N" "$PEER" "$PEER_CPU" \
    "$PEER_RC" "$(grep -iE '[0-9]+ (examples?|interactions?), [0-9]+ failures?' "$WORK/pact.out" | tail -1)"
  printf "pact verifier 'OK' lines:         %d\n" "$(grep -c '(OK)' "$WORK/pact.out" || true)"
  if [ "$PEER_N" -lt "$N" ]; then
    PEER_AT_N=$(echo "$PEER * $N / $PEER_N" | bc -l)
    printf "pact verifier scaled to %d:       %.1f s (linear extrapolation from %d)\n" "$N" "$PEER_AT_N" "$PEER_N"
  else
    PEER_AT_N=$PEER
  fi
  printf "ratio pact/accord (wall, N=%d):   %.0fx\n" "$N" "$(echo "$PEER_AT_N / $ACC" | bc -l)"
  printf "ratio pact/accord (CPU, N=%d):    %.0fx\n" "$N" "$(echo "$PEER_CPU * $N / $PEER_N / $ACC_CPU" | bc -l)"
else
  echo "pact verifier: not installed at $PACT (skipped)"
fi
