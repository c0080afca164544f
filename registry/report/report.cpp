#include "registry/report/report.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.h"
#include "registry/ingest/consumer_identity.h"
#include "registry/report/unmatched_groups.h"
#include "registry/spec/operation_matcher.h"

namespace accord::registry {

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::safe_to_remove: return "safe-to-remove";
    case Verdict::blocked: return "blocked";
    case Verdict::unknown: return "unknown";
  }
  return "unknown";
}

namespace {

void decide(OperationUsage& op, const Coverage& coverage, const UsageReport& report) {
  std::set<std::string> blockers;
  for (const ConsumerUsage& c : op.consumers)
    if (c.id != kUnknownConsumer && c.calls > 0) blockers.insert(c.id);
  for (const PactReference& p : op.pacts) blockers.insert(p.consumer);
  if (!blockers.empty()) {
    op.verdict = Verdict::blocked;
    op.blocked_by.assign(blockers.begin(), blockers.end());
    op.reason = "still used by " + std::to_string(blockers.size()) + " consumer(s)";
    return;
  }
  op.verdict = Verdict::unknown;
  if (op.unknown_calls > 0) {
    op.reason = std::to_string(op.unknown_calls) + " call(s) in the window named no consumer";
  } else if (coverage.days_with_data == 0) {
    op.reason = "no log data for API '" + report.api + "' in the window" + report.other_apis;
  } else if (!coverage.missing_days.empty()) {
    op.reason = "no calls seen, but " + std::to_string(coverage.missing_days.size()) + " of " +
                std::to_string(coverage.days) + " days in the window have no log data";
  } else if (coverage.unknown_consumer_calls > 0) {
    op.reason = "no calls seen, but " + std::to_string(coverage.unknown_consumer_calls) +
                " call(s) in the window named no consumer";
  } else {
    op.verdict = Verdict::safe_to_remove;
    op.reason = "no calls in the window, every day covered, no pact uses it";
  }
}

// One entry per week the window touches (Monday first), with how many of its
// days the window and the logs cover, so partial weeks can be marked.
std::vector<WeekCalls> weekly_series(const std::map<int64_t, int64_t>& calls_by_week, const UsageReport& report,
                                     const std::set<int64_t>& days_with_data) {
  std::vector<WeekCalls> series;
  for (int64_t week = core::week_start(report.since_day); week <= report.until_day; week += 7) {
    WeekCalls w;
    w.week = week;
    auto found = calls_by_week.find(week);
    w.calls = found == calls_by_week.end() ? 0 : found->second;
    w.days_in_window = w.days_with_data = 0;
    for (int64_t day = week; day < week + 7; ++day) {
      if (day < report.since_day || day > report.until_day) continue;
      ++w.days_in_window;
      if (days_with_data.count(day)) ++w.days_with_data;
    }
    series.push_back(w);
  }
  return series;
}

}  // namespace

std::string other_apis_note(const UsageSnapshot& snapshot) {
  std::string names;
  for (const std::string& api : snapshot.recorded_apis) {
    if (api == snapshot.api) return "";
    names += (names.empty() ? "" : ", ") + (api.empty() ? std::string("(rows from before usage carried an API: `accord usage adopt --api NAME` gives them to one)") : "'" + api + "'");
  }
  return names.empty() ? "" : " (the registry holds data for: " + names + ")";
}

