// The provider-side scenarios of the Pact compatibility suite
// (../shared/conformance/pact-compatibility-suite/features/V1, V3 and V4
// http_provider.feature) that the specification cases cannot show, because
// they need a live provider: provider-state callbacks, the body kinds over
// real HTTP, and V4 comments.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>
#include <mutex>
#include <sstream>

#include "contracts/http/curl_client.h"
#include "contracts/pact/body_codec.h"
#include "contracts/pact/loader.h"
#include "contracts/verify/verifier.h"
#include "core/json_writer.h"
#include "run_accord.h"
#include "test_paths.h"
#include "test_provider.h"

using namespace accord::contracts;
using accord_test::TestProvider;

namespace {

// A pact file in /tmp written from JSON text, removed with the object.
struct TempPact {
  std::string path;
  explicit TempPact(const std::string& interactions_json, const char* spec = "4.0") {
    static int counter = 0;
    path = "/tmp/accord-compat-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".json";
    std::ofstream(path) << R"({"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":)" << interactions_json
                        << R"(,"metadata":{"pactSpecification":{"version":")" << spec << "\"}}}";
  }
  ~TempPact() { std::remove(path.c_str()); }
  std::vector<pact::Pact> load() const {
    auto pacts = pact::load_pacts({path});
    REQUIRE(pacts.ok());
    return std::move(*pacts);
  }
};

std::string read_suite_fixture(const std::string& name) {
  std::ifstream in(std::string(ACCORD_SOURCE_DIR) + "/../shared/conformance/pact-compatibility-suite/fixtures/" + name,
                   std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

verify::ClientFactory curl() {
  return [] {
    http::ClientOptions o;
    o.timeout_ms = 5000;
    return std::make_unique<http::CurlClient>(o);
  };
}

// GET /one answers the suite's basic.json; POST /_state records each call.
struct StateRecorder {
  TestProvider provider;
  std::mutex mutex;
  std::vector<std::string> calls;
  int state_status = 200;

  StateRecorder() {
    provider.server().Get("/one", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(R"({"one":"a","two":"b"})", "application/json");
    });
    provider.server().Post("/_state", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mutex);
      calls.push_back(req.body);
      res.status = state_status;
    });
    provider.start();
  }
  std::vector<verify::InteractionResult> verify(const std::string& states_json) {
    TempPact pact(R"([{"type":"Synchronous/HTTP","description":"get one",)" + states_json +
                  R"("request":{"method":"GET","path":"/one"},
                      "response":{"status":200,"body":{"content":{"one":"a","two":"b"}}}}])");
    auto pacts = pact.load();
    verify::VerifyOptions o;
    o.provider_base_url = provider.url();
    o.state_change_url = provider.url() + "/_state";
    o.state_change_teardown = true;
    return verify::verify_pacts(pacts, o, curl());
  }
};

}  // namespace

TEST_CASE("compat: every provider state gets a setup and a teardown call, with its parameters", "[compat][states]") {
  StateRecorder recorder;
  auto results = recorder.verify(R"("providerStates":[{"name":"State One"},
      {"name":"A user exists","params":{"name":"Bob","age":22}}],)");
  REQUIRE(results.size() == 1);
  CHECK(results[0].outcome == verify::Outcome::pass);
  REQUIRE(recorder.calls.size() == 4);
  CHECK(recorder.calls[0] == R"({"state":"State One","params":{},"action":"setup"})");
  CHECK(recorder.calls[1] == R"({"state":"A user exists","params":{"name":"Bob","age":22},"action":"setup"})");
  CHECK(recorder.calls[2] == R"({"state":"A user exists","params":{"name":"Bob","age":22},"action":"teardown"})");
  CHECK(recorder.calls[3] == R"({"state":"State One","params":{},"action":"teardown"})");
}

TEST_CASE("compat: an interaction without provider states still calls the state URL with state \"\"", "[compat][states]") {
  StateRecorder recorder;
  auto results = recorder.verify("");
  REQUIRE(results.size() == 1);
  CHECK(results[0].outcome == verify::Outcome::pass);
  REQUIRE(recorder.calls.size() == 2);
  CHECK(recorder.calls[0] == R"({"state":"","params":{},"action":"setup"})");
  CHECK(recorder.calls[1] == R"({"state":"","params":{},"action":"teardown"})");
}

TEST_CASE("compat: a failing state setup fails the interaction and gets no teardown", "[compat][states]") {
  StateRecorder recorder;
  recorder.state_status = 500;
  auto results = recorder.verify(R"("providerStates":[{"name":"state one"}],)");
  REQUIRE(results.size() == 1);
  CHECK(results[0].outcome == verify::Outcome::fail);
  REQUIRE(results[0].mismatches.size() == 1);
  CHECK(results[0].mismatches[0].message.find("provider state 'state one' setup failed") != std::string::npos);
  REQUIRE(recorder.calls.size() == 1);
  CHECK(recorder.calls[0].find("\"action\":\"setup\"") != std::string::npos);
}

TEST_CASE("compat: provider states without --state-change-url pass with a warning", "[compat][states][cli]") {
  StateRecorder recorder;
  TempPact pact(R"([{"type":"Synchronous/HTTP","description":"get one","providerStates":[{"name":"state one"}],
      "request":{"method":"GET","path":"/one"},"response":{"status":200}}])");
  auto r = accord_test::run_accord(pact.path + " --provider-base-url " + recorder.provider.url());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("1 interaction(s) name provider states, but no --state-change-url was given") != std::string::npos);
  CHECK(recorder.calls.empty());
}

