"""JSON Schema (alias: schema), the schema comparator's table in diff/schema,
which OpenAPI, JSON Schema and AsyncAPI all expand into their rules: the
row goes at the end of `kChanges` in diff/schema/rules.cpp (with the
declaration of its handler), the empty handler into its level's file. LEVEL
is a walk level of diff/schema/checks.h (the handler's signature is read
from there): keywords (a check, in checks_values.cpp unless --file says
otherwise), or a keyword check's family (types, values, limits, meta: its
checks_LEVEL.cpp), or property, applicator, branches, decided
(handlers_subschemas.cpp; the walker runs them where it reaches that level). The fixture is a case
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
DEFAULT_LEVEL = "keywords"
FAMILIES = ("types", "values", "limits", "meta")  # keyword checks, by file
# Each walk level's handler type in diff/schema/checks.h.
LEVEL_TYPES = {"keywords": "Check", "property": "PropertyHandler", "applicator": "ApplicatorHandler",
               "branches": "BranchHandler", "decided": "DecidedHandler"}
DEFAULT_FILES = {"keywords": "checks_values.cpp", "property": "handlers_subschemas.cpp",
                 "applicator": "handlers_subschemas.cpp", "branches": "handlers_subschemas.cpp",
                 "decided": "handlers_subschemas.cpp"}
HOW_TO_REPORT = {"keywords": 'report("{name}", args)'}
WALK_REPORT = 'report("{name}", old_place, new_place, args)'
FIXTURE = "type: string\n"
DECLARATIONS_END = "}  // namespace schema_detail"


def read(path):
    with open(path) as f:
        return f.read()


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def level_signatures(checks_h):
    """level -> the parameters of its handler type, as checks.h declares them."""
    out = {}
    for level, alias in LEVEL_TYPES.items():
        m = re.search(rf"using {alias} = void \(\*\)\((.*?)\);", checks_h, re.S)
        if m:
            out[level] = [p.strip() for p in " ".join(m.group(1).split()).split(",") if p.strip()]
    return out


def add_declaration(rules, function, params):
    """The handler's declaration at the end of the block before the table."""
    end = rules.find(DECLARATIONS_END)
    if end < 0 or "(const Reporter& report);\n" not in rules[:end]:
        fail("diff/schema/rules.cpp: no block of handler declarations before the table")
    return rules[:end] + f"void {function}({', '.join(params)});\n" + rules[end:]


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
    checks_h = os.path.join(src, "checks.h")
    if not os.path.isfile(checks_h):
        fail("no diff/schema/checks.h")
    signatures = level_signatures(read(checks_h))
    level = args.level or DEFAULT_LEVEL
    family = level if level in FAMILIES else None
    if family:
        level = "keywords"
    if level not in signatures:
        fail(f"unknown level '{args.level}'; one of: {', '.join(list(signatures) + list(FAMILIES))}"
             " (a family is a keyword check's checks_FAMILY.cpp)")
    params = signatures[level]
    file = args.file or (f"checks_{family}.cpp" if family else DEFAULT_FILES[level])
    checks_path = os.path.join(src, file)
    for path, shown in ((rules_path, "diff/schema/rules.cpp"), (checks_path, f"diff/schema/{file}"),
                        (fixtures_py, "tests/schema/make_fixtures.py")):
        if not os.path.isfile(path):
            fail(f"no {shown}")
    rules, checks, cases = read(rules_path), read(checks_path), read(fixtures_py)
    prefix = "check_" if level == "keywords" else ""
    name, function = args.name, prefix + function_name(args.name)
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
    rules = insert_before_table_end(add_declaration(rules, function, params), "constexpr Change kChanges[] = {", "",
                                    row, "diff/schema/rules.cpp")
    how = HOW_TO_REPORT.get(level, WALK_REPORT).format(name=name)
    handler = empty_handler(function, name, params[0], params[1:], how).rstrip("\n") + "\n\n"
    checks = add_handler(checks, handler, f"diff/schema/{file}")
    cases = add_case(cases, name)

    write(rules_path, rules)
    write(checks_path, checks)
    write(fixtures_py, cases)
    writer = load_fixture_writer(fixtures_py)
    case = next(c for c in writer.CASES if c[0] == name)
    writer.write_rule_case(fixture_root, case)
    return [f"diff/schema/rules.cpp: row {name} (both directions {args.severity}) naming {function}() at level"
            f" `{level}`",
            f"diff/schema/{file}: the empty {function}()",
            f"tests/schema/make_fixtures.py: case {name}, written to fixtures/schema/{{request,response}}-{name}/",
            "  (the same schema on both sides, a failing `?:?` placeholder in expected.txt)",
            "Next: write the handler (it may report only the changes of the rows naming it; an applicator one",
            "  runs on every applicator keyword the walker reaches: return unless slot.keyword is its own), make the case's new",
            "  schema show the change, replace the placeholder with the findings (positions from the YAML), run",
            "  python3 tests/schema/make_fixtures.py, then",
            "  cmake --build build --target accord test_schema && (cd build && ctest -R schema)"]
