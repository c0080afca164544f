#!/usr/bin/env bash
# Second command of the README (and what CI runs): set up, build, run every test.
#   scripts/test.sh              Release build in build/, whole suite
#   scripts/test.sh --sanitize   whole suite built with AddressSanitizer + UBSan
#                                (-fno-sanitize-recover: the first report fails
#                                the test) in build-sanitize/; no benches, no jemalloc
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
if [ "${1:-}" = "--sanitize" ]; then
  # RelWithDebInfo-like: -O1 keeps ASan reports readable and the suite quick.
  cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-O1" -DACCORD_SANITIZE=ON -DACCORD_BENCH=OFF \
    ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} >/dev/null
  cmake --build build-sanitize -j "$(nproc)"
  cd build-sanitize
  # Leaks fail too; halt_on_error keeps the first report, the one that matters.
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=0}"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
  ctest --output-on-failure -j "$(nproc)" --timeout 1200
  exit 0
fi
scripts/build.sh
cd build
ctest --output-on-failure -j "$(nproc)" --timeout 600
