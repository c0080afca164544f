// `accord verify PACTS --asyncapi SPEC`: message pacts held to the provider's
// AsyncAPI document, no broker (fixtures/spec_test/asyncapi/).
#include <catch2/catch.hpp>

#include "contracts/pact/loader.h"
#include "contracts/spec_test/pact_vs_asyncapi.h"
#include "core/loader.h"
#include "run_accord.h"
#include "test_paths.h"

using namespace accord::contracts;
using accord::spec_test_support::run_accord;

namespace {

std::string fixture(const std::string& name) { return std::string(ACCORD_SOURCE_DIR) + "/fixtures/spec_test/asyncapi/" + name; }

std::vector<verify::InteractionResult> check(const std::string& pact_file) {
  auto pacts = pact::load_pacts({fixture(pact_file)});
  REQUIRE(pacts.ok());
  auto spec = spec_test::load_asyncapi(fixture("pets-events.yaml"));
  REQUIRE(spec.ok());
  return spec_test::check_pacts_against_asyncapi(*pacts, **spec, {});
}

std::string all(const verify::InteractionResult& r) {
  std::string out;
  for (const auto& m : r.mismatches) out += m.path + ": " + m.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("pact vs asyncapi: messages found by channel metadata or by name, and valid, pass", "[pact-vs-asyncapi]") {
  auto results = check("pets-ok.json");
  REQUIRE(results.size() == 2);
  for (const auto& r : results) {
    INFO(r.description << "\n" << all(r));
    CHECK(r.outcome == verify::Outcome::pass);
  }
}

TEST_CASE("pact vs asyncapi: each departure fails naming the spec pointer", "[pact-vs-asyncapi]") {
  auto results = check("pets-broken.json");
  REQUIRE(results.size() == 4);
  for (const auto& r : results) CHECK(r.outcome == verify::Outcome::fail);
  // The payload schema: a wrong type, and a field the spec never declares (found by `topic`).
  CHECK(all(results[0]).find("contents/id: expected integer") != std::string::npos);
  CHECK(all(results[0]).find("(spec #/components/messages/PetCreated/payload/properties/id/type)") != std::string::npos);
  CHECK(all(results[0]).find("contents/colour: the consumer expects field 'colour'") != std::string::npos);
  // The headers schema.
  CHECK(all(results[1]).find("metadata/traceId: expected string") != std::string::npos);
  CHECK(all(results[1]).find("#/components/messages/PetCreated/headers") != std::string::npos);
  // No operation on the channel; no message of that name.
  CHECK(all(results[2]).find("no operation of the spec uses channel 'pets.adopted'") != std::string::npos);
  CHECK(all(results[3]).find("no message or operation of the spec is named 'nobody names this message'") != std::string::npos);
}

TEST_CASE("accord verify --asyncapi: exit codes and report formats", "[pact-vs-asyncapi][cli]") {
  auto spec = fixture("pets-events.yaml");
  auto ok = run_accord({"verify", fixture("pets-ok.json"), "--asyncapi", spec});
  INFO(ok.out << ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("2 passed, 0 failed") != std::string::npos);

  auto broken = run_accord({"verify", fixture("pets-broken.json"), "--asyncapi", spec, "--format", "json"});
  INFO(broken.out << broken.err);
  CHECK(broken.exit_code == 1);
  auto report = accord::core::load_text("report.json", broken.out, accord::core::Syntax::json);
  REQUIRE(report.ok());
  CHECK((*report)->root()->get("summary")->get_text("fail") == "4");
  CHECK(broken.out.find("pets-broken.json") != std::string::npos);
  auto junit = run_accord({"verify", fixture("pets-broken.json"), "--asyncapi", spec, "--format", "junit"});
  CHECK(junit.exit_code == 1);
  CHECK(junit.out.find("a header of the wrong type") != std::string::npos);

  // HTTP interactions are not checked here: skipped, so nothing verified is exit 1.
  auto http_only = run_accord({"verify", std::string(ACCORD_SOURCE_DIR) + "/fixtures/pact/petstore-ok.json", "--asyncapi", spec});
  CHECK(http_only.exit_code == 1);
  CHECK(http_only.out.find("--openapi") != std::string::npos);
  auto two_specs = run_accord({"verify", fixture("pets-ok.json"), "--asyncapi", spec, "--openapi", spec});
  CHECK(two_specs.exit_code == 2);
  auto not_asyncapi = run_accord({"verify", fixture("pets-ok.json"), "--asyncapi",
                                  std::string(ACCORD_SOURCE_DIR) + "/fixtures/spec_test/petstore.yaml"});
  CHECK(not_asyncapi.exit_code == 2);
  CHECK(not_asyncapi.err.find("petstore.yaml:1:1: not an AsyncAPI document") != std::string::npos);
}
