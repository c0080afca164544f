// Every non-schema OpenAPI rule, collected from the rows next to their
// handlers (rules_*.cpp). Schema-level rules ("openapi.request-property-..."
// / "openapi.response-property-...") are the schema comparator's table
// (diff/schema).
#include "diff/openapi/compare.h"
#include "diff/openapi/rules.h"

namespace accord::diff {

namespace openapi {

const std::vector<const Rule*>& all_rules() {
  static const std::vector<const Rule*> all = [] {
    std::vector<const Rule*> out;
    for (auto area : {operation_rules(), lifecycle_rules(), parameter_rules(), body_rules(), security_rules(),
                      server_rules()})
      for (const Rule& rule : area) out.push_back(&rule);
    return out;
  }();
  return all;
}

}  // namespace openapi

std::span<const RuleInfo> openapi_rule_table() {
  static const std::vector<RuleInfo> rows = [] {
    std::vector<RuleInfo> out;
    for (const openapi::Rule* rule : openapi::all_rules()) out.push_back(rule->info);
    return out;
  }();
  return rows;
}

}  // namespace accord::diff
