#!/usr/bin/env bash
# accord's JSON parser vs yaml-cpp on the largest JSON spec in ../shared.
# Usage: bench/parse-json.sh [FILE.json]
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-../shared/corpus/openapi/github-rest-api/new.json}
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target parse_bench >/dev/null
build/bench/parse_bench "$file" 3
