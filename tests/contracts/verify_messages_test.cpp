// V4 message interactions through the built `accord verify`: the V4
// message_provider.feature scenarios (pending, comments), synchronous
// messages, --message-path, and nothing passing silently (empty pacts,
// plugin interactions accord cannot verify).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>

#include "contracts/pact/body_codec.h"
#include "run_accord.h"
#include "test_provider.h"

using accord_test::run_accord;
using accord_test::TestProvider;

namespace {

struct TempPact {
  std::string path;
  explicit TempPact(const std::string& interactions_json) {
    static int counter = 0;
    path = "/tmp/accord-v4-msg-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".json";
    std::ofstream(path) << R"({"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":)" << interactions_json
                        << R"(,"metadata":{"pactSpecification":{"version":"4.0"}}})";
  }
  ~TempPact() { std::remove(path.c_str()); }
};

// Answers every message request at `path` with {"one":"cat","two":"b"} (the suite's basic2.json).
struct Provider {
  TestProvider provider;
  std::string last_request;
  explicit Provider(const std::string& path = "/") {
    provider.server().Post(path, [this](const httplib::Request& req, httplib::Response& res) {
      last_request = req.body;
      res.set_header("Pact-Message-Metadata", accord::contracts::pact::base64_encode(R"({"kafka-topic":"animals"})"));
      res.set_content(R"({"one":"cat","two":"b"})", "application/json");
    });
    provider.start();
  }
  std::string base() const { return " --provider-base-url " + provider.url(); }
};

const char* kAsync = R"({"type":"Asynchronous/Messages","description":"basic",)";

}  // namespace

TEST_CASE("verify messages: a pending message with differences is reported but does not fail", "[compat][message][cli]") {
  Provider p;
  TempPact pact(std::string("[") + kAsync + R"("pending":true,"contents":{"contentType":"application/json","content":{"one":"a","two":"b"}}}])");
  auto r = run_accord(pact.path + p.base());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("FAIL (pending)  basic") != std::string::npos);
  CHECK(r.out.find("$.contents.one") != std::string::npos);  // a body difference
}

TEST_CASE("verify messages: comments and the test name are printed", "[compat][message][cli]") {
  Provider p;
  TempPact pact(std::string("[") + kAsync + R"("comments":{"text":["comment one","comment two"],"testname":"compatibility-suite"},
      "contents":{"contentType":"application/json","content":{"one":"cat"}}}])");
  auto r = run_accord(pact.path + p.base());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("comment: comment one") != std::string::npos);
  CHECK(r.out.find("comment: comment two") != std::string::npos);
  CHECK(r.out.find("test: compatibility-suite") != std::string::npos);
}

TEST_CASE("verify messages: --message-path, metadata from the header, states in the request", "[message][cli]") {
  Provider p("/pact/messages");
  TempPact pact(std::string("[") + kAsync + R"("providerStates":[{"name":"a cat","params":{"id":1}}],
      "metadata":{"kafka-topic":"animals","contentType":"application/json"},
      "contents":{"contentType":"application/json","content":{"one":"dog"}},
      "matchingRules":{"content":{"$.one":{"matchers":[{"match":"type"}]}}}}])");
  auto r = run_accord(pact.path + p.base() + " --message-path /pact/messages");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(p.last_request == R"({"description":"basic","providerStates":[{"name":"a cat","params":{"id":1}}]})");

  auto wrong_topic = TempPact(std::string("[") + kAsync + R"("metadata":{"kafka-topic":"plants"},"contents":{"content":{}}}])");
  auto w = run_accord(wrong_topic.path + p.base() + " --message-path pact/messages");
  INFO(w.out);
  CHECK(w.exit_code == 1);
  CHECK(w.out.find("metadata.kafka-topic") != std::string::npos);

  auto no_endpoint = run_accord(pact.path + p.base());  // POST / is not the message endpoint
  CHECK(no_endpoint.exit_code == 1);
  CHECK(no_endpoint.out.find("answered HTTP 404") != std::string::npos);
}

TEST_CASE("verify messages: a synchronous message checks each expected response", "[message][cli]") {
  Provider p;
  std::string request = R"("request":{"contents":{"contentType":"application/json","content":{"ask":"animal"}}})";
  TempPact good(R"([{"type":"Synchronous/Messages","description":"basic",)" + request + R"(,
      "response":[{"contents":{"contentType":"application/json","content":{"one":"cat"}}},
                  {"contents":{"contentType":"application/json","content":{"two":"b"}}}]}])");
  auto r = run_accord(good.path + p.base());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("1 passed") != std::string::npos);

  TempPact bad(R"([{"type":"Synchronous/Messages","description":"basic",)" + request + R"(,
      "response":[{"contents":{"contentType":"application/json","content":{"one":"cat"}}},
                  {"contents":{"contentType":"application/json","content":{"two":"c"}}}]}])");
  auto b = run_accord(bad.path + p.base());
  INFO(b.out);
  CHECK(b.exit_code == 1);
  CHECK(b.out.find("response[1].$.contents.two") != std::string::npos);
  CHECK(b.out.find("response[0]") == std::string::npos);
}

TEST_CASE("verify: nothing passes silently (empty pact, plugin interactions)", "[message][cli]") {
  Provider p;
  TempPact empty("[]");
  auto e = run_accord(empty.path + p.base());
  INFO(e.out << e.err);
  CHECK(e.exit_code == 1);
  CHECK(e.out.find("no interaction was verified") != std::string::npos);

  TempPact plugin(R"([{"type":"Synchronous/Messages","description":"grpc call",
      "pluginConfiguration":{"protobuf":{"descriptorKey":"abc"}},"request":{"contents":{"content":""}},"response":[]},
      )" + std::string(kAsync) + R"("contents":{"content":{"one":"cat"}}}])");
  auto s = run_accord(plugin.path + p.base());
  INFO(s.out << s.err);
  CHECK(s.exit_code == 1);
  CHECK(s.out.find("SKIPPED  grpc call") != std::string::npos);
  CHECK(s.out.find("needs the Pact plugin(s) protobuf") != std::string::npos);
  CHECK(s.out.find("1 skipped") != std::string::npos);

  auto allowed = run_accord(plugin.path + p.base() + " --allow-skipped --format junit");
  INFO(allowed.out);
  CHECK(allowed.exit_code == 0);
  CHECK(allowed.out.find("<skipped message=\"interaction: not verified: needs the Pact plugin(s) protobuf") != std::string::npos);

  TempPact only_plugin(R"([{"type":"Synchronous/Messages","description":"grpc call",
      "pluginConfiguration":{"protobuf":{}},"request":{},"response":[]}])");
  auto o = run_accord(only_plugin.path + p.base() + " --allow-skipped");
  CHECK(o.exit_code == 1);  // allowed to skip, but nothing at all was verified
}
