#include "registry/plan.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.h"
#include "registry/consumer_identity.h"
#include "registry/operation_matcher.h"

namespace accord::registry {

namespace {

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

bool is_removal(const diff::Finding& f) {
  return f.rule.find("path-removed") != std::string::npos || f.rule.find("operation-removed") != std::string::npos;
}

// The operations a finding is about: its own, or every method of a removed path.
std::vector<std::string> affected_labels(const diff::Finding& f) {
  if (!f.operation.empty()) return {f.operation};
  std::vector<std::string> out;
  std::string_view path = f.arg("path");
  std::string_view methods = f.arg("methods");
  while (!path.empty() && !methods.empty()) {
    size_t comma = methods.find(',');
    std::string_view method = methods.substr(0, comma);
    while (!method.empty() && method.front() == ' ') method.remove_prefix(1);
    if (!method.empty()) out.push_back(std::string(method) + " " + std::string(path));
    if (comma == std::string_view::npos) break;
    methods.remove_prefix(comma + 1);
  }
  return out;
}

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < path.size()) {
    size_t end = path.find('/', i);
    if (end == std::string_view::npos) end = path.size();
    if (end > i) out.push_back(path.substr(i, end - i));
    i = end + 1;
  }
  return out;
}

// A removed operation's likely successor among the operations the new spec added:
// same method, most similar path (shared leading segments, then the last segment's name).
std::string find_operation_successor(const std::string& removed_label, const SpecOperations& old_spec,
                                     const SpecOperations& new_spec) {
  const std::string removed_key = operation_key_from_label(removed_label);
  std::set<std::string> old_keys;
  for (const SpecOperation& op : old_spec.operations) old_keys.insert(op.key);
  const size_t space = removed_label.find(' ');
  const std::string method = removed_label.substr(0, space);
  const auto removed_segments = segments(std::string_view(removed_label).substr(space + 1));
  double best = 0.0;
  std::string best_label;
  for (const SpecOperation& op : new_spec.operations) {
    if (op.method != method || old_keys.count(op.key)) continue;
    const auto candidate = segments(op.path);
    size_t shared = 0;
    while (shared < candidate.size() && shared < removed_segments.size() &&
           (candidate[shared] == removed_segments[shared] ||
            (candidate[shared].front() == '{' && removed_segments[shared].front() == '{')))
      ++shared;
    const size_t longest = std::max(candidate.size(), removed_segments.size());
    double score = longest ? static_cast<double>(shared) / static_cast<double>(longest) : 0.0;
    if (!candidate.empty() && !removed_segments.empty())
      score += 0.5 * name_similarity(candidate.back(), removed_segments.back());
    if (candidate.size() == removed_segments.size()) score += 0.25;
    if (score > best) {
      best = score;
      best_label = op.label;
    }
  }
  return best >= 0.75 ? best_label : std::string();
}

// A removed property's likely successor: a property added in the same place of the same operation,
// the only one or one with a similar name.
std::string find_field_successor(const diff::Finding& removed, const std::vector<diff::Finding>& all) {
  std::vector<std::string_view> added;
  for (const diff::Finding& f : all)
    if (f.operation == removed.operation && contains(f.rule, "property-added") &&
        f.arg("subject") == removed.arg("subject"))
      added.push_back(f.arg("property"));
  if (added.size() == 1) return std::string(added.front());
  double best = 0.5;
  std::string out;
  for (std::string_view name : added) {
    double score = name_similarity(name, removed.arg("property"));
    if (score > best) {
      best = score;
      out = std::string(name);
    }
  }
  return out;
}

// "$.items[*].nickname" reads property "nickname".
bool pact_field_reads(std::string_view pact_field, std::string_view property) {
  if (pact_field.size() < property.size()) return false;
  if (pact_field.substr(pact_field.size() - property.size()) != property) return false;
  return pact_field.size() == property.size() || pact_field[pact_field.size() - property.size() - 1] == '.';
}

}  // namespace

