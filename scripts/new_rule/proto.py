"""Protobuf: the row and its handler go into one diff/proto/rules_*.cpp
(`const Rule kRules[]`), at a walk level that is a pointer of `Handlers` in
diff/proto/rules.h; the fixture is old/a.proto and new/a.proto (the same
file to start with) and an expected.txt holding the failing placeholder."""
import os
import re

from common import (SEVERITY, check_new_fixture, check_new_id, empty_handler, expect_line, fail,
                    function_name, handler_levels, insert_before_table_end)

DEFAULT_LEVEL = "message"
# buf's categories, and accord's own for the info rows `accord diff` lists as a changelog.
CATEGORIES = ["CSR", "FILE", "PACKAGE", "WIRE_JSON", "WIRE", "changelog"]
# Run by buf's default set (FILE) and by PACKAGE; widen it with --categories.
DEFAULT_CATEGORIES = "FILE,PACKAGE"
# Where a new handler goes when --file is not given, by level. The image
# level (the two whole versions at once) is where deleted and added
# declarations are looked for too (rules_deletion.cpp, rules_added.cpp).
DEFAULT_FILE = {
    "image": "rules_file.cpp",
    "file": "rules_file.cpp",
    "message": "rules_message.cpp",
    "field": "rules_field.cpp",
    "enumeration": "rules_enum.cpp",
    "enum_value": "rules_enum.cpp",
    "service": "rules_service.cpp",
    "method": "rules_service.cpp",
}
# One of each kind of declaration, so that a handler of any level has a pair to look at.
FIXTURE = """syntax = "proto3";

package acme.v1;

message User {
  string name = 1;
  Status status = 2;
}

enum Status {
  STATUS_UNSPECIFIED = 0;
  STATUS_ACTIVE = 1;
}

service Users {
  rpc GetUser(User) returns (User);
}
"""
SEVERITY_ORDER = ["E", "W", "I"]


def levels(rules_h):
    return handler_levels(rules_h, "const Ctx&")


def buf_spelling(name):
    return name.replace("-", "_").upper()


def check_buf_names(src, name):
    """buf.yaml names rules and categories alike (FIELD_SAME_NAME, WIRE), and
    v1 still accepts deprecated rule IDs: a new rule must be none of them."""
    spelled = buf_spelling(name)
    if spelled in CATEGORIES:
        fail(f"'{name}' is buf's category {spelled}; a rule needs another name")
    with open(os.path.join(src, "rule_versions.cpp")) as f:
        if f'"{spelled}"' in f.read():
            fail(f"{spelled} is a deprecated buf rule id (diff/proto/rule_versions.cpp); pick another name")


def check_categories(categories):
    for c in filter(None, categories.split(",")):
        if c not in CATEGORIES:
            fail(f"unknown proto category '{c}'; categories are among: {', '.join(CATEGORIES)}")


def with_severity(source, letter, shown_file):
    """Makes sure the file defines the row's severity letter (a file only
    defines the ones its rows use: clang warns on an unused one)."""
    m = re.search(r"constexpr Severity ([^;]*);", source)
    if not m:
        fail(f"no `constexpr Severity ...;` line in {shown_file}")
    defined = set(re.findall(r"\b([EWI]) = Severity::", m.group(1)))
    if letter in defined:
        return source
    names = {v: k for k, v in SEVERITY.items()}
    line = ", ".join(f"{l} = Severity::{names[l]}" for l in SEVERITY_ORDER if l in defined | {letter})
    return source[:m.start(1)] + line + source[m.end(1):]


def handler_code(function, rule_id, params):
    return empty_handler(function, rule_id, "const Ctx& c", params,
                         "c.report(args, new place, old place)")


def row_code(rule_id, args, level, function):
    sev = SEVERITY[args.severity]
    return (f'    {{{{"{rule_id}", F, {sev}, "{args.categories}",\n'
            f'      "{args.purpose}",\n'
            f'      "{args.message}"}},\n'
            f"     {{.{level} = {function}}}}},\n")


def scaffold(args, root):
    src = os.path.join(root, "diff", "proto")
    rule_id = f"proto.{args.name}"
    level = args.level or DEFAULT_LEVEL
    with open(os.path.join(src, "rules.h")) as f:
        known_levels = levels(f.read())
    if level not in known_levels:
        fail(f"unknown level '{level}'; one of: {', '.join(sorted(known_levels))}")
    check_categories(args.categories)
    check_new_id(src, rule_id, "diff/proto")
    check_buf_names(src, args.name)
    fixture = check_new_fixture(root, "proto", args.name)

    file = args.file or DEFAULT_FILE.get(level, "rules_message.cpp")
    path = os.path.join(src, file)
    if not re.fullmatch(r"rules_\w+\.cpp", file) or not os.path.isfile(path):
        fail(f"no diff/proto/{file} (a rules_*.cpp)")
    function = function_name(args.name)
    with open(path) as f:
        source = f.read()
    if re.search(rf"\b{function}\b", source):
        fail(f"diff/proto/{file} already has a name {function}")
    source = with_severity(source, SEVERITY[args.severity], f"diff/proto/{file}")
    source = insert_before_table_end(source, "const Rule kRules[] = {",
                                     handler_code(function, rule_id, known_levels[level]),
                                     row_code(rule_id, args, level, function), f"diff/proto/{file}")

    # Everything is checked: write.
    with open(path, "w") as f:
        f.write(source)
    for side in ("old", "new"):
        os.makedirs(os.path.join(fixture, side))
        with open(os.path.join(fixture, side, "a.proto"), "w") as f:
            f.write(FIXTURE)
    with open(os.path.join(fixture, "expected.txt"), "w") as f:
        f.write(expect_line(rule_id) + "\n")

    rel = os.path.relpath(fixture, root)
    return [f"diff/proto/{file}: row {rule_id} and handler {function}() at level `{level}`",
            f"{rel}/: old/a.proto and new/a.proto (the same file) and expected.txt (a placeholder that fails)",
            "Next: write the handler, make new/a.proto show the change, replace expected.txt's line with",
            "  what accord reports, one `<rule-id> <new file:line:col> <old file:line:col>` line per finding",
            "  (- for no place), then",
            "  cmake --build build --target accord test_proto && (cd build && ctest -R proto)"]
