// Matching rules as the Pact specification defines them (V2 flat JSONPath keys,
// V3/V4 categories with `combine` AND/OR), parsed from pact JSON.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "contracts/matching/path_expr.h"
#include "core/expected.h"
#include "core/node.h"

namespace accord::contracts::matching {

struct RuleCategory;

enum class RuleKind {
  equality, regex, type, min_type, max_type, min_max_type, timestamp, time, date, include, number,
  integer, decimal, null_value, content_type, array_contains, values, boolean, status_code,
  not_empty, semver, each_key, each_value
};

struct ArrayVariant {
  size_t index = 0;
  std::shared_ptr<RuleCategory> rules;  // paths relative to the variant ("$", "$.name")
};

struct MatchingRule {
  RuleKind kind = RuleKind::equality;
  std::string text;    // regex, date/time format, include value, content type
  size_t min = 0;
  size_t max = 0;
  std::vector<int> statuses;  // statusCode with explicit codes
  std::string status_class;   // "success", "clientError", ... (statusCode)
  std::vector<MatchingRule> sub_rules;  // eachKey / eachValue
  std::vector<ArrayVariant> variants;   // arrayContains

  bool is_type() const {
    return kind == RuleKind::type || kind == RuleKind::min_type || kind == RuleKind::max_type ||
           kind == RuleKind::min_max_type;
  }
  bool is_values_like() const {
    return kind == RuleKind::values || kind == RuleKind::each_value || kind == RuleKind::array_contains;
  }
  // values/eachKey/eachValue apply to the collection they name, not below it.
  bool cascades() const {
    return kind != RuleKind::values && kind != RuleKind::each_value && kind != RuleKind::each_key;
  }
  std::string describe() const;  // "must match the regular expression /\d+/"
};

struct RuleList {
  std::vector<MatchingRule> rules;
  bool combine_or = false;
  bool cascaded = false;  // picked from a parent path
  bool empty() const { return rules.empty(); }
  bool has_type_rule() const;
};

// Rules of one category. Bodies use paths; headers and query use names
// ("$.Accept" style paths with a single field, compared case-insensitively for headers).
struct RuleCategory {
  std::vector<std::pair<PathExpr, RuleList>> entries;

  bool empty() const { return entries.empty(); }
  // Any rule whose path reaches `location`.
  bool defined_for(const std::vector<std::string>& location) const;
  bool type_rule_defined_for(const std::vector<std::string>& location) const;
  // The heaviest rule list whose path reaches `location` (empty when none);
  // `cascaded` is set when it was written for a parent.
  RuleList best_for(const std::vector<std::string>& location) const;
  // Rules for a named item (header, query parameter); `ignore_case` for headers.
  const RuleList* for_name(std::string_view name, bool ignore_case) const;
  void add(PathExpr path, RuleList list);
};

struct MatchingRules {
  RuleCategory body, header, query, path, method, status, metadata;
};

// V2: {"$.body.a": {"match": "type"}, "$.headers.X": {...}, "$.path": {...}}.
core::Status parse_v2_rules(const core::Node* node, MatchingRules& out);
// V3/V4: {"body": {"$.a": {"matchers": [...], "combine": "AND"}}, "header": {...}, "path": {...}}.
core::Status parse_v3_rules(const core::Node* node, MatchingRules& out);
// One matcher object ({"match": "regex", "regex": "..."} or V2 shorthand).
core::Expected<MatchingRule> parse_rule(const core::Node* node);

core::Error error_at(const core::Node* node, std::string message);

}  // namespace accord::contracts::matching
