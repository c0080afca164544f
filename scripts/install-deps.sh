#!/usr/bin/env bash
# Installs the Debian packages accord needs, and nothing else. Safe to run
# again: it only installs what is missing.
#
#   scripts/install-deps.sh            everything: run, build, test, benchmark (a developer's machine)
#   scripts/install-deps.sh --runtime  what running a built accord needs (CI jobs with a cached binary)
#   scripts/install-deps.sh --build    --runtime plus what compiling accord needs (no test tools)
#   scripts/install-deps.sh --list GROUP  print a group's packages, one a line, and install nothing
set -euo pipefail

# Running accord: the shared libraries it links or opens (libcurl4, libpq5 and
# libxml2 when a command needs them; libprotobuf32 and libsqlite3-0 only for a
# build with -DACCORD_STATIC_DEPS=OFF, such as the sanitized one), git for
# --against git:REF, CA certificates for https $refs and pact verification.
RUNTIME=(
  git ca-certificates
  libc6 libstdc++6 libgcc-s1 libcpp-httplib0.11 libssl3 libbrotli1
  libyaml-0-2 libprotobuf32 libcurl4 libsqlite3-0 libpq5 zlib1g libxml2 libjemalloc2
)

# Compiling accord (-DBUILD_TESTING=OFF).
BUILD=(
  cmake ninja-build g++ pkg-config
  libcli11-dev          # command line
  libyaml-dev           # YAML documents (libyaml: 5-8x faster than yaml-cpp here)
  libyaml-cpp-dev       # YAML emitter used by tests and the parser benchmark baseline (found at configure time)
  libprotobuf-dev libprotoc-dev protobuf-compiler  # .proto parsing (descriptor API) and well-known types
  libcurl4-openssl-dev  # HTTP for contract verification and remote $refs
  libsqlite3-dev        # embedded usage registry
  libpq-dev             # PostgreSQL usage registry
  zlib1g-dev            # reading .gz access logs
  libxml2-dev           # XML bodies in Pact verification
  libjemalloc-dev       # the CLI's allocator: loading big contracts is mostly allocation
)

# Testing and benchmarking accord.
TEST=(
  catch2                # unit tests
  libavro-dev           # tests only: the Avro C library is the oracle for Avro compatibility verdicts
  libcpp-httplib-dev    # in-process HTTP providers in end-to-end tests; the `accord stub` server
  libssl-dev            # test certificates for the in-process HTTPS provider (OpenSSL API)
  # fuzzing and sanitizers (scripts/fuzz.sh, scripts/test.sh --sanitize)
  clang libfuzzer-14-dev libclang-rt-14-dev
  time                  # /usr/bin/time -v: wall time and peak memory in bench/*.sh
  apache2-utils         # ab: requests per second against `accord stub` and `pact stub` (bench/stub-bench.sh)
  postgresql            # a real server for the PostgreSQL usage-registry tests
  nginx                 # end-to-end usage ingest of a real access log
  chromium              # renders the HTML usage report in a test
)

group="${1:---all}"
case "$group" in
  --runtime) PACKAGES=("${RUNTIME[@]}") ;;
  --build) PACKAGES=("${RUNTIME[@]}" "${BUILD[@]}") ;;
  --all) PACKAGES=("${RUNTIME[@]}" "${BUILD[@]}" "${TEST[@]}") ;;
  --list)
    case "${2:-}" in
      runtime) printf '%s\n' "${RUNTIME[@]}" ;;
      build) printf '%s\n' "${BUILD[@]}" ;;
      test) printf '%s\n' "${TEST[@]}" ;;
      *) echo "usage: $0 --list runtime|build|test" >&2; exit 2 ;;
    esac
    exit 0 ;;
  *) echo "usage: $0 [--runtime|--build|--all|--list GROUP]" >&2; exit 2 ;;
esac

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
