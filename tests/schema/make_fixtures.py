#!/usr/bin/env python3
"""Writes fixtures/schema/<rule>/{old.yaml,new.yaml,expected.txt} and the
normalisation fixtures fixtures/schema/_normalize/<direction>-<case>/ (the
same three files; an empty expected.txt means "no change").

How to use it: edit CASES / NORMALIZE below, then run from the project root
    python3 tests/schema/make_fixtures.py
and rebuild + run `ctest -R schema` (tests/schema/fixtures_test.cpp reads the
files). It rewrites every generated fixture; fixtures/schema/_cases is not
touched.

Each case is written by hand: the two schema documents and the findings a
reader expects, with positions read off the YAML (a block mapping starts at
its first key; `1:1` is the root). The direction comes from the rule ID.
Run from the project root: python3 tests/schema/make_fixtures.py
"""
import os

OBJ_A = "type: object\nproperties:\n  a:\n    type: string\n"
OBJ_AB = "type: object\nproperties:\n  a:\n    type: string\n  b:\n    type: string\n"
OBJ_AB_REQ_B = "type: object\nrequired:\n  - b\nproperties:\n  a:\n    type: string\n  b:\n    type: string\n"
OBJ_A_REQ = "type: object\nrequired: [a]\nproperties:\n  a:\n    type: string\n"
OBJ_A_RO = "type: object\nproperties:\n  a:\n    type: string\n    readOnly: true\n"
OBJ_A_WO = "type: object\nproperties:\n  a:\n    type: string\n    writeOnly: true\n"
OBJ_A_REQ_RO = "type: object\nrequired: [a]\nproperties:\n  a:\n    type: string\n    readOnly: true\n"
OBJ_A_REQ_WO = "type: object\nrequired: [a]\nproperties:\n  a:\n    type: string\n    writeOnly: true\n"

# allOf branches that cannot be merged into one schema (two patterns), so
# branches are compared one by one (and an info finding says so).
ALL_OF_1 = "allOf:\n  - type: string\n    pattern: '^a'\n  - pattern: 'b$'\n"
ALL_OF_2 = ALL_OF_1 + "  - maxLength: 5\n"


def branches(keyword, types):
    return keyword + ":\n" + "".join("  - type: %s\n" % t for t in types)


DISC = "type: object\ndiscriminator:\n  propertyName: kind\n"
DISC_MAP1 = DISC + "  mapping:\n    cat: Cat\n"
DISC_MAP2 = DISC_MAP1 + "    dog: Dog\n"

ROOT = ("1:1", "1:1")
ARRAY = "type: array\n"
ARRAY_CONTAINS = "type: array\ncontains:\n  type: string\n"
DEP_REQ = "type: object\ndependentRequired:\n  card:\n    - billing\n"
DEP_SCHEMA = "type: object\ndependentSchemas:\n  card:\n    required: [billing]\n"
IF_A_THEN_B = "type: object\nif:\n  required: [a]\nthen:\n  required: [b]\n"
THREE_STRINGS = "type: object\nproperties:\n  a:\n    type: string\n  b:\n    type: string\n  c:\n    type: string\n"