double name_similarity(std::string_view a, std::string_view b) {
  const size_t n = a.size(), m = b.size();
  if (n == 0 && m == 0) return 1.0;
  std::vector<size_t> row(m + 1);
  for (size_t j = 0; j <= m; ++j) row[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= m; ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return 1.0 - static_cast<double>(row[m]) / static_cast<double>(std::max(n, m));
}

bool plan_covers(const diff::Finding& f) { return f.severity >= diff::Severity::warning || is_removal(f); }

bool Plan::has_active_consumers() const {
  return std::any_of(steps.begin(), steps.end(), [](const PlanStep& s) { return s.active(); });
}

Plan build_plan(const PlanInputs& in) {
  Plan plan;
  plan.old_spec = in.old_spec->source;
  plan.new_spec = in.new_spec->source;
  plan.today = in.today;
  plan.window_days = in.window_days;
  plan.quiet_days = in.quiet_days;
  const int64_t since = in.today - in.window_days + 1;

  // Calls per operation key and consumer: in the window, and the last call ever.
  std::map<std::string, std::map<std::string, AffectedConsumer>> callers;
  std::map<std::string, int64_t> last_call;
  for (const UsageCount& c : in.usage->counts) {
    int64_t& last = last_call[c.operation];
    last = std::max(last, c.last_seen);
    if (c.day < since || c.day > in.today) continue;
    AffectedConsumer& who = callers[c.operation][c.consumer];
    who.id = c.consumer;
    who.calls += c.calls;
    who.last_seen = std::max(who.last_seen, c.last_seen);
  }
  // Pacts, matched against the old spec's operations.
  OperationMatcher matcher(*in.old_spec);
  struct PactFacts {
    std::set<std::string> consumers;
    std::map<std::string, std::set<std::string>> fields_by_consumer;
  };
  std::map<std::string, PactFacts> pacts;
  for (const PactUsage& p : in.usage->pacts) {
    int index = matcher.match(p.method, p.path);
    if (index == OperationMatcher::kNoMatch) continue;
    PactFacts& facts = pacts[in.old_spec->operations[static_cast<size_t>(index)].key];
    facts.consumers.insert(p.consumer);
    if (!p.field.empty()) facts.fields_by_consumer[p.consumer].insert(p.field);
  }

  for (const diff::Finding& f : in.findings) {
    if (!plan_covers(f)) continue;
    PlanStep step;
    step.finding = f;
    step.operations = affected_labels(f);
    if (contains(f.rule, "property")) step.field = std::string(f.arg("property"));
    if (is_removal(f) && step.operations.size() == 1)
      step.successor = find_operation_successor(step.operations.front(), *in.old_spec, *in.new_spec);
    else if (!step.field.empty() && contains(f.rule, "removed"))
      step.successor = find_field_successor(f, in.findings);

    std::map<std::string, AffectedConsumer> affected;
    for (const std::string& label : step.operations) {
      const std::string key = operation_key_from_label(label);
      step.last_call = std::max(step.last_call, last_call[key]);
      PactFacts& facts = pacts[key];
      for (const auto& [id, who] : callers[key]) {
        if (id == kUnknownConsumer) {
          step.unknown_callers = true;
          continue;
        }
        // A caller whose pact for this operation does not read the field is not affected by a field change.
        if (!step.field.empty() && facts.consumers.count(id)) {
          const auto& fields = facts.fields_by_consumer[id];
          if (std::none_of(fields.begin(), fields.end(),
                           [&](const std::string& pf) { return pact_field_reads(pf, step.field); }))
            continue;
        }
        AffectedConsumer& out = affected[id];
        out.id = id;
        out.calls += who.calls;
        out.last_seen = std::max(out.last_seen, who.last_seen);
      }
      for (const std::string& consumer : facts.consumers) {
        if (!step.field.empty()) {
          const auto& fields = facts.fields_by_consumer[consumer];
          if (std::none_of(fields.begin(), fields.end(),
                           [&](const std::string& pf) { return pact_field_reads(pf, step.field); }))
            continue;
        }
        AffectedConsumer& out = affected[consumer];
        out.id = consumer;
        out.from_pact = true;
      }
    }
    for (auto& [id, who] : affected) step.consumers.push_back(who);
    std::sort(step.consumers.begin(), step.consumers.end(), [](const AffectedConsumer& a, const AffectedConsumer& b) {
      return a.calls != b.calls ? a.calls > b.calls : a.id < b.id;
    });
    // Safe once `quiet_days` pass without a call; while callers remain, that clock restarts daily.
    const int64_t last_day = step.last_call ? core::day_of(step.last_call) : INT64_MIN / 2;
    step.safe_from_day = step.active() ? in.today + in.quiet_days : std::max(in.today, last_day + in.quiet_days);
    plan.steps.push_back(std::move(step));
  }
  return plan;
}

}  // namespace accord::registry
