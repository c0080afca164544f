// The corpus runner the JSON Schema and AsyncAPI corpus tests share: each
// pair of ../shared/corpus/<area> compared once (findings kept as lines),
// and the questions their tests ask of them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "corpus_pairs.h"
#include "diff/model/rules.h"

namespace accord::test {

class CorpusRunner {
 public:
  explicit CorpusRunner(std::string area) : area_(std::move(area)) {}

  const std::vector<CorpusPair>& pairs() {
    if (pairs_.empty()) pairs_ = corpus_pairs(area_);
    return pairs_;
  }

  // The finding lines of one pair (every pair is compared on first use).
  const std::vector<std::string>& findings_of(const std::string& pair) {
    if (findings_.empty())
      for (const CorpusPair& p : pairs())
        findings_[p.name] = finding_lines({p.old_path.string(), std::nullopt}, {p.new_path.string(), std::nullopt});
    REQUIRE(findings_.count(pair) == 1);
    return findings_[pair];
  }

  // A finding of `rule` whose line mentions `pointer_part` after the rule ID.
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

  // Every pair compared (no "error: " line instead of findings); at least `minimum` pairs.
  void check_every_pair_compared(size_t minimum) {
    REQUIRE(pairs().size() >= minimum);
    for (const CorpusPair& p : pairs()) {
      INFO(p.name);
      const auto& lines = findings_of(p.name);
      CHECK((lines.empty() || lines[0].rfind("error: ", 0) != 0));
    }
  }

  // Every document; and the inline <-> $ref invariant must have had refs to
  // inline in at least `documents_with_refs` of them, or it checked nothing.
  void check_every_document_keeps_invariants(bool (*inline_target)(std::string_view), size_t documents_with_refs) {
    size_t with_refs = 0;
    for (const CorpusPair& p : pairs()) {
      with_refs += check_invariants(p.old_path, inline_target) > 0;
      with_refs += check_invariants(p.new_path, inline_target) > 0;
    }
    CHECK(with_refs >= documents_with_refs);
  }

 private:
  std::string area_;
  std::vector<CorpusPair> pairs_;
  std::map<std::string, std::vector<std::string>> findings_;
};

}  // namespace accord::test
