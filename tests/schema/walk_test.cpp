// The schema comparator's walk: recursive schemas terminate, a change reached
// along several paths is reported once, the cache replays what comparing
// without it finds, and unusable schemas are errors, not crashes.
#include "tests/schema/compare_support.h"

using namespace accord;
using namespace accord::schema_test;

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