UsageReport build_usage_report(const SpecOperations& spec, const UsageSnapshot& snapshot, ReportWindow window) {
  UsageReport report;
  report.spec = spec.source;
  report.api = snapshot.api;
  report.other_apis = other_apis_note(snapshot);
  report.until_day = window.today;
  report.since_day = window.today - std::max<int64_t>(window.days, 1) + 1;
  report.malformed_lines = snapshot.malformed_lines;
  // By route: rows of earlier versions hold one request per id.
  for (UnmatchedGroup& g : group_unmatched(snapshot.unmatched)) report.top_unmatched.push_back({std::move(g.route), g.calls});

  Coverage& coverage = report.coverage;
  coverage.days = report.until_day - report.since_day + 1;
  std::set<int64_t> days_with_data;
  for (const DayLines& d : snapshot.days) {
    if (d.day < report.since_day || d.day > report.until_day || d.lines == 0) continue;
    days_with_data.insert(d.day);
    coverage.requests += d.lines;
    report.unmatched += d.unmatched;
  }
  coverage.days_with_data = static_cast<int64_t>(days_with_data.size());
  const int64_t required_from = std::max(report.since_day, window.coverage_from.value_or(report.since_day));
  for (int64_t day = required_from; day <= report.until_day; ++day)
    if (!days_with_data.count(day)) coverage.missing_days.push_back(day);

  std::map<std::string, size_t> by_key;
  for (const SpecOperation& op : spec.operations) {
    if (by_key.count(op.key)) continue;
    by_key[op.key] = report.operations.size();
    OperationUsage usage;
    usage.label = op.label;
    usage.key = op.key;
    usage.deprecated = op.deprecated;
    usage.sunset = op.sunset;
    report.operations.push_back(std::move(usage));
  }

  std::vector<std::map<std::string, ConsumerUsage>> consumers(report.operations.size());
  std::vector<std::map<int64_t, int64_t>> weeks(report.operations.size());
  std::vector<std::map<std::string, std::map<int64_t, int64_t>>> consumer_weeks(report.operations.size());
  for (const UsageCount& c : snapshot.counts) {
    if (c.day < report.since_day || c.day > report.until_day) continue;
    coverage.matched_calls += c.calls;
    if (c.consumer == kUnknownConsumer) coverage.unknown_consumer_calls += c.calls;
    auto found = by_key.find(c.operation);
    if (found == by_key.end()) continue;  // an operation this spec no longer has
    OperationUsage& op = report.operations[found->second];
    op.calls += c.calls;
    if (c.consumer == kUnknownConsumer) op.unknown_calls += c.calls;
    ConsumerUsage& who = consumers[found->second][c.consumer];
    if (who.calls == 0 || c.first_seen < who.first_seen) who.first_seen = c.first_seen;
    if (who.calls == 0 || c.last_seen > who.last_seen) who.last_seen = c.last_seen;
    who.id = c.consumer;
    who.calls += c.calls;
    weeks[found->second][core::week_start(c.day)] += c.calls;
    consumer_weeks[found->second][c.consumer][core::week_start(c.day)] += c.calls;
    const bool known_class = c.status_class >= 1 && c.status_class <= 5;
    op.status[known_class ? static_cast<size_t>(c.status_class) : 0] += c.calls;
  }

  OperationMatcher matcher(spec);
  for (const PactUsage& p : snapshot.pacts) {
    int index = matcher.match(p.method, p.path);
    if (index == OperationMatcher::kNoMatch) continue;
    auto found = by_key.find(spec.operations[static_cast<size_t>(index)].key);
    if (found == by_key.end()) continue;
    auto& pacts = report.operations[found->second].pacts;
    PactReference ref{p.consumer, p.field, p.source};
    bool duplicate = std::any_of(pacts.begin(), pacts.end(), [&](const PactReference& r) {
      return r.consumer == ref.consumer && r.field == ref.field;
    });
    if (!duplicate) pacts.push_back(std::move(ref));
  }

  for (size_t i = 0; i < report.operations.size(); ++i) {
    OperationUsage& op = report.operations[i];
    for (auto& [id, usage] : consumers[i]) {
      usage.weekly = weekly_series(consumer_weeks[i][id], report, days_with_data);
      op.consumers.push_back(usage);
    }
    std::sort(op.consumers.begin(), op.consumers.end(), [](const ConsumerUsage& a, const ConsumerUsage& b) {
      return a.calls != b.calls ? a.calls > b.calls : a.id < b.id;
    });
    op.weekly = weekly_series(weeks[i], report, days_with_data);
    decide(op, coverage, report);
  }
  return report;
}

}  // namespace accord::registry
