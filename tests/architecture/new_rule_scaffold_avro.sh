#!/usr/bin/env bash
# scripts/new-rule avro on a copy of the tree: it adds exactly one row and one
# handler (with the level's signature from diff/avro/rules.h) to one rules
# file and one fixture folder (old.avsc, new.avsc, mode, expected.txt) whose
# expected finding is a placeholder that cannot match; the edited file
# compiles without warnings; and it refuses (exit 2, nothing written) a rule
# or fixture that exists, a bad name, an unknown level and a category no
# Avro pass reports in.
# Usage: new_rule_scaffold_avro.sh SOURCE_DIR CXX
set -uo pipefail
src=$1 cxx=$2
source "$(dirname "$0")/scaffold_copy.sh"
mkdir -p "$tmp/fixtures/avro/rules" "$tmp/scripts"
file="$tmp/diff/avro/rules_members.cpp"
before=$(cat "$file")
touch "$tmp/.stamp"; sleep 0.01

out=$("$tmp/scripts/new-rule" avro field-example-demo --level field_added --severity info 2>&1)
[ $? -eq 0 ] || say "scaffold failed: $out"
[ "$(grep -c '"avro.field-example-demo"' "$file")" = 1 ] || say "not exactly one row in rules_members.cpp"
grep -q '"avro.field-example-demo", F, I, "changelog",' "$file" || say "an info row is not a changelog row"
grep -q '{.field_added = field_example_demo}' "$file" || say "the row does not register its handler at the level"
grep -q '^void field_example_demo(Context& cx, const Pair& records, const Field& new_field) {' "$file" ||
  say "no handler with the field_added level's signature"
changed=$(cd "$tmp" && find . -newer "$tmp/.stamp" -type f | sort | tr '\n' ' ')
dir=./fixtures/avro/rules/field-example-demo
want="./diff/avro/rules_members.cpp $dir/expected.txt $dir/mode $dir/new.avsc $dir/old.avsc "
[ "$changed" = "$want" ] || say "wrote other files than one rules file and one fixture folder: $changed"
fixture="$tmp/fixtures/avro/rules/field-example-demo"
cmp -s "$fixture/old.avsc" "$fixture/new.avsc" || say "the fixture pair should start as the same schema"
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$fixture/old.avsc" || say "old.avsc is not JSON"
[ "$(cat "$fixture/expected.txt")" = 'avro.field-example-demo ?:? ?:?' ] ||
  say "expected.txt is not the ?:? placeholder that fails the fixture test"
[ "$(cat "$fixture/mode")" = backward ] || say "the fixture's mode is not backward"
"$cxx" -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I"$tmp" "$file" || say "the scaffolded file does not compile cleanly"

# An error that only forward breaks: the other rules file, a forward fixture.
types="$tmp/diff/avro/rules_types.cpp"
out=$("$tmp/scripts/new-rule" avro type-example-demo --level other_type --categories forward 2>&1)
[ $? -eq 0 ] || say "forward scaffold failed: $out"
grep -q '"avro.type-example-demo", F, E, "forward",' "$types" || say "no forward error row in rules_types.cpp"
grep -q '^void type_example_demo(Context& cx, const Pair& p) {' "$types" || say "no other_type handler"
[ "$(cat "$tmp/fixtures/avro/rules/type-example-demo/mode")" = forward ] || say "a forward row's fixture is not forward"
"$cxx" -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I"$tmp" "$types" || say "rules_types.cpp does not compile cleanly"

# Refusals: exit 2 and nothing touched.
mkdir -p "$tmp/fixtures/avro/rules/fixture-only-demo"
snapshot=$(cd "$tmp" && find . -type f -exec md5sum {} + | sort)
expect_refusal() {
  out=$("$tmp/scripts/new-rule" "$@" 2>&1)
  [ $? -eq 2 ] || say "not refused with exit 2: new-rule $* ($out)"
}
expect_refusal avro field-example-demo --level field_added
expect_refusal avro type-changed
expect_refusal avro fixture-only-demo
expect_refusal avro Not_Kebab
expect_refusal avro some-new-rule --level no-such-level
expect_refusal avro some-new-rule --level parameter
expect_refusal avro some-new-rule --categories operation
expect_refusal avro some-new-rule --categories changelog,backward
expect_refusal avro some-new-rule --file rules_nothing.cpp
[ "$snapshot" = "$(cd "$tmp" && find . -type f -exec md5sum {} + | sort)" ] || say "a refused run wrote files"
[ "$before" != "$(cat "$file")" ] || say "the rules file did not change"
[ $fail = 0 ] && echo "scripts/new-rule avro scaffolds one row + handler and one failing fixture, and refuses bad input"
exit $fail
