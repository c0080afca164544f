#!/usr/bin/env bash
# scripts/new-rule proto on a copy of the tree: it adds exactly one row and one
# handler to one rules file and one fixture folder (old/a.proto, new/a.proto,
# expected.txt) whose expected finding is a placeholder that cannot match; the
# edited file compiles without warnings; and it refuses (exit 2, nothing
# written) a rule or fixture that exists, a bad name, a buf category or
# deprecated buf id as a name, an unknown level or category.
# Usage: new_rule_scaffold_proto.sh SOURCE_DIR CXX [PROTOBUF_INCLUDE_DIRS (;-separated)]
set -uo pipefail
src=$1 cxx=$2 protobuf_includes=${3:-}
source "$(dirname "$0")/scaffold_copy.sh"
mkdir -p "$tmp/fixtures/proto" "$tmp/scripts"
cp -r "$src/fixtures/proto/rules" "$tmp/fixtures/proto/"
file="$tmp/diff/proto/rules_enum.cpp"
before=$(cat "$file")
touch "$tmp/.stamp"; sleep 0.01

out=$("$tmp/scripts/new-rule" proto enum-value-demo --level enum_value --severity warning 2>&1)
[ $? -eq 0 ] || say "scaffold failed: $out"
[ "$(grep -c '"proto.enum-value-demo"' "$file")" = 1 ] || say "not exactly one row in rules_enum.cpp"
grep -q '{.enum_value = enum_value_demo}' "$file" || say "the row does not register its handler at the level"
grep -q '^void enum_value_demo(const Ctx& c, const EnumValues& old_values, const EnumValues& new_values) {' \
  "$file" || say "no handler with the enum_value level's signature"
grep -q '"proto.enum-value-demo", F, W, "FILE,PACKAGE",' "$file" ||
  say "the row lacks its severity or the default categories (FILE,PACKAGE)"
grep -q '^constexpr Severity .*W = Severity::warning' "$file" || say "the file does not define the row's severity W"
changed=$(cd "$tmp" && find . -newer "$tmp/.stamp" -type f | sort | tr '\n' ' ')
want="./diff/proto/rules_enum.cpp ./fixtures/proto/rules/enum-value-demo/expected.txt \
./fixtures/proto/rules/enum-value-demo/new/a.proto ./fixtures/proto/rules/enum-value-demo/old/a.proto "
[ "$changed" = "$want" ] || say "wrote other files than one rules file and one fixture folder: $changed"
fixture="$tmp/fixtures/proto/rules/enum-value-demo"
cmp -s "$fixture/old/a.proto" "$fixture/new/a.proto" || say "the fixture pair should start as the same file"
[ "$(cat "$fixture/expected.txt")" = "expect: proto.enum-value-demo ?:? ?:?" ] ||
  say "expected.txt is not just the placeholder that fails the fixture test"
# protobuf's include directories as system headers, except those the compiler
# searches anyway (-isystem /usr/include would reorder its own search and break
# #include_next).
builtin=$(echo | "$cxx" -xc++ -E -v - 2>&1 | sed -n '/^#include <...> search starts here:/,/^End of search list/p')
system_includes=()
IFS=';' read -ra dirs <<< "$protobuf_includes"
for d in "${dirs[@]}"; do
  [ -n "$d" ] && ! grep -qxF " $d" <<< "$builtin" && system_includes+=(-isystem "$d")
done
"$cxx" -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I"$tmp" "${system_includes[@]}" "$file" ||
  say "the scaffolded file does not compile cleanly"

# The default level (message) goes to rules_message.cpp.
out=$("$tmp/scripts/new-rule" proto message-demo 2>&1)
[ $? -eq 0 ] || say "scaffold at the default level failed: $out"
grep -q '{.message = message_demo}' "$tmp/diff/proto/rules_message.cpp" ||
  say "the default level is not message, in rules_message.cpp"

# Refusals: exit 2 and nothing touched (no file, no folder).
snap() { (cd "$tmp" && find . | sort && find . -type f -exec md5sum {} + | sort); }
snapshot=$(snap)
expect_refusal() {
  out=$("$tmp/scripts/new-rule" "$@" 2>&1)
  [ $? -eq 2 ] || say "not refused with exit 2: new-rule $* ($out)"
}
expect_refusal proto enum-value-demo --level enum_value
expect_refusal proto field-same-name --level field
expect_refusal proto Not_Kebab
expect_refusal proto some-new-rule --level no-such-level
expect_refusal proto some-new-rule --level operation
expect_refusal proto some-new-rule --categories FILE,NOPE
expect_refusal proto wire-json
expect_refusal proto field-same-ctype --level field
[ "$snapshot" = "$(snap)" ] || say "a refused run wrote files"
mkdir "$tmp/fixtures/proto/rules/fixture-only" && snapshot=$(snap)
expect_refusal proto fixture-only
[ "$snapshot" = "$(snap)" ] || say "a refused run wrote files (existing fixture)"
[ "$before" != "$(cat "$file")" ] || say "the rules file did not change"
[ $fail = 0 ] && echo "scripts/new-rule proto scaffolds one row + handler and one failing fixture, and refuses bad input"
exit $fail
