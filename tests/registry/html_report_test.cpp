// The HTML report opened in a real headless Chromium (Debian's package): the
// DOM it builds, offline, shows the report's data and its SVG charts.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>
#include <string>
#include <vector>

#include "process_util.h"
#include "test_paths.h"

namespace {

const std::string kSpec = ACCORD_SOURCE_DIR "/fixtures/usage/report-spec.yaml";

std::string request(const std::string& day, const std::string& target, const std::string& agent, int status = 200) {
  return "10.0.0.1 - - [" + day + ":10:00:00 +0000] \"" + target + " HTTP/1.1\" " + std::to_string(status) +
         " 5 \"-\" \"" + agent + "\"\n";
}

// Chromium's DOM of `page` (a file:// address, with a #fragment if any).
std::string rendered_dom(const std::string& dir, const std::string& page) {
  auto browser = run_command({"/usr/bin/timeout", "90", "/usr/bin/chromium", "--headless", "--no-sandbox",
                              "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                              "--no-first-run", "--user-data-dir=" + dir + "/profile", "--dump-dom", page});
  INFO(browser.err.substr(0, 2000));
  REQUIRE(browser.exit_code == 0);
  return browser.out;
}

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The data-operation of each row of the operations table, in the order the DOM holds them.
std::vector<std::string> row_order(const std::string& dom) {
  std::vector<std::string> rows;
  const std::string mark = "<tr data-operation=\"";
  for (size_t at = dom.find(mark); at != std::string::npos; at = dom.find(mark, at + 1)) {
    size_t from = at + mark.size();
    rows.push_back(dom.substr(from, dom.find('"', from) - from));
  }
  return rows;
}

}  // namespace

TEST_CASE("HTML report renders its data in headless Chromium", "[registry][report][html][chromium]") {
  // scripts/install-deps.sh installs chromium: without it the browser check fails, it is not skipped.
  REQUIRE(::access("/usr/bin/chromium", X_OK) == 0);
  const std::string dir = make_temp_dir("accord-html");
  {
    std::ofstream log(dir + "/access.log");
    for (int i = 0; i < 7; ++i) log << request("16/Nov/2026", "GET /users/" + std::to_string(i), "web-<shop>/1");
    log << request("16/Nov/2026", "GET /users/99", "web-<shop>/1", 404);
    log << request("17/Nov/2026", "GET /users/98", "web-<shop>/1", 503);
    // The deprecated export: the batch job moves away (3 calls, then 1), the shop starts (Sunday 22nd).
    for (int i = 0; i < 3; ++i) log << request("11/Nov/2026", "GET /legacy/export", "nightly-batch/2");
    log << request("20/Nov/2026", "GET /legacy/export", "nightly-batch/2");
    log << request("22/Nov/2026", "GET /legacy/export", "web-<shop>/1");
    // A route the spec lacks, one line per id.
    for (int i = 0; i < 4; ++i) log << request("21/Nov/2026", "GET /v1/carts/88" + std::to_string(i), "app/1");
    // Every day of the window has a line, so only the first and last weeks are partial.
    for (int d = 10; d <= 23; ++d) log << request(std::to_string(d) + "/Nov/2026", "GET /health", "probe/1");
  }
  auto ingest = run_command({ACCORD_BINARY, "usage", "ingest", "--spec", kSpec, "--registry", dir + "/u.db",
                             "--log-format", "combined", "--consumer", "user-agent", dir + "/access.log"});
  INFO(ingest.out << ingest.err);
  REQUIRE(ingest.exit_code == 0);
  {
    std::ofstream pact(dir + "/mobile.json");
    pact << R"({"consumer": {"name": "mobile"}, "provider": {"name": "report"},
      "interactions": [{"description": "one user", "request": {"method": "GET", "path": "/users/7"},
        "response": {"status": 200, "body": {"id": 7, "name": "Ada"}}}],
      "metadata": {"pactSpecification": {"version": "2.0.0"}}})";
  }
  auto pacts = run_command({ACCORD_BINARY, "usage", "import-pacts", "--registry", dir + "/u.db", dir + "/mobile.json"});
  INFO(pacts.out << pacts.err);
  REQUIRE(pacts.exit_code == 0);
  auto report = run_command({ACCORD_BINARY, "usage", "report", "--spec", kSpec, "--registry", dir + "/u.db",
                             "--since", "14d", "--today", "2026-11-23", "--format", "html", "-o",
                             dir + "/report.html"});
  INFO(report.out << report.err);
  REQUIRE(report.exit_code == 0);
  const std::string html = read_text(dir + "/report.html");
  CHECK(html.find("http://") == std::string::npos);  // nothing to fetch: opens offline
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("<script src") == std::string::npos);

  const std::string dom = rendered_dom(dir, "file://" + dir + "/report.html");
  // Deprecated operations first, then the called ones by calls.
  CHECK(row_order(dom) == std::vector<std::string>{"GET /legacy/export", "GET /health", "GET /users/{id}"});
  CHECK(dom.find("<tr data-operation=\"GET /legacy/export\" class=\"deprecated\">") != std::string::npos);
  // Status classes per operation: 7 OK, one 404, one 503 for GET /users/{id}.
  CHECK(dom.find("<td class=\"calls n\" data-value=\"9\">9</td><td class=\"n s2xx\" data-value=\"7\">7</td>"
                 "<td class=\"n s3xx\" data-value=\"0\">0</td><td class=\"n s4xx\" data-value=\"1\">1</td>"
                 "<td class=\"n s5xx\" data-value=\"1\">1</td>") != std::string::npos);
  CHECK(dom.find("web-&lt;shop&gt; (9, last 2026-11-17)") != std::string::npos);  // escaped, not markup
  CHECK(dom.find("nightly-batch (4, last 2026-11-20)") != std::string::npos);
  CHECK(dom.find("mobile (fields: <code>$.id</code>, <code>$.name</code>)") != std::string::npos);
  CHECK(dom.find("class=\"blocked\"") != std::string::npos);
  // Charts: one weekly trend per called operation; a per-consumer trend for the deprecated one.
  CHECK(count_of(dom, "<svg class=\"trend\"") == 3);
  CHECK(dom.find("Consumers of GET /legacy/export, calls per week") != std::string::npos);
  CHECK(dom.find("<g class=\"consumer-trend\" data-consumer=\"nightly-batch\"><title>nightly-batch: 3, 1, 0 calls "
                 "per week</title>") != std::string::npos);
  CHECK(dom.find("data-consumer=\"web-&lt;shop&gt;\"><title>web-&lt;shop&gt;: 0, 1, 0 calls per week") !=
        std::string::npos);
  // 2026-11-10 is a Tuesday and the 23rd a Monday: both end weeks are partial, and say so.
  CHECK(dom.find("week of 2026-11-09: 3 calls (partial: 6 of 7 days in the window)") != std::string::npos);
  CHECK(dom.find("week of 2026-11-23: 0 calls (partial: 1 of 7 days in the window)") != std::string::npos);
  CHECK(dom.find("week of 2026-11-16: 2 calls</title>") != std::string::npos);  // a whole week is not marked
  // Unmatched requests grouped by route.
  CHECK(dom.find("<tr><td><code>GET /v1/carts/{}</code></td><td class=\"n\" data-value=\"4\">4</td></tr>") !=
        std::string::npos);
  CHECK(dom.find("GET /v1/carts/880") == std::string::npos);

  // Sortable columns: the page's own script sorts on load from the address (#sort=KEY-asc|desc).
  const std::string by_calls = rendered_dom(dir, "file://" + dir + "/report.html#sort=calls-asc");
  CHECK(row_order(by_calls) == std::vector<std::string>{"GET /legacy/export", "GET /users/{id}", "GET /health"});
  CHECK(by_calls.find("<th data-key=\"calls\" aria-sort=\"ascending\">") != std::string::npos);
  const std::string by_name = rendered_dom(dir, "file://" + dir + "/report.html#sort=operation-desc");
  CHECK(row_order(by_name) == std::vector<std::string>{"GET /users/{id}", "GET /legacy/export", "GET /health"});
  std::system(("rm -rf " + dir).c_str());
}
