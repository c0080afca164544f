// The real AsyncAPI pairs in ../shared/corpus/asyncapi: every pair is
// compared (2.x -> 3.0 migrations included), the documented breaks are
// found, the control pairs report no error, every document keeps the invariants.
#include "../jsonschema/corpus_pairs.h"
#include "diff/model/rules.h"

using namespace accord;

namespace {

std::map<std::string, std::vector<std::string>> g_findings;

const std::vector<std::string>& findings_of(const std::string& pair) {
  if (g_findings.empty())
    for (const test::CorpusPair& p : test::corpus_pairs("asyncapi"))
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

TEST_CASE("every AsyncAPI corpus pair is compared", "[asyncapi][corpus]") {
  auto pairs = test::corpus_pairs("asyncapi");
  REQUIRE(pairs.size() >= 8);
  for (const test::CorpusPair& p : pairs) {
    INFO(p.name);
    const auto& lines = findings_of(p.name);
    CHECK((lines.empty() || lines[0].rfind("error: ", 0) != 0));
  }
}

TEST_CASE("AsyncAPI corpus: the real breaks are found", "[asyncapi][corpus]") {
  // rimfrost renames its request channel vah.kundbehovsflode.requests -> handlaggning.requests.
  CHECK(has("fk-rimfrost-process-3.0", "asyncapi.channel-renamed", "/channels/handlaggning.requests/address"));
}

TEST_CASE("AsyncAPI corpus: version-line pairs report no error", "[asyncapi][corpus]") {
  // Only `asyncapi: 3.0.0` -> `3.1.0` changes.
  CHECK(errors("spec-example-kraken-3x") == 0);
  CHECK(findings_of("spec-example-kraken-3x").empty());
}

TEST_CASE("every AsyncAPI corpus document keeps the invariants", "[asyncapi][corpus][invariant]") {
  for (const test::CorpusPair& p : test::corpus_pairs("asyncapi")) {
    test::check_invariants(p.old_path);
    test::check_invariants(p.new_path);
  }
}
