// The library without the network: which request each operation of the
// fixture turns into (or why it is skipped), and how a response is held
// against the declaration.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "contracts/spec_test/request_plan.h"
#include "contracts/spec_test/response_check.h"
#include "contracts/spec_test/runner.h"
#include "core/schema.h"

using namespace accord;
using namespace accord::contracts;

namespace {

std::unique_ptr<spec_test::LoadedSpec> load(const std::string& path) {
  auto spec = spec_test::load_spec(path);
  REQUIRE(spec.ok());
  return std::move(*spec);
}

const diff::openapi::Operation& operation(const spec_test::LoadedSpec& spec, const std::string& label) {
  for (const auto& op : spec.api.operations)
    if (op.label == label) return op;
  FAIL("no operation " << label);
  throw std::logic_error("unreachable");
}

std::vector<spec_test::Plan> plans(spec_test::LoadedSpec& spec, const std::string& label) {
  core::SchemaGraph graph(spec.documents);
  return spec_test::plan_requests(spec.documents, graph, spec.api, operation(spec, label));
}

// The one plan of an operation without named examples.
spec_test::Plan plan(spec_test::LoadedSpec& spec, const std::string& label) {
  auto all = plans(spec, label);
  REQUIRE(all.size() == 1);
  return all.front();
}

http::Response json_response(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  r.body = std::move(body);
  return r;
}

bool has_path(const matching::Mismatches& ms, const std::string& path) {
  for (const auto& m : ms)
    if (m.path == path) return true;
  return false;
}

}  // namespace

TEST_CASE("path and query parameters come from their examples") {
  auto spec = load("fixtures/spec_test/petstore.yaml");
  auto p = plan(*spec, "GET /pets/{id}");
  REQUIRE(p.request);
  CHECK(p.request->method == "GET");
  CHECK(p.request->path == "/pets/7");
  REQUIRE(p.request->query.size() == 1);
  CHECK(p.request->query[0].first == "fields");
  CHECK(p.request->query[0].second == std::vector<std::string>{"name"});
  const std::string* accept = http::find_header(p.request->headers, "Accept");
  REQUIRE(accept);
  CHECK(*accept == "application/json");
  CHECK_FALSE(p.request->has_body);
}

TEST_CASE("every named example of a request body is one request, sent as JSON with its media type") {
  auto spec = load("fixtures/spec_test/petstore.yaml");
  auto all = plans(*spec, "POST /pets");
  REQUIRE(all.size() == 2);
  CHECK(all[0].example == "rex");
  CHECK(all[1].example == "tom");
  REQUIRE(all[0].request);
  REQUIRE(all[1].request);
  CHECK(all[0].request->body == R"({"id":11,"name":"Rex"})");
  CHECK(all[1].request->body == R"({"id":12,"name":"Tom"})");
  for (const auto& p : all) {
    CHECK(p.request->has_body);
    CHECK(p.request->generated.empty());
    const std::string* type = http::find_header(p.request->headers, "Content-Type");
    REQUIRE(type);
    CHECK(*type == "application/json");
  }
}

TEST_CASE("without examples, required inputs are built from the schema") {
  auto spec = load("fixtures/spec_test/petstore.yaml");
  auto order = plan(*spec, "POST /orders");
  REQUIRE(order.request);
  // petId's example, quantity's minimum, the first enum value, a date-time, a
  // default; the readOnly id is not sent in a request.
  CHECK(order.request->body == R"({"petId":7,"quantity":1,"status":"placed","placed":"2024-01-02T03:04:05Z","note":"none"})");
  CHECK(order.request->generated == std::vector<std::string>{"request body (application/json)"});
  auto owner = plan(*spec, "GET /owners/{ownerId}");
  REQUIRE(owner.request);
  CHECK(owner.request->path == "/owners/string");
  CHECK(owner.request->generated == std::vector<std::string>{"path parameter 'ownerId'"});
}

TEST_CASE("operations that cannot be called are skipped with the reason") {
  auto spec = load("fixtures/spec_test/petstore.yaml");
  // Neither example nor schema: nothing to build a value from.
  auto blob = plan(*spec, "PUT /blobs/{key}");
  CHECK_FALSE(blob.request);
  CHECK(blob.skip_reason == "no example or schema for required path parameter 'key'");
  // DELETE /pets/{id} declares no parameter for {id} (only the GET does).
  auto remove = plan(*spec, "DELETE /pets/{id}");
  CHECK_FALSE(remove.request);
  CHECK(remove.skip_reason.find("'{id}'") != std::string::npos);
  // No examples and no inputs: called bare.
  auto health = plan(*spec, "GET /health");
  REQUIRE(health.request);
  CHECK(health.request->path == "/health");
}

TEST_CASE("Swagger 2.0 x-example fills path and header parameters") {
  auto spec = load("fixtures/spec_test/swagger2.yaml");
  auto p = plan(*spec, "GET /pets/{id}");
  REQUIRE(p.request);
  CHECK(p.request->path == "/pets/3");
  const std::string* trace = http::find_header(p.request->headers, "X-Trace");
  REQUIRE(trace);
  CHECK(*trace == "abc");
}

