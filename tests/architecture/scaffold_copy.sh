# Sourced by the new_rule_scaffold*.sh tests (after `src` and `cxx` are set):
# a scratch copy of what scripts/new-rule edits (core/, diff/, the scaffold
# itself) in $tmp, removed on exit, and `say` to record a failure in $fail.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
say() { echo "$*"; fail=1; }
mkdir -p "$tmp/scripts"
cp -r "$src/core" "$src/diff" "$tmp/"
cp -r "$src/scripts/new-rule" "$src/scripts/new_rule" "$tmp/scripts/"
