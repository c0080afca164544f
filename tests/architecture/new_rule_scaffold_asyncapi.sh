#!/usr/bin/env bash
# scripts/new-rule asyncapi on a copy of the tree: it adds exactly one row and
# one handler to one diff/asyncapi/rules_*.cpp and one fixture folder (old.yaml
# and new.yaml the same document, expected.txt a placeholder that cannot
# match); the edited file compiles without warnings; and it refuses (exit 2,
# nothing written) a rule that exists, a schema comparator rule, a bad name
# and an unknown level.
# Usage: new_rule_scaffold_asyncapi.sh SOURCE_DIR CXX
set -uo pipefail
src=$1 cxx=$2
source "$(dirname "$0")/scaffold_copy.sh"
mkdir -p "$tmp/fixtures/asyncapi/rules" "$tmp/fixtures/schema/request-property-removed" "$tmp/scripts"
file="$tmp/diff/asyncapi/rules_message.cpp"
before=$(cat "$file")
touch "$tmp/.stamp"; sleep 0.01

out=$("$tmp/scripts/new-rule" asyncapi message-example-demo --level message --severity warning 2>&1)
[ $? -eq 0 ] || say "scaffold failed: $out"
[ "$(grep -c '"asyncapi.message-example-demo"' "$file")" = 1 ] || say "not exactly one row in rules_message.cpp"
grep -q '{.message = message_example_demo}' "$file" || say "the row does not register its handler at the level"
grep -q '^void message_example_demo(Context& cx, const MessageSite& site, const Message& o, const Message& n) {' \
  "$file" || say "no handler with the message level's signature"
changed=$(cd "$tmp" && find . -newer "$tmp/.stamp" -type f | sort | tr '\n' ' ')
want="./diff/asyncapi/rules_message.cpp ./fixtures/asyncapi/rules/message-example-demo/expected.txt \
./fixtures/asyncapi/rules/message-example-demo/new.yaml ./fixtures/asyncapi/rules/message-example-demo/old.yaml "
[ "$changed" = "$want" ] || say "wrote other files than one rules file and one fixture folder: $changed"
fixture="$tmp/fixtures/asyncapi/rules/message-example-demo"
cmp -s "$fixture/old.yaml" "$fixture/new.yaml" || say "the fixture pair should start as the same document"
# The fixture test skips `#` lines and compares the rest with what accord reports.
[ "$(grep -v '^#' "$fixture/expected.txt")" = 'asyncapi.message-example-demo ?:? ?:?' ] ||
  say "expected.txt lacks the one placeholder line that fails the fixture test"
"$cxx" -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I"$tmp" "$file" || say "the scaffolded file does not compile cleanly"

# A level of another file, and a severity that file declares no constant for.
out=$("$tmp/scripts/new-rule" asyncapi scheme-example-demo --level scheme --severity warning 2>&1)
[ $? -eq 0 ] || say "scaffold at level scheme failed: $out"
grep -q '{.scheme = scheme_example_demo}' "$tmp/diff/asyncapi/rules_security.cpp" ||
  say "the scheme level's row is not in rules_security.cpp"
"$cxx" -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I"$tmp" "$tmp/diff/asyncapi/rules_security.cpp" ||
  say "the scaffolded rules_security.cpp does not compile cleanly"

# Refusals: exit 2 and nothing touched.
mkdir -p "$tmp/fixtures/asyncapi/rules/fixture-only"
snapshot=$(cd "$tmp" && find . -type f -exec md5sum {} + | sort)
expect_refusal() {
  out=$("$tmp/scripts/new-rule" "$@" 2>&1)
  [ $? -eq 2 ] || say "not refused with exit 2: new-rule $* ($out)"
}
expect_refusal asyncapi message-example-demo --level message
expect_refusal asyncapi operation-removed
expect_refusal asyncapi receive-property-removed --level message
expect_refusal asyncapi Not_Kebab
expect_refusal asyncapi some-new-rule --level no-such-level
expect_refusal asyncapi fixture-only
[ "$snapshot" = "$(cd "$tmp" && find . -type f -exec md5sum {} + | sort)" ] || say "a refused run wrote files"
[ "$before" != "$(cat "$file")" ] || say "the rules file did not change"
[ $fail = 0 ] && echo "scripts/new-rule asyncapi scaffolds one row + handler and one failing fixture, and refuses bad input"
exit $fail
