#include <catch2/catch.hpp>

#include <filesystem>

#include "core/loader.h"
#include "diff/render/render.h"
#include "json_schema_check.h"
#include "sample_findings.h"

using namespace accord;

namespace {

const diff::RuleInfo kRules[] = {
    {"openapi.operation-removed", diff::Format::openapi, diff::Severity::error, "operation", "An operation was removed",
     "operation was removed"},
    {"openapi.response-property-removed", diff::Format::openapi, diff::Severity::error, "response,schema",
     "A response property was removed", "response property '{name}' was removed"},
};

diff::RenderContext context_with_rules() {
  diff::RenderContext ctx;
  ctx.tool_version = "0.1.0";
  ctx.new_path = "new.yaml";
  for (const auto& r : kRules) ctx.rules.push_back(&r);
  return ctx;
}

std::unique_ptr<core::Document> parse(const std::string& text) {
  auto doc = core::load_text("out.sarif", text, core::Syntax::json);
  REQUIRE(doc);
  return std::move(*doc);
}

}  // namespace

TEST_CASE("sarif: rules from the registry, results pointing at them", "[render][sarif]") {
  auto findings = test::sample_findings();
  auto doc = parse(diff::render_sarif(findings, context_with_rules()));
  const core::Node* root = doc->root();
  CHECK(root->get_text("version") == "2.1.0");
  const core::Node* run = root->get("runs")->at(0);
  const core::Node* rules = run->get("tool")->get("driver")->get("rules");
  REQUIRE(rules);
  // The two registry rules first, then a stub for each rule the registry lacks.
  CHECK(rules->at(0)->get_text("id") == "openapi.operation-removed");
  CHECK(rules->at(0)->get("defaultConfiguration")->get_text("level") == "error");
  CHECK(rules->at(1)->get("shortDescription")->get_text("text") == "A response property was removed");
  CHECK(rules->at(1)->get("properties")->get("tags")->size() == 2);
  CHECK(rules->size() == 5);
  const core::Node* results = run->get("results");
  REQUIRE(results->size() == findings.size());
  for (size_t i = 0; i < results->size(); ++i) {
    const core::Node* r = results->at(i);
    size_t index = static_cast<size_t>(r->get("ruleIndex")->as_number());
    REQUIRE(index < rules->size());
    CHECK(rules->at(index)->get_text("id") == r->get_text("ruleId"));
    CHECK(r->get("partialFingerprints")->get_text("accordFingerprint/v1") == findings[i].fingerprint);
  }
  const core::Node* first = results->at(0);
  CHECK(first->get_text("level") == "error");
  CHECK(first->get("message")->get_text("text") == "response property 'email' was removed (GET /users/{id})");
  const core::Node* loc = first->get("locations")->at(0)->get("physicalLocation");
  CHECK(loc->get("artifactLocation")->get_text("uri") == "new.yaml");
  CHECK(loc->get("region")->get("startLine")->as_number() == 120);
  CHECK(loc->get("region")->get("startColumn")->as_number() == 9);
  const core::Node* related = first->get("relatedLocations")->at(0)->get("physicalLocation");
  CHECK(related->get("artifactLocation")->get_text("uri") == "old.yaml");
  CHECK(related->get("region")->get("startLine")->as_number() == 98);
  // Below the gate (default: error), a warning is a note: only what fails the run is an error.
  CHECK(results->at(2)->get_text("level") == "note");
  CHECK(results->at(3)->get_text("level") == "note");
  CHECK(run->get_text("columnKind") == "utf16CodeUnits");
}

TEST_CASE("sarif: error-level results are exactly the findings at or above --fail-on", "[render][sarif]") {
  auto findings = test::sample_findings();  // 2 errors, 1 warning, 2 info
  auto levels = [&](std::optional<diff::Severity> fail_on) {
    diff::RenderContext ctx = context_with_rules();
    ctx.fail_on = fail_on;
    auto doc = parse(diff::render_sarif(findings, ctx));
    std::string out;
    const core::Node* results = doc->root()->get("runs")->at(0)->get("results");
    for (size_t i = 0; i < results->size(); ++i) out += std::string(results->at(i)->get_text("level")) + " ";
    return out;
  };
  CHECK(levels(diff::Severity::error) == "error error note note note ");
  CHECK(levels(diff::Severity::warning) == "error error error note note ");
  CHECK(levels(std::nullopt) == "note note note note note ");
}

