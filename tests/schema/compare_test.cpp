// The schema comparator beyond single rules: property paths and places,
// $refs (into other files, inline vs referenced), cycles, and the cache.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/json_pointer.h"
#include "core/loader.h"
#include "diff/openapi/schema_profile.h"
#include "diff/schema/compare.h"

using namespace accord;
using diff::Direction;

namespace {

struct Pair {
  core::DocumentSet old_set, new_set;
  const core::Document* old_doc = nullptr;
  const core::Document* new_doc = nullptr;
  Pair(const char* old_yaml, const char* new_yaml) {
    auto o = core::load_text("old.yaml", old_yaml);
    auto n = core::load_text("new.yaml", new_yaml);
    REQUIRE(o.ok());
    REQUIRE(n.ok());
    old_doc = old_set.adopt(std::move(*o));
    new_doc = new_set.adopt(std::move(*n));
  }
};

struct Run {
  std::vector<diff::Finding> findings;
  core::Status status = core::ok_status();
};

Run compare(diff::SchemaComparator& comparator, const Pair& p, const std::string& old_pointer,
            const std::string& new_pointer, Direction d, const std::string& operation = {}) {
  diff::FindingSink sink;
  diff::SchemaScope scope{operation, "request body", ""};
  Run run;
  run.status = comparator.compare(core::pointer_resolve(p.old_doc->root(), old_pointer), old_pointer,
                                  core::pointer_resolve(p.new_doc->root(), new_pointer), new_pointer, d, scope, sink);
  run.findings = sink.take();
  return run;
}

Run compare(Pair& p, const std::string& pointer, Direction d) {
  diff::SchemaComparator comparator(p.old_set, p.new_set, diff::openapi_schema_profile());
  return compare(comparator, p, pointer, pointer, d);
}

// "rule property old-pointer new-pointer", sorted: a comparable summary.
std::vector<std::string> summary(const std::vector<diff::Finding>& findings) {
  std::vector<std::string> out;
  for (const diff::Finding& f : findings)
    out.push_back(f.rule + " " + std::string(f.arg("property")) + " " + (f.old_place ? f.old_place->pointer : "-") +
                  " " + (f.new_place ? f.new_place->pointer : "-") + " " + f.operation);
  std::sort(out.begin(), out.end());
  return out;
}

// The schema at `pointer` compares clean both ways (request and response).
void no_findings_either_way(Pair& p, const std::string& pointer) {
  for (Direction d : {Direction::request, Direction::response}) {
    Run run = compare(p, pointer, d);
    REQUIRE(run.status.ok());
    CHECK(summary(run.findings).empty());
  }
}

const char* kOrdersOld = R"(
components:
  schemas:
    Order:
      type: object
      properties:
        address:
          $ref: '#/components/schemas/Address'
        lines:
          type: array
          items:
            type: object
            properties:
              id: {type: integer}
    Address:
      type: object
      properties:
        street: {type: string, maxLength: 80}
)";
const char* kOrdersNew = R"(
components:
  schemas:
    Order:
      type: object
      properties:
        address:
          $ref: '#/components/schemas/Address'
        lines:
          type: array
          items:
            type: object
            properties:
              id: {type: string}
    Address:
      type: object
      properties:
        street: {type: string, maxLength: 40}
)";

}  // namespace

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

namespace {
// Person <-> Pet recursion; the change is deep inside Pet.
const char* kCycleOld = R"(
Person:
  type: object
  properties:
    name: {type: string}
    pet: {$ref: '#/Pet'}
Pet:
  type: object
  properties:
    owner: {$ref: '#/Person'}
    tag: {type: string, maxLength: 10}
    friends:
      type: array
      items: {$ref: '#/Pet'}
)";
const char* kCycleNew = R"(
Person:
  type: object
  properties:
    name: {type: string}
    pet: {$ref: '#/Pet'}
Pet:
  type: object
  properties:
    owner: {$ref: '#/Person'}
    tag: {type: string, maxLength: 5}
    friends:
      type: array
      items: {$ref: '#/Pet'}
)";
}  // namespace

TEST_CASE("mutually recursive schemas that change deep inside terminate with each change once", "[schema][compare]") {
  Pair p(kCycleOld, kCycleNew);
  Run person = compare(p, "/Person", Direction::request);
  REQUIRE(person.status.ok());
  CHECK(summary(person.findings) ==
        std::vector<std::string>{"openapi.request-max-length-decreased pet/tag /Pet/properties/tag /Pet/properties/tag "});
  Run pet = compare(p, "/Pet", Direction::request);
  CHECK(summary(pet.findings) ==
        std::vector<std::string>{"openapi.request-max-length-decreased tag /Pet/properties/tag /Pet/properties/tag "});
}

