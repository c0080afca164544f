#!/usr/bin/env bash
# Proves check_layers.sh fails on each rule it enforces: builds a tiny tree
# per violation and expects exit 1 and a line naming the offending file.
set -uo pipefail
check=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect_violation() {  # name file include
  local dir="$tmp/$1"
  mkdir -p "$dir/$(dirname "$2")"
  printf '#include "%s"\n' "$3" > "$dir/$2"
  out=$("$check" "$dir")
  if [ $? -ne 1 ] || ! grep -q "$2" <<<"$out"; then echo "not caught: $2 including $3"; fail=1; fi
}
expect_violation core-diff core/x.cpp diff/model/finding.h
expect_violation core-registry core/x.h registry/store.h
expect_violation diff-contracts diff/openapi/x.cpp contracts/http/remote_source.h
expect_violation diff-cli diff/render/x.cpp cli/command.h
expect_violation format-engine diff/proto/compare.h diff/engine.h
expect_violation core-nullable core/schema.cpp 'x"); // key == "nullable'
expect_violation core-discriminator core/schema_keywords.cpp 'x"); // node->get("discriminator")'
# And a clean tree passes.
mkdir -p "$tmp/clean/diff" && printf '#include "diff/engine.h"\n' > "$tmp/clean/diff/engine.cpp"
"$check" "$tmp/clean" >/dev/null || { echo "a clean tree was refused"; fail=1; }
[ $fail = 0 ] && echo "check_layers.sh catches every violation it is meant to"
exit $fail
