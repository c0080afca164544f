// `accord usage report`: what the registry knows about each operation of a
// spec over a window of days, and whether removing it looks safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "registry/spec/spec_operations.h"
#include "registry/store/store.h"

namespace accord::registry {

enum class Verdict { safe_to_remove, blocked, unknown };
std::string_view verdict_name(Verdict v);

struct WeekCalls {
  int64_t week = 0;  // day number of the week's Monday
  int64_t calls = 0;
  // Of the week's 7 days, how many lie in the report's window and how many of
  // those have log data: a week with fewer than 7 of either is partial, and
  // its bar must not read as a drop in usage.
  int days_in_window = 7;
  int days_with_data = 7;
  bool partial() const { return days_in_window < 7 || days_with_data < days_in_window; }
};

struct ConsumerUsage {
  std::string id;
  int64_t calls = 0;
  int64_t first_seen = 0;  // Unix seconds, within the window
  int64_t last_seen = 0;
  std::vector<WeekCalls> weekly;  // this consumer's calls per week: who is migrating away
};

// Calls by response status class: [2] = 2xx ... [5] = 5xx, [0] = not known
// (a log format without the status, or one outside 1xx-5xx).
using StatusClasses = std::array<int64_t, 6>;

struct PactReference {
  std::string consumer;
  std::string field;  // "" when the pact only calls the operation
  std::string source;
};

struct OperationUsage {
  std::string label;  // "GET /users/{id}"
  std::string key;    // "GET /users/{}"
  bool deprecated = false;
  std::string sunset;
  int64_t calls = 0;
  int64_t unknown_calls = 0;  // from requests that named no consumer
  StatusClasses status{};
  std::vector<ConsumerUsage> consumers;  // most calls first; includes "unknown" when present
  std::vector<WeekCalls> weekly;
  std::vector<PactReference> pacts;
  Verdict verdict = Verdict::unknown;
  std::vector<std::string> blocked_by;  // consumers (and pact consumers) that keep it alive
  std::string reason;                   // one sentence explaining the verdict
};

struct Coverage {
  int64_t days = 0;            // days in the window
  int64_t days_with_data = 0;  // days with at least one logged request
  int64_t requests = 0;        // logged requests in the window, matched or not
  int64_t matched_calls = 0;
  int64_t unknown_consumer_calls = 0;
  std::vector<int64_t> missing_days;
};

struct UsageReport {
  std::string spec;
  std::string api;                      // whose rows and coverage the verdicts read
  std::string other_apis;               // what else the registry holds, when this API has no data
  int64_t since_day = 0;
  int64_t until_day = 0;
  Coverage coverage;
  int64_t unmatched = 0;
  std::vector<UnmatchedCount> top_unmatched;
  int64_t malformed_lines = 0;
  std::vector<OperationUsage> operations;
};

struct ReportWindow {
  int64_t today = 0;  // day number
  int64_t days = 30;
  // --coverage-from: logs exist from this day only, by the user's word; earlier
  // days of the window are not required to be covered.
  std::optional<int64_t> coverage_from;
};

// When the snapshot's API has no days: " (the registry holds data for: A, B)", so a
// misspelt --api or a spec whose title changed is seen; "" otherwise.
std::string other_apis_note(const UsageSnapshot& snapshot);

// `snapshot` should hold at least the window's days (UsageStore::load(since)).
UsageReport build_usage_report(const SpecOperations& spec, const UsageSnapshot& snapshot, ReportWindow window);

std::string render_report_text(const UsageReport& report);
std::string render_report_json(const UsageReport& report);
std::string render_report_markdown(const UsageReport& report);
std::string render_report_html(const UsageReport& report);

}  // namespace accord::registry
