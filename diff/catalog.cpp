// The catalog of every rule of every format, and the last step of a
// comparison: severities, messages and fingerprints from the registry.
// It lives above the format libraries because it reads every registered
// format's table (diff/format/formats.def).
#include <algorithm>
#include <mutex>
#include <tuple>

#include "diff/format/format.h"
#include "diff/model/merge.h"
#include "diff/model/rules.h"
#include "diff/model/sink.h"

namespace accord::diff {

namespace {

bool by_id(const RuleInfo* a, const RuleInfo* b) { return a->id < b->id; }

const RuleInfo* lookup(const std::vector<const RuleInfo*>& sorted, std::string_view id) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), id,
                             [](const RuleInfo* r, std::string_view key) { return r->id < key; });
  return it != sorted.end() && (*it)->id == id ? *it : nullptr;
}

// One format's rules sorted by ID, made on first use. Several formats derive
// their tables when first asked (the schema rule rows in each direction),
// and deriving every format's was half of a small comparison's instructions.
struct SortedRules {
  std::once_flag once;
  std::vector<const RuleInfo*> rules;
};

const std::vector<const RuleInfo*>& rules_of(size_t format_index) {
  static std::vector<SortedRules> tables(all_formats().size());
  SortedRules& t = tables[format_index];
  std::call_once(t.once, [&] {
    for (const RuleInfo& r : all_formats()[format_index]->rules()) t.rules.push_back(&r);
    std::sort(t.rules.begin(), t.rules.end(), by_id);
  });
  return t.rules;
}

}  // namespace

const std::vector<const RuleInfo*>& all_rules() {
  static const std::vector<const RuleInfo*> rules = [] {
    std::vector<const RuleInfo*> out;
    for (size_t i = 0; i < all_formats().size(); ++i) out.insert(out.end(), rules_of(i).begin(), rules_of(i).end());
    std::sort(out.begin(), out.end(), by_id);
    return out;
  }();
  return rules;
}

const RuleInfo* find_rule(std::string_view id) {
  // "<format>.<name>": that format's table first.
  const std::string_view prefix = id.substr(0, id.find('.'));
  const auto formats = all_formats();
  for (size_t i = 0; i < formats.size(); ++i)
    if (formats[i]->id().name == prefix) {
      if (const RuleInfo* rule = lookup(rules_of(i), id)) return rule;
      break;
    }
  return lookup(all_rules(), id);  // an unknown ID (or one outside its format's prefix)
}

void finalize_findings(std::vector<Finding>& findings) {
  for (Finding& f : findings) {
    if (const RuleInfo* rule = find_rule(f.rule)) f.severity = rule->severity;
    if (f.fingerprint.empty()) f.fingerprint = compute_fingerprint(f);
  }
  // Sorted by where they are, then rule and fingerprint; the order is found
  // on the keys and each finding moved once (moving whole findings through
  // a merge sort cost more than the rest of finalizing).
  using Key = std::tuple<std::string_view, uint32_t, uint32_t, std::string_view, std::string_view>;
  std::vector<std::pair<Key, uint32_t>> order;
  order.reserve(findings.size());
  for (uint32_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    const Place* p = f.primary();
    order.emplace_back(Key(p ? std::string_view(p->file) : std::string_view(), p ? p->line : 0u,
                           p ? p->column : 0u, std::string_view(f.rule), std::string_view(f.fingerprint)),
                       i);
  }
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Finding> sorted;
  sorted.reserve(findings.size());
  for (const auto& [key, index] : order)  // equal fingerprints: the first in order stays
    if (sorted.empty() || sorted.back().fingerprint != findings[index].fingerprint)
      sorted.push_back(std::move(findings[index]));
  findings = std::move(sorted);
  merge_same_change(findings);
  // Messages last: only the findings that stay are rendered (neither the
  // order, the fingerprint nor the merge reads a message).
  for (Finding& f : findings) {
    if (!f.message.empty()) continue;
    const RuleInfo* rule = find_rule(f.rule);
    f.message = rule ? render_message(rule->message, f.args) : f.rule;
  }
}

}  // namespace accord::diff
