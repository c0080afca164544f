// The real JSON Schema pairs in ../shared/corpus/jsonschema: every pair is
// compared (never "not available"), the breaks their SOURCE.txt notes name
// are found, the control pairs report no error, and every document keeps
// the invariants.
#include "corpus_pairs.h"

using namespace accord;

namespace {

std::map<std::string, std::vector<std::string>> g_findings;  // pair -> finding lines, computed once

const std::vector<std::string>& findings_of(const std::string& pair) {
  if (g_findings.empty())
    for (const test::CorpusPair& p : test::corpus_pairs("jsonschema"))
      g_findings[p.name] = test::finding_lines({p.old_path.string(), std::nullopt}, {p.new_path.string(), std::nullopt});
  REQUIRE(g_findings.count(pair) == 1);
  return g_findings[pair];
}

bool has(const std::string& pair, const std::string& rule, const std::string& pointer_part) {
  for (const std::string& line : findings_of(pair))
    if (line.rfind(rule + " ", 0) == 0 && line.find(pointer_part, rule.size()) != std::string::npos) return true;
  return false;
}

size_t errors(const std::string& pair) {
  size_t n = 0;
  for (const std::string& line : findings_of(pair)) {
    const diff::RuleInfo* rule = diff::find_rule(line.substr(0, line.find(' ')));
    n += rule && rule->severity == diff::Severity::error;
  }
  return n;
}

}  // namespace

TEST_CASE("every JSON Schema corpus pair is compared", "[jsonschema][corpus]") {
  auto pairs = test::corpus_pairs("jsonschema");
  REQUIRE(pairs.size() >= 16);
  for (const test::CorpusPair& p : pairs) {
    INFO(p.name);
    const auto& lines = findings_of(p.name);
    CHECK((lines.empty() || lines[0].rfind("error: ", 0) != 0));
  }
}

TEST_CASE("JSON Schema corpus: the real breaks are found", "[jsonschema][corpus]") {
  // ruff drops the show-source and tab-size settings and the ANN101/ANN102 rule codes.
  CHECK(has("schemastore-ruff-draft07", "jsonschema.backward-property-removed-rejected", "show-source"));
  CHECK(has("schemastore-ruff-draft07", "jsonschema.backward-property-removed-rejected", "tab-size"));
  CHECK(has("schemastore-ruff-draft07", "jsonschema.backward-enum-value-removed", "'ANN101'"));
  CHECK(has("schemastore-ruff-draft07", "jsonschema.backward-enum-value-removed", "'ANN102'"));
  // cargo adds additionalProperties: false.
  CHECK(has("schemastore-cargo-draft07", "jsonschema.backward-additional-properties-forbidden", ""));
  // kratos renames whitelisted_return_urls (to allowed_return_urls).
  CHECK(has("ory-kratos-config-draft07", "jsonschema.backward-property-removed-rejected", "whitelisted_return_urls"));
}

TEST_CASE("JSON Schema corpus: reorder and version-line pairs report no error", "[jsonschema][corpus]") {
  CHECK(errors("schemastore-specif-2019-09") == 0);
}

TEST_CASE("every JSON Schema corpus document keeps the invariants", "[jsonschema][corpus][invariant]") {
  for (const test::CorpusPair& p : test::corpus_pairs("jsonschema")) {
    test::check_invariants(p.old_path);
    test::check_invariants(p.new_path);
  }
}