TEST_CASE("a status is matched exactly, then by range, then by default") {
  auto spec = load("fixtures/spec_test/petstore.yaml");
  const auto& pet = operation(*spec, "GET /pets/{id}");
  REQUIRE(spec_test::declared_response(pet, 200));
  CHECK(spec_test::declared_response(pet, 200)->status == "200");
  REQUIRE(spec_test::declared_response(pet, 404));
  CHECK(spec_test::declared_response(pet, 404)->status == "4XX");
  CHECK(spec_test::declared_response(pet, 500) == nullptr);
  CHECK(spec_test::declared_response(pet, 201) == nullptr);
  const auto& slow = operation(*spec, "GET /slow");
  REQUIRE(spec_test::declared_response(slow, 503));
  CHECK(spec_test::declared_response(slow, 503)->status == "default");
}

TEST_CASE("media types match with parameters, case and wildcards") {
  CHECK(spec_test::media_type_matches("application/json", "application/json; charset=utf-8"));
  CHECK(spec_test::media_type_matches("application/json", "Application/JSON"));
  CHECK(spec_test::media_type_matches("application/*", "application/problem+json"));
  CHECK(spec_test::media_type_matches("*/*", "text/plain"));
  CHECK_FALSE(spec_test::media_type_matches("application/json", "text/plain"));
  CHECK_FALSE(spec_test::media_type_matches("text/*", "application/json"));
}

TEST_CASE("a conforming response has no mismatches") {
  auto spec = load("fixtures/spec_test/petstore.yaml");
  core::SchemaGraph graph(spec->documents);
  auto r = json_response(200, R"({"id":7,"name":"Rex"})");
  r.headers.emplace_back("x-rate-limit", "10");
  auto ms = spec_test::check_response(graph, operation(*spec, "GET /pets/{id}"), r, false);
  CHECK(ms.empty());
}

TEST_CASE("schema violations in the body and headers name their JSON pointer") {
  auto spec = load("fixtures/spec_test/petstore.yaml");
  core::SchemaGraph graph(spec->documents);
  auto r = json_response(200, R"({"id":"seven"})");
  r.headers.emplace_back("X-Rate-Limit", "-3");
  auto ms = spec_test::check_response(graph, operation(*spec, "GET /pets/{id}"), r, false);
  CHECK(has_path(ms, "body/id"));
  CHECK(has_path(ms, "body"));  // name is required
  CHECK(has_path(ms, "header.X-Rate-Limit"));
  for (const auto& m : ms)
    if (m.path == "body/id") CHECK(m.message.find("/id") != std::string::npos);
}

TEST_CASE("the RFC 9745 Deprecation check applies only where the spec declares the header") {
  auto spec = load("fixtures/spec_test/petstore.yaml");
  core::SchemaGraph graph(spec->documents);
  http::Response bare;
  bare.status = 200;
  // /legacy is deprecated but declares no Deprecation header: only x-sunset's Sunset is required.
  auto ms = spec_test::check_response(graph, operation(*spec, "GET /legacy"), bare, false);
  CHECK_FALSE(has_path(ms, "header.Deprecation"));
  CHECK(has_path(ms, "header.Sunset"));
  http::Response sunset = bare;
  sunset.headers.emplace_back("Sunset", "Sat, 01 May 2027 00:00:00 GMT");
  CHECK(spec_test::check_response(graph, operation(*spec, "GET /legacy"), sunset, false).empty());
  // /legacy-announced declares it: absent or malformed fails, a structured date passes.
  const auto& announced = operation(*spec, "GET /legacy-announced");
  CHECK(has_path(spec_test::check_response(graph, announced, bare, false), "header.Deprecation"));
  http::Response malformed = bare;
  malformed.headers.emplace_back("Deprecation", "yes");
  CHECK(has_path(spec_test::check_response(graph, announced, malformed, false), "header.Deprecation"));
  http::Response dated = bare;
  dated.headers.emplace_back("Deprecation", "@1688169599");
  CHECK(spec_test::check_response(graph, announced, dated, false).empty());
}

TEST_CASE("unusable documents are errors with file:line:col") {
  auto not_openapi = spec_test::load_spec("fixtures/spec_test/not-openapi.yaml");
  REQUIRE_FALSE(not_openapi.ok());
  CHECK(not_openapi.error().render().find("not-openapi.yaml:1:1") != std::string::npos);
  auto dangling = spec_test::load_spec("fixtures/spec_test/dangling-ref.yaml");
  REQUIRE_FALSE(dangling.ok());
  CHECK(dangling.error().line > 0);
  auto broken = spec_test::load_spec("fixtures/spec_test/broken-syntax.yaml");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().line > 0);
  auto missing = spec_test::load_spec("fixtures/spec_test/no-such-file.yaml");
  CHECK_FALSE(missing.ok());
}

TEST_CASE("an optional request body is sent too, built from its schema") {
  // The shared petstore's POST /store/order declares its body without `required`:
  // without one, the stub (as many servers) answered 400 to an empty POST.
  auto spec = load("../shared/corpus/openapi/swagger-petstore-v3-yaml/old.yaml");
  auto order = plan(*spec, "POST /store/order");
  REQUIRE(order.request);
  CHECK(order.request->has_body);
  CHECK(order.request->body.find("\"petId\":198772") != std::string::npos);
  bool json = false;
  for (const auto& [name, value] : order.request->headers) json |= name == "Content-Type" && value == "application/json";
  CHECK(json);
}
