// `accord test` end to end: the built binary, run as a user would, against a
// real provider on 127.0.0.1 (pet_provider.cpp) and fixtures/spec_test/.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "core/loader.h"
#include "pet_provider.h"
#include "run_accord.h"

using namespace accord;
using namespace accord::spec_test_support;

namespace {

const char* kSpec = "fixtures/spec_test/petstore.yaml";

struct Verdict {
  std::string status;
  std::string reason;
  std::vector<std::pair<std::string, std::string>> mismatches;  // path, message
};

// The JSON report, keyed by operation label.
std::map<std::string, Verdict> verdicts(const AccordRun& run) {
  auto doc = core::load_text("report", run.out, core::Syntax::json);
  INFO(run.out << run.err);
  REQUIRE(doc.ok());
  const core::Node* interactions = (*doc)->root()->get("interactions");
  REQUIRE(interactions);
  std::map<std::string, Verdict> out;
  for (const auto& m : interactions->children()) {
    Verdict v;
    v.status = m.value->get_text("status");
    v.reason = m.value->get_text("reason");
    for (const auto& mm : m.value->get("mismatches")->children())
      v.mismatches.emplace_back(mm.value->get_text("path"), mm.value->get_text("message"));
    out[std::string(m.value->get_text("description"))] = v;
  }
  return out;
}

bool mentions(const Verdict& v, const std::string& path, const std::string& text) {
  for (const auto& [p, message] : v.mismatches)
    if (p == path && message.find(text) != std::string::npos) return true;
  return false;
}

AccordRun test_against(const std::string& base_url, const std::string& operations, const std::string& format = "json",
                       std::vector<std::string> extra = {}, const std::vector<std::string>& env = {}) {
  std::vector<std::string> args{"test", kSpec, "--base-url", base_url, "--timeout", "10", "--format", format};
  if (!operations.empty()) args.insert(args.end(), {"--operation", operations});
  // These cases are about what a call finds, POST/PUT/DELETE included: every
  // method unless the case says otherwise (the default is --methods safe).
  if (std::find(extra.begin(), extra.end(), "--methods") == extra.end()) extra.insert(extra.end(), {"--methods", "all"});
  args.insert(args.end(), extra.begin(), extra.end());
  return run_accord(args, env);
}

}  // namespace

TEST_CASE("accord test: operations the provider honours pass and exit 0") {
  PetProvider provider;
  REQUIRE(provider.running());
  auto run = test_against(provider.base_url(),
                          "^(GET /pets/\\{id\\}|POST /pets|GET /health|GET /legacy-announced|POST /orders|GET /owners/\\{ownerId\\})$");
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  auto v = verdicts(run);
  // POST /pets once per named example; POST /orders and GET /owners from their schemas.
  REQUIRE(v.size() == 7);
  CHECK(v.count("POST /pets (example 'rex')") == 1);
  CHECK(v.count("POST /pets (example 'tom')") == 1);
  for (const auto& [label, verdict] : v) {
    INFO(label);
    CHECK(verdict.status == "pass");
  }
}

TEST_CASE("accord test: each kind of departure fails with its own verdict and exit 1") {
  PetProvider provider;
  REQUIRE(provider.running());
  auto run = test_against(provider.base_url(), "wrong-status|wrong-content-type|bad-body|missing-header|^GET /legacy$");
  INFO(run.out << run.err);
  CHECK(run.exit_code == 1);
  auto v = verdicts(run);
  REQUIRE(v.size() == 5);
  for (const auto& [label, verdict] : v) CHECK(verdict.status == "fail");
  CHECK(mentions(v["GET /wrong-status"], "status", "not declared"));
  CHECK(mentions(v["GET /wrong-content-type"], "header.Content-Type", "not declared"));
  CHECK(mentions(v["GET /bad-body"], "body/1/id", "JSON pointer /1/id"));
  CHECK(mentions(v["GET /missing-header"], "header.X-Request-Id", "missing required response header"));
  // Deprecated without declaring a Deprecation header: only x-sunset's Sunset is held to.
  CHECK_FALSE(mentions(v["GET /legacy"], "header.Deprecation", ""));
  CHECK(mentions(v["GET /legacy"], "header.Sunset", "RFC 8594"));
}

