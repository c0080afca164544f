"""JSON Schema (alias: schema), the schema comparator's table in diff/schema,
which OpenAPI, JSON Schema and AsyncAPI all expand into their rules: the
row goes at the end of `kChanges` in diff/schema/rules.cpp (with the
declaration of its check), the empty check into diff/schema/checks_LEVEL.cpp
(LEVEL is the family: types, values, limits or meta); the fixture is a case
at the end of CASES in tests/schema/make_fixtures.py, written out as
fixtures/schema/{request,response}-NAME/ with the same schema on both sides
and a `?:?` placeholder that fails tests/schema/fixtures_test.cpp until
replaced. --severity sets both directions; edit the row's two letters (N:
no rule that way) and the case's directions to differ."""
import importlib.util
import os
import re

from common import SEVERITY, empty_handler, fail, function_name, insert_before_table_end

DEFAULT_CATEGORIES = ""  # a schema row's categories are its direction's word and `schema`
DEFAULT_LEVEL = "values"
LEVELS = ("types", "values", "limits", "meta")
FIXTURE = "type: string\n"
DECLARATIONS_END = "}  // namespace schema_detail"


def read(path):
    with open(path) as f:
        return f.read()


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def add_declaration(rules, function):
    """The check's declaration after the last one the table's file declares."""
    end = rules.find(DECLARATIONS_END)
    last = rules.rfind("(const Reporter& report);\n", 0, end)
    if end < 0 or last < 0:
        fail("diff/schema/rules.cpp: no block of check declarations before the table")
    at = last + len("(const Reporter& report);\n")
    return rules[:at] + f"void {function}(const Reporter& report);\n" + rules[at:]


def add_handler(checks, handler, shown):
    end = checks.rfind("}  // namespace accord::diff::schema_detail")
    if end < 0:
        fail(f"{shown} does not end its namespace with `}}  // namespace accord::diff::schema_detail`")
    return checks[:end] + handler + checks[end:]


def add_case(fixtures_py, name):
    start = fixtures_py.find("\nCASES = [")
    end = fixtures_py.find("\n]\n", start)
    if start < 0 or end < 0:
        fail("tests/schema/make_fixtures.py has no `CASES = [ ... ]` list")
    case = f'    ("{name}", "both", "{FIXTURE.rstrip()}\\n", "{FIXTURE.rstrip()}\\n", [("{name}", "?:?", "?:?")]),\n'
    return fixtures_py[:end + 1] + case + fixtures_py[end + 1:]


def load_fixture_writer(path):
    spec = importlib.util.spec_from_file_location("make_fixtures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scaffold(args, root):
    src = os.path.join(root, "diff", "schema")
    rules_path = os.path.join(src, "rules.cpp")
    fixtures_py = os.path.join(root, "tests", "schema", "make_fixtures.py")
    level = args.level or DEFAULT_LEVEL
    if level not in LEVELS:
        fail(f"unknown level '{level}'; one of: {', '.join(LEVELS)} (the checks_LEVEL.cpp file)")
    file = args.file or f"checks_{level}.cpp"
    checks_path = os.path.join(src, file)
    for path, shown in ((rules_path, "diff/schema/rules.cpp"), (checks_path, f"diff/schema/{file}"),
                        (fixtures_py, "tests/schema/make_fixtures.py")):
        if not os.path.isfile(path):
            fail(f"no {shown}")
    rules, checks, cases = read(rules_path), read(checks_path), read(fixtures_py)
    name, function = args.name, "check_" + function_name(args.name)
    if f'{{"{name}",' in rules:
        fail(f"the change {name} exists already (diff/schema/rules.cpp)")
    if re.search(rf"\b{function}\(", rules + checks):
        fail(f"a function {function} exists already")
    if re.search(rf'^\s*\("{re.escape(name)}",', cases, re.M):
        fail(f"tests/schema/make_fixtures.py has a case {name} already")
    fixture_root = os.path.join(root, "fixtures", "schema")
    for d in ("request", "response"):
        if os.path.exists(os.path.join(fixture_root, f"{d}-{name}")):
            fail(f"fixtures/schema/{d}-{name} exists already")

    sev = SEVERITY[args.severity]
    message = args.message if "{where}" in args.message else "{where}: " + args.message
    row = f'    {{"{name}", {sev}, {sev}, handler({function}), "{args.purpose}", "{message}"}},\n'
    rules = insert_before_table_end(add_declaration(rules, function), "constexpr Change kChanges[] = {", "", row,
                                    "diff/schema/rules.cpp")
    handler = empty_handler(function, name, "const Reporter& report", [],
                                   f'report("{name}", args)').rstrip("\n") + "\n\n"
    checks = add_handler(checks, handler, f"diff/schema/{file}")
    cases = add_case(cases, name)

    write(rules_path, rules)
    write(checks_path, checks)
    write(fixtures_py, cases)
    writer = load_fixture_writer(fixtures_py)
    case = next(c for c in writer.CASES if c[0] == name)
    writer.write_rule_case(fixture_root, case)
    return [f"diff/schema/rules.cpp: row {name} (both directions {args.severity}) naming {function}()",
            f"diff/schema/{file}: the empty {function}()",
            f"tests/schema/make_fixtures.py: case {name}, written to fixtures/schema/{{request,response}}-{name}/",
            "  (the same schema on both sides, a failing `?:?` placeholder in expected.txt)",
            "Next: write the check (it may report only the changes of the rows naming it), make the case's new",
            "  schema show the change, replace the placeholder with the findings (positions from the YAML), run",
            "  python3 tests/schema/make_fixtures.py, then",
            "  cmake --build build --target accord test_schema && (cd build && ctest -R schema)"]
