#!/usr/bin/env bash
# Stub server throughput: `accord stub` vs `pact stub` (the Pact standalone
# CLI) on the same pact, same run, with ab (apache2-utils): keep-alive, 8
# connections. Each server also answers one request checked for the right
# body first, so speed never hides a wrong answer.
#
# usage: bench/stub-bench.sh [BUILD_DIR]   (default: build)
# env:   REQUESTS=20000 (accord)  PEER_REQUESTS=2000 (pact stub)  PACT_CLI=...
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
ACCORD=$BUILD/accord
PACT=${PACT_CLI:-$HOME/.cache/accord-peers/node_modules/@pact-foundation/pact-cli-linux-x64/standalone/pact}
REQUESTS=${REQUESTS:-20000}
PEER_REQUESTS=${PEER_REQUESTS:-2000}
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
run_ab() {  # port requests -> requests per second
  nice ab -q -k -c 8 -n "$2" -H 'Accept: application/json' "http://127.0.0.1:$1/animals/19" > "$WORK/ab.txt" 2>&1 || true
  local failed; failed=$(awk '/^Failed requests/ {print $3}' "$WORK/ab.txt")
  local non2xx; non2xx=$(awk '/^Non-2xx responses/ {print $3}' "$WORK/ab.txt")
  echo "$(awk '/^Requests per second/ {print $4}' "$WORK/ab.txt") rps (failed ${failed:-0}, non-2xx ${non2xx:-0})"
}
check_body() {
  local body; body=$(curl -s -H 'Accept: application/json' "http://127.0.0.1:$1/animals/19")
  python3 -c "import json,sys; b=json.loads(sys.argv[1]); assert b['id']==19 and b['name']=='animal 19', b" "$body" \
    && echo "answer checked" || { echo "WRONG answer: $body"; exit 1; }
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
nice "$ACCORD" stub "$WORK/pact.json" --port 18091 > "$WORK/accord.log" 2>&1 & PIDS+=($!)
wait_port 18091
echo "accord stub: $(check_body 18091); $(run_ab 18091 "$REQUESTS") over $REQUESTS requests"
if [ -x "$PACT" ]; then
  nice "$PACT" stub -f "$WORK/pact.json" -p 18092 > "$WORK/pact.log" 2>&1 & PIDS+=($!)
  wait_port 18092
  echo "pact stub:   $(check_body 18092); $(run_ab 18092 "$PEER_REQUESTS") over $PEER_REQUESTS requests"
else
  echo "pact stub: not installed at $PACT (see ../shared/peers/install.sh)"
fi
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