TEST_CASE("accord test: operations it cannot call are reported as skipped, not failed") {
  PetProvider provider;
  REQUIRE(provider.running());
  auto run = test_against(provider.base_url(), "^(DELETE /pets/\\{id\\}|PUT /blobs/\\{key\\}|GET /health)$");
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  auto v = verdicts(run);
  CHECK(v["GET /health"].status == "pass");
  CHECK(v["DELETE /pets/{id}"].status == "skipped");
  CHECK(v["PUT /blobs/{key}"].status == "skipped");
  CHECK(v["PUT /blobs/{key}"].reason.find("'key'") != std::string::npos);
  auto summary = core::load_text("report", run.out, core::Syntax::json);
  REQUIRE(summary.ok());
  CHECK((*summary)->root()->get("summary")->get_text("skipped") == "2");
}

TEST_CASE("accord test: the received status is always shown, and an error only 'default' accepts is a warning") {
  PetProvider provider;
  REQUIRE(provider.running());
  auto json = test_against(provider.base_url(), "^(GET /flaky|GET /wrong-status)$");
  INFO(json.out << json.err);
  CHECK(json.exit_code == 1);
  auto doc = core::load_text("report", json.out, core::Syntax::json);
  REQUIRE(doc.ok());
  std::map<std::string, const core::Node*> by_label;
  for (const auto& m : (*doc)->root()->get("interactions")->children()) by_label[std::string(m.value->get_text("description"))] = m.value;
  REQUIRE(by_label.count("GET /flaky"));
  CHECK(by_label["GET /flaky"]->get_text("status") == "pass");
  CHECK(by_label["GET /flaky"]->get_text("receivedStatus") == "503");
  REQUIRE(by_label["GET /flaky"]->get("warnings"));
  CHECK(std::string(by_label["GET /flaky"]->get("warnings")->at(0)->text()).find("only by the 'default' response") != std::string::npos);
  CHECK(by_label["GET /wrong-status"]->get_text("receivedStatus") == "418");
  auto text = test_against(provider.base_url(), "^(GET /flaky|GET /wrong-status)$", "text");
  CHECK(text.out.find("PASS  GET /flaky -> HTTP 503\n      warning: HTTP 503 is accepted only by the 'default'") != std::string::npos);
  CHECK(text.out.find("FAIL  GET /wrong-status -> HTTP 418") != std::string::npos);
  auto md = test_against(provider.base_url(), "^(GET /flaky|GET /wrong-status)$", "markdown");
  CHECK(md.out.find("| PASS | `GET /flaky` | HTTP 503 | warning: HTTP 503") != std::string::npos);
  CHECK(md.out.find("| **FAIL** | `GET /wrong-status` | HTTP 418 |") != std::string::npos);
  auto junit = test_against(provider.base_url(), "^(GET /flaky|GET /wrong-status)$", "junit");
  CHECK(junit.out.find("<system-out>received: HTTP 503\nwarning: HTTP 503") != std::string::npos);
  CHECK(junit.out.find("<system-out>received: HTTP 418") != std::string::npos);
}

