// End to end: real providers on 127.0.0.1, the verifier over libcurl, and the
// built `accord verify` run as a user would.
#include <catch2/catch.hpp>

#include <mutex>

#include "contracts/http/curl_client.h"
#include "contracts/http/remote_source.h"
#include "contracts/pact/loader.h"
#include "contracts/verify/verifier.h"
#include "core/loader.h"
#include "run_accord.h"
#include "test_paths.h"
#include "test_provider.h"

using namespace accord::contracts;
using accord_test::RunResult;
using accord_test::TestProvider;
using accord_test::pact_fixture;
using accord_test::run_accord;

namespace {

const char* kToken = "Bearer s3cr3t-t0ken-value";

// The animal service the fixtures/pact/e2e-*.json pacts describe.
struct AnimalService {
  TestProvider provider;
  std::mutex mutex;
  std::vector<std::string> state_calls;
  bool fail_states = false;

  AnimalService() {
    auto& s = provider.server();
    s.Get("/alligators/Mary", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(R"({"name":"Mary","feet":4,"tags":["green","brown"],"born":"2020-01-02"})", "application/json");
    });
    s.Post("/alligators", [](const httplib::Request& req, httplib::Response& res) {
      // The id must come from the provider state (nextId = 42), not the pact's example 1.
      bool generated = req.body.find("\"id\":42") != std::string::npos;
      res.status = generated ? 201 : 400;
      res.set_content(generated ? R"({"created":true,"id":42})" : R"({"error":"unknown id"})", "application/json");
    });
    s.Get("/broken", [](const httplib::Request&, httplib::Response& res) {
      res.status = 500;
      res.set_content("internal error", "text/plain");
    });
    s.Get("/me", [](const httplib::Request& req, httplib::Response& res) {
      std::string auth = req.get_header_value("Authorization");
      if (auth != kToken) {
        res.status = 401;
        return;
      }
      res.set_header("X-Echo", auth);  // a careless provider: echoes the secret
      res.set_content(R"({"user":"alice"})", "application/json");
    });
    s.Get("/alligators/count", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
    s.Get("/alligators.txt", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(req.get_param_value("sort") == "name" ? "Mary,Harry" : "?", "text/plain");
    });
    s.Get("/slow", [this](const httplib::Request&, httplib::Response& res) {
      provider.slow_down(10);
      res.set_content("{}", "application/json");
    });
    // The message endpoint: answers with the message the description names.
    s.Post("/messages", [](const httplib::Request& req, httplib::Response& res) {
      if (req.body.find("\"description\":\"an alligator was born\"") == std::string::npos) {
        res.status = 404;
        return;
      }
      res.set_content(R"({"name":"Baby"})", "application/json");
    });
    s.Post("/_state", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mutex);
      state_calls.push_back(req.body);
      if (fail_states) {
        res.status = 500;
        return;
      }
      res.set_content(R"({"nextId":42})", "application/json");
    });
    provider.start();
  }
};

std::vector<pact::Pact> load(const std::string& file) {
  auto pacts = pact::load_pacts({std::string(ACCORD_SOURCE_DIR) + "/fixtures/pact/" + file});
  REQUIRE(pacts.ok());
  return std::move(*pacts);
}

verify::ClientFactory curl(long timeout_ms = 5000) {
  return [timeout_ms] {
    http::ClientOptions o;
    o.timeout_ms = timeout_ms;
    return std::make_unique<http::CurlClient>(o);
  };
}

const verify::InteractionResult& find(const std::vector<verify::InteractionResult>& results, const std::string& desc) {
  for (const auto& r : results)
    if (r.description == desc) return r;
  FAIL("no result for " << desc);
  return results.front();
}

std::string all_messages(const verify::InteractionResult& r) {
  std::string s;
  for (const auto& m : r.mismatches) s += m.path + ": " + m.message + " | " + m.expected + " | " + m.actual + "\n";
  return s;
}

}  // namespace