# (change, directions, old, new, [(change, old pos, new pos), ...])
CASES = [
    ("type-changed", "both", "type: string\n", "type: integer\n", [("type-changed",) + ROOT]),
    ("type-widened", "both", "type: integer\n", "type: number\n", [("type-widened",) + ROOT]),
    ("type-narrowed", "both", "type: number\n", "type: integer\n", [("type-narrowed",) + ROOT]),
    ("format-changed", "both", "type: string\nformat: date\n", "type: string\nformat: uuid\n", [("format-changed",) + ROOT]),
    ("format-widened", "both", "type: integer\nformat: int32\n", "type: integer\nformat: int64\n", [("format-widened",) + ROOT]),
    ("format-narrowed", "both", "type: number\nformat: double\n", "type: number\nformat: float\n", [("format-narrowed",) + ROOT]),
    ("format-added", "both", "type: string\n", "type: string\nformat: date-time\n", [("format-added",) + ROOT]),
    ("format-removed", "both", "type: string\nformat: email\n", "type: string\n", [("format-removed",) + ROOT]),
    ("became-nullable", "both", "type: string\n", "type: string\nnullable: true\n", [("became-nullable",) + ROOT]),
    ("became-not-nullable", "both", "type: [string, 'null']\n", "type: string\n", [("became-not-nullable",) + ROOT]),
    ("property-added", "both", OBJ_A, OBJ_AB, [("property-added", "1:1", "6:5")]),
    ("required-property-added", "request", OBJ_A, OBJ_AB_REQ_B, [("required-property-added", "1:1", "8:5")]),
    ("property-removed", "both", OBJ_AB_REQ_B, OBJ_A, [("property-removed", "8:5", "1:1")]),
    ("property-removed-rejected", "request", OBJ_AB, "type: object\nadditionalProperties: false\nproperties:\n  a:\n    type: string\n",
     [("property-removed-rejected", "6:5", "1:1"), ("additional-properties-forbidden",) + ROOT]),
    ("optional-property-removed", "response", OBJ_AB, OBJ_A, [("optional-property-removed", "6:5", "1:1")]),
    ("property-became-required", "both", OBJ_A, OBJ_A_REQ, [("property-became-required", "4:5", "5:5")]),
    ("property-became-optional", "both", OBJ_A_REQ, OBJ_A, [("property-became-optional", "5:5", "4:5")]),
    ("property-became-read-only", "request", OBJ_A, OBJ_A_RO, [("property-became-read-only", "4:5", "4:5")]),
    ("property-became-not-read-only", "request", OBJ_A_RO, OBJ_A, [("property-became-not-read-only", "4:5", "4:5")]),
    ("required-property-became-not-read-only", "request", OBJ_A_REQ_RO, OBJ_A_REQ,
     [("required-property-became-not-read-only", "5:5", "5:5")]),
    ("property-became-write-only", "response", OBJ_A, OBJ_A_WO, [("property-became-write-only", "4:5", "4:5")]),
    ("required-property-became-write-only", "response", OBJ_A_REQ, OBJ_A_REQ_WO,
     [("required-property-became-write-only", "5:5", "5:5")]),
    ("property-became-not-write-only", "response", OBJ_A_WO, OBJ_A, [("property-became-not-write-only", "4:5", "4:5")]),
    ("became-deprecated", "both", "type: string\n", "type: string\ndeprecated: true\nx-sunset: \"2999-01-01\"\n", [("became-deprecated",) + ROOT]),
    ("additional-properties-forbidden", "both", "type: object\n", "type: object\nadditionalProperties: false\n",
     [("additional-properties-forbidden",) + ROOT]),
    ("additional-properties-allowed", "both", "type: object\nadditionalProperties: false\n", "type: object\n",
     [("additional-properties-allowed",) + ROOT]),
    ("pattern-property-added", "both", "type: object\n", "type: object\npatternProperties:\n  '^x-':\n    type: string\n",
     [("pattern-property-added", "1:1", "4:5")]),
    ("pattern-property-removed", "both", "type: object\npatternProperties:\n  '^x-':\n    type: string\n", "type: object\n",
     [("pattern-property-removed", "4:5", "1:1")]),
    ("enum-value-added", "both", "type: string\nenum: [a, b]\n", "type: string\nenum: [a, b, c]\n", [("enum-value-added",) + ROOT]),
    ("enum-value-removed", "both", "type: string\nenum: [a, b, c]\n", "type: string\nenum: [a, c]\n", [("enum-value-removed",) + ROOT]),
    ("became-enum", "both", "type: string\n", "type: string\nenum: [a, b]\n", [("became-enum",) + ROOT]),
    ("enum-removed", "both", "type: string\nenum: [a, b]\n", "type: string\n", [("enum-removed",) + ROOT]),
    ("const-added", "both", "type: string\n", "type: string\nconst: a\n", [("const-added",) + ROOT]),
    ("const-removed", "both", "type: string\nconst: a\n", "type: string\n", [("const-removed",) + ROOT]),
    ("const-changed", "both", "type: string\nconst: a\n", "type: string\nconst: b\n", [("const-changed",) + ROOT]),
    ("default-added", "both", "type: integer\n", "type: integer\ndefault: 10\n", [("default-added",) + ROOT]),
    ("default-removed", "both", "type: integer\ndefault: 10\n", "type: integer\n", [("default-removed",) + ROOT]),
    ("default-changed", "both", "type: integer\ndefault: 10\n", "type: integer\ndefault: 20\n", [("default-changed",) + ROOT]),
    ("pattern-added", "both", "type: string\n", "type: string\npattern: '^[a-z]+$'\n", [("pattern-added",) + ROOT]),
    ("pattern-removed", "both", "type: string\npattern: '^[a-z]+$'\n", "type: string\n", [("pattern-removed",) + ROOT]),
    ("pattern-changed", "both", "type: string\npattern: '^[a-z]+$'\n", "type: string\npattern: '^[a-z0-9]+$'\n",
     [("pattern-changed",) + ROOT]),
    ("multiple-of-added", "both", "type: number\n", "type: number\nmultipleOf: 2\n", [("multiple-of-added",) + ROOT]),
    ("multiple-of-removed", "both", "type: number\nmultipleOf: 2\n", "type: number\n", [("multiple-of-removed",) + ROOT]),
    ("multiple-of-changed", "both", "type: number\nmultipleOf: 2\n", "type: number\nmultipleOf: 3\n", [("multiple-of-changed",) + ROOT]),
    # 4 -> 2: every multiple of 4 is a multiple of 2 (more accepted); 0.5 -> 1.5 the other way.
    ("multiple-of-widened", "both", "type: number\nmultipleOf: 4\n", "type: number\nmultipleOf: 2\n", [("multiple-of-widened",) + ROOT]),
    ("multiple-of-narrowed", "both", "type: number\nmultipleOf: 0.5\n", "type: number\nmultipleOf: 1.5\n", [("multiple-of-narrowed",) + ROOT]),
    ("content-encoding-added", "both", "type: string\n", "type: string\ncontentEncoding: base64\n", [("content-encoding-added",) + ROOT]),
    ("content-encoding-removed", "both", "type: string\ncontentEncoding: base64\n", "type: string\n", [("content-encoding-removed",) + ROOT]),
    ("content-encoding-changed", "both", "type: string\ncontentEncoding: base64\n", "type: string\ncontentEncoding: base32\n",
     [("content-encoding-changed",) + ROOT]),
    ("content-media-type-added", "both", "type: string\n", "type: string\ncontentMediaType: image/png\n", [("content-media-type-added",) + ROOT]),
    ("content-media-type-removed", "both", "type: string\ncontentMediaType: image/png\n", "type: string\n", [("content-media-type-removed",) + ROOT]),
    ("content-media-type-changed", "both", "type: string\ncontentMediaType: image/png\n", "type: string\ncontentMediaType: image/gif\n",
     [("content-media-type-changed",) + ROOT]),
    ("contains-added", "both", ARRAY, ARRAY_CONTAINS, [("contains-added",) + ROOT]),
    ("contains-removed", "both", ARRAY_CONTAINS, ARRAY, [("contains-removed",) + ROOT]),
    ("min-contains-increased", "both", ARRAY_CONTAINS, ARRAY_CONTAINS + "minContains: 2\n", [("min-contains-increased",) + ROOT]),
    ("min-contains-decreased", "both", ARRAY_CONTAINS + "minContains: 2\n", ARRAY_CONTAINS + "minContains: 0\n",
     [("min-contains-decreased",) + ROOT]),
    ("max-contains-decreased", "both", ARRAY_CONTAINS + "maxContains: 5\n", ARRAY_CONTAINS + "maxContains: 3\n",
     [("max-contains-decreased",) + ROOT]),
    ("max-contains-increased", "both", ARRAY_CONTAINS + "maxContains: 3\n", ARRAY_CONTAINS + "maxContains: 5\n",
     [("max-contains-increased",) + ROOT]),
    ("max-contains-set", "both", ARRAY_CONTAINS, ARRAY_CONTAINS + "maxContains: 3\n", [("max-contains-set",) + ROOT]),
    ("max-contains-unset", "both", ARRAY_CONTAINS + "maxContains: 3\n", ARRAY_CONTAINS, [("max-contains-unset",) + ROOT]),
    ("unevaluated-properties-forbidden", "both", "type: object\n", "type: object\nunevaluatedProperties: false\n",
     [("unevaluated-properties-forbidden",) + ROOT]),
    ("unevaluated-properties-allowed", "both", "type: object\nunevaluatedProperties: false\n", "type: object\n",
     [("unevaluated-properties-allowed",) + ROOT]),
    ("unevaluated-items-forbidden", "both", ARRAY, ARRAY + "unevaluatedItems: false\n", [("unevaluated-items-forbidden",) + ROOT]),
    ("unevaluated-items-allowed", "both", ARRAY + "unevaluatedItems: false\n", ARRAY, [("unevaluated-items-allowed",) + ROOT]),
    ("dependent-required-added", "both", "type: object\n", DEP_REQ, [("dependent-required-added",) + ROOT]),
    ("dependent-required-removed", "both", DEP_REQ, "type: object\n", [("dependent-required-removed",) + ROOT]),
    ("dependent-schema-added", "both", "type: object\n", DEP_SCHEMA, [("dependent-schema-added",) + ROOT]),
    ("dependent-schema-removed", "both", DEP_SCHEMA, "type: object\n", [("dependent-schema-removed",) + ROOT]),
    ("conditional-added", "both", "type: object\n", IF_A_THEN_B, [("conditional-added",) + ROOT]),
    ("conditional-removed", "both", IF_A_THEN_B, "type: object\n", [("conditional-removed",) + ROOT]),
    ("conditional-changed", "both", IF_A_THEN_B, IF_A_THEN_B.replace("[a]", "[c]"), [("conditional-changed",) + ROOT]),
    # Budgets (budgets.txt: exact expansions, pair bodies). Two pair bodies:
    # the root and `a`; `b` is where the comparison stops, `c` is not reached.
    ("comparison-stopped", "both", THREE_STRINGS, THREE_STRINGS.replace("string", "integer"),
     [("type-changed", "4:5", "4:5"), ("comparison-stopped", "6:5", "6:5")], (100, 2)),
    # No exact expansion allowed: the root pair is already approximate.
    ("comparison-approximate", "both", "type: string\n", "type: integer\n",
     [("comparison-approximate",) + ROOT, ("type-changed",) + ROOT], (0, 100)),
    ("unique-items-enabled", "both", "type: array\nitems:\n  type: string\n", "type: array\nuniqueItems: true\nitems:\n  type: string\n",
     [("unique-items-enabled",) + ROOT]),
    ("unique-items-disabled", "both", "type: array\nuniqueItems: true\nitems:\n  type: string\n", "type: array\nitems:\n  type: string\n",
     [("unique-items-disabled",) + ROOT]),
    # Limits. max-decreased: the same value became exclusive (2020-12 form);
    # min-increased: the same through the draft-04 boolean form.
    ("max-decreased", "both", "type: number\nmaximum: 10\n", "type: number\nexclusiveMaximum: 10\n", [("max-decreased",) + ROOT]),
    ("max-increased", "both", "type: number\nmaximum: 10\n", "type: number\nmaximum: 20\n", [("max-increased",) + ROOT]),
    ("max-set", "both", "type: number\n", "type: number\nmaximum: 10\n", [("max-set",) + ROOT]),
    ("max-unset", "both", "type: number\nmaximum: 10\n", "type: number\n", [("max-unset",) + ROOT]),
    ("min-increased", "both", "type: number\nminimum: 1\n", "type: number\nminimum: 1\nexclusiveMinimum: true\n", [("min-increased",) + ROOT]),
    ("min-decreased", "both", "type: number\nminimum: 1\n", "type: number\nminimum: 0\n", [("min-decreased",) + ROOT]),
    ("min-set", "both", "type: number\n", "type: number\nminimum: 1\n", [("min-set",) + ROOT]),
    ("min-unset", "both", "type: number\nminimum: 1\n", "type: number\n", [("min-unset",) + ROOT]),
]

