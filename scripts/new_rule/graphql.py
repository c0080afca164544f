"""GraphQL: the row and its handler go into one diff/graphql/rules_*.cpp
(`const Rule kRules[]`), at a walk level that is a pointer of `Handlers` in
diff/graphql/rules.h; the fixture is old.graphql/new.graphql (the same
schema to start with) and expected.txt, whose one line is the `?:?`
placeholder that fails tests/graphql/graphql_rules_test.cpp until replaced."""
import os
import re

from common import (SEVERITY, check_new_fixture, check_new_id, empty_handler, expect_line, fail,
                    function_name, handler_levels, insert_before_table_end)

DEFAULT_LEVEL = "type"
# Where a new handler goes when --file is not given: next to the rules of its level.
DEFAULT_FILE = {
    "schema": "rules_types.cpp",
    "type": "rules_types.cpp",
    "field": "rules_fields.cpp",
    "input": "rules_inputs.cpp",
    "enum_value": "rules_directives.cpp",
    "directive": "rules_directives.cpp",
}
FIXTURE = """type Query {
  hello: String
}
"""


def levels(rules_h):
    return handler_levels(rules_h, "const Ctx&")


def handler_code(function, rule_id, params):
    return empty_handler(function, rule_id, "const Ctx& c", params,
                         "c.report(args, c.old_at(pos, path), c.new_at(pos, path))")


def row_code(rule_id, args, level, function):
    sev = SEVERITY[args.severity]
    return (f'    {{{{"{rule_id}", F, {sev}, "{args.categories}",\n'
            f'      "{args.purpose}",\n'
            f'      "{args.message}"}},\n'
            f"     {{.{level} = {function}}}}},\n")


def placeholder(rule_id):
    """expected.txt holds bare `<rule-id> <new place> <old place>` lines: the
    common placeholder without its `expect: ` marker (no finding is at ?:?)."""
    return expect_line(rule_id)[len("expect: "):] + "\n"


def scaffold(args, root):
    src = os.path.join(root, "diff", "graphql")
    rule_id = f"graphql.{args.name}"
    level = args.level or DEFAULT_LEVEL
    with open(os.path.join(src, "rules.h")) as f:
        known_levels = levels(f.read())
    if level not in known_levels:
        fail(f"unknown level '{level}'; one of: {', '.join(sorted(known_levels))}")
    check_new_id(src, rule_id, "diff/graphql")
    fixture = check_new_fixture(root, "graphql", args.name)

    file = args.file or DEFAULT_FILE.get(level, "rules_types.cpp")
    path = os.path.join(src, file)
    if not os.path.isfile(path):
        fail(f"no diff/graphql/{file}")
    function = function_name(args.name)
    with open(path) as f:
        source = f.read()
    if re.search(rf"\b{function}\(", source):
        fail(f"diff/graphql/{file} already has a function {function}")
    source = insert_before_table_end(source, "const Rule kRules[] = {",
                                     handler_code(function, rule_id, known_levels[level]),
                                     row_code(rule_id, args, level, function), f"diff/graphql/{file}")
    with open(path, "w") as f:
        f.write(source)

    os.makedirs(fixture)
    for name in ("old.graphql", "new.graphql"):
        with open(os.path.join(fixture, name), "w") as f:
            f.write(FIXTURE)
    with open(os.path.join(fixture, "expected.txt"), "w") as f:
        f.write(placeholder(rule_id))

    rel = os.path.relpath(fixture, root)
    return [f"diff/graphql/{file}: row {rule_id} and handler {function}() at level `{level}`",
            f"{rel}/: old.graphql and new.graphql (the same schema) and expected.txt (a failing `?:?` placeholder)",
            "Categories are graphql-inspector's ChangeType names (--categories FIELD_ADDED,...).",
            "Next: write the handler, make new.graphql show the change, replace expected.txt's line with what",
            "  accord reports (`<rule-id> <new file:line:col or -> <old file:line:col or ->` per finding), then",
            "  cmake --build build --target accord test_graphql && (cd build && ctest -R graphql)"]
