// Avro inputs beyond one pair: invalid schemas (exit 2 with file:line:col),
// named types from -I roots, a top-level array of named types, and the
// transitive modes over a history of versions.
#include <catch2/catch.hpp>

#include <algorithm>

#include "diff/engine.h"

using namespace accord;

namespace {

const std::string kDir = "fixtures/avro/";

core::Expected<std::vector<diff::Finding>> compare(const std::string& old_path, const std::string& new_path,
                                                   diff::CompareOptions options = {}) {
  return diff::compare_contracts({kDir + old_path, std::nullopt}, {kDir + new_path, std::nullopt}, options);
}

std::vector<std::string> error_rules(const std::vector<diff::Finding>& findings) {
  std::vector<std::string> out;
  for (const diff::Finding& f : findings)
    if (f.severity == diff::Severity::error) out.push_back(f.rule + " " + f.old_place->file);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("an invalid Avro schema is unusable input naming file:line:col", "[avro][inputs]") {
  struct Case {
    const char* file;
    const char* rendered;
  } cases[] = {
      {"bad-default.avsc", "fixtures/avro/errors/bad-default.avsc:4:45: invalid default for field \"age\" of User: expected int"},
      {"union-default.avsc", "fixtures/avro/errors/union-default.avsc:3:59: invalid default for field \"nick\" of User: expected union [null, string]"},
      {"unknown-type.avsc", "fixtures/avro/errors/unknown-type.avsc:3:31: unknown Avro type \"Address\""},
      {"field-twice.avsc", "fixtures/avro/errors/field-twice.avsc:4:3: field \"id\" is defined twice in User"},
      {"enum-default.avsc", "fixtures/avro/errors/enum-default.avsc:3:13: enum default \"LOST\" is not one of the symbols of Status"},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    auto as_new = compare("rules/type-changed/old.avsc", std::string("errors/") + c.file);
    REQUIRE_FALSE(as_new.ok());
    CHECK(as_new.error().render() == c.rendered);
    auto as_old = compare(std::string("errors/") + c.file, "rules/type-changed/new.avsc");
    REQUIRE_FALSE(as_old.ok());
    CHECK(as_old.error().render() == c.rendered);
  }
  auto truncated = compare("rules/type-changed/old.avsc", "errors/not-json.avsc");
  REQUIRE_FALSE(truncated.ok());
  CHECK(truncated.error().file == "fixtures/avro/errors/not-json.avsc");
  CHECK(truncated.error().line > 0);
}

TEST_CASE("named Avro types come from -I roots", "[avro][inputs]") {
  auto without = compare("include/old.avsc", "include/new.avsc");
  REQUIRE_FALSE(without.ok());
  // The versions load in parallel: either may be the one reported.
  std::string message = without.error().render();
  CHECK((message == "fixtures/avro/include/new.avsc:4:28: unknown Avro type \"acme.Address\"" ||
         message == "fixtures/avro/include/old.avsc:4:28: unknown Avro type \"Address\""));
  diff::CompareOptions options;
  options.include_paths = {kDir + "include/types"};
  auto findings = compare("include/old.avsc", "include/new.avsc", options);
  REQUIRE(findings.ok());
  REQUIRE(findings->size() == 1);
  const diff::Finding& f = findings->front();
  CHECK(f.rule == "avro.field-added-without-default");
  CHECK(f.arg("field") == "work");
  CHECK(f.new_place->line == 5);
}

TEST_CASE("a top-level array of Avro named types is a union, compared branch by branch", "[avro][inputs]") {
  auto findings = compare("array-of-types/old.avsc", "array-of-types/new.avsc");
  REQUIRE(findings.ok());
  std::vector<std::string> rules;
  for (const diff::Finding& f : *findings) rules.push_back(f.rule + "@" + std::to_string(f.new_place->line));
  std::sort(rules.begin(), rules.end());
  // Address (line 2) cannot read a string zip as an int; User's home field
  // refers to the same Address pair, which is reported once.
  CHECK(rules == std::vector<std::string>{"avro.type-changed@2"});
}

TEST_CASE("transitive Avro modes check the newest version against every earlier one", "[avro][modes]") {
  const std::string v1 = kDir + "history/v1.avsc", v2 = kDir + "history/v2.avsc", v3 = kDir + "history/v3.avsc";
  auto run = [&](const std::string& mode) {
    diff::CompareOptions options;
    options.compat_mode = mode;
    options.earlier_versions = {v1};
    auto findings = diff::compare_contracts({v2, std::nullopt}, {v3, std::nullopt}, options);
    REQUIRE(findings.ok());
    return error_rules(*findings);
  };
  CHECK(run("backward").empty());
  CHECK(run("forward").empty());
  CHECK(run("full").empty());
  CHECK(run("backward-transitive") == std::vector<std::string>{"avro.field-added-without-default " + v1});
  CHECK(run("forward-transitive") == std::vector<std::string>{"avro.field-removed-without-default " + v1});
  CHECK(run("full-transitive") ==
        std::vector<std::string>{"avro.field-added-without-default " + v1, "avro.field-removed-without-default " + v1});

  diff::CompareOptions bad;
  bad.compat_mode = "sideways";
  auto refused = diff::compare_contracts({v2, std::nullopt}, {v3, std::nullopt}, bad);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("unknown --mode 'sideways'") != std::string::npos);
}
