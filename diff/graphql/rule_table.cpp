// Every GraphQL rule, collected from the rows next to their handlers
// (rules_*.cpp): graphql-inspector's change classes (its ChangeType names are
// the categories) with its three levels mapped breaking -> error, dangerous
// -> warning, non-breaking -> info. Where one class has two levels (a type
// change that is safe or not, an argument added as required or not), it is
// two rows. The files are listed in the order the walker has always run
// their handlers, so the findings keep their order.
#include "diff/graphql/compare.h"
#include "diff/graphql/rules.h"

namespace accord::diff {

namespace graphql {

const std::vector<const Rule*>& all_rules() {
  static const std::vector<const Rule*> all = [] {
    std::vector<const Rule*> out;
    for (auto area : {type_rules(), field_rules(), input_rules(), directive_rules()})
      for (const Rule& rule : area) out.push_back(&rule);
    return out;
  }();
  return all;
}

}  // namespace graphql

std::span<const RuleInfo> graphql_rule_table() {
  static const std::vector<RuleInfo> rows = [] {
    std::vector<RuleInfo> out;
    for (const graphql::Rule* rule : graphql::all_rules()) out.push_back(rule->info);
    return out;
  }();
  return rows;
}

}  // namespace accord::diff
