// One data-driven test over fixtures/proto/rules/<rule>/{old,new,expected.txt}:
// every registered proto rule has a fixture pair, and the findings of that
// rule on the pair are exactly the expected lines
//   <rule-id> <new file:line:col or -> <old file:line:col or ->
// (paths relative to the fixture directory). A buf.yaml in new/ selects the
// rules; otherwise every category is on.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "diff/engine.h"
#include "diff/model/rules.h"
#include "tests/rule_fixture_support.h"
#include "diff/proto/config.h"
#include "diff/proto/rules.h"

namespace fs = std::filesystem;
using namespace accord;
using test::read_lines;
using test::where;

namespace {

const std::string kRulesDir = "fixtures/proto/rules/";

std::string fixture_name(std::string_view rule_id) { return std::string(rule_id.substr(rule_id.find('.') + 1)); }

// How many levels of the walk a row registers a handler at.
int levels_of(const diff::proto::Handlers& on) {
  return !!on.image + !!on.file + !!on.message + !!on.field + !!on.enumeration + !!on.enum_value + !!on.service +
         !!on.method;
}

}  // namespace

TEST_CASE("every proto rule is one row with a handler and a fixture pair", "[proto][rules]") {
  const auto table = diff::proto_rule_table();
  REQUIRE(!table.empty());
  // The counts derive from the table: as many rows and fixture folders as registry entries.
  const auto& rows = diff::proto::all_rules();
  REQUIRE(rows.size() == table.size());
  size_t fixture_dirs = 0;
  for (const auto& entry : fs::directory_iterator(kRulesDir)) fixture_dirs += entry.is_directory();
  CHECK(fixture_dirs == table.size());
  size_t registered = 0;
  for (const diff::RuleInfo* r : diff::all_rules()) registered += r->format == diff::Format::proto;
  CHECK(registered == table.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const diff::RuleInfo& rule = table[i];
    INFO(rule.id);
    CHECK(rows[i]->info.id == rule.id);  // the table is the rows' registry data, in the same order
    CHECK(levels_of(rows[i]->on) == 1);
    if (i > 0) CHECK(rows[i - 1]->info.id < rule.id);  // sorted, so no id twice
    std::string dir = kRulesDir + fixture_name(rule.id);
    CHECK(fs::is_directory(dir + "/old"));
    CHECK(fs::is_directory(dir + "/new"));
    CHECK(fs::is_regular_file(dir + "/expected.txt"));
  }
}

TEST_CASE("each proto rule fixture yields exactly its expected findings", "[proto][rules]") {
  for (const diff::RuleInfo& rule : diff::proto_rule_table()) {
    const std::string name = fixture_name(rule.id);
    const std::string dir = kRulesDir + name;
    if (!fs::is_directory(dir)) continue;  // the test above reports it
    INFO("fixture " << dir);
    diff::CompareOptions options;
    if (!fs::exists(dir + "/new/buf.yaml")) options.proto_categories = {"FILE", "PACKAGE", "WIRE_JSON", "WIRE"};
    auto findings = diff::compare_contracts({dir + "/old", std::nullopt}, {dir + "/new", std::nullopt}, options);
    REQUIRE(findings.ok());
    std::vector<std::string> actual;
    for (const diff::Finding& f : *findings) {
      if (f.rule != rule.id) continue;
      CHECK_FALSE(f.message.empty());
      CHECK(f.message.find('{') == std::string::npos);  // every placeholder was filled
      actual.push_back(f.rule + " " + where(f.new_place, dir + "/") + " " + where(f.old_place, dir + "/"));
    }
    std::vector<std::string> expected = read_lines(dir + "/expected.txt");
    std::sort(actual.begin(), actual.end());
    std::sort(expected.begin(), expected.end());
    CHECK_FALSE(expected.empty());
    CHECK(actual == expected);
  }
}