TEST_CASE("sarif: columns are UTF-16 code units of the source line", "[render][sarif]") {
  // "  é✓𝄞: x": the 'x' at byte column 14 follows 2 spaces, é (2 bytes), ✓ (3 bytes),
  // 𝄞 (4 bytes, a surrogate pair in UTF-16), ':' and ' ': UTF-16 column 9.
  const std::string line = "  \xC3\xA9\xE2\x9C\x93\xF0\x9D\x84\x9E: x";
  CHECK(diff::utf16_column(line, 13) == 8);
  CHECK(diff::utf16_column(line, 14) == 9);
  CHECK(diff::utf16_column("plain: x", 8) == 8);
  CHECK(diff::utf16_column("", 5) == 5);  // unknown line: bytes are all we have
  auto f = test::finding("openapi.x", diff::Severity::error, "m", "", std::nullopt, test::place("a.yaml", 3, 14, ""));
  diff::RenderContext ctx = context_with_rules();
  ctx.source_line = [&](const std::string& file, uint32_t n) { return file == "a.yaml" && n == 3 ? line : std::string(); };
  auto doc = parse(diff::render_sarif({f}, ctx));
  const core::Node* region = doc->root()->get("runs")->at(0)->get("results")->at(0)->get("locations")->at(0)->get(
      "physicalLocation")->get("region");
  CHECK(region->get("startColumn")->as_number() == 9);
}

TEST_CASE("sarif: paths become URI references, unplaced findings fall back to the new file", "[render][sarif]") {
  auto odd = test::finding("openapi.x", diff::Severity::error, "m", "", std::nullopt,
                           test::place("my specs/a:b#.yaml", 0, 0, ""));
  auto absolute = test::finding("openapi.y", diff::Severity::error, "m", "", std::nullopt,
                                test::place("/tmp/x.yaml", 2, 0, ""));
  auto nowhere = test::finding("openapi.z", diff::Severity::error, "m", "", std::nullopt, std::nullopt);
  auto doc = parse(diff::render_sarif({odd, absolute, nowhere}, context_with_rules()));
  const core::Node* results = doc->root()->get("runs")->at(0)->get("results");
  auto uri = [&](size_t i) {
    return results->at(i)->get("locations")->at(0)->get("physicalLocation")->get("artifactLocation")->get_text("uri");
  };
  CHECK(uri(0) == "my%20specs/a%3Ab%23.yaml");
  CHECK(!results->at(0)->get("locations")->at(0)->get("physicalLocation")->get("region"));
  CHECK(uri(1) == "file:///tmp/x.yaml");
  CHECK(uri(2) == "new.yaml");
}

TEST_CASE("sarif: output is valid against the SARIF 2.1.0 schema", "[render][sarif]") {
  const std::string schema_path = "../shared/corpus/jsonschema/schemastore-sarif-draft04/new.json";
  REQUIRE(std::filesystem::exists(schema_path));  // ../shared is always present
  auto schema = core::load_file(schema_path);
  REQUIRE(schema);
  REQUIRE((*schema)->root()->get_text("title").find("2.1.0") != std::string_view::npos);
  diff::RenderContext ctx = context_with_rules();
  ctx.notes = {"ignore of openapi.x expired on 2026-01-01"};
  for (const auto& findings : {test::sample_findings(), std::vector<diff::Finding>{}}) {
    auto doc = parse(diff::render_sarif(findings, ctx));
    auto errors = test::check_against_schema(*(*schema)->root(), *doc->root());
    INFO("first violation: " << (errors.empty() ? "" : errors.front()));
    CHECK(errors.empty());
  }
}

TEST_CASE("schema checker: catches what SARIF forbids", "[render][sarif]") {
  // Holds the checker itself to account: a broken log must be rejected.
  const std::string schema_path = "../shared/corpus/jsonschema/schemastore-sarif-draft04/new.json";
  REQUIRE(std::filesystem::exists(schema_path));  // ../shared is always present
  auto schema = core::load_file(schema_path);
  REQUIRE(schema);
  auto bad = parse(R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"accord"}},
    "results":[{"message":{"text":"m"},"level":"fatal",
    "locations":[{"physicalLocation":{"region":{"startLine":0}}}]}]}]})");
  auto errors = test::check_against_schema(*(*schema)->root(), *bad->root());
  CHECK(errors.size() >= 2);  // level not in the enum, startLine below 1
  auto missing = parse(R"({"version":"2.1.0"})");
  CHECK(!test::check_against_schema(*(*schema)->root(), *missing->root()).empty());
}