TEST_CASE("a root that every property references with siblings is compared once, not per nesting", "[schema][compare]") {
  // The shape of a renovate.json-like schema: each option is `$ref: '#'`
  // plus its own default, so a naive walk nests options inside options.
  std::string old_yaml = "type: object\nproperties:\n";
  std::string new_yaml = old_yaml;
  for (int i = 0; i < 40; ++i) {
    std::string name = "option" + std::to_string(i);
    old_yaml += "  " + name + ": {$ref: '#', default: {}}\n";
    new_yaml += "  " + name + ": {$ref: '#', default: {}}\n";
  }
  old_yaml += "  mode: {type: string, enum: [a, b]}\n";
  new_yaml += "  mode: {type: string, enum: [a, b, c]}\n";
  Pair p(old_yaml.c_str(), new_yaml.c_str());
  Run run = compare(p, "", Direction::response);
  REQUIRE(run.status.ok());
  CHECK(summary(run.findings) ==
        std::vector<std::string>{"openapi.response-enum-value-added mode /properties/mode /properties/mode "});
}

TEST_CASE("a change reached along several paths is reported once, at its shortest path", "[schema][compare]") {
  // Invoice is reachable as /invoice, /customer/invoice and
  // /customer/subscription/invoice: one change, one finding.
  const char* old_yaml = R"(
Root:
  type: object
  properties:
    customer: {$ref: '#/Customer'}
    invoice: {$ref: '#/Invoice'}
Customer:
  type: object
  properties:
    invoice: {$ref: '#/Invoice'}
    subscription: {$ref: '#/Subscription'}
Subscription:
  type: object
  properties:
    invoice: {$ref: '#/Invoice'}
Invoice:
  type: object
  properties:
    collection_method: {type: string}
)";
  std::string new_yaml = std::string(old_yaml) + "  required: [collection_method]\n";
  Pair p(old_yaml, new_yaml.c_str());
  for (bool caching : {true, false}) {
    diff::SchemaComparator comparator(p.old_set, p.new_set, diff::openapi_schema_profile());
    comparator.set_caching(caching);
    Run run = compare(comparator, p, "/Root", "/Root", Direction::response);
    REQUIRE(run.status.ok());
    CHECK(summary(run.findings) == std::vector<std::string>{"openapi.response-property-became-required "
                                                            "invoice/collection_method "
                                                            "/Invoice/properties/collection_method "
                                                            "/Invoice/properties/collection_method "});
  }
}

TEST_CASE("the cache replays exactly what comparing without it finds", "[schema][compare]") {
  Pair p(kCycleOld, kCycleNew);
  Pair orders(kOrdersOld, kOrdersNew);
  // The same schemas reached in many orders and through many "operations",
  // as an OpenAPI walker would: every pair reached once cold and once warm.
  const std::vector<std::string> entries = {"/Pet", "/Person", "/Pet/properties/owner", "/Person/properties/pet",
                                            "/Pet/properties/friends", "/Person", "/Pet"};
  for (Direction d : {Direction::request, Direction::response}) {
    diff::SchemaComparator cached(p.old_set, p.new_set, diff::openapi_schema_profile());
    diff::SchemaComparator uncached(p.old_set, p.new_set, diff::openapi_schema_profile());
    uncached.set_caching(false);
    for (size_t i = 0; i < entries.size(); ++i) {
      std::string op = "op" + std::to_string(i);
      Run warm = compare(cached, p, entries[i], entries[i], d, op);
      Run cold = compare(uncached, p, entries[i], entries[i], d, op);
      INFO("entry " << entries[i]);
      CHECK(summary(warm.findings) == summary(cold.findings));
      CHECK_FALSE(cold.findings.empty());
      for (const diff::Finding& f : warm.findings) CHECK(f.operation == op);
    }
  }
  diff::SchemaComparator cached(orders.old_set, orders.new_set, diff::openapi_schema_profile());
  diff::SchemaComparator uncached(orders.old_set, orders.new_set, diff::openapi_schema_profile());
  uncached.set_caching(false);
  for (int round = 0; round < 2; ++round)
    for (const char* e : {"/components/schemas/Order", "/components/schemas/Address"}) {
      Run warm = compare(cached, orders, e, e, Direction::response, "GET /orders");
      Run cold = compare(uncached, orders, e, e, Direction::response, "GET /orders");
      CHECK(summary(warm.findings) == summary(cold.findings));
    }
}

TEST_CASE("unusable schemas are errors with a position, not crashes", "[schema][compare]") {
  Pair p("{type: object, properties: {a: {$ref: '#/missing'}}}", "{type: object, properties: {a: {type: string}}}");
  Run run = compare(p, "", Direction::request);
  REQUIRE_FALSE(run.status.ok());
  CHECK(run.status.error().file == "old.yaml");
  CHECK(run.status.error().line == 1);
  CHECK(run.status.error().message.find("dangling") != std::string::npos);
  Pair scalar("{type: object, properties: {a: 42}}", "{type: object, properties: {a: {type: string}}}");
  Run bad = compare(scalar, "", Direction::response);
  REQUIRE_FALSE(bad.status.ok());
  CHECK(bad.status.error().message.find("not a schema") != std::string::npos);
}
