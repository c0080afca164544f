#!/usr/bin/env bash
# Installs every Debian package accord needs to build, test and benchmark,
# and nothing else. Safe to run again: it only installs what is missing.
set -euo pipefail

PACKAGES=(
  # build
  cmake ninja-build g++ pkg-config git
  # libraries
  libcli11-dev          # command line
  libyaml-dev           # YAML documents (libyaml: 5-8x faster than yaml-cpp here)
  libyaml-cpp-dev       # YAML emitter used by tests and the parser benchmark baseline
  libprotobuf-dev libprotoc-dev protobuf-compiler  # .proto parsing (descriptor API) and well-known types
  libcurl4-openssl-dev  # HTTP for contract verification and remote $refs
  libsqlite3-dev        # embedded usage registry
  libpq-dev             # PostgreSQL usage registry
  zlib1g-dev            # reading .gz access logs
  libxml2-dev           # XML bodies in Pact verification
  libjemalloc-dev       # the CLI's allocator: loading big contracts is mostly allocation
  # tests
  catch2                # unit tests
  libcpp-httplib-dev    # in-process HTTP providers in end-to-end tests
  libssl-dev            # test certificates for the in-process HTTPS provider (OpenSSL API)
  # fuzzing and sanitizers (scripts/fuzz.sh, scripts/test.sh --sanitize)
  clang libfuzzer-14-dev libclang-rt-14-dev
  # benchmarks
  time                  # /usr/bin/time -v: wall time and peak memory in bench/*.sh
  postgresql            # a real server for the PostgreSQL usage-registry tests
  nginx                 # end-to-end usage ingest of a real access log
  chromium              # renders the HTML usage report in a test
)

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
