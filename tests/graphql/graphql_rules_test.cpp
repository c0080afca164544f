// One data-driven test over fixtures/graphql/rules/<rule>/{old.graphql,
// new.graphql,expected.txt}: every GraphQL rule has a fixture pair, and the
// findings of that rule on the pair are exactly the expected lines
// `<rule-id> <new file:line:col or -> <old file:line:col or ->`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

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

}  // namespace

TEST_CASE("every GraphQL rule has one handler and a fixture pair", "[graphql][rules]") {
  const auto table = diff::graphql_rule_table();
  REQUIRE(table.size() == 48);
  for (const diff::RuleInfo& rule : table) {
    INFO(rule.id);
    std::string dir = kRulesDir + std::string(rule.id.substr(8));
    CHECK(fs::is_regular_file(dir + "/old.graphql"));
    CHECK(fs::is_regular_file(dir + "/new.graphql"));
    CHECK(fs::is_regular_file(dir + "/expected.txt"));
    CHECK(rule.format == diff::Format::graphql);
    const auto& handlers = diff::graphql::all_rule_handlers();
    CHECK(std::count_if(handlers.begin(), handlers.end(), [&](auto* h) { return h->id == rule.id; }) == 1);
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