TEST_CASE("accord test: an auth header from the environment is sent but never printed") {
  PetProvider provider;
  REQUIRE(provider.running());
  std::vector<std::string> env{std::string("ACCORD_SPEC_TEST_TOKEN=") + kSecretToken};
  for (const char* format : {"text", "json", "junit", "markdown"}) {
    INFO(format);
    auto run = test_against(provider.base_url(), "^GET /secure", format,
                            {"--header-from-env", "Authorization=ACCORD_SPEC_TEST_TOKEN"}, env);
    INFO(run.out << run.err);
    CHECK(run.exit_code == 1);  // /secure-echo leaks the token into its content type
    CHECK(run.out.find(kSecretToken) == std::string::npos);
    CHECK(run.err.find(kSecretToken) == std::string::npos);
    CHECK(run.out.find("s3cret") == std::string::npos);
    CHECK(run.out.find("***") != std::string::npos);
    if (std::string(format) == "json") {
      auto v = verdicts(run);
      CHECK(v["GET /secure"].status == "pass");  // the header did reach the provider
      CHECK(mentions(v["GET /secure-echo"], "header.Content-Type", "not declared"));
    }
  }
  // The same with -H.
  auto run = test_against(provider.base_url(), "^GET /secure", "text", {"-H", std::string("Authorization: ") + kSecretToken});
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("s3cret") == std::string::npos);
  CHECK(run.out.find("PASS  GET /secure -> HTTP 200\n") != std::string::npos);
}

TEST_CASE("accord test: a provider that is down fails clearly") {
  RefusingPort down;
  REQUIRE(down.port() > 0);
  auto run = test_against("http://127.0.0.1:" + std::to_string(down.port()), "^GET /health$");
  INFO(run.out << run.err);
  CHECK_FALSE(run.killed_after_deadline);
  CHECK(run.exit_code == 1);
  auto v = verdicts(run);
  CHECK(v["GET /health"].status == "fail");
  CHECK(mentions(v["GET /health"], "request", "connection refused"));
}

TEST_CASE("accord test: a slow provider times out with a verdict instead of hanging") {
  PetProvider provider;
  REQUIRE(provider.running());
  auto run = run_accord({"test", kSpec, "--base-url", provider.base_url(), "--timeout", "0.5", "--operation", "/slow",
                         "--format", "json"});
  INFO(run.out << run.err);
  CHECK_FALSE(run.killed_after_deadline);
  CHECK(run.exit_code == 1);
  auto v = verdicts(run);
  CHECK(mentions(v["GET /slow"], "request", "timed out"));
}

TEST_CASE("accord test: Swagger 2.0 documents are tested under the base URL given") {
  PetProvider provider;
  REQUIRE(provider.running());
  auto run = run_accord({"test", "fixtures/spec_test/swagger2.yaml", "--base-url", provider.base_url() + "/v1",
                         "--format", "json"});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  CHECK(verdicts(run)["GET /pets/{id}"].status == "pass");
}

TEST_CASE("accord test: JUnit and Markdown reports carry failures and skips") {
  PetProvider provider;
  REQUIRE(provider.running());
  const char* ops = "^(GET /wrong-status|DELETE /pets/\\{id\\}|GET /health)$";
  auto junit = test_against(provider.base_url(), ops, "junit");
  CHECK(junit.exit_code == 1);
  CHECK(junit.out.find("<failure message=\"status: status code not declared") != std::string::npos);
  CHECK(junit.out.find("<skipped message=\"the path template names") != std::string::npos);
  CHECK(junit.out.find("tests=\"3\" failures=\"1\" skipped=\"1\"") != std::string::npos);
  auto md = test_against(provider.base_url(), ops, "markdown");
  CHECK(md.exit_code == 1);
  CHECK(md.out.find("| **FAIL** | `GET /wrong-status` |") != std::string::npos);
  CHECK(md.out.find("| SKIP | `DELETE /pets/{id}` |  |") != std::string::npos);
}

