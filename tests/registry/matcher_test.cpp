#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "registry/spec/operation_matcher.h"

using namespace accord::registry;

namespace {

SpecOperations sample_spec() {
  SpecOperations spec;
  auto add = [&](std::string method, std::string path) {
    SpecOperation op;
    op.method = method;
    op.path = path;
    op.key = operation_key(method, path);
    op.label = method + " " + path;
    spec.operations.push_back(op);
  };
  add("GET", "/users");
  add("GET", "/users/{id}");
  add("GET", "/users/me");
  add("GET", "/users/{id}/posts/{postId}");
  add("POST", "/users");
  add("GET", "/files/{name}/meta");
  add("GET", "/files/latest/content");
  spec.base_paths = {"/api/v2"};
  return spec;
}

}  // namespace

TEST_CASE("requests match method and path template", "[registry][matcher]") {
  SpecOperations spec = sample_spec();
  OperationMatcher m(spec);
  CHECK(m.match("GET", "/users") == 0);
  CHECK(m.match("get", "/users/") == 0);
  CHECK(m.match("GET", "/users/42") == 1);
  CHECK(m.match("GET", "/users/me") == 2);  // literal beats parameter
  CHECK(m.match("GET", "/users/42/posts/7?x=1") == 3);
  CHECK(m.match("POST", "/users") == 4);
  CHECK(m.match("DELETE", "/users/42") == OperationMatcher::kNoMatch);
  CHECK(m.match("GET", "/users/42/comments") == OperationMatcher::kNoMatch);
  CHECK(m.match("BREW", "/users") == OperationMatcher::kNoMatch);
  // "latest" is a literal on one branch but must fall back to {name} for /meta.
  CHECK(m.match("GET", "/files/latest/meta") == 5);
  CHECK(m.match("GET", "/files/latest/content") == 6);
}

// Segments are found and hashed eight bytes at a time: literals of every
// length around a word, and a '?' or '#' in each byte position of a word.
TEST_CASE("long literal segments match whatever their length and where the query starts", "[registry][matcher]") {
  SpecOperations spec;
  const std::vector<std::string> literals = {"abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnop",
                                             "abcdefghijklmnopq"};
  for (const std::string& literal : literals) {
    SpecOperation op;
    op.method = "GET";
    op.path = "/" + literal + "/items";
    op.key = operation_key(op.method, op.path);
    spec.operations.push_back(op);
  }
  OperationMatcher m(spec);
  for (size_t i = 0; i < literals.size(); ++i) {
    CAPTURE(literals[i]);
    CHECK(m.match("GET", "/" + literals[i] + "/items") == static_cast<int>(i));
    CHECK(m.match("GET", "/" + literals[i] + "/items/") == static_cast<int>(i));
    CHECK(m.match("GET", "/" + literals[i] + "x/items") == OperationMatcher::kNoMatch);
    CHECK(m.match("GET", "/" + literals[i].substr(1) + "/items") == OperationMatcher::kNoMatch);
    for (std::string tail : {"?", "#", "?a=b/c", "#/x"}) {
      CAPTURE(tail);
      CHECK(m.match("GET", "/" + literals[i] + "/items" + tail) == static_cast<int>(i));
      CHECK(m.match("GET", "/" + literals[i] + tail) == OperationMatcher::kNoMatch);
    }
  }
}

TEST_CASE("server base paths are stripped, absolute targets reduced to their path", "[registry][matcher]") {
  SpecOperations spec = sample_spec();
  OperationMatcher m(spec);
  CHECK(m.match("GET", "/api/v2/users/9") == 1);
  CHECK(m.match("GET", "http://example.com/api/v2/users") == 0);
  CHECK(m.match("GET", "/api/v2x/users") == OperationMatcher::kNoMatch);
}

TEST_CASE("route templates from the log match by key", "[registry][matcher]") {
  SpecOperations spec = sample_spec();
  OperationMatcher m(spec);
  CHECK(m.match_route("GET", "/users/{userId}") == 1);
  CHECK(m.match_route("GET", "/users/:id/posts/:post") == 3);
  CHECK(m.match_route("GET", "/api/v2/users/{x}") == 1);
}

TEST_CASE("spec operations read servers, basePath, deprecated and x-sunset", "[registry][spec]") {
  const std::string path = "/tmp/accord-registry-spec-test.yaml";
  std::ofstream(path) << "swagger: '2.0'\nbasePath: /v1/\npaths:\n  /pets/{petId}:\n    get:\n      deprecated: true\n"
                         "      x-sunset: '2027-06-30'\n    delete: {}\n";
  auto spec = load_spec_operations(path);
  REQUIRE(spec.ok());
  REQUIRE(spec->operations.size() == 2);
  CHECK(spec->operations[0].label == "GET /pets/{petId}");
  CHECK(spec->operations[0].key == "GET /pets/{}");
  CHECK(spec->operations[0].deprecated);
  CHECK(spec->operations[0].sunset == "2027-06-30");
  CHECK_FALSE(spec->operations[1].deprecated);
  REQUIRE(spec->base_paths.size() == 1);
  CHECK(spec->base_paths[0] == "/v1");
  std::ofstream(path) << "{\"not\": \"a spec\"}";
  auto bad = load_spec_operations(path);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().line == 1);
}
