// One data-driven test over fixtures/avro/rules/<rule>/{old.avsc,new.avsc,
// mode,expected.txt}: every Avro rule has a fixture pair, and the findings of
// that rule on the pair, in the fixture's --mode, are exactly the expected
// lines `<rule-id> <new file:line:col or -> <old file:line:col or ->`.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "diff/engine.h"
#include "diff/model/rules.h"
#include "tests/rule_fixture_support.h"
#include "diff/avro/compare.h"

namespace fs = std::filesystem;
using namespace accord;
using test::read_lines;
using test::where;

namespace {

const std::string kRulesDir = "fixtures/avro/rules/";

std::string fixture_mode(const std::string& dir) {
  auto lines = read_lines(dir + "/mode");
  return lines.empty() ? "backward" : lines[0];
}

}  // namespace

TEST_CASE("every Avro rule has a fixture pair", "[avro][rules]") {
  const auto table = diff::avro_rule_table();
  REQUIRE(table.size() == 16);
  for (const diff::RuleInfo& rule : table) {
    INFO(rule.id);
    std::string dir = kRulesDir + std::string(rule.id.substr(5));
    CHECK(fs::is_regular_file(dir + "/old.avsc"));
    CHECK(fs::is_regular_file(dir + "/new.avsc"));
    CHECK(fs::is_regular_file(dir + "/expected.txt"));
    CHECK(rule.format == diff::Format::avro);
  }
}

TEST_CASE("each Avro rule fixture yields exactly its expected findings", "[avro][rules]") {
  for (const diff::RuleInfo& rule : diff::avro_rule_table()) {
    const std::string dir = kRulesDir + std::string(rule.id.substr(5));
    if (!fs::is_directory(dir)) continue;  // the test above reports it
    INFO("fixture " << dir);
    diff::CompareOptions options;
    options.compat_mode = fixture_mode(dir);
    auto findings = diff::compare_contracts({dir + "/old.avsc", std::nullopt}, {dir + "/new.avsc", std::nullopt}, options);
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