TEST_CASE("accord test: unusable input exits 2 with a located message") {
  auto not_openapi = run_accord({"test", "fixtures/spec_test/not-openapi.yaml", "--base-url", "http://127.0.0.1:9"});
  CHECK(not_openapi.exit_code == 2);
  CHECK(not_openapi.err.find("fixtures/spec_test/not-openapi.yaml:1:1") != std::string::npos);
  auto broken = run_accord({"test", "fixtures/spec_test/broken-syntax.yaml", "--base-url", "http://127.0.0.1:9"});
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find("fixtures/spec_test/broken-syntax.yaml:") != std::string::npos);
  auto dangling = run_accord({"test", "fixtures/spec_test/dangling-ref.yaml", "--base-url", "http://127.0.0.1:9"});
  CHECK(dangling.exit_code == 2);
  CHECK(dangling.err.find("dangling-ref.yaml:13:") != std::string::npos);
  auto bad_url = run_accord({"test", kSpec, "--base-url", "127.0.0.1:9"});
  CHECK(bad_url.exit_code == 2);
  auto no_match = run_accord({"test", kSpec, "--base-url", "http://127.0.0.1:9", "--operation", "^PATCH "});
  CHECK(no_match.exit_code == 2);
  CHECK(no_match.err.find("no operation matches") != std::string::npos);
  auto bad_format = run_accord({"test", kSpec, "--base-url", "http://127.0.0.1:9", "--format", "xml"});
  CHECK(bad_format.exit_code == 2);
}

TEST_CASE("accord test: --methods safe (the default) calls only GET, HEAD, OPTIONS and TRACE, the rest are listed as skipped") {
  PetProvider provider;
  REQUIRE(provider.running());
  const std::string ops = "^(GET /pets/\\{id\\}|POST /pets|DELETE /pets/\\{id\\}|PUT /blobs/\\{key\\}|GET /health)$";
  // Default: no --methods.
  auto run = run_accord({"test", kSpec, "--base-url", provider.base_url(), "--operation", ops, "--format", "json"});
  INFO(run.out << run.err);
  CHECK(run.exit_code == 0);
  auto v = verdicts(run);
  REQUIRE(v.size() == 5);  // POST /pets once (not once per example): it is not called
  CHECK(v["GET /pets/{id}"].status == "pass");
  CHECK(v["GET /health"].status == "pass");
  for (const char* unsafe : {"POST /pets", "DELETE /pets/{id}", "PUT /blobs/{key}"}) {
    INFO(unsafe);
    CHECK(v[unsafe].status == "skipped");
    CHECK(v[unsafe].reason.find("not called: not a safe method (--methods safe, the default") == 0);
  }
  // A list: POST is called (once per named example), DELETE and PUT are not.
  auto listed = test_against(provider.base_url(), ops, "json", {"--methods", "get,POST"});
  INFO(listed.out << listed.err);
  CHECK(listed.exit_code == 0);
  auto l = verdicts(listed);
  CHECK(l["POST /pets (example 'rex')"].status == "pass");
  CHECK(l["DELETE /pets/{id}"].reason == "not called: --methods calls only GET, POST");
  // all: DELETE is planned (and skipped only because it cannot be built, as before).
  auto all = test_against(provider.base_url(), ops, "json", {"--methods", "all"});
  auto a = verdicts(all);
  CHECK(a["POST /pets (example 'tom')"].status == "pass");
  CHECK(a["DELETE /pets/{id}"].reason.find("not called") == std::string::npos);
  // Text report: the skip and its reason are shown.
  auto text = run_accord({"test", kSpec, "--base-url", provider.base_url(), "--operation", "^DELETE /pets/\\{id\\}$|^GET /health$"});
  CHECK(text.out.find("DELETE /pets/{id} (not called: not a safe method") != std::string::npos);
}

TEST_CASE("accord test: a run that calls nothing exits 1, a bad --methods exits 2") {
  PetProvider provider;
  REQUIRE(provider.running());
  auto nothing = run_accord({"test", kSpec, "--base-url", provider.base_url(), "--operation", "^POST "});
  INFO(nothing.out << nothing.err);
  CHECK(nothing.exit_code == 1);
  CHECK(nothing.err.find("accord: no request was made: 2 operation(s) skipped (see --methods)") != std::string::npos);
  auto bad = run_accord({"test", kSpec, "--base-url", provider.base_url(), "--methods", "GET,FETCH"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--methods expects safe, all or a list of HTTP methods (GET,POST,...), got 'GET,FETCH'") != std::string::npos);
}
