#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

#include "registry/pact/pact_path.h"
#include "registry/pact/pact_usage.h"

using namespace accord::registry;

namespace {

std::string write_temp(const std::string& text) {
  static int n = 0;
  const std::string path = "/tmp/accord-pact-" + std::to_string(::getpid()) + "-" + std::to_string(n++) + ".json";
  std::ofstream(path) << text;
  return path;
}

bool has_field(const std::vector<PactUsage>& u, std::string_view field) {
  return std::any_of(u.begin(), u.end(), [&](const PactUsage& p) { return p.field == field; });
}

}  // namespace

TEST_CASE("pact v2 interactions and matchers become usage", "[registry][pacts]") {
  const std::string path = write_temp(R"({"consumer":{"name":"web"},"provider":{"name":"users"},"interactions":[
    {"description":"get","request":{"method":"get","path":"/users/1"},
     "response":{"status":200,"body":{"id":1,"name":"A","tags":[{"label":"x"}]},
       "matchingRules":{"$.body.email":{"match":"type"},"$.body.items[0].sku":{"match":"type"}}}}],
    "metadata":{"pactSpecification":{"version":"2.0.0"}}})");
  auto usage = read_pact_usage(path);
  REQUIRE(usage.ok());
  REQUIRE_FALSE(usage->empty());
  CHECK(usage->front().consumer == "web");
  CHECK(usage->front().method == "GET");
  CHECK(usage->front().path == "/users/1");
  CHECK(usage->front().field.empty());
  CHECK(has_field(*usage, "$.name"));
  CHECK(has_field(*usage, "$.tags[*].label"));
  CHECK(has_field(*usage, "$.email"));
  CHECK(has_field(*usage, "$.items[*].sku"));
  std::remove(path.c_str());
}

TEST_CASE("pact v4 HTTP interactions, messages skipped, bad files refused", "[registry][pacts]") {
  const std::string path = write_temp(R"({"consumer":{"name":"ios"},"provider":{"name":"users"},"interactions":[
    {"type":"Synchronous/HTTP","request":{"method":"DELETE","path":"/users/2"},
     "response":{"status":204,"matchingRules":{"body":{"$.result":{"combine":"AND","matchers":[]}}},
       "body":{"content":{"ok":true},"contentType":"application/json","encoded":false}}},
    {"type":"Asynchronous/Messages","contents":{}}]})");
  auto usage = read_pact_usage(path);
  REQUIRE(usage.ok());
  CHECK(usage->front().method == "DELETE");
  CHECK(has_field(*usage, "$.ok"));
  CHECK(has_field(*usage, "$.result"));
  CHECK(std::all_of(usage->begin(), usage->end(), [](const PactUsage& p) { return p.path == "/users/2"; }));
  const std::string bad = write_temp(R"({"interactions":[]})");
  CHECK_FALSE(read_pact_usage(bad).ok());
  const std::string broken = write_temp("{\"consumer\":");
  auto err = read_pact_usage(broken);
  REQUIRE_FALSE(err.ok());
  CHECK(err.error().line > 0);
  for (const auto& p : {path, bad, broken}) std::remove(p.c_str());
}

TEST_CASE("pact JSON paths compare exactly with the diff's schema paths", "[registry][pacts]") {
  CHECK(schema_path_of("$.items[*].display_name") == "items/items/display_name");
  CHECK(schema_path_of("$.matrix[*][*]") == "matrix/items/items");
  CHECK(schema_path_of("$['x-id'].name") == "x-id/name");
  CHECK(reads_schema_path("$.items[*].display_name", "items/items/display_name"));
  CHECK(reads_schema_path("$.user.address.city", "user/address"));  // inside a removed object
  CHECK_FALSE(reads_schema_path("$.items[*].display_name", "display_name"));  // another place, same name
  CHECK_FALSE(reads_schema_path("$.user", "user/address"));
  CHECK(parse_pact_field("request:$.email").part == PactPart::request_body);
  CHECK(parse_pact_field("request:$.email").name == "$.email");
  CHECK(parse_pact_field("$.email").part == PactPart::response_body);
}

TEST_CASE("pact requests record the body fields, query and headers they send", "[registry][pacts]") {
  const std::string path = write_temp(R"({"consumer":{"name":"web"},"provider":{"name":"users"},"interactions":[
    {"description":"add","request":{"method":"POST","path":"/users","query":"dry=1&tag=a",
       "headers":{"X-Trace":"1"},"body":{"name":"A","emails":[{"address":"a@b"}]}},
     "response":{"status":201}}]})");
  auto usage = read_pact_usage(path);
  REQUIRE(usage.ok());
  CHECK(has_field(*usage, "request:$.name"));
  CHECK(has_field(*usage, "request:$.emails[*].address"));
  CHECK(has_field(*usage, "query:dry"));
  CHECK(has_field(*usage, "query:tag"));
  CHECK(has_field(*usage, "header:X-Trace"));
  CHECK_FALSE(has_field(*usage, "$.name"));  // sent, not read
  std::remove(path.c_str());
}