TEST_CASE("verify: passing, failing, state change and auth header against a live provider", "[verify][e2e]") {
  AnimalService service;
  auto pacts = load("e2e-v3.json");
  verify::VerifyOptions o;
  o.provider_base_url = service.provider.url();
  o.state_change_url = service.provider.url() + "/_state";
  o.state_change_teardown = true;
  o.extra_headers.emplace_back("Authorization", kToken);
  auto results = verify::verify_pacts(pacts, o, curl());
  REQUIRE(results.size() == 4);

  const auto& get = find(results, "get an alligator");
  CHECK(get.outcome == verify::Outcome::pass);
  INFO(all_messages(get));
  CHECK(get.mismatches.empty());

  const auto& create = find(results, "create an alligator");
  INFO(all_messages(create));
  CHECK(create.outcome == verify::Outcome::pass);
  // Setup and teardown for each of the 4 interactions; the 3 without states get state "".
  REQUIRE(service.state_calls.size() == 8);
  std::vector<std::string> zoo;
  for (const auto& call : service.state_calls)
    if (call.find("\"state\":\"the zoo is open\"") != std::string::npos) zoo.push_back(call);
  REQUIRE(zoo.size() == 2);
  CHECK(zoo[0].find("\"params\":{\"zoo\":\"north\"}") != std::string::npos);
  CHECK(zoo[0].find("\"action\":\"setup\"") != std::string::npos);
  CHECK(zoo[1].find("\"action\":\"teardown\"") != std::string::npos);
  CHECK(service.state_calls[0] == R"({"state":"","params":{},"action":"setup"})");

  const auto& broken = find(results, "get the broken endpoint");
  CHECK(broken.outcome == verify::Outcome::fail);
  bool status_reported = false;
  for (const auto& m : broken.mismatches)
    status_reported |= m.path == "status" && m.expected == "200" && m.actual == "500";
  CHECK(status_reported);

  const auto& me = find(results, "get my profile");
  CHECK(me.outcome == verify::Outcome::fail);  // the echoed header differs from the contract
  bool echo_reported = false;
  for (const auto& m : me.mismatches) echo_reported |= m.path == "header.X-Echo";
  CHECK(echo_reported);
}

TEST_CASE("verify: a failing state change fails the interaction with that reason", "[verify][e2e]") {
  AnimalService service;
  service.fail_states = true;
  auto pacts = load("e2e-v3.json");
  verify::VerifyOptions o;
  o.provider_base_url = service.provider.url();
  o.state_change_url = service.provider.url() + "/_state";
  o.interaction_filter = std::regex("create");
  auto results = verify::verify_pacts(pacts, o, curl());
  REQUIRE(results.size() == 1);
  CHECK(results[0].outcome == verify::Outcome::fail);
  REQUIRE_FALSE(results[0].mismatches.empty());
  CHECK(results[0].mismatches[0].message.find("provider state 'the zoo is open' setup failed") != std::string::npos);
  CHECK(results[0].mismatches[0].message.find("500") != std::string::npos);
}

TEST_CASE("verify: pending interactions are reported but do not fail, V4 bodies and query", "[verify][e2e]") {
  AnimalService service;
  auto pacts = load("e2e-v4-pending.json");
  REQUIRE(pacts[0].interactions.size() == 3);
  CHECK(pacts[0].interactions[2].kind == pact::Interaction::Kind::message);
  verify::VerifyOptions o;
  o.provider_base_url = service.provider.url();
  o.message_path = "/messages";
  auto results = verify::verify_pacts(pacts, o, curl());
  REQUIRE(results.size() == 3);
  INFO(all_messages(find(results, "an alligator was born")));
  CHECK(find(results, "an alligator was born").outcome == verify::Outcome::pass);
  CHECK(find(results, "count alligators (not built yet)").outcome == verify::Outcome::pending_fail);
  INFO(all_messages(find(results, "list alligators as text")));
  CHECK(find(results, "list alligators as text").outcome == verify::Outcome::pass);
  auto summary = verify::summarise(results);
  CHECK(summary.fail == 0);
  CHECK(summary.pending == 1);
}