LIMIT_FAMILIES = [("length", "string", "Length"), ("items", "array", "Items"), ("properties", "object", "Properties")]
for family, typ, suffix in LIMIT_FAMILIES:
    mx, mn = "max" + suffix, "min" + suffix
    base = "type: %s\n" % typ
    CASES += [
        ("max-%s-decreased" % family, "both", base + "%s: 10\n" % mx, base + "%s: 5\n" % mx, [("max-%s-decreased" % family,) + ROOT]),
        ("max-%s-increased" % family, "both", base + "%s: 5\n" % mx, base + "%s: 10\n" % mx, [("max-%s-increased" % family,) + ROOT]),
        ("max-%s-set" % family, "both", base, base + "%s: 10\n" % mx, [("max-%s-set" % family,) + ROOT]),
        ("max-%s-unset" % family, "both", base + "%s: 10\n" % mx, base, [("max-%s-unset" % family,) + ROOT]),
        ("min-%s-increased" % family, "both", base + "%s: 1\n" % mn, base + "%s: 2\n" % mn, [("min-%s-increased" % family,) + ROOT]),
        ("min-%s-decreased" % family, "both", base + "%s: 2\n" % mn, base + "%s: 1\n" % mn, [("min-%s-decreased" % family,) + ROOT]),
        ("min-%s-set" % family, "both", base, base + "%s: 1\n" % mn, [("min-%s-set" % family,) + ROOT]),
        ("min-%s-unset" % family, "both", base + "%s: 1\n" % mn, base, [("min-%s-unset" % family,) + ROOT]),
    ]

