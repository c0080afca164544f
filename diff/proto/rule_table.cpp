// The proto rules, collected from the rows next to their handlers
// (rules_*.cpp): buf's breaking rules under buf's names (kebab case,
// `proto.` prefix) and categories (FILE, PACKAGE, WIRE_JSON, WIRE; CSR is
// buf's schema-registry set). Messages follow buf's wording. The `*-added`
// rows (category "changelog") are accord's own: info findings that make
// `accord diff` a complete changelog, run whatever buf.yaml selects. Which
// buf config version knows which rule, and buf's deprecated names, are
// rule_versions.cpp's.
#include <algorithm>

#include "diff/proto/config.h"
#include "diff/proto/rules.h"

namespace accord::diff {

namespace proto {

// Sorted by id: the order `accord rules` lists them in, select_rules picks
// them in and so the walker runs each level's handlers in.
const std::vector<const Rule*>& all_rules() {
  static const std::vector<const Rule*> all = [] {
    std::vector<const Rule*> out;
    for (auto area : {file_rules(), deletion_rules(), message_rules(), field_rules(), enum_rules(), service_rules(),
                      added_rules()})
      for (const Rule& rule : area) out.push_back(&rule);
    std::sort(out.begin(), out.end(), [](const Rule* a, const Rule* b) { return a->info.id < b->info.id; });
    return out;
  }();
  return all;
}

}  // namespace proto

std::span<const RuleInfo> proto_rule_table() {
  static const std::vector<RuleInfo> rows = [] {
    std::vector<RuleInfo> out;
    for (const proto::Rule* rule : proto::all_rules()) out.push_back(rule->info);
    return out;
  }();
  return rows;
}

namespace proto {

// proto_rule_table()[i] is all_rules()[i]'s registry row, so a picked row's
// position in the table is its rule's position in all_rules().
std::vector<const Rule*> rows_of(const std::vector<const RuleInfo*>& selected) {
  const std::span<const RuleInfo> table = proto_rule_table();
  std::vector<const Rule*> out;
  out.reserve(selected.size());
  for (const RuleInfo* info : selected) out.push_back(all_rules()[static_cast<size_t>(info - table.data())]);
  return out;
}

}  // namespace proto

}  // namespace accord::diff
