// `accord plan` and `usage report` say "safe" only with evidence: a registry
// that exists, every day covered, no caller, no pact that reads the field.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>

#include "core/loader.h"
#include "postgres_server.h"
#include "process_util.h"
#include "test_paths.h"

using namespace accord;

namespace {

const std::string kPlanOld = ACCORD_SOURCE_DIR "/fixtures/usage/plan-old.yaml";
const std::string kPlanNew = ACCORD_SOURCE_DIR "/fixtures/usage/plan-new.yaml";
const std::string kFieldsOld = ACCORD_SOURCE_DIR "/fixtures/usage/fields-old.yaml";
const std::string kFieldsNew = ACCORD_SOURCE_DIR "/fixtures/usage/fields-new.yaml";
const std::string kFieldsPact = ACCORD_SOURCE_DIR "/fixtures/usage/fields-pact.json";

std::string line(const std::string& day, const std::string& request, const std::string& agent) {
  return "10.0.0.1 - - [" + day + ":10:00:00 +0000] \"" + request + " HTTP/1.1\" 200 5 \"-\" \"" + agent + "\"\n";
}

// "05/Nov/2026" as the combined format writes it.
std::string november(int day) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d/Nov/2026", day);
  return text;
}

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

CommandResult ingest(const std::string& spec, const std::string& db, const std::string& log) {
  return run_command({ACCORD_BINARY, "usage", "ingest", "--spec", spec, "--registry", db, "--log-format", "combined",
                      "--consumer", "user-agent", log});
}

// The change whose rule is `rule` (and, when given, whose field is `field`).
const core::Node* change_for(const core::Node* root, std::string_view rule, std::string_view field = "") {
  for (const core::Member& m : root->get("changes")->children())
    if (m.value->get_text("rule") == rule && (field.empty() || m.value->get_text("field") == field)) return m.value;
  return nullptr;
}

bool names_consumer(const core::Node* change, std::string_view id) {
  for (const core::Member& c : change->get("consumers")->children())
    if (c.value->get_text("id") == id) return true;
  return false;
}

}  // namespace

