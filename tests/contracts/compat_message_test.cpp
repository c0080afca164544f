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
#include "core/loader.h"
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

// The suite's body descriptors (`*-body.xml`): <body><contentType>, and
// <contents> (CDATA or text, `encoding="base64"` for bytes).
Content body_descriptor(const std::string& xml) {
  auto between = [&](const std::string& open, const std::string& close, size_t from = 0) {
    size_t b = xml.find(open, from);
    if (b == std::string::npos) return std::string();
    b += open.size();
    return xml.substr(b, xml.find(close, b) - b);
  };
  std::string type = between("<contentType>", "</contentType>");
  size_t at = xml.find("<contents");
  REQUIRE(at != std::string::npos);
  bool base64 = xml.substr(at, xml.find('>', at) - at).find("encoding=\"base64\"") != std::string::npos;
  std::string contents = xml.find("<![CDATA[", at) != std::string::npos ? between("<![CDATA[", "]]>", at)
                                                                       : between(">", "</contents>", at);
  return {base64 ? pact::base64_decode(contents) : contents, type};
}

Content content_of(const std::string& spec) {
  if (spec.rfind("file: ", 0) == 0) {
    std::string name = spec.substr(6);
    if (name.size() > 9 && name.compare(name.size() - 9, 9, "-body.xml") == 0) return body_descriptor(suite_fixture(name));
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
  pact::BodyKind kind = pact::body_kind(pact::media_type(c.content_type));
  if (kind == pact::BodyKind::json) return c.bytes;
  if (kind == pact::BodyKind::binary) return "\"" + pact::base64_encode(c.bytes) + "\"";
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

// The V4 message_provider.feature scenarios, with the suite's fixtures, run
// through the built `accord verify` as the suite's "verification is run" step.
namespace {

std::string v4_feature() {
  std::ifstream in(std::string(ACCORD_SOURCE_DIR) + "/../shared/conformance/pact-compatibility-suite/features/V4/message_provider.feature");
  REQUIRE(in);  // ../shared is always present
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A V4 pact of one Asynchronous/Messages interaction; `extra` adds members to it.
struct V4MessagePact {
  std::string path;
  V4MessagePact(const std::string& description, const std::string& spec, const std::string& extra) {
    static int counter = 0;
    path = "/tmp/accord-compat-v4msg-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".json";
    Content c = content_of(spec);
    std::ofstream(path) << R"({"consumer":{"name":"c"},"provider":{"name":"p"},"interactions":[{"type":"Asynchronous/Messages",)"
                        << R"("description":")" << description << "\"" << extra << R"(,"contents":{"contentType":")"
                        << c.content_type << R"(","content":)" << contents_json(c)
                        << R"(}}],"metadata":{"pactSpecification":{"version":"4.0"}}})";
  }
  ~V4MessagePact() { std::remove(path.c_str()); }
};

}  // namespace

TEST_CASE("compat V4 message: a pending message interaction fails as pending, the run succeeds", "[compat][message][v4][cli]") {
  REQUIRE(v4_feature().find("Scenario: Verifying a pending message interaction") != std::string::npos);
  MessageProvider mp;
  mp.generate("basic", "file: basic2.json");  // {"one":"cat","two":"b"}
  V4MessagePact pact("basic", "file: basic.json", R"(,"pending":true)");
  // "the verification will be successful"
  auto text = accord_test::run_accord(pact.path + " --provider-base-url " + mp.provider.url());
  INFO(text.out << text.err);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("  FAIL (pending)  basic\n      $.contents.one: expected \"a\" but got \"cat\"") != std::string::npos);
  CHECK(text.out.find("1 interaction(s): 0 passed, 0 failed, 1 pending failure(s)") != std::string::npos);
  // "there will be a pending 'Body had differences' error": every mismatch in the body.
  auto json = accord_test::run_accord(pact.path + " --format json --provider-base-url " + mp.provider.url());
  CHECK(json.exit_code == 0);
  auto report = accord::core::load_text("report.json", json.out, accord::core::Syntax::json);
  REQUIRE(report.ok());
  const auto* r = (*report)->root()->get("interactions")->at(0);
  CHECK(r->get_text("status") == "pending-fail");
  CHECK(r->get_text("kind") == "message");
  REQUIRE(r->get("mismatches")->size() == 1);
  CHECK(r->get("mismatches")->at(0)->get_text("path") == "$.contents.one");
  // The same interaction not pending fails the run.
  V4MessagePact not_pending("basic", "file: basic.json", "");
  CHECK(accord_test::run_accord(not_pending.path + " --provider-base-url " + mp.provider.url()).exit_code == 1);
}