CASES += [
    ("all-of-added", "both", ALL_OF_1, ALL_OF_2, [("all-of-added", "1:1", "5:5"), ("all-of-not-merged",) + ROOT]),
    ("all-of-removed", "both", ALL_OF_2, ALL_OF_1, [("all-of-removed", "5:5", "1:1"), ("all-of-not-merged",) + ROOT]),
    ("all-of-not-merged", "both", "allOf:\n  - type: string\n  - type: integer\n",
     "allOf:\n  - type: string\n  - type: integer\n    minimum: 1\n",
     [("all-of-not-merged",) + ROOT, ("min-set", "3:5", "3:5")]),
    ("any-of-added", "both", branches("anyOf", ["string", "integer"]), branches("anyOf", ["string", "integer", "boolean"]),
     [("any-of-added", "1:1", "4:5")]),
    ("any-of-removed", "both", branches("anyOf", ["string", "integer", "boolean"]), branches("anyOf", ["string", "boolean"]),
     [("any-of-removed", "3:5", "1:1")]),
    ("one-of-added", "both", branches("oneOf", ["string", "integer"]), branches("oneOf", ["boolean", "string", "integer"]),
     [("one-of-added", "1:1", "2:5")]),
    ("one-of-removed", "both", branches("oneOf", ["string", "integer", "boolean"]), branches("oneOf", ["integer", "boolean"]),
     [("one-of-removed", "2:5", "1:1")]),
    ("not-added", "both", "type: string\n", "type: string\nnot:\n  enum: [x]\n", [("not-added",) + ROOT]),
    ("not-removed", "both", "type: string\nnot:\n  enum: [x]\n", "type: string\n", [("not-removed",) + ROOT]),
    ("not-changed", "both", "type: string\nnot:\n  enum: [x]\n", "type: string\nnot:\n  enum: [y]\n", [("not-changed",) + ROOT]),
    ("discriminator-added", "both", "type: object\n", DISC, [("discriminator-added",) + ROOT]),
    ("discriminator-removed", "both", DISC, "type: object\n", [("discriminator-removed",) + ROOT]),
    ("discriminator-property-name-changed", "both", DISC, "type: object\ndiscriminator:\n  propertyName: type\n",
     [("discriminator-property-name-changed",) + ROOT]),
    ("discriminator-mapping-added", "both", DISC_MAP1, DISC_MAP2, [("discriminator-mapping-added",) + ROOT]),
    ("discriminator-mapping-removed", "both", DISC_MAP2, DISC_MAP1, [("discriminator-mapping-removed",) + ROOT]),
    ("discriminator-mapping-changed", "both", DISC_MAP1, DISC + "  mapping:\n    cat: Feline\n",
     [("discriminator-mapping-changed",) + ROOT]),
]

