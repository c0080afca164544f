// AsyncAPI rules end to end through the engine: fixtures/asyncapi/rules/<name>/
// holds old.yaml, new.yaml and expected.txt (`<rule> <old line:col|-> <new line:col|->`).
#include <catch2/catch.hpp>

#include <cstring>
#include <set>

#include "../jsonschema/fixture_lines.h"
#include "diff/asyncapi/compare.h"
#include "diff/asyncapi/rules.h"

namespace fs = std::filesystem;
using namespace accord;

namespace {
const char* kRules = "fixtures/asyncapi/rules";
}

TEST_CASE("every AsyncAPI fixture gives exactly its expected findings", "[asyncapi][fixtures]") {
  auto dirs = test::subdirectories(kRules);
  REQUIRE(dirs.size() >= 20);
  for (const fs::path& dir : dirs) {
    INFO("fixture " << dir.string());
    REQUIRE(fs::exists(dir / "expected.txt"));
    CHECK(test::actual_lines(dir, test::options_for(dir)) == test::expected_lines(dir / "expected.txt"));
  }
}

TEST_CASE("every AsyncAPI rule of its own has a fixture named after it", "[asyncapi][fixtures]") {
  std::set<std::string> triggered;
  for (const fs::path& dir : test::subdirectories(kRules))
    for (const std::string& line : test::expected_lines(dir / "expected.txt")) triggered.insert(line.substr(0, line.find(' ')));
  size_t own = 0;
  for (const diff::RuleInfo& rule : diff::asyncapi_rule_table()) {
    INFO("rule " << rule.id);
    CHECK(rule.format == diff::Format::asyncapi);
    CHECK(diff::find_rule(rule.id) == &rule);
    if (has_category(rule, "schema")) {
      // Payload and header changes are the shared comparator's, proven by its
      // fixtures; here each must be one of its rows under receive-/send-.
      std::string id(rule.id);
      bool receive = id.rfind("asyncapi.receive-", 0) == 0;
      REQUIRE((receive || id.rfind("asyncapi.send-", 0) == 0));
      std::string change = id.substr(receive ? 17 : 14);
      CHECK(diff::find_rule((receive ? "openapi.request-" : "openapi.response-") + change) != nullptr);
      continue;
    }
    ++own;
    CHECK(fs::exists(fs::path(kRules) / std::string(rule.id).substr(9)));
    CHECK(triggered.count(std::string(rule.id)) == 1);
  }
  CHECK(own >= 16);
}

TEST_CASE("every AsyncAPI-level rule row registers a handler the walker runs", "[asyncapi][fixtures]") {
  const auto& rows = diff::asyncapi::all_rules();
  size_t schema_rows = 0;
  for (const diff::RuleInfo& rule : diff::asyncapi_rule_table()) schema_rows += has_category(rule, "schema");
  REQUIRE(rows.size() + schema_rows == diff::asyncapi_rule_table().size());
  const diff::asyncapi::Handlers none{};
  for (const diff::asyncapi::Rule* rule : rows) {
    INFO("rule " << rule->info.id);
    CHECK(!has_category(rule->info, "schema"));
    // The one row reported outside the walk (its row says why).
    if (rule->info.id == "asyncapi.ref-not-resolved") continue;
    // Handlers holds only function pointers: all null is a row the walker never runs.
    CHECK(std::memcmp(&rule->on, &none, sizeof none) != 0);
  }
}

TEST_CASE("one payload used to send and to receive is checked both ways", "[asyncapi][direction]") {
  std::string base = R"(asyncapi: 3.0.0
info: {title: t, version: '1'}
channels:
  c:
    address: c
    messages:
      m: {$ref: '#/components/messages/m'}
operations:
  out: {action: send, channel: {$ref: '#/channels/c'}}
  in: {action: receive, channel: {$ref: '#/channels/c'}}
components:
  messages:
    m:
      payload:
        type: string
)";
  auto findings = diff::compare_contracts({"old.yaml", base + "        maxLength: 10\n"},
                                          {"new.yaml", base + "        maxLength: 5\n"}, {});
  REQUIRE(findings.ok());
  std::vector<std::string> rules;
  for (const diff::Finding& f : *findings) rules.push_back(f.rule + "=" + std::string(diff::severity_name(f.severity)));
  std::sort(rules.begin(), rules.end());
  CHECK(rules == std::vector<std::string>{"asyncapi.receive-max-length-decreased=error",
                                          "asyncapi.send-max-length-decreased=info"});
}