TEST_CASE("compat V4 message: comments and the original test name are printed", "[compat][message][v4][cli]") {
  REQUIRE(v4_feature().find("Scenario: Verifying a message interaction with comments") != std::string::npos);
  MessageProvider mp;
  mp.generate("basic", "file: basic.json");
  V4MessagePact pact("basic", "file: basic.json",
                     R"(,"comments":{"text":["comment one","comment two"],"testname":"compatibility-suite"})");
  auto text = accord_test::run_accord(pact.path + " --provider-base-url " + mp.provider.url());
  INFO(text.out << text.err);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("  PASS  basic\n      test: compatibility-suite\n      comment: comment one\n      comment: comment two\n") !=
        std::string::npos);
  // The other report formats carry them too.
  auto json = accord_test::run_accord(pact.path + " --format json --provider-base-url " + mp.provider.url());
  CHECK(json.out.find(R"("testName": "compatibility-suite")") != std::string::npos);
  CHECK(json.out.find(R"("comment two")") != std::string::npos);
  auto junit = accord_test::run_accord(pact.path + " --format junit --provider-base-url " + mp.provider.url());
  CHECK(junit.out.find("<system-out>test: compatibility-suite\ncomment: comment one\ncomment: comment two\n</system-out>") !=
        std::string::npos);
  auto markdown = accord_test::run_accord(pact.path + " --format markdown --provider-base-url " + mp.provider.url());
  CHECK(markdown.out.find("- **c: basic** (test compatibility-suite): comment one; comment two\n") != std::string::npos);
}

TEST_CASE("compat message: a body in the Kafka Schema Registry wire format (the V3 @wip scenario)", "[compat][message][kafka]") {
  std::ifstream feature(std::string(ACCORD_SOURCE_DIR) + "/../shared/conformance/pact-compatibility-suite/features/V3/message_provider.feature");
  REQUIRE(feature);
  std::stringstream text;
  text << feature.rdbuf();
  REQUIRE(text.str().find("Scenario: Supports messages with body formatted for the Kafka schema registry") != std::string::npos);
  // The provider sends 0x00, schema ID 2, then {"one": "a","two": "b"}; the pact expects the JSON.
  Content sent = content_of("file: kafka-body.xml");
  REQUIRE(sent.content_type == "application/vnd.schemaregistry.v1+json");
  REQUIRE(sent.bytes.substr(0, 5) == std::string("\0\0\0\0\2", 5));
  {
    MessageProvider mp;
    mp.generate("kafka", "file: kafka-body.xml");
    MessagePact pact("kafka", "file: kafka-expected-body.xml");
    auto results = verify_with(mp, {pact.path});
    REQUIRE(results.size() == 1);
    INFO(describe(results[0]));
    CHECK(results[0].outcome == verify::Outcome::pass);  // "the verification will be successful"
  }
  {  // The JSON after the prefix is still matched.
    MessageProvider mp;
    mp.messages["kafka"] = {{std::string("\0\0\0\0\2", 5) + R"({"one":"a","two":"c"})", sent.content_type}, ""};
    MessagePact pact("kafka", "file: kafka-expected-body.xml");
    auto results = verify_with(mp, {pact.path});
    REQUIRE(results.size() == 1);
    INFO(describe(results[0]));
    CHECK(results[0].outcome == verify::Outcome::fail);
    CHECK(describe(results[0]) == "$.contents.two: expected \"b\" but got \"c\"\n");
  }
  {  // Plain JSON under the Schema Registry type is not the wire format: a Confluent deserialiser rejects it.
    MessageProvider mp;
    mp.messages["kafka"] = {{R"({"one":"a","two":"b"})", sent.content_type}, ""};
    MessagePact pact("kafka", "file: kafka-expected-body.xml");
    auto results = verify_with(mp, {pact.path});
    REQUIRE(results.size() == 1);
    CHECK(results[0].outcome == verify::Outcome::fail);
    CHECK(describe(results[0]).find("without the Schema Registry wire format prefix") != std::string::npos);
  }
}