# Normalisation: how a schema is written must not matter, only what it accepts.
X_DEFS = ("$defs:\n  X:\n    type: object\n    properties:\n      id:\n        type: integer\n"
          "      name:\n        type: string\n")
X_DEFS_NO_NAME = "$defs:\n  X:\n    type: object\n    properties:\n      id:\n        type: integer\n"


def holder(p):
    """An object whose property `p` is the given schema text (indented by the caller)."""
    return "type: object\nproperties:\n  p:\n" + "".join("    " + l + "\n" for l in p.splitlines())


REF_X = "$ref: '#/$defs/X'"
WRAP_X = "allOf:\n  - $ref: '#/$defs/X'"
WRAP_X_EMPTY = WRAP_X + "\n  - {}"
WRAP_X_EXTRA = WRAP_X + "\n  - type: object\n    properties:\n      extra:\n        type: string"
SPLIT_OLD = ("type: object\nrequired: [a, b]\nproperties:\n  a:\n    type: string\n  b:\n    type: integer\n"
             "    minimum: 1\n")
SPLIT_NEW = ("allOf:\n  - type: object\n    required: [a]\n    properties:\n      a:\n        type: string\n"
             "  - type: object\n    properties:\n      b:\n        type: integer\n        minimum: 1\n    required: [b]\n")
ANCHORS_OLD = ("type: object\nproperties:\n  a: &text\n    type: string\n  b: *text\n  c: *text\n"
               "  d:\n    type: integer\n")
ANCHORS_NEW = "type: object\nproperties:\n  d:\n    type: integer\n"

D04 = "$schema: 'http://json-schema.org/draft-04/schema#'\n"
D07 = "$schema: 'http://json-schema.org/draft-07/schema#'\n"
D2019 = "$schema: 'https://json-schema.org/draft/2019-09/schema'\n"
D2020 = "$schema: 'https://json-schema.org/draft/2020-12/schema'\n"
TUPLE_07 = D07 + "type: array\nitems:\n  - type: string\n  - type: integer\nadditionalItems: false\n"
TUPLE_2020 = D2020 + "type: array\nprefixItems:\n  - type: string\n  - type: integer\nitems: false\n"
STR_DEF = "  S:\n    type: string\n    maxLength: 10\n"
SIBLINGS = "type: object\nproperties:\n  p:\n    $ref: '#/definitions/S'\n    maxLength: %d\ndefinitions:\n" + STR_DEF
DEPS_07 = D07 + "type: object\ndependencies:\n  card: [billing]\n  ship:\n    required: [address]\n"
DEPS_2019 = D2019 + "type: object\ndependentRequired:\n  card: [billing]\ndependentSchemas:\n  ship:\n    required: [address]\n"
TREE = "type: object\nproperties:\n  value:\n    type: string\n  children:\n    type: array\n    items:\n      %s\n"
ANCHORED = "type: object\nproperties:\n  home:\n    $ref: '%s'\n$defs:\n  addr:\n    $anchor: addr\n    type: string\n"

# anyOf/oneOf branches pair by meaning: $ref target, discriminator value,
# const tag, structure; position only for what is left.
def obj(props, indent="  "):
    """An inline object branch: `props` is [(name, schema lines...)]."""
    out = indent + "- type: object\n" + indent + "  properties:\n"
    for name, *lines in props:
        out += indent + "    %s:\n" % name + "".join(indent + "      %s\n" % l for l in lines)
    return out


PERSON = [("name", "type: string"), ("age", "type: integer")]
PERSON_AGE_TEXT = [("name", "type: string"), ("age", "type: string")]
PERSON_NICK = PERSON + [("nick", "type: string")]
ITEM_TEXT = [("id", "type: integer"), ("size", "type: string")]
ADDRESS = [("street", "type: string"), ("city", "type: string")]
ITEM = [("id", "type: integer"), ("size", "type: integer")]
SHAPE = "oneOf:\n" + obj([("kind", "const: circle"), ("size", "type: number")]) + \
    obj([("kind", "const: square"), ("size", "type: number")])
SHAPE_NEW = "oneOf:\n" + obj([("kind", "const: square"), ("size", "type: integer")]) + \
    obj([("kind", "const: circle"), ("size", "type: number", "minimum: 1")])
PET = "  %s:\n    type: object\n    properties:\n      kind:\n        type: string\n      name:\n        type: %s\n"
PET_LIMITED = PET + "        %s\n"
PETS_OLD = ("oneOf:\n  - $ref: '#/$defs/Cat'\n  - $ref: '#/$defs/Dog'\ndiscriminator:\n  propertyName: kind\n"
            "  mapping:\n    cat: '#/$defs/Cat'\n    dog: '#/$defs/Dog'\n$defs:\n" + PET % ("Cat", "string") +
            PET % ("Dog", "integer"))
