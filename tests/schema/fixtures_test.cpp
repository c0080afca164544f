// One fixture per schema rule: fixtures/schema/<rule without "openapi.">/
// holds old.yaml, new.yaml (standalone schema documents) and expected.txt
// (`<rule-id> <old line:col or -> <new line:col or ->`, one finding a line).
// The direction follows from the rule's request-/response- prefix.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/refs.h"
#include "diff/openapi/schema_profile.h"
#include "diff/schema/compare.h"

using namespace accord;
namespace fs = std::filesystem;

namespace {

const fs::path kRoot = "fixtures/schema";

std::string position(const std::optional<diff::Place>& place) {
  if (!place) return "-";
  return std::to_string(place->line) + ":" + std::to_string(place->column);
}

std::vector<std::string> read_expected(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

// Compares the fixture's two documents and renders each finding as a line of expected.txt.
std::vector<std::string> actual_findings(const fs::path& dir, diff::Direction direction, bool caching) {
  core::DocumentSet old_set, new_set;
  auto old_doc = old_set.load((dir / "old.yaml").string());
  auto new_doc = new_set.load((dir / "new.yaml").string());
  REQUIRE(old_doc.ok());
  REQUIRE(new_doc.ok());
  diff::SchemaComparator comparator(old_set, new_set, diff::openapi_schema_profile());
  comparator.set_caching(caching);
  // As if accord.yaml's deprecation-days reached to 2100: the sunset-too-soon
  // fixtures' dates fall before it, every other fixture's sunset after.
  comparator.set_earliest_sunset("2100-01-01");
  // budgets.txt: "<exact expansions> <pair bodies>" for the fixtures of the budget rules.
  if (std::ifstream budgets(dir / "budgets.txt"); budgets) {
    size_t exact = 0, bodies = 0;
    REQUIRE(budgets >> exact >> bodies);
    comparator.set_budgets(exact, bodies);
  }
  diff::FindingSink sink;
  diff::SchemaScope scope;
  auto status = comparator.compare((*old_doc)->root(), "", (*new_doc)->root(), "", direction, scope, sink);
  REQUIRE(status.ok());
  std::vector<std::string> lines;
  for (const diff::Finding& f : sink.findings()) {
    lines.push_back(f.rule + " " + position(f.old_place) + " " + position(f.new_place));
    // Places name the file each node came from.
    if (f.old_place) CHECK(f.old_place->file == (dir / "old.yaml").string());
    if (f.new_place) CHECK(f.new_place->file == (dir / "new.yaml").string());
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::set<std::string> fixture_names() {
  std::set<std::string> names;
  if (!fs::exists(kRoot)) return names;
  for (const auto& entry : fs::directory_iterator(kRoot))
    // "_cases" holds documents for other tests, not a rule's fixture.
    if (entry.is_directory() && entry.path().filename().string()[0] != '_')
      names.insert(entry.path().filename().string());
  return names;
}

}  // namespace

TEST_CASE("every schema rule fixture yields exactly its expected findings", "[schema][fixtures]") {
  auto names = fixture_names();
  REQUIRE_FALSE(names.empty());
  for (const std::string& name : names) {
    fs::path dir = kRoot / name;
    INFO("fixture " << dir.string());
    REQUIRE(fs::exists(dir / "expected.txt"));
    bool request = name.rfind("request-", 0) == 0;
    REQUIRE((request || name.rfind("response-", 0) == 0));
    auto direction = request ? diff::Direction::request : diff::Direction::response;
    auto expected = read_expected(dir / "expected.txt");
    CHECK(actual_findings(dir, direction, true) == expected);
    // The fixture is about its own rule: expected.txt must name it.
    CHECK(std::any_of(expected.begin(), expected.end(),
                      [&](const std::string& l) { return l.rfind("openapi." + name + " ", 0) == 0; }));
  }
}

// fixtures/schema/_normalize/<request|response>-<case>/: one schema written
// two ways (allOf halves, nullable spellings, shared anchors...); the
// expected findings are what really changed, often none.
TEST_CASE("every normalisation fixture yields exactly its expected findings", "[schema][fixtures][normalize]") {
  const fs::path root = kRoot / "_normalize";
  REQUIRE(fs::is_directory(root));
  size_t count = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory()) continue;
    ++count;
    std::string name = entry.path().filename().string();
    INFO("fixture " << entry.path().string());
    bool request = name.rfind("request-", 0) == 0;
    REQUIRE((request || name.rfind("response-", 0) == 0));
    auto direction = request ? diff::Direction::request : diff::Direction::response;
    auto expected = read_expected(entry.path() / "expected.txt");
    CHECK(actual_findings(entry.path(), direction, true) == expected);
    CHECK(actual_findings(entry.path(), direction, false) == expected);
  }
  CHECK(count >= 10);
}

TEST_CASE("every row of the schema rule table has a fixture, and every fixture a row", "[schema][fixtures]") {
  auto names = fixture_names();
  std::set<std::string> rows;
  for (const diff::RuleInfo& rule : diff::openapi_schema_rule_table()) {
    std::string id(rule.id);
    REQUIRE(id.rfind("openapi.", 0) == 0);
    rows.insert(id.substr(8));
    INFO("rule " << id);
    CHECK(names.count(id.substr(8)) == 1);
  }
  for (const std::string& name : names) {
    INFO("fixture " << name);
    CHECK(rows.count(name) == 1);
  }
}

TEST_CASE("schema rule rows are well formed", "[schema][rules]") {
  std::set<std::string_view> ids;
  for (const diff::RuleInfo& rule : diff::openapi_schema_rule_table()) {
    INFO("rule " << rule.id);
    CHECK(ids.insert(rule.id).second);
    CHECK(rule.format == diff::Format::openapi);
    bool request = rule.id.rfind("openapi.request-", 0) == 0;
    CHECK((request || rule.id.rfind("openapi.response-", 0) == 0));
    CHECK(rule.categories == (request ? "request,schema" : "response,schema"));
    CHECK(rule.message.find("{where}") != std::string_view::npos);
    CHECK_FALSE(rule.purpose.empty());
  }
  // Direction decides severity: the same change is breaking one way only.
  auto severity = [](std::string_view id) {
    for (const diff::RuleInfo& rule : diff::openapi_schema_rule_table())
      if (rule.id == id) return rule.severity;
    FAIL("no rule " << id);
    return diff::Severity::info;
  };
  CHECK(severity("openapi.request-max-length-decreased") == diff::Severity::error);
  CHECK(severity("openapi.response-max-length-decreased") == diff::Severity::info);
  CHECK(severity("openapi.response-enum-value-added") == diff::Severity::warning);
  CHECK(severity("openapi.request-enum-value-added") == diff::Severity::info);
  CHECK(severity("openapi.request-property-became-required") == diff::Severity::error);
  CHECK(severity("openapi.response-property-became-optional") == diff::Severity::error);
}
