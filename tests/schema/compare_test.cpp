// The schema comparator beyond single rules: property paths and places,
// $refs (into other files, inline vs referenced), and spellings that accept
// the same instances (wrappers, reordering, readOnly/writeOnly).
// Walking cycles, shortest paths and the cache: walk_test.cpp.
#include "tests/schema/compare_support.h"

using namespace accord;
using namespace accord::schema_test;

TEST_CASE("findings name the property path and point at the exact schema nodes", "[schema][compare]") {
  Pair p(kOrdersOld, kOrdersNew);
  Run run = compare(p, "/components/schemas/Order", Direction::request);
  REQUIRE(run.status.ok());
  CHECK(summary(run.findings) ==
        std::vector<std::string>{
            "openapi.request-max-length-decreased address/street /components/schemas/Address/properties/street "
            "/components/schemas/Address/properties/street ",
            "openapi.request-type-changed lines/items/id /components/schemas/Order/properties/lines/items/properties/id "
            "/components/schemas/Order/properties/lines/items/properties/id ",
        });
  for (const diff::Finding& f : run.findings) {
    if (f.rule != "openapi.request-max-length-decreased") continue;
    CHECK(f.old_place->line == 18);
    CHECK(f.old_place->column == 17);
    CHECK(f.arg("old") == "80");
    CHECK(f.arg("new") == "40");
    CHECK(f.arg("where") == "request body property 'address/street'");
  }
}

TEST_CASE("places follow $refs into the file that defines the schema", "[schema][compare]") {
  core::DocumentSet old_set, new_set;
  auto o = old_set.load("fixtures/schema/_cases/refs/old/api.yaml");
  auto n = new_set.load("fixtures/schema/_cases/refs/new/api.yaml");
  REQUIRE(o.ok());
  REQUIRE(n.ok());
  diff::SchemaComparator comparator(old_set, new_set, diff::openapi_schema_profile());
  diff::FindingSink sink;
  const std::string pointer = "/components/schemas/Order";
  auto status = comparator.compare(core::pointer_resolve((*o)->root(), pointer), pointer,
                                   core::pointer_resolve((*n)->root(), pointer), pointer, Direction::request, {}, sink);
  REQUIRE(status.ok());
  REQUIRE(sink.findings().size() == 1);
  const diff::Finding& f = sink.findings()[0];
  CHECK(f.rule == "openapi.request-max-length-decreased");
  CHECK(f.arg("property") == "customer/email");
  CHECK(f.old_place->file == "fixtures/schema/_cases/refs/old/common.yaml");
  CHECK(f.new_place->file == "fixtures/schema/_cases/refs/new/common.yaml");
  CHECK(f.old_place->pointer == "/Customer/properties/email");
  CHECK(f.old_place->line == 5);
  CHECK(f.new_place->line == 6);
}

TEST_CASE("an inline schema equals the same schema behind a $ref, reordering changes nothing", "[schema][compare]") {
  Pair p(R"(
Pet:
  type: object
  required: [id, name]
  properties:
    id: {type: integer, format: int64}
    name: {type: string}
    kind:
      oneOf:
        - {type: string, enum: [cat, dog]}
        - {type: integer}
)",
         R"(
Pet:
  properties:
    kind:
      oneOf:
        - $ref: '#/Number'
        - $ref: '#/Kind'
    name: {type: string}
    id: {format: int64, type: integer}
  required: [name, id]
  type: object
Kind: {enum: [cat, dog], type: string}
Number: {type: integer}
)");
  no_findings_either_way(p, "/Pet");
}

// Both branches declare the same property: by similarity every pair ties,
// and pairing by position would pair each with the other's twin. Only the
// equivalence check pairs them right, through what it ignores (key order,
// annotations, a number's spelling: maxProperties 1 and 1.0 sit within the
// two levels its shape hash reads, so a hash of the text would fail here).
TEST_CASE("reordered branches that differ only in spelling pair with their twins", "[schema][compare]") {
  Pair p(R"(
Pet:
  oneOf:
    - {type: object, required: [k], maxProperties: 1, properties: {k: {const: 1}}}
    - {type: object, required: [k], maxProperties: 2, properties: {k: {const: 2}}}
)",
         R"(
Pet:
  oneOf:
    - {properties: {k: {const: 2.0}}, required: [k], maxProperties: 2.0, type: object}
    - {description: one, maxProperties: 1.0, properties: {k: {const: 1.0, title: K}}, type: object, required: [k]}
)");
  no_findings_either_way(p, "/Pet");
}

TEST_CASE("wrappers: a one-branch allOf is its branch, oneOf with null is nullable", "[schema][compare]") {
  Pair p(R"(
Account: {type: object, properties: {id: {type: string}}}
Holder:
  type: object
  properties:
    account:
      oneOf:
        - type: 'null'
        - $ref: '#/Account'
    owner:
      description: the owner
      allOf:
        - $ref: '#/Account'
    backup:
      $ref: '#/Account'
)",
         R"(
Account: {type: object, properties: {id: {type: string}}}
Holder:
  type: object
  properties:
    account:
      $ref: '#/Account'
    owner:
      $ref: '#/Account'
    backup:
      anyOf:
        - $ref: '#/Account'
        - type: 'null'
)");
  Run response = compare(p, "/Holder", Direction::response);
  REQUIRE(response.status.ok());
  CHECK(summary(response.findings) ==
        std::vector<std::string>{
            "openapi.response-became-not-nullable account /Holder/properties/account /Account ",
            "openapi.response-became-nullable backup /Account /Holder/properties/backup ",
        });
}

TEST_CASE("readOnly properties are ignored in requests, writeOnly ones in responses", "[schema][compare]") {
  Pair p("{type: object, properties: {a: {type: string}}}",
         "{type: object, required: [id, secret], properties: {a: {type: string}, id: {type: string, readOnly: true}, "
         "secret: {type: string, writeOnly: true}}}");
  Run request = compare(p, "", Direction::request);
  CHECK(summary(request.findings) ==
        std::vector<std::string>{"openapi.request-required-property-added secret  /properties/secret "});
  Run response = compare(p, "", Direction::response);
  CHECK(summary(response.findings) ==
        std::vector<std::string>{"openapi.response-property-added id  /properties/id "});
}
