#!/usr/bin/env bash
# scripts/new-rule jsonschema (alias schema) on a copy of the tree: it adds
# exactly one kChanges row naming its own check (declared beside the table)
# to diff/schema/rules.cpp, the empty check to the family's checks_*.cpp and
# one case to tests/schema/make_fixtures.py, written out as the case's two
# fixture folders (the same schema on both sides, expected.txt a placeholder
# that cannot match); at the walk levels beside keywords (property,
# applicator, branches, decided) the handler has the signature checks.h gives that
# level and goes to handlers_subschemas.cpp; the edited files compile
# without warnings; and it refuses (exit 2, nothing written) a change, case
# or fixture that exists, a bad name and an unknown level or file.
# Usage: new_rule_scaffold_jsonschema.sh SOURCE_DIR CXX
set -uo pipefail
src=$1 cxx=$2
source "$(dirname "$0")/scaffold_copy.sh"
mkdir -p "$tmp/scripts" "$tmp/tests/schema" "$tmp/fixtures/schema/request-stale-demo"
cp "$src/tests/schema/make_fixtures.py" "$tmp/tests/schema/"
touch "$tmp/.stamp"; sleep 0.01

out=$("$tmp/scripts/new-rule" jsonschema example-demo --level limits --severity warning 2>&1)
[ $? -eq 0 ] || say "scaffold failed: $out"
rules="$tmp/diff/schema/rules.cpp" checks="$tmp/diff/schema/checks_limits.cpp"
[ "$(grep -c '^    {"example-demo", W, W, handler(check_example_demo), ' "$rules")" = 1 ] ||
  say "not exactly one kChanges row naming check_example_demo in rules.cpp"
grep -q '^void check_example_demo(const Reporter& report);$' "$rules" || say "the check is not declared beside the table"
grep -q '^void check_example_demo(const Reporter& report) {$' "$checks" || say "no empty check in checks_limits.cpp"
grep -q '^    ("example-demo", "both", ' "$tmp/tests/schema/make_fixtures.py" || say "no case in make_fixtures.py"
changed=$(cd "$tmp" && find . -newer "$tmp/.stamp" -type f | sort | tr '\n' ' ')
want="./diff/schema/checks_limits.cpp ./diff/schema/rules.cpp \
./fixtures/schema/request-example-demo/expected.txt ./fixtures/schema/request-example-demo/new.yaml \
./fixtures/schema/request-example-demo/old.yaml ./fixtures/schema/response-example-demo/expected.txt \
./fixtures/schema/response-example-demo/new.yaml ./fixtures/schema/response-example-demo/old.yaml \
./tests/schema/make_fixtures.py "
[ "$changed" = "$want" ] || say "wrote other files than the row's, the check's, the case and its fixtures: $changed"
for d in request response; do
  fixture="$tmp/fixtures/schema/$d-example-demo"
  cmp -s "$fixture/old.yaml" "$fixture/new.yaml" || say "the $d fixture should start as the same schema"
  [ "$(cat "$fixture/expected.txt")" = "openapi.$d-example-demo ?:? ?:?" ] ||
    say "the $d expected.txt is not the one placeholder line that fails the fixture test"
done
for f in "$rules" "$checks"; do
  "$cxx" -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I"$tmp" "$f" || say "$f does not compile cleanly"
done

# The alias, at the default level (values): another file, still clean.
out=$("$tmp/scripts/new-rule" schema other-demo 2>&1)
[ $? -eq 0 ] || say "scaffold through the alias failed: $out"
grep -q '^void check_other_demo(const Reporter& report) {$' "$tmp/diff/schema/checks_values.cpp" ||
  say "no check in checks_values.cpp (the default level)"
"$cxx" -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I"$tmp" "$tmp/diff/schema/checks_values.cpp" "$rules" ||
  say "the second scaffold does not compile cleanly"

# The walk levels beside keywords: the signature of checks.h's handler type.
walk="$tmp/diff/schema/handlers_subschemas.cpp"
for spec in "property property-demo PropertyPair pair" "applicator applicator-demo ApplicatorSlot slot" \
            "branches branch-demo UnpairedBranch branch" "decided decided-demo DecidedPair pair"; do
  read -r level name input param <<<"$spec"
  function=${name//-/_}
  out=$("$tmp/scripts/new-rule" jsonschema "$name" --level "$level" 2>&1)
  [ $? -eq 0 ] || say "scaffold at level $level failed: $out"
  signature="void $function(const $input& $param, const WalkReporter<$input>& report)"
  grep -q "^$signature;\$" "$rules" || say "the $level handler is not declared beside the table with its level's signature"
  grep -q "^$signature {\$" "$walk" || say "no empty $level handler in handlers_subschemas.cpp"
  [ "$(grep -c "^    {\"$name\", E, E, handler($function), " "$rules")" = 1 ] ||
    say "not exactly one kChanges row naming $function"
done
"$cxx" -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I"$tmp" "$walk" "$rules" ||
  say "the walk-level scaffolds do not compile cleanly"

# Refusals: exit 2 and nothing touched.
snapshot=$(cd "$tmp" && find . -type f -exec md5sum {} + | sort)
expect_refusal() {
  out=$("$tmp/scripts/new-rule" "$@" 2>&1)
  [ $? -eq 2 ] || say "not refused with exit 2: new-rule $* ($out)"
}
expect_refusal jsonschema example-demo
expect_refusal jsonschema type-changed
expect_refusal schema stale-demo
expect_refusal jsonschema Not_Kebab
expect_refusal jsonschema some-new-rule --level operation
expect_refusal jsonschema some-new-rule --file checks_nowhere.cpp
[ "$snapshot" = "$(cd "$tmp" && find . -type f -exec md5sum {} + | sort)" ] || say "a refused run wrote files"
[ $fail = 0 ] && echo "scripts/new-rule jsonschema scaffolds one row + handler at each walk level and one failing case, and refuses bad input"
exit $fail
