// One data-driven test over fixtures/openapi/rules/<rule>/{old.yaml,new.yaml}:
// the whole path (format detection, loading, model, walker, rules, finalize)
// must give exactly the findings new.yaml's `# expect:` lines list, no more
// and no fewer.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "diff/config/config.h"
#include "diff/engine.h"
#include "diff/model/rules.h"
#include "diff/openapi/compare.h"
#include "diff/openapi/rules.h"
#include "diff/render/render.h"
#include "tests/rule_fixture_support.h"

namespace fs = std::filesystem;
using namespace accord;

namespace {

const char* kRulesDir = "fixtures/openapi/rules";

std::string position(const std::optional<diff::Place>& p) {
  return p ? std::to_string(p->line) + ":" + std::to_string(p->column) : "-";
}

std::vector<std::string> expected_lines(const fs::path& dir) {
  return test::without_none(test::expected_in((dir / "new.yaml").string()));
}

// A fixture may carry an accord.yaml for the rules that read it (deprecation-days).
diff::CompareOptions options_for(const fs::path& dir) {
  diff::CompareOptions options;
  if (!fs::exists(dir / "accord.yaml")) return options;
  auto config = diff::load_config((dir / "accord.yaml").string(),
                                  [](std::string_view id) { return diff::find_rule(id) != nullptr; });
  REQUIRE(config.ok());
  if (config->deprecation_days) options.min_deprecation_days = *config->deprecation_days;
  return options;
}

std::vector<std::string> actual_lines(const fs::path& dir) {
  auto findings = diff::compare_contracts({(dir / "old.yaml").string(), std::nullopt},
                                          {(dir / "new.yaml").string(), std::nullopt}, options_for(dir));
  if (!findings) return {"error: " + findings.error().render()};
  std::vector<std::string> out;
  for (const diff::Finding& f : *findings)
    out.push_back(f.rule + " " + position(f.old_place) + " " + position(f.new_place));
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<fs::path> fixture_dirs() {
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(kRulesDir))
    if (entry.is_directory()) dirs.push_back(entry.path());
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

}  // namespace

TEST_CASE("every OpenAPI rule fixture gives exactly its expected findings", "[openapi][fixtures]") {
  std::vector<fs::path> dirs = fixture_dirs();
  REQUIRE(dirs.size() > 50);
  for (const fs::path& dir : dirs) {
    INFO("fixture " << dir.string());
    // A fixture that states nothing would pass for any rule: it must say `# expect: none`.
    REQUIRE(!test::expected_in((dir / "new.yaml").string()).empty());
    CHECK(actual_lines(dir) == expected_lines(dir));
  }
}

TEST_CASE("every registered OpenAPI rule has a fixture that triggers it", "[openapi][fixtures]") {
  REQUIRE(!diff::openapi_rule_table().empty());
  for (const diff::RuleInfo& rule : diff::openapi_rule_table()) {
    std::string id(rule.id);
    REQUIRE(id.rfind("openapi.", 0) == 0);
    fs::path dir = fs::path(kRulesDir) / id.substr(8);
    INFO("rule " << id);
    REQUIRE(fs::is_directory(dir));
    std::vector<std::string> lines = expected_lines(dir);
    CHECK(std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.rfind(id + " ", 0) == 0; }));
  }
}

TEST_CASE("OpenAPI rule rows are well formed", "[openapi][fixtures]") {
  std::set<std::string_view> seen;
  for (const diff::RuleInfo& rule : diff::openapi_rule_table()) {
    INFO("rule " << rule.id);
    CHECK(seen.insert(rule.id).second);
    CHECK(rule.format == diff::Format::openapi);
    CHECK(!rule.purpose.empty());
    CHECK(!rule.message.empty());
    // Registered: the catalog (built from openapi_format().rules()) carries this row.
    const diff::RuleInfo* registered = diff::find_rule(rule.id);
    REQUIRE(registered != nullptr);
    CHECK(registered->message == rule.message);
    CHECK(registered->severity == rule.severity);
  }
}

TEST_CASE("every OpenAPI rule row registers a handler the walker runs", "[openapi][fixtures]") {
  const auto& rows = diff::openapi::all_rules();
  REQUIRE(rows.size() == diff::openapi_rule_table().size());
  const diff::openapi::Handlers none{};
  for (const diff::openapi::Rule* rule : rows) {
    INFO("rule " << rule->info.id);
    // Handlers holds only function pointers: all null is a row the walker never runs.
    CHECK(std::memcmp(&rule->on, &none, sizeof none) != 0);
  }
}

TEST_CASE("text output names the new file position, the operation and the rule", "[openapi][render]") {
  auto findings = diff::compare_contracts({"fixtures/openapi/rules/parameter-became-required/old.yaml", std::nullopt},
                                          {"fixtures/openapi/rules/parameter-became-required/new.yaml", std::nullopt},
                                          {});
  REQUIRE(findings.ok());
  diff::RenderContext ctx;
  ctx.command = "breaking";
  std::string text = diff::render_text(*findings, ctx);
  CHECK(text.find("fixtures/openapi/rules/parameter-became-required/new.yaml:9:21: error: query parameter 'limit' "
                  "became required (GET /pets) [openapi.parameter-became-required]") != std::string::npos);
}

TEST_CASE("the oasdiff coverage note maps every ERR/WARN change to a registered rule, the schema comparator or a reason",
          "[openapi][coverage]") {
  std::ifstream note("tests/openapi/oasdiff-coverage.tsv");
  REQUIRE(note.good());
  std::map<std::string, std::string> mapped;
  for (std::string line; std::getline(note, line);) {
    size_t a = line.find('\t'), b = line.rfind('\t');
    if (a == std::string::npos || line.rfind("oasdiff_id", 0) == 0) continue;
    std::string target = line.substr(b + 1);
    INFO(line);
    if (target.rfind("openapi.", 0) == 0) CHECK(diff::find_rule(target) != nullptr);
    else CHECK((target == "schema" || target.rfind("not covered: ", 0) == 0));
    mapped[line.substr(0, a)] = target;
  }
  std::ifstream reference("../shared/reference/oasdiff-rule-ids.tsv");
  REQUIRE(reference.good());  // ../shared is always present: a missing inventory fails
  size_t checked = 0;
  for (std::string line; std::getline(reference, line);) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string id = line.substr(0, tab), level = line.substr(tab + 1);
    if (level != "ERR" && level != "WARN") continue;
    INFO("oasdiff " << id);
    CHECK(mapped.count(id) == 1);
    ++checked;
  }
  CHECK(checked > 200);
}