PETS_NEW = ("oneOf:\n  - $ref: '#/$defs/Canine'\n  - $ref: '#/$defs/Feline'\ndiscriminator:\n  propertyName: kind\n"
            "  mapping:\n    cat: '#/$defs/Feline'\n    dog: '#/$defs/Canine'\n$defs:\n" +
            PET_LIMITED % ("Canine", "integer", "minimum: 0") + PET_LIMITED % ("Feline", "string", "maxLength: 5"))
Y_DEFS = "  Y:\n    type: object\n    properties:\n      code:\n        type: integer\n"
X_OR_Y = "oneOf:\n  - $ref: '#/$defs/X'\n  - $ref: '#/$defs/Y'"

# oneOf branches written as `allOf: [$ref Base, {properties...}]`: similarity
# pairing compares what each branch declares through its allOf (Base's id plus
# its own properties), so the reordered branches pair and the one left over
# is the removed one (by position nothing paired: 3 vs 2 branches).
ALL_OF_BRANCHES_OLD = "$defs:\n  Base:\n    type: object\n    properties:\n      id:\n        type: integer\noneOf:\n  - allOf:\n      - $ref: '#/$defs/Base'\n      - type: object\n        properties:\n          street:\n            type: string\n          city:\n            type: string\n  - allOf:\n      - $ref: '#/$defs/Base'\n      - type: object\n        properties:\n          name:\n            type: string\n          age:\n            type: integer\n  - allOf:\n      - $ref: '#/$defs/Base'\n      - type: object\n        properties:\n          sku:\n            type: string\n          price:\n            type: number\n"
ALL_OF_BRANCHES_NEW = "$defs:\n  Base:\n    type: object\n    properties:\n      id:\n        type: integer\noneOf:\n  - allOf:\n      - $ref: '#/$defs/Base'\n      - type: object\n        properties:\n          name:\n            type: string\n          age:\n            type: string\n  - allOf:\n      - $ref: '#/$defs/Base'\n      - type: object\n        properties:\n          street:\n            type: string\n          city:\n            type: string\n"