TEST_CASE("verify: provider down, slow provider and connection reset give clear verdicts", "[verify][e2e]") {
  auto pacts = load("e2e-v3.json");
  verify::VerifyOptions o;
  o.interaction_filter = std::regex("get an alligator");

  SECTION("provider down") {
    o.provider_base_url = "http://127.0.0.1:" + std::to_string(accord_test::closed_port());
    auto results = verify::verify_pacts(pacts, o, curl());
    REQUIRE(results.size() == 1);
    CHECK(results[0].outcome == verify::Outcome::fail);
    REQUIRE(results[0].mismatches.size() == 1);
    CHECK(results[0].mismatches[0].message.find("connection refused") != std::string::npos);
  }
  SECTION("slow provider hits the timeout") {
    TestProvider slow;
    slow.server().Get("/alligators/Mary", [&](const httplib::Request&, httplib::Response& res) {
      slow.slow_down(10);
      res.set_content("{}", "application/json");
    });
    slow.start();
    o.provider_base_url = slow.url();
    auto results = verify::verify_pacts(pacts, o, curl(300));
    slow.stop();
    REQUIRE(results.size() == 1);
    CHECK(results[0].outcome == verify::Outcome::fail);
    REQUIRE(results[0].mismatches.size() == 1);
    CHECK(results[0].mismatches[0].message.find("timed out after 300 ms") != std::string::npos);
  }
  SECTION("connection reset") {
    accord_test::ResettingProvider reset;
    o.provider_base_url = reset.url();
    auto results = verify::verify_pacts(pacts, o, curl());
    REQUIRE(results.size() == 1);
    CHECK(results[0].outcome == verify::Outcome::fail);
    REQUIRE(results[0].mismatches.size() == 1);
    INFO(results[0].mismatches[0].message);
    CHECK(results[0].mismatches[0].path == "request");
    CHECK(results[0].mismatches[0].message.find("connection") != std::string::npos);
  }
}

TEST_CASE("verify: parallel workers give the same verdicts in pact order", "[verify][e2e]") {
  AnimalService service;
  auto pacts = load("e2e-v3.json");
  verify::VerifyOptions o;
  o.provider_base_url = service.provider.url();
  o.state_change_url = service.provider.url() + "/_state";
  o.extra_headers.emplace_back("Authorization", kToken);
  o.concurrency = 4;
  auto results = verify::verify_pacts(pacts, o, curl());
  REQUIRE(results.size() == 4);
  CHECK(results[0].description == "get an alligator");
  CHECK(results[0].outcome == verify::Outcome::pass);
  CHECK(results[1].outcome == verify::Outcome::pass);
  CHECK(results[2].outcome == verify::Outcome::fail);
}

TEST_CASE("accord verify: exit codes as a user sees them", "[verify][e2e][cli]") {
  AnimalService service;
  std::string base = " --provider-base-url " + service.provider.url();

  RunResult failing = run_accord(pact_fixture("e2e-v3.json") + base);
  INFO(failing.out << failing.err);
  CHECK(failing.exit_code == 1);
  CHECK(failing.out.find("FAIL  get the broken endpoint") != std::string::npos);
  CHECK(failing.out.find("status: expected status 200 but got 500") != std::string::npos);

  RunResult passing = run_accord(pact_fixture("e2e-v3.json") + base + " --interaction 'alligator' --state-change-url " +
                                 service.provider.url() + "/_state");
  INFO(passing.out << passing.err);
  CHECK(passing.exit_code == 0);
  CHECK(passing.out.find("2 passed, 0 failed") != std::string::npos);

  RunResult pending = run_accord(pact_fixture("e2e-v4-pending.json") + base + " --message-path /messages");
  INFO(pending.out << pending.err);
  CHECK(pending.exit_code == 0);
  CHECK(pending.out.find("FAIL (pending)  count alligators") != std::string::npos);

  RunResult down = run_accord(pact_fixture("e2e-v3.json") + " --interaction 'get an alligator' --provider-base-url http://127.0.0.1:" +
                              std::to_string(accord_test::closed_port()));
  CHECK(down.exit_code == 1);
  CHECK(down.out.find("connection refused") != std::string::npos);

  RunResult broken = run_accord(pact_fixture("broken.json") + base);
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find("broken.json:") != std::string::npos);

  RunResult no_desc = run_accord(pact_fixture("no-description.json") + base);
  CHECK(no_desc.exit_code == 2);
  CHECK(no_desc.err.find("no-description.json:5:") != std::string::npos);
  CHECK(no_desc.err.find("description") != std::string::npos);

  RunResult missing = run_accord(pact_fixture("does-not-exist.json") + base);
  CHECK(missing.exit_code == 2);

  RunResult bad_format = run_accord(pact_fixture("e2e-v3.json") + base + " --format yaml");
  CHECK(bad_format.exit_code == 2);
}

