// Request generators (compatibility suite: V3/V4 generators.feature,
// http_generators.feature) and provider-state expressions.
#include <catch2/catch.hpp>

#include <regex>

#include "contracts/pact/loader.h"
#include "contracts/verify/generators.h"
#include "core/loader.h"

using namespace accord::contracts;

namespace {

struct Loaded {
  std::unique_ptr<accord::core::Document> doc;
  pact::RequestSpec request;
};

Loaded request_from(const std::string& json) {
  Loaded l;
  auto doc = accord::core::load_text("request", json, accord::core::Syntax::json);
  REQUIRE(doc.ok());
  l.doc = std::move(*doc);
  auto r = pact::parse_request(l.doc->root(), pact::SpecVersion::v3);
  REQUIRE(r.ok());
  l.request = std::move(*r);
  return l;
}

std::string generated_body(const std::string& generator, const verify::StateValues* values = nullptr) {
  Loaded l = request_from(R"({"method":"POST","path":"/","headers":{"Content-Type":"application/json"},
      "body":{"one":"example","two":2},"generators":{"body":{"$.one":)" + generator + "}}}");
  verify::GeneratorContext ctx(values, 7);
  auto out = verify::apply_request_generators(l.request, ctx);
  REQUIRE(out.ok());
  auto doc = accord::core::load_text("generated", out->body, accord::core::Syntax::json);
  REQUIRE(doc.ok());
  CHECK((*doc)->root()->get_text("two") == "2");  // untouched members stay
  const auto* one = (*doc)->root()->get("one");
  REQUIRE(one);
  return std::string(one->is_string() ? one->text() : one->text());
}

bool full_match(const std::string& value, const char* pattern) { return std::regex_match(value, std::regex(pattern)); }

}  // namespace

TEST_CASE("generators: random values have the requested shape", "[generators]") {
  std::string i = generated_body(R"({"type":"RandomInt","min":10,"max":20})");
  CHECK(std::stoi(i) >= 10);
  CHECK(std::stoi(i) <= 20);
  CHECK(full_match(generated_body(R"({"type":"RandomDecimal","digits":6})"), R"(\d+\.\d+)"));
  CHECK(full_match(generated_body(R"({"type":"RandomHexadecimal","digits":8})"), "[0-9a-f]{8}"));
  CHECK(full_match(generated_body(R"({"type":"RandomString","size":5})"), "[A-Za-z0-9]{5}"));
  CHECK(full_match(generated_body(R"({"type":"RandomBoolean"})"), "true|false"));
  CHECK(full_match(generated_body(R"({"type":"Regex","regex":"\\d{1,8}-[a-f]{3}"})"), R"(\d{1,8}-[a-f]{3})"));
}

TEST_CASE("generators: UUID formats", "[generators]") {
  CHECK(full_match(generated_body(R"({"type":"Uuid"})"), "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
  CHECK(full_match(generated_body(R"({"type":"Uuid","format":"simple"})"), "[0-9a-f]{32}"));
  CHECK(full_match(generated_body(R"({"type":"Uuid","format":"upper-case-hyphenated"})"), "[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"));
  CHECK(full_match(generated_body(R"({"type":"Uuid","format":"URN"})"), "urn:uuid:[0-9a-f-]{36}"));
}

TEST_CASE("generators: dates and times follow their format", "[generators]") {
  CHECK(full_match(generated_body(R"({"type":"Date","format":"yyyy-MM-dd"})"), R"(\d{4}-\d{2}-\d{2})"));
  CHECK(full_match(generated_body(R"({"type":"Time","format":"HH:mm"})"), R"(\d{2}:\d{2})"));
  CHECK(full_match(generated_body(R"({"type":"DateTime","format":"yyyy-MM-dd'T'HH:mm:ss"})"), R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})"));
  CHECK(full_match(generated_body(R"({"type":"Date"})"), R"(\d{4}-\d{2}-\d{2})"));
}

TEST_CASE("generators: ProviderState expressions use the state-change values", "[generators][states]") {
  verify::StateValues values{{"id", "1000"}, {"name", "\"Fred\""}};
  // A whole-value expression keeps the value's JSON type.
  CHECK(generated_body(R"({"type":"ProviderState","expression":"${id}"})", &values) == "1000");
  CHECK(generated_body(R"({"type":"ProviderState","expression":"user-${name}"})", &values) == "user-Fred");

  Loaded l = request_from(R"({"method":"GET","path":"/users/1","headers":{"X-Id":"1"},"query":{"q":["1"]},
      "generators":{"path":{"type":"ProviderState","expression":"/users/${id}"},
                    "header":{"X-Id":{"type":"ProviderState","expression":"${id}"}},
                    "query":{"q":{"type":"ProviderState","expression":"${name}"}}}})");
  verify::GeneratorContext ctx(&values, 1);
  auto out = verify::apply_request_generators(l.request, ctx);
  REQUIRE(out.ok());
  CHECK(out->path == "/users/1000");
  CHECK(out->headers[0].second == "1000");
  CHECK(out->query[0].second[0] == "Fred");

  verify::StateValues none;
  verify::GeneratorContext missing(&none, 1);
  auto failed = verify::apply_request_generators(l.request, missing);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().message.find("'id'") != std::string::npos);
}

// features/V3/http_generators.feature: generators on request headers and query parameters.
TEST_CASE("generators: random values in request headers and query parameters", "[generators]") {
  Loaded l = request_from(R"({"method":"GET","path":"/","headers":{"X-TEST":"0"},"query":{"v1":["0"]},
      "generators":{"header":{"X-TEST":{"type":"RandomInt","min":1,"max":10}},
                    "query":{"v1":{"type":"RandomInt","min":1,"max":10}}}})");
  verify::GeneratorContext ctx(nullptr, 3);
  auto out = verify::apply_request_generators(l.request, ctx);
  REQUIRE(out.ok());
  REQUIRE(out->headers.size() == 1);
  int header = std::stoi(out->headers[0].second);
  CHECK((header >= 1 && header <= 10));
  REQUIRE(out->query.size() == 1);
  int query = std::stoi(out->query[0].second.at(0));
  CHECK((query >= 1 && query <= 10));
}