# (name, direction, old, new, [(rule, old pos, new pos), ...]); [] = no change.
NORMALIZE = [
    ("one-of-all-of-branches-paired-by-merged-properties", "response", ALL_OF_BRANCHES_OLD, ALL_OF_BRANCHES_NEW,
     [("one-of-removed", "24:5", "1:1"), ("type-changed", "23:13", "15:13")]),
    # Reordered inline branches, one changed: one finding, inside the branch that changed.
    ("one-of-reordered-one-changed", "response", "oneOf:\n" + obj(PERSON) + obj(ADDRESS),
     "oneOf:\n" + obj(ADDRESS) + obj(PERSON_AGE_TEXT), [("type-changed", "7:9", "13:9")]),
    # Three branches reordered, two changed: each change inside its own branch.
    ("one-of-reordered-two-changed", "response", "oneOf:\n" + obj(PERSON) + obj(ADDRESS) + obj(ITEM),
     "oneOf:\n" + obj(ITEM_TEXT) + obj(ADDRESS) + obj(PERSON_AGE_TEXT),
     [("type-changed", "7:9", "19:9"), ("type-changed", "19:9", "7:9")]),
    # The middle branch removed while the first changed: exactly one branch-removed finding.
    ("one-of-middle-removed", "request", "oneOf:\n" + obj(PERSON) + obj(ADDRESS) + obj(ITEM),
     "oneOf:\n" + obj(PERSON_NICK) + obj(ITEM),
     [("property-added", "2:5", "9:9"), ("one-of-removed", "8:5", "1:1")]),
    # Both branches changed and reordered, same shape: the const tag `kind` pairs them.
    ("one-of-const-tag", "request", SHAPE, SHAPE_NEW,
     [("type-narrowed", "13:9", "7:9"), ("min-set", "7:9", "13:9")]),
    # Both branches renamed and reordered, same shape: the discriminator mapping pairs them.
    ("one-of-discriminator-mapping", "response", PETS_OLD, PETS_NEW,
     [("discriminator-mapping-changed", "1:1", "1:1"), ("discriminator-mapping-changed", "1:1", "1:1"),
      ("max-length-set", "16:9", "24:9"), ("min-set", "23:9", "16:9")]),
    # X alone -> oneOf [X, Y]: X pairs with its branch; Y widens what is accepted.
    ("ref-to-one-of-with-ref", "response", holder(REF_X) + X_DEFS + Y_DEFS, holder(X_OR_Y) + X_DEFS + Y_DEFS,
     [("one-of-added", "7:5", "16:5")]),
    ("ref-to-one-of-with-ref", "request", holder(REF_X) + X_DEFS + Y_DEFS, holder(X_OR_Y) + X_DEFS + Y_DEFS,
     [("one-of-added", "7:5", "16:5")]),
    ("one-of-with-ref-to-ref", "request", holder(X_OR_Y) + X_DEFS + Y_DEFS, holder(REF_X) + X_DEFS + Y_DEFS,
     [("one-of-removed", "16:5", "7:5")]),

    # Dialects: the same tuple in draft-07 and 2020-12 spelling; then one item's type changed.
    ("tuple-items-to-prefix-items", "request", TUPLE_07, TUPLE_2020, []),
    ("tuple-item-type-changed", "response", TUPLE_07, TUPLE_2020.replace("type: integer", "type: boolean"),
     [("type-changed", "5:5", "5:5")]),
    # Beside a $ref, draft-07 ignores maxLength (no change); 2019-09 applies it (a tighter limit).
    ("ref-siblings-ignored-draft-07", "request", D07 + SIBLINGS % 5, D07 + SIBLINGS % 3, []),
    ("ref-siblings-applied-2019-09", "request", D2019 + SIBLINGS % 5, D2019 + SIBLINGS % 3,
     [("max-length-decreased", "5:5", "5:5")]),
    ("ref-siblings-ignored-draft-04", "response", D04 + SIBLINGS % 5, D04 + SIBLINGS % 3, []),
    # draft-07 `dependencies` (both kinds) is 2019-09's dependentRequired + dependentSchemas.
    ("dependencies-to-dependent-keywords", "request", DEPS_07, DEPS_2019, []),
    ("dependencies-required-added", "request", D07 + "type: object\n", DEPS_07,
     [("dependent-required-added", "1:1", "1:1"), ("dependent-schema-added", "1:1", "1:1")]),
    # In 2020-12 `dependencies` is no keyword (an unknown keyword constrains nothing).
    ("dependencies-not-a-2020-keyword", "request", D2020 + "type: object\n", D2020 + "type: object\ndependencies:\n  card: [billing]\n", []),
    # Recursion through $dynamicRef (2020-12) / $recursiveRef (2019-09) is the same as through $ref '#'.
    ("dynamic-ref-to-ref", "response", D2020 + "$dynamicAnchor: node\n" + TREE % "$dynamicRef: '#node'",
     D2020 + "$dynamicAnchor: node\n" + TREE % "$ref: '#'", []),
    ("recursive-ref-to-ref", "response", D2019 + "$recursiveAnchor: true\n" + TREE % "$recursiveRef: '#'",
     D2019 + "$recursiveAnchor: true\n" + TREE % "$ref: '#'", []),
    ("dynamic-ref-property-removed", "response", D2020 + "$dynamicAnchor: node\n" + TREE % "$dynamicRef: '#node'",
     D2020 + "$dynamicAnchor: node\n" + (TREE % "$dynamicRef: '#node'").replace("  value:\n    type: string\n", ""),
     [("optional-property-removed", "6:5", "1:1")]),
    # A plain-name fragment ($anchor) names the same schema as its JSON Pointer.
    ("anchor-to-pointer", "request", D2020 + ANCHORED % "#addr", D2020 + ANCHORED % "#/$defs/addr", []),
    ("anchor-type-changed", "request", D2020 + ANCHORED % "#addr",
     D2020 + (ANCHORED % "#addr").replace("    type: string", "    type: integer"), [("type-changed", "8:5", "8:5")]),
    # draft-04 `id` names a base URI; a $ref to it lands on that schema.
    ("draft-04-id-base", "request",
     D04 + "type: object\nproperties:\n  p:\n    $ref: 'item.json'\ndefinitions:\n  item:\n    id: 'item.json'\n    type: string\n",
     D04 + "type: object\nproperties:\n  p:\n    $ref: '#/definitions/item'\ndefinitions:\n  item:\n    id: 'item.json'\n    type: string\n",
     []),
    # if/then/else with the same `if`: the branches compare like any subschema.
    ("conditional-then-required", "request", IF_A_THEN_B, IF_A_THEN_B.replace("[b]", "[b, c]"),
     [("property-became-required", "5:3", "5:3")]),
    ("allof-halves", "response", SPLIT_OLD, SPLIT_NEW, []),
    ("allof-halves", "request", SPLIT_OLD, SPLIT_NEW, []),
    ("ref-to-allof-ref", "response", holder(REF_X) + X_DEFS, holder(WRAP_X) + X_DEFS, []),
    ("ref-to-allof-ref-empty", "response", holder(REF_X) + X_DEFS, holder(WRAP_X_EMPTY) + X_DEFS, []),
    ("ref-to-allof-ref-extra", "response", holder(REF_X) + X_DEFS, holder(WRAP_X_EXTRA) + X_DEFS,
     [("property-added", "7:5", "9:13")]),
    # The GitHub shape: a property removed from X stays visible behind the wrapper.
    ("allof-hidden-removal", "response", holder(WRAP_X_EXTRA) + X_DEFS, holder(WRAP_X_EXTRA) + X_DEFS_NO_NAME,
     [("optional-property-removed", "17:9", "4:5")]),
    ("allof-wrapper-required", "request", holder(WRAP_X) + X_DEFS,
     holder(WRAP_X + "\nrequired: [name]") + X_DEFS, [("property-became-required", "13:9", "14:9")]),
    ("allof-types-intersect", "response", "type: integer\n", "allOf:\n  - type: number\n  - type: integer\n", []),
    ("allof-tighter-bound", "request", "type: integer\nmaximum: 10\n",
     "allOf:\n  - type: integer\n    maximum: 10\n  - maximum: 5\n", [("max-decreased", "1:1", "1:1")]),
    ("nullable-30-to-anyof-null", "response", "type: string\nnullable: true\n",
     "anyOf:\n  - type: string\n  - type: 'null'\n", []),
    # null in an enum is nullability: 3.0 `nullable` + enum against 3.1's type array + null in the enum.
    ("nullable-enum-null", "request", "type: string\nnullable: true\nenum: [a, b]\n",
     "type: [string, 'null']\nenum: [a, b, null]\n", []),
    ("enum-null-added", "response", "enum: [a, b]\n", "enum: [a, b, null]\n", [("became-nullable", "1:1", "1:1")]),
    # With `type: string`, a null in the enum is unreachable: no nullability, no change.
    ("enum-null-under-type", "request", "type: string\nenum: [a, b]\n", "type: string\nenum: [a, b, null]\n", []),
    ("nullable-type-array", "request", "type: string\nnullable: true\n", "type: [string, 'null']\n", []),
    ("allof-not-merged-unchanged", "response", "allOf:\n  - type: string\n  - type: integer\n",
     "allOf:\n  - type: string\n  - type: integer\n", []),
    ("any-of-to-one-of-disjoint", "request", branches("anyOf", ["string", "integer"]),
     branches("oneOf", ["integer", "string"]), []),
    ("one-of-reordered", "request", branches("oneOf", ["string", "integer"]), branches("oneOf", ["integer", "string"]), []),
    ("anchors-shared-removed", "response", ANCHORS_OLD, ANCHORS_NEW,
     # One finding per property; the places share the aliased node's position (3:6, the anchor).
     [("optional-property-removed", "3:6", "1:1"), ("optional-property-removed", "3:6", "1:1"),
      ("optional-property-removed", "3:6", "1:1")]),
]


