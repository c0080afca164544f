#!/usr/bin/env bash
# scripts/new-rule graphql on a copy of the tree: it adds exactly one row and
# one handler (with the level's signature from diff/graphql/rules.h) to one
# rules file and one fixture folder whose expected.txt is a placeholder that
# cannot match; the edited files compile without warnings (a level with
# parameters and one without); and it refuses (exit 2, nothing written) a
# rule or fixture that exists, a bad name, an unknown level and file.
# Usage: new_rule_scaffold_graphql.sh SOURCE_DIR CXX
set -uo pipefail
src=$1 cxx=$2
source "$(dirname "$0")/scaffold_copy.sh"
mkdir -p "$tmp/fixtures/graphql/rules/stale-demo" "$tmp/scripts"
before=$(cat "$tmp/diff/graphql/rules_fields.cpp")
touch "$tmp/.stamp"; sleep 0.01

out=$("$tmp/scripts/new-rule" graphql field-example-demo --level field --severity info --categories FIELD_DEMO 2>&1)
[ $? -eq 0 ] || say "scaffold failed: $out"
file="$tmp/diff/graphql/rules_fields.cpp"
[ "$(grep -c '"graphql.field-example-demo"' "$file")" = 1 ] || say "not exactly one row in rules_fields.cpp"
grep -q '{.field = field_example_demo}' "$file" || say "the row does not register its handler at the level"
grep -q '^void field_example_demo(const Ctx& c, const TypeDef& owner, const FieldDef& old_field, const FieldDef& new_field) {' \
  "$file" || say "no handler with the field level's signature"
changed=$(cd "$tmp" && find . -newer "$tmp/.stamp" -type f | sort | tr '\n' ' ')
want="./diff/graphql/rules_fields.cpp ./fixtures/graphql/rules/field-example-demo/expected.txt \
./fixtures/graphql/rules/field-example-demo/new.graphql ./fixtures/graphql/rules/field-example-demo/old.graphql "
[ "$changed" = "$want" ] || say "wrote other files than one rules file and one fixture folder: $changed"
fixture="$tmp/fixtures/graphql/rules/field-example-demo"
cmp -s "$fixture/old.graphql" "$fixture/new.graphql" || say "the fixture pair should start as the same schema"
[ "$(cat "$fixture/expected.txt")" = 'graphql.field-example-demo ?:? ?:?' ] ||
  say "expected.txt is not the one placeholder line that fails the fixture test"
"$cxx" -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I"$tmp" "$file" || say "the scaffolded file does not compile cleanly"

# The schema level has no parameters but the context: another file, still clean.
out=$("$tmp/scripts/new-rule" graphql schema-example-demo --level schema --severity warning 2>&1)
[ $? -eq 0 ] || say "schema-level scaffold failed: $out"
grep -q '^void schema_example_demo(const Ctx& c) {' "$tmp/diff/graphql/rules_types.cpp" ||
  say "no schema-level handler in rules_types.cpp"
"$cxx" -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I"$tmp" "$tmp/diff/graphql/rules_types.cpp" ||
  say "the schema-level scaffold does not compile cleanly"

# Refusals: exit 2 and nothing touched.
snapshot=$(cd "$tmp" && find . -type f -exec md5sum {} + | sort)
expect_refusal() {
  out=$("$tmp/scripts/new-rule" "$@" 2>&1)
  [ $? -eq 2 ] || say "not refused with exit 2: new-rule $* ($out)"
}
expect_refusal graphql field-example-demo --level field
expect_refusal graphql field-removed
expect_refusal graphql argument-type-changed --level input
expect_refusal graphql stale-demo
expect_refusal graphql Not_Kebab
expect_refusal graphql some-new-rule --level operation
expect_refusal graphql some-new-rule --file rules_nowhere.cpp
[ "$snapshot" = "$(cd "$tmp" && find . -type f -exec md5sum {} + | sort)" ] || say "a refused run wrote files"
[ "$before" != "$(cat "$tmp/diff/graphql/rules_fields.cpp")" ] || say "the rules file did not change"
[ $fail = 0 ] && echo "scripts/new-rule graphql scaffolds one row + handler and one failing fixture, and refuses bad input"
exit $fail