TEST_CASE("read-only commands never create a registry: a typo'd path is exit 2", "[registry][plan][cli]") {
  const std::string dir = make_temp_dir("accord-typo");
  const std::string typo = dir + "/usgae.db";
  auto plan = run_command({ACCORD_BINARY, "plan", kPlanOld, kPlanNew, "--registry", typo, "--today", "2026-11-23"});
  INFO(plan.out << plan.err);
  CHECK(plan.exit_code == 2);
  CHECK(plan.err.find("no usage registry at " + typo) != std::string::npos);
  CHECK(plan.out.find("SAFE") == std::string::npos);
  auto report = run_command({ACCORD_BINARY, "usage", "report", "--spec", kPlanOld, "--registry", typo});
  CHECK(report.exit_code == 2);
  CHECK(report.err.find("no usage registry") != std::string::npos);
  CHECK_FALSE(exists(typo));
  // A file that is there but holds no registry is refused too.
  std::ofstream(dir + "/empty.db").flush();
  auto empty = run_command({ACCORD_BINARY, "plan", kPlanOld, kPlanNew, "--registry", dir + "/empty.db"});
  CHECK(empty.exit_code == 2);
  CHECK(empty.err.find("not a usage registry") != std::string::npos);
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("plan: a day without logs makes an unused operation unknown, not safe", "[registry][plan][cli]") {
  const std::string dir = make_temp_dir("accord-gap");
  const std::string db = dir + "/usage.db";
  {
    std::ofstream log(dir + "/access.log");
    for (int day = 10; day <= 23; ++day)
      if (day != 17) log << line(std::to_string(day) + "/Nov/2026", "GET /v1/orders", "crm/2.0");
  }
  REQUIRE(ingest(kPlanOld, db, dir + "/access.log").exit_code == 0);
  const std::vector<std::string> base = {ACCORD_BINARY, "plan",     kPlanOld,      kPlanNew,   "--registry", db,
                                         "--today",     "2026-11-23", "--since", "14d", "--quiet-days", "14"};
  auto gap = run_command(base);
  INFO(gap.out << gap.err);
  CHECK(gap.exit_code == 1);
  CHECK(gap.out.find("UNKNOWN DELETE /users/{id}") != std::string::npos);
  CHECK(gap.out.find("1 of 14 days from 2026-11-10 to 2026-11-23 have no log data (first: 2026-11-17)") !=
        std::string::npos);
  CHECK(gap.out.find("Evidence for API 'Users v1': logs from 2026-11-10 to 2026-11-23: 13 of 14 days covered") != std::string::npos);
  CHECK(gap.out.find("SAFE ") == std::string::npos);

  auto allowed = base;
  allowed.push_back("--allow-unknown");
  CHECK(run_command(allowed).exit_code == 0);

  // Declaring that logs only exist from the 18th makes the covered days enough.
  auto declared = base;
  declared.insert(declared.end(), {"--coverage-from", "2026-11-18"});
  auto safe = run_command(declared);
  INFO(safe.out);
  CHECK(safe.exit_code == 0);
  CHECK(safe.out.find("SAFE    DELETE /users/{id}") != std::string::npos);
  CHECK(safe.out.find("(declared with --coverage-from)") != std::string::npos);
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("plan: pacts add the consumers that read a nested response field or send a request field",
          "[registry][plan][pacts][cli]") {
  const std::string dir = make_temp_dir("accord-fields");
  const std::string db = dir + "/usage.db";
  {
    std::ofstream log(dir + "/access.log");
    for (int day = 1; day <= 30; ++day) {
      const std::string d = november(day);
      log << line(d, "GET /people", "crm/2.0");
      if (day == 29) log << line(d, "POST /people", "signup/1.0");
    }
  }
  REQUIRE(ingest(kFieldsOld, db, dir + "/access.log").exit_code == 0);
  const std::vector<std::string> plan = {ACCORD_BINARY, "plan",    kFieldsOld, kFieldsNew, "--registry",
                                         db,            "--today", "2026-11-30", "--format", "json"};
  auto before = run_command(plan);
  INFO(before.out << before.err);
  REQUIRE(before.exit_code == 1);
  auto doc = core::load_text("plan.json", before.out);
  REQUIRE(doc.ok());
  const core::Node* nested = change_for((*doc)->root(), "openapi.response-optional-property-removed");
  REQUIRE(nested);
  CHECK(nested->get_text("field") == "items/items/display_name");
  CHECK(nested->get_text("status") == "blocked");
  CHECK(names_consumer(nested, "crm"));
  CHECK_FALSE(names_consumer(nested, "web"));
  const core::Node* sent = change_for((*doc)->root(), "openapi.request-property-removed");
  REQUIRE(sent);
  CHECK(sent->get_text("field") == "email");
  CHECK(sent->get_text("status") == "blocked");
  CHECK(names_consumer(sent, "signup"));  // the logs' caller, never dropped

  REQUIRE(run_command({ACCORD_BINARY, "usage", "import-pacts", "--registry", db, kFieldsPact}).exit_code == 0);
  auto after = run_command(plan);
  INFO(after.out << after.err);
  REQUIRE(after.exit_code == 1);
  doc = core::load_text("plan.json", after.out);
  REQUIRE(doc.ok());
  nested = change_for((*doc)->root(), "openapi.response-optional-property-removed");
  REQUIRE(nested);
  CHECK(names_consumer(nested, "crm"));
  CHECK(names_consumer(nested, "web"));
  REQUIRE(nested->get("pact_fields")->size() == 1);
  CHECK(nested->get("pact_fields")->at(0)->get_text("field") == "$.items[*].display_name");
  sent = change_for((*doc)->root(), "openapi.request-property-removed");
  REQUIRE(sent);
  CHECK(names_consumer(sent, "signup"));
  CHECK(names_consumer(sent, "web"));
  REQUIRE(sent->get("pact_fields")->size() == 1);
  CHECK(sent->get("pact_fields")->at(0)->get_text("field") == "request:$.email");
  CHECK(sent->get("pact_fields")->at(0)->get_text("interaction") == "add a person");
  auto text = run_command({ACCORD_BINARY, "plan", kFieldsOld, kFieldsNew, "--registry", db, "--today", "2026-11-30"});
  CHECK(text.out.find("pact:     web uses $.items[*].display_name in \"list people\"") != std::string::npos);

  // Importing again replaces; forgetting the consumer removes its pact, never the logs' callers.
  REQUIRE(run_command({ACCORD_BINARY, "usage", "import-pacts", "--registry", db, kFieldsPact}).exit_code == 0);
  doc = core::load_text("plan.json", run_command(plan).out);
  REQUIRE(doc.ok());
  CHECK(change_for((*doc)->root(), "openapi.request-property-removed")->get("pact_fields")->size() == 1);
  auto forget = run_command({ACCORD_BINARY, "usage", "forget-pact", "--registry", db, "web"});
  INFO(forget.out << forget.err);
  CHECK(forget.exit_code == 0);
  CHECK(forget.out.find("forgot 2 interactions of consumer web") != std::string::npos);
  doc = core::load_text("plan.json", run_command(plan).out);
  REQUIRE(doc.ok());
  nested = change_for((*doc)->root(), "openapi.response-optional-property-removed");
  CHECK(names_consumer(nested, "crm"));
  CHECK_FALSE(names_consumer(nested, "web"));
  CHECK(run_command({ACCORD_BINARY, "usage", "forget-pact", "--registry", db, "web"}).exit_code == 2);
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("plan headers: Sunset respects x-sunset and the notice, undeprecated operations deprecate first",
          "[registry][plan][cli]") {
  const std::string dir = make_temp_dir("accord-sunset");
  const std::string db = dir + "/usage.db";
  {
    std::ofstream log(dir + "/access.log");
    for (int day = 1; day <= 30; ++day)
      log << line(november(day), "GET /people", "crm/2.0");
  }
  REQUIRE(ingest(kFieldsOld, db, dir + "/access.log").exit_code == 0);
  auto run = run_command({ACCORD_BINARY, "plan", kFieldsOld, kFieldsNew, "--registry", db, "--today", "2026-11-30",
                          "--format", "json"});
  INFO(run.out << run.err);
  auto doc = core::load_text("plan.json", run.out);
  REQUIRE(doc.ok());
  // GET /teams is deprecated with x-sunset 2027-06-30: the plan never proposes an earlier Sunset.
  // Removing it before that date is its own rule.
  const core::Node* teams = change_for((*doc)->root(), "openapi.operation-removed-before-sunset");
  REQUIRE(teams);
  CHECK(teams->get_text("deprecate_first") == "false");
  CHECK(teams->get_text("announced_sunset") == "2027-06-30");
  CHECK(teams->get("headers")->get_text("Sunset") == "Wed, 30 Jun 2027 00:00:00 GMT");
  // A field of a never-deprecated operation: deprecate first, and 90 days' notice from today.
  const core::Node* nested = change_for((*doc)->root(), "openapi.response-optional-property-removed");
  REQUIRE(nested);
  CHECK(nested->get_text("deprecate_first") == "true");
  CHECK(nested->get("headers")->get_text("Deprecation") == "@1795996800");  // 2026-11-30
  CHECK(nested->get("headers")->get_text("Sunset") == "Sun, 28 Feb 2027 00:00:00 GMT");  // + 90 days

  // accord.yaml beside NEW can ask for more notice.
  const std::string copy = dir + "/new.yaml";
  std::ofstream(copy) << read_text(kFieldsNew);
  std::ofstream(dir + "/accord.yaml") << "deprecation-days: 120\n";
  auto longer = run_command({ACCORD_BINARY, "plan", kFieldsOld, copy, "--registry", db, "--today", "2026-11-30",
                             "--format", "json"});
  doc = core::load_text("plan.json", longer.out);
  REQUIRE(doc.ok());
  nested = change_for((*doc)->root(), "openapi.response-optional-property-removed");
  REQUIRE(nested);
  CHECK(nested->get("headers")->get_text("Sunset") == "Tue, 30 Mar 2027 00:00:00 GMT");
  std::system(("rm -rf " + dir).c_str());
}

namespace {

// Two ingests of one log at once (slowed so their commits interleave), on `db`.
void race_two_ingests(const std::string& dir, const std::string& db) {
  const std::string log = dir + "/access.log";
  const int kLines = 40000;
  {
    std::ofstream out(log);
    for (int i = 0; i < kLines; ++i)
      out << line(std::to_string(10 + i % 9) + "/Nov/2026", "GET /v1/orders", i % 2 ? "crm/1" : "web/1");
  }
  std::ofstream(dir + "/empty.log").flush();
  REQUIRE(ingest(kPlanOld, db, dir + "/empty.log").exit_code == 0);  // the registry exists before the race
  const std::vector<std::string> args = {ACCORD_BINARY, "usage",    "ingest",      "--spec",       kPlanOld,
                                         "--registry",  db,         "--log-format", "combined",     "--consumer",
                                         "user-agent",  "--commit-every", "2000",  log};
  pid_t a = spawn_command(args, {"ACCORD_TEST_COMMIT_DELAY_MS=20"}, dir + "/a.out");
  pid_t b = spawn_command(args, {"ACCORD_TEST_COMMIT_DELAY_MS=20"}, dir + "/b.out");
  int status_a = 0, status_b = 0;
  ::waitpid(a, &status_a, 0);
  ::waitpid(b, &status_b, 0);
  INFO(read_text(dir + "/a.out") << read_text(dir + "/b.out"));
  // A run that lost the race says so; running again finishes from the checkpoint.
  auto again = run_command(args);
  INFO(again.out << again.err);
  REQUIRE(again.exit_code == 0);
  auto report = run_command({ACCORD_BINARY, "usage", "report", "--spec", kPlanOld, "--registry", db, "--today",
                             "2026-11-23", "--format", "json"});
  REQUIRE(report.exit_code == 0);
  auto doc = core::load_text("report.json", report.out);
  REQUIRE(doc.ok());
  int64_t calls = 0;
  for (const core::Member& op : (*doc)->root()->get("operations")->children())
    calls += std::stoll(std::string(op.value->get_text("calls")));
  CHECK(calls == kLines);
}

}  // namespace

TEST_CASE("two concurrent ingests of one log count every line once (SQLite)", "[registry][ingest][concurrency]") {
  const std::string dir = make_temp_dir("accord-race");
  race_two_ingests(dir, dir + "/usage.db");
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("two concurrent ingests of one log count every line once (PostgreSQL)",
          "[registry][ingest][concurrency][postgres]") {
  PostgresServer server;
  // scripts/install-deps.sh installs PostgreSQL: a server that does not start is a failure, not a skip.
  if (!server.start()) FAIL("PostgreSQL did not start: " << server.failure());
  const std::string dir = make_temp_dir("accord-race-pg");
  race_two_ingests(dir, server.url());
  std::system(("rm -rf " + dir).c_str());
}
