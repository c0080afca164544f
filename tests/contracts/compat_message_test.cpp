// The message-provider scenarios of the Pact compatibility suite
// (../shared/conformance/pact-compatibility-suite/features/V3 and V4
// message_provider.feature): a provider that answers POST / {"description",
// "providerStates"} with the message, verified with the suite's fixtures.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>
#include <map>
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

std::string suite_fixture(const std::string& name) {
  std::ifstream in(std::string(ACCORD_SOURCE_DIR) + "/../shared/conformance/pact-compatibility-suite/fixtures/" + name,
                   std::ios::binary);
  REQUIRE(in);  // ../shared is always present: a missing suite fails the test
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// What a message is made of, in the suite's "file: x" / "JSON: ..." / text notation.
struct Content {
  std::string bytes, content_type;
};

Content content_of(const std::string& spec) {
  if (spec.rfind("file: ", 0) == 0) {
    std::string name = spec.substr(6);
    std::string ext = name.substr(name.rfind('.') + 1);
    std::string type = ext == "json" ? "application/json" : ext == "xml" ? "application/xml" : "image/jpeg";
    return {suite_fixture(name), type};
  }
  if (spec.rfind("JSON: ", 0) == 0) return {spec.substr(6), "application/json"};
  return {spec, "text/plain"};
}

// The V3 `contents` as pact writers store them: JSON as JSON, text as a string,
// binary as a base64 string (decoded by the verifier because of its content type).
std::string contents_json(const Content& c) {
  if (c.content_type == "application/json") return c.bytes;
  if (c.content_type == "image/jpeg") return "\"" + pact::base64_encode(c.bytes) + "\"";
  return "\"" + accord::core::json_escape(c.bytes) + "\"";
}

// A message provider: each description maps to the message it generates.
struct MessageProvider {
  struct Message {
    Content content;
    std::string metadata_json;  // sent base64-encoded in Pact-Message-Metadata
  };
  TestProvider provider;
  std::mutex mutex;
  std::map<std::string, Message> messages;
  std::vector<std::string> calls;  // "message <body>" and "state <body>", in order

  MessageProvider() {
    provider.server().Post("/", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard<std::mutex> lock(mutex);
      calls.push_back("message " + req.body);
      for (const auto& [description, m] : messages) {
        if (req.body.find("\"description\":\"" + description + "\"") == std::string::npos) continue;
        if (!m.metadata_json.empty()) res.set_header("Pact-Message-Metadata", pact::base64_encode(m.metadata_json));
        res.set_content(m.content.bytes, m.content.content_type.c_str());
        return;
      }
      res.status = 404;
    });
    provider.server().Post("/_state", [this](const httplib::Request& req, httplib::Response&) {
      std::lock_guard<std::mutex> lock(mutex);
      calls.push_back("state " + req.body);
    });
    provider.start();
  }
  void generate(const std::string& description, const std::string& spec, const std::string& metadata_json = "") {
    messages[description] = {content_of(spec), metadata_json};
  }
};

// A V3 message pact in /tmp, removed with the object.
struct MessagePact {
  std::string path;
  MessagePact(const std::string& description, const std::string& spec, const std::string& extra = "",
              const std::string& metadata = "") {
    static int counter = 0;
    path = "/tmp/accord-compat-msg-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".json";
    Content c = content_of(spec);
    std::ofstream(path) << R"({"consumer":{"name":"c"},"provider":{"name":"p"},"messages":[{"description":")"
                        << description << R"(","contents":)" << contents_json(c) << R"(,"metadata":{"contentType":")"
                        << c.content_type << "\"" << metadata << "}" << extra
                        << R"(}],"metadata":{"pactSpecification":{"version":"3.0.0"}}})";
  }
  ~MessagePact() { std::remove(path.c_str()); }
};

std::vector<verify::InteractionResult> verify_with(MessageProvider& mp, const std::vector<std::string>& paths,
                                                   bool states = false) {
  auto pacts = pact::load_pacts(paths);
  REQUIRE(pacts.ok());
  verify::VerifyOptions o;
  o.provider_base_url = mp.provider.url();
  if (states) {
    o.state_change_url = mp.provider.url() + "/_state";
    o.state_change_teardown = true;
  }
  return verify::verify_pacts(*pacts, o, [] {
    http::ClientOptions c;
    c.timeout_ms = 5000;
    return std::make_unique<http::CurlClient>(c);
  });
}

// "body" when every mismatch is in the contents, "metadata" when every one is in the metadata.
std::string where(const verify::InteractionResult& r) {
  bool body = true, metadata = true;
  for (const auto& m : r.mismatches) {
    body &= m.path.rfind("$", 0) == 0;
    metadata &= m.path.rfind("metadata.", 0) == 0;
  }
  return r.mismatches.empty() ? "none" : body ? "body" : metadata ? "metadata" : "mixed";
}

