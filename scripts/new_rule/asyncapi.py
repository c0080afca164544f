"""AsyncAPI: the row and its handler go into one diff/asyncapi/rules_*.cpp
(`const Rule kRules[]`), at a walk level that is a pointer of `Handlers` in
diff/asyncapi/rules.h; the fixture is old.yaml/new.yaml (the same document)
and an expected.txt whose one line is a placeholder that fails the fixture
test (tests/asyncapi/rules_test.cpp). Payload and header schema changes
(`asyncapi.receive-*` / `asyncapi.send-*` of the schema comparator) are not
scaffolded here."""
import os
import re

from common import (SEVERITY, check_new_fixture, check_new_id, empty_handler, fail, function_name,
                    handler_levels, insert_before_table_end)

DEFAULT_LEVEL = "operation"
# Where a new handler goes when --file is not given, by level prefix.
DEFAULT_FILE = [
    ("message", "rules_message.cpp"),
    ("security", "rules_security.cpp"),
    ("requirement", "rules_security.cpp"),
    ("scheme", "rules_security.cpp"),
]
FIXTURE = """asyncapi: 3.0.0
info:
  title: Fixture
  version: 1.0.0
channels:
  lights:
    address: lights.measured
    messages:
      measured:
        $ref: '#/components/messages/measured'
operations:
  onMeasured:
    action: receive
    channel:
      $ref: '#/channels/lights'
components:
  messages:
    measured:
      name: measured
      contentType: application/json
      payload:
        type: object
        properties:
          lumens:
            type: integer
"""


def expected_text(rule_id):
    """expected.txt: `#` lines are comments to the fixture test, so the
    placeholder is a plain line; no finding sits at ?:?, so it fails."""
    return ("# The expected findings, one `<rule-id> <old line:col> <new line:col>` line each (- for no\n"
            "# place; no line at all for no finding). Make new.yaml show the change, then write exactly\n"
            "# what accord reports; the placeholder below fails the fixture test until it is replaced.\n"
            f"{rule_id} ?:? ?:?\n")


def levels(rules_h):
    return handler_levels(rules_h, "Context&")


def handler_code(function, rule_id, params):
    return empty_handler(function, rule_id, "Context& cx", params,
                         "cx.report(args, operation label, place(old), place(new))")


def row_code(rule_id, args, level, function, source):
    # A file declares only the severity constants its rows use.
    short = SEVERITY[args.severity]
    sev = short if re.search(rf"\b{short} = Severity::", source) else f"Severity::{args.severity}"
    return (f'    {{{{"{rule_id}", F, {sev}, "{args.categories}", "{args.purpose}",\n'
            f'      "{args.message}"}},\n'
            f"     {{.{level} = {function}}}}},\n")


def schema_change(root, name):
    """The schema comparator's change a receive-/send- name would shadow, if any."""
    for side, schema_side in (("receive-", "request-"), ("send-", "response-")):
        if name.startswith(side):
            change = schema_side + name[len(side):]
            if os.path.exists(os.path.join(root, "fixtures", "schema", change)):
                return change
    return None


def scaffold(args, root):
    src = os.path.join(root, "diff", "asyncapi")
    rule_id = f"asyncapi.{args.name}"
    level = args.level or DEFAULT_LEVEL
    with open(os.path.join(src, "rules.h")) as f:
        known_levels = levels(f.read())
    if level not in known_levels:
        fail(f"unknown level '{level}'; one of: {', '.join(sorted(known_levels))}")
    check_new_id(src, rule_id, "diff/asyncapi")
    fixture = check_new_fixture(root, "asyncapi", args.name)
    if schema_change(root, args.name):
        fail(f"{rule_id} is a schema comparator rule (fixtures/schema/{schema_change(root, args.name)})")

    file = args.file or next((f for prefix, f in DEFAULT_FILE if level.startswith(prefix)), "rules_operation.cpp")
    path = os.path.join(src, file)
    if not os.path.isfile(path):
        fail(f"no diff/asyncapi/{file}")
    function = function_name(args.name)
    with open(path) as f:
        source = f.read()
    if re.search(rf"\b{function}\(", source):
        fail(f"diff/asyncapi/{file} already has a function {function}")
    source = insert_before_table_end(source, "const Rule kRules[] = {",
                                     handler_code(function, rule_id, known_levels[level]),
                                     row_code(rule_id, args, level, function, source), f"diff/asyncapi/{file}")
    with open(path, "w") as f:
        f.write(source)

    os.makedirs(fixture)
    for name in ("old.yaml", "new.yaml"):
        with open(os.path.join(fixture, name), "w") as f:
            f.write(FIXTURE)
    with open(os.path.join(fixture, "expected.txt"), "w") as f:
        f.write(expected_text(rule_id))

    rel = os.path.relpath(fixture, root)
    return [f"diff/asyncapi/{file}: row {rule_id} and handler {function}() at level `{level}`",
            f"{rel}/: old.yaml and new.yaml (the same document) and expected.txt (a failing placeholder)",
            "Next: write the handler, make new.yaml show the change, replace the expected.txt line, then",
            "  cmake --build build --target accord test_asyncapi && (cd build && ctest -R asyncapi)"]
