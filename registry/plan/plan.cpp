#include "registry/plan/plan.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.h"
#include "registry/ingest/consumer_identity.h"
#include "registry/pact/pact_path.h"
#include "registry/spec/operation_matcher.h"

namespace accord::registry {

namespace {

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

bool is_removal(const diff::Finding& f) {
  return f.rule.find("path-removed") != std::string::npos || f.rule.find("operation-removed") != std::string::npos;
}

// The operations a finding is about: its own, or every method of a removed path.
std::vector<std::string> affected_labels(const diff::Finding& f) {
  if (!f.operations.empty()) return f.operations;
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

// Whether a pact field is touched by a finding about `property` (the diff's schema path):
// response changes by the fields a consumer reads, request changes by the ones it sends.
bool pact_field_touches(const std::string& stored, const diff::Finding& f, std::string_view property) {
  const PactField field = parse_pact_field(stored);
  const bool request_change = f.rule.find(".request-") != std::string::npos;
  if (field.part == PactPart::response_body && !request_change) return reads_schema_path(field.name, property);
  if (field.part == PactPart::request_body && request_change) return reads_schema_path(field.name, property);
  return false;
}

// The span verdicts need covered: the longer of the usage window and the
// quiet period, shortened only by a --coverage-from the user declares.
PlanEvidence gather_evidence(const PlanInputs& in) {
  PlanEvidence ev;
  ev.api = in.usage->api;
  ev.other_apis = other_apis_note(*in.usage);
  ev.last_day = in.today;
  ev.first_day = in.today - std::max(in.window_days, in.quiet_days) + 1;
  if (in.coverage_from && *in.coverage_from > ev.first_day) {
    ev.first_day = std::min(*in.coverage_from, in.today);
    ev.declared = true;
  }
  std::set<int64_t> covered;
  for (const DayLines& d : in.usage->days) {
    if (d.day < ev.first_day || d.day > ev.last_day || d.lines == 0) continue;
    covered.insert(d.day);
    ev.requests += d.lines;
  }
  ev.days_with_data = static_cast<int64_t>(covered.size());
  for (int64_t day = ev.first_day; day <= ev.last_day; ++day)
    if (!covered.count(day)) ev.missing_days.push_back(day);
  std::set<std::string> pact_consumers;
  for (const PactUsage& p : in.usage->pacts) pact_consumers.insert(p.consumer);
  ev.pact_consumers = pact_consumers.size();
  return ev;
}

void decide(PlanStep& step, const PlanEvidence& ev) {
  const std::string span = core::format_day(ev.first_day) + " to " + core::format_day(ev.last_day);
  if (!step.consumers.empty()) {
    step.verdict = Verdict::blocked;
    std::string who;
    for (const AffectedConsumer& c : step.consumers) who += (who.empty() ? "" : ", ") + c.id;
    step.reason = "used by " + who;
  } else if (step.unknown_callers) {
    step.reason = "called from " + span + " by callers that named no consumer";
  } else if (ev.days_with_data == 0) {
    step.reason = "no log data for API '" + ev.api + "' from " + span + ev.other_apis;
  } else if (!ev.missing_days.empty()) {
    step.reason = std::to_string(ev.missing_days.size()) + " of " + std::to_string(ev.days()) + " days from " + span +
                  " have no log data (first: " + core::format_day(ev.missing_days.front()) + ")";
  } else {
    step.verdict = Verdict::safe_to_remove;
    step.reason = "no calls from " + span + ", every day covered, no pact uses it";
    return;
  }
  if (step.verdict != Verdict::blocked) step.verdict = Verdict::unknown;
}

// Deprecation is announced today; Sunset is never before what the spec already
// announced (x-sunset), nor sooner than the minimum notice, nor before removal is safe.
void date_headers(PlanStep& step, const PlanInputs& in) {
  step.deprecated = !step.operations.empty();
  for (const std::string& label : step.operations) {
    const std::string key = operation_key_from_label(label);
    bool found = false;
    for (const SpecOperation& op : in.old_spec->operations) {
      if (op.key != key) continue;
      found = true;
      step.deprecated = step.deprecated && op.deprecated && step.field.empty();
      if (auto day = core::parse_day(op.sunset)) step.announced_sunset = std::max(step.announced_sunset, *day);
    }
    if (!found) step.deprecated = false;
  }
  step.sunset_day = std::max({step.safe_from_day, in.today + in.deprecation_days, step.announced_sunset});
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

size_t Plan::count(Verdict v) const {
  return static_cast<size_t>(std::count_if(steps.begin(), steps.end(), [v](const PlanStep& s) { return s.verdict == v; }));
}

Plan build_plan(const PlanInputs& in) {
  Plan plan;
  plan.old_spec = in.old_spec->source;
  plan.new_spec = in.new_spec->source;
  plan.today = in.today;
  plan.window_days = in.window_days;
  plan.quiet_days = in.quiet_days;
  plan.deprecation_days = in.deprecation_days;
  plan.evidence = gather_evidence(in);
  // Callers count from the start of the whole span: a call in the quiet period blocks
  // even when it is older than the window.
  const int64_t since = in.today - std::max(in.window_days, in.quiet_days) + 1;

  // Calls per operation key and consumer: in the span, and the last call ever.
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
  std::map<std::string, std::vector<const PactUsage*>> pacts;
  for (const PactUsage& p : in.usage->pacts) {
    int index = matcher.match(p.method, p.path);
    if (index == OperationMatcher::kNoMatch) continue;
    pacts[in.old_spec->operations[static_cast<size_t>(index)].key].push_back(&p);
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
      // Every consumer the logs show calling is affected: a pact never removes one.
      for (const auto& [id, who] : callers[key]) {
        if (id == kUnknownConsumer) {
          step.unknown_callers = true;
          continue;
        }
        AffectedConsumer& out = affected[id];
        out.id = id;
        out.calls += who.calls;
        out.last_seen = std::max(out.last_seen, who.last_seen);
      }
      // Pacts add the consumers that call the operation (a change to the operation itself)
      // or read or send the changed field.
      for (const PactUsage* p : pacts[key]) {
        const bool touches = step.field.empty() ? p->field.empty() : pact_field_touches(p->field, f, step.field);
        if (!touches) continue;
        if (!p->field.empty()) step.pact_reads.push_back({p->consumer, p->field, p->source, p->consumer_version, p->interaction});
        AffectedConsumer& out = affected[p->consumer];
        out.id = p->consumer;
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
    decide(step, plan.evidence);
    date_headers(step, in);
    plan.steps.push_back(std::move(step));
  }
  return plan;
}

}  // namespace accord::registry
