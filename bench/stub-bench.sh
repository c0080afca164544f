#!/usr/bin/env bash
# Stub server throughput: `accord stub` vs `pact stub` (the Pact standalone
# CLI) on the same pact, same run, with ab (apache2-utils): keep-alive, 8
# connections. Each server also answers one request checked for the right
# body first, so speed never hides a wrong answer. Prints requests/s of both,
# the ratio, and each server's CPU per request (from /proc, steadier than
# wall time when the machine is loaded). pact stub runs twice: as installed
# (it logs every request at info) and with --loglevel none, so its logging
# is not what the ratio measures.
#
# usage: bench/stub-bench.sh [BUILD_DIR]   (default: build)
# env:   REQUESTS=20000 (accord)  PEER_REQUESTS=500 (pact stub; about 15-200 req/s)  PACT_CLI=...
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
ACCORD=$BUILD/accord
PACT=${PACT_CLI:-$HOME/.cache/accord-peers/node_modules/@pact-foundation/pact-cli-linux-x64/standalone/pact}
REQUESTS=${REQUESTS:-20000}
PEER_REQUESTS=${PEER_REQUESTS:-500}
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
[ -x "$ACCORD" ] || { echo "build accord first ($ACCORD missing)"; exit 2; }
command -v ab >/dev/null || { echo "ab missing: apt-get install apache2-utils"; exit 2; }

# A pact of 20 interactions; the benchmark asks for the last one (the most matching work).
python3 - > "$WORK/pact.json" <<'PY'
import json
interactions = [{"description": f"get animal {i}", "request": {"method": "GET", "path": f"/animals/{i}",
                 "headers": {"Accept": "application/json"}},
                 "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                              "body": {"id": i, "name": f"animal {i}", "tags": ["a", "b"]}}} for i in range(20)]
print(json.dumps({"consumer": {"name": "web"}, "provider": {"name": "zoo"}, "interactions": interactions,
                  "metadata": {"pactSpecification": {"version": "2.0.0"}}}))
PY

wait_port() { for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.05; done; return 1; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.3f", ($14 + $15) / hz}' "/proc/$1/stat"; }
run_ab() {  # port requests pid -> one line: req/s, failures, CPU per request (req/s also in $WORK/rps)
  local before after
  before=$(cpu_seconds "$3")
  nice ab -q -k -c 8 -n "$2" -H 'Accept: application/json' "http://127.0.0.1:$1/animals/19" > "$WORK/ab.txt" 2>&1 || true
  after=$(cpu_seconds "$3")
  local rps; rps=$(awk '/^Requests per second/ {print $4}' "$WORK/ab.txt")
  echo "${rps:-0}" > "$WORK/rps"  # run_ab runs in a subshell: the ratio reads it from here
  local failed; failed=$(awk '/^Failed requests/ {print $3}' "$WORK/ab.txt")
  local non2xx; non2xx=$(awk '/^Non-2xx responses/ {print $3}' "$WORK/ab.txt")
  local cpu_ms; cpu_ms=$(awk -v a="$before" -v b="$after" -v n="$2" 'BEGIN {printf "%.3f", (b - a) * 1000 / n}')
  echo "$cpu_ms" > "$WORK/cpu"
  echo "${rps:-?} req/s over $2 requests (failed ${failed:-0}, non-2xx ${non2xx:-0}), server CPU ${cpu_ms} ms/request"
}
check_body() {
  local body; body=$(curl -s -H 'Accept: application/json' "http://127.0.0.1:$1/animals/19")
  python3 -c "import json,sys; b=json.loads(sys.argv[1]); assert b['id']==19 and b['name']=='animal 19', b" "$body" \
    && echo "answer checked" || { echo "WRONG answer: $body"; exit 1; }
}
start() {  # port command... -> runs the server in the background, waits for its port
  local port=$1; shift
  nice "$@" > "$WORK/server-$port.log" 2>&1 & PIDS+=($!)
  wait_port "$port" || { echo "server on $port did not start: $(tail -3 "$WORK/server-$port.log")"; exit 2; }
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.0fx", a / b; else print "?"}'; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
start 18091 "$ACCORD" stub "$WORK/pact.json" --port 18091
echo "accord stub:                  $(check_body 18091); $(run_ab 18091 "$REQUESTS" "${PIDS[-1]}")"
ACCORD_RPS=$(cat "$WORK/rps") ACCORD_CPU=$(cat "$WORK/cpu")
[ -x "$PACT" ] || { echo "pact stub: not installed at $PACT (see ../shared/peers/install.sh)"; exit 2; }
start 18092 "$PACT" stub -f "$WORK/pact.json" -p 18092
echo "pact stub (as installed):     $(check_body 18092); $(run_ab 18092 "$PEER_REQUESTS" "${PIDS[-1]}")"
PACT_RPS=$(cat "$WORK/rps") PACT_CPU=$(cat "$WORK/cpu")
start 18093 "$PACT" stub -f "$WORK/pact.json" -p 18093 --loglevel none
echo "pact stub (--loglevel none):  $(check_body 18093); $(run_ab 18093 "$PEER_REQUESTS" "${PIDS[-1]}")"
QUIET_RPS=$(cat "$WORK/rps") QUIET_CPU=$(cat "$WORK/cpu")
echo "ratio accord / pact stub: $(ratio "$ACCORD_RPS" "$PACT_RPS") (as installed), $(ratio "$ACCORD_RPS" "$QUIET_RPS") (--loglevel none)"
echo "CPU per request, pact stub / accord: $(ratio "$PACT_CPU" "$ACCORD_CPU") (as installed), $(ratio "$QUIET_CPU" "$ACCORD_CPU") (--loglevel none)"
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
