#!/usr/bin/env python3
"""Compares accord's GraphQL findings with graphql-inspector's changes.

Usage: graphql_agreement.py ACCORD.json INSPECTOR.json
Both sides are keyed by (change type, path); accord's change type is its
rule's category (graphql-inspector's ChangeType name). Prints the breaking
counts and every breaking key only one side has; exits 1 on a difference.
"""
import json
import sys

ROOTS = {"query": "SCHEMA_QUERY_TYPE_CHANGED", "mutation": "SCHEMA_MUTATION_TYPE_CHANGED",
         "subscription": "SCHEMA_SUBSCRIPTION_TYPE_CHANGED"}


def accord_keys(path):
    doc = json.load(open(path))
    keys = set()
    for f in doc["findings"]:
        if f["severity"] != "error":
            continue
        rule = f["rule"]
        if rule == "graphql.root-type-changed":
            keys.add((ROOTS[f["args"]["operation"]], ""))
            continue
        # Additions are found at the new side, everything else at the old.
        side = (f.get("new") or f.get("old")) if "added" in rule else (f.get("old") or f.get("new"))
        pointer = side["pointer"]
        if rule.startswith("graphql.directive-argument-added"):
            pointer = pointer.split(".")[0]  # graphql-inspector's path is the directive's, accord's the argument's
        keys.add((CHANGE_TYPE[rule], pointer))
    return keys


def inspector_keys(path):
    keys = set()
    for c in json.load(open(path)):
        if c["level"] != "BREAKING":
            continue
        keys.add((c["type"], c["path"] if not c["type"].startswith("SCHEMA_") else ""))
    return keys


# accord rule -> graphql-inspector ChangeType (the first category of the rule row)
CHANGE_TYPE = {}


def load_change_types():
    # The breaking (error) rules and the ChangeType each stands for, as in
    # diff/graphql/rule_table.cpp.
    pairs = {
        "type-removed": "TYPE_REMOVED", "type-kind-changed": "TYPE_KIND_CHANGED", "field-removed": "FIELD_REMOVED",
        "enum-value-removed": "ENUM_VALUE_REMOVED", "input-field-removed": "INPUT_FIELD_REMOVED",
        "input-field-added-required": "INPUT_FIELD_ADDED", "union-member-removed": "UNION_MEMBER_REMOVED",
        "interface-removed": "OBJECT_TYPE_INTERFACE_REMOVED", "field-type-changed": "FIELD_TYPE_CHANGED",
        "argument-removed": "FIELD_ARGUMENT_REMOVED", "argument-added-required": "FIELD_ARGUMENT_ADDED",
        "argument-type-changed": "FIELD_ARGUMENT_TYPE_CHANGED", "input-field-type-changed": "INPUT_FIELD_TYPE_CHANGED",
        "directive-argument-type-changed": "DIRECTIVE_ARGUMENT_TYPE_CHANGED", "directive-removed": "DIRECTIVE_REMOVED",
        "directive-location-removed": "DIRECTIVE_LOCATION_REMOVED",
        "directive-argument-removed": "DIRECTIVE_ARGUMENT_REMOVED",
        "directive-argument-added-required": "DIRECTIVE_ARGUMENT_ADDED",
    }
    for k, v in pairs.items():
        CHANGE_TYPE["graphql." + k] = v


def main():
    load_change_types()
    ours, theirs = accord_keys(sys.argv[1]), inspector_keys(sys.argv[2])
    only_ours, only_theirs = sorted(ours - theirs), sorted(theirs - ours)
    line = f"breaking: accord {len(ours)}, graphql-inspector {len(theirs)}"
    if not only_ours and not only_theirs:
        print(line + ", same set")
        return 0
    print(line + "; only accord: " + repr(only_ours) + "; only graphql-inspector: " + repr(only_theirs))
    return 1


if __name__ == "__main__":
    sys.exit(main())
