// One data-driven test over fixtures/graphql/rules/<rule>/{old.graphql,
// new.graphql,expected.txt}: every GraphQL rule has a fixture pair, and the
// findings of that rule on the pair are exactly the expected lines
// `<rule-id> <new file:line:col or -> <old file:line:col or ->`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "diff/engine.h"
#include "diff/model/rules.h"
#include "tests/rule_fixture_support.h"
#include "diff/graphql/compare.h"
#include "diff/graphql/rules.h"

namespace fs = std::filesystem;
using namespace accord;
using test::read_lines;
using test::where;

namespace {

const std::string kRulesDir = "fixtures/graphql/rules/";

// How many levels of the walk a row registers a handler at.
int levels_of(const diff::graphql::Handlers& on) {
  return !!on.schema + !!on.type + !!on.field + !!on.input + !!on.enum_value + !!on.directive;
}

}  // namespace

TEST_CASE("every GraphQL rule is one row with one handler and a fixture pair", "[graphql][rules]") {
  const auto table = diff::graphql_rule_table();
  REQUIRE(!table.empty());
  // No hand-kept count: every fixture folder names a row (a dropped row fails here).
  std::set<std::string, std::less<>> names;
  for (const diff::RuleInfo& rule : table) names.emplace(rule.id.substr(8));
  for (const auto& entry : fs::directory_iterator(kRulesDir)) {
    INFO("fixture " << entry.path().string());
    CHECK(names.count(entry.path().filename().string()) == 1);
  }
  for (const diff::RuleInfo& rule : table) {
    INFO(rule.id);
    std::string dir = kRulesDir + std::string(rule.id.substr(8));
    CHECK(fs::is_regular_file(dir + "/old.graphql"));
    CHECK(fs::is_regular_file(dir + "/new.graphql"));
    CHECK(fs::is_regular_file(dir + "/expected.txt"));
    CHECK(rule.format == diff::Format::graphql);
    const auto& rows = diff::graphql::all_rules();
    auto row = std::find_if(rows.begin(), rows.end(), [&](auto* r) { return r->info.id == rule.id; });
    REQUIRE(row != rows.end());
    CHECK(std::count_if(rows.begin(), rows.end(), [&](auto* r) { return r->info.id == rule.id; }) == 1);
    CHECK(levels_of((*row)->on) == 1);  // each row carries its one handler
  }
}

TEST_CASE("each GraphQL rule fixture yields exactly its expected findings", "[graphql][rules]") {
  for (const diff::RuleInfo& rule : diff::graphql_rule_table()) {
    const std::string dir = kRulesDir + std::string(rule.id.substr(8));
    if (!fs::is_directory(dir)) continue;  // the test above reports it
    INFO("fixture " << dir);
    diff::CompareOptions options;
    auto findings = diff::compare_contracts({dir + "/old.graphql", std::nullopt}, {dir + "/new.graphql", std::nullopt}, options);
    REQUIRE(findings.ok());
    std::vector<std::string> actual;
    for (const diff::Finding& f : *findings) {
      if (f.rule != rule.id) continue;
      CHECK(f.message.find('{') == std::string::npos);  // every placeholder was filled
      CHECK(f.severity == rule.severity);
      actual.push_back(f.rule + " " + where(f.new_place, dir + "/") + " " + where(f.old_place, dir + "/"));
    }
    std::vector<std::string> expected = read_lines(dir + "/expected.txt");
    std::sort(actual.begin(), actual.end());
    std::sort(expected.begin(), expected.end());
    CHECK_FALSE(expected.empty());
    CHECK(actual == expected);
  }
}
