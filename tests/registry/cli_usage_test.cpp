// End-to-end through the built binary: plan's exit codes and a SIGKILLed ingest.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/loader.h"
#include "process_util.h"
#include "registry/ingest/ingest.h"
#include "registry/store/store.h"
#include "test_paths.h"

using namespace accord;

namespace {

const std::string kOld = ACCORD_SOURCE_DIR "/fixtures/usage/plan-old.yaml";
const std::string kNew = ACCORD_SOURCE_DIR "/fixtures/usage/plan-new.yaml";

std::string line(const std::string& day, const std::string& request, const std::string& agent) {
  return "10.0.0.1 - - [" + day + ":10:00:00 +0000] \"" + request + " HTTP/1.1\" 200 5 \"-\" \"" + agent + "\"\n";
}

const core::Node* change_for(const core::Node* root, std::string_view rule) {
  for (const core::Member& m : root->get("changes")->children())
    if (m.value->get_text("rule") == rule) return m.value;
  return nullptr;
}

}  // namespace

TEST_CASE("plan: a removed operation still in use blocks, an unused one is safe", "[registry][plan][cli]") {
  const std::string dir = make_temp_dir("accord-plan");
  const std::string log = dir + "/access.log";
  std::ofstream(log) << line("20/Nov/2026", "GET /v1/users/1/profile", "crm/2.0")
                     << line("21/Nov/2026", "GET /v1/users/2/profile", "billing/1.1")
                     << line("21/Nov/2026", "GET /v1/users/2/profile", "billing/1.1")
                     << line("22/Nov/2026", "GET /v1/orders", "billing/1.1")
                     << line("23/Nov/2026", "GET /v1/orders", "billing/1.1")
                     << line("01/Aug/2026", "DELETE /v1/users/2", "admin/1");  // long before the window
  const std::string db = dir + "/usage.db";
  auto ingest = run_command({ACCORD_BINARY, "usage", "ingest", "--spec", kOld, "--registry", db, "--log-format",
                             "combined", "--consumer", "user-agent", log});
  REQUIRE(ingest.exit_code == 0);

  auto plan = run_command({ACCORD_BINARY, "plan", kOld, kNew, "--registry", db, "--since", "30d", "--quiet-days",
                           "14", "--today", "2026-11-23", "--coverage-from", "2026-11-20", "--format", "json"});
  INFO(plan.out << plan.err);
  REQUIRE(plan.exit_code == 1);
  auto doc = core::load_text("plan.json", plan.out);
  REQUIRE(doc.ok());
  const core::Node* removed_path = change_for((*doc)->root(), "openapi.path-removed");
  REQUIRE(removed_path);
  CHECK(removed_path->get_text("status") == "blocked");
  CHECK(removed_path->get("consumers")->size() == 2);
  CHECK(removed_path->get("consumers")->at(0)->get_text("id") == "billing");
  CHECK(removed_path->get("consumers")->at(0)->get_text("calls") == "2");
  CHECK(removed_path->get("consumers")->at(0)->get_text("last_seen") == "2026-11-21T10:00:00Z");
  CHECK(removed_path->get("consumers")->at(1)->get_text("id") == "crm");
  CHECK(removed_path->get_text("successor") == "GET /users/{id}/details");
  CHECK(removed_path->get_text("safe_from") == "2026-12-07");
  // Never sooner than the default 90 days' notice after the Deprecation (today).
  CHECK(removed_path->get("headers")->get_text("Sunset") == "Sun, 21 Feb 2027 00:00:00 GMT");
  CHECK(removed_path->get_text("deprecate_first") == "true");

  const core::Node* removed_op = change_for((*doc)->root(), "openapi.operation-removed");
  REQUIRE(removed_op);
  CHECK(removed_op->get_text("status") == "safe");
  CHECK(removed_op->get("consumers")->size() == 0);
  CHECK(removed_op->get_text("last_call") == "2026-08-01T10:00:00Z");

  auto text = run_command(
      {ACCORD_BINARY, "plan", kOld, kNew, "--registry", db, "--today", "2026-11-23", "--coverage-from", "2026-11-20"});
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("BLOCKED GET /users/{id}/profile") != std::string::npos);
  CHECK(text.out.find("SAFE    DELETE /users/{id}") != std::string::npos);

  // Without the calls to /profile nothing is in use: exit 0.
  const std::string quiet_db = dir + "/quiet.db";
  std::ofstream(dir + "/quiet.log") << line("22/Nov/2026", "GET /v1/orders", "crm/2.0")
                                    << line("23/Nov/2026", "GET /v1/orders", "crm/2.0");
  REQUIRE(run_command({ACCORD_BINARY, "usage", "ingest", "--spec", kOld, "--registry", quiet_db, "--log-format",
                       "combined", "--consumer", "user-agent", dir + "/quiet.log"})
              .exit_code == 0);
  auto quiet = run_command({ACCORD_BINARY, "plan", kOld, kNew, "--registry", quiet_db, "--today", "2026-11-23",
                            "--coverage-from", "2026-11-22"});
  INFO(quiet.out << quiet.err);
  CHECK(quiet.exit_code == 0);
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("usage commands reject bad input with exit 2", "[registry][cli]") {
  const std::string dir = make_temp_dir("accord-bad");
  auto no_spec = run_command({ACCORD_BINARY, "usage", "ingest", "--spec", dir + "/missing.yaml", "--registry",
                              dir + "/u.db", "--log-format", "combined", "-"});
  CHECK(no_spec.exit_code == 2);
  CHECK(no_spec.err.find("missing.yaml") != std::string::npos);
  auto bad_format = run_command({ACCORD_BINARY, "usage", "ingest", "--spec", kOld, "--registry", dir + "/u.db",
                                 "--log-format", "fancy", "-"});
  CHECK(bad_format.exit_code == 2);
  CHECK(bad_format.err.find("fancy") != std::string::npos);
  auto bad_since = run_command({ACCORD_BINARY, "usage", "report", "--spec", kOld, "--registry", dir + "/u.db",
                                "--since", "forever"});
  CHECK(bad_since.exit_code == 2);
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("read-only commands never create a registry: a missing one is exit 2", "[registry][cli]") {
  const std::string dir = make_temp_dir("accord-typo");
  const std::string typo = dir + "/usgae.db";
  auto plan = run_command({ACCORD_BINARY, "plan", kOld, kNew, "--registry", typo});
  CHECK(plan.exit_code == 2);
  CHECK(plan.err.find("no usage registry at " + typo) != std::string::npos);
  auto report = run_command({ACCORD_BINARY, "usage", "report", "--spec", kOld, "--registry", typo});
  CHECK(report.exit_code == 2);
  CHECK(report.err.find("no usage registry at " + typo) != std::string::npos);
  CHECK(!std::ifstream(typo));  // nothing was created
  // A file that exists but holds no registry is refused too, and left as it was.
  const std::string other = dir + "/other.db";
  std::ofstream(other) << "";
  auto empty = run_command({ACCORD_BINARY, "plan", kOld, kNew, "--registry", other});
  CHECK(empty.exit_code == 2);
  CHECK(empty.err.find("is not a usage registry") != std::string::npos);
  std::system(("rm -rf " + dir).c_str());
}

TEST_CASE("an ingest killed mid-file resumes to exactly the counts of a clean run", "[registry][ingest][crash]") {
  const std::string dir = make_temp_dir("accord-crash");
  const std::string log = dir + "/access.log";
  {
    std::ofstream out(log);
    const char* agents[] = {"web/1", "ios/2", "-", "crm/3"};
    for (int i = 0; i < 60000; ++i)
      out << line(std::to_string(10 + i % 9) + "/Nov/2026", std::string(i % 4 ? "GET" : "DELETE") + " /v1/users/" +
                                                                 std::to_string(i % 500) + (i % 7 ? "" : "/profile"),
                  agents[i % 4]);
  }
  const std::vector<std::string> ingest_args = {ACCORD_BINARY, "usage", "ingest", "--spec", kOld, "--log-format",
                                                "combined", "--consumer", "user-agent", "--commit-every", "1000",
                                                "--registry"};
  auto args_for = [&](const std::string& db) {
    auto a = ingest_args;
    a.push_back(db);
    a.push_back(log);
    return a;
  };
  REQUIRE(run_command(args_for(dir + "/clean.db")).exit_code == 0);

  std::string first_line;
  std::getline(std::ifstream(log) >> std::noskipws, first_line);
  std::string head(registry::kFileHeadBytes, '\0');
  head.resize(static_cast<size_t>(std::ifstream(log).read(head.data(), static_cast<std::streamsize>(head.size())).gcount()));
  const std::string key = registry::file_key_of(first_line, head);
  // Slow commits down so the kill lands mid-file: 60 commits of 300 ms take
  // 18 s, longer than the polling below (at most 10 s), however loaded the
  // machine; the pauses also leave the database unlocked for the poll to read.
  pid_t pid = spawn_command(args_for(dir + "/crash.db"), {"ACCORD_TEST_COMMIT_DELAY_MS=300"}, dir + "/crash.out");
  int64_t committed_lines = 0;
  for (int i = 0; i < 400 && committed_lines < 5000; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    auto store = registry::open_store(dir + "/crash.db");
    if (!store) continue;
    auto cp = (*store)->find_checkpoint("Users v1", key);
    if (cp && cp->has_value()) committed_lines = (*cp)->line_number;
  }
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  {
    auto store = registry::open_store(dir + "/crash.db");
    REQUIRE(store.ok());
    auto cp = (*store)->find_checkpoint("Users v1", key);
    REQUIRE(cp.ok());
    REQUIRE(cp->has_value());
    CHECK_FALSE((*cp)->complete);  // killed mid-file
    CHECK((*cp)->line_number < 60000);
  }
  auto resumed = run_command(args_for(dir + "/crash.db"));
  INFO(resumed.out << resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(resumed.out.find("resumed after line") != std::string::npos);

  auto report = [&](const std::string& db) {
    return run_command({ACCORD_BINARY, "usage", "report", "--spec", kOld, "--registry", db, "--since", "30d",
                        "--today", "2026-11-23", "--format", "json"})
        .out;
  };
  const std::string clean = report(dir + "/clean.db");
  CHECK(clean.find("\"calls\": 0,") != std::string::npos);  // the report is not empty of structure
  CHECK(clean.find("\"id\": \"web\"") != std::string::npos);
  CHECK(report(dir + "/crash.db") == clean);
  std::system(("rm -rf " + dir).c_str());
}
