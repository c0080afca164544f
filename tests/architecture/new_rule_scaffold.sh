#!/usr/bin/env bash
# scripts/new-rule on a copy of the tree: it adds exactly one row and one
# handler to one rules file and one fixture pair whose expected findings
# (new.yaml's `# expect:` lines) are a placeholder that cannot match; the edited file compiles without
# warnings; and it refuses (exit 2, nothing written) a rule that exists, a
# bad name, an unknown level and a format it does not scaffold (jsonschema's
# scaffold has its own test, new_rule_scaffold_jsonschema.sh).
# Usage: new_rule_scaffold.sh SOURCE_DIR CXX
set -uo pipefail
src=$1 cxx=$2
source "$(dirname "$0")/scaffold_copy.sh"
mkdir -p "$tmp/fixtures/openapi" "$tmp/fixtures/schema" "$tmp/scripts"
mkdir -p "$tmp/fixtures/openapi/rules"
before=$(cat "$tmp/diff/openapi/rules_parameter.cpp")
touch "$tmp/.stamp"; sleep 0.01

out=$("$tmp/scripts/new-rule" openapi parameter-example-demo --level parameter --severity info 2>&1)
[ $? -eq 0 ] || say "scaffold failed: $out"
file="$tmp/diff/openapi/rules_parameter.cpp"
[ "$(grep -c '"openapi.parameter-example-demo"' "$file")" = 1 ] || say "not exactly one row in rules_parameter.cpp"
grep -q '{.parameter = parameter_example_demo}' "$file" || say "the row does not register its handler at the level"
grep -q '^void parameter_example_demo(Context& cx, const Operation& op, const Parameter& o, const Parameter& n) {' \
  "$file" || say "no handler with the parameter level's signature"
changed=$(cd "$tmp" && find . -newer "$tmp/.stamp" -type f | sort | tr '\n' ' ')
want="./diff/openapi/rules_parameter.cpp \
./fixtures/openapi/rules/parameter-example-demo/new.yaml ./fixtures/openapi/rules/parameter-example-demo/old.yaml "
[ "$changed" = "$want" ] || say "wrote other files than one rules file and one fixture folder: $changed"
fixture="$tmp/fixtures/openapi/rules/parameter-example-demo"
grep -v '^#' "$fixture/new.yaml" | cmp -s "$fixture/old.yaml" - || say "the fixture pair should start as the same document"
grep -qx '# expect: openapi.parameter-example-demo ?:? ?:?' "$fixture/new.yaml" ||
  say "new.yaml lacks the # expect: placeholder that fails the fixture test"
"$cxx" -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I"$tmp" "$file" || say "the scaffolded file does not compile cleanly"

# Refusals: exit 2 and nothing touched.
snapshot=$(cd "$tmp" && find . -type f -exec md5sum {} + | sort)
expect_refusal() {
  out=$("$tmp/scripts/new-rule" "$@" 2>&1)
  [ $? -eq 2 ] || say "not refused with exit 2: new-rule $* ($out)"
}
expect_refusal openapi parameter-example-demo --level parameter
expect_refusal openapi path-removed
expect_refusal openapi Not_Kebab
expect_refusal openapi some-new-rule --level no-such-level
expect_refusal nosuchformat some-new-rule
[ "$snapshot" = "$(cd "$tmp" && find . -type f -exec md5sum {} + | sort)" ] || say "a refused run wrote files"
[ "$before" != "$(cat "$tmp/diff/openapi/rules_parameter.cpp")" ] || say "the rules file did not change"
[ $fail = 0 ] && echo "scripts/new-rule scaffolds one row + handler and one failing fixture, and refuses bad input"
exit $fail
