"""What every format's scaffold shares: refusing (exit 2, nothing written),
the failing expectation placeholder, and the checks on a name and on the
row's texts. A format's module (scripts/new_rule/<format>.py) defines
`scaffold(args, root)`, which checks everything before it writes anything
and returns the lines to print."""
import os
import re
import sys

SEVERITY = {"error": "E", "warning": "W", "info": "I"}


def fail(message):
    print("scripts/new-rule: " + message, file=sys.stderr)
    sys.exit(2)


def expect_line(rule_id):
    """The placeholder expected finding: no finding sits at ?:?, so the
    fixture test fails until it is replaced by what accord reports."""
    return f"expect: {rule_id} ?:? ?:?"


def expectation(rule_id, comment="#"):
    """The comment block that ends a fixture's new version (or an expected.txt)."""
    c = comment
    return (f"{c} The expected findings, one `{c} expect: <rule-id> <old line:col> <new line:col>` line each\n"
            f"{c} (- for no place; `{c} expect: none` for no finding). Make this file show the change,\n"
            f"{c} then write exactly what accord reports; the placeholder below fails the fixture test.\n"
            f"{c} {expect_line(rule_id)}\n")


def check_texts(args):
    for text in (args.purpose, args.message, args.categories):
        if '"' in text or "\\" in text:
            fail("purpose, message and categories may not contain quotes or backslashes")


def check_new_id(src_dir, rule_id, shown_dir):
    """Refuses an id that a source file of the format already names."""
    for file in sorted(os.listdir(src_dir)):
        path = os.path.join(src_dir, file)
        if os.path.isfile(path):
            with open(path) as f:
                if f'"{rule_id}"' in f.read():
                    fail(f"{rule_id} exists already ({shown_dir}/{file})")


def check_new_fixture(root, fmt, name):
    fixture = os.path.join(root, "fixtures", fmt, "rules", name)
    if os.path.exists(fixture):
        fail(f"fixtures/{fmt}/rules/{name} exists already")
    return fixture


def insert_before_table_end(source, table_start, handler, row, shown_file):
    """Puts `handler` before the table that begins with `table_start` and `row`
    as the table's last row."""
    table = source.find(table_start)
    if table < 0:
        fail(f"no `{table_start}` table in {shown_file}")
    end = source.find("\n};", table)
    if end < 0:
        fail(f"the table in {shown_file} does not end with `}};`")
    return source[:table] + handler + source[table:end + 1] + row + source[end + 1:]


def function_name(name):
    return name.replace("-", "_")


def kebab_ok(name):
    return re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", name) is not None


def handler_levels(rules_h, context):
    """The `Handlers` struct's pointers in a rules.h: level -> the parameters
    after the first, which must be `context` ("Context&", "const Ctx&")."""
    out = {}
    for m in re.finditer(r"void \(\*(\w+)\)\((.*?)\) = nullptr;", rules_h, re.S):
        params = " ".join(m.group(2).split())
        if not params.startswith(context):
            continue
        out[m.group(1)] = [p.strip() for p in params[len(context):].split(",") if p.strip()]
    return out


def empty_handler(function, rule_id, context_param, params, how_to_report):
    """An empty handler with the level's signature; `how_to_report` completes
    the comment "report the change with ..."."""
    names = [re.split(r"[\s&*]+", p)[-1] for p in params]
    signature = ", ".join([context_param] + params)
    unused = ", ".join("(void)" + n for n in [context_param.split()[-1]] + names)
    return (f"// {rule_id} (scaffolded by scripts/new-rule): report the change with\n"
            f"// {how_to_report} when this pair shows it.\n"
            f"void {function}({signature}) {{\n"
            f"  {unused};\n"
            f"}}\n\n")