TEST_CASE("accord verify: auth header values never appear in any output format", "[verify][e2e][cli]") {
  AnimalService service;
  std::string base = pact_fixture("e2e-v3.json") + " --provider-base-url " + service.provider.url() +
                     " --state-change-url " + service.provider.url() + "/_state";
  std::string secret = "s3cr3t-t0ken-value";
  for (const char* format : {"text", "json", "junit", "markdown"}) {
    RunResult with_h = run_accord(base + " --format " + format + " -H 'Authorization: " + kToken + "'");
    INFO(format << "\n" << with_h.out << with_h.err);
    CHECK(with_h.exit_code == 1);  // /broken and the echoed header fail
    CHECK(with_h.out.find("X-Echo") != std::string::npos);  // the mismatch is reported...
    CHECK(with_h.out.find(secret) == std::string::npos);    // ...without the value
    CHECK(with_h.err.find(secret) == std::string::npos);

    RunResult from_env = run_accord(base + " --format " + format + " --header-from-env Authorization=ACCORD_TEST_TOKEN",
                                    std::string("ACCORD_TEST_TOKEN='") + kToken + "'");
    CHECK(from_env.exit_code == 1);
    CHECK(from_env.out.find("X-Echo") != std::string::npos);
    CHECK(from_env.out.find(secret) == std::string::npos);
  }
}

TEST_CASE("accord verify: JSON report has the documented shape", "[verify][e2e][cli]") {
  AnimalService service;
  RunResult r = run_accord(pact_fixture("e2e-v3.json") + " " + pact_fixture("e2e-v4-pending.json") + " --format json --message-path messages --provider-base-url " +
                           service.provider.url() + " --state-change-url " + service.provider.url() + "/_state");
  CHECK(r.exit_code == 1);
  auto doc = accord::core::load_text("report.json", r.out, accord::core::Syntax::json);
  REQUIRE(doc.ok());
  const auto* root = (*doc)->root();
  const auto* list = root->get("interactions");
  REQUIRE(list);
  REQUIRE(list->size() == 7);
  for (const auto& m : list->children()) {
    CHECK(m.value->get("consumer"));
    CHECK(m.value->get("description"));
    std::string status(m.value->get_text("status"));
    CHECK((status == "pass" || status == "fail" || status == "pending-fail"));
    for (const auto& mm : m.value->get("mismatches")->children())
      for (const char* key : {"path", "expected", "actual", "message"}) CHECK(mm.value->get(key));
  }
  const auto* summary = root->get("summary");
  REQUIRE(summary);
  CHECK(summary->get_text("pass") == "4");   // get, create, text list, the message
  CHECK(summary->get_text("fail") == "2");   // broken, /me without the token (401)
  CHECK(summary->get_text("pending") == "1");
  CHECK(summary->get_text("skipped") == "0");
}

TEST_CASE("remote source: fetches http $refs through the client, errors name the URL", "[http][e2e]") {
  TestProvider provider;
  provider.server().Get("/schemas/pet.yaml", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("type: object\n", "application/yaml");
  });
  provider.start();
  http::ClientOptions options;
  options.timeout_ms = 5000;
  http::HttpRemoteSource source(options);
  auto ok = source.fetch(provider.url() + "/schemas/pet.yaml");
  REQUIRE(ok.ok());
  CHECK(*ok == "type: object\n");
  auto missing = source.fetch(provider.url() + "/schemas/none.yaml");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("/schemas/none.yaml") != std::string::npos);
  CHECK(missing.error().message.find("404") != std::string::npos);
  CHECK_FALSE(source.fetch("file:///etc/passwd").ok());
}
