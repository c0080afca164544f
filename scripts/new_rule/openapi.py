"""OpenAPI: the row and its handler go into one diff/openapi/rules_*.cpp
(`const Rule kRules[]`), at a walk level that is a pointer of `Handlers` in
diff/openapi/rules.h; the fixture is old.yaml/new.yaml, new.yaml ending with
the `# expect:` placeholder."""
import os
import re

from common import (SEVERITY, check_new_fixture, check_new_id, empty_handler, expectation, fail,
                    function_name, handler_levels, insert_before_table_end)

DEFAULT_LEVEL = "operation"
# Where a new handler goes when --file is not given, by level prefix.
DEFAULT_FILE = [
    ("parameter", "rules_parameter.cpp"),
    ("media", "rules_body.cpp"),
    ("response", "rules_body.cpp"),
    ("header", "rules_body.cpp"),
    ("security", "rules_security.cpp"),
    ("scheme", "rules_security.cpp"),
    ("flow", "rules_security.cpp"),
]
FIXTURE = """openapi: 3.0.3
info: {title: fixture, version: '1'}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200': {description: ok}
"""


def levels(rules_h):
    return handler_levels(rules_h, "Context&")


def handler_code(function, rule_id, params):
    return empty_handler(function, rule_id, "Context& cx", params,
                         "cx.report(args, operation label, old node, new node)")


def row_code(rule_id, args, level, function):
    sev = SEVERITY[args.severity]
    return (f'    {{{{"{rule_id}", F, {sev}, "{args.categories}", "{args.purpose}",\n'
            f'      "{args.message}"}},\n'
            f"     {{.{level} = {function}}}}},\n")


def scaffold(args, root):
    src = os.path.join(root, "diff", "openapi")
    rule_id = f"openapi.{args.name}"
    level = args.level or DEFAULT_LEVEL
    with open(os.path.join(src, "rules.h")) as f:
        known_levels = levels(f.read())
    if level not in known_levels:
        fail(f"unknown level '{level}'; one of: {', '.join(sorted(known_levels))}")
    check_new_id(src, rule_id, "diff/openapi")
    fixture = check_new_fixture(root, "openapi", args.name)
    if os.path.exists(os.path.join(root, "fixtures", "schema", args.name)):
        fail(f"{args.name} is a schema comparator rule (fixtures/schema/{args.name})")

    file = args.file or next((f for prefix, f in DEFAULT_FILE if level.startswith(prefix)), "rules_operation.cpp")
    path = os.path.join(src, file)
    if not os.path.isfile(path):
        fail(f"no diff/openapi/{file}")
    function = function_name(args.name)
    with open(path) as f:
        source = f.read()
    if re.search(rf"\b{function}\(", source):
        fail(f"diff/openapi/{file} already has a function {function}")
    source = insert_before_table_end(source, "const Rule kRules[] = {",
                                     handler_code(function, rule_id, known_levels[level]),
                                     row_code(rule_id, args, level, function), f"diff/openapi/{file}")
    with open(path, "w") as f:
        f.write(source)

    os.makedirs(fixture)
    with open(os.path.join(fixture, "old.yaml"), "w") as f:
        f.write(FIXTURE)
    with open(os.path.join(fixture, "new.yaml"), "w") as f:
        f.write(FIXTURE + expectation(rule_id))

    rel = os.path.relpath(fixture, root)
    return [f"diff/openapi/{file}: row {rule_id} and handler {function}() at level `{level}`",
            f"{rel}/: old.yaml and new.yaml (the same document; new.yaml ends with a failing `# expect:` placeholder)",
            "Next: write the handler, make new.yaml show the change, replace its `# expect:` line, then",
            "  cmake --build build --target accord test_openapi && (cd build && ctest -R openapi)"]