std::string describe(const verify::InteractionResult& r) {
  std::string out;
  for (const auto& m : r.mismatches) out += m.path + ": " + m.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("compat message: each content kind, positive and negative (Body had differences)", "[compat][message]") {
  struct Case {
    const char* generated;
    const char* expected;
    bool pass;
  };
  const std::vector<Case> cases = {
      {"file: basic.json", "file: basic.json", true},
      {R"(JSON: { "one": "a", "two": "c" })", "file: basic.json", false},
      {"Hello World", "Hello World", true},
      {"Hello World", "Hello Jupiter", false},
      {"file: xml-body.xml", "file: xml-body.xml", true},
      {"file: xml-body.xml", "file: xml2-body.xml", false},
      {"file: rat.jpg", "file: rat.jpg", true},
      {"file: rat.jpg", "file: spider.jpg", false},
  };
  for (const Case& c : cases) {
    MessageProvider mp;
    mp.generate("basic", c.generated);
    MessagePact pact("basic", c.expected);
    auto results = verify_with(mp, {pact.path});
    REQUIRE(results.size() == 1);
    INFO(c.generated << " vs " << c.expected << "\n" << describe(results[0]));
    CHECK(results[0].kind == "message");
    CHECK(results[0].outcome == (c.pass ? verify::Outcome::pass : verify::Outcome::fail));
    CHECK(where(results[0]) == (c.pass ? "none" : "body"));
  }
}

TEST_CASE("compat message: several pact files against one provider", "[compat][message]") {
  MessageProvider mp;
  mp.generate("basic", "file: basic.json");
  mp.generate("xml", "file: xml-body.xml");
  MessagePact basic("basic", "file: basic.json"), xml("xml", "file: xml-body.xml");
  auto results = verify_with(mp, {basic.path, xml.path});
  REQUIRE(results.size() == 2);
  CHECK(results[0].outcome == verify::Outcome::pass);
  CHECK(results[1].outcome == verify::Outcome::pass);
}

TEST_CASE("compat message: provider state setup before and teardown after the message", "[compat][message][states]") {
  MessageProvider mp;
  mp.generate("basic", "file: basic.json");
  MessagePact pact("basic", "file: basic.json", R"(,"providerStates":[{"name":"state one"}])");
  auto results = verify_with(mp, {pact.path}, true);
  REQUIRE(results.size() == 1);
  CHECK(results[0].outcome == verify::Outcome::pass);
  REQUIRE(mp.calls.size() == 3);
  CHECK(mp.calls[0] == R"(state {"state":"state one","params":{},"action":"setup"})");
  CHECK(mp.calls[1] == R"(message {"description":"basic","providerStates":[{"name":"state one"}]})");
  CHECK(mp.calls[2] == R"(state {"state":"state one","params":{},"action":"teardown"})");
}

TEST_CASE("compat message: metadata is compared (Metadata had differences)", "[compat][message][metadata]") {
  MessageProvider mp;
  mp.generate("basic", "file: basic.json", R"({"Origin":"Some Text","TagData":{"ID":"sjhdjkshsdjh","weight":100.5}})");
  MessagePact pact("basic", "file: basic.json", "", R"(,"Origin":"Some Text","TagData":{"ID":"100","weight":100.5})");
  auto results = verify_with(mp, {pact.path});
  REQUIRE(results.size() == 1);
  INFO(describe(results[0]));
  CHECK(results[0].outcome == verify::Outcome::fail);
  CHECK(where(results[0]) == "metadata");
  CHECK(results[0].mismatches[0].path == "metadata.TagData");
}

TEST_CASE("compat message: matching rules for the metadata", "[compat][message][metadata]") {
  std::string rules = R"(,"matchingRules":)" + suite_fixture("regex-matcher-metadata.json");
  for (bool positive : {true, false}) {
    MessageProvider mp;
    mp.generate("basic", "file: basic.json",
                std::string(R"({"Origin":")") + (positive ? "AAA-123" : "AAAB-123") + R"(","TagData":{"ID":"123","weight":100.5}})");
    MessagePact pact("basic", "file: basic.json", rules, R"(,"Origin":"AXP-1000","TagData":{"ID":"123","weight":100.5})");
    auto results = verify_with(mp, {pact.path});
    REQUIRE(results.size() == 1);
    INFO((positive ? "positive\n" : "negative\n") << describe(results[0]));
    CHECK(results[0].outcome == (positive ? verify::Outcome::pass : verify::Outcome::fail));
    CHECK(where(results[0]) == (positive ? "none" : "metadata"));
  }
}

TEST_CASE("compat message: matching rules for the message body", "[compat][message]") {
  std::string rules = R"(,"matchingRules":)" + suite_fixture("include-matcher-v3.json");
  for (bool positive : {true, false}) {
    MessageProvider mp;
    mp.generate("basic", positive ? "file: basic2.json" : "file: basic3.json");
    MessagePact pact("basic", "file: basic.json", rules);
    auto results = verify_with(mp, {pact.path});
    REQUIRE(results.size() == 1);
    INFO((positive ? "positive\n" : "negative\n") << describe(results[0]));
    CHECK(results[0].outcome == (positive ? verify::Outcome::pass : verify::Outcome::fail));
    CHECK(where(results[0]) == (positive ? "none" : "body"));
  }
}
