// The HTML report opened in a real headless Chromium (Debian's package): the
// DOM it builds, offline, shows the report's data and its SVG charts.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>

#include "process_util.h"
#include "test_paths.h"

namespace {

const std::string kSpec = ACCORD_SOURCE_DIR "/fixtures/usage/report-spec.yaml";

std::string request(const std::string& day, const std::string& target, const std::string& agent) {
  return "10.0.0.1 - - [" + day + ":10:00:00 +0000] \"" + target + " HTTP/1.1\" 200 5 \"-\" \"" + agent + "\"\n";
}

}  // namespace

TEST_CASE("HTML report renders its data in headless Chromium", "[registry][report][html][chromium]") {
  if (::access("/usr/bin/chromium", X_OK) != 0) {
    WARN("chromium not installed: skipping the browser check");
    return;
  }
  const std::string dir = make_temp_dir("accord-html");
  {
    std::ofstream log(dir + "/access.log");
    for (int i = 0; i < 7; ++i) log << request("16/Nov/2026", "GET /users/" + std::to_string(i), "web-<shop>/1");
    for (int i = 0; i < 3; ++i) log << request("20/Nov/2026", "GET /legacy/export", "nightly-batch/2");
    log << request("22/Nov/2026", "GET /legacy/export", "web-<shop>/1");
  }
  auto ingest = run_command({ACCORD_BINARY, "usage", "ingest", "--spec", kSpec, "--registry", dir + "/u.db",
                             "--log-format", "combined", "--consumer", "user-agent", dir + "/access.log"});
  REQUIRE(ingest.exit_code == 0);
  auto report = run_command({ACCORD_BINARY, "usage", "report", "--spec", kSpec, "--registry", dir + "/u.db",
                             "--since", "14d", "--today", "2026-11-23", "--format", "html", "-o",
                             dir + "/report.html"});
  REQUIRE(report.exit_code == 0);
  const std::string html = read_text(dir + "/report.html");
  CHECK(html.find("http://") == std::string::npos);  // nothing to fetch: opens offline
  CHECK(html.find("<script") == std::string::npos);

  auto browser = run_command({"/usr/bin/timeout", "90", "/usr/bin/chromium", "--headless", "--no-sandbox",
                              "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                              "--no-first-run", "--user-data-dir=" + dir + "/profile", "--dump-dom",
                              "file://" + dir + "/report.html"});
  INFO(browser.err.substr(0, 2000));
  REQUIRE(browser.exit_code == 0);
  const std::string& dom = browser.out;
  // The operations table, as the browser parsed it.
  CHECK(dom.find("<tr data-operation=\"GET /users/{id}\"><td><code>GET /users/{id}</code></td><td></td><td></td>"
                 "<td class=\"calls\">7</td>") != std::string::npos);
  CHECK(dom.find("<td class=\"calls\">4</td>") != std::string::npos);  // GET /legacy/export
  CHECK(dom.find("web-&lt;shop&gt; (7, last 2026-11-16)") != std::string::npos);  // escaped, not markup
  CHECK(dom.find("nightly-batch (3, last 2026-11-20)") != std::string::npos);
  CHECK(dom.find("class=\"blocked\"") != std::string::npos);
  // Charts: one weekly trend per called operation, consumer bars for the deprecated one.
  size_t trends = 0;
  for (size_t at = dom.find("<svg class=\"trend\""); at != std::string::npos; at = dom.find("<svg class=\"trend\"", at + 1))
    ++trends;
  CHECK(trends == 2);
  CHECK(dom.find("<svg class=\"consumers\"") != std::string::npos);
  CHECK(dom.find("Consumers of GET /legacy/export") != std::string::npos);
  std::system(("rm -rf " + dir).c_str());
}
