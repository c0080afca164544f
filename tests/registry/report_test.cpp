#include <catch2/catch.hpp>

#include "core/loader.h"
#include "core/clock.h"
#include "registry/report/report.h"

using namespace accord::registry;
namespace core = accord::core;

namespace {

SpecOperations spec_of(std::vector<std::pair<std::string, std::string>> ops) {
  SpecOperations spec;
  spec.source = "api.yaml";
  for (auto& [method, path] : ops) {
    SpecOperation op;
    op.method = method;
    op.path = path;
    op.key = operation_key(method, path);
    op.label = method + " " + path;
    spec.operations.push_back(op);
  }
  return spec;
}

const int64_t kToday = core::days_from_civil(2026, 11, 23);

// Every day of a 7-day window has log data.
UsageSnapshot covered_week() {
  UsageSnapshot s;
  for (int64_t d = kToday - 6; d <= kToday; ++d) s.days.push_back({d, 100, 1});
  return s;
}

const OperationUsage& find(const UsageReport& r, std::string_view label) {
  for (const OperationUsage& op : r.operations)
    if (op.label == label) return op;
  FAIL("no operation " << label);
  return r.operations.front();
}

}  // namespace

TEST_CASE("verdicts: blocked by callers or pacts, safe when unused and covered", "[registry][report]") {
  SpecOperations spec = spec_of({{"GET", "/users/{id}"}, {"DELETE", "/users/{id}"}, {"GET", "/legacy"},
                                 {"GET", "/orders"}, {"PUT", "/orders"}});
  spec.operations[2].deprecated = true;
  UsageSnapshot s = covered_week();
  const int64_t t = kToday * 86400;
  s.counts = {{"GET /users/{}", "web", kToday, 2, 10, t + 10, t + 500},
              {"GET /users/{}", "web", kToday - 1, 2, 5, t - 86400 + 3, t - 86400 + 9},
              {"GET /users/{}", "ios", kToday - 3, 5, 2, t - 3 * 86400, t - 3 * 86400},
              {"PUT /orders", "unknown", kToday, 2, 4, t, t},
              {"GET /legacy", "old-app", kToday - 30, 2, 99, t - 30 * 86400, t - 30 * 86400}};  // outside the window
  s.pacts = {{"mobile", "api", "DELETE", "/users/17", "", "mobile.json", "", ""},
             {"mobile", "api", "DELETE", "/users/17", "$.id", "mobile.json", "", ""}};
  UsageReport r = build_usage_report(spec, s, {kToday, 7, std::nullopt});

  const OperationUsage& get = find(r, "GET /users/{id}");
  CHECK(get.calls == 17);
  REQUIRE(get.consumers.size() == 2);
  CHECK(get.consumers[0].id == "web");
  CHECK(get.consumers[0].calls == 15);
  CHECK(get.consumers[0].first_seen == t - 86400 + 3);
  CHECK(get.consumers[0].last_seen == t + 500);
  CHECK(get.verdict == Verdict::blocked);
  CHECK(get.blocked_by == std::vector<std::string>{"ios", "web"});
  int64_t weekly = 0;
  for (const WeekCalls& w : get.weekly) weekly += w.calls;
  CHECK(weekly == 17);

  const OperationUsage& del = find(r, "DELETE /users/{id}");
  CHECK(del.calls == 0);
  CHECK(del.verdict == Verdict::blocked);
  CHECK(del.blocked_by == std::vector<std::string>{"mobile"});
  CHECK(del.pacts.size() == 2);

  const OperationUsage& legacy = find(r, "GET /legacy");
  CHECK(legacy.deprecated);
  CHECK(legacy.calls == 0);
  // PUT /orders was called by someone unidentified: coverage is not full.
  CHECK(legacy.verdict == Verdict::unknown);
  CHECK(find(r, "PUT /orders").verdict == Verdict::unknown);
  CHECK(r.coverage.unknown_consumer_calls == 4);
  CHECK(r.coverage.days_with_data == 7);
  CHECK(r.unmatched == 7);
}

TEST_CASE("safe-to-remove needs full coverage", "[registry][report]") {
  SpecOperations spec = spec_of({{"GET", "/a"}, {"GET", "/b"}});
  UsageSnapshot s = covered_week();
  s.counts = {{"GET /a", "web", kToday, 2, 1, kToday * 86400, kToday * 86400}};
  UsageReport full = build_usage_report(spec, s, {kToday, 7, std::nullopt});
  CHECK(find(full, "GET /b").verdict == Verdict::safe_to_remove);
  s.days.erase(s.days.begin() + 2);  // one day without logs
  UsageReport gap = build_usage_report(spec, s, {kToday, 7, std::nullopt});
  CHECK(find(gap, "GET /b").verdict == Verdict::unknown);
  CHECK(gap.coverage.missing_days.size() == 1);
  // --coverage-from after the gap: the days before it are not required.
  UsageReport declared = build_usage_report(spec, s, {kToday, 7, kToday - 3});
  CHECK(declared.coverage.missing_days.empty());
  CHECK(find(declared, "GET /b").verdict == Verdict::safe_to_remove);
  UsageReport too_early = build_usage_report(spec, s, {kToday, 7, kToday - 5});  // the gap is after it
  CHECK(find(too_early, "GET /b").verdict == Verdict::unknown);
}

TEST_CASE("JSON report has the documented shape", "[registry][report]") {
  SpecOperations spec = spec_of({{"GET", "/users/{id}"}});
  UsageSnapshot s = covered_week();
  s.counts = {{"GET /users/{}", "web", kToday, 2, 3, kToday * 86400, kToday * 86400 + 60}};
  const std::string json = render_report_json(build_usage_report(spec, s, {kToday, 7, std::nullopt}));
  auto doc = accord::core::load_text("r.json", json);
  REQUIRE(doc.ok());
  const auto* root = (*doc)->root();
  CHECK(root->get("window")->get_text("since") == "2026-11-17");
  CHECK(root->get("unmatched")->text() == "7");
  const auto* op = root->get("operations")->at(0);
  CHECK(op->get_text("operation") == "GET /users/{id}");
  CHECK(op->get_text("verdict") == "blocked");
  CHECK(op->get("consumers")->at(0)->get_text("id") == "web");
  CHECK(op->get("consumers")->at(0)->get_text("last_seen") == "2026-11-23T00:01:00Z");
  const std::string text = render_report_text(build_usage_report(spec, s, {kToday, 7, std::nullopt}));
  CHECK(text.find("web: 3 calls") != std::string::npos);
}