# What the JSON Schema format finds in the cases that use OpenAPI's vocabulary
# (diff/schema/profile.h, json_schema_profile): `nullable`, `discriminator`,
# x-sunset and x-stability-level are unknown keywords there, readOnly/writeOnly
# filter no direction, int32/int64 are unrelated formats. Written as
# jsonschema-expected.txt (rule suffixes, places 1:1 1:1); tests/jsonschema
# checks them instead of expected.txt.
JSONSCHEMA_DIFFERS = {
    "became-nullable": [],
    "deprecated-without-sunset": ['became-deprecated'],
    "discriminator-added": [],
    "discriminator-mapping-added": [],
    "discriminator-mapping-changed": [],
    "discriminator-mapping-removed": [],
    "discriminator-property-name-changed": [],
    "discriminator-removed": [],
    "format-narrowed": ['format-changed'],
    "format-widened": ['format-changed'],
    "property-became-not-read-only": [],
    "property-became-not-write-only": [],
    "property-became-read-only": [],
    "property-became-write-only": [],
    "required-property-became-not-read-only": [],
    "required-property-became-write-only": [],
    "stability-decreased": [],
    "sunset-invalid": [],
}


def write_case(path, old, new, lines):
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "old.yaml"), "w") as f:
        f.write(old)
    with open(os.path.join(path, "new.yaml"), "w") as f:
        f.write(new)
    with open(os.path.join(path, "expected.txt"), "w") as f:
        for line in lines:
            f.write(line + "\n")


def write_rule_case(root, case):
    """One CASES entry's fixture folders: <direction>-<change>/ under root
    (fixtures/schema), one per direction (scripts/new-rule jsonschema
    writes a scaffolded case's folders with it)."""
    change, directions, old, new, expected, *budgets = case
    dirs = ["request", "response"] if directions == "both" else [directions]
    for d in dirs:
        path = os.path.join(root, "%s-%s" % (d, change))
        os.makedirs(path, exist_ok=True)
        if budgets:
            with open(os.path.join(path, "budgets.txt"), "w") as f:
                f.write("%d %d\n" % budgets[0])
        with open(os.path.join(path, "old.yaml"), "w") as f:
            f.write(old)
        with open(os.path.join(path, "new.yaml"), "w") as f:
            f.write(new)
        with open(os.path.join(path, "expected.txt"), "w") as f:
            for rule, o, n in expected:
                f.write("openapi.%s-%s %s %s\n" % (d, rule, o, n))
        if change in JSONSCHEMA_DIFFERS:
            mode = "backward" if d == "request" else "forward"
            with open(os.path.join(path, "jsonschema-expected.txt"), "w") as f:
                f.write("# JSON Schema reads none of OpenAPI's vocabulary (make_fixtures.py)\n")
                for rule in JSONSCHEMA_DIFFERS[change]:
                    f.write("jsonschema.%s-%s 1:1 1:1\n" % (mode, rule))


def main():
    root = os.path.join("fixtures", "schema")
    for name, d, old, new, expected in NORMALIZE:
        write_case(os.path.join(root, "_normalize", "%s-%s" % (d, name)), old, new,
                   ["openapi.%s-%s %s %s" % (d, rule, o, n) for rule, o, n in expected])
    for case in CASES:
        write_rule_case(root, case)


if __name__ == "__main__":
    main()
