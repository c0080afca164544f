// One registry, many APIs: each API's verdicts read only its own rows and
// days. Another API's traffic never covers a day for this one, so an API with
// no traffic recorded is "unknown", never "safe" (SQLite and PostgreSQL).
#include <catch2/catch.hpp>

#include <fstream>

#include "core/loader.h"
#include "postgres_server.h"
#include "process_util.h"
#include "test_paths.h"

using namespace accord;

namespace {

const std::string kUsersOld = ACCORD_SOURCE_DIR "/fixtures/usage/plan-old.yaml";  // "Users" 1.0
const std::string kUsersNew = ACCORD_SOURCE_DIR "/fixtures/usage/plan-new.yaml";
const std::string kOrders = ACCORD_SOURCE_DIR "/fixtures/usage/orders-api.yaml";   // "Orders" 3.1.0, also /v1/orders

std::string line(int day, const std::string& request, const std::string& agent) {
  return "10.0.0.1 - - [" + std::to_string(day) + "/Nov/2026:10:00:00 +0000] \"" + request + " HTTP/1.1\" 200 5 \"-\" \"" +
         agent + "\"\n";
}

CommandResult ingest(const std::string& spec, const std::string& registry, const std::string& log) {
  return run_command({ACCORD_BINARY, "usage", "ingest", "--spec", spec, "--registry", registry, "--log-format",
                      "combined", "--consumer", "user-agent", log});
}

int64_t report_calls(const std::string& spec, const std::string& registry, const std::string& label) {
  auto report = run_command({ACCORD_BINARY, "usage", "report", "--spec", spec, "--registry", registry, "--today",
                             "2026-11-23", "--since", "14d", "--format", "json"});
  REQUIRE(report.exit_code == 0);
  auto doc = core::load_text("report.json", report.out);
  REQUIRE(doc.ok());
  for (const core::Member& op : (*doc)->root()->get("operations")->children())
    if (op.value->get_text("operation") == label) return std::stoll(std::string(op.value->get_text("calls")));
  FAIL("no operation " << label << " in " << report.out);
  return -1;
}

void two_apis_in_one_registry(const std::string& dir, const std::string& registry) {
  {
    std::ofstream orders(dir + "/orders.log"), users(dir + "/users.log");
    for (int day = 10; day <= 23; ++day) {
      orders << line(day, "GET /v1/orders", "shop/1.0");
      users << line(day, "GET /v1/orders", "billing/1.1");  // Users has a GET /orders too
    }
  }
  auto orders = ingest(kOrders, registry, dir + "/orders.log");
  INFO(orders.out << orders.err);
  REQUIRE(orders.exit_code == 0);
  CHECK(orders.out.find("API 'Orders v3'") != std::string::npos);

  // Every day is covered, but by Orders' logs: nothing is known about Users.
  const std::vector<std::string> plan = {ACCORD_BINARY, "plan",   kUsersOld, kUsersNew,      "--registry", registry,
                                         "--today",     "2026-11-23", "--since", "14d", "--quiet-days", "14"};
  auto blind = run_command(plan);
  INFO(blind.out << blind.err);
  CHECK(blind.exit_code == 1);
  CHECK(blind.out.find("SAFE ") == std::string::npos);
  CHECK(blind.out.find("UNKNOWN DELETE /users/{id}") != std::string::npos);
  CHECK(blind.out.find("Evidence for API 'Users v1': logs from 2026-11-10 to 2026-11-23: 0 of 14 days covered") !=
        std::string::npos);
  CHECK(blind.out.find("no log data for API 'Users v1' from 2026-11-10 to 2026-11-23 (the registry holds data for: "
                       "'Orders v3')") != std::string::npos);
  auto report = run_command({ACCORD_BINARY, "usage", "report", "--spec", kUsersOld, "--registry", registry, "--today",
                             "2026-11-23", "--since", "14d"});
  CHECK(report.exit_code == 0);
  CHECK(report.out.find("safe-to-remove") == std::string::npos);
  CHECK(report.out.find("Coverage: 0/14 days") != std::string::npos);

  // With Users' own logs for every day, the unused operations are safe; Orders keeps its own counts.
  REQUIRE(ingest(kUsersOld, registry, dir + "/users.log").exit_code == 0);
  auto seen = run_command(plan);
  INFO(seen.out << seen.err);
  CHECK(seen.exit_code == 0);
  CHECK(seen.out.find("SAFE    DELETE /users/{id}") != std::string::npos);
  CHECK(report_calls(kOrders, registry, "GET /orders") == 14);
  CHECK(report_calls(kUsersOld, registry, "GET /orders") == 14);
  // --api reads another API's rows on purpose (a spec whose title changed).
  auto renamed = run_command({ACCORD_BINARY, "usage", "report", "--spec", kUsersOld, "--api", "Orders v3",
                              "--registry", registry, "--today", "2026-11-23", "--since", "14d"});
  CHECK(renamed.out.find("shop: 14 calls") != std::string::npos);
}

}  // namespace

TEST_CASE("two APIs in one SQLite registry keep their evidence apart", "[registry][api][cli]") {
  const std::string dir = make_temp_dir("accord-apis");
  two_apis_in_one_registry(dir, dir + "/usage.db");
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("two APIs in one PostgreSQL registry keep their evidence apart", "[registry][api][cli][postgres]") {
  PostgresServer server;
  // scripts/install-deps.sh installs PostgreSQL: a server that does not start is a failure, not a skip.
  if (!server.start()) FAIL("PostgreSQL did not start: " << server.failure());
  const std::string dir = make_temp_dir("accord-apis-pg");
  two_apis_in_one_registry(dir, server.url());
  std::system(("rm -rf " + dir).c_str());
}
