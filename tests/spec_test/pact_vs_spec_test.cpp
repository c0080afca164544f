// `accord verify PACTS --openapi SPEC`: each consumer expectation held to the
// provider's OpenAPI document, no call made (fixtures/pact/petstore-*.json
// against fixtures/spec_test/petstore.yaml).
#include <catch2/catch.hpp>

#include "contracts/pact/loader.h"
#include "contracts/spec_test/pact_vs_spec.h"
#include "core/loader.h"
#include "run_accord.h"
#include "test_paths.h"

using namespace accord::contracts;
using accord::spec_test_support::run_accord;

namespace {

const std::string kSpec = std::string(ACCORD_SOURCE_DIR) + "/fixtures/spec_test/petstore.yaml";
std::string pact_path(const std::string& name) { return std::string(ACCORD_SOURCE_DIR) + "/fixtures/pact/" + name; }

std::vector<verify::InteractionResult> check(const std::string& pact_file) {
  auto pacts = pact::load_pacts({pact_path(pact_file)});
  REQUIRE(pacts.ok());
  auto spec = spec_test::load_spec(kSpec);
  REQUIRE(spec.ok());
  return spec_test::check_pacts_against_spec(*pacts, **spec, {});
}

std::string all(const verify::InteractionResult& r) {
  std::string out;
  for (const auto& m : r.mismatches) out += m.path + ": " + m.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("pact vs openapi: requests and expected responses the spec promises pass", "[pact-vs-spec]") {
  auto results = check("petstore-ok.json");
  REQUIRE(results.size() == 3);
  for (const auto& r : results) {
    INFO(r.description << "\n" << all(r));
    CHECK(r.outcome == verify::Outcome::pass);
  }
}

TEST_CASE("pact vs openapi: each departure from the spec fails with the spec pointer", "[pact-vs-spec]") {
  auto results = check("petstore-broken.json");
  REQUIRE(results.size() == 7);
  struct Expect {
    const char* path;
    const char* message;
  };
  const std::vector<Expect> expected = {
      {"response.body/colour", "the consumer expects field 'colour', which the spec does not declare"},
      {"path.id", "(spec #/paths/~1pets~1{id}/get/parameters/0/schema"},
      {"request", "no path of the spec matches '/v1/cats' (spec #/paths)"},
      {"request.body", "the operation requires a request body (spec #/paths/~1pets/post/requestBody)"},
      {"response.status", "status not declared for this operation (spec #/paths/~1health/get/responses)"},
      {"response.header.X-Colour", "the consumer expects a header the spec does not declare"},
      {"request", "the spec declares this path but not for method PATCH"},
  };
  for (size_t i = 0; i < expected.size(); ++i) {
    INFO(results[i].description << "\n" << all(results[i]));
    CHECK(results[i].outcome == verify::Outcome::fail);
    REQUIRE_FALSE(results[i].mismatches.empty());
    CHECK(results[i].mismatches[0].path == expected[i].path);
    CHECK(results[i].mismatches[0].message.find(expected[i].message) != std::string::npos);
  }
  // The body's wrong type is reported too, with the schema keyword it breaks.
  CHECK(all(results[5]).find("response.body/id: ") != std::string::npos);
  CHECK(all(results[5]).find("(spec #/components/schemas/Pet/properties/id") != std::string::npos);
}

TEST_CASE("accord verify --openapi: exit codes and report formats", "[pact-vs-spec][cli]") {
  auto ok = run_accord({"verify", pact_path("petstore-ok.json"), "--openapi", kSpec});
  INFO(ok.out << ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("3 passed, 0 failed") != std::string::npos);

  auto broken = run_accord({"verify", pact_path("petstore-broken.json"), "--openapi", kSpec, "--format", "json"});
  INFO(broken.out << broken.err);
  CHECK(broken.exit_code == 1);
  auto report = accord::core::load_text("report.json", broken.out, accord::core::Syntax::json);
  REQUIRE(report.ok());
  CHECK((*report)->root()->get("summary")->get_text("fail") == "7");
  CHECK(broken.out.find("petstore-broken.json") != std::string::npos);

  auto both = run_accord({"verify", pact_path("petstore-ok.json"), "--openapi", kSpec, "--provider-base-url", "http://x"});
  CHECK(both.exit_code == 2);
  auto neither = run_accord({"verify", pact_path("petstore-ok.json")});
  CHECK(neither.exit_code == 2);
  CHECK(neither.err.find("--openapi") != std::string::npos);
  auto bad_spec = run_accord({"verify", pact_path("petstore-ok.json"), "--openapi",
                              std::string(ACCORD_SOURCE_DIR) + "/fixtures/spec_test/broken-syntax.yaml"});
  CHECK(bad_spec.exit_code == 2);
  CHECK(bad_spec.err.find("broken-syntax.yaml:") != std::string::npos);
}
