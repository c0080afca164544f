#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS]: builds every libFuzzer target (clang, ASan +
# UBSan, build-fuzz/) and runs each for SECONDS (default 60), one at a time,
# at the lowest priority. New corpus entries go to build-fuzz/corpus/<target>
# (outside the tree); seeds come from fixtures/ and ../shared. A crash leaves
# its input in build-fuzz/crashes/<target>/: copy it to fixtures/fuzz/<target>/
# once fixed, and the normal suite replays it (ctest -R fuzz_replay).
# FUZZ_ONLY="json_parser yaml_loader" builds and runs only those targets;
# FUZZ_NICE=0 runs them at normal priority (default 19, the lowest);
# FUZZ_KEEP_GOING=1 keeps a target running after a find (see below).
# Last line, exactly: "fuzz: N targets, M crashes"; exit 1 when M > 0.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-60}"
ROOT="$PWD"
OUT="$ROOT/build-fuzz"

cmake -S . -B "$OUT" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ -DACCORD_FUZZ=ON \
  ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} >/dev/null || exit 2
build_targets=()
for t in ${FUZZ_ONLY:-}; do build_targets+=("fuzz_$t"); done
nice cmake --build "$OUT" -j "$(nproc)" ${build_targets[@]:+--target "${build_targets[@]}"} || { echo "fuzz: build failed"; exit 2; }

# seeds TARGET: fills $OUT/seeds/TARGET from the fixtures that fit it (small files only).
small_files() { find "$@" -type f -size -64k 2>/dev/null | sort | head -n 300; }
pairs() {  # DIR...: old.EXT + "=====" + new.EXT of each case folder (EXT defaults to yaml)
  local d n=0 ext="${EXT:-yaml}"
  for d in "$@"; do
    [ -f "$d/old.$ext" ] && [ -f "$d/new.$ext" ] || continue
    { cat "$d/old.$ext"; printf '\n=====\n'; cat "$d/new.$ext"; printf '%s' "${SUFFIX:-}"; } > "$SEEDS/pair-$n"
    n=$((n + 1))
  done
}
seeds() {
  SEEDS="$OUT/seeds/$1"
  rm -rf "$SEEDS"; mkdir -p "$SEEDS"
  local f
  case "$1" in
    json_parser) for f in $(small_files fixtures -name '*.json') $(small_files ../shared/corpus -name '*.json' -size -16k); do cp "$f" "$SEEDS/$(echo "$f" | tr / _)"; done 2>/dev/null ;;
    yaml_loader) for f in $(small_files fixtures -name '*.yaml') $(small_files ../shared/corpus -name '*.yaml' -size -16k); do cp "$f" "$SEEDS/$(echo "$f" | tr / _)" 2>/dev/null; done ;;
    refs) for f in $(small_files fixtures/core); do cp "$f" "$SEEDS/$(echo "$f" | tr / _)" 2>/dev/null; done ;;
    openapi_compare) pairs fixtures/openapi/rules/* ;;
    jsonschema_compare) SUFFIX=$'\x01' pairs fixtures/schema/*; ;;
    asyncapi_compare) pairs fixtures/asyncapi/rules/* ;;
    avro_compare) EXT=avsc pairs fixtures/avro/rules/* ;;
    graphql_compare) EXT=graphql pairs fixtures/graphql/rules/* ;;
    pact_loader) for f in $(small_files fixtures/pact ../shared/conformance -name '*.json' -size -16k); do cp "$f" "$SEEDS/$(echo "$f" | tr / _)" 2>/dev/null; done ;;
    accord_yaml) for f in $(small_files fixtures/config -name '*.yaml'); do cp "$f" "$SEEDS/$(echo "$f" | tr / _)"; done ;;
    buf_yaml) for f in $(small_files fixtures/proto -name 'buf*.yaml'); do cp "$f" "$SEEDS/$(echo "$f" | tr / _)"; done ;;
  esac
  [ -d "fixtures/fuzz/$1" ] && cp fixtures/fuzz/"$1"/* "$SEEDS/" 2>/dev/null
  true
}
dict_of() {
  case "$1" in
    json_parser) echo json ;;
    yaml_loader|refs|accord_yaml|buf_yaml) echo yaml ;;
    openapi_compare|jsonschema_compare) echo openapi ;;
    asyncapi_compare|avro_compare|graphql_compare) echo "${1%_compare}" ;;
    pact_loader|http_response) echo pact ;;
    log_*) echo log ;;
  esac
}

# FUZZ_KEEP_GOING=1 (long runs): libFuzzer's fork mode goes on after a crash,
# a timeout or an out-of-memory, so one find does not end the run; every
# input found is counted.
keep_going=()
[ "${FUZZ_KEEP_GOING:-0}" = 1 ] && keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
targets=0
crashes=0
summary=()
for exe in "$OUT"/fuzz/*; do
  [ -x "$exe" ] || continue
  t="$(basename "$exe")"
  if [ -n "${FUZZ_ONLY:-}" ] && [[ " $FUZZ_ONLY " != *" $t "* ]]; then continue; fi
  targets=$((targets + 1))
  seeds "$t"
  mkdir -p "$OUT/corpus/$t" "$OUT/crashes/$t" "$OUT/logs"
  dict="$ROOT/tests/fuzz/dict/$(dict_of "$t").dict"
  log="$OUT/logs/$t.log"
  before=$(find "$OUT/crashes/$t" -type f | wc -l)
  nice -n "${FUZZ_NICE:-19}" "$exe" -max_total_time="$SECONDS_EACH" -timeout=25 -rss_limit_mb=2560 -max_len=65536 \
    -print_final_stats=1 -dict="$dict" -artifact_prefix="$OUT/crashes/$t/" "${keep_going[@]}" \
    "$OUT/corpus/$t" "$OUT/seeds/$t" >"$log" 2>&1
  rc=$?
  found=$(( $(find "$OUT/crashes/$t" -type f | wc -l) - before ))
  # "#123 DONE cov: 456 ft: 789 corp: ..." (fork mode: "#123: cov: ..."), or the last status line.
  last="$(grep -E '^#[0-9]+' "$log" | tail -n 1)"
  execs="$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')"
  [ -n "$execs" ] || execs="$(echo "$last" | grep -oE '^#[0-9]+' | tr -d '#')"
  cov="$(echo "$last" | grep -oE 'cov: [0-9]+' | awk '{print $2}')"
  ft="$(echo "$last" | grep -oE 'ft: [0-9]+' | awk '{print $2}')"
  if [ "$rc" -ne 0 ] || [ "$found" -gt 0 ]; then
    crashes=$((crashes + (found > 0 ? found : 1)))
    echo "CRASH in $t (exit $rc): $(ls "$OUT/crashes/$t" | head -n 3 | tr '\n' ' ')— see $log"
    grep -E 'ERROR: |SUMMARY: |runtime error' "$log" | head -n 5
  fi
  summary+=("$(printf '%-20s execs %-10s cov %-6s ft %-6s %s' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$([ $rc -ne 0 ] && echo CRASH)")")
  echo "${summary[-1]}"
done
echo "fuzz: $targets targets, $crashes crashes"
[ "$crashes" -eq 0 ]
