#!/usr/bin/env bash
# First command of the README: set up, build, and run the main job on a
# bundled fixture pair. Exit code 1 is expected here: the pair has breaking changes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
echo
echo "\$ accord breaking fixtures/demo/petstore-v1.yaml fixtures/demo/petstore-v2.yaml"
set +e
build/accord breaking fixtures/demo/petstore-v1.yaml fixtures/demo/petstore-v2.yaml
rc=$?
set -e
echo "(exit code $rc: 0 clean, 1 breaking changes found, 2 unusable input)"
[ "$rc" -le 1 ]
