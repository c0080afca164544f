"""Avro: the row and its handler go into one diff/avro/rules_*.cpp
(`const Rule kRules[]`), at a level of the resolution walk that is a pointer
of `Handlers` in diff/avro/rules.h; the fixture is old.avsc/new.avsc, the
fixture's --mode in `mode` and the expected findings in expected.txt (Avro
schemas are JSON: no comments), which starts as a placeholder that fails.
The row's categories say when it reports: backward and/or forward (a reason
that direction cannot read) or changelog."""
import os
import re

from common import (SEVERITY, check_new_fixture, check_new_id, empty_handler, fail, function_name,
                    handler_levels, insert_before_table_end)

DEFAULT_LEVEL = "other_type"
# Where a new handler goes when --file is not given: the members of named
# types (fields, enum symbols) or everything else about types.
MEMBER_LEVELS = ("field", "enumeration")
DIRECTIONS = {"backward", "forward", "changelog"}
FIXTURE = """{"type": "record", "name": "User", "namespace": "acme",
 "fields": [
  {"name": "id", "type": "long"}
 ]}
"""


def default_categories(args):
    """Without --categories (the driver asks): an error breaks both directions, the rest is changelog."""
    return "backward,forward" if args.severity == "error" else "changelog"


def categories(args):
    """The row's categories, refused unless some Avro pass reports them."""
    given = args.categories
    unknown = [c for c in given.split(",") if c not in DIRECTIONS]
    if unknown:
        fail(f"unknown Avro categor{'y' if len(unknown) == 1 else 'ies'} {', '.join(unknown)}: a row reports in "
             "backward and/or forward (a reason that direction cannot read) or changelog")
    if "changelog" in given.split(",") and given != "changelog":
        fail("a changelog row reports in no verdict: give it no other category")
    return given


def levels(rules_h):
    return handler_levels(rules_h, "Context&")


def handler_code(function, rule_id, params):
    return empty_handler(function, rule_id, "Context& cx", params,
                         "cx.report(args, pair) or cx.report(args, old site, new site)")


def row_code(rule_id, args, row_categories, level, function):
    sev = SEVERITY[args.severity]
    return (f'    {{{{"{rule_id}", F, {sev}, "{row_categories}", "{args.purpose}",\n'
            f'      "{args.message}"}},\n'
            f"     {{.{level} = {function}}}}},\n")


def severity_constant(source, sev, shown_file):
    if not re.search(rf"constexpr Severity [^;]*\b{sev} = Severity::", source):
        fail(f"{shown_file} declares no severity constant {sev}")


def scaffold(args, root):
    src = os.path.join(root, "diff", "avro")
    rule_id = f"avro.{args.name}"
    level = args.level or DEFAULT_LEVEL
    with open(os.path.join(src, "rules.h")) as f:
        known_levels = levels(f.read())
    if level not in known_levels:
        fail(f"unknown level '{level}'; one of: {', '.join(sorted(known_levels))}")
    row_categories = categories(args)
    check_new_id(src, rule_id, "diff/avro")
    fixture = check_new_fixture(root, "avro", args.name)

    file = args.file or ("rules_members.cpp" if level.startswith(MEMBER_LEVELS) else "rules_types.cpp")
    path = os.path.join(src, file)
    if not os.path.isfile(path):
        fail(f"no diff/avro/{file}")
    function = function_name(args.name)
    with open(path) as f:
        source = f.read()
    if re.search(rf"\b{function}\(", source):
        fail(f"diff/avro/{file} already has a function {function}")
    severity_constant(source, SEVERITY[args.severity], f"diff/avro/{file}")
    source = insert_before_table_end(source, "const Rule kRules[] = {",
                                     handler_code(function, rule_id, known_levels[level]),
                                     row_code(rule_id, args, row_categories, level, function), f"diff/avro/{file}")
    with open(path, "w") as f:
        f.write(source)

    # A forward-only reason shows only when the old schema reads.
    mode = "forward" if row_categories == "forward" else "backward"
    os.makedirs(fixture)
    for name, text in (("old.avsc", FIXTURE), ("new.avsc", FIXTURE), ("mode", mode + "\n"),
                       ("expected.txt", f"{rule_id} ?:? ?:?\n")):
        with open(os.path.join(fixture, name), "w") as f:
            f.write(text)

    rel = os.path.relpath(fixture, root)
    return [f"diff/avro/{file}: row {rule_id} ({row_categories}) and handler {function}() at level `{level}`",
            f"{rel}/: old.avsc and new.avsc (the same schema), mode ({mode}), and expected.txt",
            "  whose `?:?` placeholder fails the fixture test",
            "Next: write the handler, make new.avsc show the change, and replace expected.txt with",
            f"  what accord reports, one `{rule_id} <new file:line:col> <old file:line:col>` line",
            "  per finding (- for no place), then",
            "  cmake --build build --target accord test_avro && (cd build && ctest -R avro)"]