TEST_CASE("compat: V4 comments and the test name are shown with the verdict", "[compat][cli]") {
  StateRecorder recorder;
  TempPact pact(R"([{"type":"Synchronous/HTTP","description":"get one",
      "comments":{"text":["comment one","comment two"],"testname":"compatibility-suite"},
      "request":{"method":"GET","path":"/one"},"response":{"status":200}}])");
  auto r = accord_test::run_accord(pact.path + " --provider-base-url " + recorder.provider.url());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("comment: comment one") != std::string::npos);
  CHECK(r.out.find("comment: comment two") != std::string::npos);
  CHECK(r.out.find("test: compatibility-suite") != std::string::npos);
}

TEST_CASE("compat: each body kind is verified over HTTP, positive and negative", "[compat][bodies]") {
  struct Case {
    const char* kind;
    std::string content_type, expected, same, different;
  };
  std::string multipart = "--gc0p4Jq0M2Yt08jU534c0p\r\nContent-Type: text/plain\r\n\r\nThis is the body of the message.\r\n"
                          "--gc0p4Jq0M2Yt08jU534c0p--\r\n";
  std::string multipart2 = multipart;
  multipart2.replace(multipart2.find("This is"), 7, "That is");
  const std::vector<Case> cases = {
      {"plain text", "text/plain", "Hello World!", "Hello World!", "Hello Compatibility Suite!"},
      {"JSON", "application/json", R"({"one":"a","two":"b"})", R"({"two":"b","one":"a"})", R"({"one":100,"two":"b"})"},
      {"XML", "application/xml", "<values><one>A</one><two>B</two></values>", "<values><one>A</one><two>B</two></values>",
       "<values><one>A</one></values>"},
      {"binary", "image/jpeg", read_suite_fixture("rat.jpg"), read_suite_fixture("rat.jpg"), read_suite_fixture("spider.jpg")},
      {"form", "application/x-www-form-urlencoded", "a=1&b=2&c=3&d=4", "a=1&b=2&c=3&d=4", "a=1&b=2&c=33&d=4"},
      {"multipart", "multipart/mixed; boundary=gc0p4Jq0M2Yt08jU534c0p", multipart, multipart, multipart2},
  };
  for (const Case& c : cases) {
    for (bool positive : {true, false}) {
      TestProvider provider;
      const std::string& served = positive ? c.same : c.different;
      provider.server().Get("/body", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(served, c.content_type.c_str());
      });
      provider.start();
      TempPact pact(R"([{"type":"Synchronous/HTTP","description":"get the body","request":{"method":"GET","path":"/body"},
          "response":{"status":200,"headers":{"Content-Type":[")" + accord::core::json_escape(c.content_type) +
                    R"("]},"body":{"contentType":")" + accord::core::json_escape(c.content_type) +
                    R"(","encoded":"base64","content":")" + pact::base64_encode(c.expected) + R"("}}}])");
      auto pacts = pact.load();
      verify::VerifyOptions o;
      o.provider_base_url = provider.url();
      auto results = verify::verify_pacts(pacts, o, curl());
      REQUIRE(results.size() == 1);
      std::string paths;
      for (const auto& m : results[0].mismatches) paths += m.path + ": " + m.message + "\n";
      INFO(c.kind << (positive ? " (positive)" : " (negative)") << "\n" << paths);
      if (positive) {
        CHECK(results[0].outcome == verify::Outcome::pass);
      } else {
        CHECK(results[0].outcome == verify::Outcome::fail);
        CHECK(paths.rfind("$", 0) == 0);  // a body difference, not status or headers
        // Bytes are described, never dumped: size, content type, hex prefix (per MIME part).
        if (std::string(c.kind) == "binary") {
          CHECK(results[0].mismatches[0].expected.find(std::to_string(c.expected.size()) + " bytes of image/jpeg, starting ff d8") == 0);
          CHECK(results[0].mismatches[0].actual.find(std::to_string(c.different.size()) + " bytes of image/jpeg") == 0);
        }
        if (std::string(c.kind) == "multipart") {
          CHECK(paths.find("part 1: the content differs") != std::string::npos);
          CHECK(results[0].mismatches[0].expected.find("32 bytes of text/plain, starting 54 68 69 73") == 0);
        }
      }
    }
  }
}

TEST_CASE("verify: obsolete folded response headers are unfolded before matching", "[verify][headers]") {
  accord_test::RawProvider raw(
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Animals: cat,\r\n  dog,\r\n\tbird\r\n"
      "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
  TempPact pact(R"([{"type":"Synchronous/HTTP","description":"folded","request":{"method":"GET","path":"/"},
      "response":{"status":200,"headers":{"X-Animals":"cat, dog, bird"}}}])");
  auto pacts = pact.load();
  verify::VerifyOptions o;
  o.provider_base_url = raw.url();
  auto results = verify::verify_pacts(pacts, o, curl());
  REQUIRE(results.size() == 1);
  std::string why;
  for (const auto& m : results[0].mismatches) why += m.path + ": " + m.message + " [" + m.actual + "]\n";
  INFO(why);
  CHECK(results[0].outcome == verify::Outcome::pass);
}
