// What the HTML report is built from (status classes, per-consumer weeks,
// partial weeks, unmatched routes) and the order it shows operations in,
// without a browser; html_report_test.cpp opens the page in Chromium.
#include <catch2/catch.hpp>

#include "core/clock.h"
#include "registry/ingest/aggregator.h"
#include "registry/report/report.h"
#include "registry/spec/request_template.h"

using namespace accord::registry;
namespace core = accord::core;

namespace {

const int64_t kToday = core::days_from_civil(2026, 11, 25);  // a Wednesday

SpecOperations three_operations() {
  SpecOperations spec;
  spec.source = "api.yaml";
  for (auto [method, path, deprecated] : {std::tuple{"GET", "/a", false}, std::tuple{"GET", "/b", true},
                                          std::tuple{"GET", "/c", false}}) {
    SpecOperation op;
    op.method = method;
    op.path = path;
    op.key = operation_key(method, path);
    op.label = std::string(method) + " " + path;
    op.deprecated = deprecated;
    spec.operations.push_back(op);
  }
  return spec;
}

UsageReport sample_report() {
  UsageSnapshot s;
  // 14-day window: 2026-11-12 (a Thursday) to 2026-11-25; no log data on the 20th.
  for (int64_t d = kToday - 13; d <= kToday; ++d)
    if (d != core::days_from_civil(2026, 11, 20)) s.days.push_back({d, 10, 0});
  const int64_t t = kToday * 86400;
  s.counts = {{"GET /c", "web", kToday, 2, 5, t, t},
              {"GET /c", "web", kToday, 4, 2, t, t},
              {"GET /c", "web", kToday - 1, 5, 1, t, t},
              {"GET /c", "web", kToday, 0, 3, t, t},
              {"GET /b", "batch", kToday - 12, 2, 6, t, t},  // week of 11-09
              {"GET /b", "batch", kToday - 2, 2, 1, t, t},   // week of 11-23
              {"GET /b", "shop", kToday - 5, 2, 4, t, t}};   // week of 11-16
  s.unmatched = {{"GET /v1/carts/8812", 3}, {"GET /v1/carts/17", 2},
                 {"GET /v1/carts/0b8f2c1e-3a4d-4c9a-9f1e-2b7d6c5a4e3f", 1}, {"GET /status", 4}};
  return build_usage_report(three_operations(), s, {kToday, 14, std::nullopt});
}

const OperationUsage& op_named(const UsageReport& r, const std::string& label) {
  for (const OperationUsage& op : r.operations)
    if (op.label == label) return op;
  FAIL("no operation " << label);
  return r.operations.front();
}

}  // namespace

TEST_CASE("report: calls per status class, per operation", "[registry][report][html]") {
  UsageReport r = sample_report();
  const OperationUsage& c = op_named(r, "GET /c");
  CHECK(c.status[2] == 5);
  CHECK(c.status[4] == 2);
  CHECK(c.status[5] == 1);
  CHECK(c.status[0] == 3);  // lines whose status class is not known
  CHECK(c.status[3] == 0);
}

TEST_CASE("report: each consumer's calls per week, partial weeks marked", "[registry][report][html]") {
  UsageReport r = sample_report();
  const OperationUsage& b = op_named(r, "GET /b");
  REQUIRE(b.weekly.size() == 3);  // weeks of 11-09, 11-16, 11-23
  CHECK(b.weekly[0].days_in_window == 4);  // Thu 12th to Sun 15th
  CHECK(b.weekly[0].partial());
  CHECK(b.weekly[1].days_in_window == 7);
  CHECK(b.weekly[1].days_with_data == 6);  // the 20th has no log data
  CHECK(b.weekly[1].partial());
  CHECK(b.weekly[2].days_in_window == 3);  // Mon 23rd to Wed 25th
  REQUIRE(b.consumers.size() == 2);
  CHECK(b.consumers[0].id == "batch");
  REQUIRE(b.consumers[0].weekly.size() == 3);
  CHECK(b.consumers[0].weekly[0].calls == 6);
  CHECK(b.consumers[0].weekly[1].calls == 0);
  CHECK(b.consumers[0].weekly[2].calls == 1);
  CHECK(b.consumers[1].weekly[1].calls == 4);  // shop
}

TEST_CASE("unmatched requests are grouped by the route they look like", "[registry][report][html]") {
  CHECK(request_template("GET /v1/carts/8812") == "GET /v1/carts/{}");
  CHECK(request_template("GET /v1/carts/0b8f2c1e-3a4d-4c9a-9f1e-2b7d6c5a4e3f/items") == "GET /v1/carts/{}/items");
  CHECK(request_template("GET /files/deadbeef42?x=1") == "GET /files/{}");
  CHECK(request_template("GET /v2/users/me") == "GET /v2/users/me");  // "v2" and "me" are route words
  CHECK(request_template("POST /") == "POST /");
  CHECK(request_template("GET /a//b/") == "GET /a//b/");
  CHECK_FALSE(looks_like_identifier("v2"));
  CHECK_FALSE(looks_like_identifier("deadbeef"));  // hex letters only: a word
  CHECK(looks_like_identifier("a1b2c3d4e5f6g7h8i9"));

  // Rows of earlier versions hold one request per id: the report groups them.
  const std::vector<UnmatchedCount>& groups = sample_report().top_unmatched;
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].request == "GET /v1/carts/{}");
  CHECK(groups[0].calls == 6);
  CHECK(groups[1].request == "GET /status");
  CHECK(groups[1].calls == 4);
}

TEST_CASE("HTML report: deprecated operations first, then the called ones", "[registry][report][html]") {
  const std::string html = render_report_html(sample_report());
  const size_t b = html.find("<tr data-operation=\"GET /b\""), c = html.find("<tr data-operation=\"GET /c\""),
               a = html.find("<tr data-operation=\"GET /a\"");
  REQUIRE(b != std::string::npos);
  REQUIRE(c != std::string::npos);
  REQUIRE(a != std::string::npos);
  CHECK(b < c);  // deprecated first
  CHECK(c < a);  // then called, then never called
  CHECK(html.find("<td class=\"n s4xx\" data-value=\"2\">2</td>") != std::string::npos);
  CHECK(html.find("<code>GET /v1/carts/{}</code>") != std::string::npos);
  CHECK(html.find("<script src") == std::string::npos);  // one offline file
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
}

TEST_CASE("ingest counts unmatched requests by route, not per id", "[registry][ingest][unmatched]") {
  SpecOperations spec = three_operations();
  Aggregator aggregator(spec);
  const int64_t t = kToday * 86400;
  for (int id = 0; id < 500; ++id) aggregator.add_unmatched("GET", "/v1/carts/" + std::to_string(1000 + id) + "?page=2", t);
  aggregator.add_unmatched("DELETE", "/v1/carts/0b8f2c1e-3a4d-4c9a-9f1e-2b7d6c5a4e3f", t);
  IngestBatch batch;
  aggregator.drain_into(batch);
  REQUIRE(batch.unmatched.size() == 2);
  CHECK(batch.unmatched[0].request == "DELETE /v1/carts/{}");
  CHECK(batch.unmatched[0].calls == 1);
  CHECK(batch.unmatched[1].request == "GET /v1/carts/{}");
  CHECK(batch.unmatched[1].calls == 500);  // every line counted, where per-id keys kept only the top 200
  REQUIRE(batch.days.size() == 1);
  CHECK(batch.days[0].unmatched == 501);
}
