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

namespace {

std::vector<verify::InteractionResult> check_formats(const std::string& pact_file, const std::string& spec_file) {
  auto pacts = pact::load_pacts({fixture(pact_file)});
  REQUIRE(pacts.ok());
  auto spec = spec_test::load_asyncapi(fixture(spec_file));
  REQUIRE(spec.ok());
  return spec_test::check_pacts_against_asyncapi(*pacts, **spec, {});
}

}  // namespace

TEST_CASE("pact vs asyncapi: contents accord cannot validate are SKIPPED with the reason, text against a string schema is checked",
          "[pact-vs-asyncapi][formats]") {
  auto results = check_formats("pets-formats.json", "pets-formats.yaml");
  REQUIRE(results.size() == 7);
  auto outcome = [&](size_t i) { return results[i].outcome; };
  // Binary contents: not validated.
  CHECK(outcome(0) == verify::Outcome::skipped);
  CHECK(all(results[0]).find("contents: not verified: the contents are application/octet-stream (10 bytes)") != std::string::npos);
  // text/plain against `type: string` (minLength 3, maxLength 20): validated as a string.
  CHECK(outcome(1) == verify::Outcome::pass);
  CHECK(outcome(2) == verify::Outcome::fail);
  CHECK(all(results[2]).find("contents: longer than 20 characters (spec #/channels/pets.note/subscribe/message/payload/maxLength)") !=
        std::string::npos);
  // text/plain against an object schema: not validated.
  CHECK(outcome(3) == verify::Outcome::skipped);
  CHECK(all(results[3]).find("the contents are text/plain and the payload schema is of type 'object'") != std::string::npos);
  // Payloads in other schema formats, whatever the contents are.
  for (size_t i : {4, 5, 6}) CHECK(outcome(i) == verify::Outcome::skipped);
  CHECK(all(results[4]).find("schemaFormat 'application/vnd.apache.avro;version=1.9.0'") != std::string::npos);
  CHECK(all(results[5]).find("schemaFormat 'application/vnd.google.protobuf;version=3'") != std::string::npos);
  CHECK(all(results[6]).find("schemaFormat 'application/raml+yaml;version=1.0'") != std::string::npos);
}

TEST_CASE("pact vs asyncapi: an AsyncAPI 3 Multi Format Schema payload is skipped when Avro, validated when JSON Schema",
          "[pact-vs-asyncapi][formats]") {
  auto results = check_formats("pets-formats-v3.json", "pets-formats-v3.yaml");
  REQUIRE(results.size() == 3);
  CHECK(results[0].outcome == verify::Outcome::skipped);
  CHECK(all(results[0]).find("schemaFormat 'application/vnd.apache.avro+json;version=1.9.0'") != std::string::npos);
  CHECK(results[1].outcome == verify::Outcome::fail);
  CHECK(all(results[1]).find("contents/id: expected integer, got string") != std::string::npos);
  // Valid JSON contents, but headers declared in Avro: the headers are not checked, so not a PASS.
  CHECK(results[2].outcome == verify::Outcome::skipped);
  CHECK(all(results[2]).find("metadata: not verified: message 'PetTagged' declares its headers with schemaFormat "
                             "'application/vnd.apache.avro+json;version=1.9.0'") != std::string::npos);
}

TEST_CASE("accord verify --asyncapi: skipped contents fail the run unless --allow-skipped, in every report format",
          "[pact-vs-asyncapi][formats][cli]") {
  auto pact_file = fixture("pets-formats.json");
  auto spec = fixture("pets-formats.yaml");
  // The photo (binary, skipped) and the short note (text, passes).
  const std::vector<std::string> base = {"verify", pact_file, "--asyncapi", spec, "--interaction", "photo|note$"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return run_accord(args);
  };
  auto text = with({});
  INFO(text.out << text.err);
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("  SKIPPED  a pet photo\n      contents: not verified: the contents are application/octet-stream") != std::string::npos);
  CHECK(text.out.find("  PASS  a pet note\n") != std::string::npos);
  CHECK(text.out.find("this fails the run unless --allow-skipped is given") != std::string::npos);
  CHECK(text.out.find("2 interaction(s): 1 passed, 0 failed, 0 pending failure(s), 1 skipped (not verified)") != std::string::npos);

  auto allowed = with({"--allow-skipped"});
  CHECK(allowed.exit_code == 0);
  CHECK(allowed.out.find("  SKIPPED  a pet photo") != std::string::npos);
  CHECK(allowed.out.find("allowed by --allow-skipped") != std::string::npos);

  auto json = with({"--allow-skipped", "--format", "json"});
  CHECK(json.exit_code == 0);
  auto report = accord::core::load_text("report.json", json.out, accord::core::Syntax::json);
  REQUIRE(report.ok());
  CHECK((*report)->root()->get("summary")->get_text("skipped") == "1");
  CHECK((*report)->root()->get("summary")->get_text("pass") == "1");
  const auto* first = (*report)->root()->get("interactions")->at(0);
  CHECK(first->get_text("status") == "skipped");
  CHECK(first->get("mismatches")->at(0)->get_text("message").find("not verified: the contents are application/octet-stream") == 0);

  auto junit = with({"--format", "junit"});
  CHECK(junit.exit_code == 1);
  CHECK(junit.out.find("<skipped message=\"contents: not verified: the contents are application/octet-stream") != std::string::npos);

  auto markdown = with({"--format", "markdown"});
  CHECK(markdown.exit_code == 1);
  CHECK(markdown.out.find("| **SKIPPED** | pet-album | a pet photo |") != std::string::npos);
  CHECK(markdown.out.find("not verified: the contents are application/octet-stream") != std::string::npos);

  // A real failure fails the run even with --allow-skipped.
  auto failing = run_accord({"verify", pact_file, "--asyncapi", spec, "--allow-skipped"});
  CHECK(failing.exit_code == 1);
  CHECK(failing.out.find("7 interaction(s): 1 passed, 1 failed, 0 pending failure(s), 5 skipped (not verified)") != std::string::npos);
}

TEST_CASE("accord verify --asyncapi: a pending V4 message fails as pending without failing the run, and comments are shown",
          "[pact-vs-asyncapi][v4][cli]") {
  auto pact_file = fixture("pets-v4-pending.json");
  auto spec = fixture("pets-events.yaml");
  auto text = run_accord({"verify", pact_file, "--asyncapi", spec});
  INFO(text.out << text.err);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("  FAIL (pending)  a pet was created, with its colour (not built yet)\n"
                      "      contents/colour: the consumer expects field 'colour'") != std::string::npos);
  CHECK(text.out.find("  PASS  PetDeleted\n      test: feed removes deleted pets\n      comment: the feed drops the pet's card\n") !=
        std::string::npos);
  CHECK(text.out.find("2 interaction(s): 1 passed, 0 failed, 1 pending failure(s)") != std::string::npos);
  // Only the pending interaction is what keeps its failure from failing the run.
  auto not_pending = run_accord({"verify", fixture("pets-broken.json"), "--asyncapi", spec, "--interaction", "colour"});
  CHECK(not_pending.exit_code == 1);
  auto junit = run_accord({"verify", pact_file, "--asyncapi", spec, "--format", "junit"});
  CHECK(junit.exit_code == 0);
  CHECK(junit.out.find("<skipped message=\"pending: contents/colour:") != std::string::npos);
  CHECK(junit.out.find("<system-out>test: feed removes deleted pets\ncomment: the feed drops the pet&apos;s card\n</system-out>") !=
        std::string::npos);
}
