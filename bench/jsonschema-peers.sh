#!/usr/bin/env bash
# Times `accord breaking` next to the semantic and textual JSON Schema diff
# peers on every pair of ../shared/corpus/jsonschema (or, via
# bench/asyncapi-peers.sh, next to @asyncapi/diff on ../shared/corpus/asyncapi):
# best-of-N CPU seconds (user+sys) and wall seconds, peak RSS and each tool's
# verdict, side by side, one Markdown row per pair, with the ratio to accord
# and whether issue 9's goal holds there.
#   bench/jsonschema-peers.sh [ACCORD_BINARY]
#   env: FORMAT=asyncapi, RUNS (default 5), TIMEOUT (s, default 120),
#        RESULTS (file to write the table to), ACCORD_PEERS_DIR
# Goals (issue 9): >= 20x faster than the semantic peers wherever they finish,
# >= 5x faster than json-schema-diff-validator on the larger pairs (vector,
# kubernetes, the metaschema, renovate), a result on every pair. A peer that
# gives up or times out is reported as such (never as a time). nice'd; the
# load average is printed (CPU time is the fairer measure on a loaded machine).
set -uo pipefail
cd "$(dirname "$0")/.."
ACCORD=${1:-build/accord}
FORMAT=${FORMAT:-jsonschema}
PEERS_DIR=${ACCORD_PEERS_DIR:-$HOME/.cache/accord-peers}
[ -x "$ACCORD" ] || { echo "no accord binary at $ACCORD (build it first)"; exit 2; }
[ -d "../shared/corpus/$FORMAT" ] || { echo "../shared/corpus/$FORMAT is absent"; exit 2; }
command -v node >/dev/null || { echo "node is not installed (run ../shared/peers/install.sh)"; exit 2; }
exec python3 bench/schema_peers_bench.py "$ACCORD" "$FORMAT" "$PEERS_DIR"
