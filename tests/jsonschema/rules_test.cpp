// JSON Schema rules, end to end through the engine (detection, loading,
// mode, comparison, finalize). Two sources of fixtures:
//  - fixtures/jsonschema/rules/<name>/: this format's own rules and modes;
//  - fixtures/schema/<request|response>-<change>/: the shared comparator's
//    fixtures are standalone schema documents, so each is also a JSON Schema
//    pair: request-* run in backward mode, response-* in forward mode, and
//    must give the same findings under jsonschema.backward-/forward- IDs.
#include <catch2/catch.hpp>

#include <set>

#include "diff/jsonschema/compare.h"
#include "fixture_lines.h"

namespace fs = std::filesystem;
using namespace accord;

namespace {

// The comparator's fixtures that need accord.yaml `deprecation-days` (an
// OpenAPI x-sunset policy, not offered for JSON Schema).
bool needs_deprecation_days(const std::string& name) { return name.find("sunset-too-soon") != std::string::npos; }

std::string replace_prefix(std::string line, std::string_view from, std::string_view to) {
  if (line.rfind(from, 0) == 0) line = std::string(to) + line.substr(from.size());
  return line;
}

}  // namespace

TEST_CASE("every JSON Schema fixture gives exactly its expected findings", "[jsonschema][fixtures]") {
  auto dirs = test::subdirectories("fixtures/jsonschema/rules");
  REQUIRE(dirs.size() >= 6);
  for (const fs::path& dir : dirs) {
    INFO("fixture " << dir.string());
    REQUIRE(fs::exists(dir / "expected.txt"));
    CHECK(test::actual_lines(dir, test::options_for(dir)) == test::expected_lines(dir / "expected.txt"));
  }
}

TEST_CASE("the schema comparator's fixtures give the same findings as JSON Schema documents", "[jsonschema][fixtures]") {
  auto dirs = test::subdirectories("fixtures/schema");
  REQUIRE(dirs.size() > 100);
  for (const fs::path& dir : dirs) {
    std::string name = dir.filename().string();
    if (needs_deprecation_days(name)) continue;
    // Budget fixtures set tiny budgets through the comparator (budgets.txt),
    // which the engine does not expose; tests/schema runs them.
    if (fs::exists(dir / "budgets.txt")) continue;
    INFO("fixture " << dir.string());
    bool request = name.rfind("request-", 0) == 0;
    diff::CompareOptions options;
    options.schema_mode = request ? diff::SchemaMode::backward : diff::SchemaMode::forward;
    // A case written in OpenAPI's vocabulary (nullable, discriminator,
    // x-sunset, readOnly/writeOnly filters, int32/int64) says what JSON
    // Schema finds instead, where it differs.
    if (fs::exists(dir / "jsonschema-expected.txt")) {
      CHECK(test::actual_lines(dir, options) == test::expected_lines(dir / "jsonschema-expected.txt"));
      continue;
    }
    std::vector<std::string> expected;
    for (std::string line : test::expected_lines(dir / "expected.txt")) {
      line = replace_prefix(line, "openapi.request-", "jsonschema.backward-");
      expected.push_back(replace_prefix(line, "openapi.response-", "jsonschema.forward-"));
    }
    std::sort(expected.begin(), expected.end());
    CHECK(test::actual_lines(dir, options) == expected);
  }
}

TEST_CASE("every JSON Schema rule has a fixture that triggers it", "[jsonschema][fixtures]") {
  std::set<std::string> triggered;
  for (const fs::path& dir : test::subdirectories("fixtures/jsonschema/rules"))
    for (const std::string& line : test::expected_lines(dir / "expected.txt")) triggered.insert(line.substr(0, line.find(' ')));
  for (const fs::path& dir : test::subdirectories("fixtures/schema")) {
    std::string name = dir.filename().string();
    if (needs_deprecation_days(name)) continue;
    bool request = name.rfind("request-", 0) == 0;
    if (fs::exists(dir / "jsonschema-expected.txt")) {
      for (const std::string& line : test::expected_lines(dir / "jsonschema-expected.txt"))
        triggered.insert(line.substr(0, line.find(' ')));
      continue;
    }
    triggered.insert((request ? "jsonschema.backward-" : "jsonschema.forward-") + name.substr(name.find('-') + 1));
  }
  // Published IDs that JSON Schema's profile cannot reach any more: they name
  // OpenAPI's vocabulary (diff/schema/profile.h, json_schema_profile).
  auto unreachable = [](const std::string& id) {
    for (std::string_view part : {"-discriminator-", "-format-widened", "-format-narrowed",
                                  "read-only", "write-only", "-deprecated-without-sunset", "-sunset-invalid",
                                  "-stability-decreased"})
      if (id.find(part) != std::string::npos) return true;
    return false;
  };
  REQUIRE_FALSE(diff::jsonschema_rule_table().empty());
  for (const diff::RuleInfo& rule : diff::jsonschema_rule_table()) {
    INFO("rule " << rule.id);
    CHECK(rule.format == diff::Format::jsonschema);
    CHECK(diff::find_rule(rule.id) == &rule);  // registered, and only once
    std::string id(rule.id);
    if (id.find("sunset-too-soon") != std::string::npos) continue;
    CHECK(triggered.count(id) == (unreachable(id) ? 0 : 1));
  }
}

TEST_CASE("JSON Schema detection: schemas of every shape, and a clear error for other YAML", "[jsonschema][detect]") {
  auto r = diff::compare_contracts({"a.yaml", std::string("name: demo\n")}, {"b.yaml", std::string("name: demo\n")}, {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().render().find("not a contract") != std::string::npos);
  CHECK(r.error().render().find("JSON Schema") != std::string::npos);
  for (std::string head : {"$schema: http://json-schema.org/draft-04/schema#\n", "", "definitions:\n  A: {type: string}\n",
                           "$defs:\n  A: {type: string}\n"}) {
    INFO(head);
    auto findings = diff::compare_contracts({"old.yaml", head + "type: object\n"}, {"new.yaml", head + "type: string\n"}, {});
    REQUIRE(findings.ok());
    REQUIRE_FALSE(findings->empty());
    for (const diff::Finding& f : *findings) CHECK(f.rule.rfind("jsonschema.", 0) == 0);
  }
}

TEST_CASE("the compatibility mode decides which way a change breaks", "[jsonschema][mode]") {
  std::string narrower = "type: object\nproperties:\n  a: {type: string, maxLength: 5}\n";
  std::string wider = "type: object\nproperties:\n  a: {type: string, maxLength: 10}\n";
  auto severities = [&](diff::SchemaMode mode) {
    diff::CompareOptions options;
    options.schema_mode = mode;
    auto findings = diff::compare_contracts({"old.yaml", wider}, {"new.yaml", narrower}, options);
    REQUIRE(findings.ok());
    std::vector<std::string> out;
    for (const diff::Finding& f : *findings) out.push_back(f.rule + "=" + std::string(diff::severity_name(f.severity)));
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(severities(diff::SchemaMode::backward) == std::vector<std::string>{"jsonschema.backward-max-length-decreased=error"});
  CHECK(severities(diff::SchemaMode::forward) == std::vector<std::string>{"jsonschema.forward-max-length-decreased=info"});
  CHECK(severities(diff::SchemaMode::full) ==
        std::vector<std::string>{"jsonschema.backward-max-length-decreased=error", "jsonschema.forward-max-length-decreased=info"});
}
