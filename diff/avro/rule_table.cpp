// Every Avro rule, collected from the rows next to their handlers
// (rules_*.cpp), and how a row's report reaches the sink. The errors are the
// reasons Java's SchemaCompatibility gives (READER_FIELD_MISSING_DEFAULT_VALUE,
// TYPE_MISMATCH, MISSING_UNION_BRANCH, MISSING_ENUM_SYMBOLS, NAME_MISMATCH,
// FIXED_SIZE_MISMATCH), named by what changed from the old version to the new
// one; which of them apply depends on --mode (backward: the new schema reads
// old data; forward: the old schema reads new data). Info rows make
// `accord diff` a complete changelog.
#include "diff/avro/compare.h"
#include "diff/avro/rules.h"

namespace accord::diff {

namespace avro {

const std::vector<const Rule*>& all_rules() {
  static const std::vector<const Rule*> all = [] {
    std::vector<const Rule*> out;
    for (auto area : {type_rules(), member_rules()})
      for (const Rule& rule : area) out.push_back(&rule);
    return out;
  }();
  return all;
}

// A row of the running direction breaks the pair, and shows in the verdict;
// a changelog row shows in the changelog pass; any other row is silent here
// (a forward reason while backward runs). A probe decides, and shows nothing.
void Context::report(std::vector<Arg> args, const Site& old_at, const Site& new_at) {
  const bool breaks = has_category(*rule, direction == Direction::backward ? "backward" : "forward");
  broke = broke || breaks;
  const bool shows = breaks ? emit == Emit::verdict : emit == Emit::changelog && has_category(*rule, "changelog");
  if (quiet || !shows) return;
  if (!against.empty()) args.push_back({"against", against});
  sink.add(rule->id, std::move(args), "", place_of(old_at.node, old_at.pointer), place_of(new_at.node, new_at.pointer));
}

}  // namespace avro

std::span<const RuleInfo> avro_rule_table() {
  static const std::vector<RuleInfo> rows = [] {
    std::vector<RuleInfo> out;
    for (const avro::Rule* rule : avro::all_rules()) out.push_back(rule->info);
    return out;
  }();
  return rows;
}

}  // namespace accord::diff
